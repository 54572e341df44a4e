"""Contacts: a searchable lazy list, the person's form and their links to organisations.

E-mail and phone numbers are checked as the user types (domain normalisers, French messages,
« Enregistrer » disabled while invalid). The RGPD facts (legal basis, consent date) sit in the
form because they drive retention. A contact is linked to organisations with a role; the
organisation is picked with :class:`OrganisationChooser`, an editable combo that completes from
the FTS index (accent-insensitive: « oeuv » offers « Œuvre … »).
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDateEdit,
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
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from passerelle.domain import validators as v
from passerelle.domain.errors import PasserelleError, ValidationError
from passerelle.domain.vocabulary import LegalBasis, OrganisationKind
from passerelle.services import directory, mail_merge
from passerelle.services import organisations as org_service
from passerelle.services.directory import ContactDetail, OrganisationChoice
from passerelle.services.lists import ContactRows
from passerelle.services.organisations import ContactDTO
from passerelle.ui.context import UiContext
from passerelle.ui.dialogs.batch_letters import add_mail_merge_button
from passerelle.ui.dialogs.export import export_list
from passerelle.ui.dialogs.spreadsheet_import import SpreadsheetImportDialog, ask_import_path
from passerelle.ui.errors import show_error
from passerelle.ui.i18n import label, message, singular
from passerelle.ui.models.id_table_model import IdTableModel
from passerelle.ui.views.organisations import (
    SEARCH_DELAY_MS,
    WARNING_COLOUR,
    FrenchLabel,
    ValidatedLineEdit,
    align_labels,
    configure_table,
    empty_state_label,
    enum_formatter,
    french_spacing,
    group_form,
    line_edit_of,
    select_data,
    stack_with_empty,
)

# lupdate reads calls to ``translate("Context", "…")`` with literal arguments.
translate = QCoreApplication.translate

#: Entities whose changes can alter what the contact list or panel shows.
WATCHED = frozenset({"contact", "organisation", "contact_organisation", "interaction", "*"})
_NO_DATE = QDate(1900, 1, 1)


class OrganisationChooser(QComboBox):
    """An editable combo that offers organisations matching what is typed (FTS, debounced).

    ``chosen_id()`` is the organisation whose label is in the field, or None while the text
    matches no offered organisation. ``kinds`` restricts the offer (e.g. companies only).
    """

    choice_changed = Signal()

    def __init__(
        self,
        ctx: UiContext,
        parent: QWidget | None = None,
        *,
        kinds: Collection[str] | None = None,
        limit: int = 20,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._kinds = tuple(kinds) if kinds else None
        self._limit = limit
        self._request = 0
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(12)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(18)
        line_edit_of(self).setPlaceholderText(
            translate("OrganisationChooser", "Tapez le nom de l'organisation…")
        )
        line_edit_of(self).setClearButtonEnabled(True)
        completer = QCompleter(self.model(), self)
        # The FTS already filtered (accent-insensitively); let the popup show every offer.
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        line_edit_of(self).textEdited.connect(self._handle_text_edited)
        self.currentTextChanged.connect(self._handle_current_text_changed)

    def chosen_id(self) -> uuid.UUID | None:
        index = self.findText(self.currentText().strip(), Qt.MatchFlag.MatchExactly)
        if index < 0:
            return None
        data = self.itemData(index)
        return uuid.UUID(str(data)) if data else None

    def reset(self) -> None:
        with QSignalBlocker(self):
            self.clear()
            self.setEditText("")
        self.choice_changed.emit()

    def search_now(self) -> None:
        """Ask the service for the organisations matching the current text."""
        self._timer.stop()
        self._request += 1
        request = self._request
        text, db, kinds, limit = self.currentText(), self._ctx.db, self._kinds, self._limit

        def offered(choices: list[OrganisationChoice]) -> None:
            if request == self._request:  # an older answer arriving late is dropped
                self._show_choices(choices)

        self._ctx.runner.run(
            lambda: directory.find_organisations(db, text, kinds, limit),
            offered,
            lambda exc: show_error(self, exc),
        )

    def _show_choices(self, choices: list[OrganisationChoice]) -> None:
        typed = self.currentText()
        cursor = line_edit_of(self).cursorPosition()
        with QSignalBlocker(self):
            self.clear()
            for choice in choices:
                kind = enum_formatter(OrganisationKind)(choice.kind)
                if choice.commune_name:
                    text = translate("OrganisationChooser", "{name} — {kind}, {commune}").format(
                        name=choice.name, kind=kind, commune=choice.commune_name
                    )
                else:
                    text = translate("OrganisationChooser", "{name} — {kind}").format(
                        name=choice.name, kind=kind
                    )
                self.addItem(text, str(choice.id))
            self.setEditText(typed)
            line_edit_of(self).setCursorPosition(cursor)
        completer = self.completer()
        if choices and completer is not None and line_edit_of(self).hasFocus():
            completer.complete()
        self.choice_changed.emit()

    def _handle_text_edited(self, _text: str) -> None:
        self._timer.start()
        self.choice_changed.emit()

    def _handle_current_text_changed(self, _text: str) -> None:
        self.choice_changed.emit()


class ContactForm(QWidget):
    """The person's fields; says when it is valid and when it was edited."""

    validity_changed = Signal(bool)
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._labels: list[QLabel] = []
        self._loading = False
        self.first_name = QLineEdit(self)
        self.last_name = ValidatedLineEdit(
            required=True,
            required_message=translate("ContactForm", "Le nom de famille est obligatoire."),
        )
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(translate("ContactForm", "ex. Chargée de mission RSE"))
        self.email = ValidatedLineEdit(v.normalize_email)
        self.email.edit.setPlaceholderText(translate("ContactForm", "prenom.nom@exemple.fr"))
        self.phone = ValidatedLineEdit(v.normalize_phone)
        self.phone.edit.setPlaceholderText(translate("ContactForm", "ex. 03 20 12 34 56"))
        self.mobile = ValidatedLineEdit(v.normalize_phone)
        self.mobile.edit.setPlaceholderText(translate("ContactForm", "ex. 06 12 34 56 78"))
        self.legal_basis = QComboBox(self)
        for basis in LegalBasis:
            self.legal_basis.addItem(label(basis), basis.value)
        self.consent_on = QDateEdit(self)
        self.consent_on.setCalendarPopup(True)
        self.consent_on.setDisplayFormat("dd/MM/yyyy")
        self.consent_on.setMinimumDate(_NO_DATE)
        self.consent_on.setSpecialValueText(translate("ContactForm", "— non recueilli —"))
        self.consent_hint = QLabel(self)
        self.consent_hint.setWordWrap(True)
        self.consent_hint.setStyleSheet(f"color: {WARNING_COLOUR};")
        self.consent_hint.setVisible(False)
        consent_box = QWidget(self)
        consent_layout = QVBoxLayout(consent_box)
        consent_layout.setContentsMargins(0, 0, 0, 0)
        consent_layout.setSpacing(2)
        consent_layout.addWidget(self.consent_on)
        consent_layout.addWidget(self.consent_hint)
        self.notes = QPlainTextEdit(self)
        self.notes.setPlaceholderText(
            translate("ContactForm", "Informations utiles (pas de données sensibles)")
        )
        self.notes.setMinimumHeight(70)
        self.notes.setTabChangesFocus(True)

        person = QGroupBox(translate("ContactForm", "Personne"), self)
        form = group_form(person)
        self._row(form, translate("ContactForm", "Prénom"), self.first_name)
        self._row(form, translate("ContactForm", "Nom *"), self.last_name)
        self._row(form, translate("ContactForm", "Fonction"), self.title)
        reach = QGroupBox(translate("ContactForm", "Coordonnées"), self)
        form = group_form(reach)
        self._row(form, translate("ContactForm", "E-mail"), self.email)
        self._row(form, translate("ContactForm", "Téléphone"), self.phone)
        self._row(form, translate("ContactForm", "Mobile"), self.mobile)
        rgpd = QGroupBox(translate("ContactForm", "Données personnelles (RGPD)"), self)
        form = group_form(rgpd)
        self._row(form, translate("ContactForm", "Base légale"), self.legal_basis)
        self._row(form, translate("ContactForm", "Consentement le"), consent_box)
        notes = QGroupBox(translate("ContactForm", "Notes"), self)
        QVBoxLayout(notes).addWidget(self.notes)
        align_labels(self._labels)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for box in (person, reach, rgpd, notes):
            layout.addWidget(box)
        layout.addStretch(1)

        self._validated = (self.last_name, self.email, self.phone, self.mobile)
        for field in self._validated:
            field.validity_changed.connect(self._handle_validity_changed)
            field.edited.connect(self.edited)
        for edit in (self.first_name, self.title):
            edit.textEdited.connect(self._handle_plain_edit)
        self.legal_basis.activated.connect(self._handle_plain_edit)
        self.consent_on.dateChanged.connect(self._handle_plain_edit)
        self.notes.textChanged.connect(self._handle_plain_edit)

    def _row(self, form: Any, text: str, field: QWidget) -> None:
        caption = QLabel(text, self)
        self._labels.append(caption)
        form.addRow(caption, field)

    def load(self, contact: ContactDetail | None) -> None:
        """Show ``contact``, or an empty form for a new person."""
        self._loading = True
        try:
            self.first_name.setText(contact.first_name if contact else "")
            self.last_name.set_text(contact.last_name if contact else "")
            self.title.setText((contact.title or "") if contact else "")
            self.email.set_text(contact.email if contact else "")
            self.phone.set_text(
                v.format_phone_fr(contact.phone) if contact and contact.phone else ""
            )
            self.mobile.set_text(
                v.format_phone_fr(contact.mobile) if contact and contact.mobile else ""
            )
            select_data(
                self.legal_basis,
                contact.legal_basis if contact else LegalBasis.LEGITIMATE_INTEREST.value,
            )
            consent = contact.consent_on if contact else None
            self.consent_on.setDate(
                QDate(consent.year, consent.month, consent.day) if consent else _NO_DATE
            )
            self.notes.setPlainText((contact.notes or "") if contact else "")
        finally:
            self._loading = False
        self._update_consent_hint()

    def is_valid(self) -> bool:
        return bool(self.last_name.text().strip()) and all(f.is_valid() for f in self._validated)

    def consent_date(self) -> date | None:
        qdate = self.consent_on.date()
        if qdate == _NO_DATE:
            return None
        return date(qdate.year(), qdate.month(), qdate.day())

    def values(self) -> dict[str, Any]:
        """Every field, normalised, ready for the contact services."""
        return {
            "first_name": self.first_name.text().strip(),
            "last_name": self.last_name.text().strip(),
            "title": self.title.text().strip() or None,
            "email": self.email.value(),
            "phone": self.phone.value(),
            "mobile": self.mobile.value(),
            "legal_basis": self.legal_basis.currentData(),
            "consent_on": self.consent_date(),
            "notes": self.notes.toPlainText().strip() or None,
        }

    def show_service_error(self, exc: ValidationError) -> bool:
        """Show a service's validation error under its field; False if no field matches."""
        fields = {
            "last_name": self.last_name,
            "email": self.email,
            "phone": self.phone,
            "mobile": self.mobile,
        }
        field = fields.get(exc.field or "")
        if field is None:
            return False
        field.set_external_error(message(exc))
        return True

    def _update_consent_hint(self) -> None:
        """Consent as legal basis needs the date it was given (proof, RGPD art. 7)."""
        missing = (
            self.legal_basis.currentData() == LegalBasis.CONSENT.value
            and self.consent_date() is None
        )
        self.consent_hint.setText(
            french_spacing(
                translate(
                    "ContactForm",
                    "Indiquez la date à laquelle la personne a donné son consentement.",
                )
            )
            if missing
            else ""
        )
        self.consent_hint.setVisible(missing)

    def _handle_validity_changed(self, _valid: bool) -> None:
        self.validity_changed.emit(self.is_valid())

    def _handle_plain_edit(self, *_args: Any) -> None:
        self._update_consent_hint()
        if not self._loading:
            self.edited.emit()


