"""A new article file (``briefing new``): the required fields, what the address tells (outlet, language), quoted
placeholders.

Placeholders are empty quoted strings: the file is valid YAML that editors complete from the schema, and
``briefing check`` refuses it until each one is filled, so nothing half-written is ever published.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from generator.articles import ARTICLES_DIR
from generator.model import check_id
from generator.schema import SCHEMA_DIR, modeline


@dataclass(frozen=True)
class Outlet:
    """A news site: its name and the language it publishes in at its address."""

    name: str
    language: str


@cache
def outlets() -> dict[str, Outlet]:
    """Known outlets by domain (``data/outlets.csv``)."""
    text = resources.files("generator.articles").joinpath("data/outlets.csv").read_text(encoding="utf-8")
    return {row["domain"]: Outlet(row["outlet"], row["language"]) for row in csv.DictReader(text.splitlines())}


def guess_outlet(url: str) -> Outlet | None:
    """The outlet at ``url``'s domain or a parent of it (``www.lemonde.fr``, ``edition.cnn.com``); None if unknown."""
    labels = (urlsplit(url).hostname or "").lower().rstrip(".").split(".")
    domains = (".".join(labels[start:]) for start in range(len(labels) - 1))  # the host, then each parent but the TLD
    known = outlets()
    return next((known[domain] for domain in domains if domain in known), None)


def article_id(slug: str, day: dt.date) -> str:
    """The new article's id: its day, then the slug (``2024-09-02-kharkiv-frappe``); a slug that starts with a date
    keeps it. Raises ValueError for a slug that cannot be an id."""
    candidate = slug if re.match(r"^\d{4}-\d{2}-\d{2}-", slug) else f"{day.isoformat()}-{slug}"
    return check_id(candidate)


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is YAML's)."""
    return json.dumps(text, ensure_ascii=False)


def skeleton(identifier: str, day: dt.date, url: str | None, language: str | None, file: Path) -> str:
    """The text of a new article file at ``file``."""
    outlet = guess_outlet(url) if url else None
    language = language or (outlet.language if outlet else None)
    lines = [modeline(file, "article")] if SCHEMA_DIR.is_dir() else []
    lines += [
        '# One source article and what it reports. Fill each empty "" (free text stays in double quotes), delete what',
        "# the article does not give, then run `briefing check`: it lists what is still missing. Fields: README.md.",
        "article:",
        f"  id: {identifier}",
        '  title: ""  # the headline, as published',
        f"  outlet: {_quoted(outlet.name)}  # from the address: check it"
        if outlet
        else '  outlet: ""  # who published it; delete the line when the text does not say',
        f"  published: {day.isoformat()}  # or with the time it prints: {day.isoformat()}T14:30+03:00",
        f"  language: {language}  # the article's language (ISO 639-1)"
        if language
        else '  language: ""  # the article\'s language: fr, en, uk...',
        f"  url: {_quoted(url)}" if url else '  url: ""  # the link to it; delete the line when it has none',
        '  summary: ""  # in your own words, in the article\'s language',
        '  takeaways: []  # one line each: - "..."',
        "",
        "attributions: []  # who accuses whom of what: see the README's annotated example",
        "",
        "strikes: []  # each strike or attack wave, either direction",
        "",
    ]
    return "\n".join(lines)


def create_article(content_dir: Path, identifier: str, day: dt.date, url: str | None, language: str | None) -> Path:
    """Write ``content/articles/<id>.yaml``; FileExistsError when there is one already (nothing is overwritten)."""
    folder = content_dir / ARTICLES_DIR
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{identifier}.yaml"
    with path.open("x", encoding="utf-8") as file:
        file.write(skeleton(identifier, day, url, language, path))
    return path
