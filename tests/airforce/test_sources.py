"""The source registry: every form of the dataset's `source` cell read as platform, account and link, and each account's owner."""

from __future__ import annotations

import pytest

from generator.airforce.sources import UNIDENTIFIED, SourceRegistry, SourceRegistryError, parse_source, shipped_sources


@pytest.mark.parametrize(
    ("cell", "platform", "account", "url"),
    [
        ("kpszsu/posts/pfbid0abc", "facebook", "kpszsu", "https://www.facebook.com/kpszsu/posts/pfbid0abc"),
        ("GeneralStaff.ua/posts/pfbid0x", "facebook", "GeneralStaff.ua", "https://www.facebook.com/GeneralStaff.ua/posts/pfbid0x"),
        (
            "https://m.facebook.com/story.php?story_fbid=1&id=4242",
            "facebook",
            "4242",
            "https://m.facebook.com/story.php?story_fbid=1&id=4242",
        ),
        ("permalink.php?story_fbid=7&id=100064", "facebook", "100064", "https://www.facebook.com/permalink.php?story_fbid=7&id=100064"),
        ("watch/?v=375517448001233", "facebook", None, "https://www.facebook.com/watch/?v=375517448001233"),
        ("t.me/kpszsu/41001", "telegram", "kpszsu", "https://t.me/kpszsu/41001"),
        ("https://t.me/s/kpszsu/12", "telegram", "kpszsu", "https://t.me/s/kpszsu/12"),
        ("@kpszsu", "telegram", "kpszsu", "https://t.me/kpszsu"),
        ("https://t.me/c/1234/5", "telegram", None, "https://t.me/c/1234/5"),
        ("http://www.kmva.gov.ua/news/1 2", "web", "kmva.gov.ua", "https://www.kmva.gov.ua/news/1%202"),
        ("gur.gov.ua/content/zvit.html", "web", "gur.gov.ua", "https://gur.gov.ua/content/zvit.html"),
    ],
)
def test_every_source_form(cell: str, platform: str, account: str | None, url: str) -> None:
    source = parse_source(cell)
    assert (source.path, source.platform, source.account, source.url) == (cell, platform, account, url)


def test_accounts_match_whatever_their_case_and_unknown_ones_are_unidentified() -> None:
    registry = shipped_sources()
    assert registry.owner(parse_source("pvkzahid/posts/1")).id == "ua-air-command-west"
    assert registry.owner(parse_source("t.me/KPSZSU/1")).id == "ua-air-force"
    assert registry.owner(parse_source("kpszsu.example.org/x")) is UNIDENTIFIED, "a web host is not the Facebook page of that name"
    assert registry.owner(parse_source("https://t.me/c/1234/5")) is UNIDENTIFIED


def test_every_owner_is_a_party_with_a_name_in_each_site_language() -> None:
    parties = shipped_sources().parties()
    assert len({party.id for party in parties}) == len(parties)
    assert all({"fr", "en"} <= set(party.name) for party in parties)


def test_an_account_under_two_owners_is_refused() -> None:
    text = """owners:
  - {id: a, name: {en: A}, kind: military, role: general_staff, scope: national, accounts: {telegram: [same]}}
  - {id: b, name: {en: B}, kind: military, role: general_staff, scope: national, accounts: {telegram: [SAME]}}
"""
    with pytest.raises(SourceRegistryError, match="telegram account 'SAME' is listed under both a and b"):
        SourceRegistry.read(text, "sources.yaml")


def test_a_bad_registry_names_its_file_and_field() -> None:
    text = "owners:\n  - {id: a, name: {en: A}, kind: military, role: general_staff, scope: everywhere}\n"
    with pytest.raises(SourceRegistryError, match=r"^sources.yaml: owners.0.scope: "):
        SourceRegistry.read(text, "sources.yaml")
