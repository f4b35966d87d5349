"""Where everything lives on the site: the source path and URL of every page, record anchors, slugs, relative links.

This module alone spells out paths. Every page has a *source path* in the docs
folder (``archives/strikes-on-ukraine/2024-05-31.md``), which the site plan,
the render cache and the write stage use, and a *URL* the engine publishes it
at (``archives/strikes-on-ukraine/2024-05-31/`` with directory URLs). Pages
link to each other with relative Markdown links from one source path to
another, which MkDocs (and Zensical) resolve and validate, anchors included;
:class:`Links` builds them, so no template or view spells a path.

Every record has one permanent home, a page, and an anchor that is its id.
"""

from __future__ import annotations

import base64
import datetime as dt
import posixpath
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

from anyascii import anyascii
from markupsafe import Markup
from translitua import RussianInternationalPassport, UkrainianKMU, translit

from generator import escape
from generator.themes import Theme

HOME = "index.md"
"""The home page."""


def slugify(text: str) -> str:
    """ASCII slug for file names: ``Kraï de Krasnodar`` -> ``krai-de-krasnodar``, ``Молнія`` -> ``molniia``.

    Cyrillic is romanised by the Ukrainian national system (KMU 2010, ``translitua``), the letters it does not have
    (``ы``, ``э``, ``ё``, ``ъ``) by the Russian international-passport system (ICAO 9303); any other script by
    ``anyascii``. Each is a fixed table, so a slug depends on its own text only. Then what is not a letter or digit
    becomes a hyphen.
    """
    text = unicodedata.normalize("NFC", text)
    if _CYRILLIC.search(text):
        text = translit(translit(text, UkrainianKMU), RussianInternationalPassport)
    slug = re.sub(r"[^a-z0-9]+", "-", anyascii(text).lower()).strip("-")
    return slug[:60].strip("-") or "x"


_CYRILLIC = re.compile("[\u0400-\u04ff]")


@dataclass
class Slugs:
    """Hands out slugs unique within one folder: the second ``x`` becomes ``x-2``."""

    taken: set[str] = field(default_factory=set)

    def take(self, wanted: str) -> str:
        """A slug for ``wanted`` (already slugified) that no earlier call returned."""
        slug, suffix = wanted, 2
        while slug in self.taken:
            slug, suffix = f"{wanted}-{suffix}", suffix + 1
        self.taken.add(slug)
        return slug


@dataclass(frozen=True)
class Archive:
    """A part of the site with a front page and dated archives: a theme, or a data source's own tallies."""

    slug: str

    @property
    def front(self) -> str:
        """The front page (``strikes-on-ukraine.md``)."""
        return f"{self.slug}.md"

    def day(self, day: dt.date, part: int = 1) -> str:
        """The page of one day (``part`` 2, 3... when the day is split)."""
        suffix = f"-{part}" if part > 1 else ""
        return f"archives/{self.slug}/{day.isoformat()}{suffix}.md"

    def month(self, month: str) -> str:
        """The month index (``month`` is ``YYYY-MM``)."""
        return f"archives/{self.slug}/{month}.md"

    def holds(self, path: str) -> bool:
        """Whether ``path`` is this archive's front page or one of its dated pages."""
        return path == self.front or path.startswith(f"archives/{self.slug}/")

    def entry(self, group: str, slug: str) -> str:
        """A page of its own for one thing of this archive (``archives/air-force/models/kalibr.md``)."""
        return f"archives/{self.slug}/{group}/{slug}.md"

    def file(self, group: str, name: str) -> str:
        """A file written beside the pages (``archives/air-force/charts/all-national.svg``)."""
        return f"archives/{self.slug}/{group}/{name}"


@dataclass(frozen=True)
class Briefings:
    """Where every day's briefing is kept: ``briefings/2024-05-31.md``, and the index of them all, ``briefings.md``."""

    front: str = "briefings.md"

    def day(self, day: dt.date) -> str:
        """The briefing of one day."""
        return f"briefings/{day.isoformat()}.md"


BRIEFINGS = Briefings()


_THEME_ARCHIVES = {
    Theme.attribution: Archive("attribution"),
    Theme.on_russia: Archive("strikes-on-russia"),
    Theme.on_ukraine: Archive("strikes-on-ukraine"),
    Theme.sources: Archive("sources"),
}


