"""Organisations: a searchable lazy list and a detail panel with live-validated identifiers.

The list is an :class:`IdTableModel` over :class:`OrganisationRows` (100,000 rows stay fluid:
only ids are loaded, values come by blocks). The detail panel edits one organisation; SIREN,
SIRET, RNA, NAF, postal code, commune code, e-mail and phone are checked as the user types with
the domain's normalisers, the French message shows under the field and « Enregistrer » stays
disabled while something is invalid, so a wrong number never reaches the database.

The form helpers (:class:`ValidatedLineEdit`, :func:`enum_formatter`) are shared with the
Contacts view.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from passerelle.domain import validators as v
from passerelle.domain.errors import PasserelleError, ValidationError
from passerelle.domain.stages import Stage
from passerelle.domain.vocabulary import CompanySize, FileStatus, OrganisationKind
from passerelle.services import directory, duplicates, mail_merge
from passerelle.services import merge as merge_service
from passerelle.services import organisations as org_service
from passerelle.services.directory import OrganisationDetail
from passerelle.services.lists import ListQuery, OrganisationRows
from passerelle.services.organisations import OrganisationDTO
from passerelle.ui.context import UiContext
from passerelle.ui.dialogs.batch_letters import add_mail_merge_button
from passerelle.ui.dialogs.duplicates import CREATE, OPEN, DuplicateDialog
from passerelle.ui.dialogs.export import export_list
from passerelle.ui.dialogs.merge import MergeDialog
from passerelle.ui.dialogs.spreadsheet_import import SpreadsheetImportDialog, ask_import_path
from passerelle.ui.errors import show_error
from passerelle.ui.i18n import label, message, singular
from passerelle.ui.models.id_table_model import IdTableModel

# lupdate reads calls to ``translate("Context", "…")`` with literal arguments.
translate = QCoreApplication.translate

SEARCH_DELAY_MS = 200
ERROR_COLOUR = "#b3261e"
WARNING_COLOUR = "#8a5300"
#: Entities whose changes can alter what the organisation list or panel shows.
WATCHED = frozenset({"organisation", "contact", "contact_organisation", "partnership_file", "*"})


def enum_formatter(enum_type: type[Enum]) -> Callable[[Any], str]:
    """Display function for raw enum values: the translated label, or the value if unknown
    (a value added by a newer peer is kept in the data, so it must still display)."""

    def fmt(value: Any) -> str:
        try:
            return label(enum_type(value))
        except ValueError:
            return str(value)

    return fmt


def line_edit_of(combo: QComboBox) -> QLineEdit:
    """The line edit of an editable combo (typed: Qt returns None for a read-only one)."""
    edit = combo.lineEdit()
    if edit is None:
        raise ValueError("the combo box is not editable")
    return edit


def configure_table(table: QTableView, widths: tuple[int, ...] = ()) -> None:
    """Common look of the big lists: whole-row selection, no row numbers, compact rows.

    The first column (the name) takes the room left by the others, given ``widths`` (from
    the second column on), so the list fits its pane without a horizontal scroll bar. Columns
    are never sized to contents: that would read every row of a lazy model.
    """
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setSortingEnabled(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(False)
    header.setMinimumSectionSize(48)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column, width in enumerate(widths, start=1):
        table.setColumnWidth(column, width)
    header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)


def french_spacing(text: str) -> str:
    """No-break spaces inside « guillemets » and before « : », so a wrapped label never
    strands a guillemet or a colon at the start of a line."""
    for plain, tied in (
        ("« ", "«\u00a0"),
        (" »", "\u00a0»"),
        (" :", "\u00a0:"),
        (" ?", "\u00a0?"),
        (" !", "\u00a0!"),
    ):
        text = text.replace(plain, tied)
    return text


class FrenchLabel(QLabel):
    """A wrapped label that applies :func:`french_spacing` to whatever it shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)

    def setText(self, text: str) -> None:  # Qt override
        super().setText(french_spacing(text))


class EmptyStateLabel(FrenchLabel):
    """A centred, wrapped, muted explanation shown instead of an empty list."""


def empty_state_label(parent: QWidget | None = None) -> QLabel:
    """A centred, wrapped, muted explanation shown instead of an empty list."""
    text = EmptyStateLabel(parent)
    text.setAlignment(Qt.AlignmentFlag.AlignCenter)
    text.setWordWrap(True)
    text.setMargin(24)
    text.setStyleSheet("color: #5f6368; font-size: 11pt;")
    return text


