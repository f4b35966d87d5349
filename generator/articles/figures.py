"""The figures of an event, claimant by claimant: each party's successive figures, the one that stands, and who disagrees.

A figure (launched, intercepted, killed, injured, ..., or another the article
gives, named by what it counts) is claimed by one party or
several. For each quantity of an event, each claimant's figures, from every
report, form its history in publication order. The figure that stands is the
latest one not marked superseded or withdrawn; when the latest cannot be told
(two reports of the same day without a time), all the candidates stand and
the order is said to be unknown: nothing else, no file name, decides. Parties
whose standing figures differ are *contested*, and shown side by side.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.articles.events import Event, Report
from generator.model import Figure, FigureStatus, OtherFigure, Quantity, Strike, Vague, WeaponCategory

OTHER = "other"
"""The quantity of the figures an article gives that no other field holds; each is told apart by what it counts."""

QUANTITIES = ("launched", "intercepted", "killed", "injured", "seriously_injured", "missing", "rescued", "evacuated", OTHER)
"""The figures of a strike, in the order a card shows them (the article's other figures last)."""

QuantityKey = tuple[str, WeaponCategory | None, str | None]
"""A quantity; for launched and intercepted the kind of weapon counted; for another figure what it counts."""


def figures_of(strike: Strike) -> dict[str, list[Figure]]:
    """A report's figures, by quantity."""
    casualties = strike.casualties
    return {
        "launched": strike.counts.launched,
        "intercepted": strike.counts.intercepted,
        "killed": casualties.killed,
        "injured": casualties.injured,
        "seriously_injured": casualties.seriously_injured,
        "missing": casualties.missing,
        "rescued": casualties.rescued,
        "evacuated": casualties.evacuated,
        OTHER: list(strike.figures),
    }


def _key(quantity: str, figure: Figure) -> QuantityKey:
    category = figure.category if quantity in ("launched", "intercepted") else None
    return quantity, category, figure.what if isinstance(figure, OtherFigure) else None


@dataclass(frozen=True)
class Claim:
    """One figure as one report gives it."""

    figure: Figure
    report: Report[Strike]


@dataclass(frozen=True)
class History:
    """One or more claimants' figures for one quantity, in publication order, and the ones that stand."""

    claimants: list[str]
    claims: list[Claim]
    standing: list[Claim]
    """The latest figure not superseded or withdrawn; several when the latest cannot be told."""

    @property
    def ordered(self) -> bool:
        """False when the standing figures are several different values whose order is unknown."""
        return len({claim.figure.value for claim in self.standing}) <= 1

    @property
    def withdrawn(self) -> bool:
        """Whether the claimant took back its figure, with none standing since."""
        return not self.standing and any(claim.figure.status is FigureStatus.withdrawn for claim in self.claims)

    @property
    def revised(self) -> bool:
        """Whether the history has more than one value: a revision to show as ``13 → 15``."""
        return len({claim.figure.value for claim in self.claims}) > 1

    @property
    def steps(self) -> list[tuple[bool, Claim]]:
        """Each claim, and whether it surely came after the one before (``13 → 15``), or only beside it (``13 · 15``)."""
        return [
            (index > 0 and self.claims[index - 1].report.moment.before(claim.report.moment), claim)
            for index, claim in enumerate(self.claims)
        ]

    @property
    def values(self) -> frozenset[Quantity]:
        """The standing values."""
        return frozenset(claim.figure.value for claim in self.standing)


@dataclass(frozen=True)
class FigureView:
    """One quantity of an event: every claimant's history, and whether they disagree."""

    quantity: str
    category: WeaponCategory | None
    what: str | None
    """What another figure counts, in the words of the reports."""
    histories: list[History]

    @property
    def contested(self) -> bool:
        """Whether parties' standing figures differ."""
        return len({history.values for history in self.histories if history.standing}) > 1

    @property
    def claimed(self) -> list[Figure]:
        """Every figure given for this quantity, once each, in the order the reports give them."""
        found: dict[int, Figure] = {}
        for history in self.histories:
            for claim in history.claims:
                found.setdefault(id(claim.figure), claim.figure)
        return list(found.values())


def _standing(claims: list[Claim]) -> list[Claim]:
    """The current claims that no other current claim surely came after."""
    current = [claim for claim in claims if claim.figure.status is FigureStatus.current]
    return [claim for claim in current if not any(claim.report.moment.before(other.report.moment) for other in current)]


def figure_views(event: Event[Strike]) -> list[FigureView]:
    """The event's quantities that some report gives, each with its claimants' histories."""
    by_quantity: dict[QuantityKey, dict[str, list[Claim]]] = {}
    for report in event.reports:
        for quantity, figures in figures_of(report.record).items():
            for figure in figures:
                for claimant in figure.claimed_by:
                    by_quantity.setdefault(_key(quantity, figure), {}).setdefault(claimant, []).append(Claim(figure, report))
    views = []
    for quantity, category, what in sorted(
        by_quantity, key=lambda key: (QUANTITIES.index(key[0]), list(WeaponCategory).index(key[1]) if key[1] else -1)
    ):
        grouped: dict[tuple[int, ...], list[str]] = {}
        claims_of = by_quantity[(quantity, category, what)]
        for claimant, claims in claims_of.items():
            grouped.setdefault(tuple(id(claim.figure) for claim in claims), []).append(claimant)
        histories = []
        for claimants in grouped.values():
            claims = claims_of[claimants[0]]
            histories.append(History(claimants, claims, _standing(claims)))
        views.append(FigureView(quantity, category, what, histories))
    return views


@dataclass
class Total:
    """A sum over events of one claimant's standing figures, as precise as its parts: never a vague word made a number."""

    low: int = 0
    high: int = 0
    numeric_events: int = 0
    """Events whose figure is a number or a range."""
    vague: Counter[Vague] = field(default_factory=Counter)
    """Events whose figure is a vague word, by word."""

    def add(self, values: Iterable[Quantity]) -> None:
        """Add one event's standing figure: one value, or the candidates when their order is unknown (their range)."""
        found = list(values)
        numbers = [value for value in found if value.vague is None]
        if numbers:
            self.low += min(value.lower or 0 for value in numbers)
            self.high += max(value.upper or 0 for value in numbers)
            self.numeric_events += 1
        elif found and found[0].vague is not None:
            self.vague[found[0].vague] += 1

    @property
    def key(self) -> tuple[int, int, int, tuple[tuple[str, int], ...]]:
        """Two totals with the same key read the same: their claimants share one line."""
        return self.low, self.high, self.numeric_events, tuple(sorted((word.value, count) for word, count in self.vague.items()))
