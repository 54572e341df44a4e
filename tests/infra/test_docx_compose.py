"""Joining rendered letters into one document: images, ids, numbering, headers, fallback."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from passerelle.domain.errors import ValidationError
from passerelle.infra import docx_compose, docx_render
from tests.services.test_template_manager import png


def _template(path: Path, *, header: str = "Structure") -> Path:
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = header
    d.add_paragraph("{{ structure.logo }}")
    d.add_paragraph("Bonjour {{ contact.nom_complet }},")
    d.add_paragraph("premier point", style="List Number")
    d.add_paragraph("second point", style="List Number")
    d.save(str(path))
    return path


def _numbered(data: bytes) -> bytes:
    """The same letter with explicit list numbering on its list paragraphs (as Word writes)."""
    d = docx.Document(io.BytesIO(data))
    numbering = d.part.numbering_part.element
    abstract = numbering.makeelement(qn("w:abstractNum"), {qn("w:abstractNumId"): "7"})
    lvl = abstract.makeelement(qn("w:lvl"), {qn("w:ilvl"): "0"})
    fmt = lvl.makeelement(qn("w:numFmt"), {qn("w:val"): "decimal"})
    lvl.append(fmt)
    abstract.append(lvl)
    numbering.insert(0, abstract)
    num = numbering.add_num(7)
    for p in d.paragraphs:
        if p.style.name == "List Number":
            p._p.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = num.numId
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def _letters(tmp_path: Path, names: list[str], **template_args: str) -> list[bytes]:
    logo = png(tmp_path / "logo.png", 30, 10)
    template = _template(tmp_path / "lettre.docx", **template_args)
    return [_numbered(docx_render.render_bytes(template, {
        "structure": {"logo": docx_render.ImageRef(str(logo))},
        "contact": {"nom_complet": name}})) for name in names]


def test_letters_keep_their_images_unique_ids_and_own_numbering(tmp_path: Path) -> None:
    parts = _letters(tmp_path, ["Amina Benali", "Marc Lefebvre", "Inès Delahaye"])
    ticks: list[int] = []
    combined = docx.Document(io.BytesIO(docx_compose.combine(
        parts, after_each=lambda: ticks.append(1))))
    assert len(ticks) == 3
    texts = [p.text for p in combined.paragraphs]
    assert [t for t in texts if t.startswith("Bonjour")] == [
        "Bonjour Amina Benali,", "Bonjour Marc Lefebvre,", "Bonjour Inès Delahaye,"]
    body = combined.element.body
    breaks = [br for br in body.iter(qn("w:br")) if br.get(qn("w:type")) == "page"]
    assert len(breaks) == 2
    # one logo per letter, every picture pointing at a real image part (shared, not copied)
    blips = [b.get(qn("r:embed")) for b in body.iter(qn("a:blip"))]
    assert len(blips) == 3 and all(combined.part.related_parts[r].blob for r in blips)
    assert len({combined.part.related_parts[r].partname for r in blips}) == 1
    ids = [e.get("id") for e in body.iter(qn("wp:docPr"))]
    assert len(ids) == len(set(ids)) == 3
    # each letter's numbered list gets its own numbering, restarting at 1
    num_ids = []
    for p in body.iter(qn("w:p")):
        num = p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
        if num is not None:
            num_ids.append(num.get(qn("w:val")))
    assert len(num_ids) == 6 and len(set(num_ids)) == 3
    numbering = combined.part.numbering_part.element
    restarted = [n for n in numbering.iter(qn("w:num"))
                 if n.get(qn("w:numId")) in set(num_ids[2:])]
    assert all(n.find(f".//{qn('w:startOverride')}") is not None for n in restarted)


def test_docxcompose_fallback_gives_the_same_letters(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    parts = _letters(tmp_path, ["Amina Benali", "Marc Lefebvre"])

    def unsupported(self: object, document: object) -> None:
        raise docx_compose._Unsupported("footnote")

    monkeypatch.setattr(docx_compose._FastJoiner, "check", unsupported)
    combined = docx.Document(io.BytesIO(docx_compose.combine(parts)))
    assert [p.text for p in combined.paragraphs if p.text.startswith("Bonjour")] == [
        "Bonjour Amina Benali,", "Bonjour Marc Lefebvre,"]
    assert len(list(combined.element.body.iter(qn("a:blip")))) == 2


def test_per_recipient_headers_are_refused(tmp_path: Path) -> None:
    template = _template(tmp_path / "t.docx", header="Dossier {{ contact.nom_complet }}")
    parts = [docx_render.render_bytes(template, {"structure": {"logo": ""},
                                                 "contact": {"nom_complet": n}})
             for n in ("A", "B")]
    with pytest.raises(ValidationError) as err:
        docx_compose.combine(parts)
    assert err.value.message_key == "mail_merge_header_varies"