def archive(theme: Theme) -> Archive:
    """Where a theme's front page and archives live."""
    return _THEME_ARCHIVES[theme]


@dataclass(frozen=True)
class Index:
    """A folder of pages about things rather than days: places, weapons."""

    slug: str

    @property
    def front(self) -> str:
        """The index page (``places/index.md``)."""
        return f"{self.slug}/index.md"

    def entry(self, slug: str) -> str:
        """The page of one thing (``places/ua-oblast-d-odessa.md``)."""
        return f"{self.slug}/{slug}.md"

    def month(self, slug: str, month: str) -> str:
        """One month of a thing's events, when they are too many for its page (``places/ua-kharkiv-oblast/2024-05.md``)."""
        return f"{self.slug}/{slug}/{month}.md"


PLACES = Index("places")
WEAPONS = Index("weapons")

MAP_OUTLINES = "maps/outlines.svg"
"""The outlines every map on the site shares, drawn once (``<use>``): one download for every page."""

ASSETS = "assets"
"""The folder of the site's own stylesheet and scripts (``templates/assets/`` is copied there)."""

OFFLINE_SHIM = f"{ASSETS}/javascripts/briefing/iframe-worker.js"
"""The offline edition's stand-in for a search worker under ``file://`` (``templates/assets/``)."""


def offline_edition(day: dt.date) -> str:
    """The offline edition of ``day``: its zip among the site's files, and its name (``offline/briefing-2026-12-01.zip``)."""
    return f"offline/briefing-{day.isoformat()}.zip"


def download(page: str, table: str, extension: str) -> str:
    """The file of a table a page shows, beside the page: ``archives/x/2024-05-31.md`` -> ``archives/x/2024-05-31.claims.csv``."""
    return f"{page.removesuffix('.md')}.{table}.{extension}"


DATA = "data.md"
"""The Data page: every download of the whole dataset, the schemas and the feeds."""

DATASET = "data"
"""The folder of the whole dataset's files (``data/claims.csv``, ``data/2024-05.zip``, ``data/schemas/``)."""

FEEDS = "feeds"
"""The folder of the Atom feeds (``feeds/briefings.xml``, ``feeds/strikes-on-ukraine.xml``)."""


def dataset(name: str) -> str:
    """A file of the whole dataset: ``dataset("claims.csv")`` -> ``data/claims.csv``."""
    return f"{DATASET}/{name}"


def feed(name: str) -> str:
    """An Atom feed: ``feed("briefings")`` -> ``feeds/briefings.xml``."""
    return f"{FEEDS}/{name}.xml"


def place_slug(country: str, region: str) -> str:
    """The slug a region's page is wanted at: ``ua-oblast-d-odessa`` (hand it to :class:`Slugs`)."""
    return f"{country.lower()}-{slugify(region)}"


def weapon_slug(category: str, model: str | None) -> str:
    """The slug a weapon's page is wanted at: ``ballistic-missile-kn-23``, ``drone`` (hand it to :class:`Slugs`)."""
    return slugify(f"{category} {model or ''}")


def anchor(prefix: str, key: str) -> str:
    """The id (and anchor) of a record a data source makes itself: ``anchor("af-night", "2024-05-31")``."""
    return f"{prefix}-{key}"


@dataclass(frozen=True)
class Target:
    """What a link points at, whatever page it is seen from: a page or file by its source path, or a record by its id."""

    path: str | None = None
    record: str | None = None

    @classmethod
    def page(cls, path: str) -> Target:
        """A page or a file."""
        return cls(path=path)

    @classmethod
    def of_record(cls, record_id: str) -> Target:
        """A record, wherever it lives."""
        return cls(record=record_id)


def url(path: str, directory_urls: bool = True) -> str:
    """The URL a source path is published at, relative to the site root: ``archives/x/2024-05-31.md`` -> ``archives/x/2024-05-31/``."""
    if not path.endswith(".md"):
        return path
    stem = path.removesuffix(".md")
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index":
        return ""
    return f"{stem.removesuffix('/index')}/"


def published_file(path: str, directory_urls: bool = True) -> str:
    """The HTML file a source path is published as: ``places/x.md`` -> ``places/x/index.html`` (or ``places/x.html``)."""
    published = url(path, directory_urls)
    return f"{published}index.html" if published.endswith("/") or not published else published


SVG_DATA = "data:image/svg+xml;base64,"
"""The prefix of an SVG drawn inside a page (the sanitise stage lets no other ``data:`` URL through)."""


