"""``briefing serve`` in the browser: the preview's pages run under the published site's policy, live reload included."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from .harness import assert_clean

DAY = "archives/strikes-on-russia/2024-05-31/"
HEADLINE = "Incendie d'un dépôt pétrolier à Temriouk"


def test_a_previewed_page_reloads_itself_after_an_edit_under_the_sites_policy(preview_phone: tuple[Path, Page]) -> None:
    """The live-reload script the server adds is let run by the page's Content-Security-Policy (the browser refuses
    any other inline script): an edit to an article reloads the page open on a phone, with no error on the console."""
    work, page = preview_phone
    page.goto(DAY)
    expect(page.locator("article")).to_contain_text(HEADLINE)
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content") or ""
    assert "'unsafe-inline'" not in policy and "script-src 'self' 'sha256-" in policy, policy
    article = next((work / "content" / "articles").glob("*.yaml"))
    article.write_text(article.read_text(encoding="utf-8").replace(HEADLINE, "Le dépôt de Temriouk brûle"), encoding="utf-8")
    expect(page.locator("article")).to_contain_text("Le dépôt de Temriouk brûle", timeout=90_000)
    assert_clean(page)
