"""Import of the facilitator's own spreadsheets of organisations or contacts.

The same function makes the dry run and the import (:func:`import_sheet`): every row is
validated with the domain's normalisers (SIREN/SIRET/RNA checksums, postal codes, e-mail,
phone), each problem is reported with its line, its field and a French message, and only when
no row has an error is anything written — all rows in one transaction, through the change log
(:func:`~passerelle.store.changelog.bulk_create`, so the import syncs like typing would), or
nothing at all. A cancelled import writes nothing either.

Duplicates (:mod:`passerelle.services.duplicates`) are handled row by row, against the database
and against the earlier rows of the file:

- a *certain* duplicate — same SIRET or RNA number, same SIREN when the row has no SIRET, or
  the very same name in the same commune — is not created again: the row is skipped with a
  warning naming the existing organisation (re-importing a spreadsheet is harmless);
- a *close* name in the same commune is created but flagged, so the facilitator can check it and
  « Fusionner » if needed.

Contacts name their organisation: an existing one with the same name (folded: « Cœur et
Solidarité » finds « Cœur & Solidarité ») is linked, otherwise it is created (with the default
kind) and reported. A contact with the same e-mail as an existing contact or an earlier row is
skipped. Imported contacts record where their data came from (RGPD: « Import du fichier … »).

Columns are mapped to fields automatically from their header (French synonyms: « Raison
sociale », « CP », « Ville », « Courriel », « Tél. »…), and the mapping can be changed
(:func:`auto_mapping`, ``mapping`` = field → column index).
"""

from __future__ import annotations

import re
import threading
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import Connection, String, select, type_coerce

from passerelle.domain import validators as v
from passerelle.domain.errors import ValidationError
from passerelle.domain.ids import link_id, new_id
from passerelle.domain.text import fold
from passerelle.domain.vocabulary import CompanySize, LegalBasis, OrganisationKind
from passerelle.services.directory import communes
from passerelle.services.duplicates import (
    REASON_NAME,
    DuplicateIndex,
    OrganisationCandidate,
    comparable_commune,
    comparable_name,
)
from passerelle.services.spreadsheets import Cancelled, Sheet
from passerelle.store import changelog
from passerelle.store.database import Database
from passerelle.store.models import Contact, ContactOrganisation, Organisation

ORGANISATIONS, CONTACTS = "organisations", "contacts"
KINDS = (ORGANISATIONS, CONTACTS)
ERROR, WARNING = "error", "warning"


@dataclass(frozen=True, slots=True)
class ImportField:
    """A field a column can feed: its key, French label and the headers that mean it."""

    key: str
    label: str
    synonyms: tuple[str, ...]
    required: bool = False


_EMAIL = ("courriel", "email", "e mail", "mail", "adresse mail", "adresse e mail",
          "adresse email", "adresse electronique", "mel")
_PHONE = ("telephone", "tel", "phone", "numero de telephone", "telephone fixe", "tel fixe",
          "standard")

ORGANISATION_FIELDS: tuple[ImportField, ...] = (
    ImportField("name", "Nom", ("nom", "raison sociale", "denomination", "nom de l organisation",
                                "nom de la structure", "nom de l association",
                                "nom de l entreprise", "structure", "organisation",
                                "organisme", "societe", "enseigne"), required=True),
    ImportField("kind", "Type", ("type", "type d organisation", "type de structure",
                                 "categorie", "nature")),
    ImportField("siren", "SIREN", ("siren", "n siren", "numero siren", "no siren")),
    ImportField("siret", "SIRET", ("siret", "n siret", "numero siret", "no siret")),
    ImportField("rna", "N° RNA", ("rna", "n rna", "numero rna", "no rna", "numero w",
                                  "identifiant rna", "n w")),
    ImportField("naf", "Code NAF", ("naf", "code naf", "ape", "code ape", "naf ape",
                                    "code naf ape")),
    ImportField("size", "Taille", ("taille", "taille entreprise", "categorie d entreprise")),
    ImportField("address", "Adresse", ("adresse", "adresse postale", "rue", "voie",
                                       "adresse 1", "adresse ligne 1")),
    ImportField("postal_code", "Code postal", ("code postal", "cp", "c p", "postal")),
    ImportField("commune", "Commune", ("commune", "ville", "localite", "ville commune")),
    ImportField("commune_insee", "Code INSEE", ("code insee", "insee", "code commune",
                                                "code commune insee")),
    ImportField("website", "Site web", ("site web", "site", "site internet", "url", "web")),
    ImportField("email", "Courriel", _EMAIL),
    ImportField("phone", "Téléphone", _PHONE),
    ImportField("description", "Description", ("description", "objet", "activite",
                                               "activites", "presentation", "commentaire",
                                               "commentaires")),
    ImportField("themes", "Thèmes", ("themes", "theme", "thematique", "thematiques",
                                     "domaines", "domaine d action")),
)

