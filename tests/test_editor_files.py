"""What editors write and start from: `briefing new`'s file, and free text quoted in every shipped file."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import jsonschema
import yaml
from test_cli import run

from conftest import FIXTURES, ROOT
from generator.articles.skeleton import guess_outlet
from generator.model import ArticleFile
from generator.schema import json_schema, schema_path

PLAIN_FREE_TEXT = re.compile(r"\s|[^\x00-\x7f]|[:#'\"]")
"""What makes a plain scalar free text that must be quoted: a space, a non-ASCII letter, a colon, a quote."""


def _unquoted_free_text(text: str) -> list[str]:
    """Plain (unquoted) scalars holding free text, with their line."""
    found = []

    def walk(node: yaml.Node) -> None:
        if isinstance(node, yaml.MappingNode):
            for _, value in node.value:
                walk(value)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item)
        elif isinstance(node, yaml.ScalarNode) and node.style in (None, "") and PLAIN_FREE_TEXT.search(node.value):
            found.append(f"line {node.start_mark.line + 1}: {node.value}")

    for document in yaml.compose_all(text, Loader=yaml.SafeLoader):
        if document is not None:
            walk(document)
    return found


def test_every_shipped_file_quotes_its_free_text() -> None:
    files = [ROOT / "content" / "parties.yaml", *sorted((ROOT / "content" / "articles").glob("*.yaml"))]
    for path in files:
        assert _unquoted_free_text(path.read_text(encoding="utf-8")) == [], path


def test_the_readme_examples_quote_their_free_text() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", readme, flags=re.S)
    assert len(blocks) >= 3
    for block in blocks:
        assert _unquoted_free_text(block) == [], block[:80]


def test_the_check_finds_unquoted_free_text() -> None:
    """The check above can fail: it sees what the quoting rule forbids, and lets ids, enums and dates be."""
    assert _unquoted_free_text("a: Ukraine deux morts\nb: [x, Kiev]\nc: ua-mod\nd: 2024-05-31\ne: Oblast\n") == [
        "line 1: Ukraine deux morts"
    ]
    assert _unquoted_free_text('f: "Kharkiv : deux morts"\ng: >-\n  plusieurs blessés\nh: communiqué\n') == ["line 4: communiqué"]


def test_the_outlet_is_guessed_from_the_address_and_its_parents_only() -> None:
    assert guess_outlet("https://www.europe1.fr/international/kharkiv-123") is not None
    assert guess_outlet("https://www.europe1.fr/x").name == "Europe 1"  # type: ignore[union-attr]
    assert guess_outlet("https://edition.cnn.com/2024/09/02/europe").language == "en"  # type: ignore[union-attr]
    assert guess_outlet("https://notlemonde.fr/a") is None, "a domain that only ends like a known one is another site"
    assert guess_outlet("https://example.org/a") is None


def test_briefing_new_creates_a_file_the_schema_and_the_check_guide_the_editor_through(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(FIXTURES / "minimal" / "parties.yaml", content / "parties.yaml")
    created = run(
        "new", "kharkiv-frappe", "--date", "2024-09-02", "--url", "https://www.europe1.fr/international/kharkiv", "--content", content
    )
    assert created.returncode == 0, created.stderr
    path = content / "articles" / "2024-09-02-kharkiv-frappe.yaml"
    text = path.read_text(encoding="utf-8")
    modeline = re.match(r"# yaml-language-server: \$schema=(\S+)\n", text)
    assert modeline and (path.parent / modeline.group(1)).resolve() == schema_path("article").resolve()
    assert "  id: 2024-09-02-kharkiv-frappe\n" in text
    assert '  outlet: "Europe 1"' in text and "  language: fr " in text and "  published: 2024-09-02 " in text
    assert '  url: "https://www.europe1.fr/international/kharkiv"' in text
    assert _unquoted_free_text(text) == []
    data = yaml.safe_load(text)
    assert data["article"]["title"] == "" and data["article"]["summary"] == "", "placeholders are quoted and empty"

    schema = json_schema(ArticleFile)
    errors = sorted(error.json_path for error in jsonschema.Draft202012Validator(schema).iter_errors(_as_text_dates(data)))
    assert errors == ["$.article.summary", "$.article.title"], "the editor sees the placeholders to fill as they type"

    checked = run("check", "--content", content)
    assert checked.returncode == 2
    assert "2024-09-02-kharkiv-frappe.yaml:6: article.title: expected non-empty text, got an empty string" in checked.stderr
    assert "article.summary: expected non-empty text, got an empty string" in checked.stderr

    path.write_text(text.replace('title: ""', 'title: "Kharkiv : deux morts"').replace('summary: ""', 'summary: "Deux morts."'))
    assert run("check", "--content", content).returncode == 0

    again = run("new", "kharkiv-frappe", "--date", "2024-09-02", "--content", content)
    assert again.returncode == 74 and "exists already" in again.stderr
    assert "Deux morts." in path.read_text(encoding="utf-8"), "nothing is overwritten"


def test_briefing_new_refuses_what_cannot_become_an_article(tmp_path: Path) -> None:
    for arguments, message in (
        (["Kharkiv Frappe"], "Invalid value for SLUG"),
        (["frappe", "--url", "javascript:alert(1)"], "Invalid value for --url"),
        (["frappe", "--language", "French"], "Invalid value for --language"),
        (["frappe", "--date", "2024-13-40"], "Invalid value for '--date'"),
    ):
        result = run("new", *arguments, "--content", tmp_path / "content")
        assert result.returncode == 64 and message in result.stderr, (arguments, result.stderr)
    assert not (tmp_path / "content").exists()


def test_briefing_new_without_an_address_leaves_outlet_and_language_to_the_editor(tmp_path: Path) -> None:
    assert run("new", "frappe", "--date", "2024-09-02", "--content", tmp_path).returncode == 0
    data = yaml.safe_load((tmp_path / "articles" / "2024-09-02-frappe.yaml").read_text(encoding="utf-8"))
    assert data["article"]["outlet"] == "" and data["article"]["language"] == "" and data["article"]["url"] == ""


def _as_text_dates(data: object) -> object:
    """PyYAML reads an unquoted date as a date; the YAML language server (YAML 1.2), like the project's loader, as text."""
    if isinstance(data, dict):
        return {key: _as_text_dates(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_as_text_dates(item) for item in data]
    return data.isoformat() if hasattr(data, "isoformat") else data
