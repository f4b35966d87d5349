"""The Air Force's charts: months and nights along a real time axis, and a month's models side by side.

Every chart pictures the table beside it, in the same order (oldest first, as
a time axis reads), and names whose figures it shows. The time axis runs over
the whole period the imported data covers, so a month or a night without any
report is an empty slot, never skipped; the first and last months, when the
data covers them only in part, are outlined with dashes and marked, so a half
month does not read as a collapse.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup

from generator.airforce.formatting import AirForceFormatter
from generator.airforce.model import AttackWave
from generator.airforce.tally import ScopeGroup, Tally, month_of, tally_by
from generator.charts import BarGroup, Column, Svg, bar_chart, time_chart
from generator.urls import Archive, svg_data_uri

MANY_MONTHS = 15
"""Past this many months, the axis names years only (with a mark each quarter)."""
MANY_NIGHTS = 12
"""Past this many nights, the axis names the 1st, 5th, 10th… only."""
LAST_NIGHTS = 30
"""The overall page's night-by-night chart: the last nights the data covers."""


@dataclass(frozen=True)
class Chart:
    """An SVG chart written beside the pages: its path, the text that stands for it, its size in CSS pixels, and its
    SVG as a ``data:`` URI for the one chart a page draws as it loads (no request to wait for before the largest
    paint; the site's policy allows ``data:`` images, and an image's SVG runs no script)."""

    path: str
    alt: str
    width: int
    height: int
    data_uri: Markup


@dataclass(frozen=True)
class Drawn:
    """A chart and its SVG, for the plan to write."""

    chart: Chart
    svg: str


@dataclass(frozen=True)
class Coverage:
    """The report days the imported data covers, first to last: the extent of every time axis."""

    first: dt.date
    last: dt.date

    @classmethod
    def of(cls, days: list[dt.date]) -> Coverage:
        """The coverage of these sorted report days; with none, a single day no chart is ever drawn over (no scope
        has a wave to chart)."""
        return cls(days[0], days[-1]) if days else cls(dt.date.min, dt.date.min)

    @property
    def months(self) -> list[str]:
        """Every month from the first to the last, ``YYYY-MM``, empty ones included."""
        months, year, month = [], self.first.year, self.first.month
        while (year, month) <= (self.last.year, self.last.month):
            months.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return months

    def partial(self, month: str) -> bool:
        """Whether the data covers only part of this month (it starts after the 1st, or ends before the last day)."""
        first_month, last_month = self.first.strftime("%Y-%m"), self.last.strftime("%Y-%m")
        ends_early = month == last_month and (self.last + dt.timedelta(days=1)).month == self.last.month
        return (month == first_month and self.first.day > 1) or ends_early

    def nights(self, month: str | None = None) -> list[dt.date]:
        """Every report day of ``month`` (all of its days), or the last :data:`LAST_NIGHTS` the data covers."""
        if month is None:
            return [self.last - dt.timedelta(days=back) for back in range(LAST_NIGHTS - 1, -1, -1)]
        day, days = dt.date.fromisoformat(f"{month}-01"), []
        while day.strftime("%Y-%m") == month:
            days.append(day)
            day += dt.timedelta(days=1)
        return days


def _values(found: Tally | None) -> tuple[int | None, ...]:
    """Launched, shot down and lost of a tally, each None when no wave gives it (and all None for no tally)."""
    if found is None:
        return (None, None, None)
    return (
        found.launched if found.has_launched else None,
        found.destroyed if found.has_destroyed else None,
        found.lost if found.lost_missing < found.waves else None,
    )


class AirForceCharts:
    """Draws one scope's charts, in the site's language, over the data's coverage."""

    def __init__(self, formatter: AirForceFormatter, coverage: Coverage, archive: Archive) -> None:
        self.formatter = formatter
        self.labels = formatter.labels
        self.coverage = coverage
        self.archive = archive

    def _texts(self, scope: ScopeGroup, rows: str, period: str, series: str) -> tuple[str, str]:
        """A chart's title and the description that stands for it: what it shows, by what, whose figures."""
        labels = self.labels
        heading, accounts = self.formatter.scope_heading(scope)
        title = str(labels.airforce_chart_title.format(scope=heading, period=period))
        claimant = self.formatter.base.parties_list(list(scope.claimants))
        description = str(labels.airforce_chart_desc.format(series=series, rows=rows, claimant=claimant, accounts=accounts))
        return title, description

    def _time(self, name: str, scope: ScopeGroup, columns: list[Column], rows: str, period: str, note: str | None) -> Drawn | None:
        if all(value is None for column in columns for value in column.values):
            return None
        labels = self.labels
        series = [str(labels.launched), str(labels.airforce_destroyed), str(labels.airforce_lost)]
        title, description = self._texts(scope, rows, period, str(labels.airforce_chart_series_time))
        if note:
            description = f"{description} {note}"
        base = self.formatter.base
        svg = time_chart(
            title, description, series, columns, number=base.number, note=note, language=base.language, missing=str(labels.no_figure)
        )
        return self._drawn(name, title, description, svg)

    def _drawn(self, name: str, title: str, description: str, svg: Svg) -> Drawn:
        path = self.archive.file("charts", f"{name}.svg")
        return Drawn(Chart(path, f"{title}. {description}", svg.width, svg.height, svg_data_uri(svg.text)), svg.text)

    def by_month(self, name: str, scope: ScopeGroup, waves: list[AttackWave], period: str) -> Drawn | None:
        """Launched, shot down and lost per month over the whole coverage: empty months empty, partial ones marked."""
        by_month = tally_by(waves, month_of)
        months = self.coverage.months
        columns = []
        for position, month in enumerate(months):
            tick, major = self.formatter.month_tick(month, position == 0, len(months) > MANY_MONTHS)
            columns.append(
                Column(self.formatter.base.month(month), _values(by_month.get(month)), tick, major, partial=self.coverage.partial(month))
            )
        note = None
        if any(column.partial for column in columns):
            base = self.formatter.base
            note = str(self.labels.airforce_partial_note.format(start=base.date(self.coverage.first), end=base.date(self.coverage.last)))
        return self._time(name, scope, columns, str(self.labels.airforce_chart_months), period, note)

    def by_night(self, name: str, scope: ScopeGroup, waves: list[AttackWave], days: list[dt.date], period: str) -> Drawn | None:
        """Launched, shot down and lost per night (report day) over ``days``: a night without a report empty."""
        by_day = tally_by(waves, lambda wave: wave.report_date)
        columns = []
        for position, day in enumerate(days):
            tick, major = self.formatter.night_tick(day, position == 0, len(days) > MANY_NIGHTS)
            columns.append(Column(self.formatter.base.date(day), _values(by_day.get(day)), tick, major))
        return self._time(name, scope, columns, str(self.labels.airforce_chart_nights), period, None)

    def by_model(self, name: str, scope: ScopeGroup, groups: list[tuple[str, Tally]], rows: str, period: str) -> Drawn | None:
        """Launched and shot down per model, side by side (a month's models, most launched first, as in its table)."""
        if not groups:
            return None
        labels = self.labels
        title, description = self._texts(scope, rows, period, str(labels.airforce_chart_series_models))
        base = self.formatter.base
        svg = bar_chart(
            title,
            description,
            [str(labels.launched), str(labels.airforce_destroyed)],
            [BarGroup(label, _values(found)[:2]) for label, found in groups],
            number=base.number,
            missing=str(labels.no_figure),
            language=base.language,
        )
        return self._drawn(name, title, description, svg)
