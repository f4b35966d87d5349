"""The published slice (May-June 2024): every row accounted for, totals kept, re-imports idempotent, revisions applied."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from generator.airforce import import_airforce, load_waves
from generator.airforce.tally import owner_of


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _csv_total(rows: list[dict[str, str]], column: str) -> int:
    return sum(int(float(row[column])) for row in rows if row[column].strip())


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {path.name: (path.read_bytes(), path.stat().st_mtime_ns) for path in sorted(folder.iterdir())}


def test_every_row_of_the_slice_is_accounted_for(content_dir: Path, slice_csv: Path) -> None:
    report = import_airforce(slice_csv, content_dir)

    assert report.rows_read == len(_csv_rows(slice_csv)) == 254
    assert (report.imported, report.updated, report.unchanged, report.merged, report.skipped) == (253, 0, 0, 1, {})
    assert report.accounted == report.rows_read
    assert [Path(path).name for path in report.files_written] == ["2024-05.yaml", "2024-06.yaml"]


def test_the_slice_keeps_the_published_totals(content_dir: Path, slice_csv: Path) -> None:
    rows = _csv_rows(slice_csv)
    import_airforce(slice_csv, content_dir)
    waves, problems = load_waves(content_dir)

    assert problems == []
    assert len(waves) == 253
    assert sum(wave.launched or 0 for wave in waves) == _csv_total(rows, "launched") == 1145
    assert sum(wave.destroyed or 0 for wave in waves) == _csv_total(rows, "destroyed") == 1009
    assert {owner_of(wave).id: owner_of(wave).scope.value for wave in waves} == {
        "ua-air-force": "national",
        "ua-air-command-south": "regional",
        "ua-air-command-east": "regional",
    }
    assert all(wave.source.url == "https://www.facebook.com/" + wave.source.path for wave in waves)


def test_the_slice_is_written_in_a_stable_order(content_dir: Path, slice_csv: Path) -> None:
    import_airforce(slice_csv, content_dir)
    waves, _ = load_waves(content_dir)

    assert [(wave.start, wave.id) for wave in waves] == sorted((wave.start, wave.id) for wave in waves)
    assert waves[0].id == "af-2024-05-01-5d552caa"


def test_reimporting_the_same_file_changes_nothing(content_dir: Path, slice_csv: Path) -> None:
    import_airforce(slice_csv, content_dir)
    before = _snapshot(content_dir / "airforce")

    report = import_airforce(slice_csv, content_dir)

    assert (report.imported, report.updated, report.unchanged, report.merged) == (0, 0, 253, 1)
    assert report.files_written == []
    assert _snapshot(content_dir / "airforce") == before


def test_a_newer_file_adds_what_is_new_and_updates_what_was_revised(content_dir: Path, slice_csv: Path, tmp_path: Path) -> None:
    import_airforce(slice_csv, content_dir)
    may_before = _snapshot(content_dir / "airforce")["2024-05.yaml"]
    rows = _csv_rows(slice_csv)
    revised = [dict(row) for row in rows]
    revised[1]["launched"], revised[1]["destroyed"] = "3.0", "3.0"  # 2024-06-30 ZALA, first published as 2 and 2
    revised.insert(0, {**rows[0], "time_start": "2024-06-30 21:00", "model": "Kalibr", "source": "kpszsu/posts/pfbid0New"})
    newer = tmp_path / "newer.csv"
    with newer.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]))
        writer.writeheader()
        writer.writerows(revised)

    report = import_airforce(newer, content_dir)
    waves, _ = load_waves(content_dir)

    assert (report.rows_read, report.imported, report.updated, report.unchanged, report.merged) == (255, 1, 1, 252, 1)
    assert [Path(path).name for path in report.files_written] == ["2024-06.yaml"]
    assert _snapshot(content_dir / "airforce")["2024-05.yaml"] == may_before
    revised_zala = [wave for wave in waves if wave.revision > 1]
    assert [(wave.model, wave.start, wave.launched, wave.destroyed, wave.revision) for wave in revised_zala] == [
        ("ZALA", "2024-06-30", 3, 3, 2)
    ]
    assert [(wave.model, wave.start) for wave in waves if wave.source.path == "kpszsu/posts/pfbid0New"] == [("Kalibr", "2024-06-30T21:00")]


def test_importing_an_older_part_again_deletes_nothing(content_dir: Path, slice_csv: Path, tmp_path: Path) -> None:
    import_airforce(slice_csv, content_dir)
    june_only = tmp_path / "june.csv"
    lines = slice_csv.read_text(encoding="utf-8").splitlines(keepends=True)
    june_only.write_text("".join(line for index, line in enumerate(lines) if index == 0 or line.startswith("2024-06")), encoding="utf-8")

    report = import_airforce(june_only, content_dir)

    assert report.files_written == []
    assert len(load_waves(content_dir)[0]) == 253


def test_the_shipped_content_is_the_slice_imported(slice_csv: Path, tmp_path: Path) -> None:
    shipped = Path(__file__).parents[2] / "content"
    copy = tmp_path / "content"
    shutil.copytree(shipped / "airforce", copy / "airforce")

    report = import_airforce(slice_csv, copy)

    assert (report.imported, report.updated, report.files_written) == (0, 0, [])
