"""The shape the code keeps: data sources behind one door, the engine behind another, a build told in named stages."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import FIXTURES, ROOT, copy_content, project_paths
from generator.build import Timings, generate

GENERATOR = ROOT / "generator"


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at any depth of the file."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def _importers(prefix: str) -> list[str]:
    """Modules of the generator outside the package ``prefix`` names that import it."""
    package = GENERATOR / prefix.removeprefix("generator.").replace(".", "/")
    return sorted(
        path.relative_to(ROOT).as_posix()
        for path in GENERATOR.rglob("*.py")
        if not path.is_relative_to(package) and any(module == prefix or module.startswith(f"{prefix}.") for module in _imports(path))
    )


def test_only_the_contributor_list_and_the_import_command_import_the_air_force_package() -> None:
    assert _importers("generator.airforce") == ["generator/cli.py", "generator/contributors.py"]


def test_only_the_mkdocs_stage_imports_mkdocs_or_material() -> None:
    engine = [
        path.relative_to(ROOT).as_posix()
        for path in GENERATOR.rglob("*.py")
        if any(module.split(".")[0] in {"mkdocs", "material"} for module in _imports(path))
    ]
    assert engine and all(path.startswith("generator/mkdocs_stage/") for path in engine), engine


def test_the_stages_before_the_engine_run_in_order_and_are_timed(tmp_path: Path) -> None:
    content = copy_content(FIXTURES / "golden" / "content", tmp_path / "content")
    timings = Timings()
    generated = generate(project_paths(tmp_path, content), timings)
    assert list(timings.seconds) == ["settings", "load", "validate", "plan", "render", "write"]
    assert all(seconds >= 0 for seconds in timings.seconds.values())
    assert generated.report.written
