"""Join rendered .docx documents into one, each starting on a new page (mail merge).

docxcompose rather than copying paragraphs with python-docx: a letter carries relationships
(the structure's logo, hyperlinks), styles and list numbering; docxcompose re-creates the image
parts and relationships in the target, maps styles and restarts numbered lists, which a
paragraph copy gets wrong (broken images, numbering continuing from one letter to the next).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

import docx
from docxcompose.composer import Composer

from passerelle.infra.docx_render import restore_docx_namespaces

# docxcompose rebinds python-docx's global « cp » prefix at import (see the function).
restore_docx_namespaces()

__all__ = ["combine"]


def combine(parts: Sequence[bytes], before_each: Callable[[], None] | None = None,
            after_each: Callable[[], None] | None = None) -> bytes:
    """The documents of ``parts`` (bytes of .docx files) as one, with a page break between.

    ``before_each`` runs before each document is added (a cancel check raises there);
    ``after_each`` after it (progress). The first document's sections (page setup, header and
    footer) apply to the whole result: the parts are expected to come from one template.
    """
    if not parts:
        raise ValueError("nothing to combine")
    if before_each is not None:
        before_each()
    master = docx.Document(io.BytesIO(parts[0]))
    composer = Composer(master)
    if after_each is not None:
        after_each()
    for data in parts[1:]:
        if before_each is not None:
            before_each()
        master.add_page_break()
        composer.append(docx.Document(io.BytesIO(data)))
        if after_each is not None:
            after_each()
    out = io.BytesIO()
    composer.save(out)
    return out.getvalue()
