"""The offline edition as a reader in the field gets it: the zip the home page offers, unpacked and opened from disk
(``file://``) in Chromium, at phone size: it navigates, its search finds a record, and nothing leaves the page."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from conftest import tree, workspace

from .harness import PHONE_CONTEXT, assert_no_console_errors, search_result_to, type_search, unwatch, watch

RECORD = "temriouk-depot-petrolier-2024-05-31"
HEADLINE = "Incendie d'un dépôt pétrolier à Temriouk"
LINK = re.compile(r'<a href="(offline/briefing-(\d{4}-\d{2}-\d{2})\.zip)">([^<]*)</a>')


def _build(work: Path, *options: str) -> subprocess.CompletedProcess[str]:
    built = subprocess.run([sys.executable, "-m", "generator", "build", *options], cwd=work, capture_output=True, text=True, check=False)
    assert built.returncode == 0, built.stderr
    return built


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A workspace with the shipped content built with ``--offline``: its folder, and the offered zip unpacked."""
    work = workspace(tmp_path_factory.mktemp("offline"))
    _build(work, "-q", "--offline", "edition")
    home = (work / "site" / "index.html").read_text(encoding="utf-8")
    found = LINK.search(home)
    assert found, "the home page offers the offline edition"
    unpacked = work / "unpacked"
    with zipfile.ZipFile(work / "site" / found.group(1)) as archive:
        archive.extractall(unpacked)
    return work, unpacked / f"briefing-{found.group(2)}"


@pytest.fixture
def offline_phone(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """A phone with no network at all: the page, and every request it made but for a file (each refused)."""
    context = browser.new_context(**PHONE_CONTEXT, locale="fr-FR")
    context.set_default_timeout(15_000)
    requests: list[str] = []

    def refuse(route: Route) -> None:
        requests.append(route.request.url)
        route.abort("blockedbyclient")

    context.route(re.compile(r"^(?!file:)"), refuse)
    page = context.new_page()
    watch(page)
    try:
        yield page, requests
    finally:
        unwatch(page)
        context.close()


def test_the_home_page_offers_the_edition_with_its_day_and_size(edition: tuple[Path, Path]) -> None:
    work, unpacked = edition
    found = LINK.search((work / "site" / "index.html").read_text(encoding="utf-8"))
    assert found is not None
    assert found.group(2) in unpacked.name and "hors ligne" in found.group(3) and " Mo)" in found.group(3), found.group(3)
    assert tree(work / "edition") == tree(unpacked), "the zip holds the edition published into --offline DIR, whole"
    assert not (unpacked / "offline").exists(), "the edition does not hold an edition"


def test_the_published_site_keeps_its_policy_and_the_edition_frames_only_its_own_files(edition: tuple[Path, Path]) -> None:
    work, unpacked = edition
    online = (work / "site" / "index.html").read_text(encoding="utf-8")
    offline = (unpacked / "index.html").read_text(encoding="utf-8")
    assert "frame-src 'none'" in online and "iframe-worker" not in online
    assert "frame-src 'self'" in offline and "'unsafe-inline'" not in offline
    assert not re.search(r'<script src="(?:https?:)?//', offline), "no script from elsewhere (Material's would be from unpkg.com)"
    assert (unpacked / "search" / "search_index.js").is_file()


def test_the_edition_opened_from_disk_navigates_and_searches_on_a_phone(
    edition: tuple[Path, Path], offline_phone: tuple[Page, list[str]]
) -> None:
    (_, unpacked), (phone, off_disk) = edition, offline_phone
    phone.goto((unpacked / "index.html").as_uri())
    expect(phone.locator("article h1")).to_be_visible()
    phone.locator('label.md-header__button[for="__drawer"]').click()
    phone.locator('nav.md-nav--primary a[href="attribution.html"]').first.click()
    expect(phone).to_have_url(re.compile(r"/attribution\.html$"))
    type_search(phone, "Temriouk")
    search_result_to(phone, RECORD).click()
    assert urlsplit(phone.url).scheme == "file" and urlsplit(phone.url).fragment == RECORD
    expect(phone.locator(f'[id="{RECORD}"]')).to_contain_text(HEADLINE)
    expect(phone.locator("svg.map #land path").first).to_be_attached()  # the map's outlines are in the page itself
    assert off_disk == []
    assert_no_console_errors(phone)  # (the harness counts file: requests as external: the route above is the check)


def test_the_same_content_packs_the_same_zip(edition: tuple[Path, Path], tmp_path: Path) -> None:
    """Built again from nothing, in another folder, the edition is the same bytes (entries dated from the content)."""
    work, _ = edition
    again = workspace(tmp_path)
    _build(again, "-q", "--offline", "edition")
    first, second = (sorted((folder / "site" / "offline").glob("*.zip")) for folder in (work, again))
    assert [path.name for path in first] == [path.name for path in second] and len(first) == 1
    assert first[0].read_bytes() == second[0].read_bytes()
