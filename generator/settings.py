"""Where a build reads and writes, and the settings read once at its start."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.errors import ConfigError
from generator.files import overlaps
from generator.labels import Labels, load_labels
from generator.mkdocs_stage import read_engine_settings
from generator.offline import Edition, latest_edition
from generator.timeline import Timeline, site_timezone


@dataclass(frozen=True)
class Paths:
    """Where a build reads and writes."""

    content: Path = Path("content")
    templates: Path = Path("templates")
    config: Path = Path("mkdocs.yml")
    docs: Path = Path("build/docs")
    site: Path = Path("site")
    offline: bool = False
    """The offline edition (:mod:`generator.offline`): pages as files (``x.html``), read from the file system."""

    def _beside_docs(self, suffix: str) -> Path:
        """A file or folder beside the docs folder, named after it (``build/docs`` + ``suffix``)."""
        docs = self.docs.resolve()
        return docs.with_name(docs.name + suffix)

    @property
    def cache(self) -> Path:
        """The render cache's fingerprints, beside the docs folder (``build/docs.cache.json``)."""
        return self._beside_docs(".cache.json")

    @property
    def engine_cache(self) -> Path:
        """The engine's page cache: each page's conversion, search entries and themed output from the last successful
        build (``build/docs.engine/``)."""
        return self._beside_docs(".engine")

    @property
    def preview_cache(self) -> Path:
        """The engine's page cache of ``briefing serve``, whose site address is the preview's (``build/docs.engine-serve/``)."""
        return self._beside_docs(".engine-serve")

    @property
    def sanitise_record(self) -> Path:
        """What the sanitise stage made of each page last time, to carry unchanged pages over (``build/docs.sanitised.json``)."""
        return self._beside_docs(".sanitised.json")

    @property
    def offline_store(self) -> Path:
        """The latest offline edition, packed, which every build of the site offers (``build/docs.offline/``)."""
        return self._beside_docs(".offline")

    @property
    def preview_sanitise_record(self) -> Path:
        """The sanitise stage's record of ``briefing serve``'s pages (``build/docs.sanitised-serve.json``)."""
        return self._beside_docs(".sanitised-serve.json")

    @property
    def load_cache(self) -> Path:
        """Each content file as last parsed, with the hash of its bytes (``build/docs.content/``, a few shards)."""
        return self._beside_docs(".content")

    @property
    def asset_record(self) -> Path:
        """What the write stage last wrote of each of the plan's files, by key (``build/docs.assets.json``)."""
        return self._beside_docs(".assets.json")

    @property
    def encodings(self) -> Path:
        """Each table row's CSV and JSON from the last build, by a digest of its cells (``build/docs.rows.marshal``,
        :class:`generator.exports.table.Encodings`)."""
        return self._beside_docs(".rows.marshal")

    @property
    def derived(self) -> Path:
        """What the plan derived from each event last time, by a key of what it was derived from
        (``build/docs.derived.marshal``, :mod:`generator.derived`)."""
        return self._beside_docs(".derived.marshal")

    @property
    def last_build(self) -> Path:
        """What the last successful build was made from and left (``build/docs.last-build.json``, :mod:`generator.last_build`)."""
        return self._beside_docs(".last-build.json")

    @property
    def search_terms(self) -> Path:
        """Other names of each record's places and weapons, for the engine's search index (``build/docs.search.json``)."""
        return self._beside_docs(".search.json")


@dataclass(frozen=True)
class Settings:
    """A build's paths, and what ``mkdocs.yml`` and the label catalogue say."""

    paths: Paths
    language: str
    directory_urls: bool
    labels: Labels
    timeline: Timeline
    """The site's time zone: where every day boundary is taken."""
    site_url: str | None = None
    """Where the site is published (``site_url`` in ``mkdocs.yml``): the feeds' absolute links."""
    edition: Edition | None = None
    """The offline edition the site offers (the store's latest); never one in the offline edition itself."""


def read_settings(paths: Paths) -> Settings:
    """Check the paths, then read ``mkdocs.yml`` and the label catalogue of its language, once."""
    check_paths(paths)
    engine = read_engine_settings(paths.config)
    labels = load_labels(paths.templates / "labels", engine.language)
    timeline = Timeline(site_timezone(engine.timezone))
    if paths.offline:  # opened from the file system: a page is a file, and the edition offers no edition
        return Settings(paths, engine.language, False, labels, timeline, engine.site_url)
    edition = latest_edition(paths.offline_store)
    return Settings(paths, engine.language, engine.directory_urls, labels, timeline, engine.site_url, edition)


def read_engine_timeline(config: Path) -> Timeline:
    """The site's time zone, from ``mkdocs.yml`` alone (for commands that build nothing)."""
    return Timeline(site_timezone(read_engine_settings(config).timezone))


def check_paths(paths: Paths) -> None:
    """Refuse outputs that would overwrite inputs or each other: the docs folder and the site are emptied by a build."""
    inputs = {"--content": paths.content, "--templates": paths.templates, "--config": paths.config}
    outputs = {"--docs-dir": paths.docs, "--output": paths.site}
    for output_name, output in outputs.items():
        resolved = output.resolve()
        if resolved == Path.cwd().resolve() or resolved == Path(resolved.anchor):
            raise ConfigError(f"{output_name} {output}: refusing to write into the working directory or the root")
        for other_name, other in [*inputs.items(), *((n, p) for n, p in outputs.items() if n != output_name)]:
            if overlaps(other, output):
                raise ConfigError(f"{output_name} {output}: overlaps {other_name} {other}; the build empties this folder")
