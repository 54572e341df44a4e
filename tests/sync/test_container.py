"""The .ofsync container and payload: names, keys, key-derivation bounds, manifest checks."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import time
from pathlib import Path

import pytest

from passerelle.services import organisations as orgs
from passerelle.store import sync_file
from passerelle.store.sync_file import ScryptParams, SyncFileError, SyncKeyError

from .conftest import Network, craft, live_digests, open_payload

UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


def test_export_name_is_unique_per_device_and_export(net: Network) -> None:
    a = net.peer("a")
    orgs.create_organisation(a.db, kind="association", name="Asso")
    first, second = a.export(), a.export()
    pattern = rf"^({UUID})-({UUID})-(\d+)-({UUID})\.ofsync$"
    m = re.match(pattern, first.name)
    assert m and m.group(1) == net.group_id and m.group(2) == a.db.device_id
    assert first.name != second.name
    assert [p.name for p in a.outbox.iterdir() if p.suffix != ".ofsync"] == []


def test_file_is_encrypted_and_header_carries_no_personal_data(net: Network) -> None:
    a = net.peer("a")
    orgs.create_organisation(a.db, kind="association", name="Confidentiel",
                             email="presidente@asso.example")
    data = a.export(passphrase="phrase de passe longue").read_bytes()
    assert data.startswith(sync_file.MAGIC)
    assert b"Confidentiel" not in data and b"presidente" not in data
    header, _ = sync_file.read_header(data)
    assert header.cipher == "AES-256-GCM"
    assert sorted(s["kind"] for s in header.slots) == ["group", "passphrase"]
    assert header.origin_device_id == a.db.device_id


def test_payload_is_a_plain_sqlite_database_with_manifest(net: Network) -> None:
    a = net.peer("a")
    orgs.create_organisation(a.db, kind="association", name="Asso")
    data = a.export().read_bytes()
    header, body = sync_file.read_header(data)
    key = a.secrets.get_group_key(net.group_id)
    payload = sync_file.open_body(header, body, sync_file.unlock(header, group_key=key))
    assert payload[:16] == b"SQLite format 3\x00" and payload[18:20] == b"\x01\x01"  # no WAL
    mem = sqlite3.connect(":memory:")
    mem.deserialize(payload)
    keys = {k for (k,) in mem.execute("SELECT key FROM manifest")}
    assert {"magic", "format_version", "wire_version", "min_reader_wire_version",
            "app_version", "alembic_head", "group_id", "origin_device_id",
            "origin_device_name", "export_id", "kind", "created_wall", "hlc_min", "hlc_max",
            "knowledge", "base_knowledge", "counts", "payload_sha256", "device_sha256"} <= keys
    assert {t for (t,) in mem.execute("SELECT name FROM sqlite_master WHERE type='table'")} \
        == {"manifest", "changes", "change_parents", "devices", "blobs"}
    declared = dict(mem.execute("SELECT key, value FROM manifest "
                                "WHERE key IN ('payload_sha256', 'device_sha256')").fetchall())
    digests_of = sync_file.manifest_digests([mem], "main")
    combined, digests = digests_of["payload_sha256"], digests_of["device_sha256"]
    assert json.loads(declared["payload_sha256"]) == combined
    assert json.loads(declared["device_sha256"]) == digests


@pytest.mark.parametrize("override, why", [
    ({"payload_sha256": "0" * 64}, "empreinte"),
    ({"counts": {"changes": 1, "change_parents": 0, "devices": 1, "entities": {}}}, "nombre"),
    ({"hlc_max": 1}, "plage d'horloges"),
    ({"export_id": "01a21698-3df2-74f9-a20e-c5404aa61dc0"}, "manifeste et en-tête"),
])
def test_manifest_not_matching_the_payload_is_refused(net: Network, override: dict[str, object],
                                                      why: str) -> None:
    a, b = net.peer("a"), net.peer("b")
    orgs.create_organisation(a.db, kind="association", name="Asso")
    bad = craft(a, manifest=override)
    digest = b.digest()
    with pytest.raises(SyncFileError) as exc:
        b.load(bad)
    assert why in exc.value.message and b.digest() == digest


@pytest.mark.parametrize("sql", [
    "UPDATE changes SET device_id = 'pas-un-uuid'",
    "UPDATE changes SET value = 'pas du json' WHERE field = 'name'",
    "UPDATE changes SET value = '\"peut-être\"' WHERE field = '_row'",
    "UPDATE changes SET hlc = -hlc",
    "INSERT INTO change_parents VALUES ('00000000-0000-7000-8000-000000000000', 1, "
    "'00000000-0000-7000-8000-000000000000', 1)",
])
def test_implausible_contents_are_refused(net: Network, sql: str) -> None:
    a, b = net.peer("a"), net.peer("b")
    orgs.create_organisation(a.db, kind="association", name="Asso")
    bad = craft(a, lambda mem: mem.execute(sql))
    digest = b.digest()
    with pytest.raises(SyncFileError) as exc:
        b.load(bad)
    assert exc.value.message_key == "sync_invalid_content" and b.digest() == digest


#: The log tables as format 1.1 declared them: not STRICT, so any type can be stored.
_LOOSE_CHANGES = ("CREATE TABLE changes (device_id TEXT NOT NULL, hlc INTEGER NOT NULL, "
                  "seq INTEGER NOT NULL, entity TEXT NOT NULL, row_id TEXT NOT NULL, "
                  "field TEXT NOT NULL, value {value_type}, wire_ver INTEGER NOT NULL, "
                  "author TEXT, PRIMARY KEY (device_id, hlc)) WITHOUT ROWID{options}")


def _redeclare_changes(mem: sqlite3.Connection, value_type: str = "TEXT",
                       options: str = "") -> None:
    mem.execute("ALTER TABLE changes RENAME TO strict_changes")
    mem.execute(_LOOSE_CHANGES.format(value_type=value_type, options=options))
    mem.execute("INSERT INTO changes SELECT * FROM strict_changes")
    mem.execute("DROP TABLE strict_changes")


def test_the_payload_log_tables_are_strict(net: Network) -> None:
    """Format 1.2 writes STRICT log tables: that is what lets an import skip type checks."""
    a = net.peer("a")
    orgs.create_organisation(a.db, kind="association", name="Asso")
    header, body = sync_file.read_header(a.export().read_bytes())
    payload = sync_file.open_body(header, body, sync_file.unlock(
        header, group_key=net.secrets.get_group_key(net.group_id)))
    mem = sqlite3.connect(":memory:")
    mem.deserialize(payload)
    assert sync_file.strict_log(dict(mem.execute(sync_file.log_tables_sql("main"))))
    with pytest.raises(sqlite3.Error):
        mem.execute("UPDATE changes SET seq = 'x' || seq")


@pytest.mark.parametrize(("declaration", "sql"), [
    ({}, "UPDATE changes SET seq = 'x' || seq"),
    ({}, "UPDATE changes SET wire_ver = 1.5"),  # positive: only its type is wrong
    # STRICT, but not as format 1.2 declares it: every type is checked too (42 is valid JSON).
    ({"value_type": "ANY", "options": ", STRICT"},
     "UPDATE changes SET value = 42 WHERE field = 'name'"),
])
def test_a_payload_without_the_strict_declaration_has_its_types_checked(
        net: Network, declaration: dict[str, str], sql: str) -> None:
    a, b = net.peer("a"), net.peer("b")
    orgs.create_organisation(a.db, kind="association", name="Asso")

    def alter(mem: sqlite3.Connection) -> None:
        _redeclare_changes(mem, **declaration)
        mem.execute(sql)

    digest = b.digest()
    with pytest.raises(SyncFileError) as exc:
        b.load(craft(a, alter))
    assert "mal formé" in exc.value.message and b.digest() == digest
    assert b.load(craft(a, _redeclare_changes)).new_changes > 0  # older files still import
    assert b.digest() == a.digest()


def test_a_value_planted_past_the_strict_declaration_fails_the_integrity_check(
        net: Network) -> None:
    """A file edited below SQL (its pages) to hold a text seq in a STRICT table: quick_check
    reports it, so skipping the type checks never lets such a change in."""
    a, b = net.peer("a"), net.peer("b")
    orgs.create_organisation(a.db, kind="association", name="Asso")

    def plant(mem: sqlite3.Connection) -> None:
        mem.execute(_LOOSE_CHANGES.format(value_type="TEXT", options="").replace(
            "TABLE changes", "TABLE twin"))
        mem.execute("PRAGMA writable_schema = ON")
        mem.execute("UPDATE sqlite_schema SET rootpage = (SELECT rootpage FROM sqlite_schema "
                    "WHERE name = 'changes') WHERE name = 'twin'")
        mem.commit()
        mem.execute("PRAGMA writable_schema = RESET")
        mem.execute("UPDATE twin SET seq = 'x' || seq")
        mem.execute("PRAGMA writable_schema = ON")
        mem.execute("DELETE FROM sqlite_schema WHERE name = 'twin'")
        mem.commit()
        mem.execute("PRAGMA writable_schema = RESET")
        assert mem.execute("SELECT typeof(seq) FROM changes").fetchone() == ("text",)

    digest = b.digest()
    with pytest.raises(SyncFileError) as exc:
        b.load(craft(a, plant))
    assert "intégrité" in exc.value.message and b.digest() == digest


def test_sealing_without_any_key_is_refused() -> None:
    with pytest.raises(SyncKeyError):
        sync_file.seal(b"x", group_id="g", origin_device_id="d", export_id="e", hlc_max=0)


def test_key_derivation_bounds_and_production_cost() -> None:
    with pytest.raises(SyncFileError):
        sync_file.derive_key("x", b"salt", ScryptParams(n=1 << 30))  # hostile header
    assert ScryptParams() == ScryptParams(n=1 << 17, r=8, p=1)  # SYNC.md figure
    start = time.perf_counter()
    sync_file.derive_key("phrase de passe", b"0123456789abcdef", ScryptParams())
    assert 0.02 < time.perf_counter() - start < 10


def test_atomic_write_replaces_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "f.ofsync"
    sync_file.write_atomic(target, b"one")
    sync_file.write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in target.parent.iterdir()] == ["f.ofsync"]


def test_stale_device_digest_is_caught_on_the_devices_that_bring_news(net: Network) -> None:
    """A writer bug: the manifest's digests do not describe the changes that travel."""
    a, b = net.peer("a"), net.peer("b")
    org = orgs.create_organisation(a.db, kind="association", name="Asso")
    b.load(a.export())  # b knows the base: only the next change is new to it
    orgs.update_organisation(a.db, org.id, phone="0320000001")
    honest = live_digests(a)

    def alter(mem: sqlite3.Connection) -> None:
        mem.execute("UPDATE changes SET value = '\"+33320000009\"' WHERE field = 'phone'")

    stale = craft(a, alter, manifest=honest)
    digest = b.digest()
    with pytest.raises(SyncFileError) as exc:
        b.load(stale)
    assert "empreinte" in exc.value.message and b.digest() == digest


