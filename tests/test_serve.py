"""``briefing serve`` as an editor uses it: the site is served, and editing content re-renders it."""

from __future__ import annotations

import base64
import hashlib
import re
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
from serving import fetch, serving, wait_for

pytestmark = pytest.mark.slow  # MkDocs' live server


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    work = workspace(tmp_path)
    with serving(work) as base:
        yield work, base


def test_serve_shows_the_site_and_re_renders_an_edited_article(server: tuple[Path, str]) -> None:
    work, base = server
    page = f"{base}archives/strikes-on-russia/2024-05-31/"
    wait_for(page, "Incendie d'un dépôt pétrolier à Temriouk")
    article = next((work / "content" / "articles").glob("*.yaml"))
    article.write_text(
        article.read_text(encoding="utf-8").replace("Incendie d'un dépôt pétrolier à Temriouk", "Dépôt de Temriouk en feu"),
        encoding="utf-8",
    )
    wait_for(page, "Dépôt de Temriouk en feu")
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
    """A Jinja error in the theme override, markup the sanitise stage refuses, then an empty label catalogue: each is
    said in the log, every request is answered with the last good pages (MkDocs' own server held them all, "stuck"),
    and the preview recovers."""
    work, base = server
    page = f"{base}archives/strikes-on-russia/2024-05-31/"
    wait_for(page, "Incendie d'un dépôt pétrolier à Temriouk")
    log = work / "serve.log"
    override = work / "templates" / "overrides" / "main.html"
    good_override = override.read_text(encoding="utf-8")
    override.write_text(good_override + "{% block extrahead %}{{ 1 // 0 }}{% endblock %}", encoding="utf-8")
    _wait_in_log(log, "main.html")
    _wait_in_log(log, "The last good pages are still served.")
    assert "Incendie d'un dépôt pétrolier à Temriouk" in (fetch(page) or ""), "answered, with the last good page"
    # What the sanitise stage would refuse to publish, the preview refuses too.
    override.write_text(good_override + '{% block extrahead %}<link rel="x" href="#" onload="alert(1)">{% endblock %}', encoding="utf-8")
    _wait_in_log(log, "unsafe markup in the built page")
    assert "alert(1)" not in (fetch(page) or "alert(1)") and "Temriouk" in (fetch(page) or "")
    labels = work / "templates" / "labels" / "fr.yml"
    good_labels = labels.read_text(encoding="utf-8")
    labels.write_text("", encoding="utf-8")
    _wait_in_log(log, "a mapping of label names to texts, got nothing")
    assert "Incendie d'un dépôt pétrolier à Temriouk" in (fetch(page) or "")
    labels.write_text(good_labels, encoding="utf-8")
    override.write_text(good_override, encoding="utf-8")
    article = next((work / "content" / "articles").glob("*.yaml"))
    article.write_text(
        article.read_text(encoding="utf-8").replace("Incendie d'un dépôt pétrolier à Temriouk", "Le dépôt brûle"), encoding="utf-8"
    )
    wait_for(page, "Le dépôt brûle")
    assert "Traceback" not in log.read_text(encoding="utf-8")


def test_serve_settles_one_rebuild_per_edit(server: tuple[Path, str]) -> None:
    """After an edit, the preview renders, rebuilds and reloads once, then stays still: nothing the build writes is
    in a watched folder."""
    work, base = server
    page = f"{base}archives/strikes-on-russia/2024-05-31/"
    wait_for(page, "Incendie d'un dépôt pétrolier à Temriouk")
    log = work / "serve.log"
    time.sleep(5)
    reloads = _Browser(base)  # polls for reloads as the page's live-reload script does
    before = log.read_text(encoding="utf-8").count("Building documentation")
    article = next((work / "content" / "articles").glob("*.yaml"))
    article.write_text(
        article.read_text(encoding="utf-8").replace("Incendie d'un dépôt pétrolier à Temriouk", "Le dépôt flambe"), encoding="utf-8"
    )
    wait_for(page, "Le dépôt flambe")
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
        self.epoch = int(fetch(f"{base}livereload/0/1") or 0)  # answered at once: any version is newer than 0
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


SITE_ADDRESS = "https://briefing.example.org/"
_LIVE_RELOAD = re.compile(r"<script>(?P<body>[^<]*livereload\([^<]*)</script>")


def test_the_preview_serves_the_published_pages_under_the_same_policy(tmp_path: Path) -> None:
    """What an editor previews is what readers get: each page ``serve`` answers with is the page ``build`` publishes
    (sanitised, its scripts pinned in the same Content-Security-Policy), apart from the live-reload script the
    server adds, that script's hash in the policy, and the site address the preview is served at."""
    work = workspace(tmp_path)
    config = work / "mkdocs.yml"
    config.write_text(f"site_url: {SITE_ADDRESS}\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    built = subprocess.run([sys.executable, "-m", "generator", "build", "-q"], cwd=work, capture_output=True, text=True, check=False)
    assert built.returncode == 0, built.stderr
    pages = ["", "archives/strikes-on-russia/2024-05-31/", "places/ua-kyiv/", "weapons/s-300/", "air-force/"]
    with serving(work) as base:
        wait_for(base + pages[1], "Incendie d'un dépôt pétrolier à Temriouk")
        for path in pages:
            served = fetch(base + path)
            assert served is not None, path
            scripts = _LIVE_RELOAD.findall(served)
            assert len(scripts) == 1, f"{path}: the server's live-reload script, once"
            digest = "'sha256-" + base64.b64encode(hashlib.sha256(scripts[0].encode("utf-8")).digest()).decode("ascii") + "'"
            assert f" {digest}" in served, f"{path}: the policy lets the live-reload script run"
            preview = _LIVE_RELOAD.sub("", served).replace(f" {digest}", "", 1).replace(base, SITE_ADDRESS)
            published = (work / "site" / path / "index.html").read_text(encoding="utf-8")
            assert "script-src 'self' 'sha256-" in published, "premise: the published page's scripts are pinned"
            assert preview == published, f"{path}: the preview differs from the published page"
