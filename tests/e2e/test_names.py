"""Searching by the names readers type, in the French and the English build: every spelling of a place or a weapon
finds its records, a model name is searched whole, and the map's points lead to their events."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .harness import SEARCH_RESULT_LINK, assert_clean, search_result_to, type_search

pytestmark = pytest.mark.slow  # a browser

# (what the reader types, a record it must find): the fixture writes Kiev, Odessa, Zaporijia, Koursk, Voronej, Kinjal,
# S-300, X-101 and Geran-2 (French spellings, an Air Force spelling), Харків (Ukrainian) and Brovary Raion.
SEARCHES = [
    ("Kyiv", "kiev-kinjal-2024-09-01"),
    ("Kiev", "kiev-kinjal-2024-09-01"),
    ("Київ", "kiev-kinjal-2024-09-01"),
    ("Odesa", "odessa-port-2024-09-01"),
    ("Zaporizhzhia", "zaporijia-s300-2024-09-01"),
    ("Kharkov", "kharkiv-saltivskyi-2024-09-01"),
    ("Kharkiv", "kharkiv-saltivskyi-2024-09-01"),
    ("Kursk", "koursk-drones-2024-09-01"),
    ("Voronezh", "voronej-depot-2024-09-01"),
    ("Kinzhal", "kiev-kinjal-2024-09-01"),
    ("Kh-47M2", "kiev-kinjal-2024-09-01"),
    ("Kh-101", "brovary-kh101-2024-09-01"),
    ("Shahed", "zelenyi-hai-2024-09-01"),
    ("Броварський", "brovary-kh101-2024-09-01"),
]


@pytest.mark.parametrize(("query", "record_id"), SEARCHES, ids=[query for query, _ in SEARCHES])
def test_every_spelling_finds_the_record(names_page: Page, query: str, record_id: str) -> None:
    names_page.goto("")
    type_search(names_page, query)
    search_result_to(names_page, record_id).click()
    expect(names_page.locator(f'[id="{record_id}"]')).to_be_visible()
    assert_clean(names_page)


def test_s_300_is_searched_whole_and_lists_the_s_300_record_first(names_page: Page) -> None:
    names_page.goto("")
    type_search(names_page, "S-300")
    results = names_page.locator(SEARCH_RESULT_LINK)
    expect(results.first).to_be_attached()
    hrefs = [link.get_attribute("href") or "" for link in results.all()]
    records = [href for href in hrefs if "#" in href]  # Material puts each page's own link before its sections'
    assert records and records[0].endswith("#zaporijia-s300-2024-09-01"), hrefs
    assert not any(href.endswith("#crimea-storm-shadow-2024-09-01") for href in hrefs), "no Storm Shadow strike for S-300"
    assert_clean(names_page)


def test_a_point_of_the_map_leads_to_its_event(names_page: Page) -> None:
    names_page.goto("archives/strikes-on-ukraine/2024-09-01/")
    point = names_page.locator('figure.event-map svg a[href="#zaporijia-s300-2024-09-01"]')
    expect(point).to_have_count(1)
    point.locator("circle").click()
    assert names_page.url.endswith("#zaporijia-s300-2024-09-01")
    assert_clean(names_page)


def test_a_place_page_that_moved_to_its_gazetteer_id_keeps_its_old_address(names_page: Page) -> None:
    """Before the gazetteer, a region's page was at a slug of the name articles wrote (``Kiev`` -> ``ua-kiev``)."""
    names_page.goto("places/ua-kiev/")
    names_page.wait_for_url("**/places/ua-kyiv/")
    expect(names_page.locator("h1")).to_contain_text(re.compile(r"^(Kiev|Kyiv) \(Ukraine\)"))
    assert_clean(names_page)
