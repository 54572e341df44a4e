"""Identifiers: time-ordered UUIDv7 for rows, deterministic UUIDv5 for link rows (SYNC.md §1)."""

from __future__ import annotations

import uuid

from uuid6 import uuid7

# Fixed namespace for deterministic link ids: never change it, peers rely on it.
LINK_NAMESPACE = uuid.UUID("6f1c3c52-6a4b-4f2e-9d3a-2b7f0a1e5c11")


def new_id() -> uuid.UUID:
    """A fresh UUIDv7: rows made on different laptops never collide and sort by creation."""
    value: uuid.UUID = uuid7()
    return uuid.UUID(bytes=value.bytes)


def link_id(*parts: object) -> uuid.UUID:
    """Deterministic id of a link row, so concurrent "add the same link" converge to one row."""
    return uuid.uuid5(LINK_NAMESPACE, ":".join(str(p) for p in parts))
