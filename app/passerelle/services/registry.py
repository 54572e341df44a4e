"""The local registry as the Registre view and scripts see it: list, detail, adoption.

The list is a :class:`RegistryRows` row source (ids first, values by blocks) over
``registry_entry``; the free text goes through the contentless ``registry_fts`` index (folded:
« coeur » finds « CŒUR », « ecole » finds « ÉCOLE »), filters are plain indexed columns.

Adopting an entry creates a CRM organisation prefilled from it and linked by SIREN/SIRET/RNA,
through :mod:`passerelle.services.organisations` (so the change log records it and it syncs).
When the CRM already holds an organisation with the same SIRET, SIREN or RNA number,
:func:`adopt_entry` raises :class:`AlreadyAdopted` naming it, so the user opens the existing
one instead of creating a duplicate (``force=True`` creates anyway, on explicit request).
"""

from __future__ import annotations

import uuid
from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, func, literal_column, or_, select, table
from sqlalchemy import column as sql_column

from passerelle.domain.errors import NotFound, PasserelleError
from passerelle.domain.vocabulary import CompanySize, OrganisationKind
from passerelle.services import organisations as org_service
from passerelle.services.lists import ListQuery, ListRow
from passerelle.services.registry_import import mel_communes
from passerelle.store.database import Database
from passerelle.store.models import Organisation, RegistryEntry, RegistryImport
from passerelle.store.search import match_expression

_MAX_IN = 900
_fts = table("registry_fts", sql_column("rowid"))

#: Size brackets (``tranche d'effectifs``, DOMAIN-FR.md §2.2) in display order.
SIZE_BRACKETS: tuple[str, ...] = ("NN", "00", "01", "02", "03", "11", "12", "21", "22", "31",
                                  "32", "41", "42", "51", "52", "53")
#: Brackets of fewer than 10 employees: a PME there is shown as a TPE in the CRM.
_UNDER_TEN = frozenset({"NN", "00", "01", "02", "03"})


@dataclass(frozen=True, slots=True)
class RegistryEntryDTO:
    """One registry entry, as the detail panel shows it."""

    id: int
    source: str
    identifier: str
    siren: str | None
    siret: str | None
    rna: str | None
    name: str
    acronym: str | None
    naf: str | None
    legal_form: str | None
    size_bracket: str | None
    size_year: int | None
    category: str | None
    category_year: int | None
    ess: bool
    head_office: bool | None
    address: str | None
    postal_code: str | None
    commune_insee: str | None
    commune_name: str | None
    objet: str | None
    objet_social1: str | None
    objet_social2: str | None
    website: str | None
    created_on: str | None
    vintage: str


@dataclass(frozen=True, slots=True)
class SourceStatus:
    """The last import of one source (None fields: never imported)."""

    source: str
    entries: int
    vintage: str | None
    imported_at: datetime | None


@dataclass(frozen=True, slots=True)
class AdoptedMatch:
    """A CRM organisation that already carries one of the entry's identifiers."""

    organisation_id: uuid.UUID
    name: str
    commune_name: str | None
    matched_on: str  # "siret", "siren", "rna", or "name" (a close name in the same commune)


class AlreadyAdopted(PasserelleError):
    """The entry's SIRET, SIREN or RNA number is already on a CRM organisation."""

    def __init__(self, matches: Sequence[AdoptedMatch]) -> None:
        self.matches = tuple(matches)
        super().__init__(
            "registry_already_adopted",
            "« {name} » est déjà dans vos organisations : ouvrez sa fiche plutôt que d'en "
            "créer un doublon.",
            name=self.matches[0].name)


# --- The list ------------------------------------------------------------------------------------


