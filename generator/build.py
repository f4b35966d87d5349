"""The orchestrator: the story of a build, one named stage per line."""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from generator.cache import RenderCache
from generator.catalogue import Formatter, load_labels
from generator.errors import BriefingError
from generator.layout import plan_layout, strike_day
from generator.model import Corpus
from generator.render import Page, make_environment, render_pages
from generator.site import build_site, site_language
from generator.validate import load_content
from generator.write import WriteReport, write_pages

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Paths:
    """Where a build reads and writes."""

    content: Path = Path("content")
    templates: Path = Path("templates")
    config: Path = Path("mkdocs.yml")
    docs: Path = Path("build/docs")
    site: Path = Path("site")


@dataclass(frozen=True)
class BuildSummary:
    """What a build did, for the command's output."""

    articles: int
    records: int
    waves: int
    pages: int
    written: int
    seconds: float

    def __str__(self) -> str:
        return (
            f"{self.articles} article(s), {self.records} record(s), {self.waves} Air Force wave(s), "
            f"{self.pages} page(s) ({self.written} file(s) rewritten) in {self.seconds:.1f} s"
        )


def render(paths: Paths, cache: RenderCache | None = None) -> tuple[Corpus, list[Page]]:
    """Load, validate, lay out and render: everything up to Markdown, nothing written.

    With a cache, pages whose inputs did not change since the last build are not rendered again.
    """
    corpus = load_content(paths.content)
    language = site_language(paths.config)
    labels = load_labels(paths.templates / "labels", language)
    formatter = Formatter(labels, language, corpus.parties)
    layout = plan_layout(corpus, dict(labels.countries))
    environment = make_environment(paths.templates, labels, formatter)
    return corpus, render_pages(corpus, layout, environment, formatter, cache, paths.docs)


def check_paths(paths: Paths) -> None:
    """Refuse outputs that would overwrite inputs or each other: the docs folder and the site are emptied by a build."""
    inputs = {"--content": paths.content, "--templates": paths.templates, "--config": paths.config}
    outputs = {"--docs-dir": paths.docs, "--output": paths.site}
    for output_name, output in outputs.items():
        resolved = output.resolve()
        if resolved == Path.cwd().resolve() or resolved == Path(resolved.anchor):
            raise BriefingError(f"{output_name} {output}: refusing to write into the working directory or the root")
        for other_name, other in [*inputs.items(), *((n, p) for n, p in outputs.items() if n != output_name)]:
            other_resolved = other.resolve()
            if other_resolved == resolved or other_resolved.is_relative_to(resolved) or resolved.is_relative_to(other_resolved):
                raise BriefingError(f"{output_name} {output}: overlaps {other_name} {other}; the build empties this folder")


def generate(paths: Paths) -> tuple[Corpus, list[Page], WriteReport]:
    """Render and write the Markdown pages into the docs folder: only pages whose inputs changed are rendered and written."""
    check_paths(paths)
    docs = paths.docs.resolve()
    cache = RenderCache(docs.with_name(docs.name + ".cache.json"), paths.templates, site_language(paths.config))
    corpus, pages = render(paths, cache)
    report = write_pages(pages, paths.docs, paths.templates / "assets")
    cache.save()
    log.info("pages: %d rewritten, %d unchanged", len(report.written), len(report.unchanged))
    return corpus, pages, report


def build(paths: Paths) -> BuildSummary:
    """Content to published site; the previous site stays in place unless every stage succeeds."""
    started = time.perf_counter()
    corpus, pages, report = generate(paths)
    with _source_date(corpus):
        build_site(paths.config, paths.docs, paths.site)
    records = sum(len(a.strikes) + len(a.attributions) for a in corpus.articles)
    return BuildSummary(len(corpus.articles), records, len(corpus.waves), len(pages), len(report.written), time.perf_counter() - started)


def last_day(corpus: Corpus) -> dt.date:
    """The latest day the content speaks of: what a reproducible build is dated by."""
    days = [article_file.article.published for article_file in corpus.articles]
    days += [strike_day(strike, article_file.article.published) for article_file in corpus.articles for strike in article_file.strikes]
    days += [wave.report_date for wave in corpus.waves]
    return max(days)


@contextmanager
def _source_date(corpus: Corpus) -> Iterator[None]:
    """Date the build from the content (unless SOURCE_DATE_EPOCH is set) so builds are reproducible."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm(last_day(corpus).timetuple()))
    try:
        yield
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]
