"""Fixtures for the browser tests (Playwright driving Debian's chromium).

``built_site`` -> ``site_server`` -> ``page`` / ``phone_page``; ``browser`` is shared by the session.
Helpers (``run_axe``, ``screenshot``, ``assert_clean`` ...) are in ``harness.py``.

Point the tests at an already built site with ``BRIEFING_E2E_SITE=/path/to/site``.
Missing chromium or axe-core is a test *error*, not a skip: run ``./scripts/install-browser``.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from bench.corpus import write_corpus
from conftest import FIXTURES, build_site, config_in, workspace
from generator.errors import BriefingError
from serving import serving, wait_for

from .harness import CHROMIUM, CHROMIUM_ARGS, EXTERNAL_URL, PHONE_CONTEXT, REPO_ROOT, unwatch, watch

# ---------------------------------------------------------------------------------------------
# The site under test: the session's one real build of the shipped content (``shipped_site``).
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def built_site(request: pytest.FixtureRequest) -> Path:
    """Directory holding the built static site (``index.html`` at its root)."""
    given = os.environ.get("BRIEFING_E2E_SITE")
    if given:
        site = Path(given).resolve()
    else:
        try:
            site = Path(request.getfixturevalue("shipped_site"))
        except BriefingError as error:
            pytest.fail(f"the site does not build: {error}", pytrace=False)
    if not (site / "index.html").is_file():
        pytest.fail(f"{site} has no index.html (BRIEFING_E2E_SITE={given!r})", pytrace=False)
    return site


# ---------------------------------------------------------------------------------------------
# Static server
# ---------------------------------------------------------------------------------------------


class _QuietHandler(SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 - overrides the base class's instance attribute
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".json": "application/json",
    }

    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass(frozen=True)
class SiteServer:
    root: Path
    base_url: str  # "http://127.0.0.1:<port>/" - always ends with "/"

    def url(self, path: str = "") -> str:
        return self.base_url + path.lstrip("/")


def _serve(site: Path) -> Iterator[SiteServer]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(site)))
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, name="e2e-site-server", daemon=True)
    thread.start()
    try:
        yield SiteServer(site, f"http://127.0.0.1:{httpd.server_address[1]}/")
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator[SiteServer]:
    """Serve ``built_site`` on 127.0.0.1 at a free port (threaded http.server in a daemon thread)."""
    yield from _serve(built_site)


@pytest.fixture(scope="session")
def events_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    """The events fixture (one night reported by four outlets, a revised toll, a dispute), built and served."""
    tmp = tmp_path_factory.mktemp("events-site")
    yield from _serve(build_site(tmp, FIXTURES / "events" / "content"))


@pytest.fixture(scope="session")
def busy_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    """Forty synthetic articles (days split into several pages) with the shipped Air Force reports, built and served."""
    tmp = tmp_path_factory.mktemp("busy-site")
    write_corpus(tmp / "content", 40, seed=1)
    shutil.copytree(REPO_ROOT / "content" / "airforce", tmp / "content" / "airforce")
    yield from _serve(build_site(tmp, tmp / "content"))


@pytest.fixture(scope="session", params=["fr", "en"])
def names_server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    """The names fixture (places and weapons under French, English, Ukrainian and other spellings), built in the
    site language of the parameter and served."""
    tmp = tmp_path_factory.mktemp(f"names-site-{request.param}")
    yield from _serve(build_site(tmp, FIXTURES / "names" / "content", config_in(tmp, request.param)))


# ---------------------------------------------------------------------------------------------
# Browser
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    """Debian's headless chromium, launched once per session."""
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests need Debian's chromium. Run ./scripts/install-browser "
            "(apt-get install chromium). Playwright's downloaded browsers do not work here.",
            pytrace=False,
        )
    try:
        b = playwright_instance.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
    except Exception as exc:
        pytest.fail(f"could not launch {CHROMIUM}: {exc}", pytrace=False)
    yield b
    b.close()


def _new_page(browser: Browser, site_server: SiteServer, **context_args: Any) -> Iterator[Page]:
    context: BrowserContext = browser.new_context(base_url=site_server.base_url, locale="fr-FR", **context_args)
    context.set_default_timeout(10_000)
    context.set_default_navigation_timeout(20_000)
    # Never let a request leave the machine (there is no internet anyway: avoid waiting on it).
    # The page's "request" listener still records it, so assert_clean() lists it.
    context.route(EXTERNAL_URL, lambda route: route.abort("blockedbyclient"))
    page = context.new_page()
    watch(page)
    try:
        yield page
    finally:
        unwatch(page)
        context.close()


@pytest.fixture
def page(browser: Browser, site_server: SiteServer) -> Iterator[Page]:
    """Desktop page (1280x720) in a fresh context; relative ``page.goto("x/")`` hits the local server.

    Console errors, uncaught exceptions and non-local requests are recorded:
    check them with ``harness.assert_clean(page)`` (or the narrower assert_no_* helpers).
    """
    yield from _new_page(browser, site_server, viewport={"width": 1280, "height": 720})


@pytest.fixture
def phone_page(browser: Browser, site_server: SiteServer) -> Iterator[Page]:
    """Like ``page`` but a 390x844 touch phone (is_mobile, has_touch, device_scale_factor 2)."""
    yield from _new_page(browser, site_server, **PHONE_CONTEXT)


@pytest.fixture
def names_page(browser: Browser, names_server: SiteServer) -> Iterator[Page]:
    """A desktop page on the names fixture's site (French, then English)."""
    yield from _new_page(browser, names_server, viewport={"width": 1280, "height": 720})


@pytest.fixture
def busy_phone(browser: Browser, busy_server: SiteServer) -> Iterator[Page]:
    """A phone on the busy site."""
    yield from _new_page(browser, busy_server, **PHONE_CONTEXT)


@pytest.fixture(params=["desktop", "phone"])
def events_page(request: pytest.FixtureRequest, browser: Browser, events_server: SiteServer) -> Iterator[Page]:
    """A page on the events fixture's site, at desktop and at phone size."""
    size = {"viewport": {"width": 1280, "height": 720}} if request.param == "desktop" else PHONE_CONTEXT
    yield from _new_page(browser, events_server, **size)


@pytest.fixture
def preview_phone(browser: Browser, tmp_path: Path) -> Iterator[tuple[Path, Page]]:
    """A phone on ``briefing serve``'s preview of a workspace with the shipped content: the workspace, and the page."""
    work = workspace(tmp_path)
    with serving(work) as base:
        wait_for(base, "</html>")  # the first build served
        yield from ((work, page) for page in _new_page(browser, SiteServer(work, base), **PHONE_CONTEXT))
