"""UI state and language, declared once and typed, over QSettings (STYLE.md 7.5).

Like Picard's ``options.py`` + ``config_upgrade.py``: every option is declared here with its key,
type and default, so a typo is an ``AttributeError`` rather than a silently new key, and values
read back from the INI file (where everything is text) come out with their declared type. A
``settings_version`` key records which layout of keys the file follows; :data:`UPGRADES` holds
the functions that bring an older file up to date, run once, in order, on first access.

Only UI state lives here (geometry, splitters, column widths, last folder, language, the
« stalled files » threshold of Accueil, the last view). Preferences that affect data or
documents live in the database.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, overload

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "Passerelle"
ORGANISATION_DOMAIN = "passerelle.local"
APPLICATION = "Passerelle"

#: Version of the key layout written by this code; bump it with a new entry in UPGRADES.
SETTINGS_VERSION = 1
_VERSION_KEY = "settings_version"

T = TypeVar("T")


def _to_bool(raw: Any) -> bool:
    if isinstance(raw, str):
        return raw.strip().lower() in ("1", "true", "yes", "on")
    return bool(raw)


def _to_bytes(raw: Any) -> QByteArray:
    if isinstance(raw, QByteArray):
        return raw
    if isinstance(raw, bytes | bytearray):
        return QByteArray(bytes(raw))
    return QByteArray()


def _to_int_list(raw: Any) -> list[int]:
    """An INI list comes back as a list of strings, a single string, or nothing."""
    if raw is None or raw == "":
        return []
    items = raw if isinstance(raw, list | tuple) else str(raw).split(",")
    out: list[int] = []
    for item in items:
        try:
            out.append(int(item))
        except (TypeError, ValueError):
            return []
    return out


_CONVERTERS: dict[type, Callable[[Any], Any]] = {
    str: lambda raw: "" if raw is None else str(raw),
    int: int,
    bool: _to_bool,
    QByteArray: _to_bytes,
    list: _to_int_list,
}


@dataclass(frozen=True)
class Option(Generic[T]):
    """A declared setting: key in the INI file, type, default, optional allowed values.

    Used as a descriptor on :class:`Settings`: ``settings.language`` reads a ``str``,
    ``settings.stalled_days = 45`` writes it. A stored value that cannot be converted or is not
    among ``choices`` reads as the default (a hand-edited file never crashes the app).
    """

    key: str
    value_type: type
    default: T
    choices: tuple[T, ...] | None = None
    minimum: int | None = None
    maximum: int | None = None

    def convert(self, raw: Any) -> T:
        """The stored value with its declared type, or the default if it does not fit."""
        if raw is None:
            return self.default
        try:
            value = _CONVERTERS[self.value_type](raw)
        except (TypeError, ValueError):
            return self.default
        if self.choices is not None and value not in self.choices:
            return self.default
        if isinstance(value, int) and not isinstance(value, bool):
            if self.minimum is not None and value < self.minimum:
                return self.default
            if self.maximum is not None and value > self.maximum:
                return self.default
        return value  # type: ignore[no-any-return]

    @overload
    def __get__(self, obj: None, objtype: type | None = None) -> Option[T]: ...

    @overload
    def __get__(self, obj: Settings, objtype: type | None = None) -> T: ...

    def __get__(self, obj: Settings | None, objtype: type | None = None) -> Any:
        if obj is None:
            return self
        return self.convert(obj.qsettings.value(self.key))

    def __set__(self, obj: Settings, value: T) -> None:
        if self.choices is not None and value not in self.choices:
            raise ValueError(f"{self.key}: {value!r} not in {self.choices!r}")
        obj.qsettings.setValue(self.key, value)


#: Language override: "" follows the system locale.
LANGUAGES = ("", "fr", "en")


def _upgrade_to_1(qs: QSettings) -> None:
    """Version 1 is the first layout: only an unversioned file from a development build could
    predate it; its one legacy key (``language`` at the top level) moves under ``general/``."""
    legacy = qs.value("language")
    if legacy is not None:
        if not qs.contains("general/language") and str(legacy) in LANGUAGES:
            qs.setValue("general/language", str(legacy))
        qs.remove("language")


#: version -> function bringing a file at ``version - 1`` to ``version``.
UPGRADES: dict[int, Callable[[QSettings], None]] = {
    1: _upgrade_to_1,
}


def upgrade(qs: QSettings, target: int | None = None) -> int:
    """Run the upgrade functions the file has not seen yet; returns the version reached.

    A file newer than this code is left alone (a downgraded app keeps the keys it knows).
    """
    target = SETTINGS_VERSION if target is None else target
    try:
        current = int(str(qs.value(_VERSION_KEY, 0)))
    except ValueError:
        current = 0
    if current >= target:
        return current
    for version in range(current + 1, target + 1):
        step = UPGRADES.get(version)
        if step is not None:
            step(qs)
        qs.setValue(_VERSION_KEY, version)
    qs.sync()
    return target


def make_qsettings() -> QSettings:
    """The user's INI settings file (the path Qt chooses for IniFormat + UserScope)."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
    )


class Settings:
    """Typed access to the UI settings; cheap to create (QSettings shares one cache per file).

    The constructor upgrades the file if needed, so every reader sees the current layout.
    """

    window_geometry = Option("window/geometry", QByteArray, QByteArray())
    window_state = Option("window/state", QByteArray, QByteArray())
    current_view = Option("window/current_view", str, "home")
    last_folder = Option("general/last_folder", str, "")
    language = Option("general/language", str, "", choices=LANGUAGES)
    stalled_days = Option("home/stalled_days", int, 30, minimum=7, maximum=365)

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.qsettings = qsettings if qsettings is not None else make_qsettings()
        upgrade(self.qsettings)

    # --- keyed options: one value per splitter / per view ---------------------------------

    def splitter_state(self, name: str) -> QByteArray:
        """The saved state of the splitter called ``name`` (empty if never saved)."""
        return _to_bytes(self.qsettings.value(f"splitters/{_key(name)}"))

    def set_splitter_state(self, name: str, state: QByteArray) -> None:
        self.qsettings.setValue(f"splitters/{_key(name)}", state)

    def column_widths(self, view_key: str) -> list[int]:
        """Saved column widths of a view's table, in column order (empty if never saved)."""
        return _to_int_list(self.qsettings.value(f"columns/{_key(view_key)}"))

    def set_column_widths(self, view_key: str, widths: Sequence[int]) -> None:
        self.qsettings.setValue(f"columns/{_key(view_key)}", [int(w) for w in widths])

    def sync(self) -> None:
        """Write pending changes to disk now (Qt also does it on exit)."""
        self.qsettings.sync()


def _key(name: str) -> str:
    """A key segment safe for INI files (no group separator or spaces)."""
    return "".join(c if c.isalnum() or c in "_-." else "_" for c in name) or "_"
