"""The render stage: every page of the site plan through its Jinja template into Markdown.

Content is passed to templates only as variables, never as template source.
The environment is sandboxed, fails on undefined variables, and escapes every
``{{ value }}`` for Markdown (see :mod:`generator.escape`) unless the value is
already-safe :class:`~markupsafe.Markup`. Built-in filters that would mark
untrusted text safe without Markdown escaping are removed.

The render cache (:mod:`generator.cache`) stands in front: a page whose inputs
did not change since the last build is not rendered again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from generator import escape, progress
from generator.cache import RenderCache
from generator.errors import TEMPLATE_FAILURES, RenderError, template_line
from generator.formatting import Formatter
from generator.labels import Labels
from generator.maps.events import MapTexts, event_map
from generator.model import Direction
from generator.pages import SitePlan, Viewable
from generator.parallel import fork_map
from generator.settings import Settings
from generator.themes import Theme
from generator.urls import DATA, MAP_OUTLINES, Links
from generator.validate import Content

UNSAFE_FILTERS = ("safe", "e", "escape", "forceescape", "join", "replace", "format", "indent", "wordwrap", "center", "xmlattr", "urlize")
"""Built-in filters that return Markup without Markdown escaping; replaced or removed."""


class Sandbox(SandboxedEnvironment):
    """Jinja's sandbox, its verdict on each attribute a template reads kept per type of object and attribute name.

    The sandbox asks, on every attribute a template reads (600,000 at 365 articles), whether it is safe: not
    private, not one of the internals of functions, methods, classes, frames and generators. That answer depends
    only on the attribute's name and on what kind of object holds it (:func:`jinja2.sandbox.is_internal_attribute`
    tests the object's type against Python's own types, and the name), so it is asked once per kind and name; it was
    a sixth of the render stage's time (measured in one process on the 365-article benchmark corpus). Every check
    the sandbox makes still applies."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._verdicts: dict[tuple[type, str], bool] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        key = (type(obj), attr)
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = self._verdicts[key] = super().is_safe_attribute(obj, attr, value)
        return verdict


@dataclass
class RenderedPage:
    """A rendered Markdown page and its path inside the docs folder."""

    path: str
    text: str | None
    """The Markdown, or None when the file the last build wrote is still right (see :mod:`generator.cache`)."""
    released: bool = False
    """Whether its Markdown was forgotten once written (:meth:`release`)."""

    def encoded(self) -> bytes:
        """Its Markdown as the file holds it (UTF-8)."""
        if self.text is None:
            raise ValueError(f"{self.path}: no Markdown (unchanged, or released once written)")
        return self.text.encode("utf-8")

    def release(self) -> None:
        """Forget its Markdown, now in its file."""
        self.text, self.released = None, True


def _join(items: Iterable[Any], separator: str = ", ") -> Markup:
    return Markup(escape.inline(separator)).join(escape.inline(item) for item in items)


