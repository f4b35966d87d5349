"""Which pages the site has, and what each one is rendered from.

One job per page: the home page (latest day), each theme's front page (its
latest day, out of the search index), each theme's day pages (the records'
permanent homes) and month indexes, and the place and weapon indexes; then
what the pages show of the Air Force's imported reports, and their own pages
(an overall tally, one per month, one per weapon model, and SVG charts).
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Any

from markupsafe import Markup

from generator.airforce.model import AIR_FORCE, AttackWave
from generator.airforce.tally import Scope, month_of, tally_by
from generator.airforce.view import AirForceView, Chart, NightView
from generator.airforce.weapons import shipped_catalogue
from generator.catalogue import Formatter
from generator.digest import digest_page
from generator.layout import AIR_FORCE_THEME, THEMES, DayEntry, Layout, MonthRow, month_rows
from generator.links import Links
from generator.model import ArticleFile, Corpus, Direction

SUMMARY_ITEMS = 5
"""How many places or headlines a month index shows per day."""


@dataclass(frozen=True)
class PageInfo:
    """What a template needs to know about the page it renders, besides the records."""

    path: str
    title: str
    heading: str
    search_exclude: bool = False
    day: dt.date | None = None
    previous: Markup | None = None
    previous_label: str = ""
    next: Markup | None = None
    next_label: str = ""
    month_link: Markup | None = None
    months: list[tuple[str, Markup]] = field(default_factory=list)


@dataclass(frozen=True)
class Job:
    """One page to render: its template, its page info and its other variables."""

    template: str
    page: PageInfo
    variables: dict[str, Any]


TEMPLATES = {"attribution": "attribution.md.j2", "on_russia": "strikes.md.j2", "on_ukraine": "strikes.md.j2", "sources": "sources.md.j2"}


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
            strike.where.region or formatter.country(strike.where.country)
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
    return [_with_airforce(job, corpus, layout, formatter) for job in jobs] + _airforce_jobs(corpus, layout, formatter)


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

AIRFORCE_MONTH_INDEX = "airforce_archive_month.md.j2"
"""The strikes-on-Ukraine month index, with a link to the Air Force's tally of that month."""

MAX_CHART_MODELS = 15
"""A month's chart shows the models with the most launched; the table beside it has them all."""


def _with_airforce(job: Job, corpus: Corpus, layout: Layout, formatter: Formatter) -> Job:
    """Give a page of the other themes what it shows of the Air Force's reports."""
    view = AirForceView(layout, formatter, Links(job.page.path, layout))
    ukraine = Direction.on_ukraine.value
    if job.template == TEMPLATES[ukraine]:
        return replace(job, variables={**job.variables, "airforce_night": _night(job, layout, view)})
    if job.template == TEMPLATES["attribution"]:
        weapons = {
            claim.id: [
                (weapon, view.weapon_links(match))
                for weapon, match in zip(claim.weapons, layout.weapon_matches.get(claim.id, []), strict=False)
                if match.models or match.related
            ]
            for claim, _ in job.variables["briefing"].attributions
        }
        return replace(job, variables={**job.variables, "airforce_weapons": weapons})
    if job.template == "archive_month.md.j2" and job.variables.get("theme") == ukraine and layout.airforce.by_month:
        month = posixpath.basename(job.page.path).removesuffix(".md")
        summary = formatter.labels.airforce_day_summary
        entries = [
            replace(entry, places=[*entry.places, str(summary.format(count=len(layout.airforce.by_day[entry.day])))])
            if entry.day in layout.airforce.by_day
            else entry
            for entry in job.variables["entries"]
        ]
        month_link = view.links.month(AIR_FORCE_THEME, month) if month in layout.airforce.by_month else None
        variables = {
            **job.variables,
            "entries": entries,
            "airforce_month": month_link,
            "airforce_overall": view.links.page(AIR_FORCE_THEME),
        }
        return replace(job, template=AIRFORCE_MONTH_INDEX, variables=variables)
    return job


def _night(job: Job, layout: Layout, view: AirForceView) -> NightView | None:
    """The Air Force block of a strikes-on-Ukraine page: on the day's first page (and the theme's front page) only."""
    ukraine, day = Direction.on_ukraine.value, job.page.day
    if job.variables.get("direction") is not Direction.on_ukraine or day is None or day not in layout.airforce.by_day:
        return None
    if job.page.path not in (Layout.theme_page(ukraine), Layout.day_page(ukraine, day)):
        return None
    return view.night(day, [strike for article_file in layout.days[ukraine][day].articles for strike in article_file.strikes])


