"""What the article pages show, computed on the model: grouping, tallies, cross-references.

Templates receive these views and only loop and format; no sorting, summing or
lookup happens in a template.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from generator.articles.layout import covered_days
from generator.model import (
    Article,
    Attribution,
    Corpus,
    Direction,
    Figure,
    Quantity,
    Strike,
    Vague,
    WeaponCategory,
)
from generator.themes import Theme
from generator.timeline import KYIV, Timeline


@dataclass
class Total:
    """The sum of one claimant's figures for one quantity, as precise as its parts."""

    low: int = 0
    high: int = 0
    vague: list[Vague] = field(default_factory=list)

    def add(self, quantity: Quantity) -> None:
        """Add one figure; vague words are kept beside the numeric part, never turned into numbers."""
        if quantity.vague is not None:
            if quantity.vague not in self.vague:
                self.vague.append(quantity.vague)
            return
        self.low += quantity.lower or 0
        self.high += quantity.upper or 0

    @property
    def has_number(self) -> bool:
        """Whether any numeric figure went into the total."""
        return self.high > 0 or not self.vague


@dataclass(frozen=True)
class ClaimedTotal:
    """One line of a tally cell: a total and who claims it."""

    total: Total
    claimed_by: str


@dataclass(frozen=True)
class TallyRow:
    """One metric of the home page's table, one cell per direction."""

    label_key: str
    category: WeaponCategory | None
    cells: dict[Direction, list[ClaimedTotal]]


@dataclass(frozen=True)
class StrikeView:
    """A strike with what its section needs beside the record itself."""

    strike: Strike
    article: Article
    contested: dict[str, list[Figure]]


@dataclass(frozen=True)
class RegionGroup:
    """Strikes of one date group in one region."""

    region: str
    strikes: list[StrikeView]


@dataclass(frozen=True)
class DateGroup:
    """Strikes sharing the same dating (a day, a night, an approximate day)."""

    start: dt.date
    strike: Strike
    regions: list[RegionGroup]


@dataclass(frozen=True)
class Briefing:
    """Everything the pages are rendered from."""

    corpus: Corpus
    first_day: dt.date | None
    """First day the records speak of (None on a page with no article)."""
    last_day: dt.date | None
    takeaways: list[tuple[str, Article]]
    attributions: list[tuple[Attribution, Article]]
    strikes: dict[Direction, list[DateGroup]]
    strike_rows: dict[Direction, list[StrikeView]]
    tally: list[TallyRow]
    event_counts: dict[Direction, int]
    records_of: dict[str, list[tuple[Theme, str, str]]]
    """Article id -> (theme, id, headline) of each record it supports."""

    def fingerprint_inputs(self) -> Corpus:
        """Everything here is computed by code from the page's corpus (see :mod:`generator.cache`)."""
        return self.corpus


def _contested(figures_by_quantity: dict[str, list[Figure]]) -> dict[str, list[Figure]]:
    """Quantities for which different claimants give different values."""
    contested = {}
    for name, figures in figures_by_quantity.items():
        claimants = {claimant for figure in figures for claimant in figure.claimed_by}
        values = {figure.value for figure in figures}
        if len(claimants) > 1 and len(values) > 1:
            contested[name] = figures
    return contested


def _figures(strike: Strike) -> dict[str, list[Figure]]:
    return {
        "killed": strike.casualties.killed,
        "injured": strike.casualties.injured,
        "launched": strike.counts.launched,
        "intercepted": strike.counts.intercepted,
    }


def _event_roots(strikes: list[tuple[Strike, Article]]) -> dict[str, str]:
    """Map each strike id to the id of the first report of its event (following ``same_as``)."""
    parent = {strike.id: strike.same_as or strike.id for strike, _ in strikes}
    roots = {}
    for strike_id in parent:
        current, hops = strike_id, 0
        while parent.get(current, current) != current and hops < len(parent):
            current, hops = parent[current], hops + 1
        roots[strike_id] = current
    return roots


