"""Render .docx templates (docxtpl) safely, in French, and explain what is wrong with a template.

Why this module exists rather than calling docxtpl directly:

- **Safety.** Users import their own .docx: a template is code. Every template runs in Jinja's
  :class:`~jinja2.sandbox.SandboxedEnvironment` (``{{ ''.__class__.__mro__ }}`` and friends
  raise), and the analysis below refuses any ``_attribute`` before rendering (DESIGN.md §9).
- **Correctness.** docxtpl drops ``&`` and ``<`` from values unless Jinja autoescapes
  (DESIGN.md §10), so the environment always has ``autoescape=True``; values that would make the
  XML invalid (control characters pasted from other software) are removed in ``finalize``.
- **French output.** Filters ``euros`` (« 1 234,50 € »), ``date_longue`` (« 1er décembre
  2026 ») and ``en_lettres`` (« mille deux cent trente-quatre euros et cinquante centimes »,
  traditional spelling as conventions and receipts write it) live here, with ``heure``.
- **Explainable errors.** :func:`validate_template` names an unknown placeholder, says where it
  is (paragraph, table cell, header, footer) and proposes the closest known name; a malformed
  Jinja tag is located the same way. Messages are French :class:`ValidationError`s with stable
  ``message_key`` values, so the UI, the CLI and the tests rely on the keys.
- **No half-written files.** :func:`render` writes to a temporary file next to the target and
  renames it; on any error nothing is left behind.

The placeholder vocabulary (:data:`PLACEHOLDERS`) is declared once here: validation, the README
and the template manager all read it. The service layer builds contexts that follow it.
"""

from __future__ import annotations

import difflib
import hashlib
import io
import lzma
import os
import re
import tempfile
import threading
import zlib
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from zipfile import BadZipFile

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as REL_TYPE
from docx.opc.exceptions import OpcError
from docx.oxml.ns import nsmap as docx_nsmap
from docx.oxml.ns import qn
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import (
    StrictUndefined,
    Template,
    TemplateError,
    TemplateSyntaxError,
    UndefinedError,
    nodes,
)
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree

from passerelle.domain.errors import NotFound, ValidationError

_CORE_PROPERTIES_NS = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"


def restore_docx_namespaces() -> None:
    """Give python-docx back its « cp » prefix (core properties).

    docxtpl imports docxcompose when it is installed, and ``docxcompose.utils`` runs
    ``nsmap.update(...)`` on python-docx's global namespace map, rebinding « cp » to the
    custom-properties namespace: every document saved afterwards would carry its core
    properties (last modified by, revision) in the wrong namespace. docxcompose queries with its
    own map, so restoring python-docx's is safe.
    """
    docx_nsmap["cp"] = _CORE_PROPERTIES_NS


restore_docx_namespaces()

__all__ = [
    "DOCX_MIME",
    "PLACEHOLDERS",
    "ImageRef",
    "Placeholder",
    "RenderedDocx",
    "TemplateProblem",
    "date_longue",
    "en_lettres",
    "ensure_valid",
    "euros",
    "heure",
    "make_environment",
    "nombre_en_lettres",
    "placeholder_names",
    "placeholders_markdown",
    "render",
    "render_bytes",
    "used_placeholders",
    "validate_template",
    "write_atomic",
]

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

NNBSP = "\u202f"  # narrow no-break space: French thousands separator (CLDR)
NBSP = "\u00a0"  # no-break space: before « € », as CLDR's fr locale writes it


# =============================================================================================
# Placeholder vocabulary
# =============================================================================================


@dataclass(frozen=True, slots=True)
class Placeholder:
    """One name a template may use, with its French description and an example value.

    Attributes:
        name: dotted name as typed in a template, e.g. ``association.nom``.
        description: French sentence for the README and the template manager.
        kind: ``texte``, ``montant`` (a Decimal in euros: use ``|euros`` or ``|en_lettres``),
            ``date`` (use ``|date_longue``), ``date_heure`` (also ``|heure``), ``liste`` (use
            ``{% for x in … %}``) or ``image``.
        example: what a facilitator would see, for documentation.
        item_fields: for a ``liste``, the fields of each item (``x.description``…).
    """

    name: str
    description: str
    kind: str = "texte"
    example: str = ""
    item_fields: tuple[Placeholder, ...] = ()


_P = Placeholder

