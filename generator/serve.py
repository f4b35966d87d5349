"""``briefing serve``: MkDocs' live-reloading server, with the generator re-rendering on every rebuild.

MkDocs watches ``content/`` and ``templates/`` besides its docs folder; each
rebuild first runs the generator (through the ``on_pre_build`` hook in
:mod:`generator.serve_hook`), which rewrites only the Markdown pages that
changed. Content errors are logged and the last good pages stay served.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.commands.serve import serve as mkdocs_serve

from generator.build import Paths, generate
from generator.errors import BriefingError

log = logging.getLogger(__name__)

_paths: Paths | None = None


def regenerate() -> None:
    """Re-render the pages for the running server; a content error is reported, not fatal."""
    if _paths is None:
        return
    try:
        _, _, report = generate(_paths)
    except BriefingError as error:
        log.error("%s\nThe last good pages are still served.", error)
        return
    if report.written:
        log.info("re-rendered: %s", ", ".join(report.written))


def serve(paths: Paths, dev_addr: str) -> None:
    """Render once, then serve with live reload until interrupted."""
    global _paths
    _paths = paths
    generate(paths)
    for name in ("generator", "mkdocs"):
        logging.getLogger(name).setLevel(logging.INFO)
    hook = Path(__file__).with_name("serve_hook.py")
    mkdocs_serve(
        config_file=str(paths.config),
        livereload=True,
        watch=[str(paths.content), str(paths.templates)],
        docs_dir=str(paths.docs.resolve()),
        dev_addr=dev_addr,
        hooks=[str(hook)],
        strict=False,
    )
