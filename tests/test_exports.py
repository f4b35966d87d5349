"""The data leaving the site: the claims table (CSV and JSON against its published schema) and the ACLED export
(its columns and the codebook's allowed values), for the events fixture, the shipped content and hostile text."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hostile_content import hostile_classes, hostile_content
from hypothesis import given
from hypothesis import strategies as st

from conftest import FIXTURES, ROOT
from generator.exports import acled
from generator.exports.claims import COLUMNS
from generator.exports.formats import export
from generator.exports.table import FORMULA_STARTS, csv_record, inert
from generator.schema import schema_path

EVENTS = FIXTURES / "events" / "content"
CONFIG, TEMPLATES = ROOT / "mkdocs.yml", ROOT / "templates"

ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
"""ACLED's export columns, as its codebook lists them (2023 onwards)."""

SUB_EVENTS = {
    "Explosions/Remote violence": {
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    }
}
"""The codebook's sub-event types of the event type strikes are."""
SOURCE_SCALES = {"Local", "Subnational", "National", "Regional", "International", "New media", "Other"}


def _csv(data: bytes) -> list[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)  # the hostile fixture's pathological lengths
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def _claims(content: Path) -> tuple[list[dict[str, str]], dict[str, Any]]:
    return _csv(export("claims-csv", content, CONFIG, TEMPLATES)), json.loads(export("claims-json", content, CONFIG, TEMPLATES))


