"""The typed model of imported Air Force records: one attack wave of one weapon model, as one post reports it.

Each wave comes from one row (or several merged rows) of the dataset *Massive
Missile Attacks on Ukraine*, which transcribes the Ukrainian Air Force's posts
(and some of the General Staff, regional administrations and other channels).
Every figure is the claim of its post's account owner (``sources.py``), kept as
published: a count the row does not give stays null, never zero.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from generator.model import CountryCode, Flag, Id, Strict, Text, WholeNumber, plausible_year
from generator.weapons import Category, WeaponModel

AIR_FORCE = "ua-air-force"
"""Party id of the Ukrainian Air Force command, the owner of its national accounts in the source registry."""

ID_PREFIX = "af"
"""Every id this source makes starts with ``af-`` (waves, nights, models): reserved, articles may not use it."""

_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?)?$")


def parse_moment(text: str) -> dt.date | dt.datetime:
    """``2024-05-31`` -> a date; ``2024-05-31T08:00`` -> a naive datetime in local time."""
    if not _MOMENT.match(text):
        raise ValueError(f"expected YYYY-MM-DD or YYYY-MM-DDTHH:MM, got {text!r}")
    moment = dt.datetime.fromisoformat(text) if "T" in text else dt.date.fromisoformat(text)
    plausible_year(moment)
    return moment


def _check_moment(text: str) -> str:
    parse_moment(text)
    return text


def is_before(end: dt.date | dt.datetime, start: dt.date | dt.datetime) -> bool:
    """Whether ``end`` is strictly before ``start``; a bare date covers its whole day."""
    end_day = end.date() if isinstance(end, dt.datetime) else end
    start_day = start.date() if isinstance(start, dt.datetime) else start
    if end_day != start_day or not (isinstance(end, dt.datetime) and isinstance(start, dt.datetime)):
        return end_day < start_day
    return end < start


Moment = Annotated[str, AfterValidator(_check_moment)]
Count = WholeNumber | None
Details = dict[str, WholeNumber | None]


INCONSISTENT_NOTE = "the post's figures contradict each other"
"""How an import note begins when a row's figures cannot all be true (the import summary lists those rows)."""


def inconsistent(launched: int | None, destroyed: int | None, lost: int | None) -> str | None:
    """Why these counts cannot all be true (more shot down, or shot down and lost, than launched), or None."""
    if launched is None or destroyed is None:
        return None
    if destroyed > launched:
        return f"{destroyed} destroyed of {launched} launched"
    if lost is not None and destroyed + lost > launched:
        return f"{destroyed} destroyed and {lost} lost of {launched} launched"
    return None


class Source(Strict):
    """The post a row was transcribed from, read from the dataset's ``source`` column (see ``airforce/sources.py``)."""

    path: Text = Field(description="The `source` cell as the dataset publishes it: `kpszsu/posts/pfbid…`, `https://t.me/kpszsu/123`…")
    url: Annotated[str, Field(pattern=r"^https://\S+$", max_length=2000)] = Field(description="Link to the post, on its real host.")
    platform: Literal["facebook", "telegram", "web"] = Field(
        default="facebook", description="Where it was posted: `facebook`, `telegram`, or `web` (any other site)."
    )
    account: Text | None = Field(
        default=None,
        description="The posting account: a Facebook page (`kpszsu`, `PvKPivden`), a Telegram channel, or a web host "
        "(`gur.gov.ua`); its owner, the claimant, is in the source registry.",
    )


class WavePart(Strict):
    """One of several rows merged into one wave: the same post, model and start, another target or launch place."""

    target: list[Text] = Field(description="Targets of this part, as in its row.")
    launch_place: list[Text] = Field(default_factory=list, description="Where this part was launched from, as in its row.")
    launched: Count = Field(default=None, description="Launched, per this row.")
    destroyed: Count = Field(default=None, description="Destroyed, per this row.")
    not_reach_goal: Count = Field(default=None, description="Did not reach their target (lost, jammed), per this row.")
    still_attacking: Count = Field(default=None, description="Still in the air when the post was written, per this row.")


def _as_stored(models: list[WeaponModel]) -> list[WeaponModel]:
    """A wave's models as a month file keeps them: without the catalogue's id, names and spellings, which the
    catalogue alone holds (and a file never stores), so a parsed wave equals the same wave read back."""
    return [model.model_copy(update={"id": None, "names": {}, "aliases": []}) for model in models]


