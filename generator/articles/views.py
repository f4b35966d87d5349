"""What the article pages show, computed on the model: event cards, grouping, tallies, cross-references.

Templates receive these views and only loop and format; no sorting, summing or
lookup happens in a template.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Generic, TypeVar

from pydantic import BaseModel

from generator.articles.events import Event, Events, Report, direction_of
from generator.articles.figures import FigureView, Total, figure_views
from generator.articles.layout import covered_days
from generator.gazetteer import Located
from generator.maps.events import MapItem
from generator.model import (
    Article,
    ArticleFile,
    Attribution,
    Direction,
    Evidence,
    FigureStatus,
    Place,
    Quantity,
    Quote,
    StatusEntry,
    Strike,
    Takeaway,
    Target,
    Weapon,
    WeaponCategory,
    When,
)
from generator.places import refines
from generator.themes import Theme
from generator.timeline import KYIV, Timeline

T = TypeVar("T", bound=Hashable)
M = TypeVar("M", bound=BaseModel)
R = TypeVar("R", Strike, Attribution)


@dataclass(frozen=True)
class Variant(Generic[T]):
    """One value the reports give for something (a dating, a place), and the reports that give it."""

    value: T
    reports: list[Report[Strike]]


@dataclass(frozen=True)
class Claimed(Generic[M]):
    """Something reports say (a weapon, a target, a launch place), once, with everyone who says it."""

    value: M
    claimants: list[str]


def _root_first(event: Event[R]) -> list[Report[R]]:
    """The reports, the root first: the event is named after it."""
    root = event.root
    return [root] + [report for report in event.reports if report is not root]


def _variants(event: Event[Strike], value_of: Callable[[Strike], T | None]) -> list[Variant[T]]:
    found: dict[T, list[Report[Strike]]] = {}
    for report in _root_first(event):
        value = value_of(report.record)
        if value is not None:
            found.setdefault(value, []).append(report)
    return [Variant(value, reports) for value, reports in found.items()]


def _day_of(when: When) -> When:
    """A dating without its time of day (and note): what two datings must share for one to refine the other."""
    return when.model_copy(update={"time": None, "time_end": None, "note": None})


def _timed(datings: list[Variant[When]]) -> list[Variant[When]]:
    """Datings the reports give, one without a time of day folded into one that gives the same day and a time (its
    reports kept): a report that adds the hour does not contradict one that gives the day."""
    timed = [variant for variant in datings if variant.value.time is not None]
    folded: dict[int, list[Report[Strike]]] = {}
    kept = []
    for variant in datings:
        host = next((other for other in timed if _day_of(other.value) == _day_of(variant.value)), None)
        if variant.value.time is None and host is not None:
            folded.setdefault(id(host), []).extend(variant.reports)
        else:
            kept.append(variant)
    return [Variant(variant.value, [*variant.reports, *folded.get(id(variant), [])]) for variant in kept]


def _finest(places: list[Variant[Located]]) -> list[Variant[Located]]:
    """Places the reports give, each coarser one folded into a finer one it agrees with (its reports kept)."""
    kept: list[Variant[Located]] = []
    for variant in places:
        finer = next((index for index, other in enumerate(kept) if refines(other.value, variant.value)), None)
        if finer is not None:
            kept[finer] = Variant(kept[finer].value, [*kept[finer].reports, *variant.reports])
            continue
        coarser = [other for other in kept if refines(variant.value, other.value)]
        reports = [report for other in coarser for report in other.reports]
        kept = [other for other in kept if other not in coarser] + [Variant(variant.value, [*reports, *variant.reports])]
    return kept


def _claimed(items: list[tuple[M, list[str]]]) -> list[Claimed[M]]:
    """The same thing said in several reports, once, with every claimant (compared by value: weapons, targets, places)."""
    merged: dict[str, tuple[M, list[str]]] = {}
    for value, claimants in items:
        _, known = merged.setdefault(value.model_dump_json(), (value, []))
        known.extend(claimant for claimant in claimants if claimant not in known)
    return [Claimed(value, claimants) for value, claimants in merged.values()]


C = TypeVar("C", Weapon, Target)


def _merged(items: Iterable[C]) -> list[Claimed[C]]:
    """Weapons or targets several reports name, once each, every claimant on one copy (``claimed_by`` made the union)."""
    merged = _claimed([(item.model_copy(update={"claimed_by": []}), item.claimed_by) for item in items])
    return [Claimed(found.value.model_copy(update={"claimed_by": found.claimants}), found.claimants) for found in merged]


def _distinct(items: Iterable[M]) -> list[M]:
    """Each item once, where it first appears, compared by value (a quote's translations are a mapping: records are
    not all hashable)."""
    found: dict[str, M] = {}
    for item in items:
        found.setdefault(item.model_dump_json(), item)
    return list(found.values())


def _sources(reports: list[Report[R]]) -> list[Report[R]]:
    """One report per article, in the reports' order: what the card's source line links to, with outlet and time."""
    return list({report.article.id: report for report in reports}.values())


@dataclass(frozen=True)
class Standing:
    """Claimants who give the same standing figure: one line of a cell (``2 selon A, B``)."""

    values: list[Quantity]
    claimants: list[str]
    ordered: bool


def standing_lines(view: FigureView) -> list[Standing]:
    """A quantity's standing figures, claimants with the same figure on one line."""
    lines: dict[tuple[tuple[Quantity, ...], bool], list[str]] = {}
    for history in view.histories:
        if history.standing:
            values = tuple(dict.fromkeys(claim.figure.value for claim in history.standing))
            known = lines.setdefault((values, history.ordered), [])
            known.extend(claimant for claimant in history.claimants if claimant not in known)
    return [Standing(list(values), claimants, ordered) for (values, ordered), claimants in lines.items()]


