"""What each count counts: the figure kind and, for munitions, the category, French and English."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.draft.figures import find_figures


def figures(sentence: str, language: str) -> list[tuple[str, object, str | None, str]]:
    return [
        (found.kind, found.reading.as_schema(), found.category.value if found.category else None, found.wording)
        for found in find_figures(sentence, language)
    ]


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        (
            "le ministère russe de la Défense a annoncé avoir neutralisé 29 drones ukrainiens dans la nuit de jeudi à vendredi",
            "fr",
            [("intercepted", 29, "drone", "29 drones")],
        ),
        ("causant plusieurs blessés parmi les employés", "fr", [("injured", "several", None, "plusieurs blessés")]),
        ("3 morts et 23 blessés à Kharkiv", "fr", [("killed", 3, None, "3 morts"), ("injured", 23, None, "23 blessés")]),
        ("deux personnes ont été blessées", "fr", [("injured", 2, None, "deux personnes ont été blessées")]),
        ("au moins cinq civils ont été tués", "fr", [("killed", 5, None, "au moins cinq civils ont été tués")]),
        (
            "Russia launched 23 drones and two cruise missiles overnight; air defenses shot down 20 drones.",
            "en",
            [
                ("launched", 23, "drone", "23 drones"),
                ("launched", 2, "cruise_missile", "two cruise missiles"),
                ("intercepted", 20, "drone", "20 drones"),
            ],
        ),
        (
            "Two people were injured and one was killed.",
            "en",
            [("injured", 2, None, "Two people were injured"), ("killed", 1, None, "one was killed")],
        ),
    ],
)
def test_counts_and_what_they_count(sentence: str, language: str, expected: list[tuple[str, object, str | None, str]]) -> None:
    assert figures(sentence, language) == expected


def test_a_count_that_says_nothing_of_what_it_counts_is_left_out() -> None:
    assert figures("le 11 août, 12 bâtiments", "fr") == []
    assert figures("Air defenses destroyed 12 over the region", "en") == []  # destroyed twelve what?


@given(st.text(max_size=300), st.sampled_from(["fr", "en"]))
def test_any_text_gives_figures_in_its_own_words(text: str, language: str) -> None:
    for found in find_figures(text, language):
        assert found.wording in text and found.wording.startswith(found.reading.wording)
