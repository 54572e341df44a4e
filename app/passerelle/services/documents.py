"""Documents: fill templates from a file or an agreement, keep every generated version.

The use cases of issue #4, shared by the UI, the CLI and facilitators' scripts:

- :func:`build_context` reads a file (or an agreement) and returns a **plain dict** that follows
  the placeholder vocabulary of :mod:`passerelle.infra.docx_render` — no ORM object ever
  reaches a template, so a template can read nothing the vocabulary does not offer.
- :func:`render_for_file` renders a template and records a :class:`Document` row: an immutable
  version (SHA-256, size, version number per template and file, template id, JSON snapshot of
  the data used), so that « which amount did we send on 3 March? » has an answer.
- :func:`render_letters` is the mail merge: one letter per file, all-or-nothing, with progress
  and cancel (STYLE.md 7.3).
- :func:`case_summary` gathers a file's whole story into plain dataclasses: the PDF printer
  (``ui/summary_pdf.py``, Qt) and the « fiche de synthèse » template both start from it.
- Templates: the shipped ones are registered in the ``template`` table on first use, user
  templates are validated before being imported (:func:`import_template`).
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import threading
import unicodedata
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from passerelle.domain.errors import NotFound, PasserelleError, ValidationError
from passerelle.domain.stages import Stage
from passerelle.domain.validators import format_rna, format_siren, format_siret
from passerelle.domain.vocabulary import (
    AgreementStatus,
    AgreementType,
    DocumentKind,
    EventKind,
    FileStatus,
    InteractionKind,
    LabelledEnum,
    Objective,
    PartnershipCategory,
    TaskStatus,
)
from passerelle.infra import builtin_templates as builtins
from passerelle.infra import docx_render
from passerelle.services.common import clean, euros, get_live, today, utcnow
from passerelle.store.database import Database
from passerelle.store.models import (
    Agreement,
    AppSetting,
    Contact,
    ContactOrganisation,
    Counterpart,
    Document,
    Event,
    FileParty,
    Interaction,
    InteractionParticipant,
    NoteRevision,
    Organisation,
    PartnershipFile,
    StageChange,
    Task,
    Template,
)

__all__ = [
    "AGREEMENT_TEMPLATES",
    "SETTING_STRUCTURE_LOGO",
    "SETTING_STRUCTURE_NAME",
    "AgreementSummary",
    "BatchCancelled",
    "BatchResult",
    "CaseSummary",
    "CounterpartSummary",
    "DocumentDTO",
    "DocumentSummary",
    "PartySummary",
    "StageStep",
    "TaskSummary",
    "TemplateDTO",
    "TimelineItem",
    "build_context",
    "case_summary",
    "get_setting",
    "import_template",
    "list_documents",
    "list_templates",
    "record_document",
    "render_for_file",
    "render_letters",
    "resolve_template",
    "set_setting",
]

SETTING_STRUCTURE_NAME = "structure.nom"
SETTING_STRUCTURE_LOGO = "structure.logo"
SETTING_STRUCTURE_ADDRESS = "structure.adresse"
SETTING_STRUCTURE_COMMUNE = "structure.commune"

#: Which shipped convention fits an agreement type (the UI pre-selects it).
AGREEMENT_TEMPLATES: dict[str, str] = {
    AgreementType.FINANCIAL_PATRONAGE.value: "convention_mecenat_financier",
    AgreementType.IN_KIND_PATRONAGE.value: "convention_mecenat_nature",
    AgreementType.SKILLS_PATRONAGE.value: "convention_mecenat_competences",
    AgreementType.PARTNERSHIP.value: "convention_partenariat",
    AgreementType.PROVISION.value: "convention_mecenat_nature",
}
_PREFERRED_AGREEMENT = {v: k for k, v in AGREEMENT_TEMPLATES.items()
                        if k != AgreementType.PROVISION.value}

_CENT = Decimal("0.01")


class BatchCancelled(PasserelleError):  # noqa: N818 - a state the user asked for
    """The user cancelled a batch: no file is left behind and nothing was recorded."""


# =============================================================================================
# Settings (the facilitator's own structure)
# =============================================================================================


def get_setting(db: Database, key: str, default: str | None = None) -> str | None:
    """A preference stored in the database (``app_setting``), or ``default``.

    Preferences that change documents live in the database rather than QSettings so that they
    are backed up and migrated with the data (STYLE.md 7.5).
    """
    with db.read() as s:
        value = s.get(AppSetting, key)
        return default if value is None or value.value is None else value.value


def set_setting(db: Database, key: str, value: str | None) -> None:
    """Store (or clear, with ``None``) a preference."""
    with db.write() as s:
        row = s.get(AppSetting, key)
        if row is None:
            s.add(AppSetting(key=key, value=value))
        else:
            row.value = value


def _settings(s: Session) -> dict[str, str]:
    rows = s.execute(select(AppSetting.key, AppSetting.value)
                     .where(AppSetting.key.like("structure.%"))).all()
    return {k: v for k, v in rows if v}


# =============================================================================================
# Templates
# =============================================================================================


@dataclass(frozen=True, slots=True)
class TemplateDTO:
    """A template as the manager lists it.

    ``id`` is None for a shipped template not used yet (it is registered on first use);
    ``key`` is the shipped template's stable key, None for an imported one.
    """

    id: uuid.UUID | None
    key: str | None
    name: str
    purpose: str
    description: str | None
    path: Path
    sha256: str | None
    builtin: bool


def _sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _builtin_dto(s: Session, spec: builtins.BuiltinTemplate) -> TemplateDTO:
    row = _builtin_row(s, spec)
    return TemplateDTO(row.id if row else None, spec.key, spec.name, spec.purpose,
                       spec.description, builtins.builtin_path(spec),
                       row.sha256 if row else None, builtin=True)


def _builtin_row(s: Session, spec: builtins.BuiltinTemplate) -> Template | None:
    return s.scalars(select(Template).where(
        Template.builtin.is_(True), Template.filename == spec.filename,
        Template.deleted.is_(False)).order_by(Template.id).limit(1)).first()


def _row_dto(row: Template) -> TemplateDTO:
    return TemplateDTO(row.id, None, row.name, row.purpose, row.description,
                       Path(row.filename), row.sha256, builtin=False)


def list_templates(db: Database) -> list[TemplateDTO]:
    """Shipped templates (in their fixed order), then imported ones by name."""
    with db.read() as s:
        out = [_builtin_dto(s, spec) for spec in builtins.BUILTIN_TEMPLATES]
        rows = s.scalars(select(Template).where(Template.builtin.is_(False),
                                                Template.deleted.is_(False))
                         .order_by(Template.name)).all()
        out.extend(_row_dto(r) for r in rows)
        return out


@dataclass(frozen=True, slots=True)
class _TemplateChoice:
    path: Path
    name: str
    key: str
    builtin: builtins.BuiltinTemplate | None = None
    row_id: uuid.UUID | None = None


def _choose_template(s: Session, template: str | Path) -> _TemplateChoice:
    text = str(template).strip()
    looks_like_path = isinstance(template, Path) or text.lower().endswith(".docx") \
        or "/" in text or "\\" in text
    if not looks_like_path:
        folded = text.casefold()
        for spec in builtins.BUILTIN_TEMPLATES:
            if folded in (spec.key.casefold(), spec.name.casefold()):
                return _TemplateChoice(builtins.builtin_path(spec), spec.name, spec.key, spec)
        row = s.scalars(select(Template).where(
            func.lower(Template.name) == folded, Template.builtin.is_(False),
            Template.deleted.is_(False)).order_by(Template.id.desc()).limit(1)).first()
        if row is not None:
            return _TemplateChoice(Path(row.filename), row.name, _slug(row.name), None, row.id)
        known = ", ".join(t.key for t in builtins.BUILTIN_TEMPLATES)
        raise NotFound("template_unknown",
                       "Modèle inconnu : « {name} ». Modèles fournis : {known} ; ou donnez le "
                       "chemin d'un fichier .docx.", name=text, known=known)
    path = Path(text).expanduser()
    if not path.is_file():
        raise NotFound("template_not_found", "Le modèle « {file} » est introuvable.",
                       file=str(path))
    resolved = path.resolve()
    for spec in builtins.BUILTIN_TEMPLATES:
        if builtins.builtin_path(spec).resolve() == resolved:
            return _TemplateChoice(resolved, spec.name, spec.key, spec)
    row = s.scalars(select(Template).where(Template.filename == str(resolved),
                                           Template.deleted.is_(False)).limit(1)).first()
    if row is not None:
        return _TemplateChoice(resolved, row.name, _slug(row.name), None, row.id)
    return _TemplateChoice(resolved, path.stem, _slug(path.stem))


def resolve_template(db: Database, template: str | Path) -> TemplateDTO:
    """Find a template by shipped key or name, imported name, or .docx path.

    Raises:
        NotFound: no such template (``template_unknown``) or file (``template_not_found``).
    """
    with db.read() as s:
        choice = _choose_template(s, template)
        if choice.builtin is not None:
            return _builtin_dto(s, choice.builtin)
        if choice.row_id is not None:
            return _row_dto(get_live(s, Template, choice.row_id))
        return TemplateDTO(None, None, choice.name, "autre", None, choice.path, None,
                           builtin=False)


def _register_builtin(s: Session, spec: builtins.BuiltinTemplate) -> uuid.UUID:
    """The shipped template's row, created on first use and re-hashed after an app update."""
    digest = _sha256_file(builtins.builtin_path(spec))
    row = _builtin_row(s, spec)
    if row is None:
        row = Template(name=spec.name, purpose=spec.purpose, description=spec.description,
                       filename=spec.filename, sha256=digest, builtin=True)
        s.add(row)
        s.flush()
    elif row.sha256 != digest:
        row.sha256 = digest
    return row.id


