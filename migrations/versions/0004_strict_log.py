"""STRICT change log tables; kept block digests; index on ``organisation.commune_insee``.

``sync_change`` and ``sync_change_parent`` are rebuilt STRICT with plain TEXT/INTEGER columns,
declared exactly as the tables of a sync payload (format 1.2). SQLite's transfer optimisation
then copies the whole log into an export page by page instead of decoding and re-encoding each
row: 0.73 s → 0.32 s at 600,000 changes. The rows are copied as they are (the values already
have these types: the change log never wrote anything else), the constraint and index names
stay the same, and the log's digest is unchanged.

``sync_digest_block`` keeps the digests of complete blocks of the log between exports, and
``sync_state.digest_epoch`` is bumped by triggers whenever a logged change or parent link is
rewritten or removed (the erasure of a person rewrites values): a digest kept under an older
epoch is never used (see ``passerelle/store/digest_cache.py``).

The directory and the observatory filter organisations by commune; the index spares them a
scan of the table.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 13:30:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_CHANGE_COLUMNS = "device_id, hlc, seq, entity, row_id, field, value, wire_ver, author"
_PARENT_COLUMNS = "device_id, hlc, parent_device, parent_hlc"

_STRICT = {
    "sync_change": (
        "device_id TEXT NOT NULL, hlc INTEGER NOT NULL, seq INTEGER NOT NULL, "
        "entity TEXT NOT NULL, row_id TEXT NOT NULL, field TEXT NOT NULL, value TEXT, "
        "wire_ver INTEGER NOT NULL, author TEXT, "
        "CONSTRAINT pk_sync_change PRIMARY KEY (device_id, hlc), "
        "CONSTRAINT uq_sync_change_device_id_seq UNIQUE (device_id, seq)",
        "WITHOUT ROWID, STRICT"),
    "sync_change_parent": (
        "device_id TEXT NOT NULL, hlc INTEGER NOT NULL, parent_device TEXT NOT NULL, "
        "parent_hlc INTEGER NOT NULL, CONSTRAINT pk_sync_change_parent "
        "PRIMARY KEY (device_id, hlc, parent_device, parent_hlc)",
        "WITHOUT ROWID, STRICT"),
}
#: The 0001 declarations, for the downgrade.
_LOOSE = {
    "sync_change": (
        "device_id VARCHAR(36) NOT NULL, hlc BIGINT NOT NULL, seq BIGINT NOT NULL, "
        "entity VARCHAR(40) NOT NULL, row_id VARCHAR(36) NOT NULL, field VARCHAR(60) NOT NULL, "
        "value TEXT, wire_ver INTEGER NOT NULL, author VARCHAR(150), "
        "CONSTRAINT pk_sync_change PRIMARY KEY (device_id, hlc), "
        "CONSTRAINT uq_sync_change_device_id_seq UNIQUE (device_id, seq)",
        "WITHOUT ROWID"),
    "sync_change_parent": (
        "device_id VARCHAR(36) NOT NULL, hlc BIGINT NOT NULL, "
        "parent_device VARCHAR(36) NOT NULL, parent_hlc BIGINT NOT NULL, "
        "CONSTRAINT pk_sync_change_parent "
        "PRIMARY KEY (device_id, hlc, parent_device, parent_hlc)",
        "WITHOUT ROWID"),
}
_INDEXES = {
    "sync_change": "CREATE INDEX ix_sync_change_entity_row_id_field "
                   "ON sync_change (entity, row_id, field)",
    "sync_change_parent": "CREATE INDEX ix_sync_change_parent_parent_device_parent_hlc "
                          "ON sync_change_parent (parent_device, parent_hlc)",
}


def _rebuild(declarations: dict[str, tuple[str, str]]) -> None:
    """Copy each log table into a new declaration (same rows, same names, same indexes)."""
    for table, (columns, options) in declarations.items():
        names = _CHANGE_COLUMNS if table == "sync_change" else _PARENT_COLUMNS
        op.execute(f"CREATE TABLE {table}_rebuilt ({columns}) {options}")
        op.execute(f"INSERT INTO {table}_rebuilt ({names}) SELECT {names} FROM {table}")
        op.execute(f"DROP TABLE {table}")
        op.execute(f"ALTER TABLE {table}_rebuilt RENAME TO {table}")
        op.execute(_INDEXES[table])


#: A rewrite of the log makes every kept digest stale (the log otherwise only grows).
_TRIGGERS = {
    f"sync_{table}_{event.lower()}_bumps_digest_epoch":
        f"CREATE TRIGGER sync_{table}_{event.lower()}_bumps_digest_epoch AFTER {event} "
        f"ON sync_{table} BEGIN UPDATE sync_state SET digest_epoch = digest_epoch + 1; END"
    for table in ("change", "change_parent") for event in ("UPDATE", "DELETE")
}


def upgrade() -> None:
    _rebuild(_STRICT)
    op.add_column('sync_state', sa.Column('digest_epoch', sa.Integer(), server_default='0',
                                          nullable=False))
    op.create_table('sync_digest_block',
    sa.Column('device_id', sa.Text(), nullable=False),
    sa.Column('block_start', sa.Integer(), nullable=False),
    sa.Column('lo_hlc', sa.Integer(), nullable=False),
    sa.Column('hi_hlc', sa.Integer(), nullable=False),
    sa.Column('n_parents', sa.Integer(), nullable=False),
    sa.Column('digest', sa.Text(), nullable=False),
    sa.Column('epoch', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('device_id', 'block_start', name=op.f('pk_sync_digest_block')),
    sqlite_with_rowid=False,
    sqlite_strict=True,
    )
    for ddl in _TRIGGERS.values():
        op.execute(ddl)
    op.create_index(op.f('ix_organisation_commune_insee'), 'organisation', ['commune_insee'],
                    unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_organisation_commune_insee'), table_name='organisation')
    for name in _TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
    op.drop_table('sync_digest_block')
    with op.batch_alter_table('sync_state', schema=None) as batch_op:
        batch_op.drop_column('digest_epoch')
    _rebuild(_LOOSE)
