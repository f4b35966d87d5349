"""A real MkDocs + Material build of the shipped content: the seed's facts, each with its claimant, on the right page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import FIXTURES, build_site, config_in
from generator.mkdocs_stage import PLACEHOLDER_SITE_URL
from generator.progress import NOTICE
from search_index import load_index, search
from site_text import page_html, page_text, record_text

pytestmark = pytest.mark.slow  # real MkDocs builds

DAY = "2024-05-31"
RUSSIA, UKRAINE = f"archives/strikes-on-russia/{DAY}", f"archives/strikes-on-ukraine/{DAY}"
ATTRIBUTION, SOURCES = f"archives/attribution/{DAY}", f"archives/sources/{DAY}"

# (page, record id, facts as the reader sees them: each figure next to whoever claims it)
SEED_FACTS = [
    (
        RUSSIA,
        "krasnodar-drones-2024-05-31",
        [
            "Quand : nuit du 30 au 31 mai 2024",
            "Kraï de Krasnodar, Russie",
            "Rapporté par : Ministère russe de la Défense",
            "drones selon Ministère russe de la Défense",
            "missiles de croisière Neptune selon source non précisée par l'article",
            "Interceptés (drones) : 29 selon Ministère russe de la Défense « 29 drones ukrainiens neutralisés »",
            "stations balnéaires",
            "plusieurs attaques de drones et de missiles de croisière Neptune",
        ],
    ),
    (
        RUSSIA,
        "temriouk-depot-petrolier-2024-05-31",
        [
            "Dépôt pétrolier, Temriouk, Kraï de Krasnodar, Russie",
            "Dépôt pétrolier — incendie → incendie maîtrisé",
            "selon Autorités locales (kraï de Krasnodar)",
            "Blessés : plusieurs selon Autorités locales (kraï de Krasnodar) « plusieurs blessés »",
            "Victimes parmi : Employés du dépôt",
        ],
    ),
    (
        RUSSIA,
        "novorossiisk-frappe-repoussee-2024-05-31",
        [
            "Novorossiïsk, Kraï de Krasnodar, Russie",
            "Novorossiïsk — repoussé",
            "réaction rapide des forces militaires",
            "Tués : 0 selon source non précisée par l'article « sans faire de victimes »",
        ],
    ),
    (
        UKRAINE,
        "kharkiv-novobavarsky-2024-05-31",
        [
            "Novobavarsky, Kharkiv, Oblast de Kharkiv, Ukraine",
            "Rapporté par : Autorités ukrainiennes",
            "missiles S-300 selon Autorités locales (Kharkiv)",
            "missiles S-400 selon Autorités locales (Kharkiv)",
            "Tirés depuis : Oblast de Belgorod, Russie selon Autorités locales (Kharkiv)",
            "Immeuble de cinq étages — touché → endommagé",
            "piégées sous les décombres",
            "Tués : 3 selon Autorités ukrainiennes « trois personnes »",
            "Blessés : 23 selon Autorités ukrainiennes « 23 autres »",
        ],
    ),
    (
        UKRAINE,
        "kiev-attaque-missiles-interceptee-2024-05-31",
        [
            "Kiev, Ukraine",
            "Lancés (missiles) : nombreux selon source non précisée par l'article « attaque massive de missiles »",
            "Interceptés (missiles) : tous selon source non précisée par l'article « tous les projectiles »",
            "défense aérienne ukrainienne",
        ],
    ),
    (
        ATTRIBUTION,
        "dia-missiles-balistiques-nord-coreens",
        [
            "Accusateur : Pentagone (département de la Défense des États-Unis)",
            "Accusé : Russie (Moscou)",
            "missiles balistiques (origine : Corée du Nord) selon Pentagone (département de la Défense des États-Unis), "
            "Agence de renseignement de la Défense des États-Unis (DIA)",
            "Statut : allégué par Pentagone (département de la Défense des États-Unis) ; "
            "confirmé par Agence de renseignement de la Défense des États-Unis (DIA)",
            "débris de missiles retrouvés sur le sol ukrainien",
            "Fragments de missiles découverts en janvier (l'article ne précise pas l'année) dans la région de Kharkiv",
            "images diffusées par les médias d'État nord-coréens. — Oblast de Kharkiv, Ukraine",
            "Oblast de Kharkiv, Ukraine",
            "« L'analyse confirme que la Russie utilise des missiles balistiques produits en Corée du Nord "
            "dans sa guerre contre l'Ukraine » — Agence de renseignement de la Défense des États-Unis (DIA), communiqué",
            "coopération militaire entre Moscou et Pyongyang",
        ],
    ),
    (
        SOURCES,
        "2024-05-31-pentagone-missiles-nord-coreens",
        [
            "Moscou accusée par le Pentagone d'utiliser des missiles balistiques nord-coréens en Ukraine",
            "Média : Média non identifié",
            "Relaie : Le Figaro",
            "Publié le : 31 mai 2024 (date présumée)",
            "Langue : fr",
        ],
    ),
]


@pytest.mark.parametrize(("page", "record_id", "facts"), SEED_FACTS, ids=[fact[1] for fact in SEED_FACTS])
def test_seed_facts_appear_with_their_claimants(shipped_site: Path, page: str, record_id: str, facts: list[str]) -> None:
    text = record_text(shipped_site, page, record_id)
    missing = [fact for fact in facts if fact not in text]
    assert not missing, f"missing on {page}#{record_id}: {missing}\n--- text: {text}"


SOURCE_LINK = f'href="../../sources/{DAY}/#2024-05-31-pentagone-missiles-nord-coreens"'


def test_every_record_links_to_its_source_article(shipped_site: Path) -> None:
    for page, record_id, _ in SEED_FACTS[:-1]:
        section = page_html(shipped_site, page).split(f'id="{record_id}"', 1)[1]
        assert SOURCE_LINK in section.split("<h2", 1)[0].split("<h4", 1)[0]


def test_sources_page_links_back_to_every_record(shipped_site: Path) -> None:
    html = page_html(shipped_site, SOURCES)
    for page, record_id, _ in SEED_FACTS[:-1]:
        assert f'href="../../{page.split("/")[1]}/{DAY}/#{record_id}"' in html


def test_theme_pages_show_the_latest_day_and_link_to_the_archives(shipped_site: Path) -> None:
    for theme in ("attribution", "strikes-on-russia", "strikes-on-ukraine", "sources"):
        html = page_html(shipped_site, theme)
        assert f'href="../archives/{theme}/2024-05/"' in html
        month = page_html(shipped_site, f"archives/{theme}/2024-05")
        assert f'href="../{DAY}/"' in month


def test_a_days_briefing_shows_takeaways_and_claimed_tallies(shipped_site: Path) -> None:
    text = page_text(shipped_site, "briefings/2024-05-31")
    assert "Période couverte : 30 mai 2024 – 31 mai 2024" in text
    assert "29 drones ukrainiens neutralisés au-dessus du kraï de Krasnodar" in text
    assert "Frappes rapportées 3 2" in text
    assert "Tués 0 selon source non précisée par l'article 3 selon Autorités ukrainiennes" in text
    assert (
        "Blessés plusieurs selon Autorités locales (kraï de Krasnodar) 0 selon source non précisée par l'article 23 selon Autorités" in text
    )
    assert "Drones déclarés interceptés 29 selon Ministère russe de la Défense —" in text
    assert "Missiles déclarés interceptés — tous (sur nombreux lancés) selon source non précisée par l'article" in text


def test_strike_pages_have_a_table_of_strikes(shipped_site: Path) -> None:
    for page, rows in ((RUSSIA, 3), (UKRAINE, 2)):
        html = page_html(shipped_site, page)
        table = html.split('id="tableau-des-frappes"', 1)[1].split("</table>", 1)[0]
        assert table.count("<tr>") == rows + 1


def test_vague_figures_stay_vague(shipped_site: Path) -> None:
    text = record_text(shipped_site, RUSSIA, "temriouk-depot-petrolier-2024-05-31")
    assert not re.search(r"Blessés : \d", text)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("missile", f"{UKRAINE}/#kiev-attaque-missiles-interceptee-2024-05-31"),
        ("missile", f"{ATTRIBUTION}/#dia-missiles-balistiques-nord-coreens"),
        ("Kharkiv", f"{UKRAINE}/#kharkiv-novobavarsky-2024-05-31"),
        ("Temriouk", f"{RUSSIA}/#temriouk-depot-petrolier-2024-05-31"),
        ("neutralisés", f"{RUSSIA}/#krasnodar-drones-2024-05-31"),
    ],
)
def test_french_search_finds_the_right_records(shipped_site: Path, query: str, expected: str) -> None:
    assert expected in search(shipped_site, query)[:6]


def test_each_record_is_indexed_once(shipped_site: Path) -> None:
    locations = [doc["location"] for doc in load_index(shipped_site)["docs"]]
    for page, record_id, _ in SEED_FACTS:
        assert [location for location in locations if location.endswith(f"#{record_id}")] == [f"{page}/#{record_id}"]
    assert not any(location.startswith(("strikes-on-", "attribution/", "sources/", "places/", "weapons/")) for location in locations)
    assert not any(location.endswith("#tableau-des-frappes") for location in locations)


def test_search_stems_french_words(shipped_site: Path) -> None:
    index = load_index(shipped_site)
    assert index["config"]["lang"] == ["fr"]
    assert not any(re.search(r"\bmissile\b", doc["text"]) for doc in index["docs"]), "fixture premise: only plural forms"
    assert search(shipped_site, "missile")


def test_site_loads_nothing_from_third_parties(shipped_site: Path) -> None:
    for page in shipped_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        tags = re.findall(r"<(?:script|link|img|iframe)[^>]+>", html)
        # a canonical link says where the page is published (site_url); it loads nothing
        loads = [tag for tag in tags if re.search(r'(?:src|href)="(?:https?:)?//', tag) and 'rel="canonical"' not in tag]
        assert not loads, f"{page}: {loads}"
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_site_language_switches_to_english(tmp_path: Path) -> None:
    site = build_site(tmp_path, config=config_in(tmp_path, "en"))
    home = page_html(site, "")
    assert '<html lang="en"' in home
    assert "The day's events" in home and "Strikes on Russia" in home
    assert "Key takeaways" in page_html(site, "briefings/2024-05-31")
    assert 'placeholder="Search"' in home
    assert json.loads((site / "search" / "search_index.json").read_text())["config"]["lang"] == ["en"]


def test_no_search_snippet_shows_an_empty_source_label(shipped_site: Path) -> None:
    """A record's sources are left out of the search index with their label, never the label alone."""
    docs = json.loads((shipped_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    records = [doc for doc in docs if "#" in doc["location"] and "Tués" in doc["text"]]
    assert records, "premise: strike records are indexed"
    empty = [doc["location"] for doc in docs if re.search(r"Sources?\s*:\s*(?:\(|<|$)", doc["text"])]
    assert empty == []


def test_the_404_page_works_under_a_sub_path(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A host serves 404.html at whatever address was missing, so its links cannot be relative: with ``site_url`` under
    a sub-path, every one of them is under that path and leads to a file of the site. With the shipped placeholder, or
    none, the build says so in a notice, which the strict build does not stop at."""
    caplog.set_level(NOTICE)
    config = config_in(tmp_path)
    config.write_text(
        config.read_text(encoding="utf-8").replace(f"site_url: {PLACEHOLDER_SITE_URL}", "site_url: https://example.org/briefing/")
    )
    site = build_site(tmp_path, config=config)
    links = re.findall(r'(?:href|src)="(/[^"]*)"', (site / "404.html").read_text(encoding="utf-8"))
    assert len(links) > 5 and any(link.endswith(".css") for link in links), "premise: the page has its stylesheets"
    for link in links:
        assert link.startswith("/briefing/"), link
        target = site / link.removeprefix("/briefing/").split("#")[0]
        assert (target / "index.html" if target.is_dir() else target).is_file(), link
    assert "site_url is" not in caplog.text
    (tmp_path / "shipped").mkdir()
    build_site(tmp_path / "shipped", config=config_in(tmp_path / "shipped"))
    notices = [record for record in caplog.records if "site_url is the placeholder" in record.getMessage()]
    assert notices and all(record.levelno == NOTICE for record in notices)
    (tmp_path / "plain").mkdir()
    plain = config_in(tmp_path / "plain")
    plain.write_text(plain.read_text(encoding="utf-8").replace(f"site_url: {PLACEHOLDER_SITE_URL}", ""))
    build_site(tmp_path / "plain", config=plain)
    assert "site_url is not set (404.html links to the host's root)" in caplog.text


def test_a_site_without_air_force_reports_has_no_air_force_tab(tmp_path: Path) -> None:
    """No report imported: no Air Force page, no tab, no link to it, rather than a tab that says there is nothing."""
    site = build_site(tmp_path, FIXTURES / "golden" / "content")
    assert not (site / "air-force").exists()
    linked = [
        page
        for page in site.rglob("*.html")
        if 'href="air-force/' in page.read_text(encoding="utf-8") or "/air-force/" in page.read_text(encoding="utf-8")
    ]
    assert linked == []
    assert 'href="strikes-on-ukraine/"' in page_html(site, ""), "premise: the other tabs are there"
