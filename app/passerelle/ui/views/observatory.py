"""Observatoire: the figures the steering committee asks about the partnerships (issue #7).

Filters (period, facilitator, territory) feed ``services.observatory.compute``, whose frozen
figures are drawn with QtCharts: the funnel with its conversion rates, files per stage and
status, median time in each stage, value mobilised per year, category × partner type, company
size, communes and QPV, themes and brakes. The exports write exactly the figures on screen:
XLSX (full or anonymised for the steering committee), each chart as PNG, and the « livret des
partenariats réussis » (DOCX).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QPieSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QMargins, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from passerelle.domain.vocabulary import (
    Brake,
    CompanySize,
    FileStatus,
    OrganisationKind,
    PartnershipCategory,
)
from passerelle.infra.paths import AppPaths
from passerelle.services import observatory as service
from passerelle.services.observatory import FilterChoices, Observatory, ObservatoryFilter
from passerelle.ui import observatory_export as export
from passerelle.ui.context import UiContext
from passerelle.ui.errors import show_error
from passerelle.ui.i18n import label, singular
from passerelle.ui.views.base import RefreshingView
from passerelle.ui.widgets.panels import MUTED, PAGE_MARGINS, Card, PageHeader, title_font

_RELEVANT = frozenset({"*", "partnership_file", "organisation", "agreement", "stage_change"})
#: one colour per series, the same palette everywhere (readable in print and for most
#: colour-blind readers: blue, orange, green, purple, grey, brown)
PALETTE = ("#3b75af", "#e0913a", "#519e3e", "#8c6bb1", "#8c96a0", "#a05a2c", "#c9507a")
CHART_HEIGHT = 290
TOP_N = 10


class ChartCard(Card):
    """A card holding one chart, with a « PNG » button that saves it as an image."""

    def __init__(
        self,
        key: str,
        title: str,
        empty_text: str,
        parent: QWidget | None = None,
        *,
        height: int = CHART_HEIGHT,
    ) -> None:
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.setBackgroundRoundness(0)
        self.chart.setMargins(QMargins(2, 2, 2, 2))
        self.chart.layout().setContentsMargins(0, 0, 0, 0)
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(height)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        super().__init__(title, self.view, empty_text, parent)
        self.key = key
        self._fit: tuple[list[str], list[str]] | None = None
        self.view.installEventFilter(self)
        self.view.setParent(self.stack)
        self.png_button = QToolButton(self)
        self.png_button.setText(QCoreApplication.translate("ObservatoryView", "PNG"))
        self.png_button.setToolTip(
            QCoreApplication.translate("ObservatoryView", "Enregistrer ce graphique en image PNG")
        )
        self.png_button.setAutoRaise(True)
        self.add_header_widget(self.png_button)

    def fit_plot_area(self, left: Sequence[str], right: Sequence[str] = ()) -> None:
        """Size the plot area from the axis labels, so long stage names are never clipped
        (QtCharts caps a vertical axis at a share of the width, whatever its labels)."""
        self._fit = (list(left), list(right))
        self._apply_fit()

    def _apply_fit(self) -> None:
        if self._fit is None:
            return
        left, right = self._fit
        metrics = QFontMetrics(self.chart.font())
        left_w = max((metrics.horizontalAdvance(t) for t in left), default=0) + 18
        right_w = max((metrics.horizontalAdvance(t) for t in right), default=0) + 18
        size = self.view.size()
        self.chart.setPlotArea(
            QRectF(left_w, 8, max(40, size.width() - left_w - right_w), max(40, size.height() - 16))
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if watched is self.view and event.type() == QEvent.Type.Resize:
            self._apply_fit()
        return super().eventFilter(watched, event)

    def clear(self) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
            axis.deleteLater()

    def save_png(self, path: Path) -> Path:
        """The chart as shown, at twice the screen density so it prints crisply."""
        ratio = 2.0
        size = self.view.size()
        from PySide6.QtGui import QPixmap

        pixmap = QPixmap(int(size.width() * ratio), int(size.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(QColor("white"))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.render(painter)
        painter.end()
        if not pixmap.save(str(path), "PNG"):
            from passerelle.domain.errors import ValidationError

            raise ValidationError(
                "document_unwritable",
                "Impossible d'écrire « {file} » : {error}.",
                field="path",
                file=str(path),
                error="PNG",
            )
        return path


class _Figure(QFrame):
    """One key figure: a big number over its caption."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Figure")
        self.setStyleSheet(
            "QFrame#Figure { background: palette(base); border: 1px solid "
            "#dde3e9; border-radius: 8px; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(0)
        self.value = QLabel("—", self)
        self.value.setFont(title_font(7))
        self.value.setStyleSheet("color: #2f6690;")
        layout.addWidget(self.value)
        self.caption = QLabel(caption, self)
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet(f"color: {MUTED};")
        layout.addWidget(self.caption)

    def set_text(self, text: str) -> None:
        self.value.setText(text)


class ObservatoryView(RefreshingView):
    """« Observatoire »: filters, key figures, charts and exports."""

    relevant = _RELEVANT

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.observatory: Observatory | None = None
        self.choices = FilterChoices((), (), ())
        self.export_dir: Path | None = None
        self._loading_choices = False
        self.header = PageHeader(
            QCoreApplication.translate("ObservatoryView", "Observatoire"),
            QCoreApplication.translate(
                "ObservatoryView",
                "Les chiffres des partenariats : parcours des dossiers, acteurs, territoires et "
                "valeur mobilisée. Filtrez, puis exportez pour le comité de pilotage.",
            ),
            self,
        )
        # --- filters and exports
        self.period = QComboBox(self)
        self.facilitator = QComboBox(self)
        self.territory = QComboBox(self)
        for combo in (self.period, self.facilitator, self.territory):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumContentsLength(14)
            combo.currentIndexChanged.connect(self._handle_filter_changed)
        self.territory.setMaxVisibleItems(20)
        self.export_button = QToolButton(self)
        self.export_button.setText(QCoreApplication.translate("ObservatoryView", "Exporter"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = QMenu(self.export_button)
        self.export_xlsx_action = menu.addAction(
            QCoreApplication.translate("ObservatoryView", "Chiffres (XLSX)…")
        )
        self.export_anon_action = menu.addAction(
            QCoreApplication.translate(
                "ObservatoryView", "Export anonymisé pour le comité de pilotage (XLSX)…"
            )
        )
        self.export_png_action = menu.addAction(
            QCoreApplication.translate("ObservatoryView", "Tous les graphiques (PNG)…")
        )
        menu.addSeparator()
        self.export_livret_action = menu.addAction(
            QCoreApplication.translate("ObservatoryView", "Livret des partenariats réussis (DOCX)…")
        )
        self.export_xlsx_action.triggered.connect(lambda: self._ask_xlsx(anonymised=False))
        self.export_anon_action.triggered.connect(lambda: self._ask_xlsx(anonymised=True))
        self.export_png_action.triggered.connect(self._ask_png_folder)
        self.export_livret_action.triggered.connect(self._ask_livret)
        self.export_button.setMenu(menu)
        self.status = QLabel(self)
        self.status.setStyleSheet(f"color: {MUTED};")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        bar = QHBoxLayout()
        bar.setSpacing(8)
        for caption, combo in (
            (QCoreApplication.translate("ObservatoryView", "Période"), self.period),
            (QCoreApplication.translate("ObservatoryView", "Facilitateur"), self.facilitator),
            (QCoreApplication.translate("ObservatoryView", "Territoire"), self.territory),
        ):
            text = QLabel(caption, self)
            text.setBuddy(combo)
            bar.addWidget(text)
            bar.addWidget(combo)
            bar.addSpacing(8)
        bar.addStretch(1)
        bar.addWidget(self.status)
        bar.addWidget(self.export_button)

        # --- key figures
        self.figures = {
            "files": _Figure(
                QCoreApplication.translate("ObservatoryView", "dossiers retenus"), self
            ),
            "success": _Figure(
                QCoreApplication.translate("ObservatoryView", "partenariats réussis"), self
            ),
            "small": _Figure(
                QCoreApplication.translate(
                    "ObservatoryView", "part des TPE/PME parmi les entreprises partenaires"
                ),
                self,
            ),
            "to_agreement": _Figure(
                QCoreApplication.translate("ObservatoryView", "délai médian jusqu'à la convention"),
                self,
            ),
            "value": _Figure(
                QCoreApplication.translate(
                    "ObservatoryView", "valeur mobilisée par les conventions signées"
                ),
                self,
            ),
        }
        figures_row = QHBoxLayout()
        figures_row.setSpacing(12)
        for figure in self.figures.values():
            figures_row.addWidget(figure, 1)

        # --- charts
        no_file = QCoreApplication.translate(
            "ObservatoryView",
            "Aucun dossier ne correspond aux filtres : élargissez la période ou le "
            "territoire, ou ouvrez des dossiers dans « Dossiers ».",
        )
        self.cards: dict[str, ChartCard] = {
            "funnel": ChartCard(
                "funnel",
                QCoreApplication.translate("ObservatoryView", "Entonnoir des dossiers"),
                no_file,
                self,
            ),
            "stages": ChartCard(
                "stages",
                QCoreApplication.translate("ObservatoryView", "Dossiers par étape et statut"),
                no_file,
                self,
            ),
            "durations": ChartCard(
                "durations",
                QCoreApplication.translate("ObservatoryView", "Durée médiane dans chaque étape"),
                QCoreApplication.translate(
                    "ObservatoryView",
                    "Pas encore d'étape terminée : les durées se calculent "
                    "quand un dossier passe à l'étape suivante.",
                ),
                self,
            ),
            "value": ChartCard(
                "value",
                QCoreApplication.translate("ObservatoryView", "Valeur mobilisée par année"),
                QCoreApplication.translate(
                    "ObservatoryView",
                    "Aucune convention signée sur la période : les montants "
                    "apparaissent quand une convention est signée.",
                ),
                self,
            ),
            "category_actor": ChartCard(
                "category_actor",
                QCoreApplication.translate(
                    "ObservatoryView", "Partenariats par catégorie et type de partenaire"
                ),
                no_file,
                self,
            ),
            "sizes": ChartCard(
                "sizes",
                QCoreApplication.translate("ObservatoryView", "Taille des entreprises partenaires"),
                QCoreApplication.translate(
                    "ObservatoryView", "Aucun dossier avec une entreprise partenaire."
                ),
                self,
            ),
            "communes": ChartCard(
                "communes",
                QCoreApplication.translate("ObservatoryView", "Communes et quartiers prioritaires"),
                no_file,
                self,
            ),
            "themes": ChartCard(
                "themes",
                QCoreApplication.translate("ObservatoryView", "Thématiques"),
                QCoreApplication.translate(
                    "ObservatoryView", "Aucune thématique renseignée sur les dossiers retenus."
                ),
                self,
            ),
            "brakes": ChartCard(
                "brakes",
                QCoreApplication.translate("ObservatoryView", "Freins observés"),
                QCoreApplication.translate(
                    "ObservatoryView", "Aucun frein renseigné sur les dossiers retenus."
                ),
                self,
            ),
        }
        self.cards["funnel"].set_hint(
            QCoreApplication.translate(
                "ObservatoryView",
                "Dossiers ayant atteint chaque étape ; à droite, la part des dossiers de "
                "l'étape précédente qui l'ont atteinte.",
            )
        )
        self.cards["durations"].set_hint(
            QCoreApplication.translate(
                "ObservatoryView", "En jours, sur les passages d'étape terminés de l'historique."
            )
        )
        self.cards["value"].set_hint(
            QCoreApplication.translate(
                "ObservatoryView", "En milliers d'euros, par année de signature des conventions."
            )
        )
        self.cards["sizes"].set_hint(
            QCoreApplication.translate(
                "ObservatoryView", "TPE : moins de 10 salariés (tranche d'effectifs SIRENE)."
            )
        )
        self.cards["communes"].set_hint(
            QCoreApplication.translate(
                "ObservatoryView", "Les {n} communes qui comptent le plus de dossiers."
            ).format(n=TOP_N)
        )
        for card in self.cards.values():
            card.png_button.clicked.connect(lambda _=False, c=card: self._ask_png(c))

        body = QWidget(self)
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 4, 0)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(14)
        grid.addLayout(figures_row, 0, 0, 1, 2)
        order = (
            "funnel",
            "stages",
            "durations",
            "value",
            "category_actor",
            "sizes",
            "communes",
            "themes",
            "brakes",
        )
        for index, key in enumerate(order):
            grid.addWidget(self.cards[key], 1 + index // 2, index % 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(1 + len(order) // 2 + 1, 1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(body)
        self.scroll.viewport().setAutoFillBackground(False)
        body.setAutoFillBackground(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.setSpacing(10)
        layout.addWidget(self.header)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)
        self._fill_filters(self.choices)

    # --- filters ----------------------------------------------------------------------------

    def current_filter(self) -> ObservatoryFilter:
        """The filter the combos describe (their item data are plain strings)."""
        start, end = _period(str(self.period.currentData() or ""))
        facilitator = self.facilitator.currentData() or None
        territory = str(self.territory.currentData() or "")
        commune, qpv = None, None
        if territory.startswith("qpv:"):
            qpv = territory == "qpv:1"
        elif territory.startswith("commune:"):
            commune = territory.removeprefix("commune:")
        return ObservatoryFilter(start, end, facilitator, commune, qpv)

    def _fill_filters(self, choices: FilterChoices) -> None:
        """Refill the combos from the data, keeping the current selections when still there."""
        self._loading_choices = True
        previous = (
            self.period.currentData(),
            self.facilitator.currentData(),
            self.territory.currentData(),
        )
        self.period.clear()
        self.period.addItem(QCoreApplication.translate("ObservatoryView", "Toute la période"), "")
        self.period.addItem(
            QCoreApplication.translate("ObservatoryView", "12 derniers mois"), "12m"
        )
        for year in choices.years:
            self.period.addItem(str(year), str(year))
        self.facilitator.clear()
        self.facilitator.addItem(
            QCoreApplication.translate("ObservatoryView", "Tous les facilitateurs"), ""
        )
        for name in choices.facilitators:
            self.facilitator.addItem(name, name)
        self.territory.clear()
        self.territory.addItem(
            QCoreApplication.translate("ObservatoryView", "Tout le territoire"), ""
        )
        self.territory.addItem(
            QCoreApplication.translate("ObservatoryView", "Quartiers prioritaires (QPV)"), "qpv:1"
        )
        self.territory.addItem(
            QCoreApplication.translate("ObservatoryView", "Hors quartiers prioritaires"), "qpv:0"
        )
        for code, name in choices.communes:
            self.territory.addItem(f"{name or code}", f"commune:{code}")
        for combo, data in zip(
            (self.period, self.facilitator, self.territory), previous, strict=True
        ):
            index = combo.findData(data)
            combo.setCurrentIndex(max(0, index))
        self._loading_choices = False

    def _handle_filter_changed(self) -> None:
        if not self._loading_choices:
            self.refresh(reload_choices=False)

    # --- loading ----------------------------------------------------------------------------

    def refresh(self, reload_choices: bool = True) -> None:
        self._stale = False
        db = self.ctx.db
        try:
            flt = self.current_filter()
        except Exception as exc:  # noqa: BLE001 - a bad period is shown, not raised
            show_error(self, exc)
            return
        if reload_choices:
            self.ctx.runner.run(
                lambda: service.filter_choices(db),
                self._handle_choices,
                lambda exc: show_error(self, exc),
                db=False,
            )
        self.ctx.runner.run(
            lambda: service.compute(db, flt),
            self._handle_loaded,
            lambda exc: show_error(self, exc),
            db=False,
        )

    def _handle_choices(self, choices: FilterChoices) -> None:
        self.choices = choices
        self._fill_filters(choices)

    def _handle_loaded(self, obs: Observatory) -> None:
        if obs.filter != self.current_filter():
            return  # an older answer: a newer one is on its way
        self.observatory = obs
        locale = QLocale()
        self.figures["files"].set_text(locale.toString(obs.files))
        self.figures["success"].set_text(locale.toString(obs.success_stories))
        share = obs.small_companies_share
        self.figures["small"].set_text("—" if share is None else _percent(share))
        days = obs.to_agreement_median_days
        if days is None:
            self.figures["to_agreement"].set_text("—")
        else:
            n = round(days)
            text = (
                QCoreApplication.translate("ObservatoryView", "{n} jour")
                if singular(n)
                else QCoreApplication.translate("ObservatoryView", "{n} jours")
            )
            self.figures["to_agreement"].set_text(text.format(n=locale.toString(n)))
        total = sum(v.total_cents for v in obs.value_by_year)
        self.figures["value"].set_text(_euros_short(total))
        no_files = obs.files == 0
        self._draw_funnel(obs)
        self._draw_stages(obs)
        self._draw_durations(obs)
        self._draw_value(obs)
        self._draw_category_actor(obs)
        self._draw_sizes(obs)
        self._draw_communes(obs)
        self._draw_keys(
            self.cards["themes"], [(export.theme_label(k.key), k.files) for k in obs.themes[:TOP_N]]
        )
        self._draw_keys(
            self.cards["brakes"], [(export.enum_label(Brake, k.key), k.files) for k in obs.brakes]
        )
        for key in ("funnel", "stages", "category_actor", "communes"):
            self.cards[key].set_empty(no_files)
        self.cards["durations"].set_empty(not any(s.stays for s in obs.stages))
        self.cards["value"].set_empty(not obs.value_by_year)
        self.cards["sizes"].set_empty(not obs.sizes)
        self.cards["themes"].set_empty(not obs.themes)
        self.cards["brakes"].set_empty(not obs.brakes)

    # --- charts -----------------------------------------------------------------------------

    def _draw_funnel(self, obs: Observatory) -> None:
        card = self.cards["funnel"]
        card.clear()
        top = max((s.reached for s in obs.stages), default=0)
        rates = {c.to_stage: c.rate for c in obs.conversions}
        categories, rates_text = [], []
        pad = QBarSet("")
        bars = QBarSet(
            QCoreApplication.translate("ObservatoryView", "Dossiers ayant atteint l'étape")
        )
        for s in reversed(obs.stages):  # horizontal bars are drawn bottom-up
            rate = rates.get(s.stage)
            categories.append(export.stage_label(s.stage))
            rates_text.append("" if rate is None else _percent(rate))
            pad.append((top - s.reached) / 2)
            bars.append(s.reached)
        pad.setColor(QColor(0, 0, 0, 0))
        pad.setBorderColor(QColor(0, 0, 0, 0))
        pad.setLabelColor(QColor(0, 0, 0, 0))
        bars.setColor(QColor(PALETTE[0]))
        bars.setLabelColor(QColor("white"))
        series = QHorizontalStackedBarSeries()
        series.append(pad)
        series.append(bars)
        series.setBarWidth(0.8)
        _bar_labels(series)
        card.chart.addSeries(series)
        _axes(card.chart, series, categories, horizontal=True, show_values=False, maximum=top)
        # the conversion rates on the right, each facing the stage it leads to
        right = QBarCategoryAxis()
        right.append(_unique(rates_text))
        right.setGridLineVisible(False)
        right.setLineVisible(False)
        right.setLabelsColor(QColor(MUTED))
        card.chart.addAxis(right, Qt.AlignmentFlag.AlignRight)
        series.attachAxis(right)
        card.chart.legend().setVisible(False)
        card.fit_plot_area(categories, rates_text)

    def _draw_stages(self, obs: Observatory) -> None:
        card = self.cards["stages"]
        card.clear()
        series = QHorizontalStackedBarSeries()
        colours = (PALETTE[2], PALETTE[4], PALETTE[5])
        for status, colour in zip(FileStatus, colours, strict=True):
            bar = QBarSet(label(status))
            bar.setColor(QColor(colour))
            for s in reversed(obs.stages):
                bar.append(next((k.files for k in s.current_by_status if k.key == status.value), 0))
            series.append(bar)
        _bar_labels(series)
        card.chart.addSeries(series)
        top = max((s.current for s in obs.stages), default=0)
        _quiet_small_labels(series, top)
        _axes(
            card.chart,
            series,
            [export.stage_label(s.stage) for s in reversed(obs.stages)],
            horizontal=True,
            maximum=top,
        )
        _legend(card.chart)

    def _draw_durations(self, obs: Observatory) -> None:
        card = self.cards["durations"]
        card.clear()
        measured = [s for s in obs.stages if s.median_days is not None]
        series = QHorizontalBarSeries()
        days = QBarSet(QCoreApplication.translate("ObservatoryView", "Jours (médiane)"))
        days.setColor(QColor(PALETTE[1]))
        categories = []
        for s in reversed(measured):
            categories.append(export.stage_label(s.stage))
            days.append(float(s.median_days or 0))
        series.append(days)
        _bar_labels(series, "@value")
        series.setLabelsPrecision(4)
        card.chart.addSeries(series)
        _axes(
            card.chart,
            series,
            categories,
            horizontal=True,
            maximum=max((s.median_days or 0 for s in measured), default=0),
        )
        card.chart.legend().setVisible(False)

    def _draw_value(self, obs: Observatory) -> None:
        card = self.cards["value"]
        card.clear()
        series = QStackedBarSeries()
        sets = [
            (
                QCoreApplication.translate("ObservatoryView", "Numéraire"),
                [v.cash_cents for v in obs.value_by_year],
            ),
            (
                QCoreApplication.translate("ObservatoryView", "En nature"),
                [v.in_kind_cents for v in obs.value_by_year],
            ),
            (
                QCoreApplication.translate("ObservatoryView", "Compétences"),
                [v.skills_cents for v in obs.value_by_year],
            ),
        ]
        for index, (name, values) in enumerate(sets):
            bar = QBarSet(name)
            bar.setColor(QColor(PALETTE[index]))
            for cents in values:
                bar.append(cents / 100_000)  # thousands of euros
            series.append(bar)
        card.chart.addSeries(series)
        _axes(
            card.chart,
            series,
            [str(v.year) for v in obs.value_by_year],
            horizontal=False,
            maximum=max((v.total_cents / 100_000 for v in obs.value_by_year), default=0),
        )
        _legend(card.chart)

    def _draw_category_actor(self, obs: Observatory) -> None:
        card = self.cards["category_actor"]
        card.clear()
        known_categories = [c.value for c in PartnershipCategory]

        def category_of(value: str | None) -> str:
            return value if value in known_categories else ""

        categories = list(known_categories)
        if any(category_of(c.category) == "" for c in obs.category_actor):
            categories.append("")
        known_kinds = [k.value for k in OrganisationKind]
        kinds = sorted(
            {c.actor_kind or "" for c in obs.category_actor},
            key=lambda k: known_kinds.index(k) if k in known_kinds else 99,
        )
        series = QHorizontalStackedBarSeries()
        for index, kind in enumerate(kinds):
            bar = QBarSet(export.enum_label(OrganisationKind, kind or None))
            bar.setColor(QColor(PALETTE[index % len(PALETTE)]))
            for category in reversed(categories):
                bar.append(
                    sum(
                        c.files
                        for c in obs.category_actor
                        if (c.actor_kind or "") == kind and category_of(c.category) == category
                    )
                )
            series.append(bar)
        _bar_labels(series)
        card.chart.addSeries(series)
        names = [
            export.enum_label(
                PartnershipCategory,
                c or None,
                QCoreApplication.translate("ObservatoryView", "Non renseignée"),
            )
            for c in reversed(categories)
        ]
        totals = [
            sum(c.files for c in obs.category_actor if category_of(c.category) == cat)
            for cat in categories
        ]
        _quiet_small_labels(series, max(totals, default=0))
        _axes(card.chart, series, names, horizontal=True, maximum=max(totals, default=0))
        _legend(card.chart)

    def _draw_sizes(self, obs: Observatory) -> None:
        card = self.cards["sizes"]
        card.clear()
        series = QPieSeries()
        series.setHoleSize(0.42)
        series.setPieSize(0.78)
        total = sum(s.files for s in obs.sizes) or 1
        colours = {"TPE": PALETTE[0], "PME": "#7aa6d2", "ETI": PALETTE[1], "GE": "#a05a2c"}
        for s in obs.sizes:
            name = s.size_class or QCoreApplication.translate("ObservatoryView", "Non renseignée")
            piece = series.append(f"{name} — {_percent(s.files / total)}", s.files)
            piece.setColor(QColor(colours.get(s.size_class or "", PALETTE[4])))
            piece.setLabelVisible(False)  # the legend carries the percentages, unclipped
            piece.setBorderColor(QColor("white"))
        card.chart.addSeries(series)
        legend = card.chart.legend()
        legend.setVisible(True)
        legend.setAlignment(Qt.AlignmentFlag.AlignRight)
        sizes = ", ".join(f"{c.value} : {label(c)}" for c in CompanySize)
        card.view.setToolTip(sizes)

    def _draw_communes(self, obs: Observatory) -> None:
        card = self.cards["communes"]
        card.clear()
        top = list(obs.communes[:TOP_N])
        inside = QBarSet(QCoreApplication.translate("ObservatoryView", "En QPV"))
        outside = QBarSet(QCoreApplication.translate("ObservatoryView", "Hors QPV"))
        inside.setColor(QColor(PALETTE[1]))
        outside.setColor(QColor(PALETTE[0]))
        names = []
        for c in reversed(top):
            name = (
                c.commune_name
                or c.commune_insee
                or QCoreApplication.translate("ObservatoryView", "Non renseignée")
            )
            if c.qpv_files:
                name = QCoreApplication.translate(
                    "ObservatoryView", "{commune} ({n} en QPV)"
                ).format(commune=name, n=c.qpv_files)
            names.append(name)
            inside.append(c.qpv_files)
            outside.append(c.files - c.qpv_files)
        series = QHorizontalStackedBarSeries()
        series.append(outside)
        series.append(inside)
        _bar_labels(series)
        card.chart.addSeries(series)
        _quiet_small_labels(series, max((c.files for c in top), default=0))
        _axes(
            card.chart,
            series,
            names,
            horizontal=True,
            maximum=max((c.files for c in top), default=0),
        )
        _legend(card.chart)

    def _draw_keys(self, card: ChartCard, items: Sequence[tuple[str, int]]) -> None:
        card.clear()
        bar = QBarSet(QCoreApplication.translate("ObservatoryView", "Dossiers"))
        bar.setColor(QColor(PALETTE[3] if card.key == "brakes" else PALETTE[2]))
        names = []
        for name, n in reversed(items):
            names.append(name)
            bar.append(n)
        series = QHorizontalBarSeries()
        series.append(bar)
        _bar_labels(series)
        card.chart.addSeries(series)
        _axes(
            card.chart,
            series,
            names,
            horizontal=True,
            maximum=max((n for _, n in items), default=0),
        )
        card.chart.legend().setVisible(False)

    # --- exports ----------------------------------------------------------------------------

    def _default_dir(self) -> Path:
        return self.export_dir or self.ctx.documents_dir or AppPaths.default().documents

    def _ask_xlsx(self, *, anonymised: bool) -> None:
        if self.observatory is None:
            return
        name = (
            QCoreApplication.translate("ObservatoryView", "observatoire_anonymise_{date}.xlsx")
            if anonymised
            else QCoreApplication.translate("ObservatoryView", "observatoire_{date}.xlsx")
        ).format(date=date.today().isoformat())
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("ObservatoryView", "Exporter les chiffres"),
            str(self._default_dir() / name),
            QCoreApplication.translate("ObservatoryView", "Classeurs Excel (*.xlsx)"),
        )
        if path:
            self.export_figures(_with_suffix(Path(path), ".xlsx"), anonymised=anonymised)

    def export_figures(
        self, path: Path, *, anonymised: bool, done: Callable[[Path], None] | None = None
    ) -> None:
        """Write the figures on screen to ``path`` (XLSX), off the UI thread."""
        obs = self.observatory
        if obs is None:
            return
        commune = dict(self.choices.communes).get(obs.filter.commune_insee or "")
        self.ctx.runner.run(
            lambda: export.write_xlsx(obs, path, anonymised=anonymised, commune_name=commune),
            lambda p: self._exported(p, done),
            lambda exc: show_error(self, exc),
            db=False,
        )

    def _ask_png(self, card: ChartCard) -> None:
        name = f"observatoire_{card.key}.png"
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("ObservatoryView", "Enregistrer le graphique"),
            str(self._default_dir() / name),
            QCoreApplication.translate("ObservatoryView", "Images PNG (*.png)"),
        )
        if path:
            try:
                self._exported(card.save_png(_with_suffix(Path(path), ".png")), None)
            except Exception as exc:  # noqa: BLE001 - shown to the user
                show_error(self, exc)

    def _ask_png_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self,
            QCoreApplication.translate("ObservatoryView", "Dossier où enregistrer les graphiques"),
            str(self._default_dir()),
        )
        if folder:
            try:
                paths = self.export_charts(Path(folder))
            except Exception as exc:  # noqa: BLE001 - shown to the user
                show_error(self, exc)
                return
            text = (
                QCoreApplication.translate(
                    "ObservatoryView", "{n} graphique enregistré dans {folder}"
                )
                if singular(len(paths))
                else QCoreApplication.translate(
                    "ObservatoryView", "{n} graphiques enregistrés dans {folder}"
                )
            )
            self.status.setText(text.format(n=len(paths), folder=folder))

    def export_charts(self, folder: Path) -> list[Path]:
        """Every chart that has figures as ``observatoire_<chart>.png`` in ``folder``."""
        folder.mkdir(parents=True, exist_ok=True)
        return [
            card.save_png(folder / f"observatoire_{key}.png")
            for key, card in self.cards.items()
            if not card.is_empty_shown()
        ]

    def _ask_livret(self) -> None:
        name = QCoreApplication.translate(
            "ObservatoryView", "livret_partenariats_reussis_{date}.docx"
        ).format(date=date.today().isoformat())
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("ObservatoryView", "Livret des partenariats réussis"),
            str(self._default_dir() / name),
            QCoreApplication.translate("ObservatoryView", "Documents Word (*.docx)"),
        )
        if path:
            self.export_livret(_with_suffix(Path(path), ".docx"))

    def export_livret(self, path: Path, done: Callable[[Path], None] | None = None) -> None:
        """The booklet of the success stories among the filtered files (DOCX)."""
        db = self.ctx.db
        flt = self.current_filter()
        self.ctx.runner.run(
            lambda: export.write_livret(service.success_stories(db, flt), path),
            lambda p: self._exported(p, done),
            lambda exc: show_error(self, exc),
            db=False,
        )

    def _exported(self, path: Path, done: Callable[[Path], None] | None) -> None:
        self.export_dir = path.parent
        self.status.setText(
            QCoreApplication.translate("ObservatoryView", "Enregistré : {file}").format(
                file=path.name
            )
        )
        self.status.setToolTip(str(path))
        if done is not None:
            done(path)


