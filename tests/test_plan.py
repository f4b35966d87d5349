"""The site plan: every page once, every record at home on a page that shows it, neighbours that chain, sections where they belong."""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
from pathlib import Path

import pytest

from bench.corpus import write_corpus
from conftest import FIXTURES, ROOT, project_paths
from generator.archives import DAY, FRONT
from generator.build import Planned, Timings, plan
from generator.calendar import MAX_RECORDS_PER_PAGE
from generator.contributors import contributors
from generator.errors import PlanError
from generator.formatting import Formatter
from generator.load import load_content
from generator.pages import Page, PlanBuilder, Section
from generator.plan import plan_site
from generator.settings import read_settings
from generator.themes import Theme
from generator.urls import archive, url
from generator.validate import validate_content


@pytest.fixture(scope="module")
def busy(tmp_path_factory: pytest.TempPathFactory) -> Planned:
    """Forty synthetic articles (busy days, split into several pages) and the shipped Air Force reports."""
    tmp = tmp_path_factory.mktemp("busy")
    write_corpus(tmp / "content", 40, seed=1)
    shutil.copytree(ROOT / "content" / "airforce", tmp / "content" / "airforce")
    return plan(project_paths(tmp, tmp / "content"), Timings())


@pytest.fixture(scope="module")
def golden(tmp_path_factory: pytest.TempPathFactory) -> Planned:
    tmp = tmp_path_factory.mktemp("golden")
    return plan(project_paths(tmp, FIXTURES / "golden" / "content"), Timings())


def _pages(planned: Planned) -> dict[str, Page]:
    return {page.path: page for page in planned.plan.pages}


@pytest.mark.parametrize("which", ["busy", "golden"])
def test_every_page_has_one_path_and_the_url_it_is_published_at(which: str, request: pytest.FixtureRequest) -> None:
    planned: Planned = request.getfixturevalue(which)
    paths = [page.path for page in planned.plan.pages]
    assert len(paths) == len(set(paths))
    assert all(page.url == url(page.path) for page in planned.plan.pages)


def test_urls_are_directory_urls(golden: Planned) -> None:
    pages = _pages(golden)
    assert pages["index.md"].url == ""
    assert pages["places/index.md"].url == "places/"
    assert pages["archives/attribution/2024-06-02.md"].url == "archives/attribution/2024-06-02/"


@pytest.mark.parametrize("which", ["busy", "golden"])
def test_every_record_lives_on_a_page_that_shows_it(which: str, request: pytest.FixtureRequest) -> None:
    planned: Planned = request.getfixturevalue(which)
    pages = _pages(planned)
    shown = {record for page in planned.plan.pages if page.kind in DAY.values() for record in page.records}
    assert shown, "the day pages show records"
    for record in shown:
        home = planned.plan.homes[record]
        assert record in pages[home].records, f"{record} lives on {home}, which does not show it"


def test_a_busy_day_is_split_into_parts_that_link_to_each_other_and_previous_next_go_to_real_days(busy: Planned) -> None:
    days = [page for page in busy.plan.pages if page.kind is DAY[Theme.on_ukraine]]
    assert any(len(page.records) == MAX_RECORDS_PER_PAGE for page in days), "premise: some day is split"
    assert all(len(page.records) <= MAX_RECORDS_PER_PAGE for page in days)
    firsts = [page for page in days if not page.variables.get("part", 1) > 1]
    for before, after in itertools.pairwise(firsts):
        assert before.next is not None and before.next.path == after.path, "next leads to the next day, not to a part"
        assert after.previous is not None and after.previous.path == before.path
    split = next(page for page in days if page.path.endswith("-2.md"))
    parts = [page for page in days if page.day == split.day]
    count = len(parts)
    assert [page.heading.endswith(f"(partie {number} sur {count})") for number, page in enumerate(parts, start=1)] == [True] * count
    for page in parts:
        assert [link.path for link in page.variables["parts"]] == [part.path for part in parts], "every part lists every part"
        assert page.previous == parts[0].previous and page.next == parts[0].next, "the parts of a day share their neighbours"
    total = sum(len(page.records) for page in parts)
    assert parts[1].variables["part_shows"] == (
        f"Journée en plusieurs pages : celle-ci montre les fiches {MAX_RECORDS_PER_PAGE + 1} à "
        f"{MAX_RECORDS_PER_PAGE + len(parts[1].records)} sur {total}."
    )


def test_the_front_page_shows_the_first_page_of_its_latest_day(busy: Planned) -> None:
    for theme in Theme:
        fronts = [page for page in busy.plan.pages if page.kind is FRONT[theme]]
        assert len(fronts) == 1
        front = fronts[0]
        days = [page for page in busy.plan.pages if page.kind is DAY[theme] and page.day == front.day]
        assert front.records == days[0].records
        assert (front.next is not None) == (len(days) > 1)


def test_a_night_of_the_air_force_is_a_section_of_its_days_first_page_only(busy: Planned) -> None:
    nights = {page.path: page for page in busy.plan.pages if page.kind is DAY[Theme.on_ukraine] and page.sections_at("top")}
    assert nights, "premise: the Air Force reports nights"
    for page in nights.values():
        assert page.day is not None and page.path == archive(Theme.on_ukraine).day(page.day), "a night is on its day's first page"
        (section,) = page.sections_at("top")
        assert section.view.anchor == f"af-night-{page.day}"
        assert busy.plan.homes[section.view.anchor] == page.path


