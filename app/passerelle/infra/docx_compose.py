"""Join rendered .docx documents into one, each starting on a new page (mail merge).

A plain paragraph copy with python-docx gets letters wrong: the logo's image relationship
breaks, drawing and bookmark ids collide (Word then reports unreadable content) and numbered
lists continue from one letter to the next. Two ways, both correct:

- **Fast path** (every letter of a mail merge comes from the *same* template, so styles,
  numbering definitions and sections are identical): copy each letter's body after a page
  break, re-create its image and hyperlink relationships in the first document (an image already
  there, the logo, is shared), renumber drawing and bookmark ids, and give each letter's
  numbered lists their own numbering restarting at 1. About 10 ms per letter.
- **docxcompose** (4teamwork, maintained) when a letter holds anything else (footnotes, charts,
  SmartArt, embedded objects): it merges styles and parts generally, but at ~100 ms per letter
  and a cost growing with the document (each append scans it whole).

In both, the first letter's page setup, header and footer apply to every page; when a template
prints per-recipient data there (« Dossier {{ dossier.reference }} »), joining would show the
first recipient's values on every page, so it is refused with a clear message.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Callable, Iterator, Sequence

import docx
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docxcompose.composer import Composer
from lxml import etree  # type: ignore[import-untyped]

from passerelle.domain.errors import ValidationError
from passerelle.infra.docx_render import restore_docx_namespaces

# docxcompose rebinds python-docx's global « cp » prefix at import (see the function).
restore_docx_namespaces()

__all__ = ["combine"]

_REL_ATTRS = (qn("r:embed"), qn("r:id"), qn("r:link"))


class _Unsupported(Exception):  # noqa: N818 - internal signal: use docxcompose instead
    """A letter holds a part the fast path does not copy."""


class _FastJoiner:
    """Appends same-template documents to the first one (see the module docstring)."""

    def __init__(self, master: Document) -> None:
        self.master = master
        self.body = master.element.body
        self.sect_pr = self.body.find(qn("w:sectPr"))
        self.next_docpr = 1 + max((int(e.get("id", "0")) for e in
                                   self.body.iter(qn("wp:docPr"))), default=0)
        self.next_bookmark = 1 + max((int(e.get(qn("w:id"), "0")) for e in
                                      self.body.iter(qn("w:bookmarkStart"))), default=0)
        numbering = master.part.numbering_part.element if _has_numbering(master) else None
        self.numbering = numbering
        self.restart_first = True  # the first letter keeps its own numbering

    def check(self, document: Document) -> None:
        """Raise :class:`_Unsupported` if ``document``'s body refers to other parts."""
        for element in _content(document):
            for attr in _REL_ATTRS:
                rid = element.get(attr)
                if rid is None:
                    continue
                rel = document.part.rels.get(rid)
                if rel is None or not (rel.is_external or rel.reltype == RT.IMAGE):
                    raise _Unsupported(rid)
            if element.tag in (qn("w:footnoteReference"), qn("w:endnoteReference"),
                               qn("w:commentReference")):
                raise _Unsupported(element.tag)

    def append(self, document: Document) -> None:
        self.master.add_page_break()  # type: ignore[no-untyped-call]
        numbers: dict[str, str] = {}
        bookmarks: dict[str, str] = {}
        for child in document.element.body.iterchildren():
            if child.tag == qn("w:sectPr"):
                continue
            element = copy.deepcopy(child)
            self._relink(document, element)
            self._renumber(element, numbers, bookmarks)
            self.sect_pr.addprevious(element)

    def _relink(self, document: Document, element: etree._Element) -> None:
        for node in element.iter():
            for attr in _REL_ATTRS:
                rid = node.get(attr)
                if rid is None:
                    continue
                rel = document.part.rels[rid]
                if rel.is_external:
                    new = self.master.part.relate_to(rel.target_ref, rel.reltype,
                                                     is_external=True)
                else:
                    new, _image = self.master.part.get_or_add_image(
                        io.BytesIO(rel.target_part.blob))
                node.set(attr, new)

    def _renumber(self, element: etree._Element, numbers: dict[str, str],
                  bookmarks: dict[str, str]) -> None:
        for docpr in element.iter(qn("wp:docPr")):
            docpr.set("id", str(self.next_docpr))
            self.next_docpr += 1
        for tag in (qn("w:bookmarkStart"), qn("w:bookmarkEnd")):
            for mark in element.iter(tag):
                old = mark.get(qn("w:id"))
                if old not in bookmarks:
                    bookmarks[old] = str(self.next_bookmark)
                    self.next_bookmark += 1
                mark.set(qn("w:id"), bookmarks[old])
        if self.numbering is None:
            return
        for num_id in element.iter(qn("w:numId")):
            old = num_id.get(qn("w:val"))
            if old in (None, "0"):
                continue
            if old not in numbers:
                numbers[old] = self._restarted(old)
            num_id.set(qn("w:val"), numbers[old])

    def _restarted(self, num_id: str) -> str:
        """A new list numbering sharing ``num_id``'s definition, restarting at 1."""
        assert self.numbering is not None
        num = next((n for n in self.numbering.iter(qn("w:num"))
                    if n.get(qn("w:numId")) == num_id), None)
        if num is None:
            return num_id
        abstract = num.find(qn("w:abstractNumId")).get(qn("w:val"))
        new = self.numbering.add_num(int(abstract))
        new.add_lvlOverride(ilvl=0).add_startOverride(1)
        return str(new.numId)


