"""The sanitise stage shared between forked processes gives the same pages and record as in one process, and an
unsafe page anywhere fails it with every unsafe page named, in order."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import build_site, tree
from generator import parallel, sanitize
from generator.errors import SiteBuildError
from generator.mkdocs_stage import SITE_MARKUP

pytestmark = pytest.mark.slow  # a real MkDocs build to sanitise


@pytest.fixture(scope="module")
def engine_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What the engine wrote: a built site, its pages as MkDocs gave them (the policy not yet pinned)."""
    site = build_site(tmp_path_factory.mktemp("built"))
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace(sanitize._pinned_policy(text), "script-src 'self'", 1), encoding="utf-8")
    return site


def sanitised(source: Path, where: Path, workers: int, monkeypatch: pytest.MonkeyPatch) -> tuple[dict[str, str], str]:
    shutil.copytree(source, where)
    record = where.with_suffix(".json")
    with monkeypatch.context() as patch:
        patch.setattr(parallel, "workers", lambda: workers)
        patch.setattr(sanitize, "PARALLEL_FROM", 1)
        sanitize.sanitize_site(where, SITE_MARKUP, record=record)
    entries = sanitize._read_record(record, sanitize._salt(SITE_MARKUP))["pages"]
    return tree(where), str(sorted((page, entry[:3]) for page, entry in entries.items()))  # the identity is the copy's own


def test_two_processes_sanitise_as_one_does(engine_output: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one = sanitised(engine_output, tmp_path / "one", 1, monkeypatch)
    two = sanitised(engine_output, tmp_path / "two", 2, monkeypatch)
    assert len(one[0]) > 20
    assert two == one


def test_every_unsafe_page_is_named_in_order(engine_output: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    shutil.copytree(engine_output, site)
    unsafe = ["sources/index.html", "attribution/index.html"]
    for where in unsafe:
        page = site / where
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("</head>", '<base href="https://evil.example/"></head>', 1), encoding="utf-8")
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    monkeypatch.setattr(sanitize, "PARALLEL_FROM", 1)
    with pytest.raises(SiteBuildError) as raised:
        sanitize.sanitize_site(site, SITE_MARKUP)
    message = str(raised.value)
    assert message.index("attribution/index.html") < message.index("sources/index.html"), message


def test_the_search_index_skips_only_what_it_found_clean_before(tmp_path: Path) -> None:
    """Values an earlier run found clean are not cleaned again; a value that needed cleaning is cleaned every time."""
    hostile = '<img src=x onerror="alert(1)">Kharkiv'
    docs = [{"location": "a/#x", "title": "Frappe", "text": "<p>Deux morts</p>"}, {"location": "b/#y", "title": "B", "text": hostile}]
    index = tmp_path / "search_index.json"
    index.write_text(json.dumps({"config": {}, "docs": docs}), encoding="utf-8")
    changed, clean = sanitize.sanitize_search_index(index)
    first = index.read_text(encoding="utf-8")
    assert changed == 1 and "onerror" not in first and len(clean) == 3, "title, text and the second title came out as they went in"
    index.write_text(json.dumps({"config": {}, "docs": docs}), encoding="utf-8")
    again, clean_again = sanitize.sanitize_search_index(index, frozenset(clean))
    assert (again, clean_again) == (changed, clean) and index.read_text(encoding="utf-8") == first
