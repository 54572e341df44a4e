"""RGPD tools (DOMAIN-FR §4): retention review, erasure and anonymisation, right of access.

* :func:`retention_review` lists the people with no inbound contact for three years (CNIL
  référentiel « gestion des activités commerciales », prospects): the reference date is the
  latest of the recorded last inbound contact, the interactions they took part in, the end of
  a convention of one of their organisations (partners: relationship + 3 years) and the
  collection date (or the record's creation when nothing else is known).
* :func:`erase_contacts` anonymises (the record stays, for the figures, with no personal data)
  or erases (the record is deleted too) in **one transaction**: the person's fields, their
  roles, and every text anywhere in the base that names them (notes, subjects, tasks,
  documents metadata), past values included. It works through **redactions**
  (``store/redaction.py``): changes that rewrite the log here and travel in sync files, so
  that colleagues' databases forget the person too. The full-text index drops the terms and
  the file is compacted so that the bytes are gone from the disk, not merely unlinked.
* :func:`access_export` answers an access request (art. 15): a ZIP with a JSON copy of every
  datum (also the portability format, art. 20) and a readable DOCX.
* :func:`processing_register` writes the register entry (art. 30) as a DOCX.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
import uuid
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from threading import Event
from typing import Any

from sqlalchemy import Connection, select, text
from sqlalchemy.orm import Session

from passerelle.domain import validators as v
from passerelle.domain.errors import PasserelleError, StorageUnavailable, ValidationError
from passerelle.domain.stages import Stage
from passerelle.domain.vocabulary import LegalBasis
from passerelle.services import documents as docs_service
from passerelle.services.common import as_uuid, clean, get_live, today
from passerelle.store import changelog, redaction, search, sync_merge
from passerelle.store.database import Database
from passerelle.store.models import (
    MODEL_BY_ENTITY,
    Contact,
    ContactOrganisation,
    EventParticipant,
    InteractionParticipant,
)

__all__ = [
    "ANONYMISED_NAME",
    "ERASED_NAME",
    "ERASED_TEXT",
    "RETENTION_YEARS",
    "AccessExport",
    "ContactRgpd",
    "ErasureReport",
    "RetentionCandidate",
    "access_data",
    "access_export",
    "compact",
    "contact_rgpd",
    "erase_contacts",
    "erase_text",
    "processing_register",
    "redact_fields",
    "retention_review",
    "update_rgpd_facts",
]

log = logging.getLogger(__name__)

RETENTION_YEARS = 3
ERASED_NAME = "Personne effacée"
ANONYMISED_NAME = "Contact anonymisé"
#: what replaces the person's name, e-mail or phone inside a text that names them
ERASED_TEXT = "[personne effacée]"
_AGREEMENT_DONE = ("signee", "expiree", "resiliee")
_MODES = ("anonymise", "erase")




def _years_later(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def _as_date(value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


# --- Facts shown on a contact ------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ContactRgpd:
    """A person's RGPD facts and where they stand in the retention rule."""

    id: uuid.UUID
    full_name: str
    legal_basis: str
    consent_on: date | None
    collected_from: str | None
    collected_on: date | None
    objects_to_prospecting: bool
    #: the recorded last inbound contact, or the latest interaction they took part in
    last_inbound_on: date | None
    #: the date the three years run from, and which fact it is (see ``reference_kind``)
    reference_on: date
    reference_kind: str
    review_on: date
    anonymised: bool


_FACTS_SQL = f"""
SELECT c.id, c.first_name, c.last_name, c.email, c.legal_basis, c.consent_on, c.collected_from,
       c.collected_on, c.last_inbound_on, c.objects_to_prospecting,
       (SELECT MAX(substr(i.occurred_at, 1, 10)) FROM interaction_participant p
          JOIN interaction i ON i.id = p.interaction_id
         WHERE p.contact_id = c.id AND p.deleted = 0 AND i.deleted = 0) AS met_on,
       (SELECT MAX(COALESCE(a.end_on, a.signed_on)) FROM contact_organisation co
          JOIN agreement a ON a.association_id = co.organisation_id
                           OR a.company_id = co.organisation_id
         WHERE co.contact_id = c.id AND co.deleted = 0 AND a.deleted = 0
           AND a.status IN {_AGREEMENT_DONE!r}) AS agreement_on,
       (SELECT MIN(x.hlc) FROM sync_change x
         WHERE x.entity = 'contact' AND x.row_id = c.id) AS created_hlc,
       EXISTS (SELECT 1 FROM sync_head h WHERE h.entity = 'contact' AND h.row_id = c.id
                AND h.field = '{changelog.REDACT_FIELD}') AS redacted,
       (SELECT o.name FROM contact_organisation co JOIN organisation o
           ON o.id = co.organisation_id
         WHERE co.contact_id = c.id AND co.deleted = 0 AND o.deleted = 0
         ORDER BY co.is_primary DESC, o.name LIMIT 1) AS organisation
FROM contact c WHERE c.deleted = 0
"""


def _facts(row: Any) -> tuple[ContactRgpd, str | None, str | None]:
    (cid, first, last, email, basis, consent, source, collected, inbound, objects, met,
     agreement, created_hlc, redacted, org) = row
    inbound_d = max((d for d in (_as_date(inbound), _as_date(met)) if d), default=None)
    candidates = [("inbound", inbound_d), ("agreement", _as_date(agreement)),
                  ("collected", _as_date(collected))]
    known = [(d, k) for k, d in candidates if d is not None]
    if known:
        ref, kind = max(known)
    else:
        ref = changelog.hlc_to_datetime(int(created_hlc or 0)).date()
        kind = "created"
    facts = ContactRgpd(uuid.UUID(str(cid)), f"{first} {last}".strip(), basis,
                        _as_date(consent), source, _as_date(collected), bool(objects),
                        inbound_d, ref, kind, _years_later(ref, RETENTION_YEARS),
                        bool(redacted))
    return facts, email, org


