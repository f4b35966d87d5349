"""What the articles say of a day in a line per event, for the feeds and the previews of shared links: an event's
headline, where, and its top figure with who claims it (every standing figure when parties disagree, side by side);
an allegation's headline with who accuses whom. A place's or weapon's page is described by its events' count and
its latest event."""

from __future__ import annotations

from functools import partial

from generator.articles.events import Event
from generator.articles.figures import OTHER
from generator.articles.layout import Layout
from generator.articles.pages import PLACE, WEAPON
from generator.articles.views import Briefing, standing_lines
from generator.formatting import Formatter
from generator.model import Attribution, Strike
from generator.pages import PlanBuilder
from generator.themes import Theme

TOP_FIGURES = ("killed", "injured", "launched", "intercepted")
"""Which figure a line gives first: the dead, then the injured, then what was launched and intercepted."""


def top_figure(event: Event[Strike], formatter: Formatter) -> str | None:
    """``Tués : 3 selon Police nationale ; 5 selon ...``: the first figure of :data:`TOP_FIGURES` the event has (else
    its first), each standing value with its claimants; None when it has no figure."""
    views = event.figures
    ranked = sorted(views, key=lambda view: TOP_FIGURES.index(view.quantity) if view.quantity in TOP_FIGURES else len(TOP_FIGURES))
    labels = formatter.labels
    for view in ranked:
        lines = standing_lines(view)
        if not lines:
            continue
        name = view.what if view.quantity == OTHER and view.what else str(labels[view.quantity])
        values = [
            str(
                labels.figure_claimed.format(
                    value=" · ".join(formatter.quantity(value) for value in line.values), claimants=formatter.parties_list(line.claimants)
                )
            )
            for line in lines
        ]
        return str(labels.key_figure.format(figure=name, values=str(labels.figures_apart).join(values)))
    return None


def strike_line(event: Event[Strike], formatter: Formatter) -> str:
    """An event in a line: headline, region, top figure."""
    figure = top_figure(event, formatter)
    where = formatter.area(event.root.record.where)
    headline = formatter.foreign(event.headline, event.root.article.language)
    head = str(formatter.labels.event_line.format(headline=headline, where=where))
    return f"{head} {figure}" if figure else head


def claim_line(event: Event[Attribution], formatter: Formatter) -> str:
    """An allegation in a line: who accuses whom, and the headline."""
    claim = event.root.record
    return str(
        formatter.labels.claim_line.format(
            claimant=formatter.party(claim.claimant),
            accused=formatter.party(claim.accused),
            headline=formatter.foreign(event.headline, event.root.article.language),
        )
    )


def event_line(plan: PlanBuilder, event: Event[Strike] | Event[Attribution]) -> str:
    """An event in a line in the site's language, as the last build made it of the same event (:mod:`generator.derived`)."""
    if isinstance(event.root.record, Strike):
        return plan.derived.of("strike line", partial(strike_line, event, plan.formatter), event)
    return plan.derived.of("claim line", partial(claim_line, event, plan.formatter), event)


def summarise(plan: PlanBuilder, layout: Layout) -> None:
    """A line per event on each day of each theme; a description for each place and weapon page."""
    formatter = plan.formatter
    for theme in (Theme.attribution, Theme.on_russia, Theme.on_ukraine):
        for day in layout.days(theme):
            for event in layout.events_on(theme, day):
                published = max((report.moment for report in event.reports), key=lambda moment: moment.start)
                plan.summarise(theme, day, event_line(plan, event), published)
    for page in plan.pages_of([PLACE, WEAPON]):
        briefing = page.variables.get("briefing")
        if not isinstance(briefing, Briefing):
            continue
        events = sorted(briefing.events.strikes, key=lambda event: layout.day_of[event.id], reverse=True)
        count = len(briefing.events.strikes) + len(briefing.events.claims)
        parts = [page.heading, str(plan.labels.records_count.format(count=count))]
        if events:
            latest = events[0]
            parts.append(f"{formatter.date(layout.day_of[latest.id])}{plan.labels.colon}{event_line(plan, latest)}")
        page.description = ". ".join(parts)
