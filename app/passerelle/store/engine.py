"""Engine and sessions: SQLite pragmas, real transactions, the ``pligatures`` SQL function.

pysqlite's legacy transaction handling defers ``BEGIN`` and never wraps DDL, which breaks
transactional migrations and SAVEPOINTs; the recipe from SQLAlchemy's SQLite dialect notes turns
the driver's own handling off and emits ``BEGIN`` ourselves.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from passerelle.domain.text import expand_ligatures

BUSY_TIMEOUT_MS = 5000


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = NORMAL")
    # Declared but not enforced: a sync file may bring a child before its parent (DESIGN §5).
    cur.execute("PRAGMA foreign_keys = OFF")
    cur.close()
    dbapi_connection.create_function("pligatures", 1, expand_ligatures, deterministic=True)


def _on_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


def make_engine(path: Path | str, **kwargs: Any) -> Engine:
    """An engine on the SQLite file ``path`` (``":memory:"`` for tests)."""
    url = "sqlite://" if str(path) == ":memory:" else f"sqlite:///{Path(path)}"
    engine = create_engine(url, **kwargs)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded values after commit (DTOs are built after the transaction)."""
    return sessionmaker(engine, expire_on_commit=False)
