"""Engine and sessions: SQLite pragmas, real transactions, the ``pligatures`` SQL function.

pysqlite's legacy transaction handling defers ``BEGIN`` and never wraps DDL, which breaks
transactional migrations and SAVEPOINTs; the recipe from SQLAlchemy's SQLite dialect notes turns
the driver's own handling off and emits ``BEGIN`` ourselves.

An encrypted database (see :mod:`passerelle.store.cipher`) gets the same recipe on sqlcipher3
connections: the key is applied by the pool's ``creator`` before any pragma, and the dialect
runs with ``module=sqlcipher3.dbapi2`` so its errors are wrapped like sqlite3's.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from passerelle.domain.text import expand_ligatures
from passerelle.store import cipher

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


def make_engine(path: Path | str, *, key: cipher.DbKey | None = None,
                **kwargs: Any) -> Engine:
    """An engine on the SQLite file ``path`` (``":memory:"`` for tests).

    ``key`` defaults to the one registered for ``path`` when the file is encrypted or new
    (:func:`cipher.key_for`); a plain existing file opens plain.
    """
    if key is None:
        key = cipher.key_for(path)
    url = "sqlite://" if str(path) == ":memory:" else f"sqlite:///{Path(path)}"
    if key is not None:
        kwargs.setdefault("creator", cipher.creator(path, key))
        kwargs.setdefault("module", cipher.DBAPI)
    engine = create_engine(url, **kwargs)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded values after commit (DTOs are built after the transaction)."""
    return sessionmaker(engine, expire_on_commit=False)
