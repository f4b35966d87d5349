"""The command line: ``briefing build | check | serve | new | draft | export | clean | import-airforce`` (also ``python -m generator``).

Domain errors become messages and exit codes here, and only here.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import signal
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from types import FrameType
from typing import Any, NoReturn

import click

from generator import progress
from generator.articles.skeleton import article_id, create_article
from generator.build import build, build_offline_edition, collect_rarely, end_of_process, serve
from generator.contributors import contributors
from generator.errors import EXIT_INTERRUPTED, EXIT_TERMINATED, EXIT_USAGE, BriefingError, ContentError, FilesystemError
from generator.exports.formats import FORMATS, export
from generator.files import unreadable, write_atomically
from generator.load import load_content
from generator.lock import WAIT_SECONDS, locked
from generator.model import LANGUAGE_PATTERN, check_url
from generator.publish import remove_debris
from generator.settings import Paths, read_engine_timeline
from generator.validate import validate_content

CONTENT = click.option(
    "--content",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("content"),
    show_default=True,
    help="Folder of content: parties.yaml and articles/*.yaml.",
)
CONFIG = click.option(
    "--config",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("mkdocs.yml"),
    show_default=True,
    help="MkDocs configuration file.",
)
TEMPLATES = click.option(
    "--templates",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("templates"),
    show_default=True,
    help="Folder of Jinja templates, label catalogues and assets.",
)
OUTPUT = click.option(
    "--output",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("site"),
    show_default=True,
    help="Where the site is published: a link to the latest complete build beside it, switched only when a build succeeds.",
)
WAIT = click.option(
    "--wait",
    type=click.FloatRange(min=0),
    default=WAIT_SECONDS,
    show_default=True,
    help="Seconds to wait for another build or preview of the same folders to finish (then exit 75).",
)
DOCS = click.option(
    "--docs-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("build/docs"),
    show_default=True,
    help="Where the generated Markdown is written before MkDocs builds it.",
)


def _reports_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn every failure into a message on stderr and its exit code (the README's table), never a traceback: the
    generator's own errors, the file system's (a full or read-only disk, a path that cannot be made), and, as an
    internal error (exit 1), anything else, whose traceback ``-v`` shows."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except BriefingError as error:
            _fail(error)
        except click.ClickException:
            raise  # a usage error: the group prints it with its exit code
        except OSError as error:
            _fail(FilesystemError.of(error))
        except Exception as error:
            logging.getLogger(__name__).info("the traceback of the internal error:", exc_info=True)
            _fail(BriefingError(f"internal error, please report it: {type(error).__name__}: {error} (-v shows where)"))

    return wrapper


def _failed(error: BriefingError) -> dict[str, object]:
    """A failed build for scripts and CI: its exit code, its message, and each content problem located."""
    problems = error.problems if isinstance(error, ContentError) else []
    located = [{"file": problem.file, "line": problem.line, "field": problem.field, "message": problem.message} for problem in problems]
    return {"status": "failed", "exit": error.exit_code, "error": str(error).splitlines()[0], "problems": located}


def _fail(error: BriefingError) -> NoReturn:
    click.echo(f"error: {error}", err=True)
    sys.exit(error.exit_code)


class _Terminated:
    """Whether SIGTERM stopped the command (set by :func:`_on_terminate`)."""

    received = False


def _on_terminate(signum: int, frame: FrameType | None) -> None:
    """SIGTERM (a CI cancel, ``kill``) stops the command as Ctrl-C does: every stage's clean-up runs on the way out."""
    _Terminated.received = True
    raise KeyboardInterrupt


class _Commands(click.Group):
    """click's group, with the exit codes of the README: usage errors 64 (not 2, which means invalid content),
    interruptions 130 (Ctrl-C) and 143 (SIGTERM)."""

    def main(self, *args: Any, **kwargs: Any) -> NoReturn:
        signal.signal(signal.SIGTERM, _on_terminate)
        kwargs["standalone_mode"] = False
        try:
            result = super().main(*args, **kwargs)
        except click.UsageError as error:
            error.show()
            sys.exit(EXIT_USAGE)
        except click.ClickException as error:
            error.show()
            sys.exit(error.exit_code)
        except click.Abort:
            click.echo("stopped: nothing was published; the site is as it was", err=True)
            sys.exit(EXIT_TERMINATED if _Terminated.received else EXIT_INTERRUPTED)
        sys.exit(result if isinstance(result, int) else 0)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", is_flag=True, help="Show progress, each stage's time and MkDocs' own messages.")
