"""Text that broke the drafter or made it crawl (a review's findings): each drafts, into valid YAML in the schema,
and quickly. Times are asserted only as "does not hang" (tens of seconds); the drafter's figures are the benchmark's."""

from __future__ import annotations

import datetime as dt
import time

import pytest
import yaml
from pydantic import ValidationError

from generator.draft.drafter import Drafter
from generator.draft.writer import write_draft
from generator.gazetteer.store import shipped_gazetteer
from generator.model import ArticleFile
from generator.weapons.catalogue import shipped_catalogue

DRAFTER = Drafter([], shipped_gazetteer(), shipped_catalogue())
DAY = dt.date(2024, 5, 31)


def drafted(text: str, language: str | None = "fr") -> dict[str, object]:
    started = time.perf_counter()
    body, _ = write_draft(DRAFTER.draft(text, DAY, language))
    assert time.perf_counter() - started < 20, "the drafter should not take this long on any text"
    parsed = yaml.safe_load(body)
    assert isinstance(parsed, dict)
    return parsed


def schema_problems(parsed: dict[str, object]) -> list[str]:
    """What the content schema says of the draft, but the summary (and the title, when the text has none)."""
    try:
        ArticleFile.model_validate(parsed)
    except ValidationError as error:
        return [
            ".".join(map(str, item["loc"]))
            for item in error.errors()
            if tuple(item["loc"][:2]) not in {("article", "summary"), ("article", "title")}
        ]
    return []


@pytest.mark.parametrize(
    "text",
    [
        "Titre\nTrois morts à Kharkiv, selon le  gouverneur.",
        "Title\nThree killed in Kharkiv, according to the\tgovernor.",
        "Titre\nTrois morts à Kharkiv, selon le gouverneur\u00a0Syniehoubov.",
        "Titre\n" + "123 " * 2000 + "drones abattus",
        "Titre\nen janvier 0000, puis la nuit du 31 au 1 janvier 0001, the night of Jan 0-1, 0001",
        "Titre\nle 1er janvier 0001 et January 5, 9999",
        "Titre\r" + "À Kharkiv, 3 morts.\r",
    ],
)
def test_text_that_crashed_the_drafter_drafts(text: str) -> None:
    assert schema_problems(drafted(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "X accusé par" + " " * 2000 + "x",
        "T\n" + "A-" * 250 + " Oblast",
        "T\nLe ministre accuse Moscou « " + " " * 3000,
        "T\n" + "«a " * 8000,
        "T\n" + "3 morts, " * 2000,
        "T\n" + "X said " * 8000,
    ],
)
def test_text_that_made_the_drafter_crawl_drafts_in_time(text: str) -> None:
    drafted(text, "fr")
    drafted(text, "en")


def test_a_proposed_party_id_is_an_id_and_any_script_gives_its_own() -> None:
    parsed = drafted("T\nÀ Kharkiv, 3 morts, selon le porte-parole du commandement aérien des forces armées ukrainiennes Ihnat.")
    assert schema_problems(parsed) == []
    kharkiv = drafted("T\nУ Харкові 3 загиблих, заявив Синєгубов. À Kharkiv, 3 morts, selon Синєгубов.")
    assert schema_problems(kharkiv) == []


def test_an_unread_language_is_detected_as_one_the_drafter_reads() -> None:
    assert drafted("Title\nThree were killed in Kharkiv, the governor said.", "uk")["article"]["language"] in ("fr", "en")  # type: ignore[index]
