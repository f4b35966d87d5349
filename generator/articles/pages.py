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
from generator.model import ArticleFile, Corpus, WeaponCategory
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


def fill_archives(plan: PlanBuilder, corpus: Corpus, layout: Layout) -> None:
    """Give each theme's front and day pages the records filed on them (none on a day only another source speaks of)."""
    countries = dict(plan.labels.countries)
    for theme in Theme:
        for page in plan.pages_of([FRONT[theme], DAY[theme]]):
            day_corpus = layout.days[theme].get(page.day) if page.day else None
            page.variables["briefing"] = make_briefing(_part(theme, day_corpus, page.records, corpus), countries, plan.timeline)
            if theme.direction is not None:
                page.variables["direction"] = theme.direction


def _part(theme: Theme, day_corpus: Corpus | None, records: list[str], corpus: Corpus) -> Corpus:
    """The articles of one page, with only the records it shows."""
    if day_corpus is None:
        return Corpus(parties=corpus.parties, articles=[])
    shown = set(records)
    if theme is Theme.sources:
        return Corpus(parties=corpus.parties, articles=[a for a in day_corpus.articles if a.article.id in shown])
    articles = [
        article_file.model_copy(
            update={
                "attributions": [claim for claim in article_file.attributions if claim.id in shown],
                "strikes": [strike for strike in article_file.strikes if strike.id in shown],
            }
        )
        for article_file in day_corpus.articles
        if any(claim.id in shown for claim in article_file.attributions) or any(strike.id in shown for strike in article_file.strikes)
    ]
    return Corpus(parties=corpus.parties, articles=articles)


def add_home(plan: PlanBuilder, corpus: Corpus, layout: Layout) -> None:
    """The home page: the latest day, every theme at once."""
    labels = plan.labels
    variables = {"briefing": make_briefing(_home_corpus(layout, corpus), dict(labels.countries), plan.timeline)}
    plan.add_page(HOME_PAGE, HOME, str(labels.home_title), str(labels.site_name), day=layout.latest_day, variables=variables)


def _home_corpus(layout: Layout, corpus: Corpus) -> Corpus:
    """Everything filed under the latest day, whatever its theme, merged back per article."""
    merged: dict[str, ArticleFile] = {}
    latest = layout.latest_day
    for theme in (Theme.attribution, Theme.on_russia, Theme.on_ukraine):
        day_corpus = layout.days[theme].get(latest) if latest else None
        for article_file in day_corpus.articles if day_corpus else []:
            known = merged.get(article_file.article.id)
            if known is None:
                merged[article_file.article.id] = article_file
            else:
                merged[article_file.article.id] = known.model_copy(
                    update={
                        "attributions": [*known.attributions, *article_file.attributions],
                        "strikes": [*known.strikes, *article_file.strikes],
                    }
                )
    sources = layout.days[Theme.sources].get(latest) if latest else None
    published = {a.article.id for a in sources.articles} if sources else set()
    for article_file in corpus.articles:
        if article_file.article.id in published and article_file.article.id not in merged:
            merged[article_file.article.id] = article_file.model_copy(update={"attributions": [], "strikes": []})
    order = {article_file.article.id: position for position, article_file in enumerate(corpus.articles)}
    return Corpus(parties=corpus.parties, articles=sorted(merged.values(), key=lambda a: order[a.article.id]))


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
