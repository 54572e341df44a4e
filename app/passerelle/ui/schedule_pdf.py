"""The speed-dating schedule as a PDF, printed by Qt (QTextDocument + QPdfWriter).

Same content as the DOCX of :mod:`passerelle.services.event_schedule` (per round the tables,
then one timetable per participant, each on its own block), built as escaped HTML so that an
organisation called « Cœur & Solidarité <Nord> » prints as typed. Lives under ``ui/`` because
it needs Qt; works headless like ``summary_pdf``.
"""

from __future__ import annotations

import html
from pathlib import Path

from passerelle.services.event_schedule import clock_time, kind_label, schedule_lines
from passerelle.services.events import PlanDTO
from passerelle.ui.summary_pdf import write_html_pdf

__all__ = ["schedule_html", "write_schedule_pdf"]

_CSS = """
h1 { font-size: 15pt; color: #1f3b57; margin-bottom: 2px; }
h2 { font-size: 12pt; color: #2f6690; margin-top: 14px; }
h3 { font-size: 10pt; margin-top: 10px; margin-bottom: 3px; }
p.muted { color: #555555; }
table { border-collapse: collapse; }
th { background: #e8eef4; text-align: left; padding: 3px 6px; }
td { padding: 2px 6px; border-bottom: 1px solid #dddddd; }
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=False)


def schedule_html(plan: PlanDTO) -> str:
    """The schedule as HTML (French: it is handed out at the event with the French letters)."""
    sched = plan.schedule
    event = plan.event
    parts = [f"<html><head><style>{_CSS}</style></head><body>",
             f"<h1>Planning du speed-dating — {_e(event.title)}</h1>"]
    when = event.starts_at.strftime("%d/%m/%Y")
    line = f"{kind_label(event.kind)} du {when}"
    if sched.rounds:
        line += f", de {clock_time(sched.round_start(1))} à {clock_time(sched.ends_at)}"
    if event.place:
        line += f", {event.place}"
    parts.append(f"<p>{_e(line)}.</p>")
    parts.append(
        f"<p class='muted'>{len(sched.rounds)} tours de {sched.round_minutes} minutes "
        f"(changement de table : {sched.changeover_minutes} min), {len(sched.meetings)} "
        f"rencontres, {len(sched.tables)} tables. Les entreprises restent à leur table, les "
        "associations changent de table à chaque tour. ★ : rencontre souhaitée.</p>")
    if sched.unplaced:
        names = ", ".join(plan.names.get(x, x) for x in sched.unplaced)
        parts.append(f"<p>Sans rencontre possible (personne en face) : {_e(names)}.</p>")
    parts.append("<h2>Tours et tables</h2>")
    for number, meetings in enumerate(sched.rounds, start=1):
        parts.append(f"<h3>Tour {number} — {clock_time(sched.round_start(number))}</h3>")
        parts.append("<table width='100%'><tr><th width='10%'>Table</th><th width='45%'>"
                     "Entreprise</th><th>Association</th></tr>")
        for m in meetings:
            star = " ★" if m.wished else ""
            parts.append(f"<tr><td>{m.table}</td><td>{_e(plan.names.get(m.company, ''))}</td>"
                         f"<td>{_e(plan.names.get(m.association, ''))}{star}</td></tr>")
        parts.append("</table>")
    parts.append("<h2 style='page-break-before: always'>Programme de chaque participant</h2>")
    for name, rows in schedule_lines(plan):
        parts.append(f"<h3>{_e(name)}</h3><table width='100%'><tr><th width='10%'>Tour</th>"
                     "<th width='12%'>Heure</th><th width='10%'>Table</th><th>Avec</th></tr>")
        for round_, time_, table, partner in rows:
            parts.append(f"<tr><td>{_e(round_)}</td><td>{_e(time_)}</td><td>{_e(table)}</td>"
                         f"<td>{_e(partner)}</td></tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    return "".join(parts)


def write_schedule_pdf(plan: PlanDTO, out_path: Path | str) -> Path:
    """Print the schedule to an A4 PDF, atomically.

    Raises:
        ValidationError: ``document_unwritable`` when the PDF cannot be written.
    """
    return write_html_pdf(schedule_html(plan), f"Planning — {plan.event.title}", out_path)