def import_template(db: Database, path: Path | str, templates_dir: Path | str, *,
                    name: str | None = None, purpose: str = "autre",
                    description: str | None = None) -> TemplateDTO:
    """Validate a user's .docx, copy it into ``templates_dir`` and register it.

    The copy (named after the new row's id) is what later renders use, so moving or editing
    the original does not change generated documents silently; re-import to update.

    Raises:
        NotFound: ``path`` does not exist.
        ValidationError: the template has problems (key of the first one; every problem in
            ``params["problems"]``), or is not a readable .docx.
    """
    source = Path(path)
    if not source.is_file():
        raise NotFound("template_not_found", "Le modèle « {file} » est introuvable.",
                       file=str(source))
    docx_render.ensure_valid(source)
    display = clean(name) or source.stem
    folder = Path(templates_dir)
    folder.mkdir(parents=True, exist_ok=True)
    row_id = uuid.uuid4()
    target = folder / f"{_slug(display)}-{str(row_id)[:8]}.docx"
    shutil.copyfile(source, target)
    try:
        with db.write() as s:
            row = Template(name=display, purpose=purpose, description=clean(description),
                           filename=str(target.resolve()), sha256=_sha256_file(target),
                           builtin=False)
            s.add(row)
            s.flush()
            return _row_dto(row)
    except BaseException:
        target.unlink(missing_ok=True)
        raise


# =============================================================================================
# Context
# =============================================================================================


