"""Case summary export: PDF printed by Qt (no LibreOffice), or DOCX through the template.

Why Qt: a facilitator's laptop has no office suite we can drive, and LibreOffice's docx→PDF
costs about 1.2 s a call against 60 ms for ``QTextDocument`` + ``QPdfWriter`` (DESIGN.md §10).
The PDF is built from the plain :class:`~passerelle.services.documents.CaseSummary` the service
layer returns, as escaped HTML (names such as « Cœur & Solidarité <Nord> » must print as typed,
never as markup), then laid out on A4 pages with page numbers.

This module lives under ``ui/`` because it needs Qt (import-linter keeps PySide6 out of the
layers below); it works headless too (the CLI's ``passerelle summary``): without a display it
starts an offscreen ``QGuiApplication``.
"""

from __future__ import annotations

import dataclasses
import html
import os
import sys
import tempfile
import uuid
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF
from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from passerelle.domain.errors import ValidationError
from passerelle.infra.docx_render import date_longue, euros, heure
from passerelle.services import documents
from passerelle.services.documents import CaseSummary, DocumentDTO
from passerelle.store.database import Database

__all__ = ["PDF_MIME", "export_summary", "summary_html", "write_summary_pdf"]

PDF_MIME = "application/pdf"
SUMMARY_TEMPLATE = "fiche_synthese_dossier"

_app: QGuiApplication | None = None


def _ensure_gui() -> None:
    """Fonts and text layout need a QGuiApplication; start an offscreen one if there is none."""
    global _app
    instance = QCoreApplication.instance()
    if instance is not None:
        if not isinstance(instance, QGuiApplication):
            raise RuntimeError("a QCoreApplication without GUI exists: cannot lay out text")
        return
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY")
                                                 or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication(["passerelle"])


# =============================================================================================
# HTML
# =============================================================================================


def _e(text: object) -> str:
    """Escape for HTML, keeping line breaks (notes are multi-line)."""
    return html.escape(str(text or ""), quote=True).replace("\n", "<br/>")


