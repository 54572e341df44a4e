"""French identifiers and contact data: normalise on input, validate, format for display.

Every ``normalize_*`` function takes what a facilitator typed or pasted (spaces, dots, dashes,
lower case) and returns the one canonical form the database stores, or raises
:class:`~passerelle.domain.errors.ValidationError` with a French message naming the field and the
problem (length, non-digit, checksum). Storing one canonical form is what makes duplicates
findable and imports joinable (SIRENE ↔ RNA on SIRET/RNA, DOMAIN-FR.md §1.5).

``format_*`` helpers are for display only and never raise: imported legacy data may hold values
that no longer validate, and a table view must still show them (unchanged) rather than crash.

A valid checksum does not mean the number exists; offline, the app can only check syntax
(DOMAIN-FR.md §1.3). Rules and test vectors: DOMAIN-FR.md §1.
"""

from __future__ import annotations

import re

from passerelle.domain.errors import ValidationError

__all__ = [
    "format_iban",
    "format_phone_fr",
    "format_rna",
    "format_siren",
    "format_siret",
    "luhn_ok",
    "normalize_email",
    "normalize_iban",
    "normalize_insee_code",
    "normalize_naf",
    "normalize_phone",
    "normalize_postal_code",
    "normalize_rna",
    "normalize_siren",
    "normalize_siret",
    "rib_key_ok",
    "rna_warning",
    "siren_of_siret",
    "tva_from_siren",
]

# Separators people type inside numbers. ``\s`` also covers the no-break spaces (U+00A0, U+202F)
# that word processors and the French locale insert, which are common in pasted values.
_SEPARATORS = re.compile(r"[\s.\-]+")
_WHITESPACE = re.compile(r"\s+")
_ASCII_DIGITS = re.compile(r"[0-9]+")

# La Poste's establishments are numbered outside the Luhn scheme (DOMAIN-FR.md §1.3).
_LA_POSTE_SIREN = "356000000"


def _compact(raw: str) -> str:
    return _SEPARATORS.sub("", raw)


def _is_ascii_digits(value: str) -> bool:
    # ``str.isdigit`` accepts "²" or Arabic-Indic digits, which ``int`` would then mangle.
    return _ASCII_DIGITS.fullmatch(value) is not None


# --------------------------------------------------------------------------------------------
# Luhn, SIREN, SIRET, TVA
# --------------------------------------------------------------------------------------------


def luhn_ok(digits: str) -> bool:
    """Whether ``digits`` passes the Luhn mod-10 check used by SIREN and SIRET.

    Digits are doubled at odd positions counted from the right (check digit at 0), so the
    result is right for any length; snippets that double from the left only work for one parity
    (DOMAIN-FR.md §1.1). Returns False, rather than raising, for an empty or non-digit string:
    callers use it as a predicate.
    """
    if not _is_ascii_digits(digits):
        return False
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def _digits_only(raw: str, *, field: str, label: str, length: int) -> str:
    """Strip separators and check digits and length; shared by SIREN and SIRET."""
    value = _compact(raw)
    if not value:
        raise ValidationError(f"{field}_empty", "Le {label} est vide.", field=field, label=label)
    if not _is_ascii_digits(value):
        raise ValidationError(
            f"{field}_not_digits",
            "Le {label} « {value} » ne doit contenir que des chiffres.",
            field=field, label=label, value=raw.strip(),
        )
    if len(value) != length:
        raise ValidationError(
            f"{field}_length",
            "Le {label} « {value} » doit comporter {expected} chiffres ({length} saisi(s)).",
            field=field, label=label, value=raw.strip(), expected=length, length=len(value),
        )
    return value


def normalize_siren(raw: str) -> str:
    """Return the 9-digit SIREN stored for ``raw`` (e.g. ``"552 081 317"`` → ``"552081317"``).

    Stored as a string because leading zeros exist (``016750697``).

    Raises:
        ValidationError: empty, non-digit, not 9 digits, or failing the Luhn check.
    """
    value = _digits_only(raw, field="siren", label="SIREN", length=9)
    if not luhn_ok(value):
        raise ValidationError(
            "siren_checksum",
            "Le SIREN {value} est invalide : la clé de contrôle ne correspond pas.",
            field="siren", value=value,
        )
    return value


