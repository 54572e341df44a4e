"""Registre: search the public registers (SIRENE, RNA) held locally, and adopt an entry.

The list is an :class:`IdTableModel` over :class:`~passerelle.services.registry.RegistryRows`:
ids first, values by blocks, so 150,000 entries open as fast as 100. The search box goes through
the registry's FTS index (accents, case and ligatures ignored); filters are indexed columns.
« Adopter » creates the CRM organisation of the selected entry; when one already carries its
SIRET, SIREN or RNA number, the user is offered that one instead of a duplicate. The import of
the published files runs on the runner with a cancellable progress dialog.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from passerelle.domain.validators import format_rna, format_siren, format_siret
from passerelle.services import registry as registry_service
from passerelle.services.lists import ListQuery
from passerelle.services.registry import AlreadyAdopted, RegistryEntryDTO, SourceStatus
from passerelle.services.registry_import import RegistryImportReport, import_registry
from passerelle.ui.context import UiContext
from passerelle.ui.errors import show_error
from passerelle.ui.i18n import singular
from passerelle.ui.models.id_table_model import IdTableModel
from passerelle.ui.tasks import Progress
from passerelle.ui.views.organisations import FrenchLabel, configure_table, empty_state_label
from passerelle.ui.widgets.panels import MUTED, PageHeader

SEARCH_DELAY_MS = 250


def source_label(source: str) -> str:
    if source == "rna":
        return QCoreApplication.translate("RegistryView", "Association (RNA)")
    return QCoreApplication.translate("RegistryView", "Entreprise (SIRENE)")


def category_text(value: Any) -> str:
    """« PME », « PME · ESS », « ESS » from the list's (category, ess) pair."""
    category, ess = value if isinstance(value, tuple) else (value, False)
    parts = [category] if category else []
    if ess:
        parts.append(QCoreApplication.translate("RegistryView", "ESS"))
    return " · ".join(parts)


def bracket_label(code: str | None) -> str:
    """The French label of a « tranche d'effectifs » code (DOMAIN-FR.md §2.2)."""
    labels = {
        "NN": QCoreApplication.translate("RegistryView", "Non employeuse"),
        "00": QCoreApplication.translate("RegistryView", "0 salarié"),
        "01": QCoreApplication.translate("RegistryView", "1 ou 2 salariés"),
        "02": QCoreApplication.translate("RegistryView", "3 à 5 salariés"),
        "03": QCoreApplication.translate("RegistryView", "6 à 9 salariés"),
        "11": QCoreApplication.translate("RegistryView", "10 à 19 salariés"),
        "12": QCoreApplication.translate("RegistryView", "20 à 49 salariés"),
        "21": QCoreApplication.translate("RegistryView", "50 à 99 salariés"),
        "22": QCoreApplication.translate("RegistryView", "100 à 199 salariés"),
        "31": QCoreApplication.translate("RegistryView", "200 à 249 salariés"),
        "32": QCoreApplication.translate("RegistryView", "250 à 499 salariés"),
        "41": QCoreApplication.translate("RegistryView", "500 à 999 salariés"),
        "42": QCoreApplication.translate("RegistryView", "1 000 à 1 999 salariés"),
        "51": QCoreApplication.translate("RegistryView", "2 000 à 4 999 salariés"),
        "52": QCoreApplication.translate("RegistryView", "5 000 à 9 999 salariés"),
        "53": QCoreApplication.translate("RegistryView", "10 000 salariés et plus"),
    }
    return labels.get(code or "", code or "")


