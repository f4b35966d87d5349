"""Read a built page the way a reader sees it: the text of the page, or of one record."""

from __future__ import annotations

import html
import re
from pathlib import Path

_HEADING = re.compile(r"(?=<h[1-6][^>]*>)")
_TAGS = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)


def as_text(markup: str) -> str:
    """Tags removed, entities decoded, whitespace folded, permalink signs dropped."""
    text = html.unescape(_TAGS.sub(" ", markup)).replace("¶", " ")
    return _SPACE.sub(" ", text).strip()


def page_html(site: Path, page: str) -> str:
    """The HTML of a built page, e.g. ``strikes-on-russia`` (empty for the home page)."""
    return (site / page / "index.html").read_text(encoding="utf-8")


def page_text(site: Path, page: str) -> str:
    """The reader-visible text of a page's main content."""
    match = _ARTICLE.search(page_html(site, page))
    assert match, f"no article element in {page}"
    return as_text(match.group(1))


def record_text(site: Path, page: str, record_id: str) -> str:
    """The text of the section whose heading carries ``id=record_id``, up to the next heading of its level or above."""
    article = _ARTICLE.search(page_html(site, page))
    assert article, f"no article element in {page}"
    sections = _HEADING.split(article.group(1))
    for position, section in enumerate(sections):
        opening = re.match(rf'<h([1-6])[^>]*\bid="{re.escape(record_id)}"', section)
        if opening:
            level = int(opening.group(1))
            parts = [section]
            for following in sections[position + 1 :]:
                if int(following[2]) <= level:
                    break
                parts.append(following)
            return as_text("".join(parts))
    raise AssertionError(f"no record {record_id} on {page}")


def is_redirect(site: Path, page: str) -> bool:
    """Whether the page only leads on to where a page moved (a refresh, no article)."""
    return 'http-equiv="refresh"' in page_html(site, page)
