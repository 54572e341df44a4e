"""« Besoins et offres »: the associations' needs, the companies' offers, and the matching.

Left, the list (needs or offers, searchable, open ones first); right, the selected entry and
its suggestions — offers for a need, needs for an offer — best first, each with the reasons
of its score. « Mettre en relation » opens the file at « Mise en relation » and proposes the
introduction letter.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from passerelle.domain.matching import Reason
from passerelle.domain.vocabulary import CompanySize, NeedStatus, SupportNature
from passerelle.infra.paths import AppPaths
from passerelle.services import matching
from passerelle.services import needs_offers as no
from passerelle.services.files import FileDTO
from passerelle.ui.context import UiContext
from passerelle.ui.dialogs.generate_document import open_with_system
from passerelle.ui.dialogs.need_offer import NeedOfferDialog
from passerelle.ui.errors import show_error
from passerelle.ui.i18n import label, pseudo
from passerelle.ui.models.record_table import Column, RecordTableModel
from passerelle.ui.views.base import RefreshingView
from passerelle.ui.widgets.panels import (
    MUTED,
    PAGE_MARGINS,
    Card,
    PageHeader,
    format_date,
    format_euros,
    make_table,
    size_columns,
)

_SEGMENT_STYLE = (
    "QPushButton { padding: 4px 12px; border: 1px solid #c5ced8; border-radius: 5px; }"
    "QPushButton:checked { background: #2f6690; color: #ffffff; border-color: #2f6690; }"
)
_OPEN = (NeedStatus.OPEN.value, NeedStatus.IN_PROGRESS.value)


#: The matching reasons (``domain.matching.TEXTS``) declared for lupdate; a test keeps the two
#: lists equal.
REASON_TEXTS = (
    QT_TRANSLATE_NOOP("MatchReason", "Même nature de soutien : {nature}"),
    QT_TRANSLATE_NOOP("MatchReason",
                      "Nature de soutien proche : {nature} pour un besoin {need_nature}"),
    QT_TRANSLATE_NOOP("MatchReason", "Thématiques communes : {themes}"),
    QT_TRANSLATE_NOOP("MatchReason", "Même commune : {commune}"),
    QT_TRANSLATE_NOOP("MatchReason", "Communes voisines : {commune} et {other}"),
    QT_TRANSLATE_NOOP("MatchReason", "Tous deux dans la Métropole européenne de Lille"),
    QT_TRANSLATE_NOOP("MatchReason", "TPE ou PME : partenariat de proximité"),
    QT_TRANSLATE_NOOP("MatchReason",
                      "ETI ou grande entreprise, à la mesure d'un besoin de {need_cents}"),
    QT_TRANSLATE_NOOP("MatchReason",
                      "Le montant proposé ({offer_cents}) couvre le besoin ({need_cents})"),
    QT_TRANSLATE_NOOP("MatchReason", "Le montant proposé couvre {percent} % du besoin"),
    QT_TRANSLATE_NOOP("MatchReason", "Périodes compatibles"),
    QT_TRANSLATE_NOOP("MatchReason", "Périodes incompatibles"),
    QT_TRANSLATE_NOOP("MatchReason", "Déjà en relation : dossier {references}"),
    QT_TRANSLATE_NOOP("MatchReason", "Déjà en contact : un échange consigné"),
    QT_TRANSLATE_NOOP("MatchReason", "Déjà en contact : {count} échanges consignés"),
)


def _member_label(enum: Any, value: str | None) -> str:
    if not value:
        return ""
    try:
        return label(enum(value))
    except ValueError:
        return value


def reason_text(reason: Reason) -> str:
    """A matching reason in the user's language, its parameters formatted."""
    params: dict[str, Any] = {}
    for key, value in reason.params:
        if key in ("nature", "need_nature"):
            params[key] = _short_nature(str(value))
        elif key.endswith("_cents"):
            params[key] = format_euros(int(value))
        else:
            params[key] = value
    template = QCoreApplication.translate("MatchReason", reason.text)
    try:
        return pseudo(template.format(**params))
    except (KeyError, IndexError):
        return pseudo(template)


