"""Searching the shipped briefing as a reader does: type in the box, pick a result, land on the record."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from .harness import assert_clean, assert_scrolled_to, screenshot, search_result_to, type_search

pytestmark = pytest.mark.slow  # a browser

STEMMED = "projectile"

# (what the reader types, the record it should lead to, that record's headline)
SEARCHES = [
    ("missiles", "dia-missiles-balistiques-nord-coreens", "Le Pentagone accuse la Russie d'utiliser des missiles balistiques"),
    ("Kharkiv", "kharkiv-novobavarsky-2024-05-31", "Frappes russes meurtrières sur Kharkiv"),
    ("Temriouk", "temriouk-depot-petrolier-2024-05-31", "Incendie d'un dépôt pétrolier à Temriouk"),
    ("Corée du Nord", "dia-missiles-balistiques-nord-coreens", "Le Pentagone accuse la Russie"),
    # Only "projectiles" is on the site: the French stemmer makes the singular find it.
    (STEMMED, "kiev-attaque-missiles-interceptee-2024-05-31", "Attaque massive de missiles sur Kiev"),
]


@pytest.mark.parametrize(("query", "record_id", "headline"), SEARCHES, ids=[query for query, _, _ in SEARCHES])
def test_search_leads_to_the_record(page: Page, query: str, record_id: str, headline: str) -> None:
    page.goto("")
    type_search(page, query)
    result = search_result_to(page, record_id)
    result.click()
    url = urlsplit(page.url)
    assert url.fragment == record_id
    assert_scrolled_to(page, record_id)
    expect(page.locator(f'[id="{record_id}"]')).to_contain_text(headline)
    # search.highlight marks what was searched for on the page it leads to.
    expect(page.locator("article mark:visible").first).to_be_visible()  # not those in the folded map list
    assert_clean(page)


def test_the_stemmed_query_is_not_on_the_site_as_typed(built_site: Path) -> None:
    """The premise of the stemmed search above: only the plural is on the site."""
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert not any(re.search(rf"\b{STEMMED}\b", doc["title"] + " " + doc["text"], re.IGNORECASE) for doc in docs)


def test_search_on_a_phone(phone_page: Page) -> None:
    phone_page.goto("")
    type_search(phone_page, "Temriouk")
    result = search_result_to(phone_page, "temriouk-depot-petrolier-2024-05-31")
    screenshot(phone_page, "phone-search")
    result.tap()
    assert_scrolled_to(phone_page, "temriouk-depot-petrolier-2024-05-31")
    assert_clean(phone_page)
