"""Reading and writing the spreadsheets facilitators use: CSV (as French Excel does) and XLSX.

Reading (:func:`read_sheet`) accepts what years of office work produce:

- encoding: UTF-8 (with or without the BOM Excel adds), else Windows-1252 — what Excel « CSV
  (séparateur : point-virgule) » writes on a French Windows, with « œ » as byte 0x9C, which
  Latin-1 does not have —, else Latin-1 (never fails);
- separator: ``;`` (French Excel), ``,`` or tab, sniffed from the first lines by which one
  splits them into the most consistent number of columns (quoted fields respected);
- XLSX through openpyxl in read-only mode (values, not formulas); numbers that are codes
  (« 59100 », a SIRET typed as a number) come back as digits without « .0 »;
- the first non-empty row is the header; empty rows are skipped but line numbers stay those the
  user sees in their spreadsheet, so a report can say « ligne 14 ».

Writing (:func:`write_table`) makes what French Excel opens without a question: CSV in UTF-8
with a BOM and ``;`` separators, or XLSX (openpyxl ``write_only``: rows stream to disk, memory
stays flat). Text that a spreadsheet would run as a formula is neutralised (:func:`neutralise`).
Files are written under a temporary name and renamed, so a failed or cancelled export never
leaves half a file.
"""

from __future__ import annotations

import csv
import io
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from zipfile import BadZipFile

from passerelle.domain.errors import PasserelleError, StorageUnavailable

#: separators tried when sniffing, in order of preference on a tie
DELIMITERS = (";", ",", "\t")
ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SNIFF_LINES = 50


class SpreadsheetError(PasserelleError):
    """A spreadsheet cannot be read or written (format, encoding, empty, unreadable)."""


@dataclass(frozen=True, slots=True)
class Sheet:
    """A spreadsheet's header and data rows (text cells, padded to the header's width)."""

    path: Path
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    #: for each data row, its line (CSV) or row number (XLSX) as the user sees it
    lines: tuple[int, ...]
    encoding: str | None = None
    delimiter: str | None = None
    sheet_name: str | None = None


def neutralise(cell: str) -> str:
    """A spreadsheet would run a cell starting with = + - @ as a formula: prefix an apostrophe.

    (DESIGN.md §9; OWASP « CSV injection ».) Tab and carriage return starts are neutralised
    too, since some spreadsheets strip them and then read a formula.
    """
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def unneutralise(cell: str) -> str:
    """The text :func:`neutralise` protected (re-importing an export gives the same values)."""
    if len(cell) > 1 and cell[0] == "'" and cell[1:].startswith(_FORMULA_START):
        return cell[1:]
    return cell


# --- Reading ---------------------------------------------------------------------------------


