"""The orchestrator: the story of a build, one named stage per line.

``plan``: settings, load, validate, plan. ``generate``: then render and write
(what ``briefing serve`` runs again on every edit). ``build``: inputs first (when
nothing changed since the last build, that is all: :mod:`generator.last_build`),
then generate, collect, mkdocs, sanitise and publish. Each stage is timed (:class:`Timings`).
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import ParamSpec, TypeVar

from generator import mkdocs_stage, progress
from generator.contributor import Contributor
from generator.contributors import contributors
from generator.errors import BriefingError
from generator.last_build import Outcome, forget, input_digest, remember, still_standing
from generator.load import LoadedContent, load_content
from generator.load_cache import DocumentCache
from generator.lock import WAIT_SECONDS, locked, locked_all
from generator.offline import Edition, edition_paths, latest_edition, pack
from generator.pages import SitePlan
from generator.plan import plan_site
from generator.publish import publish, remove_debris, staging_folder
from generator.render import RenderedPage, render_site
from generator.sanitize import sanitize_site
from generator.settings import Paths, Settings, check_paths, read_settings
from generator.validate import Content, validate_content
from generator.write import WriteReport, write_docs, write_search_terms

log = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")


@dataclass
class Timings:
    """Seconds spent in each stage, in the order they ran."""

    seconds: dict[str, float] = field(default_factory=dict)

    def run(self, stage: str, function: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        """Run one stage and time it."""
        started = time.perf_counter()
        progress.stage(stage)
        try:
            return function(*args, **kwargs)
        finally:
            self.seconds[stage] = time.perf_counter() - started
            log.info("%s: %.2f s", stage, self.seconds[stage])

    @property
    def total(self) -> float:
        """All stages together."""
        return sum(self.seconds.values())


@dataclass(frozen=True)
class Planned:
    """What the stages up to the plan produced."""

    settings: Settings
    content: Content
    plan: SitePlan


@dataclass(frozen=True)
class Generated:
    """What the stages up to the docs folder produced: what was written and the counts, not the content or the
    pages themselves, which are not held while the engine builds the site."""

    outcome: Outcome
    last_day: dt.date
    """The content's latest day: the site's build date."""
    paths: list[str]
    """Every page, by its path in the docs folder."""
    rendered: list[str]
    """Pages rendered by this build (the others were still right on disk)."""
    report: WriteReport


@dataclass(frozen=True)
class BuildSummary:
    """What a build did, for the command's output and the benchmark."""

    outcome: Outcome
    generated: Generated | None
    """None when nothing had changed since the last build, and nothing was done."""
    timings: Timings
    seconds: float
    """Wall-clock time of the whole build."""

    @property
    def slowest(self) -> tuple[str, float]:
        """The stage that took longest, and its seconds."""
        return max(self.timings.seconds.items(), key=lambda item: item[1], default=("none", 0.0))

    def as_json(self) -> dict[str, object]:
        """The summary for scripts and CI (``briefing build --json``)."""
        generated = self.generated
        return {
            "status": "built" if generated is not None else "unchanged",
            "exit": 0,
            "content": self.outcome.described,
            "records": self.outcome.records,
            "pages": self.outcome.pages,
            "rewritten": len(generated.report.written) if generated is not None else 0,
            "seconds": round(self.seconds, 3),
            "stages": {stage: round(seconds, 3) for stage, seconds in self.timings.seconds.items()},
            "slowest": self.slowest[0],
            "problems": [],
        }

    def __str__(self) -> str:
        outcome, generated = self.outcome, self.generated
        if generated is None:
            return f"{outcome.described}, {outcome.pages} page(s): nothing changed since the last build ({self.seconds:.1f} s)"
        stage, seconds = self.slowest
        rewritten = len(generated.report.written)
        slowest = f"slowest: {stage}, {seconds:.1f} s"
        return f"{outcome.described}, {outcome.pages} page(s) ({rewritten} file(s) rewritten) in {self.seconds:.1f} s ({slowest})"


def collect_rarely() -> None:
    """Run Python's cyclic garbage collector a hundred times less often, for the rest of this process (the command
    line's, once at its start).

    A build allocates millions of small objects that live until it ends (the content, its events, the pages); at
    the default thresholds the collector walks them all again and again, which cost a quarter of a rebuild at
    3,650 articles (23 s against 18 s, measured). Thresholds as mypy's, which holds as much in memory."""
    gc.set_threshold(100_000, 50, 100)


COLLECT_FROM = 500
"""Pages rewritten from which the engine's stage is a long one that holds many pages: worth a collection first."""


def collect_before_the_engine(rewritten: int) -> None:
    """Give the engine's stage the memory the generator's stages held (the content, its events, the plan, the pages'
    Markdown, much of it in reference cycles), when the engine has many pages to convert: a collection costs about
    1.5 s at a year of data, and cuts a cold build's peak from 1.54 GB to 0.89 GB (measured at 3,650 articles); a
    daily edit, whose time matters more, goes without it."""
    if rewritten >= COLLECT_FROM:
        gc.collect()


def end_of_process() -> None:
    """The process is about to end: keep the collector from walking every object of the build once more as the
    interpreter shuts down (a second and more at a year of data)."""
    gc.freeze()


def _inputs(paths: Paths, force: bool) -> tuple[str, Outcome | None]:
    """The hash of everything the site is made from, and the last build's outcome if that build still stands."""
    inputs = input_digest(paths)
    return inputs, None if force else still_standing(paths, inputs)