class ContactsView(QWidget):
    """List of contacts (search) and the selected person's form and organisation links."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._current_id: uuid.UUID | None = None
        self._editing_new = False
        self._dirty = False
        self._restoring = False
        self._stale = False
        self._announcing = False
        self._filling_links = False
        self._links: list[directory.ContactLink] = []

        # toolbar --------------------------------------------------------------------------
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            translate("ContactsView", "Rechercher : nom, fonction, e-mail, notes…")
        )
        self.search.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self.new_button = QPushButton(translate("ContactsView", "Nouveau contact"), self)
        self.import_button = QPushButton(translate("ContactsView", "Importer…"), self)
        self.import_button.setToolTip(translate(
            "ContactsView", "Importer un tableur de contacts, avec leur organisation"))
        self.export_button = QPushButton(translate("ContactsView", "Exporter…"), self)
        self.export_button.setToolTip(translate(
            "ContactsView", "Exporter les contacts affichés (.xlsx ou .csv)"))
        toolbar = QHBoxLayout()
        toolbar.addWidget(self.search, 1)
        toolbar.addWidget(self.count_label)
        toolbar.addWidget(self.import_button)
        toolbar.addWidget(self.export_button)
        toolbar.addWidget(self.new_button)

        # list -----------------------------------------------------------------------------
        self.source = ContactRows(ctx.db)
        headers = [
            translate("ContactsView", "Nom"),
            translate("ContactsView", "Organisation"),
            translate("ContactsView", "Rôle"),
            translate("ContactsView", "E-mail"),
            translate("ContactsView", "Téléphone"),
            translate("ContactsView", "Dernier échange"),
        ]
        self.model = IdTableModel(self.source, headers, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        configure_table(self.table, (140, 95, 135, 110, 115))
        # Multi-selection and « Courrier en nombre… » (one letter per selected contact).
        self.mail_merge_button = add_mail_merge_button(ctx, self, self.table,
                                                       mail_merge.CONTACTS)
        toolbar.insertWidget(toolbar.count() - 1, self.mail_merge_button)
        self.empty_list = empty_state_label(self)
        self.list_stack = stack_with_empty(self, self.table, self.empty_list)

        # detail: form ---------------------------------------------------------------------
        self.form = ContactForm(self)
        form_scroll = QScrollArea(self)
        form_scroll.setWidgetResizable(True)
        form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(4, 4, 12, 4)
        holder_layout.addWidget(self.form)
        form_scroll.setWidget(holder)

        # detail: links --------------------------------------------------------------------
        self.links = QTableWidget(0, 3, self)
        self.links.setHorizontalHeaderLabels(
            [
                translate("ContactsView", "Organisation"),
                translate("ContactsView", "Type"),
                translate("ContactsView", "Rôle"),
            ]
        )
        self.links.verticalHeader().setVisible(False)
        self.links.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.links.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.links.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.links.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.links.setToolTip(
            translate("ContactsView", "Double-cliquez sur un rôle pour le modifier.")
        )
        self.links.setAlternatingRowColors(True)
        self.links.setWordWrap(False)
        header = self.links.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.links_empty = empty_state_label(self)
        self.links_empty.setText(
            translate(
                "ContactsView",
                "Cette personne n'est liée à aucune organisation. Choisissez-en une ci-dessous, "
                "indiquez son rôle et cliquez sur « Lier ».",
            )
        )
        self.links_stack = stack_with_empty(self, self.links, self.links_empty)
        self.unlink_button = QPushButton(translate("ContactsView", "Retirer le lien"), self)
        self.unlink_button.setEnabled(False)
        unlink_row = QHBoxLayout()
        unlink_row.addStretch(1)
        unlink_row.addWidget(self.unlink_button)

        self.chooser = OrganisationChooser(ctx, self)
        self.role_edit = QLineEdit(self)
        self.role_edit.setPlaceholderText(
            translate("ContactsView", "Rôle, ex. Présidente, DRH, bénévole")
        )
        self.link_button = QPushButton(translate("ContactsView", "Lier"), self)
        self.link_button.setEnabled(False)
        add_box = QGroupBox(translate("ContactsView", "Lier à une organisation"), self)
        add_form = group_form(add_box)
        add_labels = [
            QLabel(translate("ContactsView", "Organisation"), add_box),
            QLabel(translate("ContactsView", "Rôle"), add_box),
        ]
        add_form.addRow(add_labels[0], self.chooser)
        role_row = QHBoxLayout()
        role_row.addWidget(self.role_edit, 1)
        role_row.addWidget(self.link_button)
        add_form.addRow(add_labels[1], role_row)
        align_labels(add_labels)

        links_page = QWidget(self)
        links_layout = QVBoxLayout(links_page)
        links_layout.addWidget(self.links_stack, 1)
        links_layout.addLayout(unlink_row)
        links_layout.addWidget(add_box)
        self.links_unsaved = empty_state_label(self)
        self.links_unsaved.setText(
            translate(
                "ContactsView",
                "Enregistrez d'abord ce contact : vous pourrez ensuite le lier à une ou "
                "plusieurs organisations.",
            )
        )
        self.links_page_stack = stack_with_empty(self, links_page, self.links_unsaved)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(form_scroll, translate("ContactsView", "Fiche"))
        self.tabs.addTab(self.links_page_stack, translate("ContactsView", "Organisations"))
        from passerelle.ui.views.contact_rgpd import ContactRgpdPanel

        self.rgpd_panel = ContactRgpdPanel(ctx, self)
        self.rgpd_panel.erased.connect(self.refresh)
        self.tabs.addTab(self.rgpd_panel, translate("ContactsView", "RGPD"))

        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.subtitle = QLabel(self)
        self.subtitle.setStyleSheet("color: #5f6368;")
        self.status = FrenchLabel(self)
        self.save_button = QPushButton(translate("ContactsView", "Enregistrer"), self)
        self.save_button.setDefault(True)
        self.delete_button = QPushButton(translate("ContactsView", "Supprimer"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.save_button)

        editor = QWidget(self)
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(8, 0, 0, 0)
        editor_layout.addWidget(self.title)
        editor_layout.addWidget(self.subtitle)
        editor_layout.addWidget(self.tabs, 1)
        editor_layout.addLayout(buttons)
        self.detail_empty = empty_state_label(self)
        self.detail_empty.setText(
            translate(
                "ContactsView",
                "Sélectionnez un contact dans la liste pour voir sa fiche et ses organisations, "
                "ou cliquez sur « Nouveau contact ».",
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
        splitter.setSizes([740, 430])
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
        self.new_button.clicked.connect(self._handle_new_clicked)
        self.import_button.clicked.connect(self._handle_import_clicked)
        self.export_button.clicked.connect(self._handle_export_clicked)
        self.save_button.clicked.connect(self._handle_save_clicked)
        self.delete_button.clicked.connect(self._handle_delete_clicked)
        self.table.selectionModel().currentRowChanged.connect(self._handle_current_changed)
        self.form.validity_changed.connect(self._update_buttons)
        self.form.edited.connect(self._handle_form_edited)
        self.chooser.choice_changed.connect(self._update_link_button)
        self.link_button.clicked.connect(self._handle_link_clicked)
        self.role_edit.returnPressed.connect(self._handle_link_clicked)
        self.unlink_button.clicked.connect(self._handle_unlink_clicked)
        self.links.itemSelectionChanged.connect(self._handle_link_selection_changed)
        self.links.itemChanged.connect(self._handle_link_item_changed)
        ctx.bus.changed.connect(self._handle_data_changed)
        self._apply_query()
        self._update_buttons()

    # public ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-query the list (keeping the selection) and the selected contact."""
        self._stale = False
        self.model.reload()
        self._restore_selection()
        self._update_count()
        if self._current_id is not None:
            self._load_detail(self._current_id, keep_form=self._dirty)

    def select_contact(self, contact_id: uuid.UUID) -> None:
        """Select ``contact_id`` in the list (clearing the search if it hides it)."""
        row = self.model.row_of_id(contact_id)
        if row is None and self.search.text():
            with QSignalBlocker(self.search):
                self.search.clear()
            self._apply_query()
            row = self.model.row_of_id(contact_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    # list -----------------------------------------------------------------------------------
    def _apply_query(self) -> None:
        self._search_timer.stop()
        self.model.set_query(replace(self.model.query, text=self.search.text()))
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
        self.count_label.setText((translate("ContactsView", "{n} contact") if singular(n) else
                                  translate("ContactsView", "{n} contacts")).format(n=n))
        if n:
            self.list_stack.setCurrentIndex(0)
            return
        if self.search.text().strip():
            text = translate(
                "ContactsView",
                "Aucun contact ne correspond à cette recherche. "
                "Essayez le nom, le prénom ou l'adresse e-mail.",
            )
        else:
            text = translate(
                "ContactsView",
                "Aucun contact pour l'instant. Cliquez sur « Nouveau "
                "contact » pour enregistrer une personne, puis liez-la "
                "à son organisation.",
            )
        self.empty_list.setText(text)
        self.list_stack.setCurrentIndex(1)

    # detail ---------------------------------------------------------------------------------
    def _load_detail(self, contact_id: uuid.UUID, *, keep_form: bool = False) -> None:
        db = self._ctx.db

        def shown(detail: ContactDetail) -> None:
            self._show_detail(detail, keep_form=keep_form)

        self._ctx.runner.run(
            lambda: directory.get_contact_detail(db, contact_id), shown, self._handle_load_failed
        )

    def _show_detail(self, detail: ContactDetail, *, keep_form: bool = False) -> None:
        if detail.id != self._current_id:
            return
        self._editing_new = False
        if not keep_form:
            self.form.load(detail)
            self._dirty = False
            self.status.clear()
        self.title.setText(detail.full_name)
        if detail.last_inbound_on:
            self.subtitle.setText(
                translate("ContactsView", "Dernier échange le {date}").format(
                    date=detail.last_inbound_on.strftime("%d/%m/%Y")
                )
            )
        else:
            self.subtitle.setText(translate("ContactsView", "Aucun échange enregistré"))
        self._fill_links(detail.links)
        self.rgpd_panel.load(detail.id)
        self.links_page_stack.setCurrentIndex(0)
        self.tabs.setTabText(
            1, translate("ContactsView", "Organisations ({n})").format(n=len(detail.links))
        )
        self.detail_stack.setCurrentIndex(1)
        self._update_buttons()
        self._update_link_button()

    def _fill_links(self, links: tuple[directory.ContactLink, ...]) -> None:
        self._links = list(links)
        self._filling_links = True
        try:
            self.links.setRowCount(len(links))
            for row, link in enumerate(links):
                name = QTableWidgetItem(link.organisation_name)
                name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if link.is_primary:
                    font = name.font()
                    font.setBold(True)
                    name.setFont(font)
                    name.setToolTip(translate("ContactsView", "Organisation principale"))
                kind = QTableWidgetItem(enum_formatter(OrganisationKind)(link.organisation_kind))
                kind.setFlags(kind.flags() & ~Qt.ItemFlag.ItemIsEditable)
                role = QTableWidgetItem(link.role or "")
                self.links.setItem(row, 0, name)
                self.links.setItem(row, 1, kind)
                self.links.setItem(row, 2, role)
        finally:
            self._filling_links = False
        self.links_stack.setCurrentIndex(0 if links else 1)
        self._handle_link_selection_changed()

    def _show_new(self) -> None:
        self._current_id = None
        self._editing_new = True
        self._restoring = True
        try:
            self.table.clearSelection()
            self.table.setCurrentIndex(QModelIndex())
        finally:
            self._restoring = False
        self.form.load(None)
        self._dirty = False
        self.title.setText(translate("ContactsView", "Nouveau contact"))
        self.subtitle.clear()
        self.status.setText(
            translate(
                "ContactsView",
                "Renseignez au moins le nom de famille, puis cliquez sur « Enregistrer ».",
            )
        )
        self._fill_links(())
        self.rgpd_panel.load(None)
        self.links_page_stack.setCurrentIndex(1)
        self.tabs.setTabText(1, translate("ContactsView", "Organisations"))
        self.tabs.setCurrentIndex(0)
        self.detail_stack.setCurrentIndex(1)
        self.form.first_name.setFocus()
        self._update_buttons()

    def _update_buttons(self, *_args: Any) -> None:
        valid = self.form.is_valid()
        editing = self._editing_new or self._current_id is not None
        self.save_button.setEnabled(editing and valid and (self._dirty or self._editing_new))
        self.save_button.setToolTip(
            ""
            if valid
            else translate(
                "ContactsView", "Corrigez les champs signalés en rouge pour enregistrer."
            )
        )
        self.delete_button.setEnabled(self._current_id is not None and not self._editing_new)

    def _update_link_button(self) -> None:
        self.link_button.setEnabled(
            self._current_id is not None and self.chooser.chosen_id() is not None
        )

    def _confirm_discard(self) -> bool:
        if not self._dirty:
            return True
        answer = QMessageBox.question(
            self,
            translate("ContactsView", "Modifications non enregistrées"),
            french_spacing(
                translate(
                    "ContactsView",
                    "Les modifications de ce contact ne sont pas enregistrées. Les abandonner ?",
                )
            ),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    # handlers: list and form ----------------------------------------------------------------
    def _handle_search_changed(self, _text: str) -> None:
        self._search_timer.start()

    def _handle_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._restoring or not current.isValid():
            return
        contact_id = self.model.row_id(current.row())
        if contact_id is None or (contact_id == self._current_id and not self._editing_new):
            return
        if not self._confirm_discard():
            self._restore_selection()
            return
        self._current_id = contact_id
        self._dirty = False
        self.chooser.reset()
        self.role_edit.clear()
        self._load_detail(contact_id)

    def _handle_import_clicked(self) -> None:
        path = ask_import_path(self)
        if path is None:
            return
        dialog = SpreadsheetImportDialog(self._ctx, "contacts", path, self)
        dialog.imported.connect(lambda _report: self._announce("*"))
        dialog.open()

    def _handle_export_clicked(self) -> None:
        export_list(self, self._ctx, "contacts", replace(self.model.query,
                                                         text=self.search.text()))

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
        except ValidationError as exc:
            self._handle_save_failed(exc)
            return
        db = self._ctx.db
        if self._editing_new or self._current_id is None:
            first, last = values.pop("first_name"), values.pop("last_name")
            self._ctx.runner.run(
                lambda: org_service.create_contact(db, first_name=first, last_name=last, **values),
                self._handle_saved,
                self._handle_save_failed,
            )
        else:
            contact_id = self._current_id
            self._ctx.runner.run(
                lambda: org_service.update_contact(db, contact_id, **values),
                self._handle_saved,
                self._handle_save_failed,
            )
        self.save_button.setEnabled(False)

    def _handle_saved(self, contact: ContactDTO) -> None:
        was_new = self._editing_new
        self._current_id = contact.id
        self._editing_new = False
        self._dirty = False
        self._announce("contact")
        self.select_contact(contact.id)
        self.status.setText(translate("ContactsView", "Contact enregistré."))
        if was_new:
            self.tabs.setCurrentIndex(1)  # next step: link the person to an organisation
        self._update_buttons()

    def _handle_save_failed(self, exc: BaseException) -> None:
        self._update_buttons()
        if isinstance(exc, ValidationError) and self.form.show_service_error(exc):
            return
        show_error(self, exc)

    def _handle_load_failed(self, exc: BaseException) -> None:
        if isinstance(exc, PasserelleError):  # deleted elsewhere
            self._current_id = None
            self.detail_stack.setCurrentIndex(0)
            self.model.reload()
            self._update_count()
            return
        show_error(self, exc)

    def _handle_delete_clicked(self) -> None:
        if self._current_id is None:
            return
        answer = QMessageBox.question(
            self,
            translate("ContactsView", "Supprimer le contact"),
            french_spacing(
                translate(
                    "ContactsView",
                    "Supprimer « {name} » et ses liens avec les organisations ? "
                    "Les échanges où la personne apparaît sont conservés.",
                ).format(name=self.title.text())
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        db = self._ctx.db
        contact_id = self._current_id
        self._ctx.runner.run(
            lambda: org_service.delete_contact(db, contact_id),
            self._handle_deleted,
            lambda exc: show_error(self, exc),
        )

    def _handle_deleted(self, _result: None) -> None:
        self._current_id = None
        self._dirty = False
        self.detail_stack.setCurrentIndex(0)
        self._announce("contact")

    # handlers: links ------------------------------------------------------------------------
    def _handle_link_clicked(self) -> None:
        org_id = self.chooser.chosen_id()
        if self._current_id is None or org_id is None:
            return
        db = self._ctx.db
        contact_id = self._current_id
        role = self.role_edit.text().strip() or None
        primary = not self._links  # the first organisation becomes the primary one
        self._ctx.runner.run(
            lambda: org_service.link_contact(db, contact_id, org_id, role, primary=primary),
            self._handle_linked,
            lambda exc: show_error(self, exc),
        )

    def _handle_linked(self, _contact: ContactDTO) -> None:
        self.chooser.reset()
        self.role_edit.clear()
        self._announce("contact")

    def _handle_unlink_clicked(self) -> None:
        row = self.links.currentRow()
        if self._current_id is None or not 0 <= row < len(self._links):
            return
        db = self._ctx.db
        contact_id = self._current_id
        org_id = self._links[row].organisation_id
        self._ctx.runner.run(
            lambda: org_service.unlink_contact(db, contact_id, org_id),
            self._handle_unlinked,
            lambda exc: show_error(self, exc),
        )

    def _handle_unlinked(self, _result: None) -> None:
        self._announce("contact")

    def _handle_link_selection_changed(self) -> None:
        self.unlink_button.setEnabled(bool(self.links.selectedItems()))

    def _handle_link_item_changed(self, item: QTableWidgetItem) -> None:
        """A role edited in place is saved at once (it keeps the link primary or not)."""
        if self._filling_links or item.column() != 2 or self._current_id is None:
            return
        row = item.row()
        if not 0 <= row < len(self._links):
            return
        link = self._links[row]
        role = item.text().strip() or None
        if role == link.role:
            return
        db = self._ctx.db
        contact_id = self._current_id
        self._ctx.runner.run(
            lambda: org_service.link_contact(
                db, contact_id, link.organisation_id, role, primary=link.is_primary
            ),
            self._handle_linked_role,
            lambda exc: show_error(self, exc),
        )

    def _handle_linked_role(self, _contact: ContactDTO) -> None:
        self._announce("contact")

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
