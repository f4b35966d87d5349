"""Charts drawn at build time: valid, deterministic, accessible SVG that escapes whatever text it is given."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from generator.charts import BarGroup, bar_chart

SVG = "{http://www.w3.org/2000/svg}"


def chart(groups: list[BarGroup], title: str = "Posts nationaux — Mai 2024") -> str:
    return bar_chart(title, "Lancés et détruits par modèle.", ["Lancés", "Détruits"], groups)


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
