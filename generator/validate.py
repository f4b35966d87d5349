"""The validate stage: check every document against the typed model and against the others.

The party registry comes first (`parties.yaml`, over the parties contributors
bring: the owners of the Air Force's accounts); then each contributor validates
its own documents against it. Every problem in every file is collected before anything
stops (what kept a file from parsing included), and each one names the file,
the line, the field, what was expected and what was found.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TypeVar

from generator.cache import Fingerprinter
from generator.contributor import Contributor, Registry
from generator.diagnostics import parse_document
from generator.errors import ContentError, Problem
from generator.formatting import Formatter
from generator.gazetteer import Atlas, Entry, add_places, shipped_gazetteer
from generator.labels import Labels
from generator.load import LoadedContent
from generator.model import UNATTRIBUTED, PartiesFile, Party

C = TypeVar("C")


@dataclass(frozen=True)
class Content:
    """Everything validated: the parties, and each contributor holding its own data."""

    parties: dict[str, Party]
    contributors: list[Contributor]
    atlas: Atlas
    """Where each place is: the shipped gazetteer with the editors' additions."""
    fingerprint: Fingerprinter = field(default_factory=Fingerprinter, compare=False, repr=False)
    """The build's digests of its values, each made once: the plan's memo (:mod:`generator.derived`) and the render
    cache key by them."""

    def formatter(self, labels: Labels, language: str) -> Formatter:
        """How values read in one language, party and place names included."""
        return Formatter(labels, language, self.parties, self.atlas)

    @property
    def shared(self) -> tuple[dict[str, Party], tuple[Entry, ...]]:
        """What every page is rendered with besides its own records: party names, the editors' places."""
        return self.parties, self.atlas.gazetteer.added

    def counts(self) -> dict[str, int]:
        """What the content holds, every contributor's counts in order: ``{"article(s)": 1, ...}``."""
        return {label: number for contributor in self.contributors for label, number in contributor.counts().items()}

    def summary(self) -> str:
        """``1 article(s), 6 record(s), 253 Air Force wave(s)``."""
        return ", ".join(f"{number} {label}" for label, number in self.counts().items())

    @property
    def last_day(self) -> dt.date:
        """The latest day the content speaks of: what a reproducible build is dated by."""
        return max(day for contributor in self.contributors if (day := contributor.last_day()) is not None)

    def hints(self) -> list[Problem]:
        """Every contributor's hints, in file and line order."""
        return sorted(hint for contributor in self.contributors for hint in contributor.hints())

    def release(self) -> None:
        """Forget what each contributor kept only for hints (see :meth:`generator.contributor.Contributor.release`)."""
        for contributor in self.contributors:
            contributor.release()

    def find(self, kind: type[C]) -> C:
        """The contributor of this class."""
        return next(contributor for contributor in self.contributors if isinstance(contributor, kind))


def validate_content(loaded: LoadedContent, contributors: list[Contributor]) -> Content:
    """Validate everything loaded; raise :class:`ContentError` listing every problem, from every file."""
    declared, problems = _registry(loaded)
    parties = {party.id: party for contributor in contributors for party in contributor.parties()} | declared
    registry_ok = loaded.parties is not None and not problems
    problems += loaded.problems
    gazetteer, found = add_places(loaded.places, shipped_gazetteer())
    atlas = Atlas(gazetteer)
    problems += found
    for contributor in contributors:
        reserved = {
            other.reserved_prefix[0]: other.reserved_prefix[1]
            for other in contributors
            if other is not contributor and other.reserved_prefix is not None
        }
        registry = Registry(parties if registry_ok else None, loaded.parties_file, atlas, reserved)
        problems += contributor.validate(loaded.documents[contributor.name], registry)
    if problems:
        raise ContentError(problems)
    return Content(parties, contributors, atlas)


def _registry(loaded: LoadedContent) -> tuple[dict[str, Party], list[Problem]]:
    """The declared parties, by id, and what is wrong with the registry."""
    problems = list(loaded.parties_problems)
    parties: dict[str, Party] = {}
    document = loaded.parties
    if document is None:
        return parties, problems
    registry, found = parse_document(document, PartiesFile)
    problems += found
    for index, party in enumerate(registry.parties if registry else []):
        if party.id in parties or party.id == UNATTRIBUTED:
            problems.append(
                Problem(
                    document.path, document.line_of(("parties", index, "id")), f"parties[{index}].id", f"duplicate party id '{party.id}'"
                )
            )
        parties[party.id] = party
    return parties, problems
