"""MkDocs hooks used only by ``briefing serve``: our Markdown extensions on every (re)load of the config, a re-render
of the pages before each rebuild, and the engine's page cache (:mod:`generator.mkdocs_stage.page_cache`) through
every rebuild, as ``briefing build`` has it as a plugin."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator.mkdocs_stage import after_rebuild, allow_live_reload, before_rebuild, serve_config, serve_page_cache


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Called by MkDocs each time it loads the configuration: the same extensions as ``briefing build``, a page cache."""
    return serve_config(config)


def on_pre_build(config: MkDocsConfig) -> None:
    """Called by MkDocs before every (re)build."""
    before_rebuild()


def on_serve(server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., None]) -> LiveReloadServer:
    """Called by MkDocs once its server watches the docs folder: it stops watching it. The generator writes that
    folder at the start of every rebuild, and MkDocs would see those writes as an edit and build once more; what
    an editor edits (content, templates, ``mkdocs.yml``) is watched instead. Its pages carry the site's policy, which
    is made to let the live-reload script it adds run."""
    server.unwatch(config.docs_dir)
    return allow_live_reload(server)


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    cache = serve_page_cache()
    return cache.on_files(files, config=config) if cache else files


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    cache = serve_page_cache()
    return cache.on_nav(nav, config=config, files=files) if cache else nav


def on_pre_page(page: Page, *, config: MkDocsConfig, files: Files) -> Page:
    cache = serve_page_cache()
    return cache.on_pre_page(page, config=config, files=files) if cache else page


def on_env(env: Any, *, config: MkDocsConfig, files: Files) -> Any:
    cache = serve_page_cache()
    return cache.on_env(env, config=config, files=files) if cache else env


def on_post_build(config: MkDocsConfig) -> None:
    """Called by MkDocs after every (re)build."""
    after_rebuild()
