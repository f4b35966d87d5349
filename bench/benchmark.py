"""Benchmark the build on synthetic corpora of growing size; prints figures, asserts nothing.

    python -m bench.benchmark                      # N = 10, 100, 1000, 3650
    python -m bench.benchmark --sizes 10,100       # a quicker run

For each N, a seeded corpus is written (bench.corpus), then built three times in a
fresh process each, by the real pipeline (generator.build.build): a cold build, a
no-op rebuild, and a rebuild after one article changed. Each child process
reports the build's own stage timings and its peak memory; the parent measures
the site on disk.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SIZES = (10, 100, 1000, 3650)


GENERATOR_STAGES = ("settings", "load", "validate", "plan", "render", "write")
"""The generator's own stages; the rest (mkdocs, sanitise, publish) turn the docs folder into the published site."""


def child(content: Path, work: Path) -> dict[str, Any]:
    """One real build (:func:`generator.build.build`) in this process; returns its stage timings (s), counts and peak memory (MB)."""
    from generator.build import build
    from generator.settings import Paths

    paths = Paths(content=content, templates=ROOT / "templates", config=ROOT / "mkdocs.yml", docs=work / "docs", site=work / "site")
    summary = build(paths)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    generated = summary.generated
    return {
        "times": {**summary.timings.seconds, "total": summary.timings.total},
        "pages": len(generated.pages),
        "rendered": len(generated.rendered),
        "written": len(generated.report.written),
        "records": generated.content.counts()["record(s)"],
        "peak_mb": peak,
    }


def generator_seconds(times: dict[str, float]) -> float:
    """Time spent in the generator's own stages."""
    return sum(times[stage] for stage in GENERATOR_STAGES)


@dataclass
class SiteSize:
    """What a reader downloads."""

    total_mb: float
    index_raw_mb: float
    index_gzip_mb: float
    average_page_kb: float
    largest_page_kb: float
    largest_page: str


def measure_site(site: Path) -> SiteSize:
    """Sizes of the built site, its search index and its HTML pages."""
    total = sum(path.stat().st_size for path in site.rglob("*") if path.is_file())
    index = (site / "search" / "search_index.json").read_bytes()
    pages = [(path.stat().st_size, path) for path in site.rglob("*.html")]
    largest = max(pages)
    return SiteSize(
        total / 1e6,
        len(index) / 1e6,
        len(gzip.compress(index, 9, mtime=0)) / 1e6,
        sum(size for size, _ in pages) / len(pages) / 1e3,
        largest[0] / 1e3,
        str(largest[1].relative_to(site)),
    )


def run_child(content: Path, work: Path) -> dict[str, Any]:
    """Run :func:`child` in a fresh interpreter, so peak memory is this build's alone."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    output = subprocess.run(
        [sys.executable, "-m", "bench.benchmark", "--child", str(content), str(work)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return dict(json.loads(output.strip().splitlines()[-1]))


def change_one_article(content: Path) -> None:
    """Edit one headline in the middle of the corpus, as an editor fixing a typo would."""
    articles = sorted((content / "articles").glob("*.yaml"))
    target = articles[len(articles) // 2]
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("headline: ", "headline: (corrigé) ", 1), encoding="utf-8")


def benchmark(size: int, base: Path) -> dict[str, Any]:
    """Cold build, no-op rebuild and one-article rebuild for a corpus of ``size`` articles."""
    from bench.corpus import write_corpus

    content, work = base / f"n{size}" / "content", base / f"n{size}" / "work"
    write_corpus(content, size, seed=0)
    cold = run_child(content, work)
    noop = run_child(content, work)
    change_one_article(content)
    changed = run_child(content, work)
    return {"size": size, "cold": cold, "noop": noop, "changed": changed, "site": measure_site(work / "site").__dict__}


def report(result: dict[str, Any]) -> str:
    """The figures of one size, as printed lines."""
    cold, site = result["cold"], result["site"]
    times = cold["times"]
    generator = generator_seconds(times)
    stages = ", ".join(f"{stage} {seconds:.2f} s" for stage, seconds in times.items() if stage != "total")
    lines = [
        f"N = {result['size']} articles ({cold['records']} records, {cold['pages']} pages)",
        f"  cold build: {stages}; total {times['total']:.2f} s",
        f"  generator share: {generator / times['total']:.1%} of the total, {generator / times['mkdocs']:.1%} of MkDocs time",
        f"  peak memory: {cold['peak_mb']:.0f} MB",
        f"  site: {site['total_mb']:.1f} MB; search index {site['index_raw_mb']:.2f} MB raw, {site['index_gzip_mb']:.2f} MB gzipped",
        f"  pages: average {site['average_page_kb']:.1f} KB, largest {site['largest_page_kb']:.1f} KB ({site['largest_page']})",
        _rebuild("no-op rebuild", result["noop"]),
        _rebuild("one article changed", result["changed"]),
    ]
    return "\n".join(lines)


def _rebuild(name: str, figures: dict[str, Any]) -> str:
    times = figures["times"]
    generator = generator_seconds(times)
    return (
        f"  {name}: {times['total']:.2f} s (generator {generator:.2f} s, MkDocs {times['mkdocs']:.2f} s), "
        f"{figures['rendered']} page(s) rendered, {figures['written']} file(s) rewritten"
    )


def main(argv: list[str] | None = None) -> int:
    """Command line: run the benchmark (or, with --child, one build)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="comma-separated corpus sizes")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary folder)")
    parser.add_argument("--json", type=Path, help="also write the raw figures to this file")
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)
    if arguments.child:
        print(json.dumps(child(*arguments.child)))
        return 0
    base = arguments.keep or Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    base.mkdir(parents=True, exist_ok=True)
    results = []
    try:
        for size in (int(text) for text in arguments.sizes.split(",")):
            results.append(benchmark(size, base))
            print(report(results[-1]), flush=True)
    finally:
        if arguments.keep is None:
            shutil.rmtree(base, ignore_errors=True)
    if arguments.json:
        arguments.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
