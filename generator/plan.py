"""The plan stage: the whole site plan, built once from the validated content (see :mod:`generator.pages`)."""

from __future__ import annotations

from generator.archives import offer_edition, plan_archives
from generator.dataset import add_data_page
from generator.derived import Derived
from generator.exports.table import Encodings
from generator.feeds import add_feeds, link_feeds
from generator.labels import load_labels
from generator.pages import PlanBuilder, SitePlan
from generator.previews import describe_pages
from generator.settings import Settings
from generator.validate import Content


def plan_site(content: Content, settings: Settings) -> SitePlan:
    """Contributors declare, the shared archives are laid out, contributors contribute, then connect their pages to
    each other's; the feeds and the Data page are made from what they gave, every page described; the plan is
    finished."""
    english = content.formatter(load_labels(settings.paths.templates / "labels", "en"), "en") if settings.language != "en" else None
    encodings = Encodings(settings.paths.encodings)
    formatter = content.formatter(settings.labels, settings.language)
    derived = Derived(
        settings.paths.derived, content.fingerprint, settings.language, settings.labels, english.labels if english else None, content.shared
    )
    plan = PlanBuilder(formatter, settings.directory_urls, settings.timeline, english, encodings, derived)
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
    feeds = add_feeds(plan, settings.site_url) if not settings.paths.offline else []  # no reader subscribes to a file
    add_data_page(plan, feeds)
    link_feeds(plan, feeds)
    describe_pages(plan)
    return plan.finish()
