"""How far a build is: the stage it is in and, for the long ones, how many of their items are done.

The stages say where they are (:func:`stage`, :func:`counting`, :func:`advance`);
what shows it belongs to the command line (:class:`TerminalProgress`, on a
terminal only). By default nobody listens, and saying costs a function call.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Protocol, TextIO

import click

NOTICE = 25
"""A log level between info and warning: something the person running the build should act on that is not wrong
(the placeholder ``site_url``), shown by default, and never one of the engine's warnings a strict build stops at."""
logging.addLevelName(NOTICE, "NOTICE")


class Listener(Protocol):
    """What shows a build's progress."""

    def begin(self, stage: str, total: int | None) -> None:
        """A stage (or a step of one) starts; ``total`` items to do, when it counts them."""

    def advance(self, count: int) -> None:
        """``count`` more items of the step under way are done."""

    def end(self) -> None:
        """The step under way is over."""


_listener: Listener | None = None


@contextmanager
def listening(listener: Listener | None) -> Iterator[None]:
    """Report the progress of what runs inside to ``listener`` (None: to nobody)."""
    global _listener
    before, _listener = _listener, listener
    try:
        yield
    finally:
        if listener is not None:
            listener.end()
        _listener = before


def silence() -> None:
    """Nothing said from here on (a forked copy of the build: its parent tells how far the work is)."""
    global _listener
    _listener = None


def counting(step: str, total: int) -> None:
    """A step of ``total`` items starts (the one before it, if any, is over)."""
    _begin(step, total)


def stage(name: str) -> None:
    """A stage starts, its items not counted (until it says :func:`counting`)."""
    _begin(name, None)


def _begin(step: str, total: int | None) -> None:
    if _listener is not None:
        _listener.end()
        _listener.begin(step, total)


def advance(count: int = 1) -> None:
    """``count`` more items of the step under way are done."""
    if _listener is not None:
        _listener.advance(count)


class TerminalProgress:
    """What a build shows on a terminal: the stage under way on one line, rewritten as stages follow one another, and
    for a counted step a bar with its counts and the time left (click's progress bar), left on screen when done."""

    def __init__(self, output: TextIO) -> None:
        self.output = output
        self.bar: Any = None
        self.status = False

    def begin(self, stage: str, total: int | None) -> None:
        if total is None:
            self.output.write(f"\r\x1b[K{stage} …")
            self.output.flush()
            self.status = True
            return
        self.bar = click.progressbar(length=total, label=f"{stage:<20}", show_pos=True, show_eta=True, width=24, file=self.output)
        self.bar.render_progress()

    def advance(self, count: int) -> None:
        if self.bar is not None:
            self.bar.update(count)

    def end(self) -> None:
        if self.bar is not None:
            self.bar.render_finish()
            self.bar = None
        elif self.status:
            self.output.write("\r\x1b[K")
            self.output.flush()
        self.status = False
