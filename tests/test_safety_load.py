"""The loader's guarantees hold on both paths: libyaml (fast) and pure Python (reference)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_validation import EXPECTED, content_with, problems_of

from conftest import FIXTURES, read_content
from generator import load
from generator.airforce import AirForceContributor
from generator.articles import ArticlesContributor


def test_libyaml_is_used_when_present() -> None:
    assert load.FAST_LOADER is not None


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_pure_python_fallback_reports_the_same_problems(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    content = content_with(tmp_path, FIXTURES / "invalid" / f"{name}.yaml")
    fast = problems_of(content)
    monkeypatch.setattr(load, "FAST_LOADER", None)
    assert problems_of(content) == fast


def test_both_paths_load_the_shipped_content_identically(monkeypatch: pytest.MonkeyPatch) -> None:
    content = FIXTURES.parent.parent / "content"
    fast = read_content(content)
    monkeypatch.setattr(load, "FAST_LOADER", None)
    again = read_content(content)
    assert again.find(ArticlesContributor).corpus == fast.find(ArticlesContributor).corpus
    assert again.find(AirForceContributor).waves == fast.find(AirForceContributor).waves


@pytest.mark.parametrize(
    ("yaml_text", "problem"),
    [
        ("a: " + "[" * 5000 + "]" * 5000 + "\n", "nested more than 64 levels deep"),
        ("a: &x [1]\nb: *x\n", "anchors and aliases (*name) are not allowed in content files"),
        ("<<: {a: 1}\n", "keys must be plain names (no merge keys or complex keys)"),
        ("a: !custom 1\n", "explicit YAML tags are not allowed, got '!custom'"),
        ("a: 1\na: 2\n", "duplicate key 'a' (first given on line 1)"),
    ],
)
def test_bad_yaml_is_a_located_problem_never_a_crash(tmp_path: Path, yaml_text: str, problem: str) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    _, problems = load.load_document(path, "x.yaml")
    assert [p.message.removeprefix("invalid YAML: ") for p in problems] == [problem]


def test_a_file_over_the_size_limit_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: " + b"x" * load.MAX_FILE_BYTES + b"\n")
    _, problems = load.load_document(path, "big.yaml")
    assert [str(p) for p in problems] == [f"big.yaml:1: file is {load.MAX_FILE_BYTES + 4:,} bytes; the limit is 2,000,000 bytes"]


def test_a_field_over_the_length_limit_is_refused_with_its_length(tmp_path: Path) -> None:
    content = content_with(tmp_path)
    (content / "articles" / "long.yaml").write_text(
        f"article:\n  id: long\n  title: {'x' * 50_001}\n  published: 2024-05-31\n  language: fr\n  summary: s\n", encoding="utf-8"
    )
    assert problems_of(content) == ["content/articles/long.yaml:3: article.title: text is 50,001 characters; the limit is 50,000"]


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=80))
def test_any_scalar_the_reference_loader_reads_loads_the_same_with_libyaml(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    path = tmp_path_factory.mktemp("scalar") / "x.yaml"
    path.write_text(f"plain: {text}\nquoted: {text!r}\n", encoding="utf-8")
    fast = load.load_document(path, "x.yaml")
    saved = load.FAST_LOADER
    load.FAST_LOADER = None
    try:
        reference = load.load_document(path, "x.yaml")
    finally:
        load.FAST_LOADER = saved
    # libyaml is the more lenient scanner (a tab after "key:"), so only documents the reference reads are compared.
    if reference[0] is not None:
        assert fast[0] is not None
        assert (fast[0].data, fast[0].lines, fast[1]) == (reference[0].data, reference[0].lines, reference[1])