def test_an_import_rehashes_only_the_blocks_that_hold_new_changes(
        net: Network, monkeypatch: pytest.MonkeyPatch) -> None:
    """Format 1.1 digest blocks: the blocks a file brings news in are checked (a tampered new
    change in the middle of a device's history is refused); a block holding only changes we
    already hold is not re-hashed (its declared digest is not even read)."""
    monkeypatch.setattr(sync_file, "DIGEST_BLOCK", 3)
    a, b = net.peer("a"), net.peer("b")
    made = [orgs.create_organisation(a.db, kind="association", name=f"Asso {i}")
            for i in range(4)]
    b.load(a.export())
    orgs.update_organisation(a.db, made[1].id, phone="0320000001")
    honest = live_digests(a)
    blocks = honest["device_blocks"][a.db.device_id]
    assert len(blocks) > 4  # several blocks per device

    def alter(mem: sqlite3.Connection) -> None:
        mem.execute("UPDATE changes SET value = '\"+33320000009\"' WHERE field = 'phone'")

    digest = b.digest()
    with pytest.raises(SyncFileError) as exc:
        b.load(craft(a, alter, manifest=honest))
    assert "empreinte" in exc.value.message and b.digest() == digest

    # A wrong digest on a block of known changes only: not re-hashed, the news still apply.
    wrong = [list(x) for x in blocks]
    wrong[0][1] = "0" * 64
    device = sync_file.device_digest([(s, d) for s, d in wrong])
    forged = {"device_blocks": {a.db.device_id: wrong},
              "device_sha256": {a.db.device_id: device},
              "payload_sha256": sync_file.combine_digests({a.db.device_id: device})}
    report = b.load(craft(a, manifest=forged))
    assert report.new_changes == 1
    assert b.digest() == a.digest()


