"""The dated archives every contributor shares, laid out from the calendar.

Each theme has a front page (its latest day again, left out of search), one
page per day with something to show (the permanent home of that day's records;
``-2``, ``-3``... for the further pages of a split day, each linked to the day
or part before and after it) and one index per month, one line per day.
Contributors then fill these pages (:meth:`generator.contributor.Contributor.contribute`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.pages import PageKind, PageLink, PlanBuilder
from generator.themes import Theme
from generator.urls import archive

_TEMPLATES = {
    Theme.attribution: "attribution.md.j2",
    Theme.on_russia: "strikes.md.j2",
    Theme.on_ukraine: "strikes.md.j2",
    Theme.sources: "sources.md.j2",
}

_SLOTS = {
    Theme.attribution: frozenset({"record"}),
    Theme.on_russia: frozenset({"top"}),
    Theme.on_ukraine: frozenset({"top"}),
    Theme.sources: frozenset(),
}
"""The section slots each theme's template renders."""

FRONT = {theme: PageKind(f"{theme.value}-front", template, slots=_SLOTS[theme]) for theme, template in _TEMPLATES.items()}
"""Each theme's front page: its latest day."""
DAY = {theme: PageKind(f"{theme.value}-day", template, searchable=True, slots=_SLOTS[theme]) for theme, template in _TEMPLATES.items()}
"""Each theme's day pages: where its records live, and are indexed."""
MONTH = PageKind("month", "archive_month.md.j2", slots=frozenset({"top", "bottom"}))
"""A theme's month index."""


@dataclass(frozen=True)
class DayLine:
    """One line of a month index: a day, its page, how many records it has, and what is there."""

    day: dt.date
    page: str
    count: int
    details: list[str]


def plan_archives(plan: PlanBuilder) -> None:
    """Add every theme's front page, day pages and month indexes, and file each record on its page."""
    formatter, labels, calendar = plan.formatter, plan.labels, plan.calendar
    for theme in Theme:
        title, place = formatter.theme(theme), archive(theme)
        days = calendar.days(theme)
        months = calendar.months(theme)
        latest = days[-1] if days else None
        latest_parts = calendar.day(theme, latest).parts if latest else [[]]
        plan.add_page(
            FRONT[theme],
            place.front,
            title,
            day=latest,
            next=PageLink(place.day(latest, 2), str(labels.next_part)) if latest and len(latest_parts) > 1 else None,
            up=PageLink(place.month(latest.strftime("%Y-%m")), str(labels.month_index)) if latest else None,
            months=[PageLink(place.month(month), formatter.month(month)) for month in months],
            records=[record.id for record in latest_parts[0]],
        )
        sequence = [(day, part) for day in days for part in range(1, len(calendar.day(theme, day).parts) + 1)]
        for position, (day, part) in enumerate(sequence):
            parts = calendar.day(theme, day).parts
            heading = str(labels.page_of_day.format(title=title, day=formatter.date(day)))
            if len(parts) > 1:
                heading = str(labels.page_part.format(heading=heading, part=part, count=len(parts)))
            before = sequence[position - 1] if position > 0 else None
            after = sequence[position + 1] if position + 1 < len(sequence) else None
            path = place.day(day, part)
            plan.add_page(
                DAY[theme],
                path,
                heading,
                day=day,
                previous=PageLink(place.day(*before), str(labels.previous_day)) if before else None,
                next=PageLink(place.day(*after), str(labels.next_day)) if after else None,
                up=PageLink(place.month(day.strftime("%Y-%m")), str(labels.month_index)),
                records=[record.id for record in parts[part - 1]],
            )
            for record in parts[part - 1]:
                plan.home(record.id, path)
        for month in months:
            entries = [
                DayLine(day, place.day(day), len(found.records), found.details)
                for day in calendar.days_in_month(theme, month)
                for found in [calendar.day(theme, day)]
            ]
            heading = str(labels.page_of_month.format(title=title, month=formatter.month(month)))
            plan.add_page(MONTH, place.month(month), heading, variables={"entries": entries})
