"""The load stage's cache: a content file whose bytes have not changed since the last build is not parsed again.

YAML parsing is most of the load stage (3.5 s of a no-op rebuild at 1,000
articles). The cache keeps, per file, the hash of its bytes and the document
the loader made of it (data and line numbers), in one pickle beside the docs
folder (``build/docs.content.pickle``), salted with the loader's code and
PyYAML's version. A file that had problems is never kept: it is parsed, and its
problems reported, every time. The file is written by the build itself and read
only by it (a pickle runs code when loaded: it is as trusted as the project's own
build folder); deleting it only costs a full parse.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from generator.files import write_atomically
from generator.load import RawDocument

log = logging.getLogger(__name__)

_SALT = hashlib.sha256(Path(__file__).with_name("load.py").read_bytes() + metadata.version("pyyaml").encode()).hexdigest()


@dataclass
class DocumentCache:
    """Parsed documents by file path, each with the hash of the bytes it was parsed from."""

    path: Path | None
    """Where the cache lives between builds (None: a cache for this run only)."""
    known: dict[str, tuple[str, RawDocument]] = field(default_factory=dict)
    kept: dict[str, tuple[str, RawDocument]] = field(default_factory=dict)
    hits: int = 0
    changed: bool = False

    @classmethod
    def open(cls, path: Path | None) -> DocumentCache:
        """The last build's documents, or none when there is no cache, it is unreadable or the loader changed."""
        known: dict[str, tuple[str, RawDocument]] = {}
        if path is not None:
            try:
                salt, found = pickle.loads(path.read_bytes())  # noqa: S301 - written by this build (see the module)
                if salt == _SALT and isinstance(found, dict):
                    known = found
            except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
                known = {}
        return cls(path, known)

    @staticmethod
    def key(file: Path, raw: bytes) -> tuple[str, str]:
        """What a document is kept under: its file's path and the hash of the bytes it is parsed from."""
        return str(file.resolve()), hashlib.sha256(raw).hexdigest()

    def get(self, key: tuple[str, str]) -> RawDocument | None:
        """The document parsed from these bytes of this file last time, if they have not changed."""
        path, digest = key
        found = self.known.get(path)
        if found is None or found[0] != digest:
            return None
        self.kept[path] = found
        self.hits += 1
        return found[1]

    def put(self, key: tuple[str, str], document: RawDocument) -> None:
        """Keep a document parsed without problems."""
        path, digest = key
        self.kept[path] = (digest, document)
        self.changed = True

    def save(self) -> None:
        """Write what this build parsed or reused (files gone since are dropped), unless nothing changed."""
        if self.path is None or not (self.changed or self.kept.keys() != self.known.keys()):
            return
        write_atomically(self.path, pickle.dumps((_SALT, self.kept), protocol=pickle.HIGHEST_PROTOCOL))
        log.info("load cache: %d of %d file(s) reused", self.hits, len(self.kept))
