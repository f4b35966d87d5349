"""Write a deterministic synthetic content folder, for benchmarks.

The corpus follows the real schema (``generator/model.py``) and passes every
validator, with the variety real articles have: strikes in both directions,
attribution claims, exact, ranged, vague and contested figures, many places
and weapon models, and several articles reporting the same event.

Everything is invented. Outlets are fictional and links point to
``example.org``; only place names, weapon models and party names are real, so
that rendering and search work on realistic text.

The output depends only on ``articles`` and ``seed``: one ``random.Random``,
no clock, no iteration over sets.

    python -m bench.corpus OUT_DIR --articles 3650 [--seed 0]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import unicodedata
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

START_DATE = dt.date(2024, 1, 1)
"""Publication date of the first article."""

ARTICLES_PER_DAY = 10
"""Articles are spread evenly over consecutive days, this many a day."""

DUPLICATE_EVENT_SHARE = 0.2
"""Chance that a strike reports an event another recent article already reported."""

CONTESTED_SHARE = 0.15
"""Chance that a quantity gets a second, different figure from another claimant."""

Value = int | dict[str, int] | str
"""A figure's value in its YAML form: exact, ``{min, max}`` or a vague word."""

# --- Places ----------------------------------------------------------------------------------------------------------

_UKRAINE: dict[str, dict[str, tuple[str, ...]]] = {
    "Kiev": {"Kiev": ("Darnytskyï", "Solomianskyï", "Obolonskyï", "Holossiïvskyï", "Dniprovskyï", "Chevtchenkivskyï", "Podilskyï")},
    "Oblast de Kiev": {"Bila Tserkva": (), "Brovary": (), "Irpin": (), "Boutcha": (), "Vychhorod": ()},
    "Oblast de Kharkiv": {
        "Kharkiv": ("Novobavarsky", "Kyïvskyï", "Saltivskyï", "Chevtchenkivskyï", "Osnovianskyï", "Slobidskyï", "Kholodnohirskyï"),
        "Kupiansk": (),
        "Tchouhouïv": (),
        "Izioum": (),
        "Lozova": (),
        "Vovtchansk": (),
    },
    "Oblast d'Odessa": {
        "Odessa": ("Prymorskyï", "Kyïvskyï", "Khadjibeïskyï", "Peresypskyï"),
        "Izmaïl": (),
        "Tchornomorsk": (),
        "Pivdenne": (),
    },
    "Oblast de Dnipropetrovsk": {
        "Dnipro": ("Chevtchenkivskyï", "Sobornyï", "Amour-Nyjnodniprovskyï", "Tchetchelivskyï"),
        "Kryvyï Rih": ("Metalourhiïnyï", "Dovhyntsivskyï", "Pokrovskyï"),
        "Nikopol": (),
        "Pavlohrad": (),
        "Marhanets": (),
    },
    "Oblast de Zaporijia": {
        "Zaporijia": ("Oleksandrivskyï", "Dniprovskyï", "Khortytskyï", "Chevtchenkivskyï"),
        "Orikhiv": (),
        "Houliaïpole": (),
    },
    "Oblast de Kherson": {"Kherson": ("Dniprovskyï", "Korabelnyï", "Tsentralnyï"), "Beryslav": ()},
    "Oblast de Mykolaïv": {"Mykolaïv": ("Tsentralnyï", "Zavodskyï", "Inhoulskyï"), "Otchakiv": ()},
    "Oblast de Soumy": {"Soumy": (), "Konotop": (), "Chostka": (), "Okhtyrka": (), "Bilopillia": ()},
    "Oblast de Tchernihiv": {"Tchernihiv": (), "Nijyn": ()},
    "Oblast de Donetsk": {"Kramatorsk": (), "Sloviansk": (), "Pokrovsk": (), "Kostiantynivka": (), "Droujkivka": (), "Myrnohrad": ()},
    "Oblast de Poltava": {"Poltava": (), "Krementchouk": (), "Myrhorod": ()},
    "Oblast de Lviv": {"Lviv": ("Frankivskyï", "Zaliznytchnyï", "Lytchakivskyï", "Sykhivskyï"), "Stryï": (), "Tchervonohrad": ()},
    "Oblast de Vinnytsia": {"Vinnytsia": (), "Kalynivka": ()},
    "Oblast de Khmelnytskyï": {"Khmelnytskyï": (), "Starokostiantyniv": (), "Chepetivka": ()},
    "Oblast d'Ivano-Frankivsk": {"Ivano-Frankivsk": (), "Bourchtyn": ()},
    "Oblast de Rivne": {"Rivne": ()},
    "Oblast de Volhynie": {"Loutsk": (), "Kovel": ()},
    "Oblast de Jytomyr": {"Jytomyr": (), "Korosten": ()},
    "Oblast de Tcherkassy": {"Tcherkassy": (), "Ouman": ()},
    "Oblast de Kirovohrad": {"Kropyvnytskyï": (), "Oleksandriia": ()},
    "Oblast de Ternopil": {"Ternopil": ()},
}

