"""Golden pages: the Markdown rendered from fixture content, compared with checked-in files.

Refresh after an intended template change with ``make golden`` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, config_in, project_paths
from generator.build import render
from golden import check_golden, updating

GOLDEN = ROOT / "tests" / "golden"
CONTENT = FIXTURES / "golden" / "content"


@pytest.mark.golden
@pytest.mark.parametrize("language", ["fr", "en"])
def test_rendered_pages_match_golden_files(tmp_path: Path, language: str, request: pytest.FixtureRequest) -> None:
    planned, pages = render(project_paths(tmp_path, CONTENT, config_in(tmp_path, language)))
    files = {page.path: page.text or "" for page in pages}
    assert not planned.plan.assets, "the golden articles have no Air Force data, so no chart"
    check_golden(files, GOLDEN / language, updating(request))


EVENTS = FIXTURES / "events" / "content"
EVENTS_GOLDEN = ROOT / "tests" / "golden-events"


@pytest.mark.golden
@pytest.mark.parametrize("language", ["fr", "en"])
def test_events_render_as_the_golden_pages(tmp_path: Path, language: str, request: pytest.FixtureRequest) -> None:
    """One night reported by four outlets in two languages, a revised toll, an order that cannot be told, a dispute."""
    _, pages = render(project_paths(tmp_path, EVENTS, config_in(tmp_path, language)))
    check_golden({page.path: page.text or "" for page in pages}, EVENTS_GOLDEN / language, updating(request))
