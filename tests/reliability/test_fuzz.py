"""Hypothesis fuzzing: bad input gives a clean French error, never a crash.

Sync files (container, then the SQLite payload), templates and identifiers. (The CSV importer
is another branch's: fuzz its dialect reading there once it lands.)
"""

from __future__ import annotations

import io
import os
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from passerelle.domain import validators as v
from passerelle.domain.errors import PasserelleError, ValidationError
from passerelle.infra import builtin_templates, docx_render
from passerelle.services import organisations, sync
from passerelle.store import changelog, sync_file
from passerelle.store.database import Database

PASS = "phrase de test"
#: examples per property: a quick run by default, any number on demand
FUZZ = settings(max_examples=int(os.environ.get("PASSERELLE_FUZZ_EXAMPLES", 40)), deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])


@pytest.fixture(scope="module")
def sync_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    cheap = sync_file.ScryptParams(n=1 << 10, r=8, p=1)
    real, sync_file.DEFAULT_SCRYPT = sync_file.DEFAULT_SCRYPT, cheap
    try:
        folder = tmp_path_factory.mktemp("fuzz-sync")
        db = Database(folder / "a.sqlite")
        with db.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE sync_state SET group_id = "
                                 "'01a216fb-0000-7000-8000-000000000003'")
        org = organisations.create_organisation(db, kind="association", name="Les Fuzzeurs")
        organisations.create_contact(db, first_name="Alix", last_name="Test",
                                     organisation_id=org.id)
        report = sync.export_full(db, folder / "x.ofsync", secrets=None, passphrase=PASS)
        db.close()
        return report.path.read_bytes()
    finally:
        sync_file.DEFAULT_SCRYPT = real


def _read(data: bytes) -> bytes:
    header, body = sync_file.read_header(data)
    dek = sync_file.unlock(header, passphrase=PASS)
    return sync_file.open_body(header, body, dek)


def _flip(data: bytes, positions: list[int], bits: list[int]) -> bytes:
    out = bytearray(data)
    for pos, bit in zip(positions, bits, strict=False):
        out[pos % len(out)] ^= 1 << bit
    return bytes(out)


def test_the_pristine_file_reads(sync_bytes: bytes) -> None:
    assert _read(sync_bytes).startswith(b"SQLite format 3")


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes_are_refused_cleanly(data: bytes) -> None:
    with pytest.raises(sync_file.SyncFileError):
        _read(data)


@FUZZ
@given(st.lists(st.integers(0, 1 << 20), min_size=1, max_size=4),
       st.lists(st.integers(0, 7), min_size=1, max_size=4))
def test_bitflips_are_detected(sync_bytes: bytes, positions: list[int], bits: list[int]) -> None:
    damaged = _flip(sync_bytes, positions, bits)
    if damaged == sync_bytes:
        return
    with pytest.raises(sync_file.SyncFileError):
        _read(damaged)


@FUZZ
@given(st.integers(0, 1 << 20))
def test_truncations_are_detected(sync_bytes: bytes, cut: int) -> None:
    with pytest.raises(sync_file.SyncFileError):
        _read(sync_bytes[: cut % len(sync_bytes)])


@FUZZ
@given(st.lists(st.integers(100, 1 << 20), min_size=1, max_size=6),
       st.lists(st.integers(0, 7), min_size=1, max_size=6))
def test_a_damaged_payload_is_refused_or_valid(sync_bytes: bytes, positions: list[int],
                                               bits: list[int]) -> None:
    """Behind the authentication, the payload reader still holds: a damaged SQLite image
    (a bug or a forged key) gives a SyncFileError, never another exception."""
    payload = _flip(_read(sync_bytes), positions, bits)
    header, _body = sync_file.read_header(sync_bytes)
    raw = sqlite3.connect(":memory:")
    try:
        sync_file.attach_payload(raw, payload, "inc")
        validated = sync_file.validate_payload(raw, header, "inc", reader_wire_version=1)
        sync_file.verify_payload_hash(raw, "inc", validated.manifest)
    except sync_file.SyncFileError:
        return
    finally:
        raw.close()


