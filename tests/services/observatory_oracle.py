"""The observatory's figures computed independently: plain SELECTs on the database file with
``sqlite3`` and the definitions of ``services/observatory.py`` re-done in plain Python.

Shared by the service tests, the CLI test and the view test, so each compares the product's
figures with figures that share no code with it.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
from collections import Counter, defaultdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

# Written out again on purpose (not imported): TPE = fewer than 10 employees.
SIZES = {
    "TPE": "TPE", "NN": "TPE", "00": "TPE", "01": "TPE", "02": "TPE", "03": "TPE",
    "PME": "PME", "11": "PME", "12": "PME", "21": "PME", "22": "PME", "31": "PME",
    "ETI": "ETI", "32": "ETI", "41": "ETI", "42": "ETI", "51": "ETI",
    "GE": "GE", "52": "GE", "53": "GE",
}


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 1) if values else None


def _ts(text: str) -> datetime:
    return datetime.fromisoformat(text)


def expected(path: Path, start: date | None = None, end: date | None = None,
             facilitator: str | None = None, commune: str | None = None,
             qpv: bool | None = None) -> dict[str, Any]:
    """The figures for a filter, as a dict shaped like ``Observatory.to_json()``'s parts."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        files = con.execute(
            "SELECT id, stage, status, category, company_id, commune_insee, qpv, themes, brakes,"
            " success_story, opened_on, closed_on, facilitator FROM partnership_file"
            " WHERE deleted = 0").fetchall()
        orgs = {r[0]: r for r in con.execute(
            "SELECT id, kind, size, commune_insee, commune_name FROM organisation")}
        history = con.execute(
            "SELECT id, file_id, from_stage, to_stage, at FROM stage_change WHERE deleted = 0"
        ).fetchall()
        agreements = con.execute(
            "SELECT file_id, status, signed_on, start_on, cash_cents, in_kind_cents,"
            " skills_cents FROM agreement WHERE deleted = 0").fetchall()
    finally:
        con.close()

    def keep(f: tuple[Any, ...]) -> bool:
        opened, closed = f[10], f[11]
        if end and opened and date.fromisoformat(opened) > end:
            return False
        if start and closed and date.fromisoformat(closed) < start:
            return False
        if facilitator and f[12] != facilitator:
            return False
        if commune and f[5] != commune:
            return False
        return not (qpv is not None and bool(f[6]) != qpv)

    kept = [f for f in files if keep(f)]
    ids = {f[0] for f in kept}
    by_file: dict[str, list[tuple[datetime, str, int | None, int]]] = defaultdict(list)
    for hid, fid, from_stage, to_stage, at in history:
        if fid in ids:
            by_file[fid].append((_ts(at), hid, from_stage, to_stage))

    # stage moves: a status change keeps the stage (from_stage == to_stage)
    entries: dict[str, list[tuple[datetime, int]]] = {}
    for fid, rows in by_file.items():
        rows.sort()
        entries[fid] = [(at, to) for at, _, frm, to in rows if frm is None or frm != to]

    reached = {}
    for f in kept:
        hist = [stage for _, _, _, stage in by_file.get(f[0], [])]
        reached[f[0]] = max([f[1], *hist])
    stays: dict[int, list[float]] = defaultdict(list)
    to_agreement: list[float] = []
    for e in entries.values():
        for (at, stage), (next_at, _) in zip(e, e[1:], strict=False):
            stays[stage].append((next_at - at).total_seconds() / 86400)
        if e and e[0][1] < 5:
            at5 = next((at for at, stage in e if stage >= 5), None)
            if at5 is not None:
                to_agreement.append((at5 - e[0][0]).total_seconds() / 86400)

    funnel = []
    for stage in range(1, 9):
        here = [f for f in kept if f[1] == stage]
        funnel.append({
            "stage": stage,
            "current": len(here),
            "reached": sum(1 for f in kept if reached[f[0]] >= stage),
            "stays": len(stays[stage]),
            "median_days": _median(stays[stage]),
            "current_by_status": dict(Counter(f[2] for f in here)),
        })
    conversions = [
        {"from_stage": s, "to_stage": s + 1, "entered": funnel[s - 1]["reached"],
         "went_on": funnel[s]["reached"]} for s in range(1, 8)]

    cat_actor = Counter(
        (f[3], orgs[f[4]][1] if f[4] in orgs else None) for f in kept)
    communes: dict[Any, list[int]] = defaultdict(lambda: [0, 0])
    for f in kept:
        communes[f[5]][0] += 1
        communes[f[5]][1] += int(bool(f[6]))
    names: dict[str, str] = {}
    for o in orgs.values():
        if o[3] and o[4] and (o[3] not in names or o[4] < names[o[3]]):
            names[o[3]] = o[4]
    sizes_files: Counter[Any] = Counter()
    sizes_companies: dict[Any, set[str]] = defaultdict(set)
    for f in kept:
        org = orgs.get(f[4])
        if org is None or org[1] != "entreprise":
            continue
        cls = SIZES.get((org[2] or "").strip().upper())
        sizes_files[cls] += 1
        sizes_companies[cls].add(org[0])
    themes: Counter[str] = Counter()
    brakes: Counter[str] = Counter()
    for f in kept:
        themes.update(set(json.loads(f[7] or "[]")))
        brakes.update(set(json.loads(f[8] or "[]")))

    filtered = bool(facilitator or commune or qpv is not None)
    live = {f[0] for f in files}
    years: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    undated = 0
    for fid, status, signed, started, cash, kind, skills in agreements:
        if status not in ("signee", "expiree", "resiliee"):
            continue
        when = signed or started
        if when is not None and ((start and when < start.isoformat())
                                 or (end and when > end.isoformat())):
            continue
        if when is None and (start or end):
            continue
        if fid in ids or (not filtered and (fid is None or fid not in live)):
            if when is None:
                undated += 1
                continue
            row = years[int(when[:4])]
            row[0] += 1
            row[1] += cash
            row[2] += kind
            row[3] += skills

    small = sizes_files["TPE"] + sizes_files["PME"]
    large = sizes_files["ETI"] + sizes_files["GE"]
    return {
        "files": len(kept),
        "files_by_status": dict(Counter(f[2] for f in kept)),
        "success_stories": sum(1 for f in kept if f[9]),
        "qpv_files": sum(1 for f in kept if f[6]),
        "funnel": funnel,
        "conversions": conversions,
        "time_to_agreement": {"files": len(to_agreement),
                              "median_days": _median(to_agreement)},
        "category_by_actor": {(c, k): n for (c, k), n in cat_actor.items()},
        "communes": {code: (names.get(code) if code else None, n, q)
                     for code, (n, q) in communes.items()},
        "company_sizes": {cls: (n, len(sizes_companies[cls])) for cls, n in sizes_files.items()},
        "small_companies": (small, large, small / (small + large) if small + large else None),
        "themes": dict(themes),
        "brakes": dict(brakes),
        "value_by_year": {y: tuple(v) for y, v in years.items()},
        "undated_agreements": undated,
    }


