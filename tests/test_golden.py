"""Golden pages: the Markdown rendered from fixture content, compared with checked-in files.

Refresh after an intended template change with ``make golden`` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.corpus import write_corpus
from conftest import FIXTURES, ROOT, config_in, project_paths
from generator.build import render
from golden import check_golden, golden_text, updating

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
    # Files beside the pages: pages left where a page moved, the data as CSV and JSON, the feeds; a zip by its entries.
    files |= {asset.path: golden_text(asset.path, asset.data) for asset in planned.plan.assets}
    check_golden(files, golden / language, updating(request))


@pytest.mark.golden
@pytest.mark.parametrize("language", ["fr", "en"])
def test_busy_days_and_places_match_golden_files(
    tmp_path: Path, language: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page kinds only a busy site has, with a screenful cut to three so a small corpus shows them: a day split in
    parts (each listing every part), a place listed month by month (its page and its month pages), the calendar of
    briefings."""
    monkeypatch.setattr("generator.articles.pages.MAX_LISTED", 3)
    monkeypatch.setattr("generator.calendar.MAX_RECORDS_PER_PAGE", 3)
    write_corpus(tmp_path / "content", 12, seed=1)
    planned, pages = render(project_paths(tmp_path, tmp_path / "content", config_in(tmp_path, language)))
    day = "archives/strikes-on-ukraine/2024-01-01"
    kept = {page.path: page.text or "" for page in pages if page.path.startswith((day, "places/ru.md", "places/ru/", "briefings.md"))}
    assert f"{day}-2.md" in kept, "premise: the day is split"
    assert any(page.kind.name == "place" and page.months for page in planned.plan.pages if page.path in kept), "premise"
    check_golden(kept, ROOT / "tests" / "golden-busy" / language, updating(request))
