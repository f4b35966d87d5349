"""The publish stage: a site is never half there, whatever moment the process dies.

The published path (``site``) is a symbolic link to a complete build beside it,
``.site.build-<time>-<random>``. A build writes into a new such folder (the
staging folder) and, only when every stage passed, points the link at it in one
``rename``, which the file system does atomically: before that instant readers
get the old site, after it the new one, never a mix and never nothing. The
build it replaced is kept until the next publish, under a second link,
``.site.previous`` (a request that looked the link up just before the switch
still finds its files; putting it back is one rename), and the one before is
removed. A web server serves ``site`` and follows the link (nginx and Caddy do
by default; Apache needs ``Options FollowSymLinks``).

A ``site`` that is still a real folder (built before this layout) is exchanged
for the link in one ``renameat2(RENAME_EXCHANGE)`` where Linux offers it; where
not, two renames, once, with an instant between them.

Everything beside ``site`` whose name starts with ``.site.`` and is not what
either link points at is debris of a build that was killed (SIGKILL leaves its staging
folder) or could not remove an old folder: :func:`remove_debris` takes it away,
at the start of every build (under the lock, so never another build's folder)
and by ``briefing clean``.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.errors import ConfigError, SiteBuildError
from generator.files import in_place

log = logging.getLogger(__name__)


def _prefix(site: Path, kind: str) -> str:
    return f".{site.name}.{kind}-"


def published_build(site_dir: Path) -> Path | None:
    """The build folder ``site_dir`` links to, when it is a link this stage made (a folder beside it)."""
    site = in_place(site_dir)
    return _target(site, site)


def _previous_link(site: Path) -> Path:
    return site.with_name(f".{site.name}.previous")


def previous_build(site_dir: Path) -> Path | None:
    """The build the last publish replaced, kept until the next one (``.site.previous`` links to it)."""
    site = in_place(site_dir)
    return _target(_previous_link(site), site)


def _target(link: Path, site: Path) -> Path | None:
    if not link.is_symlink():
        return None
    target = Path(os.readlink(link))
    if target.parent != Path(".") or not target.name.startswith(_prefix(site, "build")):
        return None
    return site.parent / target.name


def _ours(site: Path, marker: Path) -> bool:
    """Whether ``site`` is a site this generator published: its link, or an older real folder with ``marker``."""
    if site.is_symlink():
        return published_build(site) is not None
    if site.is_dir():
        return not any(site.iterdir()) or (site / marker).is_file()
    return not site.exists()


@contextmanager
def staging_folder(site_dir: Path, marker: Path) -> Iterator[Path]:
    """A fresh build folder beside ``site_dir`` to build into, removed unless it was published.

    Refuses to go on when ``site_dir`` holds something that is not a site this generator built (neither its link
    nor an older folder with ``marker`` in it), since publishing replaces it.
    """
    site = in_place(site_dir)
    if (site.exists() or site.is_symlink()) and not _ours(site, marker):
        raise ConfigError(f"{site}: refusing to replace a folder that is not a site this generator built")
    site.parent.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
    staging = Path(tempfile.mkdtemp(prefix=f"{_prefix(site, 'build')}{stamp}-", dir=site.parent))
    try:
        yield staging
    except SiteBuildError as error:
        raise SiteBuildError(f"{error}\nThe published site was left as it was.") from error
    finally:
        if staging != published_build(site):
            shutil.rmtree(staging, ignore_errors=True)


def publish(staging: Path, site_dir: Path) -> None:
    """Point ``site_dir`` at ``staging`` in one atomic rename; keep the build it pointed at as the previous one, and
    remove the previous one's predecessor."""
    site = in_place(site_dir)
    os.chmod(staging, 0o755)  # noqa: S103 - mkdtemp makes it 0700; a published site is world-readable
    before, older = published_build(site), previous_build(site)
    try:
        if site.is_dir() and not site.is_symlink():
            _remove(_retire_folder(site, _link_to(staging, site)))  # an old real folder: no link can keep it
        else:
            os.replace(_link_to(staging, site), site)
    except OSError as error:
        for link in site.parent.glob(_prefix(site, "link") + "*"):
            link.unlink(missing_ok=True)
        raise SiteBuildError(f"{site}: cannot put the new site in place: {error}") from error
    if before is not None:
        os.replace(_link_to(before, site), _previous_link(site))
    if older is not None and older not in (before, staging):
        _remove(older)


def _link_to(build: Path, site: Path) -> Path:
    """A new link beside ``site`` to ``build`` (by its name: the folder can move as a whole), under a debris name
    until it is renamed into place."""
    link = Path(tempfile.mktemp(prefix=_prefix(site, "link"), dir=site.parent))  # noqa: S306 - symlink() fails if taken
    os.symlink(build.name, link)
    return link


def _retire_folder(site: Path, link: Path) -> Path:
    """Put ``link`` where the real folder ``site`` is (a site built before the link layout); where the old folder
    went, to be removed."""
    if _exchange(link, site):
        return link  # the old folder now goes by the link's name
    retired = site.with_name(_prefix(site, "old") + link.name.rsplit("-", 1)[-1])
    site.rename(retired)
    os.replace(link, site)
    return retired


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux's ``renameat2`` with ``RENAME_EXCHANGE``); False where it is not offered."""
    name = ctypes.util.find_library("c")
    try:
        renameat2 = ctypes.CDLL(name, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_cwd, exchange = -100, 2
    result = renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), exchange)
    return bool(result == 0)


def _remove(folder: Path) -> None:
    """Remove an old build; one that will not go is said, and goes with the next build's debris."""
    try:
        shutil.rmtree(folder)
    except OSError as error:
        log.warning("%s: the previous site could not be removed (%s); the next build or `briefing clean` removes it", folder, error)


def debris(site_dir: Path) -> list[Path]:
    """What killed or failed builds left beside ``site_dir``: every ``.site.*`` build, link or folder but the
    published build and the previous one (and the lock and the link to the previous, which are not builds)."""
    site = in_place(site_dir)
    if not site.parent.is_dir():
        return []
    kept = {published_build(site), previous_build(site)}
    kinds = tuple(_prefix(site, kind) for kind in ("build", "new", "old", "link"))
    return sorted(entry for entry in site.parent.iterdir() if entry.name.startswith(kinds) and entry not in kept)


def remove_debris(site_dir: Path) -> list[Path]:
    """Remove what killed or failed builds left beside ``site_dir`` (call it holding the lock); what was removed."""
    removed = []
    for entry in debris(site_dir):
        if entry.is_symlink() or not entry.is_dir():
            entry.unlink(missing_ok=True)
        else:
            shutil.rmtree(entry)
        removed.append(entry)
    return removed
