"""Three-way line merge of concurrent note revisions (SYNC.md "Append-only records").

Two facilitators edited the same meeting notes offline. Long text is never settled by
last-writer-wins: both revisions are shown side by side, and when their edits touch different
lines of the common ancestor, the merge of both is offered (Joplin's approach). Overlapping
edits are a real conflict: :func:`merge3` returns None and a person writes the merged text.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher


@dataclass(frozen=True, slots=True)
class _Edit:
    """Base lines ``[start, end)`` replaced by ``lines`` (an insertion when start == end)."""

    start: int
    end: int
    lines: tuple[str, ...]


def _edits(base: list[str], other: list[str]) -> list[_Edit]:
    matcher = SequenceMatcher(None, base, other, autojunk=False)
    return [_Edit(i1, i2, tuple(other[j1:j2]))
            for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def _clash(a: _Edit, b: _Edit) -> bool:
    """Edits clash when they touch a common base line, or insert at the same place."""
    if a.start == a.end or b.start == b.end:  # an insertion sits between two base lines
        return a.start <= b.end and b.start <= a.end
    return a.start < b.end and b.start < a.end


def merge3(base: str, ours: str, theirs: str) -> str | None:
    """``ours`` and ``theirs`` merged against ``base``, or None when their edits overlap."""
    if ours == theirs:
        return ours
    if ours == base:
        return theirs
    if theirs == base:
        return ours
    base_lines = base.splitlines(keepends=True)
    a_edits = _edits(base_lines, ours.splitlines(keepends=True))
    b_edits = _edits(base_lines, theirs.splitlines(keepends=True))
    edits: list[_Edit] = []
    for a in a_edits:
        for b in b_edits:
            if _clash(a, b):
                if a == b:  # the same edit made twice agrees with itself
                    continue
                return None
    seen: set[_Edit] = set()
    for edit in [*a_edits, *b_edits]:
        if edit not in seen:
            seen.add(edit)
            edits.append(edit)
    edits.sort(key=lambda e: (e.start, e.end))
    out: list[str] = []
    cursor = 0
    for edit in edits:
        out.extend(base_lines[cursor:edit.start])
        out.extend(edit.lines)
        cursor = max(cursor, edit.end)
    out.extend(base_lines[cursor:])
    return "".join(out)


@dataclass(frozen=True, slots=True)
class DiffLine:
    """One line of a revision, and whether it differs from the text it is compared with."""

    text: str
    changed: bool


def marked_lines(reference: str, text: str) -> list[DiffLine]:
    """The lines of ``text``, marked when absent from ``reference`` (for side-by-side views)."""
    ref_lines = reference.splitlines()
    lines = text.splitlines()
    changed = [True] * len(lines)
    matcher = SequenceMatcher(None, ref_lines, lines, autojunk=False)
    for tag, _i1, _i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for j in range(j1, j2):
                changed[j] = False
    return [DiffLine(line, flag) for line, flag in zip(lines, changed, strict=True)]
