"""Row sources for the big lists (organisations, contacts, files), like Anki's browser table.

A list keeps only SQLite ``rowid``s in order (``ids``) and fetches the display values of a block
of rows on demand (``rows``), so opening a list of 100,000 organisations costs one narrow query
and memory stays bounded (STYLE.md 7.2). Filtering and sorting are SQL re-queries.

The free-text filter goes through the FTS index (``store/search.py``), which is accent-, case-
and ligature-insensitive (« oeuvre » finds « Œuvre »), and is joined back by row id. Enumerations
come back as their raw stored values: the UI turns them into translated labels.
"""

from __future__ import annotations

import csv
import uuid
from abc import ABC, abstractmethod
from array import array
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, ClassVar, Protocol

from sqlalchemy import (
    ColumnElement,
    FromClause,
    Select,
    and_,
    case,
    column,
    exists,
    func,
    literal_column,
    or_,
    select,
    table,
)
from sqlalchemy.orm import aliased

from passerelle.domain.validators import format_phone_fr, format_rna, format_siren
from passerelle.infra.resources import resource_path
from passerelle.store.database import Database
from passerelle.store.models import (
    Contact,
    ContactOrganisation,
    Organisation,
    PartnershipFile,
)
from passerelle.store.search import match_expression

#: SQLite limits bound parameters; blocks are far smaller, but callers may pass anything.
_MAX_IN = 900


@dataclass(frozen=True, slots=True)
class ListQuery:
    """What a list shows: a free-text filter, column filters and the sort column."""

    text: str = ""
    filters: Mapping[str, Any] = field(default_factory=dict)
    sort_key: str | None = None
    descending: bool = False


@dataclass(frozen=True, slots=True)
class ListRow:
    """One displayed row: its SQLite rowid, its UUID and its values in column order."""

    rowid: int
    id: uuid.UUID
    values: tuple[Any, ...]


class RowSource(Protocol):
    """What :class:`~passerelle.ui.models.id_table_model.IdTableModel` needs from a list."""

    columns: tuple[str, ...]

    def ids(self, query: ListQuery) -> array: ...  # type: ignore[type-arg]

    def rows(self, rowids: Sequence[int]) -> dict[int, ListRow]: ...


# --- FTS tables (not mapped: virtual table and its side table) -------------------------------

_search_doc = table("search_doc", column("rowid"), column("entity"), column("row_id"))
_search_fts = table("search_fts", column("rowid"))


def text_match(entity: str, id_column: ColumnElement[Any], query_text: str
               ) -> ColumnElement[bool] | None:
    """``id IN (rows of entity matching the FTS expression)``, or None for an empty text.

    The FTS query runs first as its own subquery and ``search_doc`` is then reached by rowid:
    written as a join, SQLite may scan ``search_doc`` and probe the index for every entry,
    which takes seconds on 100,000 rows instead of milliseconds.
    """
    expr = match_expression(query_text)
    if expr is None:
        return None
    matching_fts = select(_search_fts.c.rowid).where(
        literal_column("search_fts").op("MATCH")(expr))
    matching = select(_search_doc.c.row_id).where(
        _search_doc.c.rowid.in_(matching_fts), _search_doc.c.entity == entity)
    return id_column.in_(matching)


@cache
def commune_names() -> dict[str, str]:
    """INSEE code → commune name for the metropolis (shipped reference file)."""
    path = resource_path("reference", "communes_mel.csv")
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            return {row["insee"]: row["name"] for row in csv.DictReader(fh)}
    except FileNotFoundError:
        return {}


def _join_themes(value: Any) -> str:
    return ", ".join(value or ())


# --- Shared machinery ------------------------------------------------------------------------


