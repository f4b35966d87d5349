"""The editors' JSON Schemas (`schemas/*.schema.json`), generated from the content model.

Editors that speak the YAML language server (VS Code's YAML extension, Neovim, Helix, Zed, JetBrains) read the
``# yaml-language-server: $schema=...`` line at the top of a content file, complete field names and enum values
from the schema and underline what it rejects as you type. The schema accepts everything the model accepts (a
number where text is expected, one party id where a list is allowed), so it never underlines a valid file; what
only the whole content can tell (an unknown party, a duplicate id, a ``same_as`` to a different place) stays with
``briefing check``.

``python -m generator.schema`` (``make schemas``) rewrites the files; a test fails when they are stale.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.exports.attributions import AttributionsFile
from generator.exports.claims import ClaimsFile
from generator.exports.waves import WavesFile
from generator.model import ArticleFile, PartiesFile, PlacesFile

SCHEMAS: dict[str, type[BaseModel]] = {
    "article": ArticleFile,
    "parties": PartiesFile,
    "places": PlacesFile,
    "claims": ClaimsFile,
    "attributions": AttributionsFile,
    "waves": WavesFile,
}
"""Each schema's name and the model of the files it describes: an article file, `parties.yaml`, `places.yaml`; and
the tables the site publishes (claims, as ``briefing export --format claims-json`` writes them, attribution claims,
Air Force waves)."""

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
"""Where the schemas are kept: beside the content, in the repository (editors resolve the modeline's relative path)."""

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_path(name: str, folder: Path = SCHEMA_DIR) -> Path:
    """The file of one schema."""
    return folder / f"{name}.schema.json"


def modeline(file: Path, name: str, folder: Path = SCHEMA_DIR) -> str:
    """The first line of a content file at ``file``, pointing the YAML language server to its schema."""
    target = os.path.relpath(schema_path(name, folder).resolve(), file.resolve().parent)
    return f"# yaml-language-server: $schema={Path(target).as_posix()}"


def _with_markdown(node: Any) -> Any:
    """Each description also as ``markdownDescription``, which editors render (the descriptions use backticks)."""
    if isinstance(node, dict):
        copied = {key: _with_markdown(value) for key, value in node.items()}
        if isinstance(node.get("description"), str):
            copied["markdownDescription"] = node["description"]
        return copied
    if isinstance(node, list):
        return [_with_markdown(item) for item in node]
    return node


def json_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The JSON Schema of the files ``model`` describes."""
    generated = model.model_json_schema(mode="validation")
    return {"$schema": DIALECT, **_with_markdown(generated)}


def schema_texts() -> dict[str, str]:
    """Each schema as the file holds it."""
    return {name: json.dumps(json_schema(model), indent=2, ensure_ascii=False, sort_keys=True) + "\n" for name, model in SCHEMAS.items()}


def write_schemas(folder: Path = SCHEMA_DIR) -> list[Path]:
    """Rewrite the schema files; returns those that changed."""
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, text in schema_texts().items():
        path = schema_path(name, folder)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


if __name__ == "__main__":
    for written in write_schemas():
        print(f"wrote {written}", file=sys.stderr)
