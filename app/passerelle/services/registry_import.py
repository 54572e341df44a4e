"""Import of the public registers (SIRENE, RNA) into the local registry (DESIGN.md §7).

What is kept, and why (DOMAIN-FR.md §1–2):

- **Territory**: by default the Métropole's 95 communes (``resources/reference/
  communes_mel.csv``, from DOMAIN-FR Annex A), on the INSEE code of the establishment or of the
  association's seat. ``rna_import`` rows often carry only a postcode and a commune name: they
  are placed when the *name and* the postcode match one commune of the list (an INSEE code is
  never derived from a postcode alone). ``--territory all`` keeps everything.
- **Living entities only**: closed establishments (``etatAdministratifEtablissement = F``),
  ceased legal units (``C``) and dissolved associations (``position`` D/S or a dissolution date)
  are skipped and counted.
- **No natural-person data, ever.** RNA ``adrg_*`` (the declarant's or manager's address) and
  ``dir_civilite`` are never read; SIRENE ``sexe*``, ``nom*``, ``prenom*`` and ``pseudonyme*``
  are never read either. An individual entrepreneur (catégorie juridique 1000) is kept only
  under the commercial name it chose to publish (dénomination usuelle, enseigne); without one,
  it is skipped as ``natural_person`` rather than shown under a person's name or a placeholder.
- **Diffusion status**: ``[ND]`` is never a value (it becomes empty); a unit or establishment
  with status ``P`` keeps no street address (only postcode and commune), and one whose name is
  hidden is skipped (``no_name``); status ``N`` (older vintages) is skipped as
  ``not_diffusible``.
- **Identifiers**: SIRET (Luhn, La Poste rule), SIREN and RNA number checked with
  ``domain.validators``; an invalid one skips the line, reported with its line number. A SIRET
  or RNA number seen twice keeps the first line and reports the second as ``duplicate``.

The report gives, per reason, the number of skipped lines, and lists the lines of the reasons a
user can act on (invalid identifier, duplicate, no usable name), up to :data:`MAX_LISTED`;
out-of-territory, closed and dissolved lines are only counted (a national file has millions).
"""

from __future__ import annotations

import csv
import re
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from passerelle.domain.errors import PasserelleError, ValidationError
from passerelle.domain.text import fold
from passerelle.domain.validators import normalize_rna
from passerelle.infra import registry_files as rf
from passerelle.infra.resources import resource_path
from passerelle.services.common import utcnow
from passerelle.store import registry as store
from passerelle.store.database import Database

SOURCES = ("sirene", "rna")
TERRITORIES = ("mel", "all")
MAX_LISTED = 1000
BATCH = 5000

#: Reasons whose lines are listed (the user can fix or check them); others are only counted.
LISTED_REASONS = frozenset({"invalid_siret", "invalid_siren", "invalid_rna", "duplicate",
                            "natural_person", "no_name", "no_unit"})

ProgressFn = Callable[[int, int], None]


class RegistryImportError(PasserelleError):
    """A registry file cannot be imported (wrong kind, unreadable); nothing was changed."""


class ImportCancelled(PasserelleError):
    """The user cancelled; the registry is exactly as it was."""


@dataclass(frozen=True, slots=True)
class SkippedLine:
    """One skipped line worth showing: where, why (a reason key), which identifier."""

    file: str
    line: int
    reason: str
    identifier: str


@dataclass(frozen=True, slots=True)
class RegistryImportReport:
    """What an import did: counts, skip reasons, listed lines, vintage, duration."""

    source: str
    vintage: str
    territory: str
    files: tuple[str, ...]
    rows_read: int
    rows_imported: int
    skipped: dict[str, int]
    lines: tuple[SkippedLine, ...]
    lines_not_listed: int
    seconds: float

    @property
    def rows_skipped(self) -> int:
        return sum(self.skipped.values())


@dataclass(frozen=True, slots=True)
class Commune:
    insee: str
    name: str
    postal_codes: tuple[str, ...]
    siren: str


@cache
def mel_communes() -> dict[str, Commune]:
    """The Métropole's 95 communes by INSEE code (shipped reference file, Annex A)."""
    path = resource_path("reference", "communes_mel.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        return {r["insee"]: Commune(r["insee"], r["name"], tuple(r["postal_codes"].split()),
                                    r["siren"])
                for r in csv.DictReader(fh)}


@cache
def _commune_by_name_and_postcode() -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    for c in mel_communes().values():
        for cp in c.postal_codes:
            out[(_name_key(c.name), cp)] = c.insee
    return out


