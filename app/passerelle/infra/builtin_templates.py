"""The shipped .docx templates, built with python-docx from this module (rerunnable).

Why templates are generated rather than drawn in Word: the text of each article lives in
reviewable code (DOMAIN-FR.md §3.7 is the checklist), every template shares one layout (title,
parties block, numbered articles, signature table, footer « Modèle indicatif, à faire
valider »), and a wording fix is a one-line diff. The output is byte-for-byte reproducible
(fixed document dates and zip timestamps), so rebuilding without a change leaves the committed
files — and their SHA-256 recorded in the ``template`` table — untouched.

Rebuild after editing: ``python -m passerelle.infra.builtin_templates`` (writes into
``resources/templates/``). Every placeholder used here belongs to
:data:`passerelle.infra.docx_render.PLACEHOLDERS`; the tests validate each built file.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from passerelle.infra.resources import resource_path

__all__ = ["BUILTIN_TEMPLATES", "BuiltinTemplate", "build_all", "builtin_path", "by_key"]

DISCLAIMER = "Modèle indicatif, à faire valider"


@dataclass(frozen=True, slots=True)
class BuiltinTemplate:
    """A shipped template: its stable key (the file stem), French name, purpose and summary.

    ``purpose`` groups templates in the manager and is stored in ``template.purpose``:
    ``convention``, ``lettre``, ``invitation``, ``compte_rendu`` or ``synthese``.
    """

    key: str
    name: str
    purpose: str
    description: str

    @property
    def filename(self) -> str:
        return f"{self.key}.docx"


BUILTIN_TEMPLATES: tuple[BuiltinTemplate, ...] = (
    BuiltinTemplate("convention_mecenat_financier", "Convention de mécénat financier",
                    "convention", "Don en numéraire (article 238 bis du CGI), avec contreparties "
                    "valorisées et engagement de délivrer le reçu Cerfa n° 16216."),
    BuiltinTemplate("convention_mecenat_nature", "Convention de mécénat en nature",
                    "convention", "Dons de biens, prêts de locaux ou de matériel, prestations "
                    "gratuites, valorisés au coût de revient."),
    BuiltinTemplate("convention_mecenat_competences", "Convention de mécénat de compétences",
                    "convention", "Mise à disposition de salariés sur leur temps de travail, "
                    "avec le chiffrage et le calendrier précis exigés par la loi."),
    BuiltinTemplate("convention_partenariat", "Convention de partenariat", "convention",
                    "Pratiques responsables, coopération économique ou innovation sociétale : "
                    "objectifs partagés, gouvernance conjointe et indicateurs."),
    BuiltinTemplate("lettre_mise_en_relation", "Lettre de mise en relation", "lettre",
                    "Présente l'entreprise à l'association (ou l'inverse) et propose un premier "
                    "rendez-vous."),
    BuiltinTemplate("invitation_rencontre_collective", "Invitation à une rencontre collective",
                    "invitation", "Speed-dating, petit-déjeuner, conférence ou atelier : date, "
                    "lieu, programme et inscription."),
    BuiltinTemplate("compte_rendu_rencontre", "Compte rendu de rencontre ou de médiation",
                    "compte_rendu", "Participants, notes, décisions et prochaines étapes d'une "
                    "rencontre ou d'une séance de médiation."),
    BuiltinTemplate("fiche_synthese_dossier", "Fiche de synthèse du dossier", "synthese",
                    "Parties, catégorie, historique des étapes, chronologie, conventions, tâches "
                    "et documents du dossier."),
)


def by_key(key: str) -> BuiltinTemplate | None:
    """The shipped template with that key (file stem), if any."""
    return next((t for t in BUILTIN_TEMPLATES if t.key == key), None)


def builtin_path(template: BuiltinTemplate) -> Path:
    """Where the shipped file lives (checkout or frozen bundle)."""
    return resource_path("templates", template.filename)


# =============================================================================================
# Layout helpers
# =============================================================================================

INK = RGBColor(0x1F, 0x3A, 0x4D)  # deep blue-grey: titles and rules
ACCENT = RGBColor(0x2E, 0x75, 0x6E)  # teal: article headings
MUTED = RGBColor(0x59, 0x59, 0x59)
SHADE = "E8EEF1"  # table header background
FONT = "Calibri"
_FIXED_TIME = datetime(2026, 1, 1)
_ZIP_TIME = (2026, 1, 1, 0, 0, 0)


def _shade(cell: _Cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def _bottom_rule(paragraph: Paragraph, color: str = "1F3A4D", size: int = 8) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), str(size))
    bottom.set(qn("w:space"), "4")
    bottom.set(qn("w:color"), color)
    borders.append(bottom)
    p_pr.append(borders)


def _field(paragraph: Paragraph, instruction: str, size: float = 8) -> None:
    """A Word field (PAGE, NUMPAGES) that the word processor computes."""
    run = paragraph.add_run()
    run.font.size = Pt(size)
    run.font.color.rgb = MUTED
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, "1"),
                       ("end", None)):
        if kind is not None:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text == instruction:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {instruction} "
        else:
            el = OxmlElement("w:t")
            el.text = text
        run._r.append(el)


def _widths(table: Table, widths: Sequence[float]) -> None:
    """Column widths in the grid (LibreOffice) and on every cell (Word), fixed layout."""
    table.autofit = False
    for c, width in enumerate(widths):
        table.columns[c].width = Cm(width)
        for cell in table.columns[c].cells:
            cell.width = Cm(width)


def _keep_with_next(paragraph: Paragraph) -> None:
    paragraph.paragraph_format.keep_with_next = True


_TAGS = re.compile(r"({{.*?}}|{%.*?%})")
_NBSP_RULES = (("« ", "«\u00a0"), (" »", "\u00a0»"), (" :", "\u00a0:"), (" ;", "\u00a0;"),
               (" ?", "\u00a0?"), (" !", "\u00a0!"))


def _typography(text: str) -> str:
    """French spacing: no-break spaces inside « » and before : ; ? ! (never inside tags)."""
    parts = _TAGS.split(text)
    for i in range(0, len(parts), 2):
        for plain, fixed in _NBSP_RULES:
            parts[i] = parts[i].replace(plain, fixed)
    return "".join(parts)


class _Builder:
    """One document under construction, with the house style."""

    def __init__(self, template: BuiltinTemplate, *, letter: bool = False) -> None:
        self.template = template
        self.doc: DocxDocument = Document()
        self.article_no = 0
        self._styles()
        self._page(letter)

    # -- setup ------------------------------------------------------------------------------
    def _styles(self) -> None:
        styles = self.doc.styles
        normal = styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(10.5)
        r_pr = normal.element.get_or_add_rPr()
        fonts = r_pr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            r_pr.append(fonts)
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), FONT)
        normal.paragraph_format.space_after = Pt(6)
        normal.paragraph_format.line_spacing = 1.1
        for name, size, color in (("Title", 18, INK), ("Heading 1", 13, INK),
                                  ("Heading 2", 11, ACCENT)):
            style = styles[name]
            style.font.name = FONT
            style.font.size = Pt(size)
            style.font.bold = True
            style.font.color.rgb = color
            style.paragraph_format.space_before = Pt(12 if name != "Title" else 0)
            style.paragraph_format.space_after = Pt(4)
            style.paragraph_format.keep_with_next = True
        core = self.doc.core_properties
        core.author = "Passerelle"
        core.title = self.template.name
        core.subject = DISCLAIMER
        core.created = _FIXED_TIME
        core.modified = _FIXED_TIME
        core.last_printed = _FIXED_TIME
        core.last_modified_by = "Passerelle"
        core.revision = 1
        core.language = "fr-FR"

    def _page(self, letter: bool) -> None:
        section = self.doc.sections[0]
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        section.top_margin = Cm(2.2)
        section.bottom_margin = Cm(2.0)
        section.left_margin = section.right_margin = Cm(2.2)
        section.header_distance = Cm(0.9)
        section.footer_distance = Cm(0.9)
        # Header: logo and structure on the left, file reference on the right.
        header = section.header
        table = header.add_table(rows=1, cols=2, width=Cm(16.6))
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        left, right = table.rows[0].cells
        left.width, right.width = Cm(10), Cm(6.6)
        p = left.paragraphs[0]
        p.add_run("{{ structure.logo }}")
        p = left.add_paragraph()
        run = p.add_run("{{ structure.nom }}")
        run.bold = True
        run.font.size = Pt(9)
        run.font.color.rgb = INK
        p = right.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = p.add_run("" if letter else "Dossier {{ dossier.reference }}")
        run.font.size = Pt(8)
        run.font.color.rgb = MUTED
        header.paragraphs[0].text = ""
        # Footer: the disclaimer DOMAIN-FR.md asks for, and page numbers.
        footer = section.footer
        p = footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _bottom_rule(p, "BFBFBF", 4)
        p = footer.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(f"{DISCLAIMER} — {self.template.name} — document établi avec "
                        "Passerelle le {{ aujourd_hui|date_longue }}")
        run.italic = True
        run.font.size = Pt(8)
        run.font.color.rgb = MUTED
        p = footer.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run("Page ")
        run.font.size = Pt(8)
        run.font.color.rgb = MUTED
        _field(p, "PAGE")
        run = p.add_run(" / ")
        run.font.size = Pt(8)
        run.font.color.rgb = MUTED
        _field(p, "NUMPAGES")

    # -- content ----------------------------------------------------------------------------
    def title(self, text: str, subtitle: str | None = None) -> None:
        p = self.doc.add_paragraph(style="Title")
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(text).font.all_caps = True
        if subtitle:
            p.paragraph_format.space_after = Pt(2)
            sub = self.doc.add_paragraph()
            sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = sub.add_run(subtitle)
            run.italic = True
            run.font.color.rgb = MUTED
            _bottom_rule(sub)
            sub.paragraph_format.space_after = Pt(14)
        else:
            _bottom_rule(p)

    def heading(self, text: str, level: int = 1) -> Paragraph:
        return self.doc.add_paragraph(text, style=f"Heading {level}")

    def article(self, title: str) -> Paragraph:
        self.article_no += 1
        return self.heading(f"Article {self.article_no} – {title}", level=2)

    def para(self, text: str, *, align: WD_ALIGN_PARAGRAPH | None = WD_ALIGN_PARAGRAPH.JUSTIFY,
             style: str | None = None, size: float | None = None, italic: bool = False,
             keep: bool = False) -> Paragraph:
        """A paragraph; ``**bold**`` spans are bold (never split a ``{{ … }}`` with them)."""
        p = self.doc.add_paragraph(style=style)
        if align is not None:
            p.alignment = align
        for i, chunk in enumerate(_typography(text).split("**")):
            if not chunk:
                continue
            run = p.add_run(chunk)
            run.bold = i % 2 == 1
            run.italic = italic
            if size:
                run.font.size = Pt(size)
        if keep:
            _keep_with_next(p)
        return p

    def bullet(self, text: str) -> Paragraph:
        return self.para(text, style="List Bullet", align=None)

    def control(self, tag: str) -> None:
        """A docxtpl paragraph tag (``{%p … %}``): the whole paragraph disappears on render."""
        self.doc.add_paragraph(f"{{%p {tag} %}}")

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[str]],
              widths: Sequence[float], *, loop: tuple[str, str] | None = None) -> Table:
        """A grid table; ``loop=(for_tag, endfor_tag)`` wraps ``rows`` in docxtpl row loops."""
        body: list[Sequence[str]] = list(rows)
        if loop is not None:
            ncols = len(headers)
            body = [[f"{{%tr {loop[0]} %}}"] + [""] * (ncols - 1), *body,
                    [f"{{%tr {loop[1]} %}}"] + [""] * (ncols - 1)]
        table: Table = self.doc.add_table(rows=1 + len(body), cols=len(headers))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for c, text in enumerate(headers):
            cell = table.rows[0].cells[c]
            cell.text = ""
            run = cell.paragraphs[0].add_run(text)
            run.bold = True
            run.font.size = Pt(9.5)
            run.font.color.rgb = INK
            _shade(cell, SHADE)
        for r, row in enumerate(body, start=1):
            for c, text in enumerate(row):
                cell = table.rows[r].cells[c]
                cell.text = ""
                run = cell.paragraphs[0].add_run(text)
                run.font.size = Pt(9.5)
        _widths(table, widths)
        self.doc.add_paragraph().paragraph_format.space_after = Pt(2)
        return table

    def facts(self, pairs: Sequence[tuple[str, str]], widths: tuple[float, float] = (5.0, 11.6)
              ) -> None:
        """A two-column label/value table, labels shaded."""
        table = self.doc.add_table(rows=len(pairs), cols=2)
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for r, (label, value) in enumerate(pairs):
            left, right = table.rows[r].cells
            left.text = ""
            run = left.paragraphs[0].add_run(label)
            run.bold = True
            run.font.size = Pt(9.5)
            run.font.color.rgb = INK
            _shade(left, SHADE)
            right.text = ""
            right.paragraphs[0].add_run(value).font.size = Pt(9.5)
        _widths(table, widths)
        self.doc.add_paragraph().paragraph_format.space_after = Pt(2)

    def signatures(self, left_title: str, left_lines: Sequence[str], right_title: str,
                   right_lines: Sequence[str]) -> None:
        table = self.doc.add_table(rows=2, cols=2)
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for c, (title, lines) in enumerate(((left_title, left_lines),
                                            (right_title, right_lines))):
            head = table.rows[0].cells[c]
            head.text = ""
            run = head.paragraphs[0].add_run(title)
            run.bold = True
            run.font.color.rgb = INK
            _shade(head, SHADE)
            cell = table.rows[1].cells[c]
            cell.text = ""
            first = True
            for line in lines:
                p = cell.paragraphs[0] if first else cell.add_paragraph()
                first = False
                p.add_run(line).font.size = Pt(9.5)
            for _ in range(4):  # room for the signature and the stamp
                cell.add_paragraph()
            cell.add_paragraph().add_run("Signature (précédée de « Lu et approuvé ») :"
                                         ).font.size = Pt(8)
        _widths(table, (8.3, 8.3))
        # Never leave the « Pour … » row alone at the bottom of a page.
        for row in table.rows:
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for cell in table.rows[0].cells:
            for p in cell.paragraphs:
                _keep_with_next(p)

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def _slim(self) -> None:
        """Drop what python-docx's default package carries and no template uses.

        Its 350 KB ``styles.xml`` (166 styles, latent styles) and 440 KB
        ``stylesWithEffects.xml`` were parsed and recompressed on every render — most of a
        letter's cost in a 500-letter mail merge. Only the styles the document uses (and
        the styles they derive from) are kept; Word and LibreOffice rebuild the rest.
        """
        unused = ("stylesWithEffects", "customXml", "thumbnail")
        for rels in (self.doc.part.package.rels, self.doc.part.rels):
            for r_id, rel in list(rels.items()):
                if rel.reltype.rsplit("/", 1)[-1] in unused:
                    rels.pop(r_id)
        styles = self.doc.styles.element
        latent = styles.find(qn("w:latentStyles"))
        if latent is not None:
            styles.remove(latent)
        parts = [self.doc.element, self.doc.part.numbering_part.element]
        for section in self.doc.sections:
            parts += [section.header._element, section.footer._element]
        used: set[str] = set()
        for element in parts:
            for tag in ("w:pStyle", "w:rStyle", "w:tblStyle", "w:numStyleLink", "w:styleLink"):
                used.update(el.get(qn("w:val")) for el in element.iter(qn(tag)))
        by_id = {st.get(qn("w:styleId")): st for st in styles.iterchildren(qn("w:style"))}
        keep = {sid for sid, st in by_id.items() if st.get(qn("w:default")) in ("1", "true")}
        todo = list(used | keep)
        while todo:
            sid = todo.pop()
            keep.add(sid)
            st = by_id.get(sid)
            if st is None:
                continue
            for tag in ("w:basedOn", "w:link", "w:next"):
                ref = st.find(qn(tag))
                if ref is not None and ref.get(qn("w:val")) not in keep:
                    todo.append(ref.get(qn("w:val")))
        for sid, st in by_id.items():
            if sid not in keep:
                styles.remove(st)

    def save(self, path: Path) -> None:
        """Save slimmed, with fixed zip timestamps (an unchanged template rebuilds identically)."""
        self._slim()
        raw = io.BytesIO()
        self.doc.save(raw)
        out = io.BytesIO()
        with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
                fixed.compress_type = zipfile.ZIP_DEFLATED
                fixed.external_attr = 0o644 << 16
                dst.writestr(fixed, src.read(info.filename))
        path.write_bytes(out.getvalue())


# =============================================================================================
# Shared blocks of the conventions (DOMAIN-FR.md §3.7)
# =============================================================================================

_FACILITATION = ("{% if structure.nom %}{{ structure.nom }}{% if facilitateur.nom %}, en la "
                 "personne de {{ facilitateur.nom }},{% endif %}{% else %}{{ facilitateur.nom }}"
                 "{% endif %}")
_ASSOCIATION_PARTY = (
    "**{{ association.nom }}**, association régie par la loi du 1er juillet 1901, dont le siège "
    "est situé {% if association.adresse %}{{ association.adresse }}{% else %}"
    "……………………………………{% endif %}"
    "{% if association.rna %}, inscrite au Répertoire national des associations sous le numéro "
    "{{ association.rna }}{% endif %}{% if association.siret %}, SIRET {{ association.siret }}"
    "{% endif %}, représentée par {% if association.representant %}"
    "{{ association.representant }}{% if association.representant_qualite %}, en qualité de "
    "{{ association.representant_qualite }}{% endif %}{% else %}……………………………, "
    "dûment habilité(e) par les statuts{% endif %},"
)
_COMPANY_PARTY = (
    "**{{ entreprise.nom }}**, {% if entreprise.siren %}immatriculée sous le numéro SIREN "
    "{{ entreprise.siren }}{% if entreprise.siret %} (SIRET {{ entreprise.siret }}){% endif %}"
    "{% else %}forme juridique et numéro SIREN : ……………………………{% endif %}, dont le siège "
    "est situé {% if entreprise.adresse %}{{ entreprise.adresse }}{% else %}"
    "……………………………………{% endif %}, représentée par {% if entreprise.representant %}"
    "{{ entreprise.representant }}{% if entreprise.representant_qualite %}, en qualité de "
    "{{ entreprise.representant_qualite }}{% endif %}{% else %}……………………………, "
    "dûment habilité(e){% endif %},"
)

def _money(field_name: str) -> str:
    return (f"{{% if convention.{field_name} %}}**{{{{ convention.{field_name}|euros }}}}** "
            f"({{{{ convention.{field_name}|en_lettres }}}}){{% else %}}………………… €{{% endif %}}")


def _parties(b: _Builder, association_role: str, company_role: str) -> None:
    b.heading("Entre les soussignés")
    b.para(_ASSOCIATION_PARTY)
    b.para(f"ci-après dénommée « {association_role} »,", align=WD_ALIGN_PARAGRAPH.RIGHT,
           italic=True)
    b.para("**Et**", align=WD_ALIGN_PARAGRAPH.LEFT)
    b.para(_COMPANY_PARTY)
    b.para(f"ci-après dénommée « {company_role} »,", align=WD_ALIGN_PARAGRAPH.RIGHT,
           italic=True)
    b.para("ensemble dénommées « les Parties ».", align=WD_ALIGN_PARAGRAPH.RIGHT, italic=True)


def _preamble(b: _Builder, company_reason: str) -> None:
    b.heading("Préambule")
    b.para("{{ association.nom }} mène, dans un but d'intérêt général et de manière "
           "désintéressée, les actions décrites dans ses statuts. Elle porte le projet "
           "présenté à l'article 1{% if dossier.thematiques %}, dans le domaine suivant : "
           "{{ dossier.thematiques }}{% endif %}.")
    b.para(f"{{{{ entreprise.nom }}}} {company_reason}")
    b.para("Les Parties ont été mises en relation et accompagnées par " + _FACILITATION
           + " dans le cadre du dossier {{ dossier.reference }}. Elles ont convenu de ce qui "
           "suit.")


def _object(b: _Builder) -> None:
    b.article("Objet")
    b.para("La présente convention a pour objet de définir les conditions dans lesquelles "
           "{{ entreprise.nom }} apporte son soutien au projet suivant : "
           "**{% if convention.objet %}{{ convention.objet }}{% else %}{{ dossier.titre }}"
           "{% endif %}**.")
    b.para("Lieu de réalisation, publics bénéficiaires et échéance du projet : "
           "……………………………………………………………………………………", align=WD_ALIGN_PARAGRAPH.LEFT)


def _beneficiary_duties(b: _Builder, *, receipt: bool) -> None:
    b.article("Engagements du Bénéficiaire")
    b.para("Le Bénéficiaire s'engage à :", keep=True)
    b.bullet("affecter le soutien reçu exclusivement à la réalisation du projet décrit à "
             "l'article 1 ;")
    b.bullet("informer le Mécène de l'avancement du projet et lui remettre un bilan "
             "intermédiaire puis un bilan final, qualitatif et financier ;")
    if receipt:
        b.bullet("délivrer au Mécène, dans un délai de …… jours suivant chaque versement ou "
                 "livraison, le reçu fiscal conforme au modèle n° 2041-MEC-SD (Cerfa n° 16216) "
                 "prévu à l'article 238 bis 5 bis du code général des impôts ;")
        b.bullet("procéder à la déclaration annuelle du montant des dons reçus et du nombre de "
                 "reçus délivrés (article 222 bis du code général des impôts).")
    b.para("Le Bénéficiaire atteste que son activité présente un caractère d'intérêt général, "
           "non lucratif, et que sa gestion est désintéressée.")


def _counterparts(b: _Builder) -> None:
    b.article("Contreparties")
    b.para("En reconnaissance de ce soutien, le Bénéficiaire accorde au Mécène les contreparties "
           "suivantes, valorisées comme indiqué :", keep=True)
    b.control("if convention.contreparties")
    b.table(("Contrepartie", "Valeur estimée", "Méthode de valorisation"),
            [("{{ c.description }}", "{{ c.valeur|euros }}", "{{ c.methode }}")],
            (8.0, 3.3, 5.3),
            loop=("for c in convention.contreparties", "endfor"))
    b.control("else")
    b.para("Aucune contrepartie n'est prévue à la date de la présente convention.", italic=True)
    b.control("endif")
    b.para("Valeur totale des contreparties : **{{ convention.total_contreparties|euros }}**"
           "{% if convention.part_contreparties %}, soit {{ convention.part_contreparties }} de "
           "la valeur du soutien{% endif %}. Les Parties veillent à ce que les contreparties "
           "demeurent dans une disproportion marquée avec le don (tolérance administrative : "
           "25 % de sa valeur), faute de quoi l'opération pourrait être requalifiée en "
           "parrainage.")


def _communication(b: _Builder, *, patronage: bool) -> None:
    b.article("Communication et utilisation des noms et logos")
    b.para("Chaque Partie concède à l'autre, pour la durée de la convention et pour son seul "
           "objet, une licence non exclusive et non cessible d'utilisation de son nom et de son "
           "logo, dans le respect de sa charte graphique. Chaque support mentionnant l'autre "
           "Partie est soumis à son accord préalable et écrit.")
    if patronage:
        b.para("La mention du Mécène se limite à son nom et à son logo, à l'exclusion de tout "
               "message publicitaire. Toute utilisation cesse au terme de la convention.")
    else:
        b.para("Toute utilisation cesse au terme de la convention, sauf accord écrit contraire.")


def _closing_articles(b: _Builder, *, insurance_detail: str) -> None:
    b.article("Durée")
    b.para("La présente convention prend effet le "
           "{% if convention.date_debut %}{{ convention.date_debut|date_longue }}"
           "{% else %}…………………{% endif %} et s'achève le "
           "{% if convention.date_fin %}{{ convention.date_fin|date_longue }}"
           "{% else %}…………………{% endif %}. Son renouvellement ne peut résulter que d'un avenant "
           "exprès signé des deux Parties ; il n'y a pas de tacite reconduction. Un engagement "
           "pluriannuel peut être prévu par avenant.")
    b.article("Annulation ou report de l'action")
    b.para("Si le projet est annulé ou reporté, le Bénéficiaire en informe sans délai l'autre "
           "Partie. Les Parties conviennent alors ensemble soit de la réaffectation des sommes "
           "ou moyens déjà apportés à un projet de même nature, soit de leur restitution, au "
           "prorata de ce qui n'a pas été utilisé.")
    b.article("Confidentialité et exclusivité")
    b.para("Les Parties s'engagent à garder confidentielles les informations non publiques "
           "échangées pour l'exécution de la convention. Sauf stipulation contraire ci-après, "
           "aucune exclusivité n'est consentie : ……………………………………")
    b.article("Assurances et responsabilité")
    b.para("Chaque Partie conserve la responsabilité des dommages causés par elle-même ou par "
           f"son personnel et déclare être assurée à cet effet. {insurance_detail}")
    b.article("Propriété intellectuelle et droit à l'image")
    b.para("Chaque Partie reste propriétaire de ses créations, marques et contenus. Les "
           "photographies et vidéos du projet ne peuvent être utilisées qu'avec l'accord des "
           "personnes représentées, recueilli par le Bénéficiaire, et dans les limites de "
           "l'article « Communication ».")
    b.article("Données personnelles")
    b.para("Chaque Partie agit en responsable de traitement indépendant pour les données "
           "personnelles qu'elle traite (RGPD). Les coordonnées échangées ne servent qu'à "
           "l'exécution de la présente convention et ne peuvent en aucun cas être utilisées à des "
           "fins de prospection commerciale.")
    b.article("Résiliation")
    b.para("En cas de manquement d'une Partie à ses obligations, l'autre Partie peut résilier "
           "la convention trente (30) jours après une mise en demeure par lettre recommandée "
           "restée sans effet. La convention peut aussi être résiliée d'un commun accord ou en "
           "cas de force majeure. Les sommes non utilisées conformément à l'objet sont alors "
           "restituées.")
    b.article("Litiges")
    b.para("Les Parties recherchent d'abord une solution amiable, le cas échéant avec l'aide de "
           "{% if structure.nom %}{{ structure.nom }}{% else %}la structure qui les a "
           "accompagnées{% endif %}. À défaut, le litige est porté devant le tribunal judiciaire "
           "de Lille.")
    b.article("Annexes")
    b.para("Font partie intégrante de la présente convention les annexes suivantes : budget "
           "prévisionnel du projet ; calendrier ; le cas échéant, charte du mécénat ou charte "
           "graphique des Parties.")


def _signature_block(b: _Builder, association_title: str, company_title: str) -> None:
    b.para("Fait en deux exemplaires originaux, à ……………………………, le ……………………………",
           align=WD_ALIGN_PARAGRAPH.LEFT, keep=True)
    b.signatures(
        association_title,
        ["{{ association.nom }}",
         "{% if association.representant %}{{ association.representant }}{% else %}Nom : "
         "……………………{% endif %}",
         "{% if association.representant_qualite %}{{ association.representant_qualite }}"
         "{% else %}Qualité : ……………………{% endif %}"],
        company_title,
        ["{{ entreprise.nom }}",
         "{% if entreprise.representant %}{{ entreprise.representant }}{% else %}Nom : "
         "……………………{% endif %}",
         "{% if entreprise.representant_qualite %}{{ entreprise.representant_qualite }}"
         "{% else %}Qualité : ……………………{% endif %}"],
    )


_SUBTITLE = "Dossier {{ dossier.reference }} — projet établi le {{ aujourd_hui|date_longue }}"


# =============================================================================================
# The templates
# =============================================================================================


def _convention_financial(t: BuiltinTemplate) -> _Builder:
    b = _Builder(t)
    b.title("Convention de mécénat financier", _SUBTITLE)
    _parties(b, "le Bénéficiaire", "le Mécène")
    _preamble(b, "souhaite, dans le cadre de sa politique d'engagement sociétal, soutenir sans "
                 "contrepartie directe une action d'intérêt général sur son territoire.")
    _object(b)
    b.article("Nature et montant de l'engagement du Mécène")
    b.para("Le Mécène s'engage à verser au Bénéficiaire un don en numéraire d'un montant de "
           + _money("montant_numeraire") + ".")
    b.para("Modalités de versement : en une fois à la signature / selon l'échéancier suivant "
           "(rayer la mention inutile) : ……………………………………………………………")
    b.para("Le versement est effectué par virement sur le compte bancaire du Bénéficiaire, dont "
           "le relevé d'identité bancaire est joint en annexe.")
    b.para("Ce don ouvre droit, pour le Mécène, à la réduction d'impôt prévue à l'article 238 "
           "bis du code général des impôts, dans les conditions et limites prévues par ce texte. "
           "Cette indication est donnée à titre informatif : le Mécène vérifie lui-même sa "
           "situation fiscale.", italic=True, size=9.5)
    _beneficiary_duties(b, receipt=True)
    _counterparts(b)
    _communication(b, patronage=True)
    _closing_articles(b, insurance_detail="")
    _signature_block(b, "Pour le Bénéficiaire", "Pour le Mécène")
    return b


def _convention_in_kind(t: BuiltinTemplate) -> _Builder:
    b = _Builder(t)
    b.title("Convention de mécénat en nature", _SUBTITLE)
    _parties(b, "le Bénéficiaire", "le Mécène")
    _preamble(b, "souhaite mettre à la disposition d'une action d'intérêt général des biens, "
                 "des locaux, du matériel ou des prestations, sans contrepartie directe.")
    _object(b)
    b.article("Nature, quantités et valorisation des dons en nature")
    b.para("Le Mécène s'engage à remettre au Bénéficiaire, qui les accepte, les biens ou "
           "prestations suivants :", keep=True)
    b.table(("Nature du bien ou de la prestation", "Quantité", "Date ou période",
             "Valorisation (coût de revient)"),
            [("", "", "", ""), ("", "", "", ""), ("", "", "", "")],
            (7.0, 2.4, 3.4, 3.8))
    b.para("Valorisation totale des dons en nature : " + _money("montant_nature") + ".")
    b.para("Conformément à l'article 238 bis du code général des impôts, les biens et "
           "prestations sont valorisés à leur coût de revient ; cette valorisation est établie "
           "sous la seule responsabilité du Mécène, qui la communique au Bénéficiaire. Les "
           "modalités de remise (livraison, mise à disposition de locaux ou de matériel, état "
           "des biens) sont les suivantes : ……………………………………………………")
    _beneficiary_duties(b, receipt=True)
    _counterparts(b)
    _communication(b, patronage=True)
    _closing_articles(b, insurance_detail="Pour les prêts de locaux ou de matériel, le "
                      "Bénéficiaire assure les biens confiés et les restitue en bon état, "
                      "usure normale exceptée.")
    _signature_block(b, "Pour le Bénéficiaire", "Pour le Mécène")
    return b


def _convention_skills(t: BuiltinTemplate) -> _Builder:
    b = _Builder(t)
    b.title("Convention de mécénat de compétences", _SUBTITLE)
    _parties(b, "le Bénéficiaire", "le Mécène")
    _preamble(b, "souhaite mettre à disposition de l'action des salariés volontaires, sur leur "
                 "temps de travail rémunéré, pour faire bénéficier le Bénéficiaire de leurs "
                 "compétences.")
    _object(b)
    b.article("Chiffrage et calendrier des prestations")
    b.para("Toute opération de mécénat de compétences fait l'objet d'une convention préalable "
           "comportant un chiffrage et un calendrier précis des prestations. Les Parties les "
           "arrêtent comme suit :", keep=True)
    b.table(("Salarié(e) ou compétence", "Mission", "Nombre de jours", "Calendrier",
             "Valorisation (salaire + charges)"),
            [("", "", "", "", ""), ("", "", "", "", ""), ("", "", "", "", "")],
            (3.6, 4.4, 2.2, 3.0, 3.4))
    b.para("Valorisation totale de la mise à disposition : " + _money("montant_competences")
           + ".")
    b.para("La valorisation retient le salaire et les charges sociales de chaque salarié pour "
           "le temps consacré à la mission, dans la limite de trois fois le plafond annuel de la "
           "sécurité sociale par salarié. Elle est établie sous la seule responsabilité du "
           "Mécène.", italic=True, size=9.5)
    b.article("Modalités de la mise à disposition")
    b.para("La mise à disposition prend la forme (rayer la mention inutile) : d'une prestation "
           "de services, le Mécène conservant la direction des travaux / d'un prêt de "
           "main-d'œuvre à but non lucratif (articles L.8241-1 et suivants du code du travail), "
           "le Bénéficiaire dirigeant les travaux.")
    b.para("Chaque salarié reste lié au Mécène par son contrat de travail ; un avenant à ce "
           "contrat, signé par le salarié volontaire, précise la mission, sa durée et le lieu "
           "d'exécution. Le Mécène conserve son pouvoir disciplinaire et continue de verser la "
           "rémunération.")
    _beneficiary_duties(b, receipt=True)
    _counterparts(b)
    _communication(b, patronage=True)
    _closing_articles(b, insurance_detail="Le Mécène garantit que ses salariés sont couverts "
                      "au titre des accidents du travail pendant la mission ; le Bénéficiaire "
                      "les accueille dans des conditions d'hygiène et de sécurité conformes.")
    _signature_block(b, "Pour le Bénéficiaire", "Pour le Mécène")
    return b


def _convention_partnership(t: BuiltinTemplate) -> _Builder:
    b = _Builder(t)
    b.title("Convention de partenariat", _SUBTITLE)
    _parties(b, "l'Association", "l'Entreprise")
    b.heading("Préambule")
    b.para("{{ association.nom }} et {{ entreprise.nom }} partagent des objectifs communs sur "
           "leur territoire{% if dossier.categorie %} et souhaitent construire un partenariat "
           "relevant de la catégorie « {{ dossier.categorie }} »{% endif %}. Les Parties ont été "
           "accompagnées par " + _FACILITATION + " dans le cadre du dossier "
           "{{ dossier.reference }}.")
    b.article("Objet")
    b.para("La présente convention organise la coopération des Parties autour du projet "
           "suivant : **{% if convention.objet %}{{ convention.objet }}{% else %}"
           "{{ dossier.titre }}{% endif %}**.")
    b.article("Objectifs partagés")
    b.para("Les Parties poursuivent ensemble les objectifs suivants"
           "{% if dossier.objectifs %} : {{ dossier.objectifs }}{% endif %}. Ils sont précisés "
           "ainsi : ……………………………………………………………………")
    b.article("Engagements des Parties")
    b.para("**L'Association** s'engage à : ……………………………………………………………………")
    b.para("**L'Entreprise** s'engage à : ……………………………………………………………………")
    b.article("Gouvernance")
    b.para("Un comité de pilotage réunissant au moins un représentant de chaque Partie se "
           "réunit tous les …… mois, et au moins une fois par an, pour suivre l'avancement du "
           "projet, arbitrer les ajustements et préparer le bilan. Chaque réunion donne lieu à "
           "un compte rendu partagé.")
    b.article("Évaluation et indicateurs")
    b.para("Les Parties évaluent ensemble la valeur créée pour chacune d'elles et pour le "
           "territoire, au moyen des indicateurs suivants :", keep=True)
    b.table(("Indicateur", "Valeur de départ", "Objectif", "Échéance"),
            [("", "", "", ""), ("", "", "", ""), ("", "", "", "")], (7.0, 3.2, 3.2, 3.2))
    b.article("Dispositions financières")
    b.para("Les contributions valorisées des Parties s'élèvent à " + _money("montant") + ". Les "
           "flux financiers qui rémunèrent une prestation de services donnent lieu à facture, "
           "avec la TVA applicable, et n'ouvrent pas droit à reçu fiscal.")
    _communication(b, patronage=False)
    b.article("Œuvres créées en commun")
    b.para("Les œuvres, outils et contenus créés conjointement appartiennent aux deux Parties "
           "en copropriété, sauf stipulation contraire ; chacune peut les utiliser pour ses "
           "besoins propres non commerciaux en citant l'autre.")
    _closing_articles(b, insurance_detail="")
    _signature_block(b, "Pour l'Association", "Pour l'Entreprise")
    return b


def _signed(b: _Builder) -> None:
    """The facilitator's signature block of letters, right of centre."""
    for index, line in enumerate(("{{ facilitateur.nom }}", "{{ structure.nom }}")):
        p = b.para(line, align=WD_ALIGN_PARAGRAPH.LEFT)
        p.paragraph_format.left_indent = Cm(9)
        p.paragraph_format.space_after = Pt(0)
        if index == 0:
            p.paragraph_format.space_before = Pt(24)


