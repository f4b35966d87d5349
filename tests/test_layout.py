"""The layout and the formatting it relies on: where records live, what indexes count."""

from __future__ import annotations

from conftest import FIXTURES, ROOT, read_corpus
from generator.articles.layout import plan_layout, weapon_key
from generator.formatting import Formatter
from generator.labels import Labels, load_labels
from generator.model import Quantity, Weapon, WeaponCategory


def test_a_weapon_named_twice_in_one_record_counts_once() -> None:
    corpus = read_corpus(FIXTURES / "golden" / "content")
    strike = corpus.articles[0].strikes[0]
    doubled = strike.model_copy(update={"weapons": [*strike.weapons, strike.weapons[0].model_copy(update={"claimed_by": ["ru-mod"]})]})
    article = corpus.articles[0].model_copy(update={"strikes": [doubled, *corpus.articles[0].strikes[1:]]})
    corpus = type(corpus)(parties=corpus.parties, articles=[article, *corpus.articles[1:]])
    layout = plan_layout(corpus, Formatter(load_labels(ROOT / "templates" / "labels", "fr"), "fr", corpus.parties))
    entries = layout.weapons[weapon_key(strike.weapons[0])]
    assert sum(entry.count for entry in entries) == 1
    assert (WeaponCategory.drone, "shahed-136-131") == weapon_key(strike.weapons[0])


def test_every_spelling_of_a_catalogued_model_is_one_weapon() -> None:
    keys = {weapon_key(Weapon(category=WeaponCategory.missile, model=model, claimed_by=["x"])) for model in ("S-300", "С-300", "C-300")}
    assert keys == {(WeaponCategory.missile, "s-300")}
    kinzhal = {
        weapon_key(Weapon(category=WeaponCategory.ballistic_missile, model=model, claimed_by=["x"]))
        for model in ("Kinzhal", "Kinjal", "Kh-47M2", "Кинжал")
    }
    assert kinzhal == {(WeaponCategory.ballistic_missile, "kh-47m2-kinzhal")}
    shahed = {
        weapon_key(Weapon(category=WeaponCategory.drone, model=model, claimed_by=["x"])) for model in ("Shahed-136", "Geran-2", "Герань-2")
    }
    assert shahed == {(WeaponCategory.drone, "shahed-136-131")}
    kh101 = {
        weapon_key(Weapon(category=WeaponCategory.cruise_missile, model=model, claimed_by=["x"])) for model in ("Kh-101", "X-101", "Х-101")
    }
    assert kh101 == {(WeaponCategory.cruise_missile, "kh-101-kh-555")}


def test_an_uncatalogued_model_keeps_its_category_and_name() -> None:
    assert weapon_key(Weapon(category=WeaponCategory.drone, model="Prototype-9", claimed_by=["x"])) == (WeaponCategory.drone, "Prototype-9")


def test_ranges_use_the_same_digit_grouping_as_exact_figures() -> None:
    french = Formatter(Labels(), "fr", {})
    english = Formatter(Labels(), "en", {})
    assert french.quantity(Quantity(low=1000, high=1200)) == "1\u202f000–1\u202f200"
    assert english.quantity(Quantity(low=1000, high=1200)) == "1,000–1,200"
    assert english.quantity(Quantity(exact=12500)) == "12,500"
