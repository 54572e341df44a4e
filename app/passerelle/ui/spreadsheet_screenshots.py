"""Screenshots of the spreadsheet and duplicate dialogs, for ``passerelle screenshot``.

Nothing is written to the database: the import is only checked (dry run) and the merge dialog
is shown, not confirmed. The sample spreadsheet is written in a temporary folder, in the
Windows-1252 encoding French Excel uses, and names an organisation of the database so the
duplicate handling shows.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QWidget

from passerelle.services import duplicates
from passerelle.services.lists import ListQuery, OrganisationRows
from passerelle.services.organisations import OrganisationDTO, get_organisation
from passerelle.ui.context import UiContext
from passerelle.ui.dialogs.duplicates import DuplicateDialog
from passerelle.ui.dialogs.merge import MergeDialog
from passerelle.ui.dialogs.spreadsheet_import import SpreadsheetImportDialog

Save = Callable[[str, QPixmap | None], None]
Composite = Callable[[QWidget, QWidget], QPixmap]

_SAMPLE = [
    "Nom de l'association;N° RNA;Adresse;Code postal;Ville;Courriel;Tél.;Thématiques;Objet",
    'Cœur & Solidarité;W595012345;12 rue de Lannoy;59100;Roubaix;contact@coeur-solidarite.fr;'
    '03 20 11 22 33;solidarité, insertion;"Épicerie solidaire; aide aux devoirs"',
    "Œuvre des Jardins Ouvriers;W596000123;8 rue Nationale;59700;Marcq-en-Barœul;"
    "jardins@oeuvre.fr;;environnement;Jardins familiaux",
    "Atelier Vélo Solidaire;W59ABC;3 rue Pierre Mauroy;59000;Lille;velo@atelier;"
    "03 20 00 00 00;mobilité;Réparation de vélos",
    "Club de Boxe Éducative;;45 rue du Moulin;5920;Tourcoing;boxe@club.fr;06 39 98 12 34;"
    "sport, jeunesse;",
    "Coeur et Solidarite;W595012345;12 rue de Lannoy;59100;ROUBAIX;;;;",
]


def _existing_pair(ctx: UiContext) -> tuple[OrganisationDTO, OrganisationDTO] | None:
    """Two associations of Roubaix (for the merge dialog), else any two organisations."""
    source = OrganisationRows(ctx.db)
    rowids = source.ids(ListQuery(filters={"kind": "association",
                                           "commune_insee": "59512"})).tolist()[:2]
    if len(rowids) < 2:
        rowids = source.ids(ListQuery()).tolist()[:2]
    if len(rowids) < 2:
        return None
    rows = source.rows(rowids)
    first, second = (get_organisation(ctx.db, rows[r].id) for r in rowids)
    return first, second


def take(ctx: UiContext, window: QWidget, save: Save, composite: Composite,
         settle: Callable[[], None]) -> None:
    """Import mapping, dry-run report, duplicate warning and merge dialog, in that order."""
    pair = _existing_pair(ctx)
    lines = list(_SAMPLE)
    if pair is not None:
        known = pair[0]
        lines.append(";".join([known.name, known.rna or "", known.address or "",
                               known.postal_code or "", known.commune_name or "", "", "", "",
                               ""]))
    with tempfile.TemporaryDirectory(prefix="passerelle-shots-") as folder:
        path = Path(folder) / "associations_partenaires.csv"
        path.write_bytes("\r\n".join(lines).encode("cp1252", "replace") + b"\r\n")
        dialog = SpreadsheetImportDialog(ctx, "organisations", path, window)
        dialog.show()
        settle()
        save("import_mapping", composite(window, dialog))
        dialog.check_button.click()
        settle()
        save("import_report", composite(window, dialog))
        _close(dialog)

    if pair is None:
        return
    first, second = pair
    candidate = duplicates.OrganisationCandidate(
        first.name, first.kind, first.siren, first.siret, first.rna, first.commune_insee,
        first.commune_name, first.postal_code)
    found = duplicates.find_duplicates(ctx.db, candidate)
    if found:
        warning = DuplicateDialog(found, first.name, window)
        warning.show()
        settle()
        save("duplicate_warning", composite(window, warning))
        _close(warning)
    merge = MergeDialog(ctx, first.id, second.id, window)
    merge.show()
    settle()
    save("merge_dialog", composite(window, merge))
    _close(merge)


def _close(dialog: QDialog) -> None:
    dialog.hide()
    dialog.deleteLater()


__all__ = ["take"]
