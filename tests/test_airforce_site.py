"""A real build with the May-June 2024 slice imported: the Air Force's nightly tables and tallies, as a reader sees them,
checked against sums computed here, independently, from the CSV (and the catalogue for the categories)."""

from __future__ import annotations

import base64
import csv
import html
import posixpath
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT, build_site
from generator.urls import SVG_DATA
from search_index import load_index
from site_text import as_text, page_html

pytestmark = pytest.mark.slow  # a real MkDocs build

SLICE = ROOT / "data" / "airforce" / "missile_attacks_2024-05_2024-06.csv"
CATALOGUE = ROOT / "generator" / "weapons" / "data" / "missiles_and_uavs.csv"
CLAIMANTS = {"kpszsu": "Armée de l'air ukrainienne", "PvKPivden": "Commandement aérien Sud", "pvkshid": "Commandement aérien Est"}
"""The owner of each account of the slice, per the source registry: the claimant of its figures."""
SCOPE_HEADINGS = {"national": "Bilans nationaux", "regional": "Bilans régionaux"}
SCOPE_CLAIMANTS = {"national": ["kpszsu"], "regional": ["PvKPivden", "pvkshid"]}
CATEGORY_NAMES = {"UAV": "Drones", "cruise missile": "Missiles de croisière", "ballistic missile": "Missiles balistiques"}
"""The catalogue's classes as the site names them; any other missile class (S-300 used against the ground) is 'Missiles'."""
MONTH_NAMES = {"2024-05": "Mai 2024", "2024-06": "Juin 2024"}

Sums = dict[str, list[int]]
"""Label -> [waves, launched, destroyed]."""


@dataclass(frozen=True)
class CsvRow:
    day: str
    account: str
    model: str
    wave: tuple[str, str, str]
    launched: int
    destroyed: int

    @property
    def scope(self) -> str:
        return "national" if self.account == "kpszsu" else "regional"

    @property
    def month(self) -> str:
        return self.day[:7]


def _count(text: str) -> int:
    return int(float(text))


def _csv_rows() -> list[CsvRow]:
    with SLICE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert all(row["launched"].strip() and row["destroyed"].strip() for row in rows), "test premise: the slice gives both counts"
    return [
        CsvRow(
            day=(row["time_end"].strip() or row["time_start"].strip())[:10],
            account=row["source"].split("/")[0],
            model=row["model"],
            wave=(row["source"], row["model"], row["time_start"].strip()),
            launched=_count(row["launched"]),
            destroyed=_count(row["destroyed"]),
        )
        for row in rows
    ]


ROWS = _csv_rows()


def _categories() -> dict[str, str]:
    with CATALOGUE.open(encoding="utf-8", newline="") as handle:
        return {row["model"]: CATEGORY_NAMES.get(row["category"], "Missiles") for row in csv.DictReader(handle)}


def _sums(rows: list[CsvRow], key: str) -> Sums:
    waves: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for row in rows:
        label = _categories()[row.model] if key == "category" else getattr(row, key)
        waves[label].add(row.wave)
        sums[label][1] += row.launched
        sums[label][2] += row.destroyed
    for label, found in waves.items():
        sums[label][0] = len(found)
    return dict(sums)


def _rate(launched: int, destroyed: int) -> str:
    return f"{(200 * destroyed + launched) // (2 * launched)} %" if launched else "—"  # as_text folds the narrow no-break space


# Reading the built pages


def _french_day(day: str) -> str:
    """``2024-05-01`` as the French site writes it: ``1er mai 2024``; ``2024-06-12``: ``12 juin 2024``."""
    number = int(day[8:])
    return f"{'1er' if number == 1 else number} {'mai' if day[5:7] == '05' else 'juin'} 2024"


def _number(cell: str) -> int:
    return int(re.sub(r"\D", "", cell))


FIGURES = ("Vagues", "Lancés", "Abattus")
COLUMNS = ("Lancés", "Abattus", "Taux abattus", "Perdus", "Taux abattus ou perdus", "Encore en vol", "Vagues")
"""The figures' columns, in the order a phone shows them: launched, shot down and the rate first."""


