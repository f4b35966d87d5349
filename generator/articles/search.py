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

from generator.articles.events import Event
from generator.formatting import Formatter
from generator.gazetteer import Entry, Located, name_key
from generator.gazetteer.store import is_generic
from generator.model import Attribution, Strike, Weapon
from generator.weapons import shipped_catalogue

MAX_ALIASES = 3
"""Other spellings taken per place, beyond its names in the four languages: the index stays light."""

SIMILAR = 0.6
"""How close (difflib's ratio of name keys) an other spelling must be to one of the names to be taken."""

SAME_SPELLING = 0.9
"""An other spelling this close to one already taken adds nothing a prefix search would not find: skipped."""


_APOSTROPHES = re.compile(r"['’ʼ`]")
_ELISION = re.compile(r"^[dlDL]['’](?=\w)")


def _words(names: Iterable[str]) -> list[str]:
    """The words of some names, as readers type them: ``Khar'kov`` is ``Kharkov``, ``d'Odessa`` is ``Odessa``."""
    words = (_APOSTROPHES.sub("", _ELISION.sub("", word)) for name in names for word in name.split())
    return [word for word in words if len(word) > 2 and not word.islower() and not is_generic(word)]


@cache
def entry_terms(entry: Entry) -> list[str]:
    """The words of an entry's names and of the other spellings closest to them (``Kharkov`` for Kharkiv, not
    the Latin ``Charcovia``): readers type a transliteration, not an exonym of another language."""
    names = [name_key(name) for name in entry.names.values()]
    start = name_key(entry.name("en"))[:2]
    close = sorted(
        (
            not name_key(alias).startswith(start),  # a transliteration keeps the first sounds: Kharkov, not Charkiv
            -max(SequenceMatcher(None, name_key(alias), name).ratio() for name in names),
            index,
        )
        for index, alias in enumerate(entry.aliases)
    )
    taken, chosen = list(names), list[str]()
    for _, score, index in close:
        key = name_key(entry.aliases[index])
        if len(chosen) == MAX_ALIASES:
            break
        if -score < SIMILAR:
            continue
        if all(SequenceMatcher(None, key, other).ratio() < SAME_SPELLING for other in taken):
            taken.append(key)
            chosen.append(entry.aliases[index])
    return _words([*entry.names.values(), *chosen])


@cache
def _shortest_form(words: tuple[str, ...]) -> list[str]:
    """Each word once, and none that begins another (the search matches by prefix: ``Kiev`` finds ``Kievi``,
    ``Shahed`` finds ``Shahed-136``): the index stays light and finds the same records. Kept per list of words:
    records of one place and one weapon share it. The caller copies the list it gets."""
    keys = {word.casefold(): word for word in words}
    kept = [key for key in keys if not any(other != key and other.startswith(key) for other in keys)]
    return [keys[key] for key in kept]


@cache
def _model_terms(model: str) -> tuple[str, ...]:
    """The words of a weapon model's names in the catalogue (or of the model as written, when it is not there)."""
    found = shipped_catalogue().find(model)
    return tuple(_words([found.name, *found.names.values(), *found.aliases]) if found is not None else _words([model]))


def search_terms(places: Iterable[Located], weapons: Iterable[Weapon]) -> list[str]:
    """The words a search should find a record by: the names and closest other spellings of its places' finest
    entries (the region around a settlement is in the card's text, in the site's language), its weapons' names
    and other spellings."""
    found: list[str] = []
    for place in places:
        if place.finest is not None:
            found += entry_terms(place.finest)
    for weapon in weapons:
        if weapon.model:
            found += _model_terms(weapon.model)
    return list(_shortest_form(tuple(found)))


def event_terms(event: Event[Strike] | Event[Attribution], formatter: Formatter) -> list[str]:
    """The words a search should find an event by (:func:`search_terms`): the places and weapons of each of its
    reports (a strike's place; the places of an allegation's evidence)."""
    places: list[Located] = []
    weapons: list[Weapon] = []
    for report in event.reports:
        record = report.record
        if isinstance(record, Strike):
            places.append(formatter.atlas(record.where))
        else:
            places += [formatter.atlas(item.where) for item in record.evidence if item.where is not None]
        weapons += record.weapons
    return search_terms(places, weapons)
