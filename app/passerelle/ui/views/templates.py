"""« Modèles »: the document templates, their check, a preview, and the placeholder vocabulary.

A navigation entry rather than a dialog: a facilitator adapting a template goes back and forth
between Word and this screen (edit, re-import, check, preview on a real file) while keeping the
rest of the app at hand, and the vocabulary is the reference they read while typing ``{{ … }}``.

- The list shows shipped and imported templates with their purpose and description.
- « Importer un modèle… » checks the .docx first: when it has problems, nothing is imported and
  the « Vérification » tab lists each one — the unknown name, where it is (paragraph, table cell,
  header) and the closest known name — so they can all be fixed in one pass.
- « Aperçu » renders the selected template on a file of the database or on sample data, shown
  as text in the app; « Ouvrir dans le traitement de texte » shows the exact layout. A preview
  records nothing.
- « Champs disponibles » lists the vocabulary (filterable; double-click copies ``{{ champ }}``)
  and the French filters.
"""

from __future__ import annotations

import re
import tempfile
import unicodedata
import uuid
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSignalBlocker,
    QSortFilterProxyModel,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QImage,
    QStandardItem,
    QStandardItemModel,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from passerelle.domain.errors import PasserelleError, ValidationError
from passerelle.infra.docx_render import TemplateProblem
from passerelle.services import template_manager as tm
from passerelle.services.documents import TemplateDTO
from passerelle.services.template_manager import FileChoice, TemplateCheck, TemplatePreview
from passerelle.ui.context import UiContext
from passerelle.ui.dialogs.generate_document import open_with_system, purpose_label
from passerelle.ui.errors import show_error
from passerelle.ui.i18n import message, singular
from passerelle.ui.models.record_table import Column, RecordRole, RecordTableModel
from passerelle.ui.views.base import RefreshingView
from passerelle.ui.widgets.panels import (
    DANGER,
    MUTED,
    PAGE_MARGINS,
    Card,
    PageHeader,
    make_table,
    size_columns,
)

__all__ = ["ImportTemplateDialog", "TemplatesView", "ask_import_details", "ask_template_file"]

OK_COLOUR = "#05603a"
_PURPOSES = ("lettre", "invitation", "convention", "compte_rendu", "synthese", "autre")


def ask_template_file(parent: QWidget | None) -> Path | None:
    """The .docx to import (a function, so tests replace it); None when cancelled."""
    name, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("TemplatesView", "Importer un modèle .docx"), "",
        QCoreApplication.translate("TemplatesView", "Documents Word (*.docx)"))
    return Path(name) if name else None


