"""Checks that span records and files: unique ids, known parties, coherent figures."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from generator.articles.same_event import check_same_as, waiting_for
from generator.diagnostics import close_match
from generator.errors import Problem
from generator.gazetteer import Atlas, Located
from generator.load import FieldPath, RawDocument, format_path
from generator.model import UNATTRIBUTED, ArticleFile, Casualties, Counts, Party, Place, Takeaway

M = TypeVar("M", bound=BaseModel)

PARTY_REFERENCES = frozenset({"claimed_by", "reported_by", "launched_from_claimed_by", "claimant", "via", "accused", "speaker", "by"})
"""Fields whose values are party ids."""


def _party_references(data: Any, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    """Every party id of a document's raw data, with its field path, in the file's order (only mappings and lists
    are descended into: most values are text, and a call per value cost most of the walk)."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in PARTY_REFERENCES:
                for index, item in enumerate(value if isinstance(value, list) else [value]):
                    if _is_id(item):
                        yield ((*path, key, index) if isinstance(value, list) else (*path, key)), str(item)  # as the model reads it
            elif isinstance(value, dict | list):
                yield from _party_references(value, (*path, key))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            if isinstance(item, dict | list):
                yield from _party_references(item, (*path, index))


def record_ids(document: RawDocument) -> Iterator[tuple[FieldPath, str]]:
    """The article's id and its records', with their field paths, as far as the file can be read (a file that did
    not validate too); a number given as an id reads as its digits, as the model reads it."""
    data = document.data if isinstance(document.data, dict) else {}
    article = data.get("article")
    if isinstance(article, dict) and _is_id(article.get("id")):
        yield ("article", "id"), str(article["id"])
    for kind in ("attributions", "strikes"):
        records = data.get(kind)
        for index, record in enumerate(records if isinstance(records, list) else []):
            if isinstance(record, dict) and _is_id(record.get("id")):
                yield (kind, index, "id"), str(record["id"])


def _is_id(value: Any) -> bool:
    """Whether a raw value can be read as an id (text, or a number: another shape is a shape error)."""
    return isinstance(value, str | int) and not isinstance(value, bool)


def _located(document: RawDocument, path: FieldPath, message: str) -> Problem:
    return Problem(document.path, document.line_of(path), format_path(path), message)


def check_references(
    parties: dict[str, Party] | None,
    articles: list[tuple[RawDocument, ArticleFile]],
    reserved: dict[str, str],
    places: Mapping[Place, Located],
    pending: Mapping[str, str] | None = None,
) -> list[Problem]:
    """Every id unique across all content and free of others' prefixes, every party reference known, no figure contradicting another.

    ``parties`` is None when the registry itself failed to load: references are then not checked,
    since every one of them would be reported as unknown. ``reserved`` maps id prefixes to whose records they are.
    """
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for document, article_file in articles:
        for path, record_id in record_ids(document):
            if record_id in seen:
                problems.append(_located(document, path, f"duplicate id '{record_id}' (already used at {seen[record_id]})"))
            else:
                seen[record_id] = f"{document.path}:{document.line_of(path)}"
        problems += unknown_parties(document, parties)
        for index, strike in enumerate(article_file.strikes):
            problems += _figure_problems(document, index, strike.counts, strike.casualties)
    problems += check_same_as(articles, places, pending)
    problems += _check_concerned(articles, seen, pending or {})
    problems += _check_reserved_ids(articles, reserved)
    problems += _check_takeaways(articles)
    return problems


def _figure_problems(document: RawDocument, index: int, counts: Counts | None, casualties: Casualties | None) -> list[Problem]:
    """A strike's figures that contradict one another: more intercepted than launched, more seriously injured than injured."""
    pairs = [("intercepted", "launched", counts), ("seriously_injured", "injured", casualties)]
    return [
        _located(document, ("strikes", index, *path), message)
        for part, whole, group in pairs
        if group is not None
        for path, message in _exceeds(group, part, whole)
    ]


def _exceeds(group: Counts | Casualties, part: str, whole: str) -> Iterator[tuple[FieldPath, str]]:
    """Each figure of ``part`` larger than a figure of ``whole`` the same claimant gives for the same kind of weapon:
    more intercepted than launched, more seriously injured than injured."""
    section = "counts" if isinstance(group, Counts) else "casualties"
    for given in getattr(group, whole):
        for position, figure in enumerate(getattr(group, part)):
            common = sorted(set(given.claimed_by) & set(figure.claimed_by))
            low, high = figure.value.lower, given.value.upper
            if common and given.category == figure.category and low is not None and high is not None and low > high:
                words = part.replace("_", " ")
                yield (section, part, position, "value"), f"more {words} ({low}) than {whole} ({high}) by the same claimant '{common[0]}'"