_RUSSIA: dict[str, dict[str, tuple[str, ...]]] = {
    "Oblast de Belgorod": {"Belgorod": ("Zapadny", "Vostotchny"), "Chebekino": (), "Valouïki": (), "Graïvoron": ()},
    "Oblast de Koursk": {"Koursk": (), "Rylsk": (), "Kourtchatov": (), "Soudja": (), "Lgov": ()},
    "Oblast de Briansk": {"Briansk": (), "Klintsy": (), "Novozybkov": (), "Pogar": ()},
    "Oblast de Voronej": {"Voronej": (), "Liski": (), "Ostrogojsk": ()},
    "Oblast de Rostov": {"Rostov-sur-le-Don": (), "Taganrog": (), "Novochakhtinsk": (), "Kamensk-Chakhtinski": (), "Millerovo": ()},
    "Kraï de Krasnodar": {
        "Krasnodar": (),
        "Temriouk": (),
        "Novorossiïsk": (),
        "Touapsé": (),
        "Slaviansk-sur-Kouban": (),
        "Ieïsk": (),
        "Armavir": (),
        "Primorsko-Akhtarsk": (),
        "Afipski": (),
    },
    "Oblast de Lipetsk": {"Lipetsk": ()},
    "Oblast de Tambov": {"Tambov": (), "Kotovsk": ()},
    "Oblast d'Orel": {"Orel": (), "Livny": ()},
    "Oblast de Smolensk": {"Smolensk": ()},
    "Oblast de Tver": {"Toropets": (), "Tver": ()},
    "Oblast de Léningrad": {"Oust-Louga": (), "Kirichi": (), "Primorsk": ()},
    "Oblast de Saratov": {"Saratov": (), "Engels": ()},
    "Oblast de Riazan": {"Riazan": ()},
    "Oblast de Kalouga": {"Kalouga": ()},
    "République du Tatarstan": {"Kazan": (), "Ielabouga": (), "Nijnekamsk": ()},
    "Oblast de Volgograd": {"Volgograd": (), "Kotovo": ()},
    "Oblast de Samara": {"Syzran": (), "Novokouïbychevsk": (), "Samara": ()},
    "Moscou": {"Moscou": ("Vnoukovo", "Kountsevo", "Lefortovo")},
    "Oblast de Moscou": {"Podolsk": (), "Kolomna": (), "Ramenskoïe": ()},
    "République de Bachkirie": {"Salavat": (), "Oufa": ()},
    "Oblast de Mourmansk": {"Olenegorsk": ()},
}

_RUSSIAN_LAUNCH_REGIONS = (
    "Oblast de Koursk",
    "Oblast de Belgorod",
    "Oblast de Briansk",
    "Kraï de Krasnodar",
    "Oblast d'Orel",
    "Oblast de Saratov",
)
_UKRAINIAN_LAUNCH_REGIONS = ("Oblast de Soumy", "Oblast de Kharkiv", "Oblast de Tchernihiv", "Oblast de Dnipropetrovsk", "Oblast d'Odessa")

_REGION_PREFIXES = (("Oblast", "l'oblast"), ("Kraï", "le kraï"), ("République", "la république"))


@dataclass(frozen=True)
class Region:
    """A region and the settlements (with their districts) the corpus uses in it."""

    name: str
    country: str
    settlements: dict[str, tuple[str, ...]]

    @property
    def phrase(self) -> str:
        """The region inside a French sentence: ``l'oblast de Kharkiv``."""
        for prefix, article in _REGION_PREFIXES:
            if self.name.startswith(prefix):
                return article + self.name[len(prefix) :]
        return self.name

    @property
    def label(self) -> str:
        """The region inside parentheses: ``oblast de Kharkiv``."""
        return self.phrase.removeprefix("l'").removeprefix("le ").removeprefix("la ")

    @property
    def is_city(self) -> bool:
        """Kiev and Moscou are regions of their own."""
        return self.name == self.label

    @property
    def slug(self) -> str:
        """``Oblast de Kharkiv`` -> ``kharkiv``; ``Kiev`` -> ``kiev-ville``, to keep it apart from ``Oblast de Kiev``."""
        stem = _slug(self.name)
        for prefix in ("oblast-de-", "oblast-d-", "krai-de-", "republique-du-", "republique-de-"):
            stem = stem.removeprefix(prefix)
        return f"{stem}-ville" if self.is_city else stem

    @property
    def authority_id(self) -> str:
        """Party id of the region's local authorities."""
        return f"{self.country.lower()}-{self.slug}-local-authorities"


REGIONS_UA = tuple(Region(name, "UA", settlements) for name, settlements in _UKRAINE.items())
REGIONS_RU = tuple(Region(name, "RU", settlements) for name, settlements in _RUSSIA.items())
_REGION_BY_NAME = {region.name: region for region in (*REGIONS_UA, *REGIONS_RU)}

# --- Weapons ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WeaponModel:
    """A weapon model, its category for tallies and where it is made."""

    model: str
    category: str
    origin: str


_RUSSIAN_WEAPONS = tuple(
    WeaponModel(*spec)
    for spec in (
        ("Shahed-136", "drone", "IR"),
        ("Geran-2", "drone", "RU"),
        ("Lancet", "drone", "RU"),
        ("Kh-101", "cruise_missile", "RU"),
        ("Kalibr", "cruise_missile", "RU"),
        ("Kh-22", "cruise_missile", "RU"),
        ("Kh-59", "cruise_missile", "RU"),
        ("Iskander-K", "cruise_missile", "RU"),
        ("Iskander-M", "ballistic_missile", "RU"),
        ("Kinjal", "ballistic_missile", "RU"),
        ("KN-23", "ballistic_missile", "KP"),
        ("S-300", "missile", "RU"),
        ("S-400", "missile", "RU"),
        ("Kh-31P", "missile", "RU"),
        ("KAB-500", "guided_bomb", "RU"),
        ("FAB-500 UMPK", "guided_bomb", "RU"),
        ("FAB-1500", "guided_bomb", "RU"),
        ("BM-21 Grad", "artillery", "RU"),
        ("BM-30 Smerch", "artillery", "RU"),
    )
)

