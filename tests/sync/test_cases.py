"""SYNC.md §2 adversarial cases 1–5 and 10–12 (fixed scenarios), through the services.

Every scenario ends with (a) ``assert_converged`` — same digest, same conflicts, same log on
every peer — and (b) ``assert_no_value_lost`` — every change written is in every log, and every
head is either visible or offered in a conflict.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from passerelle.domain.errors import NotFound
from passerelle.services import organisations as orgs
from passerelle.services import sync
from passerelle.store import backup, sync_merge
from passerelle.store.database import Database
from passerelle.store.models import Organisation, sync_import_log

from .conftest import (
    Network,
    Peer,
    assert_converged,
    assert_no_value_lost,
    assert_projection_consistent,
    exchange,
)

YEAR_MS = 365 * 24 * 3600 * 1000
DAY_MS = 24 * 3600 * 1000


def _written(*peers: Peer) -> set[tuple[Any, ...]]:
    out: set[tuple[Any, ...]] = set()
    for p in peers:
        out |= p.log()
    return out


def _shared_org(a: Peer, *others: Peer, **fields: Any) -> str:
    """An organisation created on ``a`` and delivered to ``others``."""
    org = orgs.create_organisation(a.db, kind="association", name="Les Jardins du Nord",
                                   **fields)
    f = a.export()
    for p in others:
        p.load(f)
    return str(org.id)


# --- 1. Concurrent edits to the same field ----------------------------------------------------

def test_1_concurrent_edits_same_field_conflict_then_resolution_relayed(net: Network) -> None:
    a, b, c = net.peer("a"), net.peer("b", start_ms=1_780_000_000_300), net.peer("c")
    contact = orgs.create_contact(a.db, first_name="Amina", last_name="Benali")
    base = a.export()
    b.load(base)
    c.load(base)
    orgs.update_contact(a.db, contact.id, phone="0320000001")
    orgs.update_contact(b.db, contact.id, phone="0320000002")  # b's clock is ahead
    fa, fb = a.export(), b.export()
    a.load(fb)
    b.load(fa)
    assert orgs.get_contact(a.db, contact.id).phone == "+33320000002"  # greatest HLC wins
    assert orgs.get_contact(b.db, contact.id).phone == "+33320000002"
    for p in (a, b):
        (conflict,) = p.conflicts()
        assert (conflict.entity, conflict.field, conflict.kind) == ("contact", "phone", "field")
        assert [v.value for v in conflict.values] == ["+33320000002", "+33320000001"]
        assert [v.author for v in conflict.values] == ["B", "A"]
        assert conflict.values[0].winner and not conflict.values[1].winner
    assert_converged(a, b)

    c.load(fa)
    c.load(fb)
    assert len(c.conflicts()) == 1
    sync.resolve_conflict(c.db, "contact", contact.id, "phone", "+33320000001")  # the loser
    assert c.conflicts() == []
    fc = c.export()
    a.load(fc)
    b.load(fc)
    for p in (a, b, c):
        assert p.conflicts() == []
        assert orgs.get_contact(p.db, contact.id).phone == "+33320000001"
    written = _written(a, b, c)
    exchange(a, b, c)
    assert_converged(a, b, c)
    assert_no_value_lost(written, a, b, c)


def test_1_a_first_import_projects_the_same_with_or_without_conflicts(net: Network) -> None:
    """Into an empty base, one head per key takes a shorter projection path; a file that
    carries a conflict (two heads) takes the general one. Both equal a rebuild from the log."""
    a, b = net.peer("a"), net.peer("b", start_ms=1_780_000_000_300)
    first = orgs.create_contact(a.db, first_name="Amina", last_name="Benali")
    orgs.create_contact(a.db, first_name="Karim", last_name="Haddad", phone="0320000009")
    base = a.export()
    fresh = net.peer("fresh")
    fresh.load(base)  # one head per key
    assert_projection_consistent(fresh)
    assert fresh.digest() == a.digest()
    b.load(base)
    orgs.update_contact(a.db, first.id, phone="0320000001")
    orgs.update_contact(b.db, first.id, phone="0320000002", last_name="Benali-Roy")
    a.load(b.export())
    later = net.peer("later")
    later.load(a.export())  # two heads on phone
    assert_projection_consistent(later)
    assert later.digest() == a.digest()
    assert len(later.conflicts()) == 1
    assert orgs.get_contact(later.db, first.id).last_name == "Benali-Roy"


def test_1b_same_value_on_both_sides_is_not_a_conflict(net: Network) -> None:
    a, b = net.peer("a"), net.peer("b")
    org_id = _shared_org(a, b)
    orgs.update_organisation(a.db, org_id, website="https://jardins.example")
    orgs.update_organisation(b.db, org_id, website="https://jardins.example")
    exchange(a, b)
    assert a.conflicts() == [] and b.conflicts() == []
    assert_converged(a, b)


# --- 2. Concurrent edits to different fields --------------------------------------------------

def test_2_concurrent_edits_different_fields_merge_without_conflict(net: Network) -> None:
    a, b = net.peer("a"), net.peer("b")
    org_id = _shared_org(a, b)
    orgs.update_organisation(a.db, org_id, phone="0320000001")
    orgs.update_organisation(b.db, org_id, email="contact@jardins.example")
    written = _written(a, b)
    exchange(a, b)
    for p in (a, b):
        dto = orgs.get_organisation(p.db, org_id)
        assert (dto.phone, dto.email) == ("+33320000001", "contact@jardins.example")
        assert p.conflicts() == []
    assert_converged(a, b)
    assert_no_value_lost(written, a, b)


# --- 3. Delete vs concurrent edit -------------------------------------------------------------

def test_3_delete_vs_edit_hides_row_offers_restore_with_the_edit(net: Network) -> None:
    a, b, c = net.peer("a"), net.peer("b"), net.peer("c")
    org_id = _shared_org(a, b, c)
    orgs.delete_organisation(a.db, org_id)
    orgs.update_organisation(b.db, org_id, phone="0320000002")  # b is offline
    written = _written(a, b, c)
    exchange(a, b, c)
    for p in (a, b, c):
        with pytest.raises(NotFound):
            orgs.get_organisation(p.db, org_id)  # delete wins for visibility
        (conflict,) = p.conflicts()
        assert conflict.kind == "delete_edit" and conflict.row_id == org_id
        assert conflict.values[0].field == "_row" and conflict.values[0].value is True
        assert [(v.field, v.value, v.author) for v in conflict.values[1:]] == [
            ("phone", "+33320000002", "B")]
    assert_converged(a, b, c)
    assert_no_value_lost(written, a, b, c)

    sync.restore_row(c.db, "organisation", org_id)  # « Restaurer », on a third laptop
    assert orgs.get_organisation(c.db, org_id).phone == "+33320000002"  # with b's edit
    exchange(a, b, c)
    for p in (a, b, c):
        assert orgs.get_organisation(p.db, org_id).phone == "+33320000002"
        assert p.conflicts() == []
    assert_converged(a, b, c)

    orgs.delete_organisation(b.db, org_id)  # a second delete, having seen every edit
    exchange(a, b, c)
    for p in (a, b, c):
        assert p.conflicts() == []
        with pytest.raises(NotFound):
            orgs.get_organisation(p.db, org_id)
    assert_converged(a, b, c)
    assert_no_value_lost(_written(a, b, c), a, b, c)


def test_3b_keep_deleted_closes_the_conflict(net: Network) -> None:
    a, b = net.peer("a"), net.peer("b")
    org_id = _shared_org(a, b)
    orgs.delete_organisation(a.db, org_id)
    orgs.update_organisation(b.db, org_id, description="Jardin partagé")
    exchange(a, b)
    assert len(a.conflicts()) == 1
    sync.keep_deleted(a.db, "organisation", org_id)
    exchange(a, b)
    assert a.conflicts() == [] and b.conflicts() == []
    assert_converged(a, b)


def test_3c_concurrent_restore_and_delete_stay_hidden_and_surface(net: Network) -> None:
    """Delete wins between `_row` heads too, whatever the clocks (module docstring)."""
    a, b, c = net.peer("a"), net.peer("b", start_ms=1_780_000_000_000 + DAY_MS), net.peer("c")
    org_id = _shared_org(a, b, c)
    orgs.delete_organisation(a.db, org_id)
    b.load(a.export())
    sync.restore_row(b.db, "organisation", org_id)  # b restores, with a clock far ahead…
    orgs.update_organisation(c.db, org_id, name="Jardins du Nord")
    orgs.delete_organisation(c.db, org_id)  # …while c, unaware, deletes it again
    exchange(a, b, c)
    for p in (a, b, c):
        with pytest.raises(NotFound):
            orgs.get_organisation(p.db, org_id)
        (conflict,) = p.conflicts()
        assert conflict.kind == "delete_edit"
        assert ("_row", False) in [(v.field, v.value) for v in conflict.values[1:]]
    assert_converged(a, b, c)
    assert_no_value_lost(_written(a, b, c), a, b, c)


def test_3d_edit_and_delete_in_one_flush_is_no_conflict(net: Network) -> None:
    """A device always knows its own earlier changes (module docstring of sync_merge)."""
    a, b = net.peer("a"), net.peer("b")
    org_id = _shared_org(a, b)
    with a.db.write() as s:
        org = s.get(Organisation, org_id)
        org.description = "dernière note"
        org.deleted = True
    exchange(a, b)
    assert a.conflicts() == [] and b.conflicts() == []
    assert_converged(a, b)


# --- 4. Same file twice, older after newer ----------------------------------------------------

def test_4_reimport_and_older_after_newer_change_nothing(net: Network) -> None:
    a, b = net.peer("a"), net.peer("b")
    org_id = _shared_org(a, b)
    older = a.export()
    orgs.update_organisation(a.db, org_id, phone="0320000001")
    newer = a.export()
    first = b.load(newer)
    assert first.new_changes == 1 and not first.already_imported
    digest, hlc, log = b.digest(), b.hlc(), b.log()
    again = b.load(newer)
    assert again.already_imported and again.new_changes == 0
    stale = b.load(older)  # a different file, but nothing new in it
    assert stale.new_changes == 0
    assert (b.digest(), b.hlc(), b.log()) == (digest, hlc, log)
    with b.db.read() as s:
        logged = s.execute(select(sync_import_log.c.export_id, sync_import_log.c.n_new)).all()
    assert {r.export_id: r.n_new for r in logged}[first.export_id] == 1
    assert len(logged) == 3  # base, newer, older: the repeat is recognised, not logged twice
    assert_converged(a, b)


# --- 5. Import order independence ---------------------------------------------------------------

def _order_scenario(net: Network) -> tuple[list[Peer], list[Path]]:
    """Three laptops edit one base concurrently; a fourth relays one of them after editing."""
    a = net.peer("a")
    b = net.peer("b", start_ms=1_780_000_000_100)
    c = net.peer("c", start_ms=1_780_000_000_200)
    relay = net.peer("relay")
    org_id = _shared_org(a, b, c)
    other = str(orgs.create_organisation(b.db, kind="entreprise", name="Imprimerie").id)
    c.load(b.export())
    orgs.update_organisation(a.db, org_id, phone="0320000001", description="vue par A")
    orgs.update_organisation(b.db, org_id, phone="0320000002")
    orgs.update_organisation(c.db, org_id, phone="0320000003", email="c@jardins.example")
    orgs.delete_organisation(c.db, other)
    orgs.update_organisation(b.db, other, website="https://imprimerie.example")
    fa, fb, fc = a.export(), b.export(), c.export()
    relay.load(fa)
    orgs.update_organisation(relay.db, org_id, name="Jardins du Nord (relais)")
    return [a, b, c, relay], [fa, fb, fc, relay.export()]


def _outcomes(net: Network, files: list[Path], orders: Iterable[tuple[Path, ...]],
              template: Path) -> set[tuple[str, str]]:
    outcomes = set()
    for i, order in enumerate(orders):
        path = net.root / f"r{i}.sqlite"
        shutil.copy(template, path)
        db = Database(path)
        sync.on_open(db)
        with db.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE sync_state SET group_id = ?", (net.group_id,))
        receiver = Peer(f"r{i}", db, net.peers[0].clock, net.secrets, net.root / "outbox")
        for f in order:
            receiver.load(f)
        outcomes.add((receiver.digest(), repr(sorted(
            (cf.entity, cf.row_id, cf.field, cf.kind, tuple((v.raw, v.hlc) for v in cf.values))
            for cf in receiver.conflicts()))))
        if i == 0:
            assert_projection_consistent(receiver)
        db.close()
    return outcomes


def test_5_import_orders_relays_and_duplicates_give_one_outcome(
        net: Network, empty_template: Path) -> None:
    peers, (fa, fb, fc, fr) = _order_scenario(net)
    orders = [(*p, fr, p[0]) for p in itertools.permutations([fa, fb, fc])]  # + relay, dup
    orders += [(fr, fc, fr, fb, fa)]
    assert len(_outcomes(net, [fa, fb, fc, fr], orders, empty_template)) == 1
    written = _written(*peers)
    exchange(*peers)
    assert_converged(*peers)
    assert_no_value_lost(written, *peers)


@pytest.mark.slow
def test_5_every_permutation_of_four_files_gives_one_outcome(
        net: Network, empty_template: Path) -> None:
    _peers, files = _order_scenario(net)
    orders = [(*p, p[0], p[2]) for p in itertools.permutations(files)]
    assert len(_outcomes(net, files, orders, empty_template)) == 1


# --- 10. Clock skew ------------------------------------------------------------------------------

def _skew_scenario(net: Network) -> tuple[Peer, Peer, Peer]:
    a = net.peer("a")
    ahead = net.peer("ahead", start_ms=1_780_000_000_000 + 10 * YEAR_MS)
    behind = net.peer("behind", start_ms=1_780_000_000_000 - 2 * DAY_MS)
    org_id = _shared_org(a, ahead, behind)
    orgs.update_organisation(ahead.db, org_id, phone="0320000010")  # stamped 10 years ahead
    orgs.update_organisation(behind.db, org_id, email="retard@jardins.example")
    hlc_before = a.hlc()
    report = a.load(ahead.export())
    assert any("futur" in w for w in report.warnings)
    assert a.hlc() == hlc_before  # no ratchet towards 2036
    assert orgs.get_organisation(a.db, org_id).phone == "+33320000010"
    a.load(behind.export())  # two days late: imported, no warning needed
    orgs.update_organisation(a.db, org_id, phone="0320000011")  # made after seeing it
    assert orgs.get_organisation(a.db, org_id).phone == "+33320000011"  # leaf wins, not HLC
    assert a.hlc() < (1_780_000_000_000 + YEAR_MS) << 16  # our clock stayed sane
    written = _written(a, ahead, behind)
    exchange(a, ahead, behind)
    for p in (a, ahead, behind):
        assert orgs.get_organisation(p.db, org_id).phone == "+33320000011"
        assert p.conflicts() == []
        assert p.log() == a.log()
    assert_no_value_lost(written, a, ahead, behind)
    return a, ahead, behind


def test_10_clock_far_ahead_warns_no_ratchet_and_causal_child_wins(net: Network) -> None:
    _skew_scenario(net)


def test_10_skewed_peer_digests_converge(net: Network) -> None:
    """Needs changelog to stamp changed_hlc = max(previous, new): our un-ratcheted HLC can be
    below a skewed peer's change on the same row."""
    peers = _skew_scenario(net)
    assert_converged(*peers)


