"""The Air Force's imported reports on the site: what the shared pages show of them, and their own pages.

Declared before any page exists: each report day, filed on the
strikes-on-Ukraine day page of that morning, with a line in its month index.

Contributed, once every contributor has declared: that night's figures on the
day's first page (and on the theme's front page when it shows that day), links
from attributed weapons to their models, a link from the strikes-on-Ukraine
month indexes to the month's tally; and the Air Force's own pages: an overall
tally (in the navigation), one per month, one per weapon model (every reported
model, and every catalogue model an article's attributed weapon concerns), and
their SVG charts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from generator.airforce.charting import AirForceCharts, Chart, Coverage, Drawn
from generator.airforce.formatting import AirForceFormatter
from generator.airforce.model import AttackWave, parse_moment
from generator.airforce.sources import Scope
from generator.airforce.tally import ScopeGroup, Tally, WaveIndex, index_waves, owner_of, tally, tally_by
from generator.airforce.view import ARCHIVE, AirForceView, model_anchor, model_page, night_anchor
from generator.archives import BRIEFING, HOME_PAGE
from generator.calendar import RecordRef
from generator.model import Weapon
from generator.pages import PageKind, PageLink, PlanBuilder, Section, neighbours
from generator.themes import Theme
from generator.timeline import Moment
from generator.urls import WEAPONS, Slugs, archive, slugify
from generator.weapons import Catalogue, WeaponMatch, match_weapon, shipped_catalogue

OVERALL = PageKind("airforce-overall", "airforce.md.j2")
MONTH_TALLY = PageKind("airforce-month", "airforce_month.md.j2")
MODEL = PageKind("airforce-model", "airforce_model.md.j2", slots=frozenset({"bottom"}))

MAX_CHART_MODELS = 15
"""A month's chart shows the models with the most launched; the table beside it has them all."""


@dataclass(frozen=True)
class MonthLinks:
    """The section of a strikes-on-Ukraine month index that leads to the Air Force's tallies."""

    month: str
    overall: str


@dataclass
class Models:
    """The weapon models with a page: every reported model (alone or in a joint wave), and every model an attribution's
    weapon concerns."""

    slugs: dict[str, str] = field(default_factory=dict)
    """Model name -> slug of its page."""
    matches: dict[str, tuple[RecordRef, list[tuple[Weapon, WeaponMatch]]]] = field(default_factory=dict)
    """Attribution id -> the claim, and for each of its weapons the models it concerns."""


@dataclass(frozen=True)
class WeaponRow:
    """An Air Force model joined to the articles' weapon through the catalogue: its tally, its page, the articles'."""

    name: str
    tally: Tally
    model_page: str
    weapon_page: str | None
    """The page of the same catalogue weapon in the articles, when an article names it."""


@dataclass(frozen=True)
class Reports:
    """What the Air Force's contributions are built from: the waves grouped, and the models with a page."""

    index: WaveIndex
    models: Models


def declare(plan: PlanBuilder, waves: list[AttackWave]) -> WaveIndex:
    """File each wave under the morning it is reported, where its night lives on the strikes-on-Ukraine day page."""
    index = index_waves(waves)
    on_ukraine = archive(Theme.on_ukraine)
    for day, day_waves in index.by_day.items():
        national = [wave for wave in day_waves if owner_of(wave).scope is Scope.national]
        summary = [str(plan.labels.airforce_day_summary.format(count=len(day_waves)))]
        plan.calendar.add(Theme.on_ukraine, day, details=summary, leads=bool(national))
        if national:
            plan.calendar.brief(day, reported_at(plan, national))
        plan.home(night_anchor(day), on_ukraine.day(day))
    return index


def reported_at(plan: PlanBuilder, waves: list[AttackWave]) -> Moment:
    """When a night's posts were at the latest written, as far as the dataset says: the latest end (or start) of its
    waves, in local time."""
    latest = max(parse_moment(wave.end or wave.start) for wave in waves)
    if isinstance(latest, dt.datetime):
        return plan.timeline.moment(latest.replace(tzinfo=plan.timeline.zone))
    return plan.timeline.moment(latest)


