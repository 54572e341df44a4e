"""A fictional registry for the demo databases (DESIGN.md §8: 150,000 entries at metropolis).

The entries are what an import of the public files would leave, built from the demo's word
lists (no real company or association, no person): the 95 communes as public bodies (their
real SIREN, public data, Annex A), about half of the demo CRM's associations under their RNA
number and the communes under their SIREN (so « Adopter » meets an organisation already in the
CRM, as it would in real use), then fictional companies and associations up to the count. They
go in through the importer's own staging and swap, so the demo exercises the real path.
"""

from __future__ import annotations

import random
from typing import Any

from sqlalchemy import select

from passerelle.domain.validators import luhn_ok
from passerelle.services import demo_content as dc
from passerelle.services.common import utcnow
from passerelle.services.registry_import import mel_communes
from passerelle.store import registry as store
from passerelle.store.database import Database
from passerelle.store.models import Organisation

#: Registry entries per demo scale.
SIZES = {"mda": 6_000, "metropolis": 150_000}
VINTAGE = "2026-01"

_NAF_COMPANY = ("10.71C", "43.32A", "47.11B", "49.41A", "56.10A", "62.01Z", "69.20Z", "70.22Z",
                "71.12B", "73.11Z", "81.21Z", "82.99Z", "86.23Z", "95.11Z", "18.12Z", "45.20A")
_BRACKETS = (("NN", 30), ("00", 8), ("01", 20), ("02", 12), ("03", 9), ("11", 8), ("12", 6),
             ("21", 3), ("22", 2), ("31", 1), ("32", 1))
_STREETS = ("RUE NATIONALE", "RUE DE LILLE", "AVENUE JEAN LEBAS", "RUE DU MOULIN",
            "BOULEVARD DE STRASBOURG", "RUE DE LA GARE", "RUE FAIDHERBE", "PLACE DE LA REPUBLIQUE",
            "RUE GAMBETTA", "RUE JULES GUESDE", "AVENUE DE LA MARNE", "RUE DE TOURCOING")


def _luhn_complete(body: str) -> str:
    for digit in "0123456789":
        if luhn_ok(body + digit):
            return body + digit
    raise AssertionError(body)


def _entry(source: str, identifier: str, *, siren: str | None = None, siret: str | None = None,
           rna: str | None = None, name: str, naf: str | None = None,
           legal_form: str | None = None, size: str | None = None,
           category: str | None = None, ess: bool = False, head: bool | None = None,
           address: str | None = None, postal_code: str | None = None,
           commune: tuple[str, str] | None = None, objet: str | None = None,
           created: str | None = None, line: int = 0) -> tuple[Any, ...]:
    return (source, identifier, siren, siret, rna, name, None, None, naf, legal_form, size,
            2023 if size else None, category, 2023 if category else None, 1 if ess else 0,
            head, address, postal_code, commune[0] if commune else None,
            commune[1] if commune else None, objet, None, None, None, created, VINTAGE, line,
            "démonstration")


def fill_registry(db: Database, scale: str, *, seed: int = 2026) -> int:
    """Replace the registry with ``SIZES[scale]`` fictional entries; returns the count."""
    total = SIZES.get(scale, SIZES["mda"])
    rng = random.Random(seed * 7 + 3)
    communes = list(mel_communes().values())
    with db.read() as s:
        crm = s.execute(select(Organisation.name, Organisation.rna, Organisation.commune_insee,
                               Organisation.postal_code, Organisation.description,
                               Organisation.address)
                        .where(Organisation.rna.is_not(None), Organisation.deleted.is_(False))
                        ).all()
    by_insee = {c.insee: c for c in communes}
    associations: list[tuple[Any, ...]] = []
    companies: list[tuple[Any, ...]] = []
    for c in communes:
        siret = _luhn_complete(c.siren + "0001")
        companies.append(_entry(
            "sirene", siret, siren=c.siren, siret=siret, name=f"COMMUNE DE {c.name.upper()}",
            naf="84.11Z", legal_form="7210", size="32", head=True,
            address="PLACE DE L'HOTEL DE VILLE", postal_code=c.postal_codes[0],
            commune=(c.insee, c.name), created="1983-03-01"))
    for name, rna, insee, cp, description, address in crm:
        if rng.random() < 0.5 and insee in by_insee:
            associations.append(_entry(
                "rna", rna, rna=rna, name=name.upper(), address=address, postal_code=cp,
                commune=(insee, by_insee[insee].name), objet=description,
                created=f"{rng.randint(1975, 2024)}-{rng.randint(1, 12):02d}-01"))
    seen_rna = {e[1] for e in associations}
    n = len(associations) + len(companies)
    next_siren = 40_000_000
    while n < total:
        c = rng.choice(communes)
        place = c.name
        if rng.random() < 0.3:
            theme = rng.choice(dc.THEMES)
            rna = f"W59{rng.randint(0, 9_999_999):07d}"
            if rna in seen_rna:
                continue
            seen_rna.add(rna)
            name = rng.choice(dc.ASSOCIATION_NAME_PATTERNS).format(place=place, theme=theme)
            associations.append(_entry(
                "rna", rna, rna=rna, name=name.upper(),
                address=f"{rng.randint(1, 180)} {rng.choice(_STREETS)}",
                postal_code=rng.choice(c.postal_codes), commune=(c.insee, c.name),
                objet=f"Association de démonstration (fictive) : {theme} à {c.name}.",
                created=f"{rng.randint(1950, 2025)}-{rng.randint(1, 12):02d}-01"))
        else:
            next_siren += 1
            siren = _luhn_complete(f"{next_siren:08d}")
            siret = _luhn_complete(siren + "0001")
            name = rng.choice(dc.COMPANY_NAME_PATTERNS).format(
                surname=rng.choice(dc.LAST_NAMES), place=place, word=rng.choice(dc.COMPANY_WORDS))
            size = rng.choices([b for b, _ in _BRACKETS], [w for _, w in _BRACKETS])[0]
            companies.append(_entry(
                "sirene", siret, siren=siren, siret=siret, name=name.upper(),
                naf=rng.choice(_NAF_COMPANY), legal_form=rng.choice(("5499", "5710", "5720")),
                size=size, category=rng.choices(("PME", "ETI", "GE"), (94, 5, 1))[0],
                ess=rng.random() < 0.06, head=True,
                address=f"{rng.randint(1, 180)} {rng.choice(_STREETS)}",
                postal_code=rng.choice(c.postal_codes), commune=(c.insee, c.name),
                created=f"{rng.randint(1970, 2025)}-{rng.randint(1, 12):02d}-01"))
        n += 1
    for source, rows in (("rna", associations), ("sirene", companies)):
        staging = store.Staging(db.engine)
        try:
            for start in range(0, len(rows), 5000):
                staging.add_entries(rows[start:start + 5000])
            staging.swap(source, vintage=VINTAGE, territory="mel", files=["démonstration"],
                         rows_read=len(rows), rows_skipped=0, report={},
                         imported_at=utcnow())
        finally:
            staging.close()
    return len(associations) + len(companies)