CONTACT_FIELDS: tuple[ImportField, ...] = (
    ImportField("last_name", "Nom", ("nom", "nom de famille", "nom du contact"), required=True),
    ImportField("first_name", "Prénom", ("prenom", "prenom du contact")),
    ImportField("title", "Fonction", ("fonction", "poste", "titre", "qualite")),
    ImportField("organisation", "Organisation", ("organisation", "structure", "entreprise",
                                                 "association", "societe", "raison sociale",
                                                 "employeur", "organisme")),
    ImportField("role", "Rôle", ("role", "role dans la structure")),
    ImportField("email", "Courriel", _EMAIL),
    ImportField("phone", "Téléphone", _PHONE),
    ImportField("mobile", "Portable", ("portable", "mobile", "telephone portable",
                                       "tel portable", "gsm", "telephone mobile")),
    ImportField("notes", "Notes", ("notes", "commentaire", "commentaires", "remarques")),
)

FIELDS = {ORGANISATIONS: ORGANISATION_FIELDS, CONTACTS: CONTACT_FIELDS}

_KIND_WORDS = {
    "asso": OrganisationKind.ASSOCIATION, "association loi 1901": OrganisationKind.ASSOCIATION,
    "societe": OrganisationKind.COMPANY, "entreprises": OrganisationKind.COMPANY,
    "collectivite": OrganisationKind.PUBLIC_BODY, "mairie": OrganisationKind.PUBLIC_BODY,
    "commune": OrganisationKind.PUBLIC_BODY, "pouvoir public": OrganisationKind.PUBLIC_BODY,
    "reseau": OrganisationKind.NETWORK, "tete de reseau": OrganisationKind.NETWORK,
    "fondation": OrganisationKind.FOUNDATION,
}


def _header_key(text: str) -> str:
    """« N° SIRET » → « n siret », « E-mail » → « e mail », « Tél. » → « tel »."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", fold(text).replace("°", " ")).split())


def auto_mapping(kind: str, headers: tuple[str, ...] | list[str]) -> dict[str, int]:
    """Field → column index, guessed from the headers (exact synonyms, then contained words)."""
    keys = [_header_key(h) for h in headers]
    mapping: dict[str, int] = {}
    used: set[int] = set()
    for exact in (True, False):
        for spec in FIELDS[_check_kind(kind)]:
            if spec.key in mapping:
                continue
            for col, key in enumerate(keys):
                if col in used or not key:
                    continue
                hit = key in spec.synonyms if exact else any(
                    f" {s} " in f" {key} " for s in spec.synonyms if len(s) > 3)
                if hit:
                    mapping[spec.key] = col
                    used.add(col)
                    break
    return mapping


def mapping_from_names(kind: str, headers: tuple[str, ...],
                       names: Mapping[str, str | int]) -> dict[str, int]:
    """A mapping given as field → header name (or column number from 1), checked."""
    known = {f.key for f in FIELDS[_check_kind(kind)]}
    out: dict[str, int] = {}
    for key, column in names.items():
        if key not in known:
            raise ValidationError("import_unknown_field", "Champ inconnu dans la "
                                  "correspondance : {name} (attendus : {known}).", field=key,
                                  name=key, known=", ".join(sorted(known)))
        if isinstance(column, int):
            if not 1 <= column <= len(headers):
                raise ValidationError("import_bad_column", "Colonne {column} absente du "
                                      "fichier.", field=key, column=str(column))
            out[key] = column - 1
        elif column in headers:
            out[key] = headers.index(column)
        else:
            raise ValidationError("import_bad_column", "Colonne {column} absente du fichier.",
                                  field=key, column=str(column))
    return out


# --- Report ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Problem:
    """One line of the report: where (line, field label) and what (a French message)."""

    line: int
    field: str
    severity: str  # ERROR blocks the import; WARNING is information
    message_key: str
    template: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> str:
        try:
            return self.template.format(**self.params)
        except (KeyError, IndexError):
            return self.template


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What the import did (or, for a dry run, would do)."""

    kind: str
    rows: int  # data rows read
    created: int  # organisations or contacts created (or to create)
    skipped: int  # rows not imported because they already exist
    organisations_created: int  # contacts import: organisations created for them
    links: int  # contacts import: links to an organisation
    problems: tuple[Problem, ...]
    written: bool  # False for a dry run or when errors stopped the import

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == WARNING)

    @property
    def ok(self) -> bool:
        return not self.errors

    def lines(self) -> list[str]:
        """The report as text lines (CLI): one per problem, then the counts."""
        out = [f"ligne {p.line} ; {p.field or '-'} ; "
               f"{'erreur' if p.severity == ERROR else 'avertissement'} ; {p.message}"
               for p in self.problems]
        return out


