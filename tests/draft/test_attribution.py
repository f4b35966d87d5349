"""Who says so: attribution phrases, relayed outlets, quotes and their speakers, and speakers matched to parties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.draft.attribution import find_attributions, find_quotes, find_relayed, match_party
from generator.model import Party

PARTIES = [
    Party.model_validate(
        {"id": "ru-mod", "name": {"fr": "Ministère russe de la Défense", "en": "Russian Ministry of Defence"}, "kind": "military"}
    ),
    Party.model_validate(
        {
            "id": "us-dia",
            "name": {"fr": "Agence de renseignement de la Défense des États-Unis (DIA)", "en": "US Defense Intelligence Agency (DIA)"},
            "kind": "intelligence",
        }
    ),
    Party.model_validate(
        {"id": "ua-air-force", "name": {"fr": "Armée de l'air ukrainienne", "en": "Ukrainian Air Force"}, "kind": "military"}
    ),
    Party.model_validate(
        {
            "id": "ru-krasnodar",
            "name": {"fr": "Autorités locales (kraï de Krasnodar)", "en": "Local authorities (Krasnodar Krai)"},
            "kind": "local_authority",
        }
    ),
    Party.model_validate(
        {
            "id": "ru-belgorod",
            "name": {"fr": "Autorités locales (oblast de Belgorod)", "en": "Local authorities (Belgorod Oblast)"},
            "kind": "local_authority",
        }
    ),
]


def said(sentence: str, language: str) -> list[tuple[str, str]]:
    return [(found.speaker, found.phrase.lower()) for found in find_attributions(sentence, language)]


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        (
            "En parallèle, le ministère russe de la Défense a annoncé avoir neutralisé 29 drones",
            "fr",
            [("le ministère russe de la Défense", "a annoncé")],
        ),
        ("Les autorités locales ont rapporté qu'un incendie s'était déclaré", "fr", [("Les autorités locales", "ont rapporté")]),
        ("Selon les autorités locales, deux personnes ont été blessées.", "fr", [("les autorités locales", "selon")]),
        (
            "L'Agence de renseignement de la Défense (DIA) des États-Unis a confirmé ces accusations",
            "fr",
            [("L'Agence de renseignement de la Défense (DIA) des États-Unis", "a confirmé")],
        ),
        ("Russia launched 23 drones, Ukraine's Air Force said on Telegram.", "en", [("Ukraine's Air Force", "said")]),
        ("According to the regional governor, two people were injured.", "en", [("the regional governor", "according to")]),
        ("Two people were injured, the governor reported.", "en", [("the governor", "reported")]),
    ],
)
def test_attribution_phrases_and_their_speakers(sentence: str, language: str, expected: list[tuple[str, str]]) -> None:
    assert said(sentence, language) == expected


def test_quotes_and_their_speakers_in_both_languages() -> None:
    text = "« L'analyse confirme que la Russie utilise des missiles balistiques », a déclaré la DIA dans un communiqué."
    (quote,) = find_quotes(text, "fr")
    assert quote.text == "L'analyse confirme que la Russie utilise des missiles balistiques" and quote.speaker == "la DIA"
    (quote,) = find_quotes("Le gouverneur a déclaré : « Deux drones ont été abattus ».", "fr")
    assert quote.text == "Deux drones ont été abattus" and quote.speaker == "Le gouverneur"
    (quote,) = find_quotes('"We shot down 20 drones," said Yurii Ihnat.', "en")
    assert quote.text == "We shot down 20 drones" and quote.speaker == "Yurii Ihnat"
    (quote,) = find_quotes("He wrote “no damage” and left.", "en")
    assert quote.text == "no damage" and quote.speaker == "He"
    (quote,) = find_quotes("The sign at the gate read “no entry” all day.", "en")
    assert quote.text == "no entry" and quote.speaker is None


def test_relayed_outlets() -> None:
    assert find_relayed("… a déclaré la DIA dans un communiqué. Rapporte Le Figaro.", "fr") == ["Le Figaro"]
    assert find_relayed("Two were killed, according to Reuters.", "en") == ["Reuters"]
    assert find_relayed("Selon les autorités locales, rien.", "fr") == []


@pytest.mark.parametrize(
    ("speaker", "language", "party"),
    [
        ("le ministère russe de la Défense", "fr", "ru-mod"),
        ("Russia's Defence Ministry", "en", "ru-mod"),
        ("la DIA", "fr", "us-dia"),
        ("L'Agence de renseignement de la Défense (DIA) des États-Unis", "fr", "us-dia"),
        ("Ukraine's Air Force", "en", "ua-air-force"),
    ],
)
def test_speakers_match_parties_by_their_names_in_any_language(speaker: str, language: str, party: str) -> None:
    assert match_party(speaker, PARTIES, language).party == party


def test_an_unknown_speaker_is_a_party_to_propose_and_an_ambiguous_one_is_marked() -> None:
    unknown = match_party("Le Figaro", PARTIES, "fr")
    assert unknown.party is None and unknown.check and "propose" in unknown.check
    ambiguous = match_party("Les autorités locales", PARTIES, "fr")
    assert ambiguous.check and ("ru-krasnodar" in ambiguous.check or "ru-belgorod" in ambiguous.check)


@given(st.text(max_size=300), st.sampled_from(["fr", "en"]))
def test_any_text_gives_attributions_and_quotes_in_its_own_words(text: str, language: str) -> None:
    for found in find_attributions(text, language):
        assert found.speaker and found.speaker in text and text[found.start : found.start + len(found.phrase)] == found.phrase
    for quote in find_quotes(text, language):
        assert quote.text in text[quote.start : quote.end]
    assert all(outlet in text for outlet in find_relayed(text, language))


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        (
            "Le ministère russe de la Défense a pour sa part assuré avoir abattu 12 drones.",
            "fr",
            ("Le ministère russe de la Défense", "a pour sa part assuré"),
        ),
        ("The ministry also said 12 drones were downed.", "en", ("The ministry", "also said")),
        (
            "Le gouverneur de la région de Koursk, Alexeï Smirnov, a fait état de trois blessés.",
            "fr",
            ("Le gouverneur de la région de Koursk, Alexeï Smirnov", "a fait état"),
        ),
        ("Deux morts, a indiqué le gouverneur régional.", "fr", ("le gouverneur régional", "a indiqué")),
    ],
    ids=["inserted-fr", "inserted-en", "title-and-name", "inverted"],
)
def test_a_speaker_around_words_inside_the_verb_or_a_name_set_off_by_commas(
    sentence: str, language: str, expected: tuple[str, str]
) -> None:
    assert said(sentence, language)[0] == expected
