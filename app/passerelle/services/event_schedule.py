"""The printable speed-dating schedule as a Word document (python-docx).

Two parts, as organisers print them: per round, which pair sits at which table (for the
room), then one timetable per participant (to hand out at the door). The PDF twin is drawn by
the UI (``ui/schedule_pdf.py``) from the same :class:`~passerelle.services.events.PlanDTO`.
Documents are in French, the language of the letters they go with.
"""

from __future__ import annotations

from datetime import datetime
from io import BytesIO
from pathlib import Path

import docx
from docx.enum.text import WD_BREAK
from docx.shared import Pt

from passerelle.domain.vocabulary import EventKind
from passerelle.infra import docx_render
from passerelle.services.events import PlanDTO


def clock_time(value: datetime | None) -> str:
    return value.strftime("%H:%M") if value is not None else ""


def kind_label(kind: str) -> str:
    try:
        return EventKind(kind).label
    except ValueError:
        return kind


def schedule_lines(plan: PlanDTO) -> list[tuple[str, list[tuple[str, str, str, str]]]]:
    """Per participant: (name, [(round, time, table, partner or « Pause »)]), associations first,
    then companies, by name — what both the DOCX and the PDF print."""
    sched = plan.schedule
    people = sorted({x for m in sched.meetings for x in (m.association, m.company)},
                    key=lambda x: (x in plan.company_side, plan.names.get(x, x).casefold()))
    out = []
    for person in people:
        rows = []
        for slot in sched.timetable(person):
            partner = plan.names.get(slot.partner, slot.partner) if slot.partner else "Pause"
            if slot.wished:
                partner += " ★"
            rows.append((str(slot.round), clock_time(slot.starts_at),
                         str(slot.table) if slot.table else "—", partner))
        out.append((plan.names.get(person, person), rows))
    return out


def write_schedule_docx(plan: PlanDTO, out_path: Path | str) -> Path:
    """Write the schedule to ``out_path`` (atomically) and return it."""
    sched = plan.schedule
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(10)
    event = plan.event
    document.add_heading(f"Planning du speed-dating — {event.title}", level=1)
    when = event.starts_at.strftime("%d/%m/%Y")
    summary = (f"{kind_label(event.kind)} du {when}, de {clock_time(sched.round_start(1))} à "
               f"{clock_time(sched.ends_at)}" if sched.rounds else f"{kind_label(event.kind)} du "
               f"{when}")
    if event.place:
        summary += f", {event.place}"
    document.add_paragraph(summary + ".")
    document.add_paragraph(
        f"{len(sched.rounds)} tours de {sched.round_minutes} minutes "
        f"(changement de table : {sched.changeover_minutes} min), {len(sched.meetings)} "
        f"rencontres, {len(sched.tables)} tables. Les entreprises restent à leur table, les "
        "associations changent de table à chaque tour. ★ : rencontre souhaitée.")
    if sched.unplaced:
        names = ", ".join(plan.names.get(x, x) for x in sched.unplaced)
        document.add_paragraph(f"Sans rencontre possible (personne en face) : {names}.")
    document.add_heading("Tours et tables", level=2)
    for number, meetings in enumerate(sched.rounds, start=1):
        document.add_paragraph(f"Tour {number} — {clock_time(sched.round_start(number))}",
                               style="Heading 3")
        table = document.add_table(rows=1, cols=3)
        table.style = "Light Grid Accent 1"
        for cell, text in zip(table.rows[0].cells, ("Table", "Entreprise", "Association"),
                              strict=True):
            cell.text = text
        for m in meetings:
            cells = table.add_row().cells
            cells[0].text = str(m.table)
            cells[1].text = plan.names.get(m.company, m.company)
            cells[2].text = plan.names.get(m.association, m.association) + (
                " ★" if m.wished else "")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_heading("Programme de chaque participant", level=2)
    for name, rows in schedule_lines(plan):
        document.add_paragraph(name, style="Heading 3")
        table = document.add_table(rows=1, cols=4)
        table.style = "Light Grid Accent 1"
        for cell, text in zip(table.rows[0].cells, ("Tour", "Heure", "Table", "Avec"),
                              strict=True):
            cell.text = text
        for row in rows:
            for cell, text in zip(table.add_row().cells, row, strict=True):
                cell.text = text
    out = Path(out_path)
    buffer = BytesIO()
    document.save(buffer)
    return docx_render.write_atomic(out, buffer.getvalue()).path
