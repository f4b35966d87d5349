"""Regenerate only what changed: unchanged pages are neither rendered again nor rewritten."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, config_in, copy_content, project_paths, tree
from generator.build import generate
from generator.contributors import contributors
from generator.load import load_content
from generator.load_cache import DocumentCache, shard_of
from generator.settings import Paths


def _snapshot(docs: Path) -> dict[str, int]:
    return {path.relative_to(docs).as_posix(): path.stat().st_mtime_ns for path in docs.rglob("*") if path.is_file()}


def _paths(tmp_path: Path, templates: Path = ROOT / "templates") -> Paths:
    content = copy_content(FIXTURES / "golden" / "content", tmp_path / "content")
    paths = project_paths(tmp_path, content)
    return Paths(content=paths.content, templates=templates, config=paths.config, docs=paths.docs, site=paths.site)


def test_a_no_op_rebuild_renders_and_rewrites_nothing(tmp_path: Path) -> None:
    paths = _paths(tmp_path)
    first = generate(paths)
    assert first.report.written and len(first.rendered) == len(first.paths)
    before = _snapshot(paths.docs)
    second = generate(paths)
    assert second.report.written == []
    assert second.rendered == []
    assert _snapshot(paths.docs) == before


def test_one_changed_article_renders_only_the_pages_it_appears_on(tmp_path: Path) -> None:
    paths = _paths(tmp_path)
    generate(paths)
    before = _snapshot(paths.docs)
    article = paths.content / "articles" / "2024-06-03-odessa-suivi.yaml"
    article.write_text(article.read_text(encoding="utf-8").replace("value: 4", "value: 6"), encoding="utf-8")
    generated = generate(paths)
    rendered, pages, report = sorted(generated.rendered), generated.paths, generated.report
    # The event's day page, the theme's front page (its latest day), the home page and the briefings of the days the
    # event is filed on and reported again, its place's and weapon's pages, and where the article is listed.
    assert rendered == [
        "archives/sources/2024-06-03.md",
        "archives/strikes-on-ukraine/2024-06-02.md",
        "briefings/2024-06-02.md",
        "briefings/2024-06-03.md",
        "index.md",
        "places/ua-odesa-oblast.md",
        "sources.md",
        "strikes-on-ukraine.md",
        "weapons/shahed-136-131.md",
    ]
    assert len(rendered) < len(pages) / 2
    after = _snapshot(paths.docs)
    assert sorted(path for path in after if after[path] != before[path]) == sorted(report.written)
    assert "2 → **6**" in (paths.docs / "archives/strikes-on-ukraine/2024-06-02.md").read_text(encoding="utf-8"), "the event's card"


def test_a_template_change_renders_every_page_again(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    paths = _paths(tmp_path, templates)
    generate(paths)
    with (templates / "labels" / "fr.yml").open("a", encoding="utf-8") as labels:
        labels.write("# a comment changes nothing shown, but the cache cannot know that\n")
    again = generate(paths)
    assert again.rendered == again.paths


def test_a_hand_edited_page_is_rendered_again(tmp_path: Path) -> None:
    """Also once the cache knows the page's file by its identity (the second build), and for an edit of the same size."""
    paths = _paths(tmp_path)
    generate(paths)
    assert generate(paths).rendered == [], "premise: the second build found every file as written, and noted it"
    page = paths.docs / "index.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("#", "%", 1), encoding="utf-8")
    assert page.stat().st_size == len(text.encode("utf-8"))
    again = generate(paths)
    assert again.rendered == ["index.md"]
    assert again.report.written == ["index.md"]
    assert page.read_text(encoding="utf-8") == text