@dataclass(frozen=True)
class StrikeView:
    """A strike event's card: every report's facts brought together, each with who says it."""

    event: Event[Strike]
    when: list[Variant[When]]
    """Distinct datings (more than one: the reports disagree, and the card says so)."""
    where: list[Variant[Located]]
    """Where the reports put it, as the gazetteer resolves them: a coarser place folded into a finer one it agrees with."""
    reported_by: list[str]
    weapons: list[Claimed[Weapon]]
    launched_from: list[Claimed[Place]]
    targets: list[Claimed[Target]]
    figures: list[FigureView]
    victims: list[str]
    notes: list[str]
    sources: list[Report[Strike]]

    @property
    def id(self) -> str:
        """The event's id: its anchor."""
        return self.event.id

    @property
    def strike(self) -> Strike:
        """The root report, whose headline and dating name the event."""
        return self.event.root.record

    @property
    def single(self) -> bool:
        """One report only: the card reads as that report."""
        return len(self.event.reports) == 1

    @property
    def standing_targets(self) -> list[Claimed[Target]]:
        """The targets whose claim still stands (a table's outcome column): not superseded or withdrawn."""
        return [target for target in self.targets if target.value.status is FigureStatus.current]

    @property
    def launch_groups(self) -> list[tuple[list[Place], list[str]]]:
        """The launch places, those with the same claimants on one line."""
        groups: dict[tuple[str, ...], list[Place]] = {}
        for launch in self.launched_from:
            groups.setdefault(tuple(launch.claimants), []).append(launch.value)
        return [(places, list(claimants)) for claimants, places in groups.items()]

    @property
    def weapon_kinds(self) -> list[Weapon]:
        """Each category and model named once, in the order first named (a table cell; the card lists every
        mention with its claimants)."""
        kinds = {(item.value.category, item.value.model): item.value for item in reversed(self.weapons)}
        return list(reversed(kinds.values()))

    def figure(self, quantity: str) -> list[FigureView]:
        """The figures of one quantity (one per weapon category for launched and intercepted)."""
        return [view for view in self.figures if view.quantity == quantity]

    def standing(self, quantity: str) -> list[Standing]:
        """The standing figures of one quantity, for a table cell."""
        return [line for view in self.figure(quantity) for line in standing_lines(view)]


def map_item(event: Event[Strike], place: Located) -> MapItem:
    """One strike event on a map, coloured by its direction."""
    return MapItem(event.id, event.headline, place, direction_of(event).value.replace("_", "-"), event.root.article.language)


def strike_view(event: Event[Strike], locate: Callable[[Place], Located]) -> StrikeView:
    """Consolidate every report of a strike event (``locate``: where the gazetteer puts a place)."""
    records = [report.record for report in event.reports]
    launch = [(place, strike.launched_from_claimed_by) for strike in records for place in strike.launch_places]
    return StrikeView(
        event,
        _timed(_variants(event, lambda strike: strike.when)),
        _finest(_variants(event, lambda strike: locate(strike.where))),
        list(dict.fromkeys(party for strike in records for party in strike.reported_by)),
        _merged(weapon for strike in records for weapon in strike.weapons),
        _claimed(launch),
        _merged(target for strike in records for target in strike.targets),
        figure_views(event),
        list(dict.fromkeys(strike.casualties.who for strike in records if strike.casualties.who)),
        list(dict.fromkeys(note for strike in records for note in strike.notes)),
        _sources(_root_first(event)),
    )


