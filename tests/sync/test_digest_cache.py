"""Kept block digests (store/digest_cache.py): each block is hashed once, by the commit that
completes it (or the first export that finds it missing), an export hashes only the open
blocks, and whatever could change a kept block — a rewrite, a change or a parent link slipped inside
it, a rewrite racing the export — makes the export hash it again, so that the manifest always
declares the digests of the log as it is."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from passerelle.services import organisations, rgpd
from passerelle.store import digest_cache, sync_file
from tests.sync.conftest import Network, Peer, live_digests, open_payload

BLOCK = 3
#: Set while the tests hash the live log for reference (not counted as the app's hashing).
_REFERENCE: list[bool] = []


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sync_file, "DIGEST_BLOCK", BLOCK)


@pytest.fixture
def hashed(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Every block the export hashes, as (device, start)."""
    seen: list[tuple[str, int]] = []
    real = sync_file.block_digest

    def counting(raw: Any, schema: str, block: sync_file.Block, **tables: str) -> str:
        if not _REFERENCE:
            seen.append((block.device_id, block.start))
        return real(raw, schema, block, **tables)

    monkeypatch.setattr(sync_file, "block_digest", counting)
    return seen


def _manifest(net: Network, path: Path) -> dict[str, Any]:
    mem = open_payload(net, path)
    return {k: json.loads(v) for k, v in mem.execute("SELECT key, value FROM manifest")}


def _live(peer: Peer) -> dict[str, Any]:
    """The digests of the live log, every block hashed (no kept digest used)."""
    _REFERENCE.append(True)
    try:
        return json.loads(json.dumps(live_digests(peer)))
    finally:
        _REFERENCE.clear()


def _declared(manifest: dict[str, Any]) -> dict[str, Any]:
    return {k: manifest[k] for k in ("payload_sha256", "device_sha256", "device_blocks")}


def _seeded(net: Network, name: str = "a", n: int = 4) -> Peer:
    peer = net.peer(name)
    for i in range(n):
        organisations.create_organisation(peer.db, kind="association", name=f"Asso {i}")
    return peer


def _run(peer: Peer, sql: str, *params: Any) -> None:
    with peer.db.engine.begin() as conn:
        conn.exec_driver_sql(sql, params)


def test_each_block_is_hashed_once_by_the_commit_that_completes_it(
        net: Network, hashed: list[tuple[str, int]]) -> None:
    """Local writes hash the blocks they complete; exports then hash only the open block."""
    a, b = _seeded(net), net.peer("b")
    blocks = _live(a)["device_blocks"][a.db.device_id]
    assert len(blocks) > 3
    assert sorted(hashed) == sorted((a.db.device_id, start) for start, _d in blocks[:-1])
    for _ in range(2):
        hashed.clear()
        path = a.export()
        assert hashed == [(a.db.device_id, blocks[-1][0])]  # the open one only
        assert _declared(_manifest(net, path)) == _live(a)
    assert b.load(path).new_changes > 0 and b.digest() == a.digest()


def test_an_import_hashes_the_blocks_it_completes_and_exports_reuse_them(
        net: Network, hashed: list[tuple[str, int]]) -> None:
    a, b = _seeded(net), net.peer("b")
    path = a.export()
    hashed.clear()
    b.load(path)
    blocks = _live(b)["device_blocks"][a.db.device_id]
    # A first import hashes the file's blocks once to check them, and keeps those digests:
    # into an empty log, the file's blocks are the log's.
    assert sorted(hashed) == sorted((a.db.device_id, s) for s, _d in blocks)
    hashed.clear()
    assert _declared(_manifest(net, b.export())) == _live(b)
    assert hashed == [(a.db.device_id, blocks[-1][0])]


def test_an_import_into_a_log_with_changes_hashes_its_own_blocks(
        net: Network, hashed: list[tuple[str, int]]) -> None:
    """With changes of its own, the log's blocks are not the file's: the import hashes the
    blocks it completes from the log itself, and the next export declares the right ones."""
    a, b = _seeded(net), _seeded(net, "b", n=2)
    b.load(a.export())
    hashed.clear()
    assert _declared(_manifest(net, b.export())) == _live(b)
    assert len(hashed) == 2  # one open block per device


