"""The « Modèles » screen: check, import and preview templates; the placeholder vocabulary.

The engine (:mod:`passerelle.infra.docx_render`) and the template registry
(:mod:`passerelle.services.documents`) already exist; this module gives the screen what it needs
in single calls returning plain data:

- :func:`check_template` / :func:`check_file`: every problem of a template (unknown placeholder
  with its location and the closest known name, malformed tag, forbidden access), not only the
  first, so the user fixes them all in one pass in Word.
- :func:`import_checked`: import a .docx into the data folder — validation runs first and
  nothing is copied or recorded when it fails (the error carries every problem).
- :func:`preview`: render a template on a file's data, or on sample data built from the
  vocabulary's examples (a fresh database has no file), into HTML for the preview pane or into
  a .docx to open with the word processor. A preview records nothing.
- :func:`vocabulary` and :data:`FILTERS`: the documented names and French filters.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select

from passerelle.domain.errors import NotFound, ValidationError
from passerelle.infra import docx_preview, docx_render
from passerelle.infra.docx_render import Placeholder, TemplateProblem
from passerelle.services import documents
from passerelle.services.documents import TemplateDTO
from passerelle.store.database import Database
from passerelle.store.models import PartnershipFile

__all__ = [
    "FILTERS",
    "FileChoice",
    "FilterDoc",
    "TemplateCheck",
    "TemplatePreview",
    "VocabularyEntry",
    "check_file",
    "check_template",
    "import_checked",
    "preview",
    "preview_docx",
    "preview_files",
    "sample_context",
    "templates_folder",
    "vocabulary",
]


# =============================================================================================
# Vocabulary
# =============================================================================================


@dataclass(frozen=True, slots=True)
class VocabularyEntry:
    """One name a template may use, as the screen lists it (list fields as ``liste[].champ``)."""

    name: str
    kind: str  # texte, montant, date, date_heure, liste, image
    description: str
    example: str
    group: str  # the root: association, entreprise, contact, dossier…


@dataclass(frozen=True, slots=True)
class FilterDoc:
    """A French filter: how to write it, and what it prints."""

    name: str
    usage: str
    result: str
    description: str


FILTERS: tuple[FilterDoc, ...] = (
    FilterDoc("euros", "{{ convention.montant|euros }}", "1 234,50 €",
              "Montant à la française : espaces insécables, virgule, symbole €."),
    FilterDoc("date_longue", "{{ convention.date_debut|date_longue }}", "1er décembre 2026",
              "Date en toutes lettres ; date_longue(jour=True) ajoute le jour de la semaine."),
    FilterDoc("en_lettres", "{{ convention.montant|en_lettres }}",
              "mille deux cent trente-quatre euros et cinquante centimes",
              "Montant en lettres, comme l'exigent conventions et reçus."),
    FilterDoc("heure", "{{ rencontre.date|heure }}", "14 h 30",
              "Heure à la française, pour les dates avec heure."),
)


def vocabulary() -> list[VocabularyEntry]:
    """Every placeholder, in the documented order, list fields after their list."""
    out: list[VocabularyEntry] = []
    for p in docx_render.PLACEHOLDERS:
        group = p.name.split(".")[0]
        out.append(VocabularyEntry(p.name, p.kind, p.description, p.example, group))
        out.extend(VocabularyEntry(f"{p.name}[].{f.name}", f.kind, f.description, f.example,
                                   group) for f in p.item_fields)
    return out


# =============================================================================================
# Checking and importing
# =============================================================================================


@dataclass(frozen=True, slots=True)
class TemplateCheck:
    """The verdict on a template: its problems (none: usable) and the names it uses."""

    path: Path
    problems: tuple[TemplateProblem, ...]
    used: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_file(path: Path | str) -> TemplateCheck:
    """Every problem of a .docx template, in document order.

    Raises:
        NotFound: the file does not exist.
        ValidationError: not a readable .docx (``template_unreadable``).
    """
    p = Path(path)
    problems = tuple(docx_render.validate_template(p))
    used = tuple(sorted(docx_render.used_placeholders(p))) if not problems else ()
    return TemplateCheck(p, problems, used)


def check_template(template: TemplateDTO) -> TemplateCheck:
    """:func:`check_file` on a listed template (shipped or imported)."""
    return check_file(template.path)


def templates_folder(db: Database) -> Path:
    """Where imported templates are copied: ``modeles/`` next to the database."""
    return db.path.parent / "modeles"


def import_checked(db: Database, path: Path | str, *, name: str | None = None,
                   purpose: str = "autre", description: str | None = None) -> TemplateDTO:
    """Validate a user's .docx and, only if it is usable, copy it in and register it.

    Raises:
        NotFound: the file does not exist.
        ValidationError: the template has problems (every one in ``params["problems"]``) or is
            not a .docx; nothing is copied or recorded.
    """
    source = Path(path)
    if source.suffix.lower() != ".docx":
        raise ValidationError("template_not_docx",
                              "« {file} » n'est pas un document Word .docx : enregistrez le "
                              "modèle au format .docx (Word ou LibreOffice) puis importez-le.",
                              field="template", file=source.name)
    return documents.import_template(db, source, templates_folder(db), name=name,
                                     purpose=purpose, description=description)


# =============================================================================================
# Preview
# =============================================================================================


@dataclass(frozen=True, slots=True)
class FileChoice:
    """A file the preview can use."""

    id: uuid.UUID
    reference: str
    title: str


def preview_files(db: Database, limit: int = 200) -> list[FileChoice]:
    """Recent files (most recently opened first) to preview a template on."""
    with db.read() as s:
        rows = s.execute(select(PartnershipFile.id, PartnershipFile.reference,
                                PartnershipFile.title)
                         .where(PartnershipFile.deleted.is_(False))
                         .order_by(PartnershipFile.opened_on.desc(), PartnershipFile.id.desc())
                         .limit(limit)).all()
    return [FileChoice(i, r, t) for i, r, t in rows]


def _sample_value(p: Placeholder) -> Any:
    if p.kind == "montant":
        return Decimal("12500.00")
    if p.kind == "date":
        return date(2026, 12, 1)
    if p.kind == "date_heure":
        return datetime(2026, 12, 1, 14, 30)
    if p.kind == "image":
        return ""
    if p.kind == "liste":
        return [{f.name: _sample_value(f) for f in p.item_fields} for _ in range(2)]
    return p.example or f"[{p.name.split('.')[-1]}]"


def sample_context() -> dict[str, Any]:
    """A context with every name of the vocabulary, from its documented examples.

    Lets a template be previewed in a database with no file yet; amounts are 12 500 €, dates
    1 December 2026, lists have two items, texts without an example show ``[champ]``.
    """
    ctx: dict[str, Any] = {}
    for p in docx_render.PLACEHOLDERS:
        node = ctx
        *parents, leaf = p.name.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = _sample_value(p)
    return ctx


@dataclass(frozen=True, slots=True)
class TemplatePreview:
    """A template rendered for the preview pane; ``file_reference`` None for sample data.

    ``images`` holds the pictures the HTML refers to (``<img src="image:0">``: the logo).
    """

    template_name: str
    file_reference: str | None
    html: str
    images: dict[str, bytes] = field(default_factory=dict)


def _render(db: Database, template: TemplateDTO | Path, file_id: uuid.UUID | str | None
            ) -> tuple[bytes, str | None, str]:
    path = template.path if isinstance(template, TemplateDTO) else Path(template)
    name = template.name if isinstance(template, TemplateDTO) else path.stem
    if not path.is_file():
        raise NotFound("template_not_found", "Le modèle « {file} » est introuvable.",
                       file=str(path))
    if file_id is None:
        return docx_render.render_bytes(path, sample_context()), None, name
    context = documents.build_context(db, file_id)
    return docx_render.render_bytes(path, context), context["dossier"]["reference"], name


def preview(db: Database, template: TemplateDTO | Path,
            file_id: uuid.UUID | str | None = None) -> TemplatePreview:
    """Render ``template`` on a file (or on sample data) as HTML; nothing is recorded.

    Raises:
        NotFound: unknown file or missing template file.
        ValidationError: the template has problems (as :func:`check_file` lists them).
    """
    data, reference, name = _render(db, template, file_id)
    converted = docx_preview.docx_to_html(data)
    return TemplatePreview(name, reference, converted.html, converted.images)


def preview_docx(db: Database, template: TemplateDTO | Path, out_path: Path | str,
                 file_id: uuid.UUID | str | None = None) -> Path:
    """The same render written to ``out_path`` (to open with the word processor).

    Raises:
        as :func:`preview`; ``document_unwritable`` if the file cannot be written.
    """
    data, _reference, _name = _render(db, template, file_id)
    return docx_render.write_atomic(Path(out_path), data).path
