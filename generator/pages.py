"""The site plan's records: every page of the site (:class:`Page`), the files beside them, and the builder contributors use.

A page is a record (:class:`Page`): its kind (and so its template), source
path, URL, title and heading, the day it covers, its neighbours (previous,
next, the index above it), and what it shows: the variables its template
renders, the records it holds, and the sections data sources add to it.

The plan stage (:mod:`generator.plan`) builds it in three steps, two of them
passes through the contributors (:mod:`generator.contributor`), with a
:class:`PlanBuilder`:

1. *declare*: each contributor says which days of which theme it has something
   to show (the :class:`~generator.calendar.Calendar`), where the records it
   makes itself live, and which weapons its records name;
2. the dated archives every contributor shares (each theme's front page, day
   pages and month indexes) are laid out from the calendar
   (:func:`generator.archives.plan_archives`);
3. *contribute*: each contributor fills those pages with what it shows there,
   adds sections to pages others made (a night's Air Force figures on a day
   page), and adds its own pages and files.

Then contributors connect their pages to each other's, and the plan stage adds
what it makes from all of them: the feeds, the Data page (from the tables each
contributor offered and the lines it summarised each day with), and each
page's description and last day.

What contributors declare can be read only once all of them have (the builder
refuses earlier reads), so no contributor depends on the order they are
listed in. Nothing changes a page after the plan is finished; rendering only
reads it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Any, Protocol, TypeVar, runtime_checkable

from generator.cache import Fingerprinter
from generator.calendar import Calendar, RecordRef
from generator.derived import Derived
from generator.errors import PlanError
from generator.exports.table import Encodings, Table, digest
from generator.formatting import Formatter
from generator.model import Weapon
from generator.themes import Theme
from generator.timeline import KYIV, Moment, Timeline
from generator.urls import archive, download, published_file, redirect_html, resolve, url

SLOTS = ("top", "bottom", "record")
"""Where a page template can render contributed sections: before its records, after everything, on each record."""


@dataclass(frozen=True)
class PageKind:
    """What sort of page this is: its name, its template, whether search indexes it, and the slots the template renders."""

    name: str
    template: str
    searchable: bool = False
    slots: frozenset[str] = frozenset()
    """The :data:`SLOTS` its template renders: a section anywhere else would never be seen, and is refused."""


@runtime_checkable
class Viewable(Protocol):
    """A page variable whose views are computed when its page is rendered, and dropped once it is."""

    def view(self) -> Any:
        """What the template reads."""
        ...


T = TypeVar("T")


def neighbours(items: Sequence[T], position: int) -> tuple[T | None, T | None]:
    """The items before and after ``items[position]`` (None at either end): what a page's previous and next link to."""
    return (items[position - 1] if position > 0 else None, items[position + 1] if position + 1 < len(items) else None)


@dataclass(frozen=True)
class PageLink:
    """A link to another page of the site, with the words it is shown with."""

    path: str
    label: str


@dataclass(frozen=True)
class Download:
    """A table of the data a page shows, offered as files: what it holds, and a link to it in each format."""

    label: str
    files: list[PageLink]


@dataclass(frozen=True)
class Section:
    """A part of a page that a contributor adds: a partial template, where on the page it goes, and what it shows."""

    slot: str
    """One of :data:`SLOTS`: ``top`` (before the records), ``bottom`` (after everything), ``record`` (on one record)."""
    template: str
    view: Any

    def __post_init__(self) -> None:
        if self.slot not in SLOTS:
            raise PlanError(f"{self.template}: a section goes at one of {', '.join(SLOTS)}, not {self.slot!r}")


