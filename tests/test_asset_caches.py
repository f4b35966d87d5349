"""The plan's files (tables, archives, charts) through their two caches, the rows' encodings kept by their cells
(:class:`generator.exports.table.Encodings`) and the write stage's record of what each file's key made
(:class:`generator.write.AssetRecord`): a docs folder generated through them is byte for byte the one a clean
generation writes, whatever changed in between; and an unchanged file is not made again."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest

from conftest import golden_project, tree
from generator.build import generate
from generator.settings import Paths

MADE = re.compile(r"plan files: (\d+) made, (\d+) left as they were")


def clean_docs(paths: Paths, where: Path) -> dict[str, str]:
    """The same inputs generated from nothing: no render cache, no kept encodings, no record."""
    clean = Paths(paths.content, paths.templates, paths.config, where / "docs", where / "site")
    generate(clean)
    return tree(clean.docs)


@pytest.fixture
def project(tmp_path: Path) -> Paths:
    """A writable copy of the golden project, generated once (every cache filled)."""
    paths = golden_project(tmp_path)
    generate(paths)
    assert paths.encodings.is_file() and paths.asset_record.is_file(), "premise: both caches were written"
    return paths


def made(caplog: pytest.LogCaptureFixture) -> tuple[int, int]:
    found = MADE.findall(caplog.text)
    assert found, "premise: the write stage logged what it made"
    return int(found[-1][0]), int(found[-1][1])


def test_a_no_op_generation_makes_no_file_again(project: Paths, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, "generator")
    before = tree(project.docs)
    generate(project)
    count, left = made(caplog)
    assert count == 0 and left > 50
    assert tree(project.docs) == before


def test_a_changed_figure_remakes_the_files_that_hold_it_and_equals_a_clean_generation(
    project: Paths, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, "generator")
    article = project.content / "articles" / "2024-06-03-odessa-suivi.yaml"
    article.write_text(article.read_text(encoding="utf-8").replace("value: 4", "value: 6"), encoding="utf-8")
    generate(project)
    count, left = made(caplog)
    assert 0 < count < left, "the tables that hold the figure (and the archives) made again, the others left"
    assert tree(project.docs) == clean_docs(project, tmp_path / "clean")


def test_a_renamed_party_reaches_every_table_that_names_it(project: Paths, tmp_path: Path) -> None:
    """A claimant's English name is a cell of every row it claims: the rows' digests change, and so do their files."""
    parties = project.content / "parties.yaml"
    text = parties.read_text(encoding="utf-8").replace('en: "Ukrainian Air Force"', 'en: "Air Force of Ukraine"')
    parties.write_text(text, encoding="utf-8")
    generate(project)
    docs = tree(project.docs)
    assert docs == clean_docs(project, tmp_path / "clean")
    assert "Air Force of Ukraine" in (project.docs / "data" / "claims.csv").read_text(encoding="utf-8")


def test_a_table_file_edited_by_hand_is_made_again(project: Paths, tmp_path: Path) -> None:
    target = project.docs / "data" / "claims.csv"
    target.write_text('event_id\n=HYPERLINK("https://example.org")\n', encoding="utf-8")
    generate(project)
    assert tree(project.docs) == clean_docs(project, tmp_path / "clean")


@pytest.mark.parametrize("damage", ["garbage", "empty", "truncated"])
def test_damaged_caches_cost_only_time(project: Paths, tmp_path: Path, damage: str) -> None:
    for cache in (project.encodings, project.asset_record):
        data = cache.read_bytes()
        cache.write_bytes({"garbage": b"\x00not a cache\xff", "empty": b"", "truncated": data[: len(data) // 2]}[damage])
    article = project.content / "articles" / "2024-06-03-odessa-suivi.yaml"
    article.write_text(article.read_text(encoding="utf-8").replace("value: 4", "value: 6"), encoding="utf-8")
    generate(project)
    assert tree(project.docs) == clean_docs(project, tmp_path / "clean")


def test_the_kept_encodings_hold_only_this_generations_rows(project: Paths) -> None:
    """Rows of a removed article leave the file: it does not grow with every edit."""
    from generator.exports.table import Encodings

    before = len(Encodings(project.encodings).known)
    (project.content / "articles" / "2024-06-03-odessa-suivi.yaml").unlink()
    generate(project)
    after = len(Encodings(project.encodings).known)
    assert 0 < after < before


def test_a_generation_that_makes_no_table_keeps_every_rows_encodings(project: Paths) -> None:
    """A no-op (or a change that leaves every row as it was) encodes nothing; the next edit still finds every row."""
    from generator.exports.table import Encodings

    before = Encodings(project.encodings).known
    labels = project.templates / "labels" / "fr.yml"
    labels.write_text(labels.read_text(encoding="utf-8").replace("Points clés", "À retenir"), encoding="utf-8")
    generate(project)
    assert Encodings(project.encodings).known == before and before


def test_a_record_entry_of_another_shape_costs_only_time(project: Paths, tmp_path: Path) -> None:
    record = json.loads(project.asset_record.read_text(encoding="utf-8"))
    for number, path in enumerate(sorted(record["files"])):
        record["files"][path] = [[], 5, "x", None][number % 4]
    project.asset_record.write_text(json.dumps(record), encoding="utf-8")
    generate(project)
    assert tree(project.docs) == clean_docs(project, tmp_path / "clean")


@pytest.mark.parametrize("relative", ["../escaped.md", "/escaped.md", "briefings/../../escaped.md"])
def test_the_write_stage_refuses_a_path_out_of_the_docs_folder(tmp_path: Path, relative: str) -> None:
    from generator.render import RenderedPage
    from generator.write import write_docs

    docs, static = tmp_path / "docs", tmp_path / "static"
    static.mkdir()
    with pytest.raises(ValueError, match="outside"):
        write_docs([RenderedPage(relative, "# x\n")], [], docs, static)
    assert not (tmp_path / "escaped.md").exists()


def test_the_write_stage_refuses_a_folder_linked_out_of_the_docs_folder(tmp_path: Path) -> None:
    from generator.render import RenderedPage
    from generator.write import MARKER, write_docs

    docs, static, elsewhere = tmp_path / "docs", tmp_path / "static", tmp_path / "elsewhere"
    static.mkdir()
    elsewhere.mkdir()
    docs.mkdir()
    (docs / MARKER).write_text("", encoding="utf-8")
    (docs / "briefings").symlink_to(elsewhere)
    with pytest.raises(ValueError, match="outside"):
        write_docs([RenderedPage("briefings/index.md", "# x\n")], [], docs, static)
    assert not any(elsewhere.iterdir())


def test_the_write_stage_writes_each_page_and_releases_its_markdown(tmp_path: Path) -> None:
    from generator.render import RenderedPage
    from generator.write import write_docs

    docs, static = tmp_path / "docs", tmp_path / "static"
    static.mkdir()
    pages = [RenderedPage("index.md", "# Accueil — été\n"), RenderedPage("kept.md", None)]
    report = write_docs(pages, [], docs, static)
    assert (docs / "index.md").read_text(encoding="utf-8") == "# Accueil — été\n"
    assert report.written == ["index.md"]
    assert pages[0].text is None and pages[0].released, "the Markdown is forgotten once in its file"
    assert not pages[1].released, "an unchanged page had nothing to release"
    with pytest.raises(ValueError, match=r"index\.md"):
        pages[0].encoded()
