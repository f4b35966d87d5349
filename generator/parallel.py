"""Independent work shared between forked copies of the build, one per CPU, with the result of doing it in order here.

Rendering pages and sanitising built ones are many independent tasks. With
enough of them and more than one CPU, :func:`fork_map` forks the build: each
copy inherits everything in memory (the plan, the environment, the task itself,
which need not be picklable), takes tasks by their index and sends back only
its results; they come back in the order of the tasks. An exception in a task
is raised here, as it would have been without forking. Elsewhere (one CPU, few
tasks, no ``fork`` on the platform) the tasks simply run one after the other.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def workers() -> int:
    """The copies work is shared between: one per CPU this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


_task: Callable[[Any], Any] | None = None
_items: Sequence[Any] = ()
"""What forked copies work on (set just before they are forked)."""


def fork_map(task: Callable[[T], R], items: Sequence[T], least: int) -> list[R]:
    """``[task(item) for item in items]``, shared between forked copies when there are at least ``least`` items."""
    count = workers()
    if count < 2 or len(items) < least or "fork" not in multiprocessing.get_all_start_methods():
        return [task(item) for item in items]
    global _task, _items
    _task, _items = task, items
    try:
        with multiprocessing.get_context("fork").Pool(count) as pool:
            return pool.map(_run, range(len(items)), chunksize=max(1, len(items) // (count * 8)))
    finally:
        _task, _items = None, ()


def _run(index: int) -> Any:
    assert _task is not None, "set before the copies are forked"
    return _task(_items[index])
