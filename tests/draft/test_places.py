"""Places an article names, found through the gazetteer after words that introduce a place."""

from __future__ import annotations

from generator.draft.places import find_places, launch_place, where
from generator.gazetteer.store import shipped_gazetteer

GAZETTEER = shipped_gazetteer()


def places(sentence: str, language: str) -> list[tuple[str, str | None, str]]:
    return [(found.name, found.entry.id if found.entry else None, found.gives) for found in find_places(sentence, GAZETTEER, language)]


def test_settlements_regions_and_neighbourhoods_in_french() -> None:
    assert places("un incendie s'était déclaré dans un dépôt pétrolier à Temriouk", "fr") == [("Temriouk", "ru-temryuk", "settlement")]
    assert places("29 drones ukrainiens dans la région de Krasnodar", "fr") == [("Krasnodar", "ru-krasnodar-krai", "region")]
    assert places("des frappes dans la ville de Kharkiv", "fr") == [("Kharkiv", "ua-kharkiv", "settlement")]
    assert places("touché dans le quartier de Novobavarsky", "fr") == [("Novobavarsky", None, "neighbourhood")]


def test_a_where_block_from_the_gazetteer() -> None:
    mentions = find_places("À Novorossiïsk, une autre frappe a été repoussée", GAZETTEER, "fr")
    assert where(mentions, GAZETTEER, "fr") == {
        "settlement": "Novorossiïsk",
        "region": "Kraï de Krasnodar",
        "country": "RU",
        "precision": "settlement",
    }
    assert where(find_places("Une attaque massive de missiles sur Kiev", GAZETTEER, "fr"), GAZETTEER, "fr") == {
        "settlement": "Kiev",
        "region": "Kiev",
        "country": "UA",
        "precision": "settlement",
    }


def test_launch_places() -> None:
    mentions = find_places("des missiles S-300 tirés depuis la région russe de Belgorod", GAZETTEER, "fr")
    assert where(mentions, GAZETTEER, "fr") is None
    assert launch_place(mentions, "fr") == {"region": "Oblast de Belgorod", "country": "RU", "precision": "region"}
    english = find_places("20 drones shot down over Kyiv Oblast, launched from Kursk Oblast", GAZETTEER, "en")
    assert where(english, GAZETTEER, "en") == {"region": "Kyiv Oblast", "country": "UA", "precision": "region"}
    assert launch_place(english, "en") == {"region": "Kursk Oblast", "country": "RU", "precision": "region"}


def test_english_settlements_and_districts() -> None:
    mentions = find_places("Russian drones hit Kharkiv overnight, injuring 5 in the Kyivskyi district", GAZETTEER, "en")
    assert where(mentions, GAZETTEER, "en") == {
        "neighbourhood": "Kyivskyi",
        "settlement": "Kharkiv",
        "region": "Kharkiv Oblast",
        "country": "UA",
        "precision": "neighbourhood",
    }


def test_a_name_without_a_word_that_introduces_a_place_is_not_one() -> None:
    assert places("Moscou accuse Kiev de provocations", "fr") == []
    assert places("Kyiv says Moscow lied", "en") == []
