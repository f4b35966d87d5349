"""The synthetic benchmark corpus: valid content, byte-for-byte reproducible, and as varied as real articles."""

from __future__ import annotations

import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from conftest import read_corpus
from generator.model import Corpus, Figure, Vague

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = 30


def write_corpus(out_dir: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """Run the generator as a user does: ``python -m bench.corpus`` from the project root."""
    command = [sys.executable, "-m", "bench.corpus", str(out_dir), *options]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out_dir = tmp_path_factory.mktemp("corpus")
    result = write_corpus(out_dir, "--articles", str(ARTICLES))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{ARTICLES} articles, ")
    return out_dir


@pytest.fixture(scope="module")
def corpus(corpus_dir: Path) -> Corpus:
    return read_corpus(corpus_dir)  # raises ContentError listing every problem, if there is any


def all_figures(corpus: Corpus) -> list[list[Figure]]:
    """Every list of figures for one quantity, across all strikes."""
    figure_lists = []
    for article_file in corpus.articles:
        for strike in article_file.strikes:
            figure_lists += [strike.counts.launched, strike.counts.intercepted, strike.casualties.killed, strike.casualties.injured]
    return [figures for figures in figure_lists if figures]


def test_corpus_validates_with_one_file_per_article(corpus_dir: Path, corpus: Corpus) -> None:
    assert len(corpus.articles) == ARTICLES
    assert len(list((corpus_dir / "articles").glob("*.yaml"))) == ARTICLES
    assert {article_file.article.published.isoformat() for article_file in corpus.articles} == {"2024-01-01", "2024-01-02", "2024-01-03"}


def test_same_seed_gives_identical_bytes(corpus_dir: Path, tmp_path: Path) -> None:
    assert write_corpus(tmp_path / "again", "--articles", str(ARTICLES), "--seed", "0").returncode == 0
    assert folder_bytes(tmp_path / "again") == folder_bytes(corpus_dir)


def test_another_seed_gives_another_corpus(corpus_dir: Path, tmp_path: Path) -> None:
    assert write_corpus(tmp_path / "other", "--articles", str(ARTICLES), "--seed", "1").returncode == 0
    assert folder_bytes(tmp_path / "other") != folder_bytes(corpus_dir)


def test_refuses_a_folder_that_already_has_articles(corpus_dir: Path) -> None:
    result = write_corpus(corpus_dir, "--articles", "1")
    assert result.returncode == 2
    assert f"error: {corpus_dir / 'articles'} is not empty; choose an empty or new folder" in result.stderr


def test_strikes_go_both_ways_and_claims_are_attributed(corpus: Corpus) -> None:
    strikes = [strike for article_file in corpus.articles for strike in article_file.strikes]
    assert {strike.direction.value for strike in strikes} == {"on_russia", "on_ukraine"}
    assert {strike.where.country for strike in strikes} == {"RU", "UA"}
    assert len({strike.where.region for strike in strikes if strike.where.region}) >= 15
    assert len({weapon.model for strike in strikes for weapon in strike.weapons if weapon.model}) >= 15
    assert any(strike.launched_from for strike in strikes)
    assert any(article_file.attributions for article_file in corpus.articles)


def test_figures_are_exact_ranged_and_vague(corpus: Corpus) -> None:
    values = [figure.value for figures in all_figures(corpus) for figure in figures]
    assert any(value.exact is not None for value in values)
    assert any(value.low is not None and value.high is not None for value in values)
    assert len({value.vague for value in values if value.vague is not None}) >= 4
    assert any(value.vague is Vague.all for value in values)


def test_some_figures_are_contested(corpus: Corpus) -> None:
    contested = [
        figures
        for figures in all_figures(corpus)
        if len({claimant for figure in figures for claimant in figure.claimed_by}) > 1 and len({figure.value for figure in figures}) > 1
    ]
    assert contested


def test_some_events_are_reported_by_several_articles(corpus: Corpus) -> None:
    articles_by_event: defaultdict[str, set[str]] = defaultdict(set)
    for article_file in corpus.articles:
        for strike in article_file.strikes:
            event = f"{strike.direction} {strike.when.model_dump_json()} {strike.where.model_dump_json()}"
            articles_by_event[event].add(article_file.article.id)
    assert any(len(article_ids) > 1 for article_ids in articles_by_event.values())