def test_10b_local_clock_stepping_back_keeps_hlc_monotonic_and_no_time_bomb(
        net: Network) -> None:
    a, b = net.peer("a"), net.peer("b")
    org_id = _shared_org(a, b)
    orgs.update_organisation(a.db, org_id, phone="0320000001")
    a.clock.now -= 2 * DAY_MS  # the laptop clock is set back two days
    orgs.update_organisation(a.db, org_id, phone="0320000002")
    b.load(a.export())
    b.clock.now += 3 * DAY_MS
    orgs.update_organisation(b.db, org_id, phone="0320000003")  # later edit, seen everything
    exchange(a, b)
    with a.db.engine.connect() as conn:
        hlcs = [h for (h,) in conn.exec_driver_sql(
            "SELECT hlc FROM sync_change WHERE device_id = ? ORDER BY seq", (a.db.device_id,))]
    assert hlcs == sorted(hlcs) and len(set(hlcs)) == len(hlcs)
    assert orgs.get_organisation(a.db, org_id).phone == "+33320000003"
    assert_converged(a, b)


# --- 11. Mass delete, empty peer, crashes -------------------------------------------------------

def _many_orgs(peer: Peer, n: int) -> list[str]:
    return [str(orgs.create_organisation(peer.db, kind="association", name=f"Asso {i}").id)
            for i in range(n)]


