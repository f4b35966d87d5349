"""The Atom feeds: valid against RFC 4287 (its RELAX NG grammar, its two Schematron rules, and a feed parser), one
entry per day, with ids and times that hold across builds; a new day is a new entry, an old day's entry is left as
it was."""

from __future__ import annotations

import datetime as dt
import shutil
from functools import cache
from pathlib import Path

import feedparser
import lxml.etree as etree
import pytest
from rnc2rng import parser, serializer

from conftest import FIXTURES, golden_project, project_paths
from generator.articles import ArticlesContributor
from generator.build import Planned, Timings, plan
from generator.feeds import MAX_ENTRIES, xml_text
from generator.settings import Paths
from generator.themes import Theme
from generator.urls import BRIEFINGS, feed

ATOM = "{http://www.w3.org/2005/Atom}"
FEEDS = ("briefings", "attribution", "strikes-on-russia", "strikes-on-ukraine")


@cache
def atom_grammar() -> etree.RelaxNG:
    """RFC 4287's grammar (tests/fixtures/atom/atom.rnc) as lxml's validator."""
    rnc = (FIXTURES / "atom" / "atom.rnc").read_text(encoding="utf-8")
    rng = serializer.XMLSerializer().toxml(parser.parse(rnc)).replace(' xmlns:local=""', "")  # lxml refuses an empty prefix
    return etree.RelaxNG(etree.fromstring(rng.encode("utf-8")))


def planned(paths: Paths) -> Planned:
    """The site plan of ``paths``, as a build makes it (no engine)."""
    return plan(paths, Timings())


def feeds_of(found: Planned) -> dict[str, bytes]:
    assets = {asset.path: asset.data for asset in found.plan.assets}
    return {name: assets[feed(name)] for name in FEEDS}


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Planned:
    return planned(project_paths(tmp_path_factory.mktemp("feeds")))


