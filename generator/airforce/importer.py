"""`import-airforce`: read the dataset's CSV, merge it into `content/airforce/`, account for every row."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from generator.airforce.model import inconsistent
from generator.airforce.parse import Skip, parse_row, read_rows
from generator.airforce.revisions import as_correction, changes, describe, match
from generator.airforce.sources import UNIDENTIFIED, shipped_sources
from generator.airforce.store import Batch, load_waves, month_path, serialise
from generator.errors import BriefingError, ContentError
from generator.files import write_if_changed
from generator.load import MAX_FILE_BYTES
from generator.weapons import SHIPPED_CATALOGUE, Catalogue

REGISTRY_FILE = "generator/airforce/data/sources.yaml"
"""Where the owners of the accounts are listed, as the summary names it."""

EMPTY_MONTH = serialise([]).encode()

SKIP_EXAMPLES = 5
"""How many line numbers the summary lists for each skip reason."""


@dataclass
class ImportReport:
    """What happened to every row: ``rows_read == imported + updated + unchanged + merged + sum(skipped)``."""

    csv_path: str
    rows_read: int = 0
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    merged: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    skipped_lines: list[Skip] = field(default_factory=list)
    files_written: list[str] = field(default_factory=list)
    inconsistent: list[str] = field(default_factory=list)
    """Waves of this file whose post contradicts itself: ``af-… (2024-05-01, Shahed-136/131): 4 destroyed of 2 launched``."""
    revised: list[str] = field(default_factory=list)
    """Updated waves (same post, model and start), each with what changed: ``af-… (2024-05-01, Kalibr): launched 4 → 6``."""
    corrected: list[str] = field(default_factory=list)
    """Updated waves whose start or model a newer file corrected (same post): replaced, keeping their id."""
    missing: list[str] = field(default_factory=list)
    """Stored waves within this file's period that it does not list: kept, listed for the editor."""
    files_removed: list[str] = field(default_factory=list)
    """Month files left empty (every wave moved to another month by a correction): removed."""
    unidentified: dict[str, int] = field(default_factory=dict)
    """Accounts the source registry does not know (``telegram some_channel``), with how many of this file's waves cite
    each: shown on the site as an unidentified source."""

    @property
    def accounted(self) -> int:
        """Rows with an outcome; equals ``rows_read``."""
        return self.imported + self.updated + self.unchanged + self.merged + sum(self.skipped.values())

    def summary(self) -> str:
        """The command's output: counts per outcome, skip reasons with example lines, files written."""
        lines = [
            f"{self.csv_path}: {self.rows_read} rows read",
            f"  imported:  {self.imported} (new waves)",
            f"  updated:   {self.updated} (revised waves)",
            f"  unchanged: {self.unchanged}",
            f"  merged:    {self.merged} (rows joined to a wave of the same post, model and start)",
            f"  skipped:   {sum(self.skipped.values())}",
        ]
        for reason, count in sorted(self.skipped.items(), key=lambda item: (-item[1], item[0])):
            examples = [str(skip.line) for skip in self.skipped_lines if skip.reason == reason][:SKIP_EXAMPLES]
            more = ", …" if count > len(examples) else ""
            lines.append(f"    {reason}: {count} (line {', '.join(examples)}{more})")
        for title, entries in (
            ("revised figures or details (same post, model and start)", self.revised),
            ("likely corrections (same post, start or model moved), applied to the stored wave, not added", self.corrected),
            ("stored waves of this file's period it no longer lists, kept", self.missing),
            ("figures contradicting each other, kept as published and left out of the rates", self.inconsistent),
        ):
            if entries:
                lines.append(f"  {title}: {len(entries)}")
                lines += [f"    {entry}" for entry in entries[:SKIP_EXAMPLES]]
                lines += ["    …"] if len(entries) > SKIP_EXAMPLES else []
        if self.unidentified:
            lines.append(
                f"  unidentified sources, shown as such (add the account to {REGISTRY_FILE} to name its owner): "
                f"{len(self.unidentified)} account(s), {sum(self.unidentified.values())} wave(s)"
            )
            lines += [f"    {account}: {count} wave(s)" for account, count in sorted(self.unidentified.items())]
        written = ", ".join(self.files_written) if self.files_written else "none (nothing changed)"
        if len(self.files_written) > SKIP_EXAMPLES:
            written = f"{len(self.files_written)} files, {self.files_written[0]} … {self.files_written[-1]}"
        lines.append(f"  files written: {written}")
        if self.files_removed:
            lines.append(f"  files removed (left empty): {', '.join(self.files_removed)}")
        return "\n".join(lines)


