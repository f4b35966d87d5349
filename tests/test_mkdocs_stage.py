"""The MkDocs stage: what it reads from mkdocs.yml, and what it gives MkDocs in code, for builds and for `briefing serve` alike."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from mkdocs.config import load_config

from conftest import ROOT, config_in
from generator.escape import LinearEscapes
from generator.mkdocs_stage import load_site_config, read_engine_settings, serve_hook


def _has_linear_escapes(extensions: Sequence[object]) -> bool:
    return any(isinstance(extension, LinearEscapes) for extension in extensions)


def test_the_settings_come_from_mkdocs_yml(tmp_path: Path) -> None:
    assert read_engine_settings(ROOT / "mkdocs.yml").language == "fr"
    assert read_engine_settings(config_in(tmp_path, "en")).language == "en"
    assert read_engine_settings(ROOT / "mkdocs.yml").directory_urls is True


def test_a_build_and_the_live_server_both_get_the_linear_time_escapes(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    built = load_site_config(ROOT / "mkdocs.yml", docs_dir=str(tmp_path / "docs"), site_dir=str(tmp_path / "site"))
    assert _has_linear_escapes(built.markdown_extensions)
    served = load_config(config_file=str(ROOT / "mkdocs.yml"), docs_dir=str(tmp_path / "docs"))
    assert not _has_linear_escapes(served.markdown_extensions), "premise: mkdocs.yml itself does not name them"
    assert _has_linear_escapes(serve_hook.on_config(served).markdown_extensions)
