"""MkDocs hook used only by ``briefing serve``: re-render the pages before each rebuild."""

from __future__ import annotations

from typing import Any

from generator.mkdocs_stage import before_rebuild


def on_pre_build(config: Any) -> None:
    """Called by MkDocs before every (re)build."""
    before_rebuild()
