"""The data behind each page, as files: every page that shows events or Air Force waves offers exactly those as CSV
and JSON (the JSON valid against its published schema, the CSV the same rows), and the Data page offers the whole,
per month and all at once, in archives that are the same bytes build after build."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from conftest import FIXTURES, project_paths
from generator.archives import BRIEFING, DAY, FRONT, HOME_PAGE, MONTH
from generator.articles.pages import PLACE, WEAPON
from generator.build import Planned, Timings, plan
from generator.dataset import DATA_PAGE
from generator.exports.table import inert
from generator.pages import Page
from generator.schema import schema_path
from generator.themes import Theme
from generator.urls import BRIEFINGS, DATA, dataset, download

SHOWN = {*FRONT.values(), *DAY.values(), MONTH, HOME_PAGE, BRIEFING, PLACE, WEAPON}
"""The page kinds that show events: each offers their data."""


@pytest.fixture(scope="module", params=["shipped", "events"])
def planned(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Planned:
    tmp = tmp_path_factory.mktemp(request.param)
    content = Path("content").resolve() if request.param == "shipped" else FIXTURES / "events" / "content"
    return plan(project_paths(tmp, content), Timings())


def _assets(found: Planned) -> dict[str, bytes]:
    return {asset.path: asset.data for asset in found.plan.assets}


def _csv_rows(data: bytes) -> list[dict[str, str]]:
    assert data.endswith(b"\r\n") or not data
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def _as_csv(row: dict[str, Any]) -> dict[str, str]:
    return {column: inert(value) for column, value in row.items()}


def check_table(name: str, csv_data: bytes, json_data: bytes) -> list[dict[str, Any]]:
    """The JSON follows its published schema; the CSV holds the same rows, column for column."""
    document = json.loads(json_data)
    jsonschema.validate(document, json.loads(schema_path(name).read_text(encoding="utf-8")))
    rows: list[dict[str, Any]] = document[name]
    assert _csv_rows(csv_data) == [_as_csv(row) for row in rows]
    assert b"<" not in json_data and b">" not in json_data  # markup's characters escaped, as JSON allows
    return rows


def test_every_page_that_shows_events_offers_them_as_csv_and_json(planned: Planned) -> None:
    assets = _assets(planned)
    offered = 0
    for page in planned.plan.pages:
        for offer in page.downloads:
            names = {file.path.rsplit(".", 2)[1] for file in offer.files}
            assert len(names) == 1 and [file.label for file in offer.files] == ["CSV", "JSON"], page.path
            name = names.pop()
            csv_path, json_path = download(page.path, name, "csv"), download(page.path, name, "json")
            check_table(name, assets[csv_path], assets[json_path])
            offered += 1
        if page.kind in SHOWN and page.records and any(record in planned.plan.homes for record in page.records):
            assert page.downloads, f"{page.path} shows records but offers no data"
        if page.kind in (MONTH, PLACE, WEAPON):
            assert page.downloads, f"{page.path} lists events but offers no data"
    assert offered > 10


def _page(found: Planned, kind: object) -> list[Page]:
    return [page for page in found.plan.pages if page.kind is kind]


def test_a_day_pages_claims_are_the_figures_of_exactly_its_events(planned: Planned) -> None:
    assets = _assets(planned)
    checked = 0
    for kind in DAY.values():
        for page in _page(planned, kind):
            for offer in page.downloads:
                if "claims" in offer.files[0].path:
                    rows = json.loads(assets[download(page.path, "claims", "json")])["claims"]
                    if kind is DAY[Theme.sources]:  # a day's articles: every figure they give, of whichever day
                        assert {row["article_id"] for row in rows} <= set(page.records), page.path
                        continue
                    assert {row["event_id"] for row in rows} <= set(page.records), page.path
                    assert {row["event_day"] for row in rows} == {page.day.isoformat() if page.day else ""}, page.path
                    checked += 1
    assert checked


def test_the_data_page_offers_the_whole_dataset_per_month_and_at_once(planned: Planned) -> None:
    assets = _assets(planned)
    data = _page(planned, DATA_PAGE)[0].variables["data"]
    whole = {}
    for offer in data.whole:
        paths = {file.label: file.path for file in offer.files}
        name = Path(paths["CSV"]).stem
        whole[name] = check_table(name, assets[paths["CSV"]], assets[paths["JSON"]]) if "JSON" in paths else _csv_rows(assets[paths["CSV"]])
    assert {"claims", "acled"} <= set(whole)
    everything = zipfile.ZipFile(io.BytesIO(assets[dataset("briefing-data.zip")]))
    names = everything.namelist()
    assert "claims.csv" in names and "claims.json" in names and "acled.csv" in names
    assert "schemas/claims.schema.json" in names
    assert everything.read("claims.csv") == assets[dataset("claims.csv")]
    by_month: dict[str, list[dict[str, Any]]] = {}
    for link in data.months:
        month = re.search(r"(\d{4}-\d{2})\.zip$", link.path)
        assert month is not None
        archive = zipfile.ZipFile(io.BytesIO(assets[link.path]))
        assert all(entry.date_time[:2] == tuple(map(int, month.group(1).split("-"))) for entry in archive.infolist())
        if "claims.json" in archive.namelist():
            by_month[month.group(1)] = json.loads(archive.read("claims.json"))["claims"]
    assert [row for month in sorted(by_month) for row in by_month[month]] == sorted(
        whole["claims"], key=lambda row: row["event_day"][:7]
    ), "each claim in the archive of its month, and in no other"


def test_the_same_content_gives_the_same_files(tmp_path: Path) -> None:
    first = _assets(plan(project_paths(tmp_path / "a", FIXTURES / "events" / "content"), Timings()))
    second = _assets(plan(project_paths(tmp_path / "b", FIXTURES / "events" / "content"), Timings()))
    assert first == second


@pytest.mark.slow  # a real MkDocs build
def test_the_built_day_page_links_its_files(shipped_site: Path) -> None:
    html = (shipped_site / "archives" / "strikes-on-ukraine" / "2024-05-31" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="([^"]+\.(?:csv|json))"', html)
    assert links
    for link in links:
        assert (shipped_site / "archives" / "strikes-on-ukraine" / "2024-05-31" / link).resolve().is_file(), link
    data = (shipped_site / "data" / "index.html").read_text(encoding="utf-8")
    for link in re.findall(r'href="([^"]+\.(?:csv|json|zip|xml))"', data):
        assert (shipped_site / "data" / link).resolve().is_file(), link


def test_the_home_page_offers_what_todays_briefing_offers_and_the_data_page_links_the_feeds(planned: Planned) -> None:
    pages = {page.path: page for page in planned.plan.pages}
    home = pages["index.md"]
    assert home.day is not None
    briefing = pages[BRIEFINGS.day(home.day)]
    assert [offer.label for offer in home.downloads] == [offer.label for offer in briefing.downloads]
    assert [feed.path for feed in pages[DATA].feeds] == ["feeds/briefings.xml"]