def _models(plan: PlanBuilder, index: WaveIndex) -> Models:
    """Match every attributed weapon (every contributor has declared its mentions by now) and give each model a page."""
    models = Models()
    if index.by_model:
        catalogue, reported = shipped_catalogue(), list(index.by_model)
        for mention in plan.mentions:
            if mention.theme is Theme.attribution:
                found = [(weapon, match_weapon(weapon, catalogue, reported)) for weapon in mention.weapons]
                models.matches[mention.record.id] = (mention.record, found)
    named = {name for _, found in models.matches.values() for _, match in found for name in [*match.models, *match.related]}
    slugs = Slugs()
    for name in sorted({*index.by_model, *index.by_model_in_joint, *named}, key=lambda name: (name.casefold(), name)):
        slug = slugs.take(slugify(name))
        models.slugs[name] = slug
        plan.home(model_anchor(slug), model_page(slug))
    return models


def contribute(plan: PlanBuilder, index: WaveIndex) -> dict[str, str]:
    """Sections of the shared pages, then the Air Force's own pages and charts; the slug of each model's page."""
    reports = Reports(index, _models(plan, index))
    formatter = AirForceFormatter(plan.formatter)
    view = AirForceView(index, reports.models.slugs, formatter)
    _add_nights(plan, reports, view)
    for page in plan.pages_of([HOME_PAGE, BRIEFING]):
        if page.day is not None and (briefing := view.night_briefing(page.day)) is not None:
            plan.add_section(page, Section("top", "partials/airforce_briefing.md.j2", briefing))
    for claim_id, (_, found) in reports.models.matches.items():
        weapons = [(weapon, view.weapon_links(match)) for weapon, match in found if match.models or match.related]
        if weapons:
            plan.add_record_section(claim_id, Section("record", "partials/airforce_weapons.md.j2", weapons))
    for month in reports.index.by_month:
        links = MonthLinks(ARCHIVE.month(month), ARCHIVE.front)
        plan.add_section(plan.month_page(Theme.on_ukraine, month), Section("bottom", "partials/airforce_month_links.md.j2", links))
    charts = AirForceCharts(formatter, Coverage.of(list(reports.index.by_day)), ARCHIVE)
    _add_tallies(plan, reports, view, charts)
    _add_models(plan, reports, view, charts)
    return reports.models.slugs


def _add_nights(plan: PlanBuilder, reports: Reports, view: AirForceView) -> None:
    """Each night's figures on its day's first page, and on the theme's front page when that is the day it shows."""
    front = plan.front_page(Theme.on_ukraine)
    for day in reports.index.by_day:
        night = view.night(day, plan.calendar.day(Theme.on_ukraine, day).records)
        section = Section("top", "partials/airforce_night.md.j2", night)
        plan.add_section(plan.day_page(Theme.on_ukraine, day), section)
        if front.day == day:
            plan.add_section(front, section)


def _charts(plan: PlanBuilder, *drawn: Drawn | None) -> list[Chart]:
    """Each chart drawn, written beside the pages."""
    charts = []
    for found in drawn:
        if found is not None:
            plan.add_asset(found.chart.path, found.svg.encode("utf-8"))
            charts.append(found.chart)
    return charts