def _name_key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", fold(name)).replace("saint ", "st ").strip()


# --- Small value helpers -----------------------------------------------------------------------

def _v(value: str) -> str | None:
    """A published cell as a value: stripped, empty or ``[ND]`` → None."""
    value = value.strip()
    if not value or value == "[ND]":
        return None
    return value


_ISO_DATE = re.compile(r"(1[89]\d{2}|20\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")


def _date(value: str) -> str | None:
    """An ISO date (first 10 characters of a date or timestamp), else None."""
    match = _ISO_DATE.match(value.strip())
    return match.group(0) if match else None


def _year(value: str) -> int | None:
    value = value.strip()
    return int(value) if len(value) == 4 and value.isdigit() else None


_NAF = re.compile(r"(\d{2})\.?(\d{2})([A-Z])")


@lru_cache(maxsize=8192)
def _naf(value: str) -> str | None:
    match = _NAF.fullmatch(value.strip().upper())
    return f"{match.group(1)}.{match.group(2)}{match.group(3)}" if match else None


_STREET_TYPES = {
    "AV": "AVENUE", "BD": "BOULEVARD", "CHE": "CHEMIN", "PL": "PLACE", "RTE": "ROUTE",
    "ALL": "ALLEE", "IMP": "IMPASSE", "SQ": "SQUARE", "CRS": "COURS", "PAS": "PASSAGE",
    "RES": "RESIDENCE", "FG": "FAUBOURG", "QUA": "QUARTIER", "CHS": "CHAUSSEE", "SEN": "SENTE",
    "PRO": "PROMENADE", "ZA": "ZA", "ZI": "ZI", "ZAC": "ZAC", "LD": "LIEU-DIT", "PARV": "PARVIS",
}


def _join(*parts: str | None) -> str | None:
    text = " ".join(p for p in parts if p)
    text = " ".join(text.split())
    return text[:300] or None


_DOUBLED = (0, 2, 4, 6, 8, 1, 3, 5, 7, 9)  # digit → digit doubled, minus 9 above 9
_DIGITS = re.compile(r"[0-9]+")


def _luhn(digits: str) -> bool:
    """``domain.validators.luhn_ok`` for ASCII digits, about 4 × faster (it runs per line).

    Equivalence is checked by tests/services/test_registry_import.py.
    """
    total = sum(map(int, digits[-1::-2])) + sum(_DOUBLED[int(c)] for c in digits[-2::-2])
    return total % 10 == 0


def _siret_ok(value: str) -> bool:
    """A valid SIRET: Luhn over 14 digits, or La Poste's digit-sum rule (DOMAIN-FR.md §1.3)."""
    if len(value) != 14 or _DIGITS.fullmatch(value) is None:
        return False
    if _luhn(value):
        return True
    return value.startswith("356000000") and sum(map(int, value)) % 5 == 0


def _siren_ok(value: str) -> bool:
    return len(value) == 9 and _DIGITS.fullmatch(value) is not None and _luhn(value)


# --- The import --------------------------------------------------------------------------------

@dataclass
class _Run:
    """Mutable state of one import while it reads its files."""

    source: str
    territory: str
    progress: ProgressFn | None
    cancel: threading.Event | None
    total_bytes: int
    rows_read: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    lines: list[SkippedLine] = field(default_factory=list)
    not_listed: int = 0
    vintages: list[str] = field(default_factory=list)
    last_tick: float = 0.0

    def skip(self, reason: str, file: str, line: int, identifier: str = "") -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1
        if reason in LISTED_REASONS:
            if len(self.lines) < MAX_LISTED:
                self.lines.append(SkippedLine(file, line, reason, identifier))
            else:
                self.not_listed += 1

    def tick(self, reader_bytes: int, base: int, force: bool = False) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise ImportCancelled("registry_import_cancelled",
                                  "Import annulé : le registre est inchangé.")
        now = time.monotonic()
        if self.progress is not None and (force or now - self.last_tick > 0.1):
            self.last_tick = now
            self.progress(min(base + reader_bytes, self.total_bytes), self.total_bytes)


