"""Consistency of the demo content (passerelle.services.demo_content) and communes reference."""

from __future__ import annotations

import csv
import re
import string
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pytest

from passerelle.services import demo_content as dc

REPO_ROOT = Path(__file__).resolve().parents[2]
COMMUNES_CSV = REPO_ROOT / "resources" / "reference" / "communes_mel.csv"

E164_FR = re.compile(r"^\+33[1-9]\d{8}$")


def _fields(template: str) -> set[str]:
    """Placeholder names used by a ``str.format`` template (raises on malformed braces)."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _assert_placeholders(templates: Iterable[str], allowed: frozenset[str]) -> None:
    for template in templates:
        used = _fields(template)
        assert used <= allowed, (template, used - allowed)
        assert "" not in used, f"positional placeholder in {template!r}"


# --- counts -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "minimum"),
    [
        ("FIRST_NAMES", 120),
        ("LAST_NAMES", 150),
        ("ASSOCIATION_NAME_PATTERNS", 40),
        ("COMPANY_NAME_PATTERNS", 40),
        ("COMPANY_WORDS", 30),
        ("MEETING_NOTE_TEMPLATES", 40),
        ("DECISIONS", 25),
        ("NEXT_STEPS", 30),
        ("TASK_TITLES", 30),
        ("NEED_TITLES", 20),
        ("OFFER_TITLES", 20),
        ("ABANDON_REASONS", 8),
        ("ON_HOLD_REASONS", 8),
        ("EVENT_TITLES", 10),
        ("ROLES_ASSOCIATION", 4),
        ("ROLES_COMPANY", 4),
    ],
)
def test_minimum_counts_and_no_duplicates(name: str, minimum: int) -> None:
    values = getattr(dc, name)
    assert isinstance(values, tuple)
    assert len(values) >= minimum
    assert len(set(values)) == len(values), Counter(values).most_common(3)
    for value in (v[1] if isinstance(v, tuple) else v for v in values):
        assert value == value.strip() and value


def test_themes_are_the_study_list() -> None:
    assert dc.THEMES == (
        "insertion",
        "environnement",
        "sport",
        "handicap",
        "culture",
        "éducation",
        "santé",
        "solidarité",
        "jeunesse",
        "numérique",
        "alimentation",
        "mobilité",
        "logement",
    )
    assert all(theme == theme.lower() for theme in dc.THEMES)


# --- placeholders -------------------------------------------------------------------------------


def test_note_templates_use_only_allowed_placeholders() -> None:
    _assert_placeholders((text for _, text in dc.MEETING_NOTE_TEMPLATES), dc.NOTE_PLACEHOLDERS)
    assert {
        "association",
        "entreprise",
        "contact",
        "facilitateur",
        "theme",
        "commune",
        "montant",
        "date",
    } == dc.NOTE_PLACEHOLDERS


def test_note_templates_format_and_have_real_length() -> None:
    values = {name: f"<{name}>" for name in dc.NOTE_PLACEHOLDERS}
    for stage, text in dc.MEETING_NOTE_TEMPLATES:
        rendered = text.format(**values)
        words = len(rendered.split())
        assert 80 <= words <= 250, (stage, words, text[:60])
        assert "\n\n" in text, f"single paragraph: {text[:60]!r}"
        assert "\n\n\n" not in text and text == text.strip()


def test_every_stage_has_at_least_four_note_templates() -> None:
    counts = Counter(stage for stage, _ in dc.MEETING_NOTE_TEMPLATES)
    assert set(counts) == set(dc.STAGE_KEYS)
    assert all(counts[stage] >= 4 for stage in dc.STAGE_KEYS), counts
    assert len(dc.STAGE_KEYS) == 8


@pytest.mark.parametrize(
    "name",
    [
        "DECISIONS",
        "NEXT_STEPS",
        "TASK_TITLES",
        "EVENT_TITLES",
        "ABANDON_REASONS",
        "ON_HOLD_REASONS",
    ],
)
def test_short_lines_use_only_note_placeholders(name: str) -> None:
    _assert_placeholders(getattr(dc, name), dc.NOTE_PLACEHOLDERS)


@pytest.mark.parametrize("name", ["NEED_TITLES", "OFFER_TITLES"])
def test_need_and_offer_titles_use_only_theme(name: str) -> None:
    _assert_placeholders(getattr(dc, name), frozenset({"theme"}))


def test_name_patterns_have_allowed_placeholders() -> None:
    _assert_placeholders(dc.ASSOCIATION_NAME_PATTERNS, dc.ASSOCIATION_PATTERN_PLACEHOLDERS)
    _assert_placeholders(dc.COMPANY_NAME_PATTERNS, dc.COMPANY_PATTERN_PLACEHOLDERS)
    for pattern in dc.ASSOCIATION_NAME_PATTERNS + dc.COMPANY_NAME_PATTERNS:
        assert _fields(pattern), f"pattern without placeholder: {pattern!r}"
    # all patterns render with the largest values
    for pattern in dc.ASSOCIATION_NAME_PATTERNS:
        assert pattern.format(place="Marcq-en-Barœul", theme="éducation")
    for pattern in dc.COMPANY_NAME_PATTERNS:
        assert pattern.format(surname="Vandenberghe", place="Wattrelos", word="Beffroi")


# --- territory ----------------------------------------------------------------------------------


def test_neighbourhoods_cover_the_six_communes() -> None:
    assert set(dc.NEIGHBOURHOODS) == {"59512", "59599", "59650", "59299", "59350", "59360"}
    for insee, entries in dc.NEIGHBOURHOODS.items():
        names = [name for name, _ in entries]
        assert len(names) == len(set(names)), insee
        assert all(isinstance(flag, bool) for _, flag in entries)
        assert any(flag for _, flag in entries), f"no priority area for {insee}"
    roubaix = dict(dc.NEIGHBOURHOODS["59512"])
    assert all(roubaix[name] for name in ("Alma", "Épeule", "Pile", "Trois-Ponts"))
    tourcoing = dict(dc.NEIGHBOURHOODS["59599"])
    assert tourcoing["Bourgogne"] and tourcoing["Pont Rompu"]


def _communes() -> list[dict[str, str]]:
    with COMMUNES_CSV.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_communes_mel_csv_is_complete_and_valid() -> None:
    rows = _communes()
    assert list(rows[0]) == ["insee", "name", "postal_codes", "population", "siren"]
    assert len(rows) == 95
    insee_codes = [row["insee"] for row in rows]
    assert len(set(insee_codes)) == 95
    for row in rows:
        assert re.fullmatch(r"59\d{3}", row["insee"]), row
        assert re.fullmatch(r"\d{9}", row["siren"]) and _luhn_ok(row["siren"]), row
        assert all(re.fullmatch(r"59\d{3}", cp) for cp in row["postal_codes"].split(" ")), row
        assert int(row["population"]) > 0
    by_insee = {row["insee"]: row for row in rows}
    assert by_insee["59350"]["postal_codes"] == "59000 59160 59260 59777 59800"
    assert by_insee["59650"]["name"] == "Wattrelos"  # INSEE 59650 ≠ CP 59650
    assert {"Marcq-en-Barœul", "Annœullin", "Deûlémont"} <= {row["name"] for row in rows}
    assert sum(int(row["population"]) for row in rows) == 1_194_040
    assert _luhn_ok("200093201")  # the MEL itself


def test_demo_communes_exist_in_reference() -> None:
    insee_codes = {row["insee"] for row in _communes()}
    assert set(dc.NEIGHBOURHOODS) <= insee_codes
    assert {actor["commune_insee"] for actor in dc.STUDY_ACTORS} <= insee_codes


# --- study actors and partnerships --------------------------------------------------------------


def test_study_actors_are_well_formed() -> None:
    keys = [actor["key"] for actor in dc.STUDY_ACTORS]
    assert len(keys) == len(set(keys))
    for actor in dc.STUDY_ACTORS:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", actor["key"]), actor["key"]
        assert actor["kind"] in {"association", "entreprise", "collectivite", "reseau", "fondation"}
        assert actor["size"] in {None, "TPE", "PME", "ETI", "GE"}
        assert actor["naf"] is None or re.fullmatch(r"\d{2}\.\d{2}[A-Z]", actor["naf"])
        assert actor["description"].endswith(".")
        assert actor["themes"] and set(actor["themes"]) <= set(dc.THEMES)
    sirens = {actor["key"]: actor.get("siren") for actor in dc.STUDY_ACTORS}
    assert {key: siren for key, siren in sirens.items() if siren} == {"mel": "200093201"}
    required = {
        "mda_roubaix",
        "mda_tourcoing",
        "face_mel",
        "cbe_lille_metropole",
        "cress_hdf",
        "apes",
        "cpca",
        "medef_lille_metropole",
        "cci_grand_lille",
        "reseau_alliances",
        "lmcu",
        "macif",
        "fondation_decathlon",
        "orange",
        "ea_flandre_atelier",
        "vitamine_t",
        "triselec",
        "esterra",
        "la_ressourcerie",
        "mel",
        "hirondelles_alma",
    }
    assert required <= set(keys)


def test_study_partnerships_reference_existing_actors() -> None:
    actors = {actor["key"]: actor for actor in dc.STUDY_ACTORS}
    categories = {
        "mecenat",
        "pratiques_responsables",
        "cooperation_economique",
        "innovation_societale",
    }
    for partnership in dc.STUDY_PARTNERSHIPS:
        assert partnership["association_key"] in actors
        assert partnership["company_key"] in actors
        assert partnership["association_key"] != partnership["company_key"]
        assert partnership["category"] in categories
        assert 1 <= partnership["stage"] <= 8
        assert 1990 <= partnership["since_year"] <= 2026
        assert partnership["title"] and partnership["summary"].endswith(".")
    pairs = {(p["association_key"], p["company_key"]): p for p in dc.STUDY_PARTNERSHIPS}
    assert pairs[("mda_tourcoing", "macif")]["stage"] == 8
    assert pairs[("vitamine_t", "triselec")]["category"] == "cooperation_economique"
    assert {
        ("ea_flandre_atelier", "orange"),
        ("la_ressourcerie", "esterra"),
        ("hirondelles_alma", "fondation_decathlon"),
    } <= set(pairs)


# --- helpers ------------------------------------------------------------------------------------


@pytest.mark.parametrize("n", [0, 1, 42, 9_999, 10_000, 123_456, -1])
def test_fiction_phones_stay_in_arcep_fiction_blocks(n: int) -> None:
    landline = dc.fiction_landline(n)
    mobile = dc.fiction_mobile(n)
    assert E164_FR.fullmatch(landline) and E164_FR.fullmatch(mobile)
    # 03 53 01 xx xx and 06 39 98 xx xx in E.164
    assert landline.startswith("+3335301") and len(landline) == 12
    assert mobile.startswith("+3363998") and len(mobile) == 12
    assert landline[-4:] == mobile[-4:] == f"{n % 10_000:04d}"


def test_fiction_phones_are_distinct_within_a_block() -> None:
    assert len({dc.fiction_landline(n) for n in range(10_000)}) == 10_000


@pytest.mark.parametrize(
    ("first", "last", "domain", "expected"),
    [
        ("Aïcha", "N'Diaye", "example.org", "aicha.ndiaye@example.org"),
        ("Anne-Sophie", "Da Silva", "example.com", "anne-sophie.da-silva@example.com"),
        ("Zoé", "Œuvray", "example.org", "zoe.oeuvray@example.org"),
        ("João", "Çelik", "mda.example.org", "joao.celik@mda.example.org"),
    ],
)
def test_email_for_folds_to_ascii(first: str, last: str, domain: str, expected: str) -> None:
    assert dc.email_for(first, last, domain) == expected


@pytest.mark.parametrize("domain", ["gmail.com", "example.net.evil.com", "notexample.org", ""])
def test_email_for_rejects_non_rfc2606_domains(domain: str) -> None:
    with pytest.raises(ValueError, match="RFC 2606"):
        dc.email_for("Jean", "Dupont", domain)


def test_every_demo_person_gets_an_ascii_rfc2606_email() -> None:
    for i, first in enumerate(dc.FIRST_NAMES):
        for last in dc.LAST_NAMES[i % 7 :: 7]:
            email = dc.email_for(first, last)
            assert email.isascii() and email == email.lower()
            assert re.fullmatch(
                r"[a-z0-9]+(-[a-z0-9]+)*\.[a-z0-9]+(-[a-z0-9]+)*@example\.org", email
            ), email
            assert email.rsplit("@", 1)[1] in dc.EMAIL_DOMAINS