def contact_rgpd(db: Database, contact_id: uuid.UUID | str) -> ContactRgpd:
    """The RGPD panel of one contact."""
    cid = as_uuid(contact_id, "contact")
    with db.read() as s:
        get_live(s, Contact, cid)
        row = s.execute(text(_FACTS_SQL + " AND c.id = :id"), {"id": str(cid)}).one()
    return _facts(row)[0]


def update_rgpd_facts(db: Database, contact_id: uuid.UUID | str, *,
                      collected_from: str | None, collected_on: date | None,
                      objects_to_prospecting: bool) -> ContactRgpd:
    """Record where and when the data were collected, and an objection to prospecting."""
    if collected_on is not None and collected_on > today():
        raise ValidationError("rgpd_collected_future",
                              "La date de collecte ne peut pas être dans le futur.",
                              field="collected_on")
    with db.write() as s:
        c = get_live(s, Contact, contact_id)
        c.collected_from = clean(collected_from)
        c.collected_on = collected_on
        c.objects_to_prospecting = bool(objects_to_prospecting)
    return contact_rgpd(db, contact_id)


# --- Retention review --------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class RetentionCandidate:
    """A person whose three years have run out (DOMAIN-FR §4.2)."""

    facts: ContactRgpd
    email: str | None
    organisation: str | None
    months_over: int


def retention_review(db: Database, on: date | None = None) -> list[RetentionCandidate]:
    """People with no inbound contact for three years, oldest first (anonymised excluded)."""
    day = on or today()
    out = []
    with db.read() as s:
        for row in s.execute(text(_FACTS_SQL)):
            facts, email, org = _facts(row)
            if facts.anonymised or facts.review_on > day:
                continue
            months = (day.year - facts.review_on.year) * 12 + day.month - facts.review_on.month
            out.append(RetentionCandidate(facts, email, org, max(0, months)))
    out.sort(key=lambda c: (c.facts.reference_on, c.facts.full_name))
    return out


# --- Erasure -----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ErasureReport:
    """What an erasure or anonymisation did (counts only: no name survives it)."""

    mode: str
    people: int
    redacted_rows: int
    texts_scrubbed: int
    documents: tuple[str, ...]
    #: False when the file could not be rewritten yet (see :func:`compact`)
    compacted: bool = True


def _person_fields(mode: str) -> dict[str, Any]:
    return {"first_name": "", "last_name": ERASED_NAME if mode == "erase" else ANONYMISED_NAME,
            "title": None, "email": None, "phone": None, "mobile": None, "consent_on": None,
            "collected_from": None, "collected_on": None, "last_inbound_on": None,
            "notes": None}


def _needles(conn: Connection, c: Contact) -> list[str]:
    """The strings that identify the person inside free text."""
    first, last = (c.first_name or "").strip(), (c.last_name or "").strip()
    out = set()
    if first and last:
        out |= {f"{first} {last}", f"{last} {first}", f"{first[0]}. {last}"}
    for value in (c.email, c.phone, c.mobile):
        if value:
            out.add(value)
            if value.startswith("+33"):
                out.add(v.format_phone_fr(value))
    if len(last) >= 3:
        # The family name alone names the person only if nobody else carries it.
        others = conn.execute(text(
            "SELECT COUNT(*) FROM contact WHERE id <> :id AND lower(last_name) = lower(:n) "
            "AND last_name NOT IN (:e, :a)"),
            {"id": str(c.id), "n": last, "e": ERASED_NAME, "a": ANONYMISED_NAME}).scalar()
        if not others:
            out.add(last)
    elif not first:
        out.add(last)
    # documents' data snapshots may hold JSON-escaped text
    out |= {json.dumps(n)[1:-1] for n in list(out)}
    return sorted((n for n in out if len(n) >= 3), key=len, reverse=True)


