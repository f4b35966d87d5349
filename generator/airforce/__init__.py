"""The Ukrainian Air Force's reports of attack waves (dataset *Massive Missile Attacks on Ukraine*): import, and the site's pages.

Import: ``read_rows`` (CSV) -> ``parse_row`` (typed :class:`AttackWave`, or a
reason to skip) -> ``Batch`` (merge rows of one wave) -> month files under
``content/airforce/``, which the build loads and validates like any other content file.

On the site, :class:`AirForceContributor` contributes the nightly figures,
tallies, model pages and charts (:mod:`generator.airforce.pages`).
"""

from __future__ import annotations

from generator.airforce.contributor import AirForceContributor
from generator.airforce.importer import ImportReport, import_airforce
from generator.airforce.model import AIR_FORCE, AttackWave, WavesFile
from generator.airforce.parse import UnreadableCsvError, read_rows
from generator.airforce.store import WAVES_DIR, load_waves

__all__ = [
    "AIR_FORCE",
    "WAVES_DIR",
    "AirForceContributor",
    "AttackWave",
    "ImportReport",
    "UnreadableCsvError",
    "WavesFile",
    "import_airforce",
    "load_waves",
    "read_rows",
]
