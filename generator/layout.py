"""The site's layout for a year of data: which record lives on which page, and which pages exist.

Every record has one home: the archive page of its theme for its day
(``archives/strikes-on-ukraine/2024-05-31.md``). The theme pages show the
latest day again, and month, place and weapon indexes link to the day pages;
those repeated views are excluded from the search index, so each record is
indexed once, and no page grows with the size of the corpus beyond one line
per day.

The Air Force's imported waves are filed by the morning they are reported
(``AttackWave.report_date``) on the strikes-on-Ukraine day page, beside the
articles' strikes of that night; every such day has a page, even without an
article. Their tallies have a page per month (``archives/air-force/2024-05.md``),
a page per weapon model, and one overall page (``air-force.md``).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.airforce.tally import WaveIndex, index_waves
from generator.airforce.weapons import WeaponMatch, match_weapon, shipped_catalogue
from generator.model import ArticleFile, Attribution, Corpus, DatePrecision, Direction, Strike, Weapon, WeaponCategory

THEMES = ("attribution", Direction.on_russia.value, Direction.on_ukraine.value, "sources")
"""Page kinds that have daily archives, in navigation order."""

THEME_SLUGS = {
    "attribution": "attribution",
    "on_russia": "strikes-on-russia",
    "on_ukraine": "strikes-on-ukraine",
    "sources": "sources",
    "air_force": "air-force",
}
"""Folder (and front page) names; ``air_force`` holds the Air Force's month tallies, its front page the overall tally."""

AIR_FORCE_THEME = "air_force"


def slugify(text: str) -> str:
    """ASCII slug for file names: ``Kraï de Krasnodar`` -> ``krai-de-krasnodar``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:60].strip("-") or "x"


MAX_RECORDS_PER_PAGE = 15
"""A day with more records than this is split into several pages, so no page grows past a bounded weight."""


def strike_day(strike: Strike, published: dt.date) -> dt.date:
    """The day a strike is filed under: the morning after a night, the last day of a span,
    or, when the article dates it only to the month, the day the article was published."""
    if strike.when.precision is DatePrecision.month:
        return published
    return strike.when.end or strike.when.start


def theme_of(strike: Strike) -> str:
    """The theme a strike belongs to."""
    return strike.direction.value


def weapon_key(weapon: Weapon) -> tuple[WeaponCategory, str | None]:
    """Weapons are indexed by category and model."""
    return weapon.category, weapon.model


@dataclass(frozen=True)
class DayEntry:
    """One line of an index page: a day, the page it links to, and what is there."""

    day: dt.date
    theme: str
    count: int
    places: list[str]


@dataclass(frozen=True)
class MonthRow:
    """One month of a place or weapon page: its days with records, for one theme."""

    theme: str
    month: str
    count: int
    days: list[dt.date]


def month_rows(entries: list[DayEntry]) -> list[MonthRow]:
    """Day entries folded into one row per theme and month (latest first): a page stays one line per month."""
    folded: dict[tuple[str, str], list[DayEntry]] = defaultdict(list)
    for entry in entries:
        folded[(entry.theme, entry.day.strftime("%Y-%m"))].append(entry)
    rows = [
        MonthRow(theme, month, sum(entry.count for entry in items), sorted(entry.day for entry in items))
        for (theme, month), items in folded.items()
    ]
    return sorted(rows, key=lambda row: (THEMES.index(row.theme), row.month), reverse=False)


@dataclass(frozen=True)
class SettlementEntry:
    """One settlement of a region page: how many records name it, and the latest of them."""

    name: str
    count: int
    latest: dt.date
    latest_record: str


def _settlements(records: list[tuple[str, dt.date, str]]) -> list[SettlementEntry]:
    """``records`` are (settlement, day, record id) of one region."""
    counts: dict[str, int] = defaultdict(int)
    latest: dict[str, tuple[dt.date, str]] = {}
    for name, day, record_id in records:
        counts[name] += 1
        latest[name] = max(latest.get(name, (day, record_id)), (day, record_id))
    return [SettlementEntry(name, counts[name], *latest[name]) for name in sorted(counts, key=lambda name: (-counts[name], name))]


@dataclass
class Layout:
    """Every page path, and where each record and article lives."""

    days: dict[str, dict[dt.date, Corpus]] = field(default_factory=dict)
    parts: dict[str, dict[dt.date, list[Corpus]]] = field(default_factory=dict)
    home_of: dict[str, str] = field(default_factory=dict)
    regions: dict[tuple[str, str], list[DayEntry]] = field(default_factory=dict)
    region_slugs: dict[tuple[str, str], str] = field(default_factory=dict)
    settlements: dict[tuple[str, str], list[SettlementEntry]] = field(default_factory=dict)
    weapons: dict[tuple[WeaponCategory, str | None], list[DayEntry]] = field(default_factory=dict)
    weapon_slugs: dict[tuple[WeaponCategory, str | None], str] = field(default_factory=dict)
    latest_day: dt.date | None = None
    """The latest day with an article's record (the home page's day); Air Force waves do not move it."""
    airforce: WaveIndex = field(default_factory=WaveIndex)
    airforce_model_slugs: dict[str, str] = field(default_factory=dict)
    """Air Force model name -> slug of its page: every reported model, and every model an attribution concerns."""
    weapon_matches: dict[str, list[WeaponMatch]] = field(default_factory=dict)
    """Attribution id -> for each of its weapons, the Air Force models it concerns."""

    @staticmethod
    def theme_page(theme: str) -> str:
        """The theme's front page (latest day)."""
        return f"{THEME_SLUGS[theme]}.md"

    @staticmethod
    def day_page(theme: str, day: dt.date, part: int = 1) -> str:
        """The archive page of one theme for one day (``part`` 2, 3... when the day is split)."""
        suffix = f"-{part}" if part > 1 else ""
        return f"archives/{THEME_SLUGS[theme]}/{day.isoformat()}{suffix}.md"

    @staticmethod
    def month_page(theme: str, month: str) -> str:
        """The month index of one theme (``month`` is ``YYYY-MM``)."""
        return f"archives/{THEME_SLUGS[theme]}/{month}.md"

    @staticmethod
    def airforce_model_page(slug: str) -> str:
        """The page of one Air Force weapon model: its counts by month."""
        return f"archives/{THEME_SLUGS[AIR_FORCE_THEME]}/models/{slug}.md"

    @staticmethod
    def airforce_chart(name: str) -> str:
        """Where a chart's SVG file is written (``name`` without extension)."""
        return f"archives/{THEME_SLUGS[AIR_FORCE_THEME]}/charts/{name}.svg"

    @staticmethod
    def night_anchor(day: dt.date) -> str:
        """Record id of the Air Force's reports of one morning, on the strikes-on-Ukraine day page."""
        return f"af-night-{day.isoformat()}"

    @staticmethod
    def model_anchor(slug: str) -> str:
        """Record id of an Air Force model, the heading of its page."""
        return f"af-model-{slug}"

    def months(self, theme: str) -> list[str]:
        """Months with records for ``theme``, latest first."""
        return sorted({day.strftime("%Y-%m") for day in self.days.get(theme, {})}, reverse=True)

    def days_in_month(self, theme: str, month: str) -> list[dt.date]:
        """Days with records for ``theme`` in ``month``, latest first."""
        return sorted((day for day in self.days.get(theme, {}) if day.strftime("%Y-%m") == month), reverse=True)