def _letter_matching(t: BuiltinTemplate) -> _Builder:
    b = _Builder(t, letter=True)
    b.para("{% if structure.adresse %}{{ structure.adresse }}{% endif %}",
           align=WD_ALIGN_PARAGRAPH.LEFT, size=9.5)
    for line in ("**{{ contact.nom_complet }}**",
                 "{% if contact.fonction %}{{ contact.fonction }}{% endif %}",
                 "{{ contact.organisation }}",
                 "{% if association.adresse %}{{ association.adresse }}{% endif %}"):
        p = b.para(line, align=WD_ALIGN_PARAGRAPH.LEFT)
        p.paragraph_format.left_indent = Cm(9)
        p.paragraph_format.space_after = Pt(0)
    p = b.para("{% if structure.commune %}{{ structure.commune }}, le {% else %}Le {% endif %}"
               "{{ aujourd_hui|date_longue }}", align=WD_ALIGN_PARAGRAPH.LEFT)
    p.paragraph_format.left_indent = Cm(9)
    p.paragraph_format.space_before = Pt(18)
    p = b.para("**Objet : mise en relation avec {{ entreprise.nom }}**",
               align=WD_ALIGN_PARAGRAPH.LEFT)
    p.paragraph_format.space_before = Pt(18)
    b.para("Réf. : dossier {{ dossier.reference }}", align=WD_ALIGN_PARAGRAPH.LEFT, size=9)
    b.para("Madame, Monsieur,")
    b.para("À la suite de nos échanges avec {{ association.nom }}, nous avons le plaisir de vous "
           "mettre en relation avec **{{ entreprise.nom }}**{% if entreprise.commune %}, "
           "implantée à {{ entreprise.commune }}{% endif %}, qui souhaite s'engager aux côtés "
           "d'associations du territoire{% if dossier.thematiques %} dans le domaine suivant : "
           "{{ dossier.thematiques }}{% endif %}.")
    b.para("{% if entreprise.representant %}Votre interlocuteur sera "
           "{{ entreprise.representant }}{% if entreprise.representant_qualite %}, "
           "{{ entreprise.representant_qualite }}{% endif %}. {% endif %}Nous vous proposons "
           "une première rencontre, que nous pouvons animer, afin que chacun présente ses "
           "attentes, ses ressources et ses contraintes : c'est souvent de cet échange que "
           "naissent les partenariats les plus durables.")
    b.para("Nous restons à votre disposition pour organiser ce rendez-vous et vous accompagner "
           "dans les étapes suivantes.")
    b.para("Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations "
           "distinguées.")
    _signed(b)
    return b


