"""Mail merge to organisations (« Courrier en nombre »): 500 letters, per recipient and combined.

Floor: bare docxtpl renders of the same template with one precomputed context, × 500, measured
in the same run. The ratio says what Passerelle adds: a context per recipient read from the
database, the sandbox, the staging folder and the move, and for the combined document the join.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from passerelle.infra import builtin_templates
from passerelle.services import documents as ds
from passerelle.services import mail_merge
from passerelle.store.database import Database
from passerelle.store.models import Organisation

from .conftest import best_of, report, timed
from .test_documents import _bare_docxtpl

pytestmark = pytest.mark.benchmark

N_LETTERS = 500


def test_mail_merge_speed(mda_demo: Path, tmp_path: Path) -> None:
    path = tmp_path / "mda.sqlite"
    shutil.copyfile(mda_demo, path)
    db = Database(path)
    try:
        with db.read() as s:
            org_ids = list(s.scalars(select(Organisation.id).where(
                Organisation.deleted.is_(False)).order_by(Organisation.name).limit(N_LETTERS)))
        template = builtin_templates.builtin_path(
            builtin_templates.by_key("invitation_rencontre_collective"))  # type: ignore[arg-type]
        context = ds.build_context(db, _first_file(path))  # one file's context: the floor
        out = tmp_path / "out"
        out.mkdir()
        floor = best_of(5, lambda: _bare_docxtpl(template, context, out / "bare.docx"))
        with timed() as per_recipient:
            r1 = mail_merge.render_mail_merge(db, "invitation_rencontre_collective",
                                              mail_merge.ORGANISATIONS, org_ids, out / "a")
        with timed() as combined:
            r2 = mail_merge.render_mail_merge(db, "invitation_rencontre_collective",
                                              mail_merge.ORGANISATIONS, org_ids, out / "b",
                                              combined=True)
        assert r1.letters == r2.letters == len(org_ids)
    finally:
        db.close()
    n = len(org_ids)
    report("Mail merge to organisations (mda demo)", [
        (f"{n} letters, one file each", per_recipient[0], floor * n),
        (f"{n} letters, one combined document", combined[0], floor * n),
        ("per letter, one file each", per_recipient[0] / n, floor),
    ])


def _first_file(path: Path) -> str:
    with sqlite3.connect(path) as con:
        return str(con.execute("SELECT reference FROM partnership_file WHERE deleted = 0 "
                               "ORDER BY reference LIMIT 1").fetchone()[0])
