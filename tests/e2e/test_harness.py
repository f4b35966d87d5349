"""The harness's own detectors catch what they are meant to: a passing reader test means something
only if an external request, a console error or an accessibility violation would have failed it."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .harness import assert_clean, run_axe, screenshot, watch_of


def test_the_site_is_french_and_served_locally(page: Page) -> None:
    response = page.goto("")
    assert response is not None and response.ok
    assert response.url.startswith("http://127.0.0.1:")
    expect(page.locator("html")).to_have_attribute("lang", "fr")


def test_an_external_request_is_caught(page: Page) -> None:
    """Caught as a request leaving localhost or, under a Content-Security-Policy, as the browser's refusal."""
    page.goto("")
    page.evaluate("() => fetch('https://example.com/x.js').catch(() => null)")
    page.wait_for_timeout(100)
    watched = watch_of(page)
    assert any("example.com" in r for r in watched.external_requests + watched.console_errors)
    with pytest.raises(AssertionError, match=r"example\.com"):
        assert_clean(page)


def test_a_console_error_is_caught(page: Page) -> None:
    page.goto("")
    page.evaluate("() => console.error('boom from test')")
    with pytest.raises(AssertionError, match="boom from test"):
        assert_clean(page)


def test_axe_reports_a_serious_violation(page: Page) -> None:
    page.goto("")
    page.evaluate("() => document.querySelector('article').insertAdjacentHTML('beforeend', '<img src=\"data:,\">')")
    violations = run_axe(page, context="article")
    assert "image-alt" in {v["id"] for v in violations}


def test_axe_would_fail_the_stock_search_dialog(page: Page) -> None:
    """Without templates/overrides/partials/search.html's aria-label, the search dialog has no name."""
    page.goto("")
    assert not run_axe(page, context=".md-search")
    page.evaluate("() => document.querySelector('.md-search').removeAttribute('aria-label')")
    assert "aria-dialog-name" in {v["id"] for v in run_axe(page, context=".md-search")}


def test_screenshot_writes_a_png(phone_page: Page) -> None:
    phone_page.goto("")
    assert phone_page.evaluate("() => window.innerWidth") == 390
    path = screenshot(phone_page, "harness-phone-home")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
