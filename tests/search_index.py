"""Query a built site's search index the way Material's search does, without a browser.

Material builds a lunr index in the browser from ``search/search_index.json``
with the language's Snowball stemmer (lunr-languages). This helper does the
same with lunr.py and NLTK's Snowball stemmer, which needs no downloaded data
(stop words, which would, are only a ranking detail and are left out).
"""

from __future__ import annotations

import json
import re
from functools import partial
from pathlib import Path
from typing import Any

from lunr.builder import Builder
from lunr.languages.stemmer import get_language_stemmer, nltk_stemmer
from lunr.languages.trimmer import generate_trimmer
from lunr.pipeline import Pipeline

TAGS = re.compile(r"<[^>]+>")
trimmer = generate_trimmer(r"\w")
Pipeline.register_function(trimmer, "briefing-trimmer")


def load_index(site: Path) -> dict[str, Any]:
    """The raw search index of a built site."""
    index: dict[str, Any] = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return index


def search(site: Path, query: str) -> list[str]:
    """Locations (``page/#anchor``) matching ``query``, best first."""
    index = load_index(site)
    language = index["config"]["lang"][0]
    builder = Builder()
    builder.pipeline.reset()
    builder.pipeline.add(trimmer)
    if language != "en":
        stem = Pipeline.registered_functions.get(f"briefing-stemmer-{language}")
        if stem is None:
            stem = _language_stemmer(language)
        builder.pipeline.add(stem)
        builder.search_pipeline.add(stem)
    builder.ref("location")
    builder.field("title", boost=1000)
    builder.field("text")
    for document in index["docs"]:
        builder.add({"location": document["location"], "title": TAGS.sub(" ", document["title"]), "text": TAGS.sub(" ", document["text"])})
    return [result["ref"] for result in builder.build().search(query)]


def _language_stemmer(language: str) -> Any:
    stemmer = partial(nltk_stemmer, get_language_stemmer(language))
    Pipeline.register_function(stemmer, f"briefing-stemmer-{language}")
    return stemmer
