"""The rendering engine: French filters, template diagnostics, sandbox, escaping, atomic writes."""

from __future__ import annotations

import struct
import zlib
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import docx
import pytest
from jinja2.exceptions import SecurityError

from passerelle.domain.errors import ValidationError
from passerelle.infra import builtin_templates, docx_render
from passerelle.infra.docx_render import (
    NBSP,
    NNBSP,
    ImageRef,
    date_longue,
    en_lettres,
    euros,
    heure,
    make_environment,
    render,
    validate_template,
)

# --- filters ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("amount", "words"), [
    (0, "zéro euro"),
    (1, "un euro"),
    (21, "vingt et un euros"),
    (71, "soixante et onze euros"),
    (80, "quatre-vingts euros"),
    (81, "quatre-vingt-un euros"),
    (91, "quatre-vingt-onze euros"),
    (100, "cent euros"),
    (200, "deux cents euros"),
    (201, "deux cent un euros"),
    (1_000, "mille euros"),
    (80_000, "quatre-vingt mille euros"),
    (200_000, "deux cent mille euros"),
    (1_000_000, "un million d'euros"),
    (2_000_000, "deux millions d'euros"),
    (200_000_000, "deux cents millions d'euros"),
    (1_200_000, "un million deux cent mille euros"),
    (Decimal("1234.50"), "mille deux cent trente-quatre euros et cinquante centimes"),
    (Decimal("0.50"), "cinquante centimes"),
    (Decimal("1.01"), "un euro et un centime"),
    ("2 500,80", "deux mille cinq cents euros et quatre-vingts centimes"),
])
def test_en_lettres_writes_amounts_as_conventions_do(amount: Any, words: str) -> None:
    assert en_lettres(amount) == words


def test_en_lettres_without_currency_and_for_missing_amounts() -> None:
    assert en_lettres(21, devise=False) == "vingt et un"
    assert en_lettres(None) == ""


def test_euros_uses_french_separators() -> None:
    assert euros(Decimal("1234.5")) == f"1{NNBSP}234,50{NBSP}€"
    assert euros(1_234_567.891) == f"1{NNBSP}234{NNBSP}567,89{NBSP}€"
    assert euros(5000, centimes=False) == f"5{NNBSP}000{NBSP}€"
    assert euros(None) == ""
    with pytest.raises(ValidationError) as err:
        euros("D-2026-0001")
    assert err.value.message_key == "template_bad_value"


def test_date_longue_and_heure() -> None:
    assert date_longue(date(2026, 11, 26)) == "26 novembre 2026"
    assert date_longue(date(2026, 12, 1)) == "1er décembre 2026"
    assert date_longue(datetime(2026, 12, 1, 9), jour=True) == "mardi 1er décembre 2026"
    assert heure(datetime(2026, 1, 1, 8, 30)) == f"8{NBSP}h{NBSP}30"
    assert heure(datetime(2026, 1, 1, 14, 0)) == f"14{NBSP}h"


# --- diagnostics -----------------------------------------------------------------------------


def _docx(path: Path, paragraphs: list[str], *, cell: str | None = None,
          footer: str | None = None) -> Path:
    d = docx.Document()
    for text in paragraphs:
        d.add_paragraph(text)
    if cell is not None:
        table = d.add_table(rows=2, cols=3)
        table.cell(1, 2).text = cell
    if footer is not None:
        d.sections[0].footer.paragraphs[0].text = footer
    d.save(str(path))
    return path


def test_unknown_placeholder_is_named_located_and_corrected(tmp_path: Path) -> None:
    path = _docx(tmp_path / "t.docx", ["Titre", "Bonjour {{ association.nome }}"],
                 cell="{% for c in convention.contreparties %}{{ c.descripton }}{% endfor %}",
                 footer="{{ structure.nomm }}")
    problems = validate_template(path)
    assert [(p.kind, p.name, p.location, p.suggestion) for p in problems] == [
        ("unknown_placeholder", "association.nome", "paragraphe 2", "association.nom"),
        ("unknown_placeholder", "c.descripton", "tableau 1, cellule (ligne 2, colonne 3)",
         "c.description"),
        ("unknown_placeholder", "structure.nomm", "pied de page", "structure.nom"),
    ]
    assert problems[0].message.startswith(
        "Champ inconnu « association.nome » (paragraphe 2) : vouliez-vous dire "
        "« association.nom » ?")


