"""Checkbox choices in a field: "☑季度面谈 □年度面谈" -> the ticked option "季度面谈"."""

from __future__ import annotations

import re

TICK_MARKS = "☑☒■√✓✔✅"  # a ticked box drawn as one character
BOX_MARKS = "□☐○◯"  # an empty one
TICK_LETTERS = "xX√"  # what a box typed as brackets holds when ticked: [x] 【√】 (x)
TICKED = re.compile(rf"[{TICK_MARKS}]|\[[{TICK_LETTERS}]\]|【[{TICK_LETTERS}]】|\([{TICK_LETTERS}]\)")
UNTICKED = re.compile(rf"[{BOX_MARKS}]|\[\s*\]|【\s*】")
# the characters a match of either starts with: one pass tells most texts (no box at all) apart
_BOX_START = re.compile(rf"[{TICK_MARKS}{BOX_MARKS}\[【(]")


def has_boxes(text: str) -> bool:
    # asked of every field of every record: most hold none of the characters a box starts with
    if _BOX_START.search(text) is None:
        return False
    return bool(TICKED.search(text) or UNTICKED.search(text))


def ticked_options(text: str) -> list[str]:
    """The option texts that follow a ticked box, in order."""
    marks = sorted([*TICKED.finditer(text), *UNTICKED.finditer(text)], key=lambda m: m.start())
    out = []
    for i, m in enumerate(marks):
        if TICKED.fullmatch(m.group()):
            end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
            option = text[m.end() : end].strip(" \u3000\t\n:：,，;；")
            out.append(option)
    return out
