"""Rendering shared between forked processes gives the same pages, in the same order, as rendering one after the
other; a template error in a forked process is reported as in the one process, with its template's file and line."""

from __future__ import annotations

import multiprocessing
import shutil
import threading
from pathlib import Path
from typing import Any

import pytest

from bench.corpus import write_corpus
from conftest import ROOT, config_in, project_paths
from generator import parallel
from generator import render as render_stage
from generator.build import render
from generator.errors import RenderError
from generator.settings import Paths


@pytest.fixture
def corpus(tmp_path: Path) -> Paths:
    write_corpus(tmp_path / "content", 30, seed=2)
    return project_paths(tmp_path, tmp_path / "content", config_in(tmp_path))


def _spy_forks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Two CPUs, whatever the machine has, and a note of each pool of processes started."""
    started: list[str] = []
    get_context = multiprocessing.get_context

    def spy(method: str | None = None) -> Any:
        started.append(str(method))
        return get_context(method)

    monkeypatch.setattr(parallel, "workers", lambda: 2)
    monkeypatch.setattr(multiprocessing, "get_context", spy)
    return started


def _forks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make rendering share its work between two processes from the first page, and note each pool it starts."""
    started = _spy_forks(monkeypatch)
    monkeypatch.setattr(render_stage, "PARALLEL_FROM", 1)
    # Idle threads other tests of the session may have left (a browser test's server) would keep it from forking.
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    return started


def test_pages_rendered_in_two_processes_equal_those_rendered_in_one(corpus: Paths, monkeypatch: pytest.MonkeyPatch) -> None:
    with monkeypatch.context() as alone:
        alone.setattr(parallel, "workers", lambda: 1)
        _, one = render(corpus)
    started = _forks(monkeypatch)
    _, shared = render(corpus)
    assert started == ["fork"], "premise: the pages were shared between processes"
    assert len(one) > 50
    assert [(page.path, page.text) for page in shared] == [(page.path, page.text) for page in one]


def test_a_template_error_in_a_forked_process_names_the_template_and_line(
    corpus: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    strike = templates / "partials" / "strike.md.j2"
    opening = "{% macro strike_section(view, level) -%}"
    text = strike.read_text(encoding="utf-8")
    assert opening in text, "premise"
    strike.write_text(text.replace(opening, opening + "\n{{ no_such_variable.field }}"), encoding="utf-8")
    started = _forks(monkeypatch)
    with pytest.raises(RenderError, match=r"strike\.md\.j2:\d+: .*no_such_variable"):
        render(Paths(corpus.content, templates, corpus.config, corpus.docs, corpus.site))
    assert started == ["fork"]


def test_with_another_thread_running_the_work_stays_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """As under ``briefing serve``, whose server threads a fork would copy in the middle of whatever they hold."""
    started = _spy_forks(monkeypatch)
    release = threading.Event()
    waiting = threading.Thread(target=release.wait)
    waiting.start()
    try:
        assert parallel.fork_map(lambda n: n * n, list(range(10)), 1) == [n * n for n in range(10)]
    finally:
        release.set()
        waiting.join()
    assert started == []
    assert parallel.fork_map(lambda n: n * n, list(range(10)), 1) == [n * n for n in range(10)]
    assert started == ["fork"] or threading.active_count() > 1, "with the thread gone, it forks"


def test_the_first_failure_in_the_tasks_order_is_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    monkeypatch.setattr(threading, "active_count", lambda: 1)

    def task(n: int) -> int:
        if n in (3, 7):
            raise ValueError(f"task {n}")
        return n

    with pytest.raises(ValueError, match="task 3"):
        parallel.fork_map(task, list(range(10)), 1)
