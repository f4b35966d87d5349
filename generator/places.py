"""Whether two places can be the same place: the one comparison every check and hint about places calls.

Places are compared as the gazetteer resolved them (:mod:`generator.gazetteer`):
by entry ids, so ``Kiev`` and ``Kyiv`` are one settlement and ``Raïon de
Brovary`` and ``Brovary Raion`` one raion. Neighbourhoods and sites stay free
text, compared by :func:`~generator.gazetteer.name_key`.
"""

from __future__ import annotations

from generator.gazetteer import Entry, Located, name_key
from generator.gazetteer.store import generic_free


def describe(place: Located) -> str:
    """A place as a message names it: ``Odesa, Odesa Oblast, UA``."""
    parts = [entry.name("en") for entry in (place.settlement, place.raion, place.region) if entry is not None]
    return ", ".join([*dict.fromkeys(parts), place.country])


def same_region(first: Entry, second: Entry) -> bool:
    """One region, or a city region and the oblast named after it (Kyiv and Kyiv Oblast, Moscow and Moscow Oblast)."""
    if first.id == second.id:
        return True
    return (
        (first.is_city_region or second.is_city_region)
        and first.country == second.country
        and generic_free(name_key(first.name("en"))) == generic_free(name_key(second.name("en")))
    )


def place_mismatch(first: Located, second: Located) -> str | None:
    """Why two places cannot be the same place, or None when they can.

    They must be in one country. Where both name a settlement, the settlements
    must be one; where they do not, the regions must agree where both name one
    (a city region agrees with the oblast around it: Kyiv, Kyiv Oblast).
    """
    if first.country != second.country:
        return "another country"
    if first.settlement and second.settlement:
        return None if first.settlement.id == second.settlement.id else "another settlement"
    if first.raion and second.raion and first.raion.id != second.raion.id:
        return "another raion"
    if first.region and second.region and not same_region(first.region, second.region):
        return "another region"
    return None


def _same_text(first: str | None, second: str | None) -> bool:
    return first is None or (second is not None and name_key(first) == name_key(second))


def refines(fine: Located, coarse: Located) -> bool:
    """Whether ``fine`` says all ``coarse`` says, and maybe more: the port of Odesa refines Odesa."""
    if fine.country != coarse.country:
        return False
    for level in ("settlement", "raion", "region"):
        given: Entry | None = getattr(coarse, level)
        found: Entry | None = getattr(fine, level)
        if given is not None and (found is None or found.id != given.id):
            return False
    return _same_text(coarse.neighbourhood, fine.neighbourhood) and _same_text(coarse.site, fine.site)


def same_area(first: Located, second: Located) -> bool:
    """Whether two places surely name the same settlement, or the same region: a hint that two reports are one event."""
    if place_mismatch(first, second) is not None:
        return False
    if first.settlement and second.settlement:
        return True
    return bool(first.region and second.region)
