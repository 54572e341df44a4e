"""« Conflits »: the inbox of what colleagues changed at the same time (SYNC.md §1).

Every real conflict is shown to a person, never silently dropped: on the left, the list of
conflicts; on the right, the one selected with every competing value, its author, device and
time. A field conflict is settled by choosing a value or writing a merged one; a deleted row
that someone was still editing offers « Restaurer » (with those edits) or to confirm the
deletion; concurrent versions of a meeting's notes are shown side by side, with the lines each
one changed highlighted, and the automatic merge when the edits do not overlap.

The choice is written as one change whose parents are all the competing values: it settles the
conflict on every colleague's computer at the next exchange.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from passerelle.domain.merge3 import marked_lines
from passerelle.services import sync_ui
from passerelle.services.sync_ui import InboxItem
from passerelle.ui.context import UiContext
from passerelle.ui.errors import show_error
from passerelle.ui.i18n import singular
from passerelle.ui.sync_labels import (
    entity_label,
    field_label,
    moment_text,
    value_text,
    who_text,
)
from passerelle.ui.sync_menu import CONFLICTS
from passerelle.ui.views.base import RefreshingView
from passerelle.ui.widgets.panels import MUTED, PAGE_MARGINS, Card, PageHeader, title_font

_PRIMARY = ("QPushButton#Primary { background: #2f6690; color: white; border-radius: 5px; "
            "padding: 6px 14px; font-weight: 600; } QPushButton#Primary:hover { "
            "background: #285a80; } QPushButton#Primary:disabled { background: #9aa5b1; }")
_CHANGED_BG = "#fff1c2"


def item_heading(item: InboxItem) -> str:
    """« Boulangerie Ducrocq — Téléphone » (the record, then what is in conflict)."""
    title = item.title or entity_label(item.entity)
    if item.kind == "delete_edit":
        what = QCoreApplication.translate("ConflictsView", "supprimé pendant une modification")
    elif item.kind == "note":
        what = QCoreApplication.translate("ConflictsView", "notes modifiées en parallèle")
    else:
        what = field_label(item.field)
    return QCoreApplication.translate("ConflictsView", "{title} — {what}").format(
        title=title, what=what)


def item_summary(item: InboxItem) -> str:
    """The list's second line: the kind of record and who is involved."""
    people = {c.author for c in item.choices if c.author} | {
        n.author for n in item.notes if n.author}
    return QCoreApplication.translate("ConflictsView", "{entity} · {people}").format(
        entity=entity_label("interaction" if item.kind == "note" else item.entity),
        people=", ".join(sorted(people)) or "—")


