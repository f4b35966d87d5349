"""The README covers the code: every content field, every command and option."""

from __future__ import annotations

import re

import click
import pytest

from conftest import ROOT
from generator.cli import main
from generator.errors import EXIT_INTERRUPTED, EXIT_TERMINATED, EXIT_USAGE, BriefingError
from generator.reference import DOCUMENTED, update_readme

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_schema_reference_is_up_to_date() -> None:
    assert update_readme(README) == README, "run `make readme`"


@pytest.mark.parametrize("model", DOCUMENTED, ids=lambda model: model.__name__)
def test_every_field_is_described(model: type) -> None:
    for name, info in model.model_fields.items():  # type: ignore[attr-defined]
        assert info.description, f"{model.__name__}.{name} has no description"
        assert f"| `{name}` |" in README


def test_every_command_and_option_is_documented() -> None:
    assert isinstance(main, click.Group)
    for name, command in main.commands.items():
        assert re.search(rf"`briefing {name}\b", README), f"command {name} missing from README"
        for parameter in command.params:
            for option in parameter.opts:
                if option.startswith("--") and option != "--help":
                    assert option in README, f"{name} {option} missing from README"


def test_readme_test_command_is_what_ci_runs() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = [line for line in ci.splitlines() if line.strip() and not line.startswith(("#", "set ", "cd "))][-1]
    assert command in README


def _error_classes(base: type[BriefingError]) -> list[type[BriefingError]]:
    return [base, *(found for child in base.__subclasses__() for found in _error_classes(child))]


def test_the_exit_code_table_lists_every_code_the_command_line_can_end_with() -> None:
    table = README[README.index("| code | meaning |") :].split("\n\n", 1)[0]
    documented = {int(code) for code in re.findall(r"`(\d+)`", "\n".join(line.split("|")[1] for line in table.splitlines()[2:]))}
    codes = {0, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_TERMINATED, *(kind.exit_code for kind in _error_classes(BriefingError))}
    assert documented == codes
