"""Places as the whole site knows them: the gazetteer of regions, raions and settlements, and where a place is.

Every source shares it: articles name places by any of their names and
:func:`locate` resolves them to entries with ids that never change; place
pages, the map and the search index read the entries' names and coordinates.
"""

from __future__ import annotations

from generator.gazetteer.additions import add_places
from generator.gazetteer.locate import ADDITIONS_FILE, Atlas, Located, PlaceProblem, locate
from generator.gazetteer.store import (
    LANGUAGES,
    SHIPPED_GAZETTEER,
    Entry,
    Gazetteer,
    GazetteerError,
    Level,
    name_key,
    read_gazetteer,
    shipped_gazetteer,
)

__all__ = [
    "ADDITIONS_FILE",
    "LANGUAGES",
    "SHIPPED_GAZETTEER",
    "Atlas",
    "Entry",
    "Gazetteer",
    "GazetteerError",
    "Level",
    "Located",
    "PlaceProblem",
    "add_places",
    "locate",
    "name_key",
    "read_gazetteer",
    "shipped_gazetteer",
]
