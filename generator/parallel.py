"""Independent work shared between forked copies of the build, one per CPU, with the result of doing it in order here.

Rendering pages and sanitising built ones are many independent tasks. With
enough of them and more than one CPU, :func:`fork_map` forks the build: each
copy inherits everything in memory (the plan, the environment, the task itself,
which need not be picklable), takes tasks by their index and sends back only
its results; they come back in the order of the tasks, and a task that raised
is raised here, the first in that order, as it would have been without forking.
A copy that dies (killed, out of memory) fails the build with a message instead
of leaving it waiting. Elsewhere (one CPU, few tasks, no ``fork`` on the
platform, or other threads running, as under ``briefing serve``, which a fork
must not copy half-way through) the tasks run one after the other here.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from generator import progress
from generator.errors import BriefingError

T = TypeVar("T")
R = TypeVar("R")


def workers() -> int:
    """The copies work is shared between: one per CPU this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


_task: Callable[[Any], Any] | None = None
_items: Sequence[Any] = ()
"""What forked copies work on (set just before they are forked)."""


def forks(tasks: int, least: int) -> bool:
    """Whether :func:`fork_map` would share ``tasks`` tasks between forked copies (else it runs them here)."""
    alone = threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()
    return workers() >= 2 and tasks >= least and alone


def fork_map(task: Callable[[T], R], items: Sequence[T], least: int) -> list[R]:
    """``[task(item) for item in items]``, shared between forked copies when there are at least ``least`` items."""
    if not forks(len(items), least):
        return [_done(task(item)) for item in items]
    count = workers()
    global _task, _items
    _task, _items = task, items
    try:
        with ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("fork"), initializer=progress.silence) as pool:
            outcomes = [_done(outcome) for outcome in pool.map(_run, range(len(items)), chunksize=max(1, len(items) // (count * 8)))]
    except BrokenProcessPool as error:
        raise BriefingError(f"a forked copy of the build ended before its work was done (killed? out of memory?): {error}") from error
    finally:
        _task, _items = None, ()
    failed = next((outcome for outcome in outcomes if isinstance(outcome, _Raised)), None)
    if failed is not None:
        raise failed.error
    return outcomes  # none of them is a _Raised


def _done(outcome: R) -> R:
    """One more task done: said to whoever follows the build's progress (:mod:`generator.progress`)."""
    progress.advance()
    return outcome


class _Raised:
    """What a task raised in a forked copy, sent back as a result so that the first in the tasks' order is raised."""

    def __init__(self, error: Exception) -> None:
        self.error = error


def _run(index: int) -> Any:
    assert _task is not None, "set before the copies are forked"
    try:
        return _task(_items[index])
    except Exception as error:  # raised again in the parent, in order
        return _Raised(error)
