"""Relative links from the page being rendered to any page or record of the site.

MkDocs resolves Markdown links relative to the current file and validates
them (anchors included), so every cross-page link is built here, from the
layout, never spelled out in a template.
"""

from __future__ import annotations

import datetime as dt
import posixpath

from markupsafe import Markup

from generator import escape
from generator.layout import Layout
from generator.model import WeaponCategory

FIXED_PAGES = {"home": "index.md", "places": "places/index.md", "weapons": "weapons/index.md"}


class Links:
    """Link targets as seen from ``current`` (a docs-relative Markdown path)."""

    def __init__(self, current: str, layout: Layout) -> None:
        self.current = current
        self.layout = layout
        self.used: dict[str, str] = {}
        """Records linked to, and the page each lived on: a page must be rendered again if one moves."""

    def _relative(self, target: str) -> Markup:
        start = posixpath.dirname(self.current) or "."
        return Markup(posixpath.relpath(target, start))  # noqa: S704 - paths built from validated ids and slugs

    def page(self, kind: str) -> Markup:
        """A theme's front page, the home page, or the place and weapon indexes."""
        return self._relative(FIXED_PAGES.get(kind) or Layout.theme_page(kind))

    def record(self, record_id: str) -> Markup:
        """The permanent home of a record or an article (its day page), with its anchor."""
        home = self.layout.home_of[record_id]
        self.used[record_id] = home
        return self._relative(home) + Markup("#") + escape.anchor(record_id)

    def day(self, theme: str, day: dt.date, part: int = 1) -> Markup:
        """A theme's archive page for one day (or one part of a split day)."""
        return self._relative(Layout.day_page(theme, day, part))

    def month(self, theme: str, month: str) -> Markup:
        """A theme's month index."""
        return self._relative(Layout.month_page(theme, month))

    def region(self, key: tuple[str, str]) -> Markup:
        """The index page of a region, keyed by (country, region)."""
        return self._relative(f"places/{self.layout.region_slugs[key]}.md")

    def weapon(self, key: tuple[WeaponCategory, str | None]) -> Markup:
        """The index page of a weapon, keyed by (category, model)."""
        return self._relative(f"weapons/{self.layout.weapon_slugs[key]}.md")
