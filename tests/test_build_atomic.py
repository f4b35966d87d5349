"""Failed builds leave the published site untouched; two builds of the same content are byte-identical."""

from __future__ import annotations

import logging
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import FIXTURES, ROOT, tree
from generator import sanitize
from generator.build import build
from generator.cli import main
from generator.publish import debris
from generator.settings import Paths

pytestmark = pytest.mark.slow  # real MkDocs builds


@pytest.fixture(scope="session")
def published_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project's inputs, built once per session: the site a failed build must leave alone."""
    root = tmp_path_factory.mktemp("published")
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copytree(ROOT / "templates", root / "templates")
    (root / "mkdocs.yml").write_text(
        (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("templates/overrides", str(root / "templates" / "overrides")),
        encoding="utf-8",
    )
    build(_paths(root))
    return root


def _paths(root: Path) -> Paths:
    return Paths(root / "content", root / "templates", root / "mkdocs.yml", root / "build" / "docs", root / "site")


@pytest.fixture
def published(published_once: Path, tmp_path: Path) -> Paths:
    """A copy of that built site and its inputs (the render cache included), for one test to break."""
    shutil.copytree(published_once, tmp_path, dirs_exist_ok=True, symlinks=True)  # the site is a link
    config = tmp_path / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(str(published_once), str(tmp_path)), encoding="utf-8")
    return _paths(tmp_path)


def break_validation(paths: Paths) -> None:
    shutil.copy(FIXTURES / "invalid" / "unknown-field-typo.yaml", paths.content / "articles")


def break_template(paths: Paths) -> None:
    (paths.templates / "sources.md.j2").write_text("{{ undefined_variable.field }}\n", encoding="utf-8")


def break_anchor(paths: Paths) -> None:
    template = paths.templates / "sources.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + "\n[lien cassé](strikes-on-ukraine.md#no-such-anchor)\n", encoding="utf-8")


def break_link(paths: Paths) -> None:
    template = paths.templates / "sources.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + "\n[lien cassé](no-such-page.md)\n", encoding="utf-8")


def break_mkdocs(paths: Paths) -> None:
    paths.config.write_text(paths.config.read_text(encoding="utf-8") + "\nnot_an_option: true\n", encoding="utf-8")


def break_sanitiser(paths: Paths) -> None:
    # A theme override that puts an event handler in the page chrome, where nothing cleans it.
    override = paths.templates / "overrides" / "main.html"
    override.write_text(override.read_text(encoding="utf-8") + '\n{% block extrahead %}<meta name="x" onload="alert(1)">{% endblock %}\n')


STAGES: dict[str, tuple[Callable[[Paths], None], int, str]] = {
    "validation": (break_validation, 2, "unknown field 'casualites'"),
    "template": (break_template, 3, "undefined_variable"),
    "broken anchor": (break_anchor, 4, "no-such-anchor"),
    "broken link": (break_link, 4, "no-such-page.md"),
    "mkdocs configuration": (break_mkdocs, 4, "not_an_option"),
    "sanitiser": (break_sanitiser, 4, "event-handler attribute onload"),
}


@pytest.mark.parametrize("stage", sorted(STAGES))
def test_a_build_failing_at_any_stage_exits_non_zero_and_leaves_the_published_site_as_it_was(published: Paths, stage: str) -> None:
    breaker, exit_code, message = STAGES[stage]
    before = tree(published.site)
    breaker(published)
    arguments = ["build", "--content", str(published.content), "--templates", str(published.templates), "--config", str(published.config)]
    arguments += ["--docs-dir", str(published.docs), "--output", str(published.site)]
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == exit_code, result.output
    assert message in result.output
    assert tree(published.site) == before
    assert debris(published.site) == []
    beside = {path.name for path in published.site.parent.iterdir() if path.name.startswith(".site.")}
    assert beside == {".site.lock", os.readlink(published.site)}, "the lock, and the build the site links to (no other yet)"


def test_broken_anchors_fail_even_when_mkdocs_logging_is_quiet(published: Paths) -> None:
    """``mkdocs build -q`` raises the logger's level, which hides warnings from the strict counter."""
    break_anchor(published)
    before = tree(published.site)
    mkdocs_logger = logging.getLogger("mkdocs")
    level = mkdocs_logger.level
    mkdocs_logger.setLevel(logging.ERROR)
    try:
        with pytest.raises(Exception, match="no-such-anchor"):
            build(published)
    finally:
        mkdocs_logger.setLevel(level)
    assert tree(published.site) == before


def test_two_builds_of_the_same_content_are_byte_identical(published: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = tree(published.site)
    shutil.rmtree(published.docs)
    again = Paths(published.content, published.templates, published.config, tmp_path / "other-docs", tmp_path / "other-site")
    build(again)
    assert tree(again.site) == first
    sitemap = (again.site / "sitemap.xml").read_text(encoding="utf-8")
    assert time.strftime("%Y-%m-%d") not in sitemap  # dated from the content, not from the clock


def test_the_sanitiser_pins_exactly_the_pages_inline_scripts(published: Paths) -> None:
    page = (published.site / "index.html").read_text(encoding="utf-8")
    assert sanitize.check_page(page) == []
    assert page.count("'sha256-") >= 2


def test_a_build_reports_each_stage_it_ran_in_order(published: Paths) -> None:
    summary = build(published)
    stages = ["inputs", "settings", "load", "validate", "plan", "render", "write", "collect", "mkdocs", "sanitise", "publish"]
    assert list(summary.timings.seconds) == stages
    assert summary.timings.total == sum(summary.timings.seconds.values())