def test_a_damaged_file_leaves_the_database_as_it_was(sync_bytes: bytes, db: Database,
                                                      tmp_path: Path) -> None:
    with db.engine.connect() as conn:
        before = changelog.digest(conn)
    for i, pos in enumerate(range(30, len(sync_bytes), max(1, len(sync_bytes) // 12))):
        bad = tmp_path / f"bad{i}.ofsync"
        bad.write_bytes(_flip(sync_bytes, [pos], [3]))
        with pytest.raises(PasserelleError):
            sync.import_file(db, bad, secrets=None, passphrase=PASS,
                             quarantine_dir=tmp_path / "q")
    with db.engine.connect() as conn:
        assert changelog.digest(conn) == before


# --- Templates -------------------------------------------------------------------------------

TEMPLATE = builtin_templates.builtin_path(builtin_templates.BUILTIN_TEMPLATES[0]).read_bytes()


def _check_template(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "modele.docx"
        path.write_bytes(data)
        try:
            problems = docx_render.validate_template(path)
        except PasserelleError:
            return
        assert all(p.message for p in problems)


@FUZZ
@given(st.lists(st.integers(0, 1 << 20), min_size=1, max_size=4),
       st.lists(st.integers(0, 7), min_size=1, max_size=4))
def test_damaged_docx_templates_give_clean_errors(positions: list[int], bits: list[int]) -> None:
    _check_template(_flip(TEMPLATE, positions, bits))


@FUZZ
@given(st.binary(max_size=3000))
def test_random_bytes_as_template(data: bytes) -> None:
    _check_template(data)


JINJA_BITS = st.sampled_from(["{{", "}}", "{%", "%}", "{#", "#}", " if ", " for ", " in ",
                              "endif", "endfor", "|", "(", ")", "[", "]", ".", "_", "'",
                              "association", "nom", "__class__", "montant", " ", "x", "é"])


@FUZZ
@given(st.lists(st.lists(JINJA_BITS, max_size=12).map("".join), min_size=1, max_size=4))
def test_random_placeholders_are_validated_not_crashing(paragraphs: list[str]) -> None:
    d = docx.Document()
    for text in paragraphs:
        d.add_paragraph(text)
    buffer = io.BytesIO()
    d.save(buffer)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "modele.docx"
        path.write_bytes(buffer.getvalue())
        try:
            docx_render.ensure_valid(path)
        except ValidationError as exc:
            assert exc.message
            return
        try:
            rendered = docx_render.render_bytes(path, {})
        except ValidationError as exc:
            # e.g. a lone « {# »: validation lets it through, rendering refuses it cleanly
            assert exc.message_key == "template_render_error", exc.message_key
            return
        assert zipfile.is_zipfile(io.BytesIO(rendered))


# --- Identifiers -----------------------------------------------------------------------------

NORMALISERS: list[Callable[[str], object]] = [
    v.normalize_siren, v.normalize_siret, v.normalize_rna, v.normalize_naf,
    v.normalize_postal_code, v.normalize_insee_code, v.normalize_phone, v.normalize_email,
    v.normalize_iban,
]
IDENTIFIER_TEXT = st.one_of(st.text(max_size=40),
                            st.text(alphabet="0123456789 .-+WwFRfr", max_size=40))


@FUZZ
@pytest.mark.parametrize("normalise", NORMALISERS, ids=lambda f: f.__name__)
@given(IDENTIFIER_TEXT)
def test_identifiers_normalise_or_refuse_in_french(normalise: Callable[[str], object],
                                                   raw: str) -> None:
    try:
        value = normalise(raw)
    except ValidationError as exc:
        assert exc.message and exc.field
        return
    assert isinstance(value, str)
    assert normalise(value) == value  # normalising is idempotent
