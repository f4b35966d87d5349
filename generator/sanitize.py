"""Defence in depth on the built site: sanitise what came from the content, check the rest, pin the scripts.

Escaping (:mod:`generator.escape`) already keeps content text from becoming
markup. This stage assumes it failed, and runs on the freshly built site
before it is published:

- the article body of every page (where the Markdown lands) is cleaned with
  ``nh3`` against an allow-list of the tags, attributes and URL schemes
  (http, https, mailto, relative) that the templates and Markdown produce;
- titles and texts in the search index, which Material's search shows as
  HTML, are cleaned the same way with a tighter allow-list;
- the rest of every page (head, navigation, table of contents), which comes
  from the theme, is checked: no ``on*`` attribute, no link outside the
  allowed schemes, no script but the theme's own files and inline scripts;
- each page's Content-Security-Policy (set in ``templates/overrides/main.html``)
  gets the SHA-256 hashes of that page's inline scripts, all from the theme
  since the article body has none left, so the browser runs nothing else.

A page that fails a check fails the build, and the published site stays as it was.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from importlib import metadata
from pathlib import Path
from typing import Any

import nh3

from generator import progress
from generator.errors import SiteBuildError
from generator.files import file_identity, write_atomically
from generator.parallel import fork_map
from generator.urls import SVG_DATA

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SiteMarkup:
    """Where the engine's theme puts what came from the content: each page's article body, and the search index."""

    article_start: str
    """The tag that opens the article body, e.g. ``<article class="md-content__inner md-typeset">``."""
    article_end: str
    search_index: Path
    """The search index, relative to the site's root: a JSON object whose ``docs`` have a ``title`` and a ``text``."""


URL_SCHEMES = frozenset({"http", "https", "mailto"})

_SVG_TAGS = {"svg", "path", "g", "circle", "rect", "title", "desc", "use"}
CONTENT_TAGS = frozenset(
    {
        *("h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "div", "span", "a", "strong", "em", "b", "i", "code", "pre", "kbd"),
        *("ul", "ol", "li", "dl", "dt", "dd", "blockquote", "table", "thead", "tbody", "tr", "th", "td", "caption", "sup", "sub"),
        *("img", "abbr", "time", "mark", "del", "ins", "small", "details", "summary", "bdi", "nav", "aside", "figure", "figcaption"),
        *_SVG_TAGS,
    }
)
"""Tags the Markdown and the templates produce in a page's article body."""

CONTENT_ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir"},
    "a": {"href", "aria-label"},
    "img": {"src", "alt", "width", "height", "loading"},
    "ol": {"start"},
    "time": {"datetime"},
    "th": {"align", "colspan", "rowspan"},
    "td": {"align", "colspan", "rowspan"},
    "svg": {"xmlns", "viewBox", "width", "height", "aria-hidden", "role", "aria-labelledby", "aria-describedby"},
    "path": {"d", "fill-rule", "clip-rule"},
    "g": {"fill"},
    "circle": {"cx", "cy", "r"},
    "use": {"href"},
    "rect": {"x", "y", "width", "height", "rx"},
}

SEARCH_TAGS = frozenset({"p", "code", "strong", "em", "b", "i", "span", "ul", "ol", "li", "pre", "kbd", "mark", "sup", "sub"})
"""What Material's search index keeps of a page's markup; nothing with an attribute."""

THEME_URLS = frozenset({"javascript:void(0)"})
"""Inert links the theme itself writes (Material's search share button); never in the article body, which nh3 cleans."""

_URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "poster", "data", "srcset", "background"})
_CSP_SCRIPT_SRC = "script-src 'self'"
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?P<attributes>[^>]*)>(?P<body>.*?)</script>", re.DOTALL)


@dataclass(frozen=True)
class SanitizeReport:
    """How many files the stage went through, and how many it had to change."""

    pages: int
    pages_changed: int
    search_entries_changed: int


def _data_image_only(tag: str, attribute: str, value: str) -> str | None:
    """nh3 lets ``data:`` through for every URL attribute; keep it only as an image's base64 SVG (``urls.SVG_DATA``: a
    chart drawn as the page loads), where no script runs."""
    if _scheme(re.sub(r"[\x00-\x20]", "", value)) != "data":
        return value
    return value if _svg_image(tag, attribute, value) else None


