"""Validation: one fixture per error kind, each asserting the exact located message."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, read_content, read_corpus
from generator.errors import ContentError
from generator.model import PUBLISHED_EXPECTED

QUANTITY = "a whole number, a range {min: N, max: M} or one of: none, some, several, many, dozens, all, unknown"
STRIKE_FIELDS = (
    "casualties, counts, direction, figures, headline, id, launched_from, launched_from_claimed_by, notes, reported_by, same_as, "
    "targets, weapons, when, where"
)

EXPECTED = {
    "air-force-prefix-id": [
        "8: strikes[0].id: ids starting with 'af-' are reserved for the imported Air Force data, got 'af-night-2024-05-31'"
    ],
    "same-as-cycle": [
        "9: strikes[0].same_as: same_as forms a cycle through 'cycle-second'; one report must come first",
        "16: strikes[1].same_as: same_as forms a cycle through 'cycle-first'; one report must come first",
    ],
    "same-as-too-far-apart": [
        "15: strikes[1].same_as: 'odessa-juin' is dated 2024-06-01 – 2024-06-02, 246 days from this strike (2025-02-03); "
        "two reports of one strike are at most 2 days apart"
    ],
    "same-as-another-city": [
        "15: strikes[1].same_as: 'odessa-nuit' is in Odesa, Odesa Oblast, UA, another settlement than this strike "
        "(Kharkiv, Kharkiv Oblast, UA)"
    ],
    "same-as-claim-other-accused": [
        "15: attributions[1].same_as: 'accusation-russie' accuses 'ru-mod', this claim accuses 'ua-authorities'; "
        "one allegation has one accused"
    ],
    "same-as-other-direction": ["15: strikes[1].same_as: 'direction-ukraine' is a strike on_ukraine, this one is on_russia"],
    "alias": ["6: invalid YAML: anchors and aliases (*name) are not allowed in content files"],
    "bad-date": [f"4: article.published: expected {PUBLISHED_EXPECTED}, got '2024-02-30'"],
    "duplicate-key": ["4: article.title: duplicate key 'title' (first given on line 3)"],
    "duplicate-record-id": ["14: strikes[1].id: duplicate id 'same-id' (already used at content/articles/duplicate-record-id.yaml:8)"],
    "explicit-tag": ["3: invalid YAML: explicit YAML tags are not allowed, got 'tag:yaml.org,2002:python/object:os.system'"],
    "invalid-yaml": ["4: invalid YAML: expected ',' or ']', but got ':'"],
    "javascript-url": ["6: article.url: expected an http:// or https:// address, got 'javascript:alert(1)'"],
    "killed-is-text": [f"16: strikes[0].casualties.killed[0].value: expected {QUANTITY}, got 'trois'"],
    "missing-title": ["1: article.title: required field is missing"],
    "more-intercepted-than-launched": [
        "18: strikes[0].counts.intercepted[0].value: more intercepted (12) than launched (10) by the same claimant 'ru-mod'"
    ],
    "night-without-end": ["11: strikes[0].when: a night needs an end date the day after its start"],
    "path-traversal-id": [
        "2: article.id: expected an id of lowercase letters, digits and inner hyphens (at most 80 characters), got '../../etc/passwd'"
    ],
    "time-is-not-a-date": [f"4: article.published: expected {PUBLISHED_EXPECTED}, got '12:30'"],
    "publication-time-without-offset": [
        "4: article.published: a publication time needs its UTC offset, e.g. 2024-08-11T14:30+03:00 (or give the date alone), "
        "got '2024-06-02T08:00'"
    ],
    "unknown-field-typo": [
        f"14: strikes[0].casualites: unknown field 'casualites' (did you mean 'casualties'?); expected one of: {STRIKE_FIELDS}"
    ],
    "unknown-party": [
        "13: strikes[0].reported_by[0]: unknown party 'ua-autorities' (did you mean 'ua-authorities'?); "
        "parties are declared in content/parties.yaml"
    ],
    "uppercase-id": [
        "2: article.id: expected an id of lowercase letters, digits and inner hyphens (at most 80 characters), got 'Kharkiv-Strike'"
    ],
    "reserved-id": ["2: article.id: expected an id that is not a reserved name (a page, folder or device name), got 'index'"],
    "data-url": [
        "6: article.url: expected an http:// or https:// address, got 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='"
    ],
    "entity-encoded-javascript-url": ["6: article.url: expected an http:// or https:// address, got '&#106;avascript:alert(1)'"],
    "unpaired-surrogate": ["3: article.title: text contains an unpaired surrogate escape (\\ud800-\\udfff), which is not a character"],
    "explicit-str-tag-on-number": ["3: invalid YAML: explicit YAML tags are not allowed, got 'tag:yaml.org,2002:str'"],
    "takeaway-of-another-article": [
        "9: article.takeaways[0].records[1]: 'frappe-d-un-autre-article' is not a record of this article (its records: 'kharkiv-takeaway')"
    ],
    "takeaway-without-records": ["9: article.takeaways[0].records: expected at least 1 item(s), got none"],
    "unknown-same-as": ["14: strikes[0].same_as: expected the id of another strike, got 'frappe-qui-n-existe-pas'"],
    "time-of-day-not-hh-mm": ['11: strikes[0].when.time: expected a time of day "HH:MM", 24-hour, in quotes (e.g. "04:35"), got \'4h35\''],
    "time-end-without-time": ["11: strikes[0].when: time_end is given without time"],
    "no-damage-and-destroyed": ["15: strikes[0].targets[0]: outcome no_damage contradicts destroyed: one target, one report"],
    "more-seriously-injured-than-injured": [
        "16: strikes[0].casualties.seriously_injured[0].value: more seriously injured (6) than injured (4) "
        "by the same claimant 'ua-authorities'"
    ],
    "attribution-concerns-unknown-strike": [
        "13: attributions[0].strikes[0]: no strike has the id 'kharkiv-frappe-du-2-septembre'",
        "13: attributions[0].strikes[1]: no strike has the id 'kharkiv-frape' (did you mean 'kharkiv-frappe'?)",
        "13: attributions[0].strikes[2]: 'accusation-kharkiv' is not a strike "
        "(it is the id at content/articles/attribution-concerns-unknown-strike.yaml:8)",
    ],
    "launch-place-without-country": ["16: strikes[0].launched_from[1].country: required field is missing"],
    "wrong-type-missing-and-unknown": [
        "8: strikes[0].headline: required field is missing",
        f"15: strikes[0].casualties.injured[0].value: expected {QUANTITY}, got 'vingt-trois'",
        f"17: strikes[0].launch_site: unknown field 'launch_site'; expected one of: {STRIKE_FIELDS}",
    ],
}


def content_with(tmp_path: Path, *fixtures: Path) -> Path:
    """A content folder holding the minimal valid parties and the given article files."""
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    shutil.copy(FIXTURES / "minimal" / "parties.yaml", content / "parties.yaml")
    for fixture in fixtures:
        shutil.copy(fixture, content / "articles" / fixture.name)
    return content


def problems_of(content: Path) -> list[str]:
    with pytest.raises(ContentError) as raised:
        read_content(content)
    return [str(problem) for problem in raised.value.problems]


def test_every_invalid_fixture_has_an_expected_message() -> None:
    assert sorted(path.stem for path in (FIXTURES / "invalid").glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_invalid_fixture_gives_exact_located_message(tmp_path: Path, name: str) -> None:
    content = content_with(tmp_path, FIXTURES / "invalid" / f"{name}.yaml")
    assert problems_of(content) == [f"content/articles/{name}.yaml:{line}" for line in EXPECTED[name]]


def test_all_problems_in_all_files_are_reported_in_one_run(tmp_path: Path) -> None:
    fixtures = sorted((FIXTURES / "invalid").glob("*.yaml"))
    content = content_with(tmp_path, *fixtures)
    expected = sum(len(messages) for messages in EXPECTED.values())
    problems = problems_of(content)
    assert len(problems) == expected
    assert {problem.split(":")[0] for problem in problems} == {f"content/articles/{path.name}" for path in fixtures}


def test_minimal_content_is_valid() -> None:
    corpus = read_corpus(FIXTURES / "minimal")
    assert [article.article.id for article in corpus.articles] == ["minimal"]


def test_shipped_content_is_valid() -> None:
    corpus = read_corpus(FIXTURES.parent.parent / "content")
    assert len(corpus.articles) >= 1


@pytest.mark.parametrize(
    ("title", "summary", "expected"),
    [("NO", "yes", ("NO", "yes")), ("1.50", "007", ("1.50", "007"))],
    ids=["yaml-1.1-booleans-stay-text", "numbers-keep-their-digits"],
)
def test_text_fields_keep_the_scalar_as_written(tmp_path: Path, title: str, summary: str, expected: tuple[str, str]) -> None:
    content = content_with(tmp_path)
    (content / "articles" / "scalars.yaml").write_text(
        f"article:\n  id: scalars\n  title: {title}\n  published: 2024-05-31\n  language: fr\n  summary: {summary}\n", encoding="utf-8"
    )
    article = read_corpus(content).articles[0].article
    assert (article.title, article.summary) == expected


def test_missing_party_registry_is_reported(tmp_path: Path) -> None:
    content = content_with(tmp_path, FIXTURES / "minimal" / "articles" / "minimal.yaml")
    (content / "parties.yaml").unlink()
    assert problems_of(content) == ["content/parties.yaml:1: file is missing: the party registry is required"]
