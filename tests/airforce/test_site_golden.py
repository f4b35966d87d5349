"""Golden pages of the Air Force's site half: tallies, model pages, charts and nightly blocks rendered from a small fixture.

The fixture (`fixtures/pages/airforce/`) sits beside the golden articles and has
what the slice lacks: a count a post does not give, a sum some posts do not
contribute to, two accounts on one night, and a model name full of Markdown and
HTML. Refresh with ``make golden`` and review the diff.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, config_in, project_paths
from generator.airforce import import_airforce
from generator.build import render
from generator.labels import load_labels
from golden import check_golden, updating

GOLDEN = Path(__file__).parent / "golden"
WAVES = Path(__file__).parent / "fixtures" / "pages" / "airforce"
NIGHTS = "archives/strikes-on-ukraine/"


def _night_block(text: str, month_link_label: str) -> str:
    """The Air Force block of a strikes-on-Ukraine page: from its heading to its links to the tallies."""
    lines = text.splitlines(keepends=True)
    start = next(index for index, line in enumerate(lines) if line.startswith("## ") and "{ #af-night-" in line)
    end = next(index for index in range(start, len(lines)) if lines[index].startswith(f"[{month_link_label}]"))
    return "".join(lines[start : end + 1])


def _airforce_pages(tmp_path: Path, language: str) -> dict[str, str]:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "golden" / "content", content)
    shutil.copytree(WAVES, content / "airforce")
    planned, pages = render(project_paths(tmp_path, content, config_in(tmp_path, language)))
    label = str(load_labels(ROOT / "templates" / "labels", language).airforce_month_link)
    found = {page.path: page.text or "" for page in pages if page.path == "air-force.md" or page.path.startswith("archives/air-force/")}
    found |= {asset.path: asset.data.decode("utf-8") for asset in planned.plan.assets}
    found |= {
        page.path.replace(".md", ".night.md"): _night_block(page.text or "", label)
        for page in pages
        if page.path.startswith(NIGHTS) and "{ #af-night-" in (page.text or "")
    }
    return found


@pytest.mark.golden
@pytest.mark.parametrize("language", ["fr", "en"])
def test_airforce_pages_match_golden_files(tmp_path: Path, language: str, request: pytest.FixtureRequest) -> None:
    check_golden(_airforce_pages(tmp_path, language), GOLDEN / language, updating(request))


YEARS = Path(__file__).parent / "fixtures" / "four-years.csv"
"""Nights from 13 September 2022 to 10 February 2026: national posts on Facebook and Telegram, the regional South
command from 2024, the General Staff, an unofficial channel, August 2023 without a national report, `not_reach_goal`
from September 2024, joint Kalibr and X-101 waves, and one post that contradicts itself."""

YEAR_CHARTS = (
    "all-national",
    "all-national-nights",
    "all-regional",
    "all-other",
    "2023-08-national-nights",
    "2025-06-national-nights",
    "model-kalibr-national",
)


@pytest.fixture(scope="module")
def years_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The French Air Force pages and charts of the four-year fixture."""
    tmp_path = tmp_path_factory.mktemp("years")
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "golden" / "content", content)
    import_airforce(YEARS, content)
    planned, pages = render(project_paths(tmp_path, content, config_in(tmp_path, "fr")))
    found = {page.path: page.text or "" for page in pages if page.path == "air-force.md" or page.path.startswith("archives/air-force/")}
    return found | {asset.path: asset.data.decode("utf-8") for asset in planned.plan.assets if asset.path.endswith(".svg")}


@pytest.mark.golden
def test_charts_over_four_years_match_golden_files(years_pages: dict[str, str], request: pytest.FixtureRequest) -> None:
    charts = {f"{name}.svg": years_pages[f"archives/air-force/charts/{name}.svg"] for name in YEAR_CHARTS}
    check_golden(charts, GOLDEN / "years", updating(request))
