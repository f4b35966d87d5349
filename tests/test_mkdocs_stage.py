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


def test_the_navigation_leaves_out_the_pages_a_build_has_not_made(tmp_path: Path) -> None:
    """No Air Force report imported, no Air Force page, so no tab (for a build and for the live server alike); a
    section whose pages are all absent goes too, a link off the site stays."""
    docs = tmp_path / "docs"
    (docs / "places").mkdir(parents=True)
    for page in ("index.md", "attribution.md", "places/index.md"):
        (docs / page).write_text("# x\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("custom_dir: templates/", f"custom_dir: {ROOT}/templates/")
    text = text.replace(
        "  - weapons/index.md\n", "  - weapons/index.md\n  - More:\n    - weapons/other.md\n  - Data: https://example.org/\n"
    )
    config.write_text(text, encoding="utf-8")
    expected = ["index.md", "attribution.md", "places/index.md", {"Data": "https://example.org/"}]
    assert load_site_config(config, docs_dir=str(docs), site_dir=str(tmp_path / "site")).nav == expected
    assert serve_hook.on_config(load_config(config_file=str(config), docs_dir=str(docs))).nav == expected
