"""What the Air Force's pages and sections show: tallies of claimed figures per night, month and model, and charts.

Each builder takes the grouped waves and returns rows holding a label, a
:class:`~generator.airforce.tally.Tally` and a link target; the templates
format the figures (:mod:`generator.airforce.formatting`) and resolve the
links from the page they are on. Every table belongs to one account (a night)
or one :class:`~generator.airforce.tally.ScopeGroup` (a tally), which the heading
names with its claimants: national, regional and other posts are never added up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from generator.airforce.charting import Chart
from generator.airforce.formatting import AirForceFormatter
from generator.airforce.model import ID_PREFIX, AttackWave
from generator.airforce.sources import Scope, shipped_sources
from generator.airforce.tally import Account, ScopeGroup, Tally, WaveIndex, month_of, owner_of, scopes, tally, tally_by, wave_category
from generator.calendar import RecordRef
from generator.model import DatePrecision, WeaponCategory, When
from generator.urls import Archive, Target, anchor
from generator.weapons import Catalogue, WeaponMatch

ARCHIVE = Archive("air-force")
"""Where the Air Force's tallies live: ``air-force.md``, ``archives/air-force/2024-05.md``, models and charts."""


def night_anchor(day: dt.date) -> str:
    """Record id of the Air Force's reports of one morning, on the strikes-on-Ukraine day page."""
    return anchor(ID_PREFIX, f"night-{day.isoformat()}")


def model_anchor(slug: str) -> str:
    """Record id of an Air Force model, the heading of its page."""
    return anchor(ID_PREFIX, f"model-{slug}")


def model_page(slug: str) -> str:
    """The page of one weapon model: its counts by month."""
    return ARCHIVE.entry("models", slug)


@dataclass(frozen=True)
class Row:
    """One table row: what it counts, its figures, and where its label links to."""

    label: str
    tally: Tally
    target: Target | None = None
    category: WeaponCategory | None = None


@dataclass(frozen=True)
class Post:
    """A source post of a night's figures: its link and the time it covers."""

    url: str
    covers: str


@dataclass(frozen=True)
class AccountTable:
    """One account's figures for one night, by model, under the account's owner."""

    heading: str
    claimed_by: str
    rows: list[Row]
    total: Row | None
    posts: list[Post]
    contradictions: list[str] = field(default_factory=list)
    """Waves whose post contradicts itself, each said: shown as published, left out of the rates."""


@dataclass(frozen=True)
class NightView:
    """The Air Force's reports of one morning, on the strikes-on-Ukraine day page."""

    anchor: str
    heading: str
    covers: str
    tables: list[AccountTable]
    strikes: list[RecordRef]
    """The articles' strikes filed on that day, linked from the block."""
    month: str
    overall: str


@dataclass(frozen=True)
class NightBriefing:
    """A night's national report in a day's briefing: by weapon category, with its claimants and posts."""

    heading: str
    claimants: list[str]
    rows: list[Row]
    total: Row | None
    posts: list[Post]
    night: Target
    """The night's full block (every account, by model), on the strikes-on-Ukraine day page."""


@dataclass(frozen=True)
class ScopeView:
    """One scope's tallies on a month or the overall page: by period (nights or months), category and model."""

    heading: str
    accounts: str
    claimants: list[str]
    charts: list[Chart]
    periods: list[Row]
    categories: list[Row]
    models: list[Row]
    total: Row


@dataclass(frozen=True)
class ModelView:
    """One model's page: what the catalogue says, its counts by month per scope, related models, attributions."""

    anchor: str
    heading: str
    facts: list[tuple[str, str]]
    scopes: list[ScopeView]
    related: list[Row]
    attributions: list[RecordRef]
    reported: bool
    combined: list[CombinedView] = field(default_factory=list)
    """Per scope, the waves that report this model together with others: counted apart, never in its own rows."""


@dataclass(frozen=True)
class CombinedView:
    """One scope's waves reporting a model jointly with other models ("Kalibr and X-101"): how many, what they launched."""

    heading: str
    sentence: str
    claimants: list[str]
    rows: list[Row]


