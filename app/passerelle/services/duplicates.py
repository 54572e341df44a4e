"""Duplicate organisations: found before they are created (form, adoption, import).

Uniqueness cannot be enforced across offline laptops (DESIGN.md §5), so duplicates are *caught*
before saving and *merged* afterwards (:mod:`passerelle.services.merge`). An existing
organisation is a candidate duplicate of a new one when:

- it has the same SIRET, the same SIREN (another establishment of the same company, or a SIREN
  derived from the SIRET) or the same RNA number — certain, score 100; or
- its name is close in the **same commune**: names are folded (case, accents, ligatures:
  « Cœur » = « coeur »), punctuation, articles and legal-form words (« association », « SARL »…)
  are dropped, and so are the commune's own name and postal codes (« Atelier vélo Roubaix » and
  « Atelier couture Roubaix » share « Roubaix » because they are both in Roubaix: it says
  nothing about them). What is left is compared with rapidfuzz's token-sort ratio (word order
  does not matter). The threshold, :data:`NAME_THRESHOLD` = 90 out of 100, was chosen on the
  demo database: it catches spelling variants (« Cœur & Solidarité » / « Coeur et solidarite »,
  a missing accent, a typo, « Handi-partage Lille (59000) » / « Handi-partage ») while two
  different organisations sharing words (« Réseau sport » / « Réseau éducation ») stay apart.
  A token-*set* ratio was tried and dropped: it scores 100 whenever one name contains the other
  (« Échiquier » / « Échiquier Lille-Sud »), which flagged one organisation in six of the demo;
  a warning shown that often teaches users to click through it. With these rules, 33 of 600
  organisations of the mda demo get a candidate: 25 are the demo's own duplicates (« … (59000) »,
  score 100), the others neighbourhood variants (« … Lille » / « … Lille-Sud », 90–93). A
  score of 100 means the same name after folding;
- when the new organisation has no commune at all, only a near-identical name anywhere
  (:data:`NAME_ANYWHERE_THRESHOLD` = 95, plain ratio) is proposed: without a place, a close name
  alone is too weak a hint.

Speed on 20,000 organisations: the identifiers and the commune are prefiltered in SQL
(``siren`` and ``rna`` are indexed; the commune is one scan of the table, ≈ 15 ms — an index on
``commune_insee`` in a later migration would make it instant), so rapidfuzz only scores the
names of one commune; the no-commune case prefilters names through the full-text index. Imports
build a :class:`DuplicateIndex` once and query it per row. Figures:
``tests/benchmarks/test_spreadsheets.py``.

Other modules call :func:`find_duplicates` (one candidate, e.g. the registry's « Adopter ») or
:class:`DuplicateIndex` (many rows, e.g. a spreadsheet import).
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import (
    Connection,
    String,
    column,
    literal_column,
    or_,
    select,
    table,
    type_coerce,
)

from passerelle.domain.text import expand_ligatures, fold
from passerelle.services.directory import communes
from passerelle.store.database import Database
from passerelle.store.models import Organisation

#: minimum rapidfuzz score (0–100) of a close name in the same commune
NAME_THRESHOLD = 90
#: minimum plain ratio of a name proposed when the new organisation has no commune
NAME_ANYWHERE_THRESHOLD = 95

#: reasons, strongest first (the UI translates them)
REASON_SIRET, REASON_SIREN, REASON_RNA, REASON_NAME = "siret", "siren", "rna", "name"
_REASON_ORDER = {REASON_SIRET: 0, REASON_RNA: 1, REASON_SIREN: 2, REASON_NAME: 3}

#: words that do not tell two organisations apart (articles, legal forms)
_NOISE = frozenset((
    "a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "par", "pour",
    "sur", "un", "une", "association", "asso", "assoc", "ass", "amicale", "sa", "sas", "sasu",
    "sarl", "eurl", "sci", "scop", "scic", "snc", "gie", "ets", "etablissement",
    "etablissements", "societe", "ste", "cie", "compagnie",
))
_NON_WORD = re.compile(r"[^0-9a-z]+")
_POSTAL = re.compile(r"(59|62)[0-9]{3}")


@dataclass(frozen=True, slots=True)
class OrganisationCandidate:
    """What is known of an organisation about to be created (form, registry entry, row)."""

    name: str
    kind: str | None = None
    siren: str | None = None
    siret: str | None = None
    rna: str | None = None
    commune_insee: str | None = None
    commune_name: str | None = None
    postal_code: str | None = None


@dataclass(frozen=True, slots=True)
class DuplicateCandidate:
    """An existing organisation that may be the same as the candidate."""

    id: uuid.UUID
    name: str
    kind: str
    siren: str | None
    siret: str | None
    rna: str | None
    commune_name: str | None
    postal_code: str | None
    reason: str  # REASON_*
    score: int  # 100 for identifiers, the name score otherwise


def _ascii_fold(text: str | None) -> str:
    """Like :func:`~passerelle.domain.text.fold`, keeping ASCII letters and digits only.

    Five times faster than ``fold`` (no per-character generator), which matters when 20,000
    names are indexed; whatever it drops is punctuation for the comparison anyway.
    """
    if not text:
        return ""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", expand_ligatures(text)).encode(
            "ascii", "ignore").decode("ascii")
    return text.lower()


def comparable_name(name: str | None) -> str:
    """The name as compared: folded, without punctuation, articles or legal-form words."""
    words = _NON_WORD.sub(" ", _ascii_fold(name)).split()
    kept = [w for w in words if w not in _NOISE]
    return " ".join(kept or words)


def distinctive_name(name: str | None, commune_name: str | None) -> str:
    """:func:`comparable_name` without the commune's own words and postal codes.

    Falls back to the comparable name when nothing else is left (« Roubaix Football »
    keeps « football »; « Roubaix » alone stays « roubaix »).
    """
    words = comparable_name(name).split()
    place = set(comparable_commune(commune_name).split())
    kept = [w for w in words if w not in place and not _POSTAL.fullmatch(w)]
    return " ".join(kept or words)


def name_score(a: str, b: str, **_kwargs: Any) -> float:
    """Similarity (0–100) of two :func:`distinctive_name` strings (see the module notes)."""
    return float(fuzz.token_sort_ratio(a, b))


@cache
def _commune_lookup() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    """Folded commune name → INSEE, postal code → INSEE (when unambiguous), known INSEE codes."""
    by_name: dict[str, str] = {}
    by_cp: dict[str, set[str]] = {}
    for c in communes():
        by_name[comparable_commune(c.name)] = c.insee
        for cp in c.postal_codes:
            by_cp.setdefault(cp, set()).add(c.insee)
    unique_cp = {cp: next(iter(codes)) for cp, codes in by_cp.items() if len(codes) == 1}
    return by_name, unique_cp, frozenset(c.insee for c in communes())


@lru_cache(maxsize=256)
def _commune_name(insee: str | None) -> str | None:
    """The name of a metropolis commune from its INSEE code (None elsewhere)."""
    if not insee:
        return None
    return next((c.name for c in communes() if c.insee == insee), None)


def comparable_commune(name: str | None) -> str:
    """« Marcq-en-Barœul » → « marcq en baroeul » (hyphens, accents, case do not matter)."""
    return " ".join(_NON_WORD.sub(" ", _ascii_fold(name)).split())


@lru_cache(maxsize=4096)
def commune_key(insee: str | None, name: str | None, postal_code: str | None) -> str | None:
    """One key per commune, whichever of INSEE code, name or postal code is known.

    The metropolis' reference list turns a name or an unambiguous postal code into the INSEE
    code, so « Roubaix », « 59100 » and « 59512 » meet; elsewhere the folded name is the key.
    """
    if insee:
        return insee
    by_name, by_cp, _ = _commune_lookup()
    folded = comparable_commune(name)
    if folded:
        return by_name.get(folded, "n:" + folded)
    if postal_code:
        return by_cp.get(postal_code, "cp:" + postal_code)
    return None


@dataclass(frozen=True, slots=True)
class _Entry:
    id: str
    name: str
    kind: str
    siren: str | None
    siret: str | None
    rna: str | None
    commune_name: str | None
    postal_code: str | None
    commune: str | None
    comparable: str  # distinctive name, compared within the commune
    full: str  # comparable name, compared when the candidate has no commune

    def candidate(self, reason: str, score: int) -> DuplicateCandidate:
        return DuplicateCandidate(uuid.UUID(self.id), self.name, self.kind, self.siren, self.siret,
                                  self.rna, self.commune_name, self.postal_code, reason, score)


_search_doc = table("search_doc", column("rowid"), column("entity"), column("row_id"))
_search_fts = table("search_fts", column("rowid"))

_COLUMNS = (type_coerce(Organisation.id, String), Organisation.name, Organisation.kind,
            Organisation.siren, Organisation.siret, Organisation.rna, Organisation.commune_name,
            Organisation.postal_code, Organisation.commune_insee)


class DuplicateIndex:
    """Organisations held in memory, indexed by identifier and commune, for many look-ups.

    :meth:`add` registers rows as they are accepted, so a spreadsheet that lists the same
    organisation twice is caught too (their ``id`` is then the row's future id).
    """

    def __init__(self, rows: Iterable[Sequence[Any]] = ()) -> None:
        self._by_siren: dict[str, list[_Entry]] = {}
        self._by_rna: dict[str, list[_Entry]] = {}
        self._by_commune: dict[str | None, list[_Entry]] = {}
        self._commune_names: dict[str | None, _NamePool] = {}
        self._names: dict[int, str] = {}
        self._entries: list[_Entry] = []
        for row in rows:
            self._insert(*row)

    @classmethod
    def load(cls, conn: Connection) -> DuplicateIndex:
        """Every live organisation of the database."""
        return cls(conn.execute(select(*_COLUMNS).where(Organisation.deleted.is_(False))))

    def _insert(self, org_id: uuid.UUID | str, name: str, kind: str, siren: str | None,
                siret: str | None, rna: str | None, commune_name: str | None,
                postal_code: str | None, commune_insee: str | None) -> None:
        key = commune_key(commune_insee, commune_name, postal_code)
        entry = _Entry(str(org_id), name, kind, siren or (siret[:9] if siret else None), siret,
                       rna, commune_name, postal_code, key,
                       distinctive_name(name, commune_name or _commune_name(key)),
                       comparable_name(name))
        if entry.siren:
            self._by_siren.setdefault(entry.siren, []).append(entry)
        if rna:
            self._by_rna.setdefault(rna, []).append(entry)
        self._by_commune.setdefault(entry.commune, []).append(entry)
        self._commune_names.setdefault(entry.commune, _NamePool()).add(entry.comparable)
        self._names[len(self._entries)] = entry.full
        self._entries.append(entry)

    def add(self, org_id: uuid.UUID, candidate: OrganisationCandidate) -> None:
        """Register an organisation about to be created (later rows are compared to it)."""
        self._insert(org_id, candidate.name, candidate.kind or "", candidate.siren,
                     candidate.siret, candidate.rna, candidate.commune_name,
                     candidate.postal_code, candidate.commune_insee)

    def find(self, candidate: OrganisationCandidate, *, exclude: uuid.UUID | None = None,
             limit: int = 5) -> tuple[DuplicateCandidate, ...]:
        """The likely duplicates of ``candidate``, strongest first (identifiers, then score)."""
        found: dict[str, DuplicateCandidate] = {}
        excluded = str(exclude) if exclude is not None else None

        def keep(entry: _Entry, reason: str, score: int) -> None:
            if entry.id == excluded:
                return
            old = found.get(entry.id)
            if old is None or _REASON_ORDER[reason] < _REASON_ORDER[old.reason]:
                found[entry.id] = entry.candidate(reason, score)

        siren = candidate.siren or (candidate.siret[:9] if candidate.siret else None)
        if siren:
            for entry in self._by_siren.get(siren, ()):
                same_siret = bool(candidate.siret) and entry.siret == candidate.siret
                keep(entry, REASON_SIRET if same_siret else REASON_SIREN, 100)
        if candidate.rna:
            for entry in self._by_rna.get(candidate.rna, ()):
                keep(entry, REASON_RNA, 100)
        commune = commune_key(candidate.commune_insee, candidate.commune_name,
                              candidate.postal_code)
        query = (distinctive_name(candidate.name, candidate.commune_name
                                  or _commune_name(commune)) if commune is not None
                 else comparable_name(candidate.name))
        if query:
            if commune is not None:
                pool = self._by_commune.get(commune, [])
                names = self._commune_names.get(commune)
                for i, score in (names.close_to(query) if names is not None else ()):
                    same = pool[i].comparable == query
                    keep(pool[i], REASON_NAME, 100 if same else min(99, round(score)))
            else:
                for _, score, i in process.extract(query, self._names, scorer=fuzz.ratio,
                                                   score_cutoff=NAME_ANYWHERE_THRESHOLD,
                                                   limit=limit * 2):
                    same = self._entries[i].full == query
                    keep(self._entries[i], REASON_NAME, 100 if same else min(99, round(score)))
        ranked = sorted(found.values(),
                        key=lambda c: (_REASON_ORDER[c.reason], -c.score, fold(c.name)))
        return tuple(ranked[:limit])


class _NamePool:
    """The distinctive names of one commune, ready for fast scoring.

    The token-sort ratio is a plain ratio of names whose words are sorted: they are sorted once
    here, and rapidfuzz's C ``ratio`` scores a whole commune in microseconds (exactly
    :func:`name_score`).
    """

    def __init__(self) -> None:
        self.sorted: list[str] = []

    def add(self, name: str) -> None:
        self.sorted.append(" ".join(sorted(name.split())))

    def close_to(self, query: str) -> list[tuple[int, float]]:
        """Indexes and scores of the names at :data:`NAME_THRESHOLD` or more, best first."""
        hits = process.extract(" ".join(sorted(query.split())), self.sorted, scorer=fuzz.ratio,
                               score_cutoff=NAME_THRESHOLD, limit=None)
        return [(i, score) for _, score, i in hits]


def find_duplicates(db: Database, candidate: OrganisationCandidate, *,
                    exclude: uuid.UUID | str | None = None,
                    limit: int = 5) -> tuple[DuplicateCandidate, ...]:
    """Existing organisations that may be ``candidate``, strongest first (possibly none).

    Call it before creating an organisation (the form, the registry's « Adopter », an import);
    ``exclude`` leaves out the organisation being edited. Only the rows that share an identifier
    or the commune are read (SQL prefilter); see the module notes for the rules.
    """
    excluded = uuid.UUID(str(exclude)) if exclude is not None else None
    with db.read() as s:
        conn = s.connection()
        return _prefiltered_index(conn, candidate).find(candidate, exclude=excluded,
                                                        limit=limit)


def _prefiltered_index(conn: Connection, candidate: OrganisationCandidate) -> DuplicateIndex:
    o = Organisation
    clauses = []
    siren = candidate.siren or (candidate.siret[:9] if candidate.siret else None)
    if siren:
        clauses.append(o.siren == siren)
    if candidate.rna:
        clauses.append(o.rna == candidate.rna)
    key = commune_key(candidate.commune_insee, candidate.commune_name, candidate.postal_code)
    if key is None:
        # No place: names anywhere, prefiltered through the full-text index by the two longest
        # words (a near-identical name shares at least one of them even with a typo).
        words = sorted(set(comparable_name(candidate.name).split()), key=len, reverse=True)[:2]
        if words:
            expr = " OR ".join(f'"{w}"*' for w in words)
            clauses.append(o.id.in_(select(_search_doc.c.row_id).where(
                _search_doc.c.entity == "organisation",
                _search_doc.c.rowid.in_(select(_search_fts.c.rowid).where(
                    literal_column("search_fts").op("MATCH")(expr))))))
    else:
        by_name, _, known = _commune_lookup()
        if key in known:
            names = [c.name for c in communes() if c.insee == key]
            cps = [cp for c in communes() if c.insee == key for cp in c.postal_codes]
            clauses.append(o.commune_insee == key)
            clauses.append(o.commune_name.in_(names))
            clauses.append(o.postal_code.in_(cps))
        else:
            if candidate.commune_name:
                clauses.append(o.commune_name == candidate.commune_name.strip())
            if candidate.postal_code:
                clauses.append(o.postal_code == candidate.postal_code)
            if candidate.commune_insee:
                clauses.append(o.commune_insee == candidate.commune_insee)
    if not clauses:
        return DuplicateIndex()
    rows = conn.execute(select(*_COLUMNS).where(o.deleted.is_(False), or_(*clauses)))
    return DuplicateIndex(rows)


__all__ = [
    "NAME_ANYWHERE_THRESHOLD",
    "NAME_THRESHOLD",
    "DuplicateCandidate",
    "DuplicateIndex",
    "OrganisationCandidate",
    "comparable_name",
    "distinctive_name",
    "commune_key",
    "find_duplicates",
    "name_score",
]
