"""A build with nothing to do does nothing; any change to what a site is made from, or to the site or the docs
folder on disk, makes a real build, and it gives what a clean build gives."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import golden_project, tree
from generator.build import build
from generator.errors import BriefingError
from generator.settings import Paths

pytestmark = pytest.mark.slow  # real MkDocs builds


def stats(site: Path) -> dict[str, tuple[int, int]]:
    return {path.relative_to(site).as_posix(): (path.stat().st_mtime_ns, path.stat().st_ino) for path in site.rglob("*")}


@pytest.fixture
def project(tmp_path: Path) -> Paths:
    """A writable copy of the golden content, templates and configuration, built once."""
    paths = golden_project(tmp_path)
    build(paths)
    return paths


def test_a_build_with_nothing_changed_touches_nothing_and_says_so(project: Paths) -> None:
    before = stats(project.site), stats(project.docs)
    summary = build(project)
    assert summary.generated is None
    assert list(summary.timings.seconds) == ["inputs"]
    assert "nothing changed since the last build" in str(summary)
    assert summary.outcome.pages > 10 and summary.outcome.records > 0
    assert (stats(project.site), stats(project.docs)) == before


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"premise: {old!r} in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


CHANGES: dict[str, Callable[[Paths], object]] = {
    "content": lambda paths: _edit(paths.content / "articles" / "2024-06-03-odessa-suivi.yaml", "value: 4", "value: 6"),
    "new content file": lambda paths: shutil.copy(
        paths.content / "articles" / "2024-06-03-odessa-suivi.yaml", paths.content / "articles" / "notes.txt"
    ),
    "template": lambda paths: _edit(paths.templates / "partials" / "strike.md.j2", "{", "{# reworded #}{"),
    "label": lambda paths: _edit(paths.templates / "labels" / "fr.yml", "Points clés", "À retenir"),
    "configuration": lambda paths: _edit(paths.config, "site_name: Briefing Ukraine", "site_name: Briefing"),
    "published page edited by hand": lambda paths: _edit(paths.site / "index.html", "</article>", "<p>ajouté</p></article>"),
    "published page removed": lambda paths: (paths.site / "sources" / "index.html").unlink(),
    "file added to the site": lambda paths: (paths.site / "extra.html").write_text("x", encoding="utf-8"),
    "docs page edited by hand": lambda paths: _edit(paths.docs / "index.md", "#", "# Édité\n\n#"),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_any_change_makes_a_real_build_that_equals_a_clean_one(project: Paths, tmp_path: Path, change: str) -> None:
    CHANGES[change](project)
    summary = build(project)
    assert summary.generated is not None, "a real build ran"
    clean = tmp_path / "clean"
    clean.mkdir()
    build(Paths(project.content, project.templates, project.config, clean / "build" / "docs", clean / "site"))
    assert tree(project.site) == tree(clean / "site")
    assert build(project).generated is None, "and the next build has nothing to do"


def test_the_build_date_from_the_environment_is_an_input(project: Paths, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1717200000")
    assert build(project).generated is not None
    assert build(project).generated is None
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert build(project).generated is not None


def test_a_lost_or_garbled_record_costs_one_build(project: Paths) -> None:
    project.last_build.write_text("{not json", encoding="utf-8")
    assert build(project).generated is not None
    os.remove(project.last_build)
    assert build(project).generated is not None
    assert build(project).generated is None


def test_a_failed_build_leaves_no_record_that_would_skip_the_next(project: Paths) -> None:
    """A build that fails drops the record first: put back as they were, the inputs are built again, not trusted to
    the folders the failed build may have changed."""
    original = project.config.read_text(encoding="utf-8")
    _edit(project.config, "strict: true", "strict: true\nnot_a_setting: [")
    with pytest.raises(BriefingError):
        build(project)
    assert not project.last_build.exists()
    project.config.write_text(original, encoding="utf-8")
    assert build(project).generated is not None


def test_theme_overrides_outside_the_templates_folder_are_inputs(project: Paths) -> None:
    """MkDocs reads ``theme.custom_dir`` beside ``mkdocs.yml``, wherever it is: an edit there is a change."""
    theme = project.config.parent / "theme"
    shutil.copytree(project.templates / "overrides", theme)
    _edit(project.config, f"custom_dir: {project.templates}/overrides", "custom_dir: theme")
    assert build(project).generated is not None
    assert build(project).generated is None
    _edit(theme / "main.html", "{% block", "{# edited #}{% block")
    assert build(project).generated is not None


def test_a_templates_folder_reached_through_a_symbolic_link_is_an_input(project: Paths, tmp_path: Path) -> None:
    partials = tmp_path / "shared-partials"
    shutil.move(project.templates / "partials", partials)
    (project.templates / "partials").symlink_to(partials, target_is_directory=True)
    assert build(project).generated is None, "the same files, read through a link: nothing changed"
    _edit(partials / "strike.md.j2", "{", "{# reworded #}{")
    assert build(project).generated is not None