def reason_label(reason: str) -> str:
    """The French label of an import skip reason (see services.registry_import)."""
    labels = {
        "out_of_territory": QCoreApplication.translate("RegistryReport", "hors territoire"),
        "closed": QCoreApplication.translate("RegistryReport", "établissement fermé"),
        "unit_ceased": QCoreApplication.translate("RegistryReport", "unité légale cessée"),
        "dissolved": QCoreApplication.translate("RegistryReport", "association dissoute"),
        "not_diffusible": QCoreApplication.translate("RegistryReport", "non diffusible"),
        "invalid_siret": QCoreApplication.translate("RegistryReport", "SIRET invalide"),
        "invalid_siren": QCoreApplication.translate("RegistryReport", "SIREN invalide"),
        "invalid_rna": QCoreApplication.translate("RegistryReport", "numéro RNA invalide"),
        "duplicate": QCoreApplication.translate("RegistryReport", "ligne en double"),
        "natural_person": QCoreApplication.translate(
            "RegistryReport", "entrepreneur individuel sans nom commercial"),
        "no_name": QCoreApplication.translate("RegistryReport", "nom absent ou non diffusé"),
        "no_unit": QCoreApplication.translate(
            "RegistryReport", "unité légale absente des fichiers importés"),
    }
    return labels.get(reason, reason)


def identifier_text(source: str, identifier: str | None) -> str:
    if not identifier:
        return ""
    if source == "rna" or identifier.startswith("W"):
        return format_rna(identifier)
    return format_siret(identifier) if len(identifier) == 14 else format_siren(identifier)


def _iso_to_french(value: str | None) -> str:
    if not value or len(value) < 10:
        return value or ""
    return f"{value[8:10]}/{value[5:7]}/{value[:4]}"


