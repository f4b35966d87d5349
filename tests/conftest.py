"""Shared fixtures: project paths, real builds of content into temporary folders."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest

from generator.articles import ArticlesContributor
from generator.build import build
from generator.contributors import contributors
from generator.load import load_content
from generator.model import Corpus
from generator.settings import Paths
from generator.validate import Content, validate_content

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="Rewrite tests/golden/ from the current templates.")


def read_content(content: Path) -> Content:
    """The load and validate stages on ``content``, as a build runs them."""
    sources = contributors()
    return validate_content(load_content(content, sources), sources)


def read_corpus(content: Path) -> Corpus:
    """The validated articles of ``content``."""
    return read_content(content).find(ArticlesContributor).corpus


def config_in(tmp: Path, language: str = "fr") -> Path:
    """A copy of mkdocs.yml in ``tmp`` with another site language; project-relative paths made absolute."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("language: fr", f"language: {language}").replace("custom_dir: templates/", f"custom_dir: {ROOT}/templates/")
    config = tmp / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


def project_paths(tmp: Path, content: Path = ROOT / "content", config: Path = ROOT / "mkdocs.yml") -> Paths:
    """Paths for a build of ``content`` whose outputs all land under ``tmp``."""
    return Paths(content=content, templates=ROOT / "templates", config=config, docs=tmp / "docs", site=tmp / "site")


def record_card(page: str, record_id: str) -> str:
    """The card of one record (or event) in a page's Markdown: from its heading's anchor to the end of its block."""
    return re.split(rf'\{{ #{record_id}(?: lang="\w+")? \}}', page, maxsplit=1)[1].split("</div>", 1)[0]


def build_site(tmp: Path, content: Path = ROOT / "content", config: Path = ROOT / "mkdocs.yml") -> Path:
    """A real generator + MkDocs build; returns the site folder."""
    paths = project_paths(tmp, content, config)
    build(paths)
    return paths.site


def tree(site: Path) -> dict[str, str]:
    """Every file of a site (or any folder) with the hash of its bytes: what "the same site" compares."""
    files = (path for path in sorted(site.rglob("*")) if path.is_file())
    return {path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest() for path in files}


def golden_project(tmp_path: Path) -> Paths:
    """A writable copy of the golden content, the templates and the configuration, to edit between builds."""
    content = copy_content(FIXTURES / "golden" / "content", tmp_path / "content")
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    config = config_in(tmp_path)
    config.write_text(config.read_text(encoding="utf-8").replace(f"{ROOT}/templates/", f"{templates}/"), encoding="utf-8")
    return Paths(content=content, templates=templates, config=config, docs=tmp_path / "build" / "docs", site=tmp_path / "site")


def copy_content(source: Path, target: Path) -> Path:
    """A writable copy of a content folder."""
    shutil.copytree(source, target)
    return target


def workspace(tmp_path: Path, content: Path = ROOT / "content") -> Path:
    """A copy of the project's configuration and templates beside a content folder, as an editor's checkout has."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    shutil.copytree(content, tmp_path / "content")
    return tmp_path


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped content, built once for the whole session."""
    return build_site(tmp_path_factory.mktemp("shipped"))
