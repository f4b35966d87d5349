"""``briefing export``: the validated content as one of the formats analysts load elsewhere."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator.articles import ArticlesContributor
from generator.articles.events import Events, group_events
from generator.contributors import contributors
from generator.exports.acled import acled_csv
from generator.exports.claims import claim_rows, claims_csv, claims_json
from generator.formatting import Formatter
from generator.labels import load_labels
from generator.load import load_content
from generator.settings import read_engine_timeline
from generator.validate import validate_content

Exporter = Callable[[Events, Formatter], bytes]

FORMATS: dict[str, Exporter] = {
    "acled": acled_csv,
    "claims-csv": lambda events, english: claims_csv(claim_rows(events, english)),
    "claims-json": lambda events, english: claims_json(claim_rows(events, english)),
}
"""Each format by the name ``--format`` takes."""


def export(format_name: str, content_dir: Path, config: Path, templates: Path) -> bytes:
    """The content of ``content_dir``, validated (:class:`~generator.errors.ContentError` lists every problem), as
    ``format_name``; events dated in the site's time zone (``config``); names in English (``templates``' labels)."""
    sources = contributors()
    content = validate_content(load_content(content_dir, sources), sources)
    events = group_events(content.find(ArticlesContributor).corpus, read_engine_timeline(config))
    english = content.formatter(load_labels(templates / "labels", "en"), "en")
    return FORMATS[format_name](events, english)
