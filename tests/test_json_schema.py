"""The editors' JSON Schemas: kept in step with the model, named by every shipped file, and faithful to the model
(they accept every valid file and reject the invalid ones a schema can tell)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hostile_content import hostile_classes, hostile_content

from conftest import FIXTURES, ROOT
from generator.load import RawDocument, load_document
from generator.model import ArticleFile
from generator.schema import SCHEMA_DIR, SCHEMAS, json_schema, schema_path, schema_texts

MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")

VALID_CONTENT = [ROOT / "content", *(FIXTURES / name / "content" for name in ("golden", "events", "names", "schema")), FIXTURES / "minimal"]
"""Every content folder that validates: the shipped content and the valid fixtures."""

NOT_FOR_A_SCHEMA = {
    "alias": "YAML anchors: refused by the loader, invisible once parsed",
    "duplicate-key": "a duplicate key: refused by the loader, invisible once parsed",
    "explicit-tag": "an explicit tag: refused by the loader",
    "explicit-str-tag-on-number": "an explicit tag: refused by the loader",
    "invalid-yaml": "not YAML at all",
    "air-force-prefix-id": "a prefix reserved by another source of the site",
    "duplicate-record-id": "an id used twice across files",
    "more-intercepted-than-launched": "compares two figures' values",
    "more-seriously-injured-than-injured": "compares two figures' values",
    "same-as-another-city": "needs the gazetteer and the other report",
    "same-as-claim-other-accused": "needs the other report",
    "same-as-cycle": "needs the other reports",
    "same-as-other-direction": "needs the other report",
    "same-as-too-far-apart": "needs the other report",
    "unknown-party": "needs the party registry",
    "unknown-same-as": "needs every other file",
    "takeaway-of-another-article": "needs the article's own record ids",
    "attribution-concerns-unknown-strike": "needs every other file",
    "bad-date": "a day that does not exist (30 February): a pattern cannot tell",
    "unpaired-surrogate": "a lone surrogate: not a character",
    "night-without-end": "relates two fields of a dating",
    "time-end-without-time": "relates two fields of a dating",
    "no-damage-and-destroyed": "relates two outcomes",
}
"""Invalid fixtures the schema lets through, and why only ``briefing check`` can refuse them."""


def _data(path: Path) -> Any:
    document, problems = load_document(path, path.name)
    assert not problems and isinstance(document, RawDocument), problems
    return document.data


def _content_files(folder: Path) -> list[tuple[Path, str]]:
    files = [(folder / f"{name}.yaml", name) for name in ("parties", "places") if (folder / f"{name}.yaml").exists()]
    files += [(path, "article") for path in sorted((folder / "articles").glob("*.yaml"))]
    return files


def _validator(name: str) -> jsonschema.protocols.Validator:
    schema = json_schema(SCHEMAS[name])
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def test_the_schema_files_are_up_to_date() -> None:
    """`make schemas` (python -m generator.schema) refreshes them."""
    for name, text in schema_texts().items():
        assert schema_path(name).read_text(encoding="utf-8") == text, f"{schema_path(name)} is stale: run make schemas"


@pytest.mark.parametrize("path,name", _content_files(ROOT / "content"), ids=lambda value: getattr(value, "name", value))
def test_every_shipped_file_names_its_schema_in_a_modeline_that_resolves(path: Path, name: str) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = MODELINE.match(first)
    assert match, f"{path}: first line is not a yaml-language-server modeline: {first!r}"
    assert (path.parent / match.group(1)).resolve() == schema_path(name).resolve()
    assert schema_path(name).is_file()


@pytest.mark.parametrize("folder", VALID_CONTENT, ids=lambda folder: folder.relative_to(ROOT).as_posix())
def test_the_schema_accepts_the_shipped_content_and_every_valid_fixture(folder: Path) -> None:
    files = _content_files(folder)
    assert files
    for path, name in files:
        errors = [error.message for error in _validator(name).iter_errors(_data(path))]
        assert errors == [], f"{path}: {errors}"


def test_the_schema_accepts_hostile_text_the_model_accepts(tmp_path: Path) -> None:
    """Hostile text is valid content (the site keeps it inert): the schema must not underline it either."""
    content = hostile_content(tmp_path / "content")
    files = _content_files(content)
    assert len(files) > len(hostile_classes())
    for path, name in files:
        assert [error.message for error in _validator(name).iter_errors(_data(path))] == [], path


@pytest.mark.parametrize("path", sorted((FIXTURES / "invalid").glob("*.yaml")), ids=lambda path: path.stem)
def test_the_schema_rejects_every_invalid_fixture_a_schema_can_tell(path: Path) -> None:
    document, problems = load_document(path, path.name)
    if document is None:
        assert path.stem in NOT_FOR_A_SCHEMA, f"{path.stem}: the loader refuses it ({problems}); list it in NOT_FOR_A_SCHEMA"
        return
    errors = list(_validator("article").iter_errors(document.data))
    if path.stem in NOT_FOR_A_SCHEMA:
        assert errors == [], f"{path.stem} is listed as beyond a schema, but the schema rejects it: take it off the list"
    else:
        assert errors, f"the schema accepts {path.stem}, which the model refuses"


def test_the_schema_completes_what_editors_type() -> None:
    """What an editor's completion offers: every field of a strike, and the values of an enum, with their help."""
    schema = json_schema(ArticleFile)
    strike = schema["$defs"]["Strike"]
    assert strike["additionalProperties"] is False
    assert {"when", "where", "reported_by", "casualties", "figures", "launched_from"} <= set(strike["properties"])
    assert "markdownDescription" in strike["properties"]["reported_by"]
    assert "debris" in schema["$defs"]["Outcome"]["enum"] and "withdrawn" in schema["$defs"]["ClaimStatus"]["enum"]
    one_id = _validator("article")
    base = _data(ROOT / "content" / "articles" / "2024-05-31-pentagone-missiles-nord-coreens.yaml")
    base["strikes"][0]["reported_by"] = "ru-mod"  # one id where a list is allowed
    assert not list(one_id.iter_errors(base))
    base["strikes"][0]["reported_by"] = "RU MoD"
    assert list(one_id.iter_errors(base)), "an id that is not a slug is underlined"


def test_the_schemas_live_beside_the_content() -> None:
    assert SCHEMA_DIR == ROOT / "schemas"