def test_digest_blocks_hashed_on_two_connections_equal_one(net: Network,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    monkeypatch.setattr(sync_file, "DIGEST_BLOCK", 2)
    a = net.peer("a")
    for i in range(5):
        orgs.create_organisation(a.db, kind="association", name=f"Asso {i}")
    exported = a.export()
    one = live_digests(a)
    mem = open_payload(net, exported)
    declared = {k: json.loads(v) for k, v in mem.execute(
        "SELECT key, value FROM manifest WHERE key IN "
        "('payload_sha256', 'device_sha256', 'device_blocks')")}
    assert declared == json.loads(json.dumps(one))  # the export hashed on two threads


def test_the_manifest_figures_read_off_the_blocks_equal_a_full_count(
        net: Network, monkeypatch: pytest.MonkeyPatch) -> None:
    """The export takes each device's total and clock range from its digest blocks (only the
    last block counted): the same figures as counting every change, device by device."""
    monkeypatch.setattr(sync_file, "DIGEST_BLOCK", 4)
    a, b = net.peer("a"), net.peer("b")
    for i in range(3):
        orgs.create_organisation(a.db, kind="association", name=f"Asso {i}")
    b.load(a.export())
    orgs.create_organisation(b.db, kind="association", name="Autre asso")
    mem = open_payload(net, b.export())
    manifest = {k: json.loads(v) for k, v in mem.execute("SELECT key, value FROM manifest")}
    per_device = mem.execute("SELECT device_id, COUNT(*), MAX(seq) FROM changes "
                             "GROUP BY device_id").fetchall()
    assert len(per_device) == 2 and all(n > 4 for _d, n, _s in per_device)
    assert manifest["knowledge"] == {d: s for d, _n, s in per_device}
    assert [manifest["hlc_min"], manifest["hlc_max"]] == list(
        mem.execute("SELECT MIN(hlc), MAX(hlc) FROM changes").fetchone())
    assert manifest["counts"]["changes"] == sum(n for _d, n, _s in per_device)


def test_a_block_digest_is_the_hash_of_its_lines_in_canonical_order(net: Network) -> None:
    """The digest SQLite concatenates equals the definition: every line, in order."""
    a = net.peer("a")
    org = orgs.create_organisation(a.db, kind="association", name="Asso « à » \"q\"")
    orgs.update_organisation(a.db, org.id, name="Asso\nrenommée", description="ligne\nautre")
    pooled = a.db.engine.raw_connection()
    try:
        raw = pooled.driver_connection
        (block,) = sync_file.blocks_of(raw, "main", changes="sync_change")
        h = hashlib.sha256(b"C\n")
        for (line,) in raw.execute(
                "SELECT json_array(device_id, hlc, seq, entity, row_id, field, value, "
                "wire_ver, author) FROM sync_change ORDER BY hlc"):
            h.update(line.encode("utf-8"))
        h.update(b"P\n")
        for (line,) in raw.execute(
                "SELECT json_array(device_id, hlc, parent_device, parent_hlc) "
                "FROM sync_change_parent ORDER BY hlc, parent_device, parent_hlc"):
            h.update(line.encode("utf-8"))
        assert sync_file.block_digest(raw, "main", block, changes="sync_change",
                                      parents="sync_change_parent") == h.hexdigest()
        assert raw.execute("SELECT COUNT(*) FROM sync_change_parent").fetchone()[0] > 0
    finally:
        pooled.close()


def test_a_first_import_still_refuses_a_file_whose_digests_lie(net: Network) -> None:
    """Into an empty base every block is new and re-hashed: a file whose digests lie is
    refused and the base stays as it was; an honest one lands."""
    a, b = net.peer("a"), net.peer("b")
    orgs.create_organisation(a.db, kind="association", name="Asso")
    honest = live_digests(a)

    def alter(mem: sqlite3.Connection) -> None:
        mem.execute("UPDATE changes SET value = '\"Pirates\"' WHERE field = 'name'")

    digest = b.digest()
    with pytest.raises(SyncFileError) as exc:
        b.load(craft(a, alter, manifest=honest))
    assert "empreinte" in exc.value.message and b.digest() == digest
    assert b.load(a.export()).new_changes > 0
    assert b.digest() == a.digest()


def test_changes_dated_before_2020_import_with_a_warning(net: Network) -> None:
    """A device whose clock was set years back: its changes are kept, and the summary says
    how many look implausibly old (counted only when a device's oldest change is)."""
    a, b, c = net.peer("a"), net.peer("b"), net.peer("c")
    orgs.create_organisation(a.db, kind="association", name="Asso")
    orgs.create_organisation(a.db, kind="association", name="Autre")
    year_2019 = (sync_file.PLAUSIBLE_MIN_MS - 86_400_000) << 16

    def backdate(mem: sqlite3.Connection) -> None:
        mem.execute("UPDATE changes SET hlc = ? + seq WHERE seq <= 3", (year_2019,))
        mem.execute("DELETE FROM change_parents")

    report = b.load(craft(a, backdate))
    assert report.new_changes > 3
    assert any("3 changement(s) datés d'avant 2020" in w for w in report.warnings)
    assert not any("avant 2020" in w for w in c.load(a.export()).warnings)
