"""Charts drawn at build time: valid, deterministic, accessible SVG that escapes whatever text it is given."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from generator.charts import BarGroup, Column, bar_chart, time_chart

SVG = "{http://www.w3.org/2000/svg}"


def chart(groups: list[BarGroup], title: str = "Posts nationaux — Mai 2024") -> str:
    return bar_chart(title, "Lancés et détruits par modèle.", ["Lancés", "Détruits"], groups).text


def test_a_chart_is_titled_described_and_labels_every_bar_with_its_value() -> None:
    root = ET.fromstring(chart([BarGroup("Shahed-136/131", (457, 408)), BarGroup("Kalibr", (12, None))]))  # noqa: S314 - our own output

    assert root.get("role") == "img"
    assert root.findtext(f"{SVG}title") == "Posts nationaux — Mai 2024"
    assert root.findtext(f"{SVG}desc") == "Lancés et détruits par modèle."
    texts = [element.text for element in root.iter(f"{SVG}text")]
    assert texts[3:] == ["Shahed-136/131", "457", "408", "Kalibr", "12", "—"]
    widths = [int(element.get("width", "0")) for element in root.iter(f"{SVG}rect")][3:]
    assert widths[0] > widths[1] > widths[2] > 0, "bars are proportional to their values; a value not given has no bar"


def test_the_same_numbers_draw_the_same_bytes() -> None:
    groups = [BarGroup("Mai 2024", (457, 408)), BarGroup("Juin 2024", (458, 399))]

    assert chart(groups) == chart(list(groups))


@given(st.text(max_size=80), st.text(max_size=80))
def test_any_label_or_title_stays_text(label: str, title: str) -> None:
    root = ET.fromstring(chart([BarGroup(label, (1, 0))], title=title))  # noqa: S314 - our own output

    assert [element.tag for element in root.iter() if element.tag.endswith(("script", "foreignObject"))] == []
    assert all(not key.startswith("on") for element in root.iter() for key in element.attrib)


def test_characters_xml_cannot_hold_are_dropped() -> None:
    root = ET.fromstring(chart([BarGroup("Kal\x00ibr\ufffe", (1, 0))], title="\x1bT\uffffitle"))  # noqa: S314 - our own output

    assert root.findtext(f"{SVG}title") == "Title"
    assert [element.text for element in root.iter(f"{SVG}text")][3] == "Kalibr"


def time(columns: list[Column], title: str = "Bilans nationaux", note: str | None = None) -> ET.Element:
    svg = time_chart(title, "Lancés, abattus et perdus par mois.", ["Lancés", "Abattus", "Perdus"], columns, note=note).text
    return ET.fromstring(svg)  # noqa: S314 - our own output


def test_a_period_without_a_report_is_an_empty_slot_on_the_axis() -> None:
    root = time([Column("Mai", (10, 8, 1), "mai"), Column("Juin", (None, None, None), "juin"), Column("Juillet", (20, 15, None), "juil")])
    groups = list(root.iter(f"{SVG}g"))
    assert [group.findtext(f"{SVG}title") for group in groups] == [
        "Mai — Lancés 10 · Abattus 8 · Perdus 1",
        "Juin — Lancés — · Abattus — · Perdus —",
        "Juillet — Lancés 20 · Abattus 15 · Perdus —",
    ]
    bars = [len(group.findall(f"{SVG}rect")) for group in groups]
    assert bars == [3, 0, 2], "an empty period draws nothing, and keeps its place"
    ticks = [element.text for element in root.iter(f"{SVG}text")]
    assert [text for text in ticks if text in ("mai", "juin", "juil")] == ["mai", "juin", "juil"]


def test_lost_is_stacked_on_shot_down_and_launched_stands_behind() -> None:
    (group,) = time([Column("Mai", (100, 60, 30))]).iter(f"{SVG}g")
    launched, shot_down, lost = (rect for rect in group.findall(f"{SVG}rect"))
    bottom = int(launched.get("y", "0")) + int(launched.get("height", "0"))
    assert int(shot_down.get("y", "0")) + int(shot_down.get("height", "0")) == bottom
    assert int(lost.get("y", "0")) + int(lost.get("height", "0")) == int(shot_down.get("y", "0")), "lost sits on shot down"
    assert int(lost.get("y", "0")) > int(launched.get("y", "0")), "shot down and lost together stay under launched"


def test_a_partial_period_is_marked_and_the_note_says_why() -> None:
    root = time([Column("Sept. 2022", (5, 4, None), partial=True), Column("Oct. 2022", (50, 40, None))], note="* mois couvert en partie")
    texts = [element.text for element in root.iter(f"{SVG}text")]
    assert texts.count("*") == 1 and "* mois couvert en partie" in texts
    dashed = [rect for rect in root.iter(f"{SVG}rect") if rect.get("stroke-dasharray")]
    assert len(dashed) == 1


@given(st.text(max_size=80), st.text(max_size=200))
def test_any_period_label_title_or_note_stays_text_in_a_time_chart(label: str, title: str) -> None:
    root = time([Column(label, (1, 0, None), label)], title=title, note=title)
    assert [element.tag for element in root.iter() if element.tag.endswith(("script", "foreignObject"))] == []
    assert all(not key.startswith("on") for element in root.iter() for key in element.attrib)


def test_a_chart_knows_the_size_it_is_drawn_at() -> None:
    """The page gives a chart's image the size of its SVG, so the text does not move when the chart arrives."""
    drawn = [
        bar_chart("T", "D", ["Lancés", "Détruits"], [BarGroup("Mai 2024", (457, 408)), BarGroup("Juin 2024", (458, 399))]),
        time_chart("T", "D", ["Lancés"], [Column("Mai", (3,), "mai"), Column("Juin", (5,), "juin")], note="*"),
    ]
    for svg in drawn:
        root = ET.fromstring(svg.text)  # noqa: S314 - our own output
        assert (int(root.get("width") or 0), int(root.get("height") or 0)) == (svg.width, svg.height)
        assert svg.height > 100
