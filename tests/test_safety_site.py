"""A whole site built from hostile content: every generated file is inspected."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import re
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import lxml.etree as etree
import pytest
import yaml
from hostile_content import hostile_classes, hostile_content, hostile_strings

from conftest import build_site
from generator.escape import clean, contain_bidi
from generator.exports.table import FORMULA_STARTS
from generator.sanitize import THEME_URLS, URL_SCHEMES, check_page, clean_search_text
from generator.urls import SVG_DATA

pytestmark = pytest.mark.slow  # real MkDocs builds

SLOW = "pathological-lengths-build-quickly"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("hostile")
    content = hostile_content(tmp / "content", [name for name in hostile_classes() if name != SLOW])
    return build_site(tmp, content)


class _Inventory(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attributes: list[tuple[str, str, str]] = []
        self.scripts: list[dict[str, str | None]] = []
        self.inline_scripts: list[str] = []
        self.csp = ""
        self._script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            self.attributes.append((tag, name, value or ""))
        values = dict(attrs)
        if tag == "script":
            self.scripts.append(values)
            self._script = "src" not in values and values.get("type") != "application/json"
        if tag == "meta" and values.get("http-equiv") == "Content-Security-Policy":
            self.csp = values.get("content") or ""

    def handle_endtag(self, tag: str) -> None:
        self._script = False

    def handle_data(self, data: str) -> None:
        if self._script:
            self.inline_scripts.append(data)


def test_no_page_has_an_event_handler_a_foreign_script_or_a_link_outside_the_allowed_schemes(hostile_site: Path) -> None:
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 5
    for page in pages:
        html = page.read_text(encoding="utf-8")
        inventory = _Inventory()
        inventory.feed(html)
        where = page.relative_to(hostile_site)
        assert not [a for a in inventory.attributes if a[1].startswith("on")], where
        for tag, name, value in inventory.attributes:
            if name in {"href", "src", "action", "formaction"}:
                scheme = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*):", value)
                drawn_inside = tag == "img" and name == "src" and value.startswith(SVG_DATA)  # a chart, no script runs
                assert scheme is None or scheme.group(1).lower() in URL_SCHEMES or value in THEME_URLS or drawn_inside, (where, tag, value)
        for script in inventory.scripts:
            source = script.get("src")
            assert source is None or not re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*:|//)", source), (where, source)  # the site's own
        policy = inventory.csp
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy, where
        for body in inventory.inline_scripts:
            digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
            assert f"'sha256-{digest}'" in policy, (where, body[:60])
            assert "alert" not in body, where
        assert check_page(html) == [], where


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def test_every_hostile_string_reaches_a_page_as_the_same_text(hostile_site: Path) -> None:
    text = _Text()
    for page in sorted(hostile_site.rglob("*.html")):
        text.feed(page.read_text(encoding="utf-8"))
    shown = "\n".join(text.parts)
    for name in hostile_classes():
        if name != SLOW:
            for string in hostile_strings(name):
                assert contain_bidi(clean(string)).strip() in shown, string


def test_titles_descriptions_and_the_table_of_contents_stay_text(hostile_site: Path) -> None:
    for page in hostile_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        head = html[: html.find("</head>")]
        assert "<script>alert" not in head and "<img" not in head, page
        title = re.search(r"<title>(.*?)</title>", html, re.DOTALL)
        assert title is not None and "<" not in title.group(1), page
        toc = html[html.find('<nav class="md-nav md-nav--secondary"') :]
        assert "<img" not in toc and "<script>alert" not in toc, page


def test_search_index_titles_are_inert_when_shown_as_results(hostile_site: Path) -> None:
    index = json.loads((hostile_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for entry in index["docs"]:
        for key in ("title", "text"):
            assert clean_search_text(entry[key]) == entry[key], entry[key][:200]
            assert not re.search(r"<(?!/?(p|code|strong|em|b|i|span|ul|ol|li|pre|kbd|mark|sup|sub)>)[a-zA-Z/]", entry[key]), entry[key][
                :200
            ]
    titles = " ".join(entry["title"] for entry in index["docs"])
    assert "&lt;img src=x onerror=" in titles


def test_sitemap_and_other_files_carry_no_markup(hostile_site: Path) -> None:
    sitemap = (hostile_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<script" not in sitemap and "javascript:" not in sitemap
    for path in hostile_site.rglob("*"):
        if path.suffix in {".xml", ".json", ".txt"}:
            assert "<script>alert" not in path.read_text(encoding="utf-8"), path


def test_a_maximum_length_field_of_brackets_builds_in_seconds(tmp_path: Path) -> None:
    content = hostile_content(tmp_path / "content", ["link-schemes-stay-text"])
    article = content / "articles" / "link-schemes-stay-text.yaml"
    data = yaml.safe_load(article.read_text(encoding="utf-8"))
    data["strikes"][0]["headline"] = "[" * 50_000
    data["article"]["summary"] = "*_" * 25_000
    article.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    started = time.perf_counter()
    site = build_site(tmp_path, content)
    assert time.perf_counter() - started < 60
    assert "[" * 1000 in (site / "strikes-on-ukraine" / "index.html").read_text(encoding="utf-8")


def test_feeds_and_downloads_keep_hostile_text_as_text(hostile_site: Path) -> None:
    """Feeds: well-formed, only Atom's elements, every text construct plain text. CSV: no cell a spreadsheet would
    run. JSON: parsed whole, and no character of markup left as it is."""
    atom = "{http://www.w3.org/2005/Atom}"
    feeds = sorted((hostile_site / "feeds").glob("*.xml"))
    summaries = ""
    for path in feeds:
        if path.name == "sitemap.xml":
            continue
        root = etree.fromstring(path.read_bytes())
        assert all(str(element.tag).startswith(atom) for element in root.iter()), path
        for element in root.iter(f"{atom}summary", f"{atom}title", f"{atom}subtitle"):
            assert element.get("type") in (None, "text"), path
        summaries += " ".join(element.text or "" for element in root.iter(f"{atom}summary"))
        assert not feedparser.parse(path.read_bytes()).bozo, path
    assert "<script>alert" in summaries or "<img" in summaries, "premise: hostile headlines reach the feeds, as text"
    csv.field_size_limit(sys.maxsize)
    tables = sorted(hostile_site.rglob("*.csv"))
    assert tables
    for path in tables:
        for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")):
            for cell in row:
                if cell.startswith(FORMULA_STARTS):
                    float(cell)  # only a number may begin so
    for path in sorted(hostile_site.rglob("*.json")):
        if path.parent.name in ("search", "schemas") or "assets" in path.parts:
            continue
        data = path.read_text(encoding="utf-8")
        json.loads(data)
        assert "<" not in data and ">" not in data, path