@dataclass(frozen=True)
class WeaponLinks:
    """For one attributed weapon: the Air Force models it concerns, each with how often it is reported."""

    models: list[Row] = field(default_factory=list)
    related: list[Row] = field(default_factory=list)


class AirForceView:
    """Builds the views of the Air Force's pages and sections from the grouped waves."""

    def __init__(self, index: WaveIndex, model_slugs: dict[str, str], formatter: AirForceFormatter) -> None:
        self.index = index
        self.model_slugs = model_slugs
        self.formatter = formatter
        self.labels = formatter.labels

    def model_target(self, name: str) -> Target | None:
        """Where a model's name links to: its page, if it has one."""
        slug = self.model_slugs.get(name)
        return Target.of_record(model_anchor(slug)) if slug else None

    # Rows

    def model_rows(self, waves: Iterable[AttackWave]) -> list[Row]:
        """One row per model, most launched first, then by name."""
        by_model = tally_by(waves, lambda wave: (wave.model, wave_category(wave)))
        ordered = sorted(by_model.items(), key=lambda item: (-item[1].launched, item[0][0].casefold()))
        return [Row(name, found, self.model_target(name), category) for (name, category), found in ordered]

    def category_rows(self, waves: Iterable[AttackWave]) -> list[Row]:
        """One row per weapon category, in the site's category order."""
        by_category = tally_by(waves, wave_category)
        order = list(WeaponCategory)
        return [Row(self.formatter.category(category), by_category[category]) for category in sorted(by_category, key=order.index)]

    def total(self, waves: Iterable[AttackWave]) -> Row:
        """The total row of a table."""
        return Row(str(self.labels.airforce_total), tally(waves))

    def night_rows(self, waves: list[AttackWave]) -> list[Row]:
        """One row per report day, oldest first as on the chart beside it, linking to the night's block on the day page."""
        by_day = tally_by(waves, lambda wave: wave.report_date)
        return [Row(self.formatter.base.date(day), found, Target.of_record(night_anchor(day))) for day, found in sorted(by_day.items())]

    def month_rows(self, waves: list[AttackWave]) -> list[Row]:
        """One row per month, oldest first as on the chart beside it, linking to the month's page."""
        by_month = tally_by(waves, month_of)
        return [
            Row(self.formatter.base.month(month), found, Target.page(ARCHIVE.month(month))) for month, found in sorted(by_month.items())
        ]

    def posts(self, waves: list[AttackWave]) -> list[Post]:
        """The posts these waves come from, in order, each with the time its waves cover."""
        by_post: dict[str, list[AttackWave]] = {}
        for wave in waves:
            by_post.setdefault(wave.source.url, []).append(wave)
        return [Post(url, self.formatter.covers(post_waves)) for url, post_waves in by_post.items()]

    # Views

    def night(self, day: dt.date, strikes: list[RecordRef]) -> NightView:
        """The block of one morning's reports: one table per account, and the articles' strikes filed on that day."""
        by_account: dict[Account, list[AttackWave]] = {}
        for wave in self.index.by_day.get(day, []):
            by_account.setdefault(Account(wave.source.platform, wave.source.account), []).append(wave)
        order = {owner.id: position for position, owner in enumerate(shipped_sources().owners)}
        tables = []
        for account, account_waves in sorted(
            by_account.items(), key=lambda item: (order[owner_of(item[1][0]).id], item[0].platform, (item[0].name or "").casefold())
        ):
            rows = self.model_rows(account_waves)
            owner = owner_of(account_waves[0]).id
            tables.append(
                AccountTable(
                    self.formatter.owner_accounts(owner, (account,)),
                    owner,
                    rows,
                    self.total(account_waves) if len(rows) > 1 else None,
                    self.posts(account_waves),
                    [said for wave in account_waves if (said := self.formatter.contradiction(wave)) is not None],
                )
            )
        night = When(start=day - dt.timedelta(days=1), end=day, precision=DatePrecision.night)
        base = self.formatter.base
        return NightView(
            night_anchor(day),
            str(self.labels.airforce_night.format(day=base.date(day))),
            str(self.labels.airforce_night_covers.format(night=base.when(night))),
            tables,
            strikes,
            ARCHIVE.month(day.strftime("%Y-%m")),
            ARCHIVE.front,
        )

    def night_briefing(self, day: dt.date) -> NightBriefing | None:
        """The national report of the night before ``day``, by category, for its briefing; None without one."""
        national = [wave for wave in self.index.by_day.get(day, []) if owner_of(wave).scope is Scope.national]
        if not national:
            return None
        group = scopes(national)[0]
        rows = self.category_rows(national)
        return NightBriefing(
            str(self.labels.airforce_briefing),
            list(group.claimants),
            rows,
            self.total(national) if len(rows) > 1 else None,
            self.posts(national),
            Target.of_record(night_anchor(day)),
        )

    def scope_views(
        self,
        waves: list[AttackWave],
        period_rows: Callable[[list[AttackWave]], list[Row]],
        charts_of: Callable[[ScopeGroup, list[AttackWave]], list[Chart]],
    ) -> list[ScopeView]:
        """The tallies of ``waves``, one view per scope."""
        views = []
        for group in scopes(waves):
            scoped = [wave for wave in waves if owner_of(wave).scope is group.scope]
            heading, accounts = self.formatter.scope_heading(group)
            views.append(
                ScopeView(
                    heading,
                    accounts,
                    list(group.claimants),
                    charts_of(group, scoped),
                    period_rows(scoped),
                    self.category_rows(scoped),
                    self.model_rows(scoped),
                    self.total(scoped),
                )
            )
        return views

    def model(
        self,
        name: str,
        attributions: list[RecordRef],
        related: list[str],
        catalogue: Catalogue,
        charts_of: Callable[[ScopeGroup, list[AttackWave]], list[Chart]],
    ) -> ModelView:
        """A model's page: its counts by month, per scope, with their charts."""
        waves = self.index.by_model.get(name, [])
        return ModelView(
            model_anchor(self.model_slugs[name]),
            name,
            self._model_facts(name, waves, catalogue),
            self.scope_views(waves, self.month_rows, charts_of),
            [Row(other, tally(self.index.by_model.get(other, [])), self.model_target(other)) for other in related],
            attributions,
            bool(waves),
            self._combined(name),
        )

    def _combined(self, name: str) -> list[CombinedView]:
        """Per scope, the waves naming ``name`` among several models, one row per joint name; said in one sentence."""
        joint = self.index.by_model_in_joint.get(name, [])
        views = []
        for group in scopes(joint):
            scoped = [wave for wave in joint if owner_of(wave).scope is group.scope]
            found = tally(scoped)
            sentence = self.labels.airforce_combined.format(
                count=self.formatter.base.number(found.waves), launched=self.formatter.count(found, "launched")
            )
            heading, _ = self.formatter.scope_heading(group)
            views.append(CombinedView(heading, str(sentence), list(group.claimants), self.model_rows(scoped)))
        return views

    def _model_facts(self, name: str, waves: list[AttackWave], catalogue: Catalogue) -> list[tuple[str, str]]:
        labels, formatter = self.labels, self.formatter
        entry = waves[0].models[0] if waves and len(waves[0].models) == 1 else catalogue.find(name)
        facts = []
        if waves:
            facts.append((str(labels.category_label), formatter.category(wave_category(waves[0]))))
        elif entry is not None:
            facts.append((str(labels.category_label), formatter.category(entry.site_category)))
        if entry is not None:
            if entry.type:
                facts.append((str(labels.airforce_type), entry.type))
            if entry.origin:
                facts.append((str(labels.origin).capitalize(), ", ".join(formatter.base.country(code) for code in entry.origin)))
            if not entry.catalogued:
                facts.append((str(labels.airforce_catalogue), str(labels.airforce_uncatalogued)))
        return facts

    def weapon_links(self, match: WeaponMatch) -> WeaponLinks:
        """Links from an attributed weapon to the models it concerns, with how many waves name each."""

        def row(name: str) -> Row:
            return Row(name, tally(self.index.by_model.get(name, [])), self.model_target(name))

        return WeaponLinks([row(name) for name in match.models], [row(name) for name in match.related])