def _tally(strikes: list[tuple[Strike, Article]], roots: dict[str, str], timeline: Timeline) -> list[TallyRow]:
    """Per direction and claimant: each event counted once, with the claimant's latest figure for it."""
    latest: dict[tuple[str, str, str, WeaponCategory | None, str], tuple[tuple[dt.date, str], Quantity]] = {}
    direction_of: dict[str, Direction] = {}
    for strike, article in strikes:
        root = roots[strike.id]
        direction_of[root] = strike.direction
        for quantity_name, figures in _figures(strike).items():
            for figure, claimant in [(found, claimant) for found in figures for claimant in found.claimed_by]:
                category = figure.category if quantity_name in {"launched", "intercepted"} else None
                key = (root, quantity_name, claimant, category, "")
                stamp = (timeline.moment(article.published).start, article.id)
                if key not in latest or latest[key][0] <= stamp:
                    latest[key] = (stamp, figure.value)
    sums: dict[tuple[str, WeaponCategory | None], dict[Direction, dict[str, Total]]] = defaultdict(lambda: defaultdict(dict))
    for (root, quantity_name, claimed_by, category, _), (_, quantity) in sorted(latest.items(), key=lambda item: str(item[0])):
        cell = sums[(quantity_name, category)][direction_of[root]]
        cell.setdefault(claimed_by, Total()).add(quantity)
    rows = []
    intercepted = sorted(
        (key for key in sums if key[0] == "intercepted"), key=lambda key: list(WeaponCategory).index(key[1] or WeaponCategory.unknown)
    )
    keys: list[tuple[str, WeaponCategory | None]] = [("killed", None), ("injured", None), *intercepted]
    for quantity_name, category in keys:
        cells = {
            direction: [ClaimedTotal(total, claimed_by) for claimed_by, total in sorted(sums[(quantity_name, category)][direction].items())]
            for direction in Direction
        }
        rows.append(TallyRow(quantity_name, category, cells))
    return rows


def _group(views: list[StrikeView], region_of: dict[str, str]) -> list[DateGroup]:
    """Latest first; within a date, regions alphabetically; within a region, by headline."""
    by_date: dict[tuple[dt.date, dt.date | None, str], list[StrikeView]] = defaultdict(list)
    for view in views:
        when = view.strike.when
        by_date[(when.start, when.end, when.precision.value)].append(view)
    groups = []
    for key in sorted(by_date, key=lambda key: (key[0], key[1] or key[0], key[2]), reverse=True):
        by_region: dict[str, list[StrikeView]] = defaultdict(list)
        for view in by_date[key]:
            by_region[region_of[view.strike.id]].append(view)
        regions = [RegionGroup(region, sorted(items, key=lambda view: view.strike.headline)) for region, items in sorted(by_region.items())]
        groups.append(DateGroup(key[0], by_date[key][0].strike, regions))
    return groups


def make_briefing(corpus: Corpus, country_name: dict[str, str], timeline: Timeline = KYIV) -> Briefing:
    """Compute every view a page needs from the records it shows (none, on a day only another source speaks of)."""
    strikes = [(strike, article_file.article) for article_file in corpus.articles for strike in article_file.strikes]
    attributions = [(claim, article_file.article) for article_file in corpus.articles for claim in article_file.attributions]
    views = [StrikeView(strike, article, _contested(_figures(strike))) for strike, article in strikes]
    region_of = {strike.id: strike.where.region_or_country(country_name) for strike, _ in strikes}
    roots = _event_roots(strikes)
    days = [timeline.day(article_file.article.published) for article_file in corpus.articles]
    days += [day for strike, _ in strikes for day in covered_days(strike)]
    records_of: dict[str, list[tuple[Theme, str, str]]] = defaultdict(list)
    for claim, article in attributions:
        records_of[article.id].append((Theme.attribution, claim.id, claim.headline))
    for strike, article in strikes:
        records_of[article.id].append((Theme.of(strike.direction), strike.id, strike.headline))
    return Briefing(
        corpus=corpus,
        first_day=min(days, default=None),
        last_day=max(days, default=None),
        takeaways=[(takeaway, a.article) for a in reversed(corpus.articles) for takeaway in a.article.takeaways],
        attributions=sorted(attributions, key=lambda pair: (timeline.moment(pair[1].published).start, pair[0].id), reverse=True),
        strikes={direction: _group([v for v in views if v.strike.direction is direction], region_of) for direction in Direction},
        strike_rows={
            direction: sorted(
                (v for v in views if v.strike.direction is direction), key=lambda v: (v.strike.when.start, v.strike.id), reverse=True
            )
            for direction in Direction
        },
        tally=_tally(strikes, roots, timeline),
        event_counts={direction: len({roots[s.id] for s, _ in strikes if s.direction is direction}) for direction in Direction},
        records_of=dict(records_of),
    )
