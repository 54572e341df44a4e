"""SYNC.md §2 cases 6–9 and the extras: damaged, tampered, foreign, newer and older files;
JSON type fidelity; a child before its parent; no keyring; two exports into one folder."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
import struct
import threading
import unicodedata
import zlib
from pathlib import Path
from typing import Any

import keyring
import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from keyring.backends import fail
from sqlalchemy import select

from passerelle.domain.errors import NotFound
from passerelle.domain.ids import new_id
from passerelle.infra.secrets import KeyringUnavailable, SecretStore
from passerelle.services import interactions, sync
from passerelle.services import organisations as orgs
from passerelle.store import models, sync_file
from passerelle.store.database import Database
from passerelle.store.models import Contact, Interaction, Organisation
from passerelle.store.sync_file import SyncFileError, SyncFileTooNew, SyncKeyError

from .conftest import (
    Network,
    Peer,
    assert_converged,
    assert_no_value_lost,
    craft,
    exchange,
    refresh_manifest,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "db"


def _pair(net: Network) -> tuple[Peer, Peer, Path]:
    a, b = net.peer("a"), net.peer("b")
    org = orgs.create_organisation(a.db, kind="association", name="Les Jardins du Nord")
    orgs.create_contact(a.db, first_name="Amina", last_name="Benali", organisation_id=org.id)
    return a, b, a.export()


def _unchanged(b: Peer) -> tuple[Any, ...]:
    return b.digest(), b.log(), b.hlc()


def _header_end(data: bytes) -> int:
    (hlen,) = struct.unpack_from(">I", data, len(sync_file.MAGIC))
    return len(sync_file.MAGIC) + 4 + hlen


def _quarantined(b: Peer, name: str) -> Path:
    q = b.outbox.parent / f"q-{b.name}"
    target = q / name
    assert target.exists(), sorted(p.name for p in q.iterdir()) if q.exists() else "no dir"
    assert (q / f"{name}.reason.txt").read_text(encoding="utf-8").count("Motif") == 1
    return target


# --- 6. Truncated or partial files ------------------------------------------------------------

def test_6_truncated_files_fail_closed_and_go_to_quarantine(net: Network) -> None:
    a, b, good = _pair(net)
    data = good.read_bytes()
    end = _header_end(data)
    before = _unchanged(b)
    cuts = [0, 5, 10, end - 7, end + 5, len(data) // 2, len(data) - 1]
    for cut in cuts:
        bad = good.with_name(f"cut-{cut}.ofsync")
        bad.write_bytes(data[:cut])
        with pytest.raises(SyncFileError) as exc:
            b.load(bad)
        assert exc.value.message_key in {"sync_empty", "sync_truncated", "sync_tampered"}, cut
        assert "Rien n'a été importé" in exc.value.message or cut == 0
        assert not bad.exists()
        _quarantined(b, bad.name)
        assert _unchanged(b) == before
    # a Nextcloud upload still in progress, and a "conflicted copy" cut short
    for name in (f"{good.name}.part", "x (conflicted copy 2026-05-28 101010).ofsync"):
        partial = good.with_name(name)
        partial.write_bytes(data[: len(data) * 2 // 3])
        with pytest.raises(SyncFileError):
            b.load(partial)
        _quarantined(b, name)
    assert _unchanged(b) == before
    # a complete conflicted copy is just the same export: applied once, then "already"
    whole = good.with_name("x (conflicted copy 2026-05-28 101011).ofsync")
    shutil.copy(good, whole)
    assert b.load(whole).new_changes > 0
    assert b.load(good).already_imported
    assert_converged(a, b)


def test_6_interrupted_write_leaves_no_file_under_the_final_name(
        net: Network, monkeypatch: pytest.MonkeyPatch) -> None:
    a = net.peer("a")
    orgs.create_organisation(a.db, kind="association", name="Asso")

    def pulled(*_args: Any) -> None:
        raise OSError(5, "Input/output error")  # the USB key left during the rename

    monkeypatch.setattr(sync_file.os, "replace", pulled)
    with pytest.raises(OSError):
        a.export()
    assert list(a.outbox.iterdir()) == []  # neither the final name nor a temp file


# --- 7. Tampered files and wrong keys ---------------------------------------------------------

def test_7_bit_flips_anywhere_are_detected(net: Network) -> None:
    a, b, good = _pair(net)
    data = good.read_bytes()
    end = _header_end(data)
    before = _unchanged(b)
    spots = {"header": end - 30, "header-slot": end - 200, "nonce": end + 3,
             "ciphertext": (end + len(data)) // 2, "tag": len(data) - 1}
    for where, offset in spots.items():
        flipped = bytearray(data)
        flipped[offset] ^= 0x04
        bad = good.with_name(f"flip-{where}.ofsync")
        bad.write_bytes(bytes(flipped))
        with pytest.raises(SyncFileError):
            b.load(bad)
        assert _unchanged(b) == before, where


def _inflate(header: sync_file.Header, compressed: bytes) -> bytes:
    return sync_file.inflate(header, compressed)


def _reseal_hmac(data: bytes, mutate: Any) -> bytes:
    """What an attacker without the key can do to an HMAC-only file: edit the payload,
    recompute its manifest hash, fix the sizes — but not the HMAC."""
    header, body = sync_file.read_header(data)
    meta = json.loads(header.aad[len(sync_file.MAGIC) + 4:])
    compressed, tag = body[:-32], body[-32:]
    mem = sqlite3.connect(":memory:")
    mem.deserialize(_inflate(header, compressed))
    mutate(mem)
    mem.commit()
    refresh_manifest(mem)
    payload = mem.serialize()
    compressed = sync_file.compress(payload)
    meta.update(payload_size=len(payload), body_size=len(compressed) + 32,
                chunks=[len(compressed)])
    raw = json.dumps(meta, separators=(",", ":"), sort_keys=True).encode()
    return sync_file.MAGIC + struct.pack(">I", len(raw)) + raw + compressed + tag


def test_7_hmac_only_export_detects_a_rewritten_changes_table(net: Network) -> None:
    a, b = net.peer("a"), net.peer("b")
    org = orgs.create_organisation(a.db, kind="association", name="Les Jardins du Nord")
    clear = a.export(encrypt=False)
    data = clear.read_bytes()
    header, body = sync_file.read_header(data)
    assert b"Les Jardins du Nord" in _inflate(header, body[:-32])

    def rename(mem: sqlite3.Connection) -> None:
        mem.execute("UPDATE changes SET value = '\"Pirates\"' WHERE field = 'name'")

    forged = clear.with_name("forged.ofsync")
    forged.write_bytes(_reseal_hmac(data, rename))
    before = _unchanged(b)
    with pytest.raises(SyncFileError) as exc:
        b.load(forged)
    assert exc.value.message_key == "sync_tampered"
    assert _unchanged(b) == before
    assert b.load(clear).new_changes > 0  # the genuine HMAC-only file is accepted
    assert orgs.get_organisation(b.db, org.id).name == "Les Jardins du Nord"


def test_7_wrong_passphrase_wrong_team_key_and_foreign_team(
        net: Network, tmp_path: Path) -> None:
    a, b, good = _pair(net)
    before = _unchanged(b)
    protected = craft(a, group_key=None, passphrase="bonne phrase de passe")
    with pytest.raises(SyncKeyError) as exc:
        b.load(protected, passphrase="mauvaise phrase")
    assert exc.value.message_key == "sync_wrong_passphrase"
    assert protected.exists()  # a typo is not the file's fault: it stays
    with pytest.raises(SyncKeyError) as exc:
        b.load(protected)
    assert exc.value.message_key == "sync_key_missing"
    assert b.load(protected, passphrase="bonne phrase de passe").new_changes > 0

    c = net.peer("c")
    other_store = SecretStore(type(net.keyring)())
    other_store.set_group_key(net.group_id, bytes(32))  # c's keyring holds another key
    c.secrets = other_store
    with pytest.raises(SyncKeyError) as exc:
        c.load(good)
    assert exc.value.message_key == "sync_wrong_group_key"

    stranger = net.peer("stranger", join=False)
    with stranger.db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE sync_state SET group_id = ?", (str(new_id()),))
    digest = stranger.digest()
    with pytest.raises(SyncFileError) as exc:
        stranger.load(good)
    assert exc.value.message_key == "sync_other_team"
    assert stranger.digest() == digest
    assert _unchanged(b) != before  # (b did import the passphrase file above)


# --- 8. Newer schema or format ----------------------------------------------------------------

def test_8_newer_container_major_is_refused_and_kept(net: Network) -> None:
    a, b, good = _pair(net)
    data = good.read_bytes()
    header, body = sync_file.read_header(data)
    meta = json.loads(header.aad[len(sync_file.MAGIC) + 4:])
    meta["format_version"] = "2.0"
    raw = json.dumps(meta).encode()
    newer = good.with_name("newer.ofsync")
    newer.write_bytes(sync_file.MAGIC + struct.pack(">I", len(raw)) + raw + body)
    before = _unchanged(b)
    with pytest.raises(SyncFileTooNew) as exc:
        b.load(newer)
    assert "plus récente" in exc.value.message
    assert newer.exists()  # kept in the inbox for after the upgrade
    assert _unchanged(b) == before
    demanding = craft(a, manifest={"min_reader_wire_version": 2})
    with pytest.raises(SyncFileTooNew):
        b.load(demanding)
    assert demanding.exists() and _unchanged(b) == before


def test_8_additive_wire_change_is_parked_relayed_then_projected_after_upgrade(
        net: Network, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b, c = net.peer("a"), net.peer("b"), net.peer("c")
    org = orgs.create_organisation(a.db, kind="association", name="Asso", phone="0320000001")
    b.load(a.export())
    newer_dev = str(new_id())
    mentorship = str(new_id())
    with a.db.engine.connect() as conn:
        ph_dev, ph_hlc = conn.exec_driver_sql(
            "SELECT device_id, hlc FROM sync_head WHERE row_id = ? AND field = 'phone'",
            (str(org.id),)).one()
    base = ph_hlc + (1 << 20)
    future = [  # a peer running wire version 2: a new field, a new entity, a changed field
        (newer_dev, base + 1, 1, "organisation", str(org.id), "nickname", '"Les Jardins"', 2),
        (newer_dev, base + 2, 2, "mentorship", mentorship, "_row", '"alive"', 2),
        (newer_dev, base + 3, 3, "mentorship", mentorship, "weight", "0.1", 2),
        (newer_dev, base + 4, 4, "organisation", str(org.id), "phone", '"+33320000009"', 2),
    ]

    def add_future(mem: sqlite3.Connection) -> None:
        mem.executemany("INSERT INTO changes VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'Nouvelle')",
                        future)
        mem.execute("INSERT INTO change_parents VALUES (?, ?, ?, ?)",
                    (newer_dev, base + 4, ph_dev, ph_hlc))
        mem.execute("INSERT INTO devices VALUES (?, 'portable neuf', 'nouvelle')",
                    (newer_dev,))

    report = b.load(craft(a, add_future))
    assert (report.new_changes, report.parked) == (4, 4)
    assert orgs.get_organisation(b.db, org.id).phone == "+33320000001"  # last understood
    assert b.conflicts() == []
    c.load(b.export())  # relayed intact by a peer that does not understand them
    relayed = {r for r in c.log() if r[0] == newer_dev}
    assert {r[:8] for r in relayed} == set(future)
    assert orgs.get_organisation(c.db, org.id).phone == "+33320000001"

    monkeypatch.setattr(models, "WIRE_VERSION", 2)  # after upgrading Passerelle…
    for p in (a, b, c):  # …opening the database re-projects: un-parks what it understands
        assert sync.on_open(p.db).reprojected
    assert orgs.get_organisation(c.db, org.id).phone == "+33320000009"
    assert not sync.on_open(c.db).reprojected  # once
    exchange(a, b, c)
    assert_converged(a, b, c)


# --- 9. Older schema ------------------------------------------------------------------------------

@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("passerelle_*.sqlite")),
                         ids=lambda p: p.stem)
def test_9_database_from_a_released_revision_upgrades_then_syncs(
        net: Network, fixture: Path) -> None:
    a = net.peer("a")
    orgs.create_organisation(a.db, kind="entreprise", name="Imprimerie du Nord")
    folder = net.root / "old"
    folder.mkdir()
    shutil.copy(fixture, folder / "old.sqlite")
    db = Database(folder / "old.sqlite", author="Ancien")  # real Alembic upgrade to head
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE sync_state SET group_id = ?", (net.group_id,))
    old = Peer("old", db, a.clock, a.secrets, a.outbox)
    net.peers.append(old)
    with db.read() as s:
        before = {o.name for o in s.scalars(select(Organisation))}
    exchange(a, old)
    with a.db.read() as s:
        assert before <= {o.name for o in s.scalars(select(Organisation))}
    assert_converged(a, old)


def test_9_fields_an_older_peer_lacks_keep_our_values(net: Network) -> None:
    a, old = net.peer("a"), net.peer("old")
    org = orgs.create_organisation(a.db, kind="association", name="Asso")
    old.load(a.export())
    orgs.update_organisation(a.db, org.id, neighbourhood="Alma-Gare")
    orgs.update_organisation(old.db, org.id, name="Asso de l'Alma")

    def forget_field(mem: sqlite3.Connection) -> None:  # its version has no such field
        mem.execute("DELETE FROM change_parents WHERE (device_id, hlc) IN "
                    "(SELECT device_id, hlc FROM changes WHERE field = 'neighbourhood')")
        mem.execute("DELETE FROM changes WHERE field = 'neighbourhood'")

    a.load(craft(old, forget_field))
    dto = orgs.get_organisation(a.db, org.id)
    assert dto.name == "Asso de l'Alma"
    with a.db.read() as s:
        assert s.get(Organisation, org.id).neighbourhood == "Alma-Gare"  # absence ≠ deletion
    exchange(a, old)
    assert_converged(a, old)


# --- Extras -----------------------------------------------------------------------------------

def test_json_type_fidelity_survives_the_trip(net: Network) -> None:
    a, b = net.peer("a"), net.peer("b")
    nfc = unicodedata.normalize("NFC", "Émile")
    nfd = unicodedata.normalize("NFD", "Émile")
    assert nfc != nfd
    org = orgs.create_organisation(a.db, kind="association", name="007", postal_code="59000",
                                   ess=True, themes=["sport", "culture"])
    empty = orgs.create_organisation(a.db, kind="association", name="Vide")
    with a.db.write() as s:
        s.get(Organisation, org.id).description = ""  # empty text is not "no value"
        s.get(Organisation, empty.id).description = None
    first = orgs.create_contact(a.db, first_name=nfc, last_name="NFC")
    second = orgs.create_contact(a.db, first_name=nfd, last_name="NFD")
    paris = dt.timezone(dt.timedelta(hours=2))
    inter = interactions.log_interaction(a.db, interactions.MeetingInput(
        subject="Rencontre", organisation_id=org.id, duration_minutes=45,
        occurred_at=dt.datetime(2026, 6, 1, 9, 30, 15, 123456, tzinfo=paris),
        notes="Notes « 007 »",
        next_steps=[interactions.NextStep("Relancer", dt.date(2026, 12, 1))]))
    exchange(a, b)
    assert_converged(a, b)
    with b.db.read() as s:
        o = s.get(Organisation, org.id)
        assert (o.name, o.postal_code, o.ess, o.themes) == ("007", "59000", True,
                                                            ["culture", "sport"])
        assert o.description == "" and s.get(Organisation, empty.id).description is None
        assert s.get(Contact, first.id).first_name == nfc
        assert s.get(Contact, second.id).first_name == nfd  # not normalised on the way
        i = s.get(Interaction, inter.id)
        assert i.occurred_at == dt.datetime(2026, 6, 1, 9, 30, 15, 123456)
        assert i.duration_minutes == 45
        raw = s.connection().exec_driver_sql(
            "SELECT value FROM sync_change WHERE row_id = ? AND field = 'occurred_at'",
            (str(inter.id),)).scalar()
    assert raw == '"2026-06-01T09:30:15.123456+02:00"'  # the offset stays in the log


def test_orphan_child_before_its_parent_then_parent_arrives(net: Network) -> None:
    a, b = net.peer("a"), net.peer("b")
    org = orgs.create_organisation(a.db, kind="association", name="Parent")
    contact = orgs.create_contact(a.db, first_name="Enfant", last_name="Orphelin",
                                  organisation_id=org.id)

    def without_parent(mem: sqlite3.Connection) -> None:
        mem.execute("DELETE FROM changes WHERE entity = 'organisation'")

    report = b.load(craft(a, without_parent))
    assert report.orphans >= 1 and any("pas encore reçu" in w for w in report.warnings)
    assert orgs.get_contact(b.db, contact.id).last_name == "Orphelin"
    full = b.load(a.export())
    assert full.orphans == 0
    assert [link.organisation_name for link in orgs.get_contact(b.db, contact.id).links] == [
        "Parent"]
    assert_converged(a, b)


def test_fields_arriving_before_their_row_are_kept_then_projected(net: Network) -> None:
    a, b = net.peer("a"), net.peer("b")
    org = orgs.create_organisation(a.db, kind="association", name="Plus tard")

    def no_row(mem: sqlite3.Connection) -> None:
        mem.execute("DELETE FROM changes WHERE field = '_row'")

    b.load(craft(a, no_row))
    with pytest.raises(NotFound):
        orgs.get_organisation(b.db, org.id)
    assert any(r[5] == "name" for r in b.log())  # kept in the log, just not shown
    b.load(a.export())
    assert orgs.get_organisation(b.db, org.id).name == "Plus tard"
    assert_converged(a, b)


def test_no_keyring_falls_back_to_passphrase_never_plaintext(net: Network,
                                                             tmp_path: Path) -> None:
    a, b = net.peer("a"), net.peer("b")
    org = orgs.create_organisation(a.db, kind="association", name="Secret des Jardins")
    keyring.set_keyring(fail.Keyring())  # headless Linux: NoKeyringError everywhere
    store = SecretStore()
    a.secrets = b.secrets = store
    assert not store.available()
    assert "phrase de passe" in store.where()
    with pytest.raises(KeyringUnavailable):
        store.get_group_key(net.group_id)
    with pytest.raises(KeyringUnavailable):
        sync.create_team(net.peer("new", join=False).db, secrets=store)
    with pytest.raises(SyncKeyError) as exc:
        a.export()
    assert "phrase de passe" in exc.value.message and "clair" in exc.value.message
    path = a.export(passphrase="phrase de secours")
    header, _ = sync_file.read_header(path.read_bytes())
    assert [s["kind"] for s in header.slots] == ["passphrase"]
    assert b"Secret des Jardins" not in path.read_bytes()
    for written in tmp_path.rglob("*"):  # no key, no clear payload left anywhere
        if written.is_file() and ".sqlite" not in written.name:  # the database itself
            assert b"Secret des Jardins" not in written.read_bytes(), written
    report = b.load(path, passphrase="phrase de secours")
    assert report.new_changes > 0 and orgs.get_organisation(b.db, org.id).name
    with pytest.raises(SyncKeyError):
        b.load(a.export(passphrase="phrase de secours"))  # no passphrase given, no keyring


def test_two_devices_exporting_into_one_shared_folder_at_once(net: Network) -> None:
    a, b, c = net.peer("a"), net.peer("b"), net.peer("c")
    for p in (a, b):
        orgs.create_organisation(p.db, kind="association", name=f"Asso de {p.name}")
    shared = net.root / "Nextcloud" / "Passerelle"
    shared.mkdir(parents=True)
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def run(peer: Peer) -> None:
        try:
            barrier.wait()
            for _ in range(3):
                sync.export_full(peer.db, shared, secrets=peer.secrets)
        except BaseException as exc:  # collected and re-raised below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(p,)) for p in (a, b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    files = sorted(shared.iterdir())
    assert len(files) == 6 and all(f.suffix == ".ofsync" for f in files)
    for f in files:
        c.load(f)
    exchange(a, b, c)
    assert_converged(a, b, c)
    assert_no_value_lost(a.log() | b.log(), a, b, c)


def test_a_format_1_0_file_in_zlib_streams_is_still_imported(net: Network) -> None:
    """Files written before Zstandard (format 1.0: independent zlib streams) stay readable."""
    a, b, good = _pair(net)
    header, body = sync_file.read_header(good.read_bytes())
    assert header.compression == "zstd" and header.format_version == sync_file.FORMAT_VERSION
    dek = sync_file.unlock(header, group_key=net.secrets.get_group_key(net.group_id))
    payload = sync_file.open_body(header, body, dek)
    half = len(payload) // 2
    streams = [zlib.compress(payload[:half], 1), zlib.compress(payload[half:], 1)]
    meta = json.loads(header.aad[len(sync_file.MAGIC) + 4:])
    meta.update(format_version="1.0", compression="zlib", chunks=[len(s) for s in streams],
                body_size=sync_file.NONCE_BYTES + sum(map(len, streams)) + 16)
    raw = json.dumps(meta, separators=(",", ":"), sort_keys=True).encode()
    aad = sync_file.MAGIC + struct.pack(">I", len(raw)) + raw
    nonce = b"\x01" * sync_file.NONCE_BYTES
    old = good.with_name("format-1.0.ofsync")
    old.write_bytes(aad + nonce + AESGCM(dek).encrypt(nonce, b"".join(streams), aad))

    report = b.load(old)
    assert report.new_changes > 0
    assert b.digest() == a.digest()


def test_an_unknown_compression_is_reported_as_a_newer_file(net: Network) -> None:
    _a, b, good = _pair(net)
    data = good.read_bytes()
    end = _header_end(data)
    meta = json.loads(data[len(sync_file.MAGIC) + 4:end])
    meta["compression"] = "brotli"
    raw = json.dumps(meta, separators=(",", ":"), sort_keys=True).encode()
    newer = good.with_name("newer.ofsync")
    newer.write_bytes(sync_file.MAGIC + struct.pack(">I", len(raw)) + raw + data[end:])
    before = _unchanged(b)
    with pytest.raises(SyncFileTooNew):
        b.load(newer)
    assert _unchanged(b) == before
