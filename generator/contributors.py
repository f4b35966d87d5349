"""The site's data sources, in the order they build the plan: the only place that lists them."""

from __future__ import annotations

from generator.airforce import AirForceContributor
from generator.articles import ArticlesContributor
from generator.contributor import Contributor


def contributors() -> list[Contributor]:
    """A fresh instance of every contributor, for one build. The articles come first: others build on their pages."""
    return [ArticlesContributor(), AirForceContributor()]
