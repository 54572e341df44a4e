"""Identifier validators against every test vector of DOMAIN-FR.md §1."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from passerelle.domain.errors import ValidationError
from passerelle.domain.validators import (
    format_iban,
    format_phone_fr,
    format_rna,
    format_siren,
    format_siret,
    luhn_ok,
    normalize_email,
    normalize_iban,
    normalize_insee_code,
    normalize_naf,
    normalize_phone,
    normalize_postal_code,
    normalize_rna,
    normalize_siren,
    normalize_siret,
    rib_key_ok,
    rna_warning,
    siren_of_siret,
    tva_from_siren,
)


def _raises_key(func: object, raw: str) -> str:
    """Call ``func(raw)``, expect a ValidationError and return its message key."""
    assert callable(func)
    with pytest.raises(ValidationError) as info:
        func(raw)
    assert info.value.message  # a French message with its placeholders filled in
    assert "{" not in info.value.message
    return info.value.message_key


# --- Luhn (§1.1) ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("digits", "expected"),
    [("0", True), ("18", True), ("79927398713", True), ("79927398710", False),
     ("", False), ("12a", False), ("١٢", False)],
)
def test_luhn(digits: str, expected: bool) -> None:
    assert luhn_ok(digits) is expected


def _luhn_key(body: str) -> str:
    """Independent Luhn key computation (doubling from the right of the body)."""
    total = 0
    for index, char in enumerate(reversed(body)):
        value = int(char)
        if index % 2 == 0:
            value = value * 2 - 9 if value * 2 > 9 else value * 2
        total += value
    return str((10 - total % 10) % 10)


@given(st.text(alphabet="0123456789", min_size=8, max_size=8))
def test_any_eight_digits_plus_luhn_key_is_a_valid_siren(body: str) -> None:
    siren = body + _luhn_key(body)
    assert normalize_siren(siren) == siren


@given(
    st.text(alphabet="0123456789", min_size=8, max_size=8),
    st.integers(min_value=0, max_value=8),
    st.integers(min_value=1, max_value=9),
)
def test_changing_one_digit_of_a_valid_siren_makes_it_invalid(
    body: str, position: int, shift: int
) -> None:
    siren = body + _luhn_key(body)
    digits = list(siren)
    digits[position] = str((int(digits[position]) + shift) % 10)
    with pytest.raises(ValidationError) as info:
        normalize_siren("".join(digits))
    assert info.value.message_key == "siren_checksum"


# --- SIREN (§1.2) -----------------------------------------------------------------------------

VALID_SIRENS = [
    "552081317",  # EDF
    "356000000",  # La Poste
    "200093201",  # Métropole Européenne de Lille
    "215903501",  # Lille
    "215905126",  # Roubaix
    "215905993",  # Tourcoing
    "732829320",  # Dolibarr sample
    "552032534",  # Danone
    "380129866",  # Orange
    "542051180",  # TotalEnergies
    "500569405",  # Decathlon
]


@pytest.mark.parametrize("siren", VALID_SIRENS)
def test_valid_sirens(siren: str) -> None:
    assert normalize_siren(siren) == siren


@pytest.mark.parametrize(
    ("raw", "key"),
    [("123456789", "siren_checksum"), ("12345678", "siren_length"),
     ("1234567890", "siren_length"), ("55208131A", "siren_not_digits"), ("  ", "siren_empty")],
)
def test_invalid_sirens(raw: str, key: str) -> None:
    assert _raises_key(normalize_siren, raw) == key


def test_siren_separators_are_stripped_and_the_message_is_french() -> None:
    assert normalize_siren(" 552 081 317 ") == "552081317"
    assert normalize_siren("552.081.317") == "552081317"
    assert normalize_siren("552-081-317") == "552081317"
    assert normalize_siren("552\u00a0081\u202f317") == "552081317"
    with pytest.raises(ValidationError) as info:
        normalize_siren("123 456 789")
    assert info.value.field == "siren"
    assert info.value.message == (
        "Le SIREN 123456789 est invalide : la clé de contrôle ne correspond pas."
    )


def test_siren_keeps_leading_zeros() -> None:
    assert normalize_siren("016750697") == "016750697"


# --- SIRET (§1.3) -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "siret",
    ["73282932000074", "55208131766522", "35600000000048",
     "35600000049837"],  # the last one only through the La Poste rule (digit sum 45)
)
def test_valid_sirets(siret: str) -> None:
    assert normalize_siret(siret) == siret


def test_la_poste_rule_needs_la_poste_siren_and_digit_sum() -> None:
    assert not luhn_ok("35600000049837")
    assert normalize_siret("356 000 000 49837") == "35600000049837"
    # Digit sum 46: not a multiple of 5, so refused even for La Poste.
    assert _raises_key(normalize_siret, "35600000049838") == "siret_checksum"
    # Digit sum a multiple of 5 but not La Poste: the exception does not apply.
    assert _raises_key(normalize_siret, "73282932000004") == "siret_checksum"


@pytest.mark.parametrize(
    ("raw", "key"),
    [("12345678912345", "siret_checksum"), ("3624679471379", "siret_length"),
     ("55203253400019", "siret_checksum"),  # invalid fixture seen in public code
     ("7328293200007X", "siret_not_digits"), ("", "siret_empty")],
)
def test_invalid_sirets(raw: str, key: str) -> None:
    assert _raises_key(normalize_siret, raw) == key


def test_siren_of_siret() -> None:
    assert siren_of_siret("732 829 320 00074") == "732829320"
    assert siren_of_siret("35600000049837") == "356000000"
    assert _raises_key(siren_of_siret, "12345678912345") == "siret_checksum"


# --- TVA (§1.4) -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("siren", "vat"),
    [("552081317", "FR03552081317"), ("356000000", "FR39356000000"),
     ("200093201", "FR62200093201"), ("552 081 317", "FR03552081317")],
)
def test_tva_from_siren(siren: str, vat: str) -> None:
    assert tva_from_siren(siren) == vat


def test_tva_from_invalid_siren_is_refused() -> None:
    assert _raises_key(tva_from_siren, "123456789") == "siren_checksum"


# --- RNA (§1.5) -------------------------------------------------------------------------------


def test_rna_fr_format_vectors() -> None:
    assert normalize_rna("W751515517") == "W751515517"
    assert rna_warning("W751515517") is None
    assert format_rna("W751515517") == "W751 515 517"
    # Display form and lower case are accepted on input and stored upper-case.
    assert normalize_rna("W751 515 517") == "W751515517"
    assert normalize_rna("w143788974") == "W143788974"


@pytest.mark.parametrize(
    ("raw", "key"),
    [("W12", "rna_length"), ("678W23456", "rna_prefix"), ("W1C1234567", "rna_format"),
     ("W12345678X", "rna_format"), ("W1234567890", "rna_length"), ("", "rna_empty")],
)
def test_invalid_rna(raw: str, key: str) -> None:
    assert _raises_key(normalize_rna, raw) == key


@pytest.mark.parametrize("raw", ["W2A1234567", "W9B1234567", "w2b0012345"])
def test_rna_with_letter_is_accepted_with_a_warning(raw: str) -> None:
    value = normalize_rna(raw)
    assert value == raw.upper()
    warning = rna_warning(value)
    assert warning is not None
    assert value in warning


# --- NAF (§1.6) -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "stored"),
    [("62.01Z", "62.01Z"), ("6201Z", "62.01Z"), ("6201z", "62.01Z"), ("85.59a", "85.59A"),
     (" 94.99Z ", "94.99Z"), ("88 99 B", "88.99B")],
)
def test_naf_is_stored_dotted(raw: str, stored: str) -> None:
    assert normalize_naf(raw) == stored


@pytest.mark.parametrize("raw", ["62.01", "620Z", "62.011Z", "6.201Z", "AB.CDZ", "62-01Z"])
def test_invalid_naf(raw: str) -> None:
    assert _raises_key(normalize_naf, raw) == "naf_format"


# --- Postal code vs INSEE code (§1.8) ---------------------------------------------------------


@pytest.mark.parametrize("code", ["59000", "59160", "59260", "59777", "59800", "59320", "59390",
                                  "20000", "97400"])
def test_valid_postal_codes(code: str) -> None:
    assert normalize_postal_code(code) == code


@pytest.mark.parametrize("raw", ["5900", "590000", "2A004", "59 00A", "F-59000"])
def test_invalid_postal_codes(raw: str) -> None:
    assert _raises_key(normalize_postal_code, raw) == "postal_code_format"


@pytest.mark.parametrize(
    ("raw", "stored"),
    [("59350", "59350"), ("59650", "59650"), ("2A004", "2A004"), ("2b033", "2B033"),
     ("97411", "97411"), ("75056", "75056"), ("75101", "75101"), ("13055", "13055"),
     ("98818", "98818")],
)
def test_valid_insee_codes(raw: str, stored: str) -> None:
    assert normalize_insee_code(raw) == stored


@pytest.mark.parametrize(
    ("raw", "key"),
    [("2C004", "insee_code_format"), ("5965", "insee_code_format"),
     ("596500", "insee_code_format"), ("20000", "insee_code_corsica"),
     ("00123", "insee_code_department"), ("96123", "insee_code_department"),
     ("99134", "insee_code_department")],
)
def test_invalid_insee_codes(raw: str, key: str) -> None:
    assert _raises_key(normalize_insee_code, raw) == key


@pytest.mark.parametrize(("code", "insee_commune", "postal_commune"), [
    ("59650", "Wattrelos", "Villeneuve-d'Ascq"),
    ("59350", "Lille", "Saint-André-lez-Lille"),
])
def test_postal_and_insee_codes_collide_but_stay_separate_fields(
    code: str, insee_commune: str, postal_commune: str
) -> None:
    # The same five digits are valid in both fields and mean two different communes, so each
    # validator keeps the value as typed, under its own field: nothing maps one to the other.
    assert insee_commune != postal_commune
    assert normalize_postal_code(code) == normalize_insee_code(code) == code
    with pytest.raises(ValidationError) as postal_error:
        normalize_postal_code(code + "0")
    with pytest.raises(ValidationError) as insee_error:
        normalize_insee_code(code + "0")
    assert postal_error.value.field == "postal_code"
    assert insee_error.value.field == "insee_code"


# --- Phone (§1.9) -----------------------------------------------------------------------------

FICTION_BLOCKS = ["01 99 00", "02 61 91", "03 53 01", "04 65 71", "05 36 49", "06 39 98"]


@pytest.mark.parametrize("block", FICTION_BLOCKS)
def test_fiction_ranges_are_valid_french_numbers(block: str) -> None:
    raw = f"{block} 12 34"
    e164 = normalize_phone(raw)
    assert e164 == "+33" + raw.replace(" ", "")[1:]
    assert format_phone_fr(e164) == raw


@pytest.mark.parametrize(
    "raw",
    ["03 53 01 12 34", "0353011234", "03.53.01.12.34", "03-53-01-12-34", "03/53/01/12/34",
     "+33 3 53 01 12 34", "+33353011234", "+33 (0)3 53 01 12 34", "+33 03 53 01 12 34",
     "0033 3 53 01 12 34", "0033353011234", " 03\u00a053\u00a001\u00a012\u00a034 "],
)
def test_phone_forms_normalise_to_e164(raw: str) -> None:
    assert normalize_phone(raw) == "+33353011234"


@pytest.mark.parametrize(
    ("raw", "key"),
    [("", "phone_empty"), ("03 53 01 12 3", "phone_length"),
     ("03 53 01 12 345", "phone_length"), ("+33 3 53 01 12 3", "phone_length"),
     ("00 53 01 12 34", "phone_not_french"), ("+32 2 123 45 67", "phone_not_french"),
     ("0044 20 7946 0000", "phone_not_french"), ("3 53 01 12 34", "phone_prefix"),
     ("+33 0 53 01 12 34", "phone_prefix"), ("03 53 OI 12 34", "phone_not_digits"),
     ("+33 3 53 01 12 34 ext 2", "phone_not_digits")],
)
def test_invalid_phones(raw: str, key: str) -> None:
    assert _raises_key(normalize_phone, raw) == key


def test_format_phone_fr_leaves_unparseable_values_alone() -> None:
    assert format_phone_fr("+32 2 123 45 67") == "+32 2 123 45 67"
    assert format_phone_fr("+33639981234") == "06 39 98 12 34"


# --- IBAN and clé RIB (§1.10) -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "compact"),
    [("FR76 3000 6000 0112 3456 7890 189", "FR7630006000011234567890189"),
     ("FR14 2004 1010 0505 0001 3M02 606", "FR1420041010050500013M02606"),
     ("fr1420041010050500013m02606", "FR1420041010050500013M02606"),
     ("IBAN FR76-3000-6000-0112-3456-7890-189", "FR7630006000011234567890189"),
     ("DE89 3704 0044 0532 0130 00", "DE89370400440532013000"),
     ("BE68 5390 0754 7034", "BE68539007547034")],
)
def test_valid_ibans(raw: str, compact: str) -> None:
    assert normalize_iban(raw) == compact


@pytest.mark.parametrize(
    ("iban", "key_ok"),
    [("FR76 3000 6000 0112 3456 7890 189", True),
     ("FR14 2004 1010 0505 0001 3M02 606", True),  # letter M in the account, clé 06
     ("FR76 3000 6000 0112 3456 7890 188", False)],
)
def test_rib_key(iban: str, key_ok: bool) -> None:
    assert rib_key_ok(iban) is key_ok


def test_rib_key_refuses_non_french_iban() -> None:
    assert _raises_key(rib_key_ok, "DE89370400440532013000") == "rib_not_french_iban"


def _with_check_digits(bban_country: str) -> str:
    """Build an IBAN with correct ISO 13616 check digits, e.g. to isolate the clé RIB."""
    country, bban = bban_country[:2], bban_country[2:]
    number = int("".join(str(int(c, 36)) for c in bban + country + "00"))
    return f"{country}{98 - number % 97:02d}{bban}"


@pytest.mark.parametrize(
    ("raw", "key"),
    [("FR76 1234 5678 9012 3456 7890 123", "iban_checksum"),
     ("FR76 3000 6000 0112 3456 7890 18", "iban_length"),
     ("FR76 3000 6000 0112 3456 7890 1899", "iban_length"),
     ("FR7630006000011234567890189!", "iban_format"), ("7630006000011234567890189", "iban_format"),
     ("FRXX30006000011234567890189", "iban_format"), ("", "iban_empty"),
     ("XX0012345678", "iban_length"),
     # Correct IBAN check digits around a wrong clé RIB (88 instead of 89).
     (_with_check_digits("FR3000600001123456789018" + "8"), "iban_rib_key")],
)
def test_invalid_ibans(raw: str, key: str) -> None:
    assert _raises_key(normalize_iban, raw) == key


def test_format_iban_groups_by_four() -> None:
    assert format_iban("FR7630006000011234567890189") == "FR76 3000 6000 0112 3456 7890 189"
    assert format_iban("fr14 2004 1010 0505 0001 3m02 606") == (
        "FR14 2004 1010 0505 0001 3M02 606"
    )


# --- E-mail -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "stored"),
    [("Jean.Dupont@Example.ORG", "Jean.Dupont@example.org"),
     ("  contact@asso-roubaix.fr ", "contact@asso-roubaix.fr"),
     ("prenom+crm@sub.EXAMPLE.com", "prenom+crm@sub.example.com"),
     ("élodie@exemple.fr", "élodie@exemple.fr")],
)
def test_valid_emails(raw: str, stored: str) -> None:
    assert normalize_email(raw) == stored


@pytest.mark.parametrize(
    ("raw", "key"),
    [("", "email_empty"), ("jean.example.org", "email_at"), ("a@b@example.org", "email_at"),
     ("@example.org", "email_local_part"), ("jean dupont@example.org", "email_local_part"),
     (".jean@example.org", "email_local_part"), ("jean..d@example.org", "email_local_part"),
     ("jean@localhost", "email_domain"), ("jean@example..org", "email_domain"),
     ("jean@-example.org", "email_domain"), ("jean@example.123", "email_domain")],
)
def test_invalid_emails(raw: str, key: str) -> None:
    assert _raises_key(normalize_email, raw) == key


# --- Display helpers --------------------------------------------------------------------------


def test_display_helpers() -> None:
    assert format_siren("552081317") == "552 081 317"
    assert format_siret("73282932000074") == "732 829 320 00074"
    assert format_rna("W751515517") == "W751 515 517"
    # Idempotent on already formatted values.
    assert format_siren("552 081 317") == "552 081 317"
    assert format_siret("732 829 320 00074") == "732 829 320 00074"
    assert format_rna("W751 515 517") == "W751 515 517"


def test_display_helpers_never_raise_on_legacy_values() -> None:
    assert format_siren(" 12345 ") == "12345"
    assert format_siret("n/a") == "n/a"
    assert format_rna("0593001234") == "0593001234"
