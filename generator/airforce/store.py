"""The imported waves on disk: `content/airforce/YYYY-MM.yaml`, read back through the validating loader.

Rows of one CSV that share a post, a model and a start are one wave reported
region by region: they are merged (targets joined, counts added when every row
gives them, each row kept in ``parts``). Against what is already stored, a wave
with the same id is either unchanged or updated (its ``revision`` goes up); a
new id is imported. Only month files whose text changes are rewritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

import yaml

from generator.airforce.model import AttackWave, WavePart, WavesFile
from generator.airforce.parse import Skip, wave_id
from generator.airforce.sources import parse_source
from generator.diagnostics import parse_documents
from generator.errors import BriefingError, Problem
from generator.load import RawDocument, load_files

WAVES_DIR = "airforce"
"""Folder under the content directory holding one file per month."""

_MONTH_FILE = re.compile(r"^\d{4}-(?:0[1-9]|1[0-2])$")
_COUNTS = ("launched", "destroyed", "not_reach_goal", "still_attacking")
_KEPT_FROM_FIRST = (
    "end",
    "carrier",
    "target_main",
    "affected_regions",
    "destroyed_details",
    "launched_details",
    "launch_place_details",
    "border_crossing",
    "shahed_count",
    "hit_locations",
    "fragment_locations",
    "turbojet",
    "turbojet_destroyed",
)


def wave_files(content_dir: Path) -> list[Path]:
    """The month files under ``content_dir/airforce/``."""
    folder = content_dir / WAVES_DIR
    return sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])


def validate_waves(documents: list[RawDocument]) -> tuple[list[AttackWave], list[Problem]]:
    """Validate month files: the waves, sorted, and every problem found (ids, months, duplicates).

    Each wave's source is read again from its cell as published (``parse_source``), so a file an older importer wrote
    links every post on its real host; an older ``claimed_by`` is dropped (the registry names the claimant)."""
    waves: list[AttackWave] = []
    first_seen: dict[str, str] = {}
    parsed, problems = parse_documents(documents, WavesFile)
    for document, waves_file in parsed:
        display = document.path
        stem = PurePath(display).stem
        if not _MONTH_FILE.match(stem):
            problems.append(
                Problem(display, 1, "", f"expected a file named YYYY-MM.yaml after the month of its waves, got '{PurePath(display).name}'")
            )
        for index, wave in enumerate(waves_file.waves):
            where = f"waves[{index}]"
            if wave.id in first_seen:
                line = document.line_of(("waves", index, "id"))
                problems.append(Problem(display, line, f"{where}.id", f"duplicate wave id '{wave.id}' (first in {first_seen[wave.id]})"))
                continue
            first_seen[wave.id] = f"{display}:{document.line_of(('waves', index, 'id'))}"
            if _MONTH_FILE.match(stem) and wave.start[:7] != stem:
                line = document.line_of(("waves", index, "start"))
                problems.append(Problem(display, line, f"{where}.start", f"the wave starts in {wave.start[:7]} but is filed under {stem}"))
            origin = wave.id_from or wave
            expected = wave_id(wave.source.path, origin.model_as_published, origin.start)
            if wave.id != expected:
                line = document.line_of(("waves", index, "id"))
                made_from = "source and first model and start (id_from)" if wave.id_from else "source, model and start"
                problems.append(Problem(display, line, f"{where}.id", f"expected '{expected}', the id of its {made_from}"))
            waves.append(wave.model_copy(update={"source": parse_source(wave.source.path), "claimed_by": None}))
    return sorted(waves, key=lambda wave: (wave.start, wave.id)), problems


def load_waves(content_dir: Path) -> tuple[list[AttackWave], list[Problem]]:
    """Load and validate every `airforce/*.yaml` under ``content_dir``: the waves, sorted, and every problem found."""
    documents, problems = load_files(wave_files(content_dir), content_dir)
    waves, found = validate_waves(documents)
    return waves, problems + found


def _part(wave: AttackWave) -> WavePart:
    return WavePart(target=wave.target, launch_place=wave.launch_place, **{name: getattr(wave, name) for name in _COUNTS})


def merge(first: AttackWave, other: AttackWave, other_line: int) -> AttackWave:
    """One wave from two rows of the same post, model and start: targets joined, counts added, each row kept as a part."""
    parts = [*(first.parts or [_part(first)]), _part(other)]
    notes = [*first.import_notes, *other.import_notes]
    totals: dict[str, int | None] = {}
    for name in _COUNTS:
        values = [getattr(part, name) for part in parts]
        totals[name] = None if None in values else sum(value for value in values if value is not None)
        if totals[name] is None and any(value is not None for value in values):
            notes.append(f"{name} is not given by every merged row; the total is left empty (see parts)")
    for name in _KEPT_FROM_FIRST:
        if getattr(other, name) != getattr(first, name):
            notes.append(f"line {other_line} gives another {name} ({getattr(other, name)!r}); the first row's is kept")
    return first.model_copy(
        update={
            **totals,
            "parts": parts,
            "target": list(dict.fromkeys([*first.target, *other.target])),
            "target_is_direction": first.target_is_direction or other.target_is_direction,
            "launch_place": list(dict.fromkeys([*first.launch_place, *other.launch_place])),
            "import_notes": list(dict.fromkeys(notes)),
        }
    )


@dataclass
class Batch:
    """The waves built from one CSV, before they meet what is stored."""

    waves: dict[str, AttackWave] = field(default_factory=dict)
    first_line: dict[str, int] = field(default_factory=dict)
    rows_of: dict[str, list[tuple[int, dict[str, str]]]] = field(default_factory=dict)
    merged: int = 0
    skips: list[Skip] = field(default_factory=list)

    def add(self, wave: AttackWave, line: int, values: dict[str, str]) -> None:
        """Add a row's wave: new, merged into the wave of the same post, model and start (another target or another
        launch place: a second salvo), or skipped as a duplicate."""
        earlier = self.rows_of.setdefault(wave.id, [])
        existing = self.waves.get(wave.id)
        if existing is None:
            self.waves[wave.id] = wave
            self.first_line[wave.id] = line
        elif (existing.source.path, existing.model_as_published, existing.start) != (
            wave.source.path,
            wave.model_as_published,
            wave.start,
        ):
            raise BriefingError(f"line {line}: wave id {wave.id} collides with line {self.first_line[wave.id]}; please report this")
        elif any(values == seen for _, seen in earlier):
            self.skips.append(Skip(line, "duplicate row"))
            return
        elif any((part.target, part.launch_place) == (wave.target, wave.launch_place) for part in existing.parts or [_part(existing)]):
            self.skips.append(Skip(line, "same post, model, start, target and launch place as an earlier row, other figures"))
            return
        else:
            self.waves[wave.id] = merge(existing, wave, line)
            self.merged += 1
        earlier.append((line, values))


def serialise(waves: list[AttackWave]) -> str:
    """A month file's text: waves sorted by start then id, fields in declared order, defaults left out."""
    ordered = sorted(waves, key=lambda wave: (wave.start, wave.id))
    data: dict[str, Any] = {"waves": [wave.model_dump(mode="json", exclude_defaults=True) for wave in ordered]}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=False)


def month_path(content_dir: Path, month: str) -> Path:
    """``content/airforce/2024-05.yaml`` for month ``2024-05``."""
    return content_dir / WAVES_DIR / f"{month}.yaml"