def _siret_checksum_ok(value: str) -> bool:
    if luhn_ok(value):
        return True
    # La Poste exception: the sum of the 14 digits must be a multiple of 5.
    return value.startswith(_LA_POSTE_SIREN) and sum(int(c) for c in value) % 5 == 0


def normalize_siret(raw: str) -> str:
    """Return the 14-digit SIRET stored for ``raw`` (SIREN + 5-digit NIC).

    Luhn over all 14 digits, except for La Poste (SIREN 356000000) whose establishments are
    valid when their digit sum is a multiple of 5 (DOMAIN-FR.md §1.3).

    Raises:
        ValidationError: empty, non-digit, not 14 digits, or failing the checksum.
    """
    value = _digits_only(raw, field="siret", label="SIRET", length=14)
    if not _siret_checksum_ok(value):
        raise ValidationError(
            "siret_checksum",
            "Le SIRET {value} est invalide : la clé de contrôle ne correspond pas.",
            field="siret", value=value,
        )
    return value


def siren_of_siret(siret: str) -> str:
    """The SIREN of the legal unit owning establishment ``siret`` (its first 9 digits).

    The SIRET is validated first, so a mistyped SIRET never yields a plausible-looking SIREN.

    Raises:
        ValidationError: ``siret`` is not a valid SIRET.
    """
    return normalize_siret(siret)[:9]


def tva_from_siren(siren: str) -> str:
    """The French intra-community VAT number derived from a SIREN (``FR`` + 2-digit key + SIREN).

    Key = ``(12 + 3 × (SIREN mod 97)) mod 97`` (DOMAIN-FR.md §1.4). Associations not liable to
    VAT have no meaningful VAT number, so callers should keep the field optional.

    Raises:
        ValidationError: ``siren`` is not a valid SIREN.
    """
    value = normalize_siren(siren)
    key = (12 + 3 * (int(value) % 97)) % 97
    return f"FR{key:02d}{value}"


# --------------------------------------------------------------------------------------------
# RNA, NAF
# --------------------------------------------------------------------------------------------

# Tolerant input rule: the third character may be A/B (Corsica, some overseas prefectures).
_RNA_TOLERANT = re.compile(r"W[0-9][0-9AB][0-9]{7}")
# What data.gouv.fr's fr-format accepts; anything else gets a warning, not a refusal.
_RNA_STRICT = re.compile(r"W[0-9]{9}")


def normalize_rna(raw: str) -> str:
    """Return the RNA number stored for ``raw`` (``"w751 515 517"`` → ``"W751515517"``).

    Input is upper-cased for the user's convenience: a lower-case ``w`` is an obvious typing
    slip, even though fr-format treats ``w143788974`` as invalid; the stored form is always
    upper case, so stored values do satisfy fr-format. The third character may be ``A`` or
    ``B`` (Corsica / overseas, DOMAIN-FR.md §1.5); see :func:`rna_warning` for those.

    Raises:
        ValidationError: empty, not starting with ``W``, wrong length, or bad characters.
    """
    value = _compact(raw).upper()
    shown = raw.strip()
    if not value:
        raise ValidationError("rna_empty", "Le numéro RNA est vide.", field="rna")
    if not value.startswith("W"):
        raise ValidationError(
            "rna_prefix",
            "Le numéro RNA « {value} » est invalide : il doit commencer par la lettre W.",
            field="rna", value=shown,
        )
    if len(value) != 10:
        raise ValidationError(
            "rna_length",
            "Le numéro RNA « {value} » est invalide : W suivi de 9 caractères attendu "
            "({length} caractère(s) après le W).",
            field="rna", value=shown, length=len(value) - 1,
        )
    if _RNA_TOLERANT.fullmatch(value) is None:
        raise ValidationError(
            "rna_format",
            "Le numéro RNA « {value} » est invalide : après le W, 9 chiffres sont attendus "
            "(seul le 2e peut être A ou B pour la Corse ou l'outre-mer).",
            field="rna", value=shown,
        )
    return value


