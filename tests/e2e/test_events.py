"""An event as a reader meets it: one permalink, one card with every report, the revisions and the dispute."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .harness import assert_clean, assert_scrolled_to, format_violations, run_axe, screenshot

pytestmark = pytest.mark.slow  # a browser

DAY = "archives/strikes-on-ukraine/2024-08-11/"
EVENT = "odesa-port-2024-08-11"


def test_the_events_permalink_opens_one_card_with_all_four_reports(events_page: Page) -> None:
    events_page.goto(f"{DAY}#{EVENT}")
    assert_scrolled_to(events_page, EVENT)
    card = events_page.locator(".record", has=events_page.locator(f'[id="{EVENT}"]'))
    expect(card).to_have_count(1)
    expect(card.locator("li", has_text=re.compile(r"^Rapports :"))).to_have_text(re.compile(r"^Rapports : 4$"))
    for outlet in ("The Kyiv Independent", "Ukrainska Pravda", "Le Monde", "Europe 1"):
        expect(card).to_contain_text(outlet)
    expect(card.locator("td", has_text="→")).to_contain_text("13 « 13 people injured » → 15 « 15 injured » (dernier chiffre)")
    warning = card.locator(".admonition.warning")
    expect(warning).to_contain_text("Chiffres divergents : blessés")
    expect(warning).to_contain_text("Gouverneur de la région d'Odessa")
    expect(warning).to_contain_text("Service d'urgence ukrainien")
    screenshot(events_page, f"event-card-{events_page.viewport_size['width'] if events_page.viewport_size else 0}", full_page=True)
    violations = run_axe(events_page)
    assert not violations, format_violations(violations)
    assert_clean(events_page)


def test_a_link_to_one_report_lands_on_its_events_card(events_page: Page) -> None:
    events_page.goto(f"{DAY}#odesa-port-revised-2024-08-11")
    anchor = events_page.locator('[id="odesa-port-revised-2024-08-11"]')
    expect(anchor).to_be_attached()
    card = events_page.locator(".record", has=anchor)
    expect(card.locator(f'[id="{EVENT}"]')).to_have_count(1)
    expect(card).to_be_in_viewport()
    assert_clean(events_page)
