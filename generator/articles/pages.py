"""What the articles show on the site: their records on every theme page, the home page, and the place and weapon pages.

The theme pages (front pages, day pages, month indexes) and the briefings
(the home page, one page per day) are laid out by :mod:`generator.archives`
for every contributor; the articles fill each front and day page with the
records filed on it, and each briefing with every theme's events of its day.
Each region and each weapon has a page listing, one line per month and theme,
the days that name it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from generator.archives import BRIEFING, DAY, FRONT, HOME_PAGE, MONTH
from generator.articles.layout import Layout, SettlementEntry, WeaponKey
from generator.articles.views import Briefing, make_briefing, map_item
from generator.gazetteer import name_key
from generator.maps.events import MapItem
from generator.model import WeaponCategory
from generator.pages import PageKind, PageLink, PlanBuilder, Section, neighbours
from generator.themes import Theme
from generator.urls import PLACES, WEAPONS, Index, Slugs, archive, place_slug, weapon_slug
from generator.weapons import shipped_catalogue

TOP_AND_BOTTOM = frozenset({"top", "bottom"})
PLACE = PageKind("place", "index_events.md.j2", slots=TOP_AND_BOTTOM)
WEAPON = PageKind("weapon", "index_events.md.j2", slots=TOP_AND_BOTTOM)
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
                every,
                plan.formatter.atlas,
                plan.formatter.area,
                plan.timeline,
            )
            if theme.direction is not None:
                page.variables["direction"] = theme.direction


def fill_briefings(plan: PlanBuilder, layout: Layout) -> None:
    """Today's briefing (the home page) and every day's: every theme at once, the events filed that day or reported
    again that day, and the articles published that day."""
    by_id = {article_file.article.id: article_file for days in layout.article_days.values() for article_file in days}
    for page in plan.pages_of([HOME_PAGE, BRIEFING]):
        day = page.day
        published = layout.article_days.get(day, []) if day else []
        filed = {event.id for days in layout.strike_days.values() for event in days.get(day, [])} if day else set()
        filed |= {event.id for event in layout.claim_days.get(day, [])} if day else set()
        reported = layout.events.of_articles(article_file.article.id for article_file in published)
        shown = layout.events.select(filed | {event.id for event in reported.strikes} | {event.id for event in reported.claims})
        strikes, claims = shown.strikes, shown.claims
        with_reports = {report.article.id for event in strikes for report in event.reports}
        with_reports |= {report.article.id for event in claims for report in event.reports}
        wanted = with_reports | {article_file.article.id for article_file in published}
        articles = [by_id[article_id] for article_id in by_id if article_id in wanted]
        page.variables["briefing"] = make_briefing(
            articles, strikes, claims, layout.events, plan.formatter.atlas, plan.formatter.area, plan.timeline
        )


def add_indexes(
    plan: PlanBuilder, layout: Layout, written: Mapping[str, set[str]], written_weapons: Mapping[WeaponKey, set[tuple[str, str | None]]]
) -> None:
    """A page per region and per weapon, and the two indexes listing them.

    A region's page is at its gazetteer id and a catalogued weapon's at its
    catalogue id, for good. ``written`` gives, per area id, the region names
    articles wrote, and ``written_weapons`` per weapon key the (category,
    model) they wrote: the pages were at slugs of those before the gazetteer
    and the catalogue ids, and those addresses lead on.
    """
    formatter, labels = plan.formatter, plan.labels
    regions_by_country: dict[str, list[IndexEntry]] = defaultdict(list)
    for area, entries in layout.regions.items():
        page = PLACES.entry(area.id)
        regions_by_country[area.country].append(IndexEntry(area.name, sum(entry.count for entry in entries), page))
        country = formatter.country(area.country)
        heading = area.name if area.name == country else str(labels.qualified.format(name=area.name, qualifier=country))
        _add_listing(plan, layout, PLACE, (PLACES, area.id), heading, layout.events_of_area[area.id], layout.settlements[area])
        for name in sorted(written.get(area.id, ())):
            plan.redirect(PLACES.entry(place_slug(area.country, name)), page)
    by_country = sorted(regions_by_country.items())
    place_groups = [(country, sorted(entries, key=lambda entry: name_key(entry.name or ""))) for country, entries in by_country]
    plan.add_page(PLACES_INDEX, PLACES.front, str(labels.places_title), variables={"groups": place_groups})
    weapons_by_category: dict[WeaponCategory, list[IndexEntry]] = defaultdict(list)
    slugs = Slugs()
    catalogue = shipped_catalogue()
    for weapon, entries in layout.weapons.items():
        category, model = weapon
        entry = catalogue.by_id.get(model or "")
        page = WEAPONS.entry(entry.id if entry and entry.id else slugs.take(weapon_slug(category.value, model)))
        weapon_name = formatter.weapon(entry.name) if entry else model
        weapons_by_category[category].append(IndexEntry(weapon_name, sum(mention.count for mention in entries), page))
        heading = str(labels.qualified.format(name=weapon_name or str(labels.all_models), qualifier=labels.category[category.value]))
        slug = page.removeprefix(f"{WEAPONS.slug}/").removesuffix(".md")
        _add_listing(plan, layout, WEAPON, (WEAPONS, slug), heading, layout.events_of_weapon[weapon], [])
        for old in sorted(written_weapons.get(weapon, ())):
            plan.redirect(WEAPONS.entry(weapon_slug(*old)), page)
    groups = sorted(weapons_by_category.items(), key=lambda item: item[0].value)
    plan.add_page(WEAPONS_INDEX, WEAPONS.front, str(labels.weapons_title), variables={"groups": groups})


MAX_LISTED = 30
"""A place or weapon page lists at most about this many events; past it, one page per month lists them, and the page
itself shows the totals, the latest month and the list of months."""


def _add_listing(
    plan: PlanBuilder,
    layout: Layout,
    kind: PageKind,
    where: tuple[Index, str],
    heading: str,
    ids: set[str],
    settlements: list[SettlementEntry],
) -> None:
    """A place's or weapon's page: totals of all its events, then the events; past :data:`MAX_LISTED`, its latest
    month there and each month on a page of its own (previous and next month, the main page above)."""
    index, slug = where
    path, formatter, labels = index.entry(slug), plan.formatter, plan.labels
    totals = _events(plan, layout, ids)
    by_month: dict[str, set[str]] = defaultdict(set)
    for event_id in ids:
        by_month[layout.day_of[event_id].strftime("%Y-%m")].add(event_id)
    months = sorted(by_month, reverse=True)
    if len(ids) <= MAX_LISTED:
        plan.add_page(kind, path, heading, variables={"settlements": settlements, "totals": totals, "briefing": totals})
        return
    links = [PageLink(index.month(slug, month), formatter.month(month)) for month in months]
    latest = _events(plan, layout, by_month[months[0]])
    variables = {"settlements": settlements, "totals": totals, "briefing": latest, "listed_month": formatter.month(months[0])}
    plan.add_page(kind, path, heading, months=links, variables=variables)
    for position, month in enumerate(months):
        listed = _events(plan, layout, by_month[month])
        later, earlier = neighbours(months, position)
        plan.add_page(
            kind,
            index.month(slug, month),
            str(labels.page_of_month.format(title=heading, month=formatter.month(month))),
            previous=PageLink(index.month(slug, earlier), formatter.month(earlier)) if earlier else None,
            next=PageLink(index.month(slug, later), formatter.month(later)) if later else None,
            up=PageLink(path, heading),
            variables={"settlements": [], "totals": listed, "briefing": listed},
        )


def _events(plan: PlanBuilder, layout: Layout, ids: set[str]) -> Briefing:
    """What a place or weapon page lists: these events, with the tally of their figures per claimant."""
    shown = layout.events.select(ids)
    return make_briefing([], shown.strikes, shown.claims, layout.events, plan.formatter.atlas, plan.formatter.area, plan.timeline)


def add_month_maps(plan: PlanBuilder, layout: Layout) -> None:
    """On each strike theme's month index, a map of the month: a point per place (its settlement, else its region)
    with how many events the month has there, leading to the latest of them."""
    months = {page.path: page for page in plan.pages_of([MONTH])}
    formatter, labels = plan.formatter, plan.labels
    for theme, days in layout.strike_days.items():
        by_place: dict[str, dict[str, list[MapItem]]] = defaultdict(lambda: defaultdict(list))
        for day in sorted(days, reverse=True):
            for event in days[day]:
                item = map_item(event, formatter.atlas(event.root.record.where))
                place = item.place.settlement or item.place.raion or item.place.region
                by_place[day.strftime("%Y-%m")][place.id if place else item.place.country].append(item)
        for month, places in by_place.items():
            page = months.get(archive(theme).month(month))
            if page is None:
                continue
            items = []
            for found in places.values():
                latest = found[0]
                count = str(labels.records_count.format(count=len(found)))
                label = str(labels.qualified.format(name=formatter.area_of(latest.place), qualifier=count))
                items.append(MapItem(latest.record_id, label, latest.place, latest.kind))
            plan.add_section(page, Section("top", "partials/map.md.j2", items))
