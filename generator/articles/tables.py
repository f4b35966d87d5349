"""The articles' data as files: on every page that shows strike events or allegations, the claims and attribution
tables of exactly what it shows (:mod:`generator.exports`), and the whole of them for the Data page; and each such
page's last modification, the latest publication among the sources it shows.

Rows are made once per event, in English whatever the site's language (analysts join them with other datasets),
and a page's table is its events' rows in the page's order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from generator.archives import BRIEFING, DAY, FRONT, HOME_PAGE, MONTH
from generator.articles.events import Event, Events
from generator.articles.layout import Layout
from generator.articles.pages import PLACE, WEAPON
from generator.articles.views import Briefing
from generator.exports.acled import COLUMNS as ACLED_COLUMNS
from generator.exports.acled import acled_row
from generator.exports.attributions import attribution_cells, attributions_table
from generator.exports.claims import claim_cells, claims_table
from generator.exports.table import Row, Table
from generator.formatting import Formatter
from generator.model import Attribution, Strike
from generator.pages import Page, PlanBuilder
from generator.themes import Theme
from generator.urls import archive


class Rows:
    """Each event's rows, made once."""

    def __init__(self, events: Events, layout: Layout, plan: PlanBuilder) -> None:
        english = plan.english
        self.claims = {event.id: _derived_rows(plan, "claims", partial(claim_cells, event, english), event) for event in events.strikes}
        self.attributions: dict[str, list[Row]] = {}
        for event in events.claims:
            day = layout.day_of[event.id]
            self.attributions[event.id] = _derived_rows(plan, "attributions", partial(attribution_cells, event, day, english), event, day)

    def tables(
        self, strikes: Iterable[Event[Strike]], claims: Iterable[Event[Attribution]], articles: set[str] | None = None
    ) -> list[Table]:
        """The claims of these strike events and the reports of these allegations, as tables; only those the
        ``articles`` give, when a page shows articles rather than events."""
        strikes, claims = list(strikes), list(claims)
        found = []
        if strikes:  # offered even when none of them gives a figure: the table then says so, with its header alone
            found.append(
                claims_table(row for event in strikes for row in self.claims[event.id] if articles is None or row["article_id"] in articles)
            )
        if claims:
            found.append(
                attributions_table(
                    row for event in claims for row in self.attributions[event.id] if articles is None or row["article_id"] in articles
                )
            )
        return found


def _derived_rows(plan: PlanBuilder, kind: str, make: Callable[[], list[Row]], *inputs: Any) -> list[Row]:
    """An event's rows of one table, as the last build made them from the same inputs (:mod:`generator.derived`)."""
    made = plan.derived.of(kind, lambda: [(dict(row.cells), row.digest) for row in make()], *inputs)
    return [Row.known(cells, row_digest) for cells, row_digest in made]


def _acled(event: Event[Strike], english: Formatter) -> tuple[dict[str, Any], bytes]:
    row = Row(acled_row(event, english))
    return dict(row.cells), row.digest


def latest_source(events: Iterable[Event[Any]]) -> dt.date | None:
    """The latest publication day among these events' reports (in the site's time zone, as each report's moment)."""
    return max((event.latest_day for event in events), default=None)


def _offer(
    plan: PlanBuilder,
    page: Page,
    rows: Rows,
    strikes: list[Event[Strike]],
    claims: list[Event[Attribution]],
    articles: set[str] | None = None,
) -> None:
    for table in rows.tables(strikes, claims, articles):
        plan.offer(page, table)
    if articles is None:
        page.sourced_up_to(latest_source([*strikes, *claims]))


def _offer_articles(plan: PlanBuilder, page: Page, rows: Rows, every: Events, listed: set[str]) -> None:
    """A page of articles (Sources) offers what they report: the rows those articles give of their events."""
    reported = every.of_articles(listed)
    _offer(plan, page, rows, reported.strikes, reported.claims, listed)


def offer_tables(plan: PlanBuilder, layout: Layout) -> None:
    """Each page that shows events offers their tables; the Data page gets all of them, and the strike events in
    ACLED's columns."""
    every, rows = layout.events, Rows(layout.events, layout, plan)
    kinds = [*FRONT.values(), *DAY.values(), HOME_PAGE, BRIEFING, PLACE, WEAPON]
    for page in plan.pages_of(kinds):
        briefing = page.variables.get("briefing")
        if not isinstance(briefing, Briefing):
            continue
        if page.kind in (FRONT[Theme.sources], DAY[Theme.sources]):  # the day's articles: what each of them reports
            _offer_articles(plan, page, rows, every, {article_file.article.id for article_file in briefing.articles})
        else:
            _offer(plan, page, rows, briefing.events.strikes, briefing.events.claims)
    for theme in Theme:
        for month in plan.calendar.months(theme):
            month_page = plan.page(archive(theme).month(month))
            if month_page is None or month_page.kind is not MONTH:
                continue
            days = sorted(plan.calendar.days_in_month(theme, month))  # oldest first, as the month index lists them
            if theme is Theme.sources:
                listed = {article_file.article.id for day in days for article_file in layout.article_days.get(day, [])}
                _offer_articles(plan, month_page, rows, every, listed)
            elif theme is Theme.attribution:
                _offer(plan, month_page, rows, [], [event for day in days for event in layout.claim_days.get(day, [])])
            else:
                _offer(plan, month_page, rows, [event for day in days for event in layout.strike_days.get(theme, {}).get(day, [])], [])
    for table in rows.tables(every.strikes, every.claims):
        plan.add_dataset(table)
    acled = [Row.known(*plan.derived.of("acled", partial(_acled, event, plan.english), event)) for event in every.strikes]
    plan.add_dataset(Table("acled", ACLED_COLUMNS, acled, "event_date", ("csv",)))
