"""The engine's page cache: an unchanged page is not converted, indexed or themed again.

MkDocs converts, indexes and themes every page on every build. This plugin
(registered in code by :func:`generator.mkdocs_stage.build_site`, never in
``mkdocs.yml``) keeps, per page, what those steps produced the last time the
build succeeded: the theme's output, the search entries, the title, the
anchors the page has and the anchors it links to, and which files its links
looked up. A page is taken from the cache when

- its Markdown (after the other plugins' ``page_markdown``), its path, the
  configuration, the theme overrides, the generator's code and the versions of
  the libraries that shape the output are what they were (the *page key*);
- every file its links looked up still exists or is still missing as it was
  (links are resolved and checked against the files of this build); and
- the navigation every page shows (titles and addresses) is what it was (the
  *site key*); otherwise its Markdown is converted again and its page themed.

Anchors are still validated by MkDocs over every page, cached or not, from the
anchors each page has now. Nothing is kept from a build that failed: each
page's themed HTML is written as the build goes (``pages/<entry>.html``), and the
manifest, which says which entry each page may use and holds every entry's other
parts (one file: reading thousands of small ones cost more than a second), is
written only once the whole build has succeeded (see :meth:`PageCache.commit`).
A clean build and a build through the cache give the same bytes (``tests/test_engine_cache.py``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from collections.abc import Callable, Iterator, MutableMapping
from importlib import metadata
from pathlib import Path, PurePath
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator import progress
from generator.cache import CODE_DIGEST, tree_digest
from generator.files import link_or_copy, write_atomically
from generator.mkdocs_stage import ahead

log = logging.getLogger(__name__)

FORMAT = 5
LIBRARIES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2", "markupsafe", "babel")
"""Libraries whose version changes what a page is converted or themed to."""
MANIFEST = "manifest.json"
WAITING = "converted"
"""Where the HTML of pages converted ahead waits (:meth:`PageCache.waiting_room`); emptied by every build that converts ahead."""


def _digest(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def _nav_lines(items: list[Any], depth: int = 0) -> list[str]:
    lines = []
    for item in items:
        lines.append(f"{depth}\t{type(item).__name__}\t{item.title}\t{getattr(item, 'url', '')}")
        if isinstance(item, Section):
            lines += _nav_lines(item.children, depth + 1)
    return lines


class PageCache(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Reuses each unchanged page's conversion, search entries and themed output (see the module's docstring)."""

    def __init__(self, folder: Path, config_file: Path) -> None:
        super().__init__()
        self.folder = folder
        self.config_file = config_file
        self.salt = ""
        self.committed: dict[str, str] = {}
        """Per page (source path): the entry the last successful build left it."""
        self.stored: dict[str, dict[str, Any]] = {}
        """Per entry: what the last successful build kept of its page but the themed HTML (a file of its own)."""
        self.kept: dict[str, str] = {}
        """Per entry this build leaves: the same, as JSON, written when its page is themed (the search plugin changes
        its entries in place once every page is done)."""
        self.manifest: dict[str, str] = {}
        """Per page: the entry this build leaves it."""
        self.entries: dict[str, dict[str, Any]] = {}
        """Per page taken from the cache: its entry, until the navigation says whether its themed output stands."""
        self.fresh: dict[str, dict[str, Any]] = {}
        """Per page converted by this build: its entry, as it is gathered."""
        self.sources: dict[str, list[int] | None] = {}
        """Per page: its source file's modification time and size, which say whether the page is worth converting
        ahead (:mod:`generator.mkdocs_stage.ahead`); its Markdown alone says whether its entry stands."""
        self.converted: dict[str, ahead.Converted] = {}
        """Per page converted ahead: the conversion, taken if the page's Markdown is the one converted."""
        self.waited = 0
        """Pages whose HTML came back from its file here (those themed ahead took theirs in a forked copy)."""
        self.waiting: dict[str, Path] = {}
        """Per page converted ahead: the file its HTML waits in until it is indexed and themed (:meth:`content_of`)."""
        self.themed_ahead: set[str] = set()
        """Pages themed ahead: their entries are this build's own."""
        self.unread: dict[str, Callable[[MkDocsConfig], None]] = {}
        """Per page whose source is the file its committed entry was made from: how to read it after all (its
        Markdown is not read, nor its front matter parsed, unless something needs them)."""
        self.files: Files | None = None
        self.nav: Navigation | None = None
        self.site_key = ""
        self.hits = 0
        self._config: MkDocsConfig | None = None

    # MkDocs events, in the order MkDocs calls them.

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """The salt (what every page's output depends on besides its own Markdown), the last build's manifest, and
        the search plugin's index made to go through the cache."""
        theme_dir = config.theme.custom_dir
        theme = tree_digest([Path(theme_dir)]) if theme_dir else ""
        versions = ",".join(f"{name}={metadata.version(name)}" for name in LIBRARIES)
        self.salt = _digest(str(FORMAT), self.config_file.read_bytes(), CODE_DIGEST, theme, versions, config.site_url or "")
        try:
            found = json.loads((self.folder / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            found = {}
        if isinstance(found, dict) and found.get("salt") == self.salt:
            self.committed, self.stored = found.get("pages", {}), found.get("entries", {})
        self._config = config
        search = config.plugins.get("material/search")
        index = getattr(search, "search_index", None)
        if index is not None:
            add = index.add_entry_from_context
            index.add_entry_from_context = lambda page: self.search_entries(page, add, index.entries)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.files = files
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Every page is known: those whose source changed since the last build are converted ahead."""
        self.nav = nav
        for file in files.documentation_pages():
            self.sources[file.src_uri] = _stat(file)
        self.converted = ahead.convert(self, config, files, self._changed)
        return nav

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        """Read the page's source only if it is not the file its entry was made from; convert its Markdown only if
        the cache has nothing for it; else take what the conversion gave."""
        render, read = page.render, page.read_source
        uri = page.file.src_uri

        def read_unless_unchanged(config: MkDocsConfig) -> None:
            meta = self._unchanged_meta(uri, config)
            if meta is None:
                read(config)
                return
            page.markdown, page.meta = "", meta
            self.unread[uri] = read

        def cached_or_rendered(config: MkDocsConfig, files: Files) -> None:
            unread = self._committed(uri)[1] if uri in self.unread else None
            entry = self._entry(uri, unread["key"], files) if unread is not None else None
            if entry is None:
                self._read(page)
                entry = self._entry(uri, key := _digest(self.salt, uri, page.markdown or ""), files)
            else:
                key = entry["key"]
            converted = self.converted.pop(uri, None)
            if entry is not None:
                self.entries[uri] = entry | {"render": render}
                _restore(page, entry, "", get_toc([]), files)  # its search entries and themed output come from the entry
            elif converted is not None and converted.fresh["key"] == key:
                self.fresh[uri] = converted.fresh
                _restore(page, converted.fresh, converted.content, converted.toc, files)
                if converted.waiting is not None:
                    self.waiting[uri] = Path(converted.waiting)
                ahead.replay(converted.records)
            else:
                self._render(page, render, key, files)

        page.render = cached_or_rendered  # type: ignore[method-assign]
        page.read_source = read_unless_unchanged  # type: ignore[method-assign]
        return page

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Every page is read, so every title of the navigation is known: the site key; each page's theme output then
        goes through the cache."""
        assert self.nav is not None
        self.site_key = _digest(self.salt, "\n".join(_nav_lines(self.nav.items)))
        assert self.files is not None
        for uri in [uri for uri, entry in self.entries.items() if entry["site"] != self.site_key and uri in self.unread]:
            page = self.files.src_uris[uri].page
            if page is not None:
                self._read(page)  # converted again below or when themed (the navigation changed): its Markdown is needed
        get_template = env.get_template
        env.get_template = lambda *args, **kwargs: _Themed(get_template(*args, **kwargs), self)
        assert self.files is not None
        for uri, themed in ahead.theme(self, config, self.files, self.nav, env, self._pending).items():
            self.fresh.pop(uri, None)
            self.entries[uri] = json.loads(themed.kept)
            self.kept[themed.name] = themed.kept
            self.themed_ahead.add(uri)
            ahead.replay(themed.records)
            page = self.files.src_uris[uri].page
            if page is not None:
                page.content = ""  # themed and indexed already: not held until the build ends
        progress.counting("mkdocs: pages", len(self.files.documentation_pages()))
        return env

    # What the wrapped search index and templates call.

    def search_entries(self, page: Page, add: Callable[[Page], None], index_entries: list[Any]) -> None:
        """The search plugin's entries for one page: the cached ones, or the plugin's own, kept for next time."""
        entry = self._standing(page)
        if entry is not None:
            index_entries.extend(entry["search"])
            return
        self.content_of(page)
        before = len(index_entries)
        add(page)
        self.fresh[page.file.src_uri]["search"] = index_entries[before:]

    def themed(self, page: Page, render: Callable[[], str]) -> str:
        """The theme's output for one page: the theme's, kept for next time; or, for a page whose entry stands, the
        cached file itself put in place (hard-linked: neither read nor written again) and nothing returned, so that
        MkDocs writes nothing over it. The stages after the engine replace a page's file, never write into it."""
        uri = page.file.src_uri
        progress.advance()
        cached = self._standing(page)
        if cached is not None:
            entry = {field: value for field, value in cached.items() if field != "render"} | {"source": self.sources.get(uri)}
        else:
            entry = self.fresh.pop(uri) | {"site": self.site_key}
            entry.setdefault("search", [])
        name = self.manifest[uri] = _digest(entry["key"], entry["site"])
        if uri not in self.themed_ahead:
            self.hits += cached is not None
            self.kept[name] = json.dumps(entry, ensure_ascii=False)
        html = self.folder / "pages" / f"{name}.html"
        if cached is not None:
            link_or_copy(html, Path(page.file.abs_dest_path))
            _LINKED.add(page.file.src_uri)
            return ""
        self.content_of(page)
        output = render()
        write_atomically(html, output.encode("utf-8", errors="xmlcharrefreplace"))  # as MkDocs writes a page
        return output

    def waiting_room(self) -> Path:
        """An empty folder for the HTML of pages converted ahead, until they are indexed and themed."""
        folder = self.folder / WAITING
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        return folder

    def content_of(self, page: Page) -> None:
        """Give a page converted ahead its HTML back, from the file it waited in."""
        stored = self.waiting.pop(page.file.src_uri, None)
        if stored is not None:
            page.content = stored.read_text(encoding="utf-8")
            self.waited += 1

    def commit(self) -> None:
        """The build succeeded: record which entry each page may use next time, and drop the others."""
        write_atomically(self.folder / MANIFEST, self._manifest())
        shutil.rmtree(self.folder / WAITING, ignore_errors=True)
        kept = set(self.manifest.values())
        for stale in (self.folder / "pages").iterdir():
            if stale.stem not in kept:
                stale.unlink()
        log.info(
            "engine cache: %d of %d page(s) reused, %d done ahead, %d converted ahead and held on disk until themed",
            self.hits,
            len(self.manifest),
            len(self.themed_ahead),
            len(self.waiting) + self.waited,
        )

    # Helpers.

    def _manifest(self) -> Iterator[bytes]:
        """The manifest, one JSON object, in pieces (it holds every page's search entries: not built whole in memory)."""
        pages = json.dumps(self.manifest, sort_keys=True)
        yield f'{{"salt":{json.dumps(self.salt)},"pages":{pages},"entries":{{'.encode()
        for index, name in enumerate(sorted(self.kept)):
            yield f"{',' if index else ''}{json.dumps(name)}:{self.kept[name]}".encode()
        yield b"}}"

    def _committed(self, uri: str) -> tuple[str | None, dict[str, Any] | None]:
        """The entry the last successful build left a page: its name and the entry (None, None when there is none)."""
        name = self.committed.get(uri)
        entry = self.stored.get(name) if name is not None else None
        return (name, entry) if isinstance(entry, dict) else (None, None)

    def _same_source(self, uri: str) -> dict[str, Any] | None:
        """The committed entry of a page whose source file is, by its identity (modification time, size, inode), the
        one the entry was made from; else None."""
        source, (_, entry) = self.sources.get(uri), self._committed(uri)
        return entry if source is not None and entry is not None and entry.get("source") == source else None

    def _entry(self, uri: str, key: str, files: Files) -> dict[str, Any] | None:
        """The committed entry of a page whose key matches and whose links would still resolve the same way."""
        name, entry = self._committed(uri)
        if entry is None or not (self.folder / "pages" / f"{name}.html").is_file():
            return None
        if entry.get("key") != key:
            return None
        known = files.src_uris  # the lookups are kept as Files.get_file_from_path normalises them: a dict's own lookups
        if any((target in known) != found for target, found in entry["lookups"].items()):
            return None
        return entry

    def _unchanged_meta(self, uri: str, config: MkDocsConfig) -> dict[str, Any] | None:
        """The front matter of a page whose source file is the one its committed entry was made from
        (:meth:`_same_source`); None when it must be read (a plugin reading or changing sources makes every page read)."""
        entry = self._same_source(uri)
        if entry is None or not isinstance(entry.get("meta"), str):
            return None
        if config.plugins.events["page_read_source"] or config.plugins.events["page_markdown"]:
            return None
        meta = json.loads(entry["meta"])
        return meta if isinstance(meta, dict) else None

    def _read(self, page: Page) -> None:
        """Read a page whose reading was put off (:meth:`_unchanged_meta`): its Markdown is needed after all."""
        read = self.unread.pop(page.file.src_uri, None)
        if read is not None:
            assert self._config is not None
            read(self._config)

    def _changed(self, page: Page) -> bool:
        """Whether the page's source is not the one the last successful build converted (or is new to the cache)."""
        return self._same_source(page.file.src_uri) is None

    def _pending(self, page: Page) -> bool:
        """Whether the page is still to be themed: converted by this build, or taken from the cache with another
        navigation."""
        uri = page.file.src_uri
        return uri in self.fresh or (uri in self.entries and self.entries[uri]["site"] != self.site_key)

    def _standing(self, page: Page) -> dict[str, Any] | None:
        """The entry of a page taken from the cache if it was themed with this navigation; else None, and a page taken
        from the cache is converted after all, before it is indexed and themed."""
        uri = page.file.src_uri
        entry = self.entries.get(uri)
        if entry is None or entry["site"] == self.site_key:
            return entry
        del self.entries[uri]
        assert self.files is not None
        self._render(page, entry["render"], entry["key"], self.files)
        return None

    def _render(self, page: Page, render: Callable[[MkDocsConfig, Files], None], key: str, files: Files) -> None:
        """Convert the page as MkDocs does, noting every file its links look up."""
        assert self._config is not None
        lookups: dict[str, bool] = {}
        original = files.get_file_from_path

        def looked_up(path: str) -> File | None:
            found = original(path)
            lookups[PurePath(path).as_posix()] = found is not None
            return found

        files.get_file_from_path = looked_up  # type: ignore[method-assign]
        try:
            render(self._config, files)
        finally:
            del files.get_file_from_path
        self.fresh[page.file.src_uri] = {
            "key": key,
            "title": page._title_from_render,
            "anchors": sorted(page.present_anchor_ids or ()),
            "links_to_anchors": {target.src_uri: links for target, links in (page.links_to_anchors or {}).items()},
            "lookups": lookups,
            "source": self.sources.get(page.file.src_uri),
            "meta": _as_json(page.meta),
        }


def _as_json(meta: MutableMapping[str, Any]) -> str | None:
    """A page's front matter as JSON, if JSON gives it back as it is (a date, say, would come back as text: such a
    page's source is read every time)."""
    try:
        text = json.dumps(meta, ensure_ascii=False, sort_keys=True)
    except (TypeError, ValueError):
        return None
    again = json.loads(text)
    return text if again == meta and _same_types(again, meta) else None


def _same_types(one: Any, other: Any) -> bool:
    if type(one) is not type(other):
        return False
    if isinstance(one, dict):
        return one.keys() == other.keys() and all(_same_types(one[key], other[key]) for key in one)
    if isinstance(one, list):
        return len(one) == len(other) and all(_same_types(a, b) for a, b in zip(one, other, strict=True))
    return True


def _stat(file: File) -> list[int] | None:
    """A source file's modification time, size and inode (None for a file with no source on disk)."""
    try:
        found = os.stat(file.abs_src_path) if file.abs_src_path else None
    except OSError:
        return None
    return [found.st_mtime_ns, found.st_size, found.st_ino] if found is not None else None


def _restore(page: Page, entry: dict[str, Any], content: str, toc: Any, files: Files) -> None:
    """Give a page what converting it gave (its entry's title and anchors, ``content`` and ``toc``)."""
    page.content, page.toc = content, toc
    page._title_from_render = entry["title"]
    page.present_anchor_ids = set(entry["anchors"])
    known = files.src_uris
    page.links_to_anchors = {target: dict(links) for uri, links in entry["links_to_anchors"].items() if (target := known.get(uri))}


_LINKED: set[str] = set()
"""Pages whose cached output was put in place: MkDocs' note that it wrote nothing for them is not news."""


class _Quiet(logging.Filter):
    """Drops MkDocs' "Page skipped: ... Generated empty output" for the pages the cache put in place itself."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not (message.startswith("Page skipped: '") and message.split("'", 2)[1] in _LINKED)


logging.getLogger("mkdocs.commands.build").addFilter(_Quiet())


class _Themed:
    """A theme template whose pages' output goes through the cache (other templates, the 404 page, render as they are)."""

    def __init__(self, template: Any, cache: PageCache) -> None:
        self.template = template
        self.cache = cache

    def render(self, context: dict[str, Any]) -> str:
        page = context.get("page")
        if isinstance(page, Page) and (page.file.src_uri in self.cache.entries or page.file.src_uri in self.cache.fresh):
            return self.cache.themed(page, lambda: str(self.template.render(context)))
        return str(self.template.render(context))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.template, name)