def _invitation(t: BuiltinTemplate) -> _Builder:
    b = _Builder(t, letter=True)
    b.para("{{ contact.nom_complet }}\n{{ contact.organisation }}", align=WD_ALIGN_PARAGRAPH.LEFT)
    b.title("Invitation", "{% if evenement.titre %}{{ evenement.titre }}{% else %}Rencontre "
                          "associations – entreprises{% endif %}")
    b.para("Madame, Monsieur,")
    b.para("{% if structure.nom %}{{ structure.nom }} a{% else %}Nous avons{% endif %} le "
           "plaisir de vous convier, au titre de "
           "{{ contact.organisation }}, à une rencontre collective réunissant associations et "
           "entreprises du territoire{% if evenement.type %} ({{ evenement.type|lower }})"
           "{% endif %}.")
    b.facts((
        ("Date", "{% if evenement.date %}{{ evenement.date|date_longue(jour=True) }}, à "
                 "{{ evenement.date|heure }}{% else %}……………………{% endif %}"),
        ("Lieu", "{% if evenement.lieu %}{{ evenement.lieu }}{% else %}……………………{% endif %}"),
        ("Organisée par", "{% if structure.nom %}{{ structure.nom }}{% else %}"
                          "{{ facilitateur.nom }}{% endif %}"),
        ("Contact", "{{ facilitateur.nom }}"),
    ))
    b.heading("Programme")
    b.bullet("accueil et présentation des participants ;")
    b.bullet("temps d'échanges entre associations et entreprises (besoins, offres, envies "
             "d'agir ensemble) ;")
    b.bullet("témoignages de partenariats réussis sur la métropole ;")
    b.bullet("moment convivial et prise de rendez-vous.")
    b.para("Merci de confirmer votre présence auprès de {{ facilitateur.nom }} au plus tard "
           "une semaine avant la rencontre. Cette invitation est personnelle ; vous pouvez "
           "toutefois vous faire accompagner d'un membre de votre structure.")
    b.para("Au plaisir de vous y accueillir,")
    _signed(b)
    return b