def ask_import_details(parent: QWidget | None, path: Path) -> tuple[str, str, str] | None:
    """Name, purpose and description of a template to import; None when cancelled."""
    dialog = ImportTemplateDialog(path, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.values()
    finally:
        dialog.deleteLater()


def _kind_label(kind: str) -> str:
    labels = {
        "texte": QCoreApplication.translate("TemplatesView", "texte"),
        "montant": QCoreApplication.translate("TemplatesView", "montant (€)"),
        "date": QCoreApplication.translate("TemplatesView", "date"),
        "date_heure": QCoreApplication.translate("TemplatesView", "date et heure"),
        "liste": QCoreApplication.translate("TemplatesView", "liste"),
        "image": QCoreApplication.translate("TemplatesView", "image"),
    }
    return labels.get(kind, kind)


def _origin(t: TemplateDTO) -> str:
    return (QCoreApplication.translate("TemplatesView", "Fourni") if t.builtin
            else QCoreApplication.translate("TemplatesView", "Importé"))


class ImportTemplateDialog(QDialog):
    """Name, purpose and description of a template being imported (the file is already valid)."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("ImportTemplateDialog",
                                                       "Importer un modèle"))
        self.name_edit = QLineEdit(path.stem.replace("_", " "), self)
        self.purpose_combo = QComboBox(self)
        for purpose in _PURPOSES:
            self.purpose_combo.addItem(purpose_label(purpose), purpose)
        self.purpose_combo.setCurrentIndex(_PURPOSES.index("autre"))
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setPlaceholderText(QCoreApplication.translate(
            "ImportTemplateDialog", "À quoi sert ce modèle, quand l'utiliser…"))
        self.description_edit.setFixedHeight(80)
        note = QLabel(QCoreApplication.translate(
            "ImportTemplateDialog", "Le fichier « {file} » a été vérifié : tous ses champs sont "
            "connus. Une copie est gardée avec vos données ; pour le modifier ensuite, "
            "réimportez-le.").format(file=path.name), self)
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {OK_COLOUR};")
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("ImportTemplateDialog", "Nom :"), self.name_edit)
        form.addRow(QCoreApplication.translate("ImportTemplateDialog", "Usage :"),
                    self.purpose_combo)
        form.addRow(QCoreApplication.translate("ImportTemplateDialog", "Description :"),
                    self.description_edit)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(
            QCoreApplication.translate("ImportTemplateDialog", "Importer"),
            QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QCoreApplication.translate("ImportTemplateDialog", "Annuler"),
                          QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.name_edit.textChanged.connect(
            lambda text: self.ok_button.setEnabled(bool(text.strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def values(self) -> tuple[str, str, str]:
        return (self.name_edit.text().strip(), str(self.purpose_combo.currentData()),
                self.description_edit.toPlainText().strip())


class _VocabularyFilter(QSortFilterProxyModel):
    """Matches the typed text in any column, accents and case ignored."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._needle = ""

    def set_needle(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = _fold(text)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(  # noqa: N802 - Qt override
            self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        text = " ".join(str(model.index(source_row, c, source_parent).data() or "")
                        for c in range(model.columnCount()))
        return self._needle in _fold(text)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class TemplatesView(RefreshingView):
    """The template manager (navigation « Modèles »)."""

    relevant = frozenset({"*", "template", "partnership_file"})
    #: emitted with the imported template's name
    template_imported = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._templates: list[TemplateDTO] = []
        self._files: list[FileChoice] = []
        self._pending_select: str | None = None
        self.last_check: TemplateCheck | None = None
        self.last_preview: TemplatePreview | None = None
        self.header = PageHeader(
            QCoreApplication.translate("TemplatesView", "Modèles de documents"),
            QCoreApplication.translate(
                "TemplatesView",
                "Les modèles Word (.docx) qui produisent conventions, lettres, invitations et "
                "comptes rendus. Importez vos propres modèles : ils sont vérifiés avant "
                "d'être utilisés."),
            self)

        # buttons ---------------------------------------------------------------------------
        self.import_button = QPushButton(
            QCoreApplication.translate("TemplatesView", "Importer un modèle…"), self)
        self.import_button.clicked.connect(self._handle_import_clicked)
        self.check_button = QPushButton(
            QCoreApplication.translate("TemplatesView", "Vérifier"), self)
        self.check_button.setToolTip(QCoreApplication.translate(
            "TemplatesView", "Chercher les champs inconnus et les balises mal formées"))
        self.check_button.clicked.connect(self._handle_check_clicked)
        self.open_button = QPushButton(
            QCoreApplication.translate("TemplatesView", "Ouvrir l'aperçu dans le traitement "
                                                        "de texte"), self)
        self.open_button.clicked.connect(self._handle_open_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.check_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)

        # list ------------------------------------------------------------------------------
        self.model: RecordTableModel[TemplateDTO] = RecordTableModel([
            Column(QCoreApplication.translate("TemplatesView", "Modèle"), lambda t: t.name,
                   tooltip=lambda t: t.description or t.name),
            Column(QCoreApplication.translate("TemplatesView", "Usage"),
                   lambda t: purpose_label(t.purpose)),
            Column(QCoreApplication.translate("TemplatesView", "Origine"), _origin),
        ], self)
        self.table = make_table(self, object_name="templates_table")
        self.table.setModel(self.model)
        size_columns(self.table, {1: 96, 2: 70}, stretch=0)
        self.table.selectionModel().currentRowChanged.connect(self._handle_current_changed)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.description.setStyleSheet(f"color: {MUTED};")
        self.description.setMinimumHeight(3 * self.description.fontMetrics().lineSpacing())
        self.description.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        list_box = QWidget(self)
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.description)
        self.list_card = Card(QCoreApplication.translate("TemplatesView", "Modèles"), list_box,
                              "", self)

        # preview tab -----------------------------------------------------------------------
        self.data_combo = QComboBox(self)
        self.data_combo.setAccessibleName(QCoreApplication.translate(
            "TemplatesView", "Données de l'aperçu"))
        self.data_combo.setMinimumContentsLength(28)
        self.data_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.data_combo.currentIndexChanged.connect(self._handle_data_changed_choice)
        self.preview_label = QLabel(self)
        self.preview_label.setStyleSheet(f"color: {MUTED};")
        self.preview_label.setWordWrap(True)
        self.preview_browser = QTextBrowser(self)
        self.preview_browser.setOpenLinks(False)
        self.preview_browser.document().setDocumentMargin(18)
        data_row = QHBoxLayout()
        data_row.addWidget(QLabel(QCoreApplication.translate("TemplatesView", "Remplir avec :"),
                                  self))
        data_row.addWidget(self.data_combo, 1)
        preview_tab = QWidget(self)
        preview_layout = QVBoxLayout(preview_tab)
        preview_layout.setContentsMargins(8, 8, 8, 8)
        preview_layout.addLayout(data_row)
        preview_layout.addWidget(self.preview_label)
        preview_layout.addWidget(self.preview_browser, 1)

        # check tab -------------------------------------------------------------------------
        self.check_banner = QLabel(self)
        self.check_banner.setWordWrap(True)
        self.check_banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A table whose rows grow to show each whole message: nothing is cut.
        self.problems = QTableWidget(0, 3, self)
        self.problems.setHorizontalHeaderLabels([
            QCoreApplication.translate("TemplatesView", "Emplacement"),
            QCoreApplication.translate("TemplatesView", "Problème"),
            QCoreApplication.translate("TemplatesView", "Nom proche"),
        ])
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems.setAlternatingRowColors(True)
        self.problems.setWordWrap(True)
        self.problems.setShowGrid(False)
        self.problems.verticalHeader().hide()
        self.problems.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        header = self.problems.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.problems.setColumnWidth(0, 150)
        self.problems.setColumnWidth(2, 170)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        check_tab = QWidget(self)
        check_layout = QVBoxLayout(check_tab)
        check_layout.setContentsMargins(8, 8, 8, 8)
        check_layout.addWidget(self.check_banner)
        check_layout.addWidget(self.problems, 1)

        # vocabulary tab --------------------------------------------------------------------
        self.vocab_filter = QLineEdit(self)
        self.vocab_filter.setPlaceholderText(QCoreApplication.translate(
            "TemplatesView", "Filtrer : association, montant, date…"))
        self.vocab_filter.setClearButtonEnabled(True)
        self.vocab_model = QStandardItemModel(0, 3, self)
        self.vocab_model.setHorizontalHeaderLabels([
            QCoreApplication.translate("TemplatesView", "Champ"),
            QCoreApplication.translate("TemplatesView", "Type"),
            QCoreApplication.translate("TemplatesView", "Description"),
        ])
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        for entry in tm.vocabulary():
            name = QStandardItem(entry.name)
            name.setFont(mono)
            name.setEditable(False)
            name.setToolTip(QCoreApplication.translate(
                "TemplatesView", "Double-cliquez pour copier {code}").format(
                    code="{{ " + entry.name + " }}"))
            kind = QStandardItem(_kind_label(entry.kind))
            kind.setEditable(False)
            text = entry.description + (f" — ex. « {entry.example} »" if entry.example else "")
            description = QStandardItem(text)
            description.setEditable(False)
            description.setToolTip(text)
            self.vocab_model.appendRow([name, kind, description])
        self.vocab_proxy = _VocabularyFilter(self)
        self.vocab_proxy.setSourceModel(self.vocab_model)
        self.vocab_table = make_table(self, object_name="vocabulary_table")
        self.vocab_table.setModel(self.vocab_proxy)
        size_columns(self.vocab_table, {0: 250, 1: 90}, stretch=2)
        # ~100 rows: wrapping the descriptions costs nothing and nothing is cut.
        self.vocab_table.setWordWrap(True)
        self.vocab_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.vocab_table.doubleClicked.connect(self._handle_vocabulary_activated)
        self.vocab_filter.textChanged.connect(self.vocab_proxy.set_needle)
        self.copied_label = QLabel(self)
        self.copied_label.setStyleSheet(f"color: {OK_COLOUR};")
        filters = "".join(
            f"<tr><td><code>{f.name}</code></td><td><code>{_escape(f.usage)}</code></td>"
            f"<td>→ {_escape(f.result)}</td></tr>" for f in tm.FILTERS)
        self.filters_label = QLabel(
            "<b>" + QCoreApplication.translate("TemplatesView", "Filtres français") + "</b>"
            + f'<table cellspacing="0" cellpadding="2">{filters}</table>'
            + QCoreApplication.translate(
                "TemplatesView", "Dans Word, écrivez {code} ; pour une liste : {loop}.").format(
                code="<code>{{ champ }}</code>",
                loop="<code>{% for c in convention.contreparties %}…{% endfor %}</code>"),
            self)
        self.filters_label.setTextFormat(Qt.TextFormat.RichText)
        self.filters_label.setWordWrap(True)
        self.filters_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        vocab_tab = QWidget(self)
        vocab_layout = QVBoxLayout(vocab_tab)
        vocab_layout.setContentsMargins(8, 8, 8, 8)
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.vocab_filter, 1)
        filter_row.addWidget(self.copied_label)
        vocab_layout.addLayout(filter_row)
        vocab_layout.addWidget(self.vocab_table, 1)
        vocab_layout.addWidget(self.filters_label)

        self.tabs = QTabWidget(self)
        self.preview_index = self.tabs.addTab(
            preview_tab, QCoreApplication.translate("TemplatesView", "Aperçu"))
        self.check_index = self.tabs.addTab(
            check_tab, QCoreApplication.translate("TemplatesView", "Vérification"))
        self.vocabulary_index = self.tabs.addTab(
            vocab_tab, QCoreApplication.translate("TemplatesView", "Champs disponibles"))

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.list_card)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([440, 680])
        self.splitter = splitter

        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.setSpacing(10)
        layout.addWidget(self.header)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        self._show_check(None)
        self._update_buttons()

    # --- loading ------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._stale = False
        db = self.ctx.db

        def load() -> tuple[list[TemplateDTO], list[FileChoice]]:
            from passerelle.services import documents

            return documents.list_templates(db), tm.preview_files(db)

        self.ctx.runner.run(load, self._handle_loaded, self._handle_failed)

    def _handle_loaded(self, result: tuple[list[TemplateDTO], list[FileChoice]]) -> None:
        templates, files = result
        current = self.current_template()
        keep = self._pending_select or (current.name if current else None)
        self._pending_select = None
        self._templates = templates
        self.model.set_records(templates)
        self.list_card.set_hint(
            (QCoreApplication.translate("TemplatesView", "{n} modèle") if singular(len(templates))
             else QCoreApplication.translate("TemplatesView", "{n} modèles")).format(
                n=len(templates)))
        chosen = self.data_combo.currentData()
        self._files = files
        blocker = QSignalBlocker(self.data_combo)
        self.data_combo.clear()
        self.data_combo.addItem(QCoreApplication.translate(
            "TemplatesView", "Données d'exemple (aucun dossier)"), None)
        for f in files:
            self.data_combo.addItem(f"{f.reference} — {f.title}", str(f.id))
        index = self.data_combo.findData(chosen) if chosen else 0
        self.data_combo.setCurrentIndex(max(0, index))
        blocker.unblock()
        row = 0
        if keep is not None:
            for i, t in enumerate(templates):
                if t.name == keep:
                    row = i
                    break
        if templates:
            self.table.selectRow(row)
            if self.table.currentIndex().row() == row:
                self._show_template()

    # --- state --------------------------------------------------------------------------------
    def current_template(self) -> TemplateDTO | None:
        index = self.table.currentIndex()
        record = index.data(RecordRole) if index.isValid() else None
        return record if isinstance(record, TemplateDTO) else None

    def select_template(self, name_or_key: str) -> bool:
        for row, t in enumerate(self.model.records()):
            if name_or_key in (t.name, t.key):
                self.table.selectRow(row)
                return True
        return False

    def current_file_id(self) -> uuid.UUID | None:
        data = self.data_combo.currentData()
        return uuid.UUID(data) if data else None

    def _update_buttons(self) -> None:
        has = self.current_template() is not None
        self.check_button.setEnabled(has)
        self.open_button.setEnabled(has)

    def _handle_current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_template()

    def _show_template(self) -> None:
        template = self.current_template()
        self._update_buttons()
        if template is None:
            self.description.clear()
            return
        self.description.setText(template.description or QCoreApplication.translate(
            "TemplatesView", "Modèle sans description."))
        self._run_check(template)
        self._run_preview()

    def _handle_data_changed_choice(self, _index: int) -> None:
        self._run_preview()

    # --- check --------------------------------------------------------------------------------
    def _run_check(self, template: TemplateDTO) -> None:
        self.ctx.runner.run(lambda: tm.check_template(template), self._show_check,
                            self._handle_check_failed, db=False)

    def _handle_check_clicked(self) -> None:
        template = self.current_template()
        if template is not None:
            self._run_check(template)
            self.tabs.setCurrentIndex(self.check_index)

    def _handle_check_failed(self, exc: BaseException) -> None:
        if isinstance(exc, PasserelleError):
            self._set_banner(message(exc), ok=False)
            self.problems.setRowCount(0)
        else:
            show_error(self, exc)

    def _show_check(self, check: TemplateCheck | None, *, imported_file: str | None = None
                    ) -> None:
        self.last_check = check
        self.problems.setRowCount(0)
        if check is None:
            self._set_banner(QCoreApplication.translate(
                "TemplatesView", "Choisissez un modèle pour le vérifier."), ok=True)
            return
        for problem in check.problems:
            self._add_problem(problem)
        if imported_file is not None:
            n = len(check.problems)
            text = (QCoreApplication.translate(
                "TemplatesView", "« {file} » n'a pas été importé : {n} problème à corriger "
                                 "dans Word, puis importez-le de nouveau.")
                    if singular(n) else QCoreApplication.translate(
                "TemplatesView", "« {file} » n'a pas été importé : {n} problèmes à corriger "
                                 "dans Word, puis importez-le de nouveau."))
            self._set_banner(text.format(file=imported_file, n=n), ok=False)
        elif check.ok:
            self._set_banner(QCoreApplication.translate(
                "TemplatesView", "Aucun problème : tous les champs de « {file} » sont connus "
                                 "et les balises sont bien formées ({n} champs utilisés).").format(
                file=check.path.name, n=len(check.used)), ok=True)
        else:
            n = len(check.problems)
            self._set_banner((QCoreApplication.translate(
                "TemplatesView", "{n} problème à corriger dans « {file} » :")
                if singular(n) else QCoreApplication.translate(
                "TemplatesView", "{n} problèmes à corriger dans « {file} » :")).format(
                n=n, file=check.path.name), ok=False)

    def _add_problem(self, problem: TemplateProblem) -> None:
        row = self.problems.rowCount()
        self.problems.insertRow(row)
        for column, text in enumerate((problem.location, problem.message,
                                       problem.suggestion or "")):
            item = QTableWidgetItem(text)
            if problem.excerpt:
                item.setToolTip(QCoreApplication.translate(
                    "TemplatesView", "Texte du paragraphe : « {excerpt} »").format(
                    excerpt=problem.excerpt))
            self.problems.setItem(row, column, item)

    def _set_banner(self, text: str, *, ok: bool) -> None:
        colour, background = (OK_COLOUR, "#ecfdf3") if ok else (DANGER, "#fef3f2")
        self.check_banner.setStyleSheet(
            f"color: {colour}; background: {background}; border-radius: 6px; padding: 6px 10px;")
        self.check_banner.setText(text)

    # --- preview ------------------------------------------------------------------------------
    def _run_preview(self) -> None:
        template = self.current_template()
        if template is None:
            self.preview_browser.clear()
            return
        db, file_id = self.ctx.db, self.current_file_id()
        self.ctx.runner.run(lambda: tm.preview(db, template, file_id), self._show_preview,
                            self._handle_preview_failed)

    def _show_preview(self, preview: TemplatePreview) -> None:
        current = self.current_template()
        if current is None or current.name != preview.template_name:
            return  # the user moved on while it rendered
        self.last_preview = preview
        if preview.file_reference is None:
            self.preview_label.setText(QCoreApplication.translate(
                "TemplatesView", "Aperçu sur des données d'exemple : la mise en page exacte "
                                 "s'affiche dans le traitement de texte."))
        else:
            self.preview_label.setText(QCoreApplication.translate(
                "TemplatesView", "Aperçu avec les données du dossier {reference} (rien n'est "
                                 "enregistré).").format(reference=preview.file_reference))
        document = self.preview_browser.document()
        for key, data in preview.images.items():
            image = QImage.fromData(data)
            if not image.isNull():
                document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(key), image)
        self.preview_browser.setHtml(preview.html)

    def _handle_preview_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, PasserelleError):
            show_error(self, exc)
            return
        self.last_preview = None
        self.preview_label.setText(QCoreApplication.translate(
            "TemplatesView", "Aperçu impossible : corrigez d'abord le modèle (onglet "
                             "« Vérification »)."))
        self.preview_browser.setPlainText(message(exc))

    def _handle_open_clicked(self) -> None:
        template = self.current_template()
        if template is None:
            return
        db, file_id = self.ctx.db, self.current_file_id()
        folder = Path(tempfile.gettempdir()) / "passerelle-apercus"
        slug = re.sub(r"[^A-Za-z0-9]+", "-", unicodedata.normalize("NFKD", template.name)
                      .encode("ascii", "ignore").decode()).strip("-").lower() or "modele"
        target = folder / f"apercu-{slug}.docx"

        def op() -> Path:
            folder.mkdir(parents=True, exist_ok=True)
            return tm.preview_docx(db, template, target, file_id)

        self.ctx.runner.run(op, open_with_system, self._handle_failed)

    # --- import -------------------------------------------------------------------------------
    def _handle_import_clicked(self) -> None:
        path = ask_template_file(self)
        if path is None:
            return
        self.ctx.runner.run(lambda: tm.check_file(path),
                            lambda check: self._handle_file_checked(path, check),
                            lambda exc: self._handle_import_failed(exc, path), db=False)

    def _handle_file_checked(self, path: Path, check: TemplateCheck) -> None:
        if not check.ok:
            self._show_check(check, imported_file=path.name)
            self.tabs.setCurrentIndex(self.check_index)
            return
        details = ask_import_details(self, path)
        if details is None:
            return
        name, purpose, description = details
        db = self.ctx.db
        self.ctx.runner.run(
            lambda: tm.import_checked(db, path, name=name, purpose=purpose,
                                      description=description),
            self._handle_imported, lambda exc: self._handle_import_failed(exc, path))

    def _handle_imported(self, template: TemplateDTO) -> None:
        self._pending_select = template.name
        self.ctx.bus.changed.emit("template")
        if not self.isVisible():
            self.refresh()
        self.template_imported.emit(template.name)

    def _handle_import_failed(self, exc: BaseException, path: Path) -> None:
        problems = exc.params.get("problems") if isinstance(exc, ValidationError) else None
        if problems:
            self._show_check(TemplateCheck(path, tuple(problems), ()), imported_file=path.name)
            self.tabs.setCurrentIndex(self.check_index)
            return
        show_error(self, exc)

    def _handle_failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    # --- vocabulary ---------------------------------------------------------------------------
    def _handle_vocabulary_activated(self, index: QModelIndex) -> None:
        name = str(index.siblingAtColumn(0).data() or "")
        if not name:
            return
        if "[]." in name:  # a field of a list item: the loop that reaches it
            list_name, item_field = name.split("[].")
            code = ("{% for x in " + list_name + " %}{{ x." + item_field + " }}"
                    "{% endfor %}")
        else:
            code = "{{ " + name + " }}"
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(code)
        self.copied_label.setText(QCoreApplication.translate(
            "TemplatesView", "Copié : {code}").format(code=code))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
