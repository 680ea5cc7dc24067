"""Annotate a COPY of an .xlsx input: a cell comment and a fill colour on every offending cell.

Location.part names the sheet (工作表「NAME」) and Location.cell the cell ("B5"). Several findings
on one cell share one comment (a cell holds only one). A finding whose field has no location goes
on the first cell of the record's row (batch sheets) or on A1 of its sheet.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill
from openpyxl.utils.cell import coordinate_from_string

from checker.model import Finding, RecordReport

from .common import field_name, ordered_findings, severity_name
from .own import mark_properties

AUTHOR = "面谈记录质检"
FILLS = {"error": "FFC7CE", "warning": "FFEB9C", "info": "DDEBF7"}
_SHEET = re.compile(r"工作表「(.+)」")


def annotate(src: Path, dest: Path, records: list[RecordReport], fields=None) -> int:
    """Write the annotated copy to `dest`; returns how many cells got a comment. `fields`: the run's
    alias table, for the field names in the comments."""
    wb = load_workbook(str(src))
    notes: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for rec in records:
        for finding in ordered_findings(rec):
            place = cell_of(wb, rec, finding)
            if place:
                notes[place].append(finding)
    for (sheet, ref), findings in notes.items():
        mark_cell(wb[sheet], ref, findings, fields)
    mark_properties(wb.properties)
    wb.save(str(dest))
    return len(notes)


def sheet_name(part: str) -> str:
    match = _SHEET.search(part or "")
    return match.group(1) if match else ""


def cell_of(wb, rec: RecordReport, finding: Finding) -> tuple[str, str] | None:
    where = rec.locations.get(finding.field)
    if where and sheet_name(where.part) in wb.sheetnames and where.cell:
        return sheet_name(where.part), where.cell
    return _fallback_cell(wb, rec)


def _fallback_cell(wb, rec: RecordReport) -> tuple[str, str] | None:
    placed = [w for w in rec.locations.values() if sheet_name(w.part) in wb.sheetnames and w.cell]
    if not placed:
        return (wb.sheetnames[0], "A1") if wb.sheetnames else None
    rows = {coordinate_from_string(w.cell)[1] for w in placed}
    row = rows.pop() if len(rows) == 1 else 1
    return sheet_name(placed[0].part), f"A{row}"


def note_text(findings: list[Finding], fields=None) -> str:
    lines = []
    for f in findings:
        lines.append(f"【{severity_name(f)}】{field_name(f.field, fields)}:{f.message}")
        if f.suggestion:
            lines.append(f"建议:{f.suggestion}")
    return "\n".join(lines)


def mark_cell(ws, ref: str, findings: list[Finding], fields=None) -> None:
    cell = _top_left(ws, ref)
    text = note_text(findings, fields)
    comment = Comment(text, AUTHOR)
    comment.width = 320
    comment.height = min(60 + 18 * text.count("\n") + len(text) // 2, 600)
    cell.comment = comment
    worst = max(findings, key=lambda f: f.severity.rank).severity.value
    cell.fill = PatternFill("solid", fgColor=FILLS.get(worst, FILLS["warning"]))


def _top_left(ws, ref: str):
    """A merged range's comment and fill belong on its top-left cell."""
    for merged in ws.merged_cells.ranges:
        if ref in merged:
            return ws.cell(merged.min_row, merged.min_col)
    return ws[ref]
