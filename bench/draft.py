"""How good ``briefing draft`` is, measured on gold encodings; prints figures, asserts nothing.

    python -m bench.draft

For each article text with a gold encoding (the seed article, whose gold is the shipped content file, and the
fixtures under ``tests/fixtures/draft/``), the text is drafted and the draft compared with the gold:

- precision and recall of (figure kind, value, claimant) triples over every strike's counts and casualties;
- the same on the strike they belong to: (place, kind, value, claimant), so that a figure drafted onto the wrong
  strike is not found;
- precision and recall of places (each strike's settlement, region and country) and of weapons (category, model);
- the share of the gold's fields an editor still has to fill: each gold record's leaf values (``where.region``,
  ``casualties.injured.0.value``...) that the draft's closest record does not hold as they are;
- seconds to draft (Python started and libraries imported before the clock starts; the first French case loads
  spaCy's pipeline);
- and ``briefing draft`` as a command on a French article of 600 words and more, start to end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "draft"


@dataclass(frozen=True)
class Case:
    name: str
    text: Path
    gold: Path
    parties: Path
    published: dt.date


CASES = [
    Case(
        "seed (fr)",
        FIXTURES / "seed-fr.txt",
        ROOT / "content" / "articles" / "2024-05-31-pentagone-missiles-nord-coreens.yaml",
        ROOT / "content",
        dt.date(2024, 5, 31),
    ),
    Case("air force night (en)", FIXTURES / "airforce-en.txt", FIXTURES / "gold" / "airforce-en.yaml", FIXTURES, dt.date(2024, 8, 11)),
    Case("Belgorod, contested (fr)", FIXTURES / "belgorod-fr.txt", FIXTURES / "gold" / "belgorod-fr.yaml", FIXTURES, dt.date(2024, 8, 11)),
    Case(
        "held out: Odesa port (en)",
        FIXTURES / "heldout-odesa-en.txt",
        FIXTURES / "gold" / "heldout-odesa-en.yaml",
        FIXTURES,
        dt.date(2024, 8, 10),
    ),
    Case(
        "held out: Zaporijjia (fr)",
        FIXTURES / "heldout-zaporijjia-fr.txt",
        FIXTURES / "gold" / "heldout-zaporijjia-fr.yaml",
        FIXTURES,
        dt.date(2024, 8, 12),
    ),
    Case(
        "held out: Kharkiv, Dnipro (fr)",
        FIXTURES / "heldout-kharkiv-fr.txt",
        FIXTURES / "gold" / "heldout-kharkiv-fr.yaml",
        FIXTURES,
        dt.date(2024, 9, 4),
    ),
    Case(
        "held out: Kyiv, Kupiansk (en)",
        FIXTURES / "heldout-kyiv-en.txt",
        FIXTURES / "gold" / "heldout-kyiv-en.yaml",
        FIXTURES,
        dt.date(2024, 9, 2),
    ),
    Case(
        "held out: Soumy, Rylsk (fr)",
        FIXTURES / "heldout-soumy-fr.txt",
        FIXTURES / "gold" / "heldout-soumy-fr.yaml",
        FIXTURES,
        dt.date(2024, 10, 15),
    ),
    Case(
        "held out: Kherson, Beryslav (en)",
        FIXTURES / "heldout-kherson-en.txt",
        FIXTURES / "gold" / "heldout-kherson-en.yaml",
        FIXTURES,
        dt.date(2024, 10, 20),
    ),
    Case(
        "held out: Odessa, Mykolaïv (fr)",
        FIXTURES / "heldout-odessa-fr.txt",
        FIXTURES / "gold" / "heldout-odessa-fr.yaml",
        FIXTURES,
        dt.date(2024, 11, 18),
    ),
    Case(
        "held out: Sumy, Shebekino (en)",
        FIXTURES / "heldout-sumy-en.txt",
        FIXTURES / "gold" / "heldout-sumy-en.yaml",
        FIXTURES,
        dt.date(2024, 12, 2),
    ),
    Case(
        "held out: Kryvyï Rih (fr)",
        FIXTURES / "heldout-kryvyi-fr.txt",
        FIXTURES / "gold" / "heldout-kryvyi-fr.yaml",
        FIXTURES,
        dt.date(2025, 1, 15),
    ),
    Case(
        "held out: Kharkiv glide bombs (en)",
        FIXTURES / "heldout-kharkiv-en.txt",
        FIXTURES / "gold" / "heldout-kharkiv-en.yaml",
        FIXTURES,
        dt.date(2025, 1, 20),
    ),
]
"""The first three were written while the drafter's rules were (the seed above all); the held-out ones after, and
the rules were not changed for them: their figures are the honest ones. The Kharkiv and Kyiv ones were written before
spaCy's French pipeline entered the drafter, and measured before and after it (then mended on); the Soumy and Kherson
ones after that, and the Odessa and Sumy ones after those (each pair measured, then mended on); the Kryvyï Rih and
Kharkiv ones after the last change, which was not tuned on them: the fresh figures."""


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _value(value: Any) -> Any:
    return tuple(sorted(value.items())) if isinstance(value, dict) else value


def triples(document: dict[str, Any]) -> set[tuple[str, Any, str]]:
    """Every (figure kind, value, claimant) of the document's strikes."""
    found = set()
    for strike in document.get("strikes") or []:
        for block in ("counts", "casualties"):
            for kind, figures in (strike.get(block) or {}).items():
                for figure in figures if isinstance(figures, list) else []:
                    for claimant in _listed(figure["claimed_by"]):
                        found.add((kind, _value(figure["value"]), claimant))
    return found


