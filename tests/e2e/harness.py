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
from urllib.parse import urljoin, urlsplit

from playwright.sync_api import ConsoleMessage, Locator, Page, Request, Response, expect

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


# Chromium's own notices, logged as console errors, about what the browser did rather than what the page
# got wrong: a tap while the page is still scrolling (Playwright scrolls a target into view, then taps)
# makes Material's touch handler ask to cancel a touchstart that can no longer be cancelled.
BROWSER_INTERVENTIONS = ("Ignored attempt to cancel a touchstart event with cancelable=false",)


@dataclass
class PageWatch:
    """What a page did that a clean static site should never do."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)

    def on_console(self, msg: ConsoleMessage) -> None:
        if msg.type == "error" and not msg.text.startswith(BROWSER_INTERVENTIONS):
            loc = msg.location
            where = f" ({loc.get('url', '')}:{loc.get('lineNumber', '')})" if loc and loc.get("url") else ""
            self.console_errors.append(f"{msg.text}{where}")

    def on_page_error(self, error: Exception) -> None:
        self.page_errors.append(str(error))

    def on_request(self, request: Request) -> None:
        if is_external(request.url):
            self.external_requests.append(f"{request.method} {request.url} ({request.resource_type})")

    def on_request_failed(self, request: Request) -> None:
        # External requests are aborted on purpose; ERR_ABORTED is the browser cancelling a request
        # because the reader moved on (e.g. the search worker still loading when a link is clicked).
        if not is_external(request.url) and request.failure != "net::ERR_ABORTED":
            self.failed_requests.append(f"{request.method} {request.url}: {request.failure}")

    def on_response(self, response: Response) -> None:
        if response.status >= 400 and not is_external(response.url):
            self.failed_requests.append(f"{response.request.method} {response.url}: HTTP {response.status}")


_WATCHES: dict[Page, PageWatch] = {}


def watch(page: Page) -> PageWatch:
    """Start recording console errors, uncaught exceptions and non-local requests of ``page``."""
    w = PageWatch()
    page.on("console", w.on_console)
    page.on("pageerror", w.on_page_error)
    page.on("request", w.on_request)
    page.on("requestfailed", w.on_request_failed)
    page.on("response", w.on_response)
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

# Stock mkdocs-material 9.8.2 markup that axe flags as "serious", and how this site fixes it:
#   aria-dialog-name - partials/search.html has <div class="md-search" role="dialog"> with no accessible
#                      name: templates/overrides/partials/search.html adds aria-label.
#   color-contrast   - the footer's "Made with Material for MkDocs" notice (4.47:1): `extra: {generator: false}`
#                      in mkdocs.yml removes it.
# Nothing is disabled any more; pass disable_rules=... only to prove a point in a harness test.


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
        # Evaluated through the DevTools protocol, not as a <script> tag: the site's
        # Content-Security-Policy (script-src 'self') rightly refuses injected inline scripts.
        page.evaluate(AXE_JS.read_text(encoding="utf-8") + "\n;undefined")
        if not page.evaluate("() => typeof window.axe !== 'undefined'"):
            raise AssertionError(f"{AXE_JS} did not define window.axe")
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


# ---------------------------------------------------------------------------------------------
# Reading the site as a person does: navigation, search, landing on a record.
# ---------------------------------------------------------------------------------------------

SEARCH_RESULT_LINK = "a.md-search-result__link"


def open_search(page: Page) -> Locator:
    """Open the search box the way a reader does (the header magnifier on a phone) and return it."""
    query = page.locator("input.md-search__input")
    if page.viewport_size and page.viewport_size["width"] < 960:
        # Below 960px the box sits off-screen (Playwright still calls it "visible") until the
        # header magnifier, a <label> for the #__search checkbox, is tapped.
        page.locator('label.md-header__button[for="__search"]').click()
        expect(query).to_be_in_viewport()
    else:
        query.click()
    return query


def type_search(page: Page, text: str) -> None:
    """Type ``text`` into the search box key by key (``fill()`` fires no key events: Material shows nothing)."""
    box = open_search(page)
    box.press_sequentially(text, delay=15)
    # Letters off the US layout (Cyrillic) are inserted without key events, on which Material searches: one key more.
    box.press("End")


def search_result_to(page: Page, record_id: str) -> Locator:
    """The search result leading to ``#record_id`` (waits for it), made visible: a hit further down a page's
    results is folded in "N more on this page", which a reader opens."""
    link = page.locator(f'{SEARCH_RESULT_LINK}[href$="#{record_id}"]').first
    expect(link, f"no search result leads to #{record_id}").to_be_attached()
    if not link.is_visible():
        page.locator("details.md-search-result__more", has=link).locator("summary").click()
    expect(link).to_be_visible()
    return link


def assert_scrolled_to(page: Page, element_id: str) -> None:
    """The element ``#element_id`` is in view just below the sticky header, near the top of the window; or, when the
    page ends before it could scroll that far (a record near the end of its page), scrolled to the very end with the
    element in view below the header."""
    target = page.locator(f'[id="{element_id}"]')
    expect(target).to_be_in_viewport()
    page.wait_for_function("() => window.scrollY > 0")
    box = target.bounding_box()
    header = page.locator("header.md-header").bounding_box()
    viewport = page.viewport_size
    assert box is not None and header is not None and viewport is not None
    header_bottom = header["y"] + header["height"]
    at_the_end = page.evaluate("() => Math.ceil(window.scrollY + window.innerHeight) >= document.documentElement.scrollHeight - 1")
    highest = viewport["height"] if at_the_end else viewport["height"] / 2
    where = "anywhere below the header (the page is scrolled to its end)" if at_the_end else "in the upper half of the window"
    assert header_bottom - 1 <= box["y"] <= highest, (
        f"#{element_id} is at y={box['y']:.0f}: expected just below the header (bottom {header_bottom:.0f}) {where}, "
        f"of a {viewport['height']}px window"
    )


def horizontal_overflow(page: Page) -> int:
    """How many pixels the page is wider than the window (0 when nothing sticks out sideways)."""
    return int(page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth"))


def table_wrappers(page: Page) -> list[dict[str, Any]]:
    """For each content table: its scroll wrapper's width, the table's width, and whether the wrapper scrolls."""
    result: list[dict[str, Any]] = page.evaluate(
        """() => [...document.querySelectorAll('.md-content table')].map(table => {
            const wrap = table.closest('.md-typeset__scrollwrap') ?? table.parentElement;
            const before = wrap.scrollLeft;
            wrap.scrollLeft = 60;
            const scrolled = wrap.scrollLeft > before;
            wrap.scrollLeft = before;
            return {
                wrapRight: wrap.getBoundingClientRect().right,
                wrapWidth: wrap.clientWidth,
                tableWidth: table.scrollWidth,
                overflowX: getComputedStyle(wrap).overflowX,
                scrolled,
            };
        })"""
    )
    return result


# ---------------------------------------------------------------------------------------------
# Page types: one page of each kind the site has, found from the navigation.
# ---------------------------------------------------------------------------------------------

_TAB_LINK = re.compile(r'<a href="([^"]*)" class="md-tabs__link">')
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
_HREF = re.compile(r'<a [^>]*href="([^"#?]*)[^"]*"')
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")


def page_kind(path: str) -> str:
    """What kind of page ``path`` is: ``home``, ``attribution``, ``archives-day``, ``places-entry`` ..."""
    segments = [segment for segment in path.strip("/").split("/") if segment]
    if not segments:
        return "home"
    if len(segments) == 1:
        return segments[0]
    last = segments[-1]
    return f"{segments[0]}-{'day' if _DAY.match(last) else 'month' if _MONTH.match(last) else 'entry'}"


def nav_paths(site: Path) -> list[str]:
    """The top-level navigation of the site (its tabs), as site paths: ``""``, ``attribution/`` ..."""
    home = (site / "index.html").read_text(encoding="utf-8")
    return [_site_path("/", href) for href in _TAB_LINK.findall(home)]


def _site_path(from_path: str, href: str) -> str:
    resolved = urljoin("/" + from_path.lstrip("/"), href)
    return resolved.lstrip("/")


def page_types(site: Path) -> dict[str, str]:
    """One page per kind, ``{kind: path}``: the navigation's pages, then any other kind their content links to
    (day archives, month indexes, place and weapon pages), two clicks deep at most."""
    found: dict[str, str] = {}
    frontier = nav_paths(site)
    for _depth in range(3):
        next_frontier = []
        for path in frontier:
            file = site / path / "index.html"
            kind = page_kind(path)
            if kind in found or not file.is_file():
                continue
            found[kind] = path
            article = _ARTICLE.search(file.read_text(encoding="utf-8"))
            for href in _HREF.findall(article.group(1) if article else ""):
                if href and not is_external(href) and "://" not in href and not href.startswith(("mailto:", "javascript:")):
                    next_frontier.append(_site_path(path, href))
        frontier = next_frontier
    return found


def record_page(site: Path, record_id: str) -> str:
    """The site path of a record's permanent home: its day archive when there is one, else any page with it."""
    heading = re.compile(rf'<h[1-6] id="{re.escape(record_id)}"')
    pages = sorted(_page_path(site, file) for file in site.rglob("index.html") if heading.search(file.read_text("utf-8")))
    assert pages, f"no page has the record #{record_id}"
    archived = [page for page in pages if page.startswith("archives/")]
    return (archived or pages)[0]


def _page_path(site: Path, file: Path) -> str:
    folder = file.parent.relative_to(site).as_posix()
    return "" if folder == "." else f"{folder}/"
