"""The last successful build's record: what it was made from and what it left, so a build with nothing to do does nothing.

A build is a function of its inputs: every file under the content and
templates folders, ``mkdocs.yml`` and what it points the engine to (the theme's
``custom_dir``, hooks, an inherited configuration), the generator's own code
(gazetteer and weapon catalogue included), the offline edition it offers (the
store, :mod:`generator.offline`), the Python and library versions, the
folders it reads and writes, whether it is the offline edition, and ``SOURCE_DATE_EPOCH`` (symbolic links followed,
as Jinja and MkDocs follow them). After a build has published, the record
(``build/docs.last-build.json``) keeps one hash of those inputs and, for every
file of the docs folder and of the published site, its size, modification and
change times and inode. The next build hashes its inputs again (a quarter of a second
at 3,650 articles); when the hash is the same and every file of both folders is
still the one the record lists (none added, removed, rewritten or edited by
hand), the site on disk is what a clean build would give, byte for byte, and
nothing is rebuilt. Anything else, or no record, is a full build through the
caches. Deleting the record only costs one such build.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from generator.cache import CODE_DIGEST, GENERATOR_DIR, tree_digest
from generator.files import in_place, walk_files, write_atomically
from generator.mkdocs_stage import engine_inputs
from generator.settings import Paths

log = logging.getLogger(__name__)

FORMAT = 2
ENVIRONMENT = ("SOURCE_DATE_EPOCH",)
"""Environment variables a build's output depends on."""


@dataclass(frozen=True)
class Outcome:
    """What a build left, as its summary tells it."""

    described: str
    """The content's summary (articles, records, problems none)."""
    pages: int
    records: int


def input_digest(paths: Paths) -> str:
    """One hash of everything a build's output is made from (see the module)."""
    digest = hashlib.sha256()
    versions = sorted(f"{dist.metadata['Name']}={dist.version}" for dist in metadata.distributions())
    fixed = [str(FORMAT), sys.version, *versions, *(f"{name}={os.environ.get(name)}" for name in ENVIRONMENT)]
    fixed += [str(path.resolve()) for path in (paths.content, paths.templates, paths.config, paths.docs)]
    fixed += [str(in_place(paths.site)), str(paths.offline)]  # the link, not the build it points at
    for part in fixed:
        digest.update(part.encode("utf-8") + b"\0")
    for folder in (paths.content, paths.templates, GENERATOR_DIR, paths.offline_store, *engine_inputs(paths.config)):
        digest.update(str(folder).encode("utf-8") + b"\0")
        if folder == GENERATOR_DIR:
            digest.update(CODE_DIGEST.encode("ascii"))  # the code this build runs
        else:
            digest.update(tree_digest([folder]).encode("ascii") if folder.is_dir() else hashlib.sha256(_read(folder)).digest())
    digest.update(hashlib.sha256(_read(paths.config)).digest())
    return digest.hexdigest()


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def _files(folder: Path) -> dict[str, list[int]]:
    """Every file under ``folder``: its size, modification and change times (ns) and inode, by path relative to the
    folder (the change time cannot be set back by hand, as a modification time can)."""
    found: dict[str, list[int]] = {}
    for path in walk_files(folder):
        try:
            status = path.stat()
        except OSError:
            status = path.lstat()  # a dangling link: itself
        found[path.relative_to(folder).as_posix()] = [status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino]
    return found


def _outputs(paths: Paths) -> dict[str, dict[str, list[int]]]:
    return {"docs": _files(paths.docs), "site": _files(paths.site)}


def still_standing(paths: Paths, inputs: str) -> Outcome | None:
    """The last build's outcome, if it was made from ``inputs`` and both its folders are as it left them; else None."""
    try:
        record = json.loads(paths.last_build.read_text(encoding="utf-8"))
        if record["format"] != FORMAT or record["inputs"] != inputs:
            return None
        outcome = Outcome(**record["outcome"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not paths.site.is_dir() or record["outputs"] != _outputs(paths):
        return None
    return outcome


def forget(paths: Paths) -> None:
    """Drop the record: a build is about to change what it lists."""
    paths.last_build.unlink(missing_ok=True)


def remember(paths: Paths, inputs: str, outcome: Outcome) -> None:
    """Record a published build: its inputs' hash, its outcome and every file it left."""
    record: dict[str, Any] = {"format": FORMAT, "inputs": inputs, "outcome": asdict(outcome), "outputs": _outputs(paths)}
    write_atomically(paths.last_build, json.dumps(record, sort_keys=True).encode("utf-8"))
