"""The render cache: render only the pages whose inputs changed since the last build.

Each page's inputs are fingerprinted: its template set (every file under
``templates/``), the generator's own code, the versions of the libraries that
shape the output, the site language, the page's record in the site plan (kind,
path, neighbours, variables, sections: everything it is rendered from) and the
party registry (names are looked up while rendering). A page whose fingerprint
matches the last build's, whose links still point where they pointed, and whose
Markdown file is still the one that build wrote, is not rendered again and its
file is not touched.
The fingerprints live in a JSON file beside the docs folder; deleting it
only costs a full render.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterable
from enum import Enum
from importlib import metadata
from pathlib import Path
from typing import Any, Protocol

from pydantic import BaseModel

from generator.files import file_digest, file_identity, walk_files, write_atomically

log = logging.getLogger(__name__)

FORMAT = 3
LIBRARIES = ("jinja2", "markupsafe", "babel", "pydantic")
"""Libraries whose version changes what a page renders to (formatting of dates, escaping)."""
GENERATOR_DIR = Path(__file__).resolve().parent


def tree_digest(folders: Iterable[Path]) -> str:
    """One hash of every file under ``folders`` (names and bytes)."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in walk_files(folder):
            if "__pycache__" in path.parts or not path.is_file():
                continue  # bytecode; a dangling link (reading it would fail the build anyway, where it is read)
            digest.update(os.fsencode(path.relative_to(folder)))  # any name the file system holds, UTF-8 or not
            try:
                digest.update(file_digest(path).encode("ascii"))
            except OSError:
                digest.update(b"unreadable")  # whichever stage reads it says why
    return digest.hexdigest()


CODE_DIGEST = tree_digest([GENERATOR_DIR])
"""The generator's code as this process imported it (not as it is on disk later: an edit while ``serve`` runs, or a
pull during a build, must not be vouched for by caches the old code wrote)."""


class Derived(Protocol):
    """A value computed by code from other values: it is fingerprinted by those (the code is in the salt). Told by its
    ``fingerprint_inputs`` attribute, not ``isinstance`` (slow on a Protocol)."""

    def fingerprint_inputs(self) -> Any:
        """What the value is computed from."""
        ...


_PLAIN = (str, int, float, bool, type(None), dt.date, Enum)
"""Values fingerprinted by their ``repr``."""
_SEQUENCES = (list, tuple, set, frozenset)


class Fingerprinter:
    """Hashes the values a page is rendered from; shared values are hashed once per build."""

    def __init__(self) -> None:
        self._known: dict[int, tuple[Any, str]] = {}
        self._encoders: dict[type, Callable[[Any], str]] = {}
        """Per type met: how its values are encoded (told once per type, not once per value)."""

    def __call__(self, *values: Any) -> str:
        digest = hashlib.sha256()
        for value in values:
            digest.update(self._digest(value).encode())
        return digest.hexdigest()

    def _digest(self, value: Any) -> str:
        encoder = self._encoders.get(type(value)) or self._encoder_of(type(value))
        if encoder is repr:
            return repr(value)
        known = self._known.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
        result = hashlib.sha256(encoder(value).encode()).hexdigest()
        self._known[id(value)] = (value, result)
        return result

    def _encoder_of(self, kind: type) -> Callable[[Any], str]:
        encoder: Callable[[Any], str]
        if issubclass(kind, _PLAIN):
            encoder = repr
        elif issubclass(kind, BaseModel):
            encoder = lambda value: kind.__name__ + value.model_dump_json()  # noqa: E731
        elif hasattr(kind, "fingerprint_inputs"):  # a Derived value
            encoder = lambda value: kind.__name__ + ":" + self._digest(value.fingerprint_inputs())  # noqa: E731
        elif dataclasses.is_dataclass(kind):
            names = tuple(field.name for field in dataclasses.fields(kind))
            encoder = lambda value: kind.__name__ + "(" + ",".join([self._digest(getattr(value, name)) for name in names]) + ")"  # noqa: E731
        elif issubclass(kind, dict):
            encoder = lambda value: "{" + ",".join([f"{self._digest(key)}:{self._digest(item)}" for key, item in value.items()]) + "}"  # noqa: E731
        elif issubclass(kind, set | frozenset):
            encoder = lambda value: "[" + ",".join(sorted(map(self._digest, value))) + "]"  # noqa: E731
        elif issubclass(kind, _SEQUENCES):
            encoder = lambda value: "[" + ",".join(map(self._digest, value)) + "]"  # noqa: E731
        else:
            encoder = lambda value: repr(value)  # noqa: E731 - hashed and kept, as before: not a plain value
        self._encoders[kind] = encoder
        return encoder


@dataclasses.dataclass
class CacheEntry:
    """What the last build knew about one page."""

    inputs: str
    links: dict[str, str]
    output: str
    """The hash of the Markdown it gave."""
    file: list[int] | None = None
    """Size, modification time and inode of the page's file when it was last found to hold that Markdown: while they
    stay the same the file is not read again to be sure (the docs folder is the build's own; see README)."""


class RenderCache:
    """The fingerprints of the last build's pages, read from and written to ``path``."""

    def __init__(self, path: Path, templates: Path, language: str, fingerprint: Fingerprinter | None = None) -> None:
        self.path = path
        libraries = ",".join(f"{name}={metadata.version(name)}" for name in LIBRARIES)
        self.salt = f"{FORMAT}:{language}:{libraries}:{tree_digest([templates])}:{CODE_DIGEST}"
        self.entries: dict[str, CacheEntry] = {}
        self.fingerprint = fingerprint if fingerprint is not None else Fingerprinter()
        """The build's (the plan's memo has already hashed the events pages show), or one of its own."""
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(stored, dict) and stored.get("salt") == self.salt:  # any other shape: a bad cache, no cache
                self.entries = {page: CacheEntry(**entry) for page, entry in stored["pages"].items()}
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            self.entries = {}

    def is_fresh(self, page: str, inputs: str, target_of: Callable[[str], str | None], docs: Path) -> bool:
        """Whether the page on disk is what rendering these inputs would give again (``target_of`` says where a
        link to a record leads now)."""
        entry = self.entries.get(page)
        if entry is None or entry.inputs != inputs:
            return False
        if any(target_of(record) != target for record, target in entry.links.items()):
            return False
        target = docs / page
        try:
            identity = file_identity(target)
        except OSError:
            return False
        if not target.is_file():
            return False
        if entry.file == identity:
            return True
        if hashlib.sha256(target.read_bytes()).hexdigest() != entry.output:
            return False
        entry.file = identity  # the file holds what was rendered: the next build needs only its identity
        return True

    def record(self, page: str, inputs: str, links: dict[str, str], text: str) -> None:
        """Remember what was rendered for ``page``."""
        self.entries[page] = CacheEntry(inputs, links, hashlib.sha256(text.encode("utf-8")).hexdigest())

    def keep_only(self, pages: Iterable[str]) -> None:
        """Forget pages the site no longer has."""
        wanted = set(pages)
        self.entries = {page: entry for page, entry in self.entries.items() if page in wanted}

    def save(self) -> None:
        """Write the fingerprints for the next build."""
        data = {"salt": self.salt, "pages": {page: vars(entry) for page, entry in sorted(self.entries.items())}}  # vars: asdict cost 0.7 s
        write_atomically(self.path, json.dumps(data).encode("utf-8"))
