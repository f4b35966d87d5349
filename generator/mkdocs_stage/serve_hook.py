"""MkDocs hooks used only by ``briefing serve``: our Markdown extensions on every (re)load of the config, and a
re-render of the pages before each rebuild."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from generator.mkdocs_stage import after_rebuild, before_rebuild, register_extensions


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Called by MkDocs each time it loads the configuration: the same extensions as ``briefing build``."""
    return register_extensions(config)


def on_pre_build(config: MkDocsConfig) -> None:
    """Called by MkDocs before every (re)build."""
    before_rebuild()


def on_post_build(config: MkDocsConfig) -> None:
    """Called by MkDocs after every (re)build."""
    after_rebuild(Path(config.site_dir))
