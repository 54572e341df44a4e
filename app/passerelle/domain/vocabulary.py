"""The study's vocabulary (DESIGN.md §2) as enumerations with French labels.

Values are stable wire names (they travel in sync files and live in the database); labels are the
French source text that the UI passes through Qt's translation with the enum's class name as the
fixed context (``translate("Stage", label)``). The domain itself never translates.
"""

from __future__ import annotations

from enum import Enum


class LabelledEnum(str, Enum):
    """A ``str`` enum whose members carry a French label (second tuple item)."""

    label: str

    def __new__(cls, value: str, label: str) -> LabelledEnum:
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        return obj

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        """(value, French label) pairs, in declaration order, for forms and filters."""
        return [(m.value, m.label) for m in cls]

    @classmethod
    def parse(cls, value: str) -> LabelledEnum:
        """Member by value or by (case-insensitive) label."""
        for m in cls:
            if value == m.value or value.casefold() == m.label.casefold():
                return m
        raise ValueError(f"{value!r} is not a {cls.__name__}")


class OrganisationKind(LabelledEnum):
    ASSOCIATION = ("association", "Association")
    COMPANY = ("entreprise", "Entreprise")
    PUBLIC_BODY = ("collectivite", "Collectivité / pouvoir public")
    NETWORK = ("reseau", "Réseau / tête de réseau")
    FOUNDATION = ("fondation", "Fondation")


class CompanySize(LabelledEnum):
    TPE = ("TPE", "TPE (moins de 10 salariés)")
    PME = ("PME", "PME (10 à 249 salariés)")
    ETI = ("ETI", "ETI (250 à 4 999 salariés)")
    GE = ("GE", "Grande entreprise")


class PartnershipMaturity(LabelledEnum):
    FIRST_STEPS = ("premiers_pas", "Premiers pas")
    OCCASIONAL = ("occasionnel", "Partenariats ponctuels")
    EXPERIENCED = ("experimente", "Expérimentée")


class PartnershipCategory(LabelledEnum):
    """RAMEAU categories, in increasing degree of co-construction (DOMAIN-FR §5.1)."""

    MECENAT = ("mecenat", "Mécénat")
    RESPONSIBLE_PRACTICES = ("pratiques_responsables", "Pratiques responsables")
    ECONOMIC_COOPERATION = ("cooperation_economique", "Coopération économique")
    SOCIETAL_INNOVATION = ("innovation_societale", "Innovation sociétale")


class SupportNature(LabelledEnum):
    FINANCIAL = ("financier", "Financier")
    SKILLS = ("competences", "Compétences (mécénat de compétences)")
    IN_KIND = ("nature", "En nature (matériel, locaux)")
    VOLUNTEERING = ("benevolat", "Bénévolat / ressources humaines")
    NETWORKING = ("reseau", "Mise en réseau")
    RESPONSIBLE_PURCHASING = ("achats_responsables", "Achats responsables")
    TRAINING = ("formation", "Formation")


class Objective(LabelledEnum):
    """Objectives of a file; the prefix says whose objective it is."""

    COMPANY_HR = ("entreprise_rh", "Entreprise : management / RH")
    COMPANY_INNOVATION = ("entreprise_innovation", "Entreprise : innovation")
    COMPANY_PERFORMANCE = ("entreprise_performance", "Entreprise : performance économique")
    COMPANY_STAKEHOLDERS = (
        "entreprise_dialogue", "Entreprise : dialogue avec les parties prenantes")
    ASSOCIATION_FUNDING = ("association_ressources", "Association : ressources financières")
    ASSOCIATION_INNOVATION = ("association_innovation", "Association : innovation")
    ASSOCIATION_SKILLS = ("association_competences", "Association : compétences")
    ASSOCIATION_INVOLVEMENT = ("association_implication", "Association : implication des acteurs")
    TERRITORY_QUALITY = ("territoire_qualite_vie", "Territoire : qualité de vie")
    TERRITORY_ATTRACTIVENESS = ("territoire_attractivite", "Territoire : attractivité")
    TERRITORY_COHESION = ("territoire_cohesion", "Territoire : cohésion sociale")
    TERRITORY_ECONOMY = ("territoire_economie", "Territoire : développement économique")


