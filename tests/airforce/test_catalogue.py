"""Model names as the Air Force writes them, normalised through the catalogue."""

from __future__ import annotations

import pytest

from generator.airforce import DEFAULT_CATALOGUE, Catalogue, Category


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return Catalogue.read(DEFAULT_CATALOGUE)


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
