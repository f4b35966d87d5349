"""The generator's exceptions, mapped to exit codes at the command-line edge (the README's table lists them all)."""

from __future__ import annotations

import traceback
from dataclasses import dataclass

from jinja2 import TemplateSyntaxError


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, located in its file."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        field = f" {self.field}:" if self.field else ""
        return f"{self.file}:{self.line}:{field} {self.message}"


TEMPLATE_FAILURES = (ArithmeticError, LookupError, TypeError, ValueError, AttributeError)
"""What a template raises besides Jinja's own errors when what it does fails (``1 // 0``, a key that is not there)."""


def template_line(error: BaseException, suffix: str) -> str | None:
    """``file:line`` of the template that failed: where a syntax error is, or the innermost frame of a file ending in
    ``suffix`` (``.j2`` for the pages' templates, ``.html`` for the theme's)."""
    if isinstance(error, TemplateSyntaxError) and error.filename:
        return f"{error.filename}:{error.lineno}"
    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename.endswith(suffix)]
    return f"{frames[-1].filename}:{frames[-1].lineno}" if frames else None


EXIT_USAGE = 64
"""A command line that cannot be understood (sysexits.h EX_USAGE): a typo in a script, not in the content."""
EXIT_INTERRUPTED = 130
"""Stopped by Ctrl-C (SIGINT), as shells report it."""
EXIT_TERMINATED = 143
"""Stopped by SIGTERM (as CI sends on cancel), as shells report it."""


class BriefingError(Exception):
    """Base class: anything the command line reports as an error. Used as such: the build could not finish (a
    forked copy killed, a wave id collision to report), exit 1."""

    exit_code = 1


class ContentError(BriefingError):
    """The content did not validate; carries every problem found in every file."""

    exit_code = 2

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        count = len(self.problems)
        lines = "\n".join(str(problem) for problem in self.problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the content:\n{lines}")


class RenderError(BriefingError):
    """A template failed to render (a bug in a template, never in the content)."""

    exit_code = 3


class PlanError(BriefingError):
    """The site plan is inconsistent: two pages at one path, a section where no template shows it (a bug in a contributor)."""

    exit_code = 3


class SiteBuildError(BriefingError):
    """MkDocs refused to build the site, or the built site failed a check."""

    exit_code = 4


class ConfigError(BriefingError):
    """The configuration cannot be used: ``mkdocs.yml``'s settings, folders that overlap (sysexits.h EX_CONFIG)."""

    exit_code = 78


class FilesystemError(BriefingError):
    """A file or folder could not be read or written: permissions, a read-only or full disk, a path that is a file
    where a folder is needed (sysexits.h EX_IOERR)."""

    exit_code = 74

    @classmethod
    def of(cls, error: OSError) -> FilesystemError:
        """The error in one line, naming the path (and the second path of a rename)."""
        paths = " -> ".join(str(name) for name in (error.filename, error.filename2) if name is not None)
        reason = error.strerror or str(error)
        return cls(f"{paths}: {reason}" if paths else reason)


class BusyError(BriefingError):
    """Another build or preview holds the lock of these folders (sysexits.h EX_TEMPFAIL: try again)."""

    exit_code = 75
