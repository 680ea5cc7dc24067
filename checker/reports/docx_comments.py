"""Annotate a COPY of a .docx input: one Word comment per finding, on exactly the offending text.

The body's paragraphs (table cells and nested tables included) are laid end to end, one "\\n"
between paragraphs, keeping for every run where its text starts. A finding's text is searched
there from its field's label on (so "无" lands in the right cell), ignoring whitespace and
full-/half-width differences. Runs are split where the range starts or ends inside them (a copy of
the run keeps its formatting), and the comment spans the runs in between. A finding with no text
(an empty signature cell, a missing field) is anchored on the field's label.
"""

from __future__ import annotations

import copy
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.text.run import Run

from checker.model import Finding, RecordReport

from .common import ordered_findings
from .own import mark_properties

AUTHOR = "面谈记录质检"
INITIALS = "质检"
_TEXT_TAGS = {qn(t) for t in ("w:t", "w:tab", "w:br", "w:cr", "w:noBreakHyphen", "w:ptab")}


@dataclass
class Piece:
    run: object  # CT_R
    start: int
    text: str


@dataclass
class TextMap:
    text: str
    pieces: list[Piece]
    paragraphs: list[tuple[int, int]]  # (start, end) of every paragraph's text


def annotate(src: Path, dest: Path, records: list[RecordReport], fields=None) -> int:
    """Write the annotated copy to `dest`; returns how many comments were added. (`fields`, the
    run's alias table, is not needed: a comment sits on the text it is about.)

    Findings on the same text (one plan item without a measure and without a deadline) share one
    comment, their messages one paragraph each, so the markers follow the document order."""
    doc = Document(str(src))
    added = 0
    for rec in records:
        for group in _same_text(ordered_findings(rec)):
            added += add_finding_comment(doc, rec, group[0], group[1:])
    mark_properties(doc.core_properties)  # a later run over this folder skips the copy
    doc.save(str(dest))
    return added


def _same_text(findings: list[Finding]) -> list[list[Finding]]:
    groups: dict[tuple, list[Finding]] = {}
    for f in findings:
        key = (f.field, f.start, f.end, f.text) if f.text.strip() else (f.field, "label")
        groups.setdefault(key, []).append(f)
    return list(groups.values())


def comment_text(finding: Finding) -> tuple[str, str]:
    return finding.message, (f"建议:{finding.suggestion}" if finding.suggestion else "")


def add_finding_comment(doc, rec: RecordReport, finding: Finding, more: list[Finding] = ()) -> int:
    tmap = text_map(doc)
    where = rec.locations.get(finding.field)
    span = locate(tmap, rec, finding, where.label if where else "")
    if span is None:
        return 0
    runs = split_runs(tmap, *span)
    if not runs:
        return 0
    message, suggestion = comment_text(finding)
    comment = doc.add_comment([Run(runs[0], None), Run(runs[-1], None)], message, AUTHOR, INITIALS)
    if suggestion:
        comment.add_paragraph(suggestion)
    for other in more:
        message, suggestion = comment_text(other)
        comment.add_paragraph(message)
        if suggestion:
            comment.add_paragraph(suggestion)
    return 1


# ------------------------------------------------------------------ text map


def text_map(doc) -> TextMap:
    parts: list[str] = []
    pieces: list[Piece] = []
    paragraphs: list[tuple[int, int]] = []
    pos = 0
    for p in doc.element.body.iter(qn("w:p")):
        begin = pos
        for r in p.iter(qn("w:r")):
            if _paragraph_of(r) is not p:
                continue
            text = r.text
            pieces.append(Piece(r, pos, text))
            parts.append(text)
            pos += len(text)
        paragraphs.append((begin, pos))
        parts.append("\n")
        pos += 1
    return TextMap("".join(parts), pieces, paragraphs)


def _paragraph_of(element):
    parent = element.getparent()
    while parent is not None and parent.tag != qn("w:p"):
        parent = parent.getparent()
    return parent


# ------------------------------------------------------------------ finding the range


def squeeze(text: str) -> tuple[str, list[int]]:
    """Whitespace dropped and each character NFKC-folded; plus, per kept character, its index."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        for folded in unicodedata.normalize("NFKC", ch):
            if not folded.isspace():
                out.append(folded)
                index.append(i)
    return "".join(out), index


def find_nth(tmap: TextMap, needle: str, origin: int, nth: int = 0) -> tuple[int, int] | None:
    hay, index = squeeze(tmap.text)
    pattern, _ = squeeze(needle)
    if not pattern:
        return None
    at = next((k for k, i in enumerate(index) if i >= origin), len(index))
    for _ in range(nth + 1):
        at = hay.find(pattern, at)
        if at < 0:
            return None
        found, at = at, at + len(pattern)
    return index[found], index[found + len(pattern) - 1] + 1


def find_label(tmap: TextMap, label: str) -> tuple[int, int] | None:
    """The label's paragraph when it is the whole paragraph, else where a paragraph starts with it."""
    wanted = squeeze(label)[0].rstrip(":")
    if not wanted:
        return None
    starts_with = None
    for begin, end in tmap.paragraphs:
        text = squeeze(tmap.text[begin:end])[0]
        if text.rstrip(":") == wanted:
            return _trim(tmap.text, begin, end)
        if starts_with is None and text.startswith(wanted):
            starts_with = find_nth(tmap, label, begin)
    return starts_with or find_nth(tmap, label, 0)


def _trim(text: str, begin: int, end: int) -> tuple[int, int]:
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    return begin, end


def occurrence(value: str, needle: str, start: int) -> int:
    """How many times `needle` occurs in `value` before offset `start`."""
    count, at = 0, value.find(needle)
    while 0 <= at < start:
        count += 1
        at = value.find(needle, at + len(needle))
    return count


def locate(tmap: TextMap, rec: RecordReport, finding: Finding, label: str) -> tuple[int, int] | None:
    label_span = find_label(tmap, label) if label else None
    if finding.text.strip():
        nth = occurrence(rec.fields.get(finding.field, ""), finding.text, finding.start)
        origin = label_span[0] if label_span else 0
        for where, n in ((origin, nth), (origin, 0), (0, nth), (0, 0)):
            span = find_nth(tmap, finding.text, where, n)
            if span:
                return span
    return label_span


# ------------------------------------------------------------------ splitting runs


def split_runs(tmap: TextMap, start: int, end: int) -> list:
    """The runs covering [start, end), split so that the range begins and ends on run edges."""
    covered = []
    for piece in tmap.pieces:
        a, b = piece.start, piece.start + len(piece.text)
        if b <= start or a >= end or a == b:
            continue
        run = piece.run
        if a < start:
            run = split_run(run, start - a)
            a = start
        if b > end:
            split_run(run, end - a)
        covered.append(run)
    return covered


def split_run(run, offset: int):
    """Cut `run` after `offset` characters; the original keeps the head, returns the new tail run."""
    tail = copy.deepcopy(run)
    run.addnext(tail)
    _keep(run, 0, offset)
    _keep(tail, offset, None)
    return tail


def _keep(run, begin: int, end: int | None) -> None:
    """Drop the run's content outside [begin, end) (character offsets into run.text)."""
    pos = 0
    for child in list(run):
        if child.tag not in _TEXT_TAGS:
            continue
        text = str(child)
        a, b = pos, pos + len(text)
        pos = b
        lo, hi = max(a, begin), b if end is None else min(b, end)
        if hi <= lo:
            run.remove(child)
        elif (lo, hi) != (a, b):
            child.text = text[lo - a : hi - a]
            child.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
