"""The package carries what the generator reads: installed from a wheel, away from the checkout, it builds the shipped site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow  # builds and installs the wheel, then a whole site


def test_an_installed_package_builds_the_shipped_site(tmp_path: Path) -> None:
    installed = tmp_path / "installed"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "--target", str(installed), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    assert (installed / "generator" / "weapons" / "data" / "missiles_and_uavs.csv").is_file()
    work = tmp_path / "work"
    for folder in ("content", "templates"):
        shutil.copytree(ROOT / folder, work / folder)
    shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    # The installed copy comes first on the path, before the checkout's editable install.
    environment = {**os.environ, "PYTHONPATH": str(installed), "NO_MKDOCS_2_WARNING": "1"}
    where = subprocess.run(
        [sys.executable, "-c", "import generator; print(generator.__file__)"], cwd=work, env=environment, capture_output=True, text=True
    )
    assert Path(where.stdout.strip()).is_relative_to(installed), where.stdout + where.stderr
    build = subprocess.run(
        [sys.executable, "-m", "generator", "build"], cwd=work, env=environment, capture_output=True, text=True, timeout=600
    )
    assert build.returncode == 0, build.stderr
    assert build.stdout.startswith("Built site/: 1 article(s), 6 record(s), 253 Air Force wave(s)")
    assert (work / "site" / "archives" / "air-force" / "models" / "kn-23" / "index.html").is_file(), "a page only the catalogue names"
