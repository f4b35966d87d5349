"""Any value of the wrong shape anywhere in an article ends in located problems, never in a crash (#16).

Every value of the seed article, one at a time, is replaced by a number, a boolean, a float written with an
exponent, a list, a mapping, nothing and an empty text: validation either accepts the file or raises
:class:`ContentError`, whose every problem names the file and a line; nothing else may escape.
"""

from __future__ import annotations

import copy
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT, read_content
from generator.errors import ContentError

SEED = next((ROOT / "content" / "articles").glob("*.yaml"))
WRONG: list[Any] = [7, True, 1e3, [], {"x": 1}, None, ""]


def _leaves(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _leaves(value, (*path, index))
    else:
        yield path


def _replaced(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    changed = copy.deepcopy(data)
    target = changed
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return changed


SEED_DATA = yaml.safe_load(SEED.read_text(encoding="utf-8"))
LEAVES = list(_leaves(SEED_DATA))


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("content")
    shutil.copy(ROOT / "content" / "parties.yaml", folder / "parties.yaml")
    (folder / "articles").mkdir()
    return folder


@pytest.mark.parametrize("path", LEAVES, ids=lambda path: ".".join(map(str, path)))
def test_a_value_of_any_wrong_shape_is_a_located_problem(content: Path, path: tuple[Any, ...]) -> None:
    assert len(LEAVES) > 50, "premise: the seed article has many values"
    article = content / "articles" / SEED.name
    for value in WRONG:
        article.write_text(yaml.safe_dump(_replaced(SEED_DATA, path, value), allow_unicode=True), encoding="utf-8")
        try:
            read_content(content)
        except ContentError as error:
            assert error.problems, (path, value)
            for problem in error.problems:
                assert problem.file.endswith(SEED.name) and problem.line >= 1, (path, value, str(problem))


STRICT_CASES = {
    "a year after 2106 (the gzip time stamp's end)": (
        "articles",
        "published: 2024-05-31",
        "published: 2204-05-31",
        "article.published: expected a year from 1900 to 2100, got 2204",
    ),
    "a year before 1000": ("articles", "start: 2024-05-30", "start: 0999-05-30", "when.start: expected a year from 1900 to 2100, got 999"),
    "a number for a day": ("articles", "start: 2024-05-30", "start: 20240530", "when.start: expected a date YYYY-MM-DD, got 20240530"),
    "a number for a boolean": (
        "articles",
        "published_approximate: true",
        "published_approximate: 1.0",
        "article.published_approximate: expected true or false, got 1.0",
    ),
    "a number for a party id": ("articles", "claimant: us-pentagon", "claimant: 7", "attributions[0].claimant: unknown party '7'"),
    "a boolean for a count": ("airforce", "launched: 2\n", "launched: true\n", "waves[0].launched: expected a whole number, got true"),
    "a count with an exponent": ("airforce", "launched: 2\n", "launched: 1e3\n", "waves[0].launched: expected a whole number, got 1e3"),
}


@pytest.mark.parametrize("case", list(STRICT_CASES))
def test_scalars_are_strict_and_located(tmp_path: Path, case: str) -> None:
    folder, before, after, expected = STRICT_CASES[case]
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    edited = sorted((content / folder).glob("*.yaml"))[0]
    text = edited.read_text(encoding="utf-8")
    assert before in text, "premise: the shipped file has the value to change"
    edited.write_text(text.replace(before, after, 1), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        read_content(content)
    assert any(expected in str(problem) and problem.file.endswith(edited.name) for problem in raised.value.problems), str(raised.value)
