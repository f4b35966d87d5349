"""The Ukrainian Air Force's imported reports as a contributor of the site (:class:`~generator.contributor.Contributor`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.airforce import pages
from generator.airforce.formatting import AirForceFormatter
from generator.airforce.model import ID_PREFIX, AttackWave, Source, WaveIdentity, WavePart, WavesFile
from generator.airforce.sources import shipped_sources
from generator.airforce.store import validate_waves, wave_files
from generator.airforce.tables import offer_waves
from generator.airforce.tally import WaveIndex
from generator.contributor import Registry
from generator.errors import Problem
from generator.formatting import Formatter
from generator.load import RawDocument
from generator.model import Party
from generator.pages import PlanBuilder
from generator.urls import anchor
from generator.weapons import WeaponModel


class AirForceContributor:
    """The attack waves imported from the Air Force dataset (`content/airforce/YYYY-MM.yaml`)."""

    name = "airforce"
    reserved_prefix: tuple[str, str] | None = (anchor(ID_PREFIX, ""), "the imported Air Force data")
    documented: tuple[type[BaseModel], ...] = (WavesFile, AttackWave, WeaponModel, Source, WavePart, WaveIdentity)

    def __init__(self) -> None:
        self.waves: list[AttackWave] = []
        self._index: WaveIndex | None = None
        self._slugs: dict[str, str] = {}

    def content_files(self, content_dir: Path) -> list[Path]:
        """The month files under ``content/airforce/``."""
        return wave_files(content_dir)

    def parties(self) -> list[Party]:
        """The owners of the accounts the dataset cites (`sources.yaml`): the claimants of its figures."""
        return shipped_sources().parties()

    def validate(self, documents: list[RawDocument], registry: Registry) -> list[Problem]:
        """The month files (every wave's claimant is its account's owner in the source registry, always a party)."""
        self.waves, problems = validate_waves(documents)
        return problems

    def hints(self) -> list[Problem]:
        """None: the importer has already said what it made of each row."""
        return []

    def release(self) -> None:
        """Nothing: the waves keep no parsed file."""

    def counts(self) -> dict[str, int]:
        """The imported waves."""
        return {"Air Force wave(s)": len(self.waves)}

    def last_day(self) -> dt.date | None:
        """The latest morning a wave is reported on."""
        return max((wave.report_date for wave in self.waves), default=None)

    def declare(self, plan: PlanBuilder) -> None:
        """Report days in the calendar, and where each night lives."""
        self._index = pages.declare(plan, self.waves)

    def contribute(self, plan: PlanBuilder) -> None:
        """Nights, weapon links and month links on the shared pages; the tallies, model pages and charts; the waves
        each page shows, as files."""
        assert self._index is not None, "declare() comes first"
        self._slugs = pages.contribute(plan, self._index)
        offer_waves(plan, self._index, self._slugs)

    def connect(self, plan: PlanBuilder) -> None:
        """Each reported model on the articles' page of the same weapon, and on the weapons index."""
        assert self._index is not None, "declare() comes first"
        pages.connect(plan, self._index, self._slugs)

    def filters(self, formatter: Formatter) -> dict[str, Callable[..., Any]]:
        """``af_count``, ``af_rate`` and ``af_category``: cells of the Air Force's tables."""
        return AirForceFormatter(formatter).filters()
