"""The articles: the editors' structured account of each source article, and everything the site shows of it.

Files are ``content/articles/**/*.yaml`` (:class:`~generator.model.ArticleFile`).
Each attribution claim, strike and article is a record filed under a day of
its theme (:mod:`generator.articles.layout`); the articles fill the theme
pages, make the home page and the place and weapon pages
(:mod:`generator.articles.pages`), and name the weapons of their records so
other sources can link them to their own figures.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.articles.crosscheck import check_references, locate_places, record_ids, salvaged_problems, unknown_parties
from generator.articles.events import Event
from generator.articles.figures import Total
from generator.articles.layout import Layout, WeaponKey, filing_day, plan_layout, weapon_key
from generator.articles.pages import add_indexes, add_month_maps, fill_archives, fill_briefings
from generator.articles.same_event import same_event_hints
from generator.articles.search import event_terms
from generator.articles.summaries import summarise
from generator.articles.tables import offer_tables
from generator.calendar import RecordRef
from generator.contributor import Registry
from generator.diagnostics import parse_documents
from generator.errors import Problem
from generator.escape import quoted
from generator.files import walk_files
from generator.formatting import Formatter
from generator.gazetteer import Located
from generator.load import RawDocument, display_path
from generator.maps.svg import outlines_svg
from generator.model import (
    Article,
    ArticleFile,
    Attribution,
    Casualties,
    Corpus,
    Counts,
    Evidence,
    Figure,
    Party,
    Place,
    Quantity,
    Quote,
    StatusEntry,
    Strike,
    Target,
    Vague,
    Weapon,
    When,
)
from generator.pages import PlanBuilder
from generator.themes import Theme
from generator.timeline import KYIV, Moment
from generator.urls import MAP_OUTLINES, PLACES, WEAPONS
from generator.weapons import shipped_catalogue

ARTICLES_DIR = "articles"

SUMMARY_ITEMS = 5
"""How many places or headlines a month index shows per day."""


class ArticlesContributor:
    """The source articles, as the editors describe them."""

    name = "articles"
    reserved_prefix: tuple[str, str] | None = None
    documented: tuple[type[BaseModel], ...] = (
        ArticleFile,
        Article,
        Attribution,
        Evidence,
        Quote,
        StatusEntry,
        Strike,
        When,
        Place,
        Weapon,
        Target,
        Counts,
        Casualties,
        Figure,
    )

    def __init__(self) -> None:
        self.corpus = Corpus(parties={}, articles=[])
        self.layout = Layout()
        self._folder = ARTICLES_DIR
        self._files: list[Path] = []
        self._parsed: list[tuple[RawDocument, ArticleFile]] | None = []
        self.places: dict[Place, Located] = {}
        """Every place of every record, where the gazetteer puts it."""
        self.timeline = KYIV
        """The site's time zone, once the plan gives it (declare)."""

    def parties(self) -> list[Party]:
        """None: every party an article names is declared in `parties.yaml`."""
        return []

    def content_files(self, content_dir: Path) -> list[Path]:
        """Every ``.yaml`` and ``.yml`` file under ``content/articles/``, subfolders included."""
        folder = content_dir / ARTICLES_DIR
        self._folder = display_path(folder, content_dir)
        found = list(walk_files(folder))  # through linked folders too, as linked files
        self._files = [*sorted(path for path in found if path.suffix == ".yaml"), *sorted(path for path in found if path.suffix == ".yml")]
        return self._files

    def validate(self, documents: list[RawDocument], registry: Registry) -> list[Problem]:
        """Each file against the model, then ids, party references and figures across all files."""
        parsed, problems = parse_documents(documents, ArticleFile)
        valid = {id(document) for document, _ in parsed}
        pending: dict[str, str] = {}  # the ids of records in files that did not validate: links to them wait
        for document in documents:  # a file with shape errors: its references are checked all the same
            if id(document) not in valid:
                problems += unknown_parties(document, registry.parties) + salvaged_problems(document, registry.atlas)
                pending.update({record_id: document.path for path, record_id in record_ids(document) if path[0] != "article"})
        self.places, found = locate_places(registry.atlas, parsed)
        problems += found
        problems += check_references(registry.parties, parsed, registry.reserved, self.places, pending)
        self._parsed = parsed
        if not self._files:
            problems.append(Problem(self._folder, 1, "", "no article files found"))
        self.corpus = Corpus(parties=registry.parties or {}, articles=self._in_publication_order([found for _, found in parsed]))
        return problems

    def hints(self) -> list[Problem]:
        """Strikes of different articles that look like one event but are not linked by ``same_as``."""
        if self._parsed is None:
            raise RuntimeError("hints asked for after the parsed files were released")
        order = {article_file.article.id: rank for rank, article_file in enumerate(self.corpus.articles)}
        return same_event_hints(self._parsed, order, self.places)

    def release(self) -> None:
        """Forget the parsed files (only :meth:`hints` reads them)."""
        self._parsed = None

    def counts(self) -> dict[str, int]:
        """Articles and records."""
        return {"article(s)": len(self.corpus.articles), "record(s)": self.corpus.record_count}

    def last_day(self) -> dt.date | None:
        """The latest publication day or day a strike is filed under."""
        days = [self.timeline.day(article_file.article.published) for article_file in self.corpus.articles]
        days += [filing_day(strike, self.timeline.day(a.article.published)) for a in self.corpus.articles for strike in a.strikes]
        return max(days, default=None)

    def _in_publication_order(self, articles: list[ArticleFile]) -> list[ArticleFile]:
        """Articles by the start of their publication moment (a date alone starts at midnight), then id, for a stable order."""
        return sorted(articles, key=lambda a: (self.timeline.moment(a.article.published).start, a.article.id))

    def declare(self, plan: PlanBuilder) -> None:
        """Group reports into events, file every event and article under its day, and name the weapons of every event."""
        self.timeline = plan.timeline
        self.corpus = Corpus(self.corpus.parties, self._in_publication_order(self.corpus.articles))
        self.layout = plan_layout(self.corpus, plan.formatter, plan.timeline)
        for theme in Theme:
            for day in self.layout.days(theme):
                records = [RecordRef(*record) for record in self.layout.records(theme, day)]
                plan.calendar.add(theme, day, records, self._details(theme, day, records, plan))
                plan.calendar.brief(day, self._as_of(theme, day))
        events = self.layout.events
        for report_id, event_id in events.event_of.items():
            if report_id != event_id:
                plan.alias(report_id, event_id)
        for claim_event in events.claims:
            weapons = [weapon for report in claim_event.reports for weapon in report.record.weapons]
            plan.mention(Theme.attribution, RecordRef(claim_event.id, claim_event.headline, claim_event.root.article.language), weapons)
        for strike_event in events.strikes:
            weapons = [weapon for report in strike_event.reports for weapon in report.record.weapons]
            plan.mention(
                Theme.of(strike_event.root.record.direction),
                RecordRef(strike_event.id, strike_event.headline, strike_event.root.article.language),
                weapons,
            )

    def _as_of(self, theme: Theme, day: dt.date) -> Moment | None:
        """The latest publication among the articles a day of a theme shows (its articles, or its events' reports)."""
        if theme is Theme.sources:
            articles = [article_file.article for article_file in self.layout.article_days.get(day, [])]
        else:
            articles = [report.article for event in self.layout.events_on(theme, day) for report in event.reports]
        return max((self.timeline.moment(article.published) for article in articles), key=lambda moment: moment.end, default=None)

    def _details(self, theme: Theme, day: dt.date, records: list[RecordRef], plan: PlanBuilder) -> list[str]:
        """A day's line in the month index: the first places (strikes), else the records' headlines (claims, titles)."""
        found: list[tuple[str, str | None]]
        if theme.direction is None:
            found = [(record.headline, record.language) for record in records]
        else:
            found = [(plan.formatter.area(event.root.record.where), None) for event in self.layout.strike_days[theme][day]]
        unique = sorted(set(found), key=lambda item: (item[0], item[1] or ""))
        shown: list[str] = [quoted(text, language, plan.formatter.language) for text, language in unique[:SUMMARY_ITEMS]]
        return shown + ([str(plan.labels.more)] if len(unique) > SUMMARY_ITEMS else [])

    def contribute(self, plan: PlanBuilder) -> None:
        """The records on the theme pages, the home page, the place and weapon pages; every name of their places and
        weapons for the search; each page's data as files, and a line per event for the feeds and previews."""
        events: list[Event[Strike] | Event[Attribution]] = [*self.layout.events.strikes, *self.layout.events.claims]
        for event in events:
            plan.add_search_terms(event.id, plan.derived.of("search terms", partial(event_terms, event, plan.formatter), event))
        fill_archives(plan, self.layout)
        add_month_maps(plan, self.layout)
        if self.layout.events.strikes:
            plan.add_asset(MAP_OUTLINES, outlines_svg().encode("utf-8"))
        fill_briefings(plan, self.layout)
        add_indexes(plan, self.layout, self._written_regions(plan), self._written_weapons())
        offer_tables(plan, self.layout)
        summarise(plan, self.layout)

    def connect(self, plan: PlanBuilder) -> None:
        """Nothing: the articles' pages are the ones others connect to."""

    def _written_weapons(self) -> dict[WeaponKey, set[tuple[str, str | None]]]:
        """Per weapon key, the (category, model) records give as written: what weapon pages were named after."""
        written: dict[WeaponKey, set[tuple[str, str | None]]] = {}
        for article_file in self.corpus.articles:
            records: list[Strike | Attribution] = [*article_file.strikes, *article_file.attributions]
            for weapon in (weapon for record in records for weapon in record.weapons):
                written.setdefault(weapon_key(weapon), set()).add((weapon.category.value, weapon.model))
        return written

    def _written_regions(self, plan: PlanBuilder) -> dict[str, set[str]]:
        """Per area id, the region names (else country names) strikes give as written: what place pages were named after."""
        written: dict[str, set[str]] = {}
        for article_file in self.corpus.articles:
            for strike in article_file.strikes:
                area = plan.formatter.atlas(strike.where).area_id
                written.setdefault(area, set()).add(strike.where.region or plan.formatter.country(strike.where.country))
        return written

    def filters(self, formatter: Formatter) -> dict[str, Callable[..., Any]]:
        """``total``: a sum of claimed figures over events; ``moment``: when a report was published; ``place_page``
        and ``weapon_page``: the page of a strike's region, and of a catalogued weapon (each a permanent id, so a
        card's links depend on nothing else on the site); ``translation``: a quote's translation into the site's
        language, if it has one."""
        catalogue = shipped_catalogue()

        def weapon_page(weapon: Weapon) -> str | None:
            entry = catalogue.by_id.get(weapon_key(weapon, catalogue)[1] or "")
            return WEAPONS.entry(entry.id) if entry is not None and entry.id else None

        return {
            "total": lambda total: format_total(total, formatter),
            "moment": formatter.moment,
            "place_page": lambda place: PLACES.entry((place if isinstance(place, Located) else formatter.atlas(place)).area_id),
            "weapon_page": weapon_page,
            "translation": lambda quote: (quote.translation or {}).get(formatter.language),
        }


def format_total(total: Total, formatter: Formatter) -> str:
    """A claimant's total over events: its number (over how many strikes), and apart from it the strikes given in words.

    ``3``; ``5 sur 3 frappes``; ``au moins 3, et 1 frappe(s) rapportée(s) avec « tous »``; never ``3 + tous``.
    """
    labels = formatter.labels
    quantity = Quantity(exact=total.low) if total.low == total.high else Quantity(low=total.low, high=total.high)
    number = formatter.quantity(quantity)
    if total.numeric_events > 1:
        number = str(labels.total_across.format(number=number, count=total.numeric_events))
    words = [
        str(labels.total_in_words.format(count=count, word=labels.vague[word.value]))
        for word, count in sorted(total.vague.items(), key=lambda item: list(Vague).index(item[0]))
    ]
    if not total.numeric_events:
        if total.vague and sum(total.vague.values()) == 1:
            return str(labels.vague[next(iter(total.vague)).value])
        return ", ".join(words)
    if words:
        return str(labels.total_at_least.format(number=number, words=", ".join(words)))
    return number
