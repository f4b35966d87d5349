"""Files the importer cannot read at all: the only case where it fails, naming the file and the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.airforce import UnreadableCsvError, import_airforce
from generator.errors import BriefingError

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "not-the-format.csv",
            "not-the-format.csv:1: not the Air Force dataset's format: missing column(s) time_start, model, source; "
            "the header has date, weapon, count",
        ),
        ("not-utf8.csv", "not-utf8.csv:2: the file is not valid UTF-8"),
    ],
)
def test_a_file_it_cannot_read_is_an_error(tmp_path: Path, name: str, message: str) -> None:
    with pytest.raises(UnreadableCsvError) as raised:
        import_airforce(FIXTURES / name, tmp_path / "content")
    assert str(raised.value) == f"{FIXTURES / message}"
    assert isinstance(raised.value, BriefingError)
    assert not (tmp_path / "content").exists()


def test_a_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(UnreadableCsvError, match=r"missing\.csv: cannot read the file: No such file or directory$"):
        import_airforce(tmp_path / "missing.csv", tmp_path / "content")
