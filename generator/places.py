"""Whether two places can be the same place: the one comparison every check and hint about places calls.

Today it compares names after normalisation (case, accents, punctuation), the
way an editor would read them; the gazetteer will back it with place ids,
here and nowhere else.
"""

from __future__ import annotations

import re
import unicodedata

from generator.model import Place


def name_key(name: str) -> str:
    """A place name as compared: ``Kraï-de-Krasnodar`` and ``krai de krasnodar`` are the same name."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", " ", ascii_name.casefold()).strip()


def describe(place: Place) -> str:
    """A place as a message names it: ``Odessa, Oblast d'Odessa, UA``."""
    parts = [part for part in (place.settlement, place.region) if part]
    return ", ".join([*dict.fromkeys(parts), place.country])


def place_mismatch(first: Place, second: Place) -> str | None:
    """Why two places cannot be the same place, or None when they can.

    They must be in one country. Where both name a settlement, the settlements
    must agree (the region may then be named differently: Kyiv city, Kyiv
    oblast); where they do not, the regions must agree where both name one.
    """
    if first.country != second.country:
        return "another country"
    if first.settlement and second.settlement:
        return None if name_key(first.settlement) == name_key(second.settlement) else "another settlement"
    if first.region and second.region and name_key(first.region) != name_key(second.region):
        return "another region"
    return None


def refines(fine: Place, coarse: Place) -> bool:
    """Whether ``fine`` says all ``coarse`` says, and maybe more: the port of Odessa refines Odessa."""
    if fine.country != coarse.country:
        return False
    for level in ("site", "district", "settlement", "region"):
        given = getattr(coarse, level)
        if given is not None and (getattr(fine, level) is None or name_key(getattr(fine, level)) != name_key(given)):
            return False
    return True


def same_area(first: Place, second: Place) -> bool:
    """Whether two places surely name the same settlement, or the same region: a hint that two reports are one event."""
    if place_mismatch(first, second) is not None:
        return False
    if first.settlement and second.settlement:
        return True
    return bool(first.region and second.region)
