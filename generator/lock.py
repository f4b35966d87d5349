"""One build at a time per docs folder and per output: an advisory lock (``flock``) on a file beside each.

Two builds on one checkout would share the docs folder, and each one's sweep of
stale files would delete the other's; two publishes would race for the link.
The lock files sit beside the folders (``build/.docs.lock``, ``.site.lock``),
outside everything ``briefing serve`` watches, and hold the pid and the command
of their holder, for the message the second build prints. The lock goes with
the process that holds it, however it ends (the kernel releases it): a killed
build never leaves a lock behind.
"""

from __future__ import annotations

import fcntl
import os
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from generator.errors import BusyError
from generator.files import in_place

WAIT_SECONDS = 60.0
"""How long a build waits for another one to finish before it gives up (``--wait``)."""
_POLL = 0.2


def lock_path(folder: Path) -> Path:
    """The lock file of ``folder``: beside it, hidden, named after it (``build/docs`` -> ``build/.docs.lock``,
    ``site`` -> ``.site.lock``)."""
    return in_place(folder).with_name(f".{folder.name}.lock")


@contextmanager
def locked(folder: Path, wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the lock of ``folder`` (waiting up to ``wait`` seconds for its holder); BusyError when it stays held."""
    path = lock_path(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise BusyError(_busy(path, folder, wait)) from None
                time.sleep(_POLL)
        os.ftruncate(handle, 0)
        os.write(handle, f"{os.getpid()} {' '.join(sys.argv[:3])}\n".encode())
        yield
    finally:
        os.close(handle)  # releases the lock


def _busy(path: Path, folder: Path, wait: float) -> str:
    try:
        holder = path.read_text(encoding="utf-8").strip() or "another process"
    except OSError:
        holder = "another process"
    return (
        f"{folder}: another build or preview is using it (pid {holder}); waited {wait:g} s. "
        f"Run again when it is done (--wait SECONDS to wait longer); the lock is {path}"
    )


@contextmanager
def locked_all(folders: list[Path], wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the locks of every folder, always taken in the same order (no two builds wait for each other)."""
    with ExitStack() as stack:
        for folder in sorted({lock_path(folder): folder for folder in folders}.items()):
            stack.enter_context(locked(folder[1], wait))
        yield
