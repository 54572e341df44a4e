"""Reading the public register files as published: CSV or zip of CSVs, any vintage's encoding.

RNA files are ``;``-separated, in UTF-8 with a BOM (2026) or Latin-1/cp1252 (2022), with quoted
multi-line ``objet`` fields containing ``;``; SIRENE stock files are ``,``-separated UTF-8
(DOMAIN-FR.md §2). A zip archive is read member by member (every ``*.csv`` inside, in name
order) without unpacking it to disk.

Encoding: a BOM means UTF-8; otherwise the first megabyte decides between UTF-8 and cp1252, and
a UTF-8 file that turns out to hold a stray Latin-1 byte further down still reads (that byte is
decoded as cp1252) instead of failing after minutes of import.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import sys
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import IO

from passerelle.domain.errors import ValidationError

SAMPLE_BYTES = 1 << 20
_FALLBACK = "passerelle-cp1252-fallback"


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start:exc.end]
    return bytes(bad).decode("cp1252", errors="replace"), exc.end


codecs.register_error(_FALLBACK, _cp1252_fallback)
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def detect_encoding(sample: bytes) -> str:
    """``utf-8-sig`` (BOM), ``utf-8`` or ``cp1252`` from the first bytes of a file."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut by the end of the sample is not an error.
        if exc.start < len(sample) - 3:
            return "cp1252"
    return "utf-8"


@dataclass(frozen=True, slots=True)
class CsvMember:
    """One CSV to read: a plain file, or a member of a zip archive."""

    path: Path
    member: str | None = None

    @property
    def label(self) -> str:
        """How reports name it: ``file.csv`` or ``archive.zip:member.csv``."""
        return f"{self.path.name}:{self.member}" if self.member else self.path.name

    @property
    def stem(self) -> str:
        return Path(self.member).name if self.member else self.path.name


def members(path: Path) -> list[CsvMember]:
    """The CSVs a published file holds (a zip: all its ``*.csv`` members, by name).

    Raises:
        ValidationError: missing or unreadable file, a zip with no CSV inside.
    """
    if not path.exists():
        raise ValidationError("registry_file_missing", "Le fichier {path} n'existe pas.",
                              field="file", path=str(path))
    if zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as archive:
                names = sorted(n for n in archive.namelist()
                               if n.lower().endswith(".csv") and not n.endswith("/"))
        except (zipfile.BadZipFile, OSError) as exc:
            raise ValidationError("registry_zip_bad", "L'archive {path} est illisible : {error}",
                                  field="file", path=str(path), error=str(exc)) from exc
        if not names:
            raise ValidationError("registry_zip_empty",
                                  "L'archive {path} ne contient aucun fichier CSV.",
                                  field="file", path=str(path))
        return [CsvMember(path, n) for n in names]
    return [CsvMember(path)]


@contextmanager
def _open_binary(item: CsvMember) -> Iterator[IO[bytes]]:
    if item.member is None:
        with item.path.open("rb") as fh:
            yield fh
    else:
        with zipfile.ZipFile(item.path) as archive, archive.open(item.member) as fh:
            yield fh


def member_size(item: CsvMember) -> int:
    """Uncompressed size in bytes (for progress)."""
    if item.member is None:
        return item.path.stat().st_size
    with zipfile.ZipFile(item.path) as archive:
        return archive.getinfo(item.member).file_size


class _CountingReader(io.RawIOBase):
    """Counts the bytes read, for a progress bar over compressed or plain input."""

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self._raw.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self.count += n
        return n


@dataclass(slots=True)
class CsvReader:
    """Rows of one CSV as lists, with the header and the line each row starts on."""

    header: list[str]
    encoding: str
    _rows: Iterator[list[str]]
    _reader: object
    _counter: _CountingReader
    line: int = 1

    def __iter__(self) -> Iterator[list[str]]:
        reader = self._reader
        previous: int = reader.line_num  # type: ignore[attr-defined]
        for row in self._rows:
            self.line = previous + 1
            previous = reader.line_num  # type: ignore[attr-defined]
            yield row

    @property
    def bytes_read(self) -> int:
        return self._counter.count


@contextmanager
def open_csv(item: CsvMember, delimiter: str) -> Iterator[CsvReader]:
    """Open one CSV with its encoding detected and a real CSV parser (never a split).

    Raises:
        ValidationError: the file is empty (no header line).
    """
    with _open_binary(item) as raw:
        counter = _CountingReader(raw)
        buffered = io.BufferedReader(counter, buffer_size=1 << 20)
        encoding = detect_encoding(buffered.peek(SAMPLE_BYTES)[:SAMPLE_BYTES])
        errors = "replace" if encoding == "cp1252" else _FALLBACK
        text = io.TextIOWrapper(buffered, encoding=encoding, errors=errors, newline="")
        reader = csv.reader(text, delimiter=delimiter, quotechar='"', doublequote=True)
        try:
            header = next(reader)
        except StopIteration:
            raise ValidationError("registry_empty_file", "Le fichier {file} est vide.",
                                  field="file", file=item.label) from None
        header = [h.strip().lstrip("\ufeff").strip('"') for h in header]
        yield CsvReader(header, encoding, reader, reader, counter)


Getter = Callable[[list[str]], tuple[str, ...]]


def column_getter(header: list[str], names: tuple[str, ...]) -> Getter:
    """A fast function giving the values of ``names`` (``""`` for columns this vintage lacks).

    Columns are found by name, so the order of a vintage and its extra columns do not matter.
    A short row (a truncated last line) reads its missing cells as empty.
    """
    position = {name: i for i, name in enumerate(header)}
    width = len(header)
    # Missing columns point at an always-empty cell appended past the header's width.
    indices = [position.get(n, width) for n in names]
    fast = itemgetter(*indices, width)  # one more index: always a tuple, even for one name

    def get(row: list[str]) -> tuple[str, ...]:
        n = len(row)
        if n == width:
            row.append("")
        elif n < width:
            row.extend([""] * (width + 1 - n))
        else:
            row = row[:width]
            row.append("")
        values: tuple[str, ...] = fast(row)[:-1]
        return values

    return get


_DATE_IN_NAME = re.compile(r"(20\d{2})-?(\d{2})(?:-?(\d{2}))?")


def vintage_from_name(name: str) -> str | None:
    """The date in a published name: ``rna_waldec_20220301`` → ``2022-03-01``, ``…_2025-12``
    → ``2025-12``; None without one."""
    match = _DATE_IN_NAME.search(name)
    if match is None:
        return None
    year, month, day = match.groups()
    if not 1 <= int(month) <= 12:
        return None
    return f"{year}-{month}-{day}" if day else f"{year}-{month}"
