"""Mail merge to people and organisations: « Courrier en nombre » from the directory views.

:func:`passerelle.services.documents.render_letters` writes one letter per *file* and records
each one as a version of that file. Facilitators also write to a list of organisations or
contacts chosen in Organisations / Contacts (an invitation to a collective event sent to forty
companies, a newsletter-like letter to the associations of a neighbourhood): those letters belong
to no file, so they are written to a folder and not recorded in the database.

- Each recipient gets the vocabulary of :mod:`passerelle.infra.docx_render`: ``contact.*`` is the
  person written to (for an organisation, its representative), ``association.*`` or
  ``entreprise.*`` is the recipient organisation, and ``dossier.*`` / ``convention.*`` come from
  that organisation's most recent file when it has one (empty otherwise).
- RGPD: a contact who objected to prospecting (art. 21, absolute) gets no letter; they are
  listed as skipped with the reason, before anything is rendered.
- All or nothing (DESIGN.md §9): letters are rendered into a hidden staging folder inside the
  output folder, then moved in by renames; on cancel or error the staging folder is removed and
  the output folder is exactly as it was.
- « Un seul document » joins the letters one per page (:mod:`passerelle.infra.docx_compose`:
  images, drawing ids and list numbering kept right; refused when the template's header shows
  per-recipient data, which one shared header cannot).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from passerelle.domain.errors import ValidationError
from passerelle.domain.vocabulary import OrganisationKind
from passerelle.infra import docx_compose, docx_render
from passerelle.services import documents
from passerelle.services.common import as_uuid, today
from passerelle.services.documents import BatchCancelled, TemplateDTO
from passerelle.store.database import Database
from passerelle.store.models import (
    Contact,
    ContactOrganisation,
    Organisation,
    PartnershipFile,
)

__all__ = [
    "CONTACTS",
    "ORGANISATIONS",
    "MailMergeResult",
    "Recipient",
    "RecipientList",
    "EventNote",
    "batch_templates",
    "default_folder",
    "event_note",
    "list_recipients",
    "render_mail_merge",
]

ORGANISATIONS = "organisations"
CONTACTS = "contacts"
_KINDS = (ORGANISATIONS, CONTACTS)

#: Template purposes offered first for a mail merge (then the others, never the summary).
_LETTER_PURPOSES = ("lettre", "invitation")


@dataclass(frozen=True, slots=True)
class Recipient:
    """Someone a letter is written to.

    ``id`` is the organisation's or the contact's id (as selected); ``person`` the addressee
    (may be empty for an organisation without contacts: the letter says « Madame, Monsieur »);
    ``skipped_reason`` is a French sentence when no letter will be written.
    """

    id: uuid.UUID
    name: str
    person: str
    organisation: str
    skipped_reason: str | None = None


@dataclass(frozen=True, slots=True)
class RecipientList:
    """The selection, split into those who get a letter and those skipped (with why)."""

    kind: str
    recipients: tuple[Recipient, ...]
    skipped: tuple[Recipient, ...]


@dataclass(frozen=True, slots=True)
class MailMergeResult:
    """What a mail merge wrote: the files (one, when combined) in the output folder."""

    out_dir: Path
    files: tuple[Path, ...]
    combined: bool
    letters: int
    skipped: tuple[Recipient, ...]


@dataclass(frozen=True, slots=True)
class EventNote:
    """Whether a template prints a collective event, and which one a mail merge would use.

    ``title``/``starts_at`` describe the next event to come (None: there is none, the date and
    place print as dotted lines). A recipient whose latest file came from an event still to
    come gets that one instead.
    """

    uses_event: bool
    title: str | None
    starts_at: datetime | None
    place: str | None


def event_note(db: Database, template: str | Path) -> EventNote:
    """What the dialog says about ``evenement.*`` before writing invitations.

    Raises:
        NotFound: unknown template.
        ValidationError: the template has problems.
    """
    with db.read() as s:
        choice = documents._choose_template(s, template)
        uses = any(n.startswith("evenement.")
                   for n in docx_render.used_placeholders(choice.path))
        if not uses:
            return EventNote(uses_event=False, title=None, starts_at=None, place=None)
        ev = documents._event_context(s, None, None)
    return EventNote(uses_event=True, title=ev["titre"] or None, starts_at=ev["date"],
                     place=ev["lieu"] or None)


def batch_templates(db: Database) -> list[TemplateDTO]:
    """Templates a mail merge can use: letters and invitations first, then the others.

    The case summary is left out: it describes one file and makes no sense sent in bulk.
    """
    templates = [t for t in documents.list_templates(db) if t.purpose != "synthese"]
    letters = [t for t in templates if t.purpose in _LETTER_PURPOSES]
    return letters + [t for t in templates if t.purpose not in _LETTER_PURPOSES]


# =============================================================================================
# Recipients
# =============================================================================================


@dataclass(frozen=True, slots=True)
class _Target:
    """A recipient resolved to ORM rows, inside one read session."""

    recipient: Recipient
    organisation: Organisation | None
    contact: Contact | None
    role: str | None


def _check_kind(kind: str) -> None:
    if kind not in _KINDS:
        raise ValidationError("mail_merge_bad_kind",
                              "Destinataires inconnus : « {kind} » (organisations ou contacts).",
                              field="kind", kind=kind)


def _full_name(c: Contact | None) -> str:
    return f"{c.first_name} {c.last_name}".strip() if c is not None else ""


def _primary_link(s: Session, contact_id: uuid.UUID
                  ) -> tuple[Organisation | None, str | None]:
    """The contact's main organisation (the primary link, else the first by name) and role."""
    row = s.execute(
        select(Organisation, ContactOrganisation.role)
        .join(ContactOrganisation, ContactOrganisation.organisation_id == Organisation.id)
        .where(ContactOrganisation.contact_id == contact_id,
               ContactOrganisation.deleted.is_(False), Organisation.deleted.is_(False))
        .order_by(ContactOrganisation.is_primary.desc(), Organisation.name)
        .limit(1)).first()
    return (row[0], row[1]) if row is not None else (None, None)


