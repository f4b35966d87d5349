"""Every kind of page the site has, found from its navigation, on a desktop and on a phone:
no request leaves localhost, the console stays clean, axe-core finds no serious or critical
violation, nothing sticks out sideways on a phone; and a screenshot of each for people to look at
(tests/artifacts/screenshots/desktop-<kind>.png, phone-<kind>.png).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .harness import assert_clean, format_violations, horizontal_overflow, page_types, run_axe, screenshot

pytestmark = pytest.mark.slow  # a browser

# The page kinds the briefing has always had; any other kind found from the navigation
# (archives, indexes ...) is checked by the *_other_page_types tests.
CORE_KINDS = ["home", "attribution", "strikes-on-russia", "strikes-on-ukraine", "sources"]


@pytest.fixture(scope="session")
def kinds(built_site: Path) -> dict[str, str]:
    found = page_types(built_site)
    missing = [kind for kind in CORE_KINDS if kind not in found]
    assert not missing, f"not reachable from the navigation: {missing} (found {found})"
    return found


def _read_desktop(page: Page, kind: str, path: str) -> list[str]:
    """Open the page, screenshot it, return its problems."""
    page.goto(path, wait_until="networkidle")
    expect(page.locator("h1")).to_be_visible()
    screenshot(page, f"desktop-{kind}", full_page=True)
    violations = run_axe(page)
    return [f"{kind} ({path}): axe-core:\n{format_violations(violations)}"] if violations else []


def _read_phone(page: Page, kind: str, path: str) -> list[str]:
    page.goto(path, wait_until="networkidle")
    expect(page.locator("h1")).to_be_visible()
    screenshot(page, f"phone-{kind}", full_page=True)
    problems = []
    overflow = horizontal_overflow(page)
    if overflow > 0:
        problems.append(f"{kind} ({path}): {overflow}px wider than a 390px phone")
    violations = run_axe(page)
    if violations:
        problems.append(f"{kind} ({path}): axe-core:\n{format_violations(violations)}")
    return problems


@pytest.mark.parametrize("kind", CORE_KINDS)
def test_page_type_on_desktop(page: Page, kinds: dict[str, str], kind: str) -> None:
    problems = _read_desktop(page, kind, kinds[kind])
    assert not problems, "\n".join(problems)
    assert_clean(page)


@pytest.mark.parametrize("kind", CORE_KINDS)
def test_page_type_on_a_phone(phone_page: Page, kinds: dict[str, str], kind: str) -> None:
    problems = _read_phone(phone_page, kind, kinds[kind])
    assert not problems, "\n".join(problems)
    assert_clean(phone_page)


def test_other_page_types_on_desktop(page: Page, kinds: dict[str, str]) -> None:
    problems = [problem for kind, path in kinds.items() if kind not in CORE_KINDS for problem in _read_desktop(page, kind, path)]
    assert not problems, "\n".join(problems)
    assert_clean(page)


def test_other_page_types_on_a_phone(phone_page: Page, kinds: dict[str, str]) -> None:
    problems = [problem for kind, path in kinds.items() if kind not in CORE_KINDS for problem in _read_phone(phone_page, kind, path)]
    assert not problems, "\n".join(problems)
    assert_clean(phone_page)
