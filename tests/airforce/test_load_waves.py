"""Stored waves are validated like any content: each problem names file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.airforce import import_airforce, load_waves
from generator.errors import ContentError

INVALID = Path(__file__).parent / "fixtures" / "invalid"


@pytest.mark.parametrize(
    ("case", "problem"),
    [
        ("count-is-text", "count-is-text/airforce/2024-05.yaml:19: waves[0].launched: expected a whole number, got 'three'"),
        (
            "duplicate-id",
            "duplicate-id/airforce/2024-05.yaml:28: waves[1].id: duplicate wave id 'af-2024-05-01-a8d36ca3' "
            "(first in duplicate-id/airforce/2024-05.yaml:2)",
        ),
        ("end-before-start", "end-before-start/airforce/2024-05.yaml:2: waves[0]: end (2024-04-30) is before start (2024-05-01)"),
        (
            "id-not-from-source",
            "id-not-from-source/airforce/2024-05.yaml:2: waves[0].id: "
            "expected 'af-2024-05-01-a8d36ca3', the id of its source, model and start",
        ),
        ("wrong-month", "wrong-month/airforce/2024-06.yaml:3: waves[0].start: the wave starts in 2024-05 but is filed under 2024-06"),
    ],
)
def test_invalid_waves_are_located(case: str, problem: str) -> None:
    _, problems = load_waves(INVALID / case)
    assert [str(found) for found in problems] == [problem]


def test_an_unknown_field_is_named_with_a_suggestion() -> None:
    _, problems = load_waves(INVALID / "unknown-field")
    assert len(problems) == 1
    assert str(problems[0]).startswith(
        "unknown-field/airforce/2024-05.yaml:19: waves[0].lanched: unknown field 'lanched' (did you mean 'launched'?)"
    )


def test_no_folder_means_no_waves(tmp_path: Path) -> None:
    assert load_waves(tmp_path) == ([], [])


def test_the_importer_refuses_to_write_over_invalid_content(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "airforce").mkdir(parents=True)
    (content / "airforce" / "2024-05.yaml").write_text("waves: [{id: Bad}]\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"content/airforce/2024-05\.yaml:1: waves\[0\]\.id"):
        import_airforce(Path(__file__).parent / "fixtures" / "date-without-time.csv", content)
    assert (content / "airforce" / "2024-05.yaml").read_text(encoding="utf-8") == "waves: [{id: Bad}]\n"