def as_comparable(obs_json: dict[str, Any]) -> dict[str, Any]:
    """``Observatory.to_json()`` reshaped like :func:`expected` (order-free collections)."""
    return {
        "files": obs_json["files"],
        "files_by_status": obs_json["files_by_status"],
        "success_stories": obs_json["success_stories"],
        "qpv_files": obs_json["qpv_files"],
        "funnel": [{k: s[k] for k in ("stage", "current", "reached", "stays", "median_days",
                                      "current_by_status")} for s in obs_json["funnel"]],
        "conversions": [{k: c[k] for k in ("from_stage", "to_stage", "entered", "went_on")}
                        for c in obs_json["conversions"]],
        "time_to_agreement": obs_json["time_to_agreement"],
        "category_by_actor": {(c["category"], c["actor_kind"]): c["files"]
                              for c in obs_json["category_by_actor"]},
        "communes": {c["commune_insee"]: (c["commune_name"], c["files"], c["qpv_files"])
                     for c in obs_json["communes"]},
        "company_sizes": {s["size_class"]: (s["files"], s["companies"])
                          for s in obs_json["company_sizes"]},
        "small_companies": (obs_json["small_companies"]["tpe_pme_files"],
                            obs_json["small_companies"]["eti_ge_files"],
                            obs_json["small_companies"]["tpe_pme_share"]),
        "themes": obs_json["themes"],
        "brakes": obs_json["brakes"],
        "value_by_year": {v["year"]: (v["agreements"], v["cash_cents"], v["in_kind_cents"],
                                      v["skills_cents"]) for v in obs_json["value_by_year"]},
        "undated_agreements": obs_json["undated_agreements"],
    }