def _pattern(needles: Sequence[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(n) for n in needles)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _like(needle: str) -> str:
    return "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _scrub(value: Any, pattern: re.Pattern[str], *, nullable: bool) -> tuple[Any, bool]:
    if isinstance(value, str):
        if pattern.fullmatch(value) and nullable:
            return None, True
        new = pattern.sub(ERASED_TEXT, value)
        return new, new != value
    if isinstance(value, list):
        items = [_scrub(x, pattern, nullable=False) for x in value]
        return [x for x, _ in items], any(ch for _, ch in items)
    return value, False


def _prefilters(needles: Sequence[str]) -> list[str]:
    """The fewest LIKE patterns that every needle contains (a scan of the log per pattern)."""
    out: list[str] = []
    for n in sorted(needles, key=len):
        if not any(p.lower() in n.lower() for p in out):
            out.append(n)
    return out


_TOKEN = re.compile(r"[\w.+-]+@[\w.-]+|\w+")
_DIGIT_GAP = re.compile(r"(?<=\d)[ .](?=\d)")  # « 03 20 12 34 56 » is one word: 0320123456


def _words(text_: str) -> set[str]:
    return set(_TOKEN.findall(_DIGIT_GAP.sub("", text_.lower())))


def _keys(needles: Sequence[str]) -> set[str]:
    """Lower-case words of which at least one appears in any text holding a needle."""
    keys = set()
    for n in needles:
        tokens = [t for t in _words(n) if len(t) >= 3]
        if tokens:
            keys.add(max(tokens, key=len))
    return keys


Hit = tuple[str, str, str, str]
#: above this many people, one tokenising pass over the log beats a LIKE scan per person
_LIKE_MAX_PEOPLE = 8


def _log_hits(conn: Connection, needles: Sequence[str]) -> list[Hit]:
    patterns = _prefilters(needles)
    where = " OR ".join("value LIKE ? ESCAPE '\\'" for _ in patterns)
    return [tuple(r) for r in conn.exec_driver_sql(  # type: ignore[misc]
        f"SELECT entity, row_id, field, value FROM sync_change "
        f"WHERE field NOT IN ('{changelog.ROW_FIELD}', '{changelog.REDACT_FIELD}') "
        f"AND ({where})", tuple(_like(n) for n in patterns))]


def _log_hits_many(conn: Connection, people: dict[str, Sequence[str]]) -> dict[str, list[Hit]]:
    """Candidate changes of many people in one pass: a change is a candidate for a person
    when one of its words is a key word of one of the person's needles."""
    by_key: dict[str, set[str]] = {}
    for person, needles in people.items():
        for key in _keys(needles):
            by_key.setdefault(key, set()).add(person)
    out: dict[str, list[Hit]] = {p: [] for p in people}
    for row in conn.exec_driver_sql(
            f"SELECT entity, row_id, field, value FROM sync_change "
            f"WHERE field NOT IN ('{changelog.ROW_FIELD}', '{changelog.REDACT_FIELD}') "
            f"AND length(value) > 4"):
        found: set[str] = set()
        for token in _words(row[3]):
            found |= by_key.get(token, set())
        for person in found:
            out[person].append(tuple(row))  # type: ignore[arg-type]
    return out


def _text_redactions(conn: Connection, needles: Sequence[str], skip: set[tuple[str, str]],
                     hits: Sequence[Hit] | None = None
                     ) -> tuple[list[redaction.Redaction], list[str]]:
    """Redactions of every field, anywhere in the log, whose value holds one of ``needles``
    (``hits``: candidate changes already found, else a scan of the log)."""
    if not needles:
        return [], []
    pattern = _pattern(needles)
    if hits is None:
        hits = _log_hits(conn, needles)
    by_row: dict[tuple[str, str], set[str]] = {}
    for entity, row_id, fld, raw in hits:
        if (entity, row_id) in skip or entity not in MODEL_BY_ENTITY:
            continue
        try:
            decoded = json.loads(raw)
        except ValueError:
            continue
        if pattern.search(json.dumps(decoded, ensure_ascii=False)) or pattern.search(raw):
            by_row.setdefault((entity, row_id), set()).add(fld)
    out: list[redaction.Redaction] = []
    documents: list[str] = []
    for (entity, row_id), fields in sorted(by_row.items()):
        model = MODEL_BY_ENTITY[entity]
        specs = changelog.FIELD_BY_WIRE[model]
        wanted = [specs[f] for f in sorted(fields) if f in specs]
        if not wanted:
            continue
        table = changelog.table_of(model)
        current = conn.execute(select(*(table.c[sp.attr] for sp in wanted))
                               .where(table.c.id == uuid.UUID(row_id))).first()
        replacements: dict[str, Any] = {}
        for i, sp in enumerate(wanted):
            value = current[i] if current is not None else None
            nullable = sp.column.nullable is True
            replacements[sp.wire] = _scrub(value, pattern, nullable=nullable)[0]
        out.append(redaction.Redaction(entity, row_id, replacements))
        if entity == "document":
            name = conn.execute(text("SELECT filename FROM document WHERE id = :i"),
                                {"i": row_id}).scalar()
            documents.append(_scrub(str(name or ""), pattern, nullable=False)[0])
    return out, documents


def erase_contacts(db: Database, contact_ids: Iterable[uuid.UUID | str], *, mode: str,
                   progress: Callable[[int, int], None] | None = None,
                   cancel: Event | None = None, compact_file: bool = True) -> ErasureReport:
    """Anonymise (``mode="anonymise"``) or erase (``"erase"``) people, all or nothing.

    Their fields, roles and every text that names them (current and past values) are
    rewritten by redactions that travel to colleagues; erasure also deletes the record, its
    organisation links and its meeting attendances. Generated document files are listed in
    the report: the files themselves are kept (conventions are legal records) and named
    without the person.
    """
    if mode not in _MODES:
        raise ValidationError("rgpd_bad_mode", "Mode d'effacement inconnu : {mode}",
                              field="mode", mode=mode)
    ids = list(dict.fromkeys(as_uuid(i, "contact") for i in contact_ids))
    if not ids:
        raise ValidationError("rgpd_nobody", "Aucune personne sélectionnée.", field="contacts")
    total = len(ids)
    redacted: set[tuple[str, str]] = set()
    scrubbed = 0
    documents: list[str] = []
    with db.write() as s:
        conn = s.connection()
        conn.exec_driver_sql("PRAGMA secure_delete = ON")
        batch_hits: dict[str, list[Hit]] | None = None
        if total > _LIKE_MAX_PEOPLE:
            people = {str(c.id): _needles(conn, c) for c in s.scalars(
                select(Contact).where(Contact.id.in_(ids)))}
            batch_hits = _log_hits_many(conn, people)
        for n, cid in enumerate(ids):
            if cancel is not None and cancel.is_set():
                raise PasserelleError("rgpd_cancelled",
                                      "Effacement annulé : rien n'a été modifié.")
            c = get_live(s, Contact, cid)
            items, docs = _erase_one(s, conn, c, mode,
                                     None if batch_hits is None else batch_hits.get(str(cid), []))
            scrubbed += len(items) - 1
            documents.extend(docs)
            rows = redaction.write_redactions(conn, s.info["change_context"], items)
            # applied at once: the next person's texts are scrubbed from this result
            sync_merge.reproject_rows(conn, rows | redaction.apply_redactions(conn, rows))
            redacted |= rows
            if progress is not None:
                progress(n + 1, total)
        search.purge_deleted_terms(conn)
    log.info("rgpd %s: %d people, %d rows redacted, %d texts scrubbed", mode, total,
             len(redacted), scrubbed)
    compacted = compact(db) if compact_file else False
    return ErasureReport(mode, total, len(redacted), scrubbed, tuple(sorted(set(documents))),
                         compacted)


def _erase_one(s: Session, conn: Connection, c: Contact, mode: str,
               hits: Sequence[Hit] | None) -> tuple[list[redaction.Redaction], list[str]]:
    cid = str(c.id)
    links = s.scalars(select(ContactOrganisation).where(
        ContactOrganisation.contact_id == c.id)).all()
    skip = {("contact", cid)} | {("contact_organisation", str(link.id)) for link in links}
    items, documents = _text_redactions(conn, _needles(conn, c), skip, hits)
    items.insert(0, redaction.Redaction("contact", cid, _person_fields(mode)))
    items.extend(redaction.Redaction("contact_organisation", str(link.id), {"role": None})
                 for link in links)
    if mode == "erase":
        c.deleted = True
        for link in links:
            link.deleted = True
        for p in s.scalars(select(InteractionParticipant).where(
                InteractionParticipant.contact_id == c.id,
                InteractionParticipant.deleted.is_(False))):
            p.deleted = True
        for ep in s.scalars(select(EventParticipant).where(EventParticipant.contact_id == c.id)):
            ep.contact_id = None
        s.flush()
    return items, documents


def erase_text(db: Database, words: Iterable[str], *, compact_file: bool = True
               ) -> ErasureReport:
    """Remove a name (or an e-mail, a phone number) from every text of the base, past values
    included, by redactions that travel to colleagues.

    The fallback for text written on another laptop *while* a person was being erased there:
    that laptop did not know yet, and the erased name is not kept anywhere to look for it.
    """
    needles = sorted({w.strip() for w in words if len(w.strip()) >= 3}, key=len, reverse=True)
    if not needles:
        raise ValidationError("rgpd_text_too_short",
                              "Indiquez au moins trois caractères à effacer.", field="words")
    needles += [json.dumps(n)[1:-1] for n in needles if json.dumps(n)[1:-1] != n]
    with db.write() as s:
        conn = s.connection()
        conn.exec_driver_sql("PRAGMA secure_delete = ON")
        items, documents = _text_redactions(conn, needles, set())
        rows = redaction.write_redactions(conn, s.info["change_context"], items)
        sync_merge.reproject_rows(conn, rows | redaction.apply_redactions(conn, rows))
        search.purge_deleted_terms(conn)
    compacted = compact(db) if compact_file else False
    return ErasureReport("text", 0, len(rows), len(items), tuple(sorted(set(documents))),
                         compacted)


def redact_fields(db: Database, entity: str, row_id: uuid.UUID | str,
                  replacements: dict[str, Any]) -> None:
    """Rewrite every past and future value of some fields of one record (any entity): e.g. a
    sole trader's personal phone on an organisation. Propagated like an erasure."""
    model = MODEL_BY_ENTITY.get(entity)
    if model is None:
        raise ValidationError("rgpd_unknown_entity", "Type d'enregistrement inconnu : {entity}",
                              field="entity", entity=entity)
    specs = changelog.FIELD_BY_WIRE[model]
    bad = sorted(f for f in replacements
                 if f not in specs or f in (changelog.ROW_FIELD, changelog.REDACT_FIELD))
    if bad or not replacements:
        raise ValidationError("rgpd_bad_fields", "Champs impossibles à effacer : {fields}",
                              field="fields", fields=", ".join(bad) or "—")
    with db.write() as s:
        get_live(s, model, row_id)
        conn = s.connection()
        conn.exec_driver_sql("PRAGMA secure_delete = ON")
        item = redaction.Redaction(entity, str(as_uuid(row_id)), replacements)
        rows = redaction.write_redactions(conn, s.info["change_context"], [item])
        sync_merge.reproject_rows(conn, rows | redaction.apply_redactions(conn, rows))
        search.purge_deleted_terms(conn)


def compact(db: Database) -> bool:
    """Rewrite the file so that erased bytes leave the disk (WAL emptied, then VACUUM).

    The erasure itself is already committed; if another program holds the file (or the disk
    has no room for the rewrite), the compaction waits for a later call: False, and a log line.
    """
    raw = db.engine.raw_connection()  # outside SQLAlchemy's BEGIN: VACUUM refuses a transaction
    try:
        driver = raw.driver_connection
        assert driver is not None
        driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        driver.execute("VACUUM")
        driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.OperationalError as exc:
        log.warning("compaction after erasure postponed: %s", exc)
        return False
    finally:
        raw.close()
    return True


# --- Register content (DOMAIN-FR §4.1–§4.5) -----------------------------------------------------

#: The processing described by the register entry and quoted in access exports (art. 15
#: items 3–11 usually match the register, DOMAIN-FR §4.3).
PURPOSES = (
    "Mise en relation d'associations et d'entreprises en vue de partenariats",
    "Suivi des dossiers d'accompagnement (rencontres, médiations, conventions)",
    "Organisation d'événements collectifs (speed-dating, petits-déjeuners, conférences)",
    "Observatoire des partenariats (statistiques agrégées, sans donnée nominative)",
)
PERSON_CATEGORIES = (
    "Contacts des entreprises (dirigeants, responsables RSE, ressources humaines)",
    "Responsables et bénévoles des associations",
    "Interlocuteurs des collectivités et des réseaux",
)
DATA_CATEGORIES = (
    "Identité : nom, prénom, fonction",
    "Coordonnées professionnelles : e-mail, téléphone",
    "Rattachement à une organisation et rôle",
    "Historique des échanges et notes de suivi (sans donnée sensible, art. 9)",
    "Base légale, date de consentement, source et date de collecte, opposition à la prospection",
)
LEGAL_BASES = (
    ("Intérêt légitime (art. 6.1.f)",
     "gestion des contacts pour faciliter les partenariats ; prospection B2B en lien avec la "
     "fonction de la personne, avec information et droit d'opposition"),
    ("Exécution d'un contrat (art. 6.1.b)", "préparation et suivi des conventions"),
    ("Obligation légale (art. 6.1.c)", "conservation des conventions et reçus fiscaux"),
    ("Consentement (art. 6.1.a)",
     "lettres d'information à une adresse personnelle, photos et témoignages"),
)
RECIPIENTS = (
    "Les chargés d'accompagnement et médiateurs de la structure",
    "Les collègues de l'équipe avec lesquels les fichiers de synchronisation chiffrés sont "
    "échangés",
    "Les partenaires d'un dossier, pour les seuls documents qui les concernent (conventions, "
    "comptes rendus)",
    "Aucun transfert hors de l'Union européenne",
)
RETENTION = (
    ("Prospects et contacts sans partenariat",
     "3 ans à compter de la collecte ou du dernier contact entrant, puis suppression ou "
     "anonymisation (revue de conservation de Passerelle)"),
    ("Partenaires (convention en cours ou passée)",
     "durée de la relation + 3 ans, puis archivage intermédiaire 5 ans"),
    ("Conventions, reçus fiscaux, pièces comptables", "10 ans (pièces comptables)"),
    ("Bénévoles et membres d'associations", "tant qu'ils sont actifs, puis suppression"),
)
ENCRYPTED = (
    "Base de données chiffrée sur le poste (SQLCipher), clé dans le trousseau du système",
    "Sauvegardes vérifiées, chiffrées avec la même clé",
)
NOT_ENCRYPTED = (
    "Base de données NON chiffrée : à chiffrer (la CNIL le demande pour les ordinateurs "
    "portables) ou à placer sur un disque chiffré",
    "Sauvegardes vérifiées avant chaque mise à jour du schéma",
)
SECURITY = (
    "Fichiers de synchronisation chiffrés et authentifiés (AES-256-GCM)",
    "Journal des modifications : qui, quand, sur quel poste",
    "Effacement (droit à l'oubli) propagé aux postes des collègues",
    "Aucune donnée personnelle dans les journaux techniques",
)
RIGHTS = (
    "Accès (art. 15), rectification (art. 16), effacement (art. 17), limitation (art. 18), "
    "portabilité (art. 20) et opposition (art. 21, absolue pour la prospection).",
    "Réponse sous un mois, prolongeable de deux mois pour une demande complexe.",
)
COMPLAINT = ("Vous pouvez introduire une réclamation auprès de la CNIL, 3 place de Fontenoy, "
             "TSA 80715, 75334 Paris Cedex 07, www.cnil.fr.")


def _structure(db: Database) -> dict[str, str]:
    get = docs_service.get_setting
    return {"nom": get(db, docs_service.SETTING_STRUCTURE_NAME) or "",
            "adresse": get(db, docs_service.SETTING_STRUCTURE_ADDRESS) or "",
            "commune": get(db, docs_service.SETTING_STRUCTURE_COMMUNE) or ""}


def _information(source: str | None) -> dict[str, Any]:
    return {"finalites": list(PURPOSES), "categories_de_donnees": list(DATA_CATEGORIES),
            "destinataires": list(RECIPIENTS),
            "conservation": [f"{k} : {v_}" for k, v_ in RETENTION],
            "droits": list(RIGHTS), "reclamation": COMPLAINT,
            "source": source or "Collectée auprès de la personne ou de son organisation",
            "decision_automatisee": "Aucune", "transferts_hors_ue": "Aucun"}


# --- Right of access -----------------------------------------------------------------------------

def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def access_data(db: Database, contact_id: uuid.UUID | str) -> dict[str, Any]:
    """Every datum about one person, as plain JSON-ready data (art. 15 and 20)."""
    cid = as_uuid(contact_id, "contact")
    with db.read() as s:
        c = get_live(s, Contact, cid)
        conn = s.connection()
        q = lambda sql, **p: conn.execute(text(sql), {"c": str(cid), **p}).mappings().all()  # noqa: E731
        person = {"prenom": c.first_name, "nom": c.last_name, "fonction": c.title,
                  "email": c.email, "telephone": c.phone, "mobile": c.mobile,
                  "base_legale": LegalBasis(c.legal_basis).label
                  if c.legal_basis in {b.value for b in LegalBasis} else c.legal_basis,
                  "consentement_le": _jsonable(c.consent_on),
                  "source_collecte": c.collected_from,
                  "collecte_le": _jsonable(c.collected_on),
                  "dernier_contact_entrant": _jsonable(c.last_inbound_on),
                  "opposition_prospection": bool(c.objects_to_prospecting), "notes": c.notes}
        orgs = [{"organisation": r["name"], "role": r["role"], "principal": bool(r["is_primary"])}
                for r in q("SELECT o.name, co.role, co.is_primary FROM contact_organisation co "
                           "JOIN organisation o ON o.id = co.organisation_id "
                           "WHERE co.contact_id = :c AND co.deleted = 0 "
                           "ORDER BY co.is_primary DESC, o.name")]
        took_part = q("SELECT i.id, i.occurred_at, i.kind, i.subject, i.decisions, "
                      "f.reference FROM interaction_participant p "
                      "JOIN interaction i ON i.id = p.interaction_id "
                      "LEFT JOIN partnership_file f ON f.id = i.file_id "
                      "WHERE p.contact_id = :c AND p.deleted = 0 AND i.deleted = 0 "
                      "ORDER BY i.occurred_at")
        needles = _needles(conn, c)
        pattern = _pattern(needles) if needles else None
        inter_ids = {str(r["id"]) for r in took_part}
        mentioned: list[dict[str, Any]] = []
        if pattern is not None:
            where = " OR ".join(f"n.body LIKE :p{i} ESCAPE '\\'" for i in range(len(needles)))
            params = {f"p{i}": _like(n) for i, n in enumerate(needles)}
            for r in conn.execute(text(
                    f"SELECT DISTINCT i.id, i.occurred_at, i.kind, i.subject, i.decisions, "
                    f"f.reference FROM note_revision n JOIN interaction i "
                    f"ON i.id = n.interaction_id LEFT JOIN partnership_file f "
                    f"ON f.id = i.file_id WHERE n.deleted = 0 AND i.deleted = 0 AND ({where}) "
                    f"ORDER BY i.occurred_at"), params).mappings():
                if str(r["id"]) not in inter_ids and pattern.search(
                        " ".join(x for x in (r["subject"], r["decisions"]) if x) + " " +
                        " ".join(n for (n,) in conn.execute(text(
                            "SELECT body FROM note_revision WHERE interaction_id = :i"),
                            {"i": str(r["id"])}))):
                    mentioned.append(dict(r))

        def interaction(r: Any) -> dict[str, Any]:
            notes = conn.execute(text(
                "SELECT body, author, written_at FROM note_revision WHERE interaction_id = :i "
                "AND deleted = 0 ORDER BY written_at"), {"i": str(r["id"])}).all()
            return {"date": _jsonable(r["occurred_at"]), "type": r["kind"],
                    "objet": r["subject"], "decisions": r["decisions"],
                    "dossier": r["reference"],
                    "notes": [{"texte": b, "auteur": a, "ecrit_le": _jsonable(w)}
                              for b, a, w in notes]}

        all_ids = sorted(inter_ids | {str(r["id"]) for r in mentioned})
        tasks = []
        for r in conn.execute(text(
                "SELECT title, due_on, status, assignee, interaction_id FROM task "
                "WHERE deleted = 0 AND interaction_id IN (SELECT value FROM json_each(:ids)) "
                "ORDER BY due_on"), {"ids": json.dumps(all_ids)}).mappings():
            tasks.append({"titre": r["title"], "echeance": _jsonable(r["due_on"]),
                          "statut": r["status"], "responsable": r["assignee"]})
        events = [{"evenement": r["title"], "date": _jsonable(r["starts_at"]),
                   "statut": r["status"]}
                  for r in q("SELECT e.title, e.starts_at, ep.status FROM event_participant ep "
                             "JOIN event e ON e.id = ep.event_id WHERE ep.contact_id = :c "
                             "AND ep.deleted = 0 AND e.deleted = 0 ORDER BY e.starts_at")]
        docs_out = []
        if pattern is not None:
            for r in conn.execute(text(
                    "SELECT id, title, filename, version, created_at, author, data_snapshot "
                    "FROM document WHERE deleted = 0 ORDER BY created_at")).mappings():
                blob = " ".join(str(r[k] or "") for k in ("title", "filename", "data_snapshot"))
                if pattern.search(blob):
                    docs_out.append({"titre": r["title"], "fichier": r["filename"],
                                     "version": r["version"],
                                     "cree_le": _jsonable(r["created_at"]),
                                     "auteur": r["author"]})
        history = []
        for entity, row_id in [("contact", str(cid))] + [
                ("contact_organisation", str(i)) for (i,) in conn.execute(text(
                    "SELECT id FROM contact_organisation WHERE contact_id = :c"),
                    {"c": str(cid)})]:
            for e in changelog.history(conn, entity, row_id):
                if e.field == changelog.ROW_FIELD:
                    continue
                history.append({"quand": e.at.isoformat(), "qui": e.author,
                                "appareil": e.device_name or e.device_id[:8],
                                "objet": entity, "champ": e.field,
                                "ancien": _jsonable(e.old_value),
                                "nouveau": _jsonable(e.new_value)})
        files_out = [{"reference": r["reference"], "titre": r["title"], "etape": r["stage"],
                      "statut": r["status"]}
                     for r in conn.execute(text(
                         "SELECT DISTINCT f.reference, f.title, f.stage, f.status "
                         "FROM interaction_participant p JOIN interaction i "
                         "ON i.id = p.interaction_id JOIN partnership_file f ON f.id = i.file_id "
                         "WHERE p.contact_id = :c AND p.deleted = 0 AND i.deleted = 0 "
                         "AND f.deleted = 0 ORDER BY f.reference"), {"c": str(cid)}).mappings()]
        took_part_out = [interaction(r) for r in took_part]
        mentioned_out = [interaction(r) for r in mentioned]
        source = c.collected_from
    structure = _structure(db)
    return {
        "format": "passerelle.droit-acces.v1",
        "genere_le": datetime.now().astimezone().isoformat(timespec="seconds"),
        "responsable_de_traitement": structure,
        "confirmation": "Des données vous concernant sont traitées dans Passerelle.",
        "personne": person, "organisations": orgs, "dossiers": files_out,
        "interactions": took_part_out, "mentions": mentioned_out,
        "taches": tasks, "evenements": events, "documents": docs_out,
        "historique": history, "informations": _information(source),
    }


@dataclass(frozen=True, slots=True)
class AccessExport:
    """Where the access export went and what it holds (counts)."""

    path: Path
    interactions: int
    documents: int
    history: int


def access_export(db: Database, contact_id: uuid.UUID | str, out: Path | str) -> Path:
    """Write the ZIP (JSON + readable DOCX) answering an access request; returns its path."""
    data = access_data(db, contact_id)
    target = Path(out)
    if target.suffix.lower() != ".zip":
        target = target.with_suffix(".zip")
    readable = _access_docx(data)
    body = json.dumps(data, ensure_ascii=False, indent=2)
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("donnees_personnelles.json", body)
            z.writestr("donnees_personnelles.docx", readable)
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StorageUnavailable("rgpd_export_failed", "Impossible d'écrire {path} : {error}",
                           path=str(target), error=exc.strerror or str(exc)) from exc
    return target


def _docx_bytes(document: Any) -> bytes:
    import io

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _table(document: Any, header: Sequence[str], rows: Iterable[Sequence[Any]], *,
           widths_cm: Sequence[float] | None = None, bullets: bool = False) -> None:
    """A table with a header row; ``bullets``: a multi-line cell becomes one « • » line each."""
    from docx.shared import Cm

    rows = list(rows)
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Light Grid Accent 1"
    for cell, title in zip(table.rows[0].cells, header, strict=True):
        cell.text = title
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            text_ = "" if value is None else str(value)
            lines = text_.split("\n")
            if bullets and len(lines) > 1:
                cell.text = f"• {lines[0]}"
                for line in lines[1:]:
                    cell.add_paragraph(f"• {line}")
            else:
                cell.text = text_
    if widths_cm:
        table.autofit = False
        for column, width in zip(table.columns, widths_cm, strict=True):
            column.width = Cm(width)  # the grid: what LibreOffice and Word lay out from
        for row_ in table.rows:
            for cell, width in zip(row_.cells, widths_cm, strict=True):
                cell.width = Cm(width)


def _fr(value: Any) -> str:
    if not value:
        return ""
    text_ = str(value)
    try:
        d = datetime.fromisoformat(text_)
    except ValueError:
        return text_
    return d.strftime("%d/%m/%Y %H:%M") if "T" in text_ and d.time() != datetime.min.time() \
        else d.strftime("%d/%m/%Y")


def _stage_label(value: Any) -> str:
    try:
        return Stage(int(value)).label
    except (TypeError, ValueError):
        return str(value)


def _access_docx(data: dict[str, Any]) -> bytes:
    import docx

    d = docx.Document()
    p = data["personne"]
    who = f"{p['prenom']} {p['nom']}".strip()
    d.add_heading(f"Vos données personnelles — {who}", 0)
    org = data["responsable_de_traitement"]["nom"] or "la structure"
    d.add_paragraph(f"Réponse de {org} à votre demande d'accès (article 15 du RGPD), "
                    f"établie le {_fr(data['genere_le'][:10])}. {data['confirmation']} "
                    "Le fichier JSON joint contient les mêmes données dans un format réutilisable "
                    "(portabilité, article 20).")
    d.add_heading("Identité et coordonnées", 1)
    labels = {"prenom": "Prénom", "nom": "Nom", "fonction": "Fonction", "email": "E-mail",
              "telephone": "Téléphone", "mobile": "Mobile", "base_legale": "Base légale",
              "consentement_le": "Consentement le", "source_collecte": "Source de la collecte",
              "collecte_le": "Collecte le", "dernier_contact_entrant": "Dernier contact entrant",
              "opposition_prospection": "Opposition à la prospection", "notes": "Notes"}
    def shown(key: str, val: Any) -> str:
        if isinstance(val, bool):
            return "Oui" if val else "Non"
        if key in ("telephone", "mobile") and isinstance(val, str) and val.startswith("+33"):
            return v.format_phone_fr(val)
        return _fr(val)

    _table(d, ("Donnée", "Valeur"), ((labels[k], shown(k, val)) for k, val in p.items()),
           widths_cm=(5.0, 11.5))
    d.add_heading("Organisations et rôles", 1)
    _table(d, ("Organisation", "Rôle", "Principale"),
           ((o["organisation"], o["role"], "Oui" if o["principal"] else "Non")
            for o in data["organisations"]))
    d.add_heading("Dossiers d'accompagnement où vous intervenez", 1)
    _table(d, ("Référence", "Dossier", "Étape", "Statut"),
           ((f["reference"], f["titre"], _stage_label(f["etape"]), f["statut"])
            for f in data["dossiers"]), widths_cm=(3.0, 8.5, 3.5, 2.5))
    for key, title in (("interactions", "Échanges auxquels vous avez participé"),
                       ("mentions", "Autres échanges dont les notes vous mentionnent")):
        d.add_heading(title, 1)
        if not data[key]:
            d.add_paragraph("Aucun.")
        for i in data[key]:
            d.add_heading(f"{_fr(i['date'])} — {i['objet']}", 2)
            if i["dossier"]:
                d.add_paragraph(f"Dossier {i['dossier']}")
            if i["decisions"]:
                d.add_paragraph(f"Décisions : {i['decisions']}")
            for n in i["notes"]:
                d.add_paragraph(n["texte"])
    d.add_heading("Tâches", 1)
    _table(d, ("Tâche", "Échéance", "Statut"),
           ((t["titre"], _fr(t["echeance"]), t["statut"]) for t in data["taches"]))
    d.add_heading("Événements", 1)
    _table(d, ("Événement", "Date", "Statut"),
           ((e["evenement"], _fr(e["date"]), e["statut"]) for e in data["evenements"]))
    d.add_heading("Documents qui vous nomment", 1)
    _table(d, ("Titre", "Fichier", "Version", "Créé le"),
           ((x["titre"], x["fichier"], x["version"], _fr(x["cree_le"]))
            for x in data["documents"]))
    d.add_heading("Historique des modifications de votre fiche", 1)
    _table(d, ("Quand", "Qui", "Poste", "Champ", "Ancienne valeur", "Nouvelle valeur"),
           ((_fr(h["quand"]), h["qui"], h["appareil"], h["champ"], h["ancien"], h["nouveau"])
            for h in data["historique"]))
    info = data["informations"]
    d.add_heading("Informations sur le traitement", 1)
    for title, items in (("Finalités", info["finalites"]),
                         ("Catégories de données", info["categories_de_donnees"]),
                         ("Destinataires", info["destinataires"]),
                         ("Durées de conservation", info["conservation"]),
                         ("Vos droits", info["droits"])):
        d.add_heading(title, 2)
        for item in items:
            d.add_paragraph(item, style="List Bullet")
    d.add_paragraph(f"Source des données : {info['source']}.")
    d.add_paragraph("Décision automatisée : aucune. Transfert hors de l'Union européenne : "
                    "aucun.")
    d.add_paragraph(info["reclamation"])
    return _docx_bytes(d)


# --- Register of processing (art. 30) ------------------------------------------------------------

def _encrypted(db: Database) -> bool:
    """Whether the file is encrypted at rest: a plain SQLite file starts with its magic."""
    try:
        with open(db.path, "rb") as fh:
            return fh.read(16) != b"SQLite format 3\x00"
    except OSError:
        return False


def processing_register(db: Database, out: Path | str) -> Path:
    """The register entry « Gestion des partenariats associations–entreprises » as a DOCX."""
    import docx

    structure = _structure(db)
    with db.read() as s:
        by_basis = dict(s.connection().execute(text(
            "SELECT legal_basis, COUNT(*) FROM contact WHERE deleted = 0 "
            "GROUP BY legal_basis")).all())
    d = docx.Document()
    d.add_heading("Registre des activités de traitement (article 30 du RGPD)", 0)
    name = structure["nom"] or "(nom de la structure à renseigner dans les préférences)"
    address = ", ".join(x for x in (structure["adresse"], structure["commune"]) if x)
    d.add_paragraph(f"Responsable de traitement : {name}" + (f", {address}" if address else ""))
    d.add_paragraph(f"Fiche établie le {today().strftime('%d/%m/%Y')} avec Passerelle. "
                    "À relire, compléter (nom du référent, date de mise à jour) et conserver.")
    d.add_heading("Gestion des partenariats associations–entreprises", 1)
    rows: list[tuple[str, str]] = [
        ("Finalités", "\n".join(PURPOSES)),
        ("Bases légales", "\n".join(f"{k} : {v_}" for k, v_ in LEGAL_BASES)),
        ("Catégories de personnes", "\n".join(PERSON_CATEGORIES)),
        ("Catégories de données", "\n".join(DATA_CATEGORIES)),
        ("Données sensibles", "Aucune. Les notes ne doivent contenir ni opinion, ni santé, "
                              "ni appartenance syndicale ou religieuse (art. 9)."),
        ("Destinataires", "\n".join(RECIPIENTS)),
        ("Durées de conservation", "\n".join(f"{k} : {v_}" for k, v_ in RETENTION)),
        ("Mesures de sécurité", "\n".join(
            (ENCRYPTED if _encrypted(db) else NOT_ENCRYPTED) + SECURITY)),
        ("Exercice des droits", "\n".join(RIGHTS)),
        ("Personnes enregistrées", "\n".join(
            f"{LegalBasis(k).label if k in {b.value for b in LegalBasis} else k} : {n}"
            for k, n in sorted(by_basis.items())) or "Aucune"),
    ]
    _table(d, ("Rubrique", "Contenu"), rows, widths_cm=(4.5, 12.0), bullets=True)
    target = Path(out)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.tmp")
        d.save(str(tmp))
        tmp.replace(target)
    except OSError as exc:
        raise StorageUnavailable("rgpd_export_failed", "Impossible d'écrire {path} : {error}",
                           path=str(target), error=exc.strerror or str(exc)) from exc
    return target