def test_11_empty_peer_export_deletes_nothing(net: Network) -> None:
    a = net.peer("a")
    _many_orgs(a, 5)
    fresh = net.peer("fresh")
    digest = a.digest()
    report = a.load(fresh.export(), confirm_mass_delete=False)
    assert report.new_changes == 0 and report.hidden_rows == 0
    assert a.digest() == digest


def test_11_mass_delete_needs_confirmation(net: Network) -> None:
    a, b = net.peer("a"), net.peer("b")
    ids = _many_orgs(a, 20)
    b.load(a.export())
    for org_id in ids[:15]:
        orgs.delete_organisation(b.db, org_id)
    f = b.export()
    digest = a.digest()
    with pytest.raises(sync.MassDeleteRefused) as exc:
        sync.import_file(a.db, f, secrets=a.secrets)
    assert (exc.value.hidden, exc.value.live) == (15, 20)
    assert "15 des 20" in exc.value.message
    assert a.digest() == digest and f.exists()  # untouched, not quarantined
    report = sync.import_file(a.db, f, secrets=a.secrets, confirm_mass_delete=True)
    assert report.hidden_rows == 15
    assert_converged(a, b)


def test_11_exception_mid_import_leaves_database_unchanged_and_rerun_works(
        net: Network, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = net.peer("a"), net.peer("b")
    _many_orgs(a, 3)
    f = a.export()
    digest, log = b.digest(), b.log()
    real = sync_merge.project_touched

    def crash(*args: Any, **kwargs: Any) -> None:
        real(*args, **kwargs)  # rows were written, then the process fails
        raise RuntimeError("injected crash")

    monkeypatch.setattr(sync_merge, "project_touched", crash)
    with pytest.raises(RuntimeError):
        b.load(f)
    assert (b.digest(), b.log()) == (digest, log)
    assert f.exists()  # a crash is not the file's fault: it stays for the re-run
    monkeypatch.setattr(sync_merge, "project_touched", real)
    assert b.load(f).new_changes > 0
    assert_converged(a, b)


def test_11_process_killed_mid_import_leaves_database_unchanged(net: Network) -> None:
    a, b = net.peer("a"), net.peer("b")
    _many_orgs(a, 3)
    f = a.export()
    digest = b.digest()
    b.db.engine.dispose()
    script = textwrap.dedent(f"""
        import os, keyring
        from tests.sync.conftest import MemoryKeyring
        from passerelle.infra.secrets import SecretStore
        from passerelle.services import sync
        from passerelle.store import sync_merge
        from passerelle.store.database import Database
        backend = MemoryKeyring()
        backend.store = {dict(a.secrets.backend.store)!r}  # type: ignore[attr-defined]
        def killed(*args, **kwargs):
            os._exit(9)  # no rollback, no cleanup: like kill -9 after the rows were written
        real = sync_merge.reindex_touched
        sync_merge.reindex_touched = killed
        db = Database({str(b.db.path)!r})
        sync.import_file(db, {str(f)!r}, secrets=SecretStore(backend))
    """)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(Path(__file__).resolve().parents[2]), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                          timeout=120, check=False)
    assert proc.returncode == 9, proc.stderr.decode()
    assert b.digest() == digest
    with b.db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    assert b.load(f).new_changes > 0
    assert_converged(a, b)


