"""Proves the browser harness works (against the tiny site, or BRIEFING_E2E_SITE)."""

from __future__ import annotations

import os
import re

import pytest
from playwright.sync_api import Page, expect

from .harness import MATERIAL_STOCK_AXE_RULES, assert_clean, assert_no_external_requests, format_violations, run_axe, screenshot, watch_of

TINY = "BRIEFING_E2E_SITE" not in os.environ
tiny_only = pytest.mark.skipif(not TINY, reason="checks the content of the built-in tiny site")


def test_home_page_loads(page: Page) -> None:
    response = page.goto("")
    assert response is not None and response.ok
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("h1").first).to_be_visible()
    assert_clean(page)


@tiny_only
def test_search_finds_a_word_on_the_page(page: Page) -> None:
    page.goto("")
    query = page.locator("input.md-search__input")
    query.click()
    query.press_sequentially("chouquette", delay=20)
    results = page.locator(".md-search-result__list .md-search-result__item")
    expect(results.first).to_be_visible()
    expect(results.first).to_contain_text("chouquette", ignore_case=True)
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"1 document", re.IGNORECASE))
    # The hit is highlighted with <mark>.
    expect(results.first.locator("mark").first).to_have_text(re.compile("chouquette", re.IGNORECASE))
    assert_clean(page)


def test_no_external_requests(page: Page) -> None:
    page.goto("", wait_until="networkidle")
    assert_no_external_requests(page)


def test_external_request_is_caught(page: Page) -> None:
    page.goto("")
    page.evaluate("() => fetch('https://example.com/x.js').catch(() => null)")
    page.wait_for_timeout(100)
    assert any("example.com" in r for r in watch_of(page).external_requests)
    with pytest.raises(AssertionError, match=r"example\.com"):
        assert_no_external_requests(page)


def test_console_errors_are_caught(page: Page) -> None:
    page.goto("")
    page.evaluate("() => console.error('boom from test')")
    with pytest.raises(AssertionError, match="boom from test"):
        assert_clean(page)


def test_no_console_errors(page: Page) -> None:
    page.goto("", wait_until="networkidle")
    assert_clean(page)


def test_axe_no_serious_violations(page: Page) -> None:
    page.goto("")
    violations = run_axe(page, disable_rules=MATERIAL_STOCK_AXE_RULES)
    assert not violations, format_violations(violations)


def test_phone_screenshot(phone_page: Page) -> None:
    phone_page.goto("")
    width = phone_page.evaluate("() => window.innerWidth")
    assert width == 390
    path = screenshot(phone_page, "harness-phone-home")
    assert path.is_file() and path.stat().st_size > 1000
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert_clean(phone_page)


@tiny_only
def test_phone_search_opens_from_header_icon(phone_page: Page) -> None:
    phone_page.goto("")
    query = phone_page.locator("input.md-search__input")
    # Below 960px the search box sits off-screen (Playwright still calls it "visible") until the
    # header magnifier, a <label> for the #__search checkbox, is tapped.
    expect(query).not_to_be_in_viewport()
    phone_page.locator('label.md-header__button[for="__search"]').click()
    expect(query).to_be_in_viewport()
    query.press_sequentially("chouquette")  # not fill(): Material searches on key events, fill() shows nothing
    expect(phone_page.locator(".md-search-result__item").first).to_contain_text("chouquette", ignore_case=True)
    screenshot(phone_page, "harness-phone-search")
    assert_clean(phone_page)