def rna_warning(value: str) -> str | None:
    """A French warning when an accepted RNA number is not the usual ``W`` + 9 digits.

    Such numbers (Corsica, overseas) are accepted but rarer, so the user is asked to check
    them rather than blocked. ``value`` is normally the output of :func:`normalize_rna`;
    separators and case are tolerated anyway.
    """
    compact = _compact(value).upper()
    if _RNA_STRICT.fullmatch(compact) is not None:
        return None
    return (
        f"Le numéro RNA {compact} ne suit pas le format habituel (W suivi de 9 chiffres) : "
        "vérifiez-le (il peut être correct pour la Corse ou l'outre-mer)."
    )


_NAF = re.compile(r"([0-9]{2})\.?([0-9]{2})([A-Z])")


def normalize_naf(raw: str) -> str:
    """Return the NAF/APE code stored for ``raw``, in SIRENE's dotted form ``NN.NNL``.

    Accepts ``62.01Z``, ``6201Z`` and ``6201z``: forms and APIs drop the dot while SIRENE files
    keep it, and one stored form lets both be matched (DOMAIN-FR.md §1.6).

    Raises:
        ValidationError: the value is not a NAF sous-classe code.
    """
    value = _WHITESPACE.sub("", raw).upper()
    if not value:
        raise ValidationError("naf_empty", "Le code NAF est vide.", field="naf")
    match = _NAF.fullmatch(value)
    if match is None:
        raise ValidationError(
            "naf_format",
            "Le code NAF « {value} » est invalide : format attendu 62.01Z ou 6201Z "
            "(4 chiffres puis une lettre).",
            field="naf", value=raw.strip(),
        )
    division, rest, letter = match.groups()
    return f"{division}.{rest}{letter}"


# --------------------------------------------------------------------------------------------
# Postal code, INSEE commune code
# --------------------------------------------------------------------------------------------

_POSTAL_CODE = re.compile(r"[0-9]{5}")
# Département part of a COG commune code: 01–19, 2A/2B (Corsica), 21–95, 97x/98x (overseas).
_INSEE_CODE = re.compile(r"(?:0[1-9]|1[0-9]|2[1-9AB]|[3-8][0-9]|9[0-5]|9[78])[0-9]{3}")
_INSEE_SHAPE = re.compile(r"[0-9][0-9AB][0-9]{3}")


def normalize_postal_code(raw: str) -> str:
    """Return the 5-digit postal code stored for ``raw`` (``"59 000"`` → ``"59000"``).

    A postal code is not a commune identifier (one code can cover nine communes, one commune
    can have five codes), so nothing here relates it to an INSEE code (DOMAIN-FR.md §1.8).

    Raises:
        ValidationError: not exactly 5 digits.
    """
    value = _WHITESPACE.sub("", raw)
    if not value:
        raise ValidationError("postal_code_empty", "Le code postal est vide.",
                              field="postal_code")
    if _POSTAL_CODE.fullmatch(value) is None:
        raise ValidationError(
            "postal_code_format",
            "Le code postal « {value} » est invalide : 5 chiffres attendus.",
            field="postal_code", value=raw.strip(),
        )
    return value


def normalize_insee_code(raw: str) -> str:
    """Return the INSEE commune code (COG) stored for ``raw`` (``"2a004"`` → ``"2A004"``).

    Two characters of département (``2A``/``2B`` for Corsica, ``97x``/``98x`` overseas) then
    three digits. Never derived from a postal code: INSEE ``59650`` is Wattrelos while postal
    code ``59650`` is Villeneuve-d'Ascq (DOMAIN-FR.md §1.8). A code starting with ``20`` is
    refused with a hint, because that is the Corsican *postal* code typed in the wrong field.

    Raises:
        ValidationError: wrong shape or a département that does not exist.
    """
    value = _WHITESPACE.sub("", raw).upper()
    shown = raw.strip()
    if not value:
        raise ValidationError("insee_code_empty", "Le code commune INSEE est vide.",
                              field="insee_code")
    if _INSEE_SHAPE.fullmatch(value) is None:
        raise ValidationError(
            "insee_code_format",
            "Le code commune INSEE « {value} » est invalide : 5 caractères attendus "
            "(2 pour le département, 2A ou 2B en Corse, puis 3 chiffres).",
            field="insee_code", value=shown,
        )
    if value.startswith("20"):
        raise ValidationError(
            "insee_code_corsica",
            "Le code commune INSEE « {value} » est invalide : en Corse le département s'écrit "
            "2A ou 2B (un code en 20 est un code postal).",
            field="insee_code", value=shown,
        )
    if _INSEE_CODE.fullmatch(value) is None:
        raise ValidationError(
            "insee_code_department",
            "Le code commune INSEE « {value} » est invalide : le département {department} "
            "n'existe pas.",
            field="insee_code", value=shown, department=value[:2],
        )
    return value


