"""What the articles show on the site: their records on every theme page, the home page, and the place and weapon pages.

The theme pages (front pages, day pages, month indexes) are laid out by
:mod:`generator.archives` for every contributor; the articles fill each front
and day page with the records filed on it. The home page shows the latest day
with an article's record, every theme at once; each region and each weapon
has a page listing, one line per month and theme, the days that name it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from generator.archives import DAY, FRONT
from generator.articles.layout import Layout, MonthRow, month_rows
from generator.articles.views import make_briefing
from generator.model import WeaponCategory
from generator.pages import PageKind, PlanBuilder
from generator.themes import Theme
from generator.urls import HOME, PLACES, WEAPONS, Slugs, place_slug, weapon_slug

TOP_AND_BOTTOM = frozenset({"top", "bottom"})
HOME_PAGE = PageKind("home", "home.md.j2", searchable=True, slots=TOP_AND_BOTTOM)
PLACE = PageKind("place", "index_days.md.j2", slots=TOP_AND_BOTTOM)
WEAPON = PageKind("weapon", "index_days.md.j2", slots=TOP_AND_BOTTOM)
PLACES_INDEX = PageKind("places", "index_places.md.j2")
WEAPONS_INDEX = PageKind("weapons", "index_weapons.md.j2", slots=TOP_AND_BOTTOM)


@dataclass(frozen=True)
class IndexEntry:
    """One line of the places or weapons index: a region or a weapon, how many records name it, and its page."""

    name: str | None
    """The region's or the model's name; None for a weapon whose model no article names."""
    count: int
    page: str


def fill_archives(plan: PlanBuilder, layout: Layout) -> None:
    """Give each theme's front and day pages the events (or, on Sources, the articles) filed on them.

    A day only another source speaks of shows none.
    """
    countries = dict(plan.labels.countries)
    every = layout.events
    strikes = {event.id: event for event in every.strikes}
    claims = {event.id: event for event in every.claims}
    for theme in Theme:
        for page in plan.pages_of([FRONT[theme], DAY[theme]]):
            shown = set(page.records)
            articles = [a for a in layout.article_days.get(page.day, []) if a.article.id in shown] if page.day else []
            page.variables["briefing"] = make_briefing(
                articles if theme is Theme.sources else [],
                [strikes[record] for record in page.records if record in strikes],
                [claims[record] for record in page.records if record in claims],
                every.event_of,
                countries,
                plan.timeline,
            )
            if theme.direction is not None:
                page.variables["direction"] = theme.direction


def add_home(plan: PlanBuilder, layout: Layout) -> None:
    """The home page: the latest day, every theme at once: the events filed that day or reported again that day,
    and the articles published that day."""
    labels, latest = plan.labels, layout.latest_day
    published = layout.article_days.get(latest, []) if latest else []
    filed = {event.id for days in layout.strike_days.values() for event in days.get(latest, [])} if latest else set()
    filed |= {event.id for event in layout.claim_days.get(latest, [])} if latest else set()
    reported = layout.events.of_articles(article_file.article.id for article_file in published)
    shown = filed | {event.id for event in reported.strikes} | {event.id for event in reported.claims}
    strikes = [event for event in layout.events.strikes if event.id in shown]
    claims = [event for event in layout.events.claims if event.id in shown]
    with_reports = {report.article.id for strike_event in strikes for report in strike_event.reports}
    with_reports |= {report.article.id for claim_event in claims for report in claim_event.reports}
    articles = [a for days in layout.article_days.values() for a in days if a.article.id in with_reports or a in published]
    briefing = make_briefing(articles, strikes, claims, layout.events.event_of, dict(labels.countries), plan.timeline)
    plan.add_page(HOME_PAGE, HOME, str(labels.home_title), str(labels.site_name), day=latest, variables={"briefing": briefing})


def _by_theme(rows: list[MonthRow]) -> list[tuple[Theme, list[MonthRow]]]:
    """Month rows grouped under their theme, themes in navigation order (rows are latest first)."""
    return [(theme, [row for row in rows if row.theme is theme]) for theme in Theme if any(row.theme is theme for row in rows)]


def add_indexes(plan: PlanBuilder, layout: Layout) -> None:
    """A page per region and per weapon, and the two indexes listing them."""
    formatter, labels = plan.formatter, plan.labels
    regions_by_country: dict[str, list[IndexEntry]] = defaultdict(list)
    slugs = Slugs()
    for key, entries in layout.regions.items():
        page = PLACES.entry(slugs.take(place_slug(*key)))
        regions_by_country[key[0]].append(IndexEntry(key[1], sum(entry.count for entry in entries), page))
        heading = str(labels.qualified.format(name=key[1], qualifier=formatter.country(key[0])))
        variables = {"months": _by_theme(month_rows(entries)), "settlements": layout.settlements[key]}
        plan.add_page(PLACE, page, heading, variables=variables)
    plan.add_page(PLACES_INDEX, PLACES.front, str(labels.places_title), variables={"groups": sorted(regions_by_country.items())})
    weapons_by_category: dict[WeaponCategory, list[IndexEntry]] = defaultdict(list)
    slugs = Slugs()
    for weapon, entries in layout.weapons.items():
        page = WEAPONS.entry(slugs.take(weapon_slug(weapon[0].value, weapon[1])))
        weapons_by_category[weapon[0]].append(IndexEntry(weapon[1], sum(entry.count for entry in entries), page))
        name = weapon[1] or str(labels.all_models)
        heading = str(labels.qualified.format(name=name, qualifier=labels.category[weapon[0].value]))
        plan.add_page(WEAPON, page, heading, variables={"months": _by_theme(month_rows(entries)), "settlements": []})
    groups = sorted(weapons_by_category.items(), key=lambda item: item[0].value)
    plan.add_page(WEAPONS_INDEX, WEAPONS.front, str(labels.weapons_title), variables={"groups": groups})
