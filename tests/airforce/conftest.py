"""Shared helpers for the Air Force import tests: fixture paths and an import into a temporary content folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.airforce import AttackWave, ImportReport, import_airforce, load_waves

FIXTURES = Path(__file__).parent / "fixtures"
DATA = Path(__file__).parents[2] / "data" / "airforce"
SLICE = DATA / "missile_attacks_2024-05_2024-06.csv"


@pytest.fixture
def slice_csv() -> Path:
    """The project's copy of the published slice, May and June 2024."""
    return SLICE


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    """An empty content folder: imports in tests never touch the real `content/airforce/`."""
    return tmp_path / "content"


@pytest.fixture
def import_fixture(content_dir: Path) -> Callable[[str], tuple[ImportReport, list[AttackWave]]]:
    """Import `fixtures/<name>.csv` into the temporary content folder; return the report and the waves read back."""

    def run(name: str) -> tuple[ImportReport, list[AttackWave]]:
        report = import_airforce(FIXTURES / f"{name}.csv", content_dir)
        waves, problems = load_waves(content_dir)
        assert problems == []
        assert report.accounted == report.rows_read
        return report, waves

    return run