class WaveIdentity(Strict):
    """What a wave's id was made from, when a newer file has since corrected its start or model."""

    model_as_published: Text = Field(description="The model as first published.")
    start: Moment = Field(description="The start as first published.")


class AttackWave(Strict):
    """One attack wave on Ukraine of one weapon model (or several the post does not separate), per one Air Force post."""

    id: Id = Field(description="Stable id `af-YYYY-MM-DD-<8 hex>`, hashed from the source, the published model and the start.")
    start: Moment = Field(description="Start, local time as published: `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.")
    end: Moment | None = Field(default=None, description="End, local time; the next day for a wave spanning midnight.")
    model: Text = Field(description="Normalised model name; several models are joined by ` and `.")
    model_as_published: Text = Field(description="The model column exactly as published.")
    models: Annotated[list[WeaponModel], AfterValidator(_as_stored)] = Field(
        min_length=1, description="Each model named in the row, with its catalogue data."
    )
    category: Category = Field(description="missile, uav, guided_bomb, unknown, or mixed when the models differ.")
    type: Text | None = Field(default=None, description="The catalogue class shared by all the models, e.g. `cruise missile`.")
    origin: list[CountryCode] = Field(default_factory=list, description="Producing countries of the models, ISO codes.")
    launched: Count = Field(default=None, description="How many were launched, per the Air Force; null when not given.")
    destroyed: Count = Field(default=None, description="How many were shot down or suppressed, per the Air Force.")
    not_reach_goal: Count = Field(default=None, description="How many did not reach their target (lost, jammed).")
    still_attacking: Count = Field(default=None, description="How many were still in the air when the post was written.")
    shahed_count: Count = Field(default=None, description="Of the drones launched, how many were Shaheds (the rest decoys).")
    hit_locations: Count = Field(default=None, description="Number of locations hit.")
    fragment_locations: Count = Field(default=None, description="Number of locations where debris fell.")
    turbojet: Count = Field(default=None, description="Jet-powered drones launched.")
    turbojet_destroyed: Count = Field(default=None, description="Jet-powered drones destroyed.")
    launch_place: list[Text] = Field(default_factory=list, description="Where launched from, one place per item.")
    target: list[Text] = Field(default_factory=list, description="Regions targeted, `Ukraine`, or directions such as `south`.")
    target_is_direction: Flag = Field(
        default=False, description="true when a target item is a direction (north, south-east…), not a place."
    )
    target_main: list[Text] = Field(default_factory=list, description="Main targets the post names, when it singles them out.")
    affected_regions: list[Text] = Field(default_factory=list, description="Regions the post says were affected.")
    destroyed_details: Details = Field(default_factory=dict, description="Destroyed per region or direction; null where only named.")
    launched_details: Details = Field(default_factory=dict, description="Launched per region or direction; null where only named.")
    launch_place_details: Details = Field(default_factory=dict, description="Launched per launch place; null where only named.")
    border_crossing: Details = Field(default_factory=dict, description="Border crossings per place, as published.")
    carrier: Text | None = Field(default=None, description="Launch platform as published, e.g. `Tu-95MS`, `Navy`.")
    source: Source = Field(description="The post this comes from.")
    claimed_by: Id | None = Field(
        default=None,
        description="Not written any more, ignored when an older import wrote it: the claimant of a wave is the owner of "
        "its `source.account` in the source registry (`generator/airforce/data/sources.yaml`).",
    )
    parts: list[WavePart] = Field(default_factory=list, description="When rows were merged: each row's own target and counts.")
    import_notes: list[Text] = Field(default_factory=list, description="What the importer could not read or had to interpret, in words.")
    revision: Annotated[int, Field(ge=1)] = Field(default=1, description="1 when first imported; +1 each time a newer file revises it.")
    id_from: WaveIdentity | None = Field(
        default=None,
        description="When a newer file corrected the start or the model: the ones the id was made from (the id never changes).",
    )

    @model_validator(mode="after")
    def _end_not_before_start(self) -> AttackWave:
        if self.end is not None and is_before(parse_moment(self.end), parse_moment(self.start)):
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        return self

    @property
    def report_date(self) -> dt.date:
        """The day the Air Force reports on: the end's day (the morning after a night), else the start's."""
        moment = parse_moment(self.end or self.start)
        return moment.date() if isinstance(moment, dt.datetime) else moment


class WavesFile(Strict):
    """One file `content/airforce/YYYY-MM.yaml`: the imported waves starting in that month."""

    waves: list[AttackWave] = Field(description="Waves sorted by start, then id.")