def test_renaming_a_party_renders_the_pages_that_name_it_again(tmp_path: Path) -> None:
    paths = _paths(tmp_path)
    generate(paths)
    parties = paths.content / "parties.yaml"
    old, new = "Administration militaire régionale d'Odessa", "Administration régionale d'Odessa, renommée"
    parties.write_text(parties.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    generate(paths)
    pages = "".join(path.read_text(encoding="utf-8") for path in paths.docs.rglob("*.md"))
    assert old not in pages and new in pages


def test_another_time_zone_renders_the_times_shown_again(tmp_path: Path) -> None:
    content = copy_content(FIXTURES / "events" / "content", tmp_path / "content")
    config = config_in(tmp_path)
    paths = project_paths(tmp_path, content, config)
    generate(paths)
    day = paths.docs / "archives" / "strikes-on-ukraine" / "2024-08-11.md"
    assert "The Kyiv Independent, 11 août 2024 08&#58;00" in day.read_text(encoding="utf-8")
    config.write_text(config.read_text(encoding="utf-8").replace("timezone: Europe/Kyiv", "timezone: Europe/Paris"), encoding="utf-8")
    assert "archives/strikes-on-ukraine/2024-08-11.md" in generate(paths).rendered
    assert "The Kyiv Independent, 11 août 2024 07&#58;00" in day.read_text(encoding="utf-8")


def test_the_load_cache_reparses_only_changed_files_and_gives_what_a_fresh_parse_gives(tmp_path: Path) -> None:
    """Unchanged files come from the cache, equal to a fresh parse; a changed one is parsed again; a file with
    problems is never kept, so its problems are reported every time."""
    paths = _paths(tmp_path)
    store = tmp_path / "content-cache"
    fresh = load_content(paths.content, contributors())
    first = DocumentCache.open(store)
    load_content(paths.content, contributors(), first)
    assert first.hits == 0 and len(list(store.glob("shard-*.pickle"))) > 1
    shards = {path.name: path.stat().st_mtime_ns for path in store.iterdir()}
    article = paths.content / "articles" / "2024-06-03-odessa-suivi.yaml"
    article.write_text(article.read_text(encoding="utf-8").replace("value: 4", "value: 6"), encoding="utf-8")
    (paths.content / "articles" / "broken.yaml").write_text("article: [unclosed\n", encoding="utf-8")
    for attempt in range(2):
        cache = DocumentCache.open(store)
        loaded = load_content(paths.content, contributors(), cache)
        files = sum(len(documents) for documents in fresh.documents.values()) + 1  # and the party registry
        assert cache.hits == files - 1 + attempt, "every file but the changed one (then all but the broken one) reused"
        assert [problem.file for problem in loaded.problems] == ["content/articles/broken.yaml"], attempt
        reference = load_content(paths.content, contributors())
        assert loaded.documents == reference.documents and loaded.parties == reference.parties
    rewritten = {path.name for path in store.iterdir() if shards.get(path.name) != path.stat().st_mtime_ns}
    assert rewritten == {f"shard-{shard_of(str(article.resolve())):02}.pickle"}, "only the changed file's shard written again"


def _generated(paths: Paths) -> dict[str, str]:
    """The docs folder and the search terms beside it, by hash: what a generation gives the engine."""
    return tree(paths.docs) | {"search terms": paths.search_terms.read_text(encoding="utf-8")}


@pytest.mark.parametrize("change", ["party", "english label", "site label", "added place", "deleted memo"])
def test_what_the_plan_derives_from_each_event_follows_its_inputs_and_equals_a_clean_generation(tmp_path: Path, change: str) -> None:
    """Table rows, feed lines and search terms kept between builds (:mod:`generator.derived`) follow what they are
    derived from besides the event: party names, both label catalogues, the editors' places; a deleted memo costs
    only time."""
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    content = copy_content(FIXTURES / ("names" if change == "added place" else "golden") / "content", tmp_path / "content")
    paths = Paths(content, templates, project_paths(tmp_path).config, tmp_path / "docs", tmp_path / "site")
    generate(paths)
    assert paths.derived.is_file(), "premise: the plan kept what it derived"
    edits = {  # file, text, its replacement, what shows of it in the docs folder
        "party": (content / "parties.yaml", "Odesa Regional Military Administration", "Odesa Region, renamed", "Odesa Region, renamed"),
        "english label": (templates / "labels" / "en.yml", "  UA: Ukraine\n", "  UA: Ukraine-renamed\n", "Ukraine-renamed"),
        "site label": (templates / "labels" / "fr.yml", 'key_figure: "{figure} : {values}"', 'key_figure: "{figure} ⇒ {values}"', " ⇒ "),
        "added place": (content / "places.yaml", "en: Zelenyi Hai-Test", "en: Zelenyi Hai-Renamed", "Zelenyi Hai-Renamed"),
    }
    shown = None
    if change == "deleted memo":
        paths.derived.unlink()
    else:
        path, old, new, shown = edits[change]
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")
    generate(paths)
    through_memo = _generated(paths)
    if shown is not None:
        files = [path for path in paths.docs.rglob("*") if path.suffix in (".csv", ".json", ".xml", ".md") and path.is_file()]
        assert any(shown in path.read_text(encoding="utf-8") for path in files), "premise: the change shows"
    clean = Paths(content, templates, paths.config, tmp_path / "clean" / "docs", tmp_path / "clean" / "site")
    generate(clean)
    assert through_memo == _generated(clean)
