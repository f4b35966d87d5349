"""Import the Ukrainian Air Force's reports of attack waves (dataset *Massive Missile Attacks on Ukraine*).

The pipeline: ``read_rows`` (CSV) -> ``parse_row`` (typed :class:`AttackWave`,
or a reason to skip) -> ``Batch`` (merge rows of one wave) -> month files under
``content/airforce/``, read back by :func:`load_waves` like any other content.
"""

from __future__ import annotations

from generator.airforce.catalogue import DEFAULT_CATALOGUE, Catalogue, CatalogueError
from generator.airforce.importer import ImportReport, import_airforce
from generator.airforce.model import AIR_FORCE, AttackWave, Category, WavesFile
from generator.airforce.parse import UnreadableCsvError, read_rows
from generator.airforce.store import WAVES_DIR, load_waves

__all__ = [
    "AIR_FORCE",
    "DEFAULT_CATALOGUE",
    "WAVES_DIR",
    "AttackWave",
    "Catalogue",
    "CatalogueError",
    "Category",
    "ImportReport",
    "UnreadableCsvError",
    "WavesFile",
    "import_airforce",
    "load_waves",
    "read_rows",
]