def import_registry(db: Database, source: str, files: Sequence[Path | str], *,
                    territory: str = "mel", progress: ProgressFn | None = None,
                    cancel: threading.Event | None = None) -> RegistryImportReport:
    """Import SIRENE or RNA files (CSV or the published zips) and replace that source.

    ``progress(done, total)`` is called with bytes read (uncompressed); setting ``cancel``
    stops the import with :class:`ImportCancelled` and the registry unchanged.

    Raises:
        RegistryImportError: unknown source/territory, a file of the wrong kind, or a SIRENE
            import filtered by territory without a StockEtablissement file.
        ValidationError: a missing or unreadable file.
        ImportCancelled: ``cancel`` was set.
        RegistryImportError: no line of the files is kept (the registry is left as it was).
    """
    if source not in SOURCES:
        raise RegistryImportError("registry_bad_source",
                                  "Source inconnue : {source} (sirene ou rna attendu).",
                                  source=source)
    if territory not in TERRITORIES:
        raise RegistryImportError("registry_bad_territory",
                                  "Territoire inconnu : {territory} (mel ou all attendu).",
                                  territory=territory)
    if not files:
        raise RegistryImportError("registry_no_file", "Aucun fichier à importer.")
    started = time.perf_counter()
    items = [m for f in files for m in rf.members(Path(f))]
    classified = [(_classify(item, source), item) for item in items]
    run = _Run(source, territory, progress, cancel,
               total_bytes=sum(rf.member_size(i) for i in items) or 1)
    for item in items:
        if (v := rf.vintage_from_name(item.stem) or rf.vintage_from_name(item.path.name)):
            run.vintages.append(v)
    staging = store.Staging(db.engine, in_memory=territory == "mel")
    try:
        vintage = _stage(staging, run, classified)
        counts, _ = staging.skipped(0)
        for reason, n in counts.items():
            run.skipped[reason] = run.skipped.get(reason, 0) + n
        if counts:
            _, sample = staging.skipped(MAX_LISTED)
            for file, line, reason, ident in sample:
                if len(run.lines) < MAX_LISTED:
                    run.lines.append(SkippedLine(file, line, reason, ident))
                else:
                    run.not_listed += 1
            run.not_listed += max(0, sum(counts.values()) - len(sample))
        run.tick(0, run.total_bytes, force=True)
        if staging.kept() == 0:
            # Most likely the wrong files (another département, another register's export):
            # replacing the registry by nothing would only lose the previous vintage.
            raise RegistryImportError(
                "registry_nothing_kept",
                "Aucune entrée à importer dans ces fichiers ({read} lignes lues, aucune "
                "retenue pour ce territoire) : le registre n'a pas été modifié.",
                read=run.rows_read)
        imported = staging.swap(
            source, vintage=vintage, territory=territory, files=[i.label for i in items],
            rows_read=run.rows_read, rows_skipped=sum(run.skipped.values()),
            report=run.skipped, imported_at=utcnow())
    finally:
        staging.close()
    lines = sorted(run.lines, key=lambda s: (s.file, s.line))
    return RegistryImportReport(
        source, vintage, territory, tuple(i.label for i in items), run.rows_read, imported,
        dict(sorted(run.skipped.items())), tuple(lines), run.not_listed,
        time.perf_counter() - started)


# --- File kinds ---------------------------------------------------------------------------------

_KIND_LABEL = {"sirene": "SIRENE (StockEtablissement ou StockUniteLegale)",
               "rna": "RNA (rna_waldec ou rna_import)"}


def _classify(item: rf.CsvMember, source: str) -> str:
    """``etab``, ``unit``, ``waldec`` or ``import``, from the header (never from the name)."""
    delimiter = "," if source == "sirene" else ";"
    with rf.open_csv(item, delimiter) as reader:
        header = set(reader.header)
    if source == "sirene":
        if {"siret", "codeCommuneEtablissement"} <= header:
            return "etab"
        if {"siren", "statutDiffusionUniteLegale"} <= header:
            return "unit"
    else:
        if {"id", "titre", "adrs_codeinsee"} <= header:
            return "waldec" if "adrs_libvoie" in header else "import"
    raise RegistryImportError(
        "registry_wrong_file",
        "Le fichier {file} n'est pas un fichier {kind} : ses colonnes ne correspondent pas.",
        file=item.label, kind=_KIND_LABEL[source])