class _Rows:
    """Collects problems while rows are checked.

    Problems are given as :class:`ValidationError` objects (not raised): their French
    templates are then found by the translation extraction like every other error's.
    """

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.line_has_error = False

    def _add(self, line: int, label: str, severity: str, exc: ValidationError) -> None:
        params = {k: v for k, v in exc.params.items() if k != "field"}
        self.problems.append(Problem(line, label, severity, exc.message_key, exc.template,
                                     params))

    def error(self, line: int, label: str, exc: ValidationError) -> None:
        self._add(line, label, ERROR, exc)
        self.line_has_error = True

    def warn(self, line: int, label: str, exc: ValidationError) -> None:
        self._add(line, label, WARNING, exc)

    def from_validation(self, line: int, label: str, exc: ValidationError) -> None:
        self.error(line, label, exc)


def _check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise ValidationError("import_bad_kind", "Type d'import inconnu : {kind} (attendu : "
                              "organisations ou contacts).", field="kind", kind=kind)
    return kind


# --- Entry point -----------------------------------------------------------------------------


def import_sheet(db: Database, sheet: Sheet, kind: str, mapping: Mapping[str, int] | None = None,
                 *, default_kind: str = OrganisationKind.ASSOCIATION.value,
                 dry_run: bool = False, progress: Callable[[int, int], None] | None = None,
                 cancel: threading.Event | None = None,
                 today: date | None = None) -> ImportReport:
    """Check every row of ``sheet``; unless ``dry_run`` or an error, import them all at once.

    ``mapping`` maps field keys to column indexes (default: :func:`auto_mapping`);
    ``default_kind`` is the kind of organisations whose row says nothing (an RNA number makes
    an association, a SIREN/SIRET a company).
    """
    _check_kind(kind)
    if mapping is None:
        mapping = auto_mapping(kind, sheet.headers)
    required = [f for f in FIELDS[kind] if f.required and f.key not in mapping]
    if required:
        raise ValidationError("import_required_column", "Choisissez la colonne du champ "
                              "« {label} » : il est obligatoire.", field=required[0].key,
                              label=required[0].label)
    try:
        default = OrganisationKind(default_kind)
    except ValueError:
        raise ValidationError("bad_kind", "Type d'organisation inconnu : {value}",
                              field="kind", value=default_kind) from None
    planner = _plan_organisations if kind == ORGANISATIONS else _plan_contacts
    ctx = _Context(sheet, mapping, default, progress, cancel, today or date.today())
    if dry_run:
        with db.read() as s:
            return planner(ctx, s.connection(), None)
    with db.write() as s:
        return planner(ctx, s.connection(), s)  # writes only when no row has an error


@dataclass
class _Context:
    sheet: Sheet
    mapping: Mapping[str, int]
    default_kind: OrganisationKind
    progress: Callable[[int, int], None] | None
    cancel: threading.Event | None
    today: date

    def cell(self, row: tuple[str, ...], key: str) -> str:
        col = self.mapping.get(key)
        if col is None or col >= len(row):
            return ""
        return row[col].strip()

    def tick(self, i: int) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise Cancelled("cancelled", "Opération annulée : rien n'a été modifié.")
        if self.progress is not None and i % 200 == 0:
            self.progress(i, len(self.sheet.rows))


_LABELS = {f.key: f.label for specs in FIELDS.values() for f in specs}
_NORMALISERS: dict[str, Callable[[str], str]] = {
    "siren": v.normalize_siren, "siret": v.normalize_siret, "rna": v.normalize_rna,
    "naf": v.normalize_naf, "postal_code": v.normalize_postal_code,
    "commune_insee": v.normalize_insee_code, "email": v.normalize_email,
    "phone": v.normalize_phone, "mobile": v.normalize_phone,
}


