"""Make a preview copy of an annotated .docx that shows its comments on paper.

LibreOffice 7.4 cannot print Word comments in the margin, so for the PNG preview the commented
ranges get a yellow highlight with the comment number in red after them, and the comments are
listed at the end of the document. Only for looking at; the annotated file is not changed.

    python scripts/docx_comment_preview.py IN.checked.docx OUT.preview.docx
"""

from __future__ import annotations

import sys

from docx import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn
from docx.shared import RGBColor
from docx.text.run import Run


def highlight_ranges(doc) -> list[str]:
    """Highlight every run inside a comment range; returns comment ids in document order."""
    open_ids: list[str] = []
    order: list[str] = []
    for el in list(doc.element.body.iter()):
        if el.tag == qn("w:commentRangeStart"):
            open_ids.append(el.get(qn("w:id")))
            order.append(el.get(qn("w:id")))
        elif el.tag == qn("w:commentRangeEnd"):
            cid = el.get(qn("w:id"))
            open_ids = [i for i in open_ids if i != cid]
            _number_after(el, order.index(cid) + 1)
        elif el.tag == qn("w:r") and open_ids and el.find(qn("w:t")) is not None:
            Run(el, None).font.highlight_color = WD_COLOR_INDEX.YELLOW
    return order


def _number_after(marker, number: int) -> None:
    run = marker.getparent().makeelement(qn("w:r"), {})
    marker.addnext(run)
    r = Run(run, None)
    r.text = f"[{number}]"
    r.font.superscript = True
    r.font.bold = True
    r.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)


def list_comments(doc, order: list[str]) -> None:
    comments = {str(c.comment_id): c for c in doc.comments}
    doc.add_paragraph().add_run("批注").bold = True
    for n, cid in enumerate(order, 1):
        c = comments.get(cid)
        if c is not None:
            doc.add_paragraph(f"[{n}] {c.author}:{c.text}")


def main(src: str, dest: str) -> None:
    doc = Document(src)
    order = highlight_ranges(doc)
    list_comments(doc, order)
    doc.save(dest)


if __name__ == "__main__":
    main(*sys.argv[1:3])
