"""Pages converted and themed ahead of MkDocs, shared between forked copies of the build (every CPU on a cold build).

MkDocs converts every page's Markdown, then themes every page, one page after
the other in one process. The page cache (:mod:`generator.mkdocs_stage.page_cache`)
already knows how to take a page's conversion and themed output from
somewhere else than MkDocs' own call; here the pages it will not find in the
cache are done ahead, in forked copies of the build (:func:`generator.parallel.fork_map`),
exactly as MkDocs would do them:

1. once the navigation is known (``on_nav``), the pages whose source changed
   since the last successful build (or that the cache has never seen) are
   read, given the other plugins' ``pre_page`` and ``page_markdown`` events,
   and converted; MkDocs then reads each page itself as always, and takes the
   conversion done ahead only if the page's Markdown is the one that was
   converted (the cache's page key), else converts it there and then;
2. once every page is read (``on_env``), the pages converted by this build
   are given their context, the other plugins' ``page_context`` events (the
   search plugin's entries among them) and themed; each becomes a cache entry
   of this build, which MkDocs' own pass then takes like any entry that stands.

What a forked copy logs while converting or theming (a broken link's warning)
is sent back and logged here, in the pages' order, so strict mode counts it
(what the other plugins' events log there is dropped: MkDocs runs those events
again here); a copy that dies leaves every page to MkDocs; a page that fails in a copy is
done again here, where its error is raised as MkDocs raises it. Without
``fork`` or a second CPU, or with few pages to do, nothing is done ahead.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from generator import progress
from generator.errors import BriefingError
from generator.parallel import fork_map, forks

if TYPE_CHECKING:
    from generator.mkdocs_stage.page_cache import PageCache

AHEAD_FROM = 40
"""Fewer pages to do than this are done by MkDocs itself (forking costs more than it saves)."""


def _shared(task: Callable[[Page], Any], pages: list[Page]) -> list[Any]:
    """``task`` over ``pages`` in forked copies; if a copy dies (out of memory), nothing is done ahead and MkDocs
    does every page itself (a build does not fail for want of a head start)."""
    try:
        return fork_map(task, pages, AHEAD_FROM)
    except BriefingError as error:
        logging.getLogger(__name__).info("nothing done ahead: %s", error)
        return [None] * len(pages)


@dataclass(frozen=True)
class Converted:
    """A page converted ahead: the cache's record of the conversion, and what the conversion gave the page."""

    fresh: dict[str, Any]
    content: str
    toc: TableOfContents
    records: list[logging.LogRecord]
    waiting: str | None = None
    """The file the page's HTML waits in (then ``content`` is empty) until the page is indexed and themed: a cold
    build does not hold every page's HTML at once (a third of its engine stage's memory at a year of data)."""


@dataclass(frozen=True)
class Themed:
    """A page themed ahead: the cache entry it left (its name, and the entry as JSON)."""

    name: str
    kept: str
    records: list[logging.LogRecord]


@contextmanager
def _captured() -> Iterator[list[logging.LogRecord]]:
    """Every log record handled in this (forked) copy, kept instead of given to its handlers, to be logged by the
    parent (:func:`replay`); the records' messages are formatted here, so that they travel."""
    records: list[logging.LogRecord] = []
    call_handlers = logging.Logger.callHandlers

    def keep(logger: logging.Logger, record: logging.LogRecord) -> None:
        record.msg, record.args = record.getMessage(), None
        if record.exc_info:
            record.exc_text = record.exc_text or logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        records.append(record)

    logging.Logger.callHandlers = keep  # type: ignore[assignment,method-assign]
    try:
        yield records
    finally:
        logging.Logger.callHandlers = call_handlers  # type: ignore[method-assign]


def replay(records: list[logging.LogRecord]) -> None:
    """Log here what a forked copy logged (strict mode counts its warnings)."""
    for record in records:
        logging.getLogger(record.name).handle(record)


def _pages(files: Files) -> list[Page]:
    return [file.page for file in files.documentation_pages(inclusion=InclusionLevel.is_included) if file.page is not None]


def convert(cache: PageCache, config: MkDocsConfig, files: Files, changed: Callable[[Page], bool]) -> dict[str, Converted]:
    """Per page (source path), its conversion done ahead, for the pages ``changed`` says the cache will not have."""
    pages = [page for page in _pages(files) if changed(page)]
    if not forks(len(pages), AHEAD_FROM):
        return {}
    progress.counting("mkdocs: converting", len(pages))
    waiting = None if config.plugins.events["page_content"] else cache.waiting_room()  # a plugin's page_content needs it
    done = _shared(lambda page: _convert(cache, page, config, files, waiting), pages)
    return {page.file.src_uri: converted for page, converted in zip(pages, done, strict=True) if converted is not None}


def _convert(cache: PageCache, page: Page, config: MkDocsConfig, files: Files, waiting: Path | None) -> Converted | None:
    """In a forked copy: what MkDocs does to read and convert a page (the page cache's own ``pre_page`` included);
    its HTML left in a file of the ``waiting`` folder, when there is one."""
    with _captured() as records:
        config._current_page = page
        try:
            page = config.plugins.on_pre_page(page, config=config, files=files)
            page.read_source(config)
            page.markdown = config.plugins.on_page_markdown(page.markdown or "", page=page, config=config, files=files)
            before = len(records)
            page.render(config, files)
            rendered = records[before:]
        except Exception:  # done again by MkDocs, which reports it
            return None
        finally:
            config._current_page = None
    fresh = cache.fresh.get(page.file.src_uri)
    if fresh is None or page.content is None or page.toc is None:
        return None  # the cache had it after all
    if waiting is None:
        return Converted(fresh, page.content, page.toc, rendered)
    stored = waiting / f"{fresh['key']}.html"
    stored.write_text(page.content, encoding="utf-8")
    return Converted(fresh, "", page.toc, rendered, str(stored))


def theme(
    cache: PageCache, config: MkDocsConfig, files: Files, nav: Navigation, env: Any, pending: Callable[[Page], bool]
) -> dict[str, Themed]:
    """Per page (source path), the cache entry of its themed output done ahead, for the pages ``pending`` says still
    have to be themed."""
    documentation = files.documentation_pages(inclusion=InclusionLevel.is_included)
    pages = [page for page in _pages(files) if pending(page)]
    if not forks(len(pages), AHEAD_FROM) or config.plugins.events["post_page"]:
        return {}  # a plugin's post_page would change what MkDocs writes: the cache keeps the theme's output only
    progress.counting("mkdocs: theming", len(pages))
    done = _shared(lambda page: _theme(cache, page, config, documentation, nav, env), pages)
    return {page.file.src_uri: themed for page, themed in zip(pages, done, strict=True) if themed is not None}


def _theme(cache: PageCache, page: Page, config: MkDocsConfig, documentation: Any, nav: Navigation, env: Any) -> Themed | None:
    """In a forked copy: what MkDocs does to theme a page, up to its themed output (which the cache keeps)."""
    with _captured() as records:
        config._current_page = page
        page.active = True
        try:
            cache.content_of(page)
            context = get_context(nav, documentation, config, page)
            template = env.get_template(page.meta.get("template", "main.html"))
            context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
            before = len(records)
            template.render(context)
            rendered = records[before:]
        except Exception:  # done again by MkDocs, which reports it
            return None
        finally:
            page.active = False
            config._current_page = None
    name = cache.manifest.get(page.file.src_uri)
    return Themed(name, cache.kept[name], rendered) if name is not None else None
