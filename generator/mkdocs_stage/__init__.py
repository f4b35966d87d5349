"""The MkDocs stage: the one door to the site engine, MkDocs 1.x with Material for MkDocs.

Everything MkDocs-specific lives here: reading ``mkdocs.yml`` for the two
settings the generator needs before the engine runs (the language, directory
URLs); registering in code what only MkDocs has (the linear-time escapes
Markdown extension, :class:`~generator.escape.LinearEscapes`; the hook that
re-renders before each rebuild of ``briefing serve``); a strict build into a
staging folder, dated from the content; the live-reloading server.

The docs folder the generator writes and ``mkdocs.yml`` stay buildable by
Zensical, Material's successor, which reads the same file (the test suite
builds the shipped docs with it): moving engines means replacing this module.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import TemplateError
from material.plugins.offline.plugin import OfflinePlugin
from mkdocs.commands import serve as serve_module
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.commands.serve import serve as mkdocs_serve
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.livereload import LiveReloadServer
from mkdocs.utils.yaml import yaml_load

from generator.errors import TEMPLATE_FAILURES, ConfigError, SiteBuildError, template_line
from generator.escape import LinearEscapes
from generator.mkdocs_stage.linked_files import LinkedFiles
from generator.mkdocs_stage.page_cache import PageCache
from generator.mkdocs_stage.search import SearchAliases
from generator.progress import NOTICE
from generator.sanitize import SiteMarkup, allow_script, sanitize_site
from generator.timeline import SITE_TIMEZONE
from generator.urls import OFFLINE_SHIM

SITE_MARKUP = SiteMarkup(
    article_start='<article class="md-content__inner md-typeset">',
    article_end="</article>",
    search_index=Path("search") / "search_index.json",
)
"""Where Material puts the content in each page, and where its search plugin writes the index: what the sanitise stage cleans."""
SITE_MARKER = SITE_MARKUP.search_index
"""A file every site this stage builds has: a folder without it is not a site the generator built."""


log = logging.getLogger(__name__)


PLACEHOLDER_SITE_URL = "https://briefing.example.org/"
"""The ``site_url`` the shipped ``mkdocs.yml`` holds until the publisher sets the real address."""


@dataclass(frozen=True)
class EngineSettings:
    """What the generator reads from ``mkdocs.yml`` before building: the site language, the URL style, the time zone."""

    language: str
    directory_urls: bool
    timezone: str
    site_url: str | None = None


def _raw_config(config_file: Path) -> dict[str, Any]:
    """``mkdocs.yml`` as YAML, before MkDocs validates it (empty when it is not a mapping)."""
    try:
        with config_file.open(encoding="utf-8") as handle:
            raw = yaml_load(handle)
    except (OSError, MkDocsException) as error:
        raise ConfigError(f"{config_file}: {error}") from error
    return raw if isinstance(raw, dict) else {}


def read_engine_settings(config_file: Path) -> EngineSettings:
    """``theme.language`` (default ``en``), ``use_directory_urls`` (default true), ``extra.timezone`` (default
    Europe/Kyiv) and ``site_url`` (none by default), read before the docs folder exists."""
    raw = _raw_config(config_file)
    theme, extra = raw.get("theme"), raw.get("extra")
    language = str(theme.get("language", "en")) if isinstance(theme, dict) else "en"
    timezone = str(extra.get("timezone", SITE_TIMEZONE)) if isinstance(extra, dict) else SITE_TIMEZONE
    site_url = raw.get("site_url")
    published = site_url if isinstance(site_url, str) and site_url else None
    return EngineSettings(language, bool(raw.get("use_directory_urls", True)), timezone, published)


def engine_inputs(config_file: Path) -> list[Path]:
    """What the engine reads besides the docs folder and ``config_file`` itself: the theme's ``custom_dir``, the
    ``hooks`` and an ``INHERIT``-ed configuration, resolved as MkDocs resolves them (beside ``config_file``)."""
    try:
        raw = _raw_config(config_file)
    except ConfigError:
        return []  # the settings stage reports it
    theme, hooks, inherited = raw.get("theme"), raw.get("hooks"), raw.get("INHERIT")
    found = [theme["custom_dir"]] if isinstance(theme, dict) and isinstance(theme.get("custom_dir"), str) else []
    found += [hook for hook in hooks if isinstance(hook, str)] if isinstance(hooks, list) else []
    found += [inherited] if isinstance(inherited, str) else []
    return [config_file.parent / name for name in found]


def register_extensions(config: MkDocsConfig) -> MkDocsConfig:
    """What only this stage gives MkDocs, in code rather than in ``mkdocs.yml``: the linear-time escapes, and a
    navigation without the pages this build has not made (the Air Force's tab with no report imported)."""
    config.markdown_extensions.append(LinearEscapes())
    if config.nav is not None:
        config.nav = _present(config.nav, Path(config.docs_dir))
    return config


def _present(nav: list[Any], docs_dir: Path) -> list[Any]:
    """The navigation's entries whose page is in ``docs_dir`` (links elsewhere kept; a section left empty dropped)."""
    kept: list[Any] = []
    for entry in nav:
        title, target = next(iter(entry.items())) if isinstance(entry, dict) else (None, entry)
        if isinstance(target, list):
            children = _present(target, docs_dir)
            if children:
                kept.append({title: children})
        elif "://" in str(target) or (docs_dir / str(target)).is_file():
            kept.append(entry)
    return kept


def load_site_config(config_file: Path, **overrides: Any) -> MkDocsConfig:
    """Load ``mkdocs.yml`` with overrides (docs_dir, site_dir); strict always on; our extensions registered."""
    return register_extensions(load_config(config_file=str(config_file), strict=True, **overrides))


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings so a failed strict build can say why."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _warnings_counted(collector: _Collect) -> Iterator[None]:
    """Make sure MkDocs' warnings reach its strict-mode counter, whatever the logging level.

    Strict mode counts warnings with a handler on the ``mkdocs`` logger; a
    quieter level there (as ``-q`` sets) would drop them before they are
    counted, and a broken link would pass.
    """
    mkdocs_logger = logging.getLogger("mkdocs")
    level = mkdocs_logger.level
    if mkdocs_logger.getEffectiveLevel() > logging.WARNING:
        mkdocs_logger.setLevel(logging.WARNING)
    mkdocs_logger.addHandler(collector)
    try:
        yield
    finally:
        mkdocs_logger.removeHandler(collector)
        mkdocs_logger.setLevel(level)


LAST_EPOCH = calendar.timegm((2100, 12, 31, 23, 59, 59))
"""The latest build date a sitemap's gzip header can hold with room to spare (its time stamp ends in 2106)."""


@contextmanager
def _dated(day: dt.date) -> Iterator[None]:
    """Date the build from the content (unless SOURCE_DATE_EPOCH is set), so that builds are reproducible."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        given = os.environ["SOURCE_DATE_EPOCH"]
        if not given.isdigit() or int(given) > LAST_EPOCH:
            raise ConfigError(f"SOURCE_DATE_EPOCH: expected seconds since 1970 up to {LAST_EPOCH} (2100-12-31), got {given!r}")
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm(day.timetuple()))
    try:
        yield
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]


def build_site(
    config_file: Path,
    docs_dir: Path,
    staging: Path,
    build_date: dt.date,
    search_terms: Path,
    cache: Path | None = None,
    offline: bool = False,
) -> None:
    """A strict MkDocs build of ``docs_dir`` into ``staging``, dated ``build_date``; any warning fails it. The search
    index then gets the records' other names (``search_terms``, see :mod:`generator.mkdocs_stage.search`). With
    ``cache``, a folder, unchanged pages are taken from the last successful build (:mod:`generator.mkdocs_stage.page_cache`).
    ``offline``: the offline edition (:func:`_offline`)."""
    collector = _Collect()
    page_cache = PageCache(cache, config_file) if cache is not None else None
    try:
        with _warnings_counted(collector), _dated(build_date):
            where = {"docs_dir": str(docs_dir.resolve()), "site_dir": str(staging)}
            config = load_site_config(config_file, **where, **({"use_directory_urls": False} if offline else {}))
            if offline:
                _offline(config)
            config.plugins["briefing/search-aliases"] = SearchAliases(search_terms)
            if page_cache is not None:
                config.plugins["briefing/page-cache"] = page_cache
            config.plugins["briefing/linked-files"] = LinkedFiles()
            mkdocs_build(config)
        if not config.site_url or config.site_url.rstrip("/") == PLACEHOLDER_SITE_URL.rstrip("/"):
            log.log(
                NOTICE,
                "%s: site_url is %s: canonical links, link previews, the sitemap and the feeds point there; set "
                "it to the address the site is published at (a site under a sub-path, https://example.org/briefing/, "
                "needs it)",
                config_file,
                f"the placeholder {PLACEHOLDER_SITE_URL}" if config.site_url else "not set (404.html links to the host's root)",
            )
        if collector.messages:  # strict mode should have stopped already; never publish past a warning
            raise MkDocsException(f"{len(collector.messages)} warning(s) in strict mode")
        if page_cache is not None:
            page_cache.commit()
    except (MkDocsException, SystemExit) as error:
        details = "\n".join(f"  {message}" for message in collector.messages) or f"  {error}"
        raise SiteBuildError(f"{config_file}: MkDocs build failed:\n{details}") from error
    except THEME_ERRORS as error:  # the theme's templates, ours among them (templates/overrides/), or what they call
        raise SiteBuildError(f"{theme_failure(error)}\nThe theme could not render the pages.") from error


def _offline(config: MkDocsConfig) -> None:
    """The settings of a site opened from the file system: Material's offline plugin (pages as files, the search
    index as a script the page loads), and, where it would add a shim from unpkg.com for the search worker, the
    site's own (``OFFLINE_SHIM``, which loads only the site's files: the policy needs no inline script, only frames
    of the site's own, ``templates/overrides/main.html``)."""
    config.extra["polyfills"] = [*config.extra.get("polyfills", []), OFFLINE_SHIM]
    plugin = OfflinePlugin()
    plugin.load_config({})
    config.plugins[OFFLINE_PLUGIN] = plugin


