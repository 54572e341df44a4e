"""Full-text search index (FTS5) over organisations, contacts, files, interactions, documents.

Built from the rows already present, so a database from revision 0001 is searchable after the
upgrade. The SQL is frozen here rather than imported, so this revision keeps meaning what it
meant when it was released.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 07:00:00
"""
from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_CREATE = (
    "CREATE TABLE search_doc (rowid INTEGER PRIMARY KEY, entity TEXT NOT NULL, "
    "row_id TEXT NOT NULL, UNIQUE (entity, row_id))",
    "CREATE VIRTUAL TABLE search_fts USING fts5(title, body, "
    "tokenize = 'unicode61 remove_diacritics 2')",
)


def upgrade() -> None:
    for sql in _CREATE:
        op.execute(sql)
    # The application rebuilds the index content right after the upgrade
    # (passerelle.store.migrate calls search.rebuild), with the current indexing rules.


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS search_fts")
    op.execute("DROP TABLE IF EXISTS search_doc")
