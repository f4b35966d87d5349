"""Time on the site: the site's time zone, the day a publication falls on, and which of two publications came first.

An article's ``published`` is a date or a date-time with its UTC offset. A date
alone is a whole day in the site's time zone (``extra.timezone`` in
``mkdocs.yml``, ``Europe/Kyiv`` unless set); every day boundary on the site is
taken there. Two publications are ordered only when one surely ends before the
other begins: two articles of the same day without a time cannot be ordered,
and nothing (no file name, no id) decides between them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from generator.errors import ConfigError

SITE_TIMEZONE = "Europe/Kyiv"
"""The time zone of the site when ``mkdocs.yml`` does not set ``extra.timezone``."""


def site_timezone(name: str) -> ZoneInfo:
    """The named time zone; a located error for a name the time-zone database does not know."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ConfigError(f"mkdocs.yml: extra.timezone: expected a time zone such as {SITE_TIMEZONE}, got {name!r}") from error


@dataclass(frozen=True)
class Moment:
    """When something was published: an instant, or (for a date alone) the whole of a day in the site's time zone."""

    start: dt.datetime
    end: dt.datetime
    """The instant itself, or the next midnight (excluded) for a whole day."""
    day: dt.date
    """The day it falls on, in the site's time zone."""
    has_time: bool
    local: dt.datetime | None = None
    """The instant in the site's time zone (None for a date alone)."""

    def before(self, other: Moment) -> bool:
        """Whether this surely came first: it ends before the other begins."""
        return self.end <= other.start if not self.has_time else self.end < other.start


@dataclass(frozen=True)
class Timeline:
    """Days and moments in one time zone."""

    zone: ZoneInfo

    def moment(self, published: dt.date) -> Moment:
        """The moment of a publication date or date-time."""
        if isinstance(published, dt.datetime):
            local = published.astimezone(self.zone)
            return Moment(published, published, local.date(), True, local)
        start = dt.datetime.combine(published, dt.time(), self.zone)
        end = dt.datetime.combine(published + dt.timedelta(days=1), dt.time(), self.zone)
        return Moment(start, end, published, False)

    def day(self, published: dt.date) -> dt.date:
        """The day a publication falls on, in the site's time zone."""
        return self.moment(published).day

    def today(self) -> dt.date:
        """Today, in the site's time zone."""
        return dt.datetime.now(self.zone).date()


KYIV = Timeline(ZoneInfo(SITE_TIMEZONE))
"""The default timeline, for code that runs before the settings are read (tests, tools)."""
