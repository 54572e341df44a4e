"""Template manager, structure settings and mécénat figures services."""

from __future__ import annotations

import struct
import zlib
from datetime import date
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from sqlalchemy import func, select

from passerelle.domain.errors import NotFound, ValidationError
from passerelle.services import documents, mecenat_figures, structure
from passerelle.services import files as file_service
from passerelle.services import organisations as org_service
from passerelle.services import template_manager as tm
from passerelle.store.database import Database
from passerelle.store.models import Agreement, Counterpart, Template


def _docx(path: Path, paragraphs: list[str], *, cell: str | None = None) -> Path:
    d = docx.Document()
    for text in paragraphs:
        d.add_paragraph(text)
    if cell is not None:
        d.add_table(rows=2, cols=2).cell(1, 1).text = cell
    d.save(str(path))
    return path


def png(path: Path, width: int = 4, height: int = 2) -> Path:
    """A real, tiny PNG (python-docx reads its size when embedding it)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    path.write_bytes(b"\x89PNG\r\n\x1a\n"
                     + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    return path


# --- template manager ----------------------------------------------------------------------


def test_check_lists_every_problem_with_location_and_suggestion(tmp_path: Path) -> None:
    path = _docx(tmp_path / "t.docx", ["Bonjour {{ association.nome }}"],
                 cell="{{ entreprise.siert }}")
    check = tm.check_file(path)
    assert [(p.name, p.location, p.suggestion) for p in check.problems] == [
        ("association.nome", "paragraphe 1", "association.nom"),
        ("entreprise.siert", "tableau 1, cellule (ligne 2, colonne 2)", "entreprise.siret")]
    broken = tm.check_file(_docx(tmp_path / "b.docx", ["Titre", "{% if dossier.titre %}"]))
    assert [(p.kind, p.location) for p in broken.problems] == [("syntax", "paragraphe 2")]
    good = tm.check_file(_docx(tmp_path / "ok.docx", ["{{ entreprise.nom }} {{ aujourd_hui|"
                                                      "date_longue }}"]))
    assert good.ok and good.used == ("aujourd_hui", "entreprise.nom")


def test_import_validates_first_and_copies_next_to_the_database(db: Database,
                                                                tmp_path: Path) -> None:
    bad = _docx(tmp_path / "mauvais.docx", ["{{ contact.nom_complt }}"])
    with pytest.raises(ValidationError) as err:
        tm.import_checked(db, bad, name="Mauvais")
    assert err.value.message_key == "template_unknown_placeholder"
    assert "contact.nom_complet" in err.value.message  # the closest known name
    assert not tm.templates_folder(db).exists() or not any(tm.templates_folder(db).iterdir())
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Template)) == 0

    with pytest.raises(ValidationError) as err:
        tm.import_checked(db, tmp_path / "notes.txt")
    assert err.value.message_key == "template_not_docx"

    good = _docx(tmp_path / "relance.docx", ["Bonjour {{ contact.nom_complet }},"])
    imported = tm.import_checked(db, good, name="Relance", purpose="lettre",
                                 description="Relance douce")
    assert imported.path.parent == tm.templates_folder(db)
    assert imported.path.is_file() and imported.purpose == "lettre"
    assert [t.name for t in documents.list_templates(db) if not t.builtin] == ["Relance"]


def test_preview_on_sample_data_and_on_a_file(db: Database, tmp_path: Path) -> None:
    template = _docx(tmp_path / "p.docx", [
        "Objet : {{ convention.objet }}", "Montant : {{ convention.montant|euros }}",
        "{{ association.nom }} & {{ dossier.reference }}",
        "{% for c in convention.contreparties %}{{ c.description }};{% endfor %}"])
    sample = tm.preview(db, template)
    assert sample.file_reference is None
    assert "12\u202f500,00\u00a0€" in sample.html and "Cœur &amp; Solidarité" in sample.html
    assert "{{" not in sample.html

    asso = org_service.create_organisation(db, kind="association", name="Les <Amis> & co")
    f = file_service.open_file(db, title="Fresque", association_id=asso.id)
    real = tm.preview(db, template, f.id)
    assert real.file_reference == f.reference
    assert "Les &lt;Amis&gt; &amp; co" in real.html and f.reference in real.html
    out = tm.preview_docx(db, template, tmp_path / "apercu.docx", f.id)
    assert "Les <Amis> & co" in "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    with pytest.raises(NotFound):
        tm.preview(db, tmp_path / "absent.docx")


def test_every_shipped_template_previews_on_sample_data(db: Database) -> None:
    for template in documents.list_templates(db):
        html = tm.preview(db, template).html
        assert "{{" not in html and "{%" not in html, template.name
        assert len(html) > 500, template.name


def test_vocabulary_lists_the_issue_names_and_filters() -> None:
    names = {e.name for e in tm.vocabulary()}
    for required in ("association.nom", "association.rna", "entreprise.siret",
                     "contact.nom_complet", "contact.adresse", "convention.contreparties",
                     "convention.contreparties[].valeur", "structure.logo", "aujourd_hui"):
        assert required in names
    assert [f.name for f in tm.FILTERS][:3] == ["euros", "date_longue", "en_lettres"]


def test_readme_lists_the_whole_vocabulary() -> None:
    from passerelle.infra import docx_render

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert docx_render.placeholders_markdown() in readme
    for f in tm.FILTERS:
        assert f"`{f.name}`" in readme


# --- structure -------------------------------------------------------------------------------


def test_structure_and_logo_are_stored_and_used_by_documents(db: Database,
                                                             tmp_path: Path) -> None:
    logo = png(tmp_path / "logo.png")
    saved = structure.save_structure(db, name=" MDA Roubaix ", address="1 rue X, Roubaix",
                                     commune="Roubaix", logo=logo)
    assert saved.name == "MDA Roubaix" and saved.logo is not None
    assert saved.logo.parent == structure.logo_folder(db) and saved.logo.is_file()
    assert saved.logo.read_bytes() == logo.read_bytes()
    logo.unlink()  # the original can go: documents use the copy
    assert structure.get_structure(db).logo == saved.logo

    template = _docx(tmp_path / "entete.docx", ["{{ structure.logo }}", "{{ structure.nom }}"])
    f = file_service.open_file(db, title="Fresque")
    out = tmp_path / "doc.docx"
    documents.render_for_file(db, f.id, template, out)
    rendered = docx.Document(str(out))
    assert rendered.inline_shapes and rendered.paragraphs[1].text == "MDA Roubaix"
    shown = tm.preview(db, template, f.id)  # the preview carries the picture itself
    assert '<img src="image:0"' in shown.html
    assert shown.images["image:0"] == saved.logo.read_bytes()

    # keep the logo by default; None removes it
    assert structure.save_structure(db, name="MDA").logo == saved.logo
    assert structure.save_structure(db, name="MDA", logo=None).logo is None


def test_a_bad_logo_is_refused_and_nothing_changes(db: Database, tmp_path: Path) -> None:
    structure.save_structure(db, name="Avant")
    fake = tmp_path / "logo.png"
    fake.write_text("pas une image")
    with pytest.raises(ValidationError) as err:
        structure.save_structure(db, name="Après", logo=fake)
    assert err.value.message_key == "logo_bad_format"
    assert structure.get_structure(db).name == "Avant"
    with pytest.raises(NotFound):
        structure.save_structure(db, name="Après", logo=tmp_path / "absent.png")


# --- mécénat figures -------------------------------------------------------------------------


def _agreement(db: Database, *, type_: str, cash: int, in_kind: int = 0, skills: int = 0,
               counterparts: tuple[int, ...] = ()) -> object:
    company = org_service.create_organisation(db, kind="entreprise", name="Imprimerie Nord")
    with db.write() as s:
        a = Agreement(company_id=company.id, type=type_, object="Fresque",
                      cash_cents=cash * 100, in_kind_cents=in_kind * 100,
                      skills_cents=skills * 100, signed_on=date(2026, 5, 4))
        s.add(a)
        s.flush()
        for value in counterparts:
            s.add(Counterpart(agreement_id=a.id, description="Logo", value_cents=value * 100))
        return a.id


def test_figures_small_gift_exact_reduction_and_counterparts_ok(db: Database) -> None:
    aid = _agreement(db, type_="mecenat_financier", cash=9000, counterparts=(1000, 500))
    f = mecenat_figures.agreement_figures(db, aid)
    assert f.patronage and f.gift_total == Decimal("9000.00")
    assert f.simulation is not None and f.simulation.reduction == Decimal("5400.00")
    assert not f.turnover_needed  # under the 20 000 € floor, the turnover changes nothing
    assert f.counterparts is not None and f.counterparts.within_tolerance
    assert f.counterparts_total == Decimal("1500.00") and f.counterpart_count == 2
    assert f.fiscal_year_end == date(2026, 12, 31)
    assert f.skills_cap_per_employee == Decimal("144180.00")  # 3 × PASS 2026


def test_figures_large_gift_unknown_turnover_is_a_minimum(db: Database) -> None:
    aid = _agreement(db, type_="mecenat_competences", cash=0, in_kind=10_000, skills=40_000,
                     counterparts=(15_000,))
    unknown = mecenat_figures.agreement_figures(db, aid)
    assert unknown.turnover_needed and unknown.simulation is not None
    assert unknown.simulation.ceiling == Decimal("20000.00")
    assert unknown.simulation.reduction == Decimal("12000.00")
    assert unknown.turnover_for_floor == Decimal("4000000.00")
    assert unknown.counterparts is not None and not unknown.counterparts.within_tolerance
    known = mecenat_figures.agreement_figures(db, aid, turnover=Decimal("12000000"))
    assert not known.turnover_needed and known.simulation is not None
    assert known.simulation.ceiling == Decimal("60000.00")
    assert known.simulation.reduction == Decimal("30000.00")
    with pytest.raises(ValidationError):
        mecenat_figures.agreement_figures(db, aid, turnover=Decimal("-1"))


def test_partnership_is_out_of_scope(db: Database) -> None:
    aid = _agreement(db, type_="partenariat", cash=5000)
    f = mecenat_figures.agreement_figures(db, aid)
    assert not f.patronage and f.simulation is None
    with pytest.raises(NotFound):
        mecenat_figures.agreement_figures(db, "01900000-0000-7000-8000-000000000000")
