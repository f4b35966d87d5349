"""What a search should find a record by beyond its card's words: every name of its places and weapons.

The French site says ``Kiev`` and ``Koursk``, the English one ``Kyiv`` and
``Kursk``; readers type either, or ``Київ``, ``Kharkov``, ``С-300``. Each
record gets the names its places have in the gazetteer (every level, every
language, the common other spellings) and its weapons in the catalogue, as
words, each once.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.gazetteer import Entry, Located
from generator.gazetteer.store import is_generic
from generator.model import Weapon
from generator.weapons import shipped_catalogue

MAX_ALIASES = 12
"""Other spellings taken per place, beyond its names in the four languages: the index stays light."""


def _words(names: Iterable[str]) -> list[str]:
    words = (word for name in names for word in name.split())
    return [word for word in words if len(word) > 1 and not is_generic(word)]


def entry_terms(entry: Entry) -> list[str]:
    """The words of an entry's names and first other spellings."""
    return _words([*entry.names.values(), *entry.aliases[:MAX_ALIASES]])


def search_terms(places: Iterable[Located], weapons: Iterable[Weapon]) -> list[str]:
    """The words a search should find a record by: its places' names at every level, its weapons' names, each once
    (compared as :func:`~generator.gazetteer.name_key` compares them)."""
    found: list[str] = []
    for place in places:
        for entry in (place.settlement, place.raion, place.region):
            if entry is not None:
                found += entry_terms(entry)
    catalogue = shipped_catalogue()
    for weapon in weapons:
        model = catalogue.find(weapon.model) if weapon.model else None
        if model is not None:
            found += [model.name, *model.names.values(), *model.aliases]
        elif weapon.model:
            found.append(weapon.model)
    unique: dict[str, str] = {}
    for term in found:
        unique.setdefault(term.casefold(), term)
    return list(unique.values())
