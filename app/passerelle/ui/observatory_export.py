"""Exports of the observatory: the figures (XLSX), the steering committee's anonymised version,
and the « livret des partenariats réussis » (DOCX).

The figures are first laid out as plain tables (:func:`figure_tables`), the same for the full and
the anonymised export, so both always carry the same rows; the anonymised one then goes through
:func:`anonymise`:

- no names of people or organisations: the facilitator filter is shown as « filtré », and no
  table names an organisation (communes are places, not organisations, and stay);
- every count under 5 (0 included: the rule is read literally) becomes « < 5 », and so does every
  figure derived from such a count (a conversion rate, a median over fewer than 5 stays, the
  amounts of a year with fewer than 5 conventions, the TPE/PME share), so that the hidden count
  cannot be worked back from its neighbours on the same row. Secondary suppression across rows
  (a total minus the shown cells) is not attempted: totals of hidden cells are not published.

This module lives under ``ui/`` because its headings are translated French (``QCoreApplication``);
the work runs on the task runner's pool, not on the UI thread.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from passerelle.domain.errors import ValidationError
from passerelle.domain.stages import Stage
from passerelle.domain.vocabulary import (
    Brake,
    CompanySize,
    FileStatus,
    LabelledEnum,
    Objective,
    OrganisationKind,
    PartnershipCategory,
)
from passerelle.infra.docx_render import euros
from passerelle.services.observatory import Observatory, ObservatoryFilter, SuccessStory
from passerelle.ui.i18n import label, singular

#: counts below this are hidden in the anonymised export
SMALL_COUNT = 5
HIDDEN = "< 5"

Cell = int | float | str | None


@dataclass(frozen=True, slots=True)
class Column:
    """A column: its heading and the kind of value (``count`` cells are the ones hidden)."""

    title: str
    kind: str = "text"  # text | count | days | rate | euros


@dataclass(slots=True)
class Table:
    """One sheet of the export: a title, columns and rows of plain values."""

    key: str
    title: str
    columns: list[Column]
    rows: list[list[Cell]] = field(default_factory=list)


def enum_label(enum: type[LabelledEnum], value: str | None, empty: str | None = None) -> str:
    """The translated label of a stored vocabulary value (the raw value if unknown)."""
    if value is None:
        return (
            empty
            if empty is not None
            else QCoreApplication.translate("ObservatoryExport", "Non renseigné")
        )
    try:
        return label(enum(value))
    except ValueError:
        return value


def stage_label(stage: int) -> str:
    return f"{stage}. {label(Stage(stage))}"


def theme_label(theme: str) -> str:
    """Themes are free words (« insertion »): shown with a capital."""
    return theme[:1].upper() + theme[1:]


def describe_filter(
    flt: ObservatoryFilter, *, anonymised: bool, commune_name: str | None = None
) -> list[tuple[str, str]]:
    """The filter as (what, value) lines, the facilitator's name masked when anonymised."""
    everything = QCoreApplication.translate("ObservatoryExport", "tout")
    if flt.start and flt.end:
        period = QCoreApplication.translate("ObservatoryExport", "du {start} au {end}").format(
            start=flt.start.strftime("%d/%m/%Y"), end=flt.end.strftime("%d/%m/%Y")
        )
    elif flt.start:
        period = QCoreApplication.translate("ObservatoryExport", "depuis le {start}").format(
            start=flt.start.strftime("%d/%m/%Y")
        )
    elif flt.end:
        period = QCoreApplication.translate("ObservatoryExport", "jusqu'au {end}").format(
            end=flt.end.strftime("%d/%m/%Y")
        )
    else:
        period = QCoreApplication.translate("ObservatoryExport", "toute la période")
    if flt.facilitator:
        who = (
            QCoreApplication.translate("ObservatoryExport", "filtré (nom masqué)")
            if anonymised
            else flt.facilitator
        )
    else:
        who = QCoreApplication.translate("ObservatoryExport", "tous")
    if flt.commune_insee:
        territory = f"{commune_name or ''} ({flt.commune_insee})".strip()
    else:
        territory = QCoreApplication.translate("ObservatoryExport", "tout le territoire")
    if flt.qpv is True:
        territory += " — " + QCoreApplication.translate(
            "ObservatoryExport", "quartiers prioritaires (QPV)"
        )
    elif flt.qpv is False:
        territory += " — " + QCoreApplication.translate("ObservatoryExport", "hors QPV")
    return [
        (QCoreApplication.translate("ObservatoryExport", "Période"), period),
        (QCoreApplication.translate("ObservatoryExport", "Facilitateur"), who or everything),
        (QCoreApplication.translate("ObservatoryExport", "Territoire"), territory),
    ]