def import_airforce(csv_path: Path, content_dir: Path, catalogue: Path | None = None) -> ImportReport:
    """Import the Air Force dataset's CSV into ``content_dir/airforce/``.

    Raises :class:`~generator.airforce.parse.UnreadableCsvError` for a file it
    cannot read at all, :class:`~generator.weapons.CatalogueError`
    for an unreadable catalogue, and :class:`ContentError` when the waves
    already stored do not validate (nothing is written then).
    """
    models = Catalogue.read(catalogue or SHIPPED_CATALOGUE)
    rows, skips = read_rows(csv_path)
    stored, problems = load_waves(content_dir)
    if problems:
        raise ContentError(problems)

    batch = Batch(skips=list(skips))
    for row in rows:
        outcome = parse_row(row, models)
        if isinstance(outcome, Skip):
            batch.skips.append(outcome)
        else:
            batch.add(outcome, row.line, row.values)

    report = ImportReport(str(csv_path), rows_read=len(rows) + len(skips), merged=batch.merged)
    report.skipped_lines = sorted(batch.skips, key=lambda skip: skip.line)
    report.skipped = dict(Counter(skip.reason for skip in report.skipped_lines))
    waves = {wave.id: wave for wave in stored}
    revisions = match(batch.waves, waves)
    report.missing = describe(revisions.missing)
    registry = shipped_sources()
    for batch_id, wave in batch.waves.items():
        if registry.owner(wave.source) is UNIDENTIFIED:
            account = f"{wave.source.platform} {wave.source.account or '(no account in ' + repr(wave.source.path) + ')'}"
            report.unidentified[account] = report.unidentified.get(account, 0) + 1
        if batch_id in revisions.corrected:
            wave = as_correction(wave, waves[revisions.corrected[batch_id]])
        if (why := inconsistent(wave.launched, wave.destroyed, wave.not_reach_goal)) is not None:
            report.inconsistent.append(f"{wave.id} ({wave.start[:10]}, {wave.model}): {why}")
        old = waves.get(wave.id)
        if old is None:
            report.imported += 1
        elif wave.model_copy(update={"revision": old.revision, "id_from": old.id_from}).model_dump() == old.model_dump():
            report.unchanged += 1
            continue
        else:
            report.updated += 1
            kind = report.corrected if batch_id in revisions.corrected else report.revised
            kind.append(f"{wave.id} ({old.start[:10]}, {old.model}): {'; '.join(changes(old, wave))}")
            wave = wave.model_copy(update={"revision": old.revision + 1, "id_from": wave.id_from or old.id_from})
        waves[wave.id] = wave

    months = sorted({wave.start[:7] for wave in [*stored, *waves.values()]})
    # every month is serialised again (only changed files are written): a file an older importer wrote is brought up to date
    files = {month_path(content_dir, month): serialise([w for w in waves.values() if w.start[:7] == month]).encode() for month in months}
    too_big = [f"{path} would be {len(data):,} bytes" for path, data in sorted(files.items()) if len(data) > MAX_FILE_BYTES]
    if too_big:  # never write a file the loader would refuse: check, build and the next import would all stop on it
        raise BriefingError(f"{'; '.join(too_big)}, over the {MAX_FILE_BYTES:,}-byte limit of a content file; nothing written")
    for path, data in sorted(files.items()):
        if data == EMPTY_MONTH:  # every wave of it moved to another month by a correction
            path.unlink(missing_ok=True)
            report.files_removed.append(str(path))
        elif write_if_changed(path, data):
            report.files_written.append(str(path))
    return report