def _label(enum: type[LabelledEnum], value: str | None) -> str:
    if not value:
        return ""
    try:
        return enum.parse(value).label
    except ValueError:
        return value


_STAGE_LABELS = {stage.value: stage.label for stage in Stage}


def _stage_label(value: int | None) -> str:
    if value is None:
        return ""
    return _STAGE_LABELS.get(value, str(value))


def _address(org: Organisation | None) -> str:
    if org is None:
        return ""
    town = " ".join(x for x in (org.postal_code, org.commune_name) if x)
    return ", ".join(x for x in (org.address, town) if x)


_REPRESENTATIVE_ROLES = ("présid", "direct", "gérant", "pdg", "dg", "responsable", "trésor",
                         "coordinat")


def _representative(s: Session, org_id: uuid.UUID | None
                    ) -> tuple[Contact | None, str | None]:
    """The contact who speaks for an organisation: a president or director if one is known."""
    if org_id is None:
        return None, None
    rows = s.execute(
        select(Contact, ContactOrganisation.role, ContactOrganisation.is_primary)
        .join(ContactOrganisation, ContactOrganisation.contact_id == Contact.id)
        .where(ContactOrganisation.organisation_id == org_id,
               ContactOrganisation.deleted.is_(False), Contact.deleted.is_(False))
        .order_by(Contact.last_name, Contact.first_name)).all()
    if not rows:
        return None, None

    def score(row: Any) -> tuple[int, int]:
        role = (row[1] or "").casefold()
        return (0 if any(k in role for k in _REPRESENTATIVE_ROLES) else 1,
                0 if row[2] else 1)

    best = min(rows, key=score)
    return best[0], best[1]


def _full_name(c: Contact | None) -> str:
    return f"{c.first_name} {c.last_name}".strip() if c is not None else ""


def _org_context(s: Session, org: Organisation | None, *, company: bool
                 ) -> tuple[dict[str, Any], Contact | None, str | None]:
    rep, role = _representative(s, org.id if org else None)
    ctx: dict[str, Any] = {
        "nom": org.name if org else "",
        "siret": format_siret(org.siret) if org and org.siret else "",
        "adresse": _address(org),
        "commune": (org.commune_name or "") if org else "",
        "representant": _full_name(rep),
        "representant_qualite": role or "",
    }
    if company:
        siren = (org.siren or (org.siret[:9] if org.siret else None)) if org else None
        ctx["siren"] = format_siren(siren) if siren else ""
    else:
        ctx["rna"] = format_rna(org.rna) if org and org.rna else ""
    return ctx, rep, role


def _money(cents: int | None) -> Decimal:
    return euros(cents).quantize(_CENT)


def _percent(ratio: Decimal) -> str:
    value = (ratio * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP).normalize()
    return f"{value:f}".replace(".", ",") + "\u00a0%"


def _agreement_context(s: Session, a: Agreement | None) -> dict[str, Any]:
    if a is None:
        return {"type": "", "objet": "", "montant": None, "montant_numeraire": None,
                "montant_nature": None, "montant_competences": None, "date_debut": None,
                "date_fin": None, "date_signature": None, "statut": "", "contreparties": [],
                "total_contreparties": Decimal("0.00"), "part_contreparties": ""}
    counterparts = s.scalars(select(Counterpart).where(
        Counterpart.agreement_id == a.id, Counterpart.deleted.is_(False))
        .order_by(Counterpart.id)).all()
    items = [{"description": c.description, "valeur": _money(c.value_cents),
              "methode": c.valuation_method or ""} for c in counterparts]
    total_cents = a.cash_cents + a.in_kind_cents + a.skills_cents
    cp_total = sum(c.value_cents for c in counterparts)
    return {
        "type": _label(AgreementType, a.type),
        "objet": a.object,
        "montant": _money(total_cents),
        "montant_numeraire": _money(a.cash_cents),
        "montant_nature": _money(a.in_kind_cents),
        "montant_competences": _money(a.skills_cents),
        "date_debut": a.start_on,
        "date_fin": a.end_on,
        "date_signature": a.signed_on,
        "statut": _label(AgreementStatus, a.status),
        "contreparties": items,
        "total_contreparties": _money(cp_total),
        "part_contreparties": _percent(Decimal(cp_total) / Decimal(total_cents))
        if total_cents and cp_total else "",
    }


def _pick_agreement(s: Session, file_id: uuid.UUID, preferred_type: str | None
                    ) -> Agreement | None:
    rows = s.scalars(select(Agreement).where(Agreement.file_id == file_id,
                                             Agreement.deleted.is_(False))
                     .order_by(Agreement.id.desc())).all()
    if preferred_type:
        for a in rows:
            if a.type == preferred_type:
                return a
    return rows[0] if rows else None


_MEETING_KINDS = (InteractionKind.MEETING.value, InteractionKind.MEDIATION.value,
                  InteractionKind.VISIT.value, InteractionKind.REVIEW.value,
                  InteractionKind.EVENT_ENCOUNTER.value)