def _stage(staging: store.Staging, run: _Run,
           classified: list[tuple[str, rf.CsvMember]]) -> str:
    """Read every file into the staging tables; returns the vintage."""
    order = {"etab": 0, "unit": 1, "waldec": 0, "import": 1}
    base = 0
    if run.source == "rna":
        seen: set[str] = set()
        latest = ""
        for kind, item in sorted(classified, key=lambda c: order[c[0]]):
            latest = max(latest, _read_rna(staging, run, item, kind, seen, base))
            base += rf.member_size(item)
        return _vintage(run, latest)
    etabs = [i for k, i in classified if k == "etab"]
    units = [i for k, i in classified if k == "unit"]
    if not etabs and run.territory == "mel":
        raise RegistryImportError(
            "registry_needs_establishments",
            "Pour ne garder que la Métropole, joignez le fichier StockEtablissement : "
            "le fichier StockUniteLegale ne donne pas l'adresse des établissements.")
    wanted: set[str] | None = set() if etabs else None
    unit_seen: set[str] = set()
    latest = ""
    for item in etabs:
        latest = max(latest, _read_etab(staging, run, item, wanted, unit_seen, base))
        base += rf.member_size(item)
    for item in units:
        latest = max(latest, _read_units(staging, run, item, wanted, unit_seen, base))
        base += rf.member_size(item)
    vintage = _vintage(run, latest)
    if etabs:
        staging.merge_units()
    else:
        staging.entries_from_units("sirene", vintage)
    return vintage


def _vintage(run: _Run, latest_processed: str) -> str:
    """The vintage: a date in the file names, else the latest processing date, else today."""
    if run.vintages:
        return max(run.vintages)
    return latest_processed or date.today().isoformat()


# --- SIRENE -------------------------------------------------------------------------------------

_ETAB_FIELDS = (
    "siren", "siret", "statutDiffusionEtablissement", "dateCreationEtablissement",
    "trancheEffectifsEtablissement", "anneeEffectifsEtablissement",
    "dateDernierTraitementEtablissement", "etablissementSiege",
    "complementAdresseEtablissement", "numeroVoieEtablissement",
    "indiceRepetitionEtablissement", "typeVoieEtablissement", "libelleVoieEtablissement",
    "codePostalEtablissement", "libelleCommuneEtablissement", "codeCommuneEtablissement",
    "etatAdministratifEtablissement", "enseigne1Etablissement",
    "denominationUsuelleEtablissement", "activitePrincipaleEtablissement",
)

#: Legal-unit columns read (never ``sexe*``, ``nom*``, ``prenom*``, ``pseudonyme*``).
_UNIT_FIELDS = (
    "siren", "statutDiffusionUniteLegale", "dateCreationUniteLegale", "sigleUniteLegale",
    "trancheEffectifsUniteLegale", "anneeEffectifsUniteLegale",
    "dateDernierTraitementUniteLegale", "categorieEntreprise", "anneeCategorieEntreprise",
    "etatAdministratifUniteLegale", "denominationUniteLegale",
    "denominationUsuelle1UniteLegale", "categorieJuridiqueUniteLegale",
    "activitePrincipaleUniteLegale", "economieSocialeSolidaireUniteLegale",
)

_CATEGORIES = frozenset({"PME", "ETI", "GE"})
_BRACKETS = frozenset({"NN", "00", "01", "02", "03", "11", "12", "21", "22", "31", "32", "41",
                       "42", "51", "52", "53"})


