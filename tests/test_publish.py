"""The publish stage: the published path is a link switched in one rename, so a reader (or a web server) finds a
complete site before, during and after a publish, whatever instant the process dies; what killed builds leave is
removed by the next one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from generator.errors import ConfigError, SiteBuildError
from generator.publish import debris, previous_build, publish, published_build, remove_debris, staging_folder

MARKER = Path("search") / "search_index.json"


def _site(folder: Path, text: str) -> Path:
    (folder / MARKER).parent.mkdir(parents=True, exist_ok=True)
    (folder / MARKER).write_text("{}", encoding="utf-8")
    (folder / "index.html").write_text(text, encoding="utf-8")
    return folder


def _beside(parent: Path) -> list[str]:
    return sorted(path.name for path in parent.iterdir() if path.name.startswith(".site."))


def _publish(site: Path, text: str) -> None:
    with staging_folder(site, MARKER) as staging:
        _site(staging, text)
        publish(staging, site)


def _kept(site: Path) -> list[str]:
    """What a publish leaves beside the site: the build it links to, and the previous build with its link."""
    previous = previous_build(site)
    return sorted([os.readlink(site), *([".site.previous", previous.name] if previous else [])])


def test_a_new_site_replaces_the_old_one_which_is_kept_until_the_next(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _publish(site, "first")
    first = published_build(site)
    _publish(site, "second")
    assert site.is_symlink() and (site / "index.html").read_text(encoding="utf-8") == "second"
    assert previous_build(site) == first and first is not None and (first / "index.html").read_text(encoding="utf-8") == "first"
    assert _beside(tmp_path) == _kept(site)
    _publish(site, "third")
    assert not first.exists(), "the build before the previous one is removed"
    assert _beside(tmp_path) == _kept(site) and len(_kept(site)) == 3


def test_a_site_built_before_the_link_layout_is_replaced_by_the_link(tmp_path: Path) -> None:
    site = _site(tmp_path / "site", "old")
    _publish(site, "new")
    assert site.is_symlink() and (site / "index.html").read_text(encoding="utf-8") == "new"
    assert _beside(tmp_path) == _kept(site) == [os.readlink(site)]


def test_a_switch_that_fails_leaves_the_old_site_and_nothing_else(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    _publish(site, "old")
    replace = os.replace

    def no_space(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        if Path(target) == site:
            raise OSError(28, "No space left on device")
        replace(source, target)

    monkeypatch.setattr(os, "replace", no_space)
    with pytest.raises(SiteBuildError, match="cannot put the new site in place") as raised:
        _publish(site, "new")
    assert "The published site was left as it was." in str(raised.value)
    assert (site / "index.html").read_text(encoding="utf-8") == "old"
    assert _beside(tmp_path) == _kept(site)


def test_a_folder_that_is_not_a_built_site_is_never_replaced(tmp_path: Path) -> None:
    precious = tmp_path / "site"
    precious.mkdir()
    (precious / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ConfigError, match="refusing to replace a folder that is not a site"), staging_folder(precious, MARKER):
        pass
    assert (precious / "notes.txt").read_text(encoding="utf-8") == "mine"
    (tmp_path / "file").write_text("mine", encoding="utf-8")
    with pytest.raises(ConfigError), staging_folder(tmp_path / "file", MARKER):
        pass
    assert (tmp_path / "file").read_text(encoding="utf-8") == "mine"


def test_a_site_without_a_search_index_is_still_ours_after_its_first_build(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for text in ("first", "second", "third"):  # the link says whose it is, whatever the site holds
        with staging_folder(site, MARKER) as staging:
            (staging / "index.html").write_text(text, encoding="utf-8")
            publish(staging, site)
    assert (site / "index.html").read_text(encoding="utf-8") == "third"


def test_debris_of_killed_builds_is_named_and_removed_but_never_the_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _publish(site, "live")
    for name in (".site.build-20240101T000000-x", ".site.new-abc", ".site.old-def"):
        _site(tmp_path / name, "half")
    (tmp_path / ".site.link-ghi").symlink_to(".site.new-abc")
    (tmp_path / ".sitemap-notes").write_text("not ours", encoding="utf-8")
    assert [path.name for path in debris(site)] == [".site.build-20240101T000000-x", ".site.link-ghi", ".site.new-abc", ".site.old-def"]
    remove_debris(site)
    assert _beside(tmp_path) == _kept(site)
    assert (site / "index.html").read_text(encoding="utf-8") == "live"
    assert (tmp_path / ".sitemap-notes").exists()


_PUBLISHER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from generator.publish import publish, staging_folder
    site, marker = Path(sys.argv[1]), Path("search") / "search_index.json"
    for round in range(1_000_000):
        with staging_folder(site, marker) as staging:
            (staging / "search").mkdir()
            (staging / "search" / "search_index.json").write_text("{}")
            (staging / "index.html").write_text(f"round {round}")
            publish(staging, site)
    """
)


def test_a_site_is_always_there_while_builds_publish_and_are_killed(tmp_path: Path) -> None:
    """A process publishing as fast as it can is killed (SIGKILL, no clean-up) at 30 random instants; meanwhile and
    after each kill, the site is complete; the next publish leaves no debris."""
    site = tmp_path / "site"
    _publish(site, "start")
    root = Path(__file__).resolve().parent.parent
    missing = 0
    for attempt in range(30):
        publisher = subprocess.Popen([sys.executable, "-c", _PUBLISHER, str(site)], cwd=root)
        deadline = time.monotonic() + 0.3 + (attempt % 7) * 0.05
        while time.monotonic() < deadline:
            try:
                (site / "index.html").read_text(encoding="utf-8")
            except OSError:
                missing += 1
        publisher.send_signal(signal.SIGKILL)
        publisher.wait()
        assert (site / "index.html").read_text(encoding="utf-8").startswith(("round", "start"))
    assert missing == 0, f"{missing} reads found no site"
    _publish(site, "end")
    remove_debris(site)
    assert _beside(tmp_path) == _kept(site)