def clean_body(html: str) -> str:
    """Clean a page's article body: allowed tags and attributes only, links http(s), mailto or relative; ``data:``
    only as an image's SVG."""
    return nh3.clean(
        html,
        tags=set(CONTENT_TAGS),
        attributes={tag: set(names) for tag, names in CONTENT_ATTRIBUTES.items()},
        attribute_filter=_data_image_only,
        url_schemes={*URL_SCHEMES, "data"},
        link_rel=None,
        strip_comments=True,
    )


MARKUP_CHARACTERS = re.compile(r"[\x00\r&<>\xa0]")
"""The only characters nh3 changes in a text with no tag (``tests/test_sanitize_text.py`` checks every code point): a
text without them is already clean, and is not parsed."""


def clean_search_text(html: str) -> str:
    """Clean a search index title or text, which Material's search inserts as HTML."""
    if not MARKUP_CHARACTERS.search(html):
        return html
    return nh3.clean(html, tags=set(SEARCH_TAGS), attributes={}, url_schemes=set(URL_SCHEMES), link_rel=None)


def clean_plain_text(text: str) -> str:
    """Clean a text that must have no markup at all (an index field only searched, never shown)."""
    return text if not MARKUP_CHARACTERS.search(text) else nh3.clean(text, tags=set(), attributes={})


def sanitize_page(html: str, where: str, markup: SiteMarkup) -> str:
    """Clean the article body of one built page, check the rest, and pin its inline scripts in its CSP."""
    start = html.find(markup.article_start)
    outside = html
    if start != -1:
        body_start = start + len(markup.article_start)
        body_end = html.rfind(markup.article_end)
        if body_end < body_start:
            raise SiteBuildError(f"{where}: the article body is not closed")
        # The body is rebuilt from nh3's allow-list; what remains to check is the theme's part around it.
        outside = html[:body_start] + html[body_end:]
        html = html[:body_start] + clean_body(html[body_start:body_end]) + html[body_end:]
    problems = check_page(outside)
    if problems:
        raise SiteBuildError(f"{where}: unsafe markup in the built page:\n" + "\n".join(f"  {problem}" for problem in problems))
    return _pin_inline_scripts(html, where)


def _pin_inline_scripts(html: str, where: str) -> str:
    hashes = [
        _script_hash(match.group("body"))
        for match in _INLINE_SCRIPT.finditer(html)
        if "application/json" not in match.group("attributes")  # data, never run
    ]
    if _CSP_SCRIPT_SRC not in html:
        raise SiteBuildError(f'{where}: no Content-Security-Policy with "{_CSP_SCRIPT_SRC}" (templates/overrides/main.html)')
    pinned = " ".join([_CSP_SCRIPT_SRC, *sorted(set(hashes))])
    return html.replace(_CSP_SCRIPT_SRC, pinned, 1)


def _script_hash(body: str) -> str:
    """The CSP source that lets one inline script run: ``'sha256-...'`` of its text."""
    return f"'sha256-{base64.b64encode(hashlib.sha256(body.encode('utf-8')).digest()).decode('ascii')}'"


def allow_script(html: str, body: str) -> str:
    """A sanitised page whose policy also lets the inline script ``body`` run (the preview's live-reload script,
    which its server adds to each page it serves); a page without the policy is returned as it is."""
    policy = _pinned_policy(html)
    return html.replace(policy, f"{policy} {_script_hash(body)}", 1) if policy in html else html


