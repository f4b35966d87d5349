"""The strike events in ACLED's columns, for analysts who load them beside ACLED's own data.

One row per strike event (allegations are not events ACLED codes). The mapping, column by column (ACLED's codebook,
2023 onwards; what we cannot know is left empty rather than guessed):

- ``event_id_cnty``: the country's ISO 3166 alpha-3 code, a dash, our event id (``UKR-kharkiv-2026-12-01``): never
  one of ACLED's own ids, which are the code and digits alone.
- ``event_date``, ``year``: the day the event is filed under (the morning after a night), ISO 8601.
  ``time_precision``: 1 for a day or a night, 2 for an approximate date or a span of up to a week, 3 for a month or a
  longer span.
- ``disorder_type`` Political violence, ``event_type`` Explosions/Remote violence; ``sub_event_type`` Air/drone
  strike when every weapon named is a drone or an air-dropped guided bomb, else Shelling/artillery/missile attack
  (missiles, artillery, or nothing named).
- ``actor1``: the attacking state's forces, as ACLED names them (Military Forces of Russia (2000-), Military Forces
  of Ukraine (2019-)); ``inter1`` 8, External/Other forces: state forces active outside their own country (ACLED's
  coding of each side's strikes on the other). ``actor2`` empty, ``interaction`` 80 (sole action): who was hit is in
  the notes, not coded.
- ``iso`` (numeric), ``region`` (Europe), ``country``, ``admin1`` (the region), ``admin2`` (the raion), ``location``
  (the finest place named), ``latitude``/``longitude`` (the settlement's, else the finest area's the gazetteer
  places), ``geo_precision`` 1 for a settlement or finer, 2 for a raion, 3 for a region or the country.
- ``source``: the outlets of every report and the parties they cite, ``; ``-separated; ``source_scale`` Other (the
  outlets' scale is not recorded).
- ``notes``: the headline, then every claimant's killed and injured figures as they claim them.
- ``fatalities``: ACLED's conservative rule: the lowest figure any party gives for the killed, 0 when the figures are
  only vague words or none is given.
- ``tags``: the kinds of weapon named; ``timestamp``: the latest report's publication, in seconds since 1970.
"""

from __future__ import annotations

from functools import cache

from babel.core import get_global

from generator.articles.events import Event, Events
from generator.articles.figures import FigureView
from generator.articles.layout import event_day
from generator.exports.table import Cell, Row, csv_bytes
from generator.formatting import Formatter
from generator.gazetteer import Located
from generator.model import DatePrecision, Direction, Strike, WeaponCategory

COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
"""ACLED's columns, in the order of its exports."""

AIR = "Air/drone strike"
SHELLING = "Shelling/artillery/missile attack"
ATTACKERS = {Direction.on_ukraine: "Military Forces of Russia (2000-)", Direction.on_russia: "Military Forces of Ukraine (2019-)"}
EXTERNAL_FORCES = 8
"""ACLED's 'inter' code for state forces active outside their own country."""
SOLE_EXTERNAL_ACTION = 80
REGIONS = {"UA": "Europe", "RU": "Europe", "BY": "Europe", "MD": "Europe", "PL": "Europe", "RO": "Europe"}
"""ACLED's region of the countries strikes of this war land in."""
_AIRBORNE = {WeaponCategory.drone, WeaponCategory.guided_bomb}


@cache
def _codes(country: str) -> tuple[str, int | None]:
    """A country's ISO 3166 alpha-3 and numeric codes (from Babel's copy of CLDR)."""
    alpha3, numeric = country, None
    for alias, targets in get_global("territory_aliases").items():
        if targets == [country]:
            if alias.isdigit():
                numeric = int(alias)
            elif len(alias) == 3 and alias.isupper():
                alpha3 = alias
    return alpha3, numeric


def _time_precision(strike: Strike) -> int:
    when = strike.when
    if when.precision is DatePrecision.month:
        return 3
    span = (when.end - when.start).days if when.end else 0
    if when.precision is DatePrecision.approximate or span > 1:
        return 2 if span <= 7 else 3
    return 1


def _geo_precision(located: Located) -> int:
    if located.settlement is not None:
        return 1
    return 2 if located.raion is not None else 3


def _point(located: Located) -> tuple[float, float] | tuple[None, None]:
    for entry in (located.settlement, located.raion, located.region):
        if entry is not None and entry.lat is not None and entry.lon is not None:
            return entry.lat, entry.lon
    return None, None


def _fatalities(views: list[FigureView]) -> int:
    numbers = [
        value.lower
        for view in views
        if view.quantity == "killed"
        for history in view.histories
        for value in history.values
        if value.lower is not None
    ]
    return min(numbers, default=0)


def _figures_note(views: list[FigureView], english: Formatter) -> str:
    parts = []
    for view in views:
        if view.quantity not in ("killed", "injured"):
            continue
        for history in view.histories:
            if history.standing:
                values = " or ".join(sorted({english.quantity(value) for value in history.values}))
                parts.append(f"{view.quantity} {values} ({english.parties_list(history.claimants)})")
    return "; ".join(parts)


def acled_row(event: Event[Strike], english: Formatter) -> dict[str, Cell]:
    """One strike event in ACLED's columns."""
    root = event.root.record
    located = english.atlas(root.where)
    alpha3, numeric = _codes(located.country)
    day = event_day(event)
    country = english.country(located.country)
    categories = sorted({weapon.category for report in event.reports for weapon in report.record.weapons}, key=list(WeaponCategory).index)
    views = event.figures
    outlets = [report.article.outlet for report in event.reports if report.article.outlet]
    cited = [english.party(party) for report in event.reports for party in report.record.reported_by]
    latitude, longitude = _point(located)
    figures = _figures_note(views, english)
    return {
        "event_id_cnty": f"{alpha3}-{event.id}",
        "event_date": day.isoformat(),
        "year": day.year,
        "time_precision": _time_precision(root),
        "disorder_type": "Political violence",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": AIR if categories and set(categories) <= _AIRBORNE else SHELLING,
        "actor1": ATTACKERS[root.direction],
        "assoc_actor_1": None,
        "inter1": EXTERNAL_FORCES,
        "actor2": None,
        "assoc_actor_2": None,
        "inter2": None,
        "interaction": SOLE_EXTERNAL_ACTION,
        "civilian_targeting": None,
        "iso": numeric,
        "region": REGIONS.get(located.country),
        "country": country,
        "admin1": english.entry(located.region) if located.region else None,
        "admin2": english.entry(located.raion) if located.raion else None,
        "admin3": None,
        "location": english.entry(located.finest) if located.finest else country,
        "latitude": latitude,
        "longitude": longitude,
        "geo_precision": _geo_precision(located),
        "source": "; ".join(dict.fromkeys([*outlets, *cited])),
        "source_scale": "Other",
        "notes": f"{event.headline}. {figures}" if figures else event.headline,
        "fatalities": _fatalities(views),
        "tags": "; ".join(category.value.replace("_", " ") for category in categories) or None,
        "timestamp": max(int(report.moment.start.timestamp()) for report in event.reports),
    }


def acled_csv(events: Events, english: Formatter) -> bytes:
    """Every strike event as ACLED's CSV."""
    return csv_bytes(COLUMNS, (Row(acled_row(event, english)) for event in events.strikes))
