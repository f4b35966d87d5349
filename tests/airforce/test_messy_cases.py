"""One fixture per thing the published format allows: each imports as documented, or is skipped with its reason."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from airforce.conftest import FIXTURES
from generator.airforce import AttackWave, ImportReport, import_airforce, load_waves
from generator.airforce.tally import owner_of, tally
from generator.errors import BriefingError
from generator.weapons import Category

Importer = Callable[[str], tuple[ImportReport, list[AttackWave]]]


def only(waves: list[AttackWave]) -> AttackWave:
    assert len(waves) == 1
    return waves[0]


def test_date_without_time(import_fixture: Importer) -> None:
    wave = only(import_fixture("date-without-time")[1])
    assert (wave.id, wave.start, wave.end) == ("af-2024-05-01-a8d36ca3", "2024-05-01", "2024-05-01")


def test_date_with_stray_space(import_fixture: Importer) -> None:
    wave = only(import_fixture("date-with-stray-space")[1])
    assert (wave.start, wave.end, wave.import_notes) == ("2024-05-16", "2024-05-16", [])


def test_dotted_date(import_fixture: Importer) -> None:
    wave = only(import_fixture("dotted-date")[1])
    assert (wave.start, wave.end) == ("2024-05-20T06:30", "2024-05-20T08:00")


def test_wave_spanning_midnight_keeps_both_days(import_fixture: Importer) -> None:
    wave = only(import_fixture("wave-spanning-midnight")[1])
    assert (wave.start, wave.end, wave.report_date.isoformat()) == ("2026-02-07T18:00", "2026-02-08T08:30", "2026-02-08")


def test_end_earlier_the_same_day_is_read_as_the_next_morning(import_fixture: Importer) -> None:
    wave = only(import_fixture("end-earlier-same-day")[1])
    assert (wave.start, wave.end) == ("2023-01-01T19:00", "2023-01-02T07:00")
    assert wave.import_notes == ["time_end '2023-01-01 07:00' is earlier than the start the same day; read as the next day"]


def test_several_models_make_one_wave_listing_each(import_fixture: Importer) -> None:
    wave = only(import_fixture("several-models")[1])
    assert (wave.model, wave.category, wave.type, wave.origin) == ("C-300 and Iskander-M", Category.missile, None, ["RU"])
    assert [(model.name, model.type) for model in wave.models] == [
        ("C-300", "surface-to-air missile"),
        ("Iskander-M", "ballistic missile"),
    ]
    assert (wave.launched, wave.destroyed, wave.launch_place) == (32, 11, ["Bryansk oblast", "Crimea"])


def test_cyrillic_model_names(import_fixture: Importer) -> None:
    waves = import_fixture("cyrillic-model")[1]
    assert [(wave.model_as_published, wave.model, wave.category, wave.models[0].catalogued) for wave in waves] == [
        ("Х-101", "X-101/X-555", Category.missile, True),
        ("Молнія", "Молнія", Category.uav, True),
    ]


def test_generic_and_uncatalogued_model_names(import_fixture: Importer) -> None:
    waves = import_fixture("generic-model")[1]
    assert [(wave.model, wave.category, wave.models[0].catalogued) for wave in waves] == [
        ("Jet drone", Category.uav, False),
        ("Unknown UAV", Category.uav, True),
        ("Unknown Missile", Category.missile, True),
    ]


def test_decimal_counts(import_fixture: Importer) -> None:
    wave = only(import_fixture("decimal-counts")[1])
    assert (wave.launched, wave.destroyed, wave.not_reach_goal, wave.still_attacking) == (35, 30, 2, 0)


def test_a_missing_count_stays_empty(import_fixture: Importer) -> None:
    wave = only(import_fixture("missing-counts")[1])
    assert (wave.launched, wave.destroyed, wave.import_notes) == (None, 0, [])


def test_nan_is_empty(import_fixture: Importer) -> None:
    wave = only(import_fixture("nan-values")[1])
    assert (wave.launched, wave.destroyed, wave.launch_place, wave.target, wave.carrier) == (None, 37, [], [], None)
    assert (wave.destroyed_details, wave.import_notes) == ({}, [])


def test_python_literal_dicts_and_lists(import_fixture: Importer) -> None:
    wave = only(import_fixture("literal-dicts")[1])
    assert wave.destroyed_details == {"south": 55, "east": None, "Odesa oblast and Mykolaiv oblast": 7}
    assert wave.launched_details == {"south": None}
    assert (wave.affected_regions, wave.target_main) == (["Kyiv oblast", "Kharkiv oblast"], ["Kyiv oblast", "Kharkiv oblast"])
    assert (wave.shahed_count, wave.hit_locations, wave.fragment_locations) == (300, 27, 17)
    assert wave.import_notes == [
        "launched_details: 'south' has 'many', not a whole number; left empty",
        "launch_place_details \"{'Kursk oblast': 10\" is not a readable dict or list; not read",
    ]


def test_places_joined_by_and_or_commas(import_fixture: Importer) -> None:
    waves = import_fixture("places-joined")[1]
    assert [(wave.launch_place, wave.target) for wave in waves] == [
        (["Caspian Sea", "Saratov oblast"], ["Dnipropetrovsk oblast, Kryvyi Rih Raion", "Poltava oblast"]),
        (["Primorsko-Akhtarsk", "Chauda, Crimea", "Yeysk"], ["Ukraine"]),
    ]


def test_directions_are_kept_and_flagged(import_fixture: Importer) -> None:
    waves = import_fixture("direction-target")[1]
    assert [(wave.target, wave.target_is_direction, wave.launch_place) for wave in waves] == [
        (["Kyiv oblast", "north"], True, ["Kursk oblast", "Belarus"]),
        (["Kharkiv oblast"], False, ["south-east"]),
    ]


def test_rows_of_one_post_model_and_start_are_merged(import_fixture: Importer) -> None:
    report, waves = import_fixture("merged-rows")
    wave = only(waves)
    assert (report.imported, report.merged) == (1, 1)
    assert (wave.target, wave.launched, wave.destroyed) == (["Kherson oblast", "Kirovohrad oblast"], None, 2)
    assert [(part.target, part.launched, part.destroyed) for part in wave.parts] == [
        (["Kherson oblast"], 1, 1),
        (["Kirovohrad oblast"], None, 1),
    ]
    assert wave.import_notes == ["launched is not given by every merged row; the total is left empty (see parts)"]


def test_other_source_forms(import_fixture: Importer) -> None:
    waves = import_fixture("other-sources")[1]
    assert [(wave.source.url, wave.source.account) for wave in waves] == [
        ("https://www.facebook.com/watch/?v=375517448001233", None),
        ("https://www.facebook.com/PvKPivden/videos/698815895479087/", "PvKPivden"),
        ("https://www.facebook.com/kpszsu/posts/pfbid0Full", "kpszsu"),
    ]


@pytest.mark.parametrize(
    ("name", "skipped", "lines"),
    [
        ("duplicate-row", {"duplicate row": 1}, [3]),
        ("conflicting-duplicate", {"same post, model, start, target and launch place as an earlier row, other figures": 1}, [3]),
        ("end-before-start", {"end before start": 1}, [2]),
        ("no-counts", {"no counts": 1}, [2]),
        ("unreadable-counts", {"unreadable counts": 1}, [2]),
        ("no-date", {"no date": 1}, [2]),
        ("unreadable-date", {"unreadable date": 1}, [2]),
        ("no-model", {"no model": 2}, [2, 3]),
        ("no-source", {"no source": 1}, [2]),
        ("wrong-column-count", {"wrong number of columns": 1}, [2]),
    ],
)
def test_rows_skipped_with_their_reason(import_fixture: Importer, name: str, skipped: dict[str, int], lines: list[int]) -> None:
    report, _ = import_fixture(name)
    assert report.skipped == skipped
    assert [skip.line for skip in report.skipped_lines] == lines


def test_the_summary_names_each_outcome_and_reason(import_fixture: Importer) -> None:
    report, _ = import_fixture("no-model")
    assert report.summary().splitlines()[1:] == [
        "  imported:  0 (new waves)",
        "  updated:   0 (revised waves)",
        "  unchanged: 0",
        "  merged:    0 (rows joined to a wave of the same post, model and start)",
        "  skipped:   2",
        "    no model: 2 (line 2, 3)",
        "  files written: none (nothing changed)",
    ]


def test_a_night_of_jammed_drones_keeps_what_did_not_reach_its_target(import_fixture: Importer) -> None:
    report, waves = import_fixture("jammed-night")
    wave = only(waves)
    assert (wave.launched, wave.destroyed, wave.not_reach_goal, wave.import_notes) == (728, 296, 415, [])
    assert report.inconsistent == []


def test_more_destroyed_than_launched_is_kept_as_published_and_flagged(import_fixture: Importer) -> None:
    report, waves = import_fixture("destroyed-over-launched")
    wave = only(waves)
    assert (wave.launched, wave.destroyed) == (2, 4)
    assert wave.import_notes == [
        "the post's figures contradict each other: 4 destroyed of 2 launched; kept as published, left out of the rates"
    ]
    assert report.inconsistent == [f"{wave.id} (2024-06-10, X-59/X-69): 4 destroyed of 2 launched"]
    assert (
        f"figures contradicting each other, kept as published and left out of the rates: 1\n    {report.inconsistent[0]}"
        in report.summary()
    )


def test_two_salvos_of_one_model_from_two_launch_places_are_both_counted(import_fixture: Importer) -> None:
    report, waves = import_fixture("two-salvos")
    wave = only(waves)
    assert (report.merged, report.skipped) == (1, {})
    assert (wave.launched, wave.destroyed, wave.launch_place) == (32, 28, ["Kursk oblast", "Primorsko-Akhtarsk"])
    assert [(part.launch_place, part.launched) for part in wave.parts] == [(["Kursk oblast"], 20), (["Primorsko-Akhtarsk"], 12)]


def test_an_oversized_cell_is_dropped_and_the_row_kept(import_fixture: Importer) -> None:
    report, waves = import_fixture("oversized-cell")
    wave = only(waves)
    assert (report.imported, report.skipped) == (1, {})
    assert (wave.launched, wave.destroyed, wave.launch_place) == (5, 4, [])
    assert wave.import_notes == ["launch_place is 60,000 characters, longer than 2,000; dropped, the row's figures kept"]


def test_an_import_that_would_write_a_file_too_big_to_load_writes_nothing(tmp_path: Path) -> None:
    header = (FIXTURES / "date-without-time.csv").read_text(encoding="utf-8").splitlines()[0]
    place = "y" * 2_000  # each cell as long as the importer keeps
    rows = [
        f'2024-06-{day:02d} 19:00,2024-06-{day:02d} 23:00,Shahed-136/131,"{place}","{place}",,5.0,4.0,,,{{}},,,,"{place}",,,,,,,'
        f"kpszsu/posts/big{n}"
        for n in range(400)
        for day in [1 + n % 28]
    ]
    big = tmp_path / "big.csv"
    big.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    content = tmp_path / "content"
    with pytest.raises(
        BriefingError, match=r"2024-06\.yaml would be [\d,]+ bytes, over the 2,000,000-byte limit of a content file; nothing written"
    ):
        import_airforce(big, content)
    assert not (content / "airforce").exists() or not any((content / "airforce").iterdir())


def test_every_source_form_has_its_platform_account_link_and_owner(import_fixture: Importer) -> None:
    """Telegram and other hosts, the General Staff and the Commander-in-Chief, a regional administration, an unofficial
    channel, and accounts the registry does not know: each under its real owner, linked on its real host."""
    report, waves = import_fixture("source-registry")
    found = [(w.source.platform, w.source.account, w.source.url, owner_of(w).id, owner_of(w).scope.value) for w in waves]
    assert found == [
        ("telegram", "kpszsu", "https://t.me/kpszsu/41001", "ua-air-force", "national"),
        ("telegram", "kpszsu", "https://t.me/kpszsu/41020", "ua-air-force", "national"),
        ("facebook", "GeneralStaff.ua", "https://www.facebook.com/GeneralStaff.ua/posts/pfbid0GenStaff", "ua-general-staff", "national"),
        ("facebook", "CinC.AFU", "https://www.facebook.com/CinC.AFU/posts/pfbid0CinC", "ua-commander-in-chief", "national"),
        ("web", "gur.gov.ua", "https://gur.gov.ua/content/zvit.html", "ua-military-intelligence", "national"),
        ("telegram", "VA_Kyiv", "https://t.me/VA_Kyiv/9001", "ua-kyiv-city-administration", "regional"),
        ("telegram", "war_monitor", "https://t.me/war_monitor/5555", "channel-war-monitor", "other"),
        ("facebook", "SomeNewPage", "https://www.facebook.com/SomeNewPage/posts/pfbid0Unknown", "unidentified-source", "other"),
        ("web", "news.example.ua", "https://news.example.ua/2025/03/10/night.html", "unidentified-source", "other"),
    ]
    assert report.unidentified == {"facebook SomeNewPage": 1, "web news.example.ua": 1}
    assert (
        "  unidentified sources, shown as such (add the account to generator/airforce/data/sources.yaml to name its owner): "
        "2 account(s), 2 wave(s)\n    facebook SomeNewPage: 1 wave(s)\n    web news.example.ua: 1 wave(s)"
    ) in report.summary()
    national = [w for w in waves if owner_of(w).scope.value == "national"]
    assert tally(national).launched == 100 + 110 + 12 + 8 + 2, "every national owner's report, on any platform, is national"


def test_a_newer_file_correcting_a_start_updates_the_wave_once(content_dir: Path) -> None:
    """v2 moves the first wave's start past midnight (into June), revises the Kalibr's launched count, and no longer
    lists the wave of 2 June: the first two are updated, not added again; the third is kept and listed as missing."""
    import_airforce(FIXTURES / "corrected-start-v1.csv", content_dir)
    before = {wave.model: wave for wave in load_waves(content_dir)[0] if wave.source.path.endswith("Night1")}

    report = import_airforce(FIXTURES / "corrected-start-v2.csv", content_dir)
    waves, problems = load_waves(content_dir)

    assert problems == [], "a corrected wave keeps its id, which still validates against what it was made from"
    assert (report.imported, report.updated, report.unchanged) == (1, 2, 0)
    assert len(waves) == 4, "three waves of v1 (one missing from v2, kept) and the new night of v2: none counted twice"
    shahed = next(wave for wave in waves if wave.id == before["Shahed-136/131"].id)
    assert (shahed.start, shahed.revision) == ("2024-06-01T00:10", 2)
    assert shahed.id_from is not None and shahed.id_from.start == "2024-05-31T23:30"
    kalibr = next(wave for wave in waves if wave.id == before["Kalibr"].id)
    assert (kalibr.launched, kalibr.revision) == (6, 2)
    assert report.corrected == [f"{shahed.id} (2024-05-31, Shahed-136/131): start 2024-05-31T23:30 → 2024-06-01T00:10"]
    assert report.revised == [f"{kalibr.id} (2024-06-01, Kalibr): launched 4 → 6"]
    missing = next(wave for wave in waves if wave.source.path.endswith("Night2"))
    assert report.missing == [f"{missing.id} (2024-06-02T20:00, Shahed-136/131, kpszsu/posts/pfbidNight2)"]
    assert [Path(path).name for path in report.files_removed] == ["2024-05.yaml"], "its only wave moved to June"
    summary = report.summary()
    assert (
        f"  likely corrections (same post, start or model moved), applied to the stored wave, not added: 1\n    {report.corrected[0]}"
        in summary
    )
    assert f"  revised figures or details (same post, model and start): 1\n    {report.revised[0]}" in summary
    assert f"  stored waves of this file's period it no longer lists, kept: 1\n    {report.missing[0]}" in summary

    again = import_airforce(FIXTURES / "corrected-start-v2.csv", content_dir)
    assert (again.imported, again.updated, again.unchanged, again.files_written) == (0, 0, 3, []), "re-importing v2 changes nothing"
