"""Checkbox choices in a field: "☑季度面谈 □年度面谈" -> the ticked option "季度面谈"."""

from __future__ import annotations

import re

TICKED = re.compile(r"[☑☒■√✓✔✅]|\[[xX√]\]|【[xX√]】|\([xX√]\)")
UNTICKED = re.compile(r"[□☐○◯]|\[\s*\]|【\s*】")


def has_boxes(text: str) -> bool:
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