def _latest_notes(s: Session, interaction_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
    """The newest note revision of each interaction (one query)."""
    out: dict[uuid.UUID, tuple[datetime, str]] = {}
    for start in range(0, len(interaction_ids), 500):
        chunk = interaction_ids[start:start + 500]
        for iid, at, body in s.execute(
                select(NoteRevision.interaction_id, NoteRevision.written_at, NoteRevision.body)
                .where(NoteRevision.interaction_id.in_(chunk),
                       NoteRevision.deleted.is_(False))):
            if iid not in out or at >= out[iid][0]:
                out[iid] = (at, body)
    return {k: v[1] for k, v in out.items()}


def _participants(s: Session, interaction_ids: Sequence[uuid.UUID]
                  ) -> dict[uuid.UUID, list[str]]:
    out: dict[uuid.UUID, list[str]] = {}
    for start in range(0, len(interaction_ids), 500):
        chunk = interaction_ids[start:start + 500]
        for iid, first, last in s.execute(
                select(InteractionParticipant.interaction_id, Contact.first_name,
                       Contact.last_name)
                .join(Contact, Contact.id == InteractionParticipant.contact_id)
                .where(InteractionParticipant.interaction_id.in_(chunk),
                       InteractionParticipant.deleted.is_(False))
                .order_by(Contact.last_name, Contact.first_name)):
            out.setdefault(iid, []).append(f"{first} {last}".strip())
    return out


def _meeting_context(s: Session, file_id: uuid.UUID | None,
                     interaction_id: uuid.UUID | str | None) -> dict[str, Any]:
    inter: Interaction | None = None
    if interaction_id is not None:
        inter = get_live(s, Interaction, interaction_id)
    elif file_id is not None:
        base = select(Interaction).where(Interaction.file_id == file_id,
                                         Interaction.deleted.is_(False))
        inter = s.scalars(base.where(Interaction.kind.in_(_MEETING_KINDS))
                          .order_by(Interaction.occurred_at.desc()).limit(1)).first() \
            or s.scalars(base.order_by(Interaction.occurred_at.desc()).limit(1)).first()
    if inter is None:
        return {"date": None, "type": "", "objet": "", "duree": "", "participants": "",
                "notes": "", "decisions": "", "prochaines_etapes": []}
    tasks = s.scalars(select(Task).where(Task.interaction_id == inter.id,
                                         Task.deleted.is_(False))
                      .order_by(Task.due_on, Task.title)).all()
    return {
        "date": inter.occurred_at,
        "type": _label(InteractionKind, inter.kind),
        "objet": inter.subject,
        "duree": str(inter.duration_minutes or ""),
        "participants": ", ".join(_participants(s, [inter.id]).get(inter.id, [])),
        "notes": _latest_notes(s, [inter.id]).get(inter.id, ""),
        "decisions": inter.decisions or "",
        "prochaines_etapes": [{"titre": t.title, "echeance": t.due_on,
                               "responsable": t.assignee or ""} for t in tasks],
    }


def _event_context(s: Session, f: PartnershipFile | None,
                   event_id: uuid.UUID | str | None) -> dict[str, Any]:
    ev: Event | None = None
    if event_id is not None:
        ev = get_live(s, Event, event_id)
    elif f is not None and f.origin_event_id is not None:
        ev = s.get(Event, f.origin_event_id)
        if ev is not None and (ev.deleted or ev.starts_at.date() < today()):
            ev = None  # an invitation is for a coming event, not the one the file came from
    if ev is None:
        ev = s.scalars(select(Event).where(Event.deleted.is_(False),
                                           Event.starts_at >= datetime.combine(today(),
                                                                               datetime.min.time()))
                       .order_by(Event.starts_at).limit(1)).first()
    if ev is None:
        return {"titre": "", "type": "", "date": None, "lieu": ""}
    return {"titre": ev.title, "type": _label(EventKind, ev.kind), "date": ev.starts_at,
            "lieu": ev.place or ""}


def _wants(needed: frozenset[str] | None, *names: str) -> bool:
    return needed is None or any(n in needed for n in names)


def _context_for(s: Session, f: PartnershipFile | None, agreement: Agreement | None, *,
                 interaction_id: uuid.UUID | str | None, event_id: uuid.UUID | str | None,
                 needed: frozenset[str] | None, user_name: str) -> dict[str, Any]:
    assoc_id = (f.association_id if f else None) or (agreement.association_id
                                                     if agreement else None)
    comp_id = (f.company_id if f else None) or (agreement.company_id if agreement else None)
    assoc = s.get(Organisation, assoc_id) if assoc_id else None
    comp = s.get(Organisation, comp_id) if comp_id else None
    association, a_rep, a_role = _org_context(s, assoc, company=False)
    entreprise, c_rep, c_role = _org_context(s, comp, company=True)
    contact, role, org = (a_rep, a_role, assoc) if a_rep is not None else (c_rep, c_role, comp)
    if org is None:
        org = assoc or comp
    settings = _settings(s)
    logo = settings.get(SETTING_STRUCTURE_LOGO)
    dossier: dict[str, Any] = {
        "reference": f.reference if f else "",
        "titre": f.title if f else "",
        "categorie": _label(PartnershipCategory, f.category) if f else "",
        "etape": _stage_label(f.stage) if f else "",
        "statut": _label(FileStatus, f.status) if f else "",
        "ouvert_le": f.opened_on if f else None,
        "objectifs": ", ".join(_label(Objective, o) for o in (f.objectives or ())) if f else "",
        "thematiques": ", ".join(f.themes or ()) if f else "",
        "resume": (f.summary or "") if f else "",
        "historique": [], "chronologie": [], "conventions": [], "taches": [], "documents": [],
    }
    if f is not None and _wants(needed, "dossier.historique", "dossier.chronologie",
                                "dossier.conventions", "dossier.taches", "dossier.documents"):
        dossier.update(_summary_lists(_case_summary(s, f, user_name)))
    ctx: dict[str, Any] = {
        "association": association,
        "entreprise": entreprise,
        "contact": {"nom_complet": _full_name(contact), "fonction": role or "",
                    "organisation": org.name if org else "",
                    "email": (contact.email or "") if contact else "",
                    "adresse": _address(org)},
        "dossier": dossier,
        "convention": _agreement_context(s, agreement),
        "rencontre": (_meeting_context(s, f.id if f else None, interaction_id)
                      if _wants(needed, *_ROOT_NAMES["rencontre"]) else
                      _meeting_context(s, None, None)),
        "evenement": (_event_context(s, f, event_id)
                      if _wants(needed, *_ROOT_NAMES["evenement"]) else
                      {"titre": "", "type": "", "date": None, "lieu": ""}),
        "facilitateur": {"nom": (f.facilitator if f and f.facilitator else user_name)},
        "structure": {
            "nom": settings.get(SETTING_STRUCTURE_NAME, ""),
            "adresse": settings.get(SETTING_STRUCTURE_ADDRESS, ""),
            "commune": settings.get(SETTING_STRUCTURE_COMMUNE, ""),
            "logo": docx_render.ImageRef(logo) if logo else "",
        },
        "aujourd_hui": today(),
    }
    return ctx


_ROOT_NAMES: dict[str, tuple[str, ...]] = {
    root: tuple(p.name for p in docx_render.PLACEHOLDERS if p.name.startswith(root + "."))
    for root in ("rencontre", "evenement")
}


def build_context(db: Database, file_ref: uuid.UUID | str | None = None, *,
                  agreement_id: uuid.UUID | str | None = None,
                  interaction_id: uuid.UUID | str | None = None,
                  event_id: uuid.UUID | str | None = None) -> dict[str, Any]:
    """The template context of a file or an agreement, as a plain dict (see PLACEHOLDERS).

    Every name of the vocabulary is present: missing facts are ``""``, ``None`` (amounts and
    dates, printed as nothing) or ``[]``, so a template never fails on a young file.
    Defaults: the file's most recent agreement, its latest meeting, and the next collective
    event (or the file's origin event if still to come).

    Raises:
        NotFound: unknown file reference, agreement, interaction or event.
        ValidationError: neither a file nor an agreement was given.
    """
    with db.read() as s:
        f, agreement = _load_subject(s, file_ref, agreement_id, None)
        return _context_for(s, f, agreement, interaction_id=interaction_id, event_id=event_id,
                            needed=None, user_name=db.user_name)


def _load_subject(s: Session, file_ref: uuid.UUID | str | None,
                  agreement_id: uuid.UUID | str | None, preferred_type: str | None
                  ) -> tuple[PartnershipFile | None, Agreement | None]:
    if file_ref is None and agreement_id is None:
        raise ValidationError("document_no_subject",
                              "Choisissez un dossier ou une convention pour le document.",
                              field="file")
    agreement = get_live(s, Agreement, agreement_id) if agreement_id is not None else None
    f: PartnershipFile | None = None
    if file_ref is not None:
        f = get_live(s, PartnershipFile, _file_id(s, file_ref))
    elif agreement is not None and agreement.file_id is not None:
        f = s.get(PartnershipFile, agreement.file_id)
        if f is not None and f.deleted:
            f = None
    if agreement is None and f is not None:
        agreement = _pick_agreement(s, f.id, preferred_type)
    if agreement is not None and f is not None and agreement.file_id not in (None, f.id):
        raise ValidationError("agreement_other_file",
                              "La convention choisie appartient à un autre dossier.",
                              field="agreement_id")
    return f, agreement


def _file_id(s: Session, ref: uuid.UUID | str) -> uuid.UUID:
    if isinstance(ref, uuid.UUID):
        return ref
    try:
        return uuid.UUID(str(ref).strip())
    except ValueError:
        pass
    ids = s.scalars(select(PartnershipFile.id).where(
        func.upper(PartnershipFile.reference) == str(ref).strip().upper(),
        PartnershipFile.deleted.is_(False))).all()
    if not ids:
        raise NotFound("file_ref_unknown", "Aucun dossier ne porte la référence {ref}.",
                       ref=str(ref))
    if len(ids) > 1:
        raise ValidationError(
            "file_ref_ambiguous",
            "Plusieurs dossiers portent la référence {ref} (créés sur des postes différents) : "
            "utilisez l'identifiant.", field="file", ref=str(ref))
    return ids[0]


def _jsonable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, docx_render.ImageRef):
        return value.path
    if isinstance(value, uuid.UUID | Path):
        return str(value)
    return value


