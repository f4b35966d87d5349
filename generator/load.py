"""The load stage: read every YAML content file into plain data that remembers where each value came from.

The loader composes PyYAML's node tree itself instead of letting PyYAML
construct Python objects, so that:

- every value keeps its line number (for error messages);
- duplicate keys are errors, not "last one wins";
- anchors, aliases and explicit tags are rejected, and so are unpaired
  surrogates (``"\\ud800"``) and nesting deeper than any content needs;
- scalars follow the YAML 1.2 core schema: ``NO`` and ``12:30`` stay strings,
  only ``true``/``false``, ``null``, decimal integers and floats are typed;
  everything else is text, and the typed model decides what it may be.

Nodes are composed by libyaml (``yaml.CSafeLoader``) when PyYAML has it, ten
times faster than the pure-Python scanner. libyaml cannot refuse aliases or
tags while composing, so the walk over its nodes does: an alias is the same
node object met twice, and an explicit tag is one the implicit resolver would
not have given. Any document the fast path refuses, or cannot parse, is parsed
again by the pure-Python loader, whose refusals and messages are the
reference; so both paths report the same problems with the same words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator import progress
from generator.errors import Problem
from generator.files import regular_file_size, unreadable, walk_files

if TYPE_CHECKING:
    from generator.load_cache import DocumentCache

MAX_FILE_BYTES = 2_000_000
"""Content files larger than this are refused before parsing."""

MAX_LIST_ITEMS = 10_000
"""Longest list accepted anywhere in a content file (the model sets tighter bounds where it can: takeaways, records,
quotes); a longer one is refused before it is built, whatever it holds."""

MAX_DEPTH = 64
"""Deepest nesting of mappings and lists accepted; the content model needs fewer than ten levels."""

_IMPLICIT = "tag:briefing,2024:implicit"
"""What the fast loader tags every node without an explicit tag with: any other tag was written in the file."""
_SURROGATE = re.compile(r"[\ud800-\udfff]")

FieldPath = tuple[str | int, ...]

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")


class SourceInt(int):
    """An integer that remembers how it was written, so a text field given ``007`` keeps ``007``."""

    source: str

    def __new__(cls, text: str) -> SourceInt:
        number = super().__new__(cls, int(text))
        number.source = text
        return number


class SourceFloat(float):
    """A float that remembers how it was written, so a text field given ``1.50`` keeps ``1.50``."""

    source: str

    def __new__(cls, text: str) -> SourceFloat:
        number = super().__new__(cls, float(text))
        number.source = text
        return number


def display_path(path: Path, content_dir: Path) -> str:
    """How messages name a content file: relative to the folder holding ``content/``, else as given."""
    try:
        return str(path.relative_to(content_dir.parent))
    except ValueError:
        return str(path)


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


if hasattr(yaml, "CBaseLoader"):

    class _FastLoader(yaml.CBaseLoader):
        """libyaml composition; every implicitly tagged node gets :data:`_IMPLICIT`, so explicit tags stand out."""

        def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
            return _IMPLICIT

    FAST_LOADER: type[Any] | None = _FastLoader
else:  # pragma: no cover - PyYAML built without libyaml
    FAST_LOADER = None


class _Refused(Exception):
    """The fast path met something the reference loader refuses: parse again with it for the message."""


class _Builder:
    """Turns a node tree into plain data, recording lines and problems.

    With ``checked`` (nodes from libyaml), aliases and explicit tags raise :class:`_Refused`.
    """

    def __init__(self, path: str, checked: bool = False) -> None:
        self.path = path
        self.checked = checked
        self.seen: set[int] = set()
        self.lines: dict[FieldPath, int] = {}
        self.problems: list[Problem] = []

    def problem(self, node: Node, where: FieldPath, message: str) -> None:
        self.problems.append(Problem(self.path, node.start_mark.line + 1, format_path(where), message))

    def build(self, node: Node, where: FieldPath) -> Any:
        self.lines.setdefault(where, node.start_mark.line + 1)
        if len(where) > MAX_DEPTH:
            self.problem(node, where, f"nested more than {MAX_DEPTH} levels deep")
            return None
        if self.checked:
            self.check(node)
        if isinstance(node, MappingNode):
            return self.build_mapping(node, where)
        if isinstance(node, SequenceNode):
            if len(node.value) > MAX_LIST_ITEMS:
                self.problem(node, where, f"a list of {len(node.value):,} items; the limit is {MAX_LIST_ITEMS:,}")
                return []
            return [self.build(item, (*where, index)) for index, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        if _SURROGATE.search(node.value):
            self.problem(node, where, "text contains an unpaired surrogate escape (\\ud800-\\udfff), which is not a character")
            return _SURROGATE.sub("\ufffd", node.value)
        return self.build_scalar(node)

    def check(self, node: Node) -> None:
        """Refuse what libyaml composed but the reference loader would not: aliases, explicit tags."""
        if id(node) in self.seen:
            raise _Refused
        self.seen.add(id(node))
        if node.tag != _IMPLICIT:
            raise _Refused

    def build_mapping(self, node: MappingNode, where: FieldPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if self.checked:
                self.check(key_node)
            merge = key_node.tag == "tag:yaml.org,2002:merge" or (self.checked and key_node.value == "<<" and not key_node.style)
            if not isinstance(key_node, ScalarNode) or merge:
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
        if node.style not in (None, ""):  # quoted or block scalar: always text (libyaml's plain style is "")
            return text
        if _NULL.match(text):
            return None
        if text in _BOOL:
            return _BOOL[text]
        if _INT.match(text):
            return SourceInt(text)
        if _FLOAT.match(text) and any(char.isdigit() for char in text):
            return SourceFloat(text)
        return text


def load_document(path: Path, display: str, cache: DocumentCache | None = None) -> tuple[RawDocument | None, list[Problem]]:
    """Parse one YAML file (unless ``cache`` has it from the same bytes). Returns the document (or None) and the
    problems found."""
    try:
        size = regular_file_size(path)
        if size > MAX_FILE_BYTES:
            return None, [Problem(display, 1, "", f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,} bytes")]
        if cache is None:
            return _parse(path.read_bytes(), display)
        cached = cache.get(cache.key(path))
        if cached is not None and cached.path == display:
            return cached, []  # not even read: the inputs stage hashed these bytes
        raw = path.read_bytes()
    except OSError as error:
        return None, [Problem(display, 1, "", unreadable(error))]
    document, problems = _parse(raw, display)
    if document is not None and not problems:
        cache.put(cache.key(path, raw), document)  # under the hash of the bytes parsed
    return document, problems


def _parse(raw: bytes, display: str) -> tuple[RawDocument | None, list[Problem]]:
    """Parse a file's bytes: the fast loader, else the reference one, whose refusals and messages are the reference."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(display, line, "", "file is not valid UTF-8")]
    if FAST_LOADER is not None:
        try:
            node = yaml.compose(text, Loader=FAST_LOADER)
            if node is None:
                return None, [Problem(display, 1, "", "file is empty")]
            builder = _Builder(display, checked=True)
            data = builder.build(node, ())
            return RawDocument(display, data, builder.lines), builder.problems
        except (yaml.YAMLError, _Refused):
            pass  # the reference loader below says what is wrong, in its words
    return _load_reference(text, display)