class Brake(LabelledEnum):
    UNAWARENESS = ("meconnaissance", "Méconnaissance")
    SILOS = ("cloisonnement", "Cloisonnement")
    DISTRUST = ("mefiance", "Méfiance / défiance")
    COMPLEXITY = ("complexite", "Complexité")


class Mission(LabelledEnum):
    MATCHING = ("mise_en_relation", "Mise en relation")
    ANIMATION = ("animation", "Animation")
    ACCOMPANIMENT = ("accompagnement", "Accompagnement")
    OBSERVATORY = ("observatoire", "Observatoire")


class FileOrigin(LabelledEnum):
    EVENT = ("evenement", "Rencontre collective")
    REFERRAL = ("orientation", "Orientation par un partenaire")
    DIRECT = ("demande_directe", "Demande directe")
    MATCHING = ("mise_en_relation", "Mise en relation (besoin ↔ offre)")


class FileStatus(LabelledEnum):
    ACTIVE = ("actif", "Actif")
    ON_HOLD = ("en_pause", "En pause")
    ABANDONED = ("abandonne", "Abandonné")


class InteractionKind(LabelledEnum):
    MEETING = ("reunion", "Réunion")
    CALL = ("appel", "Appel téléphonique")
    MEDIATION = ("mediation", "Séance de médiation")
    VISIT = ("visite", "Visite sur site")
    EMAIL = ("courriel", "Courriel")
    EVENT_ENCOUNTER = ("rencontre_evenement", "Rencontre lors d'un événement")
    REVIEW = ("bilan", "Réunion de bilan")


class AgreementType(LabelledEnum):
    FINANCIAL_PATRONAGE = ("mecenat_financier", "Convention de mécénat financier")
    IN_KIND_PATRONAGE = ("mecenat_nature", "Convention de mécénat en nature")
    SKILLS_PATRONAGE = ("mecenat_competences", "Convention de mécénat de compétences")
    PARTNERSHIP = ("partenariat", "Convention de partenariat")
    PROVISION = ("mise_a_disposition", "Convention de mise à disposition")


class AgreementStatus(LabelledEnum):
    DRAFT = ("brouillon", "Brouillon")
    SENT = ("envoyee", "Envoyée")
    SIGNED = ("signee", "Signée")
    EXPIRED = ("expiree", "Expirée")
    TERMINATED = ("resiliee", "Résiliée")


class EventKind(LabelledEnum):
    SPEED_DATING = ("speed_dating", "Speed-dating associations–entreprises")
    BREAKFAST = ("petit_dejeuner", "Petit-déjeuner")
    CONFERENCE = ("conference", "Conférence")
    WORKSHOP = ("atelier", "Atelier")


class ParticipationStatus(LabelledEnum):
    INVITED = ("invite", "Invité")
    REGISTERED = ("inscrit", "Inscrit")
    PRESENT = ("present", "Présent")
    ABSENT = ("absent", "Absent")


class NeedStatus(LabelledEnum):
    OPEN = ("ouvert", "Ouvert")
    IN_PROGRESS = ("en_cours", "En cours de mise en relation")
    FULFILLED = ("satisfait", "Satisfait")
    CLOSED = ("clos", "Clos")


class LegalBasis(LabelledEnum):
    """RGPD legal basis for processing a contact's data (DOMAIN-FR §4.1)."""

    LEGITIMATE_INTEREST = ("interet_legitime", "Intérêt légitime")
    CONSENT = ("consentement", "Consentement")
    CONTRACT = ("contrat", "Exécution d'un contrat")
    LEGAL_OBLIGATION = ("obligation_legale", "Obligation légale")


class DocumentKind(LabelledEnum):
    GENERATED = ("genere", "Document généré")
    SIGNED = ("signe", "Document signé")
    ATTACHMENT = ("piece_jointe", "Pièce jointe")


class TaskStatus(LabelledEnum):
    OPEN = ("a_faire", "À faire")
    DONE = ("fait", "Fait")
