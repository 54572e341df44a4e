"""How synchronisation screens name things: entities, fields, values, devices, moments.

The engine speaks wire names (``organisation.phone``) and raw values; a facilitator reads
« Organisation », « Téléphone », « 03 20 44 55 66 », « Oui », « 1 500,00 € », a stage's label.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QTimeZone

from passerelle.domain import vocabulary as voc
from passerelle.domain.stages import Stage
from passerelle.domain.validators import format_phone_fr
from passerelle.ui.i18n import label
from passerelle.ui.widgets.panels import format_date, format_euros


def entity_label(entity: str) -> str:
    t = QCoreApplication.translate
    names = {
        "organisation": t("SyncLabels", "Organisation"),
        "contact": t("SyncLabels", "Contact"),
        "contact_organisation": t("SyncLabels", "Rattachement d'un contact"),
        "need": t("SyncLabels", "Besoin"),
        "offer": t("SyncLabels", "Offre"),
        "event": t("SyncLabels", "Événement"),
        "event_participant": t("SyncLabels", "Participant à un événement"),
        "partnership_file": t("SyncLabels", "Dossier"),
        "file_party": t("SyncLabels", "Partie prenante d'un dossier"),
        "stage_change": t("SyncLabels", "Historique d'étape"),
        "interaction": t("SyncLabels", "Échange"),
        "note_revision": t("SyncLabels", "Notes d'un échange"),
        "interaction_participant": t("SyncLabels", "Participant à un échange"),
        "task": t("SyncLabels", "Tâche"),
        "agreement": t("SyncLabels", "Convention"),
        "counterpart": t("SyncLabels", "Contrepartie"),
        "template": t("SyncLabels", "Modèle"),
        "document": t("SyncLabels", "Document"),
    }
    return names.get(entity, entity)


def field_label(field: str) -> str:
    t = QCoreApplication.translate
    names = {
        "_row": t("SyncLabels", "Suppression"),
        "address": t("SyncLabels", "Adresse"),
        "amount_cents": t("SyncLabels", "Montant"),
        "assignee": t("SyncLabels", "Responsable"),
        "body": t("SyncLabels", "Texte"),
        "brakes": t("SyncLabels", "Freins"),
        "cash_cents": t("SyncLabels", "Numéraire"),
        "category": t("SyncLabels", "Catégorie"),
        "closed_on": t("SyncLabels", "Clôturé le"),
        "collected_from": t("SyncLabels", "Source de la donnée"),
        "collected_on": t("SyncLabels", "Collectée le"),
        "commune_insee": t("SyncLabels", "Commune (code INSEE)"),
        "commune_name": t("SyncLabels", "Commune"),
        "consent_on": t("SyncLabels", "Consentement le"),
        "decisions": t("SyncLabels", "Décisions"),
        "description": t("SyncLabels", "Description"),
        "done_on": t("SyncLabels", "Fait le"),
        "due_on": t("SyncLabels", "Échéance"),
        "duration_minutes": t("SyncLabels", "Durée (minutes)"),
        "email": t("SyncLabels", "Courriel"),
        "end_on": t("SyncLabels", "Fin"),
        "ess": t("SyncLabels", "Économie sociale et solidaire"),
        "facilitator": t("SyncLabels", "Chargé d'accompagnement"),
        "first_name": t("SyncLabels", "Prénom"),
        "in_kind_cents": t("SyncLabels", "En nature (valorisé)"),
        "is_primary": t("SyncLabels", "Contact principal"),
        "kind": t("SyncLabels", "Type"),
        "last_name": t("SyncLabels", "Nom de famille"),
        "legal_basis": t("SyncLabels", "Base légale"),
        "legal_form": t("SyncLabels", "Forme juridique"),
        "maturity": t("SyncLabels", "Maturité partenariale"),
        "mobile": t("SyncLabels", "Portable"),
        "naf": t("SyncLabels", "Code NAF"),
        "name": t("SyncLabels", "Nom"),
        "nature": t("SyncLabels", "Nature du soutien"),
        "neighbourhood": t("SyncLabels", "Quartier"),
        "notes": t("SyncLabels", "Notes"),
        "object": t("SyncLabels", "Objet"),
        "objectives": t("SyncLabels", "Objectifs"),
        "objects_to_prospecting": t("SyncLabels", "Opposition à la prospection"),
        "occurred_at": t("SyncLabels", "Date"),
        "opened_on": t("SyncLabels", "Ouvert le"),
        "origin": t("SyncLabels", "Origine"),
        "period_end": t("SyncLabels", "Fin de période"),
        "period_start": t("SyncLabels", "Début de période"),
        "phone": t("SyncLabels", "Téléphone"),
        "place": t("SyncLabels", "Lieu"),
        "postal_code": t("SyncLabels", "Code postal"),
        "qpv": t("SyncLabels", "Quartier prioritaire (QPV)"),
        "reason": t("SyncLabels", "Motif"),
        "reference": t("SyncLabels", "Référence"),
        "renewal_on": t("SyncLabels", "Renouvellement"),
        "rna": t("SyncLabels", "RNA"),
        "role": t("SyncLabels", "Rôle"),
        "signed_on": t("SyncLabels", "Signée le"),
        "siren": t("SyncLabels", "SIREN"),
        "siret": t("SyncLabels", "SIRET"),
        "size": t("SyncLabels", "Taille"),
        "skills_cents": t("SyncLabels", "Compétences (valorisées)"),
        "stage": t("SyncLabels", "Étape"),
        "stage_since": t("SyncLabels", "À cette étape depuis"),
        "start_on": t("SyncLabels", "Début"),
        "starts_at": t("SyncLabels", "Date et heure"),
        "status": t("SyncLabels", "Statut"),
        "status_reason": t("SyncLabels", "Motif du statut"),
        "subject": t("SyncLabels", "Objet"),
        "success_story": t("SyncLabels", "Partenariat réussi"),
        "summary": t("SyncLabels", "Synthèse"),
        "themes": t("SyncLabels", "Thématiques"),
        "title": t("SyncLabels", "Intitulé"),
        "type": t("SyncLabels", "Type"),
        "valuation_method": t("SyncLabels", "Méthode de valorisation"),
        "value_cents": t("SyncLabels", "Valeur"),
        "volume": t("SyncLabels", "Volume"),
        "website": t("SyncLabels", "Site web"),
        "wishes": t("SyncLabels", "Souhaits"),
        "association_id": t("SyncLabels", "Association"),
        "company_id": t("SyncLabels", "Entreprise"),
        "organisation_id": t("SyncLabels", "Organisation"),
        "contact_id": t("SyncLabels", "Contact"),
        "file_id": t("SyncLabels", "Dossier"),
        "event_id": t("SyncLabels", "Événement"),
        "origin_event_id": t("SyncLabels", "Événement d'origine"),
        "interaction_id": t("SyncLabels", "Échange"),
        "agreement_id": t("SyncLabels", "Convention"),
        "template_id": t("SyncLabels", "Modèle"),
        "merged_into": t("SyncLabels", "Fusionnée dans"),
        "author": t("SyncLabels", "Auteur"),
        "at": t("SyncLabels", "Date"),
        "from_stage": t("SyncLabels", "Étape de départ"),
        "to_stage": t("SyncLabels", "Étape d'arrivée"),
        "round_minutes": t("SyncLabels", "Durée des rencontres (minutes)"),
        "last_inbound_on": t("SyncLabels", "Dernier contact le"),
    }
    return names.get(field, field)


#: fields whose values are vocabulary members, by (entity or "*", field)
_ENUMS: dict[tuple[str, str], type[Enum]] = {
    ("organisation", "kind"): voc.OrganisationKind,
    ("organisation", "size"): voc.CompanySize,
    ("organisation", "maturity"): voc.PartnershipMaturity,
    ("partnership_file", "category"): voc.PartnershipCategory,
    ("partnership_file", "status"): voc.FileStatus,
    ("partnership_file", "origin"): voc.FileOrigin,
    ("partnership_file", "stage"): Stage,
    ("partnership_file", "objectives"): voc.Objective,
    ("partnership_file", "brakes"): voc.Brake,
    ("interaction", "kind"): voc.InteractionKind,
    ("agreement", "type"): voc.AgreementType,
    ("agreement", "status"): voc.AgreementStatus,
    ("event", "kind"): voc.EventKind,
    ("event_participant", "status"): voc.ParticipationStatus,
    ("need", "nature"): voc.SupportNature,
    ("offer", "nature"): voc.SupportNature,
    ("need", "status"): voc.NeedStatus,
    ("offer", "status"): voc.NeedStatus,
    ("contact", "legal_basis"): voc.LegalBasis,
    ("document", "kind"): voc.DocumentKind,
    ("task", "status"): voc.TaskStatus,
}


def _enum_label(enum: type[Enum], value: Any) -> str:
    try:
        return label(enum(value))
    except ValueError:
        return str(value)  # a value from a newer Passerelle: shown as it is


def empty_text() -> str:
    return QCoreApplication.translate("SyncLabels", "(vide)")


def value_text(entity: str, field: str, value: Any) -> str:
    """A field's value as a person reads it."""
    if value is None or value == "" or value == []:
        return empty_text()
    enum = _ENUMS.get((entity, field))
    if isinstance(value, list):
        parts = [_enum_label(enum, v) if enum else str(v) for v in value]
        return ", ".join(parts)
    if enum is not None:
        return _enum_label(enum, value)
    if isinstance(value, bool):
        return (QCoreApplication.translate("SyncLabels", "Oui") if value
                else QCoreApplication.translate("SyncLabels", "Non"))
    if field in ("phone", "mobile") and isinstance(value, str):
        return format_phone_fr(value)
    if field.endswith("_cents") and isinstance(value, int):
        return format_euros(value)
    if isinstance(value, datetime):
        return moment_text(value)
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, uuid.UUID):
        return QCoreApplication.translate("SyncLabels", "un autre enregistrement ({id}…)").format(
            id=str(value)[:8])
    return str(value)


def moment_text(when: datetime) -> str:
    """A moment in the user's time zone and locale (« 26/11/2026 09:27 »)."""
    if when.tzinfo is None:  # the database stores naive UTC
        when = when.replace(tzinfo=UTC)
    stamp = QDateTime.fromMSecsSinceEpoch(int(when.timestamp() * 1000), QTimeZone.systemTimeZone())
    return QLocale().toString(stamp, QLocale.FormatType.ShortFormat)


def who_text(author: str | None, device: str | None) -> str:
    """« Karim Benali · Portable de Karim » (whichever is known)."""
    parts = [p for p in (author, device) if p]
    return " · ".join(parts) or QCoreApplication.translate("SyncLabels", "auteur inconnu")
