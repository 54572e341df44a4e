"""The observatory's figures (issue #7): what the steering committee asks about the partnerships.

Every figure is computed by a handful of set-based SQL statements over one common set of files,
so the whole dashboard costs a few table scans even on the metropolis dataset (10,000 files).

Definitions (they are what the steering committee reads, so they are spelled out here):

- **Files considered** (``F``): live files (not deleted) that match the filters. The *period*
  keeps a file when it was open at some point in it: opened on or before the period's end (or no
  opening date) and not closed before its start. *Facilitator* is an exact match; *territory*
  is the file's commune (INSEE code) and/or its QPV flag.
- **Stage reached** by a file: the highest of its current stage and every ``to_stage`` of its
  stage history. A file registered late in its life at stage 5 has « reached » stages 1–4 too.
- **Funnel**: per stage, the files currently there and the files that reached it or beyond.
  **Conversion** from stage *s* to *s + 1*: the files that reached *s + 1* among those that
  reached *s*.
- **Time in a stage**: from the stage history, a *stay* starts at a stage move (an entry whose
  ``from_stage`` differs from its ``to_stage``, or the opening entry; a status change keeps
  the stage and is not a move) and ends at the file's next move; stays still running are not
  counted (their length is unknown). Median of the finished stays, in days.
- **Time to the convention**: days from a file's first stage move to its first move to stage
  « Convention » (5) or beyond, for files whose history starts before that (a file registered
  directly at a later stage has no measured path to its convention).
- **Category × actor type**: files by RAMEAU category and by the kind of the partner organisation
  (the file's company side: entreprise, collectivité, fondation, réseau…).
- **Company size** — SIRENE's ``categorieEntreprise`` has no « TPE » (micro-enterprises are inside
  PME, DOMAIN-FR §2), so the class comes from ``Organisation.size``, which holds either a class
  chosen by the facilitator (TPE/PME/ETI/GE) or a SIRENE *tranche d'effectifs* code. The tranche
  gives: **TPE = fewer than 10 employees** (NN, 00, 01, 02, 03), PME = 10–249 (11–31),
  ETI = 250–4,999 (32–51), GE = 5,000 and more (52, 53). Only files whose partner is a company
  count; an unknown size is reported as such. (SQL groups by the raw value; the class is
  folded in Python by :func:`size_class`, which keeps one definition for both.)
- **Value mobilised**: cash, in-kind and skills amounts of the conventions that were signed
  (status signée, expirée or résiliée), by year of signature (start date when the signature date
  is missing). The period filters on that date; facilitator and territory on the convention's
  file (conventions without a file count only when neither is filtered).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from passerelle.domain.errors import ValidationError
from passerelle.domain.stages import Stage
from passerelle.domain.vocabulary import AgreementStatus, CompanySize, OrganisationKind
from passerelle.store.database import Database

#: SIRENE tranche d'effectifs codes and facilitator-chosen classes → company size class.
SIZE_CLASS_OF: Mapping[str, str] = {
    **{code: CompanySize.TPE.value for code in ("TPE", "NN", "00", "01", "02", "03")},
    **{code: CompanySize.PME.value for code in ("PME", "11", "12", "21", "22", "31")},
    **{code: CompanySize.ETI.value for code in ("ETI", "32", "41", "42", "51")},
    **{code: CompanySize.GE.value for code in ("GE", "52", "53")},
}
#: conventions whose amounts were really committed
MOBILISED_STATUSES = (
    AgreementStatus.SIGNED.value,
    AgreementStatus.EXPIRED.value,
    AgreementStatus.TERMINATED.value,
)
#: the stage whose reaching is « the convention »
AGREEMENT_STAGE = Stage.AGREEMENT.value


def size_class(size: str | None) -> str | None:
    """The TPE/PME/ETI/GE class of an ``Organisation.size`` value, or None when unknown."""
    if size is None:
        return None
    return SIZE_CLASS_OF.get(size.strip().upper())


@dataclass(frozen=True, slots=True)
class ObservatoryFilter:
    """Which files the figures cover. ``qpv``: None = all, True = in a QPV, False = outside."""

    start: date | None = None
    end: date | None = None
    facilitator: str | None = None
    commune_insee: str | None = None
    qpv: bool | None = None

    def __post_init__(self) -> None:
        if self.start and self.end and self.start > self.end:
            raise ValidationError(
                "observatory_bad_period",
                "La période est vide : le {start} est après le {end}.",
                field="period",
                start=self.start.strftime("%d/%m/%Y"),
                end=self.end.strftime("%d/%m/%Y"),
            )

    @property
    def filters_files(self) -> bool:
        """Whether a facilitator or territory filter applies (conventions need a file then)."""
        return bool(self.facilitator or self.commune_insee or self.qpv is not None)


@dataclass(frozen=True, slots=True)
class StageFigure:
    """One stage of the funnel: files there now, files that reached it, finished stays."""

    stage: int
    current: int
    reached: int
    stays: int
    median_days: float | None
    #: the files there now, by status (actif, en pause, abandonné)
    current_by_status: tuple[KeyCount, ...] = ()


@dataclass(frozen=True, slots=True)
class Conversion:
    """From one stage to the next: the files that went on among those that got there."""

    from_stage: int
    to_stage: int
    entered: int
    went_on: int

    @property
    def rate(self) -> float | None:
        return self.went_on / self.entered if self.entered else None


@dataclass(frozen=True, slots=True)
class CategoryActor:
    """Files of a RAMEAU category whose partner is of a kind (None: not filled in)."""

    category: str | None
    actor_kind: str | None
    files: int


@dataclass(frozen=True, slots=True)
class CommuneFigure:
    """Files of a commune, and how many of them are in a QPV."""

    commune_insee: str | None
    commune_name: str | None
    files: int
    qpv_files: int


@dataclass(frozen=True, slots=True)
class SizeFigure:
    """Files (and distinct companies) by company size class; None: size unknown."""

    size_class: str | None
    files: int
    companies: int


@dataclass(frozen=True, slots=True)
class KeyCount:
    """A theme or a brake and the number of files that carry it."""

    key: str
    files: int


@dataclass(frozen=True, slots=True)
class YearValue:
    """Value mobilised by the conventions signed in a year, in integer cents."""

    year: int
    agreements: int
    cash_cents: int
    in_kind_cents: int
    skills_cents: int

    @property
    def total_cents(self) -> int:
        return self.cash_cents + self.in_kind_cents + self.skills_cents


@dataclass(frozen=True, slots=True)
class Observatory:
    """All the dashboard's figures for one filter."""

    filter: ObservatoryFilter
    files: int
    by_status: tuple[KeyCount, ...]
    success_stories: int
    stages: tuple[StageFigure, ...]
    conversions: tuple[Conversion, ...]
    to_agreement_files: int
    to_agreement_median_days: float | None
    category_actor: tuple[CategoryActor, ...]
    communes: tuple[CommuneFigure, ...]
    qpv_files: int
    sizes: tuple[SizeFigure, ...]
    themes: tuple[KeyCount, ...]
    brakes: tuple[KeyCount, ...]
    value_by_year: tuple[YearValue, ...]
    undated_agreements: int = 0

    @property
    def small_companies_files(self) -> int:
        """Files whose partner company is a TPE or a PME."""
        return sum(s.files for s in self.sizes if s.size_class in ("TPE", "PME"))

    @property
    def large_companies_files(self) -> int:
        """Files whose partner company is an ETI or a GE."""
        return sum(s.files for s in self.sizes if s.size_class in ("ETI", "GE"))

    @property
    def small_companies_share(self) -> float | None:
        """TPE/PME files among files whose partner company's size is known."""
        known = self.small_companies_files + self.large_companies_files
        return self.small_companies_files / known if known else None

    def to_json(self) -> dict[str, Any]:
        """Plain JSON-ready figures (``passerelle stats --json``); stages by key, cents as int."""
        data: dict[str, Any] = {
            "filter": {
                "start": self.filter.start.isoformat() if self.filter.start else None,
                "end": self.filter.end.isoformat() if self.filter.end else None,
                "facilitator": self.filter.facilitator,
                "commune_insee": self.filter.commune_insee,
                "qpv": self.filter.qpv,
            },
            "files": self.files,
            "files_by_status": {k.key: k.files for k in self.by_status},
            "success_stories": self.success_stories,
            "funnel": [
                {**asdict(s), "key": Stage(s.stage).key,
                 "current_by_status": {k.key: k.files for k in s.current_by_status}}
                for s in self.stages
            ],
            "conversions": [{**asdict(c), "rate": c.rate} for c in self.conversions],
            "time_to_agreement": {
                "files": self.to_agreement_files,
                "median_days": self.to_agreement_median_days,
            },
            "category_by_actor": [asdict(c) for c in self.category_actor],
            "communes": [asdict(c) for c in self.communes],
            "qpv_files": self.qpv_files,
            "company_sizes": [asdict(s) for s in self.sizes],
            "small_companies": {
                "tpe_pme_files": self.small_companies_files,
                "eti_ge_files": self.large_companies_files,
                "tpe_pme_share": self.small_companies_share,
            },
            "themes": {k.key: k.files for k in self.themes},
            "brakes": {k.key: k.files for k in self.brakes},
            "value_by_year": [
                {**asdict(v), "total_cents": v.total_cents} for v in self.value_by_year
            ],
            "undated_agreements": self.undated_agreements,
        }
        return json.loads(json.dumps(data))


