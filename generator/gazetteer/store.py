"""The gazetteer's entries and their look-up by any name.

One entry per region (oblast, krai, republic, city with special status), raion
and settlement, with an id that never changes, its parent, coordinates and its
names in French, English, Ukrainian and Russian plus other spellings. The
shipped file (``data/places.csv``, see its README) is derived from GeoNames,
KATOTTG and ISO 3166-2 by ``scripts/gazetteer/derive.py``; editors add
settlements in ``content/places.yaml`` (:mod:`generator.gazetteer.additions`).

Names are compared by :func:`name_key`: case, accents, apostrophes and
punctuation do not count, in Latin and Cyrillic scripts alike, so ``Kraï de
Krasnodar``, ``krai de krasnodar`` and ``Kraï-de-Krasnodar`` are one name.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache, cached_property
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from generator.errors import BriefingError

SHIPPED_GAZETTEER: Traversable = resources.files(__package__) / "data" / "places.csv"
"""The gazetteer shipped inside the package (read through importlib.resources, so any install has it)."""

LANGUAGES = ("fr", "en", "uk", "ru")
"""The languages every entry is named in (a missing name falls back to English, then French)."""

COLUMNS = ("id", "level", "kind", "parent", "country", "status", "code", "lat", "lon", "population", "source")
"""The columns of ``places.csv`` before the names: ``name_fr`` ... ``name_ru``, then ``aliases`` (``|``-joined)."""

GENERIC_WORDS = frozenset(
    [
        "oblast",
        "oblasti",
        "region",
        "de",
        "du",
        "d",
        "la",
        "province",
        "kray",
        "krai",
        "territory",
        "respublika",
        "republic",
        "republique",
        "of",
        "the",
        "city",
        "область",
        "край",
        "республика",
        "республіка",
        "район",
        "raion",
        "rayon",
        "district",
    ]
)
"""Words that say what kind of place a name is, not which: ``Oblast de Kharkiv`` is found as ``Kharkiv`` too, at region level."""


class Level(StrEnum):
    """How coarse an entry is: a first-level region, a raion (district of an oblast), or a settlement."""

    region = "region"
    raion = "raion"
    settlement = "settlement"


class GazetteerError(BriefingError):
    """The shipped gazetteer cannot be read."""


_APOSTROPHES = re.compile(r"['’ʼ`´ʹ]")
_ELISION = re.compile(r"\b([dl])['’ʼ](?=[aeiouyh])", re.IGNORECASE)
"""French elision before a vowel (``d'Odessa``, ``l'Ukraine``): a word boundary; other apostrophes (``L'viv``) vanish."""
_NOT_WORD = re.compile(r"[^\w]+|_")


_ELIDED = frozenset("'’ʼ")


class _WithoutMarks(dict[int, str | None]):
    """A translation table that drops every combining mark (what is left of an accent once a name is decomposed),
    filled as characters are met: building it for all of Unicode at once cost 0.3 s of every command."""

    def __missing__(self, point: int) -> str | None:
        kept = None if unicodedata.combining(chr(point)) else chr(point)
        self[point] = kept
        return kept


@cache
def _without_marks() -> _WithoutMarks:
    return _WithoutMarks()


def name_key(name: str) -> str:
    """A name as compared: ``Kraï-de-Krasnodar``, ``krai de krasnodar``; ``Львів`` and ``львів``; ``L'viv`` and ``Lviv``."""
    if not _ELIDED.isdisjoint(name):
        name = _ELISION.sub(r"\1 ", name)
    bare = unicodedata.normalize("NFKD", name.casefold()).translate(_without_marks())
    return " ".join(_NOT_WORD.sub(" ", _APOSTROPHES.sub("", bare)).split())


_GENERIC_KEYS = frozenset(name_key(word) for word in GENERIC_WORDS)


@cache
def is_generic(word: str) -> bool:
    """Whether a word only says what kind of place a name is (``Oblast``, ``край``, ``de``)."""
    return name_key(word) in _GENERIC_KEYS


def generic_free(key: str) -> str:
    """A name key without the words that say what kind of place it is: ``oblast de kharkiv`` -> ``kharkiv``."""
    words = [word for word in key.split() if word not in _GENERIC_KEYS]
    return " ".join(words) if words else key


@dataclass(frozen=True, eq=False)
class Entry:
    """One place of the gazetteer; two entries are the same place when they have the same id."""

    id: str
    level: Level
    kind: str
    """``oblast``, ``krai``, ``republic``, ``city`` (a region that is one city: Kyiv, Sevastopol, Moscow), ``raion``, ``settlement``."""
    parent: str | None
    country: str
    lat: float | None
    lon: float | None
    """Decimal degrees; None for a place the gazetteer does not cover, made from an article's text."""
    names: dict[str, str]
    """Language -> name; every language of :data:`LANGUAGES` with a name."""
    aliases: tuple[str, ...] = ()
    status: str = ""
    """``contested`` for a region whose status the parties dispute (Crimea, Sevastopol, the oblasts Russia claims)."""
    code: str = ""
    """ISO 3166-2 for a region, the KATOTTG code for a Ukrainian raion or settlement, when known."""
    population: int | None = None
    source: str = ""
    """Where the entry comes from: ``geonames:703448``, ``katottg:UA...``, ``iso3166-2:UA-63``, ``content/places.yaml:12``."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Entry) and other.id == self.id

    def __hash__(self) -> int:
        return hash(self.id)

    def name(self, language: str) -> str:
        """The entry's name in ``language``, else in English, else in French."""
        return self.names.get(language) or self.names.get("en") or self.names.get("fr") or self.id

    @property
    def all_names(self) -> tuple[str, ...]:
        """Every name and alias, each once, names first."""
        return tuple(dict.fromkeys([*self.names.values(), *self.aliases]))

    @property
    def is_city_region(self) -> bool:
        """A first-level region that is one city (Kyiv, Sevastopol, Moscow): a settlement and a region at once."""
        return self.level is Level.region and self.kind == "city"


@dataclass(frozen=True)
class Candidates:
    """What a name found: the entries it names, best first, or none."""

    entries: list[Entry]


DOMINANCE = 20
"""A place that many times more populous than every other of its name (and a town) is the one meant: Zaporizhzhia the
city, not the hamlet of 656 inhabitants GeoNames also lists as Zaporizhzhia."""


def dwarfs(first: Entry, second: Entry) -> bool:
    """Whether ``first`` is a town that many times more populous than ``second`` (:data:`DOMINANCE`)."""
    larger, smaller = first.population or 0, second.population or 0
    return larger >= 10_000 and larger >= DOMINANCE * smaller


@dataclass
class Gazetteer:
    """Every entry by id, and an index from name keys to entries."""

    entries: dict[str, Entry]
    added: tuple[Entry, ...] = ()
    """The editors' own entries (``content/places.yaml``), on top of the shipped ones."""
    _by_key: dict[str, list[str]] = field(default_factory=dict, repr=False)
    """Name key -> the entries it names or is an alias of."""
    _by_name_key: dict[str, list[str]] = field(default_factory=dict, repr=False)
    """Name key -> the entries it is the id or a name (in one of the four languages) of."""
    _by_generic_key: dict[str, list[str]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        by_key: dict[str, list[str]] = defaultdict(list)
        by_name: dict[str, list[str]] = defaultdict(list)
        by_generic: dict[str, list[str]] = defaultdict(list)
        for entry in self.entries.values():
            names = {name_key(entry.id), *(name_key(name) for name in entry.names.values())}
            keys = names | {name_key(alias) for alias in entry.aliases}
            for key in sorted(keys):
                by_key[key].append(entry.id)
                if key in names:
                    by_name[key].append(entry.id)
                if entry.level is not Level.settlement:  # only regions and raions are found without their kind's word
                    generic = by_generic[generic_free(key)]
                    if entry.id not in generic:
                        generic.append(entry.id)
        self._by_key, self._by_name_key = dict(by_key), dict(by_name)
        self._by_generic_key = {key: ids for key, ids in by_generic.items() if key}

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self.entries

    def __getitem__(self, entry_id: str) -> Entry:
        return self.entries[entry_id]

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, entry_id: str | None) -> Entry | None:
        return self.entries.get(entry_id) if entry_id else None

    def ancestors(self, entry: Entry) -> Iterator[Entry]:
        """The entry's parent, its parent's parent, up to its region."""
        seen = {entry.id}
        parent = self.get(entry.parent)
        while parent is not None and parent.id not in seen:
            yield parent
            seen.add(parent.id)
            parent = self.get(parent.parent)

    def region_of(self, entry: Entry) -> Entry | None:
        """The first-level region an entry is in (a region is its own)."""
        if entry.level is Level.region:
            return entry
        return next((above for above in self.ancestors(entry) if above.level is Level.region), None)

    def within(self, entry: Entry, area: Entry) -> bool:
        """Whether ``entry`` is ``area`` or lies inside it."""
        return entry.id == area.id or any(above.id == area.id for above in self.ancestors(entry))

    def named(self, name: str, country: str | None, levels: Iterable[Level]) -> list[Entry]:
        """The entries of these levels (in this country, when given) that ``name`` names: by id, name or alias.

        An entry whose own name it is comes before one that has it only as an
        other spelling (``Lgov`` is the town of Lgov, not Lgovsky, which GeoNames
        also calls so), unless that one dwarfs them (:func:`dwarfs`: ``Zaporijjia``,
        the French spelling the press uses, is the city, whose French name is
        ``Zaporijia``, before two villages transliterated so; a town whose
        population is not known is not dwarfed). A region or raion is also found by its name without the
        words saying what kind of place it is (``Kharkiv`` for the region field
        is Kharkiv Oblast), when no entry has that exact name. Most populous first.
        """
        wanted = set(levels)
        key = name_key(name)
        if name in self.entries and self.entries[name].level in wanted:
            return [self.entries[name]]
        if not key:
            return []  # nothing but punctuation or markup: names no place
        own = self._matching(self._by_name_key.get(key, []), country, wanted)
        spelt = self._matching(self._by_key.get(key, []), country, wanted)
        found = (
            own
            + [entry for entry in spelt if entry not in own and all(other.population is not None and dwarfs(entry, other) for other in own)]
            if own
            else spelt
        )
        if not found and (wanted - {Level.settlement}):
            found = self._matching(self._by_generic_key.get(generic_free(key), []), country, wanted)
        return sorted(found, key=lambda entry: (-(entry.population or 0), entry.id))

    def _matching(self, ids: list[str], country: str | None, levels: set[Level]) -> list[Entry]:
        entries = (self.entries[entry_id] for entry_id in ids)
        return [entry for entry in entries if entry.level in levels and (country is None or entry.country == country)]

    def closest(self, name: str, country: str | None, levels: Iterable[Level], within: Entry | None = None, count: int = 3) -> list[Entry]:
        """The entries whose names come closest to ``name``, those ``within`` an area first: what an error suggests."""
        wanted = set(levels)
        keys = [key for key, ids in self._by_key.items() if any(entry.level in wanted for entry in self._matching(ids, country, wanted))]
        close = difflib.get_close_matches(name_key(name), keys, n=count * 5, cutoff=0.6)
        found = [entry for key in close for entry in self._matching(self._by_key[key], country, wanted)]
        unique = list({entry.id: entry for entry in found}.values())
        if within is not None:
            unique.sort(key=lambda entry: not self.within(entry, within))
        return unique[:count]

    def with_entries(self, added: Iterable[Entry]) -> Gazetteer:
        """This gazetteer and ``added`` (the editors' own entries; their ids are new)."""
        added = tuple(added)
        return Gazetteer({**self.entries, **{entry.id: entry for entry in added}}, (*self.added, *added))

    def covers(self, country: str) -> bool:
        """Whether the gazetteer has the regions of this country (Ukraine and Russia); elsewhere places stay free text."""
        return country in self.countries

    @cached_property
    def countries(self) -> frozenset[str]:
        """The countries whose regions the gazetteer has (computed once: every place an article gives asks)."""
        return frozenset(entry.country for entry in self.entries.values() if entry.level is Level.region)


def read_gazetteer(path: Path | Traversable = SHIPPED_GAZETTEER) -> Gazetteer:
    """Read a ``places.csv``; raise :class:`GazetteerError` naming the row of anything malformed."""
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise GazetteerError(f"{path}: cannot read the gazetteer: {error}") from error
    reader = csv.DictReader(io.StringIO(text, newline=""))
    expected = [*COLUMNS, *(f"name_{language}" for language in LANGUAGES), "aliases"]
    if reader.fieldnames is None or not set(expected) <= set(reader.fieldnames):
        raise GazetteerError(f"{path}:1: expected the columns {', '.join(expected)}")
    entries: dict[str, Entry] = {}
    for line, row in enumerate(reader, start=2):
        try:
            entry = Entry(
                id=row["id"],
                level=Level(row["level"]),
                kind=row["kind"],
                parent=row["parent"] or None,
                country=row["country"],
                lat=float(row["lat"]) if row["lat"] else None,
                lon=float(row["lon"]) if row["lon"] else None,
                names={language: name for language in LANGUAGES if (name := row[f"name_{language}"])},
                aliases=tuple(alias for alias in row["aliases"].split("|") if alias),
                status=row["status"],
                code=row["code"],
                population=int(row["population"]) if row["population"] else None,
                source=row["source"],
            )
        except (ValueError, KeyError) as error:
            raise GazetteerError(f"{path}:{line}: malformed gazetteer row: {error}") from error
        entries[entry.id] = entry
    return Gazetteer(entries)


@cache
def shipped_gazetteer() -> Gazetteer:
    """The gazetteer shipped with the package, read once per process."""
    return read_gazetteer(SHIPPED_GAZETTEER)
