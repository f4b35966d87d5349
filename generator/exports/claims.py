"""Every figure of every strike event as one row per claim: which event, which report, who claims it, what it
counts and the value as precise as its source (a number, a range, or the vague word, never made a number), with
the source article's address and publication time.

The rows are typed by :class:`ClaimRow`, whose JSON Schema is published (``schemas/claims.schema.json``) and which
the JSON download follows: ``{"claims": [...]}``. The CSV download has the same columns, in the same order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pydantic import BaseModel, ConfigDict, Field

from generator.articles.events import Event, Events, Report
from generator.articles.figures import figures_of
from generator.articles.layout import event_day
from generator.exports.table import Row, Table
from generator.formatting import Formatter
from generator.gazetteer import Located
from generator.model import Direction, Figure, OtherFigure, Strike


class ClaimRow(BaseModel):
    """One figure as one party claims it in one report."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    event_id: str = Field(description="The strike event: the id of its first report, its permalink's anchor.")
    direction: Direction = Field(description="on_russia or on_ukraine.")
    event_day: str = Field(description="The day the event is filed under (`YYYY-MM-DD`): the morning after a night.")
    date_precision: str = Field(description="How precisely the report dates it: day, night, approximate or month.")
    report_id: str = Field(description="The record of the article this figure comes from.")
    article_id: str = Field(description="The source article.")
    outlet: str | None = Field(description="Who published the article, when it says.")
    source_url: str | None = Field(description="The article's address.")
    published: str = Field(description="When the article was published: ISO 8601, a date alone when it gives no time.")
    claimant: str = Field(description="The party that gives the figure (its id; `unattributed` when the article names none).")
    claimant_name: str = Field(
        description="The party's name in English (else its own; for `unattributed`, saying the article names no source)."
    )
    person: str | None = Field(description="Who speaks for the claimant, as the article names them.")
    figure: str = Field(
        description="What is counted: launched, intercepted, killed, injured, seriously_injured, missing, rescued, evacuated, other."
    )
    category: str | None = Field(description="For launched and intercepted: the kind of weapon counted.")
    counts: str | None = Field(description="For another figure: what it counts, in the article's words.")
    low: int | None = Field(
        ge=0, description="The smallest number the figure can mean (the number itself when exact); empty for a vague word."
    )
    high: int | None = Field(ge=0, description="The largest number the figure can mean; empty for a vague word.")
    vague: str | None = Field(description="The vague word the figure is (several, many, ...), when it is not a number.")
    wording: str | None = Field(description="The article's own words for the figure.")
    status: str = Field(description="current, superseded (a later report revises it) or withdrawn.")
    country: str = Field(description="ISO 3166 two-letter code of where the strike hit.")
    region: str | None = Field(description="The region's id in the site's gazetteer (`ua-kharkiv-oblast`).")
    place: str | None = Field(description="The finest place the gazetteer knows it by: its id.")
    latitude: float | None = Field(description="The settlement's latitude (WGS 84), when the report names one.")
    longitude: float | None = Field(description="The settlement's longitude (WGS 84), when the report names one.")


class ClaimsFile(BaseModel):
    """The JSON download of the claims."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    claims: list[ClaimRow] = Field(description="Every figure of every strike event, event by event, report by report.")


COLUMNS: tuple[str, ...] = tuple(ClaimRow.model_fields)
"""The CSV's columns, in order."""


def _rows_of(event: Event[Strike], english: Formatter) -> Iterator[ClaimRow]:
    day = event_day(event).isoformat()
    for report in event.reports:
        located = english.atlas(report.record.where)
        for figure_kind, figures in figures_of(report.record).items():
            for figure in figures:
                for claimant in figure.claimed_by:
                    yield _row(event.id, day, report, located, figure_kind, figure, claimant, english)


def _row(
    event_id: str,
    day: str,
    report: Report[Strike],
    located: Located,
    figure_kind: str,
    figure: Figure,
    claimant: str,
    english: Formatter,
) -> ClaimRow:
    strike, article, value, point = report.record, report.article, figure.value, located.point
    return ClaimRow(
        event_id=event_id,
        direction=strike.direction,
        event_day=day,
        date_precision=strike.when.precision.value,
        report_id=strike.id,
        article_id=article.id,
        outlet=article.outlet,
        source_url=article.url,
        published=article.published.isoformat(),
        claimant=claimant,
        claimant_name=english.party(claimant),
        person=figure.person,
        figure=figure_kind,
        category=figure.category.value if figure.category is not None else None,
        counts=figure.what if isinstance(figure, OtherFigure) else None,
        low=value.lower,
        high=value.upper,
        vague=value.vague.value if value.vague is not None else None,
        wording=figure.wording,
        status=figure.status.value,
        country=located.country,
        region=located.region.id if located.region else None,
        place=located.finest.id if located.finest else None,
        latitude=point[0] if point else None,
        longitude=point[1] if point else None,
    )


def claim_cells(event: Event[Strike], english: Formatter) -> list[Row]:
    """An event's figures as rows of the claims table."""
    return [Row(row.model_dump(mode="json")) for row in _rows_of(event, english)]


def claims_table(rows: Iterable[Row]) -> Table:
    """Events' rows as the table pages offer."""
    return Table("claims", COLUMNS, list(rows), "event_day")


def claim_rows(events: Events, english: Formatter) -> list[ClaimRow]:
    """Every figure of these strike events, event by event in the corpus' order, report by report."""
    return [row for event in events.strikes for row in _rows_of(event, english)]


def claims_csv(rows: list[ClaimRow]) -> bytes:
    """The claims as CSV, with :data:`COLUMNS`."""
    return claims_table(Row(row.model_dump(mode="json")) for row in rows).csv()


def claims_json(rows: list[ClaimRow]) -> bytes:
    """The claims as JSON, following :class:`ClaimsFile`."""
    return claims_table(Row(row.model_dump(mode="json")) for row in rows).json()
