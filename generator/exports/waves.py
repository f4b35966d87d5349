"""The Air Force's attack waves as one row per wave and model: when, what, how many launched, destroyed and lost,
who claims it (the owner of the posting account) and the post it comes from.

Typed by :class:`WaveRow`, whose JSON Schema is published (``schemas/waves.schema.json``): the JSON download is
``{"waves": [...]}``, the CSV has the same columns. The Air Force's package makes the rows
(:mod:`generator.airforce.tables`): nothing outside it reads its model."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, Field

from generator.exports.table import Row, Table


class WaveRow(BaseModel):
    """One attack wave, as the post that reports it gives it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    wave_id: str = Field(description="The wave's stable id (`af-YYYY-MM-DD-<8 hex>`), its anchor on the site.")
    report_day: str = Field(description="The day the Air Force reports on (`YYYY-MM-DD`): the morning after a night.")
    start: str = Field(description="Start, local (Kyiv) time as published: `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.")
    end: str | None = Field(description="End, local time, when published.")
    model: str = Field(description="The weapon model, normalised; several are joined by ` and `.")
    model_as_published: str = Field(description="The model exactly as the dataset publishes it.")
    category: str = Field(description="missile, uav, guided_bomb, unknown, or mixed.")
    weapon_type: str | None = Field(description="The catalogue class of the models, e.g. `cruise missile`.")
    launched: int | None = Field(ge=0, description="Launched, per the post; empty when it does not say (never 0 for unknown).")
    destroyed: int | None = Field(ge=0, description="Shot down or suppressed, per the post.")
    not_reach_goal: int | None = Field(ge=0, description="Did not reach their target (lost, jammed), per the post.")
    still_attacking: int | None = Field(ge=0, description="Still in the air when the post was written.")
    shahed_count: int | None = Field(ge=0, description="Of the drones launched, how many were Shaheds (the rest decoys).")
    target: str | None = Field(description="Regions targeted or directions, as published, joined by `; `.")
    launch_place: str | None = Field(description="Where launched from, as published, joined by `; `.")
    claimant: str = Field(description="Who claims the figures: the party owning the posting account (`ua-air-force`...).")
    scope: str = Field(description="Whose tally the figures join: national, regional or other.")
    source_url: str = Field(description="The post.")
    revision: int = Field(ge=1, description="1 as first imported; +1 each time a newer file of the dataset revised it.")


class WavesFile(BaseModel):
    """The JSON download of the waves."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    waves: list[WaveRow] = Field(description="Every wave, in the order of the site's Air Force pages.")


COLUMNS: tuple[str, ...] = tuple(WaveRow.model_fields)


def waves_table(rows: Iterable[Row]) -> Table:
    """Waves' rows as the table pages offer."""
    return Table("waves", COLUMNS, list(rows), "report_day")