# --- 12. Identity and duplicates ----------------------------------------------------------------

def test_12_copied_database_file_gets_a_new_device_id(net: Network, tmp_path: Path) -> None:
    a, b = net.peer("a"), net.peer("b")
    org_id = _shared_org(a, b)
    a.db.engine.dispose()
    copy_path = tmp_path / "copie" / "a.sqlite"
    copy_path.parent.mkdir()
    shutil.copy(a.db.path, copy_path)
    twin = Database(copy_path, author="Twin", clock_ms=a.clock)
    sync.ensure_device_identity(twin)  # (or already at open, if Database does it)
    assert twin.device_id != a.db.device_id  # the copy got its own identity
    assert not sync.ensure_device_identity(a.db)  # the original keeps its id
    clone = Peer("twin", twin, a.clock, a.secrets, a.outbox)
    orgs.update_organisation(a.db, org_id, phone="0320000001")
    orgs.update_organisation(clone.db, org_id, phone="0320000002")
    written = _written(a, b, clone)
    exchange(a, b, clone)
    assert len(a.conflicts()) == 1
    assert_converged(a, b, clone)
    assert_no_value_lost(written, a, b, clone)
    twin.close()


def test_12_restored_backup_is_detected_by_the_export_watermark(net: Network,
                                                                tmp_path: Path) -> None:
    a, b = net.peer("a"), net.peer("b")
    org_id = _shared_org(a, b)
    old = backup.backup_database(a.db.path, tmp_path / "old.sqlite")
    orgs.update_organisation(a.db, org_id, phone="0320000001")
    b.load(a.export())  # these changes left the laptop
    a.db.engine.dispose()
    backup.restore_database(old, a.db.path)  # same file, same inode: only the seq tells
    old_id = a.db.device_id
    assert sync.ensure_device_identity(a.db)
    assert a.db.device_id != old_id
    orgs.update_organisation(a.db, org_id, email="apres@restauration.example")
    written = _written(a, b)
    exchange(a, b)  # a gets its own lost edit back from b; no collision
    assert orgs.get_organisation(a.db, org_id).phone == "+33320000001"
    assert_converged(a, b)
    assert_no_value_lost(written, a, b)


