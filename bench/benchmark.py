"""Benchmark the build on synthetic corpora of growing size; prints figures, asserts nothing.

    python -m bench.benchmark                      # N = 10, 100, 1000, 3650
    python -m bench.benchmark --sizes 10,100       # a quicker run

For each N, a seeded corpus is written (bench.corpus), then built in a fresh
process each time by the real pipeline (generator.build.build): a cold build, a
no-op rebuild, a rebuild after a template changed, then one after one article
changed (the third build, which also removes the build before the previous one, as
every daily build does). Side by side in the same run, plain MkDocs (``mkdocs build`` with the
project's mkdocs.yml, theme, extensions and plugins, none of our code) builds the
docs folder the generator wrote, cold; the ratios of our times to its time are
what holds from a quiet machine to a loaded one. Each child process reports its
stage timings and its peak memory; the parent measures the site on disk.
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
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SIZES = (365, 1000, 3650, 10000)


GENERATOR_STAGES = ("settings", "load", "validate", "plan", "render", "write")
"""The generator's own stages; the rest (mkdocs, sanitise, publish) turn the docs folder into the published site."""


def child(content: Path, work: Path) -> dict[str, Any]:
    """One real build (:func:`generator.build.build`) in this process; returns its stage timings (s), counts and peak memory (MB)."""
    from generator.build import build, collect_rarely, end_of_process
    from generator.settings import Paths

    collect_rarely()  # as the command line does

    templates = work / "templates"
    paths = Paths(content=content, templates=templates, config=work / "mkdocs.yml", docs=work / "docs", site=work / "site")
    summary = build(paths)
    end_of_process()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    forked = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the rendering processes, if any
    generated = summary.generated
    return {
        "times": {**summary.timings.seconds, "total": summary.timings.total},
        "pages": summary.outcome.pages,
        "rendered": len(generated.rendered) if generated else 0,
        "written": len(generated.report.written) if generated else 0,
        "records": summary.outcome.records,
        "peak_mb": peak,
        "forked_peak_mb": forked,
    }


def plain_child(work: Path) -> dict[str, Any]:
    """Plain MkDocs on the docs folder our last build wrote, into a folder of its own: the project's ``mkdocs.yml``
    as the ``mkdocs build`` command loads it, without the generator's plugin, extension or stages (strict off: a
    warning must not cut the timing short)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    started = time.perf_counter()
    config = load_config(config_file=str(work / "mkdocs.yml"), strict=False, site_dir=str(work / "plain-site"))
    mkdocs_build(config)
    seconds = time.perf_counter() - started
    shutil.rmtree(work / "plain-site")
    return {"times": {"mkdocs": seconds, "total": seconds}, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def generator_seconds(times: dict[str, float]) -> float:
    """Time spent in the generator's own stages."""
    return sum(times.get(stage, 0.0) for stage in GENERATOR_STAGES)


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