class ConflictsView(RefreshingView):
    """The list of waiting conflicts and the selected one's detail."""

    relevant = frozenset({"*", CONFLICTS})
    #: emitted after a conflict was settled (the main window's badge re-counts)
    resolved = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.items: list[InboxItem] = []
        self.header = PageHeader(
            QCoreApplication.translate("ConflictsView", "Conflits"),
            QCoreApplication.translate(
                "ConflictsView",
                "Ce que vous et vos collègues avez modifié au même moment, sans vous voir. "
                "Rien n'est perdu : choisissez la bonne valeur, ou écrivez-en une qui réunit "
                "les deux ; votre choix sera transmis aux collègues au prochain échange."),
            self)
        self.list = QListWidget(self)
        self.list.setObjectName("ConflictList")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        self.list.setMinimumWidth(280)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setStyleSheet("QListWidget#ConflictList { border: none; }"
                                "QListWidget#ConflictList::item { padding: 6px 4px; "
                                "border-bottom: 1px solid #e4e8ec; color: #1f2933; }"
                                "QListWidget#ConflictList::item:selected { "
                                "background: #dbe7f1; color: #1f2933; "
                                "border-left: 3px solid #2f6690; }")
        self.list.currentRowChanged.connect(self._handle_row_changed)
        self.detail_area = QScrollArea(self)
        self.detail_area.setWidgetResizable(True)
        self.detail_area.setFrameShape(QFrame.Shape.NoFrame)
        self.detail: QWidget = QWidget()
        self.detail_area.setWidget(self.detail)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(self.detail_area)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([330, 800])
        self.splitter.setChildrenCollapsible(False)
        self.card = Card(
            QCoreApplication.translate("ConflictsView", "À examiner"), self.splitter,
            QCoreApplication.translate(
                "ConflictsView",
                "Aucun conflit en attente. Quand un fichier de synchronisation apporte une "
                "modification faite en même temps que la vôtre, elle apparaît ici avec les deux "
                "valeurs, leur auteur et leur date (menu Synchronisation › Importer…)."),
            self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.setSpacing(12)
        layout.addWidget(self.header)
        layout.addWidget(self.card, 1)
        self.card.set_empty(True)
        # what the detail panel offers, for the selected conflict
        self.choice_group = QButtonGroup(self)
        self.merged_edit: QLineEdit | QPlainTextEdit | None = None
        self.note_edit: QPlainTextEdit | None = None
        self.keep_button: QPushButton | None = None
        self.restore_button: QPushButton | None = None
        self.confirm_delete_button: QPushButton | None = None
        self._choice_values: list[object] = []

    # --- loading --------------------------------------------------------------------------

    def refresh(self) -> None:
        self._stale = False
        db = self.ctx.db
        self.ctx.runner.run(lambda: sync_ui.conflict_inbox(db), self._handle_loaded,
                            lambda exc: show_error(self, exc), db=False)

    def _handle_loaded(self, items: list[InboxItem]) -> None:
        selected = self.current_item()
        keep = selected.key if selected is not None else None
        self.items = items
        with QSignalBlocker(self.list):
            self.list.clear()
            for item in items:
                entry = QListWidgetItem(f"{item_heading(item)}\n{item_summary(item)}")
                entry.setToolTip(item_heading(item))
                self.list.addItem(entry)
        self.card.set_empty(not items)
        count = len(items)
        if not count:
            title = QCoreApplication.translate("ConflictsView", "Rien à examiner")
        elif singular(count):
            title = QCoreApplication.translate("ConflictsView", "{n} conflit à examiner")
        else:
            title = QCoreApplication.translate("ConflictsView", "{n} conflits à examiner")
        self.card.set_title(title.format(n=count))
        row = next((i for i, it in enumerate(items) if it.key == keep), 0)
        if items:
            self.list.setCurrentRow(row)
        self._show(items[row] if items else None)

    def current_item(self) -> InboxItem | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def select(self, key: tuple[str, str, str]) -> bool:
        """Select the conflict of (entity, row id, field); False if it is not waiting."""
        for row, item in enumerate(self.items):
            if item.key == key:
                self.list.setCurrentRow(row)
                return True
        return False

    def _handle_row_changed(self, row: int) -> None:
        self._show(self.items[row] if 0 <= row < len(self.items) else None)

    # --- the detail panel ---------------------------------------------------------------------

    def _show(self, item: InboxItem | None) -> None:
        self.choice_group = QButtonGroup(self)
        self.merged_edit = self.note_edit = None
        self.keep_button = self.restore_button = self.confirm_delete_button = None
        self._choice_values = []
        panel = QWidget()
        panel.setObjectName("ConflictDetail")
        panel.setStyleSheet(_PRIMARY + " QWidget#ConflictDetail { background: palette(base); }")
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(18, 6, 6, 6)
        layout.setSpacing(10)
        if item is not None:
            heading = QLabel(item_heading(item), panel)
            heading.setFont(title_font(3))
            heading.setWordWrap(True)
            layout.addWidget(heading)
            if item.kind == "field":
                self._build_field(item, panel, layout)
            elif item.kind == "delete_edit":
                self._build_delete_edit(item, panel, layout)
            else:
                self._build_note(item, panel, layout)
            if item.file_id:
                open_file = QPushButton(
                    QCoreApplication.translate("ConflictsView", "Ouvrir le dossier"), panel)
                open_file.clicked.connect(self._handle_open_file)
                row = QHBoxLayout()
                row.addWidget(open_file)
                row.addStretch(1)
                layout.addLayout(row)
        layout.addStretch(1)
        self.detail = panel
        self.detail_area.setWidget(panel)

    def _muted(self, text: str, parent: QWidget) -> QLabel:
        lab = QLabel(text, parent)
        lab.setWordWrap(True)
        lab.setStyleSheet(f"color: {MUTED};")
        return lab

    def _build_field(self, item: InboxItem, panel: QWidget, layout: QVBoxLayout) -> None:
        layout.addWidget(self._muted(QCoreApplication.translate(
            "ConflictsView",
            "Ce champ a été modifié sur plusieurs postes sans qu'ils se voient. La valeur "
            "marquée « affichée » est celle que tout le monde voit en attendant votre choix."),
            panel))
        first: QRadioButton | None = None
        for n, choice in enumerate(item.choices):
            frame = QFrame(panel)
            frame.setObjectName("Choice")
            frame.setStyleSheet("QFrame#Choice { border: 1px solid #dde3e9; border-radius: 6px;"
                                " background: palette(base); }")
            box = QVBoxLayout(frame)
            box.setContentsMargins(10, 8, 10, 8)
            box.setSpacing(2)
            radio = QRadioButton(choice.label or value_text(item.entity, item.field,
                                                            choice.value), frame)
            radio.setObjectName(f"choice_{n}")
            font = radio.font()
            font.setWeight(font.Weight.DemiBold)
            radio.setFont(font)
            self.choice_group.addButton(radio, n)
            self._choice_values.append(choice.value)
            box.addWidget(radio)
            meta = QCoreApplication.translate("ConflictsView", "{who} · le {when}").format(
                who=who_text(choice.author, choice.device), when=moment_text(choice.at))
            if choice.winner:
                meta += QCoreApplication.translate("ConflictsView", " · affichée actuellement")
            box.addWidget(self._muted(meta, frame))
            layout.addWidget(frame)
            if first is None:
                first = radio
        if item.value_type == "list":
            union: list[object] = []
            for choice in item.choices:
                for v in choice.value or []:
                    if v not in union:
                        union.append(v)
            radio = QRadioButton(QCoreApplication.translate(
                "ConflictsView", "Réunir les valeurs : {values}").format(
                    values=value_text(item.entity, item.field, union)), panel)
            radio.setObjectName("choice_union")
            self.choice_group.addButton(radio, len(self._choice_values))
            self._choice_values.append(union)
            layout.addWidget(radio)
        if item.value_type in ("text", "long_text"):
            radio = QRadioButton(QCoreApplication.translate(
                "ConflictsView", "Une autre valeur (par exemple, la réunion des deux) :"), panel)
            radio.setObjectName("choice_merged")
            self.choice_group.addButton(radio, -2)
            layout.addWidget(radio)
            start = next((str(c.value or "") for c in item.choices if c.winner), "")
            if item.value_type == "long_text":
                edit: QLineEdit | QPlainTextEdit = QPlainTextEdit(start, panel)
                edit.setMinimumHeight(90)
                edit.setMaximumHeight(160)
                edit.textChanged.connect(lambda: radio.setChecked(True))
            else:
                edit = QLineEdit(start, panel)
                if item.max_length:
                    edit.setMaxLength(item.max_length)
                edit.textEdited.connect(lambda _t: radio.setChecked(True))
            edit.setObjectName("merged_value")
            self.merged_edit = edit
            layout.addWidget(edit)
        if first is not None:
            first.setChecked(True)
        self.keep_button = QPushButton(
            QCoreApplication.translate("ConflictsView", "Garder cette valeur"), panel)
        self.keep_button.setObjectName("Primary")
        self.keep_button.clicked.connect(self._handle_keep)
        row = QHBoxLayout()
        row.addWidget(self.keep_button)
        row.addStretch(1)
        layout.addLayout(row)

    def _build_delete_edit(self, item: InboxItem, panel: QWidget, layout: QVBoxLayout) -> None:
        deletion, edits = item.choices[0], item.choices[1:]
        layout.addWidget(self._wrapped(QCoreApplication.translate(
            "ConflictsView",
            "{entity} « {title} » a été supprimé par {who} le {when}, pendant que d'autres "
            "modifications y étaient faites :").format(
                entity=entity_label(item.entity), title=item.title or "—",
                who=who_text(deletion.author, deletion.device),
                when=moment_text(deletion.at)), panel))
        table = QTableWidget(len(edits), 4, panel)
        table.setObjectName("delete_edit_table")
        table.setHorizontalHeaderLabels([
            QCoreApplication.translate("ConflictsView", "Champ"),
            QCoreApplication.translate("ConflictsView", "Nouvelle valeur"),
            QCoreApplication.translate("ConflictsView", "Par"),
            QCoreApplication.translate("ConflictsView", "Le")])
        for r, edit in enumerate(edits):
            name = (QCoreApplication.translate("ConflictsView", "Restauration")
                    if edit.field == "_row" else field_label(edit.field))
            shown = ("" if edit.field == "_row"
                     else edit.label or value_text(item.entity, edit.field, edit.value))
            for c, text in enumerate((name, shown, who_text(edit.author, edit.device),
                                      moment_text(edit.at))):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                table.setItem(r, c, cell)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.horizontalHeader().setStretchLastSection(True)
        table.setColumnWidth(0, 150)
        table.setColumnWidth(1, 230)
        table.setColumnWidth(2, 230)
        table.setFixedHeight(table.horizontalHeader().height() + 8
                             + sum(table.rowHeight(r) for r in range(len(edits))))
        layout.addWidget(table)
        layout.addWidget(self._muted(QCoreApplication.translate(
            "ConflictsView",
            "La suppression l'emporte : l'enregistrement reste masqué tant que personne ne le "
            "restaure. « Restaurer » le fait revenir avec ces modifications ; « Confirmer la "
            "suppression » clôt ce conflit (les modifications restent dans l'historique)."),
            panel))
        self.restore_button = QPushButton(
            QCoreApplication.translate("ConflictsView", "Restaurer"), panel)
        self.restore_button.setObjectName("Primary")
        self.restore_button.clicked.connect(self._handle_restore)
        self.confirm_delete_button = QPushButton(
            QCoreApplication.translate("ConflictsView", "Confirmer la suppression"), panel)
        self.confirm_delete_button.clicked.connect(self._handle_confirm_delete)
        row = QHBoxLayout()
        row.addWidget(self.restore_button)
        row.addWidget(self.confirm_delete_button)
        row.addStretch(1)
        layout.addLayout(row)

    def _wrapped(self, text: str, parent: QWidget) -> QLabel:
        lab = QLabel(text, parent)
        lab.setWordWrap(True)
        return lab

    def _build_note(self, item: InboxItem, panel: QWidget, layout: QVBoxLayout) -> None:
        layout.addWidget(self._muted(QCoreApplication.translate(
            "ConflictsView",
            "Les notes de cet échange ont été modifiées sur plusieurs postes à la fois. Les "
            "lignes surlignées sont celles que chaque version a changées."), panel))
        columns = QHBoxLayout()
        columns.setSpacing(10)
        for n, version in enumerate(item.notes):
            reference = item.base if item.base is not None else (
                item.notes[1 - n].body if len(item.notes) == 2 else "")
            column = QVBoxLayout()
            column.addWidget(self._wrapped("<b>{}</b>".format(html.escape(
                QCoreApplication.translate("ConflictsView", "Version de {who}, le {when}").format(
                    who=version.author or "—", when=moment_text(version.at)))), panel))
            browser = QTextBrowser(panel)
            browser.setObjectName(f"note_version_{n}")
            browser.setHtml(_diff_html(reference, version.body))
            browser.setMinimumHeight(110)
            browser.setMaximumHeight(190)
            column.addWidget(browser, 1)
            take = QPushButton(QCoreApplication.translate(
                "ConflictsView", "Reprendre cette version"), panel)
            take.setObjectName(f"take_version_{n}")
            take.clicked.connect(lambda _c=False, body=version.body: self._set_note(body))
            row = QHBoxLayout()
            row.addWidget(take)
            row.addStretch(1)
            column.addLayout(row)
            columns.addLayout(column, 1)
        layout.addLayout(columns)
        if item.merged is not None:
            hint = QCoreApplication.translate(
                "ConflictsView",
                "Fusion proposée : les deux versions ont changé des lignes différentes, leurs "
                "modifications sont réunies ci-dessous. Relisez, corrigez si besoin, puis "
                "enregistrez.")
            start = item.merged
        else:
            hint = QCoreApplication.translate(
                "ConflictsView",
                "Les modifications se chevauchent : la version la plus récente est reprise "
                "ci-dessous ; complétez-la avec ce qui manque de l'autre, puis enregistrez.")
            start = item.notes[-1].body if item.notes else ""
        layout.addWidget(self._wrapped("<b>{}</b>".format(html.escape(
            QCoreApplication.translate("ConflictsView", "Notes à garder"))), panel))
        layout.addWidget(self._muted(hint, panel))
        self.note_edit = QPlainTextEdit(start, panel)
        self.note_edit.setObjectName("merged_notes")
        self.note_edit.setMinimumHeight(130)
        layout.addWidget(self.note_edit)
        self.keep_button = QPushButton(
            QCoreApplication.translate("ConflictsView", "Enregistrer ces notes"), panel)
        self.keep_button.setObjectName("Primary")
        self.keep_button.clicked.connect(self._handle_keep_note)
        row = QHBoxLayout()
        row.addWidget(self.keep_button)
        row.addStretch(1)
        layout.addLayout(row)

    def _set_note(self, body: str) -> None:
        if self.note_edit is not None:
            self.note_edit.setPlainText(body)

    # --- actions --------------------------------------------------------------------------

    def chosen_value(self) -> object:
        """The value the panel would keep (a choice, the union, or the typed value)."""
        checked = self.choice_group.checkedId()
        if checked == -2 and self.merged_edit is not None:
            if isinstance(self.merged_edit, QLineEdit):
                return self.merged_edit.text()
            return self.merged_edit.toPlainText()
        if 0 <= checked < len(self._choice_values):
            return self._choice_values[checked]
        return None

    def _handle_keep(self) -> None:
        item = self.current_item()
        if item is None or item.kind != "field":
            return
        value = self.chosen_value()
        db = self.ctx.db
        self._write(lambda: sync_ui.resolve_field(db, item, value), item.entity)

    def _handle_restore(self) -> None:
        item = self.current_item()
        if item is not None and item.kind == "delete_edit":
            db = self.ctx.db
            self._write(lambda: sync_ui.restore(db, item), item.entity)

    def _handle_confirm_delete(self) -> None:
        item = self.current_item()
        if item is not None and item.kind == "delete_edit":
            db = self.ctx.db
            self._write(lambda: sync_ui.keep_deleted(db, item), item.entity)

    def _handle_keep_note(self) -> None:
        item = self.current_item()
        if item is None or item.kind != "note" or self.note_edit is None:
            return
        body = self.note_edit.toPlainText()
        db = self.ctx.db
        self._write(lambda: sync_ui.resolve_note(db, item, body), "interaction")

    def _write(self, op: object, entity: str) -> None:
        for button in (self.keep_button, self.restore_button, self.confirm_delete_button):
            if button is not None:
                button.setEnabled(False)

        def done(_result: object) -> None:
            self.ctx.bus.changed.emit(entity)
            self.ctx.bus.changed.emit(CONFLICTS)
            self.resolved.emit()
            if not self.isVisible():
                self.refresh()

        def failed(exc: BaseException) -> None:
            show_error(self, exc)
            self.refresh()  # a conflict that changed meanwhile is shown as it is now

        self.ctx.runner.run(op, done, failed)  # type: ignore[arg-type]

    def _handle_open_file(self) -> None:
        item = self.current_item()
        if item is not None and item.file_id:
            self.ctx.bus.file_requested.emit(item.file_id)


def _diff_html(reference: str, text: str) -> str:
    """``text`` as HTML with the lines absent from ``reference`` highlighted."""
    rows = []
    for line in marked_lines(reference, text):
        body = html.escape(line.text) or "&nbsp;"
        if line.changed:
            rows.append(f'<div style="background:{_CHANGED_BG};">{body}</div>')
        else:
            rows.append(f"<div>{body}</div>")
    return "".join(rows)
