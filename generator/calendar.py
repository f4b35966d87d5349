"""The calendar: which days of each theme have something to show, and how each day is cut into pages.

Every contributor declares its days here, with the records it files under each
one (in the order they are shown) and a few words for the month index. A day
with more records than :data:`MAX_RECORDS_PER_PAGE` is split into several
pages, so no page grows past a bounded weight; a day with no record of its
own (an Air Force night without an article) still has one page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.themes import Theme
from generator.timeline import Moment

MAX_RECORDS_PER_PAGE = 15
"""A day with more records than this is split into several pages."""


@dataclass(frozen=True)
class RecordRef:
    """A record as the plan knows it: its id (its anchor) and its headline."""

    id: str
    headline: str
    language: str | None = None
    """The language the headline is written in (its article's), when not the site's it is marked so."""


@dataclass
class CalendarDay:
    """What one day of one theme has: records, in order, and words for its line in the month index."""

    records: list[RecordRef] = field(default_factory=list)
    details: list[str] = field(default_factory=list)
    leads: bool = False
    """Whether the day has something of its theme to lead with (a record, a national Air Force report), not only a
    regional post: a theme's front page opens on the latest such day."""

    @property
    def parts(self) -> list[list[RecordRef]]:
        """The records of each page of the day: at most :data:`MAX_RECORDS_PER_PAGE` each, at least one page."""
        chunks = [self.records[start : start + MAX_RECORDS_PER_PAGE] for start in range(0, len(self.records), MAX_RECORDS_PER_PAGE)]
        return chunks or [[]]


class Calendar:
    """Per theme, the days with something to show.

    Contributors add to it while they declare; it is read once every one of
    them has (:meth:`close`), so that no contributor depends on the order they
    are listed in.
    """

    def __init__(self) -> None:
        self._days: dict[Theme, dict[dt.date, CalendarDay]] = {theme: {} for theme in Theme}
        self._briefings: dict[dt.date, Moment | None] = {}
        self.closed = False

    def close(self) -> None:
        """Every contributor has declared: from now on the calendar is read, not added to."""
        self.closed = True

    def _readable(self) -> dict[Theme, dict[dt.date, CalendarDay]]:
        if not self.closed:
            raise RuntimeError("the calendar is complete only once every contributor has declared; read it in contribute()")
        return self._days

    def add(self, theme: Theme, day: dt.date, records: Iterable[RecordRef] = (), details: Iterable[str] = (), leads: bool = True) -> None:
        """File ``records`` under ``day`` (after those filed before), with words for the month index; ``leads`` when
        what is filed is worth opening the theme on."""
        if self.closed:
            raise RuntimeError("days are declared in declare(); the archives are already laid out")
        entry = self._days[theme].setdefault(day, CalendarDay())
        entry.records.extend(records)
        entry.details.extend(details)
        entry.leads = entry.leads or leads

    def brief(self, day: dt.date, as_of: Moment | None = None) -> None:
        """Say that ``day`` has a briefing (a record, a national Air Force report), its sources published up to ``as_of``."""
        if self.closed:
            raise RuntimeError("briefing days are declared in declare(); the archives are already laid out")
        known = self._briefings.get(day)
        if known is None or (as_of is not None and known.end < as_of.end):
            self._briefings[day] = as_of

    def briefing_days(self) -> list[dt.date]:
        """The days with a briefing, oldest first: the latest is the site's today."""
        self._readable()
        return sorted(self._briefings)

    def as_of(self, day: dt.date) -> Moment | None:
        """The latest publication among the sources of a day's briefing, if any says when."""
        self._readable()
        return self._briefings.get(day)

    def leading_days(self, theme: Theme) -> list[dt.date]:
        """The days a theme's front page may open on (see :attr:`CalendarDay.leads`), oldest first."""
        return sorted(day for day, entry in self._readable()[theme].items() if entry.leads)

    def day(self, theme: Theme, day: dt.date) -> CalendarDay:
        """What ``day`` has for ``theme`` (nothing if it was never declared)."""
        return self._readable()[theme].get(day, CalendarDay())

    def days(self, theme: Theme) -> list[dt.date]:
        """The days with something to show for ``theme``, oldest first."""
        return sorted(self._readable()[theme])

    def months(self, theme: Theme) -> list[str]:
        """Months (``YYYY-MM``) with something to show for ``theme``, latest first."""
        return sorted({day.strftime("%Y-%m") for day in self._readable()[theme]}, reverse=True)

    def days_in_month(self, theme: Theme, month: str) -> list[dt.date]:
        """Days of ``month`` with something to show for ``theme``, latest first."""
        return sorted((day for day in self._readable()[theme] if day.strftime("%Y-%m") == month), reverse=True)