def check_atom(data: bytes) -> etree._Element:
    """``data`` is an Atom feed by RFC 4287: its grammar, its Schematron rules, and a parser reading it without fault."""
    root = etree.fromstring(data)
    grammar = atom_grammar()
    assert grammar.validate(root), grammar.error_log
    entries = root.findall(f"{ATOM}entry")
    assert root.find(f"{ATOM}author") is not None or all(entry.find(f"{ATOM}author") is not None for entry in entries)
    for entry in entries:  # an entry has an alternate link, or content
        links = [link for link in entry.findall(f"{ATOM}link") if link.get("rel") in (None, "alternate")]
        assert links or entry.find(f"{ATOM}content") is not None
    parsed = feedparser.parse(data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return root


def test_every_feed_is_valid_atom_with_one_entry_per_day_newest_first(shipped: Planned) -> None:
    for name, data in feeds_of(shipped).items():
        root = check_atom(data)
        parsed = feedparser.parse(data)
        assert parsed.feed.links[0].href == f"https://briefing.example.org/{feed(name)}"  # the placeholder site_url
        ids = [entry.id for entry in parsed.entries]
        assert len(ids) == len(set(ids)) and all(entry_id.startswith("urn:uuid:") for entry_id in ids)
        updated = [dt.datetime.fromisoformat(text) for text in root.xpath("a:entry/a:updated/text()", namespaces={"a": ATOM[1:-1]})]
        feed_updated = dt.datetime.fromisoformat(root.findtext(f"{ATOM}updated") or "")
        assert feed_updated == max(updated), name  # the feed changes when an entry does, not when the site is rebuilt
        days = [entry.link.rstrip("/").rsplit("/", 1)[1] for entry in parsed.entries]
        assert days == sorted(days, reverse=True) and len(days) <= MAX_ENTRIES
    briefing_days = sorted((page.day for page in shipped.plan.pages if page.path.startswith("briefings/") and page.day), reverse=True)
    briefings = feedparser.parse(feeds_of(shipped)["briefings"])
    assert [entry.link for entry in briefings.entries] == [
        f"https://briefing.example.org/{BRIEFINGS.day(day).removesuffix('.md')}/" for day in briefing_days[:MAX_ENTRIES]
    ]


def test_an_entry_carries_the_days_key_figures_with_their_claimants(shipped: Planned) -> None:
    parsed = feedparser.parse(feeds_of(shipped)["strikes-on-ukraine"])
    entry = next(entry for entry in parsed.entries if entry.link.endswith("/2024-05-31/"))
    assert "Tués : 3 selon Autorités ukrainiennes" in entry.summary  # the seed article's Kharkiv strike
    assert entry.updated.startswith("2024-05-31")  # the source's publication, not the build's date
    night = next(entry for entry in parsed.entries if entry.link.endswith("/2024-06-29/"))
    assert "Armée de l'air, bilan national : 10 lancés, 10 abattus." in night.summary


def test_a_new_day_adds_one_entry_and_leaves_the_others_as_they_were(tmp_path: Path) -> None:
    paths = golden_project(tmp_path)
    articles = sorted((paths.content / "articles").rglob("*.yaml"))
    later = articles[-1]
    kept = tmp_path / later.name
    shutil.move(later, kept)
    before = {name: feedparser.parse(data) for name, data in feeds_of(planned(paths)).items()}
    shutil.move(kept, later)
    after = {name: feedparser.parse(data) for name, data in feeds_of(planned(paths)).items()}
    old = {entry.id: entry for entry in before["briefings"].entries}
    new = [entry for entry in after["briefings"].entries if entry.id not in old]
    assert len(new) >= 1 and all(entry.link not in {known.link for known in old.values()} for entry in new)
    assert {entry.id for entry in after["briefings"].entries} >= set(old)  # no day lost its entry or changed its id
    touched = {entry.link for entry in after["briefings"].entries if entry.id in old and entry.updated != old[entry.id].updated}
    for entry in after["briefings"].entries:
        if entry.id in old and entry.link not in touched:
            assert (entry.title, entry.summary, entry.updated) == (old[entry.id].title, old[entry.id].summary, old[entry.id].updated)
    assert feeds_of(planned(paths)) == feeds_of(planned(paths))  # the same bytes, build after build


def test_text_xml_cannot_carry_is_dropped_and_markup_stays_text() -> None:
    assert xml_text("a\x00b\x1bc\ud800d<e>") == "abcd<e>"


@pytest.mark.slow  # a real MkDocs build
def test_the_pages_head_links_its_feeds(shipped_site: Path) -> None:
    home = (shipped_site / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/atom+xml"' in home and 'href="feeds/briefings.xml"' in home
    day = (shipped_site / "archives" / "strikes-on-ukraine" / "2024-05-31" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../../feeds/briefings.xml"' in day and 'href="../../../feeds/strikes-on-ukraine.xml"' in day
    assert (shipped_site / "feeds" / "strikes-on-ukraine.xml").read_bytes().startswith(b"<?xml")


def test_a_theme_entry_is_dated_by_that_themes_sources(tmp_path: Path) -> None:
    found = planned(golden_project(tmp_path))
    layout = found.content.find(ArticlesContributor).layout
    checked = 0
    for theme, name in (
        (Theme.attribution, "attribution"),
        (Theme.on_russia, "strikes-on-russia"),
        (Theme.on_ukraine, "strikes-on-ukraine"),
    ):
        for entry in feedparser.parse(feeds_of(found)[name]).entries:
            day = dt.date.fromisoformat(entry.link.rstrip("/").rsplit("/", 1)[1])
            events = layout.events_on(theme, day)
            if not events:
                continue
            latest = max((report.moment for event in events for report in event.reports), key=lambda moment: moment.start)
            assert dt.datetime.fromisoformat(entry.updated) == latest.start, (name, day)
            checked += 1
    assert checked >= 2