def _content(document: Document) -> Iterator[etree._Element]:
    """Every element of the body but its final section properties (headers stay the first's)."""
    for child in document.element.body.iterchildren():
        if child.tag != qn("w:sectPr"):
            yield from child.iter()


def _has_numbering(document: Document) -> bool:
    try:
        document.part.numbering_part  # noqa: B018 - raises when there is none
    except NotImplementedError:
        return False
    return True


def _headers_footers(document: Document) -> list[bytes]:
    out: list[bytes] = []
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header,
                     section.first_page_footer, section.even_page_header,
                     section.even_page_footer):
            if not part.is_linked_to_previous:
                out.append(etree.tostring(part._element))
    return out


def _join(documents: Sequence[Document], before_each: Callable[[], None] | None) -> Document:
    master = documents[0]
    joiner = _FastJoiner(master)
    try:
        for document in documents[1:]:
            joiner.check(document)
    except _Unsupported:
        return _join_with_docxcompose(documents, before_each)
    for document in documents[1:]:
        if before_each is not None:
            before_each()
        joiner.append(document)
    return master


def _join_with_docxcompose(documents: Sequence[Document],
                           before_each: Callable[[], None] | None) -> Document:
    master = documents[0]
    composer = Composer(master)
    for document in documents[1:]:
        if before_each is not None:
            before_each()
        master.add_page_break()  # type: ignore[no-untyped-call]
        composer.append(document)
    return master


def combine(parts: Sequence[bytes], before_each: Callable[[], None] | None = None,
            after_each: Callable[[], None] | None = None) -> bytes:
    """The documents of ``parts`` (bytes of .docx files) as one, with a page break between.

    ``before_each`` runs before each document is handled (a cancel check raises there);
    ``after_each`` after each one is read (progress). The parts are expected to come from one
    template: the first one's page setup, header and footer apply to the whole result.

    Raises:
        ValidationError: ``mail_merge_header_varies`` when headers or footers differ between
            parts (they show per-recipient data).
    """
    if not parts:
        raise ValueError("nothing to combine")
    documents: list[Document] = []
    reference: list[bytes] | None = None
    for data in parts:
        if before_each is not None:
            before_each()
        document = docx.Document(io.BytesIO(data))
        signature = _headers_footers(document)
        if reference is None:
            reference = signature
        elif signature != reference:
            raise ValidationError(
                "mail_merge_header_varies",
                "L'en-tête ou le pied de page de ce modèle change d'un destinataire à l'autre "
                "(par exemple la référence du dossier) : réunies dans un seul document, toutes "
                "les lettres montreraient celui de la première. Choisissez « un fichier par "
                "destinataire ».", field="combined")
        documents.append(document)
        if after_each is not None:
            after_each()
    result = _join(documents, before_each)
    out = io.BytesIO()
    result.save(out)
    return out.getvalue()
