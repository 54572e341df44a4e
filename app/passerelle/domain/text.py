"""Text folding for search: accent-, case- and ligature-insensitive (« oeuvre » finds « Œuvre »).

SQLite's unicode61 tokenizer removes diacritics but treats « œ » as one letter, so the index and
the queries are both folded here, by the same function.
"""

from __future__ import annotations

import unicodedata

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae", "ß": "ss", "’": "'"})


def expand_ligatures(text: str | None) -> str:
    """Ligatures spelled out (« Œuvre » → « Oeuvre »), case and accents kept.

    This is what the index stores: the tokenizer already ignores case and diacritics, and the
    snippets shown to the user keep their accents.
    """
    return text.translate(_LIGATURES) if text else ""


def fold(text: str | None) -> str:
    """Lower-case, ligatures expanded, diacritics removed."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
