"""Golden pages: the Markdown rendered from fixture content, compared with checked-in files.

Refresh after an intended template change with ``make golden``
(``pytest tests/test_golden.py --update-golden``) and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, config_in, project_paths
from generator.build import render

GOLDEN = ROOT / "tests" / "golden"
CONTENT = FIXTURES / "golden" / "content"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_rendered_pages_match_golden_files(tmp_path: Path, language: str, request: pytest.FixtureRequest) -> None:
    _, pages = render(project_paths(tmp_path, CONTENT, config_in(tmp_path, language)))
    expected_dir = GOLDEN / language
    if request.config.getoption("--update-golden"):
        expected_dir.mkdir(parents=True, exist_ok=True)
        for stale in expected_dir.rglob("*.md"):
            stale.unlink()
        for page in pages:
            (expected_dir / page.path).parent.mkdir(parents=True, exist_ok=True)
            (expected_dir / page.path).write_text(page.text, encoding="utf-8")
    assert sorted(page.path for page in pages) == sorted(path.relative_to(expected_dir).as_posix() for path in expected_dir.rglob("*.md"))
    for page in pages:
        assert page.text == (expected_dir / page.path).read_text(encoding="utf-8"), f"{language}/{page.path} differs; see make golden"