def figure_tables(obs: Observatory) -> list[Table]:
    """Every figure of the dashboard as tables (labels translated, money in euros)."""
    count, days, rate, money = "count", "days", "rate", "euros"
    tables: list[Table] = []

    summary = Table(
        "summary",
        QCoreApplication.translate("ObservatoryExport", "Synthèse"),
        [
            Column(QCoreApplication.translate("ObservatoryExport", "Indicateur")),
            Column(QCoreApplication.translate("ObservatoryExport", "Valeur"), count),
        ],
    )
    summary.rows.append([QCoreApplication.translate("ObservatoryExport", "Dossiers"), obs.files])
    for status in FileStatus:
        n = next((k.files for k in obs.by_status if k.key == status.value), 0)
        summary.rows.append(
            [
                QCoreApplication.translate("ObservatoryExport", "Dossiers — {status}").format(
                    status=label(status)
                ),
                n,
            ]
        )
    summary.rows.append(
        [
            QCoreApplication.translate(
                "ObservatoryExport", "Dossiers en quartier prioritaire (QPV)"
            ),
            obs.qpv_files,
        ]
    )
    summary.rows.append(
        [
            QCoreApplication.translate("ObservatoryExport", "Partenariats réussis (livret)"),
            obs.success_stories,
        ]
    )
    summary.rows.append(
        [
            QCoreApplication.translate(
                "ObservatoryExport", "Dossiers arrivés à la convention (parcours mesuré)"
            ),
            obs.to_agreement_files,
        ]
    )
    tables.append(summary)

    funnel = Table(
        "funnel",
        QCoreApplication.translate("ObservatoryExport", "Entonnoir"),
        [
            Column(QCoreApplication.translate("ObservatoryExport", "Étape")),
            Column(
                QCoreApplication.translate("ObservatoryExport", "Dossiers à cette étape"), count
            ),
            Column(
                QCoreApplication.translate("ObservatoryExport", "Dossiers l'ayant atteinte"), count
            ),
            Column(
                QCoreApplication.translate(
                    "ObservatoryExport", "Part des dossiers de l'étape précédente"
                ),
                rate,
            ),
            Column(QCoreApplication.translate("ObservatoryExport", "Séjours terminés"), count),
            Column(QCoreApplication.translate("ObservatoryExport", "Durée médiane (jours)"), days),
        ],
    )
    # each rate on the row of the stage it leads to: reached counts never grow from one stage
    # to the next, so a small count on the previous row is small on this one too and the rate
    # is hidden with it (a rate on the previous row would leak this row's hidden count)
    rates = {c.to_stage: c.rate for c in obs.conversions}
    for s in obs.stages:
        funnel.rows.append(
            [stage_label(s.stage), s.current, s.reached, rates.get(s.stage), s.stays, s.median_days]
        )
    tables.append(funnel)

    to_agreement = Table(
        "to_agreement",
        QCoreApplication.translate("ObservatoryExport", "Délai jusqu'à la convention"),
        [
            Column(QCoreApplication.translate("ObservatoryExport", "Dossiers mesurés"), count),
            Column(QCoreApplication.translate("ObservatoryExport", "Durée médiane (jours)"), days),
        ],
    )
    to_agreement.rows.append([obs.to_agreement_files, obs.to_agreement_median_days])
    tables.append(to_agreement)

    cross = Table(
        "category_actor",
        QCoreApplication.translate("ObservatoryExport", "Catégorie × type d'acteur"),
        [
            Column(QCoreApplication.translate("ObservatoryExport", "Catégorie de partenariat")),
            Column(QCoreApplication.translate("ObservatoryExport", "Type de partenaire")),
            Column(QCoreApplication.translate("ObservatoryExport", "Dossiers"), count),
        ],
    )
    for c in obs.category_actor:
        cross.rows.append(
            [
                enum_label(
                    PartnershipCategory,
                    c.category,
                    QCoreApplication.translate("ObservatoryExport", "Non renseignée"),
                ),
                enum_label(OrganisationKind, c.actor_kind),
                c.files,
            ]
        )
    tables.append(cross)

    communes = Table(
        "communes",
        QCoreApplication.translate("ObservatoryExport", "Communes et QPV"),
        [
            Column(QCoreApplication.translate("ObservatoryExport", "Commune")),
            Column(QCoreApplication.translate("ObservatoryExport", "Code INSEE")),
            Column(QCoreApplication.translate("ObservatoryExport", "Dossiers"), count),
            Column(QCoreApplication.translate("ObservatoryExport", "Dont en QPV"), count),
        ],
    )
    for c in obs.communes:
        communes.rows.append(
            [
                c.commune_name or QCoreApplication.translate("ObservatoryExport", "Non renseignée"),
                c.commune_insee or "",
                c.files,
                c.qpv_files,
            ]
        )
    tables.append(communes)

    sizes = Table(
        "sizes",
        QCoreApplication.translate("ObservatoryExport", "Taille des entreprises"),
        [
            Column(QCoreApplication.translate("ObservatoryExport", "Taille")),
            Column(QCoreApplication.translate("ObservatoryExport", "Dossiers"), count),
            Column(
                QCoreApplication.translate("ObservatoryExport", "Entreprises distinctes"), count
            ),
        ],
    )
    for sz in obs.sizes:
        sizes.rows.append(
            [
                enum_label(
                    CompanySize,
                    sz.size_class,
                    QCoreApplication.translate("ObservatoryExport", "Non renseignée"),
                ),
                sz.files,
                sz.companies,
            ]
        )
    sizes.rows.append(
        [
            QCoreApplication.translate("ObservatoryExport", "TPE et PME"),
            obs.small_companies_files,
            None,
        ]
    )
    sizes.rows.append(
        [
            QCoreApplication.translate("ObservatoryExport", "ETI et grandes entreprises"),
            obs.large_companies_files,
            None,
        ]
    )
    tables.append(sizes)
    share = Table(
        "share",
        QCoreApplication.translate("ObservatoryExport", "Part des TPE/PME"),
        [
            Column(QCoreApplication.translate("ObservatoryExport", "Dossiers TPE/PME"), count),
            Column(QCoreApplication.translate("ObservatoryExport", "Dossiers ETI/GE"), count),
            Column(QCoreApplication.translate("ObservatoryExport", "Part des TPE/PME"), rate),
        ],
    )
    share.rows.append(
        [obs.small_companies_files, obs.large_companies_files, obs.small_companies_share]
    )
    tables.append(share)

    themes = Table(
        "themes",
        QCoreApplication.translate("ObservatoryExport", "Thématiques"),
        [
            Column(QCoreApplication.translate("ObservatoryExport", "Thématique")),
            Column(QCoreApplication.translate("ObservatoryExport", "Dossiers"), count),
        ],
    )
    themes.rows.extend([theme_label(k.key), k.files] for k in obs.themes)
    tables.append(themes)
    brakes = Table(
        "brakes",
        QCoreApplication.translate("ObservatoryExport", "Freins"),
        [
            Column(QCoreApplication.translate("ObservatoryExport", "Frein")),
            Column(QCoreApplication.translate("ObservatoryExport", "Dossiers"), count),
        ],
    )
    brakes.rows.extend([enum_label(Brake, k.key), k.files] for k in obs.brakes)
    tables.append(brakes)

    value = Table(
        "value",
        QCoreApplication.translate("ObservatoryExport", "Valeur mobilisée par année"),
        [
            Column(QCoreApplication.translate("ObservatoryExport", "Année")),
            Column(QCoreApplication.translate("ObservatoryExport", "Conventions"), count),
            Column(QCoreApplication.translate("ObservatoryExport", "Numéraire"), money),
            Column(QCoreApplication.translate("ObservatoryExport", "En nature"), money),
            Column(QCoreApplication.translate("ObservatoryExport", "Compétences"), money),
            Column(QCoreApplication.translate("ObservatoryExport", "Total"), money),
        ],
    )
    for v in obs.value_by_year:
        value.rows.append(
            [
                str(v.year),
                v.agreements,
                v.cash_cents,
                v.in_kind_cents,
                v.skills_cents,
                v.total_cents,
            ]
        )
    tables.append(value)
    return tables


