"""The editor's loop (#15): errors that say what to write, suggestions only where they are right, and one id or a
list wherever a claimant is asked for."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT, read_content
from generator.diagnostics import close_match
from generator.errors import ContentError

SEED = next((ROOT / "content" / "articles").glob("*.yaml"))


def _problems(tmp_path: Path, old: str, new: str) -> list[str]:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    article = content / "articles" / SEED.name
    text = article.read_text(encoding="utf-8")
    assert old in text, f"premise: the seed has {old!r}"
    article.write_text(text.replace(old, new, 1), encoding="utf-8")
    try:
        read_content(content)
    except ContentError as error:
        return [str(problem) for problem in error.problems]
    return []


def test_a_french_colon_in_a_title_gets_the_quoted_line_to_write(tmp_path: Path) -> None:
    title = "Moscou accusée par le Pentagone d'utiliser des missiles balistiques nord-coréens en Ukraine"
    problems = _problems(tmp_path, f'  title: "{title}"\n', f"  title: Ukraine : {title}\n")
    assert len(problems) == 1
    assert "a colon followed by a space starts a field in YAML" in problems[0]
    quoted = 'title: "Ukraine : Moscou accusée par le Pentagone d\'utiliser des missiles balistiques nord-coréens en Ukraine"'
    assert problems[0].endswith(quoted), problems[0]


def test_a_french_colon_in_a_list_item_gets_the_quoted_text_to_write(tmp_path: Path) -> None:
    problems = _problems(tmp_path, "      - \"L'article présente cette", '      - Bilan : L\'article présente "cette"')
    assert len(problems) == 1
    assert "expected text, got the field 'Bilan'" in problems[0]
    assert '"Bilan : L\'article présente \\"cette\\" révélation' in problems[0]


@pytest.mark.parametrize(
    ("given", "known", "expected"),
    [
        ("ru-mdo", ["ru-mod", "ua-authorities"], "ru-mod"),
        ("ru-kursk-govenor", ["ru-kursk-governor"], "ru-kursk-governor"),
        ("casualites", ["casualties", "counts"], "casualties"),
        ("ru-tambov-governor", ["ru-kursk-governor", "ru-mod"], None),  # same pattern, another governor
        ("ua-kharkiv-governor", ["ua-kherson-governor"], None),
    ],
)
def test_did_you_mean_only_for_a_slip_never_for_another_name_of_its_pattern(given: str, known: list[str], expected: str | None) -> None:
    assert close_match(given, known) == expected


def test_an_unknown_governor_is_not_credited_to_another(tmp_path: Path) -> None:
    problems = _problems(tmp_path, "claimant: us-pentagon", "claimant: ru-tambov-governor")
    assert problems and "did you mean" not in problems[0], problems


def test_a_weapons_claimant_as_one_id_is_the_list_of_it(tmp_path: Path) -> None:
    assert _problems(tmp_path, "claimed_by: [us-pentagon, us-dia]", "claimed_by: us-pentagon") == []


def test_reported_by_as_one_id_equals_the_list_of_it(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.strip().startswith("reported_by: [") and "," not in line)
    single = line.replace("[", "").replace("]", "")
    assert _problems(tmp_path, line, single) == []


def test_a_shape_error_does_not_hide_an_unknown_party_of_the_same_file(tmp_path: Path) -> None:
    problems = _problems(tmp_path, "claimed_by: [us-pentagon, us-dia]", "claimed_by: [us-pentagone, true]")
    assert any("claimed_by[1]: expected text, got true" in problem for problem in problems), problems
    assert any("claimed_by[0]: unknown party 'us-pentagone' (did you mean 'us-pentagon'?)" in problem for problem in problems), problems


def test_a_link_into_a_file_with_errors_waits_for_that_file_instead_of_being_called_wrong(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "golden" / "content", content)
    target = content / "articles" / "2024-06-02-odessa.yaml"
    text = target.read_text(encoding="utf-8")
    assert "id: odessa-port-2024-06-01" in text, "premise: the linked strike is in this file"
    target.write_text(
        text.replace("    headline: Frappe sur le port d'Odessa", "    headlin: Frappe sur le port d'Odessa"), encoding="utf-8"
    )
    with pytest.raises(ContentError) as raised:
        read_content(content)
    problems = [str(problem) for problem in raised.value.problems]
    assert any("2024-06-02-odessa.yaml" in problem and "unknown field 'headlin'" in problem for problem in problems), problems
    waiting = [problem for problem in problems if "2024-06-03-odessa-suivi.yaml" in problem]
    assert waiting and all("which has errors of its own" in problem for problem in waiting), waiting
    assert not any("expected the id of another strike" in problem for problem in problems), problems


def test_a_claim_about_a_strike_in_a_file_with_errors_waits_for_that_file(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "schema" / "content", content)
    report = content / "articles" / "2024-09-02-kyiv-independent.yaml"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace('    headline: "Missile and drone', '    headlin: "Missile and drone'), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        read_content(content)
    problems = [str(problem) for problem in raised.value.problems]
    concerned = [problem for problem in problems if "attributions[0].strikes[0]" in problem]
    assert concerned == [
        "content/articles/2024-09-02-europe-1.yaml:18: attributions[0].strikes[0]: 'kharkiv-attack-2024-09-02' is a record of "
        "content/articles/2024-09-02-kyiv-independent.yaml, which has errors of its own: this link is checked once they are fixed"
    ], problems


def test_a_shape_error_does_not_hide_contradicting_figures_or_an_unknown_place_of_the_same_file(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    shutil.copy(ROOT / "tests" / "fixtures" / "minimal" / "parties.yaml", content / "parties.yaml")
    text = (ROOT / "tests" / "fixtures" / "invalid" / "more-intercepted-than-launched.yaml").read_text(encoding="utf-8")
    text = text.replace("    reported_by: [ru-mod]\n", "    reported_by: [ru-mod]\n    launch_site: Koursk\n")
    text = text.replace("region: Oblast de Belgorod", "region: Oblast de Belgorodd")
    (content / "articles" / "a.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        read_content(content)
    problems = [str(problem).split(": ", 1)[1] for problem in raised.value.problems]
    assert problems[0].startswith("strikes[0].where.region: unknown region 'Oblast de Belgorodd' in RU; closest: Belgorod Oblast")
    assert problems[1].startswith("strikes[0].launch_site: unknown field 'launch_site'")
    assert problems[2] == "strikes[0].counts.intercepted[0].value: more intercepted (12) than launched (10) by the same claimant 'ru-mod'"
    assert len(problems) == 3