def _when(value: datetime | date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return f"{date_longue(value)}, {heure(value)}"
    return date_longue(value)


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]], empty: str) -> str:
    rows = list(rows)
    if not rows:
        return f'<p class="empty">{_e(empty)}</p>'
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>"
                   for row in rows)
    return (f'<table width="100%" cellspacing="0" cellpadding="4" border="1">'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


_CSS = """
body { font-family: 'DejaVu Sans', 'Segoe UI', Arial, sans-serif; font-size: 9pt;
       color: #1f2933; }
h1 { font-size: 16pt; color: #1f3a4d; margin-bottom: 2px; }
h2 { font-size: 11.5pt; color: #2e756e; margin-top: 14px; margin-bottom: 4px;
     border-bottom: 1px solid #1f3a4d; }
p.sub { color: #595959; font-style: italic; margin-top: 0; }
p.empty { color: #595959; font-style: italic; }
table { border-collapse: collapse; border-color: #b0bec5; }
th { background-color: #e8eef1; color: #1f3a4d; text-align: left; font-weight: bold; }
td.label { background-color: #e8eef1; font-weight: bold; color: #1f3a4d; width: 28%; }
p.entry { font-weight: bold; margin-top: 8px; margin-bottom: 1px; }
p.note { margin-top: 0; margin-bottom: 2px; }
p.meta { color: #595959; margin-top: 0; }
p.foot { color: #595959; font-size: 7.5pt; margin-top: 18px; }
"""


def summary_html(summary: CaseSummary) -> str:
    """The summary as a self-contained HTML document; every value is escaped."""
    s = summary
    out: list[str] = [f"<html><head><meta charset='utf-8'/><style>{_CSS}</style></head><body>"]
    out.append(f"<h1>Fiche de synthèse — {_e(s.reference)}</h1>")
    sub = f"{_e(s.title)} — au {_e(date_longue(s.generated_on))}"
    if s.structure_name:
        sub += f" — {_e(s.structure_name)}"
    out.append(f'<p class="sub">{sub}</p>')

    status = s.status + (f" ({s.status_reason})" if s.status_reason else "")
    facts = (("Référence", s.reference), ("Catégorie", s.category or "non renseignée"),
             ("Étape", s.stage), ("Statut", status), ("Ouvert le", _when(s.opened_on)),
             ("Facilitateur", s.facilitator), ("Objectifs", ", ".join(s.objectives)),
             ("Thématiques", ", ".join(s.themes)))
    out.append('<table width="100%" cellspacing="0" cellpadding="4" border="1">')
    for label, value in facts:
        out.append(f'<tr><td class="label">{_e(label)}</td><td>{_e(value)}</td></tr>')
    out.append("</table>")

    out.append("<h2>Parties</h2>")
    out.append(_table(
        ("Rôle", "Nom", "Identifiant", "Adresse", "Représentant"),
        ([_e(p.role), f"<b>{_e(p.name)}</b>", _e(p.identifier), _e(p.address),
          _e(p.representative + (f", {p.representative_role}" if p.representative_role
                                 else ""))] for p in s.parties),
        "Aucune partie renseignée."))
    if s.summary:
        out.append(f"<h2>Résumé</h2><p>{_e(s.summary)}</p>")

    out.append("<h2>Historique des étapes</h2>")
    out.append(_table(("Date", "Étape", "Statut", "Motif", "Par"),
                      ([_e(_when(h.at)), _e(h.stage), _e(h.status), _e(h.reason), _e(h.author)]
                       for h in s.stage_history), "Aucun changement d'étape."))

    out.append("<h2>Chronologie des échanges</h2>")
    if not s.timeline:
        out.append('<p class="empty">Aucun échange consigné.</p>')
    for t in s.timeline:
        duration = f" ({t.duration_minutes} min)" if t.duration_minutes else ""
        out.append(f'<p class="entry">{_e(_when(t.at))} — {_e(t.kind)}{_e(duration)} : '
                   f"{_e(t.subject)}</p>")
        if t.participants:
            out.append(f'<p class="meta">Participants : {_e(", ".join(t.participants))}</p>')
        if t.notes:
            out.append(f'<p class="note">{_e(t.notes)}</p>')
        if t.decisions:
            out.append(f'<p class="note"><i>Décisions :</i> {_e(t.decisions)}</p>')

    out.append("<h2>Conventions</h2>")
    rows = []
    for a in s.agreements:
        amounts = [f"Total : <b>{_e(euros(a.total))}</b>"]
        for kind, amount in (("numéraire", a.cash), ("nature", a.in_kind),
                             ("compétences", a.skills)):
            if amount:
                amounts.append(f"{kind} : {_e(euros(amount))}")
        counterparts = "<br/>".join(
            f"{_e(c.description)} — {_e(euros(c.value))}" for c in a.counterparts)
        if a.counterparts:
            counterparts += f"<br/><i>Total : {_e(euros(a.counterparts_total))}</i>"
        period = " – ".join(x for x in (_when(a.start_on), _when(a.end_on)) if x)
        rows.append([f"<b>{_e(a.type)}</b><br/>{_e(a.object)}", _e(a.status),
                     "<br/>".join(amounts), _e(period), counterparts or "—"])
    out.append(_table(("Convention", "Statut", "Montants", "Période", "Contreparties"), rows,
                      "Aucune convention."))

    out.append("<h2>Tâches</h2>")
    out.append(_table(("Tâche", "Échéance", "Responsable", "Statut"),
                      ([_e(t.title), _e(_when(t.due_on)), _e(t.assignee), _e(t.status)]
                       for t in s.tasks), "Aucune tâche."))
    out.append("<h2>Documents</h2>")
    out.append(_table(("Document", "Version", "Date", "Fichier"),
                      ([_e(d.title), _e(d.version), _e(_when(d.created_at)), _e(d.filename)]
                       for d in s.documents), "Aucun document."))
    out.append(f'<p class="foot">Fiche établie avec Passerelle le '
               f"{_e(date_longue(s.generated_on))}. Document de travail : les montants et "
               "qualifications fiscales sont indicatifs et à faire valider.</p>")
    out.append("</body></html>")
    return "".join(out)


# =============================================================================================
# PDF
# =============================================================================================


def write_summary_pdf(summary: CaseSummary, out_path: Path | str) -> Path:
    """Print the summary to an A4 PDF, atomically (see :func:`write_html_pdf`).

    Raises:
        ValidationError: ``document_unwritable`` when the PDF cannot be written.
    """
    return write_html_pdf(summary_html(summary), f"Fiche de synthèse — {summary.reference}",
                          out_path)


def write_html_pdf(page_html: str, title: str, out_path: Path | str) -> Path:
    """Print HTML to an A4 PDF, atomically (temporary file, then rename).

    Qt numbers the pages itself and keeps 2 cm margins when the document has no page size of
    its own, so the page layout is left to ``QTextDocument.print_``. Shared by the case summary
    and the speed-dating schedule.

    Raises:
        ValidationError: ``document_unwritable`` when the PDF cannot be written.
    """
    _ensure_gui()
    out = Path(out_path)
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    font = QFont("DejaVu Sans")
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(9)
    doc.setDefaultFont(font)
    doc.setHtml(page_html)
    doc.setPageSize(QSizeF())  # no own page size: Qt paginates for the printer, with numbers
    fd, tmp_name = tempfile.mkstemp(prefix=".~", suffix=".pdf.tmp", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        writer = QPdfWriter(str(tmp))
        writer.setTitle(title)
        writer.setCreator("Passerelle")
        writer.setResolution(300)
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                         QPageLayout.Orientation.Portrait,
                                         QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))
        doc.print_(writer)
        del writer  # closes the file before the rename
        if tmp.stat().st_size == 0:
            raise OSError("le fichier PDF produit est vide")
        os.replace(tmp, out)
    except OSError as exc:
        raise ValidationError("document_unwritable", "Impossible d'écrire « {file} » : {error}.",
                              field="out_path", file=str(out),
                              error=exc.strerror or str(exc)) from None
    finally:
        tmp.unlink(missing_ok=True)
    return out


def export_summary(db: Database, file_ref: uuid.UUID | str, out_path: Path | str
                   ) -> DocumentDTO:
    """Export a file's summary as .pdf (Qt) or .docx (« fiche de synthèse »), and record it.

    Either way the export is recorded as a Document version of the file (hash, size, data
    snapshot), like any generated document; if recording fails the file is removed.

    Raises:
        NotFound: unknown file.
        ValidationError: ``summary_bad_suffix`` for another suffix; template or write errors.
    """
    out = Path(out_path)
    suffix = out.suffix.lower()
    if suffix == ".docx":
        return documents.render_for_file(db, file_ref, SUMMARY_TEMPLATE, out)
    if suffix != ".pdf":
        raise ValidationError("summary_bad_suffix",
                              "Le fichier de synthèse doit se terminer par .pdf ou .docx "
                              "(reçu : « {name} »).", field="out_path", name=out.name)
    summary = documents.case_summary(db, file_ref)
    write_summary_pdf(summary, out)
    try:
        return documents.record_document(
            db, summary.id, out, title=f"Fiche de synthèse (PDF) — {summary.reference}",
            mime=PDF_MIME, snapshot=dataclasses.asdict(summary))
    except BaseException:
        out.unlink(missing_ok=True)
        raise
