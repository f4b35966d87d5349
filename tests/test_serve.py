"""``briefing serve`` as an editor uses it: the site is served, and editing content re-renders it."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import workspace

pytestmark = pytest.mark.slow  # MkDocs' live server


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - a localhost URL built by the test
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, needle: str, seconds: float = 90) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = _fetch(url)
        if page is not None and needle in page:
            return page
        time.sleep(0.5)
    raise AssertionError(f"{needle!r} never appeared at {url}")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    work = workspace(tmp_path)
    port = _free_port()
    log = (tmp_path / "serve.log").open("w", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=work,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        yield work, f"http://127.0.0.1:{port}/"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        log.close()


def test_serve_shows_the_site_and_re_renders_an_edited_article(server: tuple[Path, str]) -> None:
    work, base = server
    page = f"{base}archives/strikes-on-russia/2024-05-31/"
    _wait_for(page, "Incendie d'un dépôt pétrolier à Temriouk")
    article = next((work / "content" / "articles").glob("*.yaml"))
    article.write_text(
        article.read_text(encoding="utf-8").replace("Incendie d'un dépôt pétrolier à Temriouk", "Dépôt de Temriouk en feu"),
        encoding="utf-8",
    )
    _wait_for(page, "Dépôt de Temriouk en feu")
    # The rebuild took every page the edit did not touch from the preview's page cache.
    found = re.findall(r"engine cache: (\d+) of (\d+) page\(s\) reused", (work / "serve.log").read_text(encoding="utf-8"))
    reused = [(int(hits), int(pages)) for hits, pages in found]
    assert len(reused) >= 2, "the first build and the rebuild went through the cache"
    assert any(0 < hits < pages for hits, pages in reused[1:]), reused


def _wait_in_log(log: Path, needle: str, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if needle in log.read_text(encoding="utf-8"):
            return
        time.sleep(0.5)
    raise AssertionError(f"{needle!r} never appeared in the log:\n{log.read_text(encoding='utf-8')[-2000:]}")


def test_serve_keeps_answering_with_the_last_good_pages_after_theme_and_label_errors(server: tuple[Path, str]) -> None:
    """A Jinja error in the theme override, then an empty label catalogue: each is said in the log, every request is
    answered with the last good pages (MkDocs' own server held them all, "stuck"), and the preview recovers."""
    work, base = server
    page = f"{base}archives/strikes-on-russia/2024-05-31/"
    _wait_for(page, "Incendie d'un dépôt pétrolier à Temriouk")
    log = work / "serve.log"
    override = work / "templates" / "overrides" / "main.html"
    good_override = override.read_text(encoding="utf-8")
    override.write_text(good_override + "{% block extrahead %}{{ 1 // 0 }}{% endblock %}", encoding="utf-8")
    _wait_in_log(log, "main.html")
    _wait_in_log(log, "The last good pages are still served.")
    assert "Incendie d'un dépôt pétrolier à Temriouk" in (_fetch(page) or ""), "answered, with the last good page"
    labels = work / "templates" / "labels" / "fr.yml"
    good_labels = labels.read_text(encoding="utf-8")
    labels.write_text("", encoding="utf-8")
    _wait_in_log(log, "a mapping of label names to texts, got nothing")
    assert "Incendie d'un dépôt pétrolier à Temriouk" in (_fetch(page) or "")
    labels.write_text(good_labels, encoding="utf-8")
    override.write_text(good_override, encoding="utf-8")
    article = next((work / "content" / "articles").glob("*.yaml"))
    article.write_text(
        article.read_text(encoding="utf-8").replace("Incendie d'un dépôt pétrolier à Temriouk", "Le dépôt brûle"), encoding="utf-8"
    )
    _wait_for(page, "Le dépôt brûle")
    assert "Traceback" not in log.read_text(encoding="utf-8")


def test_serve_settles_one_rebuild_per_edit(server: tuple[Path, str]) -> None:
    """After an edit, the preview renders, rebuilds and reloads once, then stays still: nothing the build writes is
    in a watched folder."""
    work, base = server
    page = f"{base}archives/strikes-on-russia/2024-05-31/"
    _wait_for(page, "Incendie d'un dépôt pétrolier à Temriouk")
    log = work / "serve.log"
    time.sleep(5)
    reloads = _Browser(base)  # polls for reloads as the page's live-reload script does
    before = log.read_text(encoding="utf-8").count("Building documentation")
    article = next((work / "content" / "articles").glob("*.yaml"))
    article.write_text(
        article.read_text(encoding="utf-8").replace("Incendie d'un dépôt pétrolier à Temriouk", "Le dépôt flambe"), encoding="utf-8"
    )
    _wait_for(page, "Le dépôt flambe")
    time.sleep(30)
    builds = log.read_text(encoding="utf-8").count("Building documentation") - before
    assert builds == 1, f"{builds} rebuilds after one edit"
    assert reloads.count == 1, f"the browser was told to reload {reloads.count} times after one edit"


class _Browser:
    """What a served page's live-reload script does: ask the server for the site's version (``/livereload/<epoch>/<id>``,
    answered when a newer one is built, or after a timeout) and reload on each newer one; counts those reloads."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.count = 0
        self.epoch = int(_fetch(f"{base}livereload/0/1") or 0)  # answered at once: any version is newer than 0
        assert self.epoch > 0, "premise: the server serves live reload"
        threading.Thread(target=self._poll, daemon=True).start()

    def _poll(self) -> None:
        while True:
            try:
                with urllib.request.urlopen(f"{self.base}livereload/{self.epoch}/1", timeout=90) as response:  # noqa: S310 - localhost
                    epoch = int(response.read().decode("ascii"))
            except (urllib.error.URLError, ConnectionError, TimeoutError, ValueError):
                return
            if epoch > self.epoch:
                self.count += 1
                self.epoch = epoch
