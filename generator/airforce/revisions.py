"""A newer version of the dataset against what is stored: which waves it revises, corrects or no longer lists.

A wave keeps the id it was first imported with. A newer file that gives the
same post, model and start with other figures *updates* that wave. One that
moves a wave's start (or respells its model) gives it another id; such a wave
is a *likely correction* of the stored wave of the same post it is closest to,
when that stored wave is absent from the newer file: it replaces it, keeping
its id (``id_from`` records what the id was made from), instead of being
counted a second time. Stored waves within the newer file's period that it
does not list at all are *missing*: kept, and listed for the editor.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.airforce.model import AttackWave, WaveIdentity, parse_moment

CORRECTION_WINDOW = dt.timedelta(hours=48)
"""How far a corrected start may move: further, the two are different waves."""

SHOWN_FIELDS = (
    *("start", "end", "model_as_published", "launched", "destroyed"),
    *("not_reach_goal", "still_attacking", "target", "launch_place"),
)
"""The fields a revision names when they change; any other change reads as "other details"."""


@dataclass
class Revisions:
    """How the waves of a newer file meet the stored ones."""

    corrected: dict[str, str] = field(default_factory=dict)
    """New wave id -> the stored wave id it corrects (a moved start or a respelt model, same post)."""
    missing: list[AttackWave] = field(default_factory=list)
    """Stored waves within the file's period that it does not list, oldest first: kept."""


def _moment(wave: AttackWave) -> dt.datetime:
    moment = parse_moment(wave.start)
    return moment if isinstance(moment, dt.datetime) else dt.datetime.combine(moment, dt.time())


def _closest(wave: AttackWave, candidates: list[AttackWave]) -> AttackWave | None:
    """The candidate nearest in start (same targets and launch places first), within :data:`CORRECTION_WINDOW`."""
    near = [other for other in candidates if abs(_moment(other) - _moment(wave)) <= CORRECTION_WINDOW]
    if not near:
        return None
    return min(
        near,
        key=lambda other: (
            (other.target, other.launch_place) != (wave.target, wave.launch_place),
            abs(_moment(other) - _moment(wave)),
            other.id,
        ),
    )


def _same_post_and_model(a: AttackWave, b: AttackWave) -> bool:
    """A moved start: the same post and model as published."""
    return (a.source.path, a.model_as_published) == (b.source.path, b.model_as_published)


def _same_post_and_start(a: AttackWave, b: AttackWave) -> bool:
    """A respelt model: the same post, start and kind of weapon."""
    return (a.source.path, a.start, a.category) == (b.source.path, b.start, b.category)


def match(new: dict[str, AttackWave], stored: dict[str, AttackWave]) -> Revisions:
    """Pair each new wave with no stored twin to the stored wave it most likely corrects; list the stored waves missing."""
    revisions = Revisions()
    unmatched_new = sorted((wave for wave_id, wave in new.items() if wave_id not in stored), key=lambda wave: (wave.start, wave.id))
    unmatched_stored = [wave for wave_id, wave in stored.items() if wave_id not in new]
    for same in (_same_post_and_model, _same_post_and_start):
        for wave in unmatched_new:
            if wave.id in revisions.corrected:
                continue
            corrected = _closest(wave, [old for old in unmatched_stored if same(wave, old) and old.id not in revisions.corrected.values()])
            if corrected is not None:
                revisions.corrected[wave.id] = corrected.id
    if new:
        first, last = min(wave.start[:10] for wave in new.values()), max(wave.start[:10] for wave in new.values())
        taken = set(revisions.corrected.values())
        revisions.missing = sorted(
            (wave for wave in unmatched_stored if wave.id not in taken and first <= wave.start[:10] <= last),
            key=lambda wave: (wave.start, wave.id),
        )
    return revisions


def as_correction(wave: AttackWave, old: AttackWave) -> AttackWave:
    """The newer wave in the place of the one it corrects: the old id, and what that id was made from."""
    origin = old.id_from or WaveIdentity(model_as_published=old.model_as_published, start=old.start)
    return wave.model_copy(update={"id": old.id, "id_from": origin})


def changes(old: AttackWave, new: AttackWave) -> list[str]:
    """What a revision changes, in words: ``launched 20 → 24``, ``start 2024-05-01T20:00 → 2024-05-01T21:30``."""
    said = []
    for name in SHOWN_FIELDS:
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            said.append(f"{name} {_value(before)} → {_value(after)}")
    ignored = {*SHOWN_FIELDS, "revision", "id", "id_from", "parts", "import_notes", "target_is_direction", "model", "models"}
    if any(getattr(old, name) != getattr(new, name) for name in type(new).model_fields if name not in ignored):
        said.append("other details")
    return said or ["other details"]


def _value(value: object) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value) or "(none)"
    return str(value)


def describe(waves: Iterable[AttackWave]) -> list[str]:
    """One line per wave: ``af-2024-05-01-… (2024-05-01T20:00, Shahed-136/131, kpszsu/posts/…)``."""
    return [f"{wave.id} ({wave.start}, {wave.model}, {wave.source.path})" for wave in waves]
