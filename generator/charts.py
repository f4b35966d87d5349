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

WIDTH = 720
FONT_SIZE = 12
BAR_HEIGHT = 14
GROUP_GAP = 10
TOP = 58
"""Space above the first bar: title and legend."""
VALUE_ROOM = 64
"""Space right of the longest bar for its value."""
MAX_LABEL = 34
"""Longest row label drawn, in characters; longer ones end with an ellipsis."""
CHAR_WIDTH = 7
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


def bar_chart(
    title: str,
    description: str,
    series: list[str],
    groups: list[BarGroup],
    number: Callable[[int], str] = str,
    missing: str = "—",
    language: str = "fr",
) -> str:
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
    height = TOP + group_height * len(groups) + GROUP_GAP
    lines = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-labelledby="chart-title chart-desc" lang="{_attribute(language)}" '
        f'font-family="sans-serif" font-size="{FONT_SIZE}">',
        f'<title id="chart-title">{_text(title)}</title>',
        f'<desc id="chart-desc">{_text(description)}</desc>',
        f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>',
        f'<text x="8" y="20" font-size="{FONT_SIZE + 2}" font-weight="bold" fill="#212121">{_text(title)}</text>',
    ]
    legend_x = 8
    for position, name in enumerate(series):
        colour = COLOURS[position % len(COLOURS)]
        lines.append(f'<rect x="{legend_x}" y="32" width="12" height="12" fill="{colour}"/>')
        lines.append(f'<text x="{legend_x + 16}" y="42" fill="#212121">{_text(name)}</text>')
        legend_x += 16 + CHAR_WIDTH * len(_plain(name)) + 24
    for row, group in enumerate(groups):
        top = TOP + row * group_height
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
    lines.append(f'<line x1="{bar_left}" y1="{TOP - 4}" x2="{bar_left}" y2="{height - GROUP_GAP + 4}" stroke="#757575"/>')
    lines.append("</svg>")
    return "\n".join(lines) + "\n"