def _normalised(ctx: _Context, rows: _Rows, line: int, row: tuple[str, ...], key: str,
                label_key: str | None = None) -> str | None:
    raw = ctx.cell(row, key)
    if not raw:
        return None
    try:
        return _NORMALISERS[key](raw)
    except ValidationError as exc:
        rows.from_validation(line, _LABELS[label_key or key], exc)
        return None


def _parse_kind(text: str) -> OrganisationKind | None:
    folded = _header_key(text)
    for member in OrganisationKind:
        if folded in (_header_key(member.value), _header_key(member.label)):
            return member
    return _KIND_WORDS.get(folded)


def _parse_size(text: str) -> CompanySize | None:
    folded = _header_key(text)
    for member in CompanySize:
        if folded in (_header_key(member.value), _header_key(member.label)):
            return member
    return None


@cache
def _communes_by_key() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]],
                                dict[str, list[tuple[str, str]]]]:
    """The metropolis' communes by INSEE code, by folded name and by postal code."""
    by_insee = {c.insee: (c.insee, c.name) for c in communes()}
    by_name = {comparable_commune(c.name): (c.insee, c.name) for c in communes()}
    by_cp: dict[str, list[tuple[str, str]]] = {}
    for c in communes():
        for cp in c.postal_codes:
            by_cp.setdefault(cp, []).append((c.insee, c.name))
    return by_insee, by_name, by_cp


def _commune(name: str | None, insee: str | None, postal_code: str | None
             ) -> tuple[str | None, str | None]:
    """(INSEE code, name) — resolved through the metropolis' list when possible."""
    by_insee, by_name, by_cp = _communes_by_key()
    if insee and insee in by_insee:
        return by_insee[insee]
    if name:
        return by_name.get(comparable_commune(name), (insee, name))
    if postal_code and len(by_cp.get(postal_code, ())) == 1:
        found_insee, found_name = by_cp[postal_code][0]
        return insee or found_insee, found_name
    return insee, None


# --- Organisations ---------------------------------------------------------------------------


