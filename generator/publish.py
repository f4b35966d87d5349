"""The publish stage: the site is built into a fresh sibling folder and swapped into place only when every stage passed.

A failed build (MkDocs, the sanitise stage, anything) removes its staging
folder and leaves the published site exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.errors import SiteBuildError


@contextmanager
def staging_folder(site_dir: Path, marker: Path) -> Iterator[Path]:
    """A fresh folder beside ``site_dir`` to build into, removed unless it was published.

    Refuses to go on when ``site_dir`` holds something that is not a built site
    (no ``marker`` file in it), since publishing replaces it.
    """
    site_dir = site_dir.resolve()
    if site_dir.is_dir() and any(site_dir.iterdir()) and not (site_dir / marker).is_file():
        raise SiteBuildError(f"{site_dir}: refusing to replace a folder that is not a site this generator built")
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=site_dir.parent))
    try:
        yield staging
    except SiteBuildError as error:
        raise SiteBuildError(f"{error}\nThe published site was left as it was.") from error
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def publish(staging: Path, site_dir: Path) -> None:
    """Replace ``site_dir`` by ``staging`` with two renames; the old tree is removed afterwards.

    Should the second rename fail, the old tree is put back before the error goes on.
    """
    site_dir = site_dir.resolve()
    os.chmod(staging, 0o755)  # noqa: S103 - mkdtemp makes it 0700; a published site is world-readable
    retired = None
    if site_dir.exists():
        retired = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.old-", dir=site_dir.parent))
        retired.rmdir()
        site_dir.rename(retired)
    try:
        staging.rename(site_dir)
    except BaseException as error:
        if retired is not None:
            retired.rename(site_dir)
        if isinstance(error, OSError):
            raise SiteBuildError(f"{site_dir}: cannot put the new site in place: {error}") from error
        raise
    if retired is not None:
        shutil.rmtree(retired, ignore_errors=True)