_UKRAINIAN_WEAPONS = tuple(
    WeaponModel(*spec)
    for spec in (
        ("Liutyi", "drone", "UA"),
        ("UJ-22 Airborne", "drone", "UA"),
        ("Bober", "drone", "UA"),
        ("Magura V5", "drone", "UA"),
        ("Neptune", "cruise_missile", "UA"),
        ("Storm Shadow", "cruise_missile", "GB"),
        ("SCALP-EG", "cruise_missile", "FR"),
        ("ATACMS", "ballistic_missile", "US"),
        ("Tochka-U", "ballistic_missile", "UA"),
        ("GMLRS", "artillery", "US"),
        ("RM-70 Vampire", "artillery", "CZ"),
        ("AASM Hammer", "guided_bomb", "FR"),
    )
)

_TYPICAL_LAUNCHED = {"drone": 120, "cruise_missile": 40, "ballistic_missile": 12, "missile": 20, "guided_bomb": 30, "artillery": 60}
"""Largest plausible count per wave, per category."""

# --- Words -----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Noun:
    """A counted noun in French: singular, plural, and whether it is feminine."""

    singular: str
    plural: str
    feminine: bool = False


_CATEGORY_NOUNS = {
    "drone": Noun("drone", "drones"),
    "cruise_missile": Noun("missile de croisière", "missiles de croisière"),
    "ballistic_missile": Noun("missile balistique", "missiles balistiques"),
    "missile": Noun("missile", "missiles"),
    "guided_bomb": Noun("bombe guidée", "bombes guidées", feminine=True),
    "artillery": Noun("roquette", "roquettes", feminine=True),
    "unknown": Noun("projectile", "projectiles"),
}
_KILLED_NOUNS = (Noun("mort", "morts"), Noun("personne tuée", "personnes tuées", feminine=True), Noun("victime", "victimes", feminine=True))
_INJURED_NOUNS = (Noun("blessé", "blessés"), Noun("personne blessée", "personnes blessées", feminine=True))
_INTERCEPT_PARTICIPLES = ("abattu", "intercepté", "neutralisé", "détruit")
_NUMBER_WORDS = ("zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix")

_OUTLETS = (
    "Gazette de l'Est",
    "Le Veilleur",
    "Agence Synthèse",
    "Courrier du Dniepr",
    "L'Observateur de la mer Noire",
    "Dépêche continentale",
)

_TARGETS_IN_UKRAINE = (
    "Immeuble résidentiel",
    "Immeuble de cinq étages",
    "Maison individuelle",
    "Infrastructure énergétique",
    "Centrale thermique",
    "Sous-station électrique",
    "Installation portuaire",
    "Silo à grain",
    "Entreprise industrielle",
    "Gare ferroviaire",
    "Hôpital",
    "École",
    "Centre commercial",
    "Entrepôt",
)
_MILITARY_TARGETS_IN_UKRAINE = (
    "Aérodrome militaire",
    "Dépôt de munitions",
    "Centre de commandement",
    "Entreprise du complexe militaro-industriel",
)
_TARGETS_IN_RUSSIA = (
    "Raffinerie",
    "Dépôt pétrolier",
    "Base aérienne",
    "Aérodrome militaire",
    "Sous-station électrique",
    "Dépôt de munitions",
    "Terminal pétrolier",
    "Usine d'armement",
    "Immeuble résidentiel",
    "Maison individuelle",
    "Station de pompage",
)
_OUTCOMES = (
    ["hit"],
    ["hit", "damaged"],
    ["hit", "fire"],
    ["fire", "fire_contained"],
    ["hit", "fire", "fire_contained"],
    ["hit", "destroyed"],
    ["damaged"],
    ["intercepted"],
    ["repelled"],
    ["unknown"],
)
_VICTIMS = ("Civils", "Employés du site", "Habitants de l'immeuble", "Secouristes", "Passants", "Militaires")
_STRIKE_NOTES = (
    "Les sirènes d'alerte ont retenti pendant plusieurs heures.",
    "Des coupures d'électricité ont suivi l'attaque.",
    "Les secours ont déblayé les décombres jusqu'au matin.",
    "Des débris sont tombés sur des habitations.",
    "La circulation ferroviaire a été temporairement interrompue.",
    "Les écoles de la ville sont restées fermées le lendemain.",
)

# --- Parties ---------------------------------------------------------------------------------------------------------

UNATTRIBUTED = "unattributed"

_NATIONAL_PARTIES: tuple[dict[str, str], ...] = (
    {"id": "ukraine", "name": "Ukraine (Kiev)", "kind": "state", "country": "UA"},
    {"id": "ua-authorities", "name": "Autorités ukrainiennes", "kind": "government", "country": "UA"},
    {"id": "ua-mod", "name": "Ministère ukrainien de la Défense", "kind": "government", "country": "UA"},
    {"id": "ua-air-force", "name": "Armée de l'air ukrainienne", "kind": "military", "country": "UA"},
    {"id": "ua-general-staff", "name": "État-major général des forces armées ukrainiennes", "kind": "military", "country": "UA"},
    {"id": "ua-sbu", "name": "Service de sécurité d'Ukraine (SBU)", "kind": "intelligence", "country": "UA"},
    {"id": "ua-gur", "name": "Direction du renseignement militaire ukrainien (GUR)", "kind": "intelligence", "country": "UA"},
    {"id": "ua-emergency-service", "name": "Service national d'urgence ukrainien", "kind": "government", "country": "UA"},
    {"id": "ukrinform", "name": "Agence Ukrinform", "kind": "media", "country": "UA"},
    {"id": "russia", "name": "Russie (Moscou)", "kind": "state", "country": "RU"},
    {"id": "kremlin", "name": "Kremlin (présidence russe)", "kind": "government", "country": "RU"},
    {"id": "ru-mod", "name": "Ministère russe de la Défense", "kind": "military", "country": "RU"},
    {"id": "ru-foreign-ministry", "name": "Ministère russe des Affaires étrangères", "kind": "government", "country": "RU"},
    {"id": "ru-fsb", "name": "Service fédéral de sécurité russe (FSB)", "kind": "intelligence", "country": "RU"},
    {"id": "tass", "name": "Agence TASS", "kind": "media", "country": "RU"},
    {"id": "us-pentagon", "name": "Pentagone (département de la Défense des États-Unis)", "kind": "government", "country": "US"},
    {"id": "us-dia", "name": "Agence de renseignement de la Défense des États-Unis (DIA)", "kind": "intelligence", "country": "US"},
    {"id": "uk-mod", "name": "Ministère britannique de la Défense", "kind": "government", "country": "GB"},
    {"id": "north-korea", "name": "Corée du Nord (Pyongyang)", "kind": "state", "country": "KP"},
    {"id": "iran", "name": "Iran (Téhéran)", "kind": "state", "country": "IR"},
    {"id": "isw", "name": "Institute for the Study of War", "kind": "other", "country": "US"},
)


