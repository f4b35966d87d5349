"""Sums of the Air Force's claimed figures: per night, per month, per model, per weapon category.

Nothing here invents a number. A wave that does not give a count is left out of
that count's sum and counted as *missing*, so a reader can see how many posts a
total rests on; the interception rate only pairs waves that give both counts.

National reports (the Air Force command, the General Staff, the
Commander-in-Chief, military intelligence), regional ones (regional air
commands and administrations) and the rest (unofficial channels, unidentified
sources) are never added together: the dataset does not say whether a regional
post repeats a national count. Each tally belongs to one :class:`ScopeGroup`,
which names the owners and accounts it adds up (``sources.py`` says whose each
account is).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TypeVar

from generator.airforce.model import AttackWave, inconsistent
from generator.airforce.sources import Owner, Scope, shipped_sources
from generator.model import WeaponCategory
from generator.weapons import site_category

K = TypeVar("K", bound=Hashable)


def wave_category(wave: AttackWave) -> WeaponCategory:
    """The site's weapon category of a wave."""
    return site_category(wave.type, wave.category)


def owner_of(wave: AttackWave) -> Owner:
    """Who claims a wave's figures: the owner of its post's account, per the shipped source registry."""
    return shipped_sources().owner(wave.source)


@dataclass(frozen=True)
class Account:
    """One account that posts figures: its platform and name (``None`` when the source does not say)."""

    platform: str
    name: str | None


@dataclass(frozen=True)
class ScopeGroup:
    """Which posts a tally adds up: those of every owner of one scope (national, regional, other)."""

    scope: Scope
    claimants: tuple[str, ...]
    """The owners' party ids, in the registry's order."""
    accounts: dict[str, tuple[Account, ...]]
    """Owner id -> its accounts seen, sorted."""


def scopes(waves: Iterable[AttackWave]) -> list[ScopeGroup]:
    """The scopes these waves fall in (national, regional, other), each with the owners and accounts seen."""
    registry = shipped_sources()
    seen: dict[Scope, dict[str, set[Account]]] = defaultdict(lambda: defaultdict(set))
    for wave in waves:
        owner = registry.owner(wave.source)
        seen[owner.scope][owner.id].add(Account(wave.source.platform, wave.source.account))
    order = [owner.id for owner in registry.owners]
    groups = []
    for scope in Scope:
        if scope in seen:
            owners = sorted(seen[scope], key=order.index)
            accounts = {owner: tuple(sorted(seen[scope][owner], key=lambda a: (a.platform, (a.name or "").casefold()))) for owner in owners}
            groups.append(ScopeGroup(scope, tuple(owners), accounts))
    return groups


