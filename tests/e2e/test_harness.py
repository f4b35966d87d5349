"""The harness's own detectors catch what they are meant to: a passing reader test means something
only if an external request, a console error or an accessibility violation would have failed it."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .harness import assert_clean, assert_scrolled_to, run_axe, screenshot, watch_of

pytestmark = pytest.mark.slow  # a browser


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


def _page_with_a_record(page: Page, filler_before: int, filler_after: int) -> None:
    """A page with the theme's sticky header, a record ``#r`` and tall filler around it, scrolled to ``#r`` as an anchor is."""
    page.goto("")
    page.evaluate(
        """([before, after]) => {
            const article = document.querySelector('article.md-content__inner');
            const spacer = (height) => { const div = document.createElement('div'); div.style.height = `${height}px`; return div; };
            const record = Object.assign(document.createElement('h2'), {id: 'r', textContent: 'Record'});
            article.replaceChildren(spacer(before), record, spacer(after));  // styles set from script: the CSP refuses style attributes
            record.scrollIntoView();
        }""",
        [filler_before, filler_after],
    )


def test_a_record_at_the_end_of_its_page_is_scrolled_to_as_far_as_the_page_goes(page: Page) -> None:
    """The record cannot reach the upper half of the window: the page ends first. That is scrolled correctly."""
    _page_with_a_record(page, 3000, 0)
    assert_scrolled_to(page, "r")


def test_a_record_left_in_the_lower_half_of_a_page_that_could_scroll_further_fails(page: Page) -> None:
    _page_with_a_record(page, 3000, 3000)
    page.evaluate("() => window.scrollBy(0, -window.innerHeight * 0.7)")
    with pytest.raises(AssertionError, match="upper half"):
        assert_scrolled_to(page, "r")