def _check_concerned(articles: list[tuple[RawDocument, ArticleFile]], seen: Mapping[str, str], pending: Mapping[str, str]) -> list[Problem]:
    """Each strike an attribution claim concerns is a strike of the content (or of a file whose errors it waits for)."""
    strikes = {strike.id for _, article_file in articles for strike in article_file.strikes}
    problems = []
    for document, article_file in articles:
        for index, claim in enumerate(article_file.attributions):
            for position, strike_id in enumerate(claim.strikes):
                path = ("attributions", index, "strikes", position)
                if strike_id in strikes:
                    continue
                waiting = waiting_for(strike_id, pending)
                if waiting:
                    message = waiting
                elif strike_id in seen:
                    message = f"'{strike_id}' is not a strike (it is the id at {seen[strike_id]})"
                else:
                    message = f"no strike has the id '{strike_id}'"
                    close = close_match(strike_id, strikes)
                    message += f" (did you mean '{close}'?)" if close else ""
                problems.append(_located(document, path, message))
    return problems


def unknown_parties(document: RawDocument, parties: dict[str, Party] | None) -> list[Problem]:
    """Every party reference of a document (valid or not: one run lists every problem) that names no known party."""
    if parties is None:
        return []  # the registry did not load: every reference would read as unknown
    problems = []
    for path, party_id in _party_references(document.data):
        if party_id != UNATTRIBUTED and party_id not in parties:
            close = close_match(party_id, parties)
            hint = f" (did you mean '{close}'?)" if close else ""
            problems.append(_located(document, path, f"unknown party '{party_id}'{hint}; parties are declared in content/parties.yaml"))
    return problems


def _check_takeaways(articles: list[tuple[RawDocument, ArticleFile]]) -> list[Problem]:
    """A takeaway names records of its own article."""
    problems = []
    for document, article_file in articles:
        own = [record.id for record in article_file.attributions] + [record.id for record in article_file.strikes]
        for index, takeaway in enumerate(article_file.article.takeaways):
            for position, record_id in enumerate(takeaway.records if isinstance(takeaway, Takeaway) else []):
                if record_id not in own:
                    known = ", ".join(f"'{known}'" for known in own) or "none"
                    path = ("article", "takeaways", index, "records", position)
                    problems.append(_located(document, path, f"'{record_id}' is not a record of this article (its records: {known})"))
    return problems


def _check_reserved_ids(articles: list[tuple[RawDocument, ArticleFile]], reserved: dict[str, str]) -> list[Problem]:
    return [
        _located(document, path, f"ids starting with '{prefix}' are reserved for {owner}, got '{record_id}'")
        for document, _ in articles
        for path, record_id in record_ids(document)
        for prefix, owner in reserved.items()
        if record_id.startswith(prefix)
    ]


def _places(article_file: ArticleFile) -> Iterator[tuple[FieldPath, Place]]:
    """Every place of an article's records, with its field path."""
    for index, strike in enumerate(article_file.strikes):
        yield ("strikes", index, "where"), strike.where
        if isinstance(strike.launched_from, Place):
            yield ("strikes", index, "launched_from"), strike.launched_from
        for position, place in enumerate(strike.launched_from if isinstance(strike.launched_from, list) else []):
            yield ("strikes", index, "launched_from", position), place
    for index, claim in enumerate(article_file.attributions):
        for position, evidence in enumerate(claim.evidence):
            if evidence.where is not None:
                yield ("attributions", index, "evidence", position, "where"), evidence.where


def locate_places(atlas: Atlas, articles: list[tuple[RawDocument, ArticleFile]]) -> tuple[dict[Place, Located], list[Problem]]:
    """Every place of every record resolved to the gazetteer, and each level that does not resolve, located."""
    located: dict[Place, Located] = {}
    problems: list[Problem] = []
    for document, article_file in articles:
        for path, place in _places(article_file):
            problems += _locate(atlas, document, path, place, located)
    return located, problems


def _locate(atlas: Atlas, document: RawDocument, path: FieldPath, place: Place, located: dict[Place, Located]) -> list[Problem]:
    found, place_problems = atlas.locate(place)
    if found is not None:
        located[place] = found
    return [_located(document, (*path, problem.field), problem.message) for problem in place_problems]


def _valid(model: type[M], data: Any) -> M | None:
    """``data`` as ``model``, or None when it is not valid (its errors are reported by the file's validation)."""
    try:
        return model.model_validate(data)
    except ValidationError:
        return None


def salvaged_problems(document: RawDocument, atlas: Atlas) -> list[Problem]:
    """What can still be checked in a file that did not validate, part by part: figures that contradict one
    another, places the gazetteer does not know. One run then lists these with the file's shape errors."""
    data = document.data if isinstance(document.data, dict) else {}
    strikes = data.get("strikes")
    problems: list[Problem] = []
    for index, raw in enumerate(strikes if isinstance(strikes, list) else []):
        if not isinstance(raw, dict):
            continue
        problems += _figure_problems(document, index, _valid(Counts, raw.get("counts", {})), _valid(Casualties, raw.get("casualties", {})))
        launched = raw.get("launched_from")
        places: list[tuple[FieldPath, Any]] = [(("where",), raw.get("where"))]
        places += [(("launched_from", position), item) for position, item in enumerate(launched)] if isinstance(launched, list) else []
        places += [(("launched_from",), launched)] if isinstance(launched, dict) else []
        for path, value in places:
            place = _valid(Place, value)
            if place is not None:
                problems += _locate(atlas, document, ("strikes", index, *path), place, {})
    return problems
