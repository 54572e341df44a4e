"""Helpers shared by the services: loading live rows, clean text, money."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import TypeVar

from sqlalchemy.orm import Session

from passerelle.domain.errors import NotFound, ValidationError
from passerelle.store.models import Synced

T = TypeVar("T", bound=Synced)

#: how error messages name an entity (translated by the UI with context "Entity")
ENTITY_NAMES = {
    "organisation": "L'organisation",
    "contact": "Le contact",
    "partnership_file": "Le dossier",
    "interaction": "L'échange",
    "task": "La tâche",
    "agreement": "La convention",
    "event": "L'événement",
    "need": "Le besoin",
    "offer": "L'offre",
    "document": "Le document",
    "template": "Le modèle",
}


def as_uuid(value: uuid.UUID | str, what: str = "identifiant") -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise ValidationError("bad_id", "Identifiant invalide : {value}", field=what,
                              value=str(value)) from None


def get_live(session: Session, model: type[T], row_id: uuid.UUID | str) -> T:
    """The row, or :class:`NotFound` if it does not exist or was deleted."""
    obj = session.get(model, as_uuid(row_id))
    if obj is None or obj.deleted:
        raise NotFound("not_found", "{what} {id} est introuvable (supprimé ?).",
                       what=ENTITY_NAMES.get(model.__entity__, model.__entity__), id=str(row_id))
    return obj


def clean(text: str | None) -> str | None:
    """Trimmed text, or None when empty."""
    if text is None:
        return None
    text = " ".join(text.split()) if "\n" not in text else text.strip()
    return text or None


def required(text: str | None, field: str, label: str) -> str:
    value = clean(text)
    if not value:
        raise ValidationError("required", "Le champ « {label} » est obligatoire.", field=field,
                              label=label)
    return value


def to_cents(amount: Decimal | int | float | str | None) -> int | None:
    """Euros to integer cents, rounded half-up; refuses negative amounts."""
    if amount is None or amount == "":
        return None
    try:
        value = Decimal(str(amount).replace(" ", "").replace("\u202f", "").replace(",", "."))
    except ArithmeticError:
        raise ValidationError("bad_amount", "Montant invalide : {value}", field="amount",
                              value=str(amount)) from None
    if value < 0:
        raise ValidationError("negative_amount", "Un montant ne peut pas être négatif.",
                              field="amount")
    return int((value * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def euros(cents: int | None) -> Decimal:
    return Decimal(cents or 0) / 100


def utcnow() -> datetime:
    """Naive UTC now: the database stores naive UTC datetimes."""
    return datetime.now(UTC).replace(tzinfo=None)


def today() -> date:
    return date.today()
