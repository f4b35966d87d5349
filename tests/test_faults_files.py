"""Content files as the file system really holds them (#16): every YAML file under ``content/`` is loaded or
reported, linked folders are read as linked files are, special files are refused by type, and nothing that cannot
be read ends in a traceback. Each check runs ``briefing check`` as editors do, with a time limit: a named pipe once
made the build wait forever."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ROOT, read_content
from generator.cache import tree_digest
from generator.errors import ContentError

SEED = next((ROOT / "content" / "articles").glob("*.yaml"))


def _content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    shutil.copy(ROOT / "content" / "parties.yaml", content / "parties.yaml")
    shutil.copy(SEED, content / "articles" / SEED.name)
    return content


def check(content: Path) -> subprocess.CompletedProcess[str]:
    """``briefing check`` on ``content``, within a minute."""
    return subprocess.run(
        [sys.executable, "-m", "generator", "check", "--content", str(content)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=content.parent,
        check=False,
    )


def _fifo(articles: Path) -> str:
    os.mkfifo(articles / "pipe.yaml")
    return "content/articles/pipe.yaml:1: is a named pipe (FIFO), not a file"


def _device(articles: Path) -> str:
    (articles / "zero.yaml").symlink_to("/dev/zero")
    return "content/articles/zero.yaml:1: is a device, not a file"


def _dangling(articles: Path) -> str:
    (articles / "gone.yaml").symlink_to(articles / "nowhere.yaml")
    return "content/articles/gone.yaml:1: cannot read: a symbolic link to a file that does not exist"


def _loop(articles: Path) -> str:
    (articles / "a.yaml").symlink_to(articles / "b.yaml")
    (articles / "b.yaml").symlink_to(articles / "a.yaml")
    return "content/articles/a.yaml:1: cannot read: a loop of symbolic links"


def _outside(articles: Path) -> str:
    shutil.copy(articles / SEED.name, articles.parent / "stray.yaml")
    return "content/stray.yaml:1: not read: no content lives here"


CASES: dict[str, Callable[[Path], str]] = {
    "a named pipe": _fifo,
    "a link to a device": _device,
    "a dangling link": _dangling,
    "a loop of links": _loop,
    "a YAML file outside the known folders": _outside,
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_file_that_is_not_content_is_a_located_problem(tmp_path: Path, case: str) -> None:
    content = _content(tmp_path)
    expected = CASES[case](content / "articles")
    result = check(content)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert expected in result.stderr, result.stderr


def test_a_linked_folder_of_articles_is_read_as_linked_files_are(tmp_path: Path) -> None:
    content = _content(tmp_path)
    elsewhere = tmp_path / "shared-articles"
    elsewhere.mkdir()
    text = SEED.read_text(encoding="utf-8").replace("2024-05-31-pentagone-missiles-nord-coreens", "linked-copy")
    for old in ("dia-missiles-balistiques-nord-coreens", "id: "):
        assert old in text
    linked = elsewhere / "linked.yaml"
    linked.write_text(_renamed_ids(text), encoding="utf-8")
    (content / "articles" / "linked").symlink_to(elsewhere, target_is_directory=True)
    result = check(content)
    assert result.returncode == 0, result.stderr
    assert "2 article(s)" in result.stdout, result.stdout


def test_a_folder_named_like_a_file_is_a_folder(tmp_path: Path) -> None:
    content = _content(tmp_path)
    (content / "articles" / "2024.yaml").mkdir()  # once read as a file: IsADirectoryError
    result = check(content)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert "1 article(s)" in result.stdout


def _renamed_ids(text: str) -> str:
    """The seed's text with every record id made its own (a second article may not reuse them)."""
    lines = []
    for line in text.splitlines():
        stripped = line.lstrip()
        if stripped.startswith(("- id: ", "id: ")) and "linked-copy" not in line:
            line = line.replace("id: ", "id: linked-", 1)
        if stripped.startswith("same_as:"):
            continue
        lines.append(line)
    return "\n".join(lines) + "\n"


def _as_nobody(content: Path) -> list[str]:
    """The content's problems as a user who cannot read a file of mode 000 (CI runs as root, who reads whatever the
    mode): a forked copy of this process drops its privileges, then loads and validates."""
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(reader)
        try:
            if os.geteuid() == 0:
                os.setgroups([])
                os.setgid(65534)
                os.setuid(65534)
            try:
                read_content(content)
                found = []
            except ContentError as error:
                found = [str(problem) for problem in error.problems]
            os.write(writer, json.dumps(found).encode())
        finally:
            os._exit(0)
    os.close(writer)
    with os.fdopen(reader, "rb") as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    assert data, "the unprivileged copy reported nothing (it crashed)"
    return list(json.loads(data))


def test_an_unreadable_file_and_folder_are_located_problems() -> None:
    with tempfile.TemporaryDirectory(dir="/tmp") as folder:  # /tmp/<it> can be opened to all, pytest's own cannot
        Path(folder).chmod(0o755)
        _check_unreadable(Path(folder))


def _check_unreadable(tmp_path: Path) -> None:
    content = _content(tmp_path)
    for path in (content, content / "articles"):
        path.chmod(0o755)
    locked = content / "articles" / "locked.yaml"
    shutil.copy(content / "articles" / SEED.name, locked)
    locked.chmod(0o000)
    closed = content / "articles" / "closed"
    closed.mkdir()
    closed.chmod(0o000)
    problems = _as_nobody(content)
    assert "content/articles/locked.yaml:1: cannot read: Permission denied" in problems, problems
    assert "content/articles/closed:1: cannot read: Permission denied" in problems, problems
    assert not [problem for problem in problems if "no article files" in problem], "the readable article is read"


def test_a_template_file_name_that_is_not_utf8_is_hashed_like_any_other(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.md.j2").write_text("x", encoding="utf-8")
    before = tree_digest([templates])
    (templates / os.fsdecode(b"backup-\xff.j2~")).write_text("y", encoding="utf-8")  # an editor's backup, Latin-1 named
    assert tree_digest([templates]) != before
