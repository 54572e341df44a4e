"""Case summary export: the PDF printed by Qt and the DOCX « fiche de synthèse »."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from passerelle.domain.errors import ValidationError
from passerelle.services import documents as ds
from passerelle.store.database import Database
from passerelle.ui.summary_pdf import PDF_MIME, export_summary, summary_html
from tests.services.test_documents import ASSOCIATION, build_sample


def _pdf_text(path: Path) -> str:
    """Text of a PDF: poppler's pdftotext when installed, else Qt's own PDF reader."""
    if shutil.which("pdftotext"):
        return subprocess.run(["pdftotext", str(path), "-"], check=True,
                              capture_output=True, text=True).stdout
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument()
    doc.load(str(path))
    assert doc.status() == QPdfDocument.Status.Ready
    return "\n".join(doc.getAllText(i).text() for i in range(doc.pageCount()))


def _squeeze(text: str) -> str:
    """Compare PDF text regardless of line wrapping in table cells and of ligatures (ﬁ)."""
    return "".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture
def sample(db: Database) -> dict[str, Any]:
    return build_sample(db)


def test_pdf_summary_opens_and_tells_the_story(qapp: Any, db: Database, sample: dict[str, Any],
                                               tmp_path: Path) -> None:
    ref = sample["file"].reference
    out = tmp_path / "synthese.pdf"
    doc = export_summary(db, ref, out)
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    text = _squeeze(_pdf_text(out))
    for expected in (ref, ASSOCIATION, "Boulangerie Lefebvre", "Diagnostic croisé au jardin",
                     "Besoin : outils <pelles> & graines.", "Outils du jardin partagé"):
        assert _squeeze(expected) in text, expected
    assert (doc.mime, doc.version, doc.size_bytes) == (PDF_MIME, 1, len(data))
    assert export_summary(db, ref, tmp_path / "encore.pdf").version == 2
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".~")] == []


def test_html_is_escaped(db: Database, sample: dict[str, Any]) -> None:
    page = summary_html(ds.case_summary(db, sample["file"].id))
    assert "Cœur &amp; Solidarité &lt;Nord&gt;" in page
    assert "<Nord>" not in page and "<pelles>" not in page


def test_docx_summary_goes_through_the_template(db: Database, sample: dict[str, Any],
                                                tmp_path: Path) -> None:
    import docx

    out = tmp_path / "synthese.docx"
    doc = export_summary(db, sample["file"].id, out)
    d = docx.Document(str(out))
    text = "\n".join([p.text for p in d.paragraphs]
                     + [c.text for t in d.tables for r in t.rows for c in r.cells])
    assert sample["file"].reference in text and ASSOCIATION in text
    assert "Diagnostic croisé au jardin" in text
    assert doc.template_id is not None


def test_other_suffix_is_refused(db: Database, sample: dict[str, Any], tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as err:
        export_summary(db, sample["file"].id, tmp_path / "synthese.odt")
    assert err.value.message_key == "summary_bad_suffix"
    assert not (tmp_path / "synthese.odt").exists()