def main(verbose: bool) -> None:
    """Build the briefing site from structured article data."""
    collect_rarely()
    logging.basicConfig(level=logging.INFO if verbose else progress.NOTICE, format="%(levelname)s: %(message)s")
    if not verbose:
        logging.getLogger("mkdocs").setLevel(logging.WARNING)


@main.command("build")
@CONTENT
@OUTPUT
@CONFIG
@TEMPLATES
@DOCS
@click.option("--force", is_flag=True, help="Run every stage even when nothing changed since the last build (still through the caches).")
@WAIT
@click.option("--quiet", "-q", is_flag=True, help="Print nothing when the build succeeds (errors still go to stderr).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary (or the failure and its problems) as one JSON object on stdout.")
@click.option(
    "--offline",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    metavar="DIR",
    help="First make the offline edition: published into DIR (its index.html opens from disk), packed as a zip that "
    "the site offers from its home page.",
)
@_reports_errors
def build_command(
    content: Path,
    output: Path,
    config: Path,
    templates: Path,
    docs_dir: Path,
    force: bool,
    wait: float,
    quiet: bool,
    as_json: bool,
    offline: Path | None,
) -> None:
    """Validate the content, render the pages and build the site (nothing to do when nothing changed since the last build)."""
    paths = Paths(content=content, templates=templates, config=config, docs=docs_dir, site=output)
    shown = sys.stderr.isatty() and not (quiet or as_json) and not logging.getLogger().isEnabledFor(logging.INFO)
    edition = None
    try:
        with progress.listening(progress.TerminalProgress(sys.stderr) if shown else None):
            if offline is not None:
                edition = build_offline_edition(paths, offline, wait)
            summary = build(paths, force=force, wait=wait)
    except (BriefingError, OSError) as failure:
        error = failure if isinstance(failure, BriefingError) else FilesystemError.of(failure)
        if as_json:
            click.echo(json.dumps(_failed(error), ensure_ascii=False))
        raise error from None
    if as_json:
        offered = {"offline": {"folder": str(offline), "zip": str(edition.file), "bytes": edition.size}} if offline and edition else {}
        click.echo(json.dumps(summary.as_json() | offered, ensure_ascii=False))
    elif not quiet:
        click.echo(f"Built {output}/: {summary}")
        if offline is not None:
            click.echo(
                f"Offline edition in {offline}/, packed as {edition.file} ({edition.size} bytes)"
                if edition
                else "No offline edition: no content"
            )
    stages = ", ".join(f"{stage} {seconds:.2f} s" for stage, seconds in summary.timings.seconds.items())
    logging.getLogger(__name__).info("stages: %s", stages)
    end_of_process()


@main.command("check")
@CONTENT
@_reports_errors
def check_command(content: Path) -> None:
    """Validate the content, then print hints (likely same-event reports not linked); nothing is written."""
    sources = contributors()
    checked = validate_content(load_content(content, sources), sources)
    click.echo(f"{content}/: {checked.summary()}, no problems")
    hints = checked.hints()
    if hints:
        click.echo(f"{len(hints)} hint(s), not errors:")
        for hint in hints:
            click.echo(f"hint: {hint}")


@main.command("new")
@click.argument("slug")
@click.option("--date", "day", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, help="Publication day (default: today, site time).")
@click.option("--url", default=None, help="The article's address: fills `url`, and `outlet` and `language` when the site is known.")
@click.option("--language", default=None, help="The article's language (ISO 639-1), when the address does not tell.")
@CONTENT
@CONFIG
@_reports_errors
def new_command(slug: str, day: dt.datetime | None, url: str | None, language: str | None, content: Path, config: Path) -> None:
    """Create content/articles/<date>-<SLUG>.yaml: the required fields, quoted placeholders, the outlet from the URL."""
    published = day.date() if day else read_engine_timeline(config).today()
    try:
        identifier = article_id(slug, published)
    except ValueError as error:
        raise click.BadParameter(f"{error}, got {slug!r}", param_hint="SLUG") from None
    try:
        if url is not None:
            check_url(url)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--url") from None
    if language is not None and not re.fullmatch(LANGUAGE_PATTERN, language):
        raise click.BadParameter(f"expected a two-letter code such as fr or en, got {language!r}", param_hint="--language")
    try:
        path = create_article(content, identifier, published, url, language)
    except FileExistsError as error:
        raise FilesystemError(f"{error.filename}: exists already; nothing was written (choose another SLUG)") from None
    click.echo(f"created {path}: fill it in, then run `briefing check`")