# --------------------------------------------------------------------------------------------
# Phone
# --------------------------------------------------------------------------------------------

_PHONE_SEPARATORS = re.compile(r"[\s.\-/()]+")
_NATIONAL_SIGNIFICANT = re.compile(r"[1-9][0-9]{8}")


def normalize_phone(raw: str) -> str:
    """Return the E.164 form ``+33XXXXXXXXX`` stored for a French phone number.

    Accepts ``03 53 01 12 34`` (spaces, dots, dashes, slashes), ``+33 3 53 01 12 34``,
    ``+33 (0)3 53 01 12 34`` and ``0033 3 53 01 12 34``. Storing E.164 makes one number one
    string whatever way it was typed; display goes through :func:`format_phone_fr`.

    Only French ``+33`` numbers are accepted (ARCEP plan: ``0`` + 9 digits, first significant
    digit 1–9). Assumption: overseas departments' own country codes (+262, +590…) and foreign
    numbers are refused with a clear message rather than stored unchecked.

    Raises:
        ValidationError: empty, non-digit, not French, or wrong length or prefix.
    """
    shown = raw.strip()
    if not shown:
        raise ValidationError("phone_empty", "Le numéro de téléphone est vide.", field="phone")
    # "+33 (0)3 …" is a common way of writing the trunk prefix next to the country code.
    compact = _PHONE_SEPARATORS.sub("", shown.replace("(0)", ""))
    international = compact.startswith("+")
    digits = compact[1:] if international else compact
    if not _is_ascii_digits(digits):
        raise ValidationError(
            "phone_not_digits",
            "Le numéro de téléphone « {value} » contient des caractères autres que des "
            "chiffres.",
            field="phone", value=shown,
        )
    if international or digits.startswith("00"):
        country_and_number = digits if international else digits[2:]
        if not country_and_number.startswith("33"):
            raise ValidationError(
                "phone_not_french",
                "Le numéro de téléphone « {value} » n'est pas un numéro français : "
                "seul l'indicatif +33 est accepté.",
                field="phone", value=shown,
            )
        significant = country_and_number[2:]
        # "+33 03 …": the trunk 0 kept after the country code; drop it.
        if len(significant) == 10 and significant.startswith("0"):
            significant = significant[1:]
    elif digits.startswith("0"):
        if len(digits) != 10:
            raise ValidationError(
                "phone_length",
                "Le numéro de téléphone « {value} » doit comporter 10 chiffres "
                "(0X XX XX XX XX) ; {length} saisi(s).",
                field="phone", value=shown, length=len(digits),
            )
        significant = digits[1:]
    else:
        raise ValidationError(
            "phone_prefix",
            "Le numéro de téléphone « {value} » doit commencer par 0 (0X XX XX XX XX) "
            "ou par +33.",
            field="phone", value=shown,
        )
    if len(significant) != 9:
        raise ValidationError(
            "phone_length",
            "Le numéro de téléphone « {value} » doit comporter 9 chiffres après +33 ; "
            "{length} saisi(s).",
            field="phone", value=shown, length=len(significant),
        )
    if _NATIONAL_SIGNIFICANT.fullmatch(significant) is None:
        raise ValidationError(
            "phone_prefix",
            "Le numéro de téléphone « {value} » est invalide : après le 0 initial, le "
            "chiffre suivant doit être entre 1 et 9.",
            field="phone", value=shown,
        )
    return f"+33{significant}"


def format_phone_fr(e164: str) -> str:
    """Display a stored French number in national pairs: ``+33353011234`` → ``03 53 01 12 34``.

    Returns the value unchanged (stripped) when it is not a French number, so legacy or
    imported data still displays.
    """
    try:
        significant = normalize_phone(e164)[3:]
    except ValidationError:
        return e164.strip()
    national = "0" + significant
    return " ".join(national[i:i + 2] for i in range(0, 10, 2))


