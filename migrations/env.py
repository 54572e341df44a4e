"""Alembic environment, shared by the `alembic` command and the start-up upgrade.

At start-up ``passerelle.store.migrate`` passes its own connection in
``config.attributes["connection"]`` so the whole upgrade runs in the caller's transaction; from
the command line the database is given with ``-x db=PATH``.
"""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import Connection

from passerelle.store.engine import make_engine
from passerelle.store.models import Base

config = context.config
target_metadata = Base.metadata


def include_object(obj: Any, name: str | None, type_: str, reflected: bool,
                   compare_to: Any) -> bool:
    """The FTS5 indexes are managed by hand (virtual tables are invisible to autogenerate)."""
    return not (type_ == "table" and name is not None
                and (name.startswith(("search_fts", "registry_fts")) or name == "search_doc"))


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        include_object=include_object,
        transactional_ddl=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    db = context.get_x_argument(as_dictionary=True).get("db")
    if not db:
        raise SystemExit("usage: alembic -x db=PATH upgrade head")
    engine = make_engine(db)
    with engine.begin() as conn:
        _run(conn)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline (SQL script) mode is not supported")
run_migrations_online()
