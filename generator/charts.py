"""Bar charts drawn at build time as standalone SVG files: no JavaScript, nothing loaded from elsewhere.

A chart is a picture of numbers that are also in a table beside it, so it
stays simple: one group of horizontal bars per row (a model, a month), one bar
per series (launched, destroyed), each bar labelled with its value. The output
is deterministic (integer coordinates, fixed order), so an unchanged chart is
not rewritten, and every text in it is XML-escaped: labels come from content.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from xml.sax.saxutils import escape as xml_escape

from generator.escape import clean

WIDTH = 480
"""Every chart's width, with 17 px text: in a phone's 358 px column the text still reads at 12.7 px."""
FONT_SIZE = 17
BAR_HEIGHT = 20
GROUP_GAP = 12
TOP = 66
"""Space above the first bar: title and legend."""
VALUE_ROOM = 72
"""Space right of the longest bar for its value."""
MAX_LABEL = 18
"""Longest row label drawn, in characters; longer ones end with an ellipsis."""
CHAR_WIDTH = 10
"""Approximate width of one character at the chart's font size, for the label column."""
COLOURS = ("#7986cb", "#1a237e", "#00897b", "#ef6c00")
"""Series colours, in order (light and dark indigo first: launched, destroyed)."""


@dataclass(frozen=True)
class BarGroup:
    """One row of the chart: a label and one value per series (None: not given, no bar)."""

    label: str
    values: tuple[int | None, ...]