def _short_nature(value: str | None) -> str:
    """« Bénévolat / ressources humaines » → « Bénévolat »: the label's head, for tight rows."""
    return _member_label(SupportNature, value).split(" (")[0].split(" / ")[0]


def _period(e: no.NeedOfferDTO) -> str:
    if e.period_start and e.period_end:
        return QCoreApplication.translate("NeedsOffersView", "{start} → {end}").format(
            start=format_date(e.period_start), end=format_date(e.period_end))
    if e.period_start:
        return QCoreApplication.translate("NeedsOffersView", "dès le {start}").format(
            start=format_date(e.period_start))
    if e.period_end:
        return QCoreApplication.translate("NeedsOffersView", "jusqu'au {end}").format(
            end=format_date(e.period_end))
    return ""


def _quantity(e: no.NeedOfferDTO) -> str:
    if e.amount_cents is not None:
        return format_euros(e.amount_cents)
    return e.volume or ""


class NeedsOffersView(RefreshingView):
    """The needs and offers lists, with matching suggestions for the selected entry."""

    relevant = frozenset({"*", no.NEED, no.OFFER, "organisation", "partnership_file"})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.side = no.NEED
        self._selected: no.NeedOfferDTO | None = None
        self._suggestions: list[matching.MatchDTO] = []
        self.header = PageHeader(
            QCoreApplication.translate("NeedsOffersView", "Besoins et offres"),
            QCoreApplication.translate(
                "NeedsOffersView",
                "Ce que les associations cherchent et ce que les entreprises proposent. "
                "Choisissez une ligne : Passerelle suggère les meilleures correspondances et dit "
                "pourquoi."),
            self)
        # --- toolbar
        self.needs_button = QPushButton(self)
        self.offers_button = QPushButton(self)
        group = QButtonGroup(self)
        for button in (self.needs_button, self.offers_button):
            button.setCheckable(True)
            group.addButton(button)
        self.needs_button.setChecked(True)
        for button in (self.needs_button, self.offers_button):
            button.setStyleSheet(_SEGMENT_STYLE)
        self.needs_button.clicked.connect(lambda: self._set_side(no.NEED))
        self.offers_button.clicked.connect(lambda: self._set_side(no.OFFER))
        self.search_edit = QLineEdit(self)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(QCoreApplication.translate(
            "NeedsOffersView", "Filtrer par intitulé ou organisation…"))
        self.open_only = QCheckBox(QCoreApplication.translate(
            "NeedsOffersView", "Ouverts et en cours seulement"), self)
        self.open_only.setChecked(True)
        self.new_need_button = QPushButton(QCoreApplication.translate(
            "NeedsOffersView", "Nouveau besoin"), self)
        self.new_offer_button = QPushButton(QCoreApplication.translate(
            "NeedsOffersView", "Nouvelle offre"), self)
        self.new_need_button.clicked.connect(lambda: self._handle_new(no.NEED))
        self.new_offer_button.clicked.connect(lambda: self._handle_new(no.OFFER))
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(200)
        self._filter_timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _t: self._filter_timer.start())
        self.open_only.toggled.connect(lambda _c: self.refresh())
        bar = QHBoxLayout()
        bar.setSpacing(8)
        bar.addWidget(self.needs_button)
        bar.addWidget(self.offers_button)
        bar.addSpacing(12)
        bar.addWidget(self.search_edit, 1)
        bar.addWidget(self.open_only)
        bar.addStretch(0)
        bar.addWidget(self.new_need_button)
        bar.addWidget(self.new_offer_button)

        # --- list
        self.model: RecordTableModel[no.NeedOfferDTO] = RecordTableModel([
            Column(QCoreApplication.translate("NeedsOffersView", "Intitulé"), lambda e: e.title,
                   tooltip=lambda e: e.description or e.title),
            Column(QCoreApplication.translate("NeedsOffersView", "Organisation"),
                   lambda e: e.organisation_name,
                   tooltip=lambda e: " · ".join(x for x in (e.organisation_name,
                                                            e.commune_name) if x)),
            Column(QCoreApplication.translate("NeedsOffersView", "Nature"),
                   lambda e: _short_nature(e.nature),
                   tooltip=lambda e: _member_label(SupportNature, e.nature)),
            Column(QCoreApplication.translate("NeedsOffersView", "Montant"), _quantity,
                   sort_key=lambda e: e.amount_cents or 0),
            Column(QCoreApplication.translate("NeedsOffersView", "Statut"),
                   lambda e: _member_label(NeedStatus, e.status)),
        ], self)
        self.table = make_table(self, object_name="needs_offers_table")
        self.table.setModel(self.model)
        size_columns(self.table, {1: 170, 2: 95, 3: 90, 4: 70}, stretch=0)
        self.table.selectionModel().currentRowChanged.connect(self._handle_row_changed)
        self.table.doubleClicked.connect(lambda _i: self._handle_edit())
        self.list_card = Card(QCoreApplication.translate("NeedsOffersView", "Besoins"),
                              self.table, "", self)

        # --- suggestions
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("suggestions_tree")
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(14)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.connect_button = QPushButton(QCoreApplication.translate(
            "NeedsOffersView", "Mettre en relation"), self)
        self.connect_button.setToolTip(QCoreApplication.translate(
            "NeedsOffersView", "Ouvre un dossier à l'étape « Mise en relation » avec les deux "
                               "organisations et propose la lettre de mise en relation."))
        self.connect_button.clicked.connect(self._handle_connect)
        self.edit_button = QPushButton(QCoreApplication.translate(
            "NeedsOffersView", "Modifier"), self)
        self.edit_button.clicked.connect(self._handle_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.connect_button)
        inner = QWidget(self)
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(0, 0, 0, 0)
        inner_layout.setSpacing(8)
        inner_layout.addWidget(self.detail)
        inner_layout.addWidget(self.tree, 1)
        inner_layout.addLayout(buttons)
        self.match_card = Card(QCoreApplication.translate("NeedsOffersView", "Suggestions"),
                               inner, QCoreApplication.translate(
                                   "NeedsOffersView", "Choisissez un besoin ou une offre dans "
                                                      "la liste pour voir les correspondances."),
                               self)
        self.match_card.set_empty(True)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("needs_offers_splitter")
        self.splitter.addWidget(self.list_card)
        self.splitter.addWidget(self.match_card)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([700, 520])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.setSpacing(10)
        layout.addWidget(self.header)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        self._counts = {no.NEED: 0, no.OFFER: 0}
        self._update_side_buttons()
        self._update_buttons()

    # --- loading --------------------------------------------------------------------------
    def refresh(self) -> None:
        self._stale = False
        db, side, text = self.ctx.db, self.side, self.search_edit.text()
        statuses = _OPEN if self.open_only.isChecked() else None

        def load() -> tuple[list[no.NeedOfferDTO], dict[str, int]]:
            rows = no.list_entries(db, side, statuses=statuses, text=text)
            return rows, no.count_open(db)

        self.ctx.runner.run(load, self._handle_loaded, lambda exc: show_error(self, exc),
                            db=False)

    def _handle_loaded(self, result: tuple[list[no.NeedOfferDTO], dict[str, int]]) -> None:
        rows, self._counts = result
        keep = self._selected.id if self._selected else None
        self.model.set_records(rows)
        self._update_side_buttons()
        is_need = self.side == no.NEED
        self.list_card.set_title(
            QCoreApplication.translate("NeedsOffersView", "Besoins des associations")
            if is_need else
            QCoreApplication.translate("NeedsOffersView", "Offres des entreprises"))
        self.list_card.set_empty(not rows, (
            QCoreApplication.translate(
                "NeedsOffersView", "Aucun besoin à afficher. Enregistrez le besoin d'une "
                                   "association avec « Nouveau besoin », ou décochez le filtre.")
            if is_need else
            QCoreApplication.translate(
                "NeedsOffersView", "Aucune offre à afficher. Enregistrez ce qu'une entreprise "
                                   "propose avec « Nouvelle offre », ou décochez le filtre.")))
        row = next((i for i, r in enumerate(rows) if r.id == keep), 0 if rows else -1)
        if row >= 0:
            self.table.selectRow(row)
            self._select(self.model.record(row))
        else:
            self._select(None)

    def _update_side_buttons(self) -> None:
        self.needs_button.setText(QCoreApplication.translate(
            "NeedsOffersView", "Besoins ({count})").format(count=self._counts[no.NEED]))
        self.offers_button.setText(QCoreApplication.translate(
            "NeedsOffersView", "Offres ({count})").format(count=self._counts[no.OFFER]))

    def _set_side(self, side: str) -> None:
        if side == self.side:
            return
        self.side = side
        self._selected = None
        with QSignalBlocker(self.needs_button), QSignalBlocker(self.offers_button):
            self.needs_button.setChecked(side == no.NEED)
            self.offers_button.setChecked(side == no.OFFER)
        self.refresh()

    def show_side(self, side: str) -> None:
        """Switch to needs or offers (screenshots, other views)."""
        self._set_side(side)

    # --- selection and suggestions --------------------------------------------------------
    def _handle_row_changed(self, current: Any, _previous: Any) -> None:
        self._select(self.model.record(current.row()) if current.isValid() else None)

    def _select(self, entry: no.NeedOfferDTO | None) -> None:
        if entry is not None and self._selected is not None and entry.id == self._selected.id \
                and self._suggestions:
            return
        self._selected = entry
        self._suggestions = []
        self.tree.clear()
        self._update_buttons()
        if entry is None:
            self.match_card.set_empty(True)
            return
        self.match_card.set_empty(False)
        self.detail.setText(self._describe(entry))
        db, side, eid = self.ctx.db, entry.side, entry.id
        op = ((lambda: matching.offers_for_need(db, eid)) if side == no.NEED
              else (lambda: matching.needs_for_offer(db, eid)))
        self.ctx.runner.run(op, lambda found: self._handle_suggestions(eid, found),
                            lambda exc: show_error(self, exc), db=False)

    def _describe(self, e: no.NeedOfferDTO) -> str:
        parts = [e.organisation_name]
        if e.side == no.OFFER and e.company_size:
            parts.append(_member_label(CompanySize, e.company_size))
        if e.commune_name:
            parts.append(e.commune_name)
        head = " · ".join(parts)
        nature = _member_label(SupportNature, e.nature)
        themes = ", ".join(e.themes)
        text = f"{e.title}\n{head}\n{nature}"
        if themes:
            text += " — " + themes
        extra = [x for x in (_quantity(e), _period(e)) if x]
        if extra:
            text += "\n" + " · ".join(extra)
        return text

    def _handle_suggestions(self, entry_id: uuid.UUID, found: list[matching.MatchDTO]) -> None:
        if self._selected is None or self._selected.id != entry_id:
            return
        self._suggestions = found
        self.tree.clear()
        is_need = self._selected.side == no.NEED
        self.match_card.set_title(
            QCoreApplication.translate("NeedsOffersView", "Offres suggérées")
            if is_need else
            QCoreApplication.translate("NeedsOffersView", "Besoins suggérés"))
        bold = QFont(self.tree.font())
        bold.setWeight(QFont.Weight.DemiBold)
        muted = QBrush(QColor(MUTED))
        for match in found:
            title, org = ((match.offer_title, match.company_name) if is_need
                          else (match.need_title, match.association_name))
            item = QTreeWidgetItem([QCoreApplication.translate(
                "NeedsOffersView", "{score} pts — {title} · {organisation}").format(
                    score=match.score, title=title, organisation=org)])
            item.setFont(0, bold)
            item.setToolTip(0, title)
            item.setData(0, Qt.ItemDataRole.UserRole, match)
            for reason in match.reasons:
                sign = "+" if reason.points >= 0 else "−"
                text = reason_text(reason)
                child = QTreeWidgetItem([f"{sign}{abs(reason.points)}  {text}"])
                child.setToolTip(0, text)
                child.setForeground(0, muted if reason.points >= 0 else QBrush(QColor("#b42318")))
                child.setFlags(Qt.ItemFlag.ItemIsEnabled)
                item.addChild(child)
            self.tree.addTopLevelItem(item)
            item.setExpanded(True)
        if found:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        else:
            empty = QTreeWidgetItem([
                QCoreApplication.translate(
                    "NeedsOffersView", "Aucune offre ouverte ne correspond (même nature de "
                                       "soutien ou thème commun). Enregistrez de nouvelles "
                                       "offres ou élargissez le besoin.")
                if is_need else
                QCoreApplication.translate(
                    "NeedsOffersView", "Aucun besoin ouvert ne correspond (même nature de "
                                       "soutien ou thème commun).")])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.tree.addTopLevelItem(empty)
        self._update_buttons()

    def current_match(self) -> matching.MatchDTO | None:
        item = self.tree.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        data = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        return data if isinstance(data, matching.MatchDTO) else None

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self._selected is not None)
        self.connect_button.setEnabled(self.current_match() is not None)

    # --- actions --------------------------------------------------------------------------
    def _handle_new(self, side: str) -> None:
        dialog = NeedOfferDialog(self.ctx, side, self)
        dialog.saved.connect(lambda _id: self._set_side(side))
        dialog.open()

    def _handle_edit(self) -> None:
        if self._selected is None:
            return
        dialog = NeedOfferDialog(self.ctx, self._selected.side, self, entry=self._selected)
        dialog.saved.connect(lambda _id: self._forget_selection())
        dialog.open()

    def _forget_selection(self) -> None:
        self._suggestions = []

    def _handle_connect(self) -> None:
        match = self.current_match()
        if match is None:
            return
        answer = QMessageBox.question(
            self, QCoreApplication.translate("NeedsOffersView", "Mettre en relation"),
            QCoreApplication.translate(
                "NeedsOffersView", "Ouvrir un dossier « Mise en relation » entre "
                                   "{association} et {company} ?").format(
                association=match.association_name, company=match.company_name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        db = self.ctx.db
        self.ctx.runner.run(lambda: matching.introduce(db, match.need_id, match.offer_id),
                            self._handle_introduced, lambda exc: show_error(self, exc))

    def _handle_introduced(self, f: FileDTO) -> None:
        self._suggestions = []
        for entity in (no.NEED, no.OFFER, "partnership_file"):
            self.ctx.bus.changed.emit(entity)
        answer = QMessageBox.question(
            self, QCoreApplication.translate("NeedsOffersView", "Dossier ouvert"),
            QCoreApplication.translate(
                "NeedsOffersView", "Le dossier {reference} est ouvert à l'étape « Mise en "
                                   "relation ». Générer la lettre de mise en relation ?").format(
                reference=f.reference))
        if answer == QMessageBox.StandardButton.Yes:
            self.write_letter(f)
        else:
            self.ctx.bus.file_requested.emit(str(f.id))

    def write_letter(self, f: FileDTO) -> None:
        """Render the introduction letter into the documents folder, open it, show the file."""
        folder = self.ctx.documents_dir or AppPaths.default().documents
        out = Path(folder) / matching.default_letter_name(f.reference)
        db = self.ctx.db

        def render() -> Path:
            out.parent.mkdir(parents=True, exist_ok=True)
            matching.introduction_letter(db, f.id, out)
            return out

        def done(path: Path) -> None:
            self.ctx.bus.changed.emit("document")
            open_with_system(path)
            self.ctx.bus.file_requested.emit(str(f.id))

        self.ctx.runner.run(render, done, lambda exc: show_error(self, exc))
