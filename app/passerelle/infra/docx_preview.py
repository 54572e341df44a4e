"""A rendered .docx as simple HTML, to preview a template inside the app.

Not a layout engine: the preview shows what a facilitator checks — the text with its values,
titles, bold and italic, alignment, lists, tables, the header and footer, and where the logo
goes — in the order Word shows them. Exact pagination stays the word processor's job (the
manager also offers « Ouvrir dans le traitement de texte »). Everything is escaped: the text
comes from user data and user templates.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import docx
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

__all__ = ["HtmlPreview", "docx_to_html"]

_EMU_PER_PX = 9525  # 914 400 EMU per inch, 96 px per inch


@dataclass(frozen=True, slots=True)
class HtmlPreview:
    """The HTML and the pictures it shows (``<img src="image:N">`` → ``images["image:N"]``).

    The UI registers the pictures as resources of its text document, so the logo shows in the
    preview without writing temporary files.
    """

    html: str
    images: dict[str, bytes] = field(default_factory=dict)

_HEADING_TAGS = {"Title": "h1", "Heading 1": "h2", "Heading 2": "h3", "Heading 3": "h4"}
_ALIGN = {"CENTER (1)": "center", "RIGHT (2)": "right", "JUSTIFY (3)": "justify"}


def _blocks(parent: DocumentObject | _Cell | object) -> Iterator[Paragraph | Table]:
    """Paragraphs and tables of a body, header, footer or cell, in document order."""
    # A header, footer or table cell holds its paragraphs and tables in its own element.
    body = parent.element.body if isinstance(parent, DocumentObject) \
        else parent._element  # type: ignore[attr-defined]
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, parent)  # type: ignore[arg-type]
        elif child.tag == qn("w:tbl"):
            yield Table(child, parent)  # type: ignore[arg-type]


def _image_html(p: Paragraph, drawing: object, images: dict[str, bytes]) -> str:
    blip = next(drawing.iter(qn("a:blip")), None)  # type: ignore[attr-defined]
    rid = blip.get(qn("r:embed")) if blip is not None else None
    part = p.part.related_parts.get(rid) if rid else None
    if part is None:
        return ('<span style="background:#eef2f6; color:#52606d;">&nbsp;[image]&nbsp;</span>')
    key = f"image:{len(images)}"
    images[key] = part.blob
    extent = next(drawing.iter(qn("wp:extent")), None)  # type: ignore[attr-defined]
    size = ""
    if extent is not None:
        width = int(extent.get("cx", "0")) // _EMU_PER_PX
        height = int(extent.get("cy", "0")) // _EMU_PER_PX
        if width and height:
            size = f' width="{width}" height="{height}"'
    return f'<img src="{key}"{size}/>'


def _runs_html(p: Paragraph, images: dict[str, bytes]) -> str:
    out: list[str] = []
    for child in p._p.iterchildren():
        if child.tag == qn("w:r"):
            out.append(_run_html(child, p, images))
        elif child.tag == qn("w:hyperlink"):
            out.extend(_run_html(r, p, images) for r in child.iterchildren(qn("w:r")))
    return "".join(out)


def _run_html(r: object, p: Paragraph, images: dict[str, bytes]) -> str:
    parts: list[str] = []
    for node in r.iterchildren():  # type: ignore[attr-defined]
        tag = node.tag
        if tag == qn("w:t"):
            parts.append(html.escape(node.text or ""))
        elif tag == qn("w:tab"):
            parts.append("&emsp;")
        elif tag in (qn("w:br"), qn("w:cr")):
            parts.append("<br/>" if node.get(qn("w:type")) != "page" else "")
        elif tag == qn("w:drawing"):
            parts.append(_image_html(p, node, images))
    text = "".join(parts)
    if not text:
        return ""
    rpr = r.find(qn("w:rPr"))  # type: ignore[attr-defined]
    if rpr is not None:
        if _on(rpr.find(qn("w:b"))):
            text = f"<b>{text}</b>"
        if _on(rpr.find(qn("w:i"))):
            text = f"<i>{text}</i>"
        if rpr.find(qn("w:u")) is not None and rpr.find(qn("w:u")).get(qn("w:val")) != "none":
            text = f"<u>{text}</u>"
    return text


def _on(flag: object) -> bool:
    if flag is None:
        return False
    value = flag.get(qn("w:val"))  # type: ignore[attr-defined]
    return value not in ("0", "false", "off")


def _paragraph_html(p: Paragraph, images: dict[str, bytes]) -> str:
    content = _runs_html(p, images)
    style = p.style.name if p.style is not None else ""
    page_break = any(br.get(qn("w:type")) == "page" for br in p._p.iter(qn("w:br")))
    prefix = '<hr style="border: 1px dashed #9aa5b1;"/>' if page_break else ""
    if not content.strip():
        return prefix + ("<p>&nbsp;</p>" if not page_break else "")
    tag = _HEADING_TAGS.get(style)
    if tag is not None:
        return f"{prefix}<{tag}>{content}</{tag}>"
    if style.startswith("List Bullet"):
        return f"{prefix}<ul><li>{content}</li></ul>"
    if style.startswith("List Number"):
        return f"{prefix}<ol><li>{content}</li></ol>"
    align = _ALIGN.get(str(p.alignment)) if p.alignment is not None else None
    attr = f' align="{align}"' if align else ""
    return f"{prefix}<p{attr}>{content}</p>"


def _table_html(t: Table, images: dict[str, bytes], *, border: bool = True) -> str:
    rows = []
    for row in t.rows:
        cells = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is returned once per grid column
                continue
            seen.add(id(cell._tc))
            inner = "".join(_block_html(b, images, border=border) for b in _blocks(cell))
            cells.append(f'<td style="padding: 4px 8px;">{inner}</td>')
        rows.append(f"<tr>{''.join(cells)}</tr>")
    frame = 'border="1" style="border-collapse: collapse; border-color: #cbd2d9;"' if border \
        else 'border="0"'
    return (f'<table {frame} cellspacing="0" cellpadding="4" width="100%">'
            f'{"".join(rows)}</table>')


def _block_html(block: Paragraph | Table, images: dict[str, bytes], *,
                border: bool = True) -> str:
    if isinstance(block, Paragraph):
        return _paragraph_html(block, images)
    return _table_html(block, images, border=border)


_TAG = re.compile(r"<[^>]+>|&nbsp;|&emsp;")


def _has_text(fragment: str) -> bool:
    return bool(_TAG.sub("", fragment).strip())


def docx_to_html(data: bytes) -> HtmlPreview:
    """The document (bytes of a .docx) as an HTML fragment: header, body, footer."""
    images: dict[str, bytes] = {}
    document = docx.Document(io.BytesIO(data))
    out: list[str] = []
    section = document.sections[0] if len(document.sections) else None
    if section is not None and not section.header.is_linked_to_previous:
        header = "".join(_block_html(b, images, border=False) for b in _blocks(section.header))
        if _has_text(header):
            out.append(f'<div style="color:#52606d; font-size:small;">{header}</div><hr/>')
    out.extend(_block_html(b, images) for b in _blocks(document))
    if section is not None and not section.footer.is_linked_to_previous:
        footer = "".join(_block_html(b, images, border=False) for b in _blocks(section.footer))
        if _has_text(footer):
            out.append(f'<hr/><div style="color:#52606d; font-size:small;">{footer}</div>')
    return HtmlPreview("\n".join(out), images)