def _read_etab(staging: store.Staging, run: _Run, item: rf.CsvMember,
               wanted: set[str] | None, unit_seen: set[str], base: int) -> str:
    communes = mel_communes()
    keep_all = run.territory == "all"
    seen: set[str] = set()
    batch: list[tuple[Any, ...]] = []
    units: list[tuple[Any, ...]] = []
    latest = ""
    label = item.label
    with rf.open_csv(item, ",") as reader:
        get = rf.column_getter(reader.header, _ETAB_FIELDS)
        merged = "denominationUniteLegale" in reader.header  # UL columns repeated inside
        get_unit = rf.column_getter(reader.header, _UNIT_FIELDS) if merged else None
        insee_at = reader.header.index("codeCommuneEtablissement")
        outside = 0
        for n, row in enumerate(reader):
            run.rows_read += 1
            if n % 2048 == 0:
                run.tick(reader.bytes_read, base)
            # A national file is mostly elsewhere: test the commune before anything else.
            if not keep_all and (len(row) <= insee_at or row[insee_at] not in communes):
                outside += 1
                continue
            (siren, siret, statut, created, bracket, bracket_year, processed, head, compl,
             number, repeat, street_type, street, cp, commune_label, insee, state, sign,
             usual_name, naf) = get(row)
            insee = insee.strip()
            commune = communes.get(insee)
            if state.strip() == "F":
                run.skip("closed", label, reader.line)
                continue
            siret = siret.strip()
            if not _siret_ok(siret):
                run.skip("invalid_siret", label, reader.line, siret)
                continue
            if siret in seen:
                run.skip("duplicate", label, reader.line, siret)
                continue
            seen.add(siret)
            statut = statut.strip()
            if statut == "N":
                run.skip("not_diffusible", label, reader.line, siret)
                continue
            if len(processed) >= 10 and processed[:10] > latest:
                latest = _date(processed) or latest
            siren = siret[:9]
            hidden = statut == "P"
            address = None if hidden else _join(
                _v(number), _v(repeat), _STREET_TYPES.get(street_type.strip(),
                                                          _v(street_type)),
                _v(street), _v(compl) and f"({_v(compl)})")
            bracket = bracket.strip()
            batch.append((
                "sirene", siret, siren, siret, None, _v(usual_name) or _v(sign), None, None,
                _naf(naf), None, bracket if bracket in _BRACKETS else None,
                _year(bracket_year), None, None, 0, head.strip() == "true", address,
                _v(cp), insee or None,
                commune.name if commune is not None else _v(commune_label),
                None, None, None, None, _date(created), "", reader.line, label))
            if wanted is not None:
                wanted.add(siren)
            if get_unit is not None and siren not in unit_seen:
                unit = _unit_row(get_unit(row), run, label, reader.line, report=False)
                if unit is not None:
                    unit_seen.add(siren)
                    units.append(unit)
            if len(batch) >= BATCH:
                staging.add_entries(batch)
                staging.add_units(units)
                batch, units = [], []
        staging.add_entries(batch)
        staging.add_units(units)
        run.tick(reader.bytes_read, base, force=True)
    if outside:
        run.skipped["out_of_territory"] = run.skipped.get("out_of_territory", 0) + outside
    return latest


def _unit_row(values: tuple[str, ...], run: _Run, label: str, line: int, *,
              report: bool) -> tuple[Any, ...] | None:
    """The staged legal unit of one row, or None (reported when ``report``)."""
    (siren, statut, created, acronym, bracket, bracket_year, _processed, category,
     category_year, state, denomination, usual1, legal_form, naf, ess) = values
    siren = siren.strip()
    if not _siren_ok(siren):
        if report:
            run.skip("invalid_siren", label, line, siren)
        return None
    statut = statut.strip()
    if statut == "N":
        if report:
            run.skip("not_diffusible", label, line, siren)
        return None
    legal = legal_form.strip()
    natural = legal == "1000"
    # A natural person's unit: only a published commercial name, never nom/prénom columns.
    name = _v(usual1) if natural else (_v(denomination) or _v(usual1))
    bracket = bracket.strip()
    category = category.strip()
    return (siren, name, _v(acronym), legal or None,
            bracket if bracket in _BRACKETS else None, _year(bracket_year),
            category if category in _CATEGORIES else None, _year(category_year),
            1 if ess.strip() == "O" else 0, _naf(naf), _date(created),
            1 if state.strip() == "C" else 0, 1 if natural else 0, line, label)


def _read_units(staging: store.Staging, run: _Run, item: rf.CsvMember,
                wanted: set[str] | None, unit_seen: set[str], base: int) -> str:
    batch: list[tuple[Any, ...]] = []
    latest = ""
    label = item.label
    with rf.open_csv(item, ",") as reader:
        get = rf.column_getter(reader.header, _UNIT_FIELDS)
        siren_at = reader.header.index("siren")
        outside = 0
        for n, row in enumerate(reader):
            run.rows_read += 1
            if n % 2048 == 0:
                run.tick(reader.bytes_read, base)
            if wanted is not None and (len(row) <= siren_at or row[siren_at] not in wanted):
                outside += 1  # a unit without establishment in the territory
                continue
            values = get(row)
            siren = values[0].strip()
            if siren in unit_seen:
                run.skip("duplicate", label, reader.line, siren)
                continue
            if wanted is None and values[9].strip() == "C":
                run.skip("unit_ceased", label, reader.line, siren)
                continue
            unit = _unit_row(values, run, label, reader.line, report=True)
            if unit is None:
                continue
            unit_seen.add(siren)
            if wanted is None and unit[1] is None:
                run.skip("natural_person" if unit[12] else "no_name", label, reader.line,
                         siren)
                continue
            processed = values[6]
            if len(processed) >= 10 and processed[:10] > latest:
                latest = _date(processed) or latest
            batch.append(unit)
            if len(batch) >= BATCH:
                staging.add_units(batch)
                batch = []
        staging.add_units(batch)
        run.tick(reader.bytes_read, base, force=True)
    if outside:
        run.skipped["out_of_territory"] = run.skipped.get("out_of_territory", 0) + outside
    return latest