# --------------------------------------------------------------------------------------------
# IBAN and clé RIB
# --------------------------------------------------------------------------------------------

# IBAN lengths by country (ISO 13616 registry) [WK]: France and the countries a Lille-area CRM
# meets most. Other countries only get the generic 15–34 bound and the mod-97 check.
_IBAN_LENGTHS: dict[str, int] = {
    "FR": 27, "MC": 27, "BE": 16, "LU": 20, "DE": 22, "NL": 18, "CH": 21, "ES": 24,
    "IT": 27, "PT": 25, "GB": 22,
}
_IBAN_SHAPE = re.compile(r"[A-Z]{2}[0-9]{2}[A-Z0-9]+")
_IBAN_FR = re.compile(r"FR[0-9]{2}([0-9]{5})([0-9]{5})([0-9A-Z]{11})([0-9]{2})")
# Letters in a French account number (DOMAIN-FR.md §1.10): A,J→1; B,K,S→2; … I,R,Z→9.
_RIB_LETTERS = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "12345678912345678923456789"
)


def _iban_compact(raw: str) -> str:
    value = _compact(raw).upper()
    # People paste "IBAN FR76 …" from bank statements.
    if value.startswith("IBAN"):
        value = value[4:]
    return value


def _iban_mod97(value: str) -> int:
    rearranged = value[4:] + value[:4]
    # int(c, 36) maps 0–9 to themselves and A–Z to 10–35, as ISO 13616 requires.
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97


def _rib_key(bank: str, branch: str, account: str) -> int:
    numeric = (bank + branch + account).translate(_RIB_LETTERS)
    bank_n, branch_n, account_n = int(numeric[:5]), int(numeric[5:10]), int(numeric[10:])
    return 97 - ((89 * bank_n + 15 * branch_n + 3 * account_n) % 97)


def normalize_iban(raw: str) -> str:
    """Return the compact upper-case IBAN stored for ``raw`` (spaces and dashes removed).

    Checks the ISO 13616 mod-97 rule for every country, the length for known countries (27 for
    France) and, for French IBANs, the domestic clé RIB too: a real French IBAN always carries
    a correct clé RIB, so a mismatch means a crafted or corrupted value.

    Raises:
        ValidationError: bad characters, bad length, or a failing checksum.
    """
    value = _iban_compact(raw)
    shown = raw.strip()
    if not value:
        raise ValidationError("iban_empty", "L'IBAN est vide.", field="iban")
    if _IBAN_SHAPE.fullmatch(value) is None:
        raise ValidationError(
            "iban_format",
            "L'IBAN « {value} » est invalide : il doit commencer par 2 lettres (pays) et "
            "2 chiffres (clé), suivis de lettres et de chiffres uniquement.",
            field="iban", value=shown,
        )
    country = value[:2]
    expected = _IBAN_LENGTHS.get(country)
    if expected is not None and len(value) != expected:
        raise ValidationError(
            "iban_length",
            "L'IBAN « {value} » est invalide : {expected} caractères attendus pour le pays "
            "{country} ({length} saisis).",
            field="iban", value=shown, expected=expected, country=country, length=len(value),
        )
    if not 15 <= len(value) <= 34:
        raise ValidationError(
            "iban_length",
            "L'IBAN « {value} » est invalide : entre 15 et 34 caractères attendus "
            "({length} saisis).",
            field="iban", value=shown, length=len(value),
        )
    if _iban_mod97(value) != 1:
        raise ValidationError(
            "iban_checksum",
            "L'IBAN « {value} » est invalide : la clé de contrôle ne correspond pas.",
            field="iban", value=shown,
        )
    if country == "FR" and not rib_key_ok(value):
        raise ValidationError(
            "iban_rib_key",
            "L'IBAN « {value} » est invalide : la clé RIB ne correspond pas au compte.",
            field="iban", value=shown,
        )
    return value


