"""Render the briefing views through the Jinja templates into Markdown pages.

Content is passed to templates only as variables, never as template source.
The environment is sandboxed, fails on undefined variables, and escapes every
``{{ value }}`` for Markdown (see :mod:`generator.escape`) unless the value is
already-safe :class:`~markupsafe.Markup`. Built-in filters that would mark
untrusted text safe without Markdown escaping are removed.
"""

from __future__ import annotations

import traceback
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined, TemplateError, TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from generator import escape
from generator.cache import RenderCache
from generator.catalogue import Formatter, Labels
from generator.digest import Total
from generator.errors import RenderError
from generator.layout import Layout
from generator.links import Links
from generator.model import Corpus, Direction, Quantity
from generator.pages import plan_pages

UNSAFE_FILTERS = ("safe", "e", "escape", "forceescape", "join", "replace", "format", "indent", "wordwrap", "center", "xmlattr", "urlize")
"""Built-in filters that return Markup without Markdown escaping; replaced or removed."""


@dataclass(frozen=True)
class Page:
    """A rendered Markdown page and its path inside the docs folder."""

    path: str
    text: str | None
    """The Markdown, or None when the file the last build wrote is still right (see :mod:`generator.cache`)."""


def _join(items: Iterable[Any], separator: str = ", ") -> Markup:
    return Markup(escape.inline(separator)).join(escape.inline(item) for item in items)


def make_environment(templates_dir: Path, labels: Labels, formatter: Formatter) -> SandboxedEnvironment:
    """The one Jinja environment every page is rendered with."""
    environment = SandboxedEnvironment(
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
        quantity=formatter.quantity,
        party=formatter.party,
        parties=formatter.parties_list,
        country=formatter.country,
        total=lambda total: _format_total(total, formatter),
        hashes=lambda level: Markup("#" * int(level)),
    )
    environment.globals.update(L=labels, directions=list(Direction))
    return environment


def _format_total(total: Total, formatter: Formatter) -> str:
    words = ", ".join(str(formatter.labels.vague[vague.value]) for vague in total.vague)
    if not total.has_number:
        return words
    number = formatter.quantity(_as_quantity(total))
    return str(formatter.labels.sum_and.format(number=number, vague=words)) if words else number


def _as_quantity(total: Total) -> Quantity:
    return Quantity(exact=total.low) if total.low == total.high else Quantity(low=total.low, high=total.high)


def template_location(error: TemplateError, template: str) -> str:
    """``file:line`` of the template line that failed: where a syntax error is, or the innermost template frame."""
    if isinstance(error, TemplateSyntaxError) and error.filename:
        return f"{error.filename}:{error.lineno}"
    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename.endswith(".j2")]
    if frames:
        return f"{frames[-1].filename}:{frames[-1].lineno}"
    return template


def render_pages(
    corpus: Corpus,
    layout: Layout,
    environment: SandboxedEnvironment,
    formatter: Formatter,
    cache: RenderCache | None = None,
    docs: Path | None = None,
) -> list[Page]:
    """Render every page of the site; with a cache, only those whose inputs changed since the last build into ``docs``."""
    pages = []
    jobs = plan_pages(corpus, layout, formatter)
    for job in jobs:
        inputs = cache.fingerprint(job.template, job.page, job.variables, corpus.parties) if cache else ""
        if cache and docs and cache.is_fresh(job.page.path, inputs, layout.home_of, docs):
            pages.append(Page(job.page.path, None))
            continue
        links = Links(job.page.path, layout)
        try:
            text = environment.get_template(job.template).render(page=job.page, links=links, **job.variables)
        except TemplateError as error:
            raise RenderError(f"{template_location(error, job.template)}: {error} (rendering {job.page.path})") from error
        if cache:
            cache.record(job.page.path, inputs, links.used, text)
        pages.append(Page(job.page.path, text))
    if cache:
        cache.keep_only(job.page.path for job in jobs)
    return pages
