"""Weapons as the whole site knows them: the catalogue of models, and which models an article's weapon concerns.

Every data source shares these: the Air Force importer normalises its model
names through the catalogue, and pages link an article's weapon to the models
it concerns.
"""

from __future__ import annotations

from generator.weapons.catalogue import (
    SHIPPED_CATALOGUE,
    Catalogue,
    CatalogueError,
    Category,
    Normalised,
    WeaponModel,
    name_parts,
    shipped_catalogue,
    site_category,
)
from generator.weapons.matching import WeaponMatch, catalogue_models, match_weapon

__all__ = [
    "SHIPPED_CATALOGUE",
    "Catalogue",
    "CatalogueError",
    "Category",
    "Normalised",
    "WeaponMatch",
    "WeaponModel",
    "catalogue_models",
    "match_weapon",
    "name_parts",
    "shipped_catalogue",
    "site_category",
]
