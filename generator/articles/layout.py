"""Where the articles' events belong: the day each one is filed under, and the place and weapon indexes.

Every event (:mod:`generator.articles.events`) has one home: the page of its
theme for the day of its root report. An allegation is filed under its root
article's publication day, an article (on the Sources pages) under that day
too, and a strike under the day it happened (:func:`filing_day`). Place and
weapon pages list, per month and theme, the days on which events name them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from generator.articles.events import Event, Events, group_events
from generator.formatting import Formatter
from generator.model import ArticleFile, Attribution, Corpus, DatePrecision, Place, Strike, Weapon, WeaponCategory
from generator.themes import Theme
from generator.timeline import KYIV, Timeline
from generator.weapons import Catalogue, shipped_catalogue

WeaponKey = tuple[WeaponCategory, str | None]
"""Weapons are indexed by category and model: the catalogue id of a catalogued model, else the model as written."""


@dataclass(frozen=True)
class Area:
    """What a place page is about: a region of the gazetteer, or a country when the article gives no region."""

    id: str
    """The region's gazetteer id, else the country code in lower case: the page's permanent slug."""
    country: str
    name: str
    """In the site's language."""


"""Regions are indexed by country code and name."""


def filing_day(strike: Strike, published_day: dt.date) -> dt.date:
    """The day a strike is filed under: the morning after a night, the last day of a span,
    or, when the article dates it only to the month, the day the article was published (in the site's time zone)."""
    if strike.when.precision is DatePrecision.month:
        return published_day
    return strike.when.end or strike.when.start


def event_day(event: Event[Strike]) -> dt.date:
    """The day a strike event is filed under: its root report's filing day."""
    return filing_day(event.root.record, event.root.moment.day)


def covered_days(strike: Strike) -> tuple[dt.date, dt.date]:
    """The first and last day a strike's dating speaks of (a night covers the evening before), for a briefing's period."""
    return strike.when.start, strike.when.end or strike.when.start


def weapon_key(weapon: Weapon, catalogue: Catalogue | None = None) -> WeaponKey:
    """The key a weapon is indexed under: a catalogued model by its catalogue id and category (``S-300`` and
    ``С-300`` are one model), any other by its category and model as written."""
    entry = (catalogue or shipped_catalogue()).find(weapon.model) if weapon.model else None
    if entry is not None and entry.id is not None:
        return entry.site_category, entry.id
    return weapon.category, weapon.model


@dataclass(frozen=True)
class DayMention:
    """One day on which a place or weapon is named: the theme, and how many records, naming which places."""

    day: dt.date
    theme: Theme
    count: int
    details: list[str]


@dataclass(frozen=True)
class SettlementEntry:
    """One settlement of a region page: how many records name it, and the latest of them."""

    name: str
    count: int
    latest: dt.date
    latest_record: str


def _settlements(records: list[tuple[str, dt.date, str]]) -> list[SettlementEntry]:
    """``records`` are (settlement, day, record id) of one region."""
    counts: dict[str, int] = defaultdict(int)
    latest: dict[str, tuple[dt.date, str]] = {}
    for name, day, record_id in records:
        counts[name] += 1
        latest[name] = max(latest.get(name, (day, record_id)), (day, record_id))
    return [SettlementEntry(name, counts[name], *latest[name]) for name in sorted(counts, key=lambda name: (-counts[name], name))]


@dataclass
class Layout:
    """The articles' events and articles by theme and day, and the place and weapon indexes."""

    events: Events = field(default_factory=lambda: Events([], [], {}))
    strike_days: dict[Theme, dict[dt.date, list[Event[Strike]]]] = field(default_factory=dict)
    """Per strike theme and day, the events filed there (each on its root report's day)."""
    claim_days: dict[dt.date, list[Event[Attribution]]] = field(default_factory=dict)
    """Per day, the allegations filed there (each on its root report's publication day)."""
    article_days: dict[dt.date, list[ArticleFile]] = field(default_factory=dict)
    """Per day, the articles published that day."""
    regions: dict[Area, list[DayMention]] = field(default_factory=dict)
    """Per area, the days its events are filed under; an event is on the page of every area its reports name."""
    settlements: dict[Area, list[SettlementEntry]] = field(default_factory=dict)
    weapons: dict[WeaponKey, list[DayMention]] = field(default_factory=dict)
    day_of: dict[str, dt.date] = field(default_factory=dict)
    """Event id -> the day it is filed under."""
    events_of_area: dict[str, set[str]] = field(default_factory=dict)
    """Area id -> the ids of the strike events any report of which places there: what its page lists."""
    events_of_weapon: dict[WeaponKey, set[str]] = field(default_factory=dict)
    """Weapon key -> the ids of the events (strikes and claims) any report of which names it."""

    def events_on(self, theme: Theme, day: dt.date) -> list[Event[Strike]] | list[Event[Attribution]]:
        """The events filed under ``day`` for a theme of events (none on Sources)."""
        if theme is Theme.attribution:
            return self.claim_days.get(day, [])
        return self.strike_days.get(theme, {}).get(day, [])

    def records(self, theme: Theme, day: dt.date) -> list[tuple[str, str, str]]:
        """(id, headline, its language) of what ``day`` shows for ``theme``: its events, or on Sources its articles."""
        if theme is Theme.sources:
            return [(a.article.id, a.article.title, a.article.language) for a in self.article_days.get(day, [])]
        return [(event.id, event.headline, event.root.article.language) for event in self.events_on(theme, day)]

    def days(self, theme: Theme) -> list[dt.date]:
        """The days ``theme`` has something on."""
        if theme is Theme.sources:
            return list(self.article_days)
        return list(self.claim_days if theme is Theme.attribution else self.strike_days.get(theme, {}))