def _plan_organisations(ctx: _Context, conn: Connection, session: Any) -> ImportReport:
    rows = _Rows()
    index = DuplicateIndex.load(conn)
    first_line: dict[str, int] = {}
    to_create: list[dict[str, Any]] = []
    skipped = 0
    for i, (line, row) in enumerate(zip(ctx.sheet.lines, ctx.sheet.rows, strict=True)):
        ctx.tick(i)
        rows.line_has_error = False
        name = " ".join(ctx.cell(row, "name").split())
        if not name:
            rows.error(line, "Nom", ValidationError("import_name_missing", "Le nom est vide."))
        values: dict[str, Any] = {"name": name}
        for key in ("siren", "siret", "rna", "naf", "postal_code", "commune_insee", "email",
                    "phone"):
            values[key] = _normalised(ctx, rows, line, row, key)
        if values["siret"] and values["siren"] and values["siret"][:9] != values["siren"]:
            rows.error(line, "SIRET", ValidationError("siret_siren_mismatch",
                       "Le SIRET {siret} n'appartient pas au SIREN {siren}.",
                       siret=values["siret"], siren=values["siren"]))
        if values["siret"] and not values["siren"]:
            values["siren"] = values["siret"][:9]
        if values["rna"] and v.rna_warning(values["rna"]):
            rows.warn(line, "N° RNA", ValidationError(
                "rna_warning", "Le numéro RNA {rna} ne suit pas le format habituel (W suivi "
                "de 9 chiffres) : vérifiez-le (il peut être correct pour la Corse ou "
                "l'outre-mer).", rna=values["rna"]))
        kind_text = ctx.cell(row, "kind")
        kind = _parse_kind(kind_text) if kind_text else None
        if kind_text and kind is None:
            rows.error(line, "Type", ValidationError("import_bad_kind_value",
                       "Type inconnu : « {value} » (attendu : association, entreprise, "
                       "collectivité, réseau ou fondation).", value=kind_text))
        if kind is None:
            kind = (OrganisationKind.ASSOCIATION if values["rna"] else
                    OrganisationKind.COMPANY if values["siren"] else ctx.default_kind)
        size_text = ctx.cell(row, "size")
        size = _parse_size(size_text) if size_text else None
        if size_text and size is None:
            rows.error(line, "Taille", ValidationError("import_bad_size",
                       "Taille inconnue : « {value} » (attendu : TPE, PME, ETI ou GE).",
                       value=size_text))
        insee, commune_name = _commune(ctx.cell(row, "commune") or None,
                                       values["commune_insee"], values["postal_code"])
        themes = sorted({t.strip().lower() for t in re.split(r"[,;/]", ctx.cell(row, "themes"))
                         if t.strip()})
        values.update(kind=kind.value, size=size.value if size else None,
                      commune_insee=insee, commune_name=commune_name,
                      address=ctx.cell(row, "address") or None,
                      website=ctx.cell(row, "website") or None,
                      description=ctx.cell(row, "description") or None, themes=themes)
        if rows.line_has_error:
            continue
        candidate = OrganisationCandidate(name, kind.value, values["siren"], values["siret"],
                                          values["rna"], insee, commune_name,
                                          values["postal_code"])
        found = index.find(candidate, limit=1)
        if found:
            best = found[0]
            earlier = first_line.get(str(best.id))
            other_site = (best.reason == "siren" and bool(values["siret"]) and bool(best.siret))
            certain = (best.score == 100  # the same name once folded, in the same place
                       if best.reason == REASON_NAME else not other_site)
            if certain:
                skipped += 1
                if earlier is not None:
                    rows.warn(line, "Nom", ValidationError("import_duplicate_row",
                              "Même organisation qu'à la ligne {other} : ligne ignorée.",
                              other=earlier))
                else:
                    rows.warn(line, "Nom", ValidationError("import_already_present",
                              "« {name} » existe déjà : ligne ignorée.", name=best.name))
                continue
            if other_site:
                rows.warn(line, "SIRET", ValidationError("import_same_siren",
                          "Même SIREN que « {name} » (autre établissement) : doublon possible, "
                          "vérifiez après l'import.", name=best.name))
            elif earlier is not None:
                rows.warn(line, "Nom", ValidationError("import_close_row",
                          "Nom proche de la ligne {other} dans la même commune : doublon "
                          "possible, vérifiez après l'import.", other=earlier))
            else:
                rows.warn(line, "Nom", ValidationError("import_close_existing",
                          "Nom proche de « {name} », déjà enregistrée dans la même commune : "
                          "doublon possible, vérifiez après l'import.", name=best.name))
        row_id = new_id()
        index.add(row_id, candidate)
        first_line[str(row_id)] = line
        values["id"] = row_id
        to_create.append(values)
    ok = not any(p.severity == ERROR for p in rows.problems)
    written = False
    if ok and session is not None and to_create:
        changelog.bulk_create(session, Organisation, to_create)
        written = True
    if ctx.progress is not None:
        ctx.progress(len(ctx.sheet.rows), len(ctx.sheet.rows))
    return ImportReport(ORGANISATIONS, len(ctx.sheet.rows), len(to_create), skipped, 0, 0,
                        tuple(rows.problems), written)


# --- Contacts --------------------------------------------------------------------------------


def _person_key(first: str | None, last: str | None, organisation: str | None
                ) -> tuple[str, str, str]:
    """A person as compared: folded first and last names and organisation name."""
    return (" ".join(fold(first).split()), " ".join(fold(last).split()),
            comparable_name(organisation) if organisation else "")


