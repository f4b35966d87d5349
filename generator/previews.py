"""What a shared link previews and a search engine shows of each page, and when its sources last changed.

Each page gets a description (``<meta name="description">``, OpenGraph and
Twitter cards): its heading, which names its day on a dated page, then the
lines contributors summarised for that day (an event's headline, place and top
figure with its claimants), clipped at a word; a page a contributor described
itself keeps its own. Each page also gets the day its sources last changed
(the sitemap's ``lastmod``): the latest publication a contributor found among
what it shows, else the day's briefing's, else the latest of its month; never
the build's date.
"""

from __future__ import annotations

import datetime as dt

from generator.archives import BRIEFING, DAY, FRONT, HOME_PAGE, MONTH
from generator.pages import Page, PlanBuilder
from generator.themes import Theme
from generator.urls import archive

DESCRIPTION_LENGTH = 240
"""About what search engines and chat previews show of a description, in characters."""

_THEME_OF = {**{kind: theme for theme, kind in FRONT.items()}, **{kind: theme for theme, kind in DAY.items()}}


def clipped(text: str, length: int = DESCRIPTION_LENGTH) -> str:
    """``text`` on one line, cut at the last word that fits in ``length`` characters, with an ellipsis when cut."""
    flat = " ".join(text.split())
    if len(flat) <= length:
        return flat
    cut = flat[: length - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:.") + "…"


def _lines(plan: PlanBuilder, page: Page) -> list[str]:
    """The summary lines of the day a page covers: its theme's, or every theme's on a briefing."""
    if page.day is None:
        return []
    theme = _THEME_OF.get(page.kind)
    themes = [theme] if theme is not None else list(Theme) if page.kind in (HOME_PAGE, BRIEFING) else []
    return [line for found in themes for line in plan.summaries.get((found, page.day), [])]


def describe_pages(plan: PlanBuilder) -> None:
    """Give every page its description and its sources' last day."""
    months = _month_days(plan)
    for page in plan.pages_of_every_kind():
        if page.description is None:
            lead = page.heading
            if page.day is not None and plan.formatter.date(page.day) not in lead:
                lead = str(plan.labels.briefing_of.format(day=plan.formatter.date(page.day)))
            page.description = clipped(" ".join([lead + ("." if not lead.endswith((".", "…")) else ""), " · ".join(_lines(plan, page))]))
        else:
            page.description = clipped(page.description)
        if page.updated is None and page.day is not None:
            as_of = plan.calendar.as_of(page.day)
            page.updated = as_of.day if as_of is not None else page.day
        if page.updated is None and page.kind is MONTH:
            page.updated = months.get(page.path)


def _month_days(plan: PlanBuilder) -> dict[str, dt.date]:
    """Each theme's month index: the latest day its sources were published, over the days it lists."""
    found: dict[str, dt.date] = {}
    for theme in Theme:
        for day in plan.calendar.days(theme):
            as_of = plan.calendar.as_of(day)
            latest = as_of.day if as_of is not None else day
            path = archive(theme).month(day.strftime("%Y-%m"))
            if path not in found or found[path] < latest:
                found[path] = latest
    return found
