"""What the Air Force pages show, ready to print: tables of claimed figures per night, month and model, and charts.

Each builder takes the layout's grouped waves and returns rows whose cells are
already formatted (numbers, rates, "not given"), with links computed from the
page being rendered, so the templates only loop. Every table belongs to one
account (a night) or one :class:`~generator.airforce.tally.Scope` (a tally),
which the heading names: national and regional posts are never added up.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from markupsafe import Markup

from generator import escape
from generator.airforce.catalogue import Catalogue
from generator.airforce.model import AIR_FORCE, AttackWave, parse_moment
from generator.airforce.tally import Scope, Tally, month_of, scope_key, scopes, site_category, tally, tally_by, wave_category
from generator.airforce.weapons import WeaponMatch
from generator.catalogue import Formatter
from generator.charts import BarGroup, bar_chart
from generator.layout import AIR_FORCE_THEME, Layout
from generator.links import Links
from generator.model import Attribution, DatePrecision, Direction, Quantity, Strike, WeaponCategory, When


@dataclass(frozen=True)
class Cells:
    """The figures of one table row, formatted."""

    waves: str
    launched: str
    destroyed: str
    rate: str


@dataclass(frozen=True)
class Row:
    """One table row: what it counts (with a link when it has a page) and its figures."""

    label: str
    cells: Cells
    link: Markup | None = None
    category: str = ""


@dataclass(frozen=True)
class Chart:
    """An SVG chart written beside the pages, and how a page shows it."""

    path: str
    link: Markup
    alt: str
    svg: Markup


@dataclass(frozen=True)
class Post:
    """A source post of a night's figures: its link and the time it covers."""

    url: Markup
    covers: str


@dataclass(frozen=True)
class AccountTable:
    """One account's figures for one night, by model."""

    heading: str
    rows: list[Row]
    total: Row | None
    posts: list[Post]


@dataclass(frozen=True)
class NightView:
    """The Air Force's reports of one morning, on the strikes-on-Ukraine day page."""

    anchor: Markup
    heading: str
    covers: str
    claimed_by: str
    tables: list[AccountTable]
    strikes: list[tuple[str, Markup]]
    month_link: Markup
    overall_link: Markup


@dataclass(frozen=True)
class ScopeView:
    """One scope's tallies on a month or the overall page: by period (nights or months), category and model."""

    heading: str
    accounts: str
    chart: Chart | None
    periods: list[Row]
    categories: list[Row]
    models: list[Row]
    total: Row


@dataclass(frozen=True)
class ModelView:
    """One model's page: what the catalogue says, its counts by month per scope, related models, attributions."""

    anchor: Markup
    heading: str
    facts: list[tuple[str, str]]
    scopes: list[ScopeView]
    related: list[Row]
    attributions: list[tuple[str, Markup]]
    reported: bool


@dataclass(frozen=True)
class WeaponLinks:
    """For one attributed weapon: links to the Air Force models it concerns, each with how often it is reported."""

    models: list[Row] = field(default_factory=list)
    related: list[Row] = field(default_factory=list)


