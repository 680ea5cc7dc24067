"""Splitting a field into points (SPEC: one bullet, numbered item or paragraph) and points into clauses.

Offsets always point into the original field text, so a finding can mark the
exact words in the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Typed numbering and bullets at the start of a point: "1. " "1、" "(2)" "(二)" "①" "- " "• " "一、" "2)"
MARKER = re.compile(
    r"^[\s\u3000]*(?:"
    r"\d{1,2}\s*[.、．:：)）](?!\d)"
    r"|\d{1,2}[\s\u3000]+(?=[^\d\s\u3000%％个次家名人天周月年])"  # a 序号 cell joined to its row ("1 加强现场管理")
    r"|[（(]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[)）]"
    r"|[一二三四五六七八九十]{1,3}\s*[、.．]"
    r"|[①-⑳㈠-㈩]"
    r"|[-*•·●○◆■▪►>–—](?=\s*\S)"
    r"|第[一二三四五六七八九十\d]{1,3}[条点项][,，:：、]?"
    r")[\s\u3000]*"
)
# Numbering that starts a new point in the middle of a line ("1、提升… 2、加强…")
_INLINE_MARKER = re.compile(
    r"(?<=[\s\u3000。；;!！?？])(?=(?:\d{1,2}[、.．)）](?!\d)|[（(]\d{1,2}[)）]|[①-⑳]))"
)
_CLAUSE_END = re.compile(r"[。；;!！?？,，、:：]")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


def split_points(text: str) -> list[Span]:
    """Points of a field; each span excludes its numbering marker and surrounding blanks."""
    points: list[Span] = []
    offset = 0
    for line in text.split("\n"):
        for piece_start, piece in _split_inline(line):
            start = offset + piece_start
            m = MARKER.match(piece)
            skip = m.end() if m else 0
            body = piece[skip:]
            stripped = body.strip()
            if stripped:
                lead = len(body) - len(body.lstrip())
                s = start + skip + lead
                points.append(Span(s, s + len(stripped), stripped))
        offset += len(line) + 1
    return points


def _split_inline(line: str) -> list[tuple[int, str]]:
    cuts = [0] + [m.start() for m in _INLINE_MARKER.finditer(line) if m.start() > 0] + [len(line)]
    return [(a, line[a:b]) for a, b in zip(cuts, cuts[1:], strict=False) if line[a:b].strip()]


def split_clauses(point: Span) -> list[Span]:
    clauses = []
    start = 0
    text = point.text
    for m in _CLAUSE_END.finditer(text):
        if text[start : m.start()].strip():
            clauses.append(_sub(point, start, m.start()))
        start = m.end()
    if text[start:].strip():
        clauses.append(_sub(point, start, len(text)))
    return clauses


def _sub(point: Span, a: int, b: int) -> Span:
    piece = point.text[a:b]
    lead = len(piece) - len(piece.lstrip())
    piece = piece.strip()
    return Span(point.start + a + lead, point.start + a + lead + len(piece), piece)
