"""Escaping of untrusted text for the Markdown contexts it lands in.

Every string from the content is untrusted. Templates never see it as
template source; they receive it as a variable, and the Jinja environment's
``finalize`` hook passes every ``{{ value }}`` through :func:`inline`, unless
the value is :class:`markupsafe.Markup` (produced only by the helpers below,
from validated ids and URLs, or already-escaped text).

After escaping, Python-Markdown sees no markup in the text: HTML special
characters become entities, and every character Markdown (or the enabled
extensions: tables, attr_list, admonitions) treats specially is
backslash-escaped, so it renders as itself. Colons become ``&#58;`` so that
``:icon-name:`` shortcodes (pymdownx.emoji) and ``javascript:``-style schemes
never form.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from urllib.parse import quote

from markdown import Markdown  # type: ignore[import-untyped]
from markdown.extensions import Extension  # type: ignore[import-untyped]
from markdown.inlinepatterns import InlineProcessor  # type: ignore[import-untyped]
from markdown.util import ETX, STX  # type: ignore[import-untyped]
from markupsafe import Markup

from generator.model import ID_PATTERN

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_WHITESPACE = re.compile(r"\s+")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", ":": "&#58;"}
_INLINE = str.maketrans({**{char: "\\" + char for char in "\\`*_{}[]()#+-.!|"}, **_HTML})
"""One pass: each Markdown-special character backslash-escaped, each HTML-special one an entity."""
_URL_SAFE = ":/?#@!$&*+,;=%~-._"


def clean(text: str) -> str:
    """Drop control characters and fold every whitespace run (newlines included) to one space."""
    return _WHITESPACE.sub(" ", _CONTROL.sub("", text))


def inline(value: object) -> Markup:
    """Escape ``value`` for one line of Markdown: body text, table cell, heading, list item or link text."""
    if isinstance(value, Markup):
        return value
    text = value if type(value) is str else str(value)
    return _inline_kept(text) if len(text) <= KEPT_UP_TO else _inline_text(text)


KEPT_UP_TO = 200
"""Strings this short are escaped once per process (names, labels, figures; longer texts are rarely met twice)."""


def _inline_text(text: str) -> Markup:
    return Markup(contain_bidi(clean(text)).translate(_INLINE))


_inline_kept = lru_cache(maxsize=1 << 16)(_inline_text)
""":func:`inline` of a short string, kept: a build escapes the same names, labels and figures on page after page
(300,000 values at 365 articles, most of them met before: a tenth of the render stage); Markup is immutable, so one
copy serves them all; at most 65,536 of them, about 30 MB."""


_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_EMBEDDINGS, _POP_EMBEDDING = "\u202a\u202b\u202d\u202e", "\u202c"
_ISOLATES, _POP_ISOLATE = "\u2066\u2067\u2068", "\u2069"


def contain_bidi(text: str) -> str:
    """Keep right-to-left and other direction controls, but stop them reordering the page around the text.

    Text with direction controls is wrapped in a first-strong isolate (U+2068 ... U+2069), after
    closing every embedding, override and isolate it leaves open, so an unterminated U+202E
    (right-to-left override) reverses nothing beyond its own string.
    """
    if not _BIDI.search(text):
        return text
    embeddings = isolates = 0
    for char in text:
        if char in _EMBEDDINGS:
            embeddings += 1
        elif char == _POP_EMBEDDING:
            embeddings = max(0, embeddings - 1)
        elif char in _ISOLATES:
            isolates += 1
        elif char == _POP_ISOLATE:
            isolates, embeddings = max(0, isolates - 1), 0
    return f"\u2068{text}{_POP_EMBEDDING * embeddings}{_POP_ISOLATE * isolates}\u2069"


_LANGUAGE = re.compile(r"[a-z]{2,3}")


def _foreign(language: str | None, site_language: str) -> bool:
    """Whether ``language`` is a language code other than the site's: what is marked with its own."""
    return bool(language) and language != site_language and _LANGUAGE.fullmatch(language or "") is not None


