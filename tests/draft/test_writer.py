"""The draft as a file: valid YAML whatever the article's text holds, each text value exactly the text."""

from __future__ import annotations

import datetime as dt
import re

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.draft.drafter import Drafter
from generator.draft.writer import comment, quoted, write_draft
from generator.gazetteer.store import shipped_gazetteer
from generator.weapons.catalogue import shipped_catalogue

DRAFTER = Drafter([], shipped_gazetteer(), shipped_catalogue())


@given(st.text())
def test_a_quoted_value_is_exactly_its_text(text: str) -> None:
    expected = re.sub("[\ud800-\udfff]", "\ufffd", text)
    assert yaml.safe_load(f"value: {quoted(text)}") == {"value": expected}


@given(st.text())
def test_a_comment_is_one_printable_line(text: str) -> None:
    assert "\n" not in comment(text) and "\r" not in comment(text)
    assert yaml.safe_load(f"value: 1  # {comment(text)}") == {"value": 1}


ARTICLE_WORDS = st.sampled_from(
    [
        "À Kharkiv,",
        "dans la nuit de jeudi à vendredi",
        "selon les autorités",
        "29 drones",
        "plusieurs blessés",
        "« » “ ”",
        "\u2028",
        '"',
        "\\",
        ":",
        "#",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=40), ARTICLE_WORDS), max_size=30), st.sampled_from(["fr", "en"]))
def test_any_text_drafts_without_crashing_into_valid_yaml(words: list[str], language: str) -> None:
    text = " ".join(words)
    body, checks = write_draft(DRAFTER.draft(text, dt.date(2024, 5, 31), language))
    parsed = yaml.safe_load(body)
    assert set(parsed) == {"article", "attributions", "strikes"} and checks >= 0
