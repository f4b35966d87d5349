"""The dated archives every contributor shares, laid out from the calendar.

Each theme has a front page (its latest day again, left out of search), one
page per day with something to show (the permanent home of that day's records;
``-2``, ``-3``... for the further pages of a split day, each linked to the day
or part before and after it) and one index per month, one line per day.
Contributors then fill these pages (:meth:`generator.contributor.Contributor.contribute`).
"""

from __future__ import annotations

import calendar as weeks
import datetime as dt
from dataclasses import dataclass

from generator.offline import Edition
from generator.pages import PageKind, PageLink, PlanBuilder, neighbours
from generator.themes import Theme
from generator.urls import BRIEFINGS, HOME, archive

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
HOME_PAGE = PageKind("home", "home.md.j2", searchable=True, slots=frozenset({"top", "bottom"}))
"""The home page: today's briefing (the site's latest day), every theme at once."""
BRIEFING = PageKind("briefing", "briefing.md.j2", slots=frozenset({"top", "bottom"}))
"""The briefing of one day, kept: what the home page showed that day (left out of search: the records live on the
theme pages)."""
BRIEFINGS_INDEX = PageKind("briefings", "briefings.md.j2")
"""Every day's briefing, by month."""


@dataclass(frozen=True)
class DayLine:
    """One line of a month index: a day, its page, how many records it has, and what is there."""

    day: dt.date
    page: str
    count: int
    details: list[str]


@dataclass(frozen=True)
class CalendarDay:
    """One square of a month's calendar: the day's number, its full date, and its briefing when it has one."""

    number: str
    """As the calendar shows it (``1er`` in French)."""
    date: str
    briefing: str | None


@dataclass(frozen=True)
class CalendarMonth:
    """A month of the briefings' calendar: its name, the weekdays' short names and its weeks (None outside it)."""

    title: str
    weekdays: list[str]
    weeks: list[list[CalendarDay | None]]


def plan_archives(plan: PlanBuilder) -> None:
    """Add today's briefing (the home page) and every day's, every theme's front page, day pages and month indexes,
    and file each record on its page."""
    formatter, labels, calendar = plan.formatter, plan.labels, plan.calendar
    today = _plan_briefings(plan)
    for theme in Theme:
        title, place = formatter.theme(theme), archive(theme)
        days = calendar.days(theme)
        months = calendar.months(theme)
        leading = calendar.leading_days(theme)
        latest = leading[-1] if leading else None
        latest_parts = calendar.day(theme, latest).parts if latest else [[]]
        plan.add_page(
            FRONT[theme],
            place.front,
            title,
            str(labels.page_of_day.format(title=title, day=formatter.date(latest))) if latest else title,
            day=latest,
            next=PageLink(place.day(latest, 2), str(labels.next_part)) if latest and len(latest_parts) > 1 else None,
            up=PageLink(place.month(latest.strftime("%Y-%m")), str(labels.month_index)) if latest else None,
            months=[PageLink(place.month(month), formatter.month(month)) for month in months],
            records=[record.id for record in latest_parts[0]],
            variables={"today": today, **(_parts(plan, theme, latest) if latest else {})},
        )
        for position, day in enumerate(days):
            parts = calendar.day(theme, day).parts
            before, after = neighbours(days, position)
            for part, records in enumerate(parts, start=1):
                heading = str(labels.page_of_day.format(title=title, day=formatter.date(day)))
                if len(parts) > 1:
                    heading = str(labels.page_part.format(heading=heading, part=part, count=len(parts)))
                path = place.day(day, part)
                plan.add_page(
                    DAY[theme],
                    path,
                    heading,
                    day=day,
                    previous=PageLink(place.day(before), str(labels.previous_day)) if before else None,
                    next=PageLink(place.day(after), str(labels.next_day)) if after else None,
                    up=PageLink(place.month(day.strftime("%Y-%m")), str(labels.month_index)),
                    records=[record.id for record in records],
                    variables=_parts(plan, theme, day, part),
                )
                for record in records:
                    plan.home(record.id, path)
        for month in months:
            entries = [
                DayLine(day, place.day(day), len(found.records), found.details)
                for day in calendar.days_in_month(theme, month)
                for found in [calendar.day(theme, day)]
            ]
            heading = str(labels.page_of_month.format(title=title, month=formatter.month(month)))
            plan.add_page(MONTH, place.month(month), heading, variables={"entries": entries})


def _plan_briefings(plan: PlanBuilder) -> PageLink | None:
    """The home page on the site's latest day, a page per day with a briefing (each linked to the days around it and
    saying when its sources were last published), and the index of them all; the link to today's briefing."""
    formatter, labels, calendar = plan.formatter, plan.labels, plan.calendar
    days = calendar.briefing_days()
    today = days[-1] if days else None
    index = PageLink(BRIEFINGS.front, str(labels.briefings_title))
    home = plan.add_page(HOME_PAGE, HOME, str(labels.home_title), str(labels.site_name), day=today, up=index)
    for position, day in enumerate(days):
        before, after = neighbours(days, position)
        page = plan.add_page(
            BRIEFING,
            BRIEFINGS.day(day),
            str(labels.briefing_of.format(day=formatter.date(day))),
            day=day,
            previous=PageLink(BRIEFINGS.day(before), str(labels.previous_day)) if before else None,
            next=PageLink(BRIEFINGS.day(after), str(labels.next_day)) if after else None,
            up=index,
            variables={"as_of": formatter.as_of(calendar.as_of(day))},
        )
        if day == today:
            home.previous, home.variables["as_of"] = page.previous, page.variables["as_of"]
    first, weekdays = formatter.week()
    with_briefing = set(days)
    groups = [
        CalendarMonth(
            formatter.month(f"{year:04d}-{month:02d}"),
            weekdays,
            [
                [
                    CalendarDay(formatter.day_number(day), formatter.date(day), BRIEFINGS.day(day) if day in with_briefing else None)
                    if day.month == month
                    else None
                    for day in week
                ]
                for week in weeks.Calendar(first).monthdatescalendar(year, month)
            ],
        )
        for year, month in sorted({(day.year, day.month) for day in days}, reverse=True)
    ]
    plan.add_page(BRIEFINGS_INDEX, BRIEFINGS.front, str(labels.briefings_title), variables={"groups": groups})
    return PageLink(BRIEFINGS.day(today), str(labels.today_briefing.format(day=formatter.date(today)))) if today else None


def _parts(plan: PlanBuilder, theme: Theme, day: dt.date, part: int = 1) -> dict[str, object]:
    """On a day split in parts: a link to every part, which one this is, and which of the day's records it shows."""
    parts, place, labels = plan.calendar.day(theme, day).parts, archive(theme), plan.labels
    if len(parts) < 2:
        return {}
    first = 1 + sum(len(records) for records in parts[: part - 1])
    shown = labels.part_shows.format(first=first, last=first + len(parts[part - 1]) - 1, total=sum(len(records) for records in parts))
    links = [PageLink(place.day(day, number), str(labels.part_of.format(part=number))) for number in range(1, len(parts) + 1)]
    return {"parts": links, "part": part, "part_shows": str(shown)}


def offer_edition(plan: PlanBuilder, edition: Edition) -> None:
    """The offline edition among the site's files, and a link to it on the home page (its day and size said)."""
    home = plan.page(HOME)
    if home is None:
        return
    formatter = plan.formatter
    plan.add_asset(edition.path, edition.file.read_bytes())
    label = plan.labels.offline_edition.format(day=formatter.date(edition.day), size=formatter.megabytes(edition.size))
    home.variables["offline"] = PageLink(edition.path, str(label))