def test_12_undetected_clone_collision_is_refused_and_overwrites_nothing(
        net: Network, tmp_path: Path) -> None:
    """A copy that writes before any sync call reuses (device_id, seq): the import refuses."""
    a, b = net.peer("a"), net.peer("b")
    org_id = _shared_org(a, b)
    a.db.engine.dispose()
    copy_path = tmp_path / "clone" / "a.sqlite"
    copy_path.parent.mkdir()
    shutil.copy(a.db.path, copy_path)
    twin = Database(copy_path, author="Twin", clock_ms=a.clock)
    with twin.engine.begin() as conn:  # a clone that slipped through every check
        conn.exec_driver_sql("UPDATE sync_state SET device_id = ?, seq = "
                             "(SELECT MAX(seq) FROM sync_change WHERE device_id = ?)",
                             (a.db.device_id, a.db.device_id))
        conn.exec_driver_sql("DELETE FROM app_setting WHERE key = 'sync.instance'")
    twin.device_id = a.db.device_id
    orgs.update_organisation(a.db, org_id, phone="0320000001")
    orgs.update_organisation(twin, org_id, phone="0320000002")  # same device, same seq
    b.load(a.export())
    clone = Peer("twin", twin, a.clock, a.secrets, a.outbox)
    forked = clone.export()  # its edit carries a's id: the fork is in the file
    digest, log = b.digest(), b.log()
    with pytest.raises(sync_merge.CloneDetected) as exc:
        b.load(forked)
    assert exc.value.devices == (a.db.device_id,)
    assert (b.digest(), b.log()) == (digest, log)  # nothing overwritten
    assert Path(exc.value.params["quarantine"]).exists()
    a_id = a.db.device_id
    with pytest.raises(sync_merge.CloneDetected):
        a.load(Path(exc.value.params["quarantine"]))
    assert a.db.device_id != a_id  # the forked id is retired here too
    twin.close()