def _plan_contacts(ctx: _Context, conn: Connection, session: Any) -> ImportReport:
    rows = _Rows()
    orgs_by_name: dict[str, uuid.UUID] = {}
    for org_id, name in conn.execute(select(type_coerce(Organisation.id, String),
                                            Organisation.name)
                                     .where(Organisation.deleted.is_(False))
                                     .order_by(Organisation.name)):
        orgs_by_name.setdefault(comparable_name(name), uuid.UUID(org_id))
    emails: dict[str, int] = {e.casefold(): 0 for e in conn.execute(
        select(Contact.email).where(Contact.deleted.is_(False), Contact.email.is_not(None)))
        .scalars()}
    people: dict[tuple[str, str, str], int] = {}
    link, org = ContactOrganisation, Organisation
    for first, last, org_name in conn.execute(
            select(Contact.first_name, Contact.last_name, org.name)
            .outerjoin(link, (link.contact_id == Contact.id) & link.deleted.is_(False))
            .outerjoin(org, (org.id == link.organisation_id) & org.deleted.is_(False))
            .where(Contact.deleted.is_(False))):
        people.setdefault(_person_key(first, last, org_name), 0)
    index = DuplicateIndex.load(conn)
    new_orgs: dict[str, dict[str, Any]] = {}
    contacts: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    skipped = 0
    origin = "Import du fichier " + ctx.sheet.path.name
    for i, (line, row) in enumerate(zip(ctx.sheet.lines, ctx.sheet.rows, strict=True)):
        ctx.tick(i)
        rows.line_has_error = False
        last = " ".join(ctx.cell(row, "last_name").split())
        if not last:
            rows.error(line, "Nom", ValidationError("import_last_name_missing",
                                                    "Le nom de famille est vide."))
        values: dict[str, Any] = {
            "last_name": last, "first_name": " ".join(ctx.cell(row, "first_name").split()),
            "title": ctx.cell(row, "title") or None, "notes": ctx.cell(row, "notes") or None,
        }
        for key in ("email", "phone", "mobile"):
            values[key] = _normalised(ctx, rows, line, row, key)
        if rows.line_has_error:
            continue
        email = values["email"].casefold() if values["email"] else None
        if email and email in emails:
            skipped += 1
            if emails[email]:
                rows.warn(line, "Courriel", ValidationError("import_contact_duplicate_row",
                          "Même courriel qu'à la ligne {other} : ligne ignorée.",
                          other=emails[email]))
            else:
                rows.warn(line, "Courriel", ValidationError("import_contact_exists",
                          "Un contact avec le courriel {email} existe déjà : ligne ignorée.",
                          email=values["email"]))
            continue
        org_name = " ".join(ctx.cell(row, "organisation").split())
        person = _person_key(values["first_name"], last, org_name)
        if person in people:
            skipped += 1
            full_name = f"{values['first_name']} {last}".strip()
            if people[person]:
                rows.warn(line, "Nom", ValidationError(
                    "import_person_duplicate_row",
                    "Même personne qu'à la ligne {other} : ligne ignorée.",
                    other=people[person]))
            else:
                rows.warn(line, "Nom", ValidationError(
                    "import_person_exists",
                    "{name} existe déjà dans les contacts (même organisation) : ligne ignorée.",
                    name=full_name))
            continue
        contact_id = new_id()
        values.update(id=contact_id, legal_basis=LegalBasis.LEGITIMATE_INTEREST.value,
                      collected_from=origin[:200], collected_on=ctx.today)
        contacts.append(values)
        people[person] = line
        if email:
            emails[email] = line
        if org_name:
            key = comparable_name(org_name)
            org_id = orgs_by_name.get(key)
            if org_id is None:
                org_id = new_id()
                orgs_by_name[key] = org_id
                new_orgs[key] = {"id": org_id, "name": org_name,
                                 "kind": ctx.default_kind.value}
                close = index.find(OrganisationCandidate(org_name), limit=1)
                if close:
                    rows.warn(line, "Organisation", ValidationError(
                        "import_org_created_close", "Organisation « {name} » introuvable : "
                        "elle sera créée. Nom proche de « {other} » : vérifiez qu'il ne s'agit "
                        "pas de la même.", name=org_name, other=close[0].name))
                else:
                    rows.warn(line, "Organisation", ValidationError(
                        "import_org_created",
                        "Organisation « {name} » introuvable : elle sera créée.",
                        name=org_name))
            links.append({"id": link_id(contact_id, org_id), "contact_id": contact_id,
                          "organisation_id": org_id, "role": ctx.cell(row, "role") or None,
                          "is_primary": True})
    ok = not any(p.severity == ERROR for p in rows.problems)
    written = False
    if ok and session is not None and contacts:
        changelog.bulk_create(session, Organisation, list(new_orgs.values()))
        changelog.bulk_create(session, Contact, contacts)
        changelog.bulk_create(session, ContactOrganisation, links)
        written = True
    if ctx.progress is not None:
        ctx.progress(len(ctx.sheet.rows), len(ctx.sheet.rows))
    return ImportReport(CONTACTS, len(ctx.sheet.rows), len(contacts), skipped, len(new_orgs),
                        len(links), tuple(rows.problems), written)




__all__ = [
    "CONTACTS",
    "CONTACT_FIELDS",
    "ERROR",
    "FIELDS",
    "KINDS",
    "ORGANISATIONS",
    "ORGANISATION_FIELDS",
    "WARNING",
    "ImportField",
    "ImportReport",
    "Problem",
    "auto_mapping",
    "import_sheet",
    "mapping_from_names",
]