def _minutes(t: BuiltinTemplate) -> _Builder:
    b = _Builder(t)
    b.title("Compte rendu — {% if rencontre.type %}{{ rencontre.type }}{% else %}rencontre"
            "{% endif %}", "Dossier {{ dossier.reference }} — {{ dossier.titre }}")
    b.facts((
        ("Date", "{% if rencontre.date %}{{ rencontre.date|date_longue(jour=True) }}, "
                 "{{ rencontre.date|heure }}{% endif %}{% if rencontre.duree %} "
                 "({{ rencontre.duree }} min){% endif %}"),
        ("Objet", "{{ rencontre.objet }}"),
        ("Participants", "{% if rencontre.participants %}{{ rencontre.participants }}"
                         "{% else %}……………………{% endif %}"),
        ("Association", "{{ association.nom }}"),
        ("Entreprise", "{{ entreprise.nom }}"),
        ("Animation", "{{ facilitateur.nom }}{% if structure.nom %} ({{ structure.nom }})"
                      "{% endif %}"),
        ("Étape du dossier", "{{ dossier.etape }}"),
    ))
    b.heading("Échanges")
    b.para("{% if rencontre.notes %}{{ rencontre.notes }}{% else %}……………………{% endif %}",
           align=WD_ALIGN_PARAGRAPH.LEFT)
    b.heading("Décisions")
    b.para("{% if rencontre.decisions %}{{ rencontre.decisions }}{% else %}Aucune décision "
           "consignée.{% endif %}", align=WD_ALIGN_PARAGRAPH.LEFT)
    b.heading("Prochaines étapes")
    b.control("if rencontre.prochaines_etapes")
    b.table(("Action", "Responsable", "Échéance"),
            [("{{ e.titre }}", "{{ e.responsable }}", "{{ e.echeance|date_longue }}")],
            (9.0, 4.3, 3.3), loop=("for e in rencontre.prochaines_etapes", "endfor"))
    b.control("else")
    b.para("Aucune prochaine étape n'a été consignée.", italic=True)
    b.control("endif")
    b.para("Ce compte rendu est adressé aux participants. Toute remarque est à transmettre à "
           "{{ facilitateur.nom }} dans les quinze jours ; passé ce délai, il est réputé "
           "approuvé.", italic=True, size=9)
    return b


