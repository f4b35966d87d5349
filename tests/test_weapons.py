"""The site's weapon catalogue: model names as sources write them, normalised; an article's weapon matched to models."""

from __future__ import annotations

import pytest

from generator.model import Weapon, WeaponCategory
from generator.urls import slugify
from generator.weapons import Catalogue, Category, match_weapon, shipped_catalogue, site_category


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return Catalogue.read()


@pytest.mark.parametrize(
    ("published", "name", "category", "origin"),
    [
        ("Shahed-136/131", "Shahed-136/131", Category.uav, ["IR"]),
        ("  shahed-136 ", "Shahed-136/131", Category.uav, ["IR"]),
        ("Geran-2", "Shahed-136/131", Category.uav, ["IR"]),
        ("Kh-101", "X-101/X-555", Category.missile, ["RU"]),
        ("Х-59", "X-59", Category.missile, ["RU"]),
        ("S-300", "C-300", Category.missile, ["RU"]),
        ("Iskander-M/KN-23", "Iskander-M/KN-23", Category.missile, ["RU", "KP"]),
        ("KN-23", "KN-23", Category.missile, ["KP"]),
        ("Молния", "Молнія", Category.uav, ["RU"]),
        ("GBU", "GBU", Category.guided_bomb, ["RU"]),
        ("X-101/X-555 and Kalibr and X-22", "X-101/X-555 and Kalibr and X-22", Category.missile, ["RU"]),
        ("Shahed-136/131 and Lancet", "Shahed-136/131 and Lancet", Category.uav, ["IR", "RU"]),
        ("Shahed-136/131 and X-59", "Shahed-136/131 and X-59", Category.mixed, ["IR", "RU"]),
        ("Something new", "Something new", Category.unknown, []),
    ],
)
def test_normalise(catalogue: Catalogue, published: str, name: str, category: Category, origin: list[str]) -> None:
    normalised = catalogue.normalise(published)
    assert normalised is not None
    assert (normalised.name, normalised.category, normalised.origin) == (name, category, origin)


@pytest.mark.parametrize("published", ["", "  ", "NaN", "nan"])
def test_no_model(catalogue: Catalogue, published: str) -> None:
    assert catalogue.normalise(published) is None


@pytest.mark.parametrize(
    ("catalogue_type", "category", "expected"),
    [
        ("ballistic missile", "missile", WeaponCategory.ballistic_missile),
        ("cruise missile", "missile", WeaponCategory.cruise_missile),
        ("surface-to-air missile", "missile", WeaponCategory.missile),
        ("UAV", "uav", WeaponCategory.drone),
        (None, "mixed", WeaponCategory.unknown),
    ],
)
def test_catalogue_classes_map_to_the_sites_categories(catalogue_type: str | None, category: str, expected: WeaponCategory) -> None:
    assert site_category(catalogue_type, Category(category)) is expected


def test_a_north_korean_ballistic_missile_is_the_kn_23_family() -> None:
    weapon = Weapon(category=WeaponCategory.ballistic_missile, origin="KP", claimed_by=["us-dia"])

    match = match_weapon(weapon, shipped_catalogue(), ["Iskander-M", "Shahed-136/131", "Kalibr"])

    assert match.models == ["Iskander-M/KN-23", "KN-23"]
    assert match.related == ["Iskander-M"], "reported under a name the catalogue pairs with KN-23, shown apart"


def test_a_weapon_named_by_model_finds_its_catalogue_name() -> None:
    weapon = Weapon(category=WeaponCategory.missile, model="S-300", claimed_by=["unattributed"])

    assert match_weapon(weapon, shipped_catalogue(), []).models == ["C-300"]


def test_a_weapon_with_neither_model_nor_origin_concerns_no_model() -> None:
    weapon = Weapon(category=WeaponCategory.missile, claimed_by=["unattributed"])

    match = match_weapon(weapon, shipped_catalogue(), ["Kalibr"])

    assert (match.models, match.related) == ([], [])


def test_a_model_known_by_a_cyrillic_name_has_a_slug_of_its_own_name() -> None:
    slugs = [slugify(name) for name in ("Молнія", "Привет-82", "Картограф", "Фенікс", "Х-101", "Зграя", "Ёлка-Э")]
    assert slugs == ["molniia", "pryvet-82", "kartohraf", "feniks", "kh-101", "zghraia", "elka-e"], (
        "never x, x-2, x-3: each depends on its own name only (Ukrainian national system, then Russian-only letters)"
    )


def test_drones_known_by_cyrillic_names_are_catalogued() -> None:
    catalogue = shipped_catalogue()
    found = {name: catalogue.find(name) for name in ("Привет-82", "Картограф", "Фенікс")}
    assert {name: (model.id, model.site_category.value) if model else None for name, model in found.items()} == {
        "Привет-82": ("privet-82", "drone"),
        "Картограф": ("kartograf", "drone"),
        "Фенікс": ("feniks", "drone"),
    }