class AirForceView:
    """Builds the views of one page; ``links`` are relative to that page."""

    def __init__(self, layout: Layout, formatter: Formatter, links: Links) -> None:
        self.layout = layout
        self.formatter = formatter
        self.labels = formatter.labels
        self.links = links

    # Cells

    def number(self, value: int) -> str:
        """A whole number as the site writes it (``1 145``)."""
        return self.formatter.quantity(Quantity(exact=value))

    def percent(self, tally_: Tally) -> str:
        """The interception rate, rounded half up to a whole percent; ``—`` when no wave gives both counts."""
        rate = tally_.rate
        if rate is None:
            return "—"
        whole = (200 * rate.numerator + rate.denominator) // (2 * rate.denominator)
        return str(self.labels.airforce_percent.format(value=whole))

    def _count(self, value: int, missing: int, waves: int) -> str:
        if missing == waves:
            return str(self.labels.airforce_not_given)
        text = self.number(value)
        return f"{text} ({self.labels.airforce_partial.format(count=missing)})" if missing else text

    def cells(self, tally_: Tally) -> Cells:
        """A tally's figures, never more than the posts give."""
        return Cells(
            self.number(tally_.waves),
            self._count(tally_.launched, tally_.launched_missing, tally_.waves),
            self._count(tally_.destroyed, tally_.destroyed_missing, tally_.waves),
            self.percent(tally_),
        )

    def category(self, category: WeaponCategory) -> str:
        """A category's label, capitalised for a table cell."""
        return str(self.labels.category[category.value]).capitalize()

    def model_link(self, name: str) -> Markup | None:
        """Link to a model's page, if it has one."""
        slug = self.layout.airforce_model_slugs.get(name)
        return self.links.record(Layout.model_anchor(slug)) if slug else None

    def account(self, account: str | None) -> str:
        """An account's name for readers, with the account itself: ``Commandement aérien Sud (PvKPivden)``."""
        if not account:
            return str(self.labels.airforce_account_unknown)
        name = self.labels.airforce_accounts.get(account)
        return f"{name} ({account})" if name else account

    def scope_heading(self, scope: Scope) -> tuple[str, str]:
        """A scope's heading and the sentence naming the accounts it adds up."""
        accounts = ", ".join(self.account(account) for account in scope.accounts)
        return str(self.labels.airforce_scope[scope.key]), str(self.labels.airforce_adds_up.format(accounts=accounts))

    def moment(self, text: str) -> str:
        """``2024-05-31T08:00`` -> ``31 mai 2024 08:00``."""
        moment = parse_moment(text)
        if isinstance(moment, dt.datetime):
            return f"{self.formatter.date(moment.date())} {moment:%H:%M}"
        return self.formatter.date(moment)

    def file_link(self, path: str) -> Markup:
        """A relative link to a file the build writes beside the pages (a chart), from the current page."""
        start = posixpath.dirname(self.links.current) or "."
        return Markup(posixpath.relpath(path, start))  # noqa: S704 - a path built from a slug and a month

    # Rows

    def model_rows(self, waves: Iterable[AttackWave]) -> list[Row]:
        """One row per model, most launched first, then by name."""
        by_model = tally_by(waves, lambda wave: (wave.model, wave_category(wave)))
        ordered = sorted(by_model.items(), key=lambda item: (-item[1].launched, item[0][0].casefold()))
        return [Row(name, self.cells(found), self.model_link(name), self.category(category)) for (name, category), found in ordered]

    def category_rows(self, waves: Iterable[AttackWave]) -> list[Row]:
        """One row per weapon category, in the site's category order."""
        by_category = tally_by(waves, wave_category)
        order = list(WeaponCategory)
        return [Row(self.category(category), self.cells(by_category[category])) for category in sorted(by_category, key=order.index)]

    def total(self, waves: Iterable[AttackWave]) -> Row:
        """The total row of a table."""
        return Row(str(self.labels.airforce_total), self.cells(tally(waves)))

    # Pages

    def night(self, day: dt.date, strikes: list[Strike]) -> NightView:
        """The block of one morning's reports: one table per account, and the articles' strikes filed on that day."""
        waves = self.layout.airforce.by_day.get(day, [])
        by_account: dict[str | None, list[AttackWave]] = {}
        for wave in waves:
            by_account.setdefault(wave.source.account, []).append(wave)
        tables = []
        for account in sorted(by_account, key=lambda account: (account != "kpszsu", account or "")):
            account_waves = by_account[account]
            posts: dict[str, list[AttackWave]] = {}
            for wave in account_waves:
                posts.setdefault(wave.source.url, []).append(wave)
            rows = self.model_rows(account_waves)
            tables.append(
                AccountTable(
                    self.account(account),
                    rows,
                    self.total(account_waves) if len(rows) > 1 else None,
                    [Post(escape.url(url), self._covers(post_waves)) for url, post_waves in posts.items()],
                )
            )
        night = When(start=day - dt.timedelta(days=1), end=day, precision=DatePrecision.night)
        return NightView(
            escape.anchor(Layout.night_anchor(day)),
            str(self.labels.airforce_night.format(day=self.formatter.date(day))),
            str(self.labels.airforce_night_covers.format(night=self.formatter.when(night))),
            AIR_FORCE,
            tables,
            [(strike.headline, self.links.record(strike.id)) for strike in strikes if strike.direction is Direction.on_ukraine],
            self.links.month(AIR_FORCE_THEME, day.strftime("%Y-%m")),
            self.links.page(AIR_FORCE_THEME),
        )

    def _covers(self, waves: list[AttackWave]) -> str:
        """The time a post's waves cover: ``30 mai 2024 18:00 – 31 mai 2024 08:00``, ``31 mai 2024, 08:00``."""
        start = min(wave.start for wave in waves)
        end = max(wave.end or wave.start for wave in waves)
        if start[:10] != end[:10]:
            return f"{self.moment(start)} – {self.moment(end)}"
        times = list(dict.fromkeys(moment[11:] for moment in (start, end) if len(moment) > 10))
        day = self.formatter.date(dt.date.fromisoformat(start[:10]))
        return f"{day}, {'–'.join(times)}" if times else day

    def scope_views(
        self,
        waves: list[AttackWave],
        period_rows: Callable[[list[AttackWave]], list[Row]],
        chart_of: Callable[[Scope, list[AttackWave]], Chart | None],
    ) -> list[ScopeView]:
        """The tallies of ``waves``, one view per scope."""
        views = []
        for scope in scopes(waves):
            scoped = [wave for wave in waves if scope_key(wave) == scope.key]
            heading, accounts = self.scope_heading(scope)
            views.append(
                ScopeView(
                    heading,
                    accounts,
                    chart_of(scope, scoped),
                    period_rows(scoped),
                    self.category_rows(scoped),
                    self.model_rows(scoped),
                    self.total(scoped),
                )
            )
        return views

    def night_rows(self, waves: list[AttackWave]) -> list[Row]:
        """One row per report day, latest first, linking to the night's block on the day page."""
        by_day = tally_by(waves, lambda wave: wave.report_date)
        return [
            Row(self.formatter.date(day), self.cells(found), self.links.record(Layout.night_anchor(day)))
            for day, found in sorted(by_day.items(), reverse=True)
        ]

    def month_rows(self, waves: list[AttackWave]) -> list[Row]:
        """One row per month, latest first, linking to the month's page."""
        by_month = tally_by(waves, month_of)
        return [
            Row(self.formatter.month(month), self.cells(found), self.links.month(AIR_FORCE_THEME, month))
            for month, found in sorted(by_month.items(), reverse=True)
        ]

    def chart(self, name: str, scope: Scope, groups: list[tuple[str, Tally]], rows_label: str, period: str) -> Chart | None:
        """A launched-and-destroyed bar chart of these groups, or None when there is nothing to draw."""
        if not groups:
            return None
        labels = self.labels
        heading, accounts = self.scope_heading(scope)
        title = str(labels.airforce_chart_title.format(scope=heading, period=period))
        claimant = self.formatter.party("ua-air-force")
        description = str(labels.airforce_chart_desc.format(rows=rows_label, claimant=claimant, accounts=accounts))
        svg = bar_chart(
            title,
            description,
            [str(labels.launched), str(labels.airforce_destroyed)],
            [
                BarGroup(label, (found.launched if found.has_launched else None, found.destroyed if found.has_destroyed else None))
                for label, found in groups
            ],
            number=self.number,
            language=self.formatter.language,
        )
        path = Layout.airforce_chart(name)
        alt = f"{title}. {description}"
        return Chart(path, self.file_link(path), alt, Markup(svg))  # noqa: S704 - every text in the SVG is XML-escaped by bar_chart

    def model(self, name: str, attributions: list[Attribution], catalogue: Catalogue | None) -> ModelView:
        """A model's page: its counts by month, per scope."""
        waves = self.layout.airforce.by_model.get(name, [])
        slug = self.layout.airforce_model_slugs[name]
        facts = self._model_facts(name, waves, catalogue)
        related = sorted(
            {
                other
                for matches in self.layout.weapon_matches.values()
                for match in matches
                if name in match.models
                for other in match.related
            }
        )
        return ModelView(
            escape.anchor(Layout.model_anchor(slug)),
            name,
            facts,
            self.scope_views(waves, self.month_rows, lambda scope, scoped: None),
            [Row(other, self.total(self.layout.airforce.by_model.get(other, [])).cells, self.model_link(other)) for other in related],
            [(claim.headline, self.links.record(claim.id)) for claim in attributions],
            bool(waves),
        )

    def _model_facts(self, name: str, waves: list[AttackWave], catalogue: Catalogue | None) -> list[tuple[str, str]]:
        labels = self.labels
        entry = waves[0].models[0] if waves and len(waves[0].models) == 1 else (catalogue.find(name) if catalogue else None)
        facts = []
        if waves:
            facts.append((str(labels.category_label), self.category(wave_category(waves[0]))))
        elif entry is not None:
            facts.append((str(labels.category_label), self.category(site_category(entry.type, entry.category))))
        if entry is not None:
            if entry.type:
                facts.append((str(labels.airforce_type), entry.type))
            if entry.origin:
                facts.append((str(labels.origin).capitalize(), ", ".join(self.formatter.country(code) for code in entry.origin)))
            if not entry.catalogued:
                facts.append((str(labels.airforce_catalogue), str(labels.airforce_uncatalogued)))
        return facts

    def weapon_links(self, match: WeaponMatch) -> WeaponLinks:
        """Links from an attributed weapon to the models it concerns, with how many waves name each."""
        by_model = self.layout.airforce.by_model

        def row(name: str) -> Row:
            return Row(name, self.total(by_model.get(name, [])).cells, self.model_link(name))

        return WeaponLinks([row(name) for name in match.models], [row(name) for name in match.related])
