"""Check raw documents against the typed model and against each other.

Every problem in every file is collected before anything stops, and each one
names the file, the line, the field, what was expected and what was found.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from generator.airforce import AttackWave, load_waves
from generator.crosscheck import check_references
from generator.diagnostics import parse_document
from generator.errors import ContentError, Problem
from generator.load import RawDocument, display_path, load_document
from generator.model import UNATTRIBUTED, ArticleFile, Corpus, PartiesFile, Party

PARTIES_FILE = "parties.yaml"
ARTICLES_DIR = "articles"


def _content_files(content_dir: Path) -> Iterator[Path]:
    yield from sorted((content_dir / ARTICLES_DIR).rglob("*.yaml"))
    yield from sorted((content_dir / ARTICLES_DIR).rglob("*.yml"))


def load_content(content_dir: Path) -> Corpus:
    """Load and validate everything under ``content_dir``; raise :class:`ContentError` listing every problem."""
    problems: list[Problem] = []
    parties: dict[str, Party] = {}
    parties_path = content_dir / PARTIES_FILE
    if not parties_path.is_file():
        problems.append(Problem(display_path(parties_path, content_dir), 1, "", "file is missing: the party registry is required"))
    else:
        document, found = load_document(parties_path, display_path(parties_path, content_dir))
        problems += found
        if document is not None:
            registry, found = parse_document(document, PartiesFile)
            problems += found
            for index, party in enumerate(registry.parties if registry else []):
                if party.id in parties or party.id == UNATTRIBUTED:
                    problems.append(
                        Problem(
                            document.path,
                            document.line_of(("parties", index, "id")),
                            f"parties[{index}].id",
                            f"duplicate party id '{party.id}'",
                        )
                    )
                parties[party.id] = party

    registry_loaded = parties_path.is_file() and not problems
    waves, found = load_waves(content_dir)
    problems += found
    if registry_loaded:
        problems += _unknown_wave_claimants(waves, parties, content_dir)
    articles: list[tuple[RawDocument, ArticleFile]] = []
    for path in _content_files(content_dir):
        document, found = load_document(path, display_path(path, content_dir))
        problems += found
        if document is None:
            continue
        article_file, found = parse_document(document, ArticleFile)
        problems += found
        if article_file is not None:
            articles.append((document, article_file))

    problems += check_references(parties if registry_loaded else None, articles)
    if problems:
        raise ContentError(problems)
    if not articles:
        raise ContentError([Problem(display_path(content_dir / ARTICLES_DIR, content_dir), 1, "", "no article files found")])
    ordered = sorted((article_file for _, article_file in articles), key=lambda a: (a.article.published, a.article.id))
    return Corpus(parties=parties, articles=ordered, waves=waves)


def _unknown_wave_claimants(waves: list[AttackWave], parties: dict[str, Party], content_dir: Path) -> list[Problem]:
    """Imported waves name their claimant too; it must be a declared party."""
    missing = sorted({wave.claimed_by for wave in waves} - set(parties))
    where = display_path(content_dir / PARTIES_FILE, content_dir)
    return [
        Problem(where, 1, "parties", f"imported Air Force waves are claimed by '{party}', which is not declared here") for party in missing
    ]
