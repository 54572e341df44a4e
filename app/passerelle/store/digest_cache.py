"""Digests of complete blocks of the change log, kept so that an export hashes only what is new.

A full export hashes every digest block of the log (``sync_file``; 0.75 s of CPU at 600,000
changes, half of the export), yet the log only grows: once a block is complete, its digest
stays the same until the erasure of a person rewrites a value. The digests of complete blocks
are therefore kept in ``sync_digest_block`` and reused — but only when nothing could have
changed them, checked on every use instead of trusting each writer to invalidate them:

* **Inserted changes.** A block starts at every DIGEST_BLOCK-th change of a device in hlc
  order, found by walking the key. A change inserted inside a kept block's hlc range moves the
  start of the next block, so the block's bounds (``lo_hlc``, ``hi_hlc``) no longer match;
  with the same bounds the block holds the same number of changes, and since changes are only
  ever added, the same changes.
* **Added parent links** are keyed by their child change; a link added to an old change
  changes the block's number of links (``n_parents``), counted on use.
* **Rewrites and removals** (UPDATE or DELETE of a change or link) fire triggers that bump
  ``sync_state.digest_epoch`` (migration 0004); a digest kept under another epoch is ignored.

Bounds, counts and the epoch are all read in the export's own snapshot and stored with the
digests, so a rewrite committed between the hashing and the storing makes them stale on
arrival rather than wrong. Only complete blocks are kept: the last block of each device is
open-ended and grows with every edit.

Who hashes a block: the commit that completes it (a local write crossing a multiple of
DIGEST_BLOCK changes, or an import; :func:`complete`, inside that write transaction), else
the next export that finds it missing (:func:`keep`). At 600k changes an export then costs
0.6–1.3 s instead of 1.3–2.6 s; the cost moved is ≈ 20 ms per 16,384 changes written.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from passerelle.store import cipher

log = logging.getLogger(__name__)

TABLE = "main.sync_digest_block"
#: How long storing the digests may wait for another writer: they are an optimisation, an
#: export never waits long (or fails) for them.
KEEP_TIMEOUT_MS = 250


def epoch(raw: Any) -> int:
    """The log's rewrite counter, as the current transaction sees it."""
    row = raw.execute("SELECT digest_epoch FROM main.sync_state WHERE id = 1").fetchone()
    return int(row[0]) if row else 0


def parent_counts(raw: Any, parents: str, blocks: Sequence[Any]) -> list[int]:
    """Parent links per block (``blocks``: ``sync_file.Block``), by range counts on the key."""
    sql = f"SELECT COUNT(*) FROM {parents} WHERE device_id = ? AND hlc BETWEEN ? AND ?"
    return [int(raw.execute(sql, (b.device_id, b.lo, b.hi)).fetchone()[0]) for b in blocks]


def _complete(blocks: Sequence[Any], i: int) -> bool:
    """A block followed by another of the same device holds exactly DIGEST_BLOCK changes."""
    return i + 1 < len(blocks) and blocks[i + 1].device_id == blocks[i].device_id


def known(raw: Any, blocks: Sequence[Any], n_parents: Sequence[int], current_epoch: int
          ) -> dict[int, str]:
    """Kept digests still valid for ``blocks`` (from ``sync_file.blocks_of``, in order), by
    block index."""
    kept = {(dev, start): (lo, hi, parents, digest)
            for dev, start, lo, hi, parents, digest in raw.execute(
                f"SELECT device_id, block_start, lo_hlc, hi_hlc, n_parents, digest "
                f"FROM {TABLE} WHERE epoch = ?", (current_epoch,))}
    out: dict[int, str] = {}
    for i, block in enumerate(blocks):
        entry = kept.get((block.device_id, block.start))
        if (entry is not None and _complete(blocks, i)
                and entry[:3] == (block.lo, block.hi, n_parents[i])):
            out[i] = str(entry[3])
    return out


def keep(raw: Any, blocks: Sequence[Any], n_parents: Sequence[int],
         digests: Mapping[int, str], snapshot_epoch: int) -> int:
    """Store the digests of the complete blocks among ``digests`` (by block index), hashed in
    a snapshot whose epoch was ``snapshot_epoch``; ``raw`` must have no transaction open.

    Returns how many were stored. Never raises for the database being busy or read-only: the
    next export then hashes those blocks again.
    """
    if not any(_complete(blocks, i) for i in digests):
        return 0  # only open blocks were hashed: no write transaction at all
    try:
        previous = int(raw.execute("PRAGMA busy_timeout").fetchone()[0])
        raw.execute(f"PRAGMA busy_timeout = {KEEP_TIMEOUT_MS}")
        try:
            raw.execute("BEGIN IMMEDIATE")
            try:
                stored = _store(raw, blocks, n_parents, digests, snapshot_epoch)
                raw.execute("COMMIT")
            except BaseException:
                raw.execute("ROLLBACK")
                raise
        finally:
            raw.execute(f"PRAGMA busy_timeout = {previous}")
    except cipher.SQLITE_ERRORS as exc:
        log.info("block digests not kept (%s): the next export hashes them again", exc)
        return 0
    return stored


def _store(raw: Any, blocks: Sequence[Any], n_parents: Sequence[int],
           digests: Mapping[int, str], snapshot_epoch: int) -> int:
    rows = [(b.device_id, b.start, b.lo, b.hi, n_parents[i], digests[i], snapshot_epoch)
            for i, b in enumerate(blocks) if i in digests and _complete(blocks, i)]
    raw.execute(f"DELETE FROM {TABLE} WHERE epoch <> ?", (snapshot_epoch,))
    raw.executemany(
        f"INSERT OR REPLACE INTO {TABLE} (device_id, block_start, lo_hlc, hi_hlc, n_parents, "
        f"digest, epoch) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    return len(rows)


def completes_a_block(first_seq: int, last_seq: int, block: int) -> bool:
    """Did writing a device's changes ``first_seq``..``last_seq`` (its seqs count its
    changes) start a new block, completing the one before it?"""
    return (last_seq - 1) // block > max(first_seq - 2, 0) // block


def complete(raw: Any, devices: Iterable[str] | None, *,
             reuse: Mapping[tuple[str, int, int], str] | None = None) -> int:
    """Hash and keep the complete blocks of ``devices`` (None: all) that have no valid kept
    digest, inside
    the caller's write transaction (which also rules out any race).

    Called by the commits that complete a block — a local write that crosses a multiple of
    DIGEST_BLOCK changes (≈ 20 ms once per 16,384 changes), an import that brings changes —
    so that each block is hashed once in its life rather than by every export. ``reuse``:
    digests of (device, lo, hi) ranges whose changes and parents the caller knows to be
    exactly the log's (a first import's verified blocks), taken instead of hashing again.
    """
    from passerelle.store import sync_file  # the block layout lives there (imports this)

    blocks = sync_file.blocks_of(raw, "main", changes="sync_change", devices=devices)
    if len(blocks) < 2:
        return 0
    current = epoch(raw)
    n_parents = parent_counts(raw, "main.sync_change_parent", blocks)
    kept = known(raw, blocks, n_parents, current)
    reuse = reuse or {}
    fresh = {i: reuse.get((block.device_id, block.lo, block.hi))
             or sync_file.block_digest(raw, "main", block, changes="sync_change",
                                       parents="sync_change_parent")
             for i, block in enumerate(blocks) if i not in kept and _complete(blocks, i)}
    return _store(raw, blocks, n_parents, fresh, current) if fresh else 0