@dataclass(frozen=True)
class ClaimView:
    """An allegation's card: the first report's claim, and what every report adds."""

    event: Event[Attribution]
    weapons: list[Claimed[Weapon]]
    evidence: list[Evidence]
    quotes: list[Quote]
    status: list[StatusEntry]
    context: list[str]
    other_claims: list[tuple[str, Article]]
    """How other reports word the claim, when they word it otherwise."""
    sources: list[Report[Attribution]]
    strikes: list[str]
    """Ids of the strikes the reports say the claim concerns, each once."""

    @property
    def id(self) -> str:
        """The event's id: its anchor."""
        return self.event.id

    @property
    def claim(self) -> Attribution:
        """The root report's claim."""
        return self.event.root.record

    @property
    def single(self) -> bool:
        """One report only."""
        return len(self.event.reports) == 1


def claim_view(event: Event[Attribution]) -> ClaimView:
    """Consolidate every report of one allegation."""
    records = [report.record for report in event.reports]
    root = event.root.record
    return ClaimView(
        event,
        _merged(weapon for claim in records for weapon in claim.weapons),
        _distinct(item for claim in records for item in claim.evidence),
        _distinct(item for claim in records for item in claim.quotes),
        _distinct(item for claim in records for item in claim.status),
        list(dict.fromkeys(item for claim in records for item in claim.context)),
        [(report.record.claim, report.article) for report in event.reports if report.record.claim != root.claim],
        _sources(_root_first(event)),
        list(dict.fromkeys(strike_id for claim in records for strike_id in claim.strikes)),
    )


@dataclass(frozen=True)
class ClaimedTotal:
    """One line of a tally cell: a total, who claims it, and for interceptions how many were launched."""

    total: Total
    claimants: list[str]
    launched: Total | None = None


@dataclass(frozen=True)
class TallyRow:
    """One metric of the home page's table, one cell per direction."""

    label_key: str
    category: WeaponCategory | None
    cells: dict[Direction, list[ClaimedTotal]]


@dataclass(frozen=True)
class RegionGroup:
    """Strike events of one date group in one region."""

    region: str
    strikes: list[StrikeView]


@dataclass(frozen=True)
class DateGroup:
    """Strike events sharing the same dating (a day, a night, an approximate day)."""

    start: dt.date
    strike: Strike
    regions: list[RegionGroup]


@dataclass(frozen=True)
class EventTakeaways:
    """What the articles took away from one event: its link and headline, and each takeaway with its article."""

    event_id: str
    headline: str
    language: str
    """The headline's language."""
    items: list[tuple[str, Article]]


@dataclass(frozen=True)
class Takeaways:
    """A briefing's key takeaways: those naming records grouped by their event, the others under their article."""

    by_event: list[EventTakeaways]
    others: list[tuple[str, Article]]

    def __bool__(self) -> bool:
        return bool(self.by_event or self.others)


@dataclass(frozen=True)
class Briefing:
    """What a page shows of the articles: its articles and events. The views are computed when the page is
    rendered (:meth:`view`), and dropped after: a page the render cache skips costs nothing more."""

    articles: list[ArticleFile]
    events: Events
    """The page's events; their ``event_of`` also maps each record of ``articles`` to the event it links to."""
    locate: Callable[[Place], Located]
    """Where the gazetteer puts a place."""
    area: Callable[[Place], str]
    """The region (else country) a place is in, named in the site's language: how cards are grouped."""
    timeline: Timeline = KYIV
    strike_headlines: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    """Strike id -> the headline of its event and its language, for each strike the page's claims concern."""

    def fingerprint_inputs(self) -> tuple[list[ArticleFile], Events, str, list[tuple[str, tuple[str, str]]]]:
        """Everything the views show is computed by code from these (see :mod:`generator.cache`); area names come from
        the gazetteer and the labels, which every page's fingerprint covers."""
        return self.articles, self.events, str(self.timeline.zone), sorted(self.strike_headlines.items())

    def view(self) -> BriefingView:
        """The views, for one rendering."""
        return BriefingView(self)