def _place(where: dict[str, Any]) -> tuple[str | None, str | None, str]:
    """A strike's settlement, region and country, each as the gazetteer's entry id when it knows the name or id
    (``Zaporijjia``, ``Zaporizhzhia`` and ``ua-zaporizhzhia-zaporizhzhia`` are one place), else as written."""
    from generator.gazetteer.store import Level, shipped_gazetteer

    gazetteer, country = shipped_gazetteer(), str(where["country"])

    def entry_id(name: Any, level: Level) -> str | None:
        if name is None:
            return None
        if (known := gazetteer.get(str(name))) is not None:
            return known.id
        found = gazetteer.named(str(name), country, [level])
        return found[0].id if found else str(name)

    return entry_id(where.get("settlement"), Level.settlement), entry_id(where.get("region"), Level.region), country


def placed(document: dict[str, Any]) -> set[tuple[Any, ...]]:
    """Every (place, figure kind, value, claimant) of the document's strikes: a figure counted only on the strike of
    its place (a night's national figures drafted onto a city's strike are not found)."""
    found = set()
    for strike in document.get("strikes") or []:
        found |= {(_place(strike["where"]), *triple) for triple in triples({"strikes": [strike]})}
    return found


def places(document: dict[str, Any]) -> set[tuple[str | None, str | None, str]]:
    """Each strike's settlement, region and country (through the gazetteer: :func:`_place`)."""
    return {_place(strike["where"]) for strike in document.get("strikes") or []}


def weapons(document: dict[str, Any]) -> set[tuple[str, str | None]]:
    """Every (category, model) of the document's strikes and claims (models compared case-blind)."""
    records = [*(document.get("strikes") or []), *(document.get("attributions") or [])]
    return {
        (weapon["category"], (weapon.get("model") or "").lower() or None) for record in records for weapon in record.get("weapons") or []
    }


def leaves(node: Any, path: str = "") -> dict[str, Any]:
    """A record's leaf values by path (``where.region``, ``casualties.injured.0.value``)."""
    if isinstance(node, dict):
        return {key: value for name, child in node.items() for key, value in leaves(child, f"{path}.{name}" if path else name).items()}
    if isinstance(node, list) and node and all(isinstance(item, dict) for item in node):
        return {key: value for index, item in enumerate(node) for key, value in leaves(item, f"{path}.{index}").items()}
    return {path: _value(tuple(node)) if isinstance(node, list) else _value(node)}


SKIPPED = ("id", "headline", "note", "notes", "details", "context", "summary", "person", "wording")
"""Fields an editor always writes in their own words (or that are ids): not counted as left to fill."""


def to_fill(gold: dict[str, Any], draft: dict[str, Any]) -> tuple[int, int]:
    """How many of the gold records' leaf values the draft's closest record does not hold; and how many there are."""
    missing = total = 0
    for kind in ("strikes", "attributions"):
        drafted = [leaves(record) for record in draft.get(kind) or []]
        for record in gold.get(kind) or []:
            wanted = {path: value for path, value in leaves(record).items() if not any(part in SKIPPED for part in path.split("."))}
            best = max((sum(found.get(path) == value for path, value in wanted.items()) for found in drafted), default=0)
            missing += len(wanted) - best
            total += len(wanted)
    return missing, total


def precision_recall(found: set[Any], wanted: set[Any]) -> tuple[int, int, int]:
    """True positives, found, wanted."""
    return len(found & wanted), len(found), len(wanted)


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "n/a"


