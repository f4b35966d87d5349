"""The load stage's cache: a content file whose bytes have not changed since the last build is not parsed again.

YAML parsing is most of the load stage (3.5 s of a no-op rebuild at 1,000
articles). The cache keeps, per file, the hash of its bytes and the document
the loader made of it (data and line numbers), in pickles beside the docs
folder (``build/docs.content/``), salted with the loader's code and PyYAML's
version. The files are spread over a few shards by their path, and a build
writes again only the shards whose files changed (pickling every document
again for one changed file cost a second at 3,650 articles). A file that had
problems is never kept: it is parsed, and its problems reported, every time.
The shards are written by the build itself and read only by it (a pickle runs
code when loaded: it is as trusted as the project's own build folder); deleting
them only costs a full parse.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from generator.files import file_digest, write_atomically
from generator.load import RawDocument

log = logging.getLogger(__name__)

SHARDS = 16
_SALT = hashlib.sha256(Path(__file__).with_name("load.py").read_bytes() + metadata.version("pyyaml").encode() + bytes([SHARDS])).hexdigest()


def shard_of(path: str) -> int:
    """The shard a file's document is kept in, by its path."""
    return hashlib.sha256(path.encode("utf-8")).digest()[0] % SHARDS


@dataclass
class DocumentCache:
    """Parsed documents by file path, each with the hash of the bytes it was parsed from."""

    folder: Path | None
    """Where the cache lives between builds (None: a cache for this run only)."""
    known: dict[str, tuple[str, RawDocument]] = field(default_factory=dict)
    kept: dict[str, tuple[str, RawDocument]] = field(default_factory=dict)
    hits: int = 0
    changed: set[int] = field(default_factory=set)
    """Shards to write again: a document in them was parsed or dropped, or the shard was unreadable or stale."""

    @classmethod
    def open(cls, folder: Path | None) -> DocumentCache:
        """The last build's documents (none when there is no cache or the loader changed; a shard that cannot be read
        only loses its own)."""
        cache = cls(folder)
        if folder is not None:
            folder.with_name(folder.name + ".pickle").unlink(missing_ok=True)  # the one-file cache of earlier versions
        for shard in range(SHARDS) if folder is not None else ():
            path = cache._file(shard)
            if not path.exists():
                continue
            try:
                salt, found = pickle.loads(path.read_bytes())  # noqa: S301 - written by this build (see the module)
            except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
                salt, found = None, None
            if salt == _SALT and isinstance(found, dict):
                cache.known.update(found)
            else:
                cache.changed.add(shard)
        return cache

    def _file(self, shard: int) -> Path:
        assert self.folder is not None
        return self.folder / f"shard-{shard:02}.pickle"

    @staticmethod
    def key(file: Path, raw: bytes | None = None) -> tuple[str, str]:
        """What a document is kept under: its file's path and the hash of the bytes it is parsed from (``raw``, or
        the file's bytes now, hashed once per process: :func:`generator.files.file_digest`)."""
        return str(file.resolve()), hashlib.sha256(raw).hexdigest() if raw is not None else file_digest(file)

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
        self.changed.add(shard_of(path))

    def save(self) -> None:
        """Write again the shards whose documents this build parsed or dropped (files gone since, files with problems)."""
        if self.folder is None:
            return
        changed = self.changed | {shard_of(path) for path in self.known.keys() - self.kept.keys()}
        for shard in sorted(changed):
            documents = {path: kept for path, kept in self.kept.items() if shard_of(path) == shard}
            if documents:
                write_atomically(self._file(shard), pickle.dumps((_SALT, documents), protocol=pickle.HIGHEST_PROTOCOL))
            else:
                self._file(shard).unlink(missing_ok=True)
        if changed:
            log.info("load cache: %d of %d file(s) reused, %d shard(s) written", self.hits, len(self.kept), len(changed))