_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 does not allow even escaped (control characters are dropped by :func:`clean`)."""


def _plain(value: str) -> str:
    return _NOT_XML.sub("", clean(value))


def _text(value: str) -> str:
    return xml_escape(_plain(value))


def _attribute(value: str) -> str:
    return xml_escape(_plain(value), {'"': "&quot;"})


def _short(label: str) -> str:
    label = _plain(label)
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"


@dataclass(frozen=True)
class Svg:
    """A chart's SVG document and its size in CSS pixels (a page gives its image that size, so nothing moves when the
    chart arrives)."""

    text: str
    width: int
    height: int


@dataclass(frozen=True)
class Margins:
    """Where a chart's title and legend sit: left edge, first title baseline, gap between legend items, legend text
    baseline below its swatch."""

    left: int
    title_y: int
    legend_gap: int
    legend_text_dy: int


def _head(
    title_lines: list[str], title: str, description: str, series: list[str], height: int, legend_y: int, language: str, at: Margins
) -> list[str]:
    """The opening of a chart: the ``<svg>`` element (titled, described, in its language), a white ground, the
    title's lines and the legend of the series."""
    lines = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-labelledby="chart-title chart-desc" lang="{_attribute(language)}" '
        f'font-family="sans-serif" font-size="{FONT_SIZE}">',
        f'<title id="chart-title">{_text(title)}</title>',
        f'<desc id="chart-desc">{_text(description)}</desc>',
        f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>',
    ]
    for row, text in enumerate(title_lines):
        lines.append(
            f'<text x="{at.left}" y="{at.title_y + LINE * row}" font-size="{FONT_SIZE + 1}" font-weight="bold" fill="#212121">'
            f"{_text(text)}</text>"
        )
    legend_x = at.left
    for position, name in enumerate(series):
        lines.append(f'<rect x="{legend_x}" y="{legend_y}" width="12" height="12" fill="{COLOURS[position % len(COLOURS)]}"/>')
        lines.append(f'<text x="{legend_x + 16}" y="{legend_y + at.legend_text_dy}" fill="#212121">{_text(name)}</text>')
        legend_x += 16 + (FONT_SIZE * 3 // 5) * len(_plain(name)) + at.legend_gap
    return lines


def bar_chart(
    title: str,
    description: str,
    series: list[str],
    groups: list[BarGroup],
    number: Callable[[int], str] = str,
    missing: str = "—",
    language: str = "fr",
) -> Svg:
    """An SVG document: a title, a legend, and for each group one labelled horizontal bar per series.

    ``description`` goes into the SVG's ``<desc>`` (say what the bars show and
    whose figures they are); ``number`` formats each value; ``missing`` is
    written where a value is not given.
    """
    label_width = min(CHAR_WIDTH * MAX_LABEL, max([CHAR_WIDTH * len(_short(group.label)) for group in groups] + [40])) + 8
    bar_left = label_width + 8
    bar_room = WIDTH - bar_left - VALUE_ROOM
    largest = max([value for group in groups for value in group.values if value is not None] + [1])
    group_height = BAR_HEIGHT * len(series) + GROUP_GAP
    title_lines = _wrap(title)
    top_room = TOP + LINE * (len(title_lines) - 1)
    height = top_room + group_height * len(groups) + GROUP_GAP
    lines = _head(title_lines, title, description, series, height, top_room - 32, language, Margins(8, 20, 24, 11))
    for row, group in enumerate(groups):
        top = top_room + row * group_height
        middle = top + (BAR_HEIGHT * len(series)) // 2 + FONT_SIZE // 2 - 2
        lines.append(f'<text x="{label_width}" y="{middle}" text-anchor="end" fill="#212121">{_text(_short(group.label))}</text>')
        for position, value in enumerate(group.values):
            y = top + position * BAR_HEIGHT
            text_y = y + BAR_HEIGHT - 3
            if value is None:
                lines.append(f'<text x="{bar_left + 4}" y="{text_y}" fill="#424242">{_text(missing)}</text>')
                continue
            length = value * bar_room // largest
            colour = COLOURS[position % len(COLOURS)]
            lines.append(f'<rect x="{bar_left}" y="{y + 1}" width="{length}" height="{BAR_HEIGHT - 2}" fill="{colour}"/>')
            lines.append(f'<text x="{bar_left + length + 4}" y="{text_y}" fill="#212121">{_text(number(value))}</text>')
    lines.append(f'<line x1="{bar_left}" y1="{top_room - 4}" x2="{bar_left}" y2="{height - GROUP_GAP + 4}" stroke="#757575"/>')
    lines.append("</svg>")
    return Svg("\n".join(lines) + "\n", WIDTH, height)


PLOT_TOP = 72
PLOT_HEIGHT = 170
AXIS_ROOM = 66
"""Left of the plot: the value axis' labels."""
TICK_ROOM = 42
"""Below the plot: two rows of time labels (``mai`` over ``2024``, or a day over its month)."""
TIME_CHARS = 44
"""Characters per line of a time chart's title and note, wrapped past that: the chart stays its width."""
LINE = 21
"""Height of one wrapped line."""


def _wrap(text: str, width: int = TIME_CHARS) -> list[str]:
    """Words of ``text`` in lines of at most ``width`` characters (a longer word has a line of its own)."""
    lines: list[str] = []
    for word in _plain(text).split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


@dataclass(frozen=True)
class Column:
    """One period of a time chart (a month, a night): its values per series, and how the axis labels it.

    All values None: no report in that period, drawn as an empty slot (the axis keeps its place)."""

    label: str
    """The period in full (``Mai 2024``, ``31 mai 2024``): the column's title, with its values."""
    values: tuple[int | None, ...]
    tick: str | None = None
    """The label under the column (``mai``, ``15``); an empty text for a tick mark alone; None for neither."""
    major: str | None = None
    """The second-row label (``2024`` under January, ``juin`` under the 1st), where a larger period starts."""
    partial: bool = False
    """The period is only partly covered by the data (a first or last month): outlined with dashes and marked."""


def _nice_step(largest: int, lines: int = 4) -> int:
    """A round gridline step (1, 2 or 5 times a power of ten) giving at most ``lines`` lines up to ``largest``."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor * lines >= largest:
                return step * factor
        step *= 10


def time_chart(
    title: str,
    description: str,
    series: list[str],
    columns: list[Column],
    number: Callable[[int], str] = str,
    note: str | None = None,
    language: str = "fr",
    missing: str = "—",
) -> Svg:
    """An SVG document: one column per period along a real time axis, the series drawn over each other from the
    baseline: the first (launched) behind, the next ones (shot down, then lost, stacked) in front of it.

    A period without any value stays an empty slot; a partial one is outlined with dashes and marked with ``*``,
    which ``note`` explains under the axis. The title and the note wrap, so the chart keeps its width. The value
    axis has round gridlines labelled by ``number``.
    """
    slot = (WIDTH - AXIS_ROOM - 8) / max(len(columns), 1)
    gap = 1 if slot < 6 else 2
    largest = max([value for column in columns for value in column.values if value is not None] + [1])
    step = _nice_step(largest)
    top_value = step * -(-largest // step)
    title_lines, note_lines = _wrap(title), _wrap(note) if note else []
    plot_top = PLOT_TOP + LINE * (len(title_lines) - 1)
    bottom = plot_top + PLOT_HEIGHT
    height = bottom + TICK_ROOM + LINE * len(note_lines) + 4

    def y(value: int) -> int:
        return bottom - round(value * PLOT_HEIGHT / top_value)

    lines = _head(title_lines, title, description, series, height, plot_top - 32, language, Margins(4, 18, 16, 10))
    for value in range(0, top_value + 1, step):
        lines.append(f'<line x1="{AXIS_ROOM}" y1="{y(value)}" x2="{WIDTH - 8}" y2="{y(value)}" stroke="#e0e0e0"/>')
        lines.append(f'<text x="{AXIS_ROOM - 4}" y="{y(value) + 4}" text-anchor="end" fill="#424242">{_text(number(value))}</text>')
    for index, column in enumerate(columns):
        left = AXIS_ROOM + index * slot
        x, width = round(left + gap / 2), max(1, round(slot - gap))
        said = " · ".join(
            f"{name} {missing if value is None else number(value)}" for name, value in zip(series, column.values, strict=False)
        )
        lines.append(f"<g><title>{_text(column.label)} — {_text(said)}</title>")
        base = 0
        for position, count in enumerate(column.values):
            if count is None:
                continue
            start = 0 if position <= 1 else base
            colour = COLOURS[position % len(COLOURS)]
            top, length = y(start + count), y(start) - y(start + count)
            lines.append(f'<rect x="{x}" y="{top}" width="{width}" height="{length}" fill="{colour}"/>')
            if position >= 1:
                base = start + count
        lines.append("</g>")
        centre = round(left + slot / 2)
        if column.partial:
            tallest = y(max([value for value in column.values if value is not None] + [0]))
            lines.append(
                f'<rect x="{x}" y="{tallest}" width="{width}" height="{bottom - tallest}" fill="none" stroke="#212121" '
                f'stroke-dasharray="3 2"/>'
            )
            lines.append(f'<text x="{centre}" y="{tallest - 3}" text-anchor="middle" fill="#212121">*</text>')
        if column.tick is not None or column.major is not None:
            lines.append(f'<line x1="{centre}" y1="{bottom}" x2="{centre}" y2="{bottom + 4}" stroke="#757575"/>')
        if column.tick:
            lines.append(f'<text x="{centre}" y="{bottom + 20}" text-anchor="middle" fill="#424242">{_text(column.tick)}</text>')
        if column.major is not None:
            room = (FONT_SIZE * 2 // 3) * len(_plain(column.major))
            at = f'x="{round(left)}"' if left + room <= WIDTH - 4 else f'x="{WIDTH - 4}" text-anchor="end"'
            lines.append(f'<text {at} y="{bottom + 39}" fill="#212121" font-weight="bold">{_text(column.major)}</text>')
    lines.append(f'<line x1="{AXIS_ROOM}" y1="{bottom}" x2="{WIDTH - 8}" y2="{bottom}" stroke="#757575"/>')
    for row, text in enumerate(note_lines):
        lines.append(f'<text x="4" y="{bottom + TICK_ROOM + 12 + LINE * row}" fill="#424242">{_text(text)}</text>')
    lines.append("</svg>")
    return Svg("\n".join(lines) + "\n", WIDTH, height)
