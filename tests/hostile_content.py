"""Content folders made of hostile text, for the safety tests.

Each file in ``tests/fixtures/hostile/`` holds the strings of one class of
hostile text (raw HTML, event handlers, link schemes...). :func:`hostile_content`
writes a valid content folder with one article per class in which every text
field a reader can see (titles, summaries, headings, table cells, claimant
names, place names, quotes, notes) carries those strings, so a build shows where each one
lands.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import yaml

from conftest import FIXTURES

HOSTILE = FIXTURES / "hostile"


def hostile_strings(name: str) -> list[str]:
    """The strings of one class, with ``repeat: [[text, times]]`` entries expanded."""
    data = yaml.safe_load((HOSTILE / f"{name}.yaml").read_text(encoding="utf-8"))
    return [*data.get("strings", []), *(text * times for text, times in data.get("repeat", []))]


def hostile_classes() -> list[str]:
    return sorted(path.stem for path in HOSTILE.glob("*.yaml"))


def _article(name: str, index: int, strings: list[str], added: list[dict[str, Any]]) -> dict[str, Any]:
    """One article whose every text is hostile; the settlements it names are added to ``added`` (``places.yaml``)
    with hostile names in every language and hostile other spellings."""
    text = itertools.cycle(strings)
    party = f"hostile-{index}"
    day = f"2024-{5 + index // 28:02d}-{index % 28 + 1:02d}"

    def place(precision: str = "site") -> dict[str, Any]:
        place_id = f"ua-hostile-{index}-{len(added)}"
        names = {language: next(text) for language in ("fr", "en", "uk", "ru")}
        added.append(
            {
                "id": place_id,
                "name": names,
                "aliases": [next(text)],
                "country": "UA",
                "parent": "ua-kharkiv-oblast",
                "lat": 49.99,
                "lon": 36.23,
            }
        )
        return {"site": next(text), "neighbourhood": next(text), "settlement": place_id, "country": "UA", "precision": precision}

    def abroad() -> dict[str, Any]:
        """A place in a country the gazetteer does not cover: its names stay as written."""
        return {"settlement": next(text), "region": next(text), "country": "PL", "precision": "settlement"}

    def figure(value: Any) -> dict[str, Any]:
        return {"value": value, "claimed_by": party, "wording": next(text), "note": next(text), "person": next(text), "area": next(text)}

    return {
        "article": {
            "id": name,
            "title": next(text),
            "outlet": next(text),
            "relays": next(text),
            "published": day,
            "language": "fr",
            "url": "https://example.org/a?b=c&d=e#f",
            "summary": next(text),
            "takeaways": [next(text) for _ in strings[:8]],
        },
        "attributions": [
            {
                "id": f"{name}-attribution",
                "headline": next(text),
                "claimant": party,
                "accused": "ru-mod",
                "claim": next(text),
                "weapons": [{"category": "missile", "model": next(text), "claimed_by": [party]}],
                "evidence": [{"description": next(text), "where": place("settlement")}],
                "quotes": [
                    {"speaker": party, "person": next(text), "text": next(text), "language": "en", "translation": {"fr": next(text)}},
                    {"speaker": party, "text": next(text), "medium": next(text)},
                ],
                "strikes": [f"{name}-on-ukraine"],
                "status": [{"status": "alleged", "by": party}],
                "context": [next(text) for _ in strings[:8]],
            }
        ],
        "strikes": [
            {
                "id": f"{name}-{direction.replace('_', '-')}",
                "direction": direction,
                "headline": next(text),
                "when": {"start": day, "precision": "approximate", "note": next(text), "time": "04:35"},
                "where": place(),
                "reported_by": [party],
                "weapons": [{"category": "drone", "model": next(text), "claimed_by": [party]}],
                "launched_from": [abroad(), abroad()],
                "launched_from_claimed_by": [party],
                "targets": [
                    {"what": next(text), "outcome": ["hit"], "claimed_by": [party], "details": next(text), "person": next(text)},
                    {"what": next(text), "outcome": ["debris", "no_damage"], "claimed_by": party, "status": "withdrawn"},
                ],
                "counts": {"launched": [figure(10)], "intercepted": [figure(8)]},
                "casualties": {
                    "killed": [figure(2)],
                    "injured": [figure("several")],
                    "seriously_injured": [figure(1)],
                    "missing": [figure("some")],
                    "rescued": [figure(3)],
                    "evacuated": [figure({"min": 10, "max": 20})],
                    "who": next(text),
                },
                "figures": [{"what": next(text), **figure(5)}, {"what": next(text), **figure("many")}],
                "notes": [next(text) for _ in strings[:8]],
            }
            for direction in ("on_ukraine", "on_russia")
        ],
    }


def hostile_content(target: Path, classes: list[str] | None = None) -> Path:
    """Write a valid content folder at ``target`` with one hostile article per class; return it."""
    classes = classes or hostile_classes()
    (target / "articles").mkdir(parents=True)
    parties = [
        {"id": "ua-authorities", "name": "Autorités ukrainiennes", "kind": "government", "country": "UA"},
        {"id": "ru-mod", "name": "<b onclick=alert(1)>Ministère</b> russe [x](javascript:alert(1))", "kind": "military", "country": "RU"},
    ]
    articles: list[tuple[str, list[str]]] = []
    added: list[dict[str, Any]] = []
    for name in classes:
        strings = hostile_strings(name)
        if any(len(text) > 1000 for text in strings):
            # One article per long string, in one field out of four, so that each file stays under the size limit.
            articles += [(f"{name}-{number}", [text, "x", "y", "z"]) for number, text in enumerate(strings, 1)]
        else:
            articles.append((name, strings))
    for index, (name, strings) in enumerate(articles):
        parties.append({"id": f"hostile-{index}", "name": strings[0], "kind": "other"})
        document = _article(name, index, strings, added)
        (target / "articles" / f"{name}.yaml").write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (target / "places.yaml").write_text(yaml.safe_dump({"places": added}, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (target / "parties.yaml").write_text(yaml.safe_dump({"parties": parties}, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target