# --- helpers ----------------------------------------------------------------------------------


def _unique(labels: list[str]) -> list[str]:
    """Category axes need distinct labels: equal ones get invisible trailing spaces."""
    seen: dict[str, int] = {}
    out = []
    for text in labels:
        n = seen.get(text, 0)
        seen[text] = n + 1
        out.append(text + "\u2009" * n)
    return out


def _period(key: str) -> tuple[date | None, date | None]:
    """« 12m » = the last twelve months; « 2025 » = that calendar year; else no bounds."""
    if key == "12m":
        today = date.today()
        return today - timedelta(days=365), today
    if key.isdigit():
        return date(int(key), 1, 1), date(int(key), 12, 31)
    return None, None


def _status_count(obs: Observatory, status: FileStatus) -> int:
    return next((k.files for k in obs.by_status if k.key == status.value), 0)


def _percent(value: float) -> str:
    return QLocale().toString(round(value * 100)) + " %"


def _euros_short(cents: int) -> str:
    """« 1,2 M€ », « 350 k€ », « 900 € »: key figures stay short."""
    locale = QLocale()
    euros = cents / 100
    if euros >= 1_000_000:
        return locale.toString(euros / 1_000_000, "f", 1) + " M€"
    if euros >= 10_000:
        return locale.toString(round(euros / 1000)) + " k€"
    return locale.toString(round(euros)) + " €"


