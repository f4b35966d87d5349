"""Faults around a real build (#16), each reproduced as the issue found it, through the command line as editors and
CI run it: every one ends in one-line messages and the documented exit code, never a traceback, and leaves a
complete published site."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import ROOT, tree, workspace
from generator.lock import locked
from generator.model import MAX_TAKEAWAYS
from generator.publish import debris, published_build

pytestmark = pytest.mark.slow  # real MkDocs builds

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
SEED = next((ROOT / "content" / "articles").glob("*.yaml")).name


def run(work: Path, *args: str, env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=work, env=env or ENV, capture_output=True, text=True, timeout=timeout
    )


def assert_fails(result: subprocess.CompletedProcess[str], code: int, message: str) -> None:
    assert result.returncode == code, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert message in result.stderr, result.stderr


@pytest.fixture
def built(tmp_path: Path) -> Path:
    """An editor's checkout with its site built once."""
    work = workspace(tmp_path)
    first = run(work, "build")
    assert first.returncode == 0, first.stderr
    return work


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"premise: {path.name} has {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# 11. Template errors outside jinja2.TemplateError, label catalogues of the wrong shape, theme override errors.
TEMPLATE_FAULTS = {
    "a division by zero in a template": ("templates/sources.md.j2", None, "{{ 1 // 0 }}\n", 3, "templates/sources.md.j2:"),
    "an empty label catalogue": ("templates/labels/fr.yml", "", None, 3, "a mapping of label names to texts, got nothing"),
    "a label catalogue that is a list": ("templates/labels/fr.yml", "- a\n- b\n", None, 3, "got a list"),
    "an error in the theme override": (
        "templates/overrides/main.html",
        None,
        "{% block extrahead %}{{ 1 // 0 }}{% endblock %}",
        4,
        "main.html:",
    ),
}


@pytest.mark.parametrize("fault", list(TEMPLATE_FAULTS))
def test_a_template_fault_is_a_located_error_and_the_site_stays(built: Path, fault: str) -> None:
    name, replaced, appended, code, message = TEMPLATE_FAULTS[fault]
    before = tree(built / "site")
    path = built / name
    path.write_text(replaced if replaced is not None else path.read_text(encoding="utf-8") + (appended or ""), encoding="utf-8")
    assert_fails(run(built, "build"), code, message)
    assert tree(built / "site") == before


# 13. Usage errors have a code of their own.
@pytest.mark.parametrize("arguments", [["biuld"], ["build", "--nope"], ["build", "--wait", "-1"]])
def test_a_usage_error_exits_64_not_the_content_code(tmp_path: Path, arguments: list[str]) -> None:
    result = run(workspace(tmp_path), *arguments)
    assert result.returncode == 64, result.stderr
    assert "Traceback" not in result.stderr


# 14. With the search plugin off, the site is still recognised as ours.
def test_a_site_without_the_search_plugin_builds_again_and_again(tmp_path: Path) -> None:
    work = workspace(tmp_path)
    config = work / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    plugins = text[text.index("plugins:") :].split("\n\n", 1)[0]
    assert "- search" in plugins, "premise: the shipped configuration has the search plugin"
    config.write_text(text.replace(plugins, "plugins: []"), encoding="utf-8")
    for round in range(3):
        _edit(work / "content" / "articles" / SEED, "title: ", f"title: R{round} ") if round else None
        result = run(work, "build")
        assert result.returncode == 0, result.stderr
    assert not (work / "site" / "search" / "search_index.json").exists()


# 15. A cache of the wrong shape costs a full build, never a blocked one.
@pytest.mark.parametrize("garbage", ["null", "[]", '"x"'])
def test_caches_of_the_wrong_shape_cost_only_a_full_build(built: Path, garbage: str) -> None:
    clean = tree(built / "site")
    caches = [path for path in (built / "build").rglob("*") if path.is_file() and path.suffix in {".json", ".pickle"}]
    assert len(caches) >= 5, "premise: the build keeps its caches"
    for cache in caches:
        cache.write_text(garbage, encoding="utf-8")
    result = run(built, "build", "--force")
    assert result.returncode == 0, result.stderr
    assert tree(built / "site") == clean


# 1. A build date no format can hold.
def test_a_build_date_out_of_range_is_a_configuration_error(built: Path) -> None:
    assert_fails(run(built, "build", "--force", env={**ENV, "SOURCE_DATE_EPOCH": "7258118400"}), 78, "SOURCE_DATE_EPOCH")


