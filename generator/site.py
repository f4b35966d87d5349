"""The last stage: MkDocs with Material builds the Markdown into the site, atomically.

The site is built into a fresh sibling folder and swapped into place only when
the whole build has succeeded, so a failed build leaves the published site as
it was.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.utils.yaml import yaml_load

from generator.errors import SiteBuildError

log = logging.getLogger(__name__)


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings so a failed strict build can say why."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def load_site_config(config_file: Path, **overrides: Any) -> MkDocsConfig:
    """Load ``mkdocs.yml`` with overrides (docs_dir, site_dir); strict always on."""
    try:
        return load_config(config_file=str(config_file), strict=True, **overrides)
    except MkDocsException as error:
        raise SiteBuildError(f"{config_file}: {error}") from error


def site_language(config_file: Path) -> str:
    """The site language set in ``theme.language`` (read before the docs folder exists)."""
    try:
        with config_file.open(encoding="utf-8") as handle:
            raw = yaml_load(handle)
    except (OSError, MkDocsException) as error:
        raise SiteBuildError(f"{config_file}: {error}") from error
    theme = raw.get("theme") if isinstance(raw, dict) else None
    return str(theme.get("language", "en")) if isinstance(theme, dict) else "en"


def build_site(config_file: Path, docs_dir: Path, site_dir: Path) -> None:
    """Run the MkDocs build into a temporary folder, then swap it in place of ``site_dir``."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=site_dir.parent))
    collector = _Collect()
    mkdocs_logger = logging.getLogger("mkdocs")
    mkdocs_logger.addHandler(collector)
    try:
        config = load_site_config(config_file, docs_dir=str(docs_dir.resolve()), site_dir=str(staging))
        mkdocs_build(config)
    except (MkDocsException, SystemExit) as error:
        shutil.rmtree(staging, ignore_errors=True)
        details = "\n".join(f"  {message}" for message in collector.messages) or f"  {error}"
        raise SiteBuildError(f"MkDocs build failed; the published site was left as it was:\n{details}") from error
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        mkdocs_logger.removeHandler(collector)
    _swap(staging, site_dir)


def _swap(staging: Path, site_dir: Path) -> None:
    """Replace ``site_dir`` by ``staging`` with two renames; the old tree is removed afterwards."""
    os.chmod(staging, 0o755)  # noqa: S103 - mkdtemp makes it 0700; a published site is world-readable
    retired = None
    if site_dir.exists():
        retired = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.old-", dir=site_dir.parent))
        retired.rmdir()
        site_dir.rename(retired)
    staging.rename(site_dir)
    if retired is not None:
        shutil.rmtree(retired, ignore_errors=True)
