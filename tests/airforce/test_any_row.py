"""Whatever a cell holds, a row becomes a wave or a skip with a reason: the importer never stops on a row."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.airforce import AttackWave
from generator.airforce.parse import CsvRow, Skip, parse_row
from generator.weapons import Catalogue

CATALOGUE = Catalogue.read()
SLICE = Path(__file__).parents[2] / "data" / "airforce" / "missile_attacks_2024-05_2024-06.csv"
COLUMNS = SLICE.read_text(encoding="utf-8").splitlines()[0].split(",")

plausible = st.sampled_from(
    ["", "NaN", "2024-05-31", "2024-05-31 08:00", "2024-02-30", "35.0", "-1", "1e309", "{'south': NaN}", "['a', None]", "{'a': [1]}",
     "C-300 and Iskander-M", "Молнія", "south", "Chauda, Crimea and Yeysk", "kpszsu/posts/x", "{" * 300, "x" * 60_000]
)  # fmt: skip
cell = st.one_of(plausible, st.text(max_size=40))


@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries({column: cell for column in COLUMNS}))
def test_any_row_is_a_wave_or_a_skip(values: dict[str, str]) -> None:
    outcome = parse_row(CsvRow(2, values), CATALOGUE)
    assert isinstance(outcome, AttackWave | Skip)
    if isinstance(outcome, AttackWave):
        assert AttackWave.model_validate(outcome.model_dump()) == outcome