class _SqlRowSource(ABC):
    """A row source over one table: subclasses declare columns, sort keys and filters.

    ``ids`` selects only the rowid (plus whatever the WHERE and ORDER BY need); ``rows``
    selects the display columns for one block with ``WHERE rowid IN (...)``.
    """

    entity: ClassVar[str]
    columns: tuple[str, ...]

    def __init__(self, db: Database) -> None:
        self._db = db
        self._table = self._base_table()
        self.rowid: ColumnElement[Any] = literal_column(f"{self._table.name}.rowid")

    # hooks ----------------------------------------------------------------------------------
    @abstractmethod
    def _base_table(self) -> Any:
        """The table the rowids belong to."""

    def _from(self) -> FromClause:
        """The FROM clause of both queries (joins needed by the display columns)."""
        table_: FromClause = self._table
        return table_

    def _ids_from(self, query: ListQuery) -> FromClause:
        """The FROM clause of ``ids``: joins only when the sort or a filter needs them."""
        return self._from()

    @abstractmethod
    def _display(self) -> Sequence[ColumnElement[Any]]:
        """The display columns, in the order of ``columns``."""

    @abstractmethod
    def _sort_expressions(self) -> Mapping[str, Sequence[ColumnElement[Any]]]:
        """The ORDER BY expressions of each sortable column key."""

    def _default_sort(self) -> str:
        return self.columns[0]

    def _filter(self, key: str, value: Any) -> ColumnElement[bool] | None:
        """The WHERE clause of one filter; unknown keys are ignored (None)."""
        return None

    def _post(self) -> Mapping[int, Callable[[Any], Any]]:
        """Python formatting of some display columns, by column index."""
        return {}

    # protocol -------------------------------------------------------------------------------
    def where(self, query: ListQuery) -> list[ColumnElement[bool]]:
        clauses: list[ColumnElement[bool]] = [self._table.c.deleted.is_(False)]
        match = text_match(self.entity, self._table.c.id, query.text)
        if match is not None:
            clauses.append(match)
        for key, value in query.filters.items():
            if value is None or value == "":
                continue
            clause = self._filter(key, value)
            if clause is not None:
                clauses.append(clause)
        return clauses

    def ids_select(self, query: ListQuery) -> Select[Any]:
        """The SELECT of ordered rowids (exposed so callers such as CSV export can reuse it)."""
        sorts = self._sort_expressions()
        key = query.sort_key
        if key is None or key not in sorts:
            key = self._default_sort()
        order: list[Any] = []
        for expr in sorts[key]:
            order.append(expr.desc() if query.descending else expr.asc())
        order.append(self.rowid.desc() if query.descending else self.rowid.asc())
        return (select(self.rowid).select_from(self._ids_from(query))
                .where(*self.where(query)).order_by(*order))

    def ids(self, query: ListQuery) -> array:  # type: ignore[type-arg]
        with self._db.engine.connect() as conn:
            result = conn.execute(self.ids_select(query)).scalars()
            return array("q", result)

    def rowid_of(self, row_id: uuid.UUID | str) -> int | None:
        """The rowid of the row with UUID ``row_id`` (to select a row just saved)."""
        with self._db.engine.connect() as conn:
            found = conn.execute(select(self.rowid).select_from(self._table)
                                 .where(self._table.c.id == str(row_id))).scalar()
        return int(found) if found is not None else None

    def rows(self, rowids: Sequence[int]) -> dict[int, ListRow]:
        out: dict[int, ListRow] = {}
        post = self._post()
        wanted = list(dict.fromkeys(int(r) for r in rowids))
        with self._db.engine.connect() as conn:
            for start in range(0, len(wanted), _MAX_IN):
                chunk = wanted[start:start + _MAX_IN]
                stmt = (select(self.rowid, self._table.c.id, *self._display())
                        .select_from(self._from()).where(self.rowid.in_(chunk)))
                for rid, row_id, *values in conn.execute(stmt):
                    for index, fmt in post.items():
                        values[index] = fmt(values[index])
                    out[int(rid)] = ListRow(int(rid), row_id, tuple(values))
        return out


#: The accented letters and ligatures that French names mostly contain, with their base letters
#: (measured on the demo names: « é » alone is two thirds of all non-ASCII characters).
_FOLD = (("é", "e"), ("è", "e"), ("ê", "e"), ("ë", "e"), ("É", "E"), ("È", "E"), ("à", "a"),
         ("â", "a"), ("ç", "c"), ("ô", "o"), ("î", "i"), ("ï", "i"), ("œ", "oe"), ("Œ", "OE"))


def _nocase(expr: ColumnElement[Any]) -> ColumnElement[Any]:
    """A sort key that puts « École » among the E and « Œuvre » among the O.

    SQLite's NOCASE only folds ASCII, so « Agence Écluse » would sort after « Agence Verger ».
    The common accented letters are replaced in SQL, only for the rows that contain a
    non-ASCII character (the GLOB is cheap), which costs about +50 % on sorting 100,000 names
    instead of +500 % for a Python collation. A stored, indexed folded key would make the
    order free; see the module notes.
    """
    folded: ColumnElement[Any] = expr
    for accented, plain in _FOLD:
        folded = func.replace(folded, accented, plain)
    key = case((expr.op("GLOB")("*[^ -~]*"), folded), else_=expr)
    return key.collate("NOCASE")


