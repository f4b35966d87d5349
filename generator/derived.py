"""What the plan derives from one event alone, kept between builds: its table rows, its line for the feeds, its
search terms.

At a year of data the plan made some 50,000 table rows, 15,000 feed lines and as many lists of search terms on every
build, a third of a one-article change's plan stage, although an edit changes the events of one article. Each such
value is kept under a key made of what it is derived from: the kind of value, the event (its reports, records and
articles, through the build's :class:`generator.cache.Fingerprinter`, whose digests the render stage then reuses),
whatever else the caller passes (the day an event is filed under), and a salt of everything every value depends on:
the generator's code, the site's language and the label catalogues, the party registry and the editors' places.
The same key gives the same value, so a build through the memo gives the bytes of a clean one
(``tests/test_incremental.py``). Values are plain data (text, numbers, lists, dicts), kept with :mod:`marshal`
beside the docs folder (``build/docs.derived.marshal``); deleting the file costs only time.
"""

from __future__ import annotations

import hashlib
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

from generator.cache import CODE_DIGEST, Fingerprinter
from generator.files import read_salted, write_salted

log = logging.getLogger(__name__)

FORMAT = 2
T = TypeVar("T")


class Derived:
    """Values derived from one event, by key: the last build's (read from ``path``) and this build's; the file keeps,
    for the next build, those this build asked for."""

    def __init__(self, path: Path | None, fingerprint: Fingerprinter, *salt: Any) -> None:
        self.path = path
        self.fingerprint = fingerprint
        self.salt = f"{FORMAT}:{sys.version}:{CODE_DIGEST}:{fingerprint(*salt)}"
        self.known: dict[bytes, Any] = read_salted(path, self.salt) or {}  # none, unreadable or stale: all derived again
        self.used: dict[bytes, Any] = {}
        self.reused = 0

    def of(self, kind: str, make: Callable[[], T], *inputs: Any) -> T:
        """The value of this kind derived from ``inputs`` (an event, and what else it is made from): as the last build
        derived it from the same inputs, or made now, as plain data (:func:`plain`), which a later build reads back the same."""
        key = hashlib.blake2b(f"{self.salt}\n{kind}\n{self.fingerprint(*inputs)}".encode(), digest_size=16).digest()
        found = self.used.get(key, self)
        if found is self:
            found = self.known.get(key, self)
            if found is self:
                found = plain(make())
            else:
                self.reused += 1
            self.used[key] = found
        return cast(T, found)

    def save(self) -> None:
        """Keep this build's values for the next (the file is left as it is when they are the same)."""
        if self.path is None or self.used.keys() == self.known.keys():
            return
        write_salted(self.path, self.salt, self.used)
        log.info("derived values: %d kept, %d of this build's reused", len(self.used), self.reused)


_PLAIN = (str, int, float, bool, bytes, type(None))


def plain(value: Any) -> Any:
    """``value`` as the plain data :mod:`marshal` keeps: text, bytes, numbers, lists, tuples and dicts of their base types
    (the loader's numbers and texts that know their line are subclasses, which marshal refuses); anything else is a
    mistake of the caller's."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is list or kind is tuple:
        return kind(plain(item) for item in value)
    if isinstance(value, dict):
        return {plain(key): plain(item) for key, item in value.items()}
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    raise TypeError(f"{kind.__name__}: a derived value must be plain data (text, numbers, lists, dicts)")
