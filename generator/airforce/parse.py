"""Read the dataset's CSV and turn each row into an :class:`AttackWave`, or a reason to skip it.

The format as published is loose, and this module reads what it allows:
dates with or without a time (and stray spaces), an end earlier in the day than
the start (a wave spanning midnight whose end date was not advanced), counts
written as decimals (`35.0`), `NaN` or nothing, Python-literal dicts and lists
in text columns (`{'south': 11, 'west': NaN}`), places joined by ` and ` or
commas, and directions (`south`) instead of regions. A value it cannot read is
left empty and said so in the wave's ``import_notes``; a row it cannot use at
all is skipped with a reason.
"""

from __future__ import annotations

import ast
import csv
import datetime as dt
import hashlib
import io
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from generator.airforce.model import ID_PREFIX, INCONSISTENT_NOTE, AttackWave, Details, inconsistent, is_before
from generator.airforce.sources import parse_source
from generator.errors import BriefingError
from generator.urls import anchor
from generator.weapons import Catalogue, Normalised

REQUIRED_COLUMNS = ("time_start", "model", "source")
"""Without these a file is not in the dataset's format at all."""

DIRECTIONS = frozenset(
    f"{a}{sep}{b}" if b else a
    for a in ("north", "south", "east", "west", "center", "centre", "central")
    for b in ("", "east", "west")
    for sep in ("-", " ", "")
    if not b or a in ("north", "south")
)
"""Compass directions the Air Force uses instead of regions: `south`, `north-east`, `center`…"""

_EMPTY = {"", "nan", "none", "null", "-", "—", "n/a"}
_QUALIFIER = re.compile(r"^(?:crimea|ar crimea|.+\s(?:raion|district|hromada|community))$", re.IGNORECASE)
_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$")
_DOTTED_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
_NAN_TOKEN = re.compile(r"\b(?:NaN|nan|None)\b")
MAX_CELL = 2_000
"""The longest descriptive cell kept (launch places, targets, carrier, details): the Air Force's longest real cells
are a few hundred characters, and a month of waves stays far inside the loader's file limit."""

IDENTITY_COLUMNS = frozenset({"time_start", "time_end", "model", "source"})
"""What tells waves apart: never cut (a row whose identity the model refuses is skipped, with its reason)."""


class UnreadableCsvError(BriefingError):
    """The file is not a CSV in the dataset's format, or cannot be read at all."""


@dataclass(frozen=True)
class CsvRow:
    """One data row, with the line it starts on."""

    line: int
    values: dict[str, str]


@dataclass(frozen=True)
class Skip:
    """A row that cannot become a wave, and why."""

    line: int
    reason: str


