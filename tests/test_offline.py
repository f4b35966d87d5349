"""The offline edition's store: packing is deterministic, keeps the latest edition only, and refuses a folder that
overlaps the site's (the browser tests open the edition itself: ``tests/e2e/test_offline.py``)."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from generator.errors import ConfigError
from generator.offline import edition_paths, latest_edition, pack
from generator.settings import Paths, check_paths

DAY = dt.date(2026, 12, 1)


def _site(folder: Path) -> Path:
    (folder / "search").mkdir(parents=True)
    (folder / "index.html").write_text("<html>home</html>", encoding="utf-8")
    (folder / "search" / "search_index.js").write_text("var __index = {}", encoding="utf-8")
    return folder


def test_the_same_files_pack_the_same_bytes_under_one_folder_named_after_the_day(tmp_path: Path) -> None:
    site = _site(tmp_path / "site")
    first = pack(site, DAY, tmp_path / "one")
    (site / "index.html").touch()  # another modification time: the entries are dated from the day, not the files
    second = pack(site, DAY, tmp_path / "two")
    assert first.file.name == "briefing-2026-12-01.zip" and first.path == "offline/briefing-2026-12-01.zip"
    assert first.file.read_bytes() == second.file.read_bytes() and first.size == first.file.stat().st_size
    with zipfile.ZipFile(first.file) as archive:
        assert archive.namelist() == ["briefing-2026-12-01/index.html", "briefing-2026-12-01/search/search_index.js"]
        assert {entry.date_time for entry in archive.infolist()} == {(2026, 12, 1, 0, 0, 0)}
        assert archive.read("briefing-2026-12-01/index.html") == b"<html>home</html>"


def test_the_store_keeps_the_latest_edition_only(tmp_path: Path) -> None:
    site, store = _site(tmp_path / "site"), tmp_path / "store"
    assert latest_edition(store) is None
    pack(site, DAY, store)
    (store / ".briefing-2026-12-02.zip.999").write_bytes(b"what a killed run left")
    later = pack(site, DAY + dt.timedelta(days=1), store)
    assert sorted(path.name for path in store.iterdir()) == ["briefing-2026-12-02.zip"]
    assert latest_edition(store) == later and later.day == DAY + dt.timedelta(days=1)


@pytest.mark.parametrize("target", ["site", "site/offline", "build", "build/docs/x", "build/docs.offline/x"])
def test_an_edition_folder_overlapping_the_sites_is_refused(tmp_path: Path, target: str) -> None:
    paths = Paths(content=tmp_path / "content", docs=tmp_path / "build" / "docs", site=tmp_path / "site")
    with pytest.raises(ConfigError, match="--offline"):
        edition_paths(paths, tmp_path / target)


@pytest.mark.parametrize("target", ["content", "content/offline", "templates"])
def test_an_edition_folder_overlapping_an_input_is_refused_before_its_build(tmp_path: Path, target: str) -> None:
    paths = Paths(content=tmp_path / "content", templates=tmp_path / "templates", docs=tmp_path / "build" / "docs")
    with pytest.raises(ConfigError, match=r"overlaps --(content|templates)"):
        check_paths(edition_paths(paths, tmp_path / target))


def test_the_edition_has_its_own_docs_folder_and_pages_as_files(tmp_path: Path) -> None:
    paths = Paths(content=tmp_path / "content", docs=tmp_path / "build" / "docs", site=tmp_path / "site")
    edition = edition_paths(paths, tmp_path / "edition")
    assert edition.offline and edition.site == tmp_path / "edition"
    assert edition.docs == (tmp_path / "build" / "docs-offline").resolve() and edition.content == paths.content
