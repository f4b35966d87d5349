"""The per-language label catalogues (`templates/labels/<language>.yml`): every text the site shows that is not content."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator.errors import ConfigError, RenderError

LANGUAGES = ("fr", "en")


class Labels(dict[str, Any]):
    """Nested label mapping; attribute access lets templates write ``L.killed``."""

    def __getattr__(self, name: str) -> Any:
        try:
            value = self[name]
        except KeyError as missing:
            raise AttributeError(f"no label '{name}' in the catalogue") from missing
        return Labels(value) if isinstance(value, dict) else value


def load_labels(labels_dir: Path, language: str) -> Labels:
    """Read ``labels_dir/<language>.yml``."""
    if language not in LANGUAGES:
        raise ConfigError(f"mkdocs.yml: theme.language: expected one of {', '.join(LANGUAGES)}, got {language!r}")
    path = labels_dir / f"{language}.yml"
    try:
        with path.open(encoding="utf-8") as handle:
            catalogue = yaml.safe_load(handle)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise RenderError(f"{path}: cannot read the label catalogue: {error}") from error
    if not isinstance(catalogue, dict):
        found = "nothing" if catalogue is None else f"a {type(catalogue).__name__}"
        raise RenderError(f"{path}: expected the label catalogue, a mapping of label names to texts, got {found}")
    return Labels(catalogue)
