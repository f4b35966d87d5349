"""Datings in an article's words, resolved against its publication day, French and English."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.draft.dates import find_datings

FRIDAY = dt.date(2024, 3, 29)
"""A Friday: the seed article's kind of morning-after brief."""


def datings(sentence: str, language: str, published: dt.date = FRIDAY) -> list[dict[str, str]]:
    return [dating.as_schema() for dating in find_datings(sentence, published, language)]


NIGHT_THU_FRI = {"start": "2024-03-28", "end": "2024-03-29", "precision": "night"}


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        ("neutralisé 29 drones ukrainiens dans la nuit de jeudi à vendredi dans la région de Krasnodar", "fr", [NIGHT_THU_FRI]),
        ("dans la nuit de jeudi", "fr", [NIGHT_THU_FRI]),
        ("cette nuit", "fr", [NIGHT_THU_FRI]),
        ("au cours de la nuit, 58 drones ont été neutralisés", "fr", [NIGHT_THU_FRI]),
        ("pendant la nuit", "fr", [NIGHT_THU_FRI]),
        ("hier soir", "fr", [{"start": "2024-03-28"}]),
        ("avant-hier", "fr", [{"start": "2024-03-27"}]),
        ("le 1er mars", "fr", [{"start": "2024-03-01"}]),
        ("dans la nuit du 27 au 28 mars", "fr", [{"start": "2024-03-27", "end": "2024-03-28", "precision": "night"}]),
        ("découverts en janvier dans la région de Kharkiv", "fr", [{"start": "2024-01-01", "precision": "month"}]),
        ("last night", "en", [NIGHT_THU_FRI]),
        ("overnight on March 29", "en", [NIGHT_THU_FRI]),
        ("overnight on Friday", "en", [NIGHT_THU_FRI]),
        ("on the night of March 27-28", "en", [{"start": "2024-03-27", "end": "2024-03-28", "precision": "night"}]),
        ("yesterday morning", "en", [{"start": "2024-03-28"}]),
        ("on Aug. 11, 2023", "en", [{"start": "2023-08-11"}]),
        ("on 11 August 2023", "en", [{"start": "2023-08-11"}]),
        ("in December", "en", [{"start": "2023-12-01", "precision": "month"}]),
    ],
)
def test_expressions_resolve_against_the_publication_day(sentence: str, language: str, expected: list[dict[str, str]]) -> None:
    assert datings(sentence, language) == expected


def test_a_day_without_a_year_is_the_latest_before_publication_and_says_so_across_new_year() -> None:
    (dating,) = find_datings("le 30 décembre", dt.date(2024, 1, 2), "fr")
    assert dating.start == dt.date(2023, 12, 30) and dating.check
    (dating,) = find_datings("le 2 janvier", dt.date(2024, 1, 2), "fr")
    assert dating.start == dt.date(2024, 1, 2) and dating.check is None


def test_guesses_are_marked() -> None:
    (weekday,) = find_datings("mardi", FRIDAY, "fr")
    assert weekday.start == dt.date(2024, 3, 26) and weekday.check
    (overnight,) = find_datings("overnight on Aug. 11", dt.date(2024, 8, 11), "en")
    assert (overnight.start, overnight.end) == (dt.date(2024, 8, 10), dt.date(2024, 8, 11)) and overnight.check


def test_the_wording_is_the_articles_own() -> None:
    sentence = "Selon l'armée, dans la nuit de jeudi à vendredi, puis hier, 12 drones"
    found = find_datings(sentence, FRIDAY, "fr")
    assert [dating.wording for dating in found] == ["dans la nuit de jeudi à vendredi", "hier"]
    assert all(sentence[dating.begin : dating.finish] == dating.wording for dating in found)


@given(st.text(max_size=300), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 1, 1)), st.sampled_from(["fr", "en"]))
def test_any_text_gives_datings_in_its_own_words_never_in_the_future(text: str, published: dt.date, language: str) -> None:
    for dating in find_datings(text, published, language):
        assert text[dating.begin : dating.finish] == dating.wording
        assert dating.end is None or dating.end >= dating.start
        if not re.search(r"\d{4}", dating.wording):  # without a year written, never a day after publication's morrow
            assert dating.start <= published + dt.timedelta(days=1)