PLACEHOLDERS: tuple[Placeholder, ...] = (
    # --- the association ---------------------------------------------------------------------
    _P("association.nom", "Nom de l'association porteuse du dossier", example="Cœur & Solidarité"),
    _P("association.rna", "Numéro RNA de l'association (W + 9 chiffres)", example="W595 001 234"),
    _P("association.siret", "SIRET de l'association, s'il est connu", example="123 456 789 00012"),
    _P("association.adresse", "Adresse du siège (rue, code postal, commune)",
       example="12 rue de Lannoy, 59100 Roubaix"),
    _P("association.commune", "Commune du siège", example="Roubaix"),
    _P("association.representant", "Personne qui représente l'association (contact principal)",
       example="Amina Benali"),
    _P("association.representant_qualite", "Qualité de ce représentant",
       example="Présidente"),
    # --- the company -------------------------------------------------------------------------
    _P("entreprise.nom", "Dénomination de l'entreprise (ou fondation) partenaire",
       example="Boulangerie Lefebvre"),
    _P("entreprise.siret", "SIRET de l'entreprise", example="732 829 320 00074"),
    _P("entreprise.siren", "SIREN de l'entreprise", example="732 829 320"),
    _P("entreprise.adresse", "Adresse de l'entreprise (rue, code postal, commune)",
       example="3 place de la République, 59700 Marcq-en-Barœul"),
    _P("entreprise.commune", "Commune de l'entreprise", example="Marcq-en-Barœul"),
    _P("entreprise.representant", "Personne qui représente l'entreprise (contact principal)",
       example="Marc Lefebvre"),
    _P("entreprise.representant_qualite", "Qualité de ce représentant", example="Gérant"),
    # --- the addressee of a letter -----------------------------------------------------------
    _P("contact.nom_complet", "Prénom et nom du destinataire (contact principal de "
       "l'association, sinon de l'entreprise)", example="Amina Benali"),
    _P("contact.fonction", "Fonction du destinataire dans son organisation",
       example="Présidente"),
    _P("contact.organisation", "Organisation du destinataire", example="Cœur & Solidarité"),
    _P("contact.email", "Adresse électronique du destinataire",
       example="amina.benali@example.org"),
    _P("contact.adresse", "Adresse postale de l'organisation du destinataire",
       example="12 rue de Lannoy, 59100 Roubaix"),
    # --- the file ----------------------------------------------------------------------------
    _P("dossier.reference", "Référence courte du dossier", example="D-2026-0042"),
    _P("dossier.titre", "Intitulé du dossier", example="Jardin partagé de l'Alma"),
    _P("dossier.categorie", "Catégorie de partenariat (modèle du RAMEAU)", example="Mécénat"),
    _P("dossier.etape", "Étape actuelle du parcours", example="Co-construction"),
    _P("dossier.statut", "Statut du dossier", example="Actif"),
    _P("dossier.ouvert_le", "Date d'ouverture du dossier", kind="date", example="3 mars 2026"),
    _P("dossier.objectifs", "Objectifs du dossier, séparés par des virgules",
       example="Association : ressources financières, Territoire : cohésion sociale"),
    _P("dossier.thematiques", "Thématiques du dossier, séparées par des virgules",
       example="insertion, jardinage"),
    _P("dossier.resume", "Résumé du dossier saisi par le facilitateur"),
    _P("dossier.historique", "Historique des étapes", kind="liste", item_fields=(
        _P("date", "Date du changement", kind="date_heure"),
        _P("etape", "Étape atteinte", example="Diagnostic"),
        _P("statut", "Statut à ce moment", example="Actif"),
        _P("motif", "Motif saisi"),
        _P("auteur", "Qui a fait le changement"),
    )),
    _P("dossier.chronologie", "Chronologie des échanges (réunions, appels, médiations…), du "
       "plus ancien au plus récent", kind="liste", item_fields=(
        _P("date", "Date de l'échange", kind="date_heure"),
        _P("type", "Type d'échange", example="Séance de médiation"),
        _P("objet", "Objet de l'échange"),
        _P("notes", "Notes (dernière version)"),
        _P("decisions", "Décisions prises"),
        _P("participants", "Participants, séparés par des virgules"),
    )),
    _P("dossier.conventions", "Conventions du dossier", kind="liste", item_fields=(
        _P("type", "Type de convention", example="Convention de mécénat financier"),
        _P("objet", "Objet de la convention"),
        _P("statut", "Statut", example="Signée"),
        _P("montant", "Montant total valorisé", kind="montant"),
        _P("date_debut", "Date de début", kind="date"),
        _P("date_fin", "Date de fin", kind="date"),
        _P("contreparties", "Contreparties, en une ligne"),
    )),
    _P("dossier.taches", "Tâches (relances) du dossier", kind="liste", item_fields=(
        _P("titre", "Intitulé de la tâche"),
        _P("echeance", "Échéance", kind="date"),
        _P("responsable", "Personne chargée de la tâche"),
        _P("statut", "À faire / Fait"),
    )),
    _P("dossier.documents", "Documents enregistrés dans le dossier", kind="liste", item_fields=(
        _P("titre", "Titre du document"),
        _P("version", "Numéro de version"),
        _P("date", "Date de création", kind="date_heure"),
        _P("fichier", "Nom du fichier"),
    )),
    # --- the agreement -----------------------------------------------------------------------
    _P("convention.type", "Type de convention", example="Convention de mécénat financier"),
    _P("convention.objet", "Objet de la convention (projet soutenu)"),
    _P("convention.montant", "Montant total de l'engagement (numéraire + nature + compétences)",
       kind="montant", example="1 234,50 €"),
    _P("convention.montant_numeraire", "Part versée en numéraire", kind="montant"),
    _P("convention.montant_nature", "Valorisation des dons en nature (coût de revient)",
       kind="montant"),
    _P("convention.montant_competences", "Valorisation du mécénat de compétences (salaires et "
       "charges)", kind="montant"),
    _P("convention.date_debut", "Date de prise d'effet", kind="date"),
    _P("convention.date_fin", "Date de fin", kind="date"),
    _P("convention.date_signature", "Date de signature", kind="date"),
    _P("convention.statut", "Statut de la convention", example="Brouillon"),
    _P("convention.contreparties", "Contreparties accordées par l'association", kind="liste",
       item_fields=(
           _P("description", "Description de la contrepartie"),
           _P("valeur", "Valeur estimée", kind="montant"),
           _P("methode", "Méthode de valorisation"),
       )),
    _P("convention.total_contreparties", "Valeur totale des contreparties", kind="montant"),
    _P("convention.part_contreparties", "Part des contreparties dans le don (tolérance 25 %)",
       example="12,5 %"),
    # --- the meeting (minutes) ---------------------------------------------------------------
    _P("rencontre.date", "Date et heure de la rencontre (la plus récente du dossier, ou celle "
       "choisie)", kind="date_heure"),
    _P("rencontre.type", "Type de rencontre", example="Séance de médiation"),
    _P("rencontre.objet", "Objet de la rencontre"),
    _P("rencontre.duree", "Durée, en minutes", example="90"),
    _P("rencontre.participants", "Participants, séparés par des virgules"),
    _P("rencontre.notes", "Notes de la rencontre (dernière version)"),
    _P("rencontre.decisions", "Décisions prises"),
    _P("rencontre.prochaines_etapes", "Prochaines étapes décidées", kind="liste", item_fields=(
        _P("titre", "Intitulé"),
        _P("echeance", "Échéance", kind="date"),
        _P("responsable", "Personne chargée"),
    )),
    # --- the collective event (invitation) ---------------------------------------------------
    _P("evenement.titre", "Titre de la rencontre collective",
       example="Speed-dating associations–entreprises"),
    _P("evenement.type", "Type de rencontre collective", example="Petit-déjeuner"),
    _P("evenement.date", "Date et heure de début", kind="date_heure"),
    _P("evenement.lieu", "Lieu", example="Salle municipale, Tourcoing"),
    # --- who writes --------------------------------------------------------------------------
    _P("facilitateur.nom", "Facilitateur ou facilitatrice qui suit le dossier",
       example="Nadia Haddad"),
    _P("structure.nom", "Votre structure (Préférences)", example="Maison des Associations de "
       "Roubaix"),
    _P("structure.adresse", "Adresse de votre structure (Préférences)",
       example="42 rue de l'Épeule, 59100 Roubaix"),
    _P("structure.commune", "Commune de votre structure (Préférences)", example="Roubaix"),
    _P("structure.logo", "Logo de votre structure (Préférences), inséré comme image",
       kind="image"),
    _P("aujourd_hui", "Date du jour de la génération", kind="date", example="26 novembre 2026"),
)