@dataclass(frozen=True, slots=True)
class FilterChoices:
    """What the filters can offer: facilitators, communes (code, name) and years with data."""

    facilitators: tuple[str, ...]
    communes: tuple[tuple[str, str | None], ...]
    years: tuple[int, ...]


def filter_from_text(
    start: str | None = None,
    end: str | None = None,
    facilitator: str | None = None,
    commune_insee: str | None = None,
    qpv: str | None = None,
) -> ObservatoryFilter:
    """A filter from command-line text: ISO dates, a commune code, « oui »/« non » for QPV."""

    def parse(value: str | None, name: str) -> date | None:
        if not value:
            return None
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise ValidationError(
                "observatory_bad_date",
                "Date invalide : {value} (attendu AAAA-MM-JJ).",
                field=name,
                value=value,
            ) from None

    commune = (commune_insee or "").strip() or None
    if commune is not None and not re.fullmatch(r"(\d{2}|2[AB])\d{3}", commune.upper()):
        raise ValidationError(
            "observatory_bad_commune",
            "Code commune invalide : {value} (code INSEE à 5 caractères).",
            field="commune",
            value=commune,
        )
    qpv_flag = None if not qpv else qpv.strip().casefold() in ("oui", "o", "yes", "1", "true")
    return ObservatoryFilter(
        parse(start, "start"), parse(end, "end"), (facilitator or "").strip() or None, commune,
        qpv_flag,
    )


