"""The Air Force's waves as files: on every page that shows a night, a month or a model, the waves it counts
(:mod:`generator.exports.waves`), and all of them for the Data page; a line per national night for the feeds and
previews of the strikes-on-Ukraine day it is filed under."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from generator.airforce.model import AttackWave
from generator.airforce.pages import reported_at
from generator.airforce.sources import Owner, Scope
from generator.airforce.tally import WaveIndex, owner_of, tally
from generator.airforce.view import ARCHIVE, model_page
from generator.archives import BRIEFING, HOME_PAGE
from generator.exports.table import Row
from generator.exports.waves import WaveRow, waves_table
from generator.pages import Page, PlanBuilder
from generator.themes import Theme
from generator.urls import archive


def _joined(items: list[str]) -> str | None:
    return "; ".join(items) if items else None


def wave_cells(wave: AttackWave, owner: Owner) -> Row:
    """One wave as a row of the waves table; ``owner`` owns the account that posted it, and claims its figures."""
    row = WaveRow(
        wave_id=wave.id,
        report_day=wave.report_date.isoformat(),
        start=wave.start,
        end=wave.end,
        model=wave.model,
        model_as_published=wave.model_as_published,
        category=str(wave.category),
        weapon_type=wave.type,
        launched=wave.launched,
        destroyed=wave.destroyed,
        not_reach_goal=wave.not_reach_goal,
        still_attacking=wave.still_attacking,
        shahed_count=wave.shahed_count,
        target=_joined(wave.target),
        launch_place=_joined(wave.launch_place),
        claimant=owner.id,
        scope=str(owner.scope),
        source_url=wave.source.url,
        revision=wave.revision,
    )
    return Row(row.model_dump(mode="json"))


def _offer(plan: PlanBuilder, page: Page | None, waves: Iterable[AttackWave], cells: dict[str, Row]) -> None:
    shown = list(waves)
    if page is None or not shown:
        return
    plan.offer(page, waves_table(cells[wave.id] for wave in shown))
    page.sourced_up_to(max(wave.report_date for wave in shown))


def offer_waves(plan: PlanBuilder, index: WaveIndex, slugs: dict[str, str]) -> None:
    """Each night's waves on its day's first page (and the front page, the briefings showing it), each month's on
    its tally and its strikes-on-Ukraine month index, each model's on its page; the whole for the Data page."""
    ordered = [wave for month in index.by_month for wave in index.by_month[month]]
    cells = {wave.id: wave_cells(wave, owner_of(wave)) for wave in ordered}
    theme = archive(Theme.on_ukraine)
    front = plan.front_page(Theme.on_ukraine)
    briefings: dict[dt.date, list[Page]] = {}  # today's is the home page too
    for page in plan.pages_of([HOME_PAGE, BRIEFING]):
        if page.day is not None:
            briefings.setdefault(page.day, []).append(page)
    for day, waves in index.by_day.items():
        _offer(plan, plan.page(theme.day(day)), waves, cells)
        if front.day == day:
            _offer(plan, front, waves, cells)
        national = [wave for wave in waves if owner_of(wave).scope is Scope.national]
        if national:
            for briefing in briefings.get(day, []):
                _offer(plan, briefing, national, cells)
            _summarise(plan, day, national)
    for month, waves in index.by_month.items():
        _offer(plan, plan.page(ARCHIVE.month(month)), waves, cells)
        _offer(plan, plan.page(theme.month(month)), waves, cells)
    for name, slug in slugs.items():
        shown = [*index.by_model.get(name, []), *index.by_model_in_joint.get(name, [])]  # its own, then the joint waves
        _offer(plan, plan.page(model_page(slug)), shown, cells)
    if ordered:
        plan.add_dataset(waves_table(cells[wave.id] for wave in ordered))


def _summarise(plan: PlanBuilder, day: dt.date, national: list[AttackWave]) -> None:
    """The night's national figures in a line, when the posts give them."""
    counted = tally(national)
    if counted.launched_missing < counted.waves:
        line = plan.labels.airforce_key_figures.format(
            launched=plan.formatter.number(counted.launched), destroyed=plan.formatter.number(counted.destroyed)
        )
        plan.summarise(Theme.on_ukraine, day, str(line), reported_at(plan, national))