def placeholder_names() -> frozenset[str]:
    """Every valid dotted name, list items written ``liste[].champ``."""
    names: set[str] = set()
    for p in PLACEHOLDERS:
        names.add(p.name)
        names.update(f"{p.name}[].{f.name}" for f in p.item_fields)
    return frozenset(names)


_NAMES = placeholder_names()
_LEAVES = frozenset(n for n in _NAMES if not any(
    p.name == n and p.kind == "liste" for p in PLACEHOLDERS))
_LISTS = frozenset(p.name for p in PLACEHOLDERS if p.kind == "liste")
_PREFIXES = frozenset(
    ".".join(n.split(".")[:i]) for n in _NAMES for i in range(1, n.count(".") + 1))
_ROOTS = frozenset(n.split(".")[0] for n in _NAMES)

_KIND_LABELS = {"texte": "texte", "montant": "montant (€)", "date": "date",
                "date_heure": "date et heure", "liste": "liste", "image": "image"}


def placeholders_markdown() -> str:
    """The vocabulary as a Markdown table for the README (French, generated, never drifts)."""
    lines = ["| Champ | Type | Description |", "|---|---|---|"]
    for p in PLACEHOLDERS:
        desc = p.description + (f" (ex. « {p.example} »)" if p.example else "")
        lines.append(f"| `{p.name}` | {_KIND_LABELS[p.kind]} | {desc} |")
        for f in p.item_fields:
            lines.append(f"| `{p.name}[].{f.name}` | {_KIND_LABELS[f.kind]} | {f.description} |")
    return "\n".join(lines)


# =============================================================================================
# French filters
# =============================================================================================


def _to_decimal(value: Any, filter_name: str) -> Decimal:
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, bool):
        raise _bad_value(filter_name, value)
    elif isinstance(value, int | float):
        result = Decimal(str(value))
    elif isinstance(value, str):
        text = value.strip().replace(NNBSP, "").replace(NBSP, "").replace(" ", "")
        text = text.removesuffix("€").replace(",", ".")
        try:
            result = Decimal(text)
        except InvalidOperation:
            raise _bad_value(filter_name, value) from None
    else:
        raise _bad_value(filter_name, value)
    if not result.is_finite():
        raise _bad_value(filter_name, value)
    return result.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _bad_value(filter_name: str, value: Any) -> ValidationError:
    return ValidationError(
        "template_bad_value",
        "Le filtre « {filter} » ne s'applique pas à la valeur « {value} » "
        "(un montant était attendu).",
        field="template", filter=filter_name, value=str(value)[:80],
    )


def _group(digits: str) -> str:
    """``1234567`` → ``1 234 567`` with narrow no-break spaces."""
    out = []
    while len(digits) > 3:
        out.append(digits[-3:])
        digits = digits[:-3]
    out.append(digits)
    return NNBSP.join(reversed(out))


def euros(value: Any, centimes: bool = True) -> str:
    """Format an amount the French way: ``1234.5`` → « 1 234,50 € ».

    Thousands are separated by a narrow no-break space and the euro sign by a no-break space,
    so a line break never splits an amount. ``None`` (an amount not entered yet) gives "".

    Args:
        value: Decimal, int, float or text such as "1234,50".
        centimes: show the cents (default); ``False`` rounds to the euro (« 5 000 € »).
    """
    if value is None or value == "":
        return ""
    amount = _to_decimal(value, "euros")
    sign = "-" if amount < 0 else ""
    amount = abs(amount)
    if not centimes:
        whole = amount.quantize(Decimal(1), rounding=ROUND_HALF_UP)
        return f"{sign}{_group(str(whole))}{NBSP}€"
    units, cents = f"{amount:.2f}".split(".")
    return f"{sign}{_group(units)},{cents}{NBSP}€"


_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre")
_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def _to_date(value: Any, filter_name: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.strip()).date()
        except ValueError:
            pass
    raise ValidationError(
        "template_bad_value",
        "Le filtre « {filter} » ne s'applique pas à la valeur « {value} » "
        "(une date était attendue).",
        field="template", filter=filter_name, value=str(value)[:80],
    )


def date_longue(value: Any, jour: bool = False) -> str:
    """« 26 novembre 2026 », « 1er décembre 2026 »; with ``jour=True`` « jeudi 26 novembre 2026 ».

    French writes the first of the month as an ordinal (« 1er »), the other days as cardinals.
    ``None`` gives "" (a date not entered yet).
    """
    if value is None or value == "":
        return ""
    day = _to_date(value, "date_longue")
    number = "1er" if day.day == 1 else str(day.day)
    text = f"{number} {_MONTHS[day.month - 1]} {day.year}"
    return f"{_WEEKDAYS[day.weekday()]} {text}" if jour else text


