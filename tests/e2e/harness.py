"""Helpers for the browser tests: constants, page watching, axe-core, screenshots.

Tests import these with a relative import (``tests/e2e`` is a package)::

    from .harness import assert_clean, run_axe, screenshot

The fixtures themselves (``built_site``, ``site_server``, ``browser``, ``page``,
``phone_page``) live in ``conftest.py``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import ConsoleMessage, Page, Request

E2E_DIR = Path(__file__).resolve().parent
REPO_ROOT = E2E_DIR.parents[1]
NODE_DIR = E2E_DIR / "node"
AXE_JS = NODE_DIR / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOT_DIR = REPO_ROOT / "tests" / "artifacts" / "screenshots"

# Debian's chromium (scripts/install-browser); Playwright's downloaded builds cannot run here.
CHROMIUM = Path(os.environ.get("BRIEFING_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
]

PHONE_CONTEXT: dict[str, Any] = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost"})
# Schemes that never leave the browser.
_INTERNAL_SCHEMES = frozenset({"data", "blob", "about", "chrome", "chrome-extension", "devtools"})
# Handed to context.route(): evaluated inside the browser, so local requests are not slowed down.
EXTERNAL_URL = re.compile(r"^(?!(?:https?|wss?)://(?:127\.0\.0\.1|localhost)(?:[:/]|$))(?:https?|wss?|ftp):")


def is_external(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in _INTERNAL_SCHEMES or not parts.scheme:
        return False
    return parts.hostname not in LOCAL_HOSTS


@dataclass
class PageWatch:
    """What a page did that a clean static site should never do."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)

    def on_console(self, msg: ConsoleMessage) -> None:
        if msg.type == "error":
            loc = msg.location
            where = f" ({loc.get('url', '')}:{loc.get('lineNumber', '')})" if loc and loc.get("url") else ""
            self.console_errors.append(f"{msg.text}{where}")

    def on_page_error(self, error: Exception) -> None:
        self.page_errors.append(str(error))

    def on_request(self, request: Request) -> None:
        if is_external(request.url):
            self.external_requests.append(f"{request.method} {request.url} ({request.resource_type})")

    def on_request_failed(self, request: Request) -> None:
        if not is_external(request.url):  # external ones are aborted on purpose
            self.failed_requests.append(f"{request.method} {request.url}: {request.failure}")


_WATCHES: dict[Page, PageWatch] = {}


def watch(page: Page) -> PageWatch:
    """Start recording console errors, uncaught exceptions and non-local requests of ``page``."""
    w = PageWatch()
    page.on("console", w.on_console)
    page.on("pageerror", w.on_page_error)
    page.on("request", w.on_request)
    page.on("requestfailed", w.on_request_failed)
    _WATCHES[page] = w
    return w


def unwatch(page: Page) -> None:
    _WATCHES.pop(page, None)


def watch_of(page: Page) -> PageWatch:
    try:
        return _WATCHES[page]
    except KeyError:
        raise AssertionError("this page was not created by the page/phone_page fixture; nothing was recorded") from None


def _listing(title: str, items: list[str]) -> str:
    return f"{title} ({len(items)}):\n" + "\n".join(f"  - {item}" for item in items)


def assert_no_external_requests(page: Page) -> None:
    items = watch_of(page).external_requests
    assert not items, _listing("requests to hosts other than 127.0.0.1/localhost", items)


def assert_no_console_errors(page: Page) -> None:
    w = watch_of(page)
    problems = [f"console: {e}" for e in w.console_errors] + [f"uncaught: {e}" for e in w.page_errors]
    problems += [f"failed request: {e}" for e in w.failed_requests]
    assert not problems, _listing("console errors / uncaught exceptions / failed requests", problems)


def assert_clean(page: Page) -> None:
    """Fail listing every external request, console error, uncaught exception and failed local request."""
    w = watch_of(page)
    problems = [f"external request: {e}" for e in w.external_requests]
    problems += [f"console: {e}" for e in w.console_errors] + [f"uncaught: {e}" for e in w.page_errors]
    problems += [f"failed request: {e}" for e in w.failed_requests]
    assert not problems, _listing("page was not clean", problems)


SERIOUS_OR_CRITICAL = frozenset({"serious", "critical"})

# Stock mkdocs-material 9.8.2 markup that axe flags as "serious":
#   aria-dialog-name - partials/search.html has <div class="md-search" role="dialog"> with no accessible name
#                      (axe "best-practice" rule, not a WCAG criterion). Fix with a partials/search.html
#                      override adding aria-label, then stop disabling it.
# (The other stock failure, color-contrast 4.47:1 of the footer "Made with Material for MkDocs" notice,
#  goes away with `extra: {generator: false}` in mkdocs.yml.)
MATERIAL_STOCK_AXE_RULES = ("aria-dialog-name",)


def run_axe(
    page: Page,
    *,
    context: str | None = None,
    impacts: frozenset[str] = SERIOUS_OR_CRITICAL,
    disable_rules: Iterable[str] = (),
    options: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Run axe-core (all rules, best-practice included) on the current page.

    Returns the violations whose impact is in ``impacts`` (serious/critical by default), as axe's
    JSON dicts (``id``, ``impact``, ``help``, ``helpUrl``, ``nodes`` ...). ``context`` is an optional CSS
    selector limiting the scan; ``disable_rules`` are axe rule ids to skip; ``options`` go to ``axe.run``.
    Use ``format_violations()`` for the assertion message.
    """
    if not AXE_JS.is_file():
        raise AssertionError(f"{AXE_JS} is missing: run ./scripts/install-browser")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    opts: dict[str, Any] = {"resultTypes": ["violations"], **(options or {})}
    if disable_rules:
        opts["rules"] = {**opts.get("rules", {}), **{rule: {"enabled": False} for rule in disable_rules}}
    violations: list[dict[str, Any]] = page.evaluate(
        "async ([context, options]) => (await axe.run(context ?? document, options)).violations",
        [context, opts],
    )
    return [v for v in violations if v.get("impact") in impacts]


def format_violations(violations: list[dict[str, Any]]) -> str:
    """Human-readable summary for assertion messages: rule, impact, help and the offending nodes."""
    lines = []
    for v in violations:
        lines.append(f"[{v.get('impact')}] {v.get('id')}: {v.get('help')} ({v.get('helpUrl')})")
        for node in v.get("nodes", [])[:10]:
            target = " ".join(map(str, node.get("target", [])))
            summary = " / ".join(line.strip() for line in node.get("failureSummary", "").splitlines()[1:] if line.strip())
            lines.append(f"    {target}: {summary}")
    return "\n".join(lines)


def screenshot(page: Page, name: str, *, full_page: bool = False) -> Path:
    """Write ``tests/artifacts/screenshots/<name>.png`` and return its path."""
    safe = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-") or "screenshot"
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOT_DIR / f"{safe}.png"
    page.screenshot(path=str(path), full_page=full_page, animations="disabled")
    return path