class BriefingView:
    """Everything a page shows of the articles, computed from a :class:`Briefing` as the template reads it."""

    def __init__(self, briefing: Briefing) -> None:
        self.briefing = briefing
        self.articles = briefing.articles
        self.events = briefing.events
        self.strike_headlines = briefing.strike_headlines

    @cached_property
    def _strike_views(self) -> list[StrikeView]:
        return [strike_view(event, self.briefing.locate) for event in self.events.strikes]

    @cached_property
    def map_items(self) -> list[MapItem]:
        """The page's strikes for its map, latest first, each where its reports place it most finely."""
        rows = [view for direction in Direction for view in self.strike_rows[direction]]
        return [map_item(view.event, view.where[0].value) for view in rows if view.where]

    @cached_property
    def _days(self) -> list[dt.date]:
        events, timeline = self.events, self.briefing.timeline
        days = [timeline.day(article_file.article.published) for article_file in self.articles]
        days += [report.moment.day for strike_event in events.strikes for report in strike_event.reports]
        days += [report.moment.day for claim_event in events.claims for report in claim_event.reports]
        days += [day for strike_event in events.strikes for report in strike_event.reports for day in covered_days(report.record)]
        return days

    @property
    def first_day(self) -> dt.date | None:
        """First day the page's records speak of (None on a page with none)."""
        return min(self._days, default=None)

    @property
    def last_day(self) -> dt.date | None:
        """Last day the page's records speak of."""
        return max(self._days, default=None)

    @cached_property
    def takeaways(self) -> Takeaways:
        """The articles' key takeaways, latest article first: one naming records goes with the event of the first of
        them (each event once, in the order of its latest takeaway), the others with their article."""
        events: list[Event[Strike] | Event[Attribution]] = [*self.events.strikes, *self.events.claims]
        shown = {event.id: event for event in events}
        groups: dict[str, EventTakeaways] = {}
        others: list[tuple[str, Article]] = []
        for article_file in reversed(self.articles):
            article = article_file.article
            own: list[Strike | Attribution] = [*article_file.attributions, *article_file.strikes]
            records = {record.id: record for record in own}
            for takeaway in article.takeaways:
                if not isinstance(takeaway, Takeaway):
                    others.append((takeaway, article))
                    continue
                record = records[takeaway.records[0]]
                event_id = self.events.event_of.get(record.id, record.id)
                event = shown.get(event_id)
                headline, language = (event.headline, event.root.article.language) if event else (record.headline, article.language)
                group = groups.setdefault(event_id, EventTakeaways(event_id, headline, language, []))
                group.items.append((takeaway.text, article))
        return Takeaways(list(groups.values()), others)

    @cached_property
    def claims(self) -> list[ClaimView]:
        """The allegations' cards, latest first."""
        views = [claim_view(event) for event in self.events.claims]
        return sorted(views, key=lambda view: (view.event.root.moment.start, view.id), reverse=True)

    @cached_property
    def strikes(self) -> dict[Direction, list[DateGroup]]:
        """The strikes' cards, each way, grouped by date and region."""
        region_of = {view.id: self.briefing.area(view.strike.where) for view in self._strike_views}
        views = self._strike_views
        return {direction: _group([v for v in views if direction_of(v.event) is direction], region_of) for direction in Direction}

    @cached_property
    def strike_rows(self) -> dict[Direction, list[StrikeView]]:
        """The strikes' table rows, each way, latest first."""
        return {
            direction: sorted(
                (v for v in self._strike_views if direction_of(v.event) is direction),
                key=lambda v: (v.strike.when.start, v.id),
                reverse=True,
            )
            for direction in Direction
        }

    @cached_property
    def tally(self) -> list[TallyRow]:
        """The home page's table."""
        return _tally(self._strike_views)

    @cached_property
    def event_counts(self) -> dict[Direction, int]:
        """How many strike events, each way."""
        return {direction: sum(direction_of(event) is direction for event in self.events.strikes) for direction in Direction}

    @cached_property
    def records_of(self) -> dict[str, list[tuple[Theme, str, str]]]:
        """Article id -> (theme, event id, the article's own headline) of each record it supports."""
        event_of = self.events.event_of
        records: dict[str, list[tuple[Theme, str, str]]] = defaultdict(list)
        for article_file in self.articles:
            for claim in article_file.attributions:
                records[article_file.article.id].append((Theme.attribution, event_of.get(claim.id, claim.id), claim.headline))
            for strike in article_file.strikes:
                records[article_file.article.id].append((Theme.of(strike.direction), event_of.get(strike.id, strike.id), strike.headline))
        return dict(records)


