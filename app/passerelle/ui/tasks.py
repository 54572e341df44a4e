"""Background operations, like Anki's ``CollectionOp`` + ``taskman`` (STYLE.md 7.3).

Database work runs on one writer thread (SQLite has one writer anyway, and ordering stays
simple); other work (rendering, file I/O) runs on a small pool. Results come back to the main
thread through a queued signal on a QObject that lives there, so callbacks may touch widgets.
A progress dialog appears only if the work lasts more than 600 ms. Tests use ``serial=True``:
the op runs immediately on the calling thread (GitFourchette's ``ForceSerial``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")
PROGRESS_DELAY_MS = 600


class Progress:
    """Handed to long operations: report (done, total) and check for cancellation."""

    def __init__(self) -> None:
        self.cancel = threading.Event()
        self._lock = threading.Lock()
        self.done = 0
        self.total = 0

    def __call__(self, done: int, total: int) -> None:
        with self._lock:
            self.done, self.total = done, total


class TaskRunner(QObject):
    """Runs callables off the UI thread and calls back on it."""

    _finished = Signal(object)

    def __init__(self, *, serial: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.serial = serial
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="db")
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="work")
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self.pending = 0

    def run(self, op: Callable[[], T], on_success: Callable[[T], Any] | None = None,
            on_failure: Callable[[BaseException], Any] | None = None, *,
            db: bool = True) -> None:
        """Run ``op``; then ``on_success(result)`` or ``on_failure(exc)`` on the UI thread."""
        self.pending += 1
        if self.serial:
            try:
                result = op()
            except Exception as exc:  # delivered to the failure handler, like the async path
                self._deliver((on_success, on_failure, None, exc))
            else:
                self._deliver((on_success, on_failure, result, None))
            return
        executor = self._writer if db else self._pool
        future = executor.submit(op)
        future.add_done_callback(
            lambda f: self._finished.emit((on_success, on_failure, *_outcome(f))))

    def run_with_progress(self, parent: QWidget | None, label: str,
                          op: Callable[[Progress], T],
                          on_success: Callable[[T], Any] | None = None,
                          on_failure: Callable[[BaseException], Any] | None = None, *,
                          db: bool = True) -> Progress:
        """Like :meth:`run`, with a cancellable progress dialog shown after 600 ms."""
        progress = Progress()
        dialog = QProgressDialog(label, QCoreApplication.translate("Tasks", "Annuler"), 0, 0,
                                 parent)
        dialog.setWindowTitle(QCoreApplication.translate("Tasks", "Veuillez patienter"))
        dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(progress.cancel.set)
        timer = QTimer(dialog)
        timer.setInterval(100)

        def poll() -> None:
            if progress.total:
                dialog.setMaximum(progress.total)
                dialog.setValue(progress.done)

        timer.timeout.connect(poll)
        timer.start()

        def finish() -> None:
            timer.stop()
            dialog.reset()
            dialog.deleteLater()

        def ok(result: T) -> None:
            finish()
            if on_success:
                on_success(result)

        def fail(exc: BaseException) -> None:
            finish()
            if on_failure:
                on_failure(exc)

        self.run(lambda: op(progress), ok, fail, db=db)
        return progress

    @Slot(object)
    def _deliver(self, payload: tuple[Any, Any, Any, BaseException | None]) -> None:
        on_success, on_failure, result, exc = payload
        self.pending -= 1
        if exc is None:
            if on_success is not None:
                on_success(result)
        elif on_failure is not None:
            on_failure(exc)
        else:
            from passerelle.ui.errors import show_error

            show_error(None, exc)

    def shutdown(self) -> None:
        self._writer.shutdown(wait=True)
        self._pool.shutdown(wait=True)


def _outcome(future: Future[Any]) -> tuple[Any, BaseException | None]:
    exc = future.exception()
    return (None, exc) if exc is not None else (future.result(), None)
