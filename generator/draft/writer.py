"""A draft (:class:`generator.draft.drafter.Draft`) as the text of a content file: valid YAML in the content schema,
each value followed by a comment with the sentence it came from, ``# check: …`` where a guess needs a human look,
speakers no party matched listed at the top as proposed parties.

Every text value is a YAML double-quoted scalar written here (JSON's string syntax, which is YAML's, with whatever
YAML cannot carry as it is escaped: line separators, characters outside its printable set), and every comment is
one line of printable text: whatever the article's text holds, the file parses, and to the same values."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from anyascii import anyascii

from generator.draft.drafter import AttributionDraft, Claimant, Draft, Sourced, StrikeDraft
from generator.model import MAX_ITEMS, MAX_RECORDS, MAX_TAKEAWAYS, MAX_TEXT, RESERVED_IDS

COMMENT_LENGTH = 110
_SURROGATES = re.compile("[\ud800-\udfff]")
"""How much of a source sentence a comment quotes."""


def _printable(character: str) -> bool:
    """Whether YAML carries this character as it is in a double-quoted scalar (its printable set, no line break)."""
    point = ord(character)
    return (
        point in (0x09,)
        or 0x20 <= point <= 0x7E
        or (0xA0 <= point <= 0xD7FF and point not in (0x2028, 0x2029))
        or (0xE000 <= point <= 0xFFFD and point != 0xFEFF)
        or 0x10000 <= point <= 0x10FFFF
    )


def quoted(text: str) -> str:
    """A YAML double-quoted scalar holding exactly ``text`` (a lone surrogate, which no file can hold, becomes U+FFFD;
    beyond the schema's longest text, it is cut)."""
    text = _SURROGATES.sub("\ufffd", text)[:MAX_TEXT]
    body = json.dumps(text, ensure_ascii=False)[1:-1]
    escaped = "".join(character if _printable(character) or character == "\\" else _escape(character) for character in body)
    return f'"{escaped}"'


def _escape(character: str) -> str:
    point = ord(character)
    return f"\\u{point:04x}" if point <= 0xFFFF else f"\\U{point:08x}"


def comment(text: str) -> str:
    """One line of printable text for a comment."""
    flat = " ".join("".join(character if _printable(character) else " " for character in text).split())
    return flat if len(flat) <= COMMENT_LENGTH else flat[: COMMENT_LENGTH - 1].rsplit(" ", 1)[0] + " …"


def slug(text: str, words: int = 6) -> str:
    """An id's words from a text: ASCII, lowercase, hyphens (``Moscou accusée par le Pentagone`` ->
    ``moscou-accusee-par-le-pentagone``)."""
    ascii_text = anyascii(text).lower()  # any script: Харків as kharkiv
    parts = re.findall(r"[a-z0-9]+", ascii_text)[:words]
    return "-".join(parts)[:60].strip("-") or "article"


class _Lines:
    """The file's lines, each value with its comment."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.checks = 0

    def add(self, line: str, source: str | None = None, check: str | None = None) -> None:
        notes = []
        if source:
            notes.append(f"« {comment(source)} »")
        if check:
            notes.append(f"check: {comment(check)}")
            self.checks += 1
        self.lines.append(line + (f"  # {' '.join(notes)}" if notes else ""))


def _unique(wanted: str, taken: set[str]) -> str:
    candidate = wanted if wanted not in RESERVED_IDS else f"{wanted}-1"
    number = 2
    while candidate in taken:
        candidate = f"{wanted}-{number}"
        number += 1
    taken.add(candidate)
    return candidate


def write_draft(draft: Draft, modeline: str | None = None) -> tuple[str, int]:
    """The content file's text, and how many values are marked for a look."""
    out = _Lines()
    if modeline:
        out.add(modeline)
    out.add("# Drafted by `briefing draft`: every value is a proposal, beside the sentence it came from; each")
    out.add('# `check:` needs a human look. Resolve them, fill the empty "", then run `briefing check`.')
    if draft.proposed:
        out.add("# Speakers that match no party in parties.yaml: add them there (or use an existing id below):")
        for party, words in draft.proposed.items():
            out.add(f"#   - id: {party}")
            out.add(f"#     name: {{{draft.language}: {comment(quoted(words))}}}")
            out.add("#     kind: other  # state, government, military, intelligence, local_authority, media, other")
    taken: set[str] = set()
    article_id = _unique(f"{draft.published.isoformat()}-{slug(draft.title)}", taken)
    out.add("article:")
    out.add(f"  id: {article_id}")
    out.add(f"  title: {quoted(draft.title)}")
    if draft.outlet:
        out.add(f"  outlet: {quoted(draft.outlet)}", check="from the address")
    if draft.relays:
        out.add(
            f"  relays: {quoted(draft.relays[0])}",
            check="the outlet the text names as its source" if len(draft.relays) == 1 else "it names several",
        )
    out.add(f"  published: {draft.published.isoformat()}")
    out.add(f"  language: {draft.language}")
    if draft.url:
        out.add(f"  url: {quoted(draft.url)}")
    out.add('  summary: ""  # in your own words, in the article\'s language')
    out.add("  takeaways:" if draft.takeaways else "  takeaways: []")
    for takeaway in draft.takeaways[:MAX_TAKEAWAYS]:
        out.add(f"    - {quoted(takeaway)}", check="a lead sentence: say what matters, in your own words")
    out.add("")
    _attributions(out, draft.attributions, draft.published.isoformat(), taken)
    out.add("")
    room = MAX_RECORDS - min(len(draft.attributions), MAX_RECORDS)  # the schema's records a file holds
    _strikes(out, draft.strikes[:room], draft.published.isoformat(), taken)
    return "\n".join(out.lines) + "\n", out.checks


def _claimants(claimants: Iterable[Claimant]) -> str:
    return "[" + ", ".join(dict.fromkeys(claimant.party for claimant in claimants)) + "]"


def _check(*claimants: Claimant | None, extra: str | None = None) -> str | None:
    reasons = [claimant.check for claimant in claimants if claimant is not None and claimant.check] + ([extra] if extra else [])
    return "; ".join(dict.fromkeys(reasons)) or None


def _attributions(out: _Lines, attributions: list[AttributionDraft], day: str, taken: set[str]) -> None:
    if not attributions:
        out.add("attributions: []")
        return
    out.add("attributions:")
    for attribution in attributions[:MAX_RECORDS]:
        out.add(f"  - id: {_unique(slug(attribution.claim, 5) + '-' + day, taken)}")
        out.add(f"    headline: {quoted(comment(attribution.sentence))}", check="a headline in your own words")
        out.add(f"    claimant: {attribution.claimant.party}", attribution.sentence, _check(attribution.claimant))
        out.add(f"    accused: {attribution.accused.party}", None, _check(attribution.accused))
        out.add(f"    claim: {quoted(attribution.claim)}", check="what is claimed, as the article says it")
        if attribution.weapons:
            out.add("    weapons:")
            for weapon in attribution.weapons:
                out.add(f"      - category: {weapon.category.value}")
                if weapon.model:
                    out.add(f"        model: {quoted(weapon.model)}")
                if weapon.origin:
                    out.add(f"        origin: {weapon.origin}", check="the origin the article gives")
                out.add(f"        claimed_by: [{attribution.claimant.party}]")
        if attribution.evidence:
            out.add("    evidence:")
            for sentence in attribution.evidence[:MAX_ITEMS]:
                out.add(f"      - description: {quoted(sentence)}", check="the evidence, in your own words")
        if attribution.quotes:
            out.add("    quotes:")
            for quote, speaker in attribution.quotes[:MAX_ITEMS]:
                out.add(f"      - speaker: {speaker.party}", quote.speaker, _check(speaker))
                out.add(f"        text: {quoted(quote.text)}")
        out.add("    status:")
        out.add("      - status: alleged")
        out.add(f"        by: {attribution.claimant.party}")


def _strikes(out: _Lines, strikes: list[StrikeDraft], day: str, taken: set[str]) -> None:
    if not strikes:
        out.add("strikes: []")
        return
    out.add("strikes:")
    for strike in strikes:
        place = strike.place
        name = (
            place.get("settlement")
            or place.get("region")
            or {"UA": "ukraine", "RU": "russia"}.get(place["country"], place["country"].lower())
        )
        out.add(f"  - id: {_unique(slug(name, 4) + '-' + day, taken)}")
        country = place["country"]
        direction = "on_russia" if country == "RU" else "on_ukraine"
        out.add(f"    direction: {direction}", None, None if country in ("RU", "UA") else f"the place is in {country}: which direction?")
        out.add(f"    headline: {quoted(comment(strike.sentence))}", check="a headline in your own words")
        _when(out, strike.dating, day)
        out.add("    where:", strike.sentence)
        for key in ("neighbourhood", "settlement", "region", "country", "precision"):
            if key in place:
                out.add(f"      {key}: {quoted(place[key]) if key not in ('country', 'precision') else place[key]}")
        out.add(f"    reported_by: [{strike.reported_by.party}]", strike.reported_by.words, _check(strike.reported_by))
        if strike.weapons:
            out.add("    weapons:")
            for weapon in strike.weapons[:MAX_ITEMS]:
                out.add(f"      - category: {weapon.category.value}", weapon.sentence)
                if weapon.model:
                    out.add(f"        model: {quoted(weapon.model)}")
                out.add(f"        claimed_by: {_claimants([weapon.claimant] if weapon.claimant else [])}", None, _check(weapon.claimant))
        if strike.launched_from is not None and isinstance(strike.launched_from.value, dict):
            out.add("    launched_from:", strike.launched_from.sentence)
            for key, value in strike.launched_from.value.items():
                out.add(f"      {key}: {quoted(value) if key not in ('country', 'precision') else value}")
            claimant = strike.launched_from.claimant
            out.add(f"    launched_from_claimed_by: {_claimants([claimant] if claimant else [])}", None, _check(claimant))
        if strike.targets:
            out.add("    targets:")
            for target in strike.targets[:MAX_ITEMS]:
                out.add(f"      - what: {quoted(target.what)}", target.sentence, target.check)
                out.add(f"        outcome: [{', '.join(target.outcomes)}]")
                out.add(f"        claimed_by: {_claimants([target.claimant])}", None, _check(target.claimant))
        _figures(out, strike)


COUNT_KINDS = ("launched", "intercepted")
CASUALTY_KINDS = ("killed", "injured", "seriously_injured", "missing", "rescued", "evacuated")


def _figures(out: _Lines, strike: StrikeDraft) -> None:
    for block, kinds in (("counts", COUNT_KINDS), ("casualties", CASUALTY_KINDS)):
        mine = [(figure, sourced) for figure, sourced in strike.figures if figure.kind in kinds]
        if not mine:
            continue
        out.add(f"    {block}:")
        for kind in kinds:
            of_kind = [(figure, sourced) for figure, sourced in mine if figure.kind == kind]
            if not of_kind:
                continue
            out.add(f"      {kind}:")
            for figure, sourced in of_kind[:MAX_ITEMS]:
                value = sourced.value
                text = f"{{min: {value['min']}, max: {value['max']}}}" if isinstance(value, dict) else str(value)
                out.add(f"        - value: {text}", sourced.sentence, sourced.check)
                if figure.category is not None:
                    out.add(f"          category: {figure.category.value}")
                out.add(f"          wording: {quoted(figure.wording)}")
                claimant = sourced.claimant
                out.add(
                    f"          claimed_by: {claimant.party if claimant else 'unattributed'}",
                    claimant.words if claimant else None,
                    _check(claimant),
                )


def _when(out: _Lines, dating: Sourced, day: str) -> None:
    found = dating.value
    out.add("    when:")
    if found is None:
        out.add(f"      start: {day}", None, dating.check)
        out.add("      precision: approximate")
        return
    schema = found.as_schema()  # type: ignore[attr-defined]
    out.add(f"      start: {schema['start']}", f"{found.wording} — {dating.sentence}", dating.check)  # type: ignore[attr-defined]
    if "end" in schema:
        out.add(f"      end: {schema['end']}")
    if "precision" in schema:
        out.add(f"      precision: {schema['precision']}")