def _resolve(s: Session, kind: str, ids: Sequence[uuid.UUID | str]) -> list[_Target]:
    """Load every selected row once, in the order given, without duplicates."""
    seen: set[uuid.UUID] = set()
    out: list[_Target] = []
    for raw in ids:
        rid = as_uuid(raw)
        if rid in seen:
            continue
        seen.add(rid)
        if kind == ORGANISATIONS:
            org = s.get(Organisation, rid)
            if org is None or org.deleted:
                continue  # deleted since it was selected (another window, a sync)
            person, role = documents._representative(s, org.id)
            out.append(_Target(Recipient(org.id, org.name, _full_name(person), org.name),
                               org, person, role))
        else:
            contact = s.get(Contact, rid)
            if contact is None or contact.deleted:
                continue
            org, role = _primary_link(s, contact.id)
            name = _full_name(contact)
            reason = None
            if contact.objects_to_prospecting:
                reason = ("s'est opposé(e) à la prospection : aucun courrier ne lui est "
                          "adressé (RGPD, article 21)")
            out.append(_Target(Recipient(contact.id, name, name, org.name if org else "",
                                         reason), org, contact, role))
    return out


def list_recipients(db: Database, kind: str, ids: Iterable[uuid.UUID | str]) -> RecipientList:
    """Who would get a letter, and who would not (and why), for the dialog to show first.

    Raises:
        ValidationError: ``kind`` is neither ``organisations`` nor ``contacts``.
    """
    _check_kind(kind)
    with db.read() as s:
        targets = _resolve(s, kind, list(ids))
    return RecipientList(kind,
                         tuple(t.recipient for t in targets if t.recipient.skipped_reason is None),
                         tuple(t.recipient for t in targets if t.recipient.skipped_reason))


# =============================================================================================
# Rendering
# =============================================================================================


def _latest_file(s: Session, org_id: uuid.UUID) -> PartnershipFile | None:
    """The organisation's most recent live file, as association or as company."""
    return s.scalars(
        select(PartnershipFile)
        .where(PartnershipFile.deleted.is_(False),
               or_(PartnershipFile.association_id == org_id,
                   PartnershipFile.company_id == org_id))
        .order_by(PartnershipFile.opened_on.desc(), PartnershipFile.id.desc())
        .limit(1)).first()


_COMPANY_KINDS = (OrganisationKind.COMPANY.value, OrganisationKind.FOUNDATION.value)


def _context(s: Session, target: _Target, needed: frozenset[str], user_name: str
             ) -> dict[str, Any]:
    org = target.organisation
    f = _latest_file(s, org.id) if org is not None else None
    ctx = documents._context_for(s, f, None, interaction_id=None, event_id=None,
                                 needed=needed, user_name=user_name)
    person = target.contact
    ctx["contact"] = {
        "nom_complet": _full_name(person),
        "fonction": target.role or "",
        "organisation": org.name if org else "",
        "email": (person.email or "") if person else "",
        "adresse": documents._address(org),
    }
    if org is not None and org.kind == OrganisationKind.ASSOCIATION.value:
        ctx["association"] = documents._org_context(s, org, company=False)[0]
    elif org is not None and org.kind in _COMPANY_KINDS:
        ctx["entreprise"] = documents._org_context(s, org, company=True)[0]
    return ctx