OFFLINE_PLUGIN = "material/offline"
"""The name the offline edition's plugin is registered under (the theme override reads it)."""


THEME_ERRORS = (TemplateError, *TEMPLATE_FAILURES)
"""What a theme template raises when it fails (Jinja's errors, and those of what it does: ``1 // 0``)."""


def theme_failure(error: Exception) -> str:
    """``file:line: what`` of the theme template that failed (an override of ours, or the theme's own)."""
    what = str(error) if isinstance(error, TemplateError) else f"{type(error).__name__}: {error}"
    return f"{template_line(error, '.html') or 'MkDocs'}: {what}"


@dataclass
class _Serving:
    """What the serve hook (:mod:`generator.mkdocs_stage.serve_hook`) needs between MkDocs' calls (set by :func:`serve`)."""

    rebuild: Callable[[], None]
    """Called before every (re)build: the generator's stages."""
    guard: Callable[[], AbstractContextManager[None]]
    """Held through every (re)build: the docs folder's lock (:mod:`generator.lock`)."""
    search_terms: Path
    """Where the records' other names are read after each (re)build."""
    config_file: Path
    cache: Path
    """The engine's page cache of the preview (its own: the preview's site address differs from the site's)."""
    sanitise_record: Path
    """What the sanitise stage made of each page of the preview last time (the preview's own, as its cache is)."""
    page_cache: PageCache | None = None
    """The page cache of the (re)build under way."""
    warnings: _Collect = field(default_factory=_Collect)
    """MkDocs' warnings of the (re)build under way: a rebuild that warned leaves the page cache as it was, so that
    its pages are converted, and warn, again next time (the preview is not strict)."""


