"""The command line as a user runs it: subprocesses, exit codes, output."""

from __future__ import annotations

import json
import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, workspace

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def run(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *map(str, args)], cwd=cwd, env=ENV, capture_output=True, text=True, timeout=300
    )


@pytest.mark.parametrize("command", ["build", "check", "serve", "import-airforce", "new", "draft", "export"])
def test_every_command_has_help(command: str) -> None:
    result = run(command, "--help")
    assert result.returncode == 0
    assert "--content" in result.stdout


def test_import_airforce_prints_an_accounted_summary(tmp_path: Path) -> None:
    work = workspace(tmp_path)
    shutil.rmtree(work / "content" / "airforce")
    csv = ROOT / "data" / "airforce" / "missile_attacks_2024-05_2024-06.csv"
    first = run("import-airforce", csv, "--catalogue", ROOT / "generator" / "weapons" / "data" / "missiles_and_uavs.csv", cwd=work)
    assert first.returncode == 0, first.stderr
    assert "254 rows read" in first.stdout and "imported:  253" in first.stdout
    again = run("import-airforce", csv, "--catalogue", ROOT / "generator" / "weapons" / "data" / "missiles_and_uavs.csv", cwd=work)
    assert "unchanged: 253" in again.stdout and "files written: none" in again.stdout
    assert run("import-airforce", tmp_path / "missing.csv", cwd=work).returncode != 0


