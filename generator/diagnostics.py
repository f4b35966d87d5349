"""Typed validation of one raw document, with pydantic's errors turned into located problems.

Each message says what was expected and what was found, and suggests the
nearest field name for an unknown one.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from generator.errors import Problem
from generator.load import FieldPath, RawDocument, format_path
from generator.model import UNION_TAG

M = TypeVar("M", bound=BaseModel)


_EXPECTED = {
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "string_type": "text",
    "list_type": "a list",
    "dict_type": "a mapping of fields",
    "model_type": "a mapping of fields",
    "model_attributes_type": "a mapping of fields",
    "date_type": "a date YYYY-MM-DD",
    "date_parsing": "a date YYYY-MM-DD",
    "date_from_datetime_parsing": "a date YYYY-MM-DD",
    "date_from_datetime_inexact": "a date YYYY-MM-DD",
}


def close_match(given: str, known: Iterable[str]) -> str | None:
    """The known name ``given`` is a slip of, if any: close as a whole, and close where the two differ, so that a
    typo (``casualites``, ``ru-mdo``) finds its name and another name of the same pattern (``ru-tambov-governor``
    for ``ru-kursk-governor``) does not: accepting that one would credit the wrong party."""
    for candidate in difflib.get_close_matches(given, list(known), n=3, cutoff=0.6):
        start = _shared(given, candidate)
        end = _shared(given[start:][::-1], candidate[start:][::-1])
        mine, theirs = given[start : len(given) - end], candidate[start : len(candidate) - end]
        if len(mine) + len(theirs) <= 3 or difflib.SequenceMatcher(None, mine, theirs).ratio() >= 0.5:
            return candidate
    return None


def _shared(first: str, second: str) -> int:
    """How many characters the two texts begin with in common."""
    return next((index for index, (a, b) in enumerate(zip(first, second, strict=False)) if a != b), min(len(first), len(second)))


def _describe(value: Any) -> str:
    """A value as the editor wrote it: ``1e3``, ``true``, ``007`` (a number or a boolean read from YAML)."""
    text = "true" if value is True else "false" if value is False else getattr(value, "source", None) or repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _message(error: Any, fields: Iterable[str]) -> str:
    kind = error["type"]
    found = error.get("input")
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        field = str(error["loc"][-1])
        close = close_match(field, fields)
        hint = f" (did you mean '{close}'?)" if close else ""
        return f"unknown field '{field}'{hint}; expected one of: {', '.join(sorted(fields))}"
    if kind == "string_type" and isinstance(found, dict) and len(found) == 1:
        ((key, value),) = found.items()
        if isinstance(value, str):  # ``- Bilan : le gouvernorat…`` read as the field ``Bilan``
            quoted = f"{key} : {value}".replace("\\", "\\\\").replace('"', '\\"')
            return (
                f"expected text, got the field '{key}': a colon followed by a space starts a field in YAML, so text "
                f'holding one goes in double quotes: "{quoted}"'
            )
    if kind in _EXPECTED:
        return f"expected {_EXPECTED[kind]}, got {_describe(found)}"
    if kind == "enum":
        return f"expected one of {error['ctx']['expected']}, got {_describe(found)}"
    if kind == "string_too_long":
        return f"text is {len(found):,} characters; the limit is {error['ctx']['max_length']:,}"
    if kind == "string_too_short":
        return "expected non-empty text, got an empty string"
    if kind == "too_long":
        return f"expected at most {error['ctx']['max_length']:,} item(s), got more; split the article's records or keep the essentials"
    if kind == "too_short":
        return f"expected at least {error['ctx']['min_length']} item(s), got none"
    if kind == "string_pattern_mismatch":
        return f"expected text matching {error['ctx']['pattern']}, got {_describe(found)}"
    message = str(error["msg"]).removeprefix("Value error, ")
    if " got " in message or found is None or isinstance(found, dict):
        return message
    return f"{message}, got {_describe(found)}"


def _field_names(model: type[BaseModel], path: FieldPath) -> list[str]:
    """The declared field names of the model that ``path`` points into."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part) if hasattr(current, "model_fields") else None
        if info is None:
            return []
        current = _model_in(info.annotation) or current
    return list(current.model_fields) if hasattr(current, "model_fields") else []


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds, however deep in lists, optionals and unions (the first one found)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for inner in getattr(annotation, "__args__", ()):
        if (found := _model_in(inner)) is not None:
            return found
    return None


def _is_step(part: str | int) -> bool:
    """Whether a part of pydantic's location is a field or an index, not a validator's or a union member's name."""
    return not (isinstance(part, str) and part.startswith(("function-", UNION_TAG)))


def parse_document(document: RawDocument, model: type[M]) -> tuple[M | None, list[Problem]]:
    """Validate one raw document against ``model``; return it or its located problems."""
    try:
        return model.model_validate(document.data), []
    except ValidationError as error:
        problems = []
        for item in error.errors():
            loc = tuple(part for part in item["loc"] if _is_step(part))
            parent = loc[:-1] if item["type"] in {"extra_forbidden", "missing"} else loc
            fields = _field_names(model, parent)
            where = loc if item["type"] != "missing" else loc[:-1]
            problems.append(Problem(document.path, document.line_of(where), format_path(loc), _message(item, fields)))
        return None, problems


def parse_documents(documents: list[RawDocument], model: type[M]) -> tuple[list[tuple[RawDocument, M]], list[Problem]]:
    """Validate each document against ``model``: the valid ones with their document, and every problem of the others."""
    parsed: list[tuple[RawDocument, M]] = []
    problems: list[Problem] = []
    for document in documents:
        result, found = parse_document(document, model)
        problems += found
        if result is not None:
            parsed.append((document, result))
    return parsed, problems