class _PageChecker(HTMLParser):
    """Collects what a built page must not contain, wherever it is."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag}> has an event-handler attribute {name}={value!r}")
            if name in _URL_ATTRIBUTES and value and not _allowed_url(value, tag, name):
                self.problems.append(
                    f"<{tag}> links to {value[:80]!r}: only {', '.join(sorted(URL_SCHEMES))} and relative links are allowed"
                )
        if tag in {"iframe", "object", "embed", "base", "frame", "frameset", "applet"}:
            self.problems.append(f"<{tag}> is not allowed")
        if tag == "script":
            source = dict(attrs).get("src")
            if source is not None and (_scheme(source) is not None or source.startswith("//")):
                self.problems.append(f"<script> loads {source!r}: only the site's own scripts may run")


def _scheme(url: str) -> str | None:
    match = re.match(r"^\s*([a-zA-Z][a-zA-Z0-9+.\-]*):", url)
    return match.group(1).lower() if match else None


def _allowed_url(url: str, tag: str, attribute: str) -> bool:
    scheme = _scheme(re.sub(r"[\x00-\x20]", "", url))
    return scheme is None or scheme in URL_SCHEMES or url in THEME_URLS or _svg_image(tag, attribute, url)


def _svg_image(tag: str, attribute: str, url: str) -> bool:
    return tag == "img" and attribute == "src" and url.startswith(SVG_DATA)


def check_page(html: str) -> list[str]:
    """What in a built page breaks the rules above (empty when the page is safe)."""
    checker = _PageChecker()
    checker.feed(html)
    checker.close()
    return checker.problems


def _value_digest(kind: str, value: str) -> str:
    return hashlib.blake2b(f"{kind}\0{value}".encode(), digest_size=16).hexdigest()


def sanitize_search_index(index_file: Path, known_clean: frozenset[str] = frozenset()) -> tuple[int, set[str]]:
    """Clean every title and text of the search index in place; return how many changed, and the digests of the
    values that came out as they went in. A value whose digest is in ``known_clean`` (what an earlier run of this
    same stage, same salt, found clean) is not cleaned again: it would come out the same."""
    index = json.loads(index_file.read_text(encoding="utf-8"))
    changed, clean = 0, set()
    for entry in index.get("docs", []):
        for key, value in entry.items():
            if isinstance(value, str) and key != "location":
                # title and text are shown as HTML; any other field (the records' other names) is only searched: text
                kind = "html" if key in ("title", "text") else "text"
                digest = _value_digest(kind, value)
                if digest in known_clean:
                    clean.add(digest)
                    continue
                cleaned = clean_search_text(value) if kind == "html" else clean_plain_text(value)
                if cleaned == value:
                    clean.add(digest)
                else:
                    changed += 1
                    entry[key] = cleaned
    if changed:
        index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return changed, clean


def sanitize_site(site_dir: Path, markup: SiteMarkup, published: Path | None = None, record: Path | None = None) -> SanitizeReport:
    """Run the stage over a built (not yet published) site, whose theme lays pages out as ``markup`` says;
    raise :class:`SiteBuildError` on an unsafe page.

    With ``record`` (a file the stage keeps between builds) and the ``published`` site: a page the engine wrote
    exactly as last time, whose published copy is still what this stage made of it then, is carried over from the
    published site (hard-linked where the file system allows) instead of being sanitised again; the record says,
    per page, the hash of what the engine wrote, of what the stage made of it, whether it had to change it, and the
    identities of the file it published and of the one the engine wrote (a page the engine put in place as the same
    file as last time, from its cache, is not even read)."""
    salt = _salt(markup)
    found = _read_record(record, salt) if record is not None else {}
    previous: dict[str, list[Any]] = found.get("pages", {})
    pages = [page.relative_to(site_dir).as_posix() for page in sorted(site_dir.rglob("*.html"))]
    progress.counting("sanitise: pages", len(pages))
    done = fork_map(lambda where: _sanitise_file(site_dir, where, markup, published, previous.get(where)), pages, PARALLEL_FROM)
    unsafe = [str(outcome) for outcome in done if isinstance(outcome, SiteBuildError)]
    if unsafe:
        raise SiteBuildError("\n".join(unsafe))  # every unsafe page, in the pages' order
    kept = [outcome for outcome in done if not isinstance(outcome, SiteBuildError)]
    carried = dict(zip(pages, (entry for entry, _ in kept), strict=True))
    changed, reused = sum(bool(entry[2]) for entry in carried.values()), sum(carry for _, carry in kept)
    index_file = site_dir / markup.search_index
    entries, clean = sanitize_search_index(index_file, frozenset(found.get("search", []))) if index_file.is_file() else (0, set())
    if record is not None:
        data = {"salt": salt, "pages": carried, "search": sorted(clean)}
        write_atomically(record, json.dumps(data, sort_keys=True).encode("utf-8"))
    log.info("sanitised %d page(s), %d carried over, %d changed; %d search entries", len(pages), reused, changed, entries)
    return SanitizeReport(len(pages), changed, entries)


PARALLEL_FROM = 200
"""Pages from which the stage shares them between processes (:mod:`generator.parallel`)."""


def _sanitise_file(
    site_dir: Path, where: str, markup: SiteMarkup, published: Path | None, before: list[Any] | None
) -> tuple[list[Any], bool] | SiteBuildError:
    """One built page, carried over from the published site or sanitised in place: its record entry (hash of what the
    engine wrote, hash of what the stage made of it, whether it changed it, the file's identity) and whether it was
    carried over; or, for an unsafe page, the error that says why."""
    try:
        return _sanitise_or_carry(site_dir, where, markup, published, before)
    except SiteBuildError as error:
        return error


def _sanitise_or_carry(
    site_dir: Path, where: str, markup: SiteMarkup, published: Path | None, before: list[Any] | None
) -> tuple[list[Any], bool]:
    page = site_dir / where
    raw_identity = file_identity(page)
    if before is not None and len(before) > 4 and before[4] == raw_identity:
        raw, raw_hash = None, before[0]  # the very file the engine put here last time (its cache's, hard-linked): unread
    else:
        raw = page.read_bytes()
        raw_hash = hashlib.sha256(raw).hexdigest()
    if before is not None and before[0] == raw_hash and published is not None and _carry(published / where, page, before):
        return [*before[:3], file_identity(page), raw_identity], True
    original = (raw if raw is not None else page.read_bytes()).decode("utf-8")
    cleaned = sanitize_page(original, where, markup)
    was_changed = _CSP_SCRIPT_SRC in original and cleaned.replace(_pinned_policy(cleaned), _CSP_SCRIPT_SRC, 1) != original
    data = cleaned.encode("utf-8")
    page.unlink()  # a new file, never written into: the engine may have put its cache's own file here (a hard link)
    page.write_bytes(data)
    return [raw_hash, hashlib.sha256(data).hexdigest(), was_changed, file_identity(page), raw_identity], False


def _salt(markup: SiteMarkup) -> str:
    """What a page's sanitised form depends on besides its bytes: this module, nh3's version, the theme's markup."""
    return hashlib.sha256(b"\0".join([Path(__file__).read_bytes(), metadata.version("nh3").encode(), repr(markup).encode()])).hexdigest()


def _read_record(record: Path, salt: str) -> dict[str, Any]:
    """The last run's record (its pages, and the digests of the search index's values it found clean), if it ran
    with this salt; else nothing."""
    try:
        found = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not (isinstance(found, dict) and found.get("salt") == salt):
        return {}
    pages, search = found.get("pages"), found.get("search")
    return {"pages": pages if isinstance(pages, dict) else {}, "search": search if isinstance(search, list) else []}


def _carry(source: Path, target: Path, before: list[Any]) -> bool:
    """Put the published page at ``target`` if it is still what this stage made: the very file it wrote or carried
    (same identity; the change time would tell more, but linking and publishing change it too), else one whose bytes
    hash as what it made."""
    try:
        untouched = len(before) > 3 and file_identity(source) == before[3]
        data = None if untouched else source.read_bytes()
    except OSError:
        return False
    if data is not None and hashlib.sha256(data).hexdigest() != before[1]:
        return False
    target.unlink()
    try:
        os.link(source, target)
    except OSError:
        target.write_bytes(source.read_bytes() if data is None else data)
    return True


def _pinned_policy(html: str) -> str:
    match = re.search(re.escape(_CSP_SCRIPT_SRC) + r"(?: 'sha256-[A-Za-z0-9+/=]+')*", html)
    return match.group() if match else _CSP_SCRIPT_SRC
