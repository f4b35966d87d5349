"""Figures as articles word them: numerals, number words, ranges, qualifiers and vague words, French and English."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.draft.quantities import Reading, find_quantities, number_of
from generator.model import Vague


def values(sentence: str, language: str) -> list[object]:
    return [reading.as_schema() for reading in find_quantities(sentence, language)]


@pytest.mark.parametrize(
    ("words", "language", "expected"),
    [
        ("vingt-trois", "fr", 23),
        ("trois", "fr", 3),
        ("deux cent trente", "fr", 230),
        ("quatre-vingt-dix-sept", "fr", 97),
        ("1 200", "fr", 1200),
        ("1\u202f200", "fr", 1200),
        ("twenty-three", "en", 23),
        ("twenty three", "en", 23),
        ("one hundred twelve", "en", 112),
        ("1,200", "en", 1200),
        ("1,5", "fr", None),
        ("drones", "fr", None),
        ("", "en", None),
    ],
)
def test_number_words_and_numerals(words: str, language: str, expected: int | None) -> None:
    assert number_of(words, language) == expected


def test_the_seed_articles_figures_in_french() -> None:
    assert values("le ministère russe de la Défense a annoncé avoir neutralisé 29 drones ukrainiens", "fr") == [29]
    assert values("causant plusieurs blessés parmi les employés, avant d'être maîtrisé", "fr") == ["several"]


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        ("vingt-trois drones et entre 10 et 15 missiles", "fr", [23, {"min": 10, "max": 15}]),
        ("de 5 à 8 blessés", "fr", [{"min": 5, "max": 8}]),
        ("10-15 drones", "en", [{"min": 10, "max": 15}]),
        ("between 10 and 15 missiles", "en", [{"min": 10, "max": 15}]),
        ("des dizaines de drones et quelques missiles", "fr", ["dozens", "some"]),
        ("de nombreux blessés", "fr", ["many"]),
        ("dozens of drones, several injured and no casualties", "en", ["dozens", "several", "none"]),
        ("an unknown number of people", "en", ["unknown"]),
        ("six morts et une dizaine de blessés", "fr", [6, "some"]),
        ("une vingtaine de drones et un missile", "fr", ["some", 1]),
        ("about a dozen drones", "en", ["some"]),
    ],
)
def test_ranges_and_vague_words(sentence: str, language: str, expected: list[object]) -> None:
    assert values(sentence, language) == expected


def test_a_qualified_number_is_kept_as_written_and_marked() -> None:
    (reading,) = find_quantities("au moins trois morts", "fr")
    assert reading.value == 3 and reading.wording == "au moins trois" and reading.check and "au moins" in reading.check
    (reading,) = find_quantities("at least 5 people were killed", "en")
    assert reading.value == 5 and reading.wording == "at least 5" and reading.check


def test_a_vague_word_is_never_a_number() -> None:
    for sentence, language in [("plusieurs blessés", "fr"), ("several injured", "en"), ("quelques drones", "fr")]:
        (reading,) = find_quantities(sentence, language)
        assert isinstance(reading.value, Vague)


def test_an_article_read_as_one_is_marked() -> None:
    (reading,) = find_quantities("un incendie s'est déclaré", "fr")
    assert reading.value == 1 and reading.check
    (reading,) = find_quantities("one missile hit the port", "en")
    assert reading.value == 1 and reading.check


def test_a_date_year_is_not_glued_to_the_next_number() -> None:
    assert values("en 2024 29 drones", "fr") == [2024, 29]


@given(st.text(max_size=300), st.sampled_from(["fr", "en"]))
def test_any_text_gives_readings_that_are_its_own_words(text: str, language: str) -> None:
    readings = find_quantities(text, language)
    assert readings == sorted(readings, key=lambda reading: reading.start)
    for reading in readings:
        assert isinstance(reading, Reading)
        assert text[reading.start : reading.end] == reading.wording
        if isinstance(reading.value, tuple):
            assert reading.value[0] < reading.value[1]
        elif isinstance(reading.value, int):
            assert reading.value >= 0


def test_a_round_count_is_kept_vague_with_its_wording_and_marked() -> None:
    (reading,) = find_quantities("une dizaine de blessés", "fr")
    assert (reading.value, reading.wording) == (Vague.some, "une dizaine de")
    assert reading.check is not None and "une dizaine" in reading.check
