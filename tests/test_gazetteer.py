"""Places by any name: the gazetteer resolves what editors write, says exactly what it cannot resolve, and takes additions."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, copy_content, read_content
from generator.articles import ArticlesContributor
from generator.errors import ContentError
from generator.gazetteer import Level, locate, name_key, shipped_gazetteer
from generator.model import Place, PlacePrecision
from generator.places import place_mismatch, refines

CONTENTS = [ROOT / "content", *(FIXTURES / name / "content" for name in ("golden", "events", "names"))]


def _place(**fields: str) -> Place:
    fields.setdefault("precision", "settlement" if "settlement" in fields else "region")
    return Place.model_validate(fields)


def _id(**fields: str) -> str:
    located, problems = locate(_place(**fields), shipped_gazetteer())
    assert located is not None, problems
    assert located.finest is not None
    return located.finest.id


@pytest.mark.parametrize("content", CONTENTS, ids=[path.parent.name for path in CONTENTS])
def test_every_place_of_the_shipped_content_and_the_fixtures_resolves(content: Path) -> None:
    loaded = read_content(content)
    places = [
        place
        for article_file in loaded.find(ArticlesContributor).corpus.articles
        for strike in article_file.strikes
        for place in (strike.where, *strike.launch_places)
    ]
    assert places
    for place in places:
        located = loaded.atlas(place)
        if place.country in ("UA", "RU"):
            assert located.region is not None and located.region.id.startswith(place.country.lower()), place


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["Kiev", "Kyiv", "Київ", "Киев", "Kiyev"], "ua-kyiv"),
        (["Odessa", "Odesa", "Одеса", "Одесса"], "ua-odesa"),
        (["Kharkiv", "Kharkov", "Харків", "Харьков"], "ua-kharkiv"),
        (["Zaporijia", "Zaporijjia", "Zaporizhzhia", "Zaporozhye", "Запоріжжя"], "ua-zaporizhzhia"),
    ],
    ids=["kyiv", "odesa", "kharkiv", "zaporizhzhia"],
)
def test_a_ukrainian_settlement_by_its_french_english_ukrainian_russian_and_transliterated_names(names: list[str], expected: str) -> None:
    assert {_id(settlement=name, country="UA") for name in names} == {expected}


def test_an_own_name_comes_before_an_other_spelling_unless_a_city_of_that_spelling_dwarfs_it() -> None:
    """``Zaporijjia`` (the press's French spelling, an other spelling of the city) is the city before the two villages
    whose French name it is; ``Lgov`` stays the town of that name (its population unknown), not Lgovsky."""
    gazetteer = shipped_gazetteer()
    found = [entry.id for entry in gazetteer.named("Zaporijjia", "UA", [Level.settlement])]
    assert found[0] == "ua-zaporizhzhia" and len(found) == 3
    assert [entry.id for entry in gazetteer.named("Lgov", "RU", [Level.settlement])] == ["ru-lgov"]


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["Koursk", "Kursk", "Курск"], "ru-kursk"),
        (["Voronej", "Voronezh", "Воронеж"], "ru-voronezh"),
        (["Temriouk", "Temryuk"], "ru-temryuk"),
    ],
    ids=["kursk", "voronezh", "temryuk"],
)
def test_a_russian_settlement_by_its_names(names: list[str], expected: str) -> None:
    assert {_id(settlement=name, country="RU") for name in names} == {expected}


def test_regions_by_any_name_and_the_contested_ones_from_either_side() -> None:
    assert {_id(region=name, country="UA") for name in ("Oblast d'Odessa", "Odesa Oblast", "Odessa Oblast", "Одеська область")} == {
        "ua-odesa-oblast"
    }
    assert {_id(region=name, country="RU") for name in ("Kraï de Krasnodar", "Krasnodar Krai", "Краснодарский край")} == {
        "ru-krasnodar-krai"
    }
    # Crimea is Ukraine's in the gazetteer (its status is contested); an article writing it as Russian still resolves.
    assert _id(region="Crimée", country="RU") == _id(region="Crimea", country="UA") == "ua-crimea"
    assert shipped_gazetteer()["ua-crimea"].status == "contested"


def test_a_raion_is_not_a_neighbourhood() -> None:
    gazetteer = shipped_gazetteer()
    raion, _ = locate(_place(raion="Raïon de Brovary", region="Oblast de Kiev", country="UA", precision="raion"), gazetteer)
    assert raion is not None and raion.raion is not None and raion.raion.level is Level.raion
    assert (
        raion.raion.id
        == _id(raion="Brovary Raion", country="UA", precision="raion")
        == _id(raion="Броварський район", country="UA", precision="raion")
    )
    assert raion.region is not None and raion.region.id == "ua-kyiv-oblast"
    quarter, _ = locate(_place(neighbourhood="Saltivskyi", settlement="Kharkiv", country="UA", precision="neighbourhood"), gazetteer)
    assert quarter is not None and quarter.raion is None and quarter.neighbourhood == "Saltivskyi"
    # The older `district`: a quarter under a settlement, a raion without one.
    older, _ = locate(_place(district="Novobavarsky", settlement="Kharkiv", country="UA", precision="district"), gazetteer)
    assert older is not None and older.precision is PlacePrecision.neighbourhood and older.neighbourhood == "Novobavarsky"
    as_raion, _ = locate(_place(district="Brovary", region="Kyiv Oblast", country="UA", precision="district"), gazetteer)
    assert as_raion is not None and as_raion.precision is PlacePrecision.raion and as_raion.raion == raion.raion


def test_kyiv_city_under_kyiv_oblast_is_the_city_and_can_be_one_event_with_the_oblast() -> None:
    gazetteer = shipped_gazetteer()
    city, _ = locate(_place(settlement="Kyiv", region="Oblast de Kiev", country="UA"), gazetteer)
    oblast, _ = locate(_place(region="Kyiv Oblast", country="UA"), gazetteer)
    assert city is not None and oblast is not None
    assert city.region is not None and city.region.id == "ua-kyiv"
    assert place_mismatch(city, oblast) is None
    odesa, _ = locate(_place(settlement="Odesa", country="UA"), gazetteer)
    assert odesa is not None and place_mismatch(city, odesa) == "another settlement"


def test_a_finer_place_refines_a_coarser_one_by_ids_whatever_the_spelling() -> None:
    gazetteer = shipped_gazetteer()
    port, _ = locate(_place(site="Port", settlement="Odessa", region="Oblast d'Odessa", country="UA", precision="site"), gazetteer)
    city, _ = locate(_place(settlement="Odesa", country="UA"), gazetteer)
    assert port is not None and city is not None
    assert refines(port, city) and not refines(city, port)


def _content_with(tmp_path: Path, where: str) -> Path:
    """The names fixture and one more article, whose one strike is at ``where`` (line 10 of the file)."""
    content = copy_content(FIXTURES / "names" / "content", tmp_path / "content")
    (content / "articles" / "2024-09-02-test.yaml").write_text(
        "article: {id: 2024-09-02-test, title: Test, published: 2024-09-02, language: fr, summary: Test.}\n"
        "strikes:\n"
        "  - id: test-2024-09-02\n"
        "    direction: on_ukraine\n"
        "    headline: Test\n"
        "    when: {start: 2024-09-02, precision: day}\n"
        "    reported_by: [ua-authorities]\n"
        "    weapons: [{category: drone, claimed_by: [ua-authorities]}]\n"
        "    notes: [Test.]\n"
        f"    where: {where}\n",
        encoding="utf-8",
    )
    return content


def _problems(content: Path) -> list[str]:
    with pytest.raises(ContentError) as raised:
        read_content(content)
    return [str(problem) for problem in raised.value.problems]


def test_an_unknown_place_is_named_with_its_line_field_and_the_closest_names(tmp_path: Path) -> None:
    content = _content_with(tmp_path, "{settlement: Kharkow, region: Kharkiv Oblast, country: UA, precision: settlement}")
    assert _problems(content) == [
        "content/articles/2024-09-02-test.yaml:10: strikes[0].where.settlement: unknown settlement 'Kharkow' "
        "in Kharkiv Oblast; closest: Kharkiv (ua-kharkiv, Kharkiv Oblast), Kharkivka (ua-kharkivka, Cherkasy Oblast), "
        "Kharkivtsi (ua-kharkivtsi-poltava-706472, Poltava Oblast); "
        "a settlement the gazetteer lacks is added in content/places.yaml"
    ]


def test_a_settlement_in_another_region_than_the_one_given_is_refused(tmp_path: Path) -> None:
    content = _content_with(tmp_path, "{settlement: Temriouk, region: Oblast de Belgorod, country: RU, precision: settlement}")
    assert _problems(content) == [
        "content/articles/2024-09-02-test.yaml:10: strikes[0].where.settlement: "
        "'Temriouk' is Temryuk (ru-temryuk), in Krasnodar Krai, not in Belgorod Oblast"
    ]


def test_an_ambiguous_name_lists_its_places_and_asks_for_the_region_or_the_id(tmp_path: Path) -> None:
    gazetteer = shipped_gazetteer()
    name = next(key for key, ids in gazetteer._by_name_key.items() if len({gazetteer[entry].parent for entry in ids}) > 1 and len(ids) == 2)
    _, problems = locate(_place(settlement=name, country=gazetteer[gazetteer._by_name_key[name][0]].country), gazetteer)
    assert len(problems) == 1 and f"'{name}' names 2 places: " in problems[0].message
    assert problems[0].message.endswith("; give the region, or write the id")
    first = gazetteer._by_name_key[name][0]
    assert _id(settlement=first, country=gazetteer[first].country) == first, "an id is always unambiguous"


def test_an_editor_adds_a_settlement_in_places_yaml(tmp_path: Path) -> None:
    content = read_content(FIXTURES / "names" / "content")
    added = content.atlas.gazetteer["ua-zelenyi-hai-test"]
    assert added.level is Level.settlement and added.parent == "ua-brovary-raion"
    assert added.name("fr") == "Zelenyï Hai-Test" and (added.lat, added.lon) == (50.6, 30.9)
    assert added in content.atlas.gazetteer.added


def test_bad_additions_are_located_each_one(tmp_path: Path) -> None:
    content = copy_content(FIXTURES / "names" / "content", tmp_path / "content")
    (content / "places.yaml").write_text(
        "places:\n"
        "  - name: {en: Nowhere-Test}\n    country: UA\n    parent: Oblast de Nulle-Part\n    lat: 50\n    lon: 30\n"
        "  - name: {en: Kharkiv}\n    country: UA\n    parent: Kharkiv Oblast\n    lat: 50\n    lon: 36\n",
        encoding="utf-8",
    )
    problems = _problems(content)
    assert any(
        problem.startswith("content/places.yaml:4: places[0].parent: 'Oblast de Nulle-Part' is not a region or raion")
        for problem in problems
    )
    assert "content/places.yaml:7: places[1].id: id 'ua-kharkiv' is already taken; give this place an `id` of its own" in problems
    # The article naming the addition that is no longer there is reported too, in the same run.
    assert any("strikes[1].where.settlement: unknown settlement 'Zelenyi Hai-Test'" in problem for problem in problems)


def test_an_addition_off_the_globe_is_a_schema_error(tmp_path: Path) -> None:
    content = copy_content(FIXTURES / "names" / "content", tmp_path / "content")
    places = content / "places.yaml"
    places.write_text(places.read_text(encoding="utf-8").replace("lat: 50.6", "lat: 95"), encoding="utf-8")
    assert any(problem.startswith("content/places.yaml:6: places[0].lat: ") for problem in _problems(content))


def test_names_compare_across_case_accents_apostrophes_and_elision() -> None:
    assert name_key("Kraï-de-Krasnodar") == name_key("krai de krasnodar")
    assert name_key("L'viv") == name_key("Lviv")
    assert name_key("Oblast d'Odessa").split()[-1] == name_key("Odessa")
    assert name_key("ЛЬВІВ") == name_key("львів")
