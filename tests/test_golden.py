"""Golden pages: the Markdown rendered from fixture content, compared with checked-in files.

Refresh after an intended template change with ``make golden`` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, config_in, project_paths
from generator.build import render
from golden import check_golden, updating

SETS = {
    # The golden articles: attributions, strikes both ways, contested figures, a revised toll.
    "articles": (FIXTURES / "golden" / "content", ROOT / "tests" / "golden"),
    # One night reported by four outlets in two languages, a revised toll, an order that cannot be told, a dispute.
    "events": (FIXTURES / "events" / "content", ROOT / "tests" / "golden-events"),
}


@pytest.mark.golden
@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("name", sorted(SETS))
def test_rendered_pages_match_golden_files(tmp_path: Path, name: str, language: str, request: pytest.FixtureRequest) -> None:
    content, golden = SETS[name]
    planned, pages = render(project_paths(tmp_path, content, config_in(tmp_path, language)))
    assert not [asset for asset in planned.plan.assets if "/charts/" in asset.path], "no Air Force data, so no chart"
    files = {page.path: page.text or "" for page in pages}
    files |= {asset.path: asset.data.decode("utf-8") for asset in planned.plan.assets}  # pages left where a page moved
    check_golden(files, golden / language, updating(request))
