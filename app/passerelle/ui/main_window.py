"""The main window: navigation, the views, the global search, menus and shortcuts.

Views are created the first time they are shown (start-up stays close to a bare window's,
DESIGN.md §8) and then kept: each one listens to the data-change bus and re-queries itself.
The window never passes itself around: views reach each other only through the bus
(``changed``, ``file_requested``), and the window routes search results and menu commands.
Window geometry, splitter positions, table column widths and the current view are remembered
through ``ui/settings.py``.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSignalBlocker, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QToolButton,
    QTreeView,
    QWidget,
)

from passerelle.ui.context import UiContext
from passerelle.ui.settings import Settings
from passerelle.ui.widgets.nav_icons import line_icon
from passerelle.ui.widgets.search_box import SearchBox

if TYPE_CHECKING:  # this module stays free of SQLAlchemy: the start-up window uses it
    from passerelle.services.search import SearchResult

#: The navigation's views, in order (Ctrl+1 … Ctrl+9).
VIEW_KEYS: tuple[str, ...] = (
    "home",
    "files",
    "organisations",
    "contacts",
    "agreements",
    "needs_offers",
    "events",
    "observatory",
    "registry",
    "rgpd",
    "templates",
    "conflicts",
)
FILE_DETAIL = "file_detail"
NAV_WIDTH = 176

_NAV_STYLE = """
QListWidget#NavList {
    background: #e9eef3; border: none; border-right: 1px solid #d5dde5;
    padding: 10px 8px; outline: 0;
}
QListWidget#NavList::item {
    color: #2b3744; padding: 7px 8px; margin: 1px 0; border-radius: 6px;
}
QListWidget#NavList::item:hover { background: #dde5ed; }
QListWidget#NavList::item:selected { background: #2f6690; color: #ffffff; }
"""


# Views are imported when first shown: importing every view and dialog up front costs
# ~150 ms of start-up (DESIGN.md §8 compares start-up with a bare window), and the start-up
# window (ui/startup_window.py) shows this module's navigation before SQLAlchemy is imported.


def _home_view(ctx: UiContext, parent: QWidget) -> QWidget:
    from passerelle.ui.views.home import HomeView

    return HomeView(ctx, parent)


def _files_view(ctx: UiContext, parent: QWidget) -> QWidget:
    from passerelle.ui.views.files import FilesView

    return FilesView(ctx, parent)


def _organisations_view(ctx: UiContext, parent: QWidget) -> QWidget:
    from passerelle.ui.views.organisations import OrganisationsView

    return OrganisationsView(ctx, parent)


def _contacts_view(ctx: UiContext, parent: QWidget) -> QWidget:
    from passerelle.ui.views.contacts import ContactsView

    return ContactsView(ctx, parent)


def _agreements_view(ctx: UiContext, parent: QWidget) -> QWidget:
    from passerelle.ui.views.agreements import AgreementsView

    return AgreementsView(ctx, parent)


def _needs_offers_view(ctx: UiContext, parent: QWidget) -> QWidget:
    from passerelle.ui.views.needs_offers import NeedsOffersView

    return NeedsOffersView(ctx, parent)


def _events_view(ctx: UiContext, parent: QWidget) -> QWidget:
    from passerelle.ui.views.events import EventsView

    return EventsView(ctx, parent)


def _observatory_view(ctx: UiContext, parent: QWidget) -> QWidget:
    from passerelle.ui.views.observatory import ObservatoryView

    return ObservatoryView(ctx, parent)


def _registry_view(ctx: UiContext, parent: QWidget) -> QWidget:
    from passerelle.ui.views.registry import RegistryView

    return RegistryView(ctx, parent)


def _templates_view(ctx: UiContext, parent: QWidget) -> QWidget:
    from passerelle.ui.views.templates import TemplatesView

    return TemplatesView(ctx, parent)


def _conflicts_view(ctx: UiContext, parent: QWidget) -> QWidget:
    from passerelle.ui.views.conflicts import ConflictsView

    return ConflictsView(ctx, parent)


def _rgpd_view(ctx: UiContext, parent: QWidget) -> QWidget:
    from passerelle.ui.views.rgpd import RgpdView

    return RgpdView(ctx, parent)


def _file_detail_view(ctx: UiContext, parent: QWidget) -> QWidget:
    from passerelle.ui.views.file_detail import FileDetailView

    return FileDetailView(ctx, parent)


@dataclass(frozen=True)
class _ViewSpec:
    key: str
    factory: Callable[[UiContext, QWidget], QWidget]
    icon: str
    title: Callable[[], str]


def _view_specs() -> list[_ViewSpec]:
    return [
        _ViewSpec(
            "home", _home_view, "home", lambda: QCoreApplication.translate("MainWindow", "Accueil")
        ),
        _ViewSpec(
            "files",
            _files_view,
            "files",
            lambda: QCoreApplication.translate("MainWindow", "Dossiers"),
        ),
        _ViewSpec(
            "organisations",
            _organisations_view,
            "organisations",
            lambda: QCoreApplication.translate("MainWindow", "Organisations"),
        ),
        _ViewSpec(
            "contacts",
            _contacts_view,
            "contacts",
            lambda: QCoreApplication.translate("MainWindow", "Contacts"),
        ),
        _ViewSpec(
            "agreements",
            _agreements_view,
            "agreements",
            lambda: QCoreApplication.translate("MainWindow", "Conventions"),
        ),
        _ViewSpec(
            "needs_offers",
            _needs_offers_view,
            "needs_offers",
            lambda: QCoreApplication.translate("MainWindow", "Besoins et offres"),
        ),
        _ViewSpec(
            "events",
            _events_view,
            "events",
            lambda: QCoreApplication.translate("MainWindow", "Événements"),
        ),
        _ViewSpec(
            "observatory",
            _observatory_view,
            "observatory",
            lambda: QCoreApplication.translate("MainWindow", "Observatoire"),
        ),
        _ViewSpec(
            "registry",
            _registry_view,
            "registry",
            lambda: QCoreApplication.translate("MainWindow", "Registre"),
        ),
        _ViewSpec(
            "templates",
            _templates_view,
            "templates",
            lambda: QCoreApplication.translate("MainWindow", "Modèles"),
        ),
        _ViewSpec(
            "conflicts",
            _conflicts_view,
            "conflicts",
            lambda: QCoreApplication.translate("MainWindow", "Conflits"),
        ),
        _ViewSpec(
            "rgpd", _rgpd_view, "rgpd", lambda: QCoreApplication.translate("MainWindow", "RGPD")
        ),
    ]


def _app_version() -> str:
    from importlib.metadata import PackageNotFoundError, version  # 20 ms: not at start-up

    try:
        return version("passerelle")
    except PackageNotFoundError:
        return "?"


class MainWindow(QMainWindow):
    """Navigation on the left, the current view on the right, search in the toolbar."""

    def __init__(
        self, ctx: UiContext, parent: QWidget | None = None, *, settings: Settings | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings = settings if settings is not None else Settings()
        self._specs = {spec.key: spec for spec in _view_specs()}
        self._views: dict[str, QWidget] = {}
        self._pages: dict[str, QScrollArea] = {}
        self._current_key = ""
        self._previous_key = "home"
        self._current_file_id: uuid.UUID | None = None
        self.setObjectName("MainWindow")
        # Qt appends the application name (« … — Passerelle ») where the platform does.
        self.setWindowTitle(ctx.db.path.name)

        # navigation + views ----------------------------------------------------------------
        self.nav = QListWidget(self)
        self.nav.setObjectName("NavList")
        self.nav.setStyleSheet(_NAV_STYLE)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFrameShape(QFrame.Shape.NoFrame)
        self.nav.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setMinimumWidth(160)
        self.nav.setAccessibleName(QCoreApplication.translate("MainWindow", "Navigation"))
        for key in VIEW_KEYS:
            spec = self._specs[key]
            item = QListWidgetItem(line_icon(spec.icon, "#3c4a5a", "#ffffff"), spec.title())
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setSizeHint(QSize(NAV_WIDTH - 20, 38))
            self.nav.addItem(item)
        self.nav.currentItemChanged.connect(self._handle_nav_changed)

        self.stack = QStackedWidget(self)
        self.stack.setObjectName("ViewStack")
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(1)
        self.splitter.setSizes([NAV_WIDTH, 1170])
        self.setCentralWidget(self.splitter)

        # toolbar: back, search, log a meeting -------------------------------------------------
        self.search_box = SearchBox(ctx, self)
        self.search_box.result_activated.connect(self._handle_search_result)
        self._build_actions()
        self._build_menus()
        self._build_toolbar()

        # status bar ----------------------------------------------------------------------------
        self.db_label = QLabel(
            QCoreApplication.translate("MainWindow", "Base : {path}").format(path=ctx.db.path), self
        )
        self.db_label.setToolTip(str(ctx.db.path))
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A long path must not make the window wider: the label gives way (full path in tooltip).
        self.db_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.db_label.setMinimumWidth(80)
        self.user_label = QLabel(
            QCoreApplication.translate("MainWindow", "Utilisateur : {user}").format(
                user=ctx.db.user_name
            ),
            self,
        )
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.user_label)
        self.statusBar().setSizeGripEnabled(True)

        from passerelle.ui.sync_menu import install_sync_menu

        self.sync_menu = install_sync_menu(self)
        ctx.bus.file_requested.connect(self._handle_file_requested)
        ctx.bus.organisation_requested.connect(
            lambda oid: self.select_in_view("organisations", uuid.UUID(oid)))
        self._restore_window()
        start = self.settings.current_view
        self.show_view(start if start in VIEW_KEYS else "home")

    # --- building -------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.new_file_action = QAction(
            QCoreApplication.translate("MainWindow", "Nouveau dossier…"), self
        )
        self.new_file_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_file_action.triggered.connect(self._handle_new_file)
        self.new_organisation_action = QAction(
            QCoreApplication.translate("MainWindow", "Nouvelle organisation…"), self
        )
        self.new_organisation_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.new_organisation_action.triggered.connect(self._handle_new_organisation)
        self.meeting_action = QAction(
            QCoreApplication.translate("MainWindow", "Consigner un échange…"), self
        )
        self.meeting_action.setShortcut(QKeySequence("Ctrl+M"))
        self.meeting_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.meeting_action.setToolTip(
            QCoreApplication.translate(
                "MainWindow", "Consigner une réunion, un appel, une médiation… (Ctrl+M)"
            )
        )
        self.meeting_action.triggered.connect(self._handle_log_meeting)
        self.preferences_action = QAction(
            QCoreApplication.translate("MainWindow", "Préférences…"), self
        )
        self.preferences_action.setShortcut(QKeySequence("Ctrl+,"))
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.preferences_action.triggered.connect(self._handle_preferences)
        self.quit_action = QAction(QCoreApplication.translate("MainWindow", "Quitter"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.search_action = QAction(QCoreApplication.translate("MainWindow", "Rechercher…"), self)
        self.search_action.setShortcut(QKeySequence("Ctrl+K"))
        self.search_action.triggered.connect(self.search_box.focus_search)
        self.back_action = QAction(QCoreApplication.translate("MainWindow", "← Retour"), self)
        self.back_action.setShortcut(QKeySequence("Alt+Left"))
        self.back_action.setToolTip(
            QCoreApplication.translate("MainWindow", "Revenir à la vue précédente (Alt+←)")
        )
        self.back_action.triggered.connect(self._handle_back)
        self.back_action.setVisible(False)
        self.about_action = QAction(
            QCoreApplication.translate("MainWindow", "À propos de Passerelle"), self
        )
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self._handle_about)
        self.guide_action = QAction(
            QCoreApplication.translate("MainWindow", "Guide d'utilisation"), self
        )
        self.guide_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.guide_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.guide_action.triggered.connect(self._handle_guide)
        self.addAction(self.guide_action)  # F1 works even where the menu bar is hidden
        self._guide: QWidget | None = None

        self.view_actions: dict[str, QAction] = {}
        self._view_group = QActionGroup(self)
        self._view_group.setExclusive(True)
        for number, key in enumerate(VIEW_KEYS, start=1):
            action = QAction(line_icon(self._specs[key].icon), self._specs[key].title(), self)
            action.setCheckable(True)
            if number <= 9:  # Ctrl+1 … Ctrl+9; further views are reached by the navigation
                action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.setData(key)
            action.triggered.connect(self._handle_view_action)
            self._view_group.addAction(action)
            self.view_actions[key] = action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Fichier"))
        file_menu.addAction(self.new_file_action)
        file_menu.addAction(self.new_organisation_action)
        file_menu.addAction(self.meeting_action)
        file_menu.addSeparator()
        from passerelle.ui.dialogs.backups import add_backup_actions

        self.backups_action = add_backup_actions(self, file_menu, self.ctx)
        file_menu.addAction(self.preferences_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        view_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Affichage"))
        for key in VIEW_KEYS:
            view_menu.addAction(self.view_actions[key])
        view_menu.addSeparator()
        view_menu.addAction(self.search_action)
        view_menu.addAction(self.back_action)
        help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "Aid&e"))
        help_menu.addAction(self.guide_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(QCoreApplication.translate("MainWindow", "Barre principale"), self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setFloatable(False)
        toolbar.setIconSize(QSize(18, 18))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setStyleSheet(
            "QToolBar#main_toolbar { spacing: 8px; padding: 6px 10px; "
            "border-bottom: 1px solid #d5dde5; }"
        )
        toolbar.addAction(self.back_action)
        self.search_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.search_box.setMaximumWidth(620)
        toolbar.addWidget(self.search_box)
        spacer = QWidget(toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        meeting_button = QToolButton(toolbar)
        meeting_button.setDefaultAction(self.meeting_action)
        meeting_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        meeting_button.setText(QCoreApplication.translate("MainWindow", "Consigner un échange"))
        meeting_button.setObjectName("MeetingButton")
        meeting_button.setStyleSheet(
            "QToolButton#MeetingButton { background: #2f6690; color: white; border-radius: 5px;"
            " padding: 5px 12px; font-weight: 600; }"
            "QToolButton#MeetingButton:hover { background: #285a80; }"
        )
        toolbar.addWidget(meeting_button)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.toolbar = toolbar

    # --- views --------------------------------------------------------------------------------

    def view(self, key: str) -> QWidget:
        """The view called ``key``, created (and its saved layout restored) on first use."""
        existing = self._views.get(key)
        if existing is not None:
            return existing
        # Each view sits in a scroll area: a view that needs more room than a small screen
        # offers scrolls, instead of forcing the whole window wider than the screen.
        page = QScrollArea(self.stack)
        page.setObjectName(f"page_{key}")
        page.setWidgetResizable(True)
        page.setFrameShape(QFrame.Shape.NoFrame)
        widget: QWidget
        if key == FILE_DETAIL:
            widget = _file_detail_view(self.ctx, page)
        else:
            widget = self._specs[key].factory(self.ctx, page)
        widget.setObjectName(f"view_{key}")
        page.setWidget(widget)
        self._views[key] = widget
        self._pages[key] = page
        self.stack.addWidget(page)
        self._restore_view_layout(key, widget)
        return widget

    def current_view(self) -> QWidget | None:
        """The view on screen (inside its scroll area)."""
        return self._views.get(self._current_key)

    def current_view_key(self) -> str:
        return self._current_key

    def show_view(self, key: str) -> QWidget:
        """Show the view ``key`` (one of :data:`VIEW_KEYS` or ``"file_detail"``)."""
        if key != FILE_DETAIL and key not in self._specs:
            raise KeyError(key)
        widget = self.view(key)
        if self._current_key and self._current_key != key:
            self._previous_key = self._current_key
        self._current_key = key
        self.stack.setCurrentWidget(self._pages[key])
        self.back_action.setVisible(key == FILE_DETAIL)
        nav_key = "files" if key == FILE_DETAIL else key
        if key != FILE_DETAIL:
            self._current_file_id = None
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == nav_key:
                if self.nav.currentItem() is not item:
                    with QSignalBlocker(self.nav):
                        self.nav.setCurrentItem(item)
                break
        self.view_actions[nav_key].setChecked(True)
        return widget

    def open_file(self, file_id: uuid.UUID | str) -> None:
        """Show a file in the detail view (what ``bus.file_requested`` leads to)."""
        fid = file_id if isinstance(file_id, uuid.UUID) else uuid.UUID(str(file_id))
        detail = self.view(FILE_DETAIL)
        previous = self._current_key
        detail.show_file(fid)  # type: ignore[attr-defined]
        self.show_view(FILE_DETAIL)
        self._current_file_id = fid
        if previous and previous != FILE_DETAIL:
            self._previous_key = previous

    def select_in_view(self, key: str, row_id: uuid.UUID) -> None:
        """Switch to a list view and select ``row_id`` there, if the view knows how."""
        widget = self.show_view(key)
        for name in ("select_id", "select_organisation", "select_contact"):
            select = getattr(widget, name, None)
            if callable(select):
                select(row_id)
                return

    # --- handlers --------------------------------------------------------------------------------

    def _handle_nav_changed(
        self, current: QListWidgetItem | None, _previous: QListWidgetItem | None
    ) -> None:
        if current is not None:
            self.show_view(str(current.data(Qt.ItemDataRole.UserRole)))

    def _handle_view_action(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.show_view(str(action.data()))

    def _handle_file_requested(self, file_id: str) -> None:
        try:
            fid = uuid.UUID(str(file_id))
        except ValueError:
            return
        self.open_file(fid)

    def _handle_back(self) -> None:
        target = self._previous_key if self._previous_key != FILE_DETAIL else "files"
        self.show_view(target if target in self._specs else "home")

    def _handle_search_result(self, result: SearchResult) -> None:
        if result.entity in ("partnership_file", "interaction", "document") and result.file_id:
            return  # the search box asked for the file through the bus
        if result.entity == "organisation" or (
            result.entity == "interaction" and result.organisation_id
        ):
            self.select_in_view("organisations", result.organisation_id or result.id)
        elif result.entity == "contact":
            self.select_in_view("contacts", result.id)

    def _handle_new_file(self) -> None:
        from passerelle.ui.dialogs.new_file import NewFileDialog

        dialog = NewFileDialog(self.ctx, self)
        dialog.created.connect(self._handle_file_created)
        dialog.exec()
        dialog.deleteLater()

    def _handle_file_created(self, file_id: str) -> None:
        self.ctx.bus.file_requested.emit(file_id)

    def _handle_new_organisation(self) -> None:
        view = self.show_view("organisations")
        start = getattr(view, "new_organisation", None)
        if callable(start):
            start()
            return
        button = getattr(view, "new_button", None)
        if button is not None:
            button.click()

    def _handle_log_meeting(self) -> None:
        from passerelle.ui.dialogs.meeting import MeetingDialog

        file_id = self._current_file_id if self._current_key == FILE_DETAIL else None
        dialog = MeetingDialog(self.ctx, self, file_id=file_id)
        dialog.exec()
        dialog.deleteLater()

    def _handle_preferences(self) -> None:
        from passerelle.ui.dialogs.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.ctx, self, settings=self.settings)
        if dialog.exec():
            home = self._views.get("home")
            if home is not None:
                home.refresh()  # type: ignore[attr-defined]
        dialog.deleteLater()

    def _handle_guide(self) -> None:
        from passerelle.ui.dialogs.guide import GuideDialog

        if self._guide is None:
            self._guide = GuideDialog(self)
        self._guide.show()
        self._guide.raise_()
        self._guide.activateWindow()

    def _handle_about(self) -> None:
        QMessageBox.about(
            self,
            QCoreApplication.translate("MainWindow", "À propos de Passerelle"),
            QCoreApplication.translate(
                "MainWindow",
                "<h3>Passerelle {version}</h3><p>Le carnet de bord des "
                "facilitateurs de partenariats entre associations et entreprises de "
                "la métropole lilloise : mise en relation, accompagnement des "
                "dossiers, animation et observatoire.</p><p>Fonctionne hors ligne ; "
                "vos données restent sur ce poste.</p><p>Licence EUPL-1.2.</p>",
            ).format(version=_app_version()),
        )

    # --- remembering the layout ----------------------------------------------------------------

    def _restore_window(self) -> None:
        geometry = self.settings.window_geometry
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            screen = QGuiApplication.primaryScreen()
            available = screen.availableGeometry() if screen is not None else None
            width, height = 1366, 768
            if available is not None and available.width() > 0:
                width = min(width, available.width())
                height = min(height, available.height())
            self.resize(width, height)
        state = self.settings.window_state
        if not state.isEmpty():
            self.restoreState(state)
        splitter = self.settings.splitter_state("main")
        if not splitter.isEmpty():
            self.splitter.restoreState(splitter)

    def _restore_view_layout(self, key: str, widget: QWidget) -> None:
        for n, splitter in enumerate(widget.findChildren(QSplitter)):
            state = self.settings.splitter_state(f"{key}.{n}")
            if not state.isEmpty():
                splitter.restoreState(state)
        for n, table in enumerate(_tables(widget)):
            widths = self.settings.column_widths(f"{key}.{n}")
            model = table.model()
            if not widths or model is None or len(widths) != model.columnCount():
                continue
            header = table.header() if isinstance(table, QTreeView) else table.horizontalHeader()
            for column, width in enumerate(widths[:-1]):  # the last one stretches
                if width > 0:
                    header.resizeSection(column, width)

    def save_layout(self) -> None:
        """Write geometry, toolbar state, splitters, column widths and the current view."""
        self.settings.window_geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.set_splitter_state("main", self.splitter.saveState())
        current = self._current_key if self._current_key in VIEW_KEYS else "files"
        self.settings.current_view = current if self._current_key else "home"
        for key, widget in self._views.items():
            for n, splitter in enumerate(widget.findChildren(QSplitter)):
                self.settings.set_splitter_state(f"{key}.{n}", splitter.saveState())
            for n, table in enumerate(_tables(widget)):
                header = (
                    table.header() if isinstance(table, QTreeView) else table.horizontalHeader()
                )
                if header.count():
                    self.settings.set_column_widths(
                        f"{key}.{n}", [header.sectionSize(c) for c in range(header.count())]
                    )
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.search_box.close_results()
        self.save_layout()
        super().closeEvent(event)


def _tables(widget: QWidget) -> list[QTableView | QTreeView]:
    """The table and tree views of a view, in a stable order (for per-view column widths)."""
    out: list[QTableView | QTreeView] = []
    for child in widget.findChildren(QAbstractItemView):
        if isinstance(child, QTableView | QTreeView) and child.model() is not None:
            out.append(child)
    return out
