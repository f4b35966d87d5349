"""The engine's page cache: a build through it gives the same bytes as a clean build, whatever changed in between, and
checks links as a clean build does."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import golden_project, tree
from generator import parallel
from generator.build import build, build_offline_edition
from generator.errors import SiteBuildError
from generator.mkdocs_stage import PLACEHOLDER_SITE_URL, build_site
from generator.mkdocs_stage.page_cache import WAITING
from generator.settings import Paths

pytestmark = pytest.mark.slow  # real MkDocs builds

REUSED = re.compile(r"engine cache: (\d+) of (\d+) page\(s\) reused")


def reused(caplog: pytest.LogCaptureFixture) -> tuple[int, int]:
    found = REUSED.findall(caplog.text)
    assert found, "premise: the build went through the engine cache"
    hits, pages = found[-1]
    return int(hits), int(pages)


@pytest.fixture
def project(tmp_path: Path) -> Paths:
    """A writable copy of the golden content, templates and configuration, built once."""
    paths = golden_project(tmp_path)
    build(paths)
    return paths


def clean_build(paths: Paths, where: Path) -> dict[str, str]:
    """The same inputs built from nothing: no render cache, no engine cache."""
    where.mkdir(exist_ok=True)
    build(Paths(paths.content, paths.templates, paths.config, where / "build" / "docs", where / "site"))
    return tree(where / "site")


def test_an_offline_edition_offered_by_a_build_through_the_caches_equals_a_clean_build(project: Paths, tmp_path: Path) -> None:
    """The store's edition is an input: the home page's link and the zip among the files, as a clean build has them."""
    edition = build_offline_edition(project, tmp_path / "edition")
    assert edition is not None
    build(project)
    assert edition.path in tree(project.site)
    clean = tmp_path / "clean"
    shutil.copytree(project.offline_store, clean / "build" / "docs.offline")
    assert tree(project.site) == clean_build(project, clean)


def test_an_offline_edition_built_again_through_its_caches_equals_a_clean_one(project: Paths, tmp_path: Path) -> None:
    build_offline_edition(project, tmp_path / "edition")
    article = project.content / "articles" / "2024-06-03-odessa-suivi.yaml"
    article.write_text(article.read_text(encoding="utf-8").replace("value: 4", "value: 6"), encoding="utf-8")
    edition = build_offline_edition(project, tmp_path / "edition")
    clean = Paths(project.content, project.templates, project.config, tmp_path / "clean" / "docs", tmp_path / "clean" / "site")
    clean_edition = build_offline_edition(clean, tmp_path / "clean-edition")
    assert edition is not None and clean_edition is not None
    assert tree(tmp_path / "edition") == tree(tmp_path / "clean-edition")
    assert edition.file.read_bytes() == clean_edition.file.read_bytes()


def test_a_no_op_rebuild_takes_every_page_from_the_cache(project: Paths, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, "generator")
    before = tree(project.site)
    build(project, force=True)  # past the last build's record, which would skip every stage
    hits, pages = reused(caplog)
    assert hits == pages > 10
    assert tree(project.site) == before


def test_one_changed_article_rebuilds_what_it_touches_and_equals_a_clean_build(
    project: Paths, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, "generator")
    article = project.content / "articles" / "2024-06-03-odessa-suivi.yaml"
    article.write_text(article.read_text(encoding="utf-8").replace("value: 4", "value: 6"), encoding="utf-8")
    build(project)
    hits, pages = reused(caplog)
    assert 0 < hits < pages, "some pages reused, the changed ones converted again"
    assert tree(project.site) == clean_build(project, tmp_path / "clean")


def test_a_new_article_and_a_new_day_equal_a_clean_build(project: Paths, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """New pages, new links from cached pages' neighbours (previous/next), a new latest day on every front page."""
    source = project.content / "articles" / "2024-06-03-odessa-suivi.yaml"
    text = source.read_text(encoding="utf-8").replace("2024-06-03", "2024-06-09")
    text = re.sub(r"(\bid: [a-z0-9-]+)", r"\1-later", text)
    text = re.sub(r"\n\s*same_as: [a-z0-9-]+", "", text)
    (project.content / "articles" / "2024-06-09-later.yaml").write_text(text, encoding="utf-8")
    build(project)
    assert tree(project.site) == clean_build(project, tmp_path / "clean")


