"""The Air Force's imported reports on the site: what the other pages show of them, and their own pages.

Each strikes-on-Ukraine day page gets that night's figures beside the
articles' strikes; attribution records get links to the weapon models they
concern; the strikes-on-Ukraine month indexes link to the Air Force month
tallies. The Air Force's own pages are an overall tally (in the navigation),
one per month, one per weapon model, and their SVG charts.
"""

from __future__ import annotations

import posixpath
from dataclasses import replace

from generator.airforce.model import AIR_FORCE, AttackWave
from generator.airforce.tally import Scope, month_of, tally_by
from generator.airforce.view import AirForceView, Chart, NightView
from generator.airforce.weapons import shipped_catalogue
from generator.catalogue import Formatter
from generator.job import TEMPLATES, Job, PageInfo
from generator.layout import AIR_FORCE_THEME, Layout
from generator.links import Links
from generator.model import Corpus, Direction

AIRFORCE_MONTH_INDEX = "airforce_archive_month.md.j2"
"""The strikes-on-Ukraine month index, with a link to the Air Force's tally of that month."""

MAX_CHART_MODELS = 15
"""A month's chart shows the models with the most launched; the table beside it has them all."""


def with_airforce(job: Job, corpus: Corpus, layout: Layout, formatter: Formatter) -> Job:
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


def airforce_jobs(corpus: Corpus, layout: Layout, formatter: Formatter) -> list[Job]:
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