def _subset(corpus: Corpus, articles: Iterable[ArticleFile]) -> Corpus:
    return Corpus(parties=corpus.parties, articles=list(articles), waves=[])


def _records(theme: str, article_file: ArticleFile) -> list[str]:
    if theme == "sources":
        return [article_file.article.id]
    return [claim.id for claim in article_file.attributions] + [strike.id for strike in article_file.strikes]


def _split(theme: str, day: dt.date, day_corpus: Corpus, home_of: dict[str, str]) -> list[Corpus]:
    """Cut one day into pages of at most MAX_RECORDS_PER_PAGE records, keeping articles in order;
    record where each record (or article, for sources) lives."""
    parts: list[list[ArticleFile]] = [[]]
    room = MAX_RECORDS_PER_PAGE
    for article_file in day_corpus.articles:
        records = _records(theme, article_file)
        claims, strikes = list(article_file.attributions), list(article_file.strikes)
        while records:
            if room == 0:
                parts.append([])
                room = MAX_RECORDS_PER_PAGE
            taken, records = records[:room], records[room:]
            room -= len(taken)
            if theme == "sources":
                parts[-1].append(article_file)
            else:
                chunk = set(taken)
                parts[-1].append(
                    article_file.model_copy(
                        update={"attributions": [c for c in claims if c.id in chunk], "strikes": [s for s in strikes if s.id in chunk]}
                    )
                )
            for record_id in taken:
                home_of[record_id] = Layout.day_page(theme, day, len(parts))
    return [Corpus(parties=day_corpus.parties, articles=articles) for articles in parts if articles] or [day_corpus]


def _unique_slug(wanted: str, taken: set[str]) -> str:
    slug, suffix = wanted, 2
    while slug in taken:
        slug, suffix = f"{wanted}-{suffix}", suffix + 1
    taken.add(slug)
    return slug


def _day_entries(found: dict[tuple[dt.date, str], list[str]]) -> list[DayEntry]:
    return [
        DayEntry(day, theme, len(places), sorted(set(places)))
        for (day, theme), places in sorted(found.items(), key=lambda item: (item[0][0], item[0][1]), reverse=True)
    ]