@dataclass
class Page:
    """One page of the site, as the plan knows it."""

    kind: PageKind
    path: str
    """Source path in the docs folder, e.g. ``archives/strikes-on-ukraine/2024-05-31.md``."""
    url: str
    """Where the page is published, relative to the site root."""
    title: str
    heading: str
    day: dt.date | None = None
    """The day the page covers, if it covers one."""
    previous: PageLink | None = None
    next: PageLink | None = None
    up: PageLink | None = None
    """The index page above this one (a day's month index, a month's overall tally)."""
    months: list[PageLink] = field(default_factory=list)
    """Links to month indexes, latest first, on a theme's front page."""
    variables: dict[str, Any] = field(default_factory=dict)
    """What the page's template renders, by name."""
    records: list[str] = field(default_factory=list)
    """Ids of the records this page shows."""
    sections: list[Section] = field(default_factory=list)
    record_sections: dict[str, list[Section]] = field(default_factory=dict)
    """Sections contributed to one record shown on this page, by record id."""
    downloads: list[Download] = field(default_factory=list)
    """The data this page shows, as files (CSV and JSON), table by table."""
    description: str | None = None
    """What a shared link previews and a search engine shows: the page's day, headline and top figure with claimant."""
    updated: dt.date | None = None
    """The latest publication day of the sources this page shows: the sitemap's last modification."""
    feeds: list[PageLink] = field(default_factory=list)
    """The Atom feeds the page's head offers: every day's briefings, and the page's theme's."""

    def sourced_up_to(self, day: dt.date | None) -> None:
        """Say that a source this page shows was published on ``day``: :attr:`updated` is the latest such day."""
        if day is not None and (self.updated is None or day > self.updated):
            self.updated = day

    @property
    def search_exclude(self) -> bool:
        """Whether the search index leaves this page out (every record is indexed once, on its home)."""
        return not self.kind.searchable

    def sections_at(self, slot: str) -> list[Section]:
        """The sections to render at ``slot``, in the order they were added."""
        return [section for section in self.sections if section.slot == slot]


@dataclass(frozen=True, eq=False)
class Asset:
    """A file the build writes beside the pages (a chart, a table's CSV, an archive): its bytes, made the first time
    they are asked for, and a key for what they are made from: the same key gives the same bytes, so the write stage
    leaves a file whose key has not changed since it wrote it, without making its bytes again."""

    path: str
    key: bytes
    produce: Callable[[], bytes] = field(repr=False)

    @classmethod
    def holding(cls, path: str, data: bytes) -> Asset:
        """A file whose bytes are already made: its key is their digest."""
        return cls(path, digest(data), lambda: data)

    @cached_property
    def data(self) -> bytes:
        """Its bytes."""
        return self.produce()

    def release(self) -> None:
        """Forget its bytes once written (they are made again if asked for): at a year of data the pages' tables
        hold some 500 MB, each row in nine tables or so."""
        self.__dict__.pop("data", None)


@dataclass(frozen=True)
class SitePlan:
    """The finished plan: what the render and write stages work from."""

    pages: list[Page]
    assets: list[Asset]
    homes: dict[str, str]
    """Record id -> source path of the page it lives on."""
    aliases: dict[str, str] = field(default_factory=dict)
    """Report id -> the event it is one report of: links to the report lead to the event."""
    directory_urls: bool = True
    """How pages are published (``x/`` or ``x.html``): links in raw HTML are written as published."""
    search_terms: dict[str, list[str]] = field(default_factory=dict)
    """Record id (its anchor on every page) -> other names of what it concerns, searched but not shown: ``Kyiv``,
    ``Київ`` for a strike the French site places in ``Kiev``, ``С-300`` for an ``S-300``."""
    encodings: Encodings = field(default_factory=Encodings)
    """How the files' table rows are encoded (their bytes are made at the write stage, which keeps them after)."""
    derived: Derived = field(default_factory=lambda: Derived(None, Fingerprinter()))
    """What the plan derived from one event alone: kept for the next build once the docs folder is written."""

    def target_of(self, record_id: str) -> str | None:
        """Where a link to ``record_id`` leads, ``page#anchor``; None for a record the site does not have."""
        found = resolve(record_id, self.homes, self.aliases)
        return f"{found[0]}#{found[1]}" if found is not None else None


@dataclass(frozen=True)
class WeaponMention:
    """The weapons one record names, for data sources that link them to their own figures."""

    theme: Theme
    record: RecordRef
    weapons: list[Weapon]


