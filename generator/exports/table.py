"""Tables as CSV and JSON, the same bytes for the same rows, free text kept inert.

A spreadsheet runs a cell that begins with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return, which some
strip before looking) as a formula: such a text cell is written with a leading apostrophe, which spreadsheets show
as text and do not run (OWASP's advice for CSV injection). Number cells are written as numbers, never changed."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

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


def csv_bytes(columns: Sequence[str], rows: Iterable[Mapping[str, Cell]]) -> bytes:
    """The rows as CSV (RFC 4180: a header, ``\\r\\n`` line ends, fields quoted when they must be), in UTF-8."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([inert(row[column]) for column in columns])
    return out.getvalue().encode("utf-8")


_MARKUP = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})
"""JSON's own escapes for the characters markup starts with: the same data once parsed, but no text in the file a
browser sniffing it, or a page pasting it into a script, could read as a tag (Go's encoding/json does the same)."""


def json_bytes(document: object) -> bytes:
    """A document as JSON: keys in the order given, non-ASCII kept, ``<``, ``>`` and ``&`` escaped, one trailing
    newline."""
    return (json.dumps(document, ensure_ascii=False, indent=1).translate(_MARKUP) + "\n").encode("utf-8")


@dataclass(frozen=True)
class Table:
    """Rows of one kind (claims, waves, attributions) as a page or the Data page offers them: as CSV with ``columns``,
    and as JSON ``{name: rows}``, which the kind's published JSON Schema describes."""

    name: str
    columns: Sequence[str]
    rows: Sequence[Mapping[str, Cell]]
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
        """The rows as JSON."""
        return json_bytes({self.name: list(self.rows)})

    def of_month(self, month: str) -> Table:
        """The rows of one month (``YYYY-MM``)."""
        return Table(self.name, self.columns, [row for row in self.rows if str(row[self.day]).startswith(month)], self.day, self.formats)

    def months(self) -> set[str]:
        """The months its rows fall in."""
        return {str(row[self.day])[:7] for row in self.rows}