def _summary(t: BuiltinTemplate) -> _Builder:
    b = _Builder(t)
    b.title("Fiche de synthèse du dossier",
            "{{ dossier.reference }} — {{ dossier.titre }} — au {{ aujourd_hui|date_longue }}")
    b.facts((
        ("Référence", "{{ dossier.reference }}"),
        ("Catégorie", "{% if dossier.categorie %}{{ dossier.categorie }}{% else %}non "
                      "renseignée{% endif %}"),
        ("Étape", "{{ dossier.etape }}"),
        ("Statut", "{{ dossier.statut }}"),
        ("Ouvert le", "{{ dossier.ouvert_le|date_longue }}"),
        ("Facilitateur", "{{ facilitateur.nom }}{% if structure.nom %} ({{ structure.nom }})"
                         "{% endif %}"),
        ("Objectifs", "{{ dossier.objectifs }}"),
        ("Thématiques", "{{ dossier.thematiques }}"),
    ))
    b.heading("Parties")
    b.table(("", "Association", "Entreprise"), [
        ("Nom", "{{ association.nom }}", "{{ entreprise.nom }}"),
        ("Identifiant", "{% if association.rna %}RNA {{ association.rna }}{% endif %}",
         "{% if entreprise.siret %}SIRET {{ entreprise.siret }}{% endif %}"),
        ("Adresse", "{{ association.adresse }}", "{{ entreprise.adresse }}"),
        ("Représentant", "{{ association.representant }}", "{{ entreprise.representant }}"),
    ], (3.0, 6.8, 6.8))
    b.control("if dossier.resume")
    b.heading("Résumé")
    b.para("{{ dossier.resume }}", align=WD_ALIGN_PARAGRAPH.LEFT)
    b.control("endif")
    b.heading("Historique des étapes")
    b.table(("Date", "Étape", "Statut", "Motif", "Par"),
            [("{{ h.date|date_longue }}", "{{ h.etape }}", "{{ h.statut }}", "{{ h.motif }}",
              "{{ h.auteur }}")], (2.8, 3.4, 2.2, 5.2, 3.0),
            loop=("for h in dossier.historique", "endfor"))
    b.heading("Chronologie des échanges")
    b.control("for e in dossier.chronologie")
    p = b.para("**{{ e.date|date_longue }} — {{ e.type }} : {{ e.objet }}**",
               align=WD_ALIGN_PARAGRAPH.LEFT, keep=True)
    p.paragraph_format.space_after = Pt(2)
    b.para("{% if e.participants %}Participants : {{ e.participants }}. {% endif %}"
           "{{ e.notes }}{% if e.decisions %}\nDécisions : {{ e.decisions }}{% endif %}",
           size=9.5, align=WD_ALIGN_PARAGRAPH.LEFT)
    b.control("endfor")
    b.control("if not dossier.chronologie")
    b.para("Aucun échange consigné.", italic=True)
    b.control("endif")
    b.heading("Conventions")
    b.table(("Type", "Objet", "Statut", "Montant", "Période", "Contreparties"),
            [("{{ a.type }}", "{{ a.objet }}", "{{ a.statut }}", "{{ a.montant|euros }}",
              "{{ a.date_debut|date_longue }} – {{ a.date_fin|date_longue }}",
              "{{ a.contreparties }}")], (3.0, 3.6, 1.8, 2.4, 3.0, 2.8),
            loop=("for a in dossier.conventions", "endfor"))
    b.heading("Tâches")
    b.table(("Tâche", "Échéance", "Responsable", "Statut"),
            [("{{ t.titre }}", "{{ t.echeance|date_longue }}", "{{ t.responsable }}",
              "{{ t.statut }}")], (7.6, 3.0, 3.8, 2.2),
            loop=("for t in dossier.taches", "endfor"))
    b.heading("Documents")
    b.table(("Document", "Version", "Date", "Fichier"),
            [("{{ d.titre }}", "{{ d.version }}", "{{ d.date|date_longue }}", "{{ d.fichier }}")],
            (6.0, 1.6, 3.0, 6.0), loop=("for d in dossier.documents", "endfor"))
    return b


_BUILDERS: dict[str, Callable[[BuiltinTemplate], _Builder]] = {
    "convention_mecenat_financier": _convention_financial,
    "convention_mecenat_nature": _convention_in_kind,
    "convention_mecenat_competences": _convention_skills,
    "convention_partenariat": _convention_partnership,
    "lettre_mise_en_relation": _letter_matching,
    "invitation_rencontre_collective": _invitation,
    "compte_rendu_rencontre": _minutes,
    "fiche_synthese_dossier": _summary,
}


def build_all(out_dir: Path | None = None) -> list[Path]:
    """Build every shipped template into ``out_dir`` (default ``resources/templates``).

    Returns:
        The written paths, in :data:`BUILTIN_TEMPLATES` order.
    """
    target = Path(out_dir) if out_dir is not None else resource_path("templates")
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for template in BUILTIN_TEMPLATES:
        path = target / template.filename
        _BUILDERS[template.key](template).save(path)
        written.append(path)
    return written

if __name__ == "__main__":  # pragma: no cover - developer tool
    build_all(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