def quoted(text: object, language: str | None, site_language: str) -> Markup:
    """Text quoted from the content, as :func:`inline`, marked with its own language when it is not the site's (so
    that screen readers pronounce it, and readers know it is the source's words): ``<span lang="fr">…</span>``."""
    escaped = inline(text)
    if not _foreign(language, site_language):
        return escaped
    return Markup(f'<span lang="{language}">') + escaped + Markup("</span>")


def lang_attribute(language: str | None, site_language: str) -> Markup:
    """`` lang="en"`` for an attribute list (``{ #id lang="en" }``) when the content's language is not the site's."""
    if not _foreign(language, site_language):
        return Markup("")
    return Markup(f' lang="{language}"')


def paragraphs(value: str) -> Markup:
    """Escape multi-paragraph text: blank lines separate paragraphs, other line breaks fold."""
    parts = [inline(part.strip()) for part in re.split(r"\n\s*\n", value) if part.strip()]
    return Markup("\n\n".join(parts))


def anchor(record_id: str) -> Markup:
    """A validated id, safe to use as an anchor or in a link target."""
    if not re.match(ID_PATTERN, record_id):
        raise ValueError(f"refusing to use {record_id!r} as an anchor")
    return Markup(record_id)


def url(address: str) -> Markup:
    """An http(s) address, percent-encoded so it cannot end a Markdown link early."""
    if not re.match(r"^https?://", address, re.IGNORECASE):
        raise ValueError(f"refusing to link to {address!r}: only http and https are allowed")
    return Markup(quote(clean(address).strip(), safe=_URL_SAFE))


def attribute(value: str) -> str:
    """Escape text for an HTML attribute value (front matter fields the theme puts in attributes)."""
    return re.sub(r"[&<>\"']", lambda match: _HTML.get(match.group(), "&#39;"), clean(value))


def front_matter(value: str) -> Markup:
    """A YAML double-quoted scalar for page front matter; HTML-escaped because themes print it unescaped."""
    return Markup(json.dumps(attribute(value), ensure_ascii=False))


_ENTITIES = ("&amp;", "&lt;", "&gt;", "&quot;", "&#58;")


class _EscapedRun(InlineProcessor):  # type: ignore[misc]  # Python-Markdown is untyped
    """Turns a whole run of escaped text into one literal text node, in one match.

    Python-Markdown rebuilds the element's text for every inline match, so
    a 50,000-character field of ``[`` (50,000 backslash escapes) takes it
    quadratic time: minutes for one page. This pattern matches a maximal run
    of backslash escapes, the entities :func:`inline` produces, and plain
    characters that no inline syntax starts with (letters, digits, non-ASCII,
    single spaces), and returns it as the same literal text Python-Markdown's
    own escape and entity patterns would, so the output reads the same and
    escaped text costs linear time. The run never includes unescaped ASCII
    punctuation, so it never crosses template syntax (``**``, ``[...](...)``,
    ``|``, ``{ #id }``), and it runs after code spans, as escapes do.
    """

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[str, int, int]:
        stash = self.md.htmlStash

        def literal(token: re.Match[str]) -> str:
            text = token.group()
            # An escape becomes what the escape pattern makes of it; an entity stays raw HTML, as the entity pattern keeps it.
            return _ESCAPED.get(text) or stash.store(text)

        return _TOKEN.sub(literal, m.group()), m.start(), m.end()


_ESCAPABLE = r"\\[\\`*_{}\[\]()>#+\-.!|]"
_ENTITY = "|".join(re.escape(entity) for entity in _ENTITIES)
_PLAIN = r"[^\x00-\x20!-/:-@\[-`{-~]| (?! *\n)"
_ESCAPED = {f"\\{char}": f"{STX}{ord(char)}{ETX}" for char in "\\`*_{}[]()>#+-.!|"}
_TOKEN = re.compile(f"{_ESCAPABLE}|{_ENTITY}")
_RUN = f"(?:{_ESCAPABLE}|{_ENTITY})(?:{_ESCAPABLE}|{_ENTITY}|{_PLAIN})*"


class LinearEscapes(Extension):  # type: ignore[misc]
    """Python-Markdown extension: escaped text renders in linear time (see :class:`_EscapedRun`)."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.inlinePatterns.register(_EscapedRun(_RUN, md), "briefing-escaped-run", 185)
