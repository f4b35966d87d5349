"""Writing files so that no reader, and no crash, ever sees half of one."""

from __future__ import annotations

import errno
import hashlib
import marshal
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any


def write_atomically(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Write ``data`` (bytes, or chunks of them, written as they come) to ``path`` through a temporary file in the
    same folder, renamed into place.

    The file is world-readable (0644), as a published site's files must be.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(handle, 0o644)
        with os.fdopen(handle, "wb") as output:
            if isinstance(data, bytes):
                output.write(data)
            else:
                output.writelines(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def link_or_copy(source: Path, target: Path) -> None:
    """``source``'s file at ``target`` (whatever was there replaced): a hard link, neither read nor written, or
    where the file system has none (another device, no links), a copy written atomically. Nothing in a build writes
    into a file: each stage replaces one (:func:`write_atomically`), so a file linked into the site stays as it was
    linked."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        write_atomically(target, source.read_bytes())


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` atomically unless ``path`` already holds exactly these bytes; whether it wrote."""
    if path.is_file() and path.read_bytes() == data:
        return False
    write_atomically(path, data)
    return True


def walk_files(folder: Path, errors: list[OSError] | None = None) -> Iterator[Path]:
    """Every file under ``folder``, in a stable order, through symbolic links to folders as Jinja and MkDocs read
    them (each real folder once: a link back up is not a loop); nothing when ``folder`` does not exist. A folder
    that cannot be listed is passed over, its error added to ``errors`` when given."""
    seen: set[str] = set()
    for directory, folders, names in os.walk(folder, followlinks=True, onerror=errors.append if errors is not None else None):
        real = os.path.realpath(directory)
        if real in seen:
            folders[:] = []
            continue
        seen.add(real)
        folders.sort()
        for name in sorted(names):
            yield Path(directory, name)


def overlaps(a: Path, b: Path) -> bool:
    """Whether the folders ``a`` and ``b`` are one, or one holds the other (after resolving links)."""
    a, b = a.resolve(), b.resolve()
    return a == b or a.is_relative_to(b) or b.is_relative_to(a)


def in_place(path: Path) -> Path:
    """``path`` absolute, its folders resolved but not itself: the published site is a link, which names it, not
    the build it points at."""
    return path.absolute().parent.resolve() / path.name


def file_identity(path: Path) -> list[int]:
    """A file's size, modification time and inode (raises OSError): a file no one has written to since keeps all
    three. Trusting them guards against accidents, not against whoever can write to the folder and set a
    modification time back."""
    status = path.stat()
    return [status.st_size, status.st_mtime_ns, status.st_ino]


_digests: dict[tuple[str, int, int, int, int], str] = {}


def file_digest(path: Path) -> str:
    """The SHA-256 of a file's bytes (hex), read once per process while its size, times and inode stay the same: the
    inputs stage and the load stage both ask for every content file's."""
    status = path.stat()
    key = (os.path.realpath(path), status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)
    found = _digests.get(key)
    if found is None:
        found = _digests[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


_KINDS = {stat.S_IFDIR: "is a folder", stat.S_IFIFO: "is a named pipe (FIFO)", stat.S_IFCHR: "is a device", stat.S_IFBLK: "is a device"}


def regular_file_size(path: Path) -> int:
    """The size of ``path``, a regular file (through symbolic links); raises OSError naming what it is otherwise, so
    that a named pipe is never opened (it would wait forever) nor a device read (``/dev/zero`` never ends)."""
    status = path.stat()
    if not stat.S_ISREG(status.st_mode):
        kind = _KINDS.get(stat.S_IFMT(status.st_mode))
        raise OSError(f"{kind}, not a file" if kind else "is not a regular file")
    return status.st_size


def unreadable(error: OSError) -> str:
    """Why a file could not be read, in one line (no path: the caller names the file)."""
    if error.strerror is None:
        return str(error)  # what regular_file_size found instead of a file
    if error.errno == errno.ELOOP:
        return "cannot read: a loop of symbolic links"
    if isinstance(error, FileNotFoundError):
        return "cannot read: a symbolic link to a file that does not exist"
    return f"cannot read: {error.strerror}"


def read_salted(path: Path | None, salt: str) -> dict[Any, Any] | None:
    """The dict a build kept at ``path`` with :func:`write_salted` under this ``salt``; None when there is none, it
    cannot be read, or it was kept under another salt (by other code: what it holds may mean something else)."""
    if path is None or not path.is_file():
        return None
    try:
        found_salt, found = marshal.loads(path.read_bytes())  # noqa: S302 - written by the build itself; marshal runs no code
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return found if found_salt == salt and isinstance(found, dict) else None


def write_salted(path: Path, salt: str, data: dict[Any, Any]) -> None:
    """Keep plain data (:mod:`marshal`'s: text, bytes, numbers, lists, tuples, dicts) for the next build, with the
    salt that says what made it."""
    write_atomically(path, marshal.dumps((salt, data)))
