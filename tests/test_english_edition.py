"""The English edition reads in English: what the site itself names (parties, places, weapons) is in English, and
text quoted from French articles is marked as French; the maps' points lead to their events."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest

from conftest import FIXTURES, config_in, project_paths
from generator.articles import ArticlesContributor
from generator.build import render
from generator.gazetteer import Entry, name_key
from generator.urls import url
from generator.weapons import shipped_catalogue

SETS = [FIXTURES / name / "content" for name in ("names", "golden", "events")]

_MARKED_SPAN = re.compile(r'<span lang="(?!en")[a-z]+">.*?</span>', re.DOTALL)
_MARKED_HEADING = re.compile(r'^#+ .*\{[^}]*lang="(?!en")[a-z]+"[^}]*\}$', re.MULTILINE)
_MARKED_BLOCK = re.compile(r'<div markdown lang="(?!en")[a-z]+">.*?</div>', re.DOTALL)
_MARKED_TITLE = re.compile(r'<title lang="(?!en")[a-z]+">.*?</title>', re.DOTALL)
_QUOTED_IN_DESCRIPTION = re.compile(r"^(description: .*?)“[^”]*”", re.MULTILINE)
"""A page's description is plain text: what it quotes in another language is in quotation marks instead."""


def _unquoted(text: str) -> str:
    """A page without what it quotes in another language (marked with its ``lang``)."""
    for marked in (_MARKED_BLOCK, _MARKED_SPAN, _MARKED_HEADING, _MARKED_TITLE):
        text = marked.sub(" ", text)
    while _QUOTED_IN_DESCRIPTION.search(text):
        text = _QUOTED_IN_DESCRIPTION.sub(r"\1 ", text)
    return text


def _french_only(names: dict[str, str]) -> str | None:
    """The French name when it is not also the English one (``Oblast de Kharkiv``; not ``Kharkiv``)."""
    french, english = names.get("fr"), names.get("en")
    return french if french and english and name_key(french) != name_key(english) else None


@pytest.mark.parametrize("content", SETS, ids=[path.parent.name for path in SETS])
def test_the_english_site_names_parties_places_and_weapons_in_english(tmp_path: Path, content: Path) -> None:
    planned, pages = render(project_paths(tmp_path, content, config_in(tmp_path, "en")))
    atlas = planned.content.atlas
    places: list[Entry] = [
        entry
        for article_file in planned.content.find(ArticlesContributor).corpus.articles
        for strike in article_file.strikes
        for place in (strike.where, *strike.launch_places)
        for entry in (atlas(place).settlement, atlas(place).raion, atlas(place).region)
        if entry is not None
    ]
    french = {name for entry in places if (name := _french_only(entry.names))}
    french |= {name for party in planned.content.parties.values() if (name := _french_only(party.name))}
    french |= {name for model in shipped_catalogue().entries if (name := _french_only(model.names))}
    assert {"Oblast d'Odessa", "Armée de l'air ukrainienne"} <= french or content.parent.name == "names"
    texts = {page.path: _unquoted(page.text or "") for page in pages}
    found = sorted((path, name) for path, text in texts.items() for name in french if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text))
    assert found == []


def test_french_quotes_on_the_english_site_are_marked_french(tmp_path: Path) -> None:
    _, pages = render(project_paths(tmp_path, FIXTURES / "names" / "content", config_in(tmp_path, "en")))
    day = next(page.text or "" for page in pages if page.path == "archives/strikes-on-ukraine/2024-09-01.md")
    assert '# Missiles Kinjal sur Kiev { #kiev-kinjal-2024-09-01 lang="fr" }' in day
    assert '“<span lang="fr">six missiles abattus</span>”' in day
    assert "Kyiv, Ukraine" in day and "Kh\\-47M2 Kinzhal" in day
    # English reports on the English site are not marked.
    assert "{ #brovary-kh101-2024-09-01 }" in day


def test_every_point_of_every_map_leads_to_an_event_anchor(tmp_path: Path) -> None:
    planned, pages = render(project_paths(tmp_path, FIXTURES / "names" / "content", config_in(tmp_path, "fr")))
    plan = planned.plan
    published = {url(page.path): page.path for page in plan.pages}
    checked = 0
    for page in pages:
        for svg in re.findall(r"<svg.*?</svg>", page.text or "", re.DOTALL):
            for href in re.findall(r'<a href="([^"]+)">', svg):
                target, _, anchor = href.partition("#")
                here = url(page.path)
                base = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
                resolved = posixpath.normpath(posixpath.join(base, target)) + "/" if target else here
                resolved = "" if resolved in ("./", "/") else resolved
                assert resolved in published, (page.path, href)
                assert plan.target_of(anchor) == f"{published[resolved]}#{anchor}", (page.path, href)
                checked += 1
    assert checked >= 10, "the home page, the day pages and the month indexes all draw points"
