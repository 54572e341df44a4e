"""The facilitator's own structure (name, address, logo), as documents print it.

These preferences change documents, so they live in the database (``app_setting``, through
:func:`passerelle.services.documents.set_setting`), backed up and migrated with the data
(STYLE.md 7.5). The logo is **copied** into the data folder, next to the database: moving or
deleting the original picture later does not break the next convention, and a backup of the
folder keeps it.

Only PNG, JPEG and GIF pictures are accepted — what Word and python-docx embed everywhere — and
at most 5 Mo, since the logo is embedded in every generated document.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

from passerelle.domain.errors import NotFound, ValidationError
from passerelle.services.common import clean
from passerelle.services.documents import (
    SETTING_STRUCTURE_ADDRESS,
    SETTING_STRUCTURE_COMMUNE,
    SETTING_STRUCTURE_LOGO,
    SETTING_STRUCTURE_NAME,
    get_setting,
)
from passerelle.store.database import Database
from passerelle.store.models import AppSetting

__all__ = ["LOGO_MAX_BYTES", "KEEP_LOGO", "StructureSettings", "get_structure", "logo_folder",
           "save_structure"]

LOGO_MAX_BYTES = 5 * 1024 * 1024
#: Pass as ``logo`` to :func:`save_structure` to leave the current logo as it is.
KEEP_LOGO = Path("\0keep")

_SIGNATURES = ((b"\x89PNG\r\n\x1a\n", ".png"), (b"\xff\xd8\xff", ".jpg"),
               (b"GIF87a", ".gif"), (b"GIF89a", ".gif"))


@dataclass(frozen=True, slots=True)
class StructureSettings:
    """The structure as documents show it; ``logo`` is the copy in the data folder, if any."""

    name: str
    address: str
    commune: str
    logo: Path | None


def logo_folder(db: Database) -> Path:
    """Where the logo copy lives: ``structure/`` next to the database it belongs to."""
    return db.path.parent / "structure"


def get_structure(db: Database) -> StructureSettings:
    """The stored structure; a logo whose copy has disappeared is reported as none."""
    logo = get_setting(db, SETTING_STRUCTURE_LOGO)
    logo_path = Path(logo) if logo else None
    return StructureSettings(
        name=get_setting(db, SETTING_STRUCTURE_NAME) or "",
        address=get_setting(db, SETTING_STRUCTURE_ADDRESS) or "",
        commune=get_setting(db, SETTING_STRUCTURE_COMMUNE) or "",
        logo=logo_path if logo_path is not None and logo_path.is_file() else None,
    )


def _image_suffix(path: Path) -> str:
    """The picture's real type from its first bytes (a renamed file is not trusted)."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(16)
    except FileNotFoundError:
        raise NotFound("logo_not_found", "L'image « {file} » est introuvable.",
                       file=str(path)) from None
    except OSError as exc:
        raise ValidationError("logo_unreadable", "Impossible de lire l'image « {file} » : "
                              "{error}.", field="logo", file=path.name,
                              error=exc.strerror or str(exc)) from None
    if size > LOGO_MAX_BYTES:
        raise ValidationError("logo_too_large",
                              "L'image « {file} » est trop lourde ({size} Mo) : 5 Mo au plus, "
                              "car le logo est copié dans chaque document.", field="logo",
                              file=path.name, size=f"{size / 1024 / 1024:.1f}".replace(".", ","))
    for signature, suffix in _SIGNATURES:
        if head.startswith(signature):
            return suffix
    raise ValidationError("logo_bad_format",
                          "« {file} » n'est pas une image PNG, JPEG ou GIF : choisissez le logo "
                          "dans l'un de ces formats.", field="logo", file=path.name)


def save_structure(db: Database, *, name: str | None, address: str | None = None,
                   commune: str | None = None, logo: Path | None = KEEP_LOGO
                   ) -> StructureSettings:
    """Store the structure's name, address and commune, and replace or remove the logo.

    ``logo``: a picture to copy in (checked first: nothing is stored if it is refused),
    ``None`` to remove the logo, :data:`KEEP_LOGO` (default) to leave it.

    Raises:
        NotFound: the picture does not exist.
        ValidationError: not a PNG/JPEG/GIF, larger than 5 Mo, or unreadable.
    """
    new_logo: str | None = get_setting(db, SETTING_STRUCTURE_LOGO)
    copied: Path | None = None
    if logo is None:
        new_logo = None
    elif logo != KEEP_LOGO:
        source = Path(logo)
        suffix = _image_suffix(source)
        folder = logo_folder(db)
        folder.mkdir(parents=True, exist_ok=True)
        # A new name per picture: a document being generated keeps reading the old one.
        digest = hashlib.sha256(source.read_bytes()).hexdigest()[:12]
        target = folder / f"logo-{digest}{suffix}"
        if not target.exists():
            shutil.copyfile(source, target)
            copied = target
        new_logo = str(target.resolve())
    values = {SETTING_STRUCTURE_NAME: clean(name), SETTING_STRUCTURE_ADDRESS: clean(address),
              SETTING_STRUCTURE_COMMUNE: clean(commune), SETTING_STRUCTURE_LOGO: new_logo}
    try:
        with db.write() as s:  # one transaction: the four values change together
            for key, value in values.items():
                row = s.get(AppSetting, key)
                if row is None:
                    s.add(AppSetting(key=key, value=value))
                else:
                    row.value = value
    except BaseException:
        if copied is not None:
            copied.unlink(missing_ok=True)
        raise
    return get_structure(db)