def _airforce_jobs(corpus: Corpus, layout: Layout, formatter: Formatter) -> list[Job]:
    """The overall tally (in the navigation), one tally per month, one page per model, and their charts."""
    labels = formatter.labels
    path = Layout.theme_page(AIR_FORCE_THEME)
    view = AirForceView(layout, formatter, Links(path, layout))
    months = list(layout.airforce.by_month)
    waves = [wave for month in months for wave in layout.airforce.by_month[month]]
    period = _period(layout, formatter)
    charts: list[Chart] = []

    def overall_chart(scope: Scope, scoped: list[AttackWave]) -> Chart | None:
        by_month = tally_by(scoped, month_of)
        groups = [(formatter.month(month), by_month[month]) for month in sorted(by_month)]
        return _keep(charts, view.chart(f"all-{scope.key}", scope, groups, str(labels.airforce_chart_months), period))

    title = str(labels.airforce_title)
    info = PageInfo(
        path,
        title,
        title,
        search_exclude=True,
        months=[(formatter.month(month), view.links.month(AIR_FORCE_THEME, month)) for month in months],
    )
    scope_views = view.scope_views(waves, view.month_rows, overall_chart)
    jobs = [Job("airforce.md.j2", info, {"scopes": scope_views, "period": period, "claimed_by": AIR_FORCE})]
    jobs += [_month_job(layout, formatter, months, position, charts) for position in range(len(months))]
    attributions = [claim for article_file in corpus.articles for claim in article_file.attributions]
    catalogue = shipped_catalogue() if layout.airforce_model_slugs else None
    for name, slug in layout.airforce_model_slugs.items():
        model_path = Layout.airforce_model_page(slug)
        model_view = AirForceView(layout, formatter, Links(model_path, layout))
        citing = [claim for claim in attributions if any(name in match.models for match in layout.weapon_matches.get(claim.id, []))]
        heading = str(labels.airforce_model_title.format(model=name))
        variables = {
            "model": model_view.model(name, citing, catalogue),
            "period": period,
            "overall": model_view.links.page(AIR_FORCE_THEME),
            "claimed_by": AIR_FORCE,
        }
        jobs.append(Job("airforce_model.md.j2", PageInfo(model_path, heading, heading, search_exclude=True), variables))
    jobs += [Job("chart.svg.j2", PageInfo(chart.path, chart.alt, chart.alt), {"svg": chart.svg}) for chart in charts]
    return jobs


def _month_job(layout: Layout, formatter: Formatter, months: list[str], position: int, charts: list[Chart]) -> Job:
    """One month's tally: per scope, a chart by model, tables by night, category and model."""
    labels, month = formatter.labels, months[position]
    path = Layout.month_page(AIR_FORCE_THEME, month)
    view = AirForceView(layout, formatter, Links(path, layout))
    month_name = formatter.month(month)

    def month_chart(scope: Scope, scoped: list[AttackWave]) -> Chart | None:
        by_model = tally_by(scoped, lambda wave: wave.model)
        ranked = sorted(by_model.items(), key=lambda item: (-item[1].launched, item[0].casefold()))[:MAX_CHART_MODELS]
        rows = labels.airforce_chart_models.format(count=len(ranked), total=len(by_model)) if len(ranked) < len(by_model) else labels.model
        rows = str(rows).lower()
        return _keep(charts, view.chart(f"{month}-{scope.key}", scope, ranked, rows, month_name))

    heading = str(labels.airforce_month_title.format(month=month_name))
    later = months[position - 1] if position > 0 else None
    earlier = months[position + 1] if position + 1 < len(months) else None
    info = PageInfo(
        path,
        heading,
        heading,
        search_exclude=True,
        previous=view.links.month(AIR_FORCE_THEME, earlier) if earlier else None,
        previous_label=str(labels.airforce_previous_month),
        next=view.links.month(AIR_FORCE_THEME, later) if later else None,
        next_label=str(labels.airforce_next_month),
        month_link=view.links.page(AIR_FORCE_THEME),
    )
    scope_views = view.scope_views(layout.airforce.by_month[month], view.night_rows, month_chart)
    return Job("airforce_month.md.j2", info, {"scopes": scope_views, "claimed_by": AIR_FORCE})


def _keep(charts: list[Chart], chart: Chart | None) -> Chart | None:
    if chart is not None:
        charts.append(chart)
    return chart


def _period(layout: Layout, formatter: Formatter) -> str:
    days = list(layout.airforce.by_day)
    return f"{formatter.date(days[0])} – {formatter.date(days[-1])}" if days else ""
