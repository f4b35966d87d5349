"""The way out stays open: Zensical, Material's successor, builds the docs folder we generate, with the same text.

Material for MkDocs reaches end of life on 5 May 2027 and names Zensical (same
authors, reads ``mkdocs.yml``) as its successor. This builds the shipped
content's docs folder with ``zensical==0.0.73`` and the project's own
``mkdocs.yml``, and compares every page's article text with the MkDocs build.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from site_text import is_redirect, page_html, page_text

pytestmark = pytest.mark.slow  # builds with Zensical, compares with the session's MkDocs build

ZENSICAL = Path(sys.executable).with_name("zensical")


def _pages(site: Path) -> list[str]:
    return sorted("" if path.parent == site else f"{path.parent.relative_to(site).as_posix()}/" for path in site.rglob("index.html"))


@pytest.fixture(scope="module")
def zensical_site(shipped_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The docs folder of the session's shipped build, built by Zensical with the project's mkdocs.yml."""
    project = tmp_path_factory.mktemp("zensical")
    shutil.copytree(shipped_site.parent / "docs", project / "docs")  # Zensical wants docs_dir inside the project
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("docs_dir: build/docs", "docs_dir: docs").replace("custom_dir: templates/", f"custom_dir: {ROOT}/templates/")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = subprocess.run([str(ZENSICAL), "build", "-f", "mkdocs.yml"], cwd=project, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No issues found" in result.stdout + result.stderr
    return project / "site"


def test_zensical_builds_every_page_mkdocs_builds(shipped_site: Path, zensical_site: Path) -> None:
    assert _pages(zensical_site) == _pages(shipped_site)


def test_every_page_has_the_same_article_text(shipped_site: Path, zensical_site: Path) -> None:
    pages = [page for page in _pages(shipped_site) if not is_redirect(shipped_site, page)]
    assert len(pages) > 100
    differing = [page for page in pages if page_text(zensical_site, page) != page_text(shipped_site, page)]
    assert differing == []


def test_the_theme_overrides_apply(zensical_site: Path) -> None:
    home = page_html(zensical_site, "")
    assert 'role="dialog" aria-label="Recherche"' in home, "templates/overrides/partials/search.html"
    assert "script-src 'self'" in home, "templates/overrides/main.html"
