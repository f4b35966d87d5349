"""Events: reports of one strike become one card; figures ordered by publication time, never by a file name."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, project_paths, read_content
from conftest import record_card as _card
from generator.build import render

EVENTS = FIXTURES / "events" / "content"
DAY = "archives/strikes-on-ukraine/2024-08-11.md"


def _pages(content: Path, tmp_path: Path) -> dict[str, str]:
    _, pages = render(project_paths(tmp_path, content))
    return {page.path: page.text or "" for page in pages}


def _copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(EVENTS, tmp_path / "content"))


def _tally(home: str) -> str:
    return home.split("## En un coup d'œil", 1)[1].split("## Points clés", 1)[0]


def test_four_reports_of_one_night_are_one_card_with_every_report_anchored_on_it(tmp_path: Path) -> None:
    day = _pages(EVENTS, tmp_path)[DAY]
    assert len(re.findall(r'\{ #odesa-port-2024-08-11 lang="en" \}', day)) == 1, "one heading, in its report's language"
    card = _card(day, "odesa-port-2024-08-11")
    for report in ("odesa-port-revised-2024-08-11", "odessa-port-le-monde-2024-08-11", "odessa-europe-1-2024-08-11"):
        assert f'<span id="{report}"></span>' in card
        assert f"#{report}" not in day.replace(f'id="{report}"', ""), "nothing links to a report: links lead to its event"
    assert "**Rapports** &#58; </span>4" in card
    assert '13 « <span lang="en">13 people injured</span> » → **15** « <span lang="en">15 injured</span> » (dernier chiffre)' in card


def test_a_revision_is_ordered_by_publication_time_whatever_the_file_names(tmp_path: Path) -> None:
    renamed = _copy(tmp_path)
    for old in ("2024-08-11-kyiv-independent", "2024-08-11-ukrainska-pravda"):
        path = renamed / "articles" / f"{old}.yaml"
        new = "zzz-" + old if "kyiv" in old else "aaa-" + old
        path.write_text(path.read_text(encoding="utf-8").replace(f"id: {old}", f"id: {new}"), encoding="utf-8")
        path.rename(path.with_name(f"{new}.yaml"))
    before, after = _pages(EVENTS, tmp_path / "before"), _pages(renamed, tmp_path / "after")
    assert _tally(before["index.md"]) == _tally(after["index.md"])
    assert '**15** <span class="claimant">selon Gouverneur de la région d\'Odessa</span>' in _tally(after["index.md"])


def test_a_superseded_figure_no_longer_stands_and_without_the_mark_the_order_is_unknown(tmp_path: Path) -> None:
    content = _copy(tmp_path)
    europe_1 = content / "articles" / "2024-08-11-europe-1.yaml"
    europe_1.write_text(europe_1.read_text(encoding="utf-8").replace(", status: superseded", ""), encoding="utf-8")
    card = _card(_pages(content, tmp_path)[DAY], "odesa-port-2024-08-11")
    assert (
        '**13** « treize blessés » · 13 « <span lang="en">13 people injured</span> » → '
        '**15** « <span lang="en">15 injured</span> » (ordre inconnu, même jour sans heure)' in card
    )
    assert "(remplacé)" not in card


def test_two_reports_of_the_same_day_without_a_time_are_not_ordered_and_the_tally_keeps_both(tmp_path: Path) -> None:
    pages = _pages(EVENTS, tmp_path)
    assert '**3** « trois morts » · **5** « <span lang="en">five dead</span> » (ordre inconnu, même jour sans heure)' in _card(
        pages[DAY], "kharkiv-2024-08-11"
    )
    assert '**3–5** <span class="claimant">selon Gouverneur de la région de Kharkiv</span>' in _tally(pages["index.md"])


def test_the_same_value_from_two_parties_is_one_figure_with_two_claimants(tmp_path: Path) -> None:
    tally = _tally(_pages(EVENTS, tmp_path)["index.md"])
    assert '**3 sur 2 frappes** <span class="claimant">selon Service d\'urgence ukrainien</span>' in tally
    assert re.search(r"\*\*2\*\* <span class=\"claimant\">selon Gouverneur de la région d'Odessa</span>", tally)


def test_totals_over_strikes_keep_vague_words_apart_and_show_launched_beside_intercepted(tmp_path: Path) -> None:
    tally = _tally(_pages(EVENTS, tmp_path)["index.md"])
    assert "**au moins 14, et 1 frappe\\(s\\) rapportée\\(s\\) avec « plusieurs »**" in tally
    assert "**18** (sur 20 lancés)" in tally
    assert "+" not in tally


def test_sources_link_each_report_to_its_event(tmp_path: Path) -> None:
    sources = _pages(EVENTS, tmp_path)["archives/sources/2024-08-11.md"]
    assert "(../strikes-on-ukraine/2024-08-11.md#odesa-port-2024-08-11)" in sources
    assert sources.count("#odesa-port-2024-08-11)") == 4, "each of the four reports links to the one event"


def test_an_allegation_reported_twice_is_one_card(tmp_path: Path) -> None:
    claims = _pages(EVENTS, tmp_path)["archives/attribution/2024-08-11.md"]
    assert claims.count('<div class="record"') == 1
    assert '<span id="ukraine-drones-iraniens-2024-08-11"></span>' in claims
    assert "La Russie a lancé sur Odessa des drones Shahed de conception iranienne, selon Kiev" in claims


def test_check_hints_at_the_unlinked_report_of_the_same_night() -> None:
    hints = [str(hint) for hint in read_content(EVENTS).hints()]
    assert hints == [
        "content/articles/2024-08-11-aap.yaml:11: strikes[0]: likely the same strike as 'odesa-port-2024-08-11' "
        "(content/articles/2024-08-11-kyiv-independent.yaml): on_ukraine, dated 2024-08-10 – 2024-08-11 and 2024-08-10 – 2024-08-11, "
        "both in Odesa, Odesa Oblast, UA; if so, add to this strike: same_as: odesa-port-2024-08-11"
    ]


@pytest.mark.parametrize("published", ["2024-08-11T14:30+03:00", "2024-08-11T11:30Z"])
def test_a_time_in_another_offset_is_the_same_moment(tmp_path: Path, published: str) -> None:
    content = _copy(tmp_path)
    pravda = content / "articles" / "2024-08-11-ukrainska-pravda.yaml"
    pravda.write_text(pravda.read_text(encoding="utf-8").replace("2024-08-11T14:30+03:00", published), encoding="utf-8")
    assert "Ukrainska Pravda, 11 août 2024 14&#58;30" in _pages(content, tmp_path)[DAY]


def test_takeaways_that_name_records_stand_with_their_event(tmp_path: Path) -> None:
    """Three outlets' takeaways on the Odesa strike (each naming its own report) under that event, once; one on the
    allegation under it; one naming nothing under its article."""
    planned, _ = render(project_paths(tmp_path, FIXTURES / "events" / "content"))
    home = next(page for page in planned.plan.pages if page.kind.name == "home")
    takeaways = home.variables["briefing"].view().takeaways
    groups = {group.event_id: [article.id for _, article in group.items] for group in takeaways.by_event}
    assert groups == {
        "odesa-port-2024-08-11": ["2024-08-11-kyiv-independent", "2024-08-11-le-monde", "2024-08-11-europe-1"],
        "ua-accuses-iranian-drones-2024-08-11": ["2024-08-11-le-monde"],
    }
    assert [text for text, _ in takeaways.others] == ["La défense aérienne reste sous tension dans le sud."]
