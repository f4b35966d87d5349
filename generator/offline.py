"""The offline edition: the site as files a reader opens from disk (search included), packed as one zip that the
published site offers from its home page.

``briefing build --offline DIR`` makes it before the site, with the same stages on a docs folder of its own
(:meth:`edition_paths`): pages as files rather than folders (``x.html``: a browser opens no ``x/`` from disk),
Material's offline plugin and a search that runs without a worker (:mod:`generator.mkdocs_stage`), sanitised and
published into ``DIR`` as the site is. It is then packed (:func:`pack`) into the store beside the docs folder
(``build/docs.offline/``), which keeps the latest edition only: entries in order, dated from the content's last day,
so that the same edition is the same bytes. Every build of the site offers the store's edition
(:func:`latest_edition`): the zip among its files, a link on its home page. The daily build neither makes nor packs
it: the edition stays what the last ``--offline`` build made until the next one.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from generator.errors import ConfigError
from generator.files import overlaps, walk_files
from generator.urls import offline_edition
from generator.zips import write_zip

if TYPE_CHECKING:
    from generator.settings import Paths

_NAME = re.compile(r"briefing-(\d{4}-\d{2}-\d{2})\.zip")


@dataclass(frozen=True)
class Edition:
    """One offline edition in the store: the day it is the briefing of, its file, its size in bytes."""

    day: dt.date
    file: Path
    size: int

    @property
    def path(self) -> str:
        """Where the site offers it, by source path (``offline/briefing-2026-12-01.zip``)."""
        return offline_edition(self.day)


def edition_paths(paths: Paths, target: Path) -> Paths:
    """Where the offline edition is built from and published: the site's content, templates and configuration, a docs
    folder of its own beside the site's (``build/docs-offline``, with its own caches), published into ``target``.
    The build of these paths checks them against the inputs (:func:`generator.settings.check_paths`); this checks
    them against the site's own folders."""
    site_folders = {"--output": paths.site, "--docs-dir": paths.docs, "the offline store": paths.offline_store}
    for name, other in site_folders.items():
        if overlaps(target, other):
            raise ConfigError(f"--offline {target}: overlaps {name} {other}; choose a folder of its own")
    docs = paths.docs.resolve()
    return replace(paths, docs=docs.with_name(docs.name + "-offline"), site=target, offline=True)


def latest_edition(store: Path) -> Edition | None:
    """The newest edition in ``store``, if any."""
    found = sorted((match.group(1), path) for path in _listing(store) if (match := _NAME.fullmatch(path.name)))
    if not found:
        return None
    day, path = found[-1]
    return Edition(dt.date.fromisoformat(day), path, path.stat().st_size)


def _listing(store: Path) -> list[Path]:
    try:
        return [path for path in store.iterdir() if path.is_file()]
    except FileNotFoundError:
        return []


def pack(site: Path, day: dt.date, store: Path) -> Edition:
    """Zip the published edition at ``site`` into ``store`` as the edition of ``day`` (its files under one folder
    named after it), and remove the older ones; the same files give the same bytes."""
    name = Path(offline_edition(day)).name
    folder = name.removesuffix(".zip")
    root = site.resolve()
    store.mkdir(parents=True, exist_ok=True)
    staged = store / f".{name}.{os.getpid()}"
    try:
        files = sorted(walk_files(root), key=lambda path: path.relative_to(root).as_posix())
        with staged.open("wb") as output:
            write_zip(output, ((f"{folder}/{file.relative_to(root).as_posix()}", file.read_bytes()) for file in files), day)
        staged.chmod(0o644)
        os.replace(staged, store / name)
    finally:
        staged.unlink(missing_ok=True)
    for older in _listing(store):
        if older.name != name:  # older editions, and what a killed run left
            older.unlink()
    return Edition(day, store / name, (store / name).stat().st_size)