class RegistryRows:
    """Registry entries: name, commune, identifier, NAF, size bracket, (category, ESS).

    The identifier tells the source apart (an RNA number starts with W); the category column
    carries the pair ``(category, ess)`` so the list shows « PME · ESS » in one column.

    Filters: ``source`` (sirene/rna), ``commune_insee``, ``naf`` (a code or its prefix, with or
    without the dot: « 62 », « 62.01 », « 6201Z »), ``size_bracket`` (a code or a collection),
    ``category`` (PME/ETI/GE), ``ess`` (True).
    """

    columns: tuple[str, ...] = ("name", "commune_name", "identifier", "naf", "size_bracket",
                                "category")

    def __init__(self, db: Database) -> None:
        self._db = db
        self._t = RegistryEntry.__table__

    def _where(self, query: ListQuery) -> list[ColumnElement[bool]]:
        t = self._t.c
        clauses: list[ColumnElement[bool]] = []
        expr = match_expression(query.text)
        if expr is not None:
            clauses.append(t.id.in_(select(_fts.c.rowid).where(
                literal_column("registry_fts").op("MATCH")(expr))))
        f = query.filters
        if f.get("source"):
            clauses.append(t.source == str(f["source"]))
        if f.get("commune_insee"):
            clauses.append(t.commune_insee == str(f["commune_insee"]))
        if f.get("naf"):
            clauses.append(_naf_clause(t.naf, str(f["naf"])))
        if f.get("size_bracket"):
            value = f["size_bracket"]
            clauses.append(t.size_bracket.in_(list(value)) if isinstance(value, (list, tuple,
                           set, frozenset)) else t.size_bracket == str(value))
        if f.get("category"):
            clauses.append(t.category == str(f["category"]))
        if f.get("ess"):
            clauses.append(t.ess.is_(True))
        return clauses

    def ids_select(self, query: ListQuery) -> Select[Any]:
        t = self._t.c
        where = self._where(query)
        # Unfiltered, the name order is read from its index. Filtered, SQLite would still walk
        # that index and test every row (1 s for 150,000 rows against 50 ms): « +sort_key »
        # makes it filter first, then sort the few rows left.
        name: Any = literal_column("+registry_entry.sort_key") if where else t.sort_key
        sorts: Mapping[str, Sequence[Any]] = {
            "name": (name,),
            "commune_name": (func.coalesce(t.commune_name, ""), t.sort_key),
            "identifier": (t.identifier,),
            "naf": (func.coalesce(t.naf, ""), t.sort_key),
            "size_bracket": (func.coalesce(t.size_bracket, ""), t.sort_key),
            "category": (func.coalesce(t.category, ""), t.ess.desc(), t.sort_key),
        }
        keys = sorts.get(query.sort_key or "name", sorts["name"])
        order = [k.desc() if query.descending else k.asc() for k in keys]
        order.append(t.id.desc() if query.descending else t.id.asc())
        return select(t.id).where(*where).order_by(*order)

    def ids(self, query: ListQuery) -> array:  # type: ignore[type-arg]
        """The ordered ids, read straight from the driver's cursor.

        Result-row processing costs more than SQLite itself for 150,000 ids (≈ 0.5 s against
        0.3 s here): the compiled SELECT runs on the DBAPI connection instead.
        """
        compiled = self.ids_select(query).compile(
            dialect=self._db.engine.dialect, compile_kwargs={"render_postcompile": True})
        params = tuple(compiled.params[k] for k in compiled.positiontup or ())
        with self._db.engine.connect() as conn:
            cursor = conn.connection.driver_connection.execute(  # type: ignore[union-attr]
                str(compiled), params)
            return array("q", [rid for (rid,) in cursor])

    def rows(self, rowids: Sequence[int]) -> dict[int, ListRow]:
        t = self._t.c
        out: dict[int, ListRow] = {}
        wanted = list(dict.fromkeys(int(r) for r in rowids))
        with self._db.engine.connect() as conn:
            for start in range(0, len(wanted), _MAX_IN):
                chunk = wanted[start:start + _MAX_IN]
                stmt = select(t.id, t.name, t.commune_name, t.identifier, t.naf,
                              t.size_bracket, t.category, t.ess).where(t.id.in_(chunk))
                for rid, name, commune, ident, naf, bracket, category, ess in conn.execute(
                        stmt):
                    # Registry rows have no UUID: the row's id is its integer id.
                    out[int(rid)] = ListRow(int(rid), rid, (
                        name, commune, ident, naf, bracket, (category, bool(ess))))
        return out

    def rowid_of(self, row_id: Any) -> int | None:
        try:
            return int(row_id)
        except (TypeError, ValueError):
            return None


def _naf_clause(col: Any, raw: str) -> ColumnElement[bool]:
    """NAF filter: an exact code, or a prefix (« 62 », « 62.0 », « 6201 » → « 62.01 »)."""
    compact = raw.strip().upper().replace(".", "").replace(" ", "")
    dotted = compact[:2] + ("." + compact[2:] if len(compact) > 2 else "")
    if len(compact) == 5:
        clause: ColumnElement[bool] = col == dotted
        return clause
    return col.like(dotted.replace("%", "").replace("_", "") + "%")


# --- Detail, status, options ---------------------------------------------------------------------


def get_entry(db: Database, entry_id: int) -> RegistryEntryDTO:
    """One entry by id.

    Raises:
        NotFound: no such entry (it went with a re-import of its source).
    """
    with db.read() as s:
        e = s.get(RegistryEntry, int(entry_id))
        if e is None:
            raise NotFound("registry_entry_missing",
                           "Cette entrée n'est plus dans le registre (il a été réimporté).")
        return RegistryEntryDTO(
            e.id, e.source, e.identifier, e.siren, e.siret, e.rna, e.name, e.acronym, e.naf,
            e.legal_form, e.size_bracket, e.size_year, e.category, e.category_year, bool(e.ess),
            e.head_office, e.address, e.postal_code, e.commune_insee, e.commune_name, e.objet,
            e.objet_social1, e.objet_social2, e.website, e.created_on, e.vintage)


def status(db: Database) -> tuple[SourceStatus, ...]:
    """Per source: entries held, vintage and date of the last import."""
    t = RegistryEntry.__table__.c
    out: list[SourceStatus] = []
    with db.read() as s:
        counts = dict(s.execute(select(t.source, func.count()).group_by(t.source)).all())
        for source in ("sirene", "rna"):
            last = s.execute(select(RegistryImport.vintage, RegistryImport.imported_at)
                             .where(RegistryImport.source == source)
                             .order_by(RegistryImport.id.desc()).limit(1)).first()
            out.append(SourceStatus(source, int(counts.get(source, 0)),
                                    last[0] if last else None, last[1] if last else None))
    return tuple(out)