def anonymise(tables: Sequence[Table]) -> list[Table]:
    """The same tables with every count under 5 — and what derives from it — hidden."""
    out: list[Table] = []
    for table in tables:
        rows: list[list[Cell]] = []
        for row in table.rows:
            small = any(
                col.kind == "count" and isinstance(cell, int) and cell < SMALL_COUNT
                for col, cell in zip(table.columns, row, strict=True)
            )
            new: list[Cell] = []
            for col, cell in zip(table.columns, row, strict=True):
                hidden_count = col.kind == "count" and isinstance(cell, int) and cell < SMALL_COUNT
                derived = col.kind in ("rate", "days", "euros") and small and cell is not None
                new.append(HIDDEN if hidden_count or derived else cell)
            rows.append(new)
        out.append(Table(table.key, table.title, table.columns, rows))
    return out


# --- XLSX -----------------------------------------------------------------------------------


def write_xlsx(
    obs: Observatory,
    path: Path,
    *,
    anonymised: bool = False,
    commune_name: str | None = None,
    generated_on: date | None = None,
) -> Path:
    """Write the figures (or the anonymised figures) to an XLSX workbook, one sheet a table."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    tables = figure_tables(obs)
    if anonymised:
        tables = anonymise(tables)
    wb = Workbook()
    cover = wb.active
    cover.title = QCoreApplication.translate("ObservatoryExport", "Filtres")
    heading = (
        QCoreApplication.translate(
            "ObservatoryExport",
            "Observatoire des partenariats — export anonymisé (comité de pilotage)",
        )
        if anonymised
        else QCoreApplication.translate(
            "ObservatoryExport", "Observatoire des partenariats — chiffres"
        )
    )
    cover.append([heading])
    cover["A1"].font = Font(bold=True, size=13)
    cover.append(
        [
            QCoreApplication.translate("ObservatoryExport", "Établi le"),
            (generated_on or date.today()).strftime("%d/%m/%Y"),
        ]
    )
    for what, value in describe_filter(
        obs.filter, anonymised=anonymised, commune_name=commune_name
    ):
        cover.append([what, value])
    if anonymised:
        cover.append([])
        cover.append(
            [
                QCoreApplication.translate(
                    "ObservatoryExport",
                    "Les effectifs inférieurs à 5 sont masqués (« < 5 »), ainsi que les "
                    "taux, durées et montants calculés sur eux. Aucun nom de personne ni "
                    "d'organisation n'y figure.",
                )
            ]
        )
    cover.column_dimensions["A"].width = 28
    cover.column_dimensions["B"].width = 48

    head_fill = PatternFill("solid", fgColor="DCE6F0")
    for table in tables:
        ws = wb.create_sheet(_sheet_title(table.title))
        ws.append([c.title for c in table.columns])
        for cell in ws[1]:
            cell.font = Font(bold=True)
            cell.fill = head_fill
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        for row in table.rows:
            ws.append(
                [_xlsx_value(col, cell) for col, cell in zip(table.columns, row, strict=True)]
            )
        for index, col in enumerate(table.columns, start=1):
            letter = get_column_letter(index)
            ws.column_dimensions[letter].width = 34 if col.kind == "text" else 18
            fmt = {"rate": "0.0 %", "euros": '#,##0.00 "€"', "days": "0.0"}.get(col.kind)
            if fmt:
                for (cell,) in ws.iter_rows(min_row=2, min_col=index, max_col=index):
                    if isinstance(cell.value, int | float):
                        cell.number_format = fmt
                    else:
                        cell.alignment = Alignment(horizontal="right")
            elif col.kind == "count":
                for (cell,) in ws.iter_rows(min_row=2, min_col=index, max_col=index):
                    if not isinstance(cell.value, int | float):
                        cell.alignment = Alignment(horizontal="right")
        ws.freeze_panes = "A2"
    return _save(path, wb.save)


def _sheet_title(title: str) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\."""
    clean = "".join(" " if ch in "[]:*?/\\" else ch for ch in title)
    return clean[:31]


