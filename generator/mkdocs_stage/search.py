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
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin

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


def add_aliases(entries: list[dict[str, Any]], terms: dict[str, list[str]]) -> int:
    """Give each record's entry the other names its text does not already show; return how many got some."""
    extended = 0
    for entry in entries:
        anchor = str(entry.get("location", "")).partition("#")[2]
        if anchor in terms:
            shown = set(_WORDS.split(f"{entry.get('title', '')} {entry.get('text', '')}".casefold()))  # casefolding
            # the whole text, not word by word, gives the same words: no separator is the case fold of a letter
            missing = [term for term in terms[anchor] if not all(word in shown for word in _WORDS.split(term.casefold()) if word)]
            if missing:
                entry[FIELD] = " ".join(missing)
                extended += 1
    return extended


INDEX_SETTINGS = ("lang", "separator", "pipeline", "fields")
"""What Material's index carries of its search settings, in its order."""


class SearchAliases(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Material's search index, written with this module's separator, the aliases field and each record's aliases
    (registered in code, after the search plugin). The index is written once, as UTF-8: neither written by the
    plugin, then read back and written again (0.8 s of every rebuild at a year of data), nor ``\\u``-escaped."""

    def __init__(self, terms_file: Path) -> None:
        super().__init__()
        self.terms_file = terms_file

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        search = config.plugins.get("material/search")
        index = getattr(search, "search_index", None)
        if index is None:
            return config  # no search plugin: no index to extend
        settings = index.config
        settings["separator"] = SEPARATOR
        settings["fields"] = {**(settings.get("fields") or {}), FIELD: {"boost": BOOST}}
        generate = index.generate_search_index

        def generate_with_aliases(prev: Any) -> str:
            if prev:  # a dirty reload merges the previous index (the project never runs one): as Material does
                return str(generate(prev))
            add_aliases(index.entries, read_terms(self.terms_file))
            data = {"config": {key: settings[key] for key in INDEX_SETTINGS}, "docs": index.entries}
            return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)

        index.generate_search_index = generate_with_aliases
        return config