def _add_tallies(plan: PlanBuilder, reports: Reports, view: AirForceView, charts: AirForceCharts) -> None:
    """The overall tally, and one tally per month: per scope, charts and tables."""
    labels, base, index, formatter = plan.labels, plan.formatter, reports.index, charts.formatter
    months = list(index.by_month)
    period = formatter.period(list(index.by_day))
    nights = charts.coverage.nights() if index.by_day else []
    last_nights = str(labels.airforce_chart_last_nights.format(count=len(nights), period=formatter.period(nights)))

    def overall_charts(scope: ScopeGroup, scoped: list[AttackWave]) -> list[Chart]:
        key = scope.scope.value
        return _charts(
            plan,
            charts.by_month(f"all-{key}", scope, scoped, period),
            charts.by_night(f"all-{key}-nights", scope, scoped, nights, last_nights),
        )

    waves = [wave for month in months for wave in index.by_month[month]]
    if not waves:
        return  # no page, so no tab: nothing to show
    plan.add_page(
        OVERALL,
        ARCHIVE.front,
        str(labels.airforce_title),
        months=[PageLink(ARCHIVE.month(month), base.month(month)) for month in months],
        variables={"scopes": view.scope_views(waves, view.month_rows, overall_charts), "period": period},
    )
    for position, month in enumerate(months):
        month_name = base.month(month)

        def month_charts(scope: ScopeGroup, scoped: list[AttackWave], month: str = month, month_name: str = month_name) -> list[Chart]:
            by_model = tally_by(scoped, lambda wave: wave.model)
            ranked = sorted(by_model.items(), key=lambda item: (-item[1].launched, item[0].casefold()))[:MAX_CHART_MODELS]
            rows = (
                labels.airforce_chart_models.format(count=len(ranked), total=len(by_model)) if len(ranked) < len(by_model) else labels.model
            )
            key = scope.scope.value
            return _charts(
                plan,
                charts.by_night(f"{month}-{key}-nights", scope, scoped, charts.coverage.nights(month), month_name),
                charts.by_model(f"{month}-{key}", scope, ranked, str(rows).lower(), month_name),
            )

        later, earlier = neighbours(months, position)
        plan.add_page(
            MONTH_TALLY,
            ARCHIVE.month(month),
            str(labels.airforce_month_title.format(month=month_name)),
            previous=PageLink(ARCHIVE.month(earlier), str(labels.airforce_previous_month)) if earlier else None,
            next=PageLink(ARCHIVE.month(later), str(labels.airforce_next_month)) if later else None,
            up=PageLink(ARCHIVE.front, str(labels.airforce_overall_link)),
            variables={"scopes": view.scope_views(index.by_month[month], view.night_rows, month_charts)},
        )


def _add_models(plan: PlanBuilder, reports: Reports, view: AirForceView, charts: AirForceCharts) -> None:
    """One page per model: what the catalogue says, its counts by month per scope with a chart, related models,
    attributions."""
    catalogue, period = shipped_catalogue(), charts.formatter.period(list(reports.index.by_day))
    for name, slug in reports.models.slugs.items():

        def model_charts(scope: ScopeGroup, scoped: list[AttackWave], slug: str = slug, name: str = name) -> list[Chart]:
            return _charts(plan, charts.by_month(f"model-{slug}-{scope.scope.value}", scope, scoped, f"{name}, {period}"))

        citing = [claim for claim, found in reports.models.matches.values() if any(name in match.models for _, match in found)]
        related = sorted(
            {other for _, found in reports.models.matches.values() for _, match in found if name in match.models for other in match.related}
        )
        plan.add_page(
            MODEL,
            model_page(slug),
            str(plan.labels.airforce_model_title.format(model=name)),
            variables={
                "model": view.model(name, citing, related, catalogue, model_charts),
                "period": period,
                "overall": ARCHIVE.front,
            },
        )


def _article_weapon(name: str, catalogue: Catalogue) -> str | None:
    """Where the articles' page of this model's catalogue weapon would be (it exists when an article names it)."""
    entry = catalogue.find(name)
    return WEAPONS.entry(entry.id) if entry is not None and entry.id else None


def connect(plan: PlanBuilder, index: WaveIndex, slugs: dict[str, str]) -> None:
    """Once every page exists: each reported model on the articles' page of the same catalogue weapon, and every
    reported model on the weapons index, joined to that page."""
    catalogue = shipped_catalogue()
    joined: list[WeaponRow] = []
    for name, slug in slugs.items():
        weapon = _article_weapon(name, catalogue)
        weapon_page = plan.page(weapon) if weapon else None
        row = WeaponRow(name, tally(index.by_model.get(name, [])), model_page(slug), weapon if weapon_page else None)
        if index.by_model.get(name):
            joined.append(row)
        if weapon_page is not None:
            plan.add_section(weapon_page, Section("top", "partials/airforce_weapon_page.md.j2", row))
            own = plan.page(model_page(slug))
            if own is not None:
                plan.add_section(own, Section("bottom", "partials/airforce_model_weapon.md.j2", row))
    weapons_index = plan.page(WEAPONS.front)
    if weapons_index is not None and joined:
        plan.add_section(weapons_index, Section("bottom", "partials/airforce_weapons_index.md.j2", joined))
