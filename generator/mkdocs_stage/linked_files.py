"""The files beside the pages hard-linked into the site rather than copied.

MkDocs copies every file of the docs folder that is not a page (the pages'
tables, the charts, the archives, the site's assets) into the site, on every
build, into the staging folder that is new each time. At a year of data that is some 8,700 files and 400 MB: copying them cost
about 2 s of every build, a one-article change included (measured at 3,650
articles, ``make bench``). Linked, each is neither read nor written. Nothing
in a build writes into a file (each stage replaces one:
:func:`generator.files.write_atomically`; the sanitise stage only reads the
files that are not pages), so a linked file stays what the docs folder held when
the site was built; where the file system has no links, a copy. Only
``briefing build`` links (the preview of ``briefing serve`` copies, as MkDocs
does: its links would change the docs folder's files' change times, which the
published build's record holds).
"""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from generator.files import link_or_copy


def link_instead_of_copying(files: Files, docs_dir: str) -> Files:
    """Every file of the docs folder MkDocs would copy made to be linked instead. The theme's files are copied as
    before: every build links them, and each link changes their change time, which the published site's record of
    its files holds (:mod:`generator.last_build`); a file a plugin made in memory is written by MkDocs as before."""
    docs = os.path.join(os.path.abspath(docs_dir), "")
    for file in files:
        if not file.is_documentation_page() and file.abs_src_path is not None and os.path.abspath(file.abs_src_path).startswith(docs):
            file.copy_file = partial(_link, file)  # type: ignore[method-assign]
    return files


def _link(file: File, dirty: bool = False) -> None:
    """What :meth:`File.copy_file` does, by a link: a dirty build leaves an unmodified file alone; a file already in
    place (a plugin's own, in the site folder) stays."""
    if dirty and not file.is_modified():
        return
    assert file.abs_src_path is not None
    source, target = Path(file.abs_src_path), Path(file.abs_dest_path)
    if os.path.abspath(source) == os.path.abspath(target):
        return
    link_or_copy(source, target)


class LinkedFiles(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """:func:`link_instead_of_copying` as a plugin (registered in code by :func:`generator.mkdocs_stage.build_site`)."""

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        return link_instead_of_copying(files, config.docs_dir)
