"""The generator's exceptions, mapped to exit codes at the command-line edge."""

from __future__ import annotations

from dataclasses import dataclass


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


class BriefingError(Exception):
    """Base class: anything the command line reports as an error."""

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