def svg_data_uri(svg: str) -> Markup:
    """An SVG as a ``data:`` URL for an image drawn inside the page: base64, so nothing in it reads as Markdown."""
    return Markup(SVG_DATA + base64.b64encode(svg.encode("utf-8")).decode("ascii"))  # noqa: S704 - base64 characters only


def redirect_html(old: str, new: str, directory_urls: bool = True) -> bytes:
    """A page left where ``old`` (a source path) was published, sending readers on to ``new``: no script, so the
    Content-Security-Policy allows it, and a plain link for whatever ignores the refresh."""
    start = posixpath.dirname(published_file(old, directory_urls)) or "."
    target = posixpath.relpath(url(new, directory_urls) or ".", start)
    if url(new, directory_urls).endswith("/") and not target.endswith("/"):
        target += "/"
    quoted = escape.attribute(target)
    return (
        '<!doctype html>\n<html><head><meta charset="utf-8">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self'; base-uri 'none'\">"
        f'<meta http-equiv="refresh" content="0; url={quoted}"><link rel="canonical" href="{quoted}">'
        f'<meta name="robots" content="noindex"><title>{quoted}</title></head>'
        f'<body><p><a href="{quoted}">{quoted}</a></p></body></html>\n'
    ).encode()


def resolve(record_id: str, homes: Mapping[str, str], aliases: Mapping[str, str]) -> tuple[str, str] | None:
    """Where a link to ``record_id`` leads: the page and anchor of its event when it is one report of one, else its own;
    None for a record the site does not have."""
    target = aliases.get(record_id, record_id)
    home = homes.get(target)
    return (home, target) if home is not None else None


class Links:
    """Relative links from the page at ``current`` (a source path) to any page, file or record of the site."""

    def __init__(
        self, current: str, homes: Mapping[str, str], aliases: Mapping[str, str] | None = None, directory_urls: bool = True
    ) -> None:
        self.current = current
        self.directory_urls = directory_urls
        self.homes = homes
        self.aliases = aliases or {}
        """Report id -> event id: a link to one report of an event leads to the event."""
        self.used: dict[str, str] = {}
        """Records linked to, and where each link led (``page#anchor``): a page must be rendered again if one moves."""

    def to(self, path: str) -> Markup:
        """A page or file, by its source path."""
        start = posixpath.dirname(self.current) or "."
        return Markup(posixpath.relpath(path, start))  # noqa: S704 - source paths are built here from validated ids and slugs

    def record(self, record_id: str) -> Markup:
        """The permanent home of a record or an article, with its anchor; for one report of an event, the event's."""
        found = resolve(record_id, self.homes, self.aliases)
        if found is None:
            raise KeyError(record_id)
        home, target = found
        self.used[record_id] = f"{home}#{target}"
        return self.to(home) + Markup("#") + escape.anchor(target)

    def published(self, record_id: str) -> str:
        """The link to a record as the published page has it (``../2024-05-30/#id``): for raw HTML, such as a map's
        points, which the engine does not rewrite the way it rewrites Markdown links to source paths."""
        found = resolve(record_id, self.homes, self.aliases)
        if found is None:
            raise KeyError(record_id)
        home, target = found
        self.used[record_id] = f"{home}#{target}"
        if url(self.current, self.directory_urls) == url(home, self.directory_urls):
            return f"#{target}"
        return f"{self.published_file(home)}#{target}"

    def published_file(self, path: str) -> str:
        """The link to a page or file (by its source path) as the published page has it: for raw HTML."""
        here, there = url(self.current, self.directory_urls), url(path, self.directory_urls)
        base = here.rstrip("/") if here.endswith("/") or not here else posixpath.dirname(here)
        relative = posixpath.relpath(there.rstrip("/") or ".", base or ".")
        return f"{relative}{'/' if there.endswith('/') or not there else ''}"

    def target(self, target: Target) -> Markup:
        """Whatever ``target`` points at."""
        if target.record is not None:
            return self.record(target.record)
        assert target.path is not None
        return self.to(target.path)

    def front(self, theme: Theme) -> Markup:
        """A theme's front page."""
        return self.to(archive(theme).front)

    def day(self, theme: Theme, day: dt.date) -> Markup:
        """The (first) page of one day of a theme."""
        return self.to(archive(theme).day(day))
