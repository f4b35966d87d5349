"""Which pages the site has, and what each one is rendered from.

One job per page: the home page (latest day), each theme's front page (its
latest day, out of the search index), each theme's day pages (the records'
permanent homes) and month indexes, and the place and weapon indexes; then
what the pages show of the Air Force's imported reports, and their own pages
(an overall tally, one per month, one per weapon model, and SVG charts).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from generator.airforce.pages import airforce_jobs, with_airforce
from generator.catalogue import Formatter
from generator.digest import digest_page
from generator.job import TEMPLATES, Job, PageInfo
from generator.layout import THEMES, DayEntry, Layout, MonthRow, month_rows
from generator.links import Links
from generator.model import ArticleFile, Corpus, Direction

SUMMARY_ITEMS = 5
"""How many places or headlines a month index shows per day."""


def _theme_title(theme: str, formatter: Formatter) -> str:
    labels = formatter.labels
    return str(
        labels.attribution_title if theme == "attribution" else labels.sources_title if theme == "sources" else labels.direction[theme]
    )


def _variables(theme: str, corpus: Corpus, formatter: Formatter) -> dict[str, Any]:
    variables: dict[str, Any] = {"briefing": digest_page(corpus, dict(formatter.labels.countries))}
    if theme in (Direction.on_russia.value, Direction.on_ukraine.value):
        variables["direction"] = Direction(theme)
    return variables


def _day_summary(theme: str, corpus: Corpus, formatter: Formatter) -> tuple[int, list[str]]:
    if theme == "sources":
        items = [article_file.article.title for article_file in corpus.articles]
    elif theme == "attribution":
        items = [claim.headline for article_file in corpus.articles for claim in article_file.attributions]
    else:
        items = [
            strike.where.region_or_country(formatter.labels.countries)
            for article_file in corpus.articles
            for strike in article_file.strikes
        ]
    unique = sorted(set(items))
    return len(items), unique[:SUMMARY_ITEMS] + (["…"] if len(unique) > SUMMARY_ITEMS else [])


def _home_corpus(layout: Layout, corpus: Corpus) -> Corpus:
    """Everything filed under the latest day, whatever its theme, merged back per article."""
    merged: dict[str, ArticleFile] = {}
    for theme in THEMES[:3]:
        for article_file in layout.days[theme].get(layout.latest_day, Corpus({}, [])).articles if layout.latest_day else []:
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
    published = (
        {a.article.id for a in layout.days["sources"].get(layout.latest_day, Corpus({}, [])).articles} if layout.latest_day else set()
    )
    for article_file in corpus.articles:
        if article_file.article.id in published and article_file.article.id not in merged:
            merged[article_file.article.id] = article_file.model_copy(update={"attributions": [], "strikes": []})
    ordered = sorted(merged.values(), key=lambda a: (a.article.published, a.article.id))
    return Corpus(parties=corpus.parties, articles=ordered)


def plan_pages(corpus: Corpus, layout: Layout, formatter: Formatter) -> list[Job]:
    """Every page of the site, in a stable order."""
    labels = formatter.labels
    jobs = [
        Job(
            "home.md.j2",
            PageInfo("index.md", str(labels.home_title), str(labels.site_name), day=layout.latest_day),
            _variables("home", _home_corpus(layout, corpus), formatter),
        )
    ]
    for theme in THEMES:
        title = _theme_title(theme, formatter)
        days = sorted(layout.days[theme])
        front = Layout.theme_page(theme)
        front_links = Links(front, layout)
        months = [(formatter.month(month), front_links.month(theme, month)) for month in layout.months(theme)]
        latest = days[-1] if days else None
        front_corpus = layout.parts[theme][latest][0] if latest else Corpus(corpus.parties, [])
        front_month = front_links.month(theme, latest.strftime("%Y-%m")) if latest else None
        jobs.append(
            Job(
                TEMPLATES[theme],
                PageInfo(
                    front,
                    title,
                    title,
                    search_exclude=True,
                    day=latest,
                    next=front_links.day(theme, latest, 2) if latest and len(layout.parts[theme][latest]) > 1 else None,
                    next_label=str(labels.next_part),
                    month_link=front_month,
                    months=months,
                ),
                _variables(theme, front_corpus, formatter),
            )
        )
        sequence = [(day, part) for day in days for part in range(1, len(layout.parts[theme][day]) + 1)]
        for position, (day, part) in enumerate(sequence):
            path = Layout.day_page(theme, day, part)
            links = Links(path, layout)
            count = len(layout.parts[theme][day])
            heading = str(labels.page_of_day.format(title=title, day=formatter.date(day)))
            if count > 1:
                heading += f" ({part}/{count})"
            before = sequence[position - 1] if position > 0 else None
            after = sequence[position + 1] if position + 1 < len(sequence) else None
            page = PageInfo(
                path,
                heading,
                heading,
                day=day,
                previous=links.day(theme, *before) if before else None,
                previous_label=str(labels.previous_day),
                next=links.day(theme, *after) if after else None,
                next_label=str(labels.next_day),
                month_link=links.month(theme, day.strftime("%Y-%m")),
            )
            jobs.append(Job(TEMPLATES[theme], page, _variables(theme, layout.parts[theme][day][part - 1], formatter)))
        for month in layout.months(theme):
            path = Layout.month_page(theme, month)
            heading = str(labels.page_of_month.format(title=title, month=formatter.month(month)))
            entries = []
            for day in layout.days_in_month(theme, month):
                count, details = _day_summary(theme, layout.days[theme][day], formatter)
                entries.append(DayEntry(day, theme, count, details))
            jobs.append(
                Job("archive_month.md.j2", PageInfo(path, heading, heading, search_exclude=True), {"entries": entries, "theme": theme})
            )
    jobs += _index_jobs(layout, formatter)
    return [with_airforce(job, corpus, layout, formatter) for job in jobs] + airforce_jobs(corpus, layout, formatter)


def _by_theme(rows: list[MonthRow]) -> list[tuple[str, list[MonthRow]]]:
    """Month rows grouped under their theme, themes in navigation order, months latest first."""
    return [
        (theme, sorted((row for row in rows if row.theme == theme), key=lambda row: row.month, reverse=True))
        for theme in THEMES
        if any(row.theme == theme for row in rows)
    ]


def _index_jobs(layout: Layout, formatter: Formatter) -> list[Job]:
    labels = formatter.labels
    places_title, weapons_title = str(labels.places_title), str(labels.weapons_title)
    regions_by_country: dict[str, list[tuple[tuple[str, str], int]]] = defaultdict(list)
    jobs = []
    for key, entries in layout.regions.items():
        regions_by_country[key[0]].append((key, sum(entry.count for entry in entries)))
        heading = f"{key[1]} ({formatter.country(key[0])})"
        path = f"places/{layout.region_slugs[key]}.md"
        variables = {"months": _by_theme(month_rows(entries)), "settlements": layout.settlements[key]}
        jobs.append(Job("index_days.md.j2", PageInfo(path, heading, heading, search_exclude=True), variables))
    groups = sorted(regions_by_country.items())
    jobs.append(Job("index_places.md.j2", PageInfo("places/index.md", places_title, places_title, search_exclude=True), {"groups": groups}))
    weapons_by_category: dict[Any, list[tuple[Any, int]]] = defaultdict(list)
    for weapon, entries in layout.weapons.items():
        weapons_by_category[weapon[0]].append((weapon, sum(entry.count for entry in entries)))
        name = weapon[1] or str(labels.all_models)
        heading = f"{name} ({labels.category[weapon[0].value]})"
        path = f"weapons/{layout.weapon_slugs[weapon]}.md"
        jobs.append(
            Job(
                "index_days.md.j2",
                PageInfo(path, heading, heading, search_exclude=True),
                {"months": _by_theme(month_rows(entries)), "settlements": []},
            )
        )
    weapon_groups = sorted(weapons_by_category.items(), key=lambda item: item[0].value)
    jobs.append(
        Job(
            "index_weapons.md.j2",
            PageInfo("weapons/index.md", weapons_title, weapons_title, search_exclude=True),
            {"groups": weapon_groups},
        )
    )
    return jobs


# The Ukrainian Air Force's reports: a block on each strikes-on-Ukraine day page, links from
# attributed weapons, a link from the month indexes, and the tally pages (overall, months, models) with their charts.
