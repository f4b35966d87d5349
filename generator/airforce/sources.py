"""Who says each imported figure: the dataset's ``source`` column read as a post on a platform, and the registry of
the accounts' owners.

The column takes many forms: a Facebook path (``kpszsu/posts/pfbid…``, the
dataset's default), a full URL on any host (``https://www.facebook.com/…``,
``https://t.me/kpszsu/123``, ``https://gur.gov.ua/content/…``), a Telegram
channel without scheme (``t.me/kpszsu/123``, ``@kpszsu``). :func:`parse_source`
reads each into a platform, an account (a page, a channel, a web host) and the
link to the post on its real host.

The registry (``data/sources.yaml``, shipped) says who owns each account, what
kind of owner it is and the scope of what it reports: ``national`` (the Air
Force command, the General Staff, the Commander-in-Chief, military
intelligence), ``regional`` (a regional air command, a regional
administration) or ``other`` (an unofficial channel). Every figure's claimant
is its account's owner; an account the registry does not know belongs to
:data:`UNIDENTIFIED`, never silently to the Air Force.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Literal
from urllib.parse import parse_qs, quote, urlsplit

import yaml
from pydantic import Field, ValidationError

from generator.airforce.model import Source
from generator.errors import BriefingError
from generator.model import CountryCode, Id, Party, PartyKind, PartyNames, Strict, Text

Platform = Literal["facebook", "telegram", "web"]
PLATFORMS: tuple[Platform, ...] = ("facebook", "telegram", "web")

FACEBOOK = "https://www.facebook.com/"
TELEGRAM = "https://t.me/"
_FACEBOOK_HOSTS = frozenset({"facebook.com", "fb.com", "fb.watch"})
_TELEGRAM_HOSTS = frozenset({"t.me", "telegram.me", "telegram.dog"})
_HOST_PREFIXES = ("www.", "m.", "mobile.", "web.", "mbasic.")
_FACEBOOK_KINDS = frozenset({"posts", "videos", "photos", "reel", "reels", "permalink", "story_fbid"})
"""Second segments of a Facebook path: ``GeneralStaff.ua/posts/…`` is a page, not the web host ``generalstaff.ua``."""
_FACEBOOK_SCRIPTS = frozenset({"permalink.php", "story.php", "photo.php", "watch", "video.php"})
"""Facebook paths that name their page only in the ``id`` query parameter."""
_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,12}$")
_ACCOUNT = re.compile(r"^[\w.\-]{1,100}$")


class Scope(StrEnum):
    """What an owner's figures cover, and so which tally they are added to."""

    national = "national"
    regional = "regional"
    other = "other"
    """Unofficial channels and unidentified sources: never added to an official tally."""


class Role(StrEnum):
    """What kind of owner an account has."""

    air_force_command = "air_force_command"
    general_staff = "general_staff"
    commander_in_chief = "commander_in_chief"
    military_intelligence = "military_intelligence"
    regional_air_command = "regional_air_command"
    regional_administration = "regional_administration"
    unofficial_channel = "unofficial_channel"
    unidentified = "unidentified"


class Owner(Strict):
    """Who owns one or more accounts the dataset cites: a party of the site, with its role and scope."""

    id: Id = Field(description="Party id: the claimant of every figure its accounts post (`ua-air-force`, `ua-general-staff`…).")
    name: PartyNames = Field(description="Name per site language.")
    kind: PartyKind = Field(description="Party kind: military, intelligence, local_authority, media…")
    country: CountryCode | None = Field(default=None, description="ISO 3166 two-letter code.")
    role: Role = Field(description="air_force_command, general_staff, commander_in_chief, military_intelligence, regional_air_command…")
    scope: Scope = Field(description="national, regional or other: the tally its figures are added to.")
    accounts: dict[Platform, list[Text]] = Field(
        default_factory=dict, description="Its accounts per platform: facebook pages, telegram channels, web hosts."
    )

    @property
    def party(self) -> Party:
        """The owner as a party of the site, which claims its figures."""
        return Party(id=self.id, name=self.name, kind=self.kind, country=self.country)


class RegistryFile(Strict):
    """The source registry file: every known owner."""

    owners: list[Owner]


UNIDENTIFIED = Owner(
    id="unidentified-source",
    name={"fr": "source non identifiée", "en": "unidentified source"},
    kind=PartyKind.other,
    role=Role.unidentified,
    scope=Scope.other,
)
"""The owner of every account the registry does not know."""

SHIPPED_REGISTRY = resources.files("generator.airforce") / "data" / "sources.yaml"


class SourceRegistryError(BriefingError):
    """The source registry file cannot be read, or two owners claim one account."""


