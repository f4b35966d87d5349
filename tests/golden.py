"""The one golden-file helper: rendered files compared with a checked-in tree, or the tree rewritten from them.

Refresh every golden tree after an intended change with ``make golden``
(``pytest -m golden --update-golden``) and review the diff.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest


def updating(request: pytest.FixtureRequest) -> bool:
    """Whether this run rewrites the golden trees (``--update-golden``)."""
    return bool(request.config.getoption("--update-golden"))


def check_golden(files: dict[str, str], expected_dir: Path, update: bool) -> None:
    """``files`` (path -> text) are exactly the files under ``expected_dir``, byte for byte; with ``update``, make them so."""
    if update:
        shutil.rmtree(expected_dir, ignore_errors=True)
        for path, text in files.items():
            (expected_dir / path).parent.mkdir(parents=True, exist_ok=True)
            (expected_dir / path).write_text(text, encoding="utf-8")
    on_disk = sorted(path.relative_to(expected_dir).as_posix() for path in expected_dir.rglob("*") if path.is_file())
    assert sorted(files) == on_disk, f"{expected_dir}: other files than expected; see make golden"
    for path, text in files.items():
        assert text == (expected_dir / path).read_text(encoding="utf-8"), f"{expected_dir}/{path} differs; see make golden"


def golden_text(path: str, data: bytes) -> str:
    """A file beside the pages as its golden text: a zip by its entries (name, date, size, CRC-32, one per line), a CSV
    with its lines ending in ``\n`` (the golden tree is read as text), anything else as it is."""
    if path.endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "".join(f"{entry.filename} {entry.date_time} {entry.file_size} {entry.CRC:08x}\n" for entry in archive.infolist())
    text = data.decode("utf-8")
    return text.replace("\r\n", "\n") if path.endswith(".csv") else text