# 16. Bounds on list lengths.
@pytest.mark.parametrize(
    ("count", "message"),
    [
        (100_000, "article.takeaways: a list of 100,005 items; the limit is 10,000"),
        (MAX_TAKEAWAYS + 1, "article.takeaways: expected at most"),
    ],
)
def test_too_many_takeaways_are_refused_at_once(built: Path, count: int, message: str) -> None:
    article = built / "content" / "articles" / SEED
    many = "".join(f"    - Point {number}.\n" for number in range(count))
    _edit(article, "  takeaways:\n", "  takeaways:\n" + many)
    started = time.perf_counter()
    assert_fails(run(built, "check"), 2, message)
    assert time.perf_counter() - started < 60, "refused before anything is built from it"


# 3 and 2. Debris of killed builds; a build stopped by SIGTERM cleans up as Ctrl-C does.
def test_debris_of_killed_builds_goes_with_the_next_build(built: Path) -> None:
    for name in (".site.build-20240101T000000-killed", ".site.new-abc123", ".site.old-def456"):
        (built / name / "assets").mkdir(parents=True)
        (built / name / "index.html").write_text("half a site", encoding="utf-8")
    assert len(debris(built / "site")) == 3
    result = run(built, "build")  # nothing changed: still, what killed builds left goes
    assert result.returncode == 0, result.stderr
    assert debris(built / "site") == []


def test_sigterm_during_a_build_exits_143_and_leaves_the_site_and_no_debris(built: Path) -> None:
    before = tree(built / "site")
    _edit(built / "content" / "articles" / SEED, "title: ", "title: Nouveau ")
    build = subprocess.Popen(
        [sys.executable, "-m", "generator", "build"], cwd=built, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 120
    while not list(built.glob(".site.build-*")) or len(list(built.glob(".site.build-*"))) < 2:  # the staging folder
        assert build.poll() is None, "premise: the build is still running when the staging folder appears"
        assert time.monotonic() < deadline
        time.sleep(0.01)
    build.send_signal(signal.SIGTERM)
    _, stderr = build.communicate(timeout=60)
    assert build.returncode == 143, stderr
    assert "Traceback" not in stderr
    assert tree(built / "site") == before
    assert debris(built / "site") == []


# 4. Two builds at once.
def test_a_second_build_waits_for_the_lock_then_says_who_holds_it(built: Path) -> None:
    with locked(built / "build" / "docs"):
        result = run(built, "build", "--force", "--wait", "0.5")
    assert_fails(result, 75, "another build or preview is using it")


def test_two_builds_at_once_both_succeed_one_after_the_other(built: Path) -> None:
    _edit(built / "content" / "articles" / SEED, "title: ", "title: Deux ")
    results: list[subprocess.CompletedProcess[str]] = []
    threads = [threading.Thread(target=lambda: results.append(run(built, "build", "--force"))) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [result.returncode for result in results] == [0, 0], [result.stderr for result in results]
    assert debris(built / "site") == [] and published_build(built / "site") is not None


# 7. File system faults: a read-only output, a full disk, a file where a folder is needed.
@contextmanager
def mounted(target: Path, options: str) -> Iterator[None]:
    target.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({result.stderr.strip()}): the fault cannot be reproduced")
    try:
        yield
    finally:
        subprocess.run(["umount", "-l", str(target)], check=False)


def test_a_read_only_output_is_a_named_filesystem_error(tmp_path: Path) -> None:
    (tmp_path / "work").mkdir()
    work = workspace(tmp_path / "work")
    with mounted(tmp_path / "public", "ro,size=1m"):
        result = run(work, "build", "--output", str(tmp_path / "public" / "site"))
    assert_fails(result, 74, "Read-only file system")


def test_a_full_disk_under_the_docs_folder_is_named_and_leaves_no_partial_file(tmp_path: Path) -> None:
    (tmp_path / "work").mkdir()
    work = workspace(tmp_path / "work")
    with mounted(work / "build", "size=64k"):
        result = run(work, "build")
        assert_fails(result, 74, "No space left on device")
        assert not list((work / "build").rglob("*.tmp")), "no half-written file stays"
    assert not (work / "site").exists()


def test_build_existing_as_a_file_is_a_named_filesystem_error(tmp_path: Path) -> None:
    work = workspace(tmp_path)
    (work / "build").write_text("not a folder", encoding="utf-8")
    assert_fails(run(work, "build"), 74, "build")
