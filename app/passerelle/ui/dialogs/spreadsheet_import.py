"""« Importer un tableur… »: map the columns, preview, check (dry run), then import at once.

Step 1 shows what was detected (encoding, separator, sheet, number of rows), one drop-down per
field with the column guessed from the headers, and a preview of the first rows *as they will
be read* (the mapped fields, not the raw columns), so a wrong guess shows at a glance.
Step 2 is the dry-run report: line, field and problem for each row that needs attention;
errors block the import (nothing is written until the file is right), warnings inform
(duplicates skipped or flagged, organisations to be created). « Importer » then writes every
row in one transaction. Reading, checking and importing run off the UI thread with a
cancellable progress dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from passerelle.domain.errors import PasserelleError
from passerelle.domain.vocabulary import OrganisationKind
from passerelle.services import imports
from passerelle.services.imports import ImportReport
from passerelle.services.spreadsheets import Cancelled, Sheet, read_sheet
from passerelle.ui.context import UiContext
from passerelle.ui.errors import show_error
from passerelle.ui.i18n import label, message, singular
from passerelle.ui.tasks import Progress

translate = QCoreApplication.translate
PREVIEW_ROWS = 20
ERROR_COLOUR = QColor("#b3261e")
WARNING_COLOUR = QColor("#8a5300")


def ask_import_path(parent: QWidget | None) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(
        parent, translate("SpreadsheetImportDialog", "Importer un tableur"), "",
        translate("SpreadsheetImportDialog", "Tableurs (*.xlsx *.csv *.txt)"))
    return Path(path) if path else None


def field_label(field: imports.ImportField) -> str:
    """The translated label of an import field (the labels are the form's)."""
    labels = {
        "name": translate("SpreadsheetImportDialog", "Nom"),
        "kind": translate("SpreadsheetImportDialog", "Type"),
        "siren": translate("SpreadsheetImportDialog", "SIREN"),
        "siret": translate("SpreadsheetImportDialog", "SIRET"),
        "rna": translate("SpreadsheetImportDialog", "N° RNA"),
        "naf": translate("SpreadsheetImportDialog", "Code NAF"),
        "size": translate("SpreadsheetImportDialog", "Taille"),
        "address": translate("SpreadsheetImportDialog", "Adresse"),
        "postal_code": translate("SpreadsheetImportDialog", "Code postal"),
        "commune": translate("SpreadsheetImportDialog", "Commune"),
        "commune_insee": translate("SpreadsheetImportDialog", "Code INSEE"),
        "website": translate("SpreadsheetImportDialog", "Site web"),
        "email": translate("SpreadsheetImportDialog", "Courriel"),
        "phone": translate("SpreadsheetImportDialog", "Téléphone"),
        "description": translate("SpreadsheetImportDialog", "Description"),
        "themes": translate("SpreadsheetImportDialog", "Thèmes"),
        "last_name": translate("SpreadsheetImportDialog", "Nom"),
        "first_name": translate("SpreadsheetImportDialog", "Prénom"),
        "title": translate("SpreadsheetImportDialog", "Fonction"),
        "organisation": translate("SpreadsheetImportDialog", "Organisation"),
        "role": translate("SpreadsheetImportDialog", "Rôle"),
        "mobile": translate("SpreadsheetImportDialog", "Portable"),
        "notes": translate("SpreadsheetImportDialog", "Notes"),
    }
    text = labels.get(field.key, field.label)
    return text + " *" if field.required else text


def problem_field(text: str) -> str:
    """A report's field label (French, from the service) in the user's language."""
    return translate("SpreadsheetImportDialog", text) if text else ""


class SpreadsheetImportDialog(QDialog):
    """Import of organisations or contacts from a spreadsheet (see the module notes)."""

    imported = Signal(object)  # ImportReport

    def __init__(self, ctx: UiContext, kind: str, path: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.sheet: Sheet | None = None
        self.report: ImportReport | None = None
        self.combos: dict[str, QComboBox] = {}
        self.setWindowTitle(translate("SpreadsheetImportDialog", "Importer un tableur"))

        # header: file, what, default kind -----------------------------------------------
        self.file_label = QLabel(self)
        self.file_label.setWordWrap(True)
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        self.choose_button = QPushButton(
            translate("SpreadsheetImportDialog", "Choisir un autre fichier…"), self)
        self.choose_button.clicked.connect(self._handle_choose)
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(translate("SpreadsheetImportDialog", "Organisations"),
                                imports.ORGANISATIONS)
        self.kind_combo.addItem(translate("SpreadsheetImportDialog", "Contacts"),
                                imports.CONTACTS)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
        self.kind_combo.currentIndexChanged.connect(self._handle_kind_changed)
        self.default_kind = QComboBox(self)
        for member in OrganisationKind:
            self.default_kind.addItem(label(member), member.value)
        self.default_kind.setToolTip(translate(
            "SpreadsheetImportDialog",
            "Type donné aux organisations dont la ligne ne le précise pas (un n° RNA donne "
            "une association, un SIREN ou un SIRET une entreprise)."))
        self.default_kind_label = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(self.choose_button)
        what = QHBoxLayout()
        what.addWidget(QLabel(translate("SpreadsheetImportDialog", "Importer des :"), self))
        what.addWidget(self.kind_combo)
        what.addSpacing(24)
        what.addWidget(self.default_kind_label)
        what.addWidget(self.default_kind)
        what.addStretch(1)

        # page 1: mapping and preview --------------------------------------------------------
        self.mapping_box = QGroupBox(
            translate("SpreadsheetImportDialog", "Correspondance des colonnes"), self)
        self.mapping_form = QFormLayout()
        self.mapping_form.setFieldGrowthPolicy(
            QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        inner = QWidget()
        inner.setLayout(self.mapping_form)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        box_layout = QVBoxLayout(self.mapping_box)
        box_layout.addWidget(scroll)
        self.mapping_box.setMinimumWidth(330)

        self.preview_box = QGroupBox(self)
        self.preview = QTableWidget(self)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setAlternatingRowColors(True)
        self.preview.setWordWrap(False)
        self.preview.verticalHeader().setDefaultSectionSize(24)
        self.preview.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive)
        preview_layout = QVBoxLayout(self.preview_box)
        preview_layout.addWidget(self.preview)
        mapping_page = QWidget(self)
        mapping_layout = QHBoxLayout(mapping_page)
        mapping_layout.setContentsMargins(0, 0, 0, 0)
        mapping_layout.addWidget(self.mapping_box, 0)
        mapping_layout.addWidget(self.preview_box, 1)

        # page 2: dry-run report ----------------------------------------------------------------
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.summary.setFont(font)
        self.problems = QTableWidget(self)
        self.problems.setColumnCount(3)
        self.problems.setHorizontalHeaderLabels([
            translate("SpreadsheetImportDialog", "Ligne"),
            translate("SpreadsheetImportDialog", "Champ"),
            translate("SpreadsheetImportDialog", "Problème"),
        ])
        self.problems.verticalHeader().setVisible(False)
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.setAlternatingRowColors(True)
        self.problems.setWordWrap(False)
        self.problems.verticalHeader().setDefaultSectionSize(24)
        header = self.problems.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        report_page = QWidget(self)
        report_layout = QVBoxLayout(report_page)
        report_layout.setContentsMargins(0, 0, 0, 0)
        report_layout.addWidget(self.summary)
        report_layout.addWidget(self.problems, 1)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(mapping_page)
        self.pages.addWidget(report_page)

        # buttons -------------------------------------------------------------------------------
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.back_button = QPushButton(
            translate("SpreadsheetImportDialog", "← Modifier la correspondance"), self)
        self.check_button = QPushButton(
            translate("SpreadsheetImportDialog", "Vérifier le fichier"), self)
        self.check_button.setDefault(True)
        self.import_button = QPushButton(translate("SpreadsheetImportDialog", "Importer"), self)
        self.cancel_button = QPushButton(translate("SpreadsheetImportDialog", "Annuler"), self)
        self.back_button.clicked.connect(self._handle_back)
        self.check_button.clicked.connect(self._handle_check)
        self.import_button.clicked.connect(self._handle_import)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.hint, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.import_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(what)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self.resize(1120, 660)
        self._show_page(0)
        self._update_kind_widgets()
        if path is not None:
            self.load(path)

    # public ---------------------------------------------------------------------------------
    @property
    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    def load(self, path: Path) -> None:
        """Read ``path`` in the background, then map its columns automatically."""
        self.file_label.setText(translate("SpreadsheetImportDialog", "Lecture de {name}…")
                                .format(name=path.name))
        self.check_button.setEnabled(False)
        self._ctx.runner.run(lambda: read_sheet(path), self._show_sheet, self._handle_failed,
                             db=False)

    def mapping(self) -> dict[str, int]:
        """The current field → column choice."""
        return {key: combo.currentData() for key, combo in self.combos.items()
                if combo.currentData() is not None}

    def set_column(self, field: str, column: int | None) -> None:
        combo = self.combos[field]
        combo.setCurrentIndex(combo.findData(column) if column is not None else 0)

    # steps ----------------------------------------------------------------------------------
    def _show_sheet(self, sheet: Sheet) -> None:
        self.sheet = sheet
        n = len(sheet.rows)
        rows_text = (translate("SpreadsheetImportDialog", "{n} ligne") if singular(n) else
                     translate("SpreadsheetImportDialog", "{n} lignes")).format(n=n)
        if sheet.sheet_name is not None:
            detail = translate("SpreadsheetImportDialog", "classeur, feuille « {sheet} »")\
                .format(sheet=sheet.sheet_name)
        else:
            detail = translate("SpreadsheetImportDialog", "encodage {encoding}, séparateur "
                               "{separator}").format(
                encoding=_encoding_name(sheet.encoding), separator=_separator_name(
                    sheet.delimiter))
        self.file_label.setText(translate("SpreadsheetImportDialog",
                                          "Fichier : {name} — {detail} — {rows}")
                                .format(name=sheet.path.name, detail=detail, rows=rows_text))
        self._build_mapping()
        self._show_page(0)

    def _build_mapping(self) -> None:
        while self.mapping_form.rowCount():
            self.mapping_form.removeRow(0)
        self.combos.clear()
        if self.sheet is None:
            return
        guessed = imports.auto_mapping(self.kind, self.sheet.headers)
        for spec in imports.FIELDS[self.kind]:
            combo = QComboBox(self)
            combo.addItem(translate("SpreadsheetImportDialog", "— ne pas importer —"), None)
            for col, header in enumerate(self.sheet.headers):
                combo.addItem(header, col)
            combo.setMinimumContentsLength(16)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            if spec.key in guessed:
                combo.setCurrentIndex(combo.findData(guessed[spec.key]))
            combo.currentIndexChanged.connect(self._handle_mapping_changed)
            self.combos[spec.key] = combo
            self.mapping_form.addRow(field_label(spec), combo)
        self._refresh_preview()

    def _refresh_preview(self) -> None:
        sheet = self.sheet
        if sheet is None:
            return
        mapping = self.mapping()
        specs = [f for f in imports.FIELDS[self.kind] if f.key in mapping]
        shown = min(PREVIEW_ROWS, len(sheet.rows))
        self.preview_box.setTitle(translate(
            "SpreadsheetImportDialog", "Aperçu : les {n} premières lignes telles qu'elles "
                                       "seront lues").format(n=shown))
        self.preview.clear()
        self.preview.setColumnCount(len(specs))
        self.preview.setRowCount(shown)
        self.preview.setHorizontalHeaderLabels([field_label(f) for f in specs])
        self.preview.setVerticalHeaderLabels([str(line) for line in sheet.lines[:shown]])
        for r, row in enumerate(sheet.rows[:shown]):
            for c, spec in enumerate(specs):
                col = mapping[spec.key]
                text = row[col] if col < len(row) else ""
                item = QTableWidgetItem(" ".join(text.split()))
                item.setToolTip(text)
                self.preview.setItem(r, c, item)
        self.preview.resizeColumnsToContents()
        for c in range(self.preview.columnCount()):
            self.preview.setColumnWidth(c, min(self.preview.columnWidth(c), 240))
        missing = [field_label(f) for f in imports.FIELDS[self.kind]
                   if f.required and f.key not in mapping]
        self.check_button.setEnabled(not missing)
        if missing:
            self.hint.setStyleSheet(f"color: {ERROR_COLOUR.name()};")
            self.hint.setText(translate("SpreadsheetImportDialog",
                                        "Choisissez la colonne du champ obligatoire {field}.")
                              .format(field=missing[0].rstrip(" *")))
        else:
            self.hint.setStyleSheet("")
            self.hint.setText(translate(
                "SpreadsheetImportDialog",
                "Rien n'est écrit avant la vérification : cliquez sur « Vérifier le fichier »."))

    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.back_button.setVisible(index == 1)
        self.check_button.setVisible(index == 0)
        self.import_button.setVisible(index == 1)
        self.choose_button.setEnabled(index == 0)
        self.kind_combo.setEnabled(index == 0)
        self.default_kind.setEnabled(index == 0)
        if index == 0:
            self._refresh_preview()

    def _run(self, dry_run: bool) -> None:
        sheet = self.sheet
        if sheet is None:
            return
        db, kind, mapping = self._ctx.db, self.kind, self.mapping()
        default_kind = str(self.default_kind.currentData())

        def op(progress: Progress) -> ImportReport:
            return imports.import_sheet(db, sheet, kind, mapping, default_kind=default_kind,
                                        dry_run=dry_run, progress=progress,
                                        cancel=progress.cancel)

        self.check_button.setEnabled(False)
        self.import_button.setEnabled(False)
        text = (translate("SpreadsheetImportDialog", "Vérification du fichier…") if dry_run
                else translate("SpreadsheetImportDialog", "Import en cours…"))
        self._ctx.runner.run_with_progress(
            self, text, op, self._show_report if dry_run else self._handle_imported,
            self._handle_failed)

    def _show_report(self, report: ImportReport) -> None:
        self.report = report
        self.check_button.setEnabled(True)
        errors, warnings = len(report.errors), len(report.warnings)
        if report.kind == imports.ORGANISATIONS:
            created = (translate("SpreadsheetImportDialog", "{n} organisation à créer")
                       if singular(report.created) else
                       translate("SpreadsheetImportDialog", "{n} organisations à créer")
                       ).format(n=report.created)
        else:
            created = (translate("SpreadsheetImportDialog", "{n} contact à créer")
                       if singular(report.created) else
                       translate("SpreadsheetImportDialog", "{n} contacts à créer")
                       ).format(n=report.created)
        parts = [created]
        if report.skipped:
            parts.append((translate("SpreadsheetImportDialog", "{n} ligne ignorée (déjà "
                                    "présente)") if singular(report.skipped) else
                          translate("SpreadsheetImportDialog", "{n} lignes ignorées (déjà "
                                    "présentes)")).format(n=report.skipped))
        if report.organisations_created:
            parts.append((translate("SpreadsheetImportDialog", "{n} organisation créée pour "
                                    "eux") if singular(report.organisations_created) else
                          translate("SpreadsheetImportDialog", "{n} organisations créées pour "
                                    "eux")).format(n=report.organisations_created))
        if errors:
            verdict = (translate("SpreadsheetImportDialog", "{n} erreur à corriger : rien ne "
                                 "sera importé tant que le fichier en contient.")
                       if singular(errors) else
                       translate("SpreadsheetImportDialog", "{n} erreurs à corriger : rien ne "
                                 "sera importé tant que le fichier en contient.")
                       ).format(n=errors)
            colour = ERROR_COLOUR.name()
        else:
            verdict = translate("SpreadsheetImportDialog", "Aucune erreur : le fichier est prêt "
                                "à être importé.")
            colour = "#1e6b34"
        self.summary.setText(
            "<b>" + _escape(" ; ".join(parts)) + "</b><br>"
            + f'<span style="color:{colour}">' + _escape(verdict) + "</span>")
        self.problems.setRowCount(len(report.problems))
        for row, problem in enumerate(report.problems):
            colour_q = ERROR_COLOUR if problem.severity == imports.ERROR else WARNING_COLOUR
            prefix = (translate("SpreadsheetImportDialog", "Erreur") if problem.severity
                      == imports.ERROR else translate("SpreadsheetImportDialog",
                                                      "Avertissement"))
            text = translate("SpreadsheetImportDialog", "{severity} : {message}").format(
                severity=prefix, message=message(problem))
            cells = (str(problem.line), problem_field(problem.field), text)
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if col == 2:
                    item.setForeground(QBrush(colour_q))
                self.problems.setItem(row, col, item)
        if not report.problems:
            self.problems.setRowCount(0)
        self.hint.setText(warnings and translate(
            "SpreadsheetImportDialog", "Les avertissements n'empêchent pas l'import.") or "")
        self.hint.setStyleSheet("")
        self.import_button.setEnabled(report.ok and report.created > 0)
        self.import_button.setDefault(True)
        self._show_page(1)

    def _handle_imported(self, report: ImportReport) -> None:
        self.report = report
        if not report.ok:  # the data changed since the check: show why
            self._show_report(report)
            return
        self.imported.emit(report)
        if report.kind == imports.ORGANISATIONS:
            text = (translate("SpreadsheetImportDialog", "{n} organisation importée.")
                    if singular(report.created) else
                    translate("SpreadsheetImportDialog", "{n} organisations importées."))
        else:
            text = (translate("SpreadsheetImportDialog", "{n} contact importé.")
                    if singular(report.created) else
                    translate("SpreadsheetImportDialog", "{n} contacts importés."))
        QMessageBox.information(self, translate("SpreadsheetImportDialog", "Import terminé"),
                                text.format(n=report.created))
        self.accept()

    # handlers -------------------------------------------------------------------------------
    def _handle_choose(self) -> None:
        path = ask_import_path(self)
        if path is not None:
            self.load(path)

    def _handle_kind_changed(self, _index: int) -> None:
        self._update_kind_widgets()
        self._build_mapping()

    def _update_kind_widgets(self) -> None:
        self.default_kind_label.setText(
            translate("SpreadsheetImportDialog", "Type par défaut des organisations :")
            if self.kind == imports.ORGANISATIONS else
            translate("SpreadsheetImportDialog", "Type des organisations à créer :"))

    def _handle_mapping_changed(self, _index: int) -> None:
        self._refresh_preview()

    def _handle_check(self) -> None:
        self._run(dry_run=True)

    def _handle_import(self) -> None:
        self._run(dry_run=False)

    def _handle_back(self) -> None:
        self._show_page(0)

    def _handle_failed(self, exc: BaseException) -> None:
        self.check_button.setEnabled(self.sheet is not None)
        self.import_button.setEnabled(self.report is not None and self.report.ok)
        if isinstance(exc, Cancelled):
            return
        if isinstance(exc, PasserelleError) and self.sheet is None:
            self.file_label.setText(message(exc))
        show_error(self, exc)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _encoding_name(encoding: str | None) -> str:
    names = {"utf-8-sig": "UTF-8", "cp1252": "Windows-1252", "latin-1": "Latin-1"}
    return names.get(encoding or "", encoding or "")


def _separator_name(sep: str | None) -> str:
    if sep == "\t":
        return translate("SpreadsheetImportDialog", "tabulation")
    return f"« {sep} »"


__all__ = ["SpreadsheetImportDialog", "ask_import_path"]
