"""Tables as CSV and JSON, the same bytes for the same rows, free text kept inert.

A spreadsheet runs a cell that begins with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return, which some
strip before looking) as a formula: such a text cell is written with a leading apostrophe, which spreadsheets show
as text and do not run (OWASP's advice for CSV injection). Number cells are written as numbers, never changed.

A row is encoded once (:class:`Row`: its CSV line, its JSON object) however many tables hold it: an event's rows are
on its day page, its briefings, its month, its place's and its weapon's page and in the whole dataset, and a table
is its rows' encodings joined. The JSON is one object per line inside the table's array: readable, and the same
bytes whichever table a row is in."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

Cell = str | int | float | None

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula."""


def inert(cell: Cell) -> str:
    """A cell as CSV text: numbers as they are, empty for None, text that could run as a formula quoted by ``'``."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        raise TypeError("a table cell is text or a number, not a flag")
    if isinstance(cell, int | float):
        return str(cell)
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


_MUST_QUOTE = frozenset(',"\r\n')


def _field(text: str) -> str:
    """One CSV field as the csv module writes it by default (``QUOTE_MINIMAL``): quoted, its quotes doubled, when it
    holds a comma, a quote or a line break."""
    return '"' + text.replace('"', '""') + '"' if not _MUST_QUOTE.isdisjoint(text) else text


def csv_record(cells: Iterable[str]) -> str:
    """One CSV record (RFC 4180), ending in ``\\r\\n``: what ``csv.writer`` writes, at a fraction of its cost per row
    (the tests read every table back with the csv module)."""
    line = ",".join(_field(cell) for cell in cells)
    return ('""' if line == "" else line) + "\r\n"


def json_text(document: object) -> str:
    """A value as compact JSON: keys in the order given, non-ASCII kept, and ``<``, ``>`` and ``&`` as JSON's own
    escapes: the same data once parsed, but no text in the file that a browser sniffing it, or a page pasting it into
    a script, could read as a tag (Go's encoding/json does the same)."""
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


@dataclass(frozen=True, eq=False)
class Row:
    """One row of a table, its cells in the table's column order, encoded the first time a table needs it."""

    cells: Mapping[str, Cell]

    def __getitem__(self, column: str) -> Cell:
        return self.cells[column]

    @cached_property
    def csv_line(self) -> str:
        """The row as a CSV record."""
        return csv_record(inert(cell) for cell in self.cells.values())

    @cached_property
    def json_object(self) -> str:
        """The row as a JSON object, on one line."""
        return json_text(dict(self.cells))


def csv_bytes(columns: Sequence[str], rows: Iterable[Row]) -> bytes:
    """The rows as CSV (RFC 4180: a header, ``\\r\\n`` line ends), in UTF-8; each row's cells must be ``columns``, in
    that order."""
    header, wanted = csv_record(columns), tuple(columns)
    lines = []
    for row in rows:
        if tuple(row.cells) != wanted:
            raise ValueError(f"a row's cells are {', '.join(row.cells)}, not the table's columns {', '.join(wanted)}")
        lines.append(row.csv_line)
    return (header + "".join(lines)).encode("utf-8")


@dataclass(frozen=True)
class Table:
    """Rows of one kind (claims, waves, attributions) as a page or the Data page offers them: as CSV with ``columns``,
    and as JSON ``{name: rows}``, which the kind's published JSON Schema describes."""

    name: str
    columns: Sequence[str]
    rows: Sequence[Row]
    day: str
    """The column holding each row's day (``YYYY-MM-DD``): what the Data page's monthly archives split by."""
    formats: tuple[str, ...] = ("csv", "json")
    """The formats it is offered in (ACLED's columns only as CSV, as ACLED publishes them)."""

    def data(self, extension: str) -> bytes:
        """The table in one of its formats."""
        return self.csv() if extension == "csv" else self.json()

    def csv(self) -> bytes:
        """The rows as CSV."""
        return csv_bytes(self.columns, self.rows)

    def json(self) -> bytes:
        """The rows as JSON: ``{"name": [`` then one row per line."""
        lines = ",\n".join(row.json_object for row in self.rows)
        return f"{{{json_text(self.name)}:[\n{lines}\n]}}\n".encode() if self.rows else f"{{{json_text(self.name)}:[]}}\n".encode()

    def of_month(self, month: str) -> Table:
        """The rows of one month (``YYYY-MM``)."""
        return Table(self.name, self.columns, [row for row in self.rows if str(row[self.day]).startswith(month)], self.day, self.formats)

    def months(self) -> set[str]:
        """The months its rows fall in."""
        return {str(row[self.day])[:7] for row in self.rows}
