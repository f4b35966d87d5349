"""The layout and the formatting it relies on: where records live, what indexes count."""

from __future__ import annotations

import datetime as dt

from conftest import FIXTURES, read_corpus
from generator.articles.layout import DayMention, month_rows, plan_layout, weapon_key
from generator.formatting import Formatter
from generator.labels import Labels
from generator.model import Quantity, WeaponCategory
from generator.themes import Theme


def test_a_weapon_named_twice_in_one_record_counts_once() -> None:
    corpus = read_corpus(FIXTURES / "golden" / "content")
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


def test_month_rows_go_theme_by_theme_latest_month_first_days_in_calendar_order() -> None:
    entries = [
        DayMention(dt.date(2024, 5, 3), Theme.on_ukraine, 1, []),
        DayMention(dt.date(2024, 6, 2), Theme.on_ukraine, 1, []),
        DayMention(dt.date(2024, 5, 9), Theme.attribution, 1, []),
        DayMention(dt.date(2024, 6, 1), Theme.on_ukraine, 2, []),
    ]
    rows = [(row.theme, row.month, row.count, [day.day for day in row.days]) for row in month_rows(entries)]
    assert rows == [
        (Theme.attribution, "2024-05", 1, [9]),
        (Theme.on_ukraine, "2024-06", 3, [1, 2]),
        (Theme.on_ukraine, "2024-05", 1, [3]),
    ]
