"""Golden pages of the Air Force's site half: tallies, model pages, charts and nightly blocks rendered from a small fixture.

The fixture (`fixtures/pages/airforce/`) sits beside the golden articles and has
what the slice lacks: a count a post does not give, a sum some posts do not
contribute to, two accounts on one night, and a model name full of Markdown and
HTML. Refresh with ``make golden`` and review the diff.
"""

from __future__ import annotations

import csv
import html
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, config_in, project_paths
from generator.airforce import import_airforce
from generator.build import render
from generator.labels import load_labels
from golden import check_golden, golden_text, updating

GOLDEN = Path(__file__).parent / "golden"
WAVES = Path(__file__).parent / "fixtures" / "pages" / "airforce"
NIGHTS = "archives/strikes-on-ukraine/"
SVG = "{http://www.w3.org/2000/svg}"


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
    found |= {
        asset.path: golden_text(asset.path, asset.data) for asset in planned.plan.assets if asset.path.startswith("archives/air-force/")
    }
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
    "2024-02-national-nights",
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
    found = {
        page.path: page.text or "" for page in pages if page.path == "air-force.md" or page.path.startswith(("archives/air-force/", NIGHTS))
    }
    return found | {asset.path: asset.data.decode("utf-8") for asset in planned.plan.assets if asset.path.endswith(".svg")}


@pytest.mark.golden
def test_charts_over_four_years_match_golden_files(years_pages: dict[str, str], request: pytest.FixtureRequest) -> None:
    charts = {f"{name}.svg": years_pages[f"archives/air-force/charts/{name}.svg"] for name in YEAR_CHARTS}
    check_golden(charts, GOLDEN / "years", updating(request))


def _read(markdown: str) -> str:
    """Rendered Markdown as a reader would read it: escapes undone, every space a plain one."""
    return re.sub(r"\s", " ", html.unescape(markdown.replace("\\", "")))


def _csv(model: str | None = None, account: str | None = None) -> list[dict[str, str]]:
    with YEARS.open(encoding="utf-8", newline="") as file:
        return [
            row
            for row in csv.DictReader(file)
            if (model is None or row["model"] == model) and (account is None or account in row["source"])
        ]


def test_a_model_page_counts_its_joint_waves_apart_and_says_so(years_pages: dict[str, str]) -> None:
    joint = _csv("X-101/X-555 and Kalibr", "kpszsu")
    launched = sum(int(float(row["launched"])) for row in joint)
    kalibr = _read(years_pages["archives/air-force/models/kalibr.md"])
    number = f"{launched:,}".replace(",", " ")
    sentence = f"En plus : {len(joint)} vague(s) signalée(s) avec d'autres modèles, {number} lancés en tout"
    assert sentence in kalibr
    assert "## Vagues signalées avec d'autres modèles" in kalibr
    x101 = _read(years_pages["archives/air-force/models/x-101-x-555.md"])
    assert "Aucune vague de ce modèle seul dans les bilans importés" in x101, "a model reported only jointly has a page that says so"
    assert sentence in x101


def test_four_years_of_months_on_one_axis_with_empty_and_partial_months(years_pages: dict[str, str]) -> None:
    root = ET.fromstring(years_pages["archives/air-force/charts/all-national.svg"])  # noqa: S314 - the build's own chart
    titles = [group.findtext(f"{SVG}title") or "" for group in root.iter(f"{SVG}g")]
    assert len(titles) == 42, "September 2022 to February 2026: every month a column"
    assert titles[0].startswith("Septembre 2022 — ") and titles[-1].startswith("Février 2026 — ")
    assert titles[11] == "Août 2023 — Lancés — · Abattus — · Perdus —", "a month without any report stays an empty slot"
    assert int(root.get("height", "0")) < 400, "four years of months fit one chart of a fixed height"
    assert "* mois couvert en partie : les données vont du 14 septembre 2022 au 11 février 2026." in ET.tostring(root, encoding="unicode")
    national_by_month = years_pages["air-force.md"].split("### Par mois", 1)[1].split("###", 1)[0]
    months = re.findall(r"^\| \[(\w+ \d{4})\]", national_by_month, re.M)
    assert months[:2] == ["Septembre 2022", "Octobre 2022"] and months[-1] == "Février 2026", "the table beside reads in the chart's order"


def test_no_rate_above_100_percent_and_the_contradiction_is_said(years_pages: dict[str, str]) -> None:
    rates = [int(value) for text in years_pages.values() for value in re.findall(r"\| \**(\d+)\s?%", text)]
    assert rates and max(rates) <= 100
    night = _read(years_pages["archives/strikes-on-ukraine/2025-06-11.md"])
    assert "X-59/X-69 : le post donne 4 abattus pour 2 lancés ; chiffres montrés tels que publiés, écartés des taux." in night
