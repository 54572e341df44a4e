"""Document benchmarks (DESIGN.md §8): one convention ≤ 150 ms, 500 letters ≤ 30 s.

Floors are bare docxtpl renders of the same template with the same (precomputed) context,
measured in the same run: the ratio says what Passerelle adds (context from the database,
sandbox, validation, atomic write, the Document row).
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from docxtpl import DocxTemplate
from jinja2 import Environment

from passerelle.infra import builtin_templates, docx_render
from passerelle.services import documents as ds
from passerelle.store.database import Database

from .conftest import best_of, report, timed

pytestmark = pytest.mark.benchmark

N_LETTERS = 500


def _bare_docxtpl(template: Path, context: dict[str, Any], out: Path) -> None:
    env = Environment(autoescape=True)
    env.filters.update(docx_render.FILTERS)
    tpl = DocxTemplate(str(template))
    tpl.render(context, jinja_env=env, autoescape=True)
    tpl.save(str(out))


def test_documents_speed(mda_demo: Path, tmp_path: Path) -> None:
    path = tmp_path / "mda.sqlite"
    shutil.copyfile(mda_demo, path)
    with sqlite3.connect(path) as con:
        ref = con.execute("SELECT f.reference FROM partnership_file f WHERE EXISTS "
                          "(SELECT 1 FROM counterpart c JOIN agreement a ON a.id = c.agreement_id"
                          " WHERE a.file_id = f.id) ORDER BY f.reference LIMIT 1").fetchone()[0]
        file_ids = [r[0] for r in con.execute(
            "SELECT id FROM partnership_file WHERE deleted = 0 ORDER BY reference LIMIT ?",
            (N_LETTERS,))]
    db = Database(path)
    try:
        ds.set_setting(db, ds.SETTING_STRUCTURE_NAME, "Maison des Associations de Roubaix")
        convention = builtin_templates.builtin_path(
            builtin_templates.by_key("convention_mecenat_financier"))  # type: ignore[arg-type]
        letter = builtin_templates.builtin_path(
            builtin_templates.by_key("lettre_mise_en_relation"))  # type: ignore[arg-type]
        context = ds.build_context(db, ref)
        out = tmp_path / "out"
        out.mkdir()

        floor_conv = best_of(5, lambda: _bare_docxtpl(convention, context, out / "bare.docx"))
        engine = best_of(5, lambda: docx_render.render(convention, context, out / "eng.docx"))
        ds.render_for_file(db, ref, "convention_mecenat_financier", out / "warm.docx")
        full = best_of(5, lambda: ds.render_for_file(db, ref, "convention_mecenat_financier",
                                                     out / "conv.docx"))
        letter_ctx = ds.build_context(db, ref)
        floor_letter = best_of(5, lambda: _bare_docxtpl(letter, letter_ctx, out / "bl.docx"))
        with timed() as batch:
            result = ds.render_letters(db, "lettre_mise_en_relation", file_ids, out / "lettres")
        assert len(result.documents) == len(file_ids)
    finally:
        db.close()
    report("Documents (mda demo)", [
        ("one convention: engine render (sandbox, validation, atomic)", engine, floor_conv),
        ("one convention: render_for_file (DB context + Document row)", full, floor_conv),
        (f"batch of {len(file_ids)} letters: render_letters, total", batch[0],
         floor_letter * len(file_ids)),
        ("batch: per letter", batch[0] / len(file_ids), floor_letter),
    ])
    assert full <= 0.150, f"one convention took {full * 1000:.0f} ms (target ≤ 150 ms)"
    assert batch[0] <= 30.0, f"500 letters took {batch[0]:.1f} s (target ≤ 30 s)"