# --- SQL ----------------------------------------------------------------------------------------

#: conventions whose amounts count, as an SQL list
_MOBILISED = ", ".join(f"'{s}'" for s in MOBILISED_STATUSES)

#: the file filter, shared by every statement (bound parameters; NULL disables a condition)
_FILE_CONDITIONS = """
    pf.deleted = 0
      AND (:end IS NULL OR pf.opened_on IS NULL OR pf.opened_on <= :end)
      AND (:start IS NULL OR pf.closed_on IS NULL OR pf.closed_on >= :start)
      AND (:facilitator IS NULL OR pf.facilitator = :facilitator)
      AND (:commune IS NULL OR pf.commune_insee = :commune)
      AND (:qpv IS NULL OR pf.qpv = :qpv)"""

#: the files considered, for the success stories
_FILES_CTE = f"""
f AS (
    SELECT pf.id, pf.success_story FROM partnership_file pf WHERE {_FILE_CONDITIONS}
)"""

#: The figures come from two statements, each reading its tables once: materialised CTEs, then
#: one GROUP BY per figure, tagged in the first column (figure, k1, k2, k3, n1, n2, n3, n4).
#: They share nothing but the file filter, so :func:`compute` runs them side by side on two
#: connections (SQLite releases the GIL while it works): the dashboard costs the longer one.

