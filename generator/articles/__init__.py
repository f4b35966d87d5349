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
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.articles.crosscheck import check_references
from generator.articles.layout import Layout, filing_day, plan_layout, records_of
from generator.articles.pages import add_home, add_indexes, fill_archives
from generator.articles.same_event import same_event_hints
from generator.articles.views import Total
from generator.calendar import RecordRef
from generator.contributor import Registry
from generator.diagnostics import parse_documents
from generator.errors import Problem
from generator.formatting import Formatter
from generator.load import RawDocument, display_path
from generator.model import (
    Article,
    ArticleFile,
    Attribution,
    Casualties,
    Corpus,
    Counts,
    Evidence,
    Figure,
    Place,
    Quantity,
    Quote,
    StatusEntry,
    Strike,
    Target,
    Weapon,
    When,
)
from generator.pages import PlanBuilder
from generator.themes import Theme
from generator.timeline import KYIV

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
        self._parsed: list[tuple[RawDocument, ArticleFile]] = []
        self.timeline = KYIV
        """The site's time zone, once the plan gives it (declare)."""

    def content_files(self, content_dir: Path) -> list[Path]:
        """Every ``.yaml`` and ``.yml`` file under ``content/articles/``, subfolders included."""
        folder = content_dir / ARTICLES_DIR
        self._folder = display_path(folder, content_dir)
        self._files = [*sorted(folder.rglob("*.yaml")), *sorted(folder.rglob("*.yml"))]
        return self._files

    def validate(self, documents: list[RawDocument], registry: Registry) -> list[Problem]:
        """Each file against the model, then ids, party references and figures across all files."""
        parsed, problems = parse_documents(documents, ArticleFile)
        problems += check_references(registry.parties, parsed, registry.reserved)
        self._parsed = parsed
        if not self._files:
            problems.append(Problem(self._folder, 1, "", "no article files found"))
        self.corpus = Corpus(parties=registry.parties or {}, articles=self._in_publication_order([found for _, found in parsed]))
        return problems

    def hints(self) -> list[Problem]:
        """Strikes of different articles that look like one event but are not linked by ``same_as``."""
        order = {article_file.article.id: rank for rank, article_file in enumerate(self.corpus.articles)}
        return same_event_hints(self._parsed, order)

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
        """File every record under its day, and name the weapons of every record."""
        self.timeline = plan.timeline
        self.corpus = Corpus(self.corpus.parties, self._in_publication_order(self.corpus.articles))
        self.layout = plan_layout(self.corpus, dict(plan.labels.countries), plan.timeline)
        for theme in Theme:
            for day, day_corpus in self.layout.days[theme].items():
                records = [RecordRef(*record) for article_file in day_corpus.articles for record in records_of(theme, article_file)]
                plan.calendar.add(theme, day, records, self._details(theme, day_corpus, plan))
        for article_file in self.corpus.articles:
            for claim in article_file.attributions:
                plan.mention(Theme.attribution, RecordRef(claim.id, claim.headline), claim.weapons)
            for strike in article_file.strikes:
                plan.mention(Theme.of(strike.direction), RecordRef(strike.id, strike.headline), strike.weapons)

    @staticmethod
    def _details(theme: Theme, day_corpus: Corpus, plan: PlanBuilder) -> list[str]:
        """A day's line in the month index: the first places (strikes), headlines (claims) or titles (articles)."""
        if theme is Theme.sources:
            items = [article_file.article.title for article_file in day_corpus.articles]
        elif theme is Theme.attribution:
            items = [claim.headline for article_file in day_corpus.articles for claim in article_file.attributions]
        else:
            countries = plan.labels.countries
            items = [strike.where.region_or_country(countries) for article_file in day_corpus.articles for strike in article_file.strikes]
        unique = sorted(set(items))
        return unique[:SUMMARY_ITEMS] + ([str(plan.labels.more)] if len(unique) > SUMMARY_ITEMS else [])

    def contribute(self, plan: PlanBuilder) -> None:
        """The records on the theme pages, the home page, the place and weapon pages."""
        fill_archives(plan, self.corpus, self.layout)
        add_home(plan, self.corpus, self.layout)
        add_indexes(plan, self.layout)

    def filters(self, formatter: Formatter) -> dict[str, Callable[..., Any]]:
        """``total``: a sum of claimed figures, as precise as its parts."""
        return {"total": lambda total: format_total(total, formatter)}


def format_total(total: Total, formatter: Formatter) -> str:
    """A claimant's total: its numbers, and beside them the vague words that went into it."""
    words = ", ".join(str(formatter.labels.vague[vague.value]) for vague in total.vague)
    if not total.has_number:
        return words
    number = formatter.quantity(Quantity(exact=total.low) if total.low == total.high else Quantity(low=total.low, high=total.high))
    return str(formatter.labels.sum_and.format(number=number, vague=words)) if words else number
