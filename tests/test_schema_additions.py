"""Each kind of fact the schema additions hold, encoded with its claimant and shown on the event's card
(`tests/fixtures/schema/content`: an English and a French report of one attack, and a claim about it)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, config_in, project_paths
from conftest import record_card as _card
from generator.build import render

SCHEMA = FIXTURES / "schema" / "content"
DAY = "archives/strikes-on-ukraine/2024-09-02.md"
CLAIMS = "archives/attribution/2024-09-02.md"


def _rendered(tmp: Path, content: Path = SCHEMA, config: Path = ROOT / "mkdocs.yml") -> dict[str, str]:
    """Each page's Markdown, by path."""
    _, rendered = render(project_paths(tmp, content, config))
    return {page.path: page.text or "" for page in rendered}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return _rendered(tmp_path_factory.mktemp("schema"))


def _table(card: str, label: str) -> str:
    """The rows of one figure's table on a card of several reports."""
    table = card.split(f"**{label}**\n\n", 1)[1].split("\n\n", 1)[0]
    return table.split("|---|---|---|\n", 1)[1]


def test_a_time_of_day_is_shown_and_a_report_without_one_does_not_contradict_it(pages: dict[str, str]) -> None:
    card = _card(pages[DAY], "kharkiv-attack-2024-09-02")
    assert "**Quand** &#58; </span>2 septembre 2024, 04&#58;35–06&#58;10\n" in card
    assert "Les rapports diffèrent" not in card and "reports_differ" not in card


@pytest.mark.parametrize(
    "label,row",
    [
        ("Blessés graves", '| Gouverneur de la région de Kharkiv | **5** « <span lang="en">five in serious condition</span> » |'),
        ("Disparus", '| Service d\'urgence ukrainien | **plusieurs** « <span lang="en">several people remain missing</span> » |'),
        ("Secourus", '| Service d\'urgence ukrainien | **3** « <span lang="en">three pulled from the rubble</span> » |'),
        ("Évacués", "| Service d'urgence ukrainien | **40–50** |"),
    ],
)
def test_seriously_injured_missing_rescued_and_evacuated_are_claimed_figures(pages: dict[str, str], label: str, row: str) -> None:
    assert _table(_card(pages[DAY], "kharkiv-attack-2024-09-02"), label).startswith(row)


def test_the_person_speaking_and_the_area_a_figure_covers(pages: dict[str, str]) -> None:
    card = _card(pages[DAY], "kharkiv-attack-2024-09-02")
    launched = _table(card, "Lancés (drones)")
    assert launched.startswith(
        '| Armée de l\'air ukrainienne | **35** — <span lang="en">Yurii Ihnat, spokesman</span> '
        '(zone &#58; <span lang="en">over five regions</span>) |'
    )
    assert 'selon Gouverneur de la région de Kharkiv (<span lang="en">Oleh Syniehubov, governor</span>)</span>' in card


def test_several_launch_places_and_debris_without_damage(pages: dict[str, str]) -> None:
    card = _card(pages[DAY], "kharkiv-attack-2024-09-02")
    assert (
        "**Tirés depuis** &#58; </span>Oblast de Belgorod, Russie ; Oblast de Koursk, Russie "
        '<span class="claimant">selon Armée de l\'air ukrainienne</span>'
    ) in card
    assert '<span lang="en">Kindergarten</span> — débris tombés → pas de dégâts <span class="claimant">selon Service d' in card


def test_a_withdrawn_weapon_claim_is_marked(pages: dict[str, str]) -> None:
    card = _card(pages[DAY], "kharkiv-attack-2024-09-02")
    assert 'bombes guidées <span class="claimant">selon Autorités ukrainiennes</span> (retiré)' in card


def test_another_figure_keeps_what_it_counts_and_its_revision_across_reports(pages: dict[str, str]) -> None:
    card = _card(pages[DAY], "kharkiv-attack-2024-09-02")
    assert _table(card, '<span lang="en">homes without power</span>').startswith(
        "| Gouverneur de la région de Kharkiv | 1 200 → **900** (dernier chiffre) |"
    )


def test_a_claim_links_to_the_strike_it_concerns_and_shows_a_translated_quote_and_a_withdrawal(pages: dict[str, str]) -> None:
    card = _card(pages[CLAIMS], "moscou-revendique-kharkiv-2024-09-02")
    assert (
        '**Frappes concernées** &#58; </span>[<span lang="en">Missile and drone attack on Kharkiv</span>]'
        "(../strikes-on-ukraine/2024-09-02.md#kharkiv-attack-2024-09-02)"
    ) in card
    assert '> « <span lang="en">A command post of the Ukrainian armed forces was hit\\.</span> » (en anglais)\n' in card
    assert "> Traduction &#58; « Un poste de commandement des forces armées ukrainiennes a été touché\\. »\n" in card
    assert "> — Ministère russe de la Défense (Igor Konachenkov, porte\\-parole), communiqué" in card
    assert '<span class="status status--withdrawn">retiré par</span> Ministère russe de la Défense' in card


def test_the_english_edition_shows_the_same_facts_in_english(tmp_path: Path) -> None:
    text = _rendered(tmp_path, config=config_in(tmp_path, "en"))
    card = _card(text[DAY], "kharkiv-attack-2024-09-02")
    assert "**When**&#58; </span>September 2, 2024, 04&#58;35–06&#58;10" in card
    assert "**Seriously injured**" in card and "**Evacuated**" in card and "debris fell → no damage" in card
    claim = _card(text[CLAIMS], "moscou-revendique-kharkiv-2024-09-02")
    assert "Translation" not in claim, "no English translation given: none shown"


def test_a_single_report_shows_each_addition_inline_with_its_claimant(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(SCHEMA, content)
    (content / "articles" / "2024-09-02-europe-1.yaml").unlink()
    card = _card(_rendered(tmp_path, content)[DAY], "kharkiv-attack-2024-09-02")
    for line in (
        '**Lancés (drones)** &#58; </span>**35** <span class="claimant">selon Armée de l\'air ukrainienne '
        '(<span lang="en">Yurii Ihnat, spokesman</span>)</span> (zone &#58; <span lang="en">over five regions</span>)',
        '**Évacués** &#58; </span>**40–50** <span class="claimant">selon Service d\'urgence ukrainien</span>',
        '**<span lang="en">homes without power</span>** &#58; </span>**1 200** <span class="claimant">selon Gouverneur de la région',
    ):
        assert line in card


def test_evidence_and_quotes_given_by_several_reports_are_listed_once_where_first_given() -> None:
    from generator.articles.views import _distinct
    from generator.model import Evidence

    first, second, third = (Evidence(description=text) for text in ("Débris", "Images", "Témoins"))
    again = Evidence(description="Débris")
    assert _distinct([first, second, again, third]) == [first, second, third]
