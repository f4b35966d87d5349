"""The door through which a data source joins the site: the :class:`Contributor` protocol.

The articles (:mod:`generator.articles`) and the Ukrainian Air Force's imported
reports (:mod:`generator.airforce`) are both contributors, the way Pelican's
generators each contribute their content to one site. A build asks each of
them, in the order :mod:`generator.contributors` lists them:

- which content files it reads (the load stage reads them all with the one
  YAML loader), which parties it brings of its own, then to validate its
  documents against the party registry;
- to *declare* what the site plan must know before any page exists: the days
  it has something to show, where its own records live, the weapons its
  records name;
- to *contribute*: fill the shared pages with what it shows there, add
  sections to pages others made, add pages and files of its own;
- to *connect*: once all have contributed, add sections to the pages other
  contributors made of their own (a weapon page, the weapons index);
- for the Jinja filters its templates use.

Adding a data source is writing one contributor and listing it; no core module
changes, and nothing patches a finished plan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from pydantic import BaseModel

from generator.errors import Problem
from generator.formatting import Formatter
from generator.gazetteer import Atlas
from generator.load import RawDocument
from generator.model import Party
from generator.pages import PlanBuilder


@dataclass(frozen=True)
class Registry:
    """What every contributor validates against: the declared parties, and the ids others reserve."""

    parties: dict[str, Party] | None
    """Party id -> party; None when `parties.yaml` itself failed, so references are not checked (all would be unknown)."""
    parties_file: str
    """How messages name the party registry file."""
    atlas: Atlas
    """Every place a record may name (the shipped gazetteer and the editors' additions), each located once."""
    reserved: dict[str, str] = field(default_factory=dict)
    """Id prefix -> whose records it is reserved for (``af-`` -> ``the imported Air Force data``)."""


class Contributor(Protocol):
    """A data source of the site. One instance per build: it keeps what it validated."""

    name: str
    """Short name, used in messages and timings."""
    reserved_prefix: tuple[str, str] | None
    """(id prefix, whose records) this source makes ids with, which no other source may use; or None."""
    documented: tuple[type[BaseModel], ...]
    """Content classes whose fields the README's schema reference documents."""

    def content_files(self, content_dir: Path) -> list[Path]:
        """The content files this source reads, in a stable order."""
        ...

    def parties(self) -> list[Party]:
        """Parties this source names as claimants on its own (the owners of the Air Force's accounts): part of the
        site's party registry unless `parties.yaml` declares the same id, whose declaration then stands."""
        ...

    def validate(self, documents: list[RawDocument], registry: Registry) -> list[Problem]:
        """Validate the documents read from :meth:`content_files`; keep what is valid, return every problem."""
        ...

    def hints(self) -> list[Problem]:
        """Located advice, not errors, that ``briefing check`` prints: what the editor may have meant."""
        ...

    def release(self) -> None:
        """Forget what validation kept only for :meth:`hints` (the files as parsed, with their lines): a build never
        asks for hints, and at a year of data the parsed files hold a seventh of its peak memory."""
        ...

    def counts(self) -> dict[str, int]:
        """What it holds, for the build summary: ``{"article(s)": 1, "record(s)": 6}``."""
        ...

    def last_day(self) -> dt.date | None:
        """The latest day its content speaks of (a reproducible build is dated by the latest of all)."""
        ...

    def declare(self, plan: PlanBuilder) -> None:
        """Declare its days in the calendar, the homes of records it lays out itself, and the weapons its records name."""
        ...

    def contribute(self, plan: PlanBuilder) -> None:
        """Fill the shared pages with what it shows there, add sections, pages and files."""
        ...

    def connect(self, plan: PlanBuilder) -> None:
        """Once every contributor has contributed: add sections to pages others made in ``contribute`` (the Air
        Force's models on the articles' weapon pages), so that no contributor depends on the order they run in."""
        ...

    def filters(self, formatter: Formatter) -> dict[str, Callable[..., Any]]:
        """Jinja filters its templates use, formatting its values for readers."""
        ...