def plan_layout(corpus: Corpus, country_name: dict[str, str]) -> Layout:
    """Assign every record and article to its day page, and gather the place and weapon indexes."""
    layout = Layout()
    by_theme_day: dict[str, dict[dt.date, dict[str, tuple[ArticleFile, list[Attribution], list[Strike]]]]] = {
        theme: defaultdict(dict) for theme in THEMES
    }
    region_records: dict[tuple[str, str], list[tuple[str, dt.date, str]]] = defaultdict(list)
    region_days: dict[tuple[str, str], dict[tuple[dt.date, str], list[str]]] = defaultdict(lambda: defaultdict(list))
    weapon_days: dict[tuple[WeaponCategory, str | None], dict[tuple[dt.date, str], list[str]]] = defaultdict(lambda: defaultdict(list))

    def file_under(theme: str, day: dt.date, article_file: ArticleFile) -> tuple[ArticleFile, list[Attribution], list[Strike]]:
        return by_theme_day[theme][day].setdefault(article_file.article.id, (article_file, [], []))

    for article_file in corpus.articles:
        article = article_file.article
        file_under("sources", article.published, article_file)
        for claim in article_file.attributions:
            file_under("attribution", article.published, article_file)[1].append(claim)
            for claim_weapon, origin in {weapon_key(weapon): weapon.origin for weapon in claim.weapons}.items():
                weapon_days[claim_weapon][(article.published, "attribution")].append(country_name.get(origin or "", ""))
        for strike in article_file.strikes:
            day, theme = strike_day(strike, article.published), theme_of(strike)
            file_under(theme, day, article_file)[2].append(strike)
            region = strike.where.region_or_country(country_name)
            region_days[(strike.where.country, region)][(day, theme)].append(strike.where.settlement or region)
            region_records[(strike.where.country, region)].append((strike.where.settlement or region, day, strike.id))
            for strike_weapon in {weapon_key(weapon) for weapon in strike.weapons}:
                weapon_days[strike_weapon][(day, theme)].append(region)

    for theme, days in by_theme_day.items():
        layout.days[theme] = {
            day: _subset(
                corpus,
                (
                    entry[0] if theme == "sources" else entry[0].model_copy(update={"attributions": entry[1], "strikes": entry[2]})
                    for entry in sorted(entries.values(), key=lambda entry: (entry[0].article.published, entry[0].article.id))
                ),
            )
            for day, entries in days.items()
        }
        layout.parts[theme] = {day: _split(theme, day, day_corpus, layout.home_of) for day, day_corpus in layout.days[theme].items()}
    taken: set[str] = set()
    for key in sorted(region_days):
        layout.region_slugs[key] = _unique_slug(f"{key[0].lower()}-{slugify(key[1])}", taken)
        layout.regions[key] = _day_entries(region_days[key])
        layout.settlements[key] = _settlements(region_records[key])
    taken = set()
    for model_key in sorted(weapon_days, key=lambda key: (key[0].value, key[1] or "")):
        layout.weapon_slugs[model_key] = _unique_slug(slugify(f"{model_key[0].value} {model_key[1] or ''}"), taken)
        layout.weapons[model_key] = _day_entries(weapon_days[model_key])
    all_days = [day for days in layout.days.values() for day in days]
    layout.latest_day = max(all_days) if all_days else None
    _plan_airforce(layout, corpus)
    return layout


def _plan_airforce(layout: Layout, corpus: Corpus) -> None:
    """File each wave under its report day, and give each model (reported, or named by an attribution) a page."""
    layout.airforce = index_waves(corpus.waves)
    ukraine = layout.days[Direction.on_ukraine.value]
    for day in layout.airforce.by_day:
        if day not in ukraine:
            ukraine[day] = Corpus(parties=corpus.parties, articles=[], waves=layout.airforce.by_day[day])
            layout.parts[Direction.on_ukraine.value][day] = [ukraine[day]]
        layout.home_of[Layout.night_anchor(day)] = Layout.day_page(Direction.on_ukraine.value, day)
    if layout.airforce.by_model:
        catalogue = shipped_catalogue()
        reported = list(layout.airforce.by_model)
        for article_file in corpus.articles:
            for claim in article_file.attributions:
                layout.weapon_matches[claim.id] = [match_weapon(weapon, catalogue, reported) for weapon in claim.weapons]
    named = {name for matches in layout.weapon_matches.values() for match in matches for name in [*match.models, *match.related]}
    taken: set[str] = set()
    for name in sorted({*layout.airforce.by_model, *named}, key=lambda name: (name.casefold(), name)):
        slug = _unique_slug(slugify(name), taken)
        layout.airforce_model_slugs[name] = slug
        layout.home_of[Layout.model_anchor(slug)] = Layout.airforce_model_page(slug)