#: The files' path: stage reached, stays, time to the convention (stage_change).
_SQL_PATH = f"""
WITH ff AS MATERIALIZED (
    SELECT pf.id, pf.stage, pf.status, pf.qpv, pf.success_story
    FROM partnership_file pf WHERE {_FILE_CONDITIONS}
),
e AS MATERIALIZED (
    SELECT file_id, to_stage, t, LEAD(t) OVER (PARTITION BY file_id ORDER BY at, id) AS t_next
    FROM (SELECT sc.file_id, sc.to_stage, sc.at, sc.id, julianday(sc.at) AS t
          FROM stage_change sc
          WHERE sc.deleted = 0 AND sc.file_id IN (SELECT id FROM ff)
            AND (sc.from_stage IS NULL OR sc.from_stage <> sc.to_stage))
),
per_file AS MATERIALIZED (
    SELECT file_id, MIN(t) AS t0, MAX(to_stage) AS top,
           MIN(CASE WHEN to_stage >= {AGREEMENT_STAGE} THEN t END) AS t5
    FROM e GROUP BY file_id
)
SELECT 'reach', ff.stage, MAX(ff.stage, COALESCE(top.top, 0)), ff.status,
       COUNT(*), SUM(ff.success_story), SUM(ff.qpv), NULL
FROM ff LEFT JOIN per_file top ON top.file_id = ff.id
GROUP BY 2, 3, 4
UNION ALL
SELECT 'stay', to_stage, t_next - t, NULL, COUNT(*), NULL, NULL, NULL FROM e
WHERE t_next IS NOT NULL GROUP BY 2, 3
UNION ALL
SELECT 'agreement', NULL, t5 - t0, NULL, COUNT(*), NULL, NULL, NULL FROM per_file
WHERE t5 > t0 GROUP BY 3"""

#: Who and where: partners, sizes, communes, themes, brakes; and the conventions' value.
_SQL_ACTORS = f"""
WITH ff AS MATERIALIZED (
    SELECT pf.id, pf.category, pf.company_id, pf.commune_insee, pf.qpv, pf.themes, pf.brakes,
           o.kind AS actor_kind, o.size AS size
    FROM partnership_file pf LEFT JOIN organisation o ON o.id = pf.company_id
    WHERE {_FILE_CONDITIONS}
),
money AS (
    SELECT CAST(substr(COALESCE(ag.signed_on, ag.start_on), 1, 4) AS INTEGER) AS year,
           ag.cash_cents, ag.in_kind_cents, ag.skills_cents
    FROM agreement ag
    WHERE ag.deleted = 0 AND ag.status IN ({_MOBILISED})
      AND (:start IS NULL OR COALESCE(ag.signed_on, ag.start_on) >= :start)
      AND (:end IS NULL OR COALESCE(ag.signed_on, ag.start_on) <= :end)
      AND (ag.file_id IN (SELECT id FROM ff)
           OR (:filters_files = 0 AND NOT EXISTS (
               SELECT 1 FROM partnership_file p WHERE p.id = ag.file_id AND p.deleted = 0)))
)
SELECT 'actor', category, actor_kind, NULL, COUNT(*), NULL, NULL, NULL FROM ff
GROUP BY category, actor_kind
UNION ALL
SELECT 'size', size, NULL, NULL, COUNT(*), COUNT(DISTINCT company_id), NULL, NULL
FROM ff WHERE actor_kind = '{OrganisationKind.COMPANY.value}' GROUP BY size
UNION ALL
SELECT 'commune', commune_insee, NULL, NULL, COUNT(*), SUM(qpv), NULL, NULL FROM ff
GROUP BY commune_insee
UNION ALL
SELECT 'theme', j.value, NULL, NULL, COUNT(DISTINCT ff.id), NULL, NULL, NULL
FROM ff, json_each(ff.themes) j
WHERE json_valid(ff.themes) AND j.value IS NOT NULL AND j.value <> '' GROUP BY j.value
UNION ALL
SELECT 'brake', j.value, NULL, NULL, COUNT(DISTINCT ff.id), NULL, NULL, NULL
FROM ff, json_each(ff.brakes) j
WHERE json_valid(ff.brakes) AND j.value IS NOT NULL AND j.value <> '' GROUP BY j.value
UNION ALL
SELECT 'value', year, NULL, NULL, COUNT(*), COALESCE(SUM(cash_cents), 0),
       COALESCE(SUM(in_kind_cents), 0), COALESCE(SUM(skills_cents), 0)
FROM money GROUP BY year"""