def test_an_export_keeps_what_it_hashed(net: Network, hashed: list[tuple[str, int]]) -> None:
    """Blocks with no valid kept digest (here: after a rewrite of the log) are hashed by the
    next export, which keeps them: the one after hashes only the open block."""
    a = _seeded(net)
    _run(a, "UPDATE sync_state SET digest_epoch = digest_epoch + 1")
    n_blocks = len(_live(a)["device_blocks"][a.db.device_id])
    hashed.clear()
    a.export()
    assert len(hashed) == n_blocks
    hashed.clear()
    assert _declared(_manifest(net, a.export())) == _live(a)
    assert len(hashed) == 1


def test_an_erasure_rewrites_the_log_and_every_block_is_hashed_again(
        net: Network, hashed: list[tuple[str, int]]) -> None:
    a, b = _seeded(net), net.peer("b")
    person = organisations.create_contact(a.db, first_name="Zoé", last_name="Quintefeuille",
                                          email="zoe.q@example.org")
    for i in range(4):
        organisations.create_organisation(a.db, kind="entreprise", name=f"Société {i}")
    a.export()
    rgpd.erase_contacts(a.db, [person.id], mode="erase")
    hashed.clear()
    after = a.export()
    assert _declared(_manifest(net, after)) == _live(a)
    before_erasure = {start for _dev, start in hashed}
    assert len(before_erasure) == len(_live(a)["device_blocks"][a.db.device_id])
    b.load(after)
    assert b.digest() == a.digest()


def test_a_change_slipped_inside_a_kept_block_is_hashed_with_it(
        net: Network, hashed: list[tuple[str, int]]) -> None:
    a = _seeded(net)
    blocks = _manifest(net, a.export())["device_blocks"][a.db.device_id]
    # An old change of another device arriving late, between two kept changes of this log:
    # inserted by hand one hlc after the start of the second block (the test clock moves a
    # millisecond per change, so that hlc is free).
    _run(a, "INSERT INTO sync_change (device_id, hlc, seq, entity, row_id, field, value, "
            "wire_ver, author) SELECT device_id, hlc + 1, 999, entity, row_id, 'website', "
            "'\"https://exemple.fr\"', wire_ver, author FROM sync_change "
            "WHERE device_id = ? AND hlc = ?", a.db.device_id, blocks[1][0])
    hashed.clear()
    manifest = _manifest(net, a.export())
    assert _declared(manifest) == _live(a)
    assert (a.db.device_id, blocks[1][0]) in hashed


def test_a_parent_link_added_to_an_old_change_is_hashed_with_its_block(
        net: Network, hashed: list[tuple[str, int]]) -> None:
    a = _seeded(net)
    blocks = _manifest(net, a.export())["device_blocks"][a.db.device_id]
    dev = a.db.device_id
    _run(a, "INSERT INTO sync_change_parent (device_id, hlc, parent_device, parent_hlc) "
            "VALUES (?, ?, ?, ?)", dev, blocks[1][0], dev, blocks[0][0])
    hashed.clear()
    assert _declared(_manifest(net, a.export())) == _live(a)
    assert (dev, blocks[1][0]) in hashed


def test_a_rewrite_committed_while_an_export_hashes_leaves_no_stale_digest(
        net: Network, monkeypatch: pytest.MonkeyPatch) -> None:
    """The digests are stored after the export's snapshot: a rewrite committed in between
    bumps the epoch, so they are stale on arrival and the next export hashes again."""
    a = _seeded(net)
    _run(a, "UPDATE sync_state SET digest_epoch = digest_epoch + 1")  # nothing valid kept
    real_keep = digest_cache.keep

    def racing(raw: Any, *args: Any) -> int:
        _run(a, "UPDATE sync_change SET value = '\"Asso renommée\"' WHERE field = 'name' "
                "AND hlc = (SELECT MIN(hlc) FROM sync_change WHERE field = 'name')")
        return real_keep(raw, *args)

    monkeypatch.setattr(digest_cache, "keep", racing)
    a.export()
    monkeypatch.setattr(digest_cache, "keep", real_keep)
    assert _declared(_manifest(net, a.export())) == _live(a)


def test_an_export_that_cannot_store_its_digests_still_succeeds(
        net: Network, hashed: list[tuple[str, int]]) -> None:
    """Another writer holding the base: the export is written, its digests are not kept."""
    a = _seeded(net)
    _run(a, "UPDATE sync_state SET digest_epoch = digest_epoch + 1")  # nothing valid kept
    hashed.clear()
    blocker = sqlite3.connect(a.db.path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        path = a.export()
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    total = len(hashed)
    hashed.clear()
    assert _declared(_manifest(net, a.export())) == _declared(_manifest(net, path))
    assert len(hashed) == total > 1  # nothing was kept the first time
