"""The content schema reference, generated from the model's field declarations for the README."""

from __future__ import annotations

from pydantic import BaseModel

from generator.contributors import contributors
from generator.model import PartiesFile, Party, PlaceAddition, PlacesFile

DOCUMENTED: tuple[type[BaseModel], ...] = (
    PartiesFile,
    Party,
    PlacesFile,
    PlaceAddition,
    *(model for contributor in contributors() for model in contributor.documented),
)
"""Every content class, in the order the README documents them: the party registry, the editors' places, then each contributor's."""

START, END = "<!-- schema:start -->", "<!-- schema:end -->"


def schema_reference() -> str:
    """Markdown tables, one per class: field, required, meaning."""
    sections = []
    for model in DOCUMENTED:
        rows = [f"#### `{model.__name__}`", "", (model.__doc__ or "").strip(), "", "| field | required | meaning |", "|---|---|---|"]
        for name, info in model.model_fields.items():
            description = (info.description or "").replace("|", "\\|")
            rows.append(f"| `{name}` | {'yes' if info.is_required() else 'no'} | {description} |")
        sections.append("\n".join(rows))
    return "\n\n".join(sections)


def update_readme(text: str) -> str:
    """``text`` with the section between the schema markers replaced by the current reference."""
    before, rest = text.split(START, 1)
    _, after = rest.split(END, 1)
    return f"{before}{START}\n{schema_reference()}\n{END}{after}"