def _with_suffix(path: Path, suffix: str) -> Path:
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def _quiet_small_labels(series: QAbstractBarSeries, maximum: float) -> None:
    """In stacked bars, a set with thin segments gets no labels (they would overflow)."""
    for bar in series.barSets():
        values = [bar.at(i) for i in range(bar.count())]
        if any(0 < v < maximum * 0.07 for v in values):
            bar.setLabelColor(QColor(0, 0, 0, 0))


def _bar_labels(series: QAbstractBarSeries, fmt: str = "@value") -> None:
    series.setLabelsVisible(True)
    series.setLabelsFormat(fmt)
    series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsCenter)


def _legend(chart: QChart) -> None:
    legend = chart.legend()
    legend.setVisible(True)
    legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
    font = QFont(legend.font())
    font.setPointSizeF(max(7.5, font.pointSizeF() - 1))
    legend.setFont(font)


def _axes(
    chart: QChart,
    series: QAbstractBarSeries,
    categories: list[str],
    *,
    horizontal: bool,
    maximum: float,
    show_values: bool = True,
    value_title: str = "",
) -> None:
    """A category axis (left when horizontal, bottom otherwise) and a value axis from zero."""
    cat_axis = QBarCategoryAxis()
    cat_axis.append(categories)
    cat_axis.setGridLineVisible(False)
    cat_axis.setTruncateLabels(False)
    value_axis = QValueAxis()
    value_axis.setRange(0, max(1.0, float(maximum)) * 1.08)
    value_axis.setLabelFormat("%.0f")
    value_axis.setTickCount(5)
    value_axis.applyNiceNumbers()
    value_axis.setGridLineColor(QColor("#e6ebf0"))
    if not show_values:  # hidden this way, the axis still lets the layout size the others
        value_axis.setLabelsVisible(False)
        value_axis.setLineVisible(False)
        value_axis.setGridLineVisible(False)
    if value_title:
        value_axis.setTitleText(value_title)
    if horizontal:
        chart.addAxis(cat_axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(value_axis, Qt.AlignmentFlag.AlignBottom)
    else:
        chart.addAxis(cat_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(value_axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(cat_axis)
    series.attachAxis(value_axis)
