"""The Data page: the whole dataset as files, and what they are.

Each table contributors gave (:meth:`~generator.pages.PlanBuilder.add_dataset`:
claims, attribution claims, Air Force waves, the strike events in ACLED's
columns) is offered whole as CSV and JSON, beside the JSON Schema of each
JSON; the same files are packed per month (the rows of that month) and all in
one archive. Each zip holds the day of its latest row as its entries' date, so
the same data gives the same bytes, whenever it is built. The page links the
feeds too."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.exports.table import Table
from generator.pages import Download, PageKind, PageLink, PlanBuilder
from generator.schema import schema_texts
from generator.urls import DATA, dataset
from generator.zips import zip_bytes

DATA_PAGE = PageKind("data", "data.md.j2")

ARCHIVE_LEVEL = 6
"""How hard the archives are compressed (zlib's default): made on every build, so not zlib's slowest."""


@dataclass(frozen=True)
class DataPage:
    """What the Data page lists."""

    whole: list[Download]
    months: list[PageLink]
    everything: PageLink | None
    schemas: list[PageLink]
    feeds: list[PageLink]
    acled: bool
    """Whether the strike events are offered in ACLED's columns (the page says how they map)."""


def _files(table: Table, folder: str = "") -> list[tuple[str, bytes]]:
    return [(f"{folder}{table.name}.{extension}", table.data(extension)) for extension in table.formats]


def _latest(tables: list[Table]) -> dt.date:
    days = [str(row[table.day]) for table in tables for row in table.rows]
    return dt.date.fromisoformat(max(days)[:10]) if days else dt.date(1980, 1, 1)


def add_data_page(plan: PlanBuilder, feeds: list[PageLink]) -> None:
    """The Data page, every file of the whole dataset and its archives."""
    tables = [table for table in plan.datasets if table.rows]
    labels, formatter = plan.labels, plan.formatter
    whole, schemas = [], []
    published = {name: text.encode("utf-8") for name, text in schema_texts().items() if name in {table.name for table in tables}}
    for name, data in published.items():
        plan.add_asset(dataset(f"schemas/{name}.schema.json"), data)
        schemas.append(PageLink(dataset(f"schemas/{name}.schema.json"), f"{name}.schema.json"))
    for table in tables:
        links = []
        for path, data in _files(table):
            plan.add_asset(dataset(path), data)
            links.append(PageLink(dataset(path), path.rsplit(".", 1)[1].upper()))
        whole.append(Download(str(labels.tables[table.name]), links))
    months = []
    for month in sorted({month for table in tables for month in table.months()}, reverse=True):
        of_month = [found for table in tables if (found := table.of_month(month)).rows]
        path = dataset(f"briefing-data-{month}.zip")
        plan.add_asset(path, zip_bytes([file for table in of_month for file in _files(table)], _latest(of_month), ARCHIVE_LEVEL))
        months.append(PageLink(path, str(labels.data_month_archive.format(month=formatter.month(month)))))
    everything = None
    if tables:
        files = [file for table in tables for file in _files(table)]
        files += [(f"schemas/{name}.schema.json", data) for name, data in published.items()]
        plan.add_asset(dataset("briefing-data.zip"), zip_bytes(files, _latest(tables), ARCHIVE_LEVEL))
        everything = PageLink(dataset("briefing-data.zip"), str(labels.data_everything))
    view = DataPage(whole, months, everything, schemas, feeds, any(table.name == "acled" for table in tables))
    updated = [page.updated for page in plan.pages_of_every_kind() if page.updated is not None]
    plan.add_page(DATA_PAGE, DATA, str(labels.data_title), variables={"data": view}, updated=max(updated, default=None))
