"""Every attribution claim (who accuses whom of what) as one row per report: which allegation, which article, who
accuses, who is accused, what is claimed, on how much evidence, and each party's position.

Typed by :class:`AttributionRow`, whose JSON Schema is published (``schemas/attributions.schema.json``): the JSON
download is ``{"attributions": [...]}``, the CSV has the same columns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, Field

from generator.articles.events import Event
from generator.exports.table import Row, Table
from generator.formatting import Formatter
from generator.model import Attribution


class AttributionRow(BaseModel):
    """One report of one allegation."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    event_id: str = Field(description="The allegation: the id of its first report, its permalink's anchor.")
    event_day: str = Field(description="The day it is filed under (`YYYY-MM-DD`): its first report's publication day.")
    report_id: str = Field(description="The record of the article this report is.")
    article_id: str = Field(description="The source article.")
    outlet: str | None = Field(description="Who published the article, when it says.")
    source_url: str | None = Field(description="The article's address.")
    published: str = Field(description="When the article was published: ISO 8601, a date alone when it gives no time.")
    headline: str = Field(description="The claim in one line, in the editors' words.")
    claimant: str = Field(description="Who makes the claim (party id).")
    claimant_name: str = Field(description="The claimant's name in English (else its own).")
    accused: str = Field(description="Who is accused (party id).")
    accused_name: str = Field(description="The accused party's name in English (else its own).")
    via: str | None = Field(description="Parties through which the claim was made public (ids, joined by `; `).")
    claim: str = Field(description="What is claimed, in the article's terms.")
    evidence: int = Field(ge=0, description="How many pieces of evidence the report gives.")
    positions: str = Field(description="Each party's position, `status:party` joined by `; ` (alleged, confirmed, denied, ...).")


COLUMNS: tuple[str, ...] = tuple(AttributionRow.model_fields)


class AttributionsFile(BaseModel):
    """The JSON download of the attribution claims."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    attributions: list[AttributionRow] = Field(description="Every report of every allegation, allegation by allegation.")


def attribution_cells(event: Event[Attribution], day: dt.date, english: Formatter) -> list[Row]:
    """An allegation's reports as rows of the attributions table."""
    rows: list[Row] = []
    for report in event.reports:
        claim, article = report.record, report.article
        row = AttributionRow(
            event_id=event.id,
            event_day=day.isoformat(),
            report_id=claim.id,
            article_id=article.id,
            outlet=article.outlet,
            source_url=article.url,
            published=article.published.isoformat(),
            headline=claim.headline,
            claimant=claim.claimant,
            claimant_name=english.party(claim.claimant),
            accused=claim.accused,
            accused_name=english.party(claim.accused),
            via="; ".join(claim.via) or None,
            claim=claim.claim,
            evidence=len(claim.evidence),
            positions="; ".join(f"{entry.status.value}:{entry.by}" for entry in claim.status),
        )
        rows.append(Row(row.model_dump(mode="json")))
    return rows


def attributions_table(rows: Iterable[Row]) -> Table:
    """Allegations' rows as the table pages offer."""
    return Table("attributions", COLUMNS, list(rows), "event_day")