def read_sheet(path: Path | str, *, encoding: str | None = None,
               delimiter: str | None = None, sheet: str | None = None) -> Sheet:
    """Read a .csv/.txt or .xlsx file (see the module notes for what is detected)."""
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm"):
            return _read_xlsx(path, sheet)
        if suffix in (".xls", ".ods"):
            raise SpreadsheetError(
                "sheet_format", "Le format {suffix} n'est pas pris en charge : enregistrez le "
                "fichier au format .xlsx ou .csv depuis votre tableur.", suffix=suffix)
        data = path.read_bytes()
    except OSError as exc:
        raise SpreadsheetError("sheet_unreadable", "Impossible de lire le fichier {path} : "
                               "{error}", path=str(path),
                               error=exc.strerror or str(exc)) from exc
    text, used = decode(data, encoding)
    sep = delimiter or sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    rows: list[tuple[str, ...]] = []
    lines: list[int] = []
    previous = 0
    try:
        for record in reader:
            start, previous = previous + 1, reader.line_num
            cells = tuple(c.strip() for c in record)
            if any(cells):
                rows.append(cells)
                lines.append(start)
    except csv.Error as exc:
        raise SpreadsheetError("sheet_bad_csv", "Fichier {path}, ligne {line} : {error}",
                               path=path.name, line=reader.line_num, error=str(exc)) from exc
    return _sheet(path, rows, lines, encoding=used, delimiter=sep)


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The text of ``data`` and the encoding that read it (UTF-8, else Windows-1252…)."""
    for candidate in ((encoding,) if encoding else ENCODINGS):
        try:
            return data.decode(candidate), candidate
        except UnicodeDecodeError:
            continue
        except LookupError:
            raise SpreadsheetError("sheet_encoding", "Encodage inconnu : {encoding}",
                                   encoding=candidate) from None
    raise SpreadsheetError("sheet_encoding_failed",
                           "Le fichier n'est pas encodé en {encoding}.", encoding=encoding)


def sniff_delimiter(text: str) -> str:
    """The separator that splits the first lines into the most consistent columns."""
    sample = "\n".join(text.splitlines()[:_SNIFF_LINES])
    best, best_score = DELIMITERS[0], (-1, -1)
    for sep in DELIMITERS:
        try:
            widths = [len(r) for r in csv.reader(io.StringIO(sample, newline=""), delimiter=sep)
                      if any(c.strip() for c in r)]
        except csv.Error:
            continue
        if not widths or max(widths) < 2:
            continue
        common = max(set(widths), key=widths.count)
        score = (widths.count(common), common)  # consistent lines first, then more columns
        if score > best_score:
            best, best_score = sep, score
    return best


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a code typed as a number: 59100.0 → 59100
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _read_xlsx(path: Path, sheet: str | None) -> Sheet:
    from openpyxl import load_workbook  # imported here: only spreadsheet work needs it
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, InvalidFileException, KeyError, ValueError) as exc:
        raise SpreadsheetError("sheet_bad_xlsx", "Le fichier {path} n'est pas un classeur "
                               ".xlsx lisible.", path=path.name) from exc
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise SpreadsheetError("sheet_missing", "Le classeur n'a pas de feuille « {name} ».",
                                   name=sheet)
        ws = book[sheet] if sheet is not None else book.worksheets[0]
        rows: list[tuple[str, ...]] = []
        lines: list[int] = []
        for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
            cells = tuple(_cell_text(v) for v in values)
            if any(cells):
                rows.append(cells)
                lines.append(number)
        name = ws.title
    finally:
        book.close()
    return _sheet(path, rows, lines, sheet_name=name)


def _header_row(rows: list[tuple[str, ...]]) -> int:
    """The header: the first of the top rows that fills at least half the widest one's cells.

    Spreadsheets often open with a title line (« Fichier entreprises — mars 2026 ») and a
    blank line before the real column names.
    """
    top = rows[:10]
    filled = [sum(1 for c in r if c) for r in top]
    widest = max(filled)
    return next(i for i, n in enumerate(filled) if n >= max(2, widest / 2) or n == widest)


def _sheet(path: Path, rows: list[tuple[str, ...]], lines: list[int], **info: Any) -> Sheet:
    if not rows:
        raise SpreadsheetError("sheet_empty", "Le fichier {path} est vide.", path=path.name)
    start = _header_row(rows)
    rows, lines = rows[start:], lines[start:]
    header = list(rows[0])
    while header and not header[-1]:
        header.pop()
    width = max(len(header), *(len(r) for r in rows[1:])) if len(rows) > 1 else len(header)
    headers = tuple(h or f"Colonne {i + 1}" for i, h in
                    enumerate(header + [""] * (width - len(header))))
    data = tuple(tuple(unneutralise(c) for c in r) + ("",) * (width - len(r))
                 for r in rows[1:])
    return Sheet(path, headers, data, tuple(lines[1:]), **info)


# --- Writing ---------------------------------------------------------------------------------

Cell = str | int | float | date | datetime | None


def table_format(path: Path | str) -> str:
    """"csv" or "xlsx", from the file name; anything else is refused with a clear message."""
    suffix = Path(path).suffix.lower()
    if suffix in (".csv", ".xlsx"):
        return suffix[1:]
    raise SpreadsheetError("export_format", "Choisissez un fichier .csv ou .xlsx (reçu : "
                           "{name}).", name=Path(path).name)


def write_table(path: Path | str, headers: Sequence[str], rows: Iterable[Sequence[Cell]], *,
                total: int = 0, progress: Callable[[int, int], None] | None = None,
                cancel: threading.Event | None = None, sheet_title: str = "Export") -> int:
    """Write ``rows`` under ``headers`` to a .csv or .xlsx ``path``; returns the row count.

    Text cells are neutralised; dates stay dates in XLSX (shown « jj/mm/aaaa ») and are written
    « jj/mm/aaaa » in CSV. ``cancel`` stops between rows, leaving no file behind.
    """
    target = Path(path)
    kind = table_format(target)
    tmp = target.with_name(target.name + ".part")
    written = 0
    try:
        if kind == "csv":
            with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh, delimiter=";", quoting=csv.QUOTE_MINIMAL)
                writer.writerow([neutralise(h) for h in headers])
                for row in rows:
                    _check_cancel(cancel)
                    writer.writerow([_csv_cell(v) for v in row])
                    written += 1
                    if progress and written % 500 == 0:
                        progress(written, total)
        else:
            written = _write_xlsx(tmp, headers, rows, total, progress, cancel, sheet_title)
        tmp.replace(target)
    except OSError as exc:
        raise StorageUnavailable("export_write_failed",
                                 "Impossible d'écrire le fichier {path} : {error}",
                                 path=str(target), error=exc.strerror or str(exc)) from exc
    finally:
        tmp.unlink(missing_ok=True)
    if progress:
        progress(written, total or written)
    return written


class Cancelled(PasserelleError):
    """The user cancelled a long operation; nothing was changed or written."""


def _check_cancel(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled("cancelled", "Opération annulée : rien n'a été modifié.")


def _csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, int | float):
        return str(value).replace(".", ",")
    return neutralise(str(value))


def _write_xlsx(tmp: Path, headers: Sequence[str], rows: Iterable[Sequence[Cell]], total: int,
                progress: Callable[[int, int], None] | None, cancel: threading.Event | None,
                title: str) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    ws = book.create_sheet(title[:31])
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    head = []
    for h in headers:
        cell = WriteOnlyCell(ws, value=neutralise(h))
        cell.font = bold
        head.append(cell)
    ws.append(head)
    written = 0
    cancelled = False
    for row in rows:
        if cancel is not None and cancel.is_set():
            cancelled = True  # finish the workbook cleanly: openpyxl's writers are generators
            break
        out: list[Any] = []
        for value in row:
            if isinstance(value, datetime | date):
                cell = WriteOnlyCell(ws, value=value)
                cell.number_format = ("DD/MM/YYYY HH:MM" if isinstance(value, datetime)
                                      else "DD/MM/YYYY")
                out.append(cell)
            elif isinstance(value, str):
                # openpyxl stores a string starting with « = » as a formula: neutralise first
                out.append(neutralise(value))
            else:
                out.append(value)
        ws.append(out)
        written += 1
        if progress and written % 500 == 0:
            progress(written, total)
    book.save(tmp)
    _check_cancel(cancel if cancelled else None)
    return written


__all__ = [
    "Cancelled",
    "Sheet",
    "SpreadsheetError",
    "decode",
    "neutralise",
    "read_sheet",
    "sniff_delimiter",
    "table_format",
    "unneutralise",
    "write_table",
]