def test_placeholder_far_from_everything_gets_no_suggestion(tmp_path: Path) -> None:
    (problem,) = validate_template(_docx(tmp_path / "t.docx", ["{{ zzz }}"]))
    assert problem.suggestion is None
    assert "ne fait pas partie du vocabulaire" in problem.message


def test_malformed_jinja_gives_its_location(tmp_path: Path) -> None:
    unclosed = _docx(tmp_path / "a.docx", ["Intro", "{% for c in convention.contreparties %}",
                                            "{{ c.description }}"])
    (problem,) = validate_template(unclosed)
    assert problem.message_key == "template_syntax_error"
    assert problem.location == "paragraphe 2"
    assert "{% for %}" in problem.message and "{% endfor %}" in problem.message
    brace = _docx(tmp_path / "b.docx", ["Intro", "Texte", "{{ association.nom }"])
    (problem,) = validate_template(brace)
    assert (problem.kind, problem.location) == ("syntax", "paragraphe 3")
    assert problem.message.startswith("Modèle mal formé (paragraphe 3)")


def test_unknown_filter_is_reported_with_the_closest(tmp_path: Path) -> None:
    (problem,) = validate_template(_docx(tmp_path / "t.docx",
                                         ["{{ convention.montant|euro }}"]))
    assert (problem.message_key, problem.suggestion) == ("template_unknown_filter", "euros")


def test_docxtpl_tags_locals_and_methods_are_accepted(tmp_path: Path) -> None:
    path = _docx(tmp_path / "t.docx", [
        "{%p if convention.contreparties %}",
        "{% set total = convention.total_contreparties %}{{ total|euros }}",
        "{{ association.nom.upper() }} {{ dossier.historique|length }}",
        "{%p endif %}",
        "{% for i in range(3) %}{{ loop.index }}{% endfor %}",
    ])
    assert validate_template(path) == []


# --- sandbox ---------------------------------------------------------------------------------


@pytest.mark.parametrize("source", ["{{ ''.__class__.__mro__ }}",
                                    "{{ cycler.__init__.__globals__ }}"])
def test_sandbox_refuses_python_internals(tmp_path: Path, source: str) -> None:
    with pytest.raises(SecurityError):
        make_environment().from_string(source).render()
    path = _docx(tmp_path / "evil.docx", ["Bonjour", source])
    assert [p.kind for p in validate_template(path)] == ["forbidden"]
    out = tmp_path / "out.docx"
    with pytest.raises(ValidationError) as err:
        render(path, {}, out)
    assert err.value.message_key == "template_forbidden"
    assert not out.exists()


# --- rendering -------------------------------------------------------------------------------


def _texts(path: Path) -> list[str]:
    d = docx.Document(str(path))
    out = [p.text for p in d.paragraphs]
    out += [c.text for t in d.tables for r in t.rows for c in r.cells]
    return out


def test_special_characters_round_trip(tmp_path: Path) -> None:
    tpl = _docx(tmp_path / "t.docx", ["{{ association.nom }}", "{{ entreprise.adresse }}"],
                cell="{{ association.nom }} — {{ convention.montant|euros }}")
    out = tmp_path / "out.docx"
    rendered = render(tpl, {"association": {"nom": "Cœur & Solidarité <Nord>"},
                            "entreprise": {"adresse": "2 rue d'Isly, 59700 Marcq-en-Barœul"},
                            "convention": {"montant": Decimal("1234.5")}}, out)
    texts = _texts(out)
    assert texts[0] == "Cœur & Solidarité <Nord>"
    assert texts[1] == "2 rue d'Isly, 59700 Marcq-en-Barœul"
    assert f"Cœur & Solidarité <Nord> — 1{NNBSP}234,50{NBSP}€" in texts
    assert rendered.size_bytes == out.stat().st_size
    assert len(rendered.sha256) == 64