def heure(value: Any) -> str:
    """« 8 h 30 », « 14 h » (French style for times, with no-break spaces)."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            value = None
    if not isinstance(value, datetime):
        raise ValidationError(
            "template_bad_value",
            "Le filtre « heure » ne s'applique pas à la valeur « {value} » "
            "(une date et heure était attendue).", field="template", value=str(value)[:80])
    minutes = f"{NBSP}{value.minute:02d}" if value.minute else ""
    return f"{value.hour}{NBSP}h{minutes}"


_UNITS = ("zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
          "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit",
          "dix-neuf")
_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def _below_100(n: int, final: bool) -> str:
    if n < 20:
        return _UNITS[n]
    tens, unit = divmod(n, 10)
    if tens == 7:  # soixante-dix… : 71 takes « et » like 21…61
        return "soixante et onze" if unit == 1 else f"soixante-{_UNITS[10 + unit]}"
    if tens == 8:  # « quatre-vingts » takes its s only when it ends the number
        if unit == 0:
            return "quatre-vingts" if final else "quatre-vingt"
        return f"quatre-vingt-{_UNITS[unit]}"
    if tens == 9:  # 91 is « quatre-vingt-onze », without « et »
        return f"quatre-vingt-{_UNITS[10 + unit]}"
    if unit == 0:
        return _TENS[tens]
    if unit == 1:
        return f"{_TENS[tens]} et un"
    return f"{_TENS[tens]}-{_UNITS[unit]}"


def _below_1000(n: int, final: bool) -> str:
    hundreds, rest = divmod(n, 100)
    parts = []
    if hundreds == 1:
        parts.append("cent")
    elif hundreds > 1:
        # « deux cents » but « deux cent un », and « deux cent mille » (mille is an adjective)
        parts.append(f"{_UNITS[hundreds]} cent" + ("s" if rest == 0 and final else ""))
    if rest:
        parts.append(_below_100(rest, final))
    return " ".join(parts)


def _words(n: int, final: bool = True) -> str:
    """Words of ``0 <= n < 10**15``. ``final``: nothing but a noun (million…) follows ``n``."""
    if n == 0:
        return "zéro"
    parts = []
    for scale, singular, plural in ((10**9, "milliard", "milliards"),
                                    (10**6, "million", "millions")):
        count, n = divmod(n, scale)
        if count:
            # million and milliard are nouns: « deux cents millions », « quatre-vingts millions »
            parts.append(f"{_words(count, final=True)} {singular if count == 1 else plural}")
    thousands, n = divmod(n, 1000)
    if thousands == 1:
        parts.append("mille")  # never « un mille »
    elif thousands:
        parts.append(f"{_below_1000(thousands, final=False)} mille")
    if n:
        parts.append(_below_1000(n, final))
    return " ".join(parts)


def nombre_en_lettres(n: int) -> str:
    """A whole number in French words, traditional spelling (« soixante et onze »).

    Raises:
        ValidationError: the number is negative or has more than 15 digits.
    """
    if n < 0 or n >= 10**15:
        raise ValidationError("template_bad_value",
                              "Nombre hors des limites pour une écriture en lettres : {value}.",
                              field="template", value=str(n))
    return _words(n)


def en_lettres(value: Any, devise: bool = True) -> str:
    """An amount in French words, as conventions and receipts write it.

    ``1234.50`` → « mille deux cent trente-quatre euros et cinquante centimes »;
    ``1000000`` → « un million d'euros »; ``0.5`` → « cinquante centimes ».
    With ``devise=False`` the whole part only, without the currency (« vingt et un »).
    ``None`` gives "".
    """
    if value is None or value == "":
        return ""
    amount = _to_decimal(value, "en_lettres")
    if amount < 0:
        return "moins " + en_lettres(-amount, devise)
    whole = int(amount)
    cents = int((amount - whole) * 100)
    if not devise:
        return nombre_en_lettres(whole)
    if whole == 0 and cents:
        euros_part = ""
    else:
        words = nombre_en_lettres(whole)
        if whole in (0, 1):
            euros_part = f"{words} euro"
        elif whole % 10**6 == 0:  # ends with the noun million / milliard: « de »
            euros_part = f"{words} d'euros"
        else:
            euros_part = f"{words} euros"
    if not cents:
        return euros_part
    cents_part = f"{nombre_en_lettres(cents)} centime{'s' if cents > 1 else ''}"
    return f"{euros_part} et {cents_part}" if euros_part else cents_part


FILTERS: dict[str, Any] = {
    "euros": euros,
    "date_longue": date_longue,
    "en_lettres": en_lettres,
    "heure": heure,
}


# =============================================================================================
# Environment
# =============================================================================================

# Characters XML 1.0 forbids (text pasted from old software); tab and newline stay, docxtpl
# turns them into Word tabs and line breaks.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _finalize(value: Any) -> Any:
    """What every ``{{ … }}`` prints: nothing for None, text cleaned of XML-invalid characters."""
    if value is None:
        return ""
    if isinstance(value, str):
        return _XML_INVALID.sub("", value)
    return value


class _CachingSandbox(SandboxedEnvironment):
    """A sandbox that compiles each distinct source once.

    docxtpl hands Jinja the whole patched XML of every part (body, headers, footers, document
    properties) on every render; in a mail merge that source is identical 500 times, and
    compiling it cost about a third of each letter. Compiled templates are immutable and safe
    to share, so a small LRU keyed on the source text removes that cost.
    """

    _CACHE_SIZE = 128

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._compiled: OrderedDict[str, Template] = OrderedDict()
        self._compiled_lock = threading.Lock()

    def from_string(self, source: str | nodes.Template, globals: Any = None,  # noqa: A002
                    template_class: Any = None) -> Template:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        with self._compiled_lock:
            cached = self._compiled.get(source)
            if cached is not None:
                self._compiled.move_to_end(source)
                return cached
        compiled = super().from_string(source)
        with self._compiled_lock:
            self._compiled[source] = compiled
            while len(self._compiled) > self._CACHE_SIZE:
                self._compiled.popitem(last=False)
        return compiled


def make_environment() -> SandboxedEnvironment:
    """The only Jinja environment templates run in: sandboxed, autoescaped, strict.

    ``StrictUndefined`` makes a name that slipped past validation fail loudly instead of leaving
    a silent blank in a legal document.
    """
    env = _CachingSandbox(autoescape=True, undefined=StrictUndefined, finalize=_finalize)
    env.filters.update(FILTERS)
    return env


#: The environment renders share (its compile cache is what makes a mail merge fast).
_RENDER_ENV = make_environment()


# =============================================================================================
# Template analysis: where each paragraph is, then Jinja's verdict mapped back onto it
# =============================================================================================


@dataclass(frozen=True, slots=True)
class TemplateProblem:
    """Something wrong in a template, said so that a facilitator can find and fix it.

    Attributes:
        kind: ``unknown_placeholder``, ``unknown_filter``, ``syntax`` or ``forbidden``.
        message_key: stable id (``template_unknown_placeholder``, ``template_unknown_filter``,
            ``template_syntax_error``, ``template_forbidden``).
        message: the full French sentence.
        location: « paragraphe 12 », « tableau 1, cellule (2, 3) », « en-tête », « pied de page ».
        name: the offending name (placeholder, filter, attribute, tag), if any.
        suggestion: the closest known name, if one is close enough.
        excerpt: the start of the paragraph's text, to find it in Word.
    """

    kind: str
    message_key: str
    message: str
    location: str
    name: str | None = None
    suggestion: str | None = None
    excerpt: str = ""


@dataclass(frozen=True, slots=True)
class _Segment:
    location: str
    text: str


@dataclass(frozen=True, slots=True)
class _Analysis:
    problems: tuple[TemplateProblem, ...]
    used: frozenset[str]


_W_P = qn("w:p")
_W_TBL = qn("w:tbl")
_W_TR = qn("w:tr")
_W_TC = qn("w:tc")
_W_T = qn("w:t")
_W_TAB = qn("w:tab")
_W_BR = qn("w:br")
_W_SDT = qn("w:sdt")
_W_SDT_CONTENT = qn("w:sdtContent")


def _paragraph_text(p: Any) -> str:
    out = []
    for el in p.iter(_W_T, _W_TAB, _W_BR):
        if el.tag == _W_T:
            out.append(el.text or "")
        else:
            out.append(" ")
    return "".join(out)


def _block_segments(container: Any, label: str | None, counters: dict[str, int]
                    ) -> Iterator[_Segment]:
    """Paragraphs of a body/header/footer in document order, each with a French location."""
    for child in container.iterchildren():
        if child.tag == _W_P:
            counters["p"] += 1
            where = label or f"paragraphe {counters['p']}"
            yield _Segment(where, _paragraph_text(child))
        elif child.tag == _W_TBL:
            counters["t"] += 1
            table_no = counters["t"]
            for r, tr in enumerate(child.iterchildren(_W_TR), start=1):
                for c, tc in enumerate(tr.iterchildren(_W_TC), start=1):
                    where = f"tableau {table_no}, cellule (ligne {r}, colonne {c})"
                    if label:
                        where = f"{label}, {where}"
                    for p in tc.iter(_W_P):
                        yield _Segment(where, _paragraph_text(p))
        elif child.tag == _W_SDT:
            content = child.find(_W_SDT_CONTENT)
            if content is not None:
                yield from _block_segments(content, label, counters)


#: What a damaged .docx can raise while python-docx reads it (each found by fuzzing): zipfile
#: raises NotImplementedError for a flipped "version needed" or compression method and
#: RuntimeError when a member claims to be encrypted; bz2/lzma members raise OSError/LZMAError.
_UNREADABLE = (BadZipFile, KeyError, ValueError, zlib.error, EOFError, etree.LxmlError, OpcError,
               NotImplementedError, RuntimeError, OSError, lzma.LZMAError)


def _document_parts(path: Path) -> list[tuple[str, list[_Segment]]]:
    """(part name, segments) for the body, then each header and footer, as docxtpl renders."""
    try:
        return _read_parts(path)
    except _UNREADABLE as exc:
        raise ValidationError(
            "template_unreadable",
            "Le fichier « {file} » n'est pas un document Word (.docx) lisible : {error}",
            field="template", file=path.name, error=str(exc)) from None


def _read_parts(path: Path) -> list[tuple[str, list[_Segment]]]:
    document = docx.Document(str(path))
    parts: list[tuple[str, list[_Segment]]] = [
        ("corps", list(_block_segments(document.element.body, None, {"p": 0, "t": 0})))]
    kinds = ((REL_TYPE.HEADER, "en-tête"), (REL_TYPE.FOOTER, "pied de page"))
    for reltype, label in kinds:
        rels = [rel for rel in document.part.rels.values() if rel.reltype == reltype]
        for index, rel in enumerate(sorted(rels, key=lambda r: r.rId), start=1):
            name = label if len(rels) == 1 else f"{label} {index}"
            element = rel.target_part.element
            parts.append((name, list(_block_segments(element, name, {"p": 0, "t": 0}))))
    return parts


# docxtpl's own tags, turned into plain Jinja so the analysis sees what docxtpl will render.
_DOCXTPL_PREFIX = re.compile(r"([{][{%#])(?:p|tr|tc|r)\s")
_DOCXTPL_CELL = re.compile(r"{%\s*(?:colspan|cellbg)\s+(.*?)%}")
_DOCXTPL_MERGE = re.compile(r"{%\s*(?:vm|hm)\s*%}")
_SMART_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
_TAG = re.compile(r"{{.*?}}|{%.*?%}", re.DOTALL)


def _normalise(text: str) -> str:
    text = _DOCXTPL_PREFIX.sub(r"\1 ", text)
    text = _DOCXTPL_CELL.sub(r"{{ \1 }}", text)
    text = _DOCXTPL_MERGE.sub("", text)
    # Word turns quotes into typographic ones; docxtpl straightens them inside tags only.
    return _TAG.sub(lambda m: m.group(0).translate(_SMART_QUOTES), text)


def _excerpt(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


_BLOCK_TAG = re.compile(r"{%-?\s*(end)?(\w+)")
_BLOCKS = {"for", "if", "macro", "call", "filter", "set", "with", "block", "raw", "autoescape"}


def _unclosed_block(segments: list[_Segment]) -> tuple[int, str] | None:
    """(segment index, tag) of the innermost block opened and never closed, for a clear message.

    Jinja reports an unclosed ``{% for %}`` at the very end of the document, which tells the
    user nothing; this scan points at the opening tag instead.
    """
    stack: list[tuple[int, str]] = []
    for index, seg in enumerate(segments):
        for m in _BLOCK_TAG.finditer(seg.text):
            end, tag = m.group(1), m.group(2)
            if tag == "set" and "=" in seg.text[m.end():].split("%}")[0]:
                continue  # {% set x = … %} is a statement, not a block
            if end and stack and stack[-1][1] == tag:
                stack.pop()
            elif not end and tag in _BLOCKS:
                stack.append((index, tag))
    return stack[-1] if stack else None


def _syntax_detail(exc: TemplateSyntaxError) -> str:
    msg = exc.message or ""
    if m := re.match(r"Encountered unknown tag '(\w+)'", msg):
        return f"balise inconnue « {m.group(1)} »"
    if m := re.match(r"expected token '(.+?)', got '(.+?)'", msg):
        return f"« {m.group(1)} » attendu, « {m.group(2)} » trouvé"
    if m := re.match(r"unexpected '(.+?)'", msg):
        return f"« {m.group(1)} » inattendu (accolade ou balise mal fermée ?)"
    if m := re.match(r"unexpected char '(.+?)'", msg):
        return f"caractère « {m.group(1)} » inattendu"
    if "unexpected end of template" in msg.lower():
        return "fin du document atteinte alors qu'une balise n'est pas refermée"
    return f"erreur de syntaxe ({msg})"


class _Walker:
    """Collect used names and problems from a parsed template, with Jinja's scoping rules.

    Loop variables over a list placeholder are tracked (``{% for c in convention.contreparties
    %}`` makes ``c.description`` a known name), names introduced by ``set``, macros and ``with``
    are accepted as local, and any ``_attribute`` is refused outright.
    """

    def __init__(self, env: SandboxedEnvironment, segments: list[_Segment]) -> None:
        self.env = env
        self.segments = segments
        self.problems: list[TemplateProblem] = []
        self.used: set[str] = set()

    def _where(self, node: nodes.Node) -> tuple[str, str]:
        index = max(0, min(len(self.segments) - 1, (node.lineno or 1) - 1))
        seg = self.segments[index] if self.segments else _Segment("document", "")
        return seg.location, _excerpt(seg.text)

    def _problem(self, node: nodes.Node, kind: str, key: str, message: str,
                 name: str | None = None, suggestion: str | None = None) -> None:
        location, excerpt = self._where(node)
        full = message.format(location=location, name=name, suggestion=suggestion)
        if excerpt:
            full += f" Texte du paragraphe : « {excerpt} »."
        self.problems.append(TemplateProblem(kind, key, full, location, name, suggestion,
                                             excerpt))

    # -- traversal ----------------------------------------------------------------------------
    def walk(self, node: nodes.Node, scope: dict[str, str | None]) -> None:
        if isinstance(node, nodes.For):
            self.walk(node.iter, scope)
            inner = dict(scope)
            item_schema = self._list_schema(node.iter, scope)
            for name in self._target_names(node.target):
                inner[name] = item_schema
            inner["loop"] = None
            for child in node.body + node.else_:
                self.walk(child, inner)
            if node.test is not None:
                self.walk(node.test, inner)
            return
        if isinstance(node, nodes.Assign | nodes.AssignBlock):
            for child in node.iter_child_nodes(exclude=("target",)):
                self.walk(child, scope)
            for name in self._target_names(node.target):
                scope[name] = None
            return
        if isinstance(node, nodes.Macro | nodes.CallBlock):
            inner = dict(scope)
            for arg in node.args:
                inner[arg.name] = None
            inner.update({"caller": None, "varargs": None, "kwargs": None})
            if isinstance(node, nodes.Macro):
                scope[node.name] = None
            for child in node.iter_child_nodes(exclude=("args",)):
                self.walk(child, inner)
            return
        if isinstance(node, nodes.With):
            inner = dict(scope)
            for value in node.values:
                self.walk(value, scope)
            for target in node.targets:
                for name in self._target_names(target):
                    inner[name] = None
            for child in node.body:
                self.walk(child, inner)
            return
        if isinstance(node, nodes.Getattr | nodes.Getitem | nodes.Name):
            self._check_reference(node, scope)
            return
        if isinstance(node, nodes.Filter | nodes.Test):
            registry = self.env.filters if isinstance(node, nodes.Filter) else self.env.tests
            if node.name not in registry:
                close = difflib.get_close_matches(node.name, list(registry), n=1, cutoff=0.6)
                what = "Filtre" if isinstance(node, nodes.Filter) else "Test"
                self._problem(
                    node, "unknown_filter", "template_unknown_filter",
                    what + " inconnu « {name} » ({location})"
                    + (" : vouliez-vous dire « {suggestion} » ?" if close else "."),
                    node.name, close[0] if close else None)
        for child in node.iter_child_nodes():
            self.walk(child, scope)

    @staticmethod
    def _target_names(target: nodes.Node) -> list[str]:
        if isinstance(target, nodes.Name):
            return [target.name]
        return [n.name for n in target.find_all(nodes.Name)]

    def _chain(self, node: nodes.Node) -> tuple[nodes.Node, list[str], list[nodes.Node]]:
        """Root node, attribute path and the dynamic sub-expressions of a getattr chain."""
        parts: list[str] = []
        dynamic: list[nodes.Node] = []
        while True:
            if isinstance(node, nodes.Getattr):
                parts.append(node.attr)
                node = node.node
            elif isinstance(node, nodes.Getitem):
                arg = node.arg
                if isinstance(arg, nodes.Const) and isinstance(arg.value, str):
                    parts.append(arg.value)
                else:
                    parts.clear()  # a computed key: only what is left of it can be checked
                    dynamic.append(arg)
                node = node.node
            else:
                break
        parts.reverse()
        return node, parts, dynamic

    def _list_schema(self, node: nodes.Node, scope: dict[str, str | None]) -> str | None:
        root, parts, _ = self._chain(node)
        if not isinstance(root, nodes.Name):
            return None
        if root.name in scope:
            base = scope[root.name]
            if base is None:
                return None
            full = ".".join([base, *parts])
        else:
            full = ".".join([root.name, *parts])
        return f"{full}[]" if full in _LISTS else None

    def _check_reference(self, node: nodes.Node, scope: dict[str, str | None]) -> None:
        root, parts, dynamic = self._chain(node)
        for d in dynamic:
            self.walk(d, scope)
        for attr in parts:
            if attr.startswith("_"):
                self._problem(node, "forbidden", "template_forbidden",
                              "Accès interdit à « {name} » ({location}) : les modèles ne "
                              "peuvent pas lire les attributs internes de Python.", attr)
                return
        if not isinstance(root, nodes.Name):
            self.walk(root, scope)
            return
        if root.name.startswith("_"):
            self._problem(node, "forbidden", "template_forbidden",
                          "Accès interdit à « {name} » ({location}).", root.name)
            return
        if root.name in scope:
            base = scope[root.name]
            if base is None:
                return  # a local (set, macro argument, loop over a computed value)
            full = ".".join([base, *parts])
            shown_prefix = (base, root.name)
        elif root.name in self.env.globals and root.name not in _ROOTS:
            return  # range, cycler… : harmless in the sandbox
        else:
            full = ".".join([root.name, *parts])
            shown_prefix = None
        if self._known(full):
            self.used.add(self._leaf(full))
            return
        shown = full
        candidates = sorted(_NAMES)
        if shown_prefix is not None:
            base, local = shown_prefix
            shown = local + full[len(base):]
            candidates = [n for n in candidates if n.startswith(base + ".")]
        close = difflib.get_close_matches(full, candidates, n=1, cutoff=0.6)
        suggestion = None
        if close:
            suggestion = close[0]
            if shown_prefix is not None:
                suggestion = shown_prefix[1] + suggestion[len(shown_prefix[0]):]
        self._problem(
            node, "unknown_placeholder", "template_unknown_placeholder",
            "Champ inconnu « {name} » ({location})"
            + (" : vouliez-vous dire « {suggestion} » ?" if suggestion else
               " : il ne fait pas partie du vocabulaire des modèles."),
            shown, suggestion)

    @staticmethod
    def _known(full: str) -> bool:
        if full in _NAMES or full in _PREFIXES:
            return True
        parts = full.split(".")
        # Past a known leaf, the rest is a method of the value (association.nom.upper()).
        return any(".".join(parts[:i]) in _LEAVES for i in range(1, len(parts)))

    @staticmethod
    def _leaf(full: str) -> str:
        parts = full.split(".")
        for i in range(1, len(parts) + 1):
            if ".".join(parts[:i]) in _NAMES:
                return ".".join(parts[:i])
        return full


def _analyse_part(env: SandboxedEnvironment, segments: list[_Segment]) -> _Analysis:
    texts = [_normalise(s.text).replace("\n", " ") for s in segments]
    source = "\n".join(texts)
    if "{" not in source:
        return _Analysis((), frozenset())
    norm_segments = [_Segment(s.location, t) for s, t in zip(segments, texts, strict=True)]
    try:
        tree = env.parse(source)
    except TemplateSyntaxError as exc:
        index = max(0, min(len(segments) - 1, (exc.lineno or 1) - 1))
        detail = _syntax_detail(exc)
        if "unexpected end of template" in (exc.message or "").lower():
            unclosed = _unclosed_block(norm_segments)
            if unclosed is not None:
                index, tag = unclosed
                detail = (f"la balise « {{% {tag} %}} » n'est jamais refermée "
                          f"(il manque « {{% end{tag} %}} »)")
        seg = segments[index]
        message = f"Modèle mal formé ({seg.location}) : {detail}."
        if seg.text.strip():
            message += f" Texte du paragraphe : « {_excerpt(seg.text)} »."
        return _Analysis((TemplateProblem("syntax", "template_syntax_error", message,
                                          seg.location, None, None, _excerpt(seg.text)),),
                         frozenset())
    walker = _Walker(env, norm_segments)
    walker.walk(tree, {})
    return _Analysis(tuple(walker.problems), frozenset(walker.used))


_CACHE: dict[tuple[str, int, int], _Analysis] = {}
_CACHE_LOCK = threading.Lock()
_CACHE_MAX = 64


def _analyse(path: Path) -> _Analysis:
    """Analyse a template once per (path, mtime, size): rendering 500 letters analyses once."""
    path = Path(path)
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise NotFound("template_not_found", "Le modèle « {file} » est introuvable.",
                       file=str(path)) from None
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    with _CACHE_LOCK:
        cached = _CACHE.get(key)
    if cached is not None:
        return cached
    env = make_environment()
    problems: list[TemplateProblem] = []
    used: set[str] = set()
    for _name, segments in _document_parts(path):
        result = _analyse_part(env, segments)
        problems.extend(result.problems)
        used |= result.used
    analysis = _Analysis(tuple(problems), frozenset(used))
    with _CACHE_LOCK:
        if len(_CACHE) >= _CACHE_MAX:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[key] = analysis
    return analysis


def validate_template(path: Path | str) -> list[TemplateProblem]:
    """Everything wrong with a template, in document order; an empty list means it is usable.

    Raises:
        NotFound: the file does not exist.
        ValidationError: the file is not a readable .docx (``template_unreadable``).
    """
    return list(_analyse(Path(path)).problems)


def used_placeholders(path: Path | str) -> frozenset[str]:
    """The vocabulary names a template uses (lists by their own name), to build only those."""
    return _analyse(Path(path)).used


def ensure_valid(path: Path | str) -> None:
    """Raise the documented error of the first problem of a template, if it has any.

    Raises:
        NotFound: the file does not exist.
        ValidationError: key of the first problem (``template_unknown_placeholder``,
            ``template_syntax_error``, ``template_unknown_filter``, ``template_forbidden``) or
            ``template_unreadable``; every problem is in ``params["problems"]``.
    """
    _raise_problems(_analyse(Path(path)).problems)


def _raise_problems(problems: Iterable[TemplateProblem]) -> None:
    problems = list(problems)
    if not problems:
        return
    first = problems[0]
    more = len(problems) - 1
    suffix = f" (et {more} autre{'s' if more > 1 else ''} problème{'s' if more > 1 else ''})" \
        if more else ""
    raise ValidationError(first.message_key, "{detail}{suffix}", field="template",
                          detail=first.message, suffix=suffix, problems=tuple(problems))


# =============================================================================================
# Rendering
# =============================================================================================


@dataclass(frozen=True, slots=True)
class ImageRef:
    """An image to insert where a placeholder stands (the structure's logo).

    Context builders put this plain value in the context; :func:`render` turns it into a
    docxtpl ``InlineImage`` bound to the document being rendered. A missing file renders as
    nothing rather than failing a whole convention.
    """

    path: str
    height_mm: float = 18.0

    def __str__(self) -> str:  # data snapshots and plain-text uses
        return self.path


@dataclass(frozen=True, slots=True)
class RenderedDocx:
    """What :func:`render` wrote: where, its SHA-256 and its size (for the Document row)."""

    path: Path
    sha256: str
    size_bytes: int


def _bind_images(tpl: DocxTemplate, value: Any) -> Any:
    if isinstance(value, ImageRef):
        if value.path and Path(value.path).is_file():
            return InlineImage(tpl, value.path, height=Mm(value.height_mm))
        return ""
    if isinstance(value, Mapping):
        return {k: _bind_images(tpl, v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_bind_images(tpl, v) for v in value]
    return value


def _load(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise NotFound("template_not_found", "Le modèle « {file} » est introuvable.",
                       file=str(path)) from None


def render_bytes(template_path: Path | str, context: Mapping[str, Any],
                 *, _source: bytes | None = None) -> bytes:
    """Render a template in memory and return the .docx bytes.

    ``_source`` lets a batch pass the template's bytes, read once for 500 letters.

    The template is validated first (cached per file version): an unknown placeholder or a
    malformed tag raises before docxtpl runs.

    Raises:
        NotFound: the template file is missing.
        ValidationError: the template has problems (the key of the first one, e.g.
            ``template_unknown_placeholder``, ``template_syntax_error``, ``template_forbidden``;
            all of them in ``params["problems"]``), or a value cannot be formatted
            (``template_bad_value``), or rendering failed (``template_render_error``).
    """
    path = Path(template_path)
    _raise_problems(_analyse(path).problems)
    data = _source if _source is not None else _load(path)
    tpl = DocxTemplate(io.BytesIO(data))
    try:
        tpl.render(_bind_images(tpl, context), jinja_env=_RENDER_ENV, autoescape=True)
        out = io.BytesIO()
        tpl.save(out)
    except SecurityError as exc:
        raise ValidationError(
            "template_forbidden",
            "Le modèle « {file} » tente une opération interdite ({error}) : rendu refusé.",
            field="template", file=path.name, error=str(exc)) from None
    except UndefinedError as exc:
        raise ValidationError(
            "template_unknown_placeholder",
            "Le modèle « {file} » utilise un champ absent des données : {error}.",
            field="template", file=path.name, error=str(exc)) from None
    except TemplateError as exc:
        raise ValidationError(
            "template_render_error", "Le modèle « {file} » n'a pas pu être rempli : {error}.",
            field="template", file=path.name, error=str(exc)) from None
    return out.getvalue()


def render(template_path: Path | str, context: Mapping[str, Any],
           out_path: Path | str) -> RenderedDocx:
    """Render ``template_path`` with ``context`` into ``out_path``, atomically.

    The document is rendered in memory, written to a temporary file in the target folder,
    flushed to disk, then renamed over ``out_path``: a reader never sees half a file, and on any
    error no file is written (an existing ``out_path`` is left as it was).

    Raises:
        NotFound: the template file is missing.
        ValidationError: see :func:`render_bytes`; ``document_unwritable`` when the target
            folder cannot be written.
    """
    data = render_bytes(template_path, context)
    return write_atomic(Path(out_path), data)


def write_atomic(out_path: Path, data: bytes) -> RenderedDocx:
    """Write ``data`` to ``out_path`` through a temporary file and a rename.

    Raises:
        ValidationError: ``document_unwritable`` (missing folder, no permission, disk full).
    """
    out_path = Path(out_path)
    tmp_name: str | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=".~", suffix=".tmp", dir=out_path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, out_path)
        tmp_name = None
    except OSError as exc:
        raise ValidationError(
            "document_unwritable", "Impossible d'écrire « {file} » : {error}.",
            field="out_path", file=str(out_path), error=exc.strerror or str(exc)) from None
    finally:
        if tmp_name is not None:
            Path(tmp_name).unlink(missing_ok=True)
    return RenderedDocx(out_path, hashlib.sha256(data).hexdigest(), len(data))
