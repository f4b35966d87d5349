"""The sanitise stage's shortcut for plain text: a search text without markup characters is already what nh3 would
make of it, so it is not parsed. Checked against nh3 itself, over every code point."""

from __future__ import annotations

import nh3
import pytest

from generator.sanitize import MARKUP_CHARACTERS, SEARCH_TAGS, URL_SCHEMES, clean_plain_text, clean_search_text

EVERY_CHARACTER = [chr(point) for point in range(0x110000) if not 0xD800 <= point <= 0xDFFF]


def test_nh3_changes_exactly_the_markup_characters_in_a_text() -> None:
    changed = {char for char in EVERY_CHARACTER if nh3.clean(f"a{char}b", tags=set(), attributes={}) != f"a{char}b"}
    assert changed == {char for char in EVERY_CHARACTER if MARKUP_CHARACTERS.search(char)}


def test_a_text_of_every_other_character_in_a_row_comes_out_of_nh3_unchanged() -> None:
    text = "".join(char for char in EVERY_CHARACTER if not MARKUP_CHARACTERS.search(char))
    assert nh3.clean(text, tags=set(), attributes={}) == text
    assert clean_search_text(text) == clean_plain_text(text) == text


@pytest.mark.parametrize(
    "text",
    ["<img src=x onerror=alert(1)>", "a &amp; b", "x\r\ny", "tab\x00nul", "Kyiv\xa0(UA)", "<script>alert(1)</script>", "1 < 2 > 0"],
)
def test_a_text_with_markup_characters_is_cleaned_by_nh3(text: str) -> None:
    expected = nh3.clean(text, tags=set(SEARCH_TAGS), attributes={}, url_schemes=set(URL_SCHEMES), link_rel=None)
    assert clean_search_text(text) == expected
    assert clean_plain_text(text) == nh3.clean(text, tags=set(), attributes={})
