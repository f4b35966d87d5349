"""Zip archives that are the same bytes for the same files: entries in the order given, dated by the day they hold
(never the build's clock), readable by all, deflated."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable
from typing import BinaryIO


def write_zip(output: BinaryIO, files: Iterable[tuple[str, bytes]], day: dt.date, level: int = 9) -> None:
    """Write ``files`` (name, bytes) into a zip on ``output``, each entry dated ``day`` at midnight, deflated at
    ``level`` (9, the smallest; the daily build's data archives use 6, zlib's default: nearly as small, faster)."""
    stamp = (day.year, day.month, day.day, 0, 0, 0)
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, data in files:
            entry = zipfile.ZipInfo(name, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, data, compresslevel=level)


def zip_bytes(files: Iterable[tuple[str, bytes]], day: dt.date, level: int = 9) -> bytes:
    """``files`` as a zip, in memory."""
    output = io.BytesIO()
    write_zip(output, files, day, level)
    return output.getvalue()