@pytest.mark.parametrize(
    "change",
    ["label", "override", "config-title", "config-nav", "config-site-url"],
)
def test_a_template_label_or_configuration_change_equals_a_clean_build(project: Paths, tmp_path: Path, change: str) -> None:
    """What every page's output depends on besides its Markdown: its theme overrides, its labels, the navigation's
    titles, the configuration (the site's address among it)."""
    if change == "label":
        labels = project.templates / "labels" / "fr.yml"
        labels.write_text(labels.read_text(encoding="utf-8").replace("Points clés", "À retenir"), encoding="utf-8")
    elif change == "override":
        main = project.templates / "overrides" / "main.html"
        main.write_text(main.read_text(encoding="utf-8") + "\n{# changed #}\n", encoding="utf-8")
    elif change == "config-title":
        project.config.write_text(
            project.config.read_text(encoding="utf-8").replace("site_name: Briefing Ukraine", "site_name: Briefing"), encoding="utf-8"
        )
    elif change == "config-site-url":  # canonical links and previews on every page; the feeds' links and ids
        text = project.config.read_text(encoding="utf-8").replace(f"site_url: {PLACEHOLDER_SITE_URL}", "site_url: https://example.org/b/")
        assert "https://example.org/b/" in text
        project.config.write_text(text, encoding="utf-8")
    else:
        text = project.config.read_text(encoding="utf-8").replace("  - sources.md\n", "  - Les sources: sources.md\n")
        assert "Les sources" in text
        project.config.write_text(text, encoding="utf-8")
    build(project)
    assert tree(project.site) == clean_build(project, tmp_path / "clean")


def small_site(tmp_path: Path, index: str, validation: str = "") -> tuple[Path, Path, Path]:
    """Two hand-written pages (``index.md`` as given, ``sources.md``) and a configuration: docs folder, cache, config."""
    docs, cache = tmp_path / "docs", tmp_path / "engine"
    docs.mkdir()
    (docs / "index.md").write_text(index, encoding="utf-8")
    (docs / "sources.md").write_text("# Sources\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: Test\ntheme:\n  name: material\nplugins:\n  - search\n{validation}", encoding="utf-8")
    return docs, cache, config


DAY = dt.date(2024, 5, 31)


def test_a_cached_page_linking_to_a_page_that_is_gone_fails_as_a_clean_build_does(tmp_path: Path) -> None:
    """Links are checked against this build's files: a page taken from the cache whose link target is gone is
    converted again, and strict mode fails the build on it."""
    docs, cache, config = small_site(tmp_path, "# Accueil\n\n[Sources](sources.md)\n")
    day, terms = DAY, tmp_path / "terms.json"
    build_site(config, docs, tmp_path / "first", day, terms, cache)
    (docs / "sources.md").unlink()
    with pytest.raises(SiteBuildError, match=r"sources\.md"):
        build_site(config, docs, tmp_path / "second", day, terms, cache)
    with pytest.raises(SiteBuildError, match=r"sources\.md"):
        build_site(config, docs, tmp_path / "third", day, terms, cache)  # the failed build left nothing to reuse


def test_a_failed_build_leaves_nothing_in_the_cache_and_anchors_are_checked_on_cached_pages(tmp_path: Path) -> None:
    """A page whose anchor link is broken fails the build, again the next time (nothing was kept from the failed
    build); fixed, it builds; when the anchor it links to goes away, the page taken from the cache fails the build."""
    docs, cache, config = small_site(tmp_path, "# Accueil\n\n[Sources](sources.md#plus-loin)\n", "validation:\n  anchors: warn\n")
    day, terms = DAY, tmp_path / "terms.json"
    for attempt in ("first", "second"):
        with pytest.raises(SiteBuildError, match="plus-loin"):
            build_site(config, docs, tmp_path / attempt, day, terms, cache)
    (docs / "sources.md").write_text("# Sources\n\n## Plus loin\n", encoding="utf-8")
    build_site(config, docs, tmp_path / "third", day, terms, cache)
    (docs / "sources.md").write_text("# Sources\n\n## Ailleurs\n", encoding="utf-8")
    with pytest.raises(SiteBuildError, match="plus-loin"):
        build_site(config, docs, tmp_path / "fourth", day, terms, cache)


