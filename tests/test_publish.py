"""The publish stage: the new site replaces the old in one swap, and a swap that fails leaves the old one in place."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import SiteBuildError
from generator.publish import publish, staging_folder

MARKER = Path("search") / "search_index.json"


def _site(folder: Path, text: str) -> Path:
    (folder / MARKER).parent.mkdir(parents=True)
    (folder / MARKER).write_text("{}", encoding="utf-8")
    (folder / "index.html").write_text(text, encoding="utf-8")
    return folder


def _leftovers(parent: Path) -> list[str]:
    return sorted(path.name for path in parent.iterdir() if path.name.startswith(".site."))


def test_a_new_site_replaces_the_old_one(tmp_path: Path) -> None:
    site = _site(tmp_path / "site", "old")
    with staging_folder(site, MARKER) as staging:
        _site(staging, "new")
        publish(staging, site)
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert _leftovers(tmp_path) == []


def test_a_swap_that_fails_puts_the_old_site_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = _site(tmp_path / "site", "old")
    rename = Path.rename

    def refuse_the_new_site(self: Path, target: str | Path) -> Path:
        if self.name.startswith(".site.new-"):
            raise OSError(28, "No space left on device")
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", refuse_the_new_site)
    with pytest.raises(SiteBuildError, match="cannot put the new site in place") as raised, staging_folder(site, MARKER) as staging:
        _site(staging, "new")
        publish(staging, site)
    assert "The published site was left as it was." in str(raised.value)
    assert (site / "index.html").read_text(encoding="utf-8") == "old"
    assert _leftovers(tmp_path) == []


def test_a_folder_that_is_not_a_built_site_is_never_replaced(tmp_path: Path) -> None:
    precious = tmp_path / "site"
    precious.mkdir()
    (precious / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(SiteBuildError, match="refusing to replace a folder that is not a site"), staging_folder(precious, MARKER):
        pass
    assert (precious / "notes.txt").read_text(encoding="utf-8") == "mine"