# --- RNA ----------------------------------------------------------------------------------------

#: Columns read from rna_waldec (never ``adrg_*`` nor ``dir_civilite``).
_WALDEC_FIELDS = (
    "id", "siret", "date_creat", "date_disso", "titre", "titre_court", "objet",
    "objet_social1", "objet_social2", "adrs_complement", "adrs_numvoie", "adrs_repetition",
    "adrs_typevoie", "adrs_libvoie", "adrs_distrib", "adrs_codeinsee", "adrs_codepostal",
    "adrs_libcommune", "siteweb", "position", "maj_time",
)
#: Columns read from rna_import: its ``adr1..3`` are the seat's address lines.
_IMPORT_FIELDS = (
    "id", "siret", "date_creat", "date_disso", "titre", "titre_court", "objet",
    "objet_social1", "objet_social2", "adr1", "adr2", "adr3", "adrs_typevoie", "adrs_libvoie",
    "adrs_distrib", "adrs_codeinsee", "adrs_codepostal", "libcom", "siteweb", "position",
    "maj_time",
)


def _read_rna(staging: store.Staging, run: _Run, item: rf.CsvMember, kind: str,
              seen: set[str], base: int) -> str:
    communes = mel_communes()
    by_name = _commune_by_name_and_postcode()
    keep_all = run.territory == "all"
    batch: list[tuple[Any, ...]] = []
    latest = ""
    label = item.label
    with rf.open_csv(item, ";") as reader:
        get = rf.column_getter(reader.header,
                               _WALDEC_FIELDS if kind == "waldec" else _IMPORT_FIELDS)
        insee_at = reader.header.index("adrs_codeinsee")
        outside = 0
        for n, row in enumerate(reader):
            run.rows_read += 1
            if n % 2048 == 0:
                run.tick(reader.bytes_read, base)
            if not keep_all and len(row) > insee_at and row[insee_at] \
                    and row[insee_at].strip() not in communes:
                outside += 1  # (rows without a code are placed by name and postcode below)
                continue
            (rna, siret, created, dissolved, title, short_title, objet, social1, social2,
             a1, a2, a3, a4, a5, a6, insee, cp, commune_label, website, position,
             updated) = get(row)
            insee = insee.strip()
            commune = communes.get(insee)
            if commune is None and not insee:
                found = by_name.get((_name_key(commune_label), cp.strip()))
                commune = communes.get(found) if found else None
            if commune is None and not keep_all:
                run.skip("out_of_territory", label, reader.line)
                continue
            if position.strip() in ("D", "S") or _date(dissolved):
                run.skip("dissolved", label, reader.line)
                continue
            try:
                rna = normalize_rna(rna)
            except ValidationError:
                run.skip("invalid_rna", label, reader.line, rna.strip())
                continue
            if rna in seen:
                run.skip("duplicate", label, reader.line, rna)
                continue
            name = _v(title) or _v(short_title)
            if name is None:
                run.skip("no_name", label, reader.line, rna)
                continue
            seen.add(rna)
            if _date(updated) and updated[:10] > latest:
                latest = updated[:10]
            siret = siret.strip()
            siret_value = siret if siret and _siret_ok(siret) else None
            if kind == "waldec":
                address = _join(_v(a2), _v(a3), _STREET_TYPES.get(a4.strip(), _v(a4)),
                                _v(a5), _v(a1) and f"({_v(a1)})", _v(a6))
            else:
                address = _join(_v(a1), _v(a2), _v(a3))
            acronym = _v(short_title)
            batch.append((
                "rna", rna, siret_value[:9] if siret_value else None, siret_value, rna,
                name[:300], None, acronym if acronym != name else None, None, None, None,
                None, None, None, 0, None, address, _v(cp), commune.insee if commune else
                (insee or None), commune.name if commune else _v(commune_label), _v(objet),
                _v(social1), _v(social2), _v(website), _date(created), "", reader.line,
                label))
            if len(batch) >= BATCH:
                staging.add_entries(batch)
                batch = []
        staging.add_entries(batch)
        run.tick(reader.bytes_read, base, force=True)
    if outside:
        run.skipped["out_of_territory"] = run.skipped.get("out_of_territory", 0) + outside
    return latest


def files_of(paths: Iterable[str]) -> list[Path]:
    return [Path(p) for p in paths]