def _table(section: str, heading: str | None = None) -> tuple[Sums, list[int] | None, list[dict[str, str]]]:
    """The first table after ``heading`` (an h3's text) in ``section``: label -> [waves, launched, destroyed], the
    total row's [waves, launched, destroyed], and every row by column header."""
    if heading is not None:
        parts = [part for part in re.split(r"(?=<h3)", section) if as_text(part.split("</h3>", 1)[0]).startswith(heading)]
        assert len(parts) == 1, f"no single h3 '{heading}'"
        section = parts[0]
    table = section.split("<table>", 1)[1].split("</table>", 1)[0]
    rows = [
        [as_text(cell) for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)
    ]
    header = rows[0]
    assert tuple(header[1:8]) == COLUMNS, header
    body = [dict(zip(header, cells, strict=True)) for cells in rows[1:]]
    sums, total = {}, None
    for cells in body:
        figures = [_number(cells[name]) for name in FIGURES]
        if cells[header[0]] == "Total":
            total = figures
        else:
            sums[cells[header[0]]] = figures
    return sums, total, [cells for cells in body if cells[header[0]] != "Total"]


def _sections(markup: str, level: int) -> dict[str, str]:
    """Sections of a page by heading text, for headings of ``level``."""
    found = {}
    for part in re.split(rf"(?=<h{level}[ >])", markup)[1:]:
        found[as_text(part.split(f"</h{level}>", 1)[0])] = part
    return found