_serving: _Serving | None = None


def serve_config(config: MkDocsConfig) -> MkDocsConfig:
    """Called by the serve hook each time MkDocs loads the configuration (once per rebuild): our extensions, and a
    page cache for the rebuild to come."""
    config = register_extensions(config)
    if _serving is None:
        return config
    _serving.page_cache = PageCache(_serving.cache, _serving.config_file)
    _serving.warnings.messages.clear()
    return _serving.page_cache.on_config(SearchAliases(_serving.search_terms).on_config(config))


def serve_page_cache() -> PageCache | None:
    """The page cache of the preview's rebuild under way, if any."""
    return _serving.page_cache if _serving is not None else None


def before_rebuild() -> None:
    """Called by the serve hook before every (re)build."""
    if _serving is not None:
        _serving.rebuild()


def after_rebuild() -> None:
    """Called by the serve hook after every (re)build that succeeded: the page cache kept for the next rebuild."""
    if _serving is None:
        return
    if _serving.page_cache is not None and not _serving.warnings.messages:
        _serving.page_cache.commit()


def _kept_on_failure(build: Callable[..., None]) -> Callable[..., None]:
    """MkDocs' build, as ``mkdocs serve`` calls it, made to leave the pages served as they were when it fails.

    MkDocs empties the served folder and builds into it; a build that fails (an error in a theme template, a
    plugin's) leaves it half written, and its server then holds every request until a build succeeds ("the server
    will appear stuck"). Here each rebuild goes into a folder of its own, put in place of the served one only when
    it succeeded; a failure is said once, in one message, and the last good pages stay served."""

    def guarded(config: MkDocsConfig, **options: Any) -> None:
        assert _serving is not None
        served = Path(config.site_dir)
        fresh = served.with_name(served.name + ".next")
        shutil.rmtree(fresh, ignore_errors=True)
        config.site_dir = str(fresh)
        try:
            with _serving.guard():
                build(config, **options)
                sanitize_site(fresh, SITE_MARKUP, served if served.is_dir() else None, _serving.sanitise_record)
        except (Exception, SystemExit) as error:
            shutil.rmtree(fresh, ignore_errors=True)
            reason = theme_failure(error) if isinstance(error, THEME_ERRORS) else f"{error}"
            log.error("the preview could not be rebuilt: %s\nThe last good pages are still served.", reason or type(error).__name__)
            return
        finally:
            config.site_dir = str(served)
        retired = served.with_name(served.name + ".old")
        shutil.rmtree(retired, ignore_errors=True)
        served.rename(retired)
        fresh.rename(served)
        shutil.rmtree(retired, ignore_errors=True)

    return guarded


