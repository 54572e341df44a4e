"""The maturity stages of a partnership file and the rules for moving between them.

A facilitator may move a file back to any earlier stage, and forward to any later stage whose
required facts all hold: a file created late in its life (a partnership twelve years old) can be
registered at its real stage without inventing history, while a move that lacks facts is refused
with the list of what is missing (DESIGN.md §3: "the app says what is missing instead of refusing
silently"). Requirements are cumulative: reaching « Convention » also needs everything
« Co-construction » needs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from passerelle.domain.errors import StageRuleViolation, ValidationError
from passerelle.domain.vocabulary import FileStatus


class Stage(int, Enum):
    """Stages 1–8; the int value is the order."""

    label: str
    key: str

    def __new__(cls, value: int, key: str, label: str) -> Stage:
        obj = int.__new__(cls, value)
        obj._value_ = value
        obj.key = key
        obj.label = label
        return obj

    FIRST_CONTACT = (1, "premier_contact", "Premier contact")
    DIAGNOSIS = (2, "diagnostic", "Diagnostic")
    MATCHING = (3, "mise_en_relation", "Mise en relation")
    CO_CONSTRUCTION = (4, "co_construction", "Co-construction")
    AGREEMENT = (5, "convention", "Convention")
    FOLLOW_UP = (6, "suivi", "Mise en œuvre & suivi")
    REVIEW = (7, "bilan", "Bilan")
    STRUCTURING = (8, "structurant", "Partenariat structurant")

    @classmethod
    def from_key(cls, key: str) -> Stage:
        for s in cls:
            if s.key == key:
                return s
        raise ValueError(f"unknown stage key {key!r}")


@dataclass(frozen=True, slots=True)
class FileFacts:
    """What the rules need to know about a file; the service gathers it from the store."""

    has_association: bool = False
    has_company: bool = False
    has_category: bool = False
    interaction_count: int = 0
    agreement_count: int = 0
    signed_agreement_count: int = 0
    review_note_count: int = 0


@dataclass(frozen=True, slots=True)
class Requirement:
    """One fact a stage needs, with the French sentence shown when it is missing."""

    key: str
    message: str

    def holds(self, facts: FileFacts) -> bool:
        return _CHECKS[self.key](facts)


_CHECKS: dict[str, Callable[[FileFacts], bool]] = {
    "association": lambda f: f.has_association,
    "company": lambda f: f.has_company,
    "category": lambda f: f.has_category,
    "interaction": lambda f: f.interaction_count > 0,
    "agreement": lambda f: f.agreement_count > 0,
    "signed_agreement": lambda f: f.signed_agreement_count > 0,
    "review_note": lambda f: f.review_note_count > 0,
}

_R = Requirement
# The facts each stage adds on top of the previous stage's.
STAGE_REQUIREMENTS: dict[Stage, tuple[Requirement, ...]] = {
    Stage.FIRST_CONTACT: (),
    Stage.DIAGNOSIS: (_R("association", "une association porteuse doit être renseignée"),),
    Stage.MATCHING: (_R("company", "au moins une entreprise partenaire doit être renseignée"),),
    Stage.CO_CONSTRUCTION: (
        _R("interaction", "au moins une rencontre ou un échange doit être consigné"),
        _R("category", "la catégorie de partenariat doit être choisie"),
    ),
    Stage.AGREEMENT: (_R("agreement", "une convention doit être rattachée au dossier"),),
    Stage.FOLLOW_UP: (_R("signed_agreement", "la convention doit être signée"),),
    Stage.REVIEW: (_R("review_note", "une note de bilan doit être consignée"),),
    Stage.STRUCTURING: (),
}


def missing_for(target: Stage, facts: FileFacts) -> tuple[Requirement, ...]:
    """Every unmet requirement of ``target`` and of the stages before it, in stage order."""
    missing: list[Requirement] = []
    for stage in Stage:
        if stage > target:
            break
        missing.extend(r for r in STAGE_REQUIREMENTS[stage] if not r.holds(facts))
    return tuple(missing)


@dataclass(frozen=True, slots=True)
class StageMove:
    """A decided move, ready to be recorded in the stage history."""

    from_stage: Stage
    to_stage: Stage
    reason: str


def check_move(current: Stage, status: FileStatus, target: Stage, facts: FileFacts,
               reason: str = "") -> StageMove:
    """Decide whether a file may move to ``target``; raise with the missing facts if not."""
    if status is not FileStatus.ACTIVE:
        raise StageRuleViolation(
            "stage_file_not_active",
            "Le dossier est « {status} » : reprenez-le avant de changer d'étape.",
            status=status.label,
        )
    if target == current:
        raise StageRuleViolation(
            "stage_same", "Le dossier est déjà à l'étape « {stage} ».", stage=target.label
        )
    if target > current:
        missing = missing_for(target, facts)
        if missing:
            raise StageRuleViolation(
                "stage_missing_facts",
                "Impossible de passer à l'étape « {stage} » : {missing_text}.",
                stage=target.label,
                missing=tuple(r.message for r in missing),
                missing_text=" ; ".join(r.message for r in missing),
            )
    return StageMove(current, target, reason.strip())


def check_status_change(status: FileStatus, new_status: FileStatus, reason: str) -> str:
    """Putting on hold or abandoning needs a reason; resuming needs a non-active file."""
    reason = reason.strip()
    if new_status == status:
        raise StageRuleViolation(
            "status_same", "Le dossier est déjà « {status} ».", status=status.label
        )
    if new_status in (FileStatus.ON_HOLD, FileStatus.ABANDONED) and not reason:
        raise ValidationError(
            "status_reason_required",
            "Indiquez la raison pour passer le dossier « {status} ».",
            field="reason",
            status=new_status.label,
        )
    return reason
