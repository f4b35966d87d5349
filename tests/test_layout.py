"""The layout and the formatting it relies on: where records live, what indexes count."""

from __future__ import annotations

from conftest import FIXTURES
from generator.catalogue import Formatter, Labels
from generator.layout import plan_layout, weapon_key
from generator.model import Quantity, WeaponCategory
from generator.validate import load_content


def test_a_weapon_named_twice_in_one_record_counts_once() -> None:
    corpus = load_content(FIXTURES / "golden" / "content")
    strike = corpus.articles[0].strikes[0]
    doubled = strike.model_copy(update={"weapons": [*strike.weapons, strike.weapons[0].model_copy(update={"claimed_by": ["ru-mod"]})]})
    article = corpus.articles[0].model_copy(update={"strikes": [doubled, *corpus.articles[0].strikes[1:]]})
    corpus = type(corpus)(parties=corpus.parties, articles=[article, *corpus.articles[1:]])
    layout = plan_layout(corpus, {})
    entries = layout.weapons[weapon_key(strike.weapons[0])]
    assert sum(entry.count for entry in entries) == 1
    assert (WeaponCategory.drone, "Shahed-136") == weapon_key(strike.weapons[0])


def test_ranges_use_the_same_digit_grouping_as_exact_figures() -> None:
    french = Formatter(Labels(), "fr", {})
    english = Formatter(Labels(), "en", {})
    assert french.quantity(Quantity(low=1000, high=1200)) == "1\u202f000–1\u202f200"
    assert english.quantity(Quantity(low=1000, high=1200)) == "1,000–1,200"
    assert english.quantity(Quantity(exact=12500)) == "12,500"