def serve(
    config_file: Path,
    docs_dir: Path,
    watched: list[Path],
    dev_addr: str,
    rebuild: Callable[[], None],
    guard: Callable[[], AbstractContextManager[None]],
    search_terms: Path,
    cache: Path,
    sanitise_record: Path,
) -> None:
    """MkDocs' live-reloading server on ``docs_dir``, calling ``rebuild`` first whenever a watched file changes, each
    rebuild holding ``guard``; an unchanged page comes from the preview's page cache (the folder ``cache``); each
    rebuild goes through the sanitise stage as a published build does (its record ``sanitise_record``), so that the
    preview serves what readers get, under the same Content-Security-Policy; a rebuild that fails, there too, leaves
    the last good pages served."""
    global _serving
    _serving = _Serving(rebuild, guard, search_terms, config_file, cache, sanitise_record)
    setattr(serve_module, "build", _kept_on_failure(mkdocs_build))  # noqa: B010 - mkdocs serve calls build() by this name
    logging.getLogger("mkdocs").addHandler(_serving.warnings)
    for name in ("generator", "mkdocs"):
        logging.getLogger(name).setLevel(logging.INFO)
    mkdocs_serve(
        config_file=str(config_file),
        livereload=True,
        watch=[str(path) for path in watched],
        docs_dir=str(docs_dir.resolve()),
        dev_addr=dev_addr,
        hooks=[str(Path(__file__).with_name("serve_hook.py"))],
        strict=False,
    )


def allow_live_reload(server: LiveReloadServer) -> LiveReloadServer:
    """The preview's server, made to add to each page's policy the hash of the live-reload script it injects in it
    (a script that differs on every request): the page is otherwise served as the sanitise stage left it."""
    inject: Callable[[bytes, int], bytes] = server._inject_js_into_html

    def injected(content: bytes, epoch: int) -> bytes:
        page = inject(content, epoch)
        body_end = content.rfind(b"</body>")
        start = body_end if body_end != -1 else len(content)
        added = page[start : len(page) - (len(content) - start)]
        if not (added.startswith(b"<script>") and added.endswith(b"</script>")):
            return page  # not the injection this was written for: the browser will refuse the script, and say so
        script = added[len(b"<script>") : -len(b"</script>")].decode("utf-8")
        return allow_script(page.decode("utf-8"), script).encode("utf-8")

    setattr(server, "_inject_js_into_html", injected)  # noqa: B010 - MkDocs' server calls it by this name
    return server
