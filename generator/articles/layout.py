"""Where the articles' records belong: the day each one is filed under, and the place and weapon indexes.

Every record has one home: the page of its theme for its day. An attribution
claim is filed under its article's publication day, an article (on the
Sources pages) under that day too, and a strike under the day it happened
(:func:`filing_day`). Place and weapon pages list, per month and theme, the
days on which records name them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from generator.model import ArticleFile, Attribution, Corpus, DatePrecision, Strike, Weapon, WeaponCategory
from generator.themes import Theme
from generator.timeline import KYIV, Timeline

WeaponKey = tuple[WeaponCategory, str | None]
"""Weapons are indexed by category and model."""
RegionKey = tuple[str, str]
"""Regions are indexed by country code and name."""


def filing_day(strike: Strike, published_day: dt.date) -> dt.date:
    """The day a strike is filed under: the morning after a night, the last day of a span,
    or, when the article dates it only to the month, the day the article was published (in the site's time zone)."""
    if strike.when.precision is DatePrecision.month:
        return published_day
    return strike.when.end or strike.when.start


def covered_days(strike: Strike) -> tuple[dt.date, dt.date]:
    """The first and last day a strike's dating speaks of (a night covers the evening before), for a briefing's period."""
    return strike.when.start, strike.when.end or strike.when.start


def weapon_key(weapon: Weapon) -> WeaponKey:
    """The key a weapon is indexed under."""
    return weapon.category, weapon.model


@dataclass(frozen=True)
class DayMention:
    """One day on which a place or weapon is named: the theme, and how many records, naming which places."""

    day: dt.date
    theme: Theme
    count: int
    details: list[str]


@dataclass(frozen=True)
class MonthRow:
    """One month of a place or weapon page: its days with records, for one theme."""

    theme: Theme
    month: str
    count: int
    days: list[dt.date]


def month_rows(entries: list[DayMention]) -> list[MonthRow]:
    """Day entries folded into one row per theme and month, themes in navigation order, months latest first;
    within a row, days in calendar order."""
    folded: dict[tuple[Theme, str], list[DayMention]] = defaultdict(list)
    for entry in entries:
        folded[(entry.theme, entry.day.strftime("%Y-%m"))].append(entry)
    rows = [
        MonthRow(theme, month, sum(entry.count for entry in items), sorted(entry.day for entry in items))
        for (theme, month), items in folded.items()
    ]
    latest_first = sorted(rows, key=lambda row: row.month, reverse=True)
    return sorted(latest_first, key=lambda row: list(Theme).index(row.theme))


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
    """The articles' records by theme and day, and the place and weapon indexes."""

    days: dict[Theme, dict[dt.date, Corpus]] = field(default_factory=dict)
    """Per theme and day, the articles with the records filed under that day (only those records)."""
    regions: dict[RegionKey, list[DayMention]] = field(default_factory=dict)
    settlements: dict[RegionKey, list[SettlementEntry]] = field(default_factory=dict)
    weapons: dict[WeaponKey, list[DayMention]] = field(default_factory=dict)
    latest_day: dt.date | None = None
    """The latest day with an article's record: the home page's day."""


def _day_entries(found: dict[tuple[dt.date, Theme], list[str]]) -> list[DayMention]:
    order = list(Theme)
    return [
        DayMention(day, theme, len(places), sorted(set(places)))
        for (day, theme), places in sorted(found.items(), key=lambda item: (item[0][0], order.index(item[0][1])), reverse=True)
    ]


def plan_layout(corpus: Corpus, country_name: Mapping[str, str], timeline: Timeline = KYIV) -> Layout:
    """File every record and article under its day, and gather the place and weapon indexes.

    ``corpus`` lists its articles in publication order; each day keeps that order.
    """
    layout = Layout()
    by_theme_day: dict[Theme, dict[dt.date, dict[str, tuple[ArticleFile, list[Attribution], list[Strike]]]]] = {
        theme: defaultdict(dict) for theme in Theme
    }
    region_records: dict[RegionKey, list[tuple[str, dt.date, str]]] = defaultdict(list)
    region_days: dict[RegionKey, dict[tuple[dt.date, Theme], list[str]]] = defaultdict(lambda: defaultdict(list))
    weapon_days: dict[WeaponKey, dict[tuple[dt.date, Theme], list[str]]] = defaultdict(lambda: defaultdict(list))

    def file_under(theme: Theme, day: dt.date, article_file: ArticleFile) -> tuple[ArticleFile, list[Attribution], list[Strike]]:
        return by_theme_day[theme][day].setdefault(article_file.article.id, (article_file, [], []))

    for article_file in corpus.articles:
        published = timeline.day(article_file.article.published)
        file_under(Theme.sources, published, article_file)
        for claim in article_file.attributions:
            file_under(Theme.attribution, published, article_file)[1].append(claim)
            for claim_weapon, origin in {weapon_key(weapon): weapon.origin for weapon in claim.weapons}.items():
                weapon_days[claim_weapon][(published, Theme.attribution)].append(country_name.get(origin or "", ""))
        for strike in article_file.strikes:
            day, theme = filing_day(strike, published), Theme.of(strike.direction)
            file_under(theme, day, article_file)[2].append(strike)
            region = strike.where.region_or_country(country_name)
            region_days[(strike.where.country, region)][(day, theme)].append(strike.where.settlement or region)
            region_records[(strike.where.country, region)].append((strike.where.settlement or region, day, strike.id))
            for strike_weapon in {weapon_key(weapon) for weapon in strike.weapons}:
                weapon_days[strike_weapon][(day, theme)].append(region)

    for theme, days in by_theme_day.items():
        layout.days[theme] = {
            day: Corpus(
                parties=corpus.parties,
                articles=[
                    entry[0] if theme is Theme.sources else entry[0].model_copy(update={"attributions": entry[1], "strikes": entry[2]})
                    for entry in entries.values()
                ],
            )
            for day, entries in days.items()
        }
    for key in sorted(region_days):
        layout.regions[key] = _day_entries(region_days[key])
        layout.settlements[key] = _settlements(region_records[key])
    for model_key in sorted(weapon_days, key=lambda key: (key[0].value, key[1] or "")):
        layout.weapons[model_key] = _day_entries(weapon_days[model_key])
    all_days = [day for days in layout.days.values() for day in days]
    layout.latest_day = max(all_days) if all_days else None
    return layout


def records_of(theme: Theme, article_file: ArticleFile) -> list[tuple[str, str]]:
    """(id, headline) of what ``article_file`` files under ``theme``: the article itself on Sources, else its records."""
    if theme is Theme.sources:
        return [(article_file.article.id, article_file.article.title)]
    return [(claim.id, claim.headline) for claim in article_file.attributions] + [
        (strike.id, strike.headline) for strike in article_file.strikes
    ]