def make_environment(
    templates_dir: Path, labels: Labels, formatter: Formatter, filters: dict[str, Callable[..., Any]], shared_outlines: bool = True
) -> SandboxedEnvironment:
    """The one Jinja environment every page is rendered with; ``filters`` are the contributors' own. Maps draw the
    outlines from the file every page shares (``shared_outlines``), or inline: a page opened from the file system
    (the offline edition) may not use another file's shapes."""
    environment = Sandbox(
        loader=FileSystemLoader(templates_dir),
        undefined=StrictUndefined,
        autoescape=True,
        finalize=escape.inline,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    for name in UNSAFE_FILTERS:
        environment.filters.pop(name, None)
    environment.filters.update(
        join=_join,
        paragraphs=escape.paragraphs,
        front_matter=escape.front_matter,
        anchor=escape.anchor,
        url=escape.url,
        when=formatter.when,
        date=formatter.date,
        month=formatter.month,
        place=formatter.place,
        weapon=formatter.weapon,
        number=formatter.number,
        quantity=formatter.quantity,
        party=formatter.party,
        parties=formatter.parties_list,
        country=formatter.country,
        language_name=formatter.language_name,
        theme=formatter.theme,
        hashes=lambda level: Markup("#" * int(level)),
        quoted=lambda text, language: escape.quoted(text, language, formatter.language),
        lang=lambda language: escape.lang_attribute(language, formatter.language),
        event_map=lambda items, links: event_map(
            items,
            links.published,
            formatter.place,
            _map_texts(labels),
            formatter.language,
            outlines=links.published_file(MAP_OUTLINES) if shared_outlines else None,
        ),
        **filters,
    )
    environment.globals.update(L=labels, directions=list(Direction), themes=Theme, data_page=DATA)
    return environment


def _map_texts(labels: Labels) -> MapTexts:
    return MapTexts(str(labels.map_title), str(labels.map_description), str(labels.map_list), str(labels.map_outside))


def template_location(error: Exception, template: str) -> str:
    """``file:line`` of the template line that failed: where a syntax error is, or the innermost template frame."""
    return template_line(error, ".j2") or template


def render_site(plan: SitePlan, settings: Settings, content: Content, cached: bool = True) -> list[RenderedPage]:
    """The render stage: the environment with every contributor's filters, then the pages; with ``cached``, through
    the render cache beside the docs folder, which is saved for the next build."""
    formatter = content.formatter(settings.labels, settings.language)
    filters = {name: function for contributor in content.contributors for name, function in contributor.filters(formatter).items()}
    environment = make_environment(settings.paths.templates, settings.labels, formatter, filters, not settings.paths.offline)
    if not cached:
        return render_pages(plan, environment, content.shared)
    cache = RenderCache(settings.paths.cache, settings.paths.templates, settings.language, content.fingerprint)
    pages = render_pages(plan, environment, content.shared, cache, settings.paths.docs)
    cache.save()
    return pages


def render_pages(
    plan: SitePlan,
    environment: SandboxedEnvironment,
    shared: Any,
    cache: RenderCache | None = None,
    docs: Path | None = None,
) -> list[RenderedPage]:
    """Render every page of the plan; with a cache, only those whose inputs changed since the last build into ``docs``.

    ``shared`` (party names, the editors' places) is fingerprinted with each page: names are looked up while rendering.
    """
    stale: list[tuple[int, str]] = []
    for index, page in enumerate(plan.pages):
        inputs = cache.fingerprint(page, shared) if cache else ""
        if not (cache and docs and cache.is_fresh(page.path, inputs, plan.target_of, docs)):
            stale.append((index, inputs))
    outputs = dict(zip((index for index, _ in stale), _render_each(plan, environment, [index for index, _ in stale]), strict=True))
    for index, inputs in stale:
        text, used = outputs[index]
        if cache:
            cache.record(plan.pages[index].path, inputs, used, text)
    if cache:
        cache.keep_only(page.path for page in plan.pages)
    return [RenderedPage(page.path, outputs[index][0] if index in outputs else None) for index, page in enumerate(plan.pages)]


PARALLEL_FROM = 200
"""Pages to render from which the work is shared between processes (below, starting them costs more than it saves)."""


def _render_each(plan: SitePlan, environment: SandboxedEnvironment, indices: list[int]) -> list[tuple[str, dict[str, str]]]:
    """The Markdown and the record links used of each of these pages of the plan, in their order: pages render
    independently of one another, so with many of them the work is shared between processes (:mod:`generator.parallel`)."""
    progress.counting("render: pages", len(indices))
    if len(indices) >= PARALLEL_FROM:
        for kind in {page.kind.template for page in plan.pages}:
            environment.get_template(kind)  # compiled once, before the processes are forked
    return fork_map(lambda index: _render_page(plan, environment, index), indices, PARALLEL_FROM)


def _render_page(plan: SitePlan, environment: SandboxedEnvironment, index: int) -> tuple[str, dict[str, str]]:
    """One page of the plan through its template: its Markdown, and where each record it links to was found."""
    page = plan.pages[index]
    links = Links(page.path, plan.homes, plan.aliases, plan.directory_urls)
    try:
        variables = {name: value.view() if isinstance(value, Viewable) else value for name, value in page.variables.items()}
        text = environment.get_template(page.kind.template).render(page=page, links=links, **variables)
    except TemplateError as error:
        raise RenderError(f"{template_location(error, page.kind.template)}: {error} (rendering {page.path})") from error
    except TEMPLATE_FAILURES as error:  # raised by what a template does
        where = template_location(error, page.kind.template)
        raise RenderError(f"{where}: {type(error).__name__}: {error} (rendering {page.path})") from error
    return text, links.used
