"""A place as an article gives it, resolved to gazetteer entries: :func:`locate`.

An editor writes each level by any of its names (``Kiev``, ``Kyiv``, ``Київ``)
or by its id. The settlement must lie in the raion and the region given, when
they are given; the region is found from the settlement when it is not. A
region that is one city (Kyiv, Sevastopol, Moscow) is a settlement too, and a
settlement field naming it is that region even under the surrounding oblast
(``Kiev, Oblast de Kiev``).

Precision tells a **raion** (a district of an oblast, a gazetteer entry) from
a **neighbourhood** (a quarter of a town, free text under its settlement). The
older ``district`` field is read as a neighbourhood when a settlement is
given, as a raion otherwise.

Places in countries the gazetteer does not cover stay as written: their
entries are made from the text (no coordinates).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.gazetteer.store import Entry, Gazetteer, Level, dwarfs
from generator.model import Place, PlacePrecision
from generator.urls import slugify

ADDITIONS_FILE = "content/places.yaml"
"""Where editors add a settlement the gazetteer lacks (messages name it)."""


@dataclass(frozen=True)
class Located:
    """A place resolved: its entries from region to settlement, and what stays free text."""

    country: str
    region: Entry | None
    raion: Entry | None
    settlement: Entry | None
    neighbourhood: str | None
    """A quarter of the settlement, as the article names it."""
    site: str | None
    """A named facility or building, as the article names it."""
    precision: PlacePrecision

    @property
    def finest(self) -> Entry | None:
        """The finest entry: the settlement, else the raion, else the region."""
        return self.settlement or self.raion or self.region

    @property
    def area_id(self) -> str:
        """The id a place page groups by: the region's, else the country's code (``ua-kharkiv-oblast``, ``us``)."""
        return self.region.id if self.region else self.country.lower()

    @property
    def point(self) -> tuple[float, float] | None:
        """Where a map draws it: the settlement's coordinates; None for a raion or region (a map shades those)."""
        if self.settlement is not None and self.settlement.lat is not None and self.settlement.lon is not None:
            return self.settlement.lat, self.settlement.lon
        return None

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids of its entries, coarsest first."""
        return tuple(entry.id for entry in (self.region, self.raion, self.settlement) if entry is not None)


@dataclass(frozen=True)
class PlaceProblem:
    """What is wrong with one level of a place: the field (``settlement``) and the message."""

    field: str
    message: str


def _free_entry(country: str, name: str, level: Level, parent: Entry | None) -> Entry:
    """An entry made from the text of a place in a country the gazetteer does not cover."""
    prefix = f"{parent.id}-" if parent is not None and level is Level.settlement else f"{country.lower()}-"
    return Entry(
        id=prefix + slugify(name),
        level=level,
        kind=level.value,
        parent=parent.id if parent else None,
        country=country,
        lat=None,
        lon=None,
        names={"fr": name, "en": name},
        source="content",
    )


def _levels(place: Place) -> tuple[str | None, str | None]:
    """(raion, neighbourhood) as written, reading the older ``district`` by whether a settlement is given."""
    raion, neighbourhood = place.raion, place.neighbourhood
    if place.district is not None:
        if place.settlement is not None:
            neighbourhood = neighbourhood or place.district
        else:
            raion = raion or place.district
    return raion, neighbourhood


def _precision(place: Place, raion: str | None) -> PlacePrecision:
    if place.precision is PlacePrecision.district:
        return PlacePrecision.neighbourhood if place.settlement is not None or raion is None else PlacePrecision.raion
    return place.precision


def _describe(entry: Entry, gazetteer: Gazetteer) -> str:
    """``Kharkiv (ua-kharkiv, Kharkiv Oblast)``: an entry as a message names it."""
    region = gazetteer.region_of(entry)
    inside = f", {region.name('en')}" if region is not None and region.id != entry.id else ""
    return f"{entry.name('en')} ({entry.id}{inside})"


def _unknown(kind: str, name: str, country: str, area: Entry | None, gazetteer: Gazetteer, levels: set[Level]) -> PlaceProblem:
    closest = gazetteer.closest(name, country, levels, within=area)
    where = f" in {area.name('en')}" if area is not None else f" in {country}"
    suggestion = f"; closest: {', '.join(_describe(entry, gazetteer) for entry in closest)}" if closest else ""
    addition = f"; a settlement the gazetteer lacks is added in {ADDITIONS_FILE}" if kind == "settlement" else ""
    return PlaceProblem(kind, f"unknown {kind} '{name}'{where}{suggestion}{addition}")


def _dominant(found: list[Entry]) -> bool:
    """Whether the first of ``found`` (most populous first) dwarfs the others."""
    return dwarfs(found[0], found[1])


def _one(kind: str, name: str, found: list[Entry], area: Entry | None, gazetteer: Gazetteer) -> tuple[Entry | None, PlaceProblem | None]:
    """The one entry ``found`` holds inside ``area``, or why there is not one."""
    if area is not None:
        inside = [entry for entry in found if gazetteer.within(entry, area)]
        cities = [entry for entry in found if entry.is_city_region]
        if not inside and cities:
            return cities[0], None
        if not inside:
            elsewhere = gazetteer.region_of(found[0]) or found[0]
            return None, PlaceProblem(
                kind, f"'{name}' is {found[0].name('en')} ({found[0].id}), in {elsewhere.name('en')}, not in {area.name('en')}"
            )
        found = inside
    if len(found) > 1 and _dominant(found):
        return found[0], None
    if len(found) > 1:
        listed = ", ".join(_describe(entry, gazetteer) for entry in found[:5])
        return None, PlaceProblem(kind, f"'{name}' names {len(found)} places: {listed}; give the region, or write the id")
    return found[0], None


def locate(place: Place, gazetteer: Gazetteer) -> tuple[Located | None, list[PlaceProblem]]:
    """The gazetteer entries of a place, or every problem with its levels."""
    raion_name, neighbourhood = _levels(place)
    precision = _precision(place, raion_name)
    country = place.country
    if not gazetteer.covers(country):
        free_region = _free_entry(country, place.region, Level.region, None) if place.region else None
        free_raion = _free_entry(country, raion_name, Level.raion, free_region) if raion_name else None
        free_settlement = _free_entry(country, place.settlement, Level.settlement, free_region) if place.settlement else None
        return Located(country, free_region, free_raion, free_settlement, neighbourhood, place.site, precision), []

    problems: list[PlaceProblem] = []
    region: Entry | None = None
    if place.region:
        found = gazetteer.named(place.region, country, {Level.region})
        found = found or [entry for entry in gazetteer.named(place.region, None, {Level.region}) if entry.status == "contested"]
        if not found:
            problems.append(_unknown("region", place.region, country, None, gazetteer, {Level.region}))
        else:
            region, problem = _one("region", place.region, found, None, gazetteer)
            problems += [problem] if problem else []
    raion: Entry | None = None
    if raion_name:
        field = "raion" if place.raion else "district"
        found = gazetteer.named(raion_name, country, {Level.raion})
        if not found:
            problems.append(_unknown(field, raion_name, country, region, gazetteer, {Level.raion}))
        else:
            raion, problem = _one(field, raion_name, found, region, gazetteer)
            problems += [problem] if problem else []
    settlement: Entry | None = None
    if place.settlement:
        found = [
            entry
            for entry in gazetteer.named(place.settlement, country, {Level.settlement, Level.region})
            if entry.level is Level.settlement or entry.is_city_region
        ]
        if not found:
            problems.append(_unknown("settlement", place.settlement, country, raion or region, gazetteer, {Level.settlement}))
        else:
            settlement, problem = _one("settlement", place.settlement, found, raion or region, gazetteer)
            problems += [problem] if problem else []
    if problems:
        return None, problems
    finest = settlement or raion
    if finest is not None and (region is None or finest.is_city_region):
        region = gazetteer.region_of(finest)
    return Located(country, region, raion, settlement, neighbourhood, place.site, precision), []


class Atlas:
    """Places located once each, for the whole build: validation locates them, formatting and pages ask again."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._located: dict[Place, tuple[Located | None, list[PlaceProblem]]] = {}

    def locate(self, place: Place) -> tuple[Located | None, list[PlaceProblem]]:
        """:func:`locate`, once per place."""
        found = self._located.get(place)
        if found is None:
            found = self._located[place] = locate(place, self.gazetteer)
        return found

    def __call__(self, place: Place) -> Located:
        """Where ``place`` is; it was validated, so it resolves (a ValueError names the place otherwise)."""
        located, problems = self.locate(place)
        if located is None:
            raise ValueError(f"place does not resolve: {'; '.join(problem.message for problem in problems)}")
        return located