class PlanBuilder:
    """What contributors build the site plan through: the calendar, record homes, pages, sections and files."""

    def __init__(
        self,
        formatter: Formatter,
        directory_urls: bool = True,
        timeline: Timeline = KYIV,
        english: Formatter | None = None,
        encodings: Encodings | None = None,
        derived: Derived | None = None,
    ) -> None:
        self.formatter = formatter
        self.english = english or formatter
        """Names in English, for the data the site offers as files (whatever the site's language)."""
        self.encodings = encodings if encodings is not None else Encodings()
        """How the tables' rows are encoded into the files offered (the last build's encodings of the same cells)."""
        self.derived = derived if derived is not None else Derived(None, Fingerprinter())
        """What contributors derive from one event alone (rows, feed lines, search terms), kept between builds."""
        self.datasets: list[Table] = []
        """The tables of the whole dataset, for the Data page."""
        self.labels = formatter.labels
        self.directory_urls = directory_urls
        self.timeline = timeline
        """The site's time zone, where every day boundary is taken."""
        self.calendar = Calendar()
        self.homes: dict[str, str] = {}
        self.aliases: dict[str, str] = {}
        self._mentions: list[WeaponMention] = []
        self._search_terms: dict[str, list[str]] = {}
        self._pages: dict[str, Page] = {}
        self._assets: dict[str, Asset] = {}
        self._record_sections: dict[str, list[Section]] = {}
        self.summaries: dict[tuple[Theme, dt.date], list[str]] = {}
        """Per theme and day, one line per event (its headline and top figure with claimant): feeds and previews."""
        self.summarised: dict[tuple[Theme, dt.date], Moment] = {}
        """Per theme and day, the latest publication among the sources of its summary lines: its feed entry's time."""

    # Declaring

    def home(self, record_id: str, path: str) -> None:
        """Say that the record ``record_id`` lives on the page at ``path``."""
        self.homes[record_id] = path

    def alias(self, record_id: str, event_id: str) -> None:
        """Say that the record ``record_id`` is one report of ``event_id``: links to it lead to the event."""
        self.aliases[record_id] = event_id

    def mention(self, theme: Theme, record: RecordRef, weapons: Sequence[Weapon]) -> None:
        """Say that ``record`` names these weapons."""
        if self.calendar.closed:
            raise RuntimeError("weapons are mentioned in declare()")
        if weapons:
            self._mentions.append(WeaponMention(theme, record, list(weapons)))

    def end_declarations(self) -> None:
        """Every contributor has declared: the calendar and the mentions are complete, and may be read."""
        self.calendar.close()

    @property
    def mentions(self) -> list[WeaponMention]:
        """Every record's weapons, from every contributor; readable once all have declared."""
        if not self.calendar.closed:
            raise RuntimeError("weapon mentions are complete only once every contributor has declared; read them in contribute()")
        return self._mentions

    # Pages

    def add_page(self, kind: PageKind, path: str, title: str, heading: str | None = None, **fields: Any) -> Page:
        """A new page of the site; its URL follows from its path."""
        if path in self._pages:
            raise PlanError(f"two pages at {path}: {self._pages[path].kind.name} and {kind.name}")
        page = Page(kind, path, url(path, self.directory_urls), title, heading if heading is not None else title, **fields)
        self._pages[path] = page
        return page

    def page(self, path: str) -> Page | None:
        """The page at ``path``, if one was added."""
        return self._pages.get(path)

    def front_page(self, theme: Theme) -> Page:
        """A theme's front page."""
        return self._pages[archive(theme).front]

    def day_page(self, theme: Theme, day: dt.date, part: int = 1) -> Page:
        """The page of one day of a theme (one part of it, when the day is split)."""
        return self._pages[archive(theme).day(day, part)]

    def month_page(self, theme: Theme, month: str) -> Page:
        """A theme's month index (``month`` is ``YYYY-MM``)."""
        return self._pages[archive(theme).month(month)]

    def pages_of(self, kinds: Iterable[PageKind]) -> list[Page]:
        """Every page of these kinds, in the order they were added."""
        wanted = set(kinds)
        return [page for page in self._pages.values() if page.kind in wanted]

    def pages_of_every_kind(self) -> list[Page]:
        """Every page, in the order they were added."""
        return list(self._pages.values())

    def add_section(self, page: Page, section: Section) -> None:
        """Add a section to a page that another step made, at a slot its template renders."""
        if section.slot == "record" or section.slot not in page.kind.slots:
            raise PlanError(f"{page.path}: {page.kind.template} shows no {section.slot!r} section ({section.template})")
        page.sections.append(section)

    def add_record_section(self, record_id: str, section: Section) -> None:
        """Add a section to a record, shown on every page that shows the record."""
        if section.slot != "record":
            raise PlanError(f"{section.template}: a record's section goes at the 'record' slot, not {section.slot!r}")
        self._record_sections.setdefault(record_id, []).append(section)

    def add_asset(self, path: str, data: bytes) -> None:
        """A file to write beside the pages."""
        self.add_made_asset(Asset.holding(path, data))

    def add_made_asset(self, asset: Asset) -> None:
        """A file to write beside the pages, whose bytes are made when the write stage needs them."""
        if asset.path in self._assets or asset.path in self._pages:
            raise PlanError(f"two files at {asset.path}")
        self._assets[asset.path] = asset

    def table_file(self, path: str, table: Table, extension: str) -> Asset:
        """A table in one of its formats, as a file whose bytes are made when needed (keyed by its rows)."""
        return Asset(path, table.key(extension), partial(table.data, extension, self.encodings))

    def offer(self, page: Page, table: Table) -> None:
        """Offer ``table`` (the data ``page`` shows) as CSV and JSON files beside the page, linked from it."""
        files = []
        for extension in table.formats:
            path = download(page.path, table.name, extension)
            self.add_made_asset(self.table_file(path, table, extension))
            files.append(PageLink(path, extension.upper()))
        page.downloads.append(Download(str(self.labels.tables[table.name]), files))

    def add_dataset(self, table: Table) -> None:
        """A table of the whole dataset, for the Data page (one per name; they are kept in the order added)."""
        if any(known.name == table.name for known in self.datasets):
            raise PlanError(f"two datasets named {table.name}")
        self.datasets.append(table)
        self.encodings.hold(table)

    def summarise(self, theme: Theme, day: dt.date, line: str, published: Moment | None = None) -> None:
        """One line of what ``theme`` shows on ``day`` (an event: headline, top figure and claimant), for its feeds and
        the previews of its pages; ``published``, when its latest source was."""
        self.summaries.setdefault((theme, day), []).append(line)
        known = self.summarised.get((theme, day))
        if published is not None and (known is None or known.start < published.start):  # a time on the day is later
            self.summarised[(theme, day)] = published

    def add_search_terms(self, record_id: str, terms: Iterable[str]) -> None:
        """Words a search for ``record_id`` should find it by, beyond what its card says (each kept once)."""
        known = self._search_terms.setdefault(record_id, [])
        known.extend(term for term in dict.fromkeys(terms) if term not in known)

    def redirect(self, old: str, new: str) -> None:
        """Keep the URL of a page that moved (``old`` and ``new`` are source paths) working: a page there leads on."""
        if old == new or old in self._pages:
            return
        target = published_file(old, self.directory_urls)
        if target not in self._assets:
            self.add_asset(target, redirect_html(old, new, self.directory_urls))

    def finish(self) -> SitePlan:
        """The finished plan: each page gets the sections contributed to the records it shows."""
        for page in self._pages.values():
            page.sections.sort(key=lambda section: section.template)  # the same order whatever order contributors run in
            page.record_sections = {record: self._record_sections[record] for record in page.records if record in self._record_sections}
            if page.record_sections and "record" not in page.kind.slots:
                raise PlanError(f"{page.path}: {page.kind.template} shows no section on its records ({', '.join(page.record_sections)})")
        unknown = sorted(alias for alias, event in self.aliases.items() if event not in self.homes)
        if unknown:
            raise PlanError(f"reports of events that have no page: {', '.join(unknown)}")
        terms = {record: self._search_terms[record] for record in sorted(self._search_terms)}
        pages, assets = list(self._pages.values()), list(self._assets.values())
        return SitePlan(pages, assets, dict(self.homes), dict(self.aliases), self.directory_urls, terms, self.encodings, self.derived)
