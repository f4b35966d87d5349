"""The themes of the briefing: the kinds of record that have dated archives, in navigation order."""

from __future__ import annotations

from enum import StrEnum

from generator.model import Direction


class Theme(StrEnum):
    """A kind of record with its own front page and daily archives."""

    attribution = "attribution"
    on_russia = "on_russia"
    on_ukraine = "on_ukraine"
    sources = "sources"

    @classmethod
    def of(cls, direction: Direction) -> Theme:
        """The theme of strikes going this way."""
        return cls(direction.value)

    @property
    def direction(self) -> Direction | None:
        """The direction of a strikes theme; None for attribution and sources."""
        return Direction(self.value) if self.value in Direction.__members__ else None