@pytest.mark.slow
def test_build_writes_the_site_and_prints_a_summary(tmp_path: Path) -> None:
    result = run("build", cwd=workspace(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Built site/: 1 article(s), 6 record(s), 253 Air Force wave(s), 141 page(s) (")
    assert (tmp_path / "site" / "strikes-on-ukraine" / "index.html").is_file()
    assert (tmp_path / "build" / "docs" / "index.md").is_file()


@pytest.mark.slow
def test_build_with_explicit_content_and_output(tmp_path: Path) -> None:
    work = workspace(tmp_path)
    result = run("build", "--content", FIXTURES / "golden" / "content", "--output", tmp_path / "out", cwd=work)
    assert result.returncode == 0, result.stderr
    assert "Odessa" in (tmp_path / "out" / "archives" / "strikes-on-ukraine" / "2024-06-02" / "index.html").read_text(encoding="utf-8")


def test_check_reports_every_problem_with_file_and_line_and_exits_non_zero(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    shutil.copy(FIXTURES / "minimal" / "parties.yaml", content)
    shutil.copy(FIXTURES / "invalid" / "wrong-type-missing-and-unknown.yaml", content / "articles")
    result = run("check", "--content", content, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == "error: 3 problems in the content:"
    assert [line.split(": ", 2)[:2] for line in lines[1:]] == [
        ["content/articles/wrong-type-missing-and-unknown.yaml:8", "strikes[0].headline"],
        ["content/articles/wrong-type-missing-and-unknown.yaml:15", "strikes[0].casualties.injured[0].value"],
        ["content/articles/wrong-type-missing-and-unknown.yaml:17", "strikes[0].launch_site"],
    ]


def test_check_on_valid_content_writes_nothing(tmp_path: Path) -> None:
    work = workspace(tmp_path)
    result = run("check", cwd=work)
    assert result.returncode == 0
    assert result.stdout == "content/: 1 article(s), 6 record(s), 253 Air Force wave(s), no problems\n"
    assert not (work / "site").exists() and not (work / "build").exists()


@pytest.mark.slow
def test_failed_build_keeps_the_published_site(tmp_path: Path) -> None:
    work = workspace(tmp_path)
    assert run("build", cwd=work).returncode == 0
    before = {path: path.read_bytes() for path in (work / "site").rglob("*") if path.is_file()}
    shutil.copy(FIXTURES / "invalid" / "killed-is-text.yaml", work / "content" / "articles")
    result = run("build", cwd=work)
    assert result.returncode == 2
    assert "killed-is-text.yaml:16: strikes[0].casualties.killed[0].value" in result.stderr
    assert {path: path.read_bytes() for path in (work / "site").rglob("*") if path.is_file()} == before


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).with_name("briefing")
    result = subprocess.run([script, "--help"], capture_output=True, text=True, env=ENV, check=False)
    assert result.returncode == 0
    assert "build" in result.stdout and "check" in result.stdout and "serve" in result.stdout


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--docs-dir", "content"], "error: --docs-dir content: overlaps --content content; the build empties this folder"),
        (["--docs-dir", "."], "error: --docs-dir .: refusing to write into the working directory or the root"),
        (["--output", "templates"], "error: --output templates: overlaps --templates templates; the build empties this folder"),
        (["--output", "build/docs/site"], "error: --docs-dir build/docs: overlaps --output build/docs/site; the build empties this folder"),
    ],
)
def test_build_refuses_outputs_that_would_overwrite_inputs(tmp_path: Path, arguments: list[str], message: str) -> None:
    work = workspace(tmp_path)
    before = sorted(path.relative_to(work) for path in work.rglob("*"))
    result = run("build", *arguments, cwd=work)
    assert result.returncode == 78  # configuration (sysexits.h EX_CONFIG)
    assert result.stderr.strip() == message
    assert sorted(path.relative_to(work) for path in work.rglob("*")) == before


def test_build_refuses_to_replace_a_folder_it_did_not_build(tmp_path: Path) -> None:
    work = workspace(tmp_path)
    (work / "precious").mkdir()
    (work / "precious" / "notes.txt").write_text("mine", encoding="utf-8")
    result = run("build", "--output", "precious", cwd=work)
    assert result.returncode == 78
    assert "refusing to replace a folder that is not a site this generator built" in result.stderr
    assert [path.name for path in (work / "precious").iterdir()] == ["notes.txt"]


def test_build_refuses_a_docs_folder_it_did_not_create(tmp_path: Path) -> None:
    work = workspace(tmp_path)
    (work / "notes").mkdir()
    (work / "notes" / "draft.md").write_text("mine", encoding="utf-8")
    result = run("build", "--docs-dir", "notes", cwd=work)
    assert result.returncode == 78
    assert "notes: refusing to write into a folder the generator did not create" in result.stderr
    assert [path.name for path in (work / "notes").iterdir()] == ["draft.md"]


def test_a_template_error_names_the_template_file_and_line(tmp_path: Path) -> None:
    work = workspace(tmp_path)
    partial = work / "templates" / "partials" / "strike.md.j2"
    lines = partial.read_text(encoding="utf-8").splitlines()
    number = next(index for index, line in enumerate(lines, 1) if "view.reported_by | parties" in line)
    partial.write_text(
        partial.read_text(encoding="utf-8").replace("view.reported_by | parties", "view.reported_byy | parties"), encoding="utf-8"
    )
    result = run("build", cwd=work)
    assert result.returncode == 3
    expected = (
        f"error: templates/partials/strike.md.j2:{number}: 'generator.articles.views.StrikeView object' has no attribute 'reported_byy'"
    )
    assert result.stderr.startswith(expected)


def _odessa_article(folder: Path, name: str, published: str, same_as: str = "") -> None:
    link = f"    same_as: {same_as}\n" if same_as else ""
    (folder / f"{name}.yaml").write_text(
        f"article: {{id: {name}, title: Odessa, published: {published}, language: fr, summary: Odessa.}}\n"
        f"strikes:\n  - id: {name}-frappe\n{link}    direction: on_ukraine\n    headline: Frappe sur Odessa\n"
        "    when: {start: 2024-06-01, end: 2024-06-02, precision: night}\n"
        "    where: {settlement: Odessa, region: Oblast d'Odessa, country: UA, precision: settlement}\n"
        "    reported_by: [ua-authorities]\n",
        encoding="utf-8",
    )


def test_check_hints_at_reports_that_look_like_one_strike_and_gives_the_line_to_add(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    shutil.copy(FIXTURES / "minimal" / "parties.yaml", content)
    _odessa_article(content / "articles", "matin", "2024-06-02T08:00+03:00")
    _odessa_article(content / "articles", "soir", "2024-06-02T19:00+03:00")
    result = run("check", "--content", content, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1:] == [
        "1 hint(s), not errors:",
        "hint: content/articles/soir.yaml:3: strikes[0]: likely the same strike as 'matin-frappe' (content/articles/matin.yaml): "
        "on_ukraine, dated 2024-06-01 – 2024-06-02 and 2024-06-01 – 2024-06-02, both in Odesa, Odesa Oblast, UA; "
        "if so, add to this strike: same_as: matin-frappe",
    ]
    _odessa_article(content / "articles", "soir", "2024-06-02T19:00+03:00", same_as="matin-frappe")
    linked = run("check", "--content", content, cwd=tmp_path)
    assert linked.returncode == 0 and "hint(s)" not in linked.stdout


@pytest.mark.parametrize(("shell", "start"), [("bash_source", "_briefing_completion()"), ("zsh_source", "#compdef briefing")])
def test_the_shells_get_a_completion_script(shell: str, start: str) -> None:
    script = shutil.which("briefing", path=str(Path(sys.executable).parent))
    assert script is not None, "premise: the console script is installed beside the interpreter"
    result = subprocess.run([script], capture_output=True, text=True, env={**ENV, "_BRIEFING_COMPLETE": shell}, check=False)
    assert result.returncode == 0 and result.stdout.lstrip().startswith(start)


def test_completion_offers_the_commands_an_editor_starts_typing() -> None:
    script = shutil.which("briefing", path=str(Path(sys.executable).parent))
    assert script is not None
    environment = {**ENV, "_BRIEFING_COMPLETE": "bash_complete", "COMP_WORDS": "briefing ne", "COMP_CWORD": "1"}
    result = subprocess.run([script], capture_output=True, text=True, env=environment, check=False)
    assert result.returncode == 0 and "plain,new" in result.stdout.splitlines()


def test_build_json_gives_a_machine_readable_summary_and_quiet_prints_nothing(tmp_path: Path) -> None:
    work = workspace(tmp_path)
    built = run("build", "--json", cwd=work)
    assert built.returncode == 0, built.stderr
    summary = json.loads(built.stdout)
    assert summary["status"] == "built" and summary["exit"] == 0 and summary["problems"] == []
    assert summary["pages"] > 10 and summary["records"] == 6 and summary["slowest"] in summary["stages"]
    assert set(summary["stages"]) >= {"load", "validate", "render", "mkdocs", "sanitise", "publish"}
    quiet = run("build", "--quiet", "--force", cwd=work)
    assert quiet.returncode == 0 and quiet.stdout == ""
    unchanged = json.loads(run("build", "--json", cwd=work).stdout)
    assert unchanged["status"] == "unchanged" and unchanged["rewritten"] == 0


def test_build_json_names_every_problem_of_a_failed_build(tmp_path: Path) -> None:
    work = workspace(tmp_path)
    article = next((work / "content" / "articles").glob("*.yaml"))
    article.write_text(article.read_text(encoding="utf-8").replace("claimant: us-pentagon", "claimant: us-pentagone"), encoding="utf-8")
    failed = run("build", "--json", cwd=work)
    assert failed.returncode == 2
    report = json.loads(failed.stdout)
    assert report["status"] == "failed" and report["exit"] == 2
    assert [(problem["field"], problem["message"].split(" (")[0]) for problem in report["problems"]] == [
        ("attributions[0].claimant", "unknown party 'us-pentagone'")
    ]
    assert "unknown party 'us-pentagone'" in failed.stderr, "the message still goes to stderr"


def run_on_a_terminal(*args: str, cwd: Path) -> tuple[int, str, str]:
    """The command with its stderr on a pseudo-terminal, as an editor's shell has it: exit code, stdout, what the
    terminal showed."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", *args], cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=terminal, text=True
    )
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal's other end closed: the process is done with it
            break
        if not chunk:
            break
        shown += chunk
    stdout = process.stdout.read() if process.stdout else ""
    os.close(controller)
    return process.wait(timeout=300), stdout, shown.decode("utf-8", "replace")


@pytest.mark.slow
def test_a_build_on_a_terminal_shows_its_stage_and_how_far_the_long_ones_are(tmp_path: Path) -> None:
    work = workspace(tmp_path)
    code, stdout, shown = run_on_a_terminal("build", cwd=work)
    assert code == 0, shown
    assert stdout.startswith("Built site/:"), "the summary stays on stdout"
    for stage in ("validate …", "plan …"):
        assert stage in shown
    pages = int(stdout.split(" page(s) (")[0].rsplit(", ", 1)[-1])
    for step, total in (("load: articles", 1), ("render: pages", pages), ("mkdocs: pages", pages)):
        assert re.search(rf"{re.escape(step)}\s+\[[#-]*\]\s+{total}/{total}", shown), (step, shown[-2000:])
    assert re.search(r"sanitise: pages\s+\[[#-]*\]\s+(\d+)/\1", shown)
    quiet = run("build", "--force", cwd=work)
    assert quiet.returncode == 0 and "render: pages" not in quiet.stderr, "nothing but the summary off a terminal"
    _, _, silent = run_on_a_terminal("build", "--force", "--quiet", cwd=work)
    assert "render: pages" not in silent and "…" not in silent


def test_build_offline_json_says_where_the_edition_is_and_a_daily_build_keeps_offering_it(tmp_path: Path) -> None:
    work = workspace(tmp_path)
    built = run("build", "--offline", "edition", "--json", cwd=work)
    assert built.returncode == 0, built.stderr
    offline = json.loads(built.stdout)["offline"]
    packed = Path(offline["zip"])
    assert offline["folder"] == "edition" and (work / "edition" / "index.html").is_file()
    assert packed.is_file() and packed.stat().st_size == offline["bytes"]
    offered = work / "site" / "offline" / packed.name
    assert offered.read_bytes() == packed.read_bytes()
    article = next((work / "content" / "articles").glob("*.yaml"))
    headline = "Incendie d'un dépôt pétrolier à Temriouk"
    article.write_text(article.read_text(encoding="utf-8").replace(headline, "Le dépôt brûle"), encoding="utf-8")
    daily = run("build", "--json", cwd=work)
    assert json.loads(daily.stdout)["status"] == "built" and "offline" not in json.loads(daily.stdout)
    assert offered.is_file() and f'href="offline/{packed.name}"' in (work / "site" / "index.html").read_text(encoding="utf-8")
    day = "archives/strikes-on-russia/2024-05-31"
    assert "Le dépôt brûle" in (work / "site" / day / "index.html").read_text(encoding="utf-8")
    assert headline in (work / "edition" / f"{day}.html").read_text(encoding="utf-8"), "the edition stays as it was made"