class ImportDialog(QDialog):
    """Which register, which published files (CSV or zip), which territory."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("ImportDialog", "Importer un registre"))
        self.setMinimumWidth(560)
        self.files: list[Path] = []
        self.source = QComboBox(self)
        self.source.addItem(QCoreApplication.translate(
            "ImportDialog", "SIRENE (entreprises) : StockEtablissement et StockUniteLegale"),
            "sirene")
        self.source.addItem(QCoreApplication.translate(
            "ImportDialog", "RNA (associations) : rna_waldec ou rna_import"), "rna")
        self.files_label = QLabel(QCoreApplication.translate(
            "ImportDialog", "Aucun fichier choisi."), self)
        self.files_label.setWordWrap(True)
        choose = QPushButton(QCoreApplication.translate("ImportDialog", "Choisir les fichiers…"),
                             self)
        choose.clicked.connect(self._choose)
        self.territory = QCheckBox(QCoreApplication.translate(
            "ImportDialog", "Seulement les 95 communes de la Métropole"), self)
        self.territory.setChecked(True)
        hint = QLabel(QCoreApplication.translate(
            "ImportDialog",
            "Fichiers publiés sur data.gouv.fr, en CSV ou dans leur archive zip. L'import "
            "remplace le millésime précédent de la même source ; les données des personnes "
            "(déclarants, entrepreneurs individuels) ne sont jamais importées."), self)
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {MUTED};")
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("ImportDialog", "Registre"), self.source)
        files_row = QHBoxLayout()
        files_row.addWidget(self.files_label, 1)
        files_row.addWidget(choose)
        form.addRow(QCoreApplication.translate("ImportDialog", "Fichiers"), files_row)
        form.addRow("", self.territory)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("ImportDialog", "Importer"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self._update()

    def set_files(self, files: list[Path]) -> None:
        self.files = list(files)
        none = QCoreApplication.translate("ImportDialog", "Aucun fichier choisi.")
        self.files_label.setText("\n".join(f.name for f in self.files) or none)
        self._update()

    def territory_value(self) -> str:
        return "mel" if self.territory.isChecked() else "all"

    def _choose(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, QCoreApplication.translate("ImportDialog", "Fichiers du registre"), "",
            QCoreApplication.translate("ImportDialog", "Fichiers publiés (*.csv *.zip)"))
        if names:
            self.set_files([Path(n) for n in names])

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.files))


class RegistryView(QWidget):
    """« Registre »: search, filters, the entry's detail and « Adopter »."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._current: RegistryEntryDTO | None = None
        self._statuses: tuple[SourceStatus, ...] = ()
        self._communes_loaded = False
        self.last_report: RegistryImportReport | None = None

        self.header = PageHeader(
            QCoreApplication.translate("RegistryView",
                                       "Registre des entreprises et des associations"),
            "", self)
        self.import_button = QPushButton(
            QCoreApplication.translate("RegistryView", "Importer un registre…"), self)
        self.import_button.clicked.connect(self.open_import_dialog)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignTop)

        # filters ----------------------------------------------------------------------------
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(QCoreApplication.translate(
            "RegistryView", "Rechercher : nom, sigle, commune, SIREN, RNA, objet…"))
        self.search.setClearButtonEnabled(True)
        self.source_filter = QComboBox(self)
        self.source_filter.addItem(QCoreApplication.translate("RegistryView", "Toutes sources"),
                                   None)
        self.source_filter.addItem(QCoreApplication.translate("RegistryView", "Entreprises"),
                                   "sirene")
        self.source_filter.addItem(QCoreApplication.translate("RegistryView", "Associations"),
                                   "rna")
        self.commune_filter = QComboBox(self)
        self.commune_filter.addItem(
            QCoreApplication.translate("RegistryView", "Toutes les communes"), None)
        self.commune_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.commune_filter.setMinimumContentsLength(16)
        self.naf_filter = QLineEdit(self)
        self.naf_filter.setPlaceholderText(QCoreApplication.translate("RegistryView",
                                                                      "NAF : 88, 62.01Z…"))
        self.naf_filter.setClearButtonEnabled(True)
        self.naf_filter.setFixedWidth(150)
        self.size_filter = QComboBox(self)
        self.size_filter.addItem(QCoreApplication.translate("RegistryView", "Tous effectifs"),
                                 None)
        for code in registry_service.SIZE_BRACKETS:
            self.size_filter.addItem(bracket_label(code), code)
        self.size_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.size_filter.setMinimumContentsLength(15)
        self.category_filter = QComboBox(self)
        self.category_filter.addItem(
            QCoreApplication.translate("RegistryView", "Toutes catégories"), None)
        for cat in ("PME", "ETI", "GE"):
            self.category_filter.addItem(cat, cat)
        self.ess_filter = QCheckBox(QCoreApplication.translate("RegistryView", "ESS"), self)
        self.ess_filter.setToolTip(QCoreApplication.translate(
            "RegistryView", "Seulement l'économie sociale et solidaire"))
        self.count_label = QLabel(self)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.source_filter)
        filters.addWidget(self.commune_filter)
        filters.addWidget(self.naf_filter)
        filters.addWidget(self.size_filter)
        filters.addWidget(self.category_filter)
        filters.addWidget(self.ess_filter)
        count_row = QHBoxLayout()
        count_row.addWidget(self.count_label)
        count_row.addStretch(1)

        # list ---------------------------------------------------------------------------------
        self.source = registry_service.RegistryRows(ctx.db)
        headers = [
            QCoreApplication.translate("RegistryView", "Nom"),
            QCoreApplication.translate("RegistryView", "Commune"),
            QCoreApplication.translate("RegistryView", "SIRET / RNA"),
            QCoreApplication.translate("RegistryView", "NAF"),
            QCoreApplication.translate("RegistryView", "Effectif"),
            QCoreApplication.translate("RegistryView", "Catégorie"),
        ]
        self.model = IdTableModel(self.source, headers, self, formatters={
            "identifier": lambda v: identifier_text("", str(v)),
            "size_bracket": lambda v: bracket_label(str(v)),
            "category": category_text,
        })
        self.table = QTableView(self)
        self.table.setModel(self.model)
        configure_table(self.table, (120, 136, 58, 124, 82))
        self.empty_list = empty_state_label(self)
        self.empty_import = QPushButton(
            QCoreApplication.translate("RegistryView", "Importer un registre…"), self)
        self.empty_import.clicked.connect(self.open_import_dialog)
        empty_page = QWidget(self)
        empty_layout = QVBoxLayout(empty_page)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_list)
        empty_layout.addWidget(self.empty_import, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)
        self.list_stack = QStackedWidget(self)
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(empty_page)

        # detail -------------------------------------------------------------------------------
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel(self)
        self.subtitle.setStyleSheet(f"color: {MUTED};")
        self.subtitle.setWordWrap(True)
        self.detail_form = QFormLayout()
        self.detail_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.detail_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self._fields: dict[str, QLabel] = {}
        for key, text in (
            ("identifier", QCoreApplication.translate("RegistryView", "Identifiant")),
            ("siren", QCoreApplication.translate("RegistryView", "SIREN")),
            ("acronym", QCoreApplication.translate("RegistryView", "Sigle")),
            ("naf", QCoreApplication.translate("RegistryView", "Activité (NAF)")),
            ("legal_form", QCoreApplication.translate("RegistryView", "Catégorie juridique")),
            ("size", QCoreApplication.translate("RegistryView", "Effectif")),
            ("category", QCoreApplication.translate("RegistryView", "Catégorie d'entreprise")),
            ("ess", QCoreApplication.translate("RegistryView", "ESS")),
            ("head_office", QCoreApplication.translate("RegistryView", "Siège")),
            ("address", QCoreApplication.translate("RegistryView", "Adresse")),
            ("objet", QCoreApplication.translate("RegistryView", "Objet")),
            ("objet_social", QCoreApplication.translate("RegistryView", "Objet social (codes)")),
            ("website", QCoreApplication.translate("RegistryView", "Site web")),
            ("created_on", QCoreApplication.translate("RegistryView", "Création")),
            ("vintage", QCoreApplication.translate("RegistryView", "Millésime du registre")),
        ):
            value = QLabel(self)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._fields[key] = value
            self.detail_form.addRow(text, value)
        self.adopt_button = QPushButton(QCoreApplication.translate("RegistryView", "Adopter"),
                                        self)
        self.adopt_button.setDefault(True)
        self.adopt_button.setToolTip(QCoreApplication.translate(
            "RegistryView", "Créer l'organisation correspondante dans vos organisations, "
            "préremplie et liée par son SIREN, SIRET ou numéro RNA"))
        self.adopt_button.clicked.connect(self.adopt_current)
        self.adopt_status = FrenchLabel(self)
        self.adopt_status.setWordWrap(True)
        self.adopt_status.setStyleSheet(f"color: {MUTED};")
        self.open_button = QPushButton(
            QCoreApplication.translate("RegistryView", "Ouvrir la fiche"), self)
        self.open_button.setVisible(False)
        self.open_button.clicked.connect(self._open_adopted)
        self._adopted_id: Any = None
        detail = QWidget(self)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(8, 0, 4, 0)
        detail_layout.addWidget(self.title)
        detail_layout.addWidget(self.subtitle)
        detail_layout.addSpacing(6)
        detail_layout.addLayout(self.detail_form)
        detail_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(detail)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.adopt_button)
        actions = QVBoxLayout()
        actions.addWidget(self.adopt_status)
        actions.addLayout(buttons)
        editor = QWidget(self)
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(scroll, 1)
        editor_layout.addLayout(actions)
        self.detail_empty = empty_state_label(self)
        self.detail_empty.setText(QCoreApplication.translate(
            "RegistryView",
            "Sélectionnez une entrée pour voir ce que dit le registre public, puis "
            "« Adopter » pour l'ajouter à vos organisations."))
        self.detail_stack = QStackedWidget(self)
        self.detail_stack.addWidget(self.detail_empty)
        self.detail_stack.addWidget(editor)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.list_stack)
        self.splitter.addWidget(self.detail_stack)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([900, 380])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addLayout(count_row)
        layout.addWidget(self.splitter, 1)

        # wiring -------------------------------------------------------------------------------
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_query)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.naf_filter.textChanged.connect(lambda _t: self._search_timer.start())
        for combo in (self.source_filter, self.commune_filter, self.size_filter,
                      self.category_filter):
            combo.currentIndexChanged.connect(lambda _i: self._apply_query())
        self.ess_filter.toggled.connect(lambda _c: self._apply_query())
        self.table.selectionModel().currentRowChanged.connect(self._handle_current_changed)
        ctx.bus.changed.connect(self._handle_data_changed)
        self.refresh()

    # public -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the sources' status, the commune filter and the list."""
        self.ctx.runner.run(lambda: (registry_service.status(self.ctx.db),
                                     registry_service.communes_in_registry(self.ctx.db)),
                            self._show_status)
        self._apply_query()

    def open_import_dialog(self) -> None:
        dialog = ImportDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.start_import(str(dialog.source.currentData()), dialog.files,
                          dialog.territory_value())

    def start_import(self, source: str, files: list[Path], territory: str) -> Progress:
        """Import off the UI thread, with progress and cancel; report when done."""
        def op(progress: Progress) -> RegistryImportReport:
            return import_registry(self.ctx.db, source, files, territory=territory,
                                   progress=progress, cancel=progress.cancel)

        return self.ctx.runner.run_with_progress(
            self, QCoreApplication.translate("RegistryView", "Import du registre en cours…"),
            op, self._import_done, lambda exc: show_error(self, exc))

    def adopt_current(self, *, force: bool = False) -> None:
        entry = self._current
        if entry is None:
            return
        self.ctx.runner.run(
            lambda: registry_service.adopt_entry(self.ctx.db, entry.id, force=force),
            self._adopted, self._adopt_failed)

    # list -------------------------------------------------------------------------------------
    def _query(self) -> ListQuery:
        filters = {
            "source": self.source_filter.currentData(),
            "commune_insee": self.commune_filter.currentData(),
            "naf": self.naf_filter.text().strip() or None,
            "size_bracket": self.size_filter.currentData(),
            "category": self.category_filter.currentData(),
            "ess": True if self.ess_filter.isChecked() else None,
        }
        return replace(self.model.query, text=self.search.text(),
                       filters={k: v for k, v in filters.items() if v})

    def _filtered(self) -> bool:
        q = self._query()
        return bool(q.text.strip() or q.filters)

    def _apply_query(self) -> None:
        self._search_timer.stop()
        current = self._current.id if self._current is not None else None
        self.model.set_query(self._query())
        row = self.model.row_of_rowid(current) if current is not None else None
        if row is not None:
            self.table.selectRow(row)
        self._update_count()

    def _update_count(self) -> None:
        n = self.model.rowCount()
        self.count_label.setText(
            (QCoreApplication.translate("RegistryView", "{n} entrée") if singular(n) else
             QCoreApplication.translate("RegistryView", "{n} entrées")).format(n=f"{n:,}"
                                                                                .replace(",", " ")))
        if n:
            self.list_stack.setCurrentIndex(0)
            return
        if self._filtered():
            self.empty_list.setText(QCoreApplication.translate(
                "RegistryView",
                "Aucune entrée ne correspond à cette recherche. Modifiez le texte ou les "
                "filtres."))
            self.empty_import.setVisible(False)
        else:
            self.empty_list.setText(QCoreApplication.translate(
                "RegistryView",
                "Le registre est vide. Importez les fichiers publics téléchargés sur "
                "data.gouv.fr : la base SIRENE de l'Insee (StockEtablissement et "
                "StockUniteLegale) pour les entreprises, le Répertoire national des "
                "associations (rna_waldec) pour les associations. Ils restent sur ce poste "
                "et ne sont jamais synchronisés."))
            self.empty_import.setVisible(True)
        self.list_stack.setCurrentIndex(1)

    def _show_status(self, result: tuple[tuple[SourceStatus, ...],
                                         tuple[tuple[str, str], ...]]) -> None:
        statuses, communes = result
        self._statuses = statuses
        parts = []
        for st in statuses:
            if not st.entries and st.vintage is None:
                continue
            template = (QCoreApplication.translate("RegistryView",
                                                   "{source} : {n} entrée, millésime {vintage}")
                        if singular(st.entries) else
                        QCoreApplication.translate("RegistryView",
                                                   "{source} : {n} entrées, millésime {vintage}"))
            parts.append(template.format(source="SIRENE" if st.source == "sirene" else "RNA",
                                         n=f"{st.entries:,}".replace(",", " "),
                                         vintage=st.vintage or "?"))
        if parts:
            self.header.set_subtitle(" · ".join(parts) + " — " + QCoreApplication.translate(
                "RegistryView", "données publiques, locales à ce poste."))
        else:
            self.header.set_subtitle(QCoreApplication.translate(
                "RegistryView",
                "Les registres publics servent de référence pour trouver une structure, "
                "préremplir sa fiche et repérer les doublons."))
        chosen = self.commune_filter.currentData()
        blocker = QSignalBlocker(self.commune_filter)
        self.commune_filter.clear()
        self.commune_filter.addItem(
            QCoreApplication.translate("RegistryView", "Toutes les communes"), None)
        for code, name in communes:
            self.commune_filter.addItem(name, code)
        index = self.commune_filter.findData(chosen) if chosen else 0
        self.commune_filter.setCurrentIndex(max(index, 0))
        blocker.unblock()

    # detail -----------------------------------------------------------------------------------
    def _handle_current_changed(self, current: Any, _previous: Any) -> None:
        rowid = self.model.rowid_at(current.row()) if current.isValid() else None
        if rowid is None:
            self._current = None
            self.detail_stack.setCurrentIndex(0)
            return
        self.ctx.runner.run(lambda: registry_service.get_entry(self.ctx.db, rowid),
                            self._show_entry, lambda exc: show_error(self, exc))

    def _show_entry(self, entry: RegistryEntryDTO) -> None:
        self._current = entry
        self.adopt_status.clear()
        self.open_button.setVisible(False)
        self.title.setText(entry.name)
        place = ", ".join(p for p in (entry.commune_name,) if p)
        self.subtitle.setText(" · ".join(p for p in (source_label(entry.source), place) if p))
        yes = QCoreApplication.translate("RegistryView", "Oui")
        no = QCoreApplication.translate("RegistryView", "Non")
        size = bracket_label(entry.size_bracket)
        if size and entry.size_year:
            size = QCoreApplication.translate("RegistryView", "{size} (en {year})").format(
                size=size, year=entry.size_year)
        category = entry.category or ""
        if category and entry.category_year:
            category = QCoreApplication.translate("RegistryView", "{size} (en {year})").format(
                size=category, year=entry.category_year)
        town = " ".join(p for p in (entry.postal_code, entry.commune_name) if p)
        address = "\n".join(p for p in (entry.address, town) if p)
        values = {
            "identifier": identifier_text(entry.source, entry.identifier),
            "siren": format_siren(entry.siren) if entry.siren else "",
            "acronym": entry.acronym or "",
            "naf": entry.naf or "",
            "legal_form": entry.legal_form or "",
            "size": size,
            "category": category,
            "ess": (yes if entry.ess else no) if entry.source == "sirene" else "",
            "head_office": "" if entry.head_office is None else (yes if entry.head_office
                                                                 else no),
            "address": address,
            "objet": entry.objet or "",
            "objet_social": " ".join(p for p in (entry.objet_social1, entry.objet_social2)
                                     if p),
            "website": entry.website or "",
            "created_on": _iso_to_french(entry.created_on),
            "vintage": entry.vintage,
        }
        for key, text in values.items():
            self._fields[key].setText(text)
            self.detail_form.setRowVisible(self._fields[key], bool(text))
        self.detail_stack.setCurrentIndex(1)
        self.ctx.runner.run(lambda: registry_service.adopted_matches(self.ctx.db, entry),
                            lambda matches: self._show_matches(entry, matches))

    def _show_matches(self, entry: RegistryEntryDTO,
                      matches: tuple[registry_service.AdoptedMatch, ...]) -> None:
        """Say at once when the entry is already in the CRM (before « Adopter » is pressed)."""
        if self._current is not entry or not matches:
            return
        self._adopted_id = matches[0].organisation_id
        self.adopt_status.setText(QCoreApplication.translate(
            "RegistryView", "Déjà dans vos organisations : « {name} ».").format(
                name=matches[0].name))
        self.open_button.setVisible(True)

    # adoption ---------------------------------------------------------------------------------
    def _adopted(self, org: Any) -> None:
        self._adopted_id = org.id
        self.ctx.bus.changed.emit("organisation")
        self.adopt_status.setText(QCoreApplication.translate(
            "RegistryView", "« {name} » ajoutée à vos organisations.").format(name=org.name))
        self.open_button.setVisible(True)

    def _adopt_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, AlreadyAdopted):
            show_error(self, exc)
            return
        choice = self.ask_existing(exc)
        if choice == "open":
            self._adopted_id = exc.matches[0].organisation_id
            self._open_adopted()
        elif choice == "create":
            self.adopt_current(force=True)

    def ask_existing(self, exc: AlreadyAdopted) -> str:
        """« open », « create » or « cancel »: what to do with an entry already adopted."""
        match = exc.matches[0]
        how = {
            "siret": QCoreApplication.translate("RegistryView", "même SIRET"),
            "siren": QCoreApplication.translate("RegistryView", "même SIREN"),
            "rna": QCoreApplication.translate("RegistryView", "même numéro RNA"),
            "name": QCoreApplication.translate("RegistryView",
                                               "nom proche dans la même commune"),
        }[match.matched_on]
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(QCoreApplication.translate("RegistryView",
                                                      "Déjà dans vos organisations"))
        box.setText(QCoreApplication.translate(
            "RegistryView", "« {name} » est déjà dans vos organisations ({how}).").format(
                name=match.name, how=how))
        box.setInformativeText(QCoreApplication.translate(
            "RegistryView", "Ouvrez sa fiche plutôt que de créer un doublon."))
        open_button = box.addButton(QCoreApplication.translate(
            "RegistryView", "Ouvrir la fiche existante"), QMessageBox.ButtonRole.AcceptRole)
        create_button = box.addButton(QCoreApplication.translate(
            "RegistryView", "Créer quand même"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(open_button)
        box.exec()
        clicked = box.clickedButton()
        if clicked is open_button:
            return "open"
        if clicked is create_button:
            return "create"
        return "cancel"

    def _open_adopted(self) -> None:
        if self._adopted_id is not None:
            self.ctx.bus.organisation_requested.emit(str(self._adopted_id))

    # import -----------------------------------------------------------------------------------
    def _import_done(self, report: RegistryImportReport) -> None:
        self.last_report = report
        self.ctx.bus.changed.emit("registry")
        template = (QCoreApplication.translate(
            "RegistryView", "{imported} entrée importée sur {read} lignes lues "
            "(millésime {vintage}).") if singular(report.rows_imported) else
            QCoreApplication.translate(
            "RegistryView", "{imported} entrées importées sur {read} lignes lues "
            "(millésime {vintage})."))
        lines = [template.format(imported=report.rows_imported, read=report.rows_read,
                                 vintage=report.vintage)]
        for reason, n in sorted(report.skipped.items(), key=lambda kv: -kv[1]):
            lines.append(f"• {reason_label(reason)} : {n}")
        details = [QCoreApplication.translate("RegistryView", "{file}, ligne {line} : {reason} "
                                              "{identifier}").format(
            file=s.file, line=s.line, reason=reason_label(s.reason), identifier=s.identifier)
            for s in report.lines]
        box = QMessageBox(self)
        box.setWindowTitle(QCoreApplication.translate("RegistryView", "Import terminé"))
        box.setText("\n".join(lines))
        if details:
            box.setDetailedText("\n".join(details))
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.open()
        self._report_box = box

    def _handle_data_changed(self, entity: str) -> None:
        if entity in ("registry", "*"):
            self.refresh()
