"""The reader on a phone (390 x 844) and at a desk: the decisive figures on the first screen, charts and tap targets
of a readable size, a split day that behaves as one, and every place and weapon page reachable from a card."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .harness import assert_clean, assert_scrolled_to

pytestmark = pytest.mark.slow  # a browser

MIN_TARGET = 24
"""WCAG 2.2 target size (2.5.8), in CSS px."""
MIN_CHART_TEXT = 12
"""The smallest chart text a reader should have to read, in CSS px."""

_SMALL_LINKS = """() => [...document.querySelectorAll('article a')]
  .filter(a => a.offsetParent !== null && getComputedStyle(a).visibility !== 'hidden' && getComputedStyle(a).opacity !== '0')
  .map(a => { const r = a.getBoundingClientRect(); return {text: a.textContent.trim(), w: r.width, h: r.height}; })
  .filter(r => r.w > 0 && (r.w < 24 || r.h < 24))"""

_CHART_TEXT = """async () => {
  const found = [];
  for (const img of document.querySelectorAll('img.af-chart')) {
    const inside = img.src.startsWith('data:');  // the page's first chart, drawn inside it (base64)
    const source = inside
      ? new TextDecoder().decode(Uint8Array.from(atob(img.src.split(',')[1]), c => c.charCodeAt(0)))
      : await (await fetch(img.src)).text();
    const svg = new DOMParser().parseFromString(source, 'image/svg+xml').documentElement;
    const scale = img.getBoundingClientRect().width / Number(svg.getAttribute('width'));
    const base = Number(svg.getAttribute('font-size'));
    for (const text of svg.querySelectorAll('text')) {
      const size = Number(text.getAttribute('font-size') || base);
      found.push({src: inside ? 'first chart' : img.src.split('/').pop(), px: size * scale});
    }
  }
  return found;
}"""


def test_a_strike_day_shows_killed_and_injured_on_a_phone_first_screen(phone_page: Page) -> None:
    phone_page.goto("archives/strikes-on-ukraine/2024-05-31/")
    table = phone_page.get_by_role("table").filter(has_text="Blessés").first
    for header in ("Tués", "Blessés"):
        cell = table.get_by_role("columnheader", name=header)
        box = cell.bounding_box()
        assert box is not None and box["x"] + box["width"] <= 390, f"{header} is off the screen at 390 px"
    assert_clean(phone_page)


@pytest.mark.parametrize("path", ["air-force/", "archives/air-force/2024-05/", "archives/air-force/models/shahed-136-131/"])
def test_every_chart_text_reads_at_12_px_or_more_on_a_phone(phone_page: Page, path: str) -> None:
    phone_page.goto(path)
    sizes = phone_page.evaluate(_CHART_TEXT)
    assert sizes, "premise: the page has charts with text"
    small = [size for size in sizes if size["px"] < MIN_CHART_TEXT]
    assert small == [], f"chart text under {MIN_CHART_TEXT} px: {small[:5]}"


@pytest.mark.parametrize("path", ["places/ua-kharkiv-oblast/", "weapons/s-300/", "places/", "weapons/", "briefings/"])
def test_every_link_on_place_and_weapon_pages_is_a_24_px_target(phone_page: Page, path: str) -> None:
    phone_page.goto(path)
    expect(phone_page.locator("article a").first).to_be_visible()
    small = phone_page.evaluate(_SMALL_LINKS)
    assert small == [], f"links smaller than {MIN_TARGET} x {MIN_TARGET} px: {small[:5]}"
    assert_clean(phone_page)


def test_from_a_card_to_its_place_and_weapon_pages_and_back(page: Page) -> None:
    page.goto("archives/strikes-on-ukraine/2024-05-31/")
    card = page.locator('[id="kharkiv-novobavarsky-2024-05-31"]').locator("xpath=ancestor::div[contains(@class,'record')]")
    card.get_by_role("link", name=re.compile("Oblast de Kharkiv")).first.click()
    expect(page.locator("h1")).to_contain_text("Oblast de Kharkiv")
    page.get_by_role("table").filter(has_text="Kharkiv").get_by_role("link", name=re.compile("Kharkiv")).first.click()
    assert_scrolled_to(page, "kharkiv-novobavarsky-2024-05-31")
    page.goto("weapons/s-300/")
    expect(page.get_by_role("link", name="C-300")).to_be_visible()
    page.get_by_role("link", name="C-300").click()
    expect(page.locator("h1")).to_contain_text("C-300")
    page.get_by_role("link", name="Fiches des articles").click()
    expect(page.locator("h1")).to_contain_text("S-300")
    assert_clean(page)


def test_a_record_in_part_two_of_a_split_day_opens_in_view_from_its_place_page(busy_phone: Page) -> None:
    busy_phone.goto("places/")
    places = busy_phone.locator("article table a")
    for index in range(places.count()):
        busy_phone.goto("places/")
        busy_phone.locator("article table a").nth(index).click()
        links = busy_phone.locator("article table a[href*='-2/#']")
        if links.count():
            break
    else:
        pytest.fail("premise: some place lists a record of a day's second part")
    href = links.first.get_attribute("href") or ""
    record = href.rsplit("#", 1)[1]
    links.first.click()
    expect(busy_phone).to_have_url(re.compile(r"-2/#" + re.escape(record) + "$"))
    assert_scrolled_to(busy_phone, record)
    parts = busy_phone.locator(".day-parts")
    expect(parts.first).to_contain_text("partie 1")
    expect(parts.first).to_contain_text(re.compile(r"celle-ci montre les fiches 16 à \d+ sur \d+"))


@pytest.mark.parametrize("path", ["air-force/", "archives/air-force/2024-05/", "archives/strikes-on-ukraine/2024-05-31/"])
def test_every_table_is_a_keyboard_region_named_by_its_heading(phone_page: Page, path: str) -> None:
    """Each wide table scrolls in a focusable region named after the heading above it, even inside a wrapper of its
    own (the Air Force's tables), never after the whole page."""
    phone_page.goto(path)
    regions = phone_page.locator(".md-typeset__scrollwrap")
    expect(regions.first).to_have_attribute("role", "region")
    title = phone_page.title()
    labels = [regions.nth(index).get_attribute("aria-label") for index in range(regions.count())]
    assert len(labels) >= 2 and all(label and label != title for label in labels), labels