@pytest.mark.parametrize(("paragraphs", "key"), [
    (["{{ association.nome }}"], "template_unknown_placeholder"),
    (["{% if dossier.reference %}sans fin"], "template_syntax_error"),
])
def test_bad_template_writes_no_file_and_keeps_an_existing_one(
        tmp_path: Path, paragraphs: list[str], key: str) -> None:
    tpl = _docx(tmp_path / "t.docx", paragraphs)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "doc.docx"
    with pytest.raises(ValidationError) as err:
        render(tpl, {}, out)
    assert err.value.message_key == key
    assert list(out_dir.iterdir()) == []
    out.write_bytes(b"previous version")
    with pytest.raises(ValidationError):
        render(tpl, {}, out)
    assert out.read_bytes() == b"previous version"
    assert list(out_dir.iterdir()) == [out]


def test_missing_folder_is_an_expected_error(tmp_path: Path) -> None:
    tpl = _docx(tmp_path / "t.docx", ["{{ dossier.reference }}"])
    with pytest.raises(ValidationError) as err:
        render(tpl, {"dossier": {"reference": "D-1"}}, tmp_path / "absent" / "x.docx")
    assert err.value.message_key == "document_unwritable"


def _png(path: Path) -> Path:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    raw = b"".join(b"\x00" + b"\x1f\x3a\x4d" * 4 for _ in range(4))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2,
                                                                         0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    return path


def test_logo_is_inserted_and_a_missing_one_is_skipped(tmp_path: Path) -> None:
    tpl = _docx(tmp_path / "t.docx", ["{{ structure.logo }}{{ structure.nom }}"])
    out = tmp_path / "out.docx"
    render(tpl, {"structure": {"nom": "MDA", "logo": ImageRef(str(_png(tmp_path / "l.png")))}},
           out)
    assert len(docx.Document(str(out)).inline_shapes) == 1
    render(tpl, {"structure": {"nom": "MDA", "logo": ImageRef(str(tmp_path / "none.png"))}},
           out)
    assert _texts(out)[0] == "MDA"


# --- shipped templates -----------------------------------------------------------------------


def test_shipped_templates_are_valid_and_up_to_date(tmp_path: Path) -> None:
    built = builtin_templates.build_all(tmp_path)
    assert len(built) == len(builtin_templates.BUILTIN_TEMPLATES) == 8
    for path in built:
        assert validate_template(path) == [], path.name
        shipped = builtin_templates.builtin_path(builtin_templates.by_key(path.stem))  # type: ignore[arg-type]
        assert shipped.read_bytes() == path.read_bytes(), (
            f"{path.name} is stale: run python -m passerelle.infra.builtin_templates")


def test_conventions_carry_the_articles_and_the_disclaimer() -> None:
    for spec in builtin_templates.BUILTIN_TEMPLATES:
        d = docx.Document(str(builtin_templates.builtin_path(spec)))
        footer = " ".join(p.text for p in d.sections[0].footer.paragraphs)
        assert "Modèle indicatif, à faire valider" in footer
        if spec.purpose != "convention":
            continue
        body = "\n".join(p.text for p in d.paragraphs)
        for title in ("Objet", "Contreparties" if "mecenat" in spec.key else "Gouvernance",
                      "Communication", "Durée", "Annulation", "Confidentialité", "Assurances",
                      "Propriété intellectuelle", "Données personnelles", "Résiliation",
                      "Litiges", "Annexes"):
            assert f"– {title}" in body, (spec.key, title)
    skills = docx.Document(str(builtin_templates.builtin_path(
        builtin_templates.by_key("convention_mecenat_competences"))))  # type: ignore[arg-type]
    assert "Chiffrage et calendrier" in "\n".join(p.text for p in skills.paragraphs)


def test_vocabulary_documents_the_required_names() -> None:
    table = docx_render.placeholders_markdown()
    for name in ("association.nom", "association.rna", "association.adresse", "entreprise.nom",
                 "entreprise.siret", "entreprise.adresse", "contact.nom_complet",
                 "dossier.reference", "dossier.categorie", "dossier.etape", "convention.objet",
                 "convention.montant", "convention.date_debut", "convention.date_fin",
                 "convention.contreparties", "convention.contreparties[].description",
                 "convention.contreparties[].valeur", "facilitateur.nom", "structure.nom",
                 "aujourd_hui"):
        assert f"`{name}`" in table
