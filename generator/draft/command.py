"""``briefing draft``: an article's text file to a draft content file beside the others, never over one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.articles import ARTICLES_DIR
from generator.articles.skeleton import guess_outlet
from generator.diagnostics import parse_document
from generator.draft.drafter import Drafter, article_sentences, reading_language
from generator.draft.entities import Reading
from generator.draft.writer import slug, write_draft
from generator.errors import ContentError, FilesystemError
from generator.gazetteer.store import shipped_gazetteer
from generator.load import PARTIES_FILE, display_path, load_document
from generator.model import PartiesFile, Party
from generator.schema import SCHEMA_DIR, modeline
from generator.weapons.catalogue import shipped_catalogue


def read_parties(content: Path) -> list[Party]:
    """The content's party registry (none when the folder has no ``parties.yaml`` yet), read as the build reads it:
    a registry with problems raises them, located."""
    path = content / PARTIES_FILE
    if not path.is_file():
        return []
    document, problems = load_document(path, display_path(path, content))
    registry = None
    if document is not None and not problems:
        registry, problems = parse_document(document, PartiesFile)
    if registry is None:
        raise ContentError(problems)
    return registry.parties


def draft_article(
    text_file: Path, content: Path, published: dt.date, url: str | None, language: str | None, output: Path | None
) -> tuple[Path, int, int]:
    """Write the draft of ``text_file``; returns its path, how many strikes and claims it drafted, and how many values
    it marks for a look."""
    try:
        text = text_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise FilesystemError(f"{text_file}: cannot be read as UTF-8 text ({error})") from None
    outlet = guess_outlet(url) if url else None
    language = reading_language(text, language or (outlet.language if outlet else None))
    reading = Reading(article_sentences(text)) if language == "fr" else None  # spaCy loads meanwhile
    drafter = Drafter(read_parties(content), shipped_gazetteer(), shipped_catalogue())
    entities = reading.result() if reading is not None else None
    draft = drafter.draft(text, published, language, url, outlet.name if outlet else None, entities)
    target = output or content / ARTICLES_DIR / f"{published.isoformat()}-{slug(draft.title)}.yaml"
    line = modeline(target, "article") if SCHEMA_DIR.is_dir() else None
    body, checks = write_draft(draft, line)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with target.open("x", encoding="utf-8") as file:
            file.write(body)
    except FileExistsError:
        raise FilesystemError(f"{target}: exists already; nothing was written (give --output)") from None
    return target, len(draft.strikes) + len(draft.attributions), checks