def plan(paths: Paths, timings: Timings) -> Planned:
    """Content to the site plan: settings, load, validate, plan."""
    sources = contributors()
    settings = timings.run("settings", read_settings, paths)
    content = timings.run("validate", validate_content, timings.run("load", _load, paths, sources), sources)
    content.release()  # the files as parsed: nothing after validation reads them, and the plan reuses their memory
    return Planned(settings, content, timings.run("plan", plan_site, content, settings))


def _load(paths: Paths, sources: list[Contributor]) -> LoadedContent:
    """Every content file, through the load cache (what did not change since the last build is not parsed again)."""
    return load_content(paths.content, sources, DocumentCache.open(paths.load_cache))


def generate(paths: Paths, timings: Timings | None = None) -> Generated:
    """Content to the docs folder: every stage before the engine's, through the render cache."""
    timings = timings if timings is not None else Timings()
    planned = plan(paths, timings)
    pages = timings.run("render", render_site, planned.plan, planned.settings, planned.content)
    report = timings.run("write", write_docs, pages, planned.plan.assets, paths.docs, paths.templates / "assets", paths.asset_record)
    planned.plan.encodings.save()  # the rows the files made by the write stage encoded, for the next build
    planned.plan.derived.save()
    write_search_terms(paths.search_terms, planned.plan.search_terms)
    log.info("pages: %d rewritten, %d unchanged", len(report.written), len(report.unchanged))
    content = planned.content
    outcome = Outcome(content.summary(), len(pages), content.counts()["record(s)"])
    page_paths = [page.path for page in pages]
    rendered = [page.path for page in pages if page.released]
    return Generated(outcome, content.last_day, page_paths, rendered, report)


def render(paths: Paths) -> tuple[Planned, list[RenderedPage]]:
    """Content to Markdown in memory, without the render cache and writing nothing: what the golden tests compare."""
    planned = plan(paths, Timings())
    return planned, render_site(planned.plan, planned.settings, planned.content, cached=False)


def build(paths: Paths, force: bool = False, wait: float = WAIT_SECONDS) -> BuildSummary:
    """Content to published site, holding the docs folder's and the output's locks (waiting up to ``wait`` seconds
    for another build); the previous site stays in place unless every stage succeeds, and stays as it is when
    nothing it is made from has changed since it was built (unless ``force``: every stage runs, through the caches)."""
    check_paths(paths)  # before any lock file is made beside a folder that may be the wrong one
    with locked_all([paths.docs, paths.site], wait):
        return _build(paths, force)


def build_offline_edition(paths: Paths, target: Path, wait: float = WAIT_SECONDS) -> Edition | None:
    """The offline edition of the site ``paths`` build (:mod:`generator.offline`): built and published into
    ``target``, then packed into the store every build of the site offers it from; None when there is no content
    to make one of. Nothing is packed again when nothing changed since the last edition was."""
    edition_of = edition_paths(paths, target)
    stored = latest_edition(paths.offline_store)
    summary = build(edition_of, force=stored is None, wait=wait)
    if summary.generated is None:
        return stored  # the edition in the store is this one
    day = summary.generated.last_day
    if day is None:
        return None
    with locked(paths.docs, wait):  # the store is beside the site's docs folder
        return Timings().run("offline: pack", pack, target, day, paths.offline_store)


def _build(paths: Paths, force: bool) -> BuildSummary:
    started, timings = time.perf_counter(), Timings()
    remove_debris(paths.site)  # what killed builds left: no build but this one runs now
    inputs, standing = timings.run("inputs", _inputs, paths, force)
    if standing is not None:
        log.info("nothing changed since the last build")
        return BuildSummary(standing, None, timings, time.perf_counter() - started)
    forget(paths)
    generated = generate(paths, timings)
    timings.run("collect", collect_before_the_engine, len(generated.report.written))
    with staging_folder(paths.site, mkdocs_stage.SITE_MARKER) as staging:
        timings.run(
            "mkdocs",
            mkdocs_stage.build_site,
            paths.config,
            paths.docs,
            staging,
            generated.last_day,
            paths.search_terms,
            paths.engine_cache,
            paths.offline,
        )
        timings.run("sanitise", sanitize_site, staging, mkdocs_stage.SITE_MARKUP, paths.site, paths.sanitise_record)
        timings.run("publish", publish, staging, paths.site)
    outcome = generated.outcome
    remember(paths, inputs, outcome)
    return BuildSummary(outcome, generated, timings, time.perf_counter() - started)


def serve(paths: Paths, dev_addr: str, wait: float = WAIT_SECONDS) -> None:
    """Generate, then serve with live reload; each rebuild generates again first, holding the docs folder's lock as
    ``build`` does; a content or template error keeps the last pages."""

    def regenerate() -> None:
        try:
            generated = generate(paths)
        except BriefingError as error:
            log.error("%s\nThe last good pages are still served.", error)
            return
        if generated.report.written:
            log.info("re-rendered: %s", ", ".join(generated.report.written))

    check_paths(paths)
    with locked(paths.docs, wait):
        generate(paths)
    watched = [paths.content, paths.templates]
    guard = partial(locked, paths.docs, wait)
    mkdocs_stage.serve(
        paths.config,
        paths.docs,
        watched,
        dev_addr,
        regenerate,
        guard,
        paths.search_terms,
        paths.preview_cache,
        paths.preview_sanitise_record,
    )