class ValidatedLineEdit(QWidget):
    """A line edit that runs a domain normaliser as the user types and shows its error below.

    ``normalizer`` raises :class:`ValidationError` for a wrong value; an empty field is valid
    unless ``required``. ``warn`` may return a non-blocking warning for a valid value.
    """

    validity_changed = Signal(bool)
    edited = Signal()

    def __init__(
        self,
        normalizer: Callable[[str], str] | None = None,
        *,
        required: bool = False,
        required_message: str = "",
        warn: Callable[[str], str | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._normalizer = normalizer
        self._required = required
        self._required_message = required_message
        self._warn = warn
        self._valid = True
        self._extra_error: str | None = None
        self._touched = False
        self.edit = QLineEdit(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.message)
        self.edit.textEdited.connect(self._handle_text_edited)
        self.edit.textChanged.connect(self._handle_text_changed)

    # value ----------------------------------------------------------------------------------
    def text(self) -> str:
        return self.edit.text()

    def set_text(self, text: str | None) -> None:
        """Load a stored value (not an edit: no « required » message until the user types)."""
        self._touched = False
        self._extra_error = None
        self.edit.setText(text or "")
        self.validate()

    def value(self) -> str | None:
        """The normalised value, or None when empty (call only when valid)."""
        raw = self.edit.text().strip()
        if not raw:
            return None
        return self._normalizer(raw) if self._normalizer is not None else raw

    def is_valid(self) -> bool:
        return self._valid

    def error_text(self) -> str:
        return "" if self.message.isHidden() else self.message.text()

    def set_external_error(self, text: str | None) -> None:
        """An error found outside the field (a cross-field rule, the service's answer)."""
        self._extra_error = text
        self.validate()

    # validation -----------------------------------------------------------------------------
    def validate(self) -> bool:
        raw = self.edit.text().strip()
        error: str | None = None
        warning: str | None = None
        if not raw:
            if self._required:
                error = self._required_message if self._touched else ""
        elif self._normalizer is not None:
            try:
                normalised = self._normalizer(raw)
            except ValidationError as exc:
                error = message(exc)
            else:
                if self._warn is not None:
                    warning = self._warn(normalised)
        if error is None and self._extra_error:
            error = self._extra_error
        self._show(error, warning)
        valid = error is None
        if valid != self._valid:
            self._valid = valid
            self.validity_changed.emit(valid)
        return valid

    def _show(self, error: str | None, warning: str | None) -> None:
        if error:
            self.message.setText(error)
            self.message.setStyleSheet(f"color: {ERROR_COLOUR};")
            self.edit.setStyleSheet(
                f"QLineEdit {{ border: 1px solid {ERROR_COLOUR}; border-radius: 3px;"
                " padding: 2px 4px; }"
            )
            self.message.setVisible(True)
        elif warning:
            self.message.setText(warning)
            self.message.setStyleSheet(f"color: {WARNING_COLOUR};")
            self.edit.setStyleSheet("")
            self.message.setVisible(True)
        else:
            self.message.clear()
            self.edit.setStyleSheet("")
            self.message.setVisible(False)
        self.edit.setToolTip(error or warning or "")

    def _handle_text_edited(self, _text: str) -> None:
        self._touched = True
        self._extra_error = None
        self.validate()
        self.edited.emit()

    def _handle_text_changed(self, _text: str) -> None:
        self._extra_error = None  # an outside error was about the previous text
        self.validate()


def _rna_warning(_value: str) -> str | None:
    if v.rna_warning(_value) is None:
        return None
    return translate(
        "OrganisationForm",
        "Ce numéro RNA ne suit pas le format habituel (W suivi de 9 chiffres) : vérifiez-le "
        "(il peut être correct pour la Corse ou l'outre-mer).",
    )


class CommuneField(QWidget):
    """Commune chooser: the metropolis's communes by name, or any INSEE code typed by hand."""

    validity_changed = Signal(bool)
    edited = Signal()
    commune_chosen = Signal(str)  # INSEE code picked from the list

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox(self)
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setMaxVisibleItems(15)
        self.combo.addItem("", None)
        self._by_text: dict[str, tuple[str, str]] = {}
        for commune in directory.communes():
            text = translate("CommuneField", "{name} ({insee})").format(
                name=commune.name, insee=commune.insee
            )
            self.combo.addItem(text, commune.insee)
            self._by_text[text.casefold()] = (commune.insee, commune.name)
        completer = QCompleter(self.combo.model(), self.combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.combo.setCompleter(completer)
        line_edit_of(self.combo).setPlaceholderText(
            translate("CommuneField", "Nom de la commune ou code INSEE")
        )
        self._names = {c.insee: c.name for c in directory.communes()}
        self._stored: tuple[str | None, str | None] = (None, None)
        self._valid = True
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.message.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.combo)
        layout.addWidget(self.message)
        line_edit_of(self.combo).textEdited.connect(self._handle_text_edited)
        self.combo.activated.connect(self._handle_activated)

    def set_commune(self, insee: str | None, name: str | None) -> None:
        self._stored = (insee, name)
        if insee:
            text = translate("CommuneField", "{name} ({insee})").format(
                name=name or self._names.get(insee, ""), insee=insee
            )
            if not (name or self._names.get(insee)):
                text = insee
        else:
            text = ""
        self.combo.setEditText(text)
        self.validate()

    def commune(self) -> tuple[str | None, str | None]:
        """(INSEE code, name) of the current text; call only when valid."""
        raw = self.combo.currentText().strip()
        if not raw:
            return None, None
        found = self._by_text.get(raw.casefold())
        if found is not None:
            return found
        code = v.normalize_insee_code(raw)
        name = self._names.get(code)
        if name is None and code == self._stored[0]:
            name = self._stored[1]
        return code, name

    def is_valid(self) -> bool:
        return self._valid

    def error_text(self) -> str:
        return "" if self.message.isHidden() else self.message.text()

    def validate(self) -> bool:
        raw = self.combo.currentText().strip()
        error: str | None = None
        if raw and raw.casefold() not in self._by_text:
            try:
                v.normalize_insee_code(raw)
            except ValidationError:
                error = translate(
                    "CommuneField",
                    "Choisissez une commune de la liste ou saisissez un code INSEE à 5 "
                    "caractères (ex. 59350 pour Lille).",
                )
        self.message.setText(error or "")
        self.message.setVisible(error is not None)
        self.combo.setStyleSheet(
            f"QComboBox {{ border: 1px solid {ERROR_COLOUR}; border-radius: 3px; }}"
            if error
            else ""
        )
        valid = error is None
        if valid != self._valid:
            self._valid = valid
            self.validity_changed.emit(valid)
        return valid

    def _handle_text_edited(self, _text: str) -> None:
        self.validate()
        self.edited.emit()

    def _handle_activated(self, index: int) -> None:
        self.validate()
        self.edited.emit()
        insee = self.combo.itemData(index)
        if insee:
            self.commune_chosen.emit(str(insee))


class OrganisationForm(QWidget):
    """The organisation's fields, grouped; tells when it is valid and when it was edited."""

    validity_changed = Signal(bool)
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._labels: list[QLabel] = []
        self.kind = QComboBox(self)
        for kind in OrganisationKind:
            self.kind.addItem(label(kind), kind.value)
        self.name = ValidatedLineEdit(
            required=True, required_message=translate("OrganisationForm", "Le nom est obligatoire.")
        )
        self.company_size = QComboBox(self)
        self.company_size.addItem(translate("OrganisationForm", "— non renseignée —"), None)
        for size in CompanySize:
            self.company_size.addItem(label(size), size.value)
        self.themes = QLineEdit(self)
        self.themes.setPlaceholderText(
            translate("OrganisationForm", "ex. insertion, environnement, sport")
        )
        self.siren = ValidatedLineEdit(v.normalize_siren)
        self.siren.edit.setPlaceholderText(
            translate("OrganisationForm", "9 chiffres, ex. 552 081 317")
        )
        self.siret = ValidatedLineEdit(v.normalize_siret)
        self.siret.edit.setPlaceholderText(translate("OrganisationForm", "14 chiffres"))
        self.rna = ValidatedLineEdit(v.normalize_rna, warn=_rna_warning)
        self.rna.edit.setPlaceholderText(
            translate("OrganisationForm", "W suivi de 9 chiffres, ex. W595000001")
        )
        self.naf = ValidatedLineEdit(v.normalize_naf)
        self.naf.edit.setPlaceholderText(translate("OrganisationForm", "ex. 62.01Z"))
        self.address = QLineEdit(self)
        self.postal_code = ValidatedLineEdit(v.normalize_postal_code)
        self.commune = CommuneField(self)
        self.website = QLineEdit(self)
        self.website.setPlaceholderText(translate("OrganisationForm", "https://…"))
        self.email = ValidatedLineEdit(v.normalize_email)
        self.phone = ValidatedLineEdit(v.normalize_phone)
        self.phone.edit.setPlaceholderText(translate("OrganisationForm", "ex. 03 20 12 34 56"))
        self.description = QPlainTextEdit(self)
        self.description.setPlaceholderText(
            translate("OrganisationForm", "Projet, activités, besoins… (visible dans la recherche)")
        )
        self.description.setMinimumHeight(70)
        self.description.setTabChangesFocus(True)

        identity = QGroupBox(translate("OrganisationForm", "Identité"), self)
        form = group_form(identity)
        self._row(form, translate("OrganisationForm", "Type"), self.kind)
        self._row(form, translate("OrganisationForm", "Nom *"), self.name)
        self._row(form, translate("OrganisationForm", "Taille"), self.company_size)
        self._row(form, translate("OrganisationForm", "Thèmes"), self.themes)

        ids = QGroupBox(translate("OrganisationForm", "Identifiants"), self)
        form = group_form(ids)
        self._row(form, translate("OrganisationForm", "SIREN"), self.siren)
        self._row(form, translate("OrganisationForm", "SIRET"), self.siret)
        self._row(form, translate("OrganisationForm", "N° RNA"), self.rna)
        self._row(form, translate("OrganisationForm", "Code NAF"), self.naf)

        contact = QGroupBox(translate("OrganisationForm", "Coordonnées"), self)
        form = group_form(contact)
        self._row(form, translate("OrganisationForm", "Adresse"), self.address)
        self._row(form, translate("OrganisationForm", "Code postal"), self.postal_code)
        self._row(form, translate("OrganisationForm", "Commune"), self.commune)
        self._row(form, translate("OrganisationForm", "Site web"), self.website)
        self._row(form, translate("OrganisationForm", "E-mail"), self.email)
        self._row(form, translate("OrganisationForm", "Téléphone"), self.phone)

        about = QGroupBox(translate("OrganisationForm", "Description"), self)
        about_layout = QVBoxLayout(about)
        about_layout.addWidget(self.description)

        align_labels(self._labels)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(identity)
        layout.addWidget(ids)
        layout.addWidget(contact)
        layout.addWidget(about)
        layout.addStretch(1)

        self._validated: tuple[ValidatedLineEdit | CommuneField, ...] = (
            self.name,
            self.siren,
            self.siret,
            self.rna,
            self.naf,
            self.postal_code,
            self.email,
            self.phone,
            self.commune,
        )
        for field in self._validated:
            field.validity_changed.connect(self._handle_validity_changed)
            field.edited.connect(self.edited)
        self.siren.edit.textChanged.connect(self._check_siret_matches_siren)
        self.siret.edit.textChanged.connect(self._check_siret_matches_siren)
        self.commune.commune_chosen.connect(self._handle_commune_chosen)
        for combo in (self.kind, self.company_size):
            combo.activated.connect(self._handle_plain_edit)
        for edit in (self.themes, self.address, self.website):
            edit.textEdited.connect(self._handle_plain_edit)
        self.description.textChanged.connect(self._handle_description_changed)
        self._loading = False

    def _row(self, form: QFormLayout, text: str, field: QWidget) -> None:
        caption = QLabel(text, self)
        self._labels.append(caption)
        form.addRow(caption, field)

    # load / read ----------------------------------------------------------------------------
    def load(self, org: OrganisationDTO | None, default_kind: str | None = None) -> None:
        """Show ``org``, or an empty form for a new organisation."""
        self._loading = True
        try:
            kind = org.kind if org else (default_kind or OrganisationKind.ASSOCIATION.value)
            select_data(self.kind, kind)
            self.name.set_text(org.name if org else "")
            select_data(self.company_size, org.size if org else None)
            self.themes.setText(", ".join(org.themes) if org else "")
            self.siren.set_text(v.format_siren(org.siren) if org and org.siren else "")
            self.siret.set_text(v.format_siret(org.siret) if org and org.siret else "")
            self.rna.set_text(org.rna if org else "")
            self.naf.set_text(org.naf if org else "")
            self.address.setText((org.address or "") if org else "")
            self.postal_code.set_text(org.postal_code if org else "")
            self.commune.set_commune(
                org.commune_insee if org else None, org.commune_name if org else None
            )
            self.website.setText((org.website or "") if org else "")
            self.email.set_text(org.email if org else "")
            self.phone.set_text(v.format_phone_fr(org.phone) if org and org.phone else "")
            self.description.setPlainText((org.description or "") if org else "")
        finally:
            self._loading = False

    def is_valid(self) -> bool:
        return bool(self.name.text().strip()) and all(f.is_valid() for f in self._validated)

    def values(self) -> dict[str, Any]:
        """Every field, normalised, ready for the organisation services."""
        insee, commune_name = self.commune.commune()
        themes = [t.strip() for t in self.themes.text().split(",") if t.strip()]
        return {
            "kind": self.kind.currentData(),
            "name": self.name.text().strip(),
            "size": self.company_size.currentData(),
            "themes": themes,
            "siren": self.siren.value(),
            "siret": self.siret.value(),
            "rna": self.rna.value(),
            "naf": self.naf.value(),
            "address": self.address.text().strip() or None,
            "postal_code": self.postal_code.value(),
            "commune_insee": insee,
            "commune_name": commune_name,
            "website": self.website.text().strip() or None,
            "email": self.email.value(),
            "phone": self.phone.value(),
            "description": self.description.toPlainText().strip() or None,
        }

    def show_service_error(self, exc: ValidationError) -> bool:
        """Show a service's validation error under its field; False if no field matches."""
        fields: dict[str | None, ValidatedLineEdit] = {
            "name": self.name,
            "siren": self.siren,
            "siret": self.siret,
            "rna": self.rna,
            "naf": self.naf,
            "postal_code": self.postal_code,
            "email": self.email,
            "phone": self.phone,
        }
        field = fields.get(exc.field)
        if field is None:
            return False
        field.set_external_error(message(exc))
        return True

    # handlers -------------------------------------------------------------------------------
    def _check_siret_matches_siren(self, *_args: Any) -> None:
        """The SIRET of an establishment starts with its company's SIREN."""
        error = None
        if self.siren.text().strip() and self.siret.text().strip():
            try:
                siren = v.normalize_siren(self.siren.text())
                siret = v.normalize_siret(self.siret.text())
            except ValidationError:
                siren = siret = ""
            if siren and siret and siret[:9] != siren:
                error = translate(
                    "OrganisationForm", "Ce SIRET n'appartient pas au SIREN {siren}."
                ).format(siren=v.format_siren(siren))
        self.siret.set_external_error(error)

    def _handle_commune_chosen(self, insee: str) -> None:
        """Fill the postal code when the chosen commune has only one."""
        if self.postal_code.text().strip():
            return
        for commune in directory.communes():
            if commune.insee == insee and len(commune.postal_codes) == 1:
                self.postal_code.set_text(commune.postal_codes[0])

    def _handle_validity_changed(self, _valid: bool) -> None:
        self.validity_changed.emit(self.is_valid())

    def _handle_plain_edit(self, *_args: Any) -> None:
        if not self._loading:
            self.edited.emit()

    def _handle_description_changed(self) -> None:
        if not self._loading:
            self.edited.emit()


def group_form(box: QGroupBox) -> QFormLayout:
    form = QFormLayout(box)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    form.setVerticalSpacing(6)
    return form


def align_labels(labels: list[QLabel]) -> None:
    """Give the captions of several form groups one width, so the fields line up."""
    width = max((caption.sizeHint().width() for caption in labels), default=0)
    for caption in labels:
        caption.setMinimumWidth(width)
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def select_data(combo: QComboBox, data: Any) -> None:
    index = combo.findData(data)
    combo.setCurrentIndex(max(index, 0))


def stage_text(stage: int) -> str:
    """The translated name of a stage number (the number itself if unknown)."""
    member = next((s for s in Stage if s.value == stage), None)
    return label(member) if member is not None else str(stage)


class OrganisationsView(QWidget):
    """List of organisations (search, kind filter) and the selected one's detail panel."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._current_id: uuid.UUID | None = None
        self._editing_new = False
        self._dirty = False
        self._restoring = False
        self._stale = False
        self._announcing = False

        # toolbar --------------------------------------------------------------------------
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            translate("OrganisationsView", "Rechercher : nom, commune, SIREN, RNA, description…")
        )
        self.search.setClearButtonEnabled(True)
        self.kind_filter = QComboBox(self)
        self.kind_filter.addItem(translate("OrganisationsView", "Tous les types"), None)
        for kind in OrganisationKind:
            self.kind_filter.addItem(label(kind), kind.value)
        self.count_label = QLabel(self)
        self.new_button = QPushButton(translate("OrganisationsView", "Nouvelle organisation"), self)
        self.import_button = QPushButton(translate("OrganisationsView", "Importer…"), self)
        self.import_button.setToolTip(translate(
            "OrganisationsView", "Importer un tableur d'organisations (.xlsx ou .csv)"))
        self.export_button = QPushButton(translate("OrganisationsView", "Exporter…"), self)
        self.export_button.setToolTip(translate(
            "OrganisationsView", "Exporter les organisations affichées (.xlsx ou .csv)"))
        self.merge_button = QPushButton(translate("OrganisationsView", "Fusionner…"), self)
        self.merge_button.setToolTip(translate(
            "OrganisationsView", "Sélectionnez deux organisations (Ctrl+clic) pour fusionner "
            "un doublon"))
        toolbar = QHBoxLayout()
        toolbar.addWidget(self.search, 3)
        toolbar.addWidget(self.kind_filter, 1)
        toolbar.addWidget(self.count_label)
        toolbar.addStretch(0)
        toolbar.addWidget(self.merge_button)
        toolbar.addWidget(self.import_button)
        toolbar.addWidget(self.export_button)
        toolbar.addWidget(self.new_button)

        # list -----------------------------------------------------------------------------
        self.source = OrganisationRows(ctx.db)
        headers = [
            translate("OrganisationsView", "Nom"),
            translate("OrganisationsView", "Type"),
            translate("OrganisationsView", "Commune"),
            translate("OrganisationsView", "SIREN / RNA"),
            translate("OrganisationsView", "Taille"),
            translate("OrganisationsView", "Thèmes"),
        ]
        self.model = IdTableModel(
            self.source, headers, self, formatters={"kind": enum_formatter(OrganisationKind)}
        )
        self.table = QTableView(self)
        self.table.setModel(self.model)
        configure_table(self.table, (105, 105, 105, 50, 110))
        # Multi-selection and « Courrier en nombre… » (one letter per selected organisation).
        self.mail_merge_button = add_mail_merge_button(ctx, self, self.table,
                                                       mail_merge.ORGANISATIONS)
        toolbar.insertWidget(toolbar.count() - 1, self.mail_merge_button)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.empty_list = empty_state_label(self)
        self.list_stack = QStackedWidget(self)
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_list)

        # detail ---------------------------------------------------------------------------
        self.form = OrganisationForm(self)
        form_scroll = QScrollArea(self)
        form_scroll.setWidgetResizable(True)
        form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        form_holder = QWidget()
        holder_layout = QVBoxLayout(form_holder)
        holder_layout.setContentsMargins(4, 4, 12, 4)
        holder_layout.addWidget(self.form)
        form_scroll.setWidget(form_holder)

        self.contacts = QTreeWidget(self)
        self.contacts.setRootIsDecorated(False)
        self.contacts.setHeaderLabels(
            [
                translate("OrganisationsView", "Nom"),
                translate("OrganisationsView", "Rôle"),
                translate("OrganisationsView", "E-mail"),
                translate("OrganisationsView", "Téléphone"),
            ]
        )
        self.contacts.setAlternatingRowColors(True)
        fit_columns(self.contacts, stretch=2)
        self.contacts_empty = empty_state_label(self)
        self.contacts_empty.setText(
            translate(
                "OrganisationsView",
                "Aucun contact lié à cette organisation. Liez une personne depuis la vue "
                "Contacts (« Lier à une organisation »), avec son rôle.",
            )
        )
        self.contacts_stack = stack_with_empty(self, self.contacts, self.contacts_empty)

        self.files = QTreeWidget(self)
        self.files.setRootIsDecorated(False)
        self.files.setHeaderLabels(
            [
                translate("OrganisationsView", "Référence"),
                translate("OrganisationsView", "Intitulé"),
                translate("OrganisationsView", "Partenaire"),
                translate("OrganisationsView", "Étape"),
                translate("OrganisationsView", "Statut"),
            ]
        )
        self.files.setAlternatingRowColors(True)
        fit_columns(self.files, stretch=1)
        self.files.setToolTip(
            translate("OrganisationsView", "Double-cliquez sur un dossier pour l'ouvrir.")
        )
        self.files_empty = empty_state_label(self)
        self.files_empty.setText(
            translate(
                "OrganisationsView",
                "Aucun dossier d'accompagnement pour cette organisation. Ouvrez-en un depuis "
                "la vue Dossiers.",
            )
        )
        self.files_stack = stack_with_empty(self, self.files, self.files_empty)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(form_scroll, translate("OrganisationsView", "Fiche"))
        self.tabs.addTab(self.contacts_stack, translate("OrganisationsView", "Contacts"))
        self.tabs.addTab(self.files_stack, translate("OrganisationsView", "Dossiers"))
        from passerelle.ui.widgets.org_needs_offers import OrganisationNeedsOffers

        self.needs_offers = OrganisationNeedsOffers(ctx, self)
        self.tabs.addTab(self.needs_offers, translate("OrganisationsView", "Besoins et offres"))

        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.status = FrenchLabel(self)
        self.save_button = QPushButton(translate("OrganisationsView", "Enregistrer"), self)
        self.save_button.setDefault(True)
        self.delete_button = QPushButton(translate("OrganisationsView", "Supprimer"), self)
        self.duplicates_button = QPushButton(translate("OrganisationsView", "Doublons…"), self)
        self.duplicates_button.setToolTip(translate(
            "OrganisationsView", "Chercher les fiches qui décrivent peut-être la même "
            "organisation (même SIREN, SIRET ou RNA, nom proche dans la même commune) et les "
            "fusionner"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.duplicates_button)
        self.history_button = QPushButton(
            translate("OrganisationsView", "Journal des modifications…"), self)
        self.history_button.clicked.connect(self._handle_history_clicked)
        buttons.addWidget(self.history_button)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.save_button)

        editor = QWidget(self)
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(8, 0, 0, 0)
        editor_layout.addWidget(self.title)
        editor_layout.addWidget(self.tabs, 1)
        editor_layout.addLayout(buttons)
        self.detail_empty = empty_state_label(self)
        self.detail_empty.setText(
            translate(
                "OrganisationsView",
                "Sélectionnez une organisation dans la liste pour voir sa fiche, ses contacts "
                "et ses dossiers, ou cliquez sur « Nouvelle organisation ».",
            )
        )
        self.detail_stack = QStackedWidget(self)
        self.detail_stack.addWidget(self.detail_empty)
        self.detail_stack.addWidget(editor)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.list_stack)
        splitter.addWidget(self.detail_stack)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([700, 470])
        self.splitter = splitter

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(toolbar)
        layout.addWidget(splitter, 1)

        # wiring ---------------------------------------------------------------------------
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_query)
        self.search.textChanged.connect(self._handle_search_changed)
        self.kind_filter.currentIndexChanged.connect(self._handle_kind_changed)
        self.new_button.clicked.connect(self._handle_new_clicked)
        self.import_button.clicked.connect(self._handle_import_clicked)
        self.export_button.clicked.connect(self._handle_export_clicked)
        self.merge_button.clicked.connect(self._handle_merge_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_merge_button)
        self.save_button.clicked.connect(self._handle_save_clicked)
        self.delete_button.clicked.connect(self._handle_delete_clicked)
        self.duplicates_button.clicked.connect(self._handle_duplicates_clicked)
        self.table.selectionModel().currentRowChanged.connect(self._handle_current_changed)
        self.form.validity_changed.connect(self._update_buttons)
        self.form.edited.connect(self._handle_form_edited)
        self.files.itemActivated.connect(self._handle_file_activated)
        ctx.bus.changed.connect(self._handle_data_changed)
        self._apply_query()
        self._update_buttons()
        self._update_merge_button()

    # public ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-query the list (keeping the selection) and the selected organisation's panel."""
        self._stale = False
        self._reload_list()
        if self._current_id is not None:
            self._load_detail(self._current_id, keep_form=self._dirty)

    def select_organisation(self, org_id: uuid.UUID) -> None:
        """Select ``org_id`` in the list (clearing the filters if they hide it) and show it."""
        row = self.model.row_of_id(org_id)
        if row is None and (self.search.text() or self.kind_filter.currentIndex() > 0):
            with QSignalBlocker(self.search), QSignalBlocker(self.kind_filter):
                self.search.clear()
                self.kind_filter.setCurrentIndex(0)
            self._apply_query()
            row = self.model.row_of_id(org_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    # list -----------------------------------------------------------------------------------
    def _query(self) -> ListQuery:
        kind = self.kind_filter.currentData()
        return replace(
            self.model.query, text=self.search.text(), filters={"kind": kind} if kind else {}
        )

    def _apply_query(self) -> None:
        self._search_timer.stop()
        self.model.set_query(self._query())
        self._restore_selection()
        self._update_count()

    def _reload_list(self) -> None:
        self.model.reload()
        self._restore_selection()
        self._update_count()

    def _restore_selection(self) -> None:
        if self._current_id is None:
            return
        row = self.model.row_of_id(self._current_id)
        self._restoring = True
        try:
            if row is None:
                self.table.clearSelection()
            else:
                self.table.selectRow(row)
        finally:
            self._restoring = False

    def _update_count(self) -> None:
        n = self.model.rowCount()
        self.count_label.setText(
            (translate("OrganisationsView", "{n} organisation") if singular(n) else
             translate("OrganisationsView", "{n} organisations")).format(n=n))
        if n:
            self.list_stack.setCurrentWidget(self.table)
            return
        if self.search.text().strip() or self.kind_filter.currentIndex() > 0:
            text = translate(
                "OrganisationsView",
                "Aucune organisation ne correspond à cette recherche. Modifiez le texte "
                "recherché ou choisissez « Tous les types ».",
            )
        else:
            text = translate(
                "OrganisationsView",
                "Aucune organisation pour l'instant. Cliquez sur « Nouvelle "
                "organisation » pour enregistrer une association, une entreprise ou un "
                "partenaire public.",
            )
        self.empty_list.setText(text)
        self.list_stack.setCurrentWidget(self.empty_list)

    # detail ---------------------------------------------------------------------------------
    def _load_detail(self, org_id: uuid.UUID, *, keep_form: bool = False) -> None:
        db = self._ctx.db

        def shown(detail: OrganisationDetail) -> None:
            self._show_detail(detail, keep_form=keep_form)

        self._ctx.runner.run(
            lambda: directory.organisation_detail(db, org_id), shown, self._handle_load_failed
        )

    def _show_detail(self, detail: OrganisationDetail, *, keep_form: bool = False) -> None:
        org = detail.organisation
        if org.id != self._current_id:
            return  # the user moved on while it loaded
        self._editing_new = False
        if not keep_form:
            self.form.load(org)
            self._dirty = False
            self.status.clear()
        self.title.setText(org.name)
        self.needs_offers.set_organisation(org)
        self.contacts.clear()
        for person in detail.contacts:
            item = QTreeWidgetItem(
                [
                    person.full_name,
                    person.role or "",
                    person.email or "",
                    v.format_phone_fr(person.phone) if person.phone else "",
                ]
            )
            if person.is_primary:
                item.setToolTip(0, translate("OrganisationsView", "Contact principal"))
            item.setData(0, Qt.ItemDataRole.UserRole, str(person.contact_id))
            item.setToolTip(1, person.role or "")
            item.setToolTip(2, person.email or "")
            self.contacts.addTopLevelItem(item)
        self.contacts_stack.setCurrentIndex(0 if detail.contacts else 1)
        self.files.clear()
        for f in detail.files:
            item = QTreeWidgetItem(
                [
                    f.reference,
                    f.title,
                    f.partner_name or "",
                    stage_text(f.stage),
                    enum_formatter(FileStatus)(f.status),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, str(f.id))
            item.setToolTip(1, f.title)
            item.setToolTip(2, f.partner_name or "")
            self.files.addTopLevelItem(item)
        self.files_stack.setCurrentIndex(0 if detail.files else 1)
        self.tabs.setTabText(
            1, translate("OrganisationsView", "Contacts ({n})").format(n=len(detail.contacts))
        )
        self.tabs.setTabText(
            2, translate("OrganisationsView", "Dossiers ({n})").format(n=len(detail.files))
        )
        self.detail_stack.setCurrentIndex(1)
        self._update_buttons()

    def _show_new(self) -> None:
        self._current_id = None
        self._editing_new = True
        self._restoring = True
        try:
            self.table.clearSelection()
            self.table.setCurrentIndex(QModelIndex())
        finally:
            self._restoring = False
        self.form.load(None, default_kind=self.kind_filter.currentData())
        self._dirty = False
        self.title.setText(translate("OrganisationsView", "Nouvelle organisation"))
        self.status.setText(
            translate(
                "OrganisationsView", "Renseignez au moins le nom, puis cliquez sur « Enregistrer »."
            )
        )
        self.needs_offers.set_organisation(None)
        self.contacts.clear()
        self.files.clear()
        self.contacts_stack.setCurrentIndex(1)
        self.files_stack.setCurrentIndex(1)
        self.tabs.setTabText(1, translate("OrganisationsView", "Contacts"))
        self.tabs.setTabText(2, translate("OrganisationsView", "Dossiers"))
        self.tabs.setCurrentIndex(0)
        self.detail_stack.setCurrentIndex(1)
        self.form.name.edit.setFocus()
        self._update_buttons()

    def _update_buttons(self, *_args: Any) -> None:
        valid = self.form.is_valid()
        editing = self._editing_new or self._current_id is not None
        self.save_button.setEnabled(editing and valid and (self._dirty or self._editing_new))
        self.save_button.setToolTip(
            ""
            if valid
            else translate(
                "OrganisationsView", "Corrigez les champs signalés en rouge pour enregistrer."
            )
        )
        self.delete_button.setEnabled(self._current_id is not None and not self._editing_new)
        self.duplicates_button.setEnabled(self.delete_button.isEnabled())
        self.history_button.setEnabled(self._current_id is not None and not self._editing_new)

    def _handle_history_clicked(self) -> None:
        if self._current_id is None:
            return
        from passerelle.ui.dialogs.history import HistoryDialog

        HistoryDialog(self._ctx, "organisation", self._current_id, self.title.text(), self).exec()

    def _confirm_discard(self) -> bool:
        """True when there are no unsaved edits or the user agrees to drop them."""
        if not self._dirty:
            return True
        answer = QMessageBox.question(
            self,
            translate("OrganisationsView", "Modifications non enregistrées"),
            translate(
                "OrganisationsView",
                "Les modifications de cette organisation ne sont pas enregistrées. "
                "Les abandonner ?",
            ),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    # handlers -------------------------------------------------------------------------------
    def _handle_search_changed(self, _text: str) -> None:
        self._search_timer.start()

    def _handle_kind_changed(self, _index: int) -> None:
        self._apply_query()

    def _handle_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._restoring or not current.isValid():
            return
        org_id = self.model.row_id(current.row())
        if org_id is None or (org_id == self._current_id and not self._editing_new):
            return
        if not self._confirm_discard():
            self._restore_selection()
            return
        self._current_id = org_id
        self._dirty = False
        self._load_detail(org_id)

    def _handle_new_clicked(self) -> None:
        if self._confirm_discard():
            self._show_new()

    def _handle_form_edited(self) -> None:
        self._dirty = True
        self.status.clear()
        self._update_buttons()

    def _handle_save_clicked(self) -> None:
        if not self.form.is_valid():
            return
        try:
            values = self.form.values()
        except ValidationError as exc:  # a field changed between validation and saving
            self._handle_save_failed(exc)
            return
        db = self._ctx.db
        if self._editing_new or self._current_id is None:
            candidate = duplicates.OrganisationCandidate(
                values["name"], values["kind"], values.get("siren"), values.get("siret"),
                values.get("rna"), values.get("commune_insee"), values.get("commune_name"),
                values.get("postal_code"))
            self._ctx.runner.run(
                lambda: duplicates.find_duplicates(db, candidate),
                lambda found: self._create_unless_duplicate(values, found),
                self._handle_save_failed,
            )
        else:
            org_id = self._current_id
            self._ctx.runner.run(
                lambda: org_service.update_organisation(db, org_id, **values),
                self._handle_saved,
                self._handle_save_failed,
            )
        self.save_button.setEnabled(False)

    def _create_unless_duplicate(self, values: dict[str, Any],
                                 found: tuple[duplicates.DuplicateCandidate, ...]) -> None:
        """Show the likely duplicates first; create only if the user says it is another one."""
        if found:
            choice, existing = DuplicateDialog.ask(self, found, values["name"])
            if choice == OPEN and existing is not None:
                self._dirty = False
                self._editing_new = False
                self.select_organisation(existing)
                if self._current_id != existing:  # hidden by nothing: load it directly
                    self._current_id = existing
                    self._load_detail(existing)
                return
            if choice != CREATE:
                self._update_buttons()
                return
        db = self._ctx.db
        kind, name = values.pop("kind"), values.pop("name")
        self._ctx.runner.run(
            lambda: org_service.create_organisation(db, kind=kind, name=name, **values),
            self._handle_saved,
            self._handle_save_failed,
        )

    def _selected_ids(self) -> list[uuid.UUID]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        ids = [self.model.row_id(r) for r in rows]
        return [i for i in ids if i is not None]

    def _update_merge_button(self, *_args: Any) -> None:
        self.merge_button.setEnabled(len(self.table.selectionModel().selectedRows()) == 2)

    def _handle_duplicates_clicked(self) -> None:
        """The likely duplicates of the organisation on screen, to merge one of them."""
        org_id = self._current_id
        if org_id is None or not self._confirm_discard():
            return
        values = self.form.values()
        candidate = duplicates.OrganisationCandidate(
            values["name"], values["kind"], values.get("siren"), values.get("siret"),
            values.get("rna"), values.get("commune_insee"), values.get("commune_name"),
            values.get("postal_code"))
        db = self._ctx.db
        self._ctx.runner.run(
            lambda: duplicates.find_duplicates(db, candidate, exclude=org_id),
            lambda found: self._offer_merge(org_id, values["name"], found),
            lambda exc: show_error(self, exc),
        )

    def _offer_merge(self, org_id: uuid.UUID, name: str,
                     found: tuple[duplicates.DuplicateCandidate, ...]) -> None:
        if not found:
            self.status.setStyleSheet("")
            self.status.setText(translate("OrganisationsView", "Aucun doublon probable."))
            return
        choice, other = DuplicateDialog.ask(self, found, name, merge=True)
        if choice == OPEN and other is not None:
            dialog = MergeDialog(self._ctx, org_id, other, self)
            dialog.merged.connect(self._handle_merged)
            dialog.open()

    def _handle_merge_clicked(self) -> None:
        ids = self._selected_ids()
        if len(ids) != 2 or not self._confirm_discard():
            return
        first, second = ids
        if self._current_id == second:  # the one on screen is offered as the kept one
            first, second = second, first
        dialog = MergeDialog(self._ctx, first, second, self)
        dialog.merged.connect(self._handle_merged)
        dialog.open()

    def _handle_merged(self, report: merge_service.MergeReport) -> None:
        self._dirty = False
        self._current_id = report.kept_id
        self._announce("organisation")
        self.select_organisation(report.kept_id)
        self.status.setStyleSheet("")
        self.status.setText(translate("OrganisationsView", "Organisations fusionnées."))

    def _handle_import_clicked(self) -> None:
        path = ask_import_path(self)
        if path is None:
            return
        dialog = SpreadsheetImportDialog(self._ctx, "organisations", path, self)
        dialog.imported.connect(lambda _report: self._announce("organisation"))
        dialog.open()

    def _handle_export_clicked(self) -> None:
        export_list(self, self._ctx, "organisations", self._query())

    def _handle_saved(self, org: OrganisationDTO) -> None:
        self._current_id = org.id
        self._editing_new = False
        self._dirty = False
        self._announce("organisation")
        self.select_organisation(org.id)
        if org.warnings:
            self.status.setStyleSheet(f"color: {WARNING_COLOUR};")
            self.status.setText(_rna_warning(org.rna or "") or "")
        else:
            self.status.setStyleSheet("")
            self.status.setText(translate("OrganisationsView", "Organisation enregistrée."))
        self._update_buttons()

    def _handle_save_failed(self, exc: BaseException) -> None:
        self._update_buttons()
        if isinstance(exc, ValidationError) and self.form.show_service_error(exc):
            return
        show_error(self, exc)

    def _handle_load_failed(self, exc: BaseException) -> None:
        if isinstance(exc, PasserelleError):  # deleted elsewhere (a sync, another view)
            self._current_id = None
            self.detail_stack.setCurrentIndex(0)
            self._reload_list()
            return
        show_error(self, exc)

    def _handle_delete_clicked(self) -> None:
        if self._current_id is None:
            return
        answer = QMessageBox.question(
            self,
            translate("OrganisationsView", "Supprimer l'organisation"),
            translate(
                "OrganisationsView",
                "Supprimer « {name} » ? Ses liens avec les contacts seront retirés ; "
                "les dossiers et les contacts eux-mêmes sont conservés.",
            ).format(name=self.form.name.text()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        db = self._ctx.db
        org_id = self._current_id
        self._ctx.runner.run(
            lambda: org_service.delete_organisation(db, org_id),
            self._handle_deleted,
            lambda exc: show_error(self, exc),
        )

    def _handle_deleted(self, _result: None) -> None:
        self._current_id = None
        self._dirty = False
        self.detail_stack.setCurrentIndex(0)
        self._announce("organisation")

    def _handle_file_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        file_id = item.data(0, Qt.ItemDataRole.UserRole)
        if file_id:
            self._ctx.bus.file_requested.emit(str(file_id))

    def _handle_data_changed(self, entity: str) -> None:
        """Re-query now if shown, else when shown next (a sync may touch thousands of rows)."""
        if entity not in WATCHED or self._announcing:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def _announce(self, entity: str) -> None:
        """Tell the other views about our write, and refresh this one right away."""
        self._announcing = True
        try:
            self._ctx.bus.changed.emit(entity)
        finally:
            self._announcing = False
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # Qt override
        super().showEvent(event)
        if self._stale:
            self.refresh()


def fit_columns(tree: QTreeWidget, stretch: int) -> None:
    """Small lists: columns sized to their contents, one column taking the rest."""
    header = tree.header()
    header.setStretchLastSection(False)
    for column in range(tree.columnCount()):
        header.setSectionResizeMode(
            column,
            QHeaderView.ResizeMode.Stretch
            if column == stretch
            else QHeaderView.ResizeMode.ResizeToContents,
        )


def stack_with_empty(parent: QWidget, content: QWidget, empty: QWidget) -> QStackedWidget:
    stack = QStackedWidget(parent)
    stack.addWidget(content)
    stack.addWidget(empty)
    return stack
