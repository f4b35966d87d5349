"""Links that preview: each page's own description (its day, headline and top figure with claimant), the same in
its OpenGraph and Twitter tags, a canonical address; the sitemap dated by the sources, never by the build."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from conftest import FIXTURES, project_paths
from generator.build import Planned, Timings, plan
from generator.previews import DESCRIPTION_LENGTH, clipped


@pytest.fixture(scope="module", params=["shipped", "events", "golden"])
def planned(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Planned:
    content = {"shipped": Path("content").resolve(), "events": FIXTURES / "events" / "content", "golden": FIXTURES / "golden" / "content"}
    return plan(project_paths(tmp_path_factory.mktemp(request.param), content[request.param]), Timings())


def test_each_page_describes_itself_and_a_dated_page_names_its_day(planned: Planned) -> None:
    pages = {page.path: page for page in planned.plan.pages}
    formatter = planned.content.formatter(planned.settings.labels, planned.settings.language)
    for page in pages.values():
        assert page.description and len(page.description) <= DESCRIPTION_LENGTH, page.path
        if page.day is not None:
            assert formatter.date(page.day) in page.description, page.path
        for neighbour in (page.previous, page.next):
            if neighbour is not None and neighbour.path in pages:
                assert pages[neighbour.path].description != page.description, (page.path, neighbour.path)


def test_a_description_gives_the_top_figure_with_its_claimants(planned: Planned) -> None:
    described = [page.description or "" for page in planned.plan.pages]
    assert any(re.search(r"(Tués|Blessés|Lancés|Interceptés) : \S+ selon \w", text) for text in described)


def test_a_long_description_is_cut_at_a_word() -> None:
    text = "mot " * 100
    assert clipped(text) == ("mot " * 59).strip() + "…" and len(clipped(text)) <= DESCRIPTION_LENGTH
    assert clipped("court\n  texte") == "court texte"


def _meta(page: str, attribute: str, name: str) -> str | None:
    found = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', page)
    return html.unescape(found.group(1)) if found else None


@pytest.mark.slow  # a real MkDocs build
def test_a_shared_link_previews_its_own_title_and_figures(shipped_site: Path) -> None:
    pages = sorted(shipped_site.glob("archives/strikes-on-ukraine/2024-*/index.html"))
    seen: set[str] = set()
    for path in [shipped_site / "index.html", *pages]:
        page = path.read_text(encoding="utf-8")
        description = _meta(page, "name", "description")
        assert description and description == _meta(page, "property", "og:description") == _meta(page, "name", "twitter:description")
        assert description not in seen, path
        seen.add(description)
        title = re.search(r"<title>(.*?)</title>", page)
        assert title and _meta(page, "property", "og:title") and _meta(page, "name", "twitter:card") == "summary"
        canonical = re.search(r'<link rel="canonical" href="([^"]+)">', page)
        assert canonical and canonical.group(1) == _meta(page, "property", "og:url")
        assert canonical.group(1).startswith("https://briefing.example.org/")
    day = (shipped_site / "archives/strikes-on-ukraine/2024-05-31/index.html").read_text(encoding="utf-8")
    assert "Tués : 3 selon Autorités ukrainiennes" in (_meta(day, "name", "description") or "")


@pytest.mark.slow  # a real MkDocs build
def test_the_sitemap_dates_each_page_by_its_sources(shipped_site: Path) -> None:
    sitemap = (shipped_site / "sitemap.xml").read_text(encoding="utf-8")
    urls = re.findall(r"<loc>([^<]+)</loc>\s*(?:<lastmod>([^<]+)</lastmod>)?", sitemap)
    assert len(urls) > 50
    dated = {loc: lastmod for loc, lastmod in urls if lastmod}
    assert len(dated) > len(urls) * 0.8
    assert all("2024-05-01" <= lastmod <= "2024-06-30" for lastmod in dated.values())  # the content's days, not the build's
    assert dated["https://briefing.example.org/archives/strikes-on-ukraine/2024-05-31/"] == "2024-05-31"
    assert dated["https://briefing.example.org/archives/strikes-on-ukraine/2024-06-29/"] == "2024-06-29"
