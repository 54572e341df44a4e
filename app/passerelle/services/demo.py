"""A realistic, deterministic demo database (``passerelle demo``).

Two scales (DESIGN.md §8): **mda** (≈3,000 organisations, 5,000 contacts, 500 files, 10,000
interactions) and **metropolis** (20,000 / 50,000 / 10,000 / 200,000, 30,000 tasks, 3,000
agreements). The same seed and anchor date give the same content: names, ids, dates and notes.

The study's real actors (MDA Roubaix and Tourcoing, FACE, CBE, CRESS, Macif, Orange…) carry only
their public role; the 95 communes of the Métropole are real public bodies with their real SIREN;
every association, company and person is fictional, with phone numbers in ARCEP's fiction blocks
and e-mails on RFC 2606 domains (DOMAIN-FR §6.2).

Rows go through :func:`passerelle.store.changelog.bulk_create`, so the demo has the very change
log a facilitator's own typing would produce, in one transaction: cancelled or failed, nothing
lands.
"""

from __future__ import annotations

import csv
import random
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from passerelle.domain.errors import PasserelleError
from passerelle.domain.ids import link_id
from passerelle.domain.stages import Stage
from passerelle.domain.vocabulary import (
    AgreementStatus,
    AgreementType,
    Brake,
    EventKind,
    FileOrigin,
    FileStatus,
    InteractionKind,
    LegalBasis,
    Objective,
    OrganisationKind,
    PartnershipCategory,
    PartnershipMaturity,
    TaskStatus,
)
from passerelle.infra.resources import resource_path
from passerelle.services import demo_content as dc
from passerelle.store.changelog import bulk_create
from passerelle.store.database import Database
from passerelle.store.models import (
    Agreement,
    Contact,
    ContactOrganisation,
    Counterpart,
    Event,
    EventParticipant,
    Interaction,
    InteractionParticipant,
    Need,
    NoteRevision,
    Offer,
    Organisation,
    PartnershipFile,
    StageChange,
    Synced,
    Task,
    sync_state,
)

FACILITATORS = (
    "Nadia Haddad (MDA Roubaix)",
    "Julien Vanhoutte (MDA Roubaix)",
    "Claire Descamps (MDA Tourcoing)",
    "Rachid Meziane (MDA Tourcoing)",
    "Sophie Lemaire (FACE)",
    "Thomas Delannoy (FACE)",
)
NAF_ASSOCIATION = ("94.99Z", "88.99B", "93.12Z", "85.59A", "90.01Z", "88.91A")
NAF_COMPANY = ("10.71C", "43.32A", "47.11B", "49.41A", "56.10A", "62.01Z", "69.20Z", "70.22Z",
               "71.12B", "73.11Z", "81.21Z", "82.99Z", "86.23Z", "95.11Z", "18.12Z", "45.20A")


class DemoCancelled(PasserelleError):  # noqa: N818 - a state the user asked for
    """The user cancelled the generation; nothing was written."""


@dataclass(frozen=True, slots=True)
class Scale:
    organisations: int
    contacts: int
    files: int
    interactions: int
    tasks: int
    agreements: int
    events: int
    needs: int
    offers: int


SCALES: dict[str, Scale] = {
    "mda": Scale(3_000, 5_000, 500, 10_000, 1_500, 150, 12, 300, 200),
    "metropolis": Scale(20_000, 50_000, 10_000, 200_000, 30_000, 3_000, 120, 3_000, 2_000),
}
_CHUNK = 5_000


@dataclass(frozen=True, slots=True)
class Commune:
    insee: str
    name: str
    postal_codes: tuple[str, ...]
    population: int
    siren: str


def load_communes() -> list[Commune]:
    """The 95 communes of the Métropole (resources/reference/communes_mel.csv)."""
    with resource_path("reference", "communes_mel.csv").open(encoding="utf-8") as fh:
        return [Commune(r["insee"], r["name"], tuple(r["postal_codes"].split()),
                        int(r["population"]), r["siren"]) for r in csv.DictReader(fh)]


