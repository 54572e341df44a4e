"""Expected errors, told apart from bugs (STYLE.md 7.4).

Every expected error carries a ``message_key`` (stable, for tests and the UI) and a French
message (the source language). The UI translates ``message`` through Qt with the fixed context
``"Errors"``; the domain never translates.
"""

from __future__ import annotations

from typing import Any


class PasserelleError(Exception):
    """An error the user can understand and act on (bad input, missing fact, locked disk)."""

    def __init__(self, message_key: str, message: str, **params: Any) -> None:
        self.message_key = message_key
        self.template = message
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The French message with its parameters filled in."""
        try:
            return self.template.format(**self.params)
        except (KeyError, IndexError):
            return self.template


class ValidationError(PasserelleError):
    """A value does not satisfy a rule (identifier checksum, required field, bad format)."""

    def __init__(self, message_key: str, message: str, *, field: str | None = None,
                 **params: Any) -> None:
        self.field = field
        super().__init__(message_key, message, field=field, **params)


class NotFound(PasserelleError):
    """A referenced record does not exist (or was deleted)."""


class StageRuleViolation(PasserelleError):
    """A partnership file cannot move to a stage; ``missing`` lists what is lacking."""

    def __init__(self, message_key: str, message: str, *, missing: tuple[str, ...] = (),
                 **params: Any) -> None:
        self.missing = missing
        super().__init__(message_key, message, **params)


class StorageUnavailable(PasserelleError):
    """The disk is full, the database is locked or the file cannot be written."""


class IncompatibleDatabase(PasserelleError):
    """The database was written by a newer Passerelle, or is not a Passerelle database."""


class MigrationFailed(PasserelleError):
    """An upgrade failed; the original database was restored from ``backup_path``."""

    def __init__(self, message_key: str, message: str, *, backup_path: str,
                 **params: Any) -> None:
        self.backup_path = backup_path
        super().__init__(message_key, message, backup_path=backup_path, **params)