# --- Organisations ---------------------------------------------------------------------------


def _org_identifier(value: Any) -> str:
    if not value:
        return ""
    text_value = str(value)
    return format_rna(text_value) if text_value.startswith("W") else format_siren(text_value)


class OrganisationRows(_SqlRowSource):
    """Organisations: name, kind (raw value), commune, SIREN or RNA, size, themes.

    Filters: ``kind`` (a value or a collection of values), ``commune_insee``, ``size``,
    ``theme``.
    """

    entity = "organisation"
    columns: tuple[str, ...] = ("name", "kind", "commune_name", "identifier", "size", "themes")

    def _base_table(self) -> Any:
        return Organisation.__table__

    def _display(self) -> Sequence[ColumnElement[Any]]:
        t = self._table.c
        return (t.name, t.kind, t.commune_name, func.coalesce(t.siren, t.rna), t.size, t.themes)

    def _post(self) -> Mapping[int, Callable[[Any], Any]]:
        return {3: _org_identifier, 5: _join_themes}

    def _sort_expressions(self) -> Mapping[str, Sequence[ColumnElement[Any]]]:
        t = self._table.c
        return {
            "name": (_nocase(t.name),),
            "kind": (t.kind, _nocase(t.name)),
            "commune_name": (_nocase(func.coalesce(t.commune_name, "")), _nocase(t.name)),
            "identifier": (func.coalesce(t.siren, t.rna, ""),),
            "size": (func.coalesce(t.size, ""), _nocase(t.name)),
            "themes": (func.coalesce(func.json(t.themes), ""), _nocase(t.name)),
        }

    def _filter(self, key: str, value: Any) -> ColumnElement[bool] | None:
        t = self._table.c
        if key == "kind":
            return _in_or_eq(t.kind, value)
        if key == "commune_insee":
            return _in_or_eq(t.commune_insee, value)
        if key == "size":
            return _in_or_eq(t.size, value)
        if key == "theme":
            return _json_contains(t.themes, str(value))
        return None


# --- Contacts --------------------------------------------------------------------------------


class ContactRows(_SqlRowSource):
    """Contacts: full name, primary organisation, role there, e-mail, phone, last inbound.

    The primary organisation is the link marked primary, else the first by name. Filters:
    ``organisation_id`` (contacts linked to it).
    """

    entity = "contact"
    columns: tuple[str, ...] = ("full_name", "organisation_name", "role", "email", "phone",
                                "last_inbound_on")

    def __init__(self, db: Database) -> None:
        super().__init__(db)
        c = self._table.c
        link = aliased(ContactOrganisation.__table__, name="pl")
        org = aliased(Organisation.__table__, name="po")
        base = (
            select(org.c.name, link.c.role)
            .select_from(link.join(org, org.c.id == link.c.organisation_id))
            .where(link.c.contact_id == c.id, link.c.deleted.is_(False), org.c.deleted.is_(False))
            .order_by(link.c.is_primary.desc(), org.c.name)
            .limit(1)
        )
        self._org_name = base.with_only_columns(org.c.name).scalar_subquery()
        self._role = base.with_only_columns(link.c.role).scalar_subquery()

    def _base_table(self) -> Any:
        return Contact.__table__

    def _display(self) -> Sequence[ColumnElement[Any]]:
        c = self._table.c
        full_name = func.trim(c.first_name + " " + c.last_name)
        return (full_name, self._org_name, self._role, c.email,
                func.coalesce(c.phone, c.mobile), c.last_inbound_on)

    def _post(self) -> Mapping[int, Callable[[Any], Any]]:
        return {4: lambda v: format_phone_fr(v) if v else ""}

    def _sort_expressions(self) -> Mapping[str, Sequence[ColumnElement[Any]]]:
        c = self._table.c
        by_name = (_nocase(c.last_name), _nocase(c.first_name))
        return {
            "full_name": by_name,
            "organisation_name": (_nocase(func.coalesce(self._org_name, "")), *by_name),
            "role": (_nocase(func.coalesce(self._role, "")), *by_name),
            "email": (_nocase(func.coalesce(c.email, "")),),
            "phone": (func.coalesce(c.phone, c.mobile, ""), *by_name),
            "last_inbound_on": (func.coalesce(c.last_inbound_on, ""), *by_name),
        }

    def _filter(self, key: str, value: Any) -> ColumnElement[bool] | None:
        if key == "organisation_id":
            link = ContactOrganisation.__table__
            return exists().where(link.c.contact_id == self._table.c.id,
                                  link.c.organisation_id == str(value),
                                  link.c.deleted.is_(False))
        return None