def test_a_published_page_edited_by_hand_is_sanitised_again_not_carried_over(
    project: Paths, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The sanitise stage carries an unchanged page over from the published site only if that copy is still what it
    made: one edited there is made again from the engine's output."""
    caplog.set_level(logging.INFO, "generator")
    home = project.site / "index.html"
    home.write_text(home.read_text(encoding="utf-8").replace("</article>", "<script>alert(1)</script></article>"), encoding="utf-8")
    build(project)
    carried = re.findall(r"sanitised (\d+) page\(s\), (\d+) carried over", caplog.text)
    assert carried and int(carried[-1][1]) == int(carried[-1][0]) - 1, "every other page carried over"
    assert tree(project.site) == clean_build(project, tmp_path / "clean")


def test_cached_pages_are_put_in_place_unread_and_no_stage_after_the_engine_writes_into_them(
    project: Paths, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A page taken from the cache is its cached file, hard-linked into the build: the sanitise stage must replace a
    page it cleans, never write into it, or the cache would hold the sanitised page; a no-op rebuild, then a rebuild
    after a template change, give the bytes of a clean build, and the cache's files still hold the engine's output."""
    caplog.set_level(logging.INFO)
    cache_pages = project.engine_cache / "pages"
    before = {path.name: path.read_bytes() for path in cache_pages.iterdir()}
    project.sanitise_record.unlink()  # so that the sanitise stage cleans every page again instead of carrying it over
    build(project, force=True)
    hits, pages = reused(caplog)
    assert hits == pages
    assert "Page skipped" not in caplog.text, "MkDocs' note about the pages the cache put in place is not passed on"
    assert {path.name: path.read_bytes() for path in cache_pages.iterdir()} == before, "the cached files are untouched"
    build(project, force=True)  # the sanitise stage now knows each page the engine put in place as its cached file
    record = json.loads(project.sanitise_record.read_text(encoding="utf-8"))["pages"]
    cached = {path.stat().st_ino for path in cache_pages.iterdir()}
    assert sum(entry[4][2] in cached for entry in record.values()) == pages, "the stage knows each cached file it need not read"
    published = {path.stat().st_ino for path in project.site.resolve().rglob("*.html")}
    assert not published & {path.stat().st_ino for path in cache_pages.iterdir()}, "no published page is a cache file"
    footer = project.templates / "overrides" / "main.html"
    footer.write_text(footer.read_text(encoding="utf-8") + "\n{# reworded #}\n", encoding="utf-8")
    build(project)
    assert tree(project.site) == clean_build(project, tmp_path / "clean")


def test_files_beside_the_pages_are_linked_from_the_docs_folder_and_stay_as_they_were_when_it_changes(
    project: Paths, tmp_path: Path
) -> None:
    """The tables, charts and assets MkDocs would copy are the docs folder's own files, linked; a later build that
    writes a new table leaves the previous site's file as it was, and equals a clean build."""
    docs, site = project.docs, project.site.resolve()
    beside = [path for path in docs.rglob("*") if path.is_file() and path.suffix in {".csv", ".json", ".svg", ".css"}]
    assert len(beside) > 20, "premise: the site has files beside its pages"
    linked = [path for path in beside if (site / path.relative_to(docs)).stat().st_ino == path.stat().st_ino]
    assert linked == beside, "every file beside the pages is the docs folder's own, not a copy"
    article = project.content / "articles" / "2024-06-03-odessa-suivi.yaml"
    article.write_text(article.read_text(encoding="utf-8").replace("value: 4", "value: 6"), encoding="utf-8")
    before = tree(site)
    build(project)
    assert tree(site) == before, "the site this build replaced is as it was published"
    changed = [key for key, digest in tree(project.site).items() if key.endswith(".csv") and before.get(key) != digest]
    assert changed, "premise: the change reaches a table"
    assert tree(project.site) == clean_build(project, tmp_path / "clean")


AHEAD = re.compile(r"engine cache: \d+ of \d+ page\(s\) reused, (\d+) done ahead")
HELD = re.compile(r"done ahead, (\d+) converted ahead and held on disk until themed")

IN_A_PROCESS = """
import logging, sys
from pathlib import Path
from generator.mkdocs_stage import ahead
from generator.build import build, build_offline_edition
from generator.errors import SiteBuildError
from generator.settings import Paths
logging.basicConfig(level=logging.INFO, format="%(message)s")
logging.getLogger("mkdocs").setLevel(logging.WARNING)
ahead.AHEAD_FROM = int(sys.argv[1])
try:
    build(Paths(*map(Path, sys.argv[2:])))
except SiteBuildError as error:
    print(f"FAILED: {error}", file=sys.stderr)
    sys.exit(4)
"""


def build_in_a_process(paths: Paths, ahead_from: int) -> subprocess.CompletedProcess[str]:
    """A build in a process of its own, doing ahead every page it lacks from ``ahead_from`` of them (this one may have
    other threads running, left by other tests, and then never forks)."""
    arguments = [str(ahead_from), *map(str, (paths.content, paths.templates, paths.config, paths.docs, paths.site))]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-c", IN_A_PROCESS, *arguments], capture_output=True, text=True, env=environment, timeout=600)


def done_ahead(result: subprocess.CompletedProcess[str]) -> int:
    assert result.returncode == 0, result.stderr
    return int(AHEAD.findall(result.stderr)[-1])


two_cpus = pytest.mark.skipif(parallel.workers() < 2, reason="one CPU here: nothing is ever done ahead")


@two_cpus
def test_pages_done_ahead_in_forked_copies_equal_pages_done_by_mkdocs_alone(tmp_path: Path) -> None:
    """A cold build with every page converted and themed in forked copies, then a rebuild after an article and a
    theme override changed (every page converted again), each give the bytes MkDocs gives alone."""
    paths = golden_project(tmp_path / "ahead")
    first = build_in_a_process(paths, 1)
    assert done_ahead(first) > 10, "premise: the pages were done ahead"
    assert int(HELD.findall(first.stderr)[-1]) > 10, "their HTML waited on disk, not in this process, until themed"
    assert not (paths.engine_cache / WAITING).exists(), "and nothing of it is left"
    assert tree(paths.site) == clean_build(paths, tmp_path / "alone")
    article = paths.content / "articles" / "2024-06-03-odessa-suivi.yaml"
    article.write_text(article.read_text(encoding="utf-8").replace("value: 4", "value: 6"), encoding="utf-8")
    main = paths.templates / "overrides" / "main.html"
    main.write_text(main.read_text(encoding="utf-8") + "\n{# changed #}\n", encoding="utf-8")
    assert done_ahead(build_in_a_process(paths, 1)) > 10
    assert tree(paths.site) == clean_build(paths, tmp_path / "alone-again")


@two_cpus
def test_a_warning_in_a_page_converted_ahead_fails_the_strict_build(tmp_path: Path) -> None:
    """What a forked copy logs reaches strict mode: a broken link found while converting ahead fails the build, names
    the link, and is said once."""
    paths = golden_project(tmp_path)
    home = paths.templates / "home.md.j2"
    home.write_text(home.read_text(encoding="utf-8") + "\n[Ailleurs](nulle-part.md)\n", encoding="utf-8")
    failed = build_in_a_process(paths, 1)
    assert failed.returncode == 4, failed.stderr
    error = failed.stderr.split("FAILED: ", 1)[1]
    assert error.count("nulle-part.md") == 1, error
    assert not paths.site.exists()


def test_an_unchanged_source_is_not_read_and_a_new_navigation_reads_it_and_equals_a_clean_build(tmp_path: Path) -> None:
    """A page whose source file is the one its entry was made from is neither read nor parsed (its front matter comes
    from the entry); when another page's title changes the navigation every page shows, it is read and themed again,
    as a clean build themes it."""
    docs, cache, config = small_site(tmp_path, "---\ndescription: La une\ntags: [a, b]\n---\n# Accueil\n\n[Sources](sources.md)\n")
    day, terms = DAY, tmp_path / "terms.json"
    build_site(config, docs, tmp_path / "first", day, terms, cache)
    opened: list[str] = []
    real_open = open

    def watching(file: object, *args: object, **kwargs: object) -> object:
        opened.append(str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("builtins.open", watching)
        build_site(config, docs, tmp_path / "second", day, terms, cache)
    assert not [path for path in opened if path.endswith(".md")], "no source read: both pages are as their entries were made"
    assert tree(tmp_path / "second") == tree(tmp_path / "first")
    (docs / "sources.md").write_text("# Nos sources\n", encoding="utf-8")
    build_site(config, docs, tmp_path / "third", day, terms, cache)
    clean = tmp_path / "clean-cache"
    build_site(config, docs, tmp_path / "clean", day, terms, clean)
    assert "Nos sources" in (tmp_path / "third" / "index.html").read_text(encoding="utf-8"), "the home page shows the new title"
    assert tree(tmp_path / "third") == tree(tmp_path / "clean")