@dataclass
class Tally:
    """Launched, destroyed (shot down), lost (did not reach their target: jammed, lost) and still in the air, summed
    over waves, with
    the waves that do not give each figure, and the waves whose figures contradict each other."""

    waves: int = 0
    launched: int = 0
    launched_missing: int = 0
    destroyed: int = 0
    destroyed_missing: int = 0
    lost: int = 0
    lost_missing: int = 0
    still: int = 0
    """Still in the air when the post was written (``still_attacking``): neither shot down nor lost yet."""
    still_missing: int = 0
    inconsistent: int = 0
    """Waves whose post gives more shot down (or shot down and lost) than launched: counted as published, out of the rates."""
    paired_launched: int = 0
    """Launched, over the consistent waves that give launched and destroyed: the rates' denominator."""
    paired_destroyed: int = 0
    """Destroyed, over the same waves: the shot-down rate's numerator."""
    paired_lost: int = 0
    """Lost, over the same waves (none when a post does not say): added to destroyed for the neutralised rate."""

    def add(self, wave: AttackWave) -> None:
        """Count one wave in."""
        self.waves += 1
        if wave.launched is None:
            self.launched_missing += 1
        else:
            self.launched += wave.launched
        if wave.destroyed is None:
            self.destroyed_missing += 1
        else:
            self.destroyed += wave.destroyed
        if wave.not_reach_goal is None:
            self.lost_missing += 1
        else:
            self.lost += wave.not_reach_goal
        if wave.still_attacking is None:
            self.still_missing += 1
        else:
            self.still += wave.still_attacking
        if inconsistent(wave.launched, wave.destroyed, wave.not_reach_goal) is not None:
            self.inconsistent += 1
        elif wave.launched is not None and wave.destroyed is not None:
            self.paired_launched += wave.launched
            self.paired_destroyed += wave.destroyed
            self.paired_lost += wave.not_reach_goal or 0

    @property
    def has_launched(self) -> bool:
        """Whether any wave gives the launched count."""
        return self.launched_missing < self.waves

    @property
    def has_destroyed(self) -> bool:
        """Whether any wave gives the destroyed count."""
        return self.destroyed_missing < self.waves

    @property
    def rate(self) -> Fraction | None:
        """Shot down over launched, for the consistent waves that give both; None when none does (or none were launched)."""
        return Fraction(self.paired_destroyed, self.paired_launched) if self.paired_launched else None

    @property
    def neutralised_rate(self) -> Fraction | None:
        """Shot down and lost over launched, for the same waves: what did not reach its target."""
        return Fraction(self.paired_destroyed + self.paired_lost, self.paired_launched) if self.paired_launched else None


def tally(waves: Iterable[AttackWave]) -> Tally:
    """One tally of all these waves."""
    total = Tally()
    for wave in waves:
        total.add(wave)
    return total


def tally_by(waves: Iterable[AttackWave], key: Callable[[AttackWave], K]) -> dict[K, Tally]:
    """One tally per key, in order of first appearance."""
    tallies: dict[K, Tally] = {}
    for wave in waves:
        tallies.setdefault(key(wave), Tally()).add(wave)
    return tallies


def month_of(wave: AttackWave) -> str:
    """``YYYY-MM`` of the morning the wave is reported."""
    return wave.report_date.strftime("%Y-%m")


@dataclass
class WaveIndex:
    """The waves grouped the ways the pages need them."""

    by_day: dict[dt.date, list[AttackWave]] = field(default_factory=dict)
    """By report date (the morning after a night), the day page they share with the articles' strikes."""
    by_month: dict[str, list[AttackWave]] = field(default_factory=dict)
    """By month of the report date, latest first."""
    by_model: dict[str, list[AttackWave]] = field(default_factory=dict)
    """By normalised model name."""
    by_model_in_joint: dict[str, list[AttackWave]] = field(default_factory=dict)
    """By each model a joint wave names ("Kalibr and X-101" under both): waves a model's own rows do not count."""


def index_waves(waves: Iterable[AttackWave]) -> WaveIndex:
    """Group waves by report day, month and model (each group sorted by start, then id)."""
    ordered = sorted(waves, key=lambda wave: (wave.start, wave.id))
    by_day: dict[dt.date, list[AttackWave]] = defaultdict(list)
    by_month: dict[str, list[AttackWave]] = defaultdict(list)
    by_model: dict[str, list[AttackWave]] = defaultdict(list)
    by_model_in_joint: dict[str, list[AttackWave]] = defaultdict(list)
    for wave in ordered:
        by_day[wave.report_date].append(wave)
        by_month[month_of(wave)].append(wave)
        by_model[wave.model].append(wave)
        if len(wave.models) > 1:
            for model in dict.fromkeys(model.name for model in wave.models):
                by_model_in_joint[model].append(wave)
    return WaveIndex(
        by_day=dict(sorted(by_day.items())),
        by_month=dict(sorted(by_month.items(), reverse=True)),
        by_model=dict(sorted(by_model.items(), key=lambda item: item[0].casefold())),
        by_model_in_joint=dict(by_model_in_joint),
    )
