"""`make lighthouse`: Lighthouse's mobile run (simulated slow 4G, Debian's chromium) on every page kind of the built
site, served as a static host serves it (gzip) and uncompressed (Python's http.server); the median of three runs.

Outside the test suite: it prints figures, it asserts nothing. Usage::

    python scripts/lighthouse/run.py [SITE] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("BRIEFING_CHROMIUM", "/usr/bin/chromium")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def page_kinds(site: Path) -> dict[str, str]:
    """One page of each kind the site has: its URL path."""

    def first(pattern: str) -> str | None:
        found = sorted(site.glob(pattern))
        return found[-1].parent.relative_to(site).as_posix() + "/" if found else None

    kinds = {
        "home": "",
        "day briefing": first("briefings/????-??-??/index.html"),
        "theme day page": first("archives/strikes-on-russia/????-??-??/index.html"),
        "month index": first("archives/strikes-on-russia/????-??/index.html"),
        "place": first("places/ua-*/index.html"),
        "weapon": first("weapons/*/index.html"),
        "Air Force night": first("archives/strikes-on-ukraine/????-??-??/index.html"),
        "Air Force overall": "air-force/",
        "Air Force month": first("archives/air-force/????-??/index.html"),
        "Air Force model": first("archives/air-force/models/*/index.html"),
    }
    return {kind: path for kind, path in kinds.items() if path is not None}


def audit(url: str, out: Path) -> dict[str, float]:
    """One Lighthouse run (its default mobile settings): the category scores, TBT and FCP in ms."""
    subprocess.run(
        [
            os.fspath(LIGHTHOUSE),
            url,
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            "--output=json",
            f"--output-path={out}",
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    scores = {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}
    audits = report["audits"]
    return {**scores, "tbt": audits["total-blocking-time"]["numericValue"], "fcp": audits["first-contentful-paint"]["numericValue"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("site", nargs="?", type=Path, default=Path("site"))
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    if not LIGHTHOUSE.exists():
        print(f"{LIGHTHOUSE} is missing: run `npm ci --prefix {HERE}` (make lighthouse does)", file=sys.stderr)
        return 2
    kinds = page_kinds(options.site)
    print(f"{'page':<20} {'served':<7} {'perf':>5} {'TBT ms':>7} {'FCP s':>6} {'a11y':>5} {'bp':>4} {'seo':>4}")
    for served, port in (("gzip", 8765), ("plain", 8766)):
        flags = ["--gzip"] if served == "gzip" else []
        server = subprocess.Popen([sys.executable, os.fspath(HERE / "serve.py"), os.fspath(options.site), "--port", str(port), *flags])
        time.sleep(1)
        try:
            with tempfile.TemporaryDirectory() as scratch:
                for kind, path in kinds.items():
                    runs = [audit(f"http://127.0.0.1:{port}/{path}", Path(scratch) / f"{run}.json") for run in range(options.runs)]
                    median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
                    print(
                        f"{kind:<20} {served:<7} {median['performance']:>5.0f} {median['tbt']:>7.0f} {median['fcp'] / 1000:>6.1f} "
                        f"{median['accessibility']:>5.0f} {median['best-practices']:>4.0f} {median['seo']:>4.0f}",
                        flush=True,
                    )
        finally:
            server.terminate()
    return 0


if __name__ == "__main__":
    sys.exit(main())
