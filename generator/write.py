"""Write rendered pages into the docs folder, touching only what changed."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from generator.render import Page


@dataclass(frozen=True)
class WriteReport:
    """Which pages were rewritten, left alone, or removed as stale."""

    written: list[str]
    unchanged: list[str]
    removed: list[str]


def write_pages(pages: list[Page], docs_dir: Path, assets_dir: Path) -> WriteReport:
    """Write each page whose bytes differ from what is on disk; remove Markdown no page produces."""
    docs_dir.mkdir(parents=True, exist_ok=True)
    written, unchanged = [], []
    kept = [page.path for page in pages if page.text is None]
    files = [(page.path, page.text.encode("utf-8")) for page in pages if page.text is not None]
    files += [(f"assets/{asset.name}", asset.read_bytes()) for asset in sorted(assets_dir.iterdir()) if asset.is_file()]
    for relative, data in files:
        target = (docs_dir / relative).resolve()
        if not target.is_relative_to(docs_dir.resolve()):
            raise ValueError(f"refusing to write {relative!r} outside {docs_dir}")
        if target.is_file() and target.read_bytes() == data:
            unchanged.append(relative)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.tmp")
        temporary.write_bytes(data)
        temporary.replace(target)
        written.append(relative)
    unchanged += kept
    expected = {relative for relative, _ in files} | set(kept)
    removed = []
    for stale in sorted(docs_dir.rglob("*")):
        relative = stale.relative_to(docs_dir).as_posix()
        if stale.is_file() and relative not in expected:
            stale.unlink()
            removed.append(relative)
    for folder in sorted((p for p in docs_dir.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            shutil.rmtree(folder)
    return WriteReport(written, unchanged, removed)
