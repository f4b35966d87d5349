"""Read YAML content files into plain data that remembers where each value came from.

The loader composes PyYAML's node tree itself instead of letting PyYAML
construct Python objects, so that:

- every value keeps its line number (for error messages);
- duplicate keys are errors, not "last one wins";
- anchors, aliases and explicit tags are rejected;
- scalars follow the YAML 1.2 core schema: ``NO`` and ``12:30`` stay strings,
  only ``true``/``false``, ``null``, decimal integers and floats are typed;
  everything else is text, and the typed model decides what it may be.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.errors import Problem

MAX_FILE_BYTES = 2_000_000
"""Content files larger than this are refused before parsing."""

FieldPath = tuple[str | int, ...]

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")


def format_path(path: FieldPath) -> str:
    """``('strikes', 1, 'casualties')`` -> ``strikes[1].casualties``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


@dataclass
class RawDocument:
    """One content file as plain data, with the line of every key and list item."""

    path: str
    data: Any
    lines: dict[FieldPath, int] = field(default_factory=dict)

    def line_of(self, path: FieldPath) -> int:
        """The line of the value at ``path``, or of its nearest located ancestor."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 1


class _NoAliasLoader(yaml.SafeLoader):
    """Composes nodes; refuses aliases (which could expand exponentially) and explicit tags."""

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event: Any = self.peek_event()  # type: ignore[no-untyped-call]
        mark: Any = event.start_mark
        if isinstance(event, AliasEvent):
            raise yaml.MarkedYAMLError(problem="anchors and aliases (*name) are not allowed in content files", problem_mark=mark)
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):
            raise yaml.MarkedYAMLError(problem=f"explicit YAML tags are not allowed, got {tag!r}", problem_mark=mark)
        return super().compose_node(parent, index)


class _Builder:
    """Turns a node tree into plain data, recording lines and problems."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.lines: dict[FieldPath, int] = {}
        self.problems: list[Problem] = []

    def problem(self, node: Node, where: FieldPath, message: str) -> None:
        self.problems.append(Problem(self.path, node.start_mark.line + 1, format_path(where), message))

    def build(self, node: Node, where: FieldPath) -> Any:
        self.lines.setdefault(where, node.start_mark.line + 1)
        if isinstance(node, MappingNode):
            return self.build_mapping(node, where)
        if isinstance(node, SequenceNode):
            return [self.build(item, (*where, index)) for index, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        return self.build_scalar(node)

    def build_mapping(self, node: MappingNode, where: FieldPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(key_node, where, "keys must be plain names (no merge keys or complex keys)")
                continue
            key = str(key_node.value)
            child = (*where, key)
            if key in result:
                first = self.lines.get(child)
                self.problem(key_node, child, f"duplicate key '{key}' (first given on line {first})")
                continue
            self.lines[child] = key_node.start_mark.line + 1
            result[key] = self.build(value_node, child)
        return result

    @staticmethod
    def build_scalar(node: ScalarNode) -> Any:
        text = node.value
        if node.style is not None:  # quoted or block scalar: always text
            return text
        if _NULL.match(text):
            return None
        if text in _BOOL:
            return _BOOL[text]
        if _INT.match(text):
            return int(text)
        if _FLOAT.match(text) and any(char.isdigit() for char in text):
            return float(text)
        return text


def load_document(path: Path, display: str) -> tuple[RawDocument | None, list[Problem]]:
    """Parse one YAML file. Returns the document (or None) and the problems found."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return None, [Problem(display, 1, "", f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,} bytes")]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(display, line, "", "file is not valid UTF-8")]
    try:
        node = yaml.compose(text, Loader=_NoAliasLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        return None, [Problem(display, line, "", f"invalid YAML: {error.problem or error.context}")]
    except yaml.YAMLError as error:
        return None, [Problem(display, 1, "", f"invalid YAML: {error}")]
    if node is None:
        return None, [Problem(display, 1, "", "file is empty")]
    builder = _Builder(display)
    data = builder.build(node, ())
    return RawDocument(display, data, builder.lines), builder.problems
