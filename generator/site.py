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
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.utils.yaml import yaml_load

from generator.errors import SiteBuildError
from generator.escape import LinearEscapes
from generator.sanitize import sanitize_site

log = logging.getLogger(__name__)


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings so a failed strict build can say why."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def load_site_config(config_file: Path, **overrides: Any) -> MkDocsConfig:
    """Load ``mkdocs.yml`` with overrides (docs_dir, site_dir); strict always on.

    Adds :class:`~generator.escape.LinearEscapes`, so escaped content renders in linear time.
    """
    try:
        config = load_config(config_file=str(config_file), strict=True, **overrides)
    except MkDocsException as error:
        raise SiteBuildError(f"{config_file}: {error}") from error
    config.markdown_extensions.append(LinearEscapes())
    return config


@contextmanager
def _warnings_counted(collector: _Collect) -> Iterator[None]:
    """Make sure MkDocs' warnings reach its strict-mode counter, whatever the logging level.

    Strict mode counts warnings with a handler on the ``mkdocs`` logger; a
    quieter level there (as ``-q`` sets) would drop them before they are
    counted, and a broken link would pass.
    """
    mkdocs_logger = logging.getLogger("mkdocs")
    level = mkdocs_logger.level
    if mkdocs_logger.getEffectiveLevel() > logging.WARNING:
        mkdocs_logger.setLevel(logging.WARNING)
    mkdocs_logger.addHandler(collector)
    try:
        yield
    finally:
        mkdocs_logger.removeHandler(collector)
        mkdocs_logger.setLevel(level)


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
    if site_dir.is_dir() and any(site_dir.iterdir()) and not (site_dir / "search" / "search_index.json").is_file():
        raise SiteBuildError(f"{site_dir}: refusing to replace a folder that is not a site this generator built")
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=site_dir.parent))
    collector = _Collect()
    try:
        with _warnings_counted(collector):
            config = load_site_config(config_file, docs_dir=str(docs_dir.resolve()), site_dir=str(staging))
            mkdocs_build(config)
        if collector.messages:  # strict mode should have stopped already; never publish past a warning
            raise MkDocsException(f"{len(collector.messages)} warning(s) in strict mode")
        report = sanitize_site(staging)
        log.info("sanitised %d page(s); %d changed", report.pages, report.pages_changed)
    except (MkDocsException, SystemExit) as error:
        shutil.rmtree(staging, ignore_errors=True)
        details = "\n".join(f"  {message}" for message in collector.messages) or f"  {error}"
        raise SiteBuildError(f"MkDocs build failed; the published site was left as it was:\n{details}") from error
    except SiteBuildError as error:
        shutil.rmtree(staging, ignore_errors=True)
        details = "".join(f"  {message}\n" for message in collector.messages)
        raise SiteBuildError(f"site build failed; the published site was left as it was:\n{details}{error}") from error
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
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
