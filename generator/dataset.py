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

from generator.exports.table import Table, digest
from generator.pages import Asset, Download, PageKind, PageLink, PlanBuilder
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


def _files(plan: PlanBuilder, table: Table) -> list[tuple[str, Asset]]:
    """The table's files (each format), by their name in an archive; their bytes are made when first needed."""
    names = {extension: f"{table.name}.{extension}" for extension in table.formats}
    return [(name, plan.table_file(dataset(name), table, extension)) for extension, name in names.items()]


def _archive(path: str, members: list[tuple[str, Asset]], day: dt.date) -> Asset:
    """A zip of these files, made when the write stage needs its bytes; keyed by its members' names and keys."""
    made_of = b"".join(name.encode("utf-8") + b"\0" + asset.key for name, asset in members)
    key = digest(b"zip:%d:%s:" % (ARCHIVE_LEVEL, day.isoformat().encode("ascii")) + made_of)

    def made() -> bytes:
        try:
            return zip_bytes([(name, asset.data) for name, asset in members], day, ARCHIVE_LEVEL)
        finally:
            for _, asset in members:
                asset.release()  # the members' bytes are in the archive now

    return Asset(path, key, made)


def _latest(tables: list[Table]) -> dt.date:
    days = [str(row[table.day]) for table in tables for row in table.rows]
    return dt.date.fromisoformat(max(days)[:10]) if days else dt.date(1980, 1, 1)


def add_data_page(plan: PlanBuilder, feeds: list[PageLink]) -> None:
    """The Data page, every file of the whole dataset and its archives."""
    tables = [table for table in plan.datasets if table.rows]
    labels, formatter = plan.labels, plan.formatter
    whole, schemas = [], []
    names = {table.name for table in tables}
    published = {f"schemas/{name}.schema.json": text.encode("utf-8") for name, text in schema_texts().items() if name in names}
    schema_files = [(name, Asset.holding(dataset(name), data)) for name, data in published.items()]
    for name, asset in schema_files:
        plan.add_made_asset(asset)
        schemas.append(PageLink(asset.path, name.removeprefix("schemas/")))
    files = []
    for table in tables:
        links = []
        for name, asset in _files(plan, table):
            plan.add_made_asset(asset)
            files.append((name, asset))
            links.append(PageLink(asset.path, name.rsplit(".", 1)[1].upper()))
        whole.append(Download(str(labels.tables[table.name]), links))
    months = []
    split = [table.by_month() for table in tables]
    for month in sorted({month for by_month in split for month in by_month}, reverse=True):
        of_month = [by_month[month] for by_month in split if month in by_month]
        path = dataset(f"briefing-data-{month}.zip")
        plan.add_made_asset(_archive(path, [file for table in of_month for file in _files(plan, table)], _latest(of_month)))
        months.append(PageLink(path, str(labels.data_month_archive.format(month=formatter.month(month)))))
    everything = None
    if tables:
        plan.add_made_asset(_archive(dataset("briefing-data.zip"), files + schema_files, _latest(tables)))
        everything = PageLink(dataset("briefing-data.zip"), str(labels.data_everything))
    view = DataPage(whole, months, everything, schemas, feeds, any(table.name == "acled" for table in tables))
    updated = [page.updated for page in plan.pages_of_every_kind() if page.updated is not None]
    plan.add_page(DATA_PAGE, DATA, str(labels.data_title), variables={"data": view}, updated=max(updated, default=None))