def parties() -> list[dict[str, str]]:
    """Every party the corpus refers to: national bodies, then each region's local authorities."""
    local = [
        {"id": region.authority_id, "name": f"Autorités locales ({region.label})", "kind": "local_authority", "country": region.country}
        for region in (*REGIONS_UA, *REGIONS_RU)
    ]
    return [*_NATIONAL_PARTIES, *local]


# --- Attribution claims ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClaimTemplate:
    """One kind of attribution claim, with who usually makes, relays, confirms and denies it."""

    topic: str
    headline: str
    claim: str
    claimant: str
    accused: str
    weapon: WeaponModel | None
    evidence: tuple[str, ...]
    quote: str
    via: tuple[str, ...] = ()
    confirmers: tuple[str, ...] = ()
    evidence_region: str | None = None


_CLAIMS = (
    ClaimTemplate(
        "missiles-nord-coreens",
        "Le Pentagone accuse la Russie de tirer des missiles balistiques nord-coréens",
        "La Russie utilise en Ukraine des missiles balistiques produits en Corée du Nord.",
        "us-pentagon",
        "russia",
        WeaponModel("KN-23", "ballistic_missile", "KP"),
        (
            "Analyse de débris de missiles retrouvés sur le sol ukrainien.",
            "Comparaison avec des images diffusées par les médias d'État nord-coréens.",
        ),
        "L'analyse confirme que la Russie utilise des missiles balistiques produits en Corée du Nord",
        confirmers=("us-dia", "ua-gur"),
        evidence_region="Oblast de Kharkiv",
    ),
    ClaimTemplate(
        "drones-iraniens",
        "Kiev accuse l'Iran de fournir des drones Shahed à la Russie",
        "Les drones Shahed lancés sur l'Ukraine sont livrés par l'Iran ou assemblés sous licence iranienne.",
        "ua-gur",
        "iran",
        WeaponModel("Shahed-136", "drone", "IR"),
        ("Composants portant des marquages iraniens retrouvés sur des épaves.", "Interceptions de communications."),
        "Chaque Shahed abattu au-dessus de nos villes porte la signature de Téhéran",
        via=("ukrinform",),
        confirmers=("uk-mod", "us-pentagon"),
        evidence_region="Oblast d'Odessa",
    ),
    ClaimTemplate(
        "atacms-civils",
        "Moscou accuse Kiev d'avoir visé des civils avec des missiles ATACMS",
        "L'Ukraine a tiré des missiles ATACMS de fabrication américaine sur des zones résidentielles.",
        "ru-mod",
        "ukraine",
        WeaponModel("ATACMS", "ballistic_missile", "US"),
        ("Photographies de fragments présentées lors d'un point de presse.",),
        "Le régime de Kiev frappe délibérément des quartiers résidentiels",
        via=("tass",),
        evidence_region="Oblast de Belgorod",
    ),
    ClaimTemplate(
        "frappes-energetiques",
        "Kiev accuse Moscou de cibler délibérément le réseau électrique",
        "La Russie vise systématiquement les infrastructures énergétiques pour priver les civils de chauffage.",
        "ua-authorities",
        "russia",
        None,
        ("Relevé des sites énergétiques touchés depuis le début de l'hiver.", "Témoignages d'opérateurs du réseau."),
        "Ils veulent plonger nos villes dans le froid et le noir",
        confirmers=("isw",),
    ),
    ClaimTemplate(
        "sabotage-drones",
        "Le FSB accuse les services ukrainiens d'avoir préparé des attaques de drones",
        "Les services de sécurité ukrainiens ont organisé des attaques de drones contre des sites russes.",
        "ru-fsb",
        "ua-sbu",
        WeaponModel("Liutyi", "drone", "UA"),
        ("Aveux filmés d'un suspect arrêté.", "Saisie de matériel de guidage."),
        "Un réseau de saboteurs a été neutralisé",
        via=("tass",),
        evidence_region="Oblast de Briansk",
    ),
    ClaimTemplate(
        "bombes-guidees",
        "Londres accuse la Russie d'intensifier l'usage de bombes planantes",
        "La Russie a multiplié les frappes de bombes guidées lourdes sur les villes de la ligne de front.",
        "uk-mod",
        "russia",
        WeaponModel("FAB-1500", "guided_bomb", "RU"),
        ("Images satellites des zones frappées.",),
        "L'emploi de ces bombes a fortement augmenté ces dernières semaines",
        confirmers=("isw", "ua-general-staff"),
        evidence_region="Oblast de Donetsk",
    ),
    ClaimTemplate(
        "scalp-livres",
        "Moscou accuse Paris de guider les missiles SCALP tirés par Kiev",
        "Des missiles SCALP fournis par la France ont été tirés sur le territoire russe avec l'aide de la France.",
        "ru-foreign-ministry",
        "ukraine",
        WeaponModel("SCALP-EG", "cruise_missile", "FR"),
        ("Débris présentés à la presse.",),
        "Ces tirs sont impossibles sans l'aide des pays occidentaux",
        via=("tass",),
        evidence_region="Kraï de Krasnodar",
    ),
    ClaimTemplate(
        "obus-nord-coreens",
        "Kiev accuse Pyongyang de livrer des munitions d'artillerie à la Russie",
        "La Corée du Nord fournit à la Russie des obus et des roquettes d'artillerie.",
        "ua-general-staff",
        "north-korea",
        WeaponModel("BM-21 Grad", "artillery", "KP"),
        ("Marquages coréens relevés sur des munitions non explosées.",),
        "Des munitions nord-coréennes tombent chaque jour sur nos positions",
        confirmers=("us-dia",),
        evidence_region="Oblast de Zaporijia",
    ),
)
_CLAIM_CONTEXT = (
    "L'article présente cette accusation comme une source de préoccupation pour les alliés de l'Ukraine.",
    "L'accusation intervient alors que les livraisons d'armes font l'objet de négociations.",
    "Aucune preuve indépendante n'est citée par l'article.",
    "La partie accusée n'avait pas réagi au moment de la publication.",
)