# --- Files -----------------------------------------------------------------------------------


class FileRows(_SqlRowSource):
    """Partnership files: reference, title, association, company, stage (int), category,
    status, facilitator, commune name, stage_since.

    Filters: ``stage`` (int or collection), ``category``, ``facilitator``, ``commune_insee``,
    ``theme`` (the file's themes contain it), ``company_size`` (size of the company),
    ``status``, ``organisation_id`` (association or company).
    """

    entity = "partnership_file"
    columns: tuple[str, ...] = ("reference", "title", "association_name", "company_name",
                                "stage", "category", "status", "facilitator", "commune",
                                "stage_since")

    def __init__(self, db: Database) -> None:
        super().__init__(db)
        self._assoc = aliased(Organisation.__table__, name="fa")
        self._company = aliased(Organisation.__table__, name="fc")

    def _base_table(self) -> Any:
        return PartnershipFile.__table__

    def _from(self) -> FromClause:
        f = self._table.c
        joined: FromClause = (
            self._table
            .outerjoin(self._assoc, self._assoc.c.id == f.association_id)
            .outerjoin(self._company, self._company.c.id == f.company_id))
        return joined

    def _ids_from(self, query: ListQuery) -> FromClause:
        needs_join = (query.sort_key in ("association_name", "company_name")
                      or query.filters.get("company_size") not in (None, ""))
        return self._from() if needs_join else self._base_from()

    def _base_from(self) -> FromClause:
        plain: FromClause = self._table
        return plain

    def _display(self) -> Sequence[ColumnElement[Any]]:
        f = self._table.c
        return (f.reference, f.title, self._assoc.c.name, self._company.c.name, f.stage,
                f.category, f.status, f.facilitator, f.commune_insee, f.stage_since)

    def _post(self) -> Mapping[int, Callable[[Any], Any]]:
        names = commune_names()
        return {8: lambda v: names.get(v, v or "")}

    def _sort_expressions(self) -> Mapping[str, Sequence[ColumnElement[Any]]]:
        f = self._table.c
        return {
            "reference": (f.reference,),
            "title": (_nocase(f.title),),
            "association_name": (_nocase(func.coalesce(self._assoc.c.name, "")), f.reference),
            "company_name": (_nocase(func.coalesce(self._company.c.name, "")), f.reference),
            "stage": (f.stage, f.reference),
            "category": (func.coalesce(f.category, ""), f.reference),
            "status": (f.status, f.reference),
            "facilitator": (_nocase(func.coalesce(f.facilitator, "")), f.reference),
            "commune": (func.coalesce(f.commune_insee, ""), f.reference),
            "stage_since": (func.coalesce(f.stage_since, ""), f.reference),
        }

    def _filter(self, key: str, value: Any) -> ColumnElement[bool] | None:
        f = self._table.c
        if key == "stage":
            return _in_or_eq(f.stage, value, cast=int)
        if key in ("category", "facilitator", "commune_insee", "status"):
            return _in_or_eq(f[key], value)
        if key == "theme":
            return _json_contains(f.themes, str(value))
        if key == "company_size":
            return _in_or_eq(self._company.c.size, value)
        if key == "organisation_id":
            return or_(f.association_id == str(value), f.company_id == str(value))
        return None


# --- Filter helpers --------------------------------------------------------------------------


def _in_or_eq(col: ColumnElement[Any], value: Any,
              cast: Callable[[Any], Any] = str) -> ColumnElement[bool]:
    """``col = value``, or ``col IN (...)`` for a collection (enum members reduce to values)."""
    if isinstance(value, (list, tuple, set, frozenset)):
        return col.in_([cast(getattr(v, "value", v)) for v in value])
    clause: ColumnElement[bool] = col == cast(getattr(value, "value", value))
    return clause


def _json_contains(col: ColumnElement[Any], value: str) -> ColumnElement[bool]:
    """A JSON list column contains ``value`` (``EXISTS (SELECT 1 FROM json_each(col) …)``)."""
    each = func.json_each(col).table_valued("value")
    return exists(select(literal_column("1")).select_from(each)
                  .where(and_(each.c.value == value)))


__all__ = [
    "ContactRows",
    "FileRows",
    "ListQuery",
    "ListRow",
    "OrganisationRows",
    "RowSource",
    "commune_names",
    "text_match",
]
