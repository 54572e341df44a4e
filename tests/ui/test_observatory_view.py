"""The Observatoire view: charts show the service's figures, filters narrow them, exports open."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from openpyxl import load_workbook
from PySide6.QtCharts import QAbstractBarSeries, QPieSeries
from PySide6.QtGui import QImage

from passerelle.services import observatory
from passerelle.services.observatory import ObservatoryFilter
from passerelle.store.database import Database
from passerelle.ui import observatory_export as export
from passerelle.ui.context import DataBus, UiContext
from passerelle.ui.tasks import TaskRunner
from passerelle.ui.views import observatory as view_module
from passerelle.ui.views.observatory import ObservatoryView
from tests.services.observatory_oracle import expected
from tests.services.test_observatory import JULIEN, NADIA, build_handcrafted

ORGANISATION_NAMES = ("Les Amis du Quartier", "Sport pour Tous", "Boulangerie Martin",
                      "Imprimerie Nord", "Logistique Flandres", "Grande Banque",
                      "Fondation Lumière")


@pytest.fixture
def view(qtbot, ui_ctx: UiContext) -> ObservatoryView:  # type: ignore[no-untyped-def]
    build_handcrafted(ui_ctx.db)
    w = ObservatoryView(ui_ctx)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitUntil(lambda: w.observatory is not None)
    return w


def _bar_values(view: ObservatoryView, key: str) -> dict[str, list[float]]:
    series = view.cards[key].chart.series()[0]
    assert isinstance(series, QAbstractBarSeries)
    return {s.label(): [s.at(i) for i in range(s.count())] for s in series.barSets()}


def _select(combo: Any, data: Any) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_charts_show_the_figures(view: ObservatoryView) -> None:
    obs = view.observatory
    assert obs is not None and obs.files == 6
    assert view.figures["files"].value.text() == "6"
    assert view.figures["success"].value.text() == "2"
    assert view.figures["small"].value.text() == "50 %"
    funnel = _bar_values(view, "funnel")["Dossiers ayant atteint l'étape"]
    assert funnel == [0, 1, 2, 3, 3, 4, 4, 6]  # stage 8 at the bottom, stage 1 on top
    stages = _bar_values(view, "stages")
    assert stages["En pause"][3] == 1 and stages["Abandonné"][1] == 1  # F1 at 5, F3 at 7
    themes = _bar_values(view, "themes")["Dossiers"]
    assert sorted(themes) == [1, 1, 2]
    pie = view.cards["sizes"].chart.series()[0]
    assert isinstance(pie, QPieSeries)
    assert sorted(s.value() for s in pie.slices()) == [1, 1, 1, 1]
    value = _bar_values(view, "value")
    assert value["Numéraire"] == [0.01 / 1000, 5.0, 0.1, 1.07]  # k€ per year 2020…2024
    assert not view.cards["durations"].is_empty_shown()


def test_filters_recompute_and_match_independent_sql(qtbot, view: ObservatoryView,  # type: ignore[no-untyped-def]
                                                     ui_ctx: UiContext) -> None:
    assert view.facilitator.count() == 3  # « tous » + two facilitators
    _select(view.facilitator, NADIA)
    qtbot.waitUntil(lambda: view.observatory.filter.facilitator == NADIA)  # type: ignore[union-attr]
    want = expected(ui_ctx.db.path, facilitator=NADIA)
    assert view.observatory.files == want["files"] == 3  # type: ignore[union-attr]
    assert view.figures["files"].value.text() == "3"
    _select(view.territory, "qpv:1")
    qtbot.waitUntil(lambda: view.observatory.filter.qpv is True)  # type: ignore[union-attr]
    assert view.observatory.files == expected(  # type: ignore[union-attr]
        ui_ctx.db.path, facilitator=NADIA, qpv=True)["files"] == 1
    _select(view.period, "2025")
    _select(view.facilitator, JULIEN)
    _select(view.territory, "commune:59512")
    qtbot.waitUntil(lambda: view.observatory.filter.commune_insee == "59512")  # type: ignore[union-attr]
    # F2 (opened 2023, still open) and F4 (opened 2025)
    assert view.observatory.files == expected(  # type: ignore[union-attr]
        ui_ctx.db.path, date(2025, 1, 1), date(2025, 12, 31), JULIEN, "59512")["files"] == 2
    assert view.cards["value"].is_empty_shown()  # no convention signed in 2025
    # the empty dataset's explanation, not an empty chart
    _select(view.period, "2021")
    qtbot.waitUntil(lambda: view.observatory.files == 0)  # type: ignore[union-attr]
    assert view.cards["funnel"].is_empty_shown()


def test_data_change_refreshes_the_view(qtbot, view: ObservatoryView,  # type: ignore[no-untyped-def]
                                        ui_ctx: UiContext) -> None:
    from passerelle.services import files as file_service

    file_service.open_file(ui_ctx.db, title="Nouveau")
    ui_ctx.bus.changed.emit("partnership_file")
    qtbot.waitUntil(lambda: view.observatory.files == 7)  # type: ignore[union-attr]


def _cells(path: Path) -> list[list[Any]]:
    wb = load_workbook(path)
    return [[c for c in row] for ws in wb.worksheets for row in ws.iter_rows(values_only=True)]


def test_xlsx_exports_hold_the_figures_and_the_anonymised_one_hides(
        qtbot, view: ObservatoryView, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _select(view.facilitator, NADIA)
    qtbot.waitUntil(lambda: view.observatory.filter.facilitator == NADIA)  # type: ignore[union-attr]
    full, anon = tmp_path / "chiffres.xlsx", tmp_path / "anonyme.xlsx"
    done: list[Path] = []
    view.export_figures(full, anonymised=False, done=done.append)
    view.export_figures(anon, anonymised=True, done=done.append)
    qtbot.waitUntil(lambda: len(done) == 2)
    wb = load_workbook(full)
    funnel = wb["Entonnoir"]
    rows = list(funnel.iter_rows(min_row=2, values_only=True))
    obs = view.observatory
    assert obs is not None
    assert [r[1] for r in rows] == [s.current for s in obs.stages]
    assert [r[2] for r in rows] == [s.reached for s in obs.stages]
    assert NADIA in str(_cells(full))  # the full export says whose files these are

    text = str(_cells(anon))
    assert NADIA.split(" (")[0] not in text and "Nadia" not in text
    for name in ORGANISATION_NAMES:
        assert name not in text
    anon_funnel = list(load_workbook(anon)["Entonnoir"].iter_rows(min_row=2, values_only=True))
    assert len(anon_funnel) == len(obs.stages)
    for row in anon_funnel:
        assert row[1] == export.HIDDEN  # three files: every count is under 5
        assert row[5] in (export.HIDDEN, None)  # medians over fewer than 5 stays hidden too
    values = list(load_workbook(anon)["Valeur mobilisée par année"].iter_rows(
        min_row=2, values_only=True))
    assert values and all(r[2] == export.HIDDEN for r in values)  # one convention a year


def test_anonymised_export_on_the_demo_keeps_large_counts(mda_demo: Path, qapp,  # type: ignore[no-untyped-def]
                                                           tmp_path: Path) -> None:
    db = Database(mda_demo)
    try:
        obs = observatory.compute(db)
    finally:
        db.close()
    path = export.write_xlsx(obs, tmp_path / "anon.xlsx", anonymised=True)
    wb = load_workbook(path)
    rows = list(wb["Entonnoir"].iter_rows(min_row=2, values_only=True))
    assert rows[0][2] == obs.stages[0].reached >= 5  # shown
    for ws in wb.worksheets[1:]:
        header = [c.value for c in ws[1]]
        for row in ws.iter_rows(min_row=2, values_only=True):
            for title, cell in zip(header, row, strict=True):
                if isinstance(cell, int) and title not in ("Année", "Code INSEE"):
                    assert cell >= 5, (ws.title, title, row)
    text = str(_cells(path))
    con_names = _demo_names(mda_demo)
    assert not any(name in text for name in con_names)


def _demo_names(path: Path) -> list[str]:
    import sqlite3

    con = sqlite3.connect(path)
    try:
        orgs = [r[0] for r in con.execute("SELECT name FROM organisation")]
        people = [f"{a} {b}" for a, b in con.execute("SELECT first_name, last_name FROM contact")]
        facilitators = [r[0] for r in con.execute(
            "SELECT DISTINCT facilitator FROM partnership_file WHERE facilitator IS NOT NULL")]
    finally:
        con.close()
    # names long enough not to collide with a commune or a heading by chance
    return [n for n in orgs + people + facilitators if len(n) > 12]


def test_each_chart_exports_to_png(qtbot, view: ObservatoryView, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    paths = view.export_charts(tmp_path / "png")
    assert {p.name for p in paths} >= {"observatoire_funnel.png", "observatoire_sizes.png",
                                       "observatoire_value.png"}
    for path in paths:
        image = QImage(str(path))
        assert not image.isNull() and image.width() > 400
        # not a blank picture: the bars are drawn in the palette's colours
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
                   for y in range(0, image.height(), 7)}
        assert len(colours) > 3


def test_livret_lists_the_success_stories(qtbot, view: ObservatoryView, tmp_path: Path,  # type: ignore[no-untyped-def]
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    done: list[Path] = []
    path = tmp_path / "livret.docx"
    view.export_livret(path, done=done.append)
    qtbot.waitUntil(lambda: bool(done))
    assert zipfile.is_zipfile(path)
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert "Livret des partenariats réussis" in text
    assert "Banque et quartier" in text and "Pain partagé" in text
    assert "Les Amis du Quartier × Grande Banque" in text
    assert "Supprimé" not in text  # a deleted file is not a success story any more
    assert "Nadia" not in text  # no person: the booklet is published
    tables = Document(str(path)).tables
    amounts = [c.text.replace("\u202f", " ").replace("\xa0", " ")
               for t in tables for r in t.rows for c in r.cells]
    assert "5 100,00 €" in amounts  # F5: 5 000 € + 100 € (expired), skills 3 000 €

    errors: list[BaseException] = []
    monkeypatch.setattr(view_module, "show_error", lambda parent, exc: errors.append(exc))
    _select(view.facilitator, JULIEN)
    qtbot.waitUntil(lambda: view.observatory.filter.facilitator == JULIEN)  # type: ignore[union-attr]
    view.export_livret(tmp_path / "vide.docx")
    assert errors and "partenariat réussi" in str(errors[0])
    assert not (tmp_path / "vide.docx").exists()


def test_empty_database_explains_what_to_do(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner(serial=True)
    ctx = UiContext(db=db, runner=runner, bus=DataBus())
    w = ObservatoryView(ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.observatory is not None)
    assert w.cards["funnel"].is_empty_shown()
    assert "Dossiers" in w.cards["funnel"].empty.text()
    assert w.figures["small"].value.text() == "—"
    runner.shutdown()


def test_filter_helpers(view: ObservatoryView) -> None:
    assert view.current_filter() == ObservatoryFilter()
    _select(view.period, "2024")
    assert view.current_filter() == ObservatoryFilter(date(2024, 1, 1), date(2024, 12, 31))
    lines = dict(export.describe_filter(ObservatoryFilter(facilitator=NADIA),
                                        anonymised=True))
    assert "Nadia" not in str(lines)


def test_anonymised_rates_never_reveal_a_hidden_count(mda_demo: Path, qapp,  # type: ignore[no-untyped-def]
                                                      tmp_path: Path) -> None:
    db = Database(mda_demo)
    try:
        obs = observatory.compute(db, ObservatoryFilter(facilitator="Nadia Haddad (MDA Roubaix)"))
    finally:
        db.close()
    assert any(s.reached < 5 for s in obs.stages)  # the case this test is about
    path = export.write_xlsx(obs, tmp_path / "anon.xlsx", anonymised=True)
    rows = list(load_workbook(path)["Entonnoir"].iter_rows(min_row=2, values_only=True))
    for previous, row in zip(rows, rows[1:], strict=False):
        if isinstance(row[3], float):  # a rate is shown: both counts behind it are shown
            assert isinstance(row[2], int) and row[2] >= 5
            assert isinstance(previous[2], int) and previous[2] >= 5
        elif row[2] == export.HIDDEN:
            assert row[3] == export.HIDDEN