@pytest.mark.parametrize("content", [EVENTS, ROOT / "content"], ids=["events", "shipped"])
def test_the_claims_csv_and_json_hold_the_same_rows_and_the_json_follows_its_published_schema(content: Path) -> None:
    rows, document = _claims(content)
    schema = json.loads(schema_path("claims").read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(document)
    claims = document["claims"]
    assert isinstance(claims, list) and rows and len(rows) == len(claims)
    assert list(rows[0]) == list(COLUMNS)
    for row, claim in zip(rows, claims, strict=True):
        assert row == {key: "" if value is None else str(value) for key, value in claim.items()}


def test_a_claim_keeps_its_claimant_source_and_precision() -> None:
    rows, _ = _claims(EVENTS)
    belgorod = {row["claimant"]: row for row in rows if row["event_id"] == "belgorod-2024-08-11" and row["figure"] == "killed"}
    assert {claimant: (row["low"], row["high"]) for claimant, row in belgorod.items()} == {
        "ru-belgorod-governor": ("5", "5"),
        "ru-mod": ("15", "15"),
    }
    assert all(row["published"] == "2024-08-11T18:00:00+03:30" for row in belgorod.values())
    for row in rows:
        assert row["source_url"].startswith("https://") or row["source_url"] == ""
        if row["vague"]:  # a vague word is never made a number
            assert row["low"] == row["high"] == ""
        else:
            assert int(row["low"]) <= int(row["high"])


def test_a_vague_figure_stays_a_word() -> None:
    rows, _ = _claims(ROOT / "content")
    vague = [row for row in rows if row["vague"]]
    assert vague and all(row["low"] == "" and row["wording"] for row in vague)


def _acled(content: Path) -> list[dict[str, str]]:
    data = export("acled", content, CONFIG, TEMPLATES)
    assert data.startswith(",".join(ACLED_COLUMNS).encode() + b"\r\n")
    return _csv(data)


@pytest.mark.parametrize("content", [EVENTS, ROOT / "content"], ids=["events", "shipped"])
def test_the_acled_export_has_acleds_columns_and_allowed_values(content: Path) -> None:
    rows = _acled(content)
    assert rows and len({row["event_id_cnty"] for row in rows}) == len(rows)
    for row in rows:
        day = dt.date.fromisoformat(row["event_date"])
        assert int(row["year"]) == day.year
        assert row["event_id_cnty"][:4] in ("UKR-", "RUS-")
        assert row["time_precision"] in {"1", "2", "3"} and row["geo_precision"] in {"1", "2", "3"}
        assert row["disorder_type"] == "Political violence"
        assert row["sub_event_type"] in SUB_EVENTS[row["event_type"]]
        assert 1 <= int(row["inter1"]) <= 8 and row["interaction"] == f"{row['inter1']}0"
        assert row["actor1"] in acled.ATTACKERS.values()
        assert row["country"] in ("Ukraine", "Russia") and row["iso"] in ("804", "643") and row["region"] == "Europe"
        assert -90 <= float(row["latitude"]) <= 90 and -180 <= float(row["longitude"]) <= 180
        assert row["source"] and row["source_scale"] in SOURCE_SCALES
        assert int(row["fatalities"]) >= 0 and int(row["timestamp"]) > 0


def test_acled_fatalities_are_the_lowest_figure_any_party_gives() -> None:
    fatalities = {row["event_id_cnty"]: int(row["fatalities"]) for row in _acled(EVENTS)}
    # Kharkiv: the governor's 3 revised to 5, the emergency service's 1; Belgorod: 5 or 15; Odesa (AAP): none given.
    assert fatalities["UKR-kharkiv-2024-08-11"] == 1
    assert fatalities["RUS-belgorod-2024-08-11"] == 5
    assert fatalities["UKR-odesa-aap-2024-08-11"] == 0


def test_acled_keeps_the_claimants_in_source_and_notes() -> None:
    belgorod = next(row for row in _acled(EVENTS) if row["event_id_cnty"] == "RUS-belgorod-2024-08-11")
    assert "Russian Ministry of Defence" in belgorod["source"]
    assert "killed 5 (Governor of Belgorod Oblast)" in belgorod["notes"] and "killed 15 (Russian Ministry of Defence)" in belgorod["notes"]


@pytest.mark.parametrize("cell", ["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_a_text_cell_that_could_run_as_a_formula_is_written_as_text(cell: str) -> None:
    assert inert(cell) == "'" + cell
    assert inert(-3) == "-3" and inert(-1.5) == "-1.5"  # numbers are numbers


def test_hostile_text_stays_inert_in_every_export(tmp_path: Path) -> None:
    content = hostile_content(tmp_path / "content", [name for name in hostile_classes() if name != "pathological-lengths-build-quickly"])
    for format_name in ("claims-csv", "acled"):
        data = export(format_name, content, CONFIG, TEMPLATES)
        rows = _csv(data)
        assert rows
        for row in rows:
            for column, cell in row.items():
                if cell.startswith(FORMULA_STARTS):
                    float(cell)  # only a number may begin so
                    assert column in ("latitude", "longitude", "low", "high"), (column, cell)
    document = json.loads(export("claims-json", content, CONFIG, TEMPLATES))
    assert document["claims"]


def test_the_command_writes_the_file_or_names_every_problem(tmp_path: Path) -> None:
    target = tmp_path / "out" / "acled.csv"
    done = subprocess.run(
        [sys.executable, "-m", "generator", "export", "--format", "acled", "--content", str(EVENTS), "--output", str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert target.read_bytes() == export("acled", EVENTS, CONFIG, TEMPLATES)
    content = tmp_path / "content"
    shutil.copytree(EVENTS, content)
    broken = next((content / "articles").glob("*.yaml"))
    broken.write_text(broken.read_text(encoding="utf-8") + "unknown_field: 1\n", encoding="utf-8")
    failed = subprocess.run(
        [sys.executable, "-m", "generator", "export", "--format", "acled", "--content", str(content), "--output", str(tmp_path / "x.csv")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert failed.returncode != 0 and f"{broken.name}" in failed.stderr and "unknown_field" in failed.stderr
    assert not (tmp_path / "x.csv").exists()


@given(st.lists(st.text(), min_size=1, max_size=6))
def test_a_csv_line_is_what_the_csv_module_writes(cells: list[str]) -> None:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerow(cells)
    assert csv_record(cells) == out.getvalue()
    assert next(csv.reader(io.StringIO(csv_record(cells), newline=""))) == cells
