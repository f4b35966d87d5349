"""Tables as CSV and JSON, the same bytes for the same rows, free text kept inert.

A spreadsheet runs a cell that begins with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return, which some
strip before looking) as a formula: such a text cell is written with a leading apostrophe, which spreadsheets show
as text and do not run (OWASP's advice for CSV injection). Number cells are written as numbers, never changed.

A row is encoded once (:class:`Row`: its CSV line, its JSON object) however many tables hold it: an event's rows are
on its day page, its briefings, its month, its place's and its weapon's page and in the whole dataset, and a table
is its rows' encodings joined. The JSON is one object per line inside the table's array: readable, and the same
bytes whichever table a row is in.

Across builds, :class:`Encodings` keeps each row's encodings by a digest of its cells: the same cells always encode
to the same text (this module's code and Python's version salt the file), so a build encodes only the rows it has
not seen (encoding every row of a year of data cost about four seconds of every rebuild)."""

from __future__ import annotations

import hashlib
import json
import logging
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from generator.files import read_salted, write_salted

log = logging.getLogger(__name__)

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


def digest(data: bytes) -> bytes:
    """A short digest of some bytes (what files and rows are keyed by)."""
    return hashlib.blake2b(data, digest_size=16).digest()


@dataclass(frozen=True, eq=False)
class Row:
    """One row of a table, its cells in the table's column order, encoded the first time a table needs it."""

    cells: Mapping[str, Cell]
    taken: dict[str, str] = field(default_factory=dict, init=False, repr=False)
    """Its encodings as this build's tables took them, by format: a row is in several tables (its day's, its
    month's, its place's...), and encoded or looked up once."""

    def __getitem__(self, column: str) -> Cell:
        return self.cells[column]

    @classmethod
    def known(cls, cells: Mapping[str, Cell], row_digest: bytes) -> Row:
        """A row whose digest is known (kept with its cells between builds: :attr:`digest` of the same cells)."""
        row = cls(cells)
        row.__dict__["digest"] = row_digest
        return row

    @cached_property
    def csv_line(self) -> str:
        """The row as a CSV record."""
        return csv_record(inert(cell) for cell in self.cells.values())

    @cached_property
    def json_object(self) -> str:
        """The row as a JSON object, on one line."""
        return json_text(dict(self.cells))

    def encoded(self, extension: str) -> str:
        """The row in one format (``csv`` or ``json``)."""
        return self.csv_line if extension == "csv" else self.json_object

    @cached_property
    def columns(self) -> tuple[str, ...]:
        """Its columns, in order."""
        return tuple(self.cells)

    @cached_property
    def digest(self) -> bytes:
        """A digest of its columns and cells (``repr`` tells text, integers, floats and None apart): rows with the
        same digest encode to the same text."""
        return digest(repr(tuple(self.cells.items())).encode("utf-8"))


_SALT = hashlib.sha256(Path(__file__).read_bytes() + sys.version.encode("utf-8")).hexdigest()
"""What the kept encodings depend on besides the cells: this module's code (the encoders) and Python (its json)."""


class Encodings:
    """Rows' encodings by their digest: the last build's, read from a file (``known``), and this build's (``used``);
    the file keeps, for the next build, those of every row this build has (``live``: a build that makes no table,
    its rows all unchanged, keeps them all; a removed row's encodings go)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.known: dict[bytes, str] = {}
        self.used: dict[bytes, str] = {}
        self.live: set[bytes] = set()
        self.reused = 0
        known = read_salted(path, _SALT) or {}  # none, unreadable or stale: every row is encoded again
        if all(isinstance(k, bytes) and isinstance(v, str) for k, v in known.items()):
            self.known = known

    def hold(self, table: Table) -> None:
        """Say that this build has the rows of ``table`` (each dataset table: every row is in one), in its formats."""
        self.live.update(row.digest + extension.encode("ascii") for row in table.rows for extension in table.formats)

    def of(self, row: Row, extension: str) -> str:
        """The row in one format: as the last build encoded the same cells, or encoded now."""
        taken = row.taken.get(extension)
        if taken is not None:
            return taken
        key = row.digest + extension.encode("ascii")
        found = self.used.get(key)
        if found is None:
            found = self.known.get(key)
            if found is None:
                found = row.encoded(extension)
            else:
                self.reused += 1
            self.used[key] = found
        row.taken[extension] = found
        return found

    def save(self) -> None:
        """Keep the encodings of this build's rows for the next (the file is left as it is when they are the same)."""
        if self.path is None:
            return
        kept = {key: self.known[key] for key in self.live if key in self.known} | self.used
        if kept.keys() == self.known.keys():
            return
        write_salted(self.path, _SALT, kept)
        log.info("table rows: %d encoding(s) kept, %d of this build's reused", len(kept), self.reused)


def _encoder(encodings: Encodings | None) -> Callable[[Row, str], str]:
    """How rows are encoded: through ``encodings``, or (None) each row as it is."""
    return encodings.of if encodings is not None else Row.encoded


def csv_bytes(columns: Sequence[str], rows: Iterable[Row], encodings: Encodings | None = None) -> bytes:
    """The rows as CSV (RFC 4180: a header, ``\\r\\n`` line ends), in UTF-8; each row's cells must be ``columns``, in
    that order."""
    header, wanted, encode = csv_record(columns), tuple(columns), _encoder(encodings)
    lines = []
    for row in rows:
        if row.columns != wanted:
            raise ValueError(f"a row's cells are {', '.join(row.cells)}, not the table's columns {', '.join(wanted)}")
        lines.append(encode(row, "csv"))
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

    def data(self, extension: str, encodings: Encodings | None = None) -> bytes:
        """The table in one of its formats."""
        return self.csv(encodings) if extension == "csv" else self.json(encodings)

    def csv(self, encodings: Encodings | None = None) -> bytes:
        """The rows as CSV."""
        return csv_bytes(self.columns, self.rows, encodings)

    def json(self, encodings: Encodings | None = None) -> bytes:
        """The rows as JSON: ``{"name": [`` then one row per line."""
        encode = _encoder(encodings)
        lines = ",\n".join(encode(row, "json") for row in self.rows)
        return f"{{{json_text(self.name)}:[\n{lines}\n]}}\n".encode() if self.rows else f"{{{json_text(self.name)}:[]}}\n".encode()

    def key(self, extension: str) -> bytes:
        """What the table in that format is made from (its name, columns and rows' digests): the same key, the same
        bytes (as long as this module's code is the same: the write stage's record is salted with the generator's)."""
        made_of = [self.name.encode("utf-8"), extension.encode("ascii"), repr(tuple(self.columns)).encode("utf-8")]
        return digest(b"\0".join(made_of) + b"".join([row.digest for row in self.rows]))

    def by_month(self) -> dict[str, Table]:
        """Its rows split by month (``YYYY-MM``), in one pass: the months in order, the rows in the table's order."""
        split: dict[str, list[Row]] = {}
        for row in self.rows:
            split.setdefault(str(row[self.day])[:7], []).append(row)
        return {month: Table(self.name, self.columns, split[month], self.day, self.formats) for month in sorted(split)}