def _snapshot(context: Any) -> str:
    return json.dumps(_jsonable(context), ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"))


# =============================================================================================
# Rendering and recording
# =============================================================================================


@dataclass(frozen=True, slots=True)
class DocumentDTO:
    """A recorded document version."""

    id: uuid.UUID
    file_id: uuid.UUID | None
    agreement_id: uuid.UUID | None
    kind: str
    title: str
    filename: str
    mime: str | None
    sha256: str
    size_bytes: int
    version: int
    template_id: uuid.UUID | None
    author: str | None
    created_at: datetime


def _document_dto(d: Document) -> DocumentDTO:
    return DocumentDTO(d.id, d.file_id, d.agreement_id, d.kind, d.title, d.filename, d.mime,
                       d.sha256, d.size_bytes, d.version, d.template_id, d.author, d.created_at)


def _next_version(s: Session, file_id: uuid.UUID | None, agreement_id: uuid.UUID | None,
                  template_id: uuid.UUID | None, title: str) -> int:
    stmt = select(func.count()).select_from(Document).where(Document.deleted.is_(False))
    if file_id is not None:
        stmt = stmt.where(Document.file_id == file_id)
    else:
        stmt = stmt.where(Document.file_id.is_(None), Document.agreement_id == agreement_id)
    if template_id is not None:
        stmt = stmt.where(Document.template_id == template_id)
    else:
        stmt = stmt.where(Document.template_id.is_(None), Document.title == title)
    return int(s.scalar(stmt) or 0) + 1


def _add_document(s: Session, *, file_id: uuid.UUID | None, agreement_id: uuid.UUID | None,
                  title: str, rendered: docx_render.RenderedDocx, mime: str,
                  template_id: uuid.UUID | None, snapshot: str | None, author: str
                  ) -> Document:
    doc = Document(file_id=file_id, agreement_id=agreement_id, kind=DocumentKind.GENERATED.value,
                   title=title[:300], filename=str(rendered.path), mime=mime,
                   sha256=rendered.sha256, size_bytes=rendered.size_bytes,
                   version=_next_version(s, file_id, agreement_id, template_id, title[:300]),
                   template_id=template_id, data_snapshot=snapshot, author=author,
                   created_at=utcnow())
    s.add(doc)
    return doc


def _title(template_name: str, f: PartnershipFile | None, agreement: Agreement | None) -> str:
    subject = f.reference if f is not None else (agreement.object[:80] if agreement else "")
    return f"{template_name} — {subject}" if subject else template_name


def render_for_file(db: Database, file_ref_or_id: uuid.UUID | str | None,
                    template_name_or_path: str | Path, out_path: Path | str, *,
                    agreement_id: uuid.UUID | str | None = None,
                    interaction_id: uuid.UUID | str | None = None,
                    event_id: uuid.UUID | str | None = None) -> DocumentDTO:
    """Render a template for a file (or an agreement) into ``out_path`` and record it.

    The file is written atomically first; then one transaction registers a shipped template on
    first use and adds the :class:`Document` row (version = earlier versions of the same
    template for the same file + 1, SHA-256, size, JSON snapshot of the data). If that
    transaction fails, the written file is removed: there is never a document on disk that the
    database does not know, nor the reverse.

    Args:
        db: the open database.
        file_ref_or_id: a file's id or short reference (``D-2026-0042``); may be None when
            ``agreement_id`` is given (its file, if any, is then used).
        template_name_or_path: a shipped template's key or name, an imported template's name,
            or the path of a .docx.
        out_path: where to write the .docx (its folder must exist).
        agreement_id: the agreement to use; default: the file's most recent one (of the
            template's type for a shipped convention).
        interaction_id: the meeting of a « compte rendu »; default: the latest one.
        event_id: the event of an invitation; default: the next one.

    Raises:
        NotFound: unknown file, agreement or template.
        ValidationError: template problems (``template_unknown_placeholder``,
            ``template_syntax_error``, ``template_forbidden`` …) — no file is written.
    """
    out = Path(out_path)
    with db.read() as s:
        choice = _choose_template(s, template_name_or_path)
        preferred = _PREFERRED_AGREEMENT.get(choice.key)
        f, agreement = _load_subject(s, file_ref_or_id, agreement_id, preferred)
        needed = docx_render.used_placeholders(choice.path)
        context = _context_for(s, f, agreement, interaction_id=interaction_id,
                               event_id=event_id, needed=needed, user_name=db.user_name)
        title = _title(choice.name, f, agreement)
    rendered = docx_render.render(choice.path, context, out)
    try:
        with db.write() as s:
            template_id = (_register_builtin(s, choice.builtin) if choice.builtin
                           else choice.row_id)
            doc = _add_document(s, file_id=f.id if f else None,
                                agreement_id=agreement.id if agreement else None, title=title,
                                rendered=rendered, mime=docx_render.DOCX_MIME,
                                template_id=template_id, snapshot=_snapshot(context),
                                author=db.user_name)
            s.flush()
            return _document_dto(doc)
    except BaseException:
        out.unlink(missing_ok=True)
        raise


def record_document(db: Database, file_ref: uuid.UUID | str, path: Path | str, *,
                    title: str, mime: str, snapshot: Any = None) -> DocumentDTO:
    """Record a file produced outside the template engine (the PDF summary) as a version.

    ``snapshot`` is any JSON-able structure of the data shown (dataclasses as dicts); the
    version counts earlier documents of the same file with the same title.

    Raises:
        NotFound: unknown file or missing ``path``.
    """
    p = Path(path)
    if not p.is_file():
        raise NotFound("document_missing", "Le fichier « {file} » est introuvable.",
                       file=str(p))
    data = p.read_bytes()
    rendered = docx_render.RenderedDocx(p, hashlib.sha256(data).hexdigest(), len(data))
    with db.write() as s:
        fid = _file_id(s, file_ref)
        get_live(s, PartnershipFile, fid)
        doc = _add_document(s, file_id=fid, agreement_id=None, title=title, rendered=rendered,
                            mime=mime, template_id=None,
                            snapshot=_snapshot(snapshot) if snapshot is not None else None,
                            author=db.user_name)
        s.flush()
        return _document_dto(doc)


def list_documents(db: Database, file_ref: uuid.UUID | str) -> list[DocumentDTO]:
    """A file's documents, oldest first."""
    with db.read() as s:
        fid = _file_id(s, file_ref)
        rows = s.scalars(select(Document).where(Document.file_id == fid,
                                                Document.deleted.is_(False))
                         .order_by(Document.created_at, Document.id)).all()
        return [_document_dto(d) for d in rows]


@dataclass(frozen=True, slots=True)
class BatchResult:
    """What a mail merge produced: one document per file, in the order given."""

    out_dir: Path
    documents: tuple[DocumentDTO, ...]


_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})