@main.command("draft")
@click.argument("article", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--url", default=None, help="The article's address: fills `url`, and `outlet` (and language) when the site is known.")
@click.option(
    "--published", "day", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, help="Publication day (default: today, site time)."
)
@click.option("--language", type=click.Choice(["fr", "en"]), default=None, help="The article's language (default: detected).")
@click.option("--output", type=click.Path(path_type=Path, dir_okay=False), default=None, help="Where to write the draft.")
@CONTENT
@CONFIG
@_reports_errors
def draft_command(
    article: Path, url: str | None, day: dt.datetime | None, language: str | None, output: Path | None, content: Path, config: Path
) -> None:
    """Draft a content file from an article's raw text (title on the first line): strikes, figures, claimants,
    attribution claims and quotes, each beside the sentence it came from, guesses marked `# check`."""
    from generator.draft.command import draft_article

    if url is not None:
        try:
            check_url(url)
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="--url") from None
    published = day.date() if day else read_engine_timeline(config).today()
    path, records, checks = draft_article(article, content, published, url, language, output)
    click.echo(f"drafted {path}: {records} record(s), {checks} value(s) marked `check`; resolve them, then run `briefing check`")
    end_of_process()  # the gazetteer and the weapon catalogue not walked again on the way out: 0.4 s of a draft


@main.command("import-airforce")
@click.argument("csv_file", type=click.Path(path_type=Path, dir_okay=False))
@CONTENT
@click.option(
    "--catalogue",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Weapon catalogue CSV (missiles_and_uavs.csv); default: the copy shipped with the generator.",
)
@_reports_errors
def import_airforce_command(csv_file: Path, content: Path, catalogue: Path | None) -> None:
    """Import a CSV of the Air Force attack dataset into content/airforce/ (re-importing changes nothing)."""
    from generator.airforce import import_airforce

    click.echo(import_airforce(csv_file, content, catalogue).summary())


@main.command("serve")
@CONTENT
@CONFIG
@TEMPLATES
@DOCS
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on.")
@WAIT
@_reports_errors
def serve_command(content: Path, config: Path, templates: Path, docs_dir: Path, dev_addr: str, wait: float) -> None:
    """Render, then serve the site with live reload; edits to content or templates re-render the pages."""
    serve(Paths(content=content, templates=templates, config=config, docs=docs_dir), dev_addr, wait)


@main.command("export")
@click.option(
    "--format",
    "format_name",
    type=click.Choice(sorted(FORMATS)),
    required=True,
    help="acled: ACLED's columns, one row per strike event; claims-csv, claims-json: one row per figure claimed.",
)
@click.option("--output", type=click.Path(path_type=Path, dir_okay=False), default=None, help="File to write (default: standard output).")
@CONTENT
@CONFIG
@TEMPLATES
@_reports_errors
def export_command(format_name: str, output: Path | None, content: Path, config: Path, templates: Path) -> None:
    """Write the validated content's strike events in a format analysts load elsewhere (README: Exports)."""
    data = export(format_name, content, config, templates)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    try:
        write_atomically(output, data)
    except OSError as error:
        raise FilesystemError(f"{output}: {unreadable(error)}") from None
    click.echo(f"wrote {output} ({len(data)} bytes)", err=True)


@main.command("clean")
@OUTPUT
@WAIT
@_reports_errors
def clean_command(output: Path, wait: float) -> None:
    """Remove what killed or failed builds left beside the site (staging and old folders); the site stays."""
    with locked(output, wait):
        removed = remove_debris(output)
    click.echo(f"removed {len(removed)} leftover(s) of earlier builds" + "".join(f"\n  {path}" for path in removed))


def run() -> None:
    """Entry point for ``python -m generator``."""
    main(prog_name="python -m generator")


__all__ = ["main", "run"]
