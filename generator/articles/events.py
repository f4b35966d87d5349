"""Events: every report of one strike (or one allegation) brought together.

Records linked by ``same_as``, followed transitively, are one event. Its id is
the id of the report the others lead to (the root of its ``same_as`` links),
so linking one more report never changes it: the event's permalink is the
root's. The event is filed once, where its root report is filed; every report
keeps its own id as an anchor on the event's card.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from generator.articles.same_event import roots
from generator.model import Article, ArticleFile, Attribution, Corpus, Direction, Strike
from generator.themes import Theme
from generator.timeline import Moment, Timeline

if TYPE_CHECKING:
    from generator.articles.figures import FigureView

R = TypeVar("R", Strike, Attribution)


@dataclass(frozen=True)
class Report(Generic[R]):
    """One report of an event: a record, the article it comes from, and when that article was published."""

    record: R
    article: Article
    moment: Moment


@dataclass(frozen=True)
class Event(Generic[R]):
    """Every report of one strike, or of one allegation, in publication order (the root report first when in doubt)."""

    id: str
    """The root report's id: the event's permalink, stable as reports are added."""
    reports: list[Report[R]]

    @cached_property
    def root(self) -> Report[R]:
        """The report the others point to (looked up once: every card, row and sort asks)."""
        return next(report for report in self.reports if report.record.id == self.id)

    @cached_property
    def figures(self) -> list[FigureView]:
        """Its figures, claimant by claimant (:func:`generator.articles.figures.figure_views`), worked out once: the
        files of the data, the feeds and the previews all read them."""
        from generator.articles.figures import figure_views  # figures are made of events' reports: imported when asked

        return figure_views(self)  # type: ignore[arg-type]  # asked of strike events only

    @cached_property
    def latest_day(self) -> dt.date:
        """The latest publication day among its reports (in the site's time zone)."""
        return max(report.moment.day for report in self.reports)

    @property
    def aliases(self) -> list[str]:
        """The ids of the other reports: anchors on the event's card, so old links still land on it."""
        return [report.record.id for report in self.reports if report.record.id != self.id]

    @property
    def headline(self) -> str:
        """The root report's headline."""
        return self.root.record.headline


def theme_of(event: Event[Strike] | Event[Attribution]) -> Theme:
    """The theme an event is filed under."""
    record = event.root.record
    return Theme.of(record.direction) if isinstance(record, Strike) else Theme.attribution


def direction_of(event: Event[Strike]) -> Direction:
    """Which way a strike event goes (every report goes the same way: checked)."""
    return event.root.record.direction


def _group(reports: list[Report[R]]) -> list[Event[R]]:
    """Reports grouped by the root of their ``same_as`` links, events in the order of their first report."""
    root_of = roots({report.record.id: report.record for report in reports})

    def report_root(report: Report[R]) -> str:
        return root_of[report.record.id]

    grouped: dict[str, list[Report[R]]] = defaultdict(list)
    for report in reports:
        grouped[root_of[report.record.id]].append(report)
    events = []
    for root, members in grouped.items():
        # By the start of publication; among reports that start together (a day without a time), the root first.
        events.append(Event(root, sorted(members, key=lambda report: (report.moment.start, report.record.id != report_root(report)))))
    return events


@dataclass(frozen=True)
class Events:
    """The events of a corpus, and which event each report belongs to."""

    strikes: list[Event[Strike]]
    claims: list[Event[Attribution]]
    event_of: dict[str, str]
    """Report id -> event id, for strikes and claims."""

    @cached_property
    def _strike_at(self) -> dict[str, int]:
        """Strike event id -> its place in :attr:`strikes`."""
        return {event.id: position for position, event in enumerate(self.strikes)}

    @cached_property
    def _claim_at(self) -> dict[str, int]:
        """Claim event id -> its place in :attr:`claims`."""
        return {event.id: position for position, event in enumerate(self.claims)}

    @cached_property
    def _of_article(self) -> dict[str, list[str]]:
        """Article id -> the events it has a report in."""
        found: dict[str, list[str]] = defaultdict(list)
        events: list[Event[Any]] = [*self.strikes, *self.claims]
        for event in events:
            for article_id in dict.fromkeys(report.article.id for report in event.reports):
                found[article_id].append(event.id)
        return dict(found)

    def strike_headline(self, record_id: str) -> tuple[str, str] | None:
        """The headline of the strike event a report belongs to, and its language (None for no strike's id)."""
        position = self._strike_at.get(self.event_of.get(record_id, record_id))
        if position is None:
            return None
        event = self.strikes[position]
        return event.headline, event.root.article.language

    def select(self, event_ids: Iterable[str]) -> Events:
        """These events, in the corpus' order (ids of no event are ignored); looked up, never a scan of every event,
        so that a page per day, place or weapon costs what it shows."""
        wanted = set(event_ids)
        strikes = [self.strikes[at] for at in sorted(self._strike_at[event] for event in wanted if event in self._strike_at)]
        claims = [self.claims[at] for at in sorted(self._claim_at[event] for event in wanted if event in self._claim_at)]
        return Events(strikes, claims, self.event_of)

    def of_articles(self, article_ids: Iterable[str]) -> Events:
        """The events with a report in one of these articles."""
        return self.select(event for article_id in article_ids for event in self._of_article.get(article_id, []))


def group_events(corpus: Corpus, timeline: Timeline) -> Events:
    """Every strike and every attribution claim of the corpus, grouped into events (``corpus`` is in publication order)."""

    def reports_of(article_file: ArticleFile) -> tuple[list[Report[Strike]], list[Report[Attribution]]]:
        moment = timeline.moment(article_file.article.published)
        return (
            [Report(strike, article_file.article, moment) for strike in article_file.strikes],
            [Report(claim, article_file.article, moment) for claim in article_file.attributions],
        )

    strikes: list[Report[Strike]] = []
    claims: list[Report[Attribution]] = []
    for article_file in corpus.articles:
        found_strikes, found_claims = reports_of(article_file)
        strikes += found_strikes
        claims += found_claims
    strike_events, claim_events = _group(strikes), _group(claims)
    event_of = {report.record.id: event.id for event in strike_events for report in event.reports}
    event_of |= {report.record.id: event.id for event in claim_events for report in event.reports}
    return Events(strike_events, claim_events, event_of)
