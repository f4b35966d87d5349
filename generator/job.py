"""What one page is rendered from: its template, what it knows about itself, and its variables."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup


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