def _free_name(folder: Path, name: str, taken: set[str]) -> str:
    """``name``, or ``stem_2.docx``… when the folder or this batch already has it."""
    stem, suffix = Path(name).stem, Path(name).suffix
    candidate, n = name, 1
    while candidate.casefold() in taken or (folder / candidate).exists():
        n += 1
        candidate = f"{stem}_{n}{suffix}"
    taken.add(candidate.casefold())
    return candidate


def _check_cancel(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise BatchCancelled("batch_cancelled",
                             "Publipostage annulé : aucun document n'a été gardé.")


def render_mail_merge(db: Database, template: str | Path, kind: str,
                      ids: Iterable[uuid.UUID | str], out_dir: Path | str, *,
                      combined: bool = False,
                      progress: Callable[[int, int], None] | None = None,
                      cancel: threading.Event | None = None) -> MailMergeResult:
    """One letter per selected organisation or contact, in ``out_dir``.

    Args:
        db: the open database (only read: these letters belong to no file).
        template: a shipped key or name, an imported name, or a .docx path.
        kind: ``organisations`` or ``contacts`` (what ``ids`` are).
        ids: the selected rows, in the order the letters should come.
        out_dir: the folder to write to (created if missing).
        combined: one document with a letter per page, instead of one file per recipient
            (``NNN_<destinataire>.docx``).
        progress: called with (done, total); total counts the joining step when combined.
        cancel: set it to stop; :class:`BatchCancelled` is raised and nothing is left.

    Raises:
        ValidationError: bad ``kind``, nobody to write to, template problems, unwritable
            folder.
        NotFound: unknown template.
        BatchCancelled: ``cancel`` was set.
    """
    _check_kind(kind)
    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".passerelle-courriers-", dir=folder))
    except OSError as exc:
        raise ValidationError("document_unwritable", "Impossible d'écrire « {file} » : {error}.",
                              field="out_dir", file=str(folder),
                              error=exc.strerror or str(exc)) from None
    moved: list[Path] = []
    try:
        with db.read() as s:
            choice = documents._choose_template(s, template)
            docx_render.ensure_valid(choice.path)
            needed = docx_render.used_placeholders(choice.path)
            source = choice.path.read_bytes()
            targets = _resolve(s, kind, list(ids))
            writing = [t for t in targets if t.recipient.skipped_reason is None]
            skipped = tuple(t.recipient for t in targets if t.recipient.skipped_reason)
            if not writing:
                raise ValidationError(
                    "mail_merge_empty",
                    "Aucun destinataire à qui écrire : sélectionnez des organisations ou des "
                    "contacts (les personnes opposées à la prospection sont exclues).",
                    field="ids")
            total = len(writing) * (2 if combined and len(writing) > 1 else 1)
            done = 0

            def tick() -> None:
                nonlocal done
                done += 1
                if progress is not None:
                    progress(done, total)

            parts: list[bytes] = []
            names: list[str] = []
            width = max(3, len(str(len(writing))))
            for index, target in enumerate(writing, start=1):
                _check_cancel(cancel)
                context = _context(s, target, needed, db.user_name)
                data = docx_render.render_bytes(choice.path, context, _source=source)
                if combined:
                    parts.append(data)
                else:
                    name = f"{index:0{width}d}_{documents._slug(target.recipient.name)}.docx"
                    _write(staging / name, data)
                    names.append(name)
                tick()
        if combined:
            data = (docx_compose.combine(parts, lambda: _check_cancel(cancel), tick)
                    if len(parts) > 1 else parts[0])
            name = (f"{documents._slug(choice.name)}_{today():%Y-%m-%d}_"
                    f"{len(parts)}-destinataires.docx")
            _write(staging / name, data)
            names.append(name)
        _check_cancel(cancel)
        taken: set[str] = set()
        finals = [(staging / n, folder / _free_name(folder, n, taken)) for n in names]
        for src, dst in finals:
            os.replace(src, dst)
            moved.append(dst)
        return MailMergeResult(folder, tuple(moved), combined, len(writing), skipped)
    except BaseException:
        for path in moved:
            path.unlink(missing_ok=True)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise ValidationError("document_unwritable", "Impossible d'écrire « {file} » : {error}.",
                              field="out_path", file=str(path),
                              error=exc.strerror or str(exc)) from None


def default_folder(base: Path, template_name: str, on: date | None = None) -> Path:
    """``<base>/Courriers/<date>_<modèle>``: a new folder per mail merge, easy to find."""
    day = on or today()
    return base / "Courriers" / f"{day:%Y-%m-%d}_{documents._slug(template_name)}"