def rib_key_ok(iban_fr: str) -> bool:
    """Whether the French clé RIB (last 2 digits) matches the bank, branch and account codes.

    ``clé = 97 − ((89 × banque + 15 × guichet + 3 × compte) mod 97)``, letters in the account
    mapped A,J→1 … I,R,Z→9 (DOMAIN-FR.md §1.10). Only the RIB key is checked here, not the
    IBAN check digits (see :func:`normalize_iban`).

    Raises:
        ValidationError: ``iban_fr`` is not shaped like a French IBAN (asking for the clé RIB
            of a foreign or truncated IBAN is a caller error, not a ``False``).
    """
    match = _IBAN_FR.fullmatch(_iban_compact(iban_fr))
    if match is None:
        raise ValidationError(
            "rib_not_french_iban",
            "« {value} » n'est pas un IBAN français : la clé RIB ne peut pas être vérifiée.",
            field="iban", value=iban_fr.strip(),
        )
    bank, branch, account, key = match.groups()
    return _rib_key(bank, branch, account) == int(key)


def format_iban(iban: str) -> str:
    """Display an IBAN in groups of 4 (``FR76 3000 6000 0112 3456 7890 189``); never raises."""
    value = _iban_compact(iban)
    return " ".join(value[i:i + 4] for i in range(0, len(value), 4))


# --------------------------------------------------------------------------------------------
# E-mail
# --------------------------------------------------------------------------------------------

_EMAIL_LOCAL = re.compile(r"[^\s@\"(),:;<>\[\]\\]+")
_EMAIL_LABEL = re.compile(r"[^\W_](?:[\w-]{0,61}[^\W_])?")


def normalize_email(raw: str) -> str:
    """Return ``raw`` stripped, with its domain lower-cased, after a light syntax check.

    Only the domain is lower-cased: domains are case-insensitive, while the local part may
    legally be case-sensitive (RFC 5321), so changing it could break delivery. The check is
    deliberately light (one ``@``, no spaces, a dotted domain): only sending proves an address.

    Raises:
        ValidationError: empty, not exactly one ``@``, or a malformed local part or domain.
    """
    value = raw.strip()
    if not value:
        raise ValidationError("email_empty", "L'adresse e-mail est vide.", field="email")
    if value.count("@") != 1:
        raise ValidationError(
            "email_at",
            "L'adresse e-mail « {value} » est invalide : elle doit contenir un seul @.",
            field="email", value=value,
        )
    local, domain = value.split("@")
    if (
        not local
        or len(local) > 64
        or _EMAIL_LOCAL.fullmatch(local) is None
        or local.startswith(".")
        or local.endswith(".")
        or ".." in local
    ):
        raise ValidationError(
            "email_local_part",
            "L'adresse e-mail « {value} » est invalide : la partie avant le @ est incorrecte.",
            field="email", value=value,
        )
    labels = domain.split(".")
    if (
        len(labels) < 2
        or len(domain) > 253
        or not all(_EMAIL_LABEL.fullmatch(label) for label in labels)
        or labels[-1].isdigit()
    ):
        raise ValidationError(
            "email_domain",
            "L'adresse e-mail « {value} » est invalide : le domaine après le @ est incorrect "
            "(ex. exemple.fr).",
            field="email", value=value,
        )
    result = f"{local}@{domain.lower()}"
    if len(result) > 254:
        raise ValidationError(
            "email_length",
            "L'adresse e-mail « {value} » est trop longue (254 caractères au plus).",
            field="email", value=value,
        )
    return result


# --------------------------------------------------------------------------------------------
# Display helpers
# --------------------------------------------------------------------------------------------


def format_siren(siren: str) -> str:
    """Display a SIREN in groups of 3 (``552 081 317``); other values come back unchanged."""
    value = _compact(siren)
    if len(value) != 9 or not _is_ascii_digits(value):
        return siren.strip()
    return f"{value[0:3]} {value[3:6]} {value[6:9]}"


def format_siret(siret: str) -> str:
    """Display a SIRET as SIREN groups plus NIC (``732 829 320 00074``); never raises."""
    value = _compact(siret)
    if len(value) != 14 or not _is_ascii_digits(value):
        return siret.strip()
    return f"{value[0:3]} {value[3:6]} {value[6:9]} {value[9:14]}"


def format_rna(rna: str) -> str:
    """Display an RNA number the fr-format way (``W751 515 517``); never raises."""
    value = _compact(rna).upper()
    if len(value) != 10 or not value.startswith("W"):
        return rna.strip()
    return f"{value[0:4]} {value[4:7]} {value[7:10]}"