def test_record_sections_reach_only_pages_that_show_the_record(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "golden" / "content", content)
    shutil.copytree(FIXTURES.parent / "airforce" / "fixtures" / "pages" / "airforce", content / "airforce")
    planned = plan(project_paths(tmp_path, content), Timings())
    with_sections = [page for page in planned.plan.pages if page.record_sections]
    assert with_sections, "premise: an attributed weapon links to the Air Force's models"
    for page in with_sections:
        assert set(page.record_sections) <= set(page.records)


def test_no_contributor_depends_on_the_order_they_are_listed_in(tmp_path: Path) -> None:
    """Listed the other way round, the contributors plan the same pages with the same sections."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "golden" / "content", content)
    shutil.copytree(FIXTURES.parent / "airforce" / "fixtures" / "pages" / "airforce", content / "airforce")
    paths = project_paths(tmp_path, content)
    settings = read_settings(paths)
    plans = []
    for sources in (contributors(), contributors()[::-1]):
        plans.append(plan_site(validate_content(load_content(content, sources), sources), settings))
    shapes = [
        {page.path: ([section.template for section in page.sections], sorted(page.record_sections), page.records) for page in found.pages}
        for found in plans
    ]
    assert shapes[0] == shapes[1]
    assert plans[0].homes == plans[1].homes


def test_reading_what_contributors_declare_before_they_all_have_is_refused(golden: Planned) -> None:
    builder = PlanBuilder(Formatter(golden.settings.labels, golden.settings.language, golden.content.parties))
    with pytest.raises(RuntimeError, match="once every contributor has declared"):
        _ = builder.mentions
    with pytest.raises(RuntimeError, match="once every contributor has declared"):
        builder.calendar.days(Theme.sources)
    builder.end_declarations()
    with pytest.raises(RuntimeError, match="declared in declare"):
        builder.calendar.add(Theme.sources, dt.date(2024, 6, 2))


def test_a_section_no_template_would_show_is_refused(golden: Planned) -> None:
    builder = PlanBuilder(Formatter(golden.settings.labels, golden.settings.language, golden.content.parties))
    sources = builder.add_page(DAY[Theme.sources], "archives/sources/2024-06-02.md", "Sources", records=["odessa"])
    with pytest.raises(PlanError, match=r"sources\.md\.j2 shows no 'top' section"):
        builder.add_section(sources, Section("top", "partials/x.md.j2", None))
    with pytest.raises(PlanError, match="a section goes at one of top, bottom, record"):
        Section("side", "partials/x.md.j2", None)
    builder.add_record_section("odessa", Section("record", "partials/x.md.j2", None))
    with pytest.raises(PlanError, match="shows no section on its records"):
        builder.finish()


def test_two_pages_at_one_path_are_refused(golden: Planned) -> None:
    builder = PlanBuilder(Formatter(golden.settings.labels, golden.settings.language, golden.content.parties))
    builder.add_page(FRONT[Theme.sources], "sources.md", "Sources")
    with pytest.raises(PlanError, match=r"two pages at sources\.md"):
        builder.add_page(FRONT[Theme.sources], "sources.md", "Sources")


def test_a_place_with_many_events_lists_them_month_by_month(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past a screenful of events, a place's page keeps the totals of all of them and lists the latest month; each
    month has a page of its own listing its events, linked to the months around it and to the place's page."""
    monkeypatch.setattr("generator.articles.pages.MAX_LISTED", 3)
    write_corpus(tmp_path / "content", 40, seed=1)
    planned = plan(project_paths(tmp_path, tmp_path / "content"), Timings())
    pages = _pages(planned)
    place = max(
        (page for page in planned.plan.pages if page.kind.name == "place" and page.months),
        key=lambda page: len(page.months),
        default=None,
    )
    assert place is not None, "premise: some place has more than 3 events"
    totals = place.variables["totals"].view()
    all_events = {view.id for direction in totals.strike_rows for view in totals.strike_rows[direction]}
    months = [pages[link.path] for link in place.months]
    listed = [{view.id for rows in page.variables["briefing"].view().strike_rows.values() for view in rows} for page in months]
    assert set().union(*listed) == all_events and sum(map(len, listed)) == len(all_events), "each event on one month page"
    shown = {view.id for rows in place.variables["briefing"].view().strike_rows.values() for view in rows}
    assert shown == listed[0], "the place's page lists its latest month"
    for later, earlier in itertools.pairwise(months):
        assert later.previous is not None and later.previous.path == earlier.path
        assert earlier.next is not None and earlier.next.path == later.path
    assert all(page.up is not None and page.up.path == place.path for page in months)


def test_the_briefings_calendar_has_every_day_of_each_month_and_links_the_days_with_a_briefing(busy: Planned) -> None:
    """One calendar per month with a briefing, latest first; weeks of seven days from the language's first weekday;
    every day of the month once, in order; a link exactly on the days that have a briefing page."""
    pages = _pages(busy)
    briefing_days = sorted(
        dt.date.fromisoformat(page.path.removeprefix("briefings/").removesuffix(".md"))
        for page in busy.plan.pages
        if page.kind.name == "briefing"
    )
    months = pages["briefings.md"].variables["groups"]
    assert [month.title for month in months] == list(
        dict.fromkeys(Formatter(busy.settings.labels, "fr", {}).month(f"{day:%Y-%m}") for day in reversed(briefing_days))
    )
    linked = []
    for month in months:
        assert month.weekdays[0] == "lun." and all(len(week) == 7 for week in month.weeks)
        days = [day for week in month.weeks for day in week if day is not None]
        assert [day.number for day in days] == ["1er"] + [str(number) for number in range(2, len(days) + 1)] and len(days) >= 28
        linked += [day.briefing for day in reversed(days) if day.briefing]
        assert all(day.briefing is None or day.briefing in pages for day in days)
    assert sorted(linked) == sorted(f"briefings/{day}.md" for day in briefing_days)
