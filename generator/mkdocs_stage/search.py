"""Material's search, tuned for a briefing: model names stay whole, and records are found by every name of their places and weapons.

Material's default separator splits on hyphens, so ``S-300`` is searched as
``s`` and ``300`` and finds every page with "selon" or "source". Here words
split on spaces and punctuation but not on hyphens (``S-300``, ``Kh-101``,
``Shahed-136`` stay one token; Material's prefix search still finds
``Rostov-sur-le-Don`` by ``Rostov``), and on French elisions (``d'Odessa``).

Each record's other names (:attr:`generator.pages.SitePlan.search_terms`,
written beside the docs folder) go into a field of its search entry that
Material's search indexes and never displays (it shows titles, texts and
tags only), boosted above titles so that a search for a model or a place
lists the records about it first. A name the entry's text already shows
(the site's own name of the place) is not repeated there: the index stays light.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urldefrag

from generator.files import write_atomically

SEPARATOR = r"[\s,;:!?()\[\]{}«»\"“”/'’]+"
"""Where search words split: not on hyphens, so ``S-300`` is one word."""

_WORDS = re.compile(SEPARATOR + r"|<[^>]*>")
"""Splits an entry's text into the words the search indexes (its markup dropped)."""

FIELD = "aliases"
"""The search entry field holding a record's other names (searched, not shown)."""

BOOST = 1e4
"""Above the title's (1e3): a record whose places or weapons a search names comes before a page merely titled so."""


def read_terms(path: Path) -> dict[str, list[str]]:
    """The terms the write stage left beside the docs folder (:func:`generator.write.write_search_terms`; none when
    the file is missing)."""
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {str(key): [str(term) for term in value] for key, value in data.items()}


def extend_index(index_file: Path, terms: dict[str, list[str]]) -> int:
    """Set the separator and the aliases field in Material's index, and each record entry's aliases; return how many
    (none when the site has no index: the search plugin is off)."""
    if not index_file.is_file():
        return 0
    index = json.loads(index_file.read_text(encoding="utf-8"))
    config = index.setdefault("config", {})
    config["separator"] = SEPARATOR
    config.setdefault("fields", {})[FIELD] = {"boost": BOOST}
    extended = 0
    for entry in index.get("docs", []):
        anchor = urldefrag(str(entry.get("location", ""))).fragment
        if anchor in terms:
            shown = {word.casefold() for word in _WORDS.split(f"{entry.get('title', '')} {entry.get('text', '')}") if word}
            missing = [term for term in terms[anchor] if not all(word.casefold() in shown for word in _WORDS.split(term) if word)]
            if missing:
                entry[FIELD] = " ".join(missing)
                extended += 1
    write_atomically(index_file, json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    return extended