TALLIED = frozenset({"killed", "injured", "intercepted"})
"""The quantities the home page's table sums (launched figures are summed beside interceptions)."""


def _tally(views: list[StrikeView]) -> list[TallyRow]:
    """Per direction and claimant: each event once, with the claimant's standing figure for it."""
    sums: dict[tuple[str, WeaponCategory | None], dict[Direction, dict[str, Total]]] = defaultdict(lambda: defaultdict(dict))
    launched_sum: dict[tuple[WeaponCategory | None, Direction, str], Total] = defaultdict(Total)
    launched_missing: set[tuple[WeaponCategory | None, Direction, str]] = set()
    for view in views:
        direction = direction_of(view.event)
        launched = {
            (figure.category, claimant): history
            for figure in view.figure("launched")
            for history in figure.histories
            for claimant in history.claimants
            if history.standing
        }
        for figure in (figure for figure in view.figures if figure.quantity in TALLIED):
            for history in (history for history in figure.histories if history.standing):
                for claimant in history.claimants:
                    sums[(figure.quantity, figure.category)][direction].setdefault(claimant, Total()).add(history.values)
                    if figure.quantity != "intercepted":
                        continue
                    key, given = (figure.category, direction, claimant), launched.get((figure.category, claimant))
                    if given is None:
                        launched_missing.add(key)  # launched is shown beside intercepted only when every event gives it
                    else:
                        launched_sum[key].add(given.values)
    intercepted = sorted(
        (key for key in sums if key[0] == "intercepted"), key=lambda key: list(WeaponCategory).index(key[1] or WeaponCategory.unknown)
    )
    rows = []
    for quantity, category in [("killed", None), ("injured", None), *intercepted]:
        cells = {}
        for direction in Direction:
            lines: dict[tuple[object, ...], ClaimedTotal] = {}
            for claimant, total in sorted(sums[(quantity, category)][direction].items()):
                known = quantity == "intercepted" and (category, direction, claimant) not in launched_missing
                launched_total = launched_sum[(category, direction, claimant)] if known else None
                line = (total.key, launched_total.key if launched_total else None)
                if line in lines:
                    lines[line].claimants.append(claimant)
                else:
                    lines[line] = ClaimedTotal(total, [claimant], launched_total)
            cells[direction] = list(lines.values())
        rows.append(TallyRow(quantity, category, cells))
    return rows


def _group(views: list[StrikeView], region_of: Mapping[str, str]) -> list[DateGroup]:
    """Latest first; within a date, regions alphabetically; within a region, by headline."""
    by_date: dict[tuple[dt.date, dt.date | None, str], list[StrikeView]] = defaultdict(list)
    for view in views:
        when = view.strike.when
        by_date[(when.start, when.end, when.precision.value)].append(view)
    groups = []
    for key in sorted(by_date, key=lambda key: (key[0], key[1] or key[0], key[2]), reverse=True):
        by_region: dict[str, list[StrikeView]] = defaultdict(list)
        for view in by_date[key]:
            by_region[region_of[view.id]].append(view)
        regions = [RegionGroup(region, sorted(items, key=lambda view: view.strike.headline)) for region, items in sorted(by_region.items())]
        groups.append(DateGroup(key[0], by_date[key][0].strike, regions))
    return groups


def make_briefing(
    articles: list[ArticleFile],
    strikes: list[Event[Strike]],
    claims: list[Event[Attribution]],
    every: Events,
    locate: Callable[[Place], Located],
    area: Callable[[Place], str],
    timeline: Timeline = KYIV,
) -> Briefing:
    """What a page shows of these articles and events.

    ``every`` is the site's events (which event each record belongs to, the strikes' headlines); the page keeps only
    what its articles and events need, so that a change elsewhere on the site does not make it render again.
    """
    event_of = every.event_of
    wanted = [claim.id for article_file in articles for claim in article_file.attributions]
    wanted += [strike.id for article_file in articles for strike in article_file.strikes]
    wanted += [report.record.id for event in strikes for report in event.reports]
    wanted += [report.record.id for event in claims for report in event.reports]
    page_events = Events(strikes, claims, {record: event_of[record] for record in wanted if record in event_of})
    concerned = [strike_id for event in claims for report in event.reports for strike_id in report.record.strikes]
    headlines = {strike_id: found for strike_id in concerned if (found := every.strike_headline(strike_id)) is not None}
    return Briefing(articles, page_events, locate, area, timeline, headlines)
