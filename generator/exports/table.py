"""Tables as CSV and JSON, the same bytes for the same rows, free text kept inert.

A spreadsheet runs a cell that begins with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return, which some
strip before looking) as a formula: such a text cell is written with a leading apostrophe, which spreadsheets show
as text and do not run (OWASP's advice for CSV injection). Number cells are written as numbers, never changed."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence

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


def json_bytes(document: object) -> bytes:
    """A document as JSON: keys in the order given, non-ASCII kept, one trailing newline."""
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
