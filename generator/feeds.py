"""The site's Atom feeds (RFC 4287), written with feedgen: one of the daily briefings, one per theme.

Each entry is one day: its page, its events in a line each (headline, place,
top figure with who claims it) as a plain-text summary, and as its ``updated``
the latest publication time among the day's sources, so an entry changes when
a new report of its day arrives and never because the site was rebuilt. Entry
and feed ids are ``urn:uuid:`` names derived from the page's address: stable
across builds. The feed's own ``updated`` is its latest entry's. Links are
absolute under the site's ``site_url`` (``mkdocs.yml``); without one they are
relative to the feed, which readers resolve against the feed's address.

feedgen (maintained, lxml underneath) builds the XML, so text is escaped by the
XML library rather than by hand; characters XML 1.0 cannot carry are dropped.
Feeds are files beside the pages, linked from every page's head
(``<link rel="alternate">``) and from the Data page.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import uuid
from dataclasses import dataclass

from feedgen.feed import FeedGenerator

from generator.archives import BRIEFING, DAY
from generator.pages import Page, PageLink, PlanBuilder
from generator.themes import Theme
from generator.timeline import Moment
from generator.urls import archive, feed, url

MAX_ENTRIES = 60
"""The latest days a feed carries (about two months): what a reader catches up on; older days are on the site."""

THEMES = (Theme.attribution, Theme.on_russia, Theme.on_ukraine)
"""The themes with a feed of their own."""

_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold (control characters, lone surrogates)."""
    return _NOT_XML.sub("", text)


@dataclass(frozen=True)
class Entry:
    """One day of a feed: its page, title, summary lines and when its sources were last published."""

    page: Page
    title: str
    lines: list[str]
    updated: dt.datetime


def _instant(moment: Moment | None, day: dt.date, plan: PlanBuilder) -> dt.datetime:
    """When a day's sources were last published: the instant, or the start of the day when they give a date alone."""
    if moment is not None:
        return moment.start
    return plan.timeline.moment(day).start


class Feeds:
    """Addresses as the feeds give them: absolute under ``site_url``, else relative to the feed."""

    def __init__(self, plan: PlanBuilder, site_url: str | None) -> None:
        self.plan = plan
        self.site_url = site_url.rstrip("/") + "/" if site_url else None

    def link(self, path: str, feed_path: str) -> str:
        published = url(path, self.plan.directory_urls)
        if self.site_url is not None:
            return self.site_url + published
        return posixpath.relpath(published or ".", posixpath.dirname(feed_path)) + ("/" if published.endswith("/") or not published else "")

    def write(self, name: str, title: str, front: str, entries: list[Entry]) -> PageLink:
        """One feed at ``feeds/<name>.xml``, its latest :data:`MAX_ENTRIES` entries newest first."""
        plan, path = self.plan, feed(name)
        latest = sorted(entries, key=lambda entry: entry.page.day or dt.date.min, reverse=True)[:MAX_ENTRIES]
        generator = FeedGenerator()
        generator.id(self._id(path))
        generator.title(xml_text(title))
        generator.subtitle(xml_text(str(plan.labels.data_feeds_intro)))
        generator.author({"name": str(plan.labels.site_name)})
        generator.link(href=self.link(path, path) if self.site_url else posixpath.basename(path), rel="self", type="application/atom+xml")
        generator.link(href=self.link(front, path), rel="alternate", type="text/html")
        generator.language(plan.formatter.language)
        generator.updated(max((entry.updated for entry in latest), default=dt.datetime(1970, 1, 1, tzinfo=dt.UTC)))
        for entry in latest:
            item = generator.add_entry(order="append")
            item.id(self._id(entry.page.path))
            item.title(xml_text(entry.title))
            item.link(href=self.link(entry.page.path, path), rel="alternate", type="text/html")
            item.updated(entry.updated)
            item.summary(xml_text("\n".join(entry.lines) or str(plan.labels.feed_no_figure)), type="text")
        plan.add_asset(path, generator.atom_str(pretty=True))
        return PageLink(path, title)

    def _id(self, path: str) -> str:
        where = self.site_url + path if self.site_url else path
        return uuid.uuid5(uuid.NAMESPACE_URL, where).urn


def add_feeds(plan: PlanBuilder, site_url: str | None) -> list[PageLink]:
    """The briefings feed, then each theme's (in :data:`THEMES`' order): their links, for the Data page and the pages'
    heads (:func:`link_feeds`)."""
    feeds, labels, formatter, calendar = Feeds(plan, site_url), plan.labels, plan.formatter, plan.calendar
    site = str(labels.site_name)
    briefings = [
        Entry(
            page,
            page.title,
            [line for theme in Theme for line in plan.summaries.get((theme, page.day), [])],
            _instant(calendar.as_of(page.day), page.day, plan),
        )
        for page in plan.pages_of([BRIEFING])
        if page.day is not None
    ]
    main = feeds.write("briefings", f"{site} — {labels.feed_briefings}", "index.md", briefings)
    made = [main]
    by_theme: dict[Theme, PageLink] = {}
    for theme in THEMES:
        place = archive(theme)
        entries = []
        for page in plan.pages_of([DAY[theme]]):
            if page.day is None or page.path != place.day(page.day):
                continue  # a further part of a split day: the day's entry leads to its first part
            title = str(labels.page_of_day.format(title=formatter.theme(theme), day=formatter.date(page.day)))
            lines = plan.summaries.get((theme, page.day)) or calendar.day(theme, page.day).details
            published = plan.summarised.get((theme, page.day)) or calendar.as_of(page.day)  # its theme's sources
            entries.append(Entry(page, title, lines, _instant(published, page.day, plan)))
        by_theme[theme] = feeds.write(
            place.slug, str(labels.feed_theme.format(site=site, theme=formatter.theme(theme))), place.front, entries
        )
        made.append(by_theme[theme])
    return made


def link_feeds(plan: PlanBuilder, feeds: list[PageLink]) -> None:
    """Every page's head offers the briefings feed (the first of ``feeds``), and a theme's pages their theme's too."""
    if not feeds:
        return
    main, by_theme = feeds[0], dict(zip(THEMES, feeds[1:], strict=True))
    for page in plan.pages_of_every_kind():
        page.feeds = [main, *(link for theme, link in by_theme.items() if archive(theme).holds(page.path))]