def _day_entries(found: dict[tuple[dt.date, Theme], list[str]]) -> list[DayMention]:
    order = list(Theme)
    return [
        DayMention(day, theme, len(places), sorted(set(places)))
        for (day, theme), places in sorted(found.items(), key=lambda item: (item[0][0], order.index(item[0][1])), reverse=True)
    ]


def _area(place: Place, formatter: Formatter) -> tuple[Area, str]:
    """The area a place is in, and its finest name (settlement, else raion, else the area), in the site's language."""
    located = formatter.atlas(place)
    region = located.region
    area = Area(located.area_id, place.country, formatter.area(place))
    finest = located.settlement or located.raion
    return area, formatter.entry(finest) if finest is not None and (region is None or finest.id != region.id) else area.name


def plan_layout(corpus: Corpus, formatter: Formatter, timeline: Timeline = KYIV) -> Layout:
    """Group reports into events, file every event and article under its day, and gather the place and weapon indexes.

    ``corpus`` lists its articles in publication order; each day keeps that order.
    """
    layout = Layout(events=group_events(corpus, timeline))
    region_records: dict[Area, list[tuple[str, dt.date, str]]] = defaultdict(list)
    region_days: dict[Area, dict[tuple[dt.date, Theme], list[str]]] = defaultdict(lambda: defaultdict(list))
    weapon_days: dict[WeaponKey, dict[tuple[dt.date, Theme], list[str]]] = defaultdict(lambda: defaultdict(list))

    for article_file in corpus.articles:
        layout.article_days.setdefault(timeline.day(article_file.article.published), []).append(article_file)
    for claim_event in layout.events.claims:
        day = claim_event.root.moment.day
        layout.claim_days.setdefault(day, []).append(claim_event)
        layout.day_of[claim_event.id] = day
        weapons = {weapon_key(weapon): weapon.origin for report in claim_event.reports for weapon in report.record.weapons}
        for claim_weapon, origin in weapons.items():
            weapon_days[claim_weapon][(day, Theme.attribution)].append(formatter.country(origin) if origin else "")
            layout.events_of_weapon.setdefault(claim_weapon, set()).add(claim_event.id)
    for strike_event in layout.events.strikes:
        root = strike_event.root
        day, theme = event_day(strike_event), Theme.of(root.record.direction)
        layout.strike_days.setdefault(theme, {}).setdefault(day, []).append(strike_event)
        layout.day_of[strike_event.id] = day
        named = dict(_area(report.record.where, formatter) for report in strike_event.reports)
        for area, finest in named.items():
            region_days[area][(day, theme)].append(finest)
            layout.events_of_area.setdefault(area.id, set()).add(strike_event.id)
            region_records[area].append((finest, day, strike_event.id))
        root_area = _area(root.record.where, formatter)[0]
        for strike_weapon in {weapon_key(weapon) for report in strike_event.reports for weapon in report.record.weapons}:
            weapon_days[strike_weapon][(day, theme)].append(root_area.name)
            layout.events_of_weapon.setdefault(strike_weapon, set()).add(strike_event.id)

    for key in sorted(region_days, key=lambda area: (area.country, area.id)):
        layout.regions[key] = _day_entries(region_days[key])
        layout.settlements[key] = _settlements(region_records[key])
    for model_key in sorted(weapon_days, key=lambda key: (key[0].value, key[1] or "")):
        layout.weapons[model_key] = _day_entries(weapon_days[model_key])
    return layout
