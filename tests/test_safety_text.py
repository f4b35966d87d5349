"""Hostile text stays text: escaping, the Markdown it becomes, and the time it takes (no MkDocs build here)."""

from __future__ import annotations

import time
from html.parser import HTMLParser
from pathlib import Path

import markdown  # type: ignore[import-untyped]
import pytest
from hostile_content import hostile_classes, hostile_strings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from generator import escape
from generator.escape import LinearEscapes, clean, contain_bidi, inline
from generator.model import check_id

EXTENSIONS = ["toc", "tables", "fenced_code", "attr_list", "md_in_html", "admonition", "pymdownx.emoji"]
"""What mkdocs.yml enables (plus MkDocs' defaults): every extension data could try to trigger."""

CONTEXTS = {
    "paragraph": ("{}\n", "p"),
    "list item": ('- **Label**: {} <span class="claimant">x</span>\n', "li"),
    "heading": ("## {} { #record-id }\n", "h2"),
    "table cell": ("| a | b |\n|---|---|\n| {} | x |\n", "td"),
    "link text": ("[{}](sources.md#record-id)\n", "a"),
}


class _Elements(HTMLParser):
    """The elements of a rendered snippet, and the text inside the first ``target`` element (minus template labels)."""

    def __init__(self, target: str) -> None:
        super().__init__(convert_charrefs=True)
        self.target = target
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.inside = self.skipping = 0
        self.done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        if tag == self.target and not self.done:
            self.inside += 1
        elif self.inside and tag in {"strong", "span"}:
            self.skipping += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == self.target and self.inside:
            self.inside -= 1
            self.done = True
        elif self.inside and tag in {"strong", "span"}:
            self.skipping -= 1

    def handle_data(self, data: str) -> None:
        if self.inside and not self.skipping:
            self.text.append(data)


def render(text: str, context: str, linear: bool = True) -> _Elements:
    source, target = CONTEXTS[context]
    converter = markdown.Markdown(extensions=[*EXTENSIONS, *([LinearEscapes()] if linear else [])])
    parsed = _Elements(target)
    parsed.feed(converter.convert(source.replace("{}", str(inline(text)), 1)))
    return parsed


def expected_tags(context: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    return render("plain", context).tags


def shown(text: str, context: str) -> str:
    shown = "".join(render(text, context).text).strip()
    return shown.removeprefix(": ").strip() if context == "list item" else shown


@pytest.mark.parametrize("name", hostile_classes())
@pytest.mark.parametrize("context", sorted(CONTEXTS))
def test_hostile_strings_render_as_the_same_text_with_no_new_element(name: str, context: str) -> None:
    for text in hostile_strings(name):
        if len(text) > 1000:
            continue  # timed below
        assert render(text, context).tags == expected_tags(context), text
        assert shown(text, context) == contain_bidi(clean(text)).strip(), text


@pytest.mark.parametrize("context", sorted(CONTEXTS))
def test_maximum_length_fields_of_markup_characters_render_in_well_under_a_second(context: str) -> None:
    for text in hostile_strings("pathological-lengths-build-quickly"):
        started = time.perf_counter()
        parsed = render(text, context)
        assert time.perf_counter() - started < 2.0, text[:4]
        assert parsed.tags == expected_tags(context)


TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60) | st.text(
    st.sampled_from(list("\\`*_{}[]()#+-.!|<>&\":;'=/ ~^azAZ09\u202e\u200b\n")), max_size=60
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT, context=st.sampled_from(sorted(CONTEXTS)))
def test_any_text_renders_as_itself_with_no_element_or_attribute_of_its_own(text: str, context: str) -> None:
    expected = contain_bidi(clean(text)).strip()
    if not expected:
        return
    assert render(text, context).tags == expected_tags(context)
    assert shown(text, context) == expected


@settings(max_examples=150, deadline=None)
@given(text=TEXT, context=st.sampled_from(sorted(CONTEXTS)))
def test_linear_escapes_change_nothing_but_the_time(text: str, context: str) -> None:
    source, _ = CONTEXTS[context]
    markdown_text = source.replace("{}", str(inline(text)), 1)
    plain = markdown.Markdown(extensions=EXTENSIONS).convert(markdown_text)
    linear = markdown.Markdown(extensions=[*EXTENSIONS, LinearEscapes()]).convert(markdown_text)
    assert linear == plain


def test_unterminated_right_to_left_override_is_contained() -> None:
    assert contain_bidi("abc") == "abc"
    assert contain_bidi("a\u202eb") == "\u2068a\u202eb\u202c\u2069"
    assert contain_bidi("a\u2067b") == "\u2068a\u2067b\u2069\u2069"


@settings(max_examples=300, deadline=None)
@given(record_id=st.text(max_size=90) | st.from_regex(r"[a-zA-Z0-9./\\:-]{1,20}", fullmatch=True))
def test_any_id_is_rejected_or_stays_inside_the_output_folder(tmp_path_factory: pytest.TempPathFactory, record_id: str) -> None:
    try:
        check_id(record_id)
    except ValueError:
        return
    output = Path("/srv/site/docs")
    for target in (output / f"{record_id}.md", output / record_id / "index.md"):
        assert target.resolve().is_relative_to(output)
    assert record_id == record_id.lower()  # no two ids differ only by case, so none collide on a case-insensitive disk


@given(st.text(max_size=300))
def test_a_string_escaped_again_from_the_kept_escapes_is_escaped_as_the_first_time(text: str) -> None:
    """Short strings' escapes are kept per process (``escape.KEPT_UP_TO``): every time gives what escaping it afresh
    gives, kept or not."""
    for value in (text, text * 2, text + "x" * escape.KEPT_UP_TO):
        fresh = escape._inline_text(value)
        assert inline(value) == fresh and inline(value) == fresh and isinstance(inline(value), Markup)