DASHBOARD_STATEMENTS = (_SQL_PATH, _SQL_ACTORS)


def _params(flt: ObservatoryFilter) -> dict[str, Any]:
    return {
        "start": flt.start.isoformat() if flt.start else None,
        "end": flt.end.isoformat() if flt.end else None,
        "facilitator": flt.facilitator or None,
        "commune": flt.commune_insee or None,
        "qpv": None if flt.qpv is None else int(flt.qpv),
        "filters_files": int(flt.filters_files),
    }


def _rows(s: Session, sql: str, params: dict[str, Any]) -> list[Any]:
    return list(s.execute(text(sql), params).all())


def _median(histogram: list[tuple[float, int]]) -> float | None:
    """The median of values given as (value, how many) pairs, rounded to a tenth of a day.

    SQL groups the durations (most are whole days), Python walks the sorted distribution to
    its middle: the mean of the two middle values when the count is even.
    """
    total = sum(n for _, n in histogram)
    if not total:
        return None
    wanted = sorted({(total - 1) // 2, total // 2})
    found: list[float] = []
    seen = 0
    for value, n in sorted(histogram):
        seen += n
        while wanted and wanted[0] < seen:
            found.append(value)
            wanted.pop(0)
    return round(sum(found) / len(found), 1)


def compute(db: Database, flt: ObservatoryFilter | None = None) -> Observatory:
    """All the figures of the dashboard for ``flt`` (everything when None)."""
    flt = flt or ObservatoryFilter()
    params = _params(flt)

    def run(sql: str) -> list[Any]:
        with db.read() as s:
            return _rows(s, sql, params)

    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="observatory") as pool:
        rows = [row for part in pool.map(run, DASHBOARD_STATEMENTS) for row in part]
    by: dict[str, list[tuple[Any, ...]]] = {}
    for figure, *rest in rows:
        by.setdefault(figure, []).append(tuple(rest))
    funnel = by.get("reach", [])  # stage, reached, status, files, success, qpv
    stay_days: dict[int, list[tuple[float, int]]] = {}
    for r in by.get("stay", []):
        stay_days.setdefault(int(r[0]), []).append((float(r[1]), int(r[3])))
    stays = {stage: (sum(n for _, n in hist), _median(hist))
             for stage, hist in stay_days.items()}
    to_agreement = [(float(r[1]), int(r[3])) for r in by.get("agreement", [])]
    stages = tuple(
        StageFigure(
            stage.value,
            sum(int(r[3]) for r in funnel if r[0] == stage.value),
            sum(int(r[3]) for r in funnel if r[1] >= stage.value),
            *stays.get(stage.value, (0, None)),
            current_by_status=_sorted_counts(
                _merge((str(r[2]), int(r[3])) for r in funnel if r[0] == stage.value)),
        )
        for stage in Stage
    )
    conversions = tuple(
        Conversion(a.stage, b.stage, a.reached, b.reached)
        for a, b in zip(stages, stages[1:], strict=False)
    )
    communes = by.get("commune", [])
    names = commune_names(db, [r[0] for r in communes if r[0]])
    values = by.get("value", [])
    return Observatory(
        filter=flt,
        files=sum(int(r[3]) for r in funnel),
        by_status=_sorted_counts(_merge((str(r[2]), int(r[3])) for r in funnel)),
        success_stories=sum(int(r[4] or 0) for r in funnel),
        stages=stages,
        conversions=conversions,
        to_agreement_files=sum(n for _, n in to_agreement),
        to_agreement_median_days=_median(to_agreement),
        category_actor=tuple(
            CategoryActor(r[0], r[1], int(r[3]))
            for r in sorted(by.get("actor", []),
                            key=lambda r: (-int(r[3]), str(r[0]), str(r[1])))
        ),
        communes=tuple(
            CommuneFigure(r[0], names.get(r[0]) if r[0] else None, int(r[3]), int(r[4] or 0))
            for r in sorted(communes, key=lambda r: (-int(r[3]), str(r[0])))
        ),
        qpv_files=sum(int(r[5] or 0) for r in funnel),
        sizes=_size_figures(by.get("size", [])),
        themes=_sorted_counts((str(r[0]), int(r[3])) for r in by.get("theme", [])),
        brakes=_sorted_counts((str(r[0]), int(r[3])) for r in by.get("brake", [])),
        value_by_year=tuple(
            YearValue(int(r[0]), int(r[3]), int(r[4]), int(r[5]), int(r[6]))
            for r in sorted(values, key=lambda r: r[0] or 0)
            if r[0] is not None
        ),
        undated_agreements=sum(int(r[3]) for r in values if r[0] is None),
    )


def commune_names(db: Database, codes: list[str]) -> dict[str, str]:
    """Names of INSEE codes: the shipped reference of the metropolis' communes, else the name
    the organisations of that commune carry (one grouped query, only for unknown codes)."""
    from passerelle.services.directory import communes

    reference = {c.insee: c.name for c in communes()}
    names = {code: reference[code] for code in codes if code in reference}
    unknown = sorted(set(codes) - set(names))
    if unknown:
        marks = ", ".join(f":c{i}" for i in range(len(unknown)))
        with db.read() as s:
            rows = s.execute(text(
                "SELECT commune_insee, MIN(commune_name) FROM organisation "
                f"WHERE commune_insee IN ({marks}) AND commune_name IS NOT NULL "
                "GROUP BY commune_insee"), {f"c{i}": c for i, c in enumerate(unknown)}).all()
        names.update({code: name for code, name in rows})
    return names


def _sorted_counts(pairs: Any) -> tuple[KeyCount, ...]:
    """Largest first, then by key, so exports and charts are stable."""
    return tuple(KeyCount(k, n) for k, n in sorted(pairs, key=lambda p: (-p[1], p[0])))


def _merge(pairs: Any) -> list[tuple[str, int]]:
    totals: dict[str, int] = {}
    for key, n in pairs:
        totals[key] = totals.get(key, 0) + n
    return list(totals.items())


def _size_figures(rows: list[tuple[Any, ...]]) -> tuple[SizeFigure, ...]:
    """Raw ``Organisation.size`` groups folded into classes. A company has one size, so its
    raw group's distinct-company count adds up exactly within its class."""
    files: dict[str | None, int] = {}
    companies: dict[str | None, int] = {}
    for raw, _, _, n, distinct, *_ in rows:
        cls = size_class(raw)
        files[cls] = files.get(cls, 0) + int(n)
        companies[cls] = companies.get(cls, 0) + int(distinct)
    return tuple(SizeFigure(cls, files[cls], companies[cls])
                 for cls in sorted(files, key=_size_order))


def _size_order(cls: str | None) -> int:
    order = [s.value for s in CompanySize]
    return order.index(cls) if cls in order else len(order)


def filter_choices(db: Database) -> FilterChoices:
    """The facilitators, communes and years the filters can offer (from live files)."""
    with db.read() as s:
        facilitators = s.execute(text(
            "SELECT DISTINCT facilitator FROM partnership_file "
            "WHERE deleted = 0 AND facilitator IS NOT NULL AND facilitator <> '' "
            "ORDER BY facilitator")).scalars().all()
        codes = s.execute(text(
            "SELECT DISTINCT commune_insee FROM partnership_file "
            "WHERE deleted = 0 AND commune_insee IS NOT NULL")).scalars().all()
        years = s.execute(text(
            "SELECT DISTINCT CAST(substr(opened_on, 1, 4) AS INTEGER) FROM partnership_file "
            "WHERE deleted = 0 AND opened_on IS NOT NULL "
            "UNION SELECT DISTINCT CAST(substr(COALESCE(signed_on, start_on), 1, 4) AS INTEGER) "
            "FROM agreement WHERE deleted = 0 AND COALESCE(signed_on, start_on) IS NOT NULL"
        )).scalars().all()
    names = commune_names(db, list(codes))
    return FilterChoices(
        facilitators=tuple(facilitators),
        communes=tuple(sorted(((c, names.get(c)) for c in codes),
                              key=lambda r: (r[1] or r[0]).casefold())),
        years=tuple(sorted((int(y) for y in years if y), reverse=True)),
    )


# --- Success stories (the « livret des partenariats réussis ») --------------------------------


@dataclass(frozen=True, slots=True)
class SuccessStory:
    """A file marked as a success story, with what the booklet tells about it."""

    reference: str
    title: str
    association_name: str | None
    company_name: str | None
    company_kind: str | None
    commune_name: str | None
    qpv: bool
    category: str | None
    stage: int
    opened_on: date | None
    themes: tuple[str, ...]
    objectives: tuple[str, ...]
    summary: str | None
    agreements: int
    cash_cents: int
    in_kind_cents: int
    skills_cents: int

    @property
    def total_cents(self) -> int:
        return self.cash_cents + self.in_kind_cents + self.skills_cents


_SQL_STORIES = f"""
WITH {_FILES_CTE},
v AS (
    SELECT ag.file_id, COUNT(*) AS n, SUM(ag.cash_cents) AS cash,
           SUM(ag.in_kind_cents) AS kind, SUM(ag.skills_cents) AS skills
    FROM agreement ag
    WHERE ag.deleted = 0 AND ag.file_id IN (SELECT id FROM f WHERE success_story = 1)
      AND ag.status IN ({_MOBILISED})
    GROUP BY ag.file_id
)
SELECT pf.reference, pf.title, a.name, c.name, c.kind,
       a.commune_name, pf.commune_insee,
       pf.qpv, pf.category, pf.stage, pf.opened_on, pf.themes, pf.objectives, pf.summary,
       COALESCE(v.n, 0), COALESCE(v.cash, 0), COALESCE(v.kind, 0), COALESCE(v.skills, 0)
FROM f JOIN partnership_file pf ON pf.id = f.id
LEFT JOIN organisation a ON a.id = pf.association_id
LEFT JOIN organisation c ON c.id = pf.company_id
LEFT JOIN v ON v.file_id = pf.id
WHERE f.success_story = 1
ORDER BY pf.opened_on, pf.reference"""


def success_stories(db: Database, flt: ObservatoryFilter | None = None) -> list[SuccessStory]:
    """The files marked as success stories among the filtered files, oldest first."""
    flt = flt or ObservatoryFilter()
    with db.read() as s:
        rows = _rows(s, _SQL_STORIES, _params(flt))
    names = commune_names(db, [r[6] for r in rows if r[6]])
    return [
        SuccessStory(
            reference=r[0], title=r[1], association_name=r[2], company_name=r[3],
            company_kind=r[4], commune_name=names.get(r[6]) if r[6] else r[5],
            qpv=bool(r[7]), category=r[8], stage=int(r[9]),
            opened_on=date.fromisoformat(r[10]) if r[10] else None,
            themes=tuple(_json_list(r[11])), objectives=tuple(_json_list(r[12])),
            summary=r[13], agreements=int(r[14]), cash_cents=int(r[15]),
            in_kind_cents=int(r[16]), skills_cents=int(r[17]),
        )
        for r in rows
    ]


def _json_list(raw: str | None) -> list[str]:
    try:
        value = json.loads(raw) if raw else []
    except ValueError:
        return []
    return [str(v) for v in value] if isinstance(value, list) else []
