"""Write the application icon (drawn by ``nav_icons.app_icon``) as PNG, ICO and ICNS files.

Run once when the mark changes: ``python installers/make_icons.py``. The files are committed so
that building a bundle needs no display and no image tools.
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSize  # noqa: E402
from PySide6.QtGui import QImageWriter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from passerelle.ui.widgets.nav_icons import app_icon  # noqa: E402

OUT = Path(__file__).resolve().parent / "icons"


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    OUT.mkdir(exist_ok=True)
    icon = app_icon()
    for size in (16, 32, 48, 64, 128, 256):
        icon.pixmap(QSize(size, size)).save(str(OUT / f"passerelle-{size}.png"))
    icon.pixmap(QSize(256, 256)).save(str(OUT / "passerelle.png"))
    formats = {bytes(f).decode() for f in QImageWriter.supportedImageFormats()}
    for ext in ("ico", "icns"):
        if ext in formats:
            icon.pixmap(QSize(256, 256)).save(str(OUT / f"passerelle.{ext}"), ext.upper())
        else:
            sys.stderr.write(f"Qt cannot write .{ext} here; the {ext} icon was not updated\n")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