def communes_in_registry(db: Database) -> tuple[tuple[str, str], ...]:
    """(INSEE code, name) of the communes that have entries, by name (for the filter)."""
    t = RegistryEntry.__table__.c
    names = {c.insee: c.name for c in mel_communes().values()}
    with db.read() as s:
        rows = s.execute(select(t.commune_insee, func.max(t.commune_name))
                         .where(t.commune_insee.is_not(None))
                         .group_by(t.commune_insee)).all()
    pairs = {(code, names.get(code) or name or code) for code, name in rows}
    return tuple(sorted(pairs, key=lambda p: p[1]))


# --- Adoption ------------------------------------------------------------------------------------


def adopted_matches(db: Database, entry: RegistryEntryDTO) -> tuple[AdoptedMatch, ...]:
    """Live CRM organisations sharing the entry's SIRET, SIREN or RNA number (best first)."""
    o = Organisation.__table__.c
    tests: list[tuple[str, Any]] = []
    if entry.siret:
        tests.append(("siret", o.siret == entry.siret))
    if entry.siren:
        tests.append(("siren", o.siren == entry.siren))
    if entry.rna:
        tests.append(("rna", o.rna == entry.rna))
    if not tests:
        return ()
    found: dict[uuid.UUID, AdoptedMatch] = {}
    with db.read() as s:
        rows = s.execute(select(o.id, o.name, o.commune_name, o.siret, o.siren, o.rna)
                         .where(o.deleted.is_(False), or_(*(c for _, c in tests)))).all()
    for key, _ in tests:  # SIRET first: the very establishment beats its company
        for oid, name, commune, siret, siren, rna in rows:
            value = {"siret": siret, "siren": siren, "rna": rna}[key]
            if value and value == getattr(entry, key) and oid not in found:
                found[oid] = AdoptedMatch(oid, name, commune, key)
    return tuple(found.values())


def _close_names(db: Database, entry: RegistryEntryDTO, kind: str
                 ) -> tuple[AdoptedMatch, ...]:
    """CRM organisations with a close name in the entry's commune (typed by hand, say)."""
    from passerelle.services import duplicates

    found = duplicates.find_duplicates(db, duplicates.OrganisationCandidate(
        name=entry.name, kind=kind, siren=entry.siren, siret=entry.siret, rna=entry.rna,
        commune_insee=entry.commune_insee, commune_name=entry.commune_name,
        postal_code=entry.postal_code))
    return tuple(AdoptedMatch(c.id, c.name, c.commune_name, c.reason) for c in found)


def organisation_values(entry: RegistryEntryDTO) -> dict[str, Any]:
    """The CRM fields an adoption prefills from the entry."""
    legal = entry.legal_form or ""
    if entry.source == "rna" or legal.startswith("92"):
        kind = OrganisationKind.ASSOCIATION
    elif legal.startswith("93"):
        kind = OrganisationKind.FOUNDATION
    elif legal.startswith(("71", "72", "73", "74")):
        kind = OrganisationKind.PUBLIC_BODY
    else:
        kind = OrganisationKind.COMPANY
    size: str | None = None
    if entry.category in ("PME", "ETI", "GE"):
        size = entry.category
        if size == "PME" and entry.size_bracket in _UNDER_TEN:
            size = CompanySize.TPE.value
    elif kind is OrganisationKind.COMPANY and entry.size_bracket in _UNDER_TEN:
        size = CompanySize.TPE.value
    values: dict[str, Any] = {
        "kind": kind.value, "name": entry.name, "siren": entry.siren, "siret": entry.siret,
        "rna": entry.rna, "naf": entry.naf, "legal_form": entry.legal_form, "size": size,
        "ess": entry.ess, "address": entry.address, "postal_code": entry.postal_code,
        "commune_insee": entry.commune_insee, "commune_name": entry.commune_name,
        "website": entry.website, "description": entry.objet,
    }
    return {k: v for k, v in values.items() if v not in (None, "")}


def adopt_entry(db: Database, entry_id: int, *, force: bool = False
                ) -> org_service.OrganisationDTO:
    """Create the CRM organisation of a registry entry (prefilled, linked by its identifiers).

    Raises:
        AlreadyAdopted: an organisation already carries the entry's SIRET, SIREN or RNA
            number, or a close name in the same commune — the duplicate check of the
            organisation form (``services.duplicates``) — unless ``force``; nothing is created.
        NotFound: the entry is gone.
    """
    entry = get_entry(db, entry_id)
    values = organisation_values(entry)
    kind = values.pop("kind")
    name = values.pop("name")
    if not force:
        matches = adopted_matches(db, entry) or _close_names(db, entry, kind)
        if matches:
            raise AlreadyAdopted(matches)
    return org_service.create_organisation(db, kind=kind, name=name, **values)
