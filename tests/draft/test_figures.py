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


def test_verbs_before_a_count_of_people() -> None:
    assert figures("dans la ville de Kharkiv, tuant trois personnes et en blessant 23 autres.", "fr") == [
        ("killed", 3, None, "trois personnes"),
        ("injured", 23, None, "23 autres"),
    ]
    assert figures("killing two people and injuring 12 others", "en") == [
        ("killed", 2, None, "two people"),
        ("injured", 12, None, "12 others"),
    ]
    assert figures("tuant trois personnes et 23 blessés", "fr") == [
        ("killed", 3, None, "trois personnes"),
        ("injured", 23, None, "23 blessés"),
    ]


def test_phrases_that_give_figures_without_a_number() -> None:
    assert figures("une autre frappe a été repoussée sans faire de victimes", "fr") == [
        ("killed", 0, None, "sans faire de victimes"),
        ("injured", 0, None, "sans faire de victimes"),
    ]
    assert figures("Une attaque massive de missiles sur Kiev a également été lancée", "fr") == [
        ("launched", "many", "missile", "Une attaque massive de missiles")
    ]
    assert figures("mais tous les projectiles ont été interceptés", "fr") == [
        ("intercepted", "all", "unknown", "tous les projectiles ont été interceptés")
    ]
    assert figures("a massive drone attack, with no casualties", "en") == [
        ("launched", "many", "drone", "a massive drone attack"),
        ("killed", 0, None, "no casualties"),
        ("injured", 0, None, "no casualties"),
    ]


def test_a_count_that_says_nothing_of_what_it_counts_is_left_out() -> None:
    assert figures("le 11 août, 12 bâtiments", "fr") == []
    assert figures("Air defenses destroyed 12 over the region", "en") == []  # destroyed twelve what?


@given(st.text(max_size=300), st.sampled_from(["fr", "en"]))
def test_any_text_gives_figures_in_its_own_words(text: str, language: str) -> None:
    for found in find_figures(text, language):
        assert found.wording in text and found.wording.startswith(found.reading.wording)


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        (
            "La Russie a lancé 40 drones, dont 35 ont été abattus.",
            "fr",
            [("launched", 40, "drone"), ("intercepted", 35, "drone")],
        ),
        (
            "Russia fired two Kalibr cruise missiles, one of which was intercepted.",
            "en",
            [("launched", 2, "cruise_missile"), ("intercepted", 1, "cruise_missile")],
        ),
        (
            "adding that 30 missiles and 29 drones were shot down",
            "en",
            [("intercepted", 30, "missile"), ("intercepted", 29, "drone")],
        ),
        (
            "L'armée de l'air a indiqué avoir détruit 102 des 120 missiles et 79 des 90 drones lancés par la Russie.",
            "fr",
            [("intercepted", 102, "missile"), ("launched", 120, "missile"), ("intercepted", 79, "drone"), ("launched", 90, "drone")],
        ),
        ("Air defenses shot down 40 of the 52 drones launched overnight", "en", [("intercepted", 40, "drone"), ("launched", 52, "drone")]),
    ],
    ids=["dont", "one-of-which", "two-counts-one-verb", "des", "of-the"],
)
def test_parts_wholes_and_counts_sharing_a_verb(sentence: str, language: str, expected: list[tuple[str, object, str]]) -> None:
    assert [(kind, value, category) for kind, value, category, _ in figures(sentence, language)] == expected


def test_an_age_is_not_a_count_and_a_person_with_an_article_is_one() -> None:
    assert [(kind, value) for kind, value, _, _ in figures("killing a 64-year-old man and wounding three others", "en")] == [
        ("killed", 1),
        ("injured", 3),
    ]
    assert 64 not in [value for _, value, _, _ in figures("tuant un homme de 64 ans et blessant 3 autres", "fr")]
