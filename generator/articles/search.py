"""What a search should find a record by beyond its card's words: every name of its places and weapons.

The French site says ``Kiev`` and ``Koursk``, the English one ``Kyiv`` and
``Kursk``; readers type either, or ``Київ``, ``Kharkov``, ``С-300``. Each
record gets the names its places have in the gazetteer (every level, every
language, the common other spellings) and its weapons in the catalogue, as
words, each once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from difflib import SequenceMatcher
from functools import cache

from generator.gazetteer import Entry, Located, name_key
from generator.gazetteer.store import is_generic
from generator.model import Weapon
from generator.weapons import shipped_catalogue

MAX_ALIASES = 8
"""Other spellings taken per place, beyond its names in the four languages: the index stays light."""

SIMILAR = 0.6
"""How close (difflib's ratio of name keys) an other spelling must be to one of the names to be taken."""

SAME_SPELLING = 0.9
"""An other spelling this close to one already taken adds nothing a prefix search would not find: skipped."""


_APOSTROPHES = re.compile(r"['’ʼ`]")


def _words(names: Iterable[str]) -> list[str]:
    """The words of some names, as the search splits them: ``Khar'kov`` is searched as ``Kharkov``."""
    words = (_APOSTROPHES.sub("", word) for name in names for word in name.split())
    return [word for word in words if len(word) > 2 and not word.islower() and not is_generic(word)]


@cache
def entry_terms(entry: Entry) -> list[str]:
    """The words of an entry's names and of the other spellings closest to them (``Kharkov`` for Kharkiv, not
    the Latin ``Charcovia``): readers type a transliteration, not an exonym of another language."""
    names = [name_key(name) for name in entry.names.values()]
    close = sorted(
        (-max(SequenceMatcher(None, name_key(alias), name).ratio() for name in names), index) for index, alias in enumerate(entry.aliases)
    )
    taken, chosen = list(names), list[str]()
    for score, index in close:
        key = name_key(entry.aliases[index])
        if -score < SIMILAR or len(chosen) == MAX_ALIASES:
            break
        if all(SequenceMatcher(None, key, other).ratio() < SAME_SPELLING for other in taken):
            taken.append(key)
            chosen.append(entry.aliases[index])
    return _words([*entry.names.values(), *chosen])


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
