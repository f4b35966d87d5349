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
from urllib.parse import quote

from markupsafe import Markup

from generator.model import ID_PATTERN

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_WHITESPACE = re.compile(r"\s+")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", ":": "&#58;"}
_HTML_SPECIAL = re.compile(r'[&<>":]')
_URL_SAFE = ":/?#@!$&*+,;=%~-._"


def clean(text: str) -> str:
    """Drop control characters and fold every whitespace run (newlines included) to one space."""
    return _WHITESPACE.sub(" ", _CONTROL.sub("", text))


def inline(value: object) -> Markup:
    """Escape ``value`` for one line of Markdown: body text, table cell, heading, list item or link text."""
    if isinstance(value, Markup):
        return value
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", clean(str(value)))
    return Markup(_HTML_SPECIAL.sub(lambda match: _HTML[match.group()], text))


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