def read_rows(path: Path) -> tuple[list[CsvRow], list[Skip]]:
    """Every data row of the CSV, and the rows skipped for having the wrong number of columns.

    Raises :class:`UnreadableCsvError` if the file cannot be opened or decoded,
    is not CSV, or lacks the columns every version of the dataset has.
    """
    display = str(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise UnreadableCsvError(f"{display}: cannot read the file: {error.strerror or error}") from error
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise UnreadableCsvError(f"{display}:{line}: the file is not valid UTF-8") from error
    reader = csv.reader(io.StringIO(text.replace("\x00", ""), newline=""))
    try:
        header = [name.strip() for name in next(reader, [])]
        missing = [column for column in REQUIRED_COLUMNS if column not in header]
        if missing:
            raise UnreadableCsvError(
                f"{display}:1: not the Air Force dataset's format: missing column(s) {', '.join(missing)}; "
                f"the header has {', '.join(header) or 'nothing'}"
            )
        rows: list[CsvRow] = []
        skips: list[Skip] = []
        line = reader.line_num + 1
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                line = reader.line_num + 1
                continue
            if len(cells) != len(header):
                skips.append(Skip(line, "wrong number of columns"))
            else:
                rows.append(CsvRow(line, dict(zip(header, cells, strict=True))))
            line = reader.line_num + 1
    except csv.Error as error:
        raise UnreadableCsvError(f"{display}:{reader.line_num}: not readable as CSV: {error}") from error
    return rows, skips


def wave_id(source: str, model: str, start: str) -> str:
    """``af-<start date>-<8 hex>``: stable across imports of any version of the file."""
    digest = hashlib.sha256("\x1f".join((source, model, start)).encode("utf-8")).hexdigest()[:8]
    return anchor(ID_PREFIX, f"{start[:10]}-{digest}")


class RowReader:
    """Reads one row's cells, collecting notes about what it could not read."""

    def __init__(self, row: CsvRow) -> None:
        self.row = row
        self.notes: list[str] = []

    def text(self, column: str) -> str:
        """The cell, whitespace collapsed; empty for a missing column or a `NaN`. A descriptive cell (not the
        row's time, model or source) longer than :data:`MAX_CELL` is dropped, and noted: the row's figures stay."""
        value = " ".join((self.row.values.get(column) or "").split())
        if len(value) > MAX_CELL and column not in IDENTITY_COLUMNS:
            note = f"{column} is {len(value):,} characters, longer than {MAX_CELL:,}; dropped, the row's figures kept"
            if note not in self.notes:
                self.notes.append(note)
            return ""
        return "" if value.casefold() in _EMPTY else value

    def count(self, column: str, label: str | None = None) -> int | None:
        """A count written as `35`, `35.0` or ` 35 `; None when empty or unreadable (noted)."""
        text = self.text(column)
        if not text:
            return None
        try:
            number = float(text)
        except ValueError:
            number = math.nan
        if math.isnan(number) or math.isinf(number) or number < 0 or number != int(number):
            self.notes.append(f"{label or column} {text!r} is not a whole number of zero or more; left empty")
            return None
        return int(number)

    def places(self, column: str) -> list[str]:
        """Places joined by ` and ` or commas, keeping `Chauda, Crimea` and `X oblast, Y Raion` whole."""
        places: list[str] = []
        for chunk in re.split(r"\s+and\s+|\s*;\s*", self.text(column)):
            in_chunk: list[str] = []
            for piece in (piece.strip() for piece in chunk.split(",")):
                if not piece or piece.casefold() in _EMPTY:
                    continue
                if in_chunk and _QUALIFIER.match(piece) and not _QUALIFIER.match(in_chunk[-1]):
                    in_chunk[-1] = f"{in_chunk[-1]}, {piece}"
                else:
                    in_chunk.append(piece)
            places += in_chunk
        return list(dict.fromkeys(places))

    def literal(self, column: str) -> Any:
        """A Python-literal dict or list written as text, `NaN` read as None; None when empty or unreadable (noted)."""
        text = self.text(column)
        if not text or text in ("{}", "[]"):
            return None
        try:
            return ast.literal_eval(_NAN_TOKEN.sub("None", text))
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            self.notes.append(f"{column} {_shorten(text)} is not a readable dict or list; not read")
            return None

    def details(self, column: str) -> Details:
        """A `{place: count}` literal; counts that are not whole numbers are noted and left null."""
        value = self.literal(column)
        if value is None:
            return {}
        if isinstance(value, list | tuple | set):
            value = dict.fromkeys(value)
        if not isinstance(value, dict):
            self.notes.append(f"{column} {_shorten(self.text(column))} is not a dict of counts; not read")
            return {}
        details: Details = {}
        for key, number in value.items():
            name = " ".join(str(key).split())
            if number is None or (isinstance(number, float) and math.isnan(number)):
                details[name] = None
            elif isinstance(number, int | float) and not isinstance(number, bool) and number >= 0 and number == int(number):
                details[name] = int(number)
            else:
                details[name] = None
                self.notes.append(f"{column}: {name!r} has {number!r}, not a whole number; left empty")
        return details

    def names(self, column: str) -> list[str]:
        """A list literal of names (`['Kyiv oblast', …]`), or places joined by ` and ` when not a literal."""
        if self.text(column).startswith(("[", "{", "(")):
            value = self.literal(column)
            items = value if isinstance(value, list | tuple | set | dict) else []
            return list(dict.fromkeys(" ".join(str(item).split()) for item in items if item is not None and str(item).strip()))
        return self.places(column)


def parse_moment_text(text: str) -> tuple[str, dt.date | dt.datetime] | None:
    """``2024-05-31``, ``2024-05-31 08:00``, ``2024-05-31T08:00:00``, ``31.05.2024`` -> ISO text and value."""
    match = _DATE.match(text)
    if match:
        year, month, day, hour, minute, second = match.groups()
    else:
        dotted = _DOTTED_DATE.match(text)
        if not dotted:
            return None
        day, month, year, hour, minute, second = dotted.groups()
    try:
        date = dt.date(int(year), int(month), int(day))
        if hour is None:
            return date.isoformat(), date
        moment = dt.datetime.combine(date, dt.time(int(hour), int(minute), int(second or 0)))
    except ValueError:
        return None
    return moment.isoformat(timespec="seconds" if moment.second else "minutes"), moment


def parse_row(row: CsvRow, catalogue: Catalogue) -> AttackWave | Skip:
    """Turn one row into a wave, or say why it cannot be one."""
    cells = RowReader(row)
    start_text, end_text, model_text, source_text = (cells.text(name) for name in ("time_start", "time_end", "model", "source"))
    if not start_text:
        return Skip(row.line, "no date")
    start = parse_moment_text(start_text)
    if start is None:
        return Skip(row.line, "unreadable date")
    try:
        normalised = catalogue.normalise(model_text)
    except ValidationError:
        return Skip(row.line, "unusable model")
    if normalised is None:
        return Skip(row.line, "no model")
    if not source_text:
        return Skip(row.line, "no source")
    end_iso = _end(cells, end_text, start)
    if end_iso == "before start":
        return Skip(row.line, "end before start")
    counts = {name: cells.count(name) for name in ("launched", "destroyed", "not_reach_goal", "still_attacking")}
    if all(value is None for value in counts.values()):
        return Skip(row.line, "unreadable counts" if any(cells.text(name) for name in counts) else "no counts")
    if (inconsistency := inconsistent(counts["launched"], counts["destroyed"], counts["not_reach_goal"])) is not None:
        cells.notes.append(f"{INCONSISTENT_NOTE}: {inconsistency}; kept as published, left out of the rates")
    try:
        return _wave(cells, start[0], end_iso, model_text, normalised, counts, source_text)
    except ValidationError as error:
        field = ".".join(str(part) for part in error.errors()[0]["loc"][:1]) or "row"
        return Skip(row.line, f"unusable {field}")


def _wave(
    cells: RowReader,
    start: str,
    end: str | None,
    model_text: str,
    normalised: Normalised,
    counts: dict[str, int | None],
    source_text: str,
) -> AttackWave:
    target = cells.places("target")
    return AttackWave(
        id=wave_id(source_text, model_text, start),
        start=start,
        end=end,
        model=normalised.name,
        model_as_published=model_text,
        models=normalised.models,
        category=normalised.category,
        type=normalised.type,
        origin=normalised.origin,
        **counts,
        shahed_count=cells.count("is_shahed"),
        hit_locations=cells.count("num_hit_location"),
        fragment_locations=cells.count("num_fall_fragment_location"),
        turbojet=cells.count("turbojet"),
        turbojet_destroyed=cells.count("turbojet_destroyed"),
        launch_place=cells.places("launch_place"),
        target=target,
        target_is_direction=any(place.casefold() in DIRECTIONS for place in target),
        target_main=cells.names("target_main"),
        affected_regions=cells.names("affected region"),
        destroyed_details=cells.details("destroyed_details"),
        launched_details=cells.details("launched_details"),
        launch_place_details=cells.details("launch_place_details"),
        border_crossing=cells.details("border_crossing"),
        carrier=cells.text("carrier") or None,
        source=parse_source(source_text),
        import_notes=cells.notes,
    )


def _end(cells: RowReader, end_text: str, start: tuple[str, dt.date | dt.datetime]) -> str | None:
    """The end as ISO text, None, or ``"before start"``; an end earlier the same day is read as the next morning."""
    if not end_text:
        return None
    end = parse_moment_text(end_text)
    if end is None:
        cells.notes.append(f"time_end {end_text!r} is not a date; left empty")
        return None
    end_iso, end_value = end
    start_value = start[1]
    if not is_before(end_value, start_value):
        return end_iso
    if isinstance(end_value, dt.datetime) and isinstance(start_value, dt.datetime) and end_value.date() == start_value.date():
        next_morning = end_value + dt.timedelta(days=1)
        cells.notes.append(f"time_end {end_text!r} is earlier than the start the same day; read as the next day")
        return next_morning.isoformat(timespec="seconds" if next_morning.second else "minutes")
    return "before start"


def _shorten(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")
