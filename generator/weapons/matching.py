"""Which catalogue models an article's weapon concerns.

An article names a weapon loosely: a category, maybe a model (`S-300`), maybe
the country that made it (a ballistic missile made in North Korea). A data
source such as the Air Force's reports names catalogue models. A weapon with a
model is the catalogue entry of that model; a weapon with only an origin is
every catalogue model of its category made there (`ballistic_missile` + `KP`
-> `Iskander-M/KN-23`, `KN-23`). Models *related* to those are the ones a
source reports under a name the catalogue pairs with them (`Iskander-M`, which
the catalogue pairs with `KN-23`): shown apart, never counted as the weapon
itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.model import Weapon, WeaponCategory
from generator.weapons.catalogue import Catalogue, WeaponModel, name_parts

_MISSILES = frozenset({WeaponCategory.missile, WeaponCategory.cruise_missile, WeaponCategory.ballistic_missile})


@dataclass(frozen=True)
class WeaponMatch:
    """The catalogue model names an article's weapon concerns."""

    models: list[str]
    """Models the weapon names, or may be (its category, made in its country of origin)."""
    related: list[str]
    """Reported models whose name the catalogue pairs with one of ``models``; not the weapon itself."""


def _category_fits(wanted: WeaponCategory, entry: WeaponModel) -> bool:
    found = entry.site_category
    if wanted is WeaponCategory.missile:
        return found in _MISSILES
    return found is wanted


def catalogue_models(weapon: Weapon, catalogue: Catalogue) -> list[str]:
    """The catalogue models an article's weapon names or may be.

    A weapon with neither a model nor an origin (just "missiles") concerns no
    model in particular: the list is empty.
    """
    if weapon.model:
        normalised = catalogue.normalise(weapon.model)
        return [normalised.name] if normalised else []
    if weapon.origin:
        return [entry.name for entry in catalogue.entries if weapon.origin in entry.origin and _category_fits(weapon.category, entry)]
    return []


def match_weapon(weapon: Weapon, catalogue: Catalogue, reported: Iterable[str]) -> WeaponMatch:
    """The catalogue models an article's weapon concerns, and the ``reported`` model names related to them."""
    models = catalogue_models(weapon, catalogue)
    wanted = set().union(*(name_parts(name) for name in models))
    related = sorted({name for name in reported if name not in models and name_parts(name) & wanted}, key=str.casefold)
    return WeaponMatch(models, related)