def measure(cases: Iterable[Case]) -> dict[str, Any]:
    """Draft each case and compare it with its gold; returns the counts per case."""
    from generator.draft.command import read_parties
    from generator.draft.drafter import Drafter
    from generator.draft.writer import write_draft
    from generator.gazetteer.store import shipped_gazetteer
    from generator.weapons.catalogue import shipped_catalogue

    gazetteer, catalogue = shipped_gazetteer(), shipped_catalogue()
    results = {}
    for case in cases:
        gold = yaml.safe_load(case.gold.read_text(encoding="utf-8"))
        started = time.perf_counter()
        drafter = Drafter(read_parties(case.parties), gazetteer, catalogue)
        body, checks = write_draft(drafter.draft(case.text.read_text(encoding="utf-8"), case.published))
        seconds = time.perf_counter() - started
        draft = yaml.safe_load(body)
        results[case.name] = {
            "triples": precision_recall(triples(draft), triples(gold)),
            "placed": precision_recall(placed(draft), placed(gold)),
            "places": precision_recall(places(draft), places(gold)),
            "weapons": precision_recall(weapons(draft), weapons(gold)),
            "to_fill": to_fill(gold, draft),
            "checks": checks,
            "seconds": seconds,
            "words": len(case.text.read_text(encoding="utf-8").split()),
        }
    return results


MEASURES = ("triples", "placed", "places", "weapons")
"""The measures compared with the gold, in the report's order."""


def report(results: dict[str, Any]) -> str:
    """The figures as printed lines: per file, then overall (counts summed over files)."""
    lines = [
        f"{'file':<32} {'triples P':>9} {'R':>5} {'on strike P':>11} {'R':>5} {'places P':>9} {'R':>5} {'weapons P':>9} {'R':>5} "
        f"{'to fill':>8} {'checks':>6} {'s':>6}"
    ]
    overall: dict[str, list[int]] = {key: [0, 0, 0] for key in MEASURES}
    fill = [0, 0]
    for name, figures in [*results.items(), ("overall", None)]:
        if figures is None:
            figures = {key: tuple(values) for key, values in overall.items()} | {"to_fill": tuple(fill), "checks": "", "seconds": None}
        else:
            for key in overall:
                overall[key] = [total + part for total, part in zip(overall[key], figures[key], strict=True)]
            fill = [fill[0] + figures["to_fill"][0], fill[1] + figures["to_fill"][1]]
        cells = []
        for key in MEASURES:
            hits, found, wanted = figures[key]
            cells += [_ratio(hits, found), _ratio(hits, wanted)]
        missing, total = figures["to_fill"]
        seconds = f"{figures['seconds']:.2f}" if figures["seconds"] is not None else ""
        lines.append(
            f"{name:<32} {cells[0]:>9} {cells[1]:>5} {cells[2]:>11} {cells[3]:>5} {cells[4]:>9} {cells[5]:>5} {cells[6]:>9} {cells[7]:>5} "
            f"{_ratio(missing, total):>8} {figures['checks']!s:>6} {seconds:>6}"
        )
    hits, found, wanted = overall["triples"]
    lines.append(
        f"figure-claimant triples overall: {hits} of {wanted} found, {found - hits} extra (targets: recall >= 0.8, precision >= 0.9)"
    )
    held = [figures["triples"] for name, figures in results.items() if name.startswith("held out")]
    if held:
        hits, found, wanted = (sum(column) for column in zip(*held, strict=True))
        recall, precision = _ratio(hits, wanted), _ratio(hits, found)
        lines.append(
            f"written after the first rules (each pair measured fresh, then mended on: the README gives the fresh figures): "
            f"{hits} of {wanted} found, {found - hits} extra: recall {recall}, precision {precision}"
        )
    return "\n".join(lines)


def as_a_command(words: int = 600) -> tuple[int, float]:
    """``briefing draft`` timed as an editor runs it (Python started, libraries imported, spaCy's pipeline loaded) on
    a French article of at least ``words`` words, made of the French fixtures' texts one after the other: its words
    and seconds."""
    texts = [case.text.read_text(encoding="utf-8") for case in CASES if case.name.endswith("(fr)")]
    lines = [line for text in texts for line in text.splitlines()[1:] if line.strip()]
    body: list[str] = []
    while sum(len(paragraph.split()) for paragraph in body) < words:
        body.append(lines[len(body) % len(lines)])
    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / "article.txt"
        article.write_text("Frappes de la nuit\n" + "\n".join(body) + "\n", encoding="utf-8")
        command = [sys.executable, "-m", "generator", "draft", str(article), "--published", "2024-09-04"]
        started = time.perf_counter()
        subprocess.run(
            [*command, "--output", str(Path(folder) / "draft.yaml"), "--content", str(FIXTURES)], check=True, capture_output=True
        )
        return sum(len(paragraph.split()) for paragraph in body), time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.parse_args(argv)
    print(report(measure(CASES)))
    words, seconds = as_a_command()
    print(f"briefing draft as a command on a French article of {words} words: {seconds:.2f} s (target: under 5 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