@pytest.fixture(scope="module")
def slice_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped articles, the slice imported with the command a user runs, and a real MkDocs build."""
    work = tmp_path_factory.mktemp("airforce-site")
    content = work / "content"
    shutil.copytree(ROOT / "content", content, ignore=shutil.ignore_patterns("airforce"))
    result = subprocess.run(
        [sys.executable, "-m", "generator", "import-airforce", str(SLICE), "--content", str(content)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "254 rows read" in result.stdout and "skipped:   0" in result.stdout
    return build_site(work, content)


def test_the_slice_premise() -> None:
    assert len(ROWS) == 254
    assert sum(row.launched for row in ROWS) == 1145
    assert sum(row.destroyed for row in ROWS) == 1009
    assert len({row.day for row in ROWS}) == 55


def test_every_report_day_has_a_strikes_on_ukraine_page_with_its_night(slice_site: Path) -> None:
    for day in sorted({row.day for row in ROWS}):
        assert f'id="af-night-{day}"' in page_html(slice_site, f"archives/strikes-on-ukraine/{day}"), day


def test_nightly_tables_show_each_accounts_figures_by_model(slice_site: Path) -> None:
    checked = 0
    for day in sorted({row.day for row in ROWS}):
        markup = page_html(slice_site, f"archives/strikes-on-ukraine/{day}")
        night = markup.split(f'id="af-night-{day}"', 1)[1].split("<h2", 1)[0]
        tables = _sections(night, 3)
        day_rows = [row for row in ROWS if row.day == day]
        accounts = sorted({row.account for row in day_rows})
        assert sorted(re.search(r"\(Facebook (\w+)\)$", heading).group(1) for heading in tables) == accounts  # type: ignore[union-attr]
        for heading, section in tables.items():
            account = re.search(r"\(Facebook (\w+)\)$", heading).group(1)  # type: ignore[union-attr]
            account_rows = [row for row in day_rows if row.account == account]
            shown, total, body = _table(section)
            assert shown == _sums(account_rows, "model"), f"{day} {account}"
            assert f"selon {CLAIMANTS[account]}" in as_text(section), f"{day} {account}: figures without their claimant"
            for cells in body:
                assert cells["Taux abattus"] == _rate(_number(cells["Lancés"]), _number(cells["Abattus"]))
            if total:
                assert total == [
                    len({row.wave for row in account_rows}),
                    sum(row.launched for row in account_rows),
                    sum(row.destroyed for row in account_rows),
                ]
            posts = set(re.findall(r'href="(https://www\.facebook\.com/[^"]+)"', section))
            assert posts == {"https://www.facebook.com/" + row.wave[0] for row in account_rows}
            checked += len(account_rows)
    assert checked == len(ROWS), "every row of the CSV is in exactly one nightly table"


def test_the_night_of_31_may_sits_beside_the_articles_strikes(slice_site: Path) -> None:
    night = page_html(slice_site, "archives/strikes-on-ukraine/2024-05-31").split('id="af-night-2024-05-31"', 1)[1].split("<h2", 1)[0]

    assert 'href="./#kharkiv-novobavarsky-2024-05-31"' in night or 'href="#kharkiv-novobavarsky-2024-05-31"' in night
    assert "#kiev-attaque-missiles-interceptee-2024-05-31" in night
    assert "Taux abattus : abattus ÷ lancés. Taux abattus ou perdus : (abattus + perdus" in as_text(night)


@pytest.mark.parametrize("month", ["2024-05", "2024-06"])
def test_month_pages_tally_each_scope_by_night_category_and_model(slice_site: Path, month: str) -> None:
    markup = page_html(slice_site, f"archives/air-force/{month}")
    scopes = _sections(markup, 2)
    month_rows = [row for row in ROWS if row.month == month]
    for scope, heading in SCOPE_HEADINGS.items():
        section = scopes[heading]
        scoped = [row for row in month_rows if row.scope == scope]
        by_day = {_french_day(day): sums for day, sums in _sums(scoped, "day").items()}
        assert _table(section, "Par jour de bilan")[0] == by_day
        assert _table(section, "Par catégorie d'arme")[0] == _sums(scoped, "category")
        by_model, total, _ = _table(section, "Par modèle")
        assert by_model == _sums(scoped, "model")
        assert total is not None
        assert total == [
            len({row.wave for row in scoped}),
            sum(row.launched for row in scoped),
            sum(row.destroyed for row in scoped),
        ]
        assert ("(Facebook kpszsu)" if scope == "national" else "(Facebook PvKPivden)") in as_text(section)


def test_the_overall_page_tallies_each_scope_by_month(slice_site: Path) -> None:
    scopes = _sections(page_html(slice_site, "air-force"), 2)
    launched = destroyed = 0
    for scope, heading in SCOPE_HEADINGS.items():
        scoped = [row for row in ROWS if row.scope == scope]
        by_month = {MONTH_NAMES[month]: sums for month, sums in _sums(scoped, "month").items()}
        assert _table(scopes[heading], "Par mois")[0] == by_month
        assert _table(scopes[heading], "Par modèle")[0] == _sums(scoped, "model")
        total = _table(scopes[heading], "Par catégorie d'arme")[1]
        assert total is not None
        launched += total[1]
        destroyed += total[2]
    assert (launched, destroyed) == (1145, 1009), "the two scopes together account for every launched and destroyed of the slice"


@pytest.mark.parametrize(
    ("page", "charts"),
    [
        ("air-force", ["all-national", "all-national-nights", "all-regional", "all-regional-nights"]),
        ("archives/air-force/2024-05", ["2024-05-national-nights", "2024-05-national", "2024-05-regional-nights", "2024-05-regional"]),
    ],
)
def test_charts_are_svg_images_with_alt_text_whose_bars_match_the_tables(slice_site: Path, page: str, charts: list[str]) -> None:
    """Each scope has a time chart (months, or the month's nights) and a second one (the last 30 nights, or the
    month's models); each column or bar holds the figures of the table beside it."""
    markup = page_html(slice_site, page)
    tags = re.findall(r'<img [^>]*class="af-chart"[^>]*>', markup)
    images = [(re.search(r'alt="([^"]+)"', tag).group(1), re.search(r'src="([^"]+)"', tag).group(1)) for tag in tags]  # type: ignore[union-attr]
    for tag in tags:  # the size the chart is drawn at, so the page does not move when it arrives
        assert re.search(r'width="\d+"', tag) and re.search(r'height="\d+"', tag), tag
    # The page's first chart is drawn inside it (nothing to fetch before the largest paint), the same SVG as its file;
    # the others are files, fetched as they near the screen.
    (lead_alt, lead_src), *others = images
    assert lead_src.startswith(SVG_DATA) and "loading" not in tags[0], tags[0][:200]
    assert all(src.endswith(".svg") for _, src in others) and all('loading="lazy"' in tag for tag in tags[1:])
    lead_file = posixpath.join(posixpath.dirname(others[0][1]), charts[0] + ".svg")
    assert base64.b64decode(lead_src.removeprefix(SVG_DATA)) == (slice_site / Path(page) / lead_file).resolve().read_bytes()
    images[0] = (lead_alt, lead_file)
    assert [Path(src).stem for _, src in images] == charts
    assert "<script" not in markup.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
    svg_ns = "{http://www.w3.org/2000/svg}"
    for (alt, src), name in zip(images, charts, strict=True):
        scope = "national" if "national" in name else "regional"
        assert all(CLAIMANTS[account] in html.unescape(alt) for account in SCOPE_CLAIMANTS[scope])
        root = ET.parse((slice_site / Path(page) / src).resolve()).getroot()  # noqa: S314 - the build's own chart
        assert root.findtext(f"{svg_ns}title")
        scoped = [row for row in ROWS if row.scope == scope and (page == "air-force" or row.month == "2024-05")]
        if name.endswith("-nights") or name.startswith("all-"):
            by = "month" if name.startswith("all-") and not name.endswith("-nights") else "day"
            columns = [group.findtext(f"{svg_ns}title") or "" for group in root.iter(f"{svg_ns}g")]
            drawn = {}
            for title in columns:
                period, figures = title.split(" — ", 1)
                launched, destroyed = (re.search(rf"{label} ([\d\u202f]+|—)", figures).group(1) for label in ("Lancés", "Abattus"))  # type: ignore[union-attr]
                if launched != "—":
                    drawn[period] = [_number(launched), _number(destroyed)]
            expected = _sums(scoped, by)
            names = (
                {MONTH_NAMES.get(key, key): sums[1:] for key, sums in expected.items()}
                if by == "month"
                else {_french_day(key): sums[1:] for key, sums in expected.items()}
            )
            on_axis = {title.split(" — ", 1)[0] for title in columns}
            assert drawn == {period: sums for period, sums in names.items() if period in on_axis}, f"{name}: each period's figures"
            assert (name.endswith("-nights") and page == "air-force") or set(names) <= on_axis, (
                f"{name}: every period with a report is on the axis"
            )
            assert len(columns) == (2 if by == "month" else 30 if page == "air-force" else 31), "a real time axis: every period"
        else:
            texts = [element.text or "" for element in root.iter(f"{svg_ns}text")][3:]
            drawn = {texts[i]: [_number(texts[i + 1]), _number(texts[i + 2])] for i in range(0, len(texts), 3)}
            labels = {label: sums[1:] for label, sums in _sums(scoped, "model").items()}
            assert drawn == {label: sums for label, sums in labels.items() if label in drawn}
            assert len(drawn) == min(len(labels), 15)


def test_the_attribution_links_the_north_korean_missile_to_its_record(slice_site: Path) -> None:
    attribution = page_html(slice_site, "archives/attribution/2024-05-31")
    assert re.search(r'href="[^"]*air-force/models/iskander-m-kn-23/#af-model-iskander-m-kn-23"', attribution)
    assert re.search(r'href="[^"]*air-force/models/iskander-m/#af-model-iskander-m"', attribution)

    kn23 = as_text(page_html(slice_site, "archives/air-force/models/iskander-m-kn-23"))
    assert "Aucune vague de ce modèle dans les bilans importés" in kn23
    assert "Corée du Nord" in kn23

    iskander = _sections(page_html(slice_site, "archives/air-force/models/iskander-m"), 2)
    for scope, heading in SCOPE_HEADINGS.items():
        scoped = [row for row in ROWS if row.scope == scope and row.model == "Iskander-M"]
        by_month = {MONTH_NAMES[month]: sums for month, sums in _sums(scoped, "month").items()}
        assert _table(iskander[heading], "Par mois")[0] == by_month


def test_tally_pages_stay_out_of_search_and_each_night_is_indexed_once(slice_site: Path) -> None:
    locations = [doc["location"] for doc in load_index(slice_site)["docs"]]
    assert not [location for location in locations if location.startswith(("air-force/", "archives/air-force/"))]
    nights = [location for location in locations if "#af-night-" in location]
    assert sorted(nights) == sorted(f"archives/strikes-on-ukraine/{day}/#af-night-{day}" for day in {row.day for row in ROWS})


def test_no_page_is_heavy(slice_site: Path) -> None:
    heaviest = max(slice_site.rglob("*.html"), key=lambda path: path.stat().st_size)
    assert heaviest.stat().st_size < 80_000, heaviest