def _slug(text: str) -> str:
    # NFKD does not split « œ » (Cœur would become « cur »): spell ligatures out first.
    ascii_text = unicodedata.normalize("NFKD", text.translate(_LIGATURES)).encode(
        "ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower()
    return slug[:60] or "document"


def render_letters(db: Database, template: str | Path, file_ids: Iterable[uuid.UUID | str],
                   out_dir: Path | str, *, progress: Callable[[int, int], None] | None = None,
                   cancel: threading.Event | None = None) -> BatchResult:
    """Mail merge: render ``template`` once per file into ``out_dir`` (one .docx each).

    All or nothing (DESIGN.md §9): every letter is written, then all Document rows land in one
    transaction. On cancel or on any error the letters already written are removed and nothing
    is recorded. The template is analysed and read once for the whole batch.

    Args:
        db: the open database.
        template: a shipped key or name, an imported name, or a .docx path.
        file_ids: files' ids or references.
        out_dir: existing or new folder for the letters (``<reference>_<modèle>.docx``).
        progress: called with (done, total) after each letter.
        cancel: set it to stop; :class:`BatchCancelled` is raised.

    Raises:
        BatchCancelled: ``cancel`` was set.
        NotFound / ValidationError: as :func:`render_for_file`.
    """
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    refs = list(file_ids)
    written: list[Path] = []
    pending: list[tuple[uuid.UUID, uuid.UUID | None, str, docx_render.RenderedDocx, str]] = []
    try:
        with db.read() as s:
            choice = _choose_template(s, template)
            docx_render.ensure_valid(choice.path)
            needed = docx_render.used_placeholders(choice.path)
            source = choice.path.read_bytes()
            preferred = _PREFERRED_AGREEMENT.get(choice.key)
            used_names: set[str] = set()
            for index, ref in enumerate(refs, start=1):
                if cancel is not None and cancel.is_set():
                    raise BatchCancelled("batch_cancelled",
                                         "Publipostage annulé : aucun document n'a été gardé.")
                f, agreement = _load_subject(s, ref, None, preferred)
                if f is None:  # pragma: no cover - a reference always yields a file
                    raise NotFound("file_ref_unknown", "Dossier introuvable : {ref}.",
                                   ref=str(ref))
                context = _context_for(s, f, agreement, interaction_id=None, event_id=None,
                                       needed=needed, user_name=db.user_name)
                name = f"{_slug(f.reference)}_{choice.key}.docx"
                if name in used_names:
                    name = f"{_slug(f.reference)}_{str(f.id)[:8]}_{choice.key}.docx"
                used_names.add(name)
                data = docx_render.render_bytes(choice.path, context, _source=source)
                rendered = docx_render.write_atomic(folder / name, data)
                written.append(rendered.path)
                pending.append((f.id, agreement.id if agreement else None,
                                _title(choice.name, f, agreement), rendered,
                                _snapshot(context)))
                if progress is not None:
                    progress(index, len(refs))
        with db.write() as s:
            template_id = (_register_builtin(s, choice.builtin) if choice.builtin
                           else choice.row_id)
            docs = [_add_document(s, file_id=fid, agreement_id=aid, title=title,
                                  rendered=rendered, mime=docx_render.DOCX_MIME,
                                  template_id=template_id, snapshot=snap, author=db.user_name)
                    for fid, aid, title, rendered, snap in pending]
            s.flush()
            return BatchResult(folder, tuple(_document_dto(d) for d in docs))
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise


# =============================================================================================
# Case summary
# =============================================================================================


@dataclass(frozen=True, slots=True)
class PartySummary:
    """An organisation taking part in the file, with its representative."""

    role: str  # « Association », « Entreprise », or the file_party role
    name: str
    identifier: str
    address: str
    representative: str
    representative_role: str
    email: str
    phone: str


@dataclass(frozen=True, slots=True)
class StageStep:
    at: datetime
    stage: str
    status: str
    reason: str
    author: str


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """One interaction, with its latest notes (oldest first in :class:`CaseSummary`)."""

    at: datetime
    kind: str
    subject: str
    notes: str
    decisions: str
    participants: tuple[str, ...]
    duration_minutes: int | None


@dataclass(frozen=True, slots=True)
class CounterpartSummary:
    description: str
    value: Decimal
    method: str


@dataclass(frozen=True, slots=True)
class AgreementSummary:
    type: str
    object: str
    status: str
    cash: Decimal
    in_kind: Decimal
    skills: Decimal
    total: Decimal
    start_on: date | None
    end_on: date | None
    signed_on: date | None
    counterparts: tuple[CounterpartSummary, ...]
    counterparts_total: Decimal


@dataclass(frozen=True, slots=True)
class TaskSummary:
    title: str
    due_on: date | None
    assignee: str
    status: str
    done: bool


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    title: str
    version: int
    created_at: datetime
    filename: str


@dataclass(frozen=True, slots=True)
class CaseSummary:
    """Everything a partner or a funder needs to know about a file, as plain data.

    Lists are in chronological order (oldest first), as a report reads.
    """

    id: uuid.UUID
    reference: str
    title: str
    category: str
    stage: str
    status: str
    status_reason: str
    opened_on: date | None
    facilitator: str
    structure_name: str
    summary: str
    objectives: tuple[str, ...]
    themes: tuple[str, ...]
    parties: tuple[PartySummary, ...]
    stage_history: tuple[StageStep, ...]
    timeline: tuple[TimelineItem, ...]
    agreements: tuple[AgreementSummary, ...]
    tasks: tuple[TaskSummary, ...]
    documents: tuple[DocumentSummary, ...]
    generated_on: date = field(default_factory=today)


def _party(s: Session, role: str, org: Organisation) -> PartySummary:
    rep, rep_role = _representative(s, org.id)
    if org.rna:
        identifier = f"RNA {format_rna(org.rna)}"
    elif org.siret:
        identifier = f"SIRET {format_siret(org.siret)}"
    elif org.siren:
        identifier = f"SIREN {format_siren(org.siren)}"
    else:
        identifier = ""
    return PartySummary(role, org.name, identifier, _address(org), _full_name(rep),
                        rep_role or "", org.email or "", org.phone or "")


def _case_summary(s: Session, f: PartnershipFile, user_name: str) -> CaseSummary:
    parties: list[PartySummary] = []
    for role, org_id in (("Association", f.association_id), ("Entreprise", f.company_id)):
        org = s.get(Organisation, org_id) if org_id else None
        if org is not None:
            parties.append(_party(s, role, org))
    for fp, org in s.execute(select(FileParty, Organisation)
                             .join(Organisation, Organisation.id == FileParty.organisation_id)
                             .where(FileParty.file_id == f.id, FileParty.deleted.is_(False))
                             .order_by(Organisation.name)):
        parties.append(_party(s, fp.role or "Autre partie", org))

    history = tuple(
        StageStep(sc.at, _stage_label(sc.to_stage), _label(FileStatus, sc.status),
                  sc.reason or "", sc.author or "")
        for sc in s.scalars(select(StageChange).where(StageChange.file_id == f.id,
                                                      StageChange.deleted.is_(False))
                            .order_by(StageChange.at, StageChange.id)))

    inters = s.scalars(select(Interaction).where(Interaction.file_id == f.id,
                                                 Interaction.deleted.is_(False))
                       .order_by(Interaction.occurred_at, Interaction.id)).all()
    ids = [i.id for i in inters]
    notes = _latest_notes(s, ids)
    people = _participants(s, ids)
    timeline = tuple(
        TimelineItem(i.occurred_at, _label(InteractionKind, i.kind), i.subject,
                     notes.get(i.id, ""), i.decisions or "", tuple(people.get(i.id, [])),
                     i.duration_minutes)
        for i in inters)

    agreements = []
    for a in s.scalars(select(Agreement).where(Agreement.file_id == f.id,
                                               Agreement.deleted.is_(False))
                       .order_by(Agreement.start_on, Agreement.id)):
        cps = tuple(CounterpartSummary(c.description, _money(c.value_cents),
                                       c.valuation_method or "")
                    for c in s.scalars(select(Counterpart).where(
                        Counterpart.agreement_id == a.id, Counterpart.deleted.is_(False))
                        .order_by(Counterpart.id)))
        agreements.append(AgreementSummary(
            _label(AgreementType, a.type), a.object, _label(AgreementStatus, a.status),
            _money(a.cash_cents), _money(a.in_kind_cents), _money(a.skills_cents),
            _money(a.cash_cents + a.in_kind_cents + a.skills_cents), a.start_on, a.end_on,
            a.signed_on, cps, sum((c.value for c in cps), Decimal("0.00"))))

    tasks = tuple(
        TaskSummary(t.title, t.due_on, t.assignee or "", _label(TaskStatus, t.status),
                    t.status == TaskStatus.DONE.value)
        for t in s.scalars(select(Task).where(Task.file_id == f.id, Task.deleted.is_(False))
                           .order_by(func.coalesce(Task.due_on, date.max), Task.title)))
    documents = tuple(
        DocumentSummary(d.title, d.version, d.created_at, Path(d.filename).name)
        for d in s.scalars(select(Document).where(Document.file_id == f.id,
                                                  Document.deleted.is_(False))
                           .order_by(Document.created_at, Document.id)))
    settings = _settings(s)
    return CaseSummary(
        id=f.id, reference=f.reference, title=f.title,
        category=_label(PartnershipCategory, f.category), stage=_stage_label(f.stage),
        status=_label(FileStatus, f.status), status_reason=f.status_reason or "",
        opened_on=f.opened_on, facilitator=f.facilitator or user_name,
        structure_name=settings.get(SETTING_STRUCTURE_NAME, ""), summary=f.summary or "",
        objectives=tuple(_label(Objective, o) for o in (f.objectives or ())),
        themes=tuple(f.themes or ()), parties=tuple(parties), stage_history=history,
        timeline=timeline, agreements=tuple(agreements), tasks=tasks, documents=documents,
        generated_on=today())


def case_summary(db: Database, file_ref: uuid.UUID | str) -> CaseSummary:
    """A file's whole story (parties, stages, meetings with notes, agreements, tasks, documents).

    Raises:
        NotFound: unknown file id or reference.
    """
    with db.read() as s:
        f = get_live(s, PartnershipFile, _file_id(s, file_ref))
        return _case_summary(s, f, db.user_name)


def _summary_lists(summary: CaseSummary) -> dict[str, list[dict[str, Any]]]:
    """The « fiche de synthèse » lists, from the same data as the PDF."""
    return {
        "historique": [{"date": h.at, "etape": h.stage, "statut": h.status, "motif": h.reason,
                        "auteur": h.author} for h in summary.stage_history],
        "chronologie": [{"date": t.at, "type": t.kind, "objet": t.subject, "notes": t.notes,
                         "decisions": t.decisions, "participants": ", ".join(t.participants)}
                        for t in summary.timeline],
        "conventions": [{"type": a.type, "objet": a.object, "statut": a.status,
                         "montant": a.total, "date_debut": a.start_on, "date_fin": a.end_on,
                         "contreparties": "; ".join(
                             f"{c.description} ({docx_render.euros(c.value)})"
                             for c in a.counterparts)}
                        for a in summary.agreements],
        "taches": [{"titre": t.title, "echeance": t.due_on, "responsable": t.assignee,
                    "statut": t.status} for t in summary.tasks],
        "documents": [{"titre": d.title, "version": d.version, "date": d.created_at,
                       "fichier": d.filename} for d in summary.documents],
    }

