"""What the « Générer un document » dialog needs to offer choices, read in one call.

The dialog shows the templates, the file's agreements and a proposed output name; reading
them here keeps SQL out of the widget and lets the proposal follow the same version numbering
as :func:`passerelle.services.documents.render_for_file` (one count per template and file).
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from passerelle.services import documents, pipeline
from passerelle.services import files as file_service
from passerelle.services.documents import AGREEMENT_TEMPLATES, TemplateDTO
from passerelle.store.database import Database

__all__ = ["AgreementChoice", "GenerationChoices", "generation_choices", "proposed_filename",
           "template_slug"]


@dataclass(frozen=True, slots=True)
class AgreementChoice:
    """An agreement of the file, as the chooser lists it."""

    id: uuid.UUID
    type: str
    object: str
    status: str
    start_on: date | None
    template_key: str | None  # the shipped convention that fits its type


@dataclass(frozen=True, slots=True)
class GenerationChoices:
    """The file, its templates (shipped first) and agreements (most recent first).

    ``preferred_template`` is the index in ``templates`` to pre-select: the convention that
    fits the most recent agreement, else 0.
    """

    file_id: uuid.UUID
    reference: str
    title: str
    templates: tuple[TemplateDTO, ...]
    agreements: tuple[AgreementChoice, ...]
    preferred_template: int


def template_slug(template: TemplateDTO) -> str:
    """A file-name-safe short name: the shipped key, or the imported template's name folded."""
    if template.key:
        return template.key
    text = unicodedata.normalize("NFKD", template.name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")[:60] or "document"


def generation_choices(db: Database, file_id: uuid.UUID | str) -> GenerationChoices:
    """Templates, agreements and the pre-selected template for one file.

    Raises:
        NotFound: unknown file.
    """
    overview = pipeline.file_overview(db, file_id, timeline_limit=1)
    f = overview.file
    # The summary has its own button (PDF or .docx): it is not offered twice.
    templates = tuple(t for t in documents.list_templates(db) if t.purpose != "synthese")
    agreements = tuple(AgreementChoice(a.id, a.type, a.object, a.status, a.start_on,
                                       AGREEMENT_TEMPLATES.get(a.type))
                       for a in overview.agreements)
    preferred = 0
    if agreements and agreements[0].template_key:
        keys = [t.key for t in templates]
        if agreements[0].template_key in keys:
            preferred = keys.index(agreements[0].template_key)
    return GenerationChoices(f.id, f.reference, f.title, templates, agreements, preferred)


def proposed_filename(db: Database, file_id: uuid.UUID | str, template: TemplateDTO,
                      out_dir: Path) -> str:
    """``<reference>_<template>_v<n>.docx``: n is the version the render will record.

    If a file of that name already sits in ``out_dir`` (a copy kept by hand), the number goes
    up until the name is free, so that a generation never overwrites an earlier one.
    """
    f = file_service.get_file(db, file_id)
    if template.id is None:
        earlier = 0
    else:
        earlier = sum(1 for d in documents.list_documents(db, f.id)
                      if d.template_id == template.id)
    reference = re.sub(r"[^A-Za-z0-9-]+", "_", f.reference).strip("_") or "dossier"
    version = earlier + 1
    while True:
        name = f"{reference}_{template_slug(template)}_v{version}.docx"
        if not (Path(out_dir) / name).exists():
            return name
        version += 1
