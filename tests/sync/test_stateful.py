"""Property-based sync (SYNC.md §2): random edits on three peers through the services, files
delivered in random orders with duplicates and drops, then one full exchange.

Properties checked at the end of every run: identical logs, digests and conflict sets on every
peer; every change ever written is still in every log; every head is visible or offered in a
conflict; the incremental projection equals a full re-projection (and the Python rebuild).
The normal run is small; ``-m slow`` runs many more examples.
"""

from __future__ import annotations

import shutil
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    precondition,
    rule,
    run_state_machine_as_test,
)

from passerelle.domain.errors import NotFound
from passerelle.services import organisations as orgs
from passerelle.services import sync
from passerelle.store.database import Database

from .conftest import (
    MemoryKeyring,
    Network,
    Peer,
    assert_converged,
    assert_no_value_lost,
    exchange,
)

N_PEERS = 3
DAY_MS = 24 * 3600 * 1000
TEXTS = ["007", "", "Œuvre", unicodedata.normalize("NFD", "Éole"), "Éole", "a" * 40, None]
NAMES = ["ACME", "007", "Œuvre", "Les Jardins", unicodedata.normalize("NFD", "Éole")]
FIELDS = ["description", "commune_name", "website", "neighbourhood"]

_template: Path | None = None


def _template_db() -> Path:
    """One empty database per test session; peers are copies (and re-identify)."""
    global _template
    if _template is None or not _template.exists():
        _template = Path(tempfile.mkdtemp(prefix="sync-template-")) / "template.sqlite"
        db = Database(_template)
        sync.on_open(db)
        db.close()
    return _template


class SyncMachine(RuleBasedStateMachine):
    """Three laptops, each with its own database and clock, exchanging files at random."""

    n_peers = N_PEERS

    def __init__(self) -> None:
        super().__init__()
        self.root = Path(tempfile.mkdtemp(prefix="sync-hyp-"))
        self.net = Network(self.root, MemoryKeyring(), _template_db())
        self.peers: list[Peer] = [
            self.net.peer(name, start_ms=1_780_000_000_000 + i * 137)
            for i, name in enumerate("abcd"[:self.n_peers])]
        self.org_ids: list[str] = []
        self.files: list[Path] = []

    @initialize()
    def seed(self) -> None:
        """A shared base on every laptop, so that the random edits start concurrent."""
        first = self.peers[0]
        for name in ("Base", "ACME", "Les Jardins"):
            self.org_ids.append(str(orgs.create_organisation(
                first.db, kind="association", name=name).id))
        base = first.export()
        for peer in self.peers[1:]:
            peer.load(base)

    def _peer(self, i: int) -> Peer:
        return self.peers[i % len(self.peers)]

    def _org(self, i: int) -> str:
        return self.org_ids[i % len(self.org_ids)]

    def _live(self, peer: Peer, org_id: str) -> bool:
        try:
            orgs.get_organisation(peer.db, org_id)
        except NotFound:
            return False
        return True

    @rule(p=st.integers(0, 3), name=st.sampled_from(NAMES))
    def create(self, p: int, name: str) -> None:
        self.org_ids.append(str(orgs.create_organisation(
            self._peer(p).db, kind="association", name=name).id))

    @rule(p=st.integers(0, 3), o=st.integers(0, 50), field=st.sampled_from(FIELDS),
          value=st.sampled_from(TEXTS))
    def edit(self, p: int, o: int, field: str, value: str | None) -> None:
        peer, org_id = self._peer(p), self._org(o)
        if self._live(peer, org_id):
            orgs.update_organisation(peer.db, org_id, **{field: value})

    @rule(p=st.integers(0, 3), o=st.integers(0, 50), name=st.sampled_from(NAMES))
    def rename(self, p: int, o: int, name: str) -> None:
        peer, org_id = self._peer(p), self._org(o)
        if self._live(peer, org_id):
            orgs.update_organisation(peer.db, org_id, name=name)

    @rule(p=st.integers(0, 3), o=st.integers(0, 50))
    def delete(self, p: int, o: int) -> None:
        peer, org_id = self._peer(p), self._org(o)
        if self._live(peer, org_id):
            orgs.delete_organisation(peer.db, org_id)

    @rule(p=st.integers(0, 3), pick=st.integers(0, 20), choice=st.integers(0, 5))
    def settle(self, p: int, pick: int, choice: int) -> None:
        """A person works through the conflict inbox: pick a value, restore, or keep deleted."""
        peer = self._peer(p)
        found = peer.conflicts()
        if not found:
            return
        c = found[pick % len(found)]
        if c.kind == "field":
            value: Any = c.values[choice % len(c.values)].value
            sync.resolve_conflict(peer.db, c.entity, c.row_id, c.field, value)
        elif choice % 2:
            sync.restore_row(peer.db, c.entity, c.row_id)
        else:
            sync.keep_deleted(peer.db, c.entity, c.row_id)

    @rule(p=st.integers(0, 3), minutes=st.integers(-2 * 24 * 60, 60))
    def clock_jump(self, p: int, minutes: int) -> None:
        """Wall clocks wander (two days back, an hour ahead). Far-future clocks are case 10."""
        self._peer(p).clock.now += minutes * 60_000

    @rule(p=st.integers(0, 3))
    def export(self, p: int) -> None:
        self.files.append(self._peer(p).export())

    @precondition(lambda self: bool(self.files))
    @rule(f=st.integers(0, 100), p=st.integers(0, 3))
    def deliver(self, f: int, p: int) -> None:
        """Any file, to anyone, any number of times; files never delivered are drops."""
        self._peer(p).load(self.files[f % len(self.files)])

    def teardown(self) -> None:
        try:
            written: set[tuple[Any, ...]] = set()
            for peer in self.peers:
                written |= peer.log()
            exchange(*self.peers)
            found = self.peers[0].conflicts()
            event(f"conflicts: {min(len(found), 3)}+" if found else "conflicts: none")
            event("delete/edit conflict seen" if any(c.kind == "delete_edit" for c in found)
                  else "no delete/edit conflict")
            assert_converged(*self.peers)
            assert_no_value_lost(written, *self.peers)
        finally:
            self.net.close()
            shutil.rmtree(self.root, ignore_errors=True)


def test_random_edits_and_deliveries_converge() -> None:
    run_state_machine_as_test(SyncMachine, settings=settings(
        max_examples=25, stateful_step_count=20, deadline=None, derandomize=True,
        suppress_health_check=[HealthCheck.too_slow], database=None))


class FourPeers(SyncMachine):
    """Four laptops: more relays, more concurrent branches."""

    n_peers = 4


@pytest.mark.slow
def test_random_edits_and_deliveries_converge_long() -> None:
    run_state_machine_as_test(FourPeers, settings=settings(
        max_examples=200, stateful_step_count=40, deadline=None,
        suppress_health_check=[HealthCheck.too_slow]))