def test_12_independent_duplicates_are_kept_flagged_and_cross_merges_converge(
        net: Network) -> None:
    a, b = net.peer("a"), net.peer("b")
    acme_a = str(orgs.create_organisation(a.db, kind="entreprise", name="ACME Ltd",
                                          siren="732829320").id)
    acme_b = str(orgs.create_organisation(b.db, kind="entreprise", name="Acme Ltd",
                                          siren="732829320").id)
    exchange(a, b)
    for p in (a, b):
        groups = sync.duplicate_organisations(p.db)
        assert [(g.reason, g.ids) for g in groups] == [
            ("name", tuple(sorted((acme_a, acme_b)))), ("siren", tuple(sorted((acme_a, acme_b))))]
    with a.db.write() as s:  # "merge A into B" on a, "merge B into A" on b, concurrently
        s.get(Organisation, acme_a).merged_into = s.get(Organisation, acme_b).id
    with b.db.write() as s:
        s.get(Organisation, acme_b).merged_into = s.get(Organisation, acme_a).id
    written = _written(a, b)
    exchange(a, b)
    assert_converged(a, b)
    assert_no_value_lost(written, a, b)
    with a.db.read() as s:
        pointers = dict(s.execute(select(Organisation.id, Organisation.merged_into)).all())
    assert {str(k): str(v) for k, v in pointers.items()} == {acme_a: acme_b, acme_b: acme_a}
