"""The shipped briefing as a reader uses it, in Debian's chromium: the home page, the navigation,
permalinks, sources one click away, and a phone in the hand.

The facts checked are the seed article's (content/articles/), as the French site shows them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .harness import assert_clean, assert_scrolled_to, horizontal_overflow, record_page, screenshot, table_wrappers

pytestmark = pytest.mark.slow  # a browser

# The three briefing pages, by their navigation label, with the records each must show.
BRIEFING_PAGES = {
    "Attribution": ("attribution/", ["dia-missiles-balistiques-nord-coreens"]),
    "Frappes sur la Russie": (
        "strikes-on-russia/",
        ["krasnodar-drones-2024-05-31", "temriouk-depot-petrolier-2024-05-31", "novorossiisk-frappe-repoussee-2024-05-31"],
    ),
    "Frappes sur l'Ukraine": ("strikes-on-ukraine/", ["kharkiv-novobavarsky-2024-05-31", "kiev-attaque-missiles-interceptee-2024-05-31"]),
}
KHARKIV = "kharkiv-novobavarsky-2024-05-31"
SEED_ARTICLE = "2024-05-31-pentagone-missiles-nord-coreens"


def test_home_shows_the_tallies_and_the_key_takeaways(page: Page) -> None:
    page.goto("")
    expect(page.locator("h1")).to_contain_text("Briefing Ukraine")
    tally = page.get_by_role("table").filter(has_text="Frappes rapportées")
    expect(tally).to_be_visible()
    reported = tally.get_by_role("row").filter(has_text="Frappes rapportées").get_by_role("cell")
    expect(reported).to_have_text(["Frappes rapportées", "3", "2"])
    killed = tally.get_by_role("row").filter(has_text="Tués")
    expect(killed).to_contain_text("3 selon Autorités ukrainiennes")
    takeaways = page.get_by_role("heading", name="Points clés")
    expect(takeaways).to_be_visible()
    items = page.locator("h2:has-text('Points clés') + ul > li")
    expect(items).to_have_count(5)
    expect(items.nth(1)).to_contain_text("29 drones ukrainiens neutralisés")
    # At a glance first: the tallies come before the takeaways.
    tally_top = tally.bounding_box()
    takeaways_top = takeaways.bounding_box()
    assert tally_top and takeaways_top and tally_top["y"] < takeaways_top["y"], "the tallies should open the page"
    assert_clean(page)


@pytest.mark.parametrize("label", list(BRIEFING_PAGES))
def test_each_briefing_page_opens_from_the_navigation_with_its_records(page: Page, built_site: Path, label: str) -> None:
    path, records = BRIEFING_PAGES[label]
    page.goto("")
    page.locator("nav.md-tabs").get_by_role("link", name=label, exact=True).click()
    expect(page).to_have_url(re.compile(re.escape(path) + "$"))
    expect(page.locator("h1")).to_contain_text(label)
    # The page shows its latest day: records as cards whose heading carries its permalink, or, on a
    # night reported only by the Air Force, its tables.
    expect(page.locator("article").locator(".record > :is(h2, h4)[id], table").first).to_be_visible()
    for heading in page.locator(".record > :is(h2, h4)[id]").all():
        expect(heading.locator("a.headerlink")).to_have_attribute("href", f"#{heading.get_attribute('id')}")
    # The seed's records are all on the site, on their day's page.
    for seed_record in records:
        assert record_page(built_site, seed_record)
    assert_clean(page)


def test_strike_pages_show_their_table_of_strikes(page: Page, built_site: Path) -> None:
    page.goto(record_page(built_site, KHARKIV))
    table = page.get_by_role("table").filter(has_text="Blessés").first
    expect(table.get_by_role("columnheader")).to_have_text(["Date", "Lieu", "Armes", "Issue", "Tués", "Blessés", "Rapports"])
    expect(table.locator("tbody tr")).to_have_count(2)
    # The date of each row leads to the record.
    table.locator("tbody tr").filter(has_text="Kharkiv").get_by_role("link").first.click()
    assert_scrolled_to(page, KHARKIV)


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_a_record_permalink_opens_the_page_scrolled_to_the_record(request: pytest.FixtureRequest, built_site: Path, viewport: str) -> None:
    reader: Page = request.getfixturevalue("page" if viewport == "desktop" else "phone_page")
    home = record_page(built_site, KHARKIV)
    reader.goto(home)
    permalink = reader.locator(f'[id="{KHARKIV}"] a.headerlink').get_attribute("href")
    assert permalink == f"#{KHARKIV}"
    reader.goto(f"{home}{permalink}")
    assert_scrolled_to(reader, KHARKIV)
    expect(reader.locator(f'[id="{KHARKIV}"]')).to_contain_text("Frappes russes meurtrières sur Kharkiv")
    assert_clean(reader)


def test_the_source_of_a_record_is_one_click_away(page: Page, built_site: Path) -> None:
    page.goto(f"{record_page(built_site, KHARKIV)}#{KHARKIV}")
    record = page.locator(f'[id="{KHARKIV}"]')
    # The record's own source link: the first link to the sources after its heading.
    source = record.locator(f"xpath=following::a[contains(@href, '#{SEED_ARTICLE}')][1]")
    expect(source).to_contain_text("Moscou accusée par le Pentagone")
    source.click()
    expect(page).to_have_url(re.compile(f"#{SEED_ARTICLE}$"))
    assert_scrolled_to(page, SEED_ARTICLE)
    expect(page.locator("article")).to_contain_text("Relaie : Le Figaro")
    assert_clean(page)


def test_phone_navigation_drawer_opens_every_briefing_page(phone_page: Page) -> None:
    phone_page.goto("")
    drawer = phone_page.locator("nav.md-nav--primary")
    expect(drawer).not_to_be_in_viewport()
    phone_page.locator('label.md-header__button[for="__drawer"]').click()
    expect(drawer).to_be_in_viewport()
    for label in BRIEFING_PAGES:
        expect(drawer.get_by_role("link", name=label, exact=True)).to_be_visible()
    screenshot(phone_page, "phone-navigation")
    drawer.get_by_role("link", name="Frappes sur l'Ukraine", exact=True).click()
    expect(phone_page.locator("h1")).to_contain_text("Frappes sur l'Ukraine")
    assert_clean(phone_page)


@pytest.mark.parametrize("path", [path for path, _ in BRIEFING_PAGES.values()] + [""])
def test_phone_tables_scroll_inside_the_page(phone_page: Page, path: str) -> None:
    phone_page.goto(path)
    assert horizontal_overflow(phone_page) <= 0, "the page scrolls sideways on a 390px phone"
    for table in table_wrappers(phone_page):
        assert table["wrapRight"] <= 390, f"a table sticks out of the window: {table}"
        assert table["overflowX"] in {"auto", "scroll"}, f"a table cannot scroll: {table}"
        if table["tableWidth"] > table["wrapWidth"]:
            assert table["scrolled"], f"a table wider than the window does not scroll: {table}"


def test_the_printed_page_is_the_briefing_alone(page: Page, built_site: Path) -> None:
    page.goto(record_page(built_site, KHARKIV))
    page.emulate_media(media="print")
    for chrome in ("header.md-header", ".md-tabs", ".md-sidebar--secondary", "footer.md-footer", ".md-search"):
        expect(page.locator(chrome).first).to_be_hidden()
    expect(page.locator(f'[id="{KHARKIV}"]')).to_be_visible()
    expect(page.locator(f'[id="{KHARKIV}"] a.headerlink')).to_be_hidden()
    screenshot(page, "print-strikes-on-ukraine", full_page=True)