def _xlsx_value(col: Column, cell: Cell) -> Cell:
    if col.kind == "euros" and isinstance(cell, int):
        return cell / 100
    return cell


def _save(path: Path, writer: Callable[[str], Any]) -> Path:
    """Write to a temporary neighbour, then replace: a failed export leaves no half file."""
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    try:
        writer(str(tmp))
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ValidationError(
            "document_unwritable",
            "Impossible d'écrire « {file} » : {error}.",
            field="path",
            file=str(path),
            error=exc.strerror or str(exc),
        ) from exc
    return path


# --- DOCX: livret des partenariats réussis ------------------------------------------------


def write_livret(
    stories: Sequence[SuccessStory],
    path: Path,
    *,
    structure: str | None = None,
    generated_on: date | None = None,
) -> Path:
    """The « livret des partenariats réussis »: one page per success story.

    It names the organisations (it is published with their agreement) but no person: no
    facilitator, no contact. Amounts are those of the signed conventions of each file.
    """
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    if not stories:
        raise ValidationError(
            "observatory_no_success_story",
            "Aucun dossier n'est marqué « partenariat réussi » parmi les dossiers retenus : "
            "cochez-le sur les dossiers à mettre en valeur.",
        )
    doc = Document()
    doc.core_properties.title = QCoreApplication.translate(
        "ObservatoryExport", "Livret des partenariats réussis"
    )
    doc.add_heading(
        QCoreApplication.translate("ObservatoryExport", "Livret des partenariats réussis"), level=0
    )
    intro = doc.add_paragraph()
    text = (
        QCoreApplication.translate(
            "ObservatoryExport",
            "{n} partenariat entre une association et une entreprise du territoire, "
            "établi le {date}.",
        )
        if singular(len(stories))
        else QCoreApplication.translate(
            "ObservatoryExport",
            "{n} partenariats entre associations et entreprises du territoire, établi le {date}.",
        )
    )
    intro.add_run(
        text.format(n=len(stories), date=(generated_on or date.today()).strftime("%d/%m/%Y"))
    )
    if structure:
        doc.add_paragraph(structure)
    for index, story in enumerate(stories):
        heading = doc.add_heading(story.title, level=1)
        heading.paragraph_format.page_break_before = index > 0  # one story a page
        parties = doc.add_paragraph()
        run = parties.add_run(
            " × ".join(n for n in (story.association_name, story.company_name) if n)
        )
        run.bold = True
        facts = doc.add_paragraph()
        facts.paragraph_format.space_after = Pt(6)
        lines = [
            (
                QCoreApplication.translate("ObservatoryExport", "Catégorie"),
                enum_label(
                    PartnershipCategory,
                    story.category,
                    QCoreApplication.translate("ObservatoryExport", "Non renseignée"),
                ),
            ),
            (
                QCoreApplication.translate("ObservatoryExport", "Étape atteinte"),
                stage_label(story.stage),
            ),
            (
                QCoreApplication.translate("ObservatoryExport", "Territoire"),
                (
                    story.commune_name
                    or QCoreApplication.translate("ObservatoryExport", "Non renseigné")
                )
                + (
                    " — "
                    + QCoreApplication.translate("ObservatoryExport", "quartier prioritaire (QPV)")
                    if story.qpv
                    else ""
                ),
            ),
            (
                QCoreApplication.translate("ObservatoryExport", "Depuis"),
                story.opened_on.strftime("%m/%Y") if story.opened_on else "—",
            ),
            (
                QCoreApplication.translate("ObservatoryExport", "Thématiques"),
                ", ".join(theme_label(t) for t in story.themes) or "—",
            ),
        ]
        for what, value in lines:
            label_run = facts.add_run(f"{what} : ")
            label_run.font.color.rgb = RGBColor(0x5F, 0x6B, 0x7A)
            facts.add_run(value + "\n")
        if story.objectives:
            doc.add_heading(QCoreApplication.translate("ObservatoryExport", "Objectifs"), level=2)
            for objective in story.objectives:
                doc.add_paragraph(enum_label(Objective, objective), style="List Bullet")
        if story.summary:
            doc.add_heading(
                QCoreApplication.translate("ObservatoryExport", "Le partenariat"), level=2
            )
            for para in story.summary.split("\n"):
                if para.strip():
                    doc.add_paragraph(para.strip())
        if story.agreements:
            doc.add_heading(
                QCoreApplication.translate("ObservatoryExport", "Valeur mobilisée"), level=2
            )
            table = doc.add_table(rows=0, cols=2)
            table.style = "Table Grid"
            for what, cents in (
                (QCoreApplication.translate("ObservatoryExport", "Numéraire"), story.cash_cents),
                (QCoreApplication.translate("ObservatoryExport", "En nature"), story.in_kind_cents),
                (
                    QCoreApplication.translate("ObservatoryExport", "Compétences"),
                    story.skills_cents,
                ),
                (QCoreApplication.translate("ObservatoryExport", "Total"), story.total_cents),
            ):
                cells = table.add_row().cells
                cells[0].text = what
                cells[1].text = euros(Decimal(cents) / 100)
                cells[1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            for cell in table.rows[-1].cells:  # the total
                for run in cell.paragraphs[0].runs:
                    run.bold = True
    return _save(path, doc.save)
