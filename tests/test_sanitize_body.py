"""The article body's one ``data:`` URL: an image's base64 SVG (the page's first chart, drawn inside it). nh3 is told
to let ``data:`` through so that this one survives; every other use of it is dropped, and the page check refuses it
outside the body."""

from __future__ import annotations

import pytest

from generator.sanitize import check_page, clean_body
from generator.urls import SVG_DATA, svg_data_uri

CHART = svg_data_uri('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><text>1 &lt; 2</text></svg>')


def test_an_images_base64_svg_stays() -> None:
    html = f'<p><img alt="chart" src="{CHART}" width="4" height="4"></p>'
    assert clean_body(html) == html
    assert check_page(html) == []


@pytest.mark.parametrize(
    "html",
    [
        '<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">x</a>',
        '<a href=" DATA:text/html;base64,PHNjcmlwdD4=">x</a>',
        f'<a href="{SVG_DATA}PHN2Zz4=">an SVG to open, not an image</a>',
        '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
        '<img src="data:image/png;base64,AAAA">',
        '<img src="data:text/html;base64,PHNjcmlwdD4=">',
        '<img src=" data:image/svg+xml;base64,PHN2Zz4=">',
    ],
)
def test_every_other_data_url_is_dropped_from_the_body_and_refused_around_it(html: str) -> None:
    assert "data:" not in clean_body(html).lower()
    assert check_page(html), "outside the body, the page check names it"