# --- Generation ------------------------------------------------------------------------------------------------------


@dataclass
class CorpusStats:
    """What :func:`write_corpus` wrote."""

    articles: int = 0
    strikes: int = 0
    attributions: int = 0
    figures: int = 0
    contested_quantities: int = 0
    """Quantities given by two claimants with different values."""
    repeated_event_strikes: int = 0
    """Strikes reporting an event an earlier article already reported."""

    @property
    def records(self) -> int:
        """Strikes plus attribution claims: the records a briefing page shows."""
        return self.strikes + self.attributions


@dataclass(frozen=True)
class Event:
    """Where and when something happened, so that later articles can report it again."""

    direction: str
    when: dict[str, Any]
    where: dict[str, Any]
    region: Region
    weapons: tuple[WeaponModel, ...]


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _agree(participle: str, noun: Noun, plural: bool) -> str:
    return participle + ("e" if noun.feminine else "") + ("s" if plural else "")


class _Writer:
    """Generates articles one by one from a single random source."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
        self.serial = 0
        self.recent_events: deque[Event] = deque(maxlen=4 * ARTICLES_PER_DAY * 3)
        self.stats = CorpusStats()

    def next_id(self, stem: str) -> str:
        """A record id no other record has: a readable stem and a corpus-wide serial number."""
        self.serial += 1
        return f"{stem[:60].strip('-')}-{self.serial}"

    def chance(self, probability: float) -> bool:
        return self.random.random() < probability

    # Figures

    def number_text(self, number: int, noun: Noun) -> str:
        if number == 1:
            return "une" if noun.feminine else "un"
        if number < len(_NUMBER_WORDS) and self.chance(0.4):
            return _NUMBER_WORDS[number]
        return str(number)

    def wording(self, value: Value, noun: Noun, participle: str | None) -> str:
        """The article's words for a figure, agreeing in gender and number."""

        def tail(plural: bool) -> str:
            return f" {_agree(participle, noun, plural)}" if participle else ""

        if isinstance(value, int):
            if value == 0:
                return f"{'aucune' if noun.feminine else 'aucun'} {noun.singular}{tail(False)}"
            name = noun.singular if value == 1 else noun.plural
            return f"{self.number_text(value, noun)} {name}{tail(value > 1)}"
        if isinstance(value, dict):
            return f"entre {value['min']} et {value['max']} {noun.plural}{tail(True)}"
        words = {
            "none": f"{'aucune' if noun.feminine else 'aucun'} {noun.singular}{tail(False)}",
            "some": f"quelques {noun.plural}{tail(True)}",
            "several": f"plusieurs {noun.plural}{tail(True)}",
            "many": f"{'de nombreuses' if noun.feminine else 'de nombreux'} {noun.plural}{tail(True)}",
            "dozens": f"des dizaines de {noun.plural}{tail(True)}",
            "all": f"{'toutes les' if noun.feminine else 'tous les'} {noun.plural}{tail(True)}",
            "unknown": f"un nombre indéterminé de {noun.plural}",
        }
        return words[value]

    def quantity(self, ceiling: int, vague: Sequence[str], floor: int = 0) -> Value:
        """Mostly an exact number between ``floor`` and ``ceiling`` (small ones likelier), else a range or a vague word."""
        roll = self.random.random()
        if roll < 0.62 or (roll < 0.8 and ceiling - floor < 2):
            return floor + round((ceiling - floor) * self.random.random() ** 2)
        if roll < 0.8:
            low = self.random.randint(floor, ceiling - 1)
            return {"min": low, "max": self.random.randint(low + 1, ceiling)}
        return self.random.choice(vague)

    def figure(self, value: Value, claimed_by: str, noun: Noun, participle: str | None, category: str | None = None) -> dict[str, Any]:
        self.stats.figures += 1
        figure: dict[str, Any] = {"value": value}
        if category is not None:
            figure["category"] = category
        if self.chance(0.85):
            figure["wording"] = self.wording(value, noun, participle)
        figure["claimed_by"] = claimed_by
        return figure

    def claimed_figures(
        self, claimants: Sequence[str], make_value: Callable[[str], Value], noun: Noun, participle: str | None, category: str | None
    ) -> list[dict[str, Any]]:
        """One figure per claimant; when there are two, their values differ (a contested quantity)."""
        figures: list[dict[str, Any]] = []
        values: list[Value] = []
        for claimant in claimants:
            value = make_value(claimant)
            for _ in range(5):
                if value not in values:
                    break
                value = make_value(claimant)
            if value in values:
                continue
            values.append(value)
            figures.append(self.figure(value, claimant, noun, participle, category))
        if len(figures) > 1:
            self.stats.contested_quantities += 1
        return figures

    # Strikes

    def event(self, direction: str, published: dt.date) -> Event:
        """A new event: a date near publication, a place at some precision, the weapons used."""
        regions = REGIONS_RU if direction == "on_russia" else REGIONS_UA
        region = self.random.choice(regions)
        arsenal = _UKRAINIAN_WEAPONS if direction == "on_russia" else _RUSSIAN_WEAPONS
        weapons = tuple(self.random.sample(arsenal, self.random.choice((1, 1, 1, 2, 2, 3))))
        return Event(direction, self.when(published), self.place(region, direction), region, weapons)

    def when(self, published: dt.date) -> dict[str, Any]:
        roll = self.random.random()
        previous = published - dt.timedelta(days=1)
        if roll < 0.5:
            return {"start": previous, "end": published, "precision": "night"}
        if roll < 0.75:
            return {"start": published, "precision": "day"}
        if roll < 0.85:
            return {"start": previous, "precision": "day"}
        if roll < 0.96:
            return {
                "start": published,
                "precision": "approximate",
                "note": "L'article ne date pas l'événement ; date de publication présumée.",
            }
        return {"start": published.replace(day=1), "precision": "month", "note": "L'article ne donne que le mois."}

    def place(self, region: Region, direction: str) -> dict[str, Any]:
        """A place in ``region``, at a random precision, with every coarser level filled in."""
        settlement = self.random.choice(list(region.settlements))
        districts = region.settlements[settlement]
        levels = ["site", "settlement", "settlement", "settlement", "region", "region", "country"]
        if districts:
            levels += ["district", "district"]
        precision = self.random.choice(levels)
        place: dict[str, Any] = {}
        if precision == "site":
            sites = _TARGETS_IN_RUSSIA if direction == "on_russia" else _TARGETS_IN_UKRAINE
            place["site"] = self.random.choice(sites)
        if precision == "district":
            place["district"] = self.random.choice(districts)
        if precision in ("site", "district", "settlement"):
            place["settlement"] = settlement
        if precision != "country":
            place["region"] = region.name
        place["country"] = region.country
        place["precision"] = precision
        return place

    def strike(self, event: Event, published: dt.date) -> dict[str, Any]:
        on_russia = event.direction == "on_russia"
        local = event.region.authority_id
        national = "ru-mod" if on_russia else self.random.choice(("ua-air-force", "ua-authorities", "ua-emergency-service"))
        reporters = self.random.sample([local, national, UNATTRIBUTED], self.random.choice((1, 1, 2)))
        where = event.where
        if "settlement" in where:
            place_name, preposition, place_slug = where["settlement"], "sur", _slug(where["settlement"])
        elif "region" in where:
            place_name, preposition, place_slug = event.region.phrase, ("sur" if event.region.is_city else "dans"), event.region.slug
        else:
            place_name, preposition, place_slug = ("Russie" if on_russia else "Ukraine"), "en", _slug(event.region.country)
        main = event.weapons[0]
        noun = _CATEGORY_NOUNS[main.category]
        if on_russia:
            strike_adjective, adjective = "ukrainienne", "ukrainiennes" if noun.feminine else "ukrainiens"
        else:
            strike_adjective, adjective = "russe", "russes"
        headline = self.random.choice(
            (
                f"Attaque de {noun.plural} {main.model} {preposition} {place_name}",
                f"Frappe {strike_adjective} {preposition} {place_name}",
                f"{noun.plural.capitalize()} {adjective} {preposition} {place_name}",
            )
        )
        strike: dict[str, Any] = {
            "id": self.next_id(f"{place_slug}-{published.isoformat()}"),
            "direction": event.direction,
            "headline": headline,
            "when": dict(event.when),
            "where": dict(where),
            "reported_by": reporters,
        }
        strike["weapons"] = [self.weapon(model, reporters) for model in event.weapons]
        if self.chance(0.25):
            launch_region = _REGION_BY_NAME[self.random.choice(_UKRAINIAN_LAUNCH_REGIONS if on_russia else _RUSSIAN_LAUNCH_REGIONS)]
            launch_place = self.place(launch_region, "on_ukraine" if on_russia else "on_russia")
            launch_place.pop("site", None)
            if launch_place["precision"] in ("site", "district"):
                launch_place.pop("district", None)
                launch_place["precision"] = "settlement"
            strike["launched_from"] = launch_place
            strike["launched_from_claimed_by"] = ["ru-mod" if on_russia else "ua-air-force"]
        targets = self.targets(event, local, reporters)
        if targets:
            strike["targets"] = targets
        counts = self.counts(event, local)
        if counts:
            strike["counts"] = counts
        casualties = self.casualties(event, local, reporters)
        if casualties:
            strike["casualties"] = casualties
        if self.chance(0.2):
            strike["notes"] = [self.random.choice(_STRIKE_NOTES)]
        return strike

    def weapon(self, model: WeaponModel, reporters: list[str]) -> dict[str, Any]:
        weapon: dict[str, Any] = {"category": model.category}
        if self.chance(0.8):
            weapon["model"] = model.model
        if self.chance(0.2):
            weapon["origin"] = model.origin
        weapon["claimed_by"] = [self.random.choice(reporters)]
        return weapon

    def targets(self, event: Event, local: str, reporters: list[str]) -> list[dict[str, Any]]:
        on_russia = event.direction == "on_russia"
        targets = []
        if "site" in event.where:
            targets.append({"what": event.where["site"], "outcome": list(self.random.choice(_OUTCOMES)), "claimed_by": [reporters[0]]})
        for _ in range(self.random.choice((0, 0, 1, 1, 1, 2))):
            if on_russia and self.chance(0.3):
                what, claimant, outcome = (
                    self.random.choice(_TARGETS_IN_RUSSIA[:8]),
                    self.random.choice(("ua-general-staff", "ua-sbu", "ua-gur")),
                    ["hit"],
                )
            elif not on_russia and self.chance(0.2):
                what, claimant, outcome = self.random.choice(_MILITARY_TARGETS_IN_UKRAINE), "ru-mod", ["destroyed"]
            else:
                sites = _TARGETS_IN_RUSSIA if on_russia else _TARGETS_IN_UKRAINE
                what, claimant, outcome = (
                    self.random.choice(sites),
                    self.random.choice((local, *reporters)),
                    list(self.random.choice(_OUTCOMES)),
                )
            target: dict[str, Any] = {"what": what, "outcome": outcome, "claimed_by": [claimant]}
            if self.chance(0.3):
                target["details"] = self.random.choice(_STRIKE_NOTES)
            targets.append(target)
        return targets

    def counts(self, event: Event, local: str) -> dict[str, Any]:
        """Launched and intercepted per category; no claimant intercepts more than it says were launched."""
        on_russia = event.direction == "on_russia"
        counter = "ru-mod" if on_russia else "ua-air-force"
        rival = self.random.choice((local, UNATTRIBUTED, "tass" if on_russia else "ukrinform"))
        launched: list[dict[str, Any]] = []
        intercepted: list[dict[str, Any]] = []
        categories = list(dict.fromkeys(model.category for model in event.weapons if model.category != "artillery"))
        for category in categories:
            if not self.chance(0.75):
                continue
            noun = _CATEGORY_NOUNS[category]
            high = _TYPICAL_LAUNCHED[category]
            launch_claimants = [counter] if self.chance(0.2 if on_russia else 0.85) else []
            if launch_claimants and self.chance(CONTESTED_SHARE):
                launch_claimants.append(rival)
            launched_values: dict[str, Value] = {}

            def launched_value(claimant: str, high: int = high, store: dict[str, Value] = launched_values) -> Value:
                store[claimant] = self.quantity(high, ("many", "dozens", "several", "unknown"), floor=1)
                return store[claimant]

            launched += self.claimed_figures(launch_claimants, launched_value, noun, "lancé", category)
            intercept_claimants = [counter] + ([rival] if self.chance(CONTESTED_SHARE) else [])

            def intercepted_value(claimant: str, high: int = high, store: dict[str, Value] = launched_values) -> Value:
                given = store.get(claimant)
                bound = given if isinstance(given, int) else (given["max"] if isinstance(given, dict) else None)
                if bound is None and claimant in store:
                    return self.quantity(high // 2, ("all", "many", "several"), floor=1)
                if bound is None:
                    return self.quantity(high, ("many", "several", "dozens", "some"), floor=1)
                return self.quantity(bound, ("all", "many", "several"), floor=bound * 2 // 3)

            participle = self.random.choice(_INTERCEPT_PARTICIPLES)
            intercepted += self.claimed_figures(intercept_claimants, intercepted_value, noun, participle, category)
        counts: dict[str, Any] = {}
        if launched:
            counts["launched"] = launched
        if intercepted:
            counts["intercepted"] = intercepted
        return counts

    def casualties(self, event: Event, local: str, reporters: list[str]) -> dict[str, Any]:
        casualties: dict[str, Any] = {}
        heavy = event.direction == "on_ukraine"
        for key, nouns, chance, high in (
            ("killed", _KILLED_NOUNS, 0.35 if heavy else 0.15, 25),
            ("injured", _INJURED_NOUNS, 0.5 if heavy else 0.3, 80),
        ):
            if not self.chance(chance):
                continue
            claimants = [self.random.choice(reporters)]
            if self.chance(CONTESTED_SHARE):
                others = (
                    (local, UNATTRIBUTED, "tass", "ru-mod")
                    if event.direction == "on_russia"
                    else (local, UNATTRIBUTED, "ua-authorities", "ukrinform")
                )
                claimants.append(self.random.choice([party for party in others if party != claimants[0]]))
            noun = self.random.choice(nouns)

            def value_of(_claimant: str, high: int = high) -> Value:
                return self.quantity(high, ("none", "some", "several", "many", "unknown"))

            figures = self.claimed_figures(
                claimants,
                value_of,
                noun,
                None,
                None,
            )
            casualties[key] = figures
        if casualties and self.chance(0.3):
            casualties["who"] = self.random.choice(_VICTIMS)
        return casualties

    # Attributions

    def attribution(self, published: dt.date) -> dict[str, Any]:
        template = self.random.choice(_CLAIMS)
        attribution: dict[str, Any] = {
            "id": self.next_id(f"{template.claimant}-{template.topic}-{published.isoformat()}"),
            "headline": template.headline,
            "claimant": template.claimant,
        }
        if template.via and self.chance(0.5):
            attribution["via"] = list(template.via)
        attribution["accused"] = template.accused
        attribution["claim"] = template.claim
        if template.weapon is not None:
            weapon: dict[str, Any] = {"category": template.weapon.category}
            if self.chance(0.6):
                weapon["model"] = template.weapon.model
            weapon["origin"] = template.weapon.origin
            weapon["claimed_by"] = [
                template.claimant,
                *self.random.sample(template.confirmers, min(len(template.confirmers), self.random.randint(0, 1))),
            ]
            attribution["weapons"] = [weapon]
        evidence = []
        for description in self.random.sample(template.evidence, self.random.randint(0, len(template.evidence))):
            item: dict[str, Any] = {"description": description}
            if template.evidence_region and self.chance(0.5):
                item["when"] = {"start": published.replace(day=1), "precision": "month"}
                region = _REGION_BY_NAME[template.evidence_region]
                item["where"] = {"region": region.name, "country": region.country, "precision": "region"}
            evidence.append(item)
        if evidence:
            attribution["evidence"] = evidence
        if self.chance(0.5):
            attribution["quotes"] = [
                {
                    "speaker": template.claimant,
                    "text": template.quote,
                    "medium": self.random.choice(("communiqué", "conférence de presse", "Telegram")),
                }
            ]
        status = [{"status": "alleged", "by": template.claimant}]
        if template.confirmers and self.chance(0.4):
            status.append({"status": "confirmed", "by": self.random.choice(template.confirmers)})
        if self.chance(0.5):
            status.append({"status": "denied", "by": template.accused})
        elif self.chance(0.15):
            status.append({"status": "disputed", "by": "isw"})
        attribution["status"] = status
        if self.chance(0.4):
            attribution["context"] = [self.random.choice(_CLAIM_CONTEXT)]
        return attribution

    # Articles

    def strikes_for(self, published: dt.date, count: int) -> list[dict[str, Any]]:
        """``count`` strikes; some report events that recent articles already reported."""
        strikes = []
        new_events: list[Event] = []
        candidates = list(self.recent_events)
        for _ in range(count):
            if candidates and self.chance(DUPLICATE_EVENT_SHARE):
                event = self.random.choice(candidates)
                candidates.remove(event)
                self.stats.repeated_event_strikes += 1
            else:
                direction = "on_ukraine" if self.chance(0.6) else "on_russia"
                event = self.event(direction, published)
                new_events.append(event)
            strikes.append(self.strike(event, published))
        self.recent_events.extend(new_events)
        return strikes

    def article(self, index: int) -> dict[str, Any]:
        published = START_DATE + dt.timedelta(days=index // ARTICLES_PER_DAY)
        attribution_count = self.random.choices((0, 1, 2), weights=(75, 20, 5))[0]
        strike_count = self.random.choices(range(1, 9), weights=(8, 16, 19, 18, 14, 11, 8, 6))[0]
        if attribution_count and self.chance(0.3):
            strike_count = 0
        attributions = [self.attribution(published) for _ in range(attribution_count)]
        strikes = self.strikes_for(published, strike_count)
        records = [*strikes, *attributions]
        headlines = [record["headline"] for record in records]
        others = len(records) - 1
        title = headlines[0] + ("" if not others else " ; et un autre fait" if others == 1 else f" ; et {others} autres faits")
        article: dict[str, Any] = {
            "id": f"{published.isoformat()}-{_slug(headlines[0])[:50].strip('-')}-{index + 1}",
            "title": title,
        }
        if self.chance(0.8):
            article["outlet"] = self.random.choice(_OUTLETS)
        if self.chance(0.25):
            article["relays"] = self.random.choice(_OUTLETS)
        article["published"] = published
        if self.chance(0.2):
            article["published_approximate"] = True
        article["language"] = "fr"
        if self.chance(0.9):
            article["url"] = f"https://example.org/articles/{article['id']}"
        article["summary"] = " ".join(f"{headline}." for headline in headlines[:4])
        article["takeaways"] = headlines[:3]
        self.stats.articles += 1
        self.stats.strikes += len(strikes)
        self.stats.attributions += len(attributions)
        document: dict[str, Any] = {"article": article}
        if attributions:
            document["attributions"] = attributions
        if strikes:
            document["strikes"] = strikes
        return document


# libyaml's emitter writes the same text as PyYAML's pure-Python one (checked byte for byte on the
# 3,650-article corpus), four times faster; the pure-Python one is the fallback where libyaml is missing.
_SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _NoAliasDumper(_SafeDumper):  # type: ignore[valid-type,misc]
    """``yaml.safe_dump`` without anchors: the content loader refuses them, and shared dates would get some."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_NoAliasDumper, allow_unicode=True, sort_keys=False, width=120)


def write_corpus(out_dir: Path, articles: int, seed: int = 0) -> CorpusStats:
    """Write ``parties.yaml`` and ``articles/<id>.yaml`` for ``articles`` synthetic articles under ``out_dir``.

    The same ``articles`` and ``seed`` always give byte-identical files. Refuses
    to write into an ``articles`` folder that already holds files, since stale
    articles would silently join the corpus.
    """
    if articles < 1:
        raise ValueError(f"expected at least one article, got {articles}")
    articles_dir = out_dir / "articles"
    if articles_dir.is_dir() and any(articles_dir.iterdir()):
        raise FileExistsError(f"{articles_dir} is not empty; choose an empty or new folder")
    articles_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "parties.yaml").write_text(_dump({"parties": parties()}), encoding="utf-8")
    writer = _Writer(seed)
    for index in range(articles):
        document = writer.article(index)
        path = articles_dir / f"{document['article']['id']}.yaml"
        path.write_text(_dump(document), encoding="utf-8")
    return writer.stats


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m bench.corpus OUT_DIR --articles N [--seed S]``."""
    parser = argparse.ArgumentParser(prog="python -m bench.corpus", description="Write a deterministic synthetic content folder.")
    parser.add_argument("out_dir", type=Path, help="folder to write parties.yaml and articles/ into")
    parser.add_argument("--articles", type=int, required=True, help="number of articles (10 a day from 2024-01-01)")
    parser.add_argument("--seed", type=int, default=0, help="random seed; the same seed gives the same files")
    options = parser.parse_args(argv)
    try:
        stats = write_corpus(options.out_dir, options.articles, options.seed)
    except (ValueError, FileExistsError) as error:
        parser.error(str(error))
    print(
        f"{stats.articles} articles, {stats.records} records ({stats.strikes} strikes, {stats.attributions} attributions), "
        f"{stats.figures} figures, {stats.contested_quantities} contested quantities, "
        f"{stats.repeated_event_strikes} strikes repeating an earlier event, in {options.out_dir}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