def _load_reference(text: str, display: str) -> tuple[RawDocument | None, list[Problem]]:
    """Parse with the pure-Python loader, which refuses aliases and tags as it composes."""
    try:
        node = yaml.compose(text, Loader=_NoAliasLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        message = f"invalid YAML: {error.problem or error.context}"
        if mark is not None and error.problem == "mapping values are not allowed here":
            message += _colon_hint(text.splitlines()[mark.line] if mark.line < len(text.splitlines()) else "")
        return None, [Problem(display, line, "", message)]
    except yaml.YAMLError as error:
        return None, [Problem(display, 1, "", f"invalid YAML: {error}")]
    except RecursionError:
        return None, [Problem(display, 1, "", f"invalid YAML: nested more than {MAX_DEPTH} levels deep")]
    if node is None:
        return None, [Problem(display, 1, "", "file is empty")]
    builder = _Builder(display)
    data = builder.build(node, ())
    return RawDocument(display, data, builder.lines), builder.problems


_FIELD_LINE = re.compile(r"^(?P<lead>\s*(?:- )?(?:[A-Za-z_][\w-]*: )?)(?P<text>[^\"'\s].*?)\s*$")


def _colon_hint(line: str) -> str:
    """What to write instead of a line whose text holds ``: `` (French typography puts a space before every colon,
    ``Ukraine : deux morts``), which YAML reads as the start of a field: the same line, its text in quotes."""
    found = _FIELD_LINE.match(line)
    if found is None:
        return ""
    quoted = found.group("text").replace("\\", "\\\\").replace('"', '\\"')
    return (
        "; a colon followed by a space starts a field in YAML, so text holding one goes in double quotes: "
        f'{found.group("lead").strip()} "{quoted}"'
    )


def load_files(paths: list[Path], content_dir: Path, cache: DocumentCache | None = None) -> tuple[list[RawDocument], list[Problem]]:
    """Parse every file of ``paths`` (under ``content_dir``, which messages name them from): the documents and every problem."""
    documents: list[RawDocument] = []
    problems: list[Problem] = []
    for path in paths:
        document, found = load_document(path, display_path(path, content_dir), cache)
        progress.advance()
        problems += found
        if document is not None:
            documents.append(document)
    return documents, problems


PARTIES_FILE = "parties.yaml"
"""The party registry, at the top of the content folder."""

PLACES_FILE = "places.yaml"
"""The editors' additions to the gazetteer, at the top of the content folder (optional)."""


@dataclass
class LoadedContent:
    """Every content file parsed, before validation: the party registry and each contributor's documents."""

    content_dir: Path
    parties: RawDocument | None
    """The registry, or None when it is missing or does not parse."""
    parties_problems: list[Problem]
    documents: dict[str, list[RawDocument]]
    """Contributor name -> its documents, in the order it listed its files."""
    problems: list[Problem]
    """What kept other files from parsing."""
    places: RawDocument | None = None
    """The editors' additions to the gazetteer (``places.yaml``), when the file exists and parses."""

    @property
    def parties_file(self) -> str:
        """How messages name the party registry."""
        return display_path(self.content_dir / PARTIES_FILE, self.content_dir)


class ContentSource(Protocol):
    """What the load stage needs of a contributor: its name and its files."""

    name: str

    def content_files(self, content_dir: Path) -> list[Path]: ...


def load_content(content_dir: Path, sources: Sequence[ContentSource], cache: DocumentCache | None = None) -> LoadedContent:
    """Parse the party registry and every contributor's files (through ``cache``, which keeps what did not change);
    problems are kept for the validate stage to report."""
    registry = content_dir / PARTIES_FILE
    parties: RawDocument | None = None
    if registry.is_file():
        parties, parties_problems = load_document(registry, display_path(registry, content_dir), cache)
    else:
        parties_problems = [Problem(display_path(registry, content_dir), 1, "", "file is missing: the party registry is required")]
    documents: dict[str, list[RawDocument]] = {}
    problems: list[Problem] = []
    places: RawDocument | None = None
    additions = content_dir / PLACES_FILE
    if additions.is_file():
        places, found = load_document(additions, display_path(additions, content_dir), cache)
        problems += found
    listed = {registry, additions}
    for source in sources:
        try:
            files = source.content_files(content_dir)
        except OSError as error:
            files = []
            problems.append(_unlisted(error, content_dir))
        listed.update(files)
        progress.counting(f"load: {source.name}", len(files))
        documents[source.name], found = load_files(files, content_dir, cache)
        problems += found
    problems += _unread(content_dir, listed)
    if cache is not None:
        cache.save()
    return LoadedContent(content_dir, parties, parties_problems, documents, problems, places)


CONTENT_SUFFIXES = (".yaml", ".yml")


def _unlisted(error: OSError, content_dir: Path) -> Problem:
    """A folder (or file) under the content folder that could not be read, named as messages name content."""
    where = display_path(Path(error.filename), content_dir) if error.filename else display_path(content_dir, content_dir)
    return Problem(where, 1, "", unreadable(error))


def _unread(content_dir: Path, listed: set[Path]) -> list[Problem]:
    """Every YAML file under the content folder that no contributor reads, and every folder that cannot be listed,
    as a problem naming where files go: nothing under ``content/`` is skipped without a word."""
    errors: list[OSError] = []
    problems = [
        Problem(
            display_path(path, content_dir),
            1,
            "",
            f"not read: no content lives here; {PARTIES_FILE} and {PLACES_FILE} go at the top of the content folder, "
            "articles under articles/, Air Force month files in airforce/ (written by briefing import-airforce)",
        )
        for path in walk_files(content_dir, errors)
        if path.suffix in CONTENT_SUFFIXES and path not in listed
    ]
    return problems + [_unlisted(error, content_dir) for error in errors]
