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


SEED_DAY = "2024-05-31"
"""The seed article's day: its records are filed on it, and its briefing is kept."""


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_home_leads_with_today_and_the_air_force_national_night(request: pytest.FixtureRequest, viewport: str) -> None:
    """Today is the site's latest day (here the Air Force's last national report): its date, how fresh it is, and the
    night's national figures with their claimant open the page, on a phone too."""
    reader: Page = request.getfixturevalue("page" if viewport == "desktop" else "phone_page")
    reader.goto("")
    meta = reader.locator("article p").filter(has_text="À jour au").first
    expect(meta).to_contain_text("29 juin 2024")
    expect(meta).to_be_in_viewport()
    night = reader.get_by_role("heading", name="Bilan national de la nuit")
    expect(night).to_be_in_viewport()
    table = reader.locator("h2:has-text('Bilan national de la nuit') ~ div table").first
    expect(table.get_by_role("columnheader").nth(1)).to_have_text("Lancés")
    expect(reader.locator("h2:has-text('Bilan national de la nuit') + p .claimant")).to_have_text("selon Armée de l'air ukrainienne")
    # Yesterday's briefing is one tap away; the theme page of today opens on the same day.
    reader.get_by_role("link", name="← jour précédent").click()
    expect(reader.locator("h1")).to_contain_text(re.compile(r"Briefing du 2\d juin 2024"))
    reader.goto("strikes-on-ukraine/")
    expect(reader.locator("h1")).to_contain_text("29 juin 2024")
    assert_clean(reader)


def test_a_day_keeps_its_briefing_with_the_tallies_and_the_key_takeaways(page: Page) -> None:
    page.goto(f"briefings/{SEED_DAY}/")
    expect(page.locator("h1")).to_contain_text("Briefing du 31 mai 2024")
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
    # The day's events come first, each leading to its card.
    events = page.get_by_role("heading", name="Les événements du jour")
    events_top, takeaways_top = events.bounding_box(), takeaways.bounding_box()
    assert events_top and takeaways_top and events_top["y"] < takeaways_top["y"], "the day's events should open the briefing"
    page.get_by_role("table").filter(has_text="Kharkiv").get_by_role("link", name=re.compile("Kharkiv")).first.click()
    assert_scrolled_to(page, KHARKIV)
    page.goto("briefings/")
    expect(page.get_by_role("link", name="31 mai 2024")).to_be_visible()
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
    expect(table.get_by_role("columnheader")).to_have_text(["Lieu", "Tués", "Blessés", "Issue", "Armes", "Date", "Rapports"])
    expect(table.locator("tbody tr")).to_have_count(2)
    # The place of each row leads to the record.
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