class _Gen:
    """All the generator's state; one instance per run."""

    def __init__(self, db: Database, scale: Scale, seed: int, anchor: date,
                 progress: Callable[[int, int], None] | None,
                 cancel: threading.Event | None) -> None:
        self.db = db
        self.scale = scale
        self.rng = random.Random(seed)
        # events issue: periods, amounts and wishes drawn apart so the rest stays as it was
        self.extra_rng = random.Random(seed + 7)
        self.anchor = anchor
        self.progress = progress
        self.cancel = cancel
        self.communes = load_communes()
        self.weights = [c.population for c in self.communes]
        self.step = 0
        # one tick per phase, plus one per flushed block of interactions
        self.steps = 10 + scale.interactions // (_CHUNK * 4)
        self._ts = int(datetime.combine(anchor - timedelta(days=1200), time()).timestamp() * 1000)

    # --- helpers ---------------------------------------------------------------------------
    def uid(self) -> uuid.UUID:
        """A UUIDv7 built from the seeded generator: deterministic, still time-ordered."""
        self._ts += self.rng.randint(1, 50)
        rand = self.rng.getrandbits(74)
        value = (self._ts << 80) | (0x7 << 76) | ((rand >> 62) << 64) | (0b10 << 62) \
            | (rand & ((1 << 62) - 1))
        return uuid.UUID(int=value)

    def tick(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise DemoCancelled("demo_cancelled", "Génération annulée : rien n'a été écrit.")
        self.step += 1
        if self.progress is not None:
            self.progress(min(self.step, self.steps), self.steps)

    def commune(self) -> Commune:
        return self.rng.choices(self.communes, self.weights)[0]

    def past_date(self, max_days: int, min_days: int = 0) -> date:
        return self.anchor - timedelta(days=self.rng.randint(min_days, max_days))

    def insert(self, s: Any, model: type[Synced], rows: list[dict[str, Any]]) -> None:
        for start in range(0, len(rows), _CHUNK):
            bulk_create(s, model, rows[start:start + _CHUNK])

    # --- organisations -------------------------------------------------------------------
    def organisations(self) -> None:
        rng = self.rng
        self.orgs: list[dict[str, Any]] = []
        self.by_key: dict[str, dict[str, Any]] = {}
        names: set[str] = set()
        by_insee = {c.insee: c for c in self.communes}
        for actor in dc.STUDY_ACTORS:
            commune = by_insee.get(actor["commune_insee"], self.communes[0])
            row = self._org(actor["kind"], actor["name"], commune, actor["size"], actor["naf"],
                            list(actor["themes"]), actor["description"])
            row["siren"] = actor.get("siren")
            row["maturity"] = PartnershipMaturity.EXPERIENCED.value
            self.by_key[actor["key"]] = row
            names.add(actor["name"])
        for c in self.communes:
            row = self._org(OrganisationKind.PUBLIC_BODY.value, f"Ville de {c.name}", c, None,
                            "84.11Z", [], f"Commune de la Métropole ({c.population:,} habitants)."
                            .replace(",", " "))
            row["siren"] = c.siren
            row["legal_form"] = "7210"
            names.add(row["name"])
        remaining = self.scale.organisations - len(self.orgs)
        kinds = ([OrganisationKind.ASSOCIATION.value] * 50 + [OrganisationKind.COMPANY.value] * 46
                 + [OrganisationKind.NETWORK.value] * 2 + [OrganisationKind.FOUNDATION.value] * 2)
        for _ in range(remaining):
            kind = rng.choice(kinds)
            commune = self.commune()
            theme = rng.choice(dc.THEMES)
            for attempt in range(8):
                name = self._org_name(kind, commune, theme)
                if attempt > 3:
                    name = f"{name} ({rng.choice(commune.postal_codes)})"
                if name not in names:
                    break
            names.add(name)
            size = None
            naf = rng.choice(NAF_ASSOCIATION)
            if kind == OrganisationKind.COMPANY.value:
                size = rng.choices(("TPE", "PME", "ETI", "GE"), (50, 35, 10, 5))[0]
                naf = rng.choice(NAF_COMPANY)
            themes = sorted({theme, *rng.sample(dc.THEMES, rng.randint(0, 2))})
            row = self._org(kind, name, commune, size, naf, themes, None)
            if kind == OrganisationKind.ASSOCIATION.value:
                row["rna"] = f"W595{rng.randint(0, 999_999):06d}"
                row["legal_form"] = "9220"
                row["description"] = (f"Association active à {commune.name} dans le domaine "
                                      f"« {theme} ». Fiche de démonstration (fictive).")
            else:
                row["description"] = f"Structure fictive de démonstration, {commune.name}."
            row["maturity"] = rng.choice(list(PartnershipMaturity)).value
        self.insert(self.session, Organisation, self.orgs)
        self.associations = [o for o in self.orgs
                             if o["kind"] == OrganisationKind.ASSOCIATION.value]
        self.companies = [o for o in self.orgs if o["kind"] in (
            OrganisationKind.COMPANY.value, OrganisationKind.FOUNDATION.value)]

    def _org(self, kind: str, name: str, commune: Commune, size: str | None, naf: str | None,
             themes: list[str], description: str | None) -> dict[str, Any]:
        rng = self.rng
        neighbourhood = qpv = None
        quarters = dc.NEIGHBOURHOODS.get(commune.insee)
        if quarters and rng.random() < 0.5:
            neighbourhood, qpv = rng.choice(quarters)
        row = {
            "id": self.uid(), "kind": kind, "name": name, "naf": naf, "size": size,
            "themes": themes, "commune_insee": commune.insee, "commune_name": commune.name,
            "postal_code": rng.choice(commune.postal_codes),
            "address": f"{rng.randint(1, 180)} {rng.choice(_STREETS)}",
            "neighbourhood": neighbourhood, "qpv": bool(qpv), "description": description,
            "phone": dc.fiction_landline(rng.randint(0, 9999)),
            "email": f"contact@{_slug(name)[:30]}.example.org",
            "ess": kind == OrganisationKind.ASSOCIATION.value,
        }
        self.orgs.append(row)
        return row

    def _org_name(self, kind: str, commune: Commune, theme: str) -> str:
        rng = self.rng
        place = commune.name
        quarters = dc.NEIGHBOURHOODS.get(commune.insee)
        if quarters and rng.random() < 0.4:
            place = rng.choice(quarters)[0]
        if kind == OrganisationKind.COMPANY.value:
            return rng.choice(dc.COMPANY_NAME_PATTERNS).format(
                surname=rng.choice(dc.LAST_NAMES), place=place, word=rng.choice(dc.COMPANY_WORDS))
        if kind == OrganisationKind.FOUNDATION.value:
            return f"Fondation {rng.choice(dc.LAST_NAMES)} pour {rng.choice(_CAUSES)}"
        if kind == OrganisationKind.NETWORK.value:
            return f"Réseau {rng.choice(_NETWORK_WORDS)} {place}"
        return rng.choice(dc.ASSOCIATION_NAME_PATTERNS).format(place=place, theme=theme)

    # --- contacts ------------------------------------------------------------------------
    def contacts(self) -> None:
        rng = self.rng
        self.contacts_of: dict[uuid.UUID, list[uuid.UUID]] = {}
        self.contact_names: dict[uuid.UUID, str] = {}
        contacts: list[dict[str, Any]] = []
        links: list[dict[str, Any]] = []
        for i in range(self.scale.contacts):
            org = self.orgs[i % len(self.orgs)] if i < len(self.orgs) else rng.choice(self.orgs)
            first, last = rng.choice(dc.FIRST_NAMES), rng.choice(dc.LAST_NAMES)
            cid = self.uid()
            collected = self.past_date(1500, 30)
            basis = rng.choice((LegalBasis.LEGITIMATE_INTEREST.value,) * 4
                               + (LegalBasis.CONSENT.value,))
            contacts.append({
                "id": cid, "first_name": first, "last_name": last,
                "email": dc.email_for(first, last, rng.choice(dc.EMAIL_DOMAINS)),
                "phone": dc.fiction_landline(rng.randint(0, 9999)) if rng.random() < .6 else None,
                "mobile": dc.fiction_mobile(rng.randint(0, 9999)) if rng.random() < .7 else None,
                "legal_basis": basis,
                "consent_on": collected if basis == LegalBasis.CONSENT.value else None,
                "collected_from": rng.choice(_SOURCES), "collected_on": collected,
                "last_inbound_on": min(self.anchor,
                                       collected + timedelta(days=rng.randint(0, 400))),
            })
            roles = (dc.ROLES_ASSOCIATION if org["kind"] == OrganisationKind.ASSOCIATION.value
                     else dc.ROLES_COMPANY)
            links.append({"id": link_id(cid, org["id"]), "contact_id": cid,
                          "organisation_id": org["id"], "role": rng.choice(roles),
                          "is_primary": True})
            self.contacts_of.setdefault(org["id"], []).append(cid)
            self.contact_names[cid] = f"{first} {last}"
            if rng.random() < 0.05:
                other = rng.choice(self.orgs)
                if other["id"] != org["id"]:
                    links.append({"id": link_id(cid, other["id"]), "contact_id": cid,
                                  "organisation_id": other["id"], "role": "Bénévole",
                                  "is_primary": False})
                    self.contacts_of.setdefault(other["id"], []).append(cid)
        self.insert(self.session, Contact, contacts)
        self.tick()
        self.insert(self.session, ContactOrganisation, links)

    # --- events, needs, offers -----------------------------------------------------------
    def events(self) -> None:
        rng = self.rng
        rows, parts = [], []
        self.event_ids = []
        for i in range(self.scale.events):
            commune = self.commune()
            title = dc.EVENT_TITLES[i % len(dc.EVENT_TITLES)].format(
                theme=rng.choice(dc.THEMES), commune=commune.name)
            kind = _event_kind(title)
            eid = self.uid()
            self.event_ids.append(eid)
            # The last two are still to come (invitations out, a speed-dating to plan): a
            # demo with only past events shows nothing of their preparation.
            upcoming = i >= self.scale.events - 2
            when = datetime.combine(
                self.anchor + timedelta(days=rng.randint(*((7, 60) if upcoming else (-700, 60)))),
                time(rng.choice((8, 9, 14, 18)), 30))
            rows.append({"id": eid, "kind": kind.value, "title": title,
                         "starts_at": when, "place": f"Salle municipale, {commune.name}",
                         "commune_insee": commune.insee,
                         "round_minutes": 7 if kind is EventKind.SPEED_DATING else None})
            for org in rng.sample(self.associations, min(12, len(self.associations))) \
                    + rng.sample(self.companies, min(10, len(self.companies))):
                status = "present" if when.date() < self.anchor and rng.random() < .7 else (
                    "inscrit" if rng.random() < .5 else "invite")
                parts.append({"id": link_id(eid, org["id"]), "event_id": eid,
                              "organisation_id": org["id"], "status": status})
        _add_wishes(self.extra_rng, rows, parts)
        self.insert(self.session, Event, rows)
        self.insert(self.session, EventParticipant, parts)

    def needs_and_offers(self) -> None:
        rng = self.rng
        needs, offers = [], []
        for _ in range(self.scale.needs):
            org = rng.choice(self.associations)
            theme = rng.choice(org["themes"] or dc.THEMES)
            needs.append({"id": self.uid(), "organisation_id": org["id"],
                          "title": rng.choice(dc.NEED_TITLES).format(theme=theme),
                          "nature": rng.choice(_NATURES), "themes": [theme],
                          "commune_insee": org["commune_insee"],
                          "amount_cents": rng.choice((None, 50_000, 150_000, 300_000, 800_000)),
                          "status": rng.choice(("ouvert",) * 3 + ("en_cours", "satisfait"))})
        for _ in range(self.scale.offers):
            org = rng.choice(self.companies)
            theme = rng.choice(dc.THEMES)
            offers.append({"id": self.uid(), "organisation_id": org["id"],
                           "title": rng.choice(dc.OFFER_TITLES).format(theme=theme),
                           "nature": rng.choice(_NATURES), "themes": [theme],
                           "commune_insee": org["commune_insee"],
                           "status": rng.choice(("ouvert",) * 3 + ("en_cours",))})
        _add_periods(self.extra_rng, self.anchor, needs, offers)
        self.insert(self.session, Need, needs)
        self.insert(self.session, Offer, offers)

    # --- files and everything that hangs off them ----------------------------------------
    def files(self) -> None:
        rng = self.rng
        files: list[dict[str, Any]] = []
        plans: list[tuple[dict[str, Any], list[str], list[str]]] = []
        refs: dict[int, int] = {}
        for p in dc.STUDY_PARTNERSHIPS:
            assoc, comp = self.by_key[p["association_key"]], self.by_key[p["company_key"]]
            opened = date(max(p["since_year"], self.anchor.year - 14), 3, 1)
            files.append(self._file(assoc, comp, p["stage"], p["category"], opened, refs,
                                    title=p["title"], summary=p["summary"],
                                    status=FileStatus.ACTIVE.value))
        # ≈30 % of files at « Convention » or later: they all carry an agreement (stage rules),
        # which matches the agreement counts of DESIGN.md §8.
        stage_weights = (15, 16, 19, 20, 9, 9, 7, 5)
        while len(files) < self.scale.files:
            assoc, comp = rng.choice(self.associations), rng.choice(self.companies)
            stage = rng.choices(range(1, 9), stage_weights)[0]
            files.append(self._file(assoc, comp, stage, rng.choice(list(PartnershipCategory))
                                    .value, None, refs))
        self.files_rows = files
        for f in files:
            plans.append((f, self.contacts_of.get(f["association_id"], []),
                          self.contacts_of.get(f["company_id"], [])))
        self.insert(self.session, PartnershipFile, files)
        self.tick()
        self._stage_history(files)
        self.tick()
        self._agreements(files)
        self.tick()
        self._interactions(plans)

    def _file(self, assoc: dict[str, Any], comp: dict[str, Any], stage: int, category: str,
              opened: date | None, refs: dict[int, int], *, title: str | None = None,
              summary: str | None = None, status: str | None = None) -> dict[str, Any]:
        rng = self.rng
        theme = rng.choice(assoc["themes"] or dc.THEMES)
        if status is None:
            status = rng.choices([s.value for s in FileStatus], (85, 10, 5))[0]
        # Work is recent on active files (a few weeks in the current stage, some stalled);
        # the file was opened as many stages earlier as it has gone through.
        if status == FileStatus.ACTIVE.value:
            since = self.anchor - timedelta(days=min(400, int(rng.expovariate(1 / 40))))
        else:
            since = self.anchor - timedelta(days=rng.randint(20, 300))
        if opened is None:
            opened = since - timedelta(days=sum(rng.randint(10, 75) for _ in range(stage - 1)))
        since = max(since, opened)
        refs[opened.year] = refs.get(opened.year, 0) + 1
        return {
            "id": self.uid(), "reference": f"D-{opened.year}-{refs[opened.year]:04d}",
            "title": title or f"{comp['name']} × {assoc['name']} — {theme}",
            "association_id": assoc["id"], "company_id": comp["id"],
            "facilitator": rng.choice(FACILITATORS), "category": category, "stage": stage,
            "stage_since": since, "status": status,
            "status_reason": (rng.choice(dc.ON_HOLD_REASONS) if status == "en_pause" else
                              rng.choice(dc.ABANDON_REASONS) if status == "abandonne" else None),
            "objectives": sorted(rng.sample([o.value for o in Objective], rng.randint(1, 4))),
            "brakes": sorted(rng.sample([b.value for b in Brake], rng.randint(0, 2))),
            "themes": [theme], "origin": rng.choice(list(FileOrigin)).value,
            "commune_insee": assoc["commune_insee"], "qpv": assoc["qpv"], "opened_on": opened,
            "closed_on": self.anchor if status == "abandonne" else None,
            "success_story": stage >= 7 and rng.random() < 0.3, "summary": summary,
        }

    def _stage_history(self, files: list[dict[str, Any]]) -> None:
        rows = []
        for f in files:
            day = f["opened_on"]
            span = max(1, (f["stage_since"] - day).days)
            prev = None
            for stage in range(1, f["stage"] + 1):
                at = day + timedelta(days=span * (stage - 1) // max(1, f["stage"] - 1)) \
                    if f["stage"] > 1 else day
                if stage == f["stage"]:
                    at = f["stage_since"]
                rows.append({"id": self.uid(), "file_id": f["id"], "from_stage": prev,
                             "to_stage": stage, "status": FileStatus.ACTIVE.value,
                             "reason": "Ouverture du dossier" if prev is None else None,
                             "author": f["facilitator"],
                             "at": datetime.combine(at, time(10, 0))})
                prev = stage
            if f["status"] != FileStatus.ACTIVE.value:
                rows.append({"id": self.uid(), "file_id": f["id"], "from_stage": f["stage"],
                             "to_stage": f["stage"], "status": f["status"],
                             "reason": f["status_reason"], "author": f["facilitator"],
                             "at": datetime.combine(f["stage_since"], time(16, 0))})
        self.insert(self.session, StageChange, rows)

    def _agreements(self, files: list[dict[str, Any]]) -> None:
        rng = self.rng
        rows, counterparts = [], []
        need = [f for f in files if f["stage"] >= Stage.AGREEMENT]
        others = [f for f in files if f["stage"] < Stage.AGREEMENT]
        extra = max(0, self.scale.agreements - len(need))
        chosen = need + rng.sample(others, min(extra, len(others)))
        types = {"mecenat": (AgreementType.FINANCIAL_PATRONAGE, AgreementType.IN_KIND_PATRONAGE,
                             AgreementType.SKILLS_PATRONAGE)}
        for f in chosen[: max(self.scale.agreements, len(need))]:
            signed = f["stage"] >= Stage.FOLLOW_UP
            a_type = rng.choice(types.get(f["category"], (AgreementType.PARTNERSHIP,)))
            start = f["stage_since"] if signed else None
            cash = rng.choice((0, 150_000, 300_000, 500_000, 1_000_000, 2_500_000))
            if a_type is AgreementType.FINANCIAL_PATRONAGE and not cash:
                cash = 200_000
            status = (AgreementStatus.SIGNED if signed else
                      rng.choice((AgreementStatus.DRAFT, AgreementStatus.SENT)))
            aid = self.uid()
            rows.append({
                "id": aid, "file_id": f["id"], "association_id": f["association_id"],
                "company_id": f["company_id"], "type": a_type.value,
                "object": f"Soutien au projet « {f['title'].split(' — ')[-1]} »",
                "cash_cents": cash,
                "in_kind_cents": rng.choice((0, 0, 80_000, 250_000)),
                "skills_cents": rng.choice((0, 0, 120_000, 400_000)),
                "start_on": start,
                "end_on": start + timedelta(days=365) if start else None,
                "signed_on": start, "status": status.value,
            })
            if cash and rng.random() < 0.6:
                counterparts.append({
                    "id": self.uid(), "agreement_id": aid,
                    "description": rng.choice(_COUNTERPARTS),
                    "value_cents": cash * rng.randint(5, 20) // 100,
                    "valuation_method": "Valeur de marché estimée par l'association",
                })
        self.insert(self.session, Agreement, rows)
        self.insert(self.session, Counterpart, counterparts)

    def _interactions(self, plans: list[tuple[dict[str, Any], list[uuid.UUID],
                                              list[uuid.UUID]]]) -> None:
        rng = self.rng
        total = self.scale.interactions
        per_file = [1 if f["stage"] >= Stage.CO_CONSTRUCTION else 0 for f, _, _ in plans]
        # Files at the review stage or later need a review meeting (stage rules).
        reviews = [f["stage"] >= Stage.REVIEW for f, _, _ in plans]
        budget = total - sum(per_file) - sum(reviews)
        for _ in range(max(0, budget)):
            per_file[rng.randrange(len(plans))] += 1
        inters: list[dict[str, Any]] = []
        notes: list[dict[str, Any]] = []
        parts: list[dict[str, Any]] = []
        tasks: list[dict[str, Any]] = []
        by_stage: dict[str, list[str]] = {}
        for key, text in dc.MEETING_NOTE_TEMPLATES:
            by_stage.setdefault(key, []).append(text)
        org_names = {o["id"]: o["name"] for o in self.orgs}
        task_budget = self.scale.tasks
        for (f, a_contacts, c_contacts), n, review in zip(plans, per_file, reviews,
                                                          strict=True):
            kinds = [InteractionKind.REVIEW.value] if review else []
            kinds += [rng.choice(_KINDS) for _ in range(n)]
            opened = datetime.combine(f["opened_on"], time(9))
            end = datetime.combine(min(self.anchor, f["stage_since"] + timedelta(days=60)),
                                   time(18))
            span = max(3600, int((end - opened).total_seconds()))
            stage_span = max(1.0, (datetime.combine(f["stage_since"], time(9)) - opened)
                             .total_seconds())
            for kind in kinds:
                when = opened + timedelta(seconds=rng.randrange(span))
                when = datetime.combine(when.date(), time(rng.randint(8, 17),
                                                          rng.choice((0, 15, 30, 45))))
                # The stage the file was at on that day, so notes follow the file's story.
                progress = (when - opened).total_seconds() / stage_span
                stage_at = max(1, min(f["stage"], 1 + int(progress * (f["stage"] - 1))))
                stage_key = Stage(stage_at).key
                if kind == InteractionKind.REVIEW.value:
                    stage_key = "bilan"
                who = list(dict.fromkeys(  # a contact may belong to both organisations
                    rng.sample(a_contacts, min(len(a_contacts), rng.randint(0, 2)))
                    + rng.sample(c_contacts, min(len(c_contacts), rng.randint(0, 1)))))
                fill = {
                    "association": org_names[f["association_id"]],
                    "entreprise": org_names[f["company_id"]],
                    "contact": self.contact_names[who[0]] if who else "la présidente",
                    "facilitateur": f["facilitator"].split(" (")[0], "theme": f["themes"][0],
                    "commune": f["commune_insee"] and self._commune_name(f["commune_insee"]),
                    "montant": f"{rng.choice((500, 1500, 3000, 5000, 12000)):,} €"
                    .replace(",", "\u202f"),
                    "date": when.strftime("%d/%m/%Y"),
                }
                iid = self.uid()
                subject = _SUBJECTS[stage_key].format(**fill)
                inters.append({"id": iid, "file_id": f["id"], "kind": kind,
                               "occurred_at": when, "duration_minutes": rng.choice(
                                   (30, 45, 60, 90, 120)), "subject": subject,
                               "decisions": rng.choice(dc.DECISIONS).format(**fill),
                               "author": f["facilitator"]})
                notes.append({"id": self.uid(), "interaction_id": iid,
                              "body": rng.choice(by_stage[stage_key]).format(**fill),
                              "author": f["facilitator"], "written_at": when})
                for cid in who:
                    parts.append({"id": link_id(iid, cid), "interaction_id": iid,
                                  "contact_id": cid})
                if task_budget > 0 and rng.random() < self.scale.tasks / total * 1.2:
                    task_budget -= 1
                    tasks.append(self._task(f, iid, when, fill))
            if len(inters) >= _CHUNK * 4:
                self._flush_interactions(inters, notes, parts)
        self._flush_interactions(inters, notes, parts)
        self.tick()
        while task_budget > 0:
            f = rng.choice(plans)[0]
            tasks.append(self._task(f, None, datetime.combine(self.anchor, time(9)), {
                "contact": "le contact", "entreprise": "l'entreprise",
                "association": "l'association", "montant": "", "date": "", "theme": "",
                "commune": "", "facilitateur": ""}))
            task_budget -= 1
        self.insert(self.session, Task, tasks)

    def _task(self, f: dict[str, Any], iid: uuid.UUID | None, when: datetime,
              fill: dict[str, str]) -> dict[str, Any]:
        rng = self.rng
        due = when.date() + timedelta(days=rng.choice((3, 7, 14, 21, 30)))
        open_ = f["status"] == "actif" and due > self.anchor - timedelta(days=20)
        return {"id": self.uid(), "file_id": f["id"], "interaction_id": iid,
                "title": rng.choice(dc.NEXT_STEPS).format(**fill), "due_on": due,
                "assignee": f["facilitator"],
                "status": (TaskStatus.OPEN if open_ else TaskStatus.DONE).value,
                "done_on": None if open_ else min(self.anchor, due)}

    def _flush_interactions(self, inters: list[dict[str, Any]], notes: list[dict[str, Any]],
                            parts: list[dict[str, Any]]) -> None:
        self.insert(self.session, Interaction, inters)
        self.insert(self.session, NoteRevision, notes)
        self.insert(self.session, InteractionParticipant, parts)
        inters.clear()
        notes.clear()
        parts.clear()
        self.tick()

    def _commune_name(self, insee: str) -> str:
        return next((c.name for c in self.communes if c.insee == insee), insee)

    def run(self) -> dict[str, int]:
        with self.db.write() as s:
            self.session = s
            self.tick()
            self.organisations()
            self.tick()
            self.contacts()
            self.tick()
            self.events()
            self.needs_and_offers()
            self.tick()
            self.files()
            # The demo is seen through the eyes of its first facilitator (« Mes relances »).
            s.execute(sync_state.update().values(user_name=FACILITATORS[0]))
        self.db.user_name = FACILITATORS[0]
        return {"organisations": len(self.orgs), "files": len(self.files_rows)}


def generate(db: Database, scale: str = "mda", *, seed: int = 2026, anchor: date | None = None,
             progress: Callable[[int, int], None] | None = None,
             cancel: threading.Event | None = None) -> dict[str, int]:
    """Fill ``db`` (which should be empty) with the demo data of ``scale``."""
    if scale not in SCALES:
        raise PasserelleError("demo_bad_scale", "Échelle inconnue : {scale} (mda ou metropolis).",
                              scale=scale)
    result = _Gen(db, SCALES[scale], seed, anchor or date.today(), progress, cancel).run()
    from passerelle.services import registry_demo

    result["registry"] = registry_demo.fill_registry(db, scale, seed=seed)
    return result


def _event_kind(title: str) -> EventKind:
    """The kind an event's title announces (speed-dating, breakfast, conference, workshop)."""
    lowered = title.lower()
    if "speed-dating" in lowered:
        return EventKind.SPEED_DATING
    if "petit-déjeuner" in lowered or "matinale" in lowered:
        return EventKind.BREAKFAST
    if "atelier" in lowered:
        return EventKind.WORKSHOP
    return EventKind.CONFERENCE


def _slug(text: str) -> str:
    return dc.email_for("x", text).split("@")[0].removeprefix("x.").replace(".", "-")


_STREETS = ("rue de Lannoy", "rue du Grand Chemin", "boulevard de Strasbourg", "rue de Lille",
            "rue Pierre de Roubaix", "avenue Jean Lebas", "rue de Tourcoing", "rue Nationale",
            "rue de Mouvaux", "rue du Moulin", "place de la République", "rue Jules Guesde",
            "rue Gambetta", "rue de la Gare", "avenue de la Marne", "rue Faidherbe")
_CAUSES = ("l'insertion", "l'enfance", "le sport solidaire", "la culture", "l'environnement")
_NETWORK_WORDS = ("Entreprendre", "Solidaire", "Associatif", "des Acteurs de l'ESS")
_SOURCES = ("Rencontre collective", "Formulaire d'accueil MDA", "Orientation FACE",
            "Carte de visite", "Annuaire des adhérents")
def _add_wishes(rng: random.Random, events: list[dict[str, Any]],
                parts: list[dict[str, Any]]) -> None:
    """Speed-dating participants wish to meet one to three organisations of the other side."""
    speed = {e["id"] for e in events if e["kind"] == EventKind.SPEED_DATING.value}
    by_event: dict[Any, list[dict[str, Any]]] = {}
    for p in parts:
        if p["event_id"] in speed:
            by_event.setdefault(p["event_id"], []).append(p)
    for group in by_event.values():
        # the generator invites 12 associations then 10 companies per event
        assocs, comps = group[:12], group[12:]
        for p in assocs:
            p["wishes"] = sorted(str(c["organisation_id"])
                                 for c in rng.sample(comps, rng.randint(0, min(3, len(comps)))))
        for p in comps:
            p["wishes"] = sorted(str(a["organisation_id"])
                                 for a in rng.sample(assocs, rng.randint(0, min(2, len(assocs)))))


def _add_periods(rng: random.Random, anchor: date, needs: list[dict[str, Any]],
                 offers: list[dict[str, Any]]) -> None:
    """Needs and offers get a period (months around the anchor); offers sometimes an amount."""
    for row in needs + offers:
        if rng.random() < 0.8:
            start = anchor + timedelta(days=rng.randint(-240, 120))
            row["period_start"] = start
            row["period_end"] = start + timedelta(days=rng.choice((60, 90, 180, 365)))
    for row in offers:
        if row["nature"] == "financier":
            row["amount_cents"] = rng.choice((100_000, 250_000, 500_000, 1_000_000))
        elif row["nature"] in ("competences", "benevolat"):
            row["volume"] = rng.choice(("2 jours", "5 jours", "10 jours", "une demi-journée"))


_NATURES = ("financier", "competences", "nature", "benevolat", "reseau", "formation")
_KINDS = (InteractionKind.MEETING.value,) * 4 + (
    InteractionKind.CALL.value, InteractionKind.CALL.value, InteractionKind.EMAIL.value,
    InteractionKind.MEDIATION.value, InteractionKind.VISIT.value)
_COUNTERPARTS = ("Logo de l'entreprise sur les supports de communication",
                 "Invitations à la soirée annuelle de l'association",
                 "Visite des actions avec les salariés de l'entreprise",
                 "Mention dans le rapport d'activité")
_SUBJECTS = {
    "premier_contact": "Premier contact avec {association}",
    "diagnostic": "Diagnostic croisé — {association}",
    "mise_en_relation": "Mise en relation {association} ↔ {entreprise}",
    "co_construction": "Co-construction du projet {theme} avec {entreprise}",
    "convention": "Préparation de la convention {association} / {entreprise}",
    "suivi": "Point de suivi du partenariat avec {entreprise}",
    "bilan": "Réunion de bilan {association} / {entreprise}",
    "structurant": "Comité de pilotage du partenariat {entreprise} – {association}",
}