def run_child(content: Path, work: Path, plain: bool = False) -> dict[str, Any]:
    """Run :func:`child` (or, ``plain``, :func:`plain_child`) in a fresh interpreter, so peak memory is this build's alone."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    mode = ["--plain", str(work)] if plain else ["--child", str(content), str(work)]
    started = time.perf_counter()
    output = subprocess.run(
        [sys.executable, "-m", "bench.benchmark", *mode],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return dict(json.loads(output.strip().splitlines()[-1])) | {"process": time.perf_counter() - started}


def change_one_article(content: Path) -> None:
    """Edit one headline in the middle of the corpus, as an editor fixing a typo would."""
    articles = sorted((content / "articles").glob("*.yaml"))
    target = articles[len(articles) // 2]
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("headline: ", "headline: (corrigé) ", 1), encoding="utf-8")


def change_one_template(templates: Path) -> None:
    """Edit the strike card's partial as a designer would: every page with a strike card gets new Markdown, which
    the engine converts and themes again and the sanitise stage cleans again (a comment, so that the pages read
    the same)."""
    target = templates / "partials" / "strike.md.j2"
    text = target.read_text(encoding="utf-8")
    ending = "</div>\n{%- endmacro %}"
    assert text.rstrip().endswith(ending), f"{target} no longer ends with {ending!r}: edit change_one_template"
    target.write_text(text.rstrip()[: -len(ending)] + "</div>\n<!-- reworded -->\n{%- endmacro %}\n", encoding="utf-8")


def project_copy(work: Path) -> None:
    """A copy of ``mkdocs.yml`` and ``templates/`` beside the build (the template change edits the copy, not the
    project); the configuration's docs folder is the benchmark's."""
    work.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "templates", work / "templates", dirs_exist_ok=True)
    shutil.copy2(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    # Relative folders in mkdocs.yml resolve beside it; build/docs becomes the benchmark's docs folder.
    config = (work / "mkdocs.yml").read_text(encoding="utf-8").replace("docs_dir: build/docs", "docs_dir: docs")
    (work / "mkdocs.yml").write_text(config, encoding="utf-8")


def benchmark(size: int, base: Path) -> dict[str, Any]:
    """Cold build, no-op rebuild, one-article and one-template rebuilds for a corpus of ``size`` articles, each beside
    plain MkDocs on the same docs folder."""
    from bench.corpus import write_corpus

    content, work = base / f"n{size}" / "content", base / f"n{size}" / "work"
    write_corpus(content, size, seed=0)
    project_copy(work)
    cold = run_child(content, work)
    plain = run_child(content, work, plain=True)
    noop = run_child(content, work)
    change_one_template(work / "templates")
    template = run_child(content, work)
    change_one_article(content)
    changed = run_child(content, work)  # the third build: it also removes the build before the previous one, as every daily build does
    site = measure_site(work / "site").__dict__
    return {"size": size, "cold": cold, "plain": plain, "noop": noop, "changed": changed, "template": template, "site": site}


def report(result: dict[str, Any]) -> str:
    """The figures of one size, as printed lines."""
    cold, site = result["cold"], result["site"]
    times = cold["times"]
    generator = generator_seconds(times)
    stages = ", ".join(f"{stage} {seconds:.2f} s" for stage, seconds in times.items() if stage != "total")
    plain = result["plain"]["times"]["total"]
    lines = [
        f"N = {result['size']} articles ({cold['records']} records, {cold['pages']} pages)",
        f"  cold build: {stages}; total {times['total']:.2f} s",
        f"  plain MkDocs on the same docs folder: {plain:.2f} s (peak {result['plain']['peak_mb']:.0f} MB); "
        f"cold build / plain MkDocs = {times['total'] / plain:.2f}",
        f"  generator share: {generator / times['total']:.1%} of the total, {generator / times['mkdocs']:.1%} of MkDocs time",
        f"  peak memory: {cold['peak_mb']:.0f} MB (the largest forked rendering process: {cold.get('forked_peak_mb', 0):.0f} MB, "
        "most of it shared with the build's)",
        f"  site: {site['total_mb']:.1f} MB; search index {site['index_raw_mb']:.2f} MB raw, {site['index_gzip_mb']:.2f} MB gzipped",
        f"  pages: average {site['average_page_kb']:.1f} KB, largest {site['largest_page_kb']:.1f} KB ({site['largest_page']})",
        _rebuild("no-op rebuild", result["noop"], plain),
        _rebuild("one article changed", result["changed"], plain),
        _rebuild("one template changed", result["template"], plain),
    ]
    return "\n".join(lines)


def _rebuild(name: str, figures: dict[str, Any], plain: float) -> str:
    times = figures["times"]
    generator = generator_seconds(times)
    engine = ("inputs", "collect", "mkdocs", "sanitise", "publish")
    stages = ", ".join(f"{stage} {times[stage]:.2f} s" for stage in engine if stage in times)
    return (
        f"  {name}: {times['total']:.2f} s = {times['total'] / plain:.1%} of plain MkDocs (generator {generator:.2f} s, "
        f"{stages}; peak {figures['peak_mb']:.0f} MB), {figures['rendered']} page(s) rendered, "
        f"{figures['written']} file(s) rewritten; {figures['process']:.2f} s as a command (Python started, libraries imported)"
    )


def main(argv: list[str] | None = None) -> int:
    """Command line: run the benchmark (or, with --child, one build)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="comma-separated corpus sizes")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary folder)")
    parser.add_argument("--json", type=Path, help="also write the raw figures to this file")
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--plain", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)
    if arguments.child:
        print(json.dumps(child(*arguments.child)))
        return 0
    if arguments.plain:
        print(json.dumps(plain_child(arguments.plain)))
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
