"""Figures for ``passerelle stats``: counts per entity, files per stage, category and status."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from passerelle.domain.stages import Stage
from passerelle.domain.vocabulary import PartnershipCategory
from passerelle.store.database import Database
from passerelle.store.models import (
    SYNCED_MODELS,
    Organisation,
    PartnershipFile,
    sync_change,
)


def collect(db: Database) -> dict[str, Any]:
    """Live-row counts per entity, organisations per kind, files per stage/category/status."""
    with db.read() as s:
        counts = {
            m.__entity__: int(s.scalar(select(func.count()).select_from(m)
                                       .where(m.deleted.is_(False))) or 0)
            for m in SYNCED_MODELS
        }
        live_files = PartnershipFile.deleted.is_(False)
        by_stage = dict(s.execute(select(PartnershipFile.stage, func.count())
                                  .where(live_files).group_by(PartnershipFile.stage)).all())
        by_category = dict(s.execute(select(PartnershipFile.category, func.count())
                                     .where(live_files).group_by(PartnershipFile.category)).all())
        by_status = dict(s.execute(select(PartnershipFile.status, func.count())
                                   .where(live_files).group_by(PartnershipFile.status)).all())
        by_kind = dict(s.execute(select(Organisation.kind, func.count())
                                 .where(Organisation.deleted.is_(False))
                                 .group_by(Organisation.kind)).all())
        changes = int(s.scalar(select(func.count()).select_from(sync_change)) or 0)
    return {
        "counts": counts,
        "organisations_by_kind": by_kind,
        "files_by_stage": {stage.key: int(by_stage.get(stage.value, 0)) for stage in Stage},
        "files_by_category": {
            **{c.value: int(by_category.get(c.value, 0)) for c in PartnershipCategory},
            "non_renseignee": int(by_category.get(None, 0)),
        },
        "files_by_status": by_status,
        "change_log_entries": changes,
    }