def _key(platform: str, account: str) -> tuple[str, str]:
    return platform, account.casefold()


class SourceRegistry:
    """Every known account, each with its owner."""

    def __init__(self, owners: list[Owner]) -> None:
        self.owners = [*owners, UNIDENTIFIED]
        self._by_account: dict[tuple[str, str], Owner] = {}
        for owner in owners:
            for platform, accounts in owner.accounts.items():
                for account in accounts:
                    earlier = self._by_account.setdefault(_key(platform, account), owner)
                    if earlier is not owner:
                        raise SourceRegistryError(f"{platform} account {account!r} is listed under both {earlier.id} and {owner.id}")

    @classmethod
    def read(cls, text: str, display: str) -> SourceRegistry:
        """The registry in a YAML text; :class:`SourceRegistryError` naming the file and field when it is not one."""
        try:
            return cls(RegistryFile.model_validate(yaml.safe_load(text)).owners)
        except yaml.YAMLError as error:
            raise SourceRegistryError(f"{display}: not readable as YAML: {error}") from error
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            raise SourceRegistryError(f"{display}: {where}: {first['msg']}") from error

    def owner(self, source: Source) -> Owner:
        """The owner of the account a post was published by; :data:`UNIDENTIFIED` when the registry does not know it."""
        if source.account is None:
            return UNIDENTIFIED
        return self._by_account.get(_key(source.platform, source.account), UNIDENTIFIED)

    def parties(self) -> list[Party]:
        """Every owner as a party (the unidentified source included), for the site's party registry."""
        return [owner.party for owner in self.owners]


@cache
def shipped_sources() -> SourceRegistry:
    """The registry shipped with the package, read once per process."""
    return SourceRegistry.read(SHIPPED_REGISTRY.read_text(encoding="utf-8"), "generator/airforce/data/sources.yaml")


def _host(netloc: str) -> str:
    host = netloc.rsplit("@", 1)[-1].split(":", 1)[0].casefold()
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            return host[len(prefix) :]
    return host


def _account(text: str | None) -> str | None:
    return text if text and _ACCOUNT.match(text) else None


def _facebook_account(segments: list[str], query: str) -> str | None:
    if segments and segments[0] in _FACEBOOK_SCRIPTS:
        return _account(parse_qs(query).get("id", [""])[0])
    if segments and segments[0] in ("groups", "pg") and len(segments) > 1:
        return _account(segments[1])
    return _account(segments[0]) if segments else None


def _telegram_account(segments: list[str]) -> str | None:
    if segments and segments[0] == "s":
        segments = segments[1:]
    if not segments or segments[0] in ("c", "joinchat", "+"):
        return None
    return _account(segments[0].lstrip("@"))


def _link(url: str) -> str:
    """A URL safe to link: https, and no space or other character a Markdown link or the model would refuse."""
    url = re.sub(r"^http://", "https://", url, flags=re.IGNORECASE)
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~")


def _with_scheme(text: str) -> str | None:
    """The text as a URL when it is one, with or without its scheme (``t.me/kpszsu/1``, ``gur.gov.ua/…``); None
    for a Facebook path (``kpszsu/posts/…``, ``GeneralStaff.ua/posts/…``: a page name may hold a dot)."""
    if re.match(r"^https?://", text, re.IGNORECASE):
        return text
    first, _, rest = text.partition("/")
    host = _host(first)
    if host in _FACEBOOK_HOSTS | _TELEGRAM_HOSTS:
        return "https://" + text
    if _HOST.match(host) and rest.split("/", 1)[0].casefold() not in _FACEBOOK_KINDS:
        return "https://" + text
    return None


def parse_source(path: str) -> Source:
    """The post a row cites: its platform, account and link, from any form the ``source`` column takes."""
    text = path.strip()
    if text.startswith("@") and _account(text[1:]):
        return Source(path=path, url=TELEGRAM + text[1:], platform="telegram", account=text[1:])
    url = _with_scheme(text)
    if url is None:
        parts = urlsplit(text)
        segments = [segment for segment in parts.path.split("/") if segment]
        return Source(
            path=path, url=_link(FACEBOOK + text.lstrip("/")), platform="facebook", account=_facebook_account(segments, parts.query)
        )
    parts = urlsplit(url)
    host = _host(parts.netloc)
    segments = [segment for segment in parts.path.split("/") if segment]
    if host in _FACEBOOK_HOSTS:
        return Source(path=path, url=_link(url), platform="facebook", account=_facebook_account(segments, parts.query))
    if host in _TELEGRAM_HOSTS:
        return Source(path=path, url=_link(url), platform="telegram", account=_telegram_account(segments))
    return Source(path=path, url=_link(url), platform="web", account=host or None)
