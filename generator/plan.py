"""The plan stage: the whole site plan, built once from the validated content (see :mod:`generator.pages`)."""

from __future__ import annotations

from generator.archives import offer_edition, plan_archives
from generator.pages import PlanBuilder, SitePlan
from generator.settings import Settings
from generator.validate import Content


def plan_site(content: Content, settings: Settings) -> SitePlan:
    """Contributors declare, the shared archives are laid out, contributors contribute, then connect their pages to
    each other's; the plan is finished."""
    plan = PlanBuilder(content.formatter(settings.labels, settings.language), settings.directory_urls, settings.timeline)
    for contributor in content.contributors:
        contributor.declare(plan)
    plan.end_declarations()
    plan_archives(plan)
    for contributor in content.contributors:
        contributor.contribute(plan)
    for contributor in content.contributors:
        contributor.connect(plan)
    if settings.edition is not None:
        offer_edition(plan, settings.edition)
    return plan.finish()
