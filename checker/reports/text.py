"""Terminal report, like a linter: grouped by file and record, one line per finding."""

from __future__ import annotations

import shutil
import sys
import unicodedata

import click

from checker.model import SEVERITY_NAMES, VERDICTS, Report

from .common import field_name

_COLOUR = {"error": "red", "warning": "yellow", "info": "cyan"}
_VERDICT = dict(zip(VERDICTS, ("green", "yellow", "red"), strict=True))


def render(report: Report, color: bool = False, width: int | None = 0, fields=None) -> str:
    out = TextStream(color, width, fields)
    lines: list[str] = []
    for rec in report.records:
        lines.extend(out.record(rec))
    lines.extend(out.finish(report.errors, report.summary))
    return "\n".join(lines) + "\n"


class TextStream:
    """The terminal report a record at a time: records of one file are contiguous in input order,
    so the file heading is written when the source changes; errors and the summary come last."""

    def __init__(self, color: bool = False, width: int | None = None, fields=None):
        """`width`: wrap finding lines to this many columns (Chinese characters count two), keeping
        rule tags whole; None: the terminal's width when stdout is one, else no wrapping.
        `fields`: the run's alias table (field names as the company configured them)."""
        self.color = color
        self.fields = fields
        self.source: str | None = None
        if width is None and sys.stdout.isatty():
            width = shutil.get_terminal_size((100, 24)).columns
        self.width = width

    def style(self, text: str, **kw) -> str:
        return click.style(text, **kw) if self.color else text

    def record(self, rec) -> list[str]:
        style = self.style
        lines: list[str] = []
        if rec.source != self.source:
            if self.source is not None:
                lines.append("")
            self.source = rec.source
            lines.append(style(rec.source, bold=True, underline=True))
        head = f"  {record_title(rec)}  得分 {rec.score}  "
        lines.append(head + style(rec.verdict, fg=_VERDICT.get(rec.verdict), bold=True))
        for f in sorted(rec.findings, key=lambda f: (f.field, f.start)):
            label, colour = SEVERITY_NAMES[f.severity.value], _COLOUR[f.severity.value]
            where = rec.locations.get(f.field)
            place = f"({where.describe()})" if where else ""
            # units that never break: severity, field name, place and the rule tag; the message wraps
            name = field_name(f.field, self.fields)
            parts = [(style(label, fg=colour), label), (name, name)]
            if place:
                parts.append((style(place, dim=True), place))
            parts += [(ch, ch) for ch in f.message] if self.width else [(f.message, f.message)]
            parts.append((style(f"[{f.rule}]", dim=True), f"[{f.rule}]"))
            lines.extend(self.wrap(parts, "    ", " " * 10))
            if f.suggestion:
                advice = [(style("建议:", fg="blue"), "建议:")]
                advice += [(ch, ch) for ch in f.suggestion] if self.width else [(f.suggestion, f.suggestion)]
                lines.extend(self.wrap(advice, " " * 10, " " * 12, gap=False))
        return lines

    def wrap(self, parts: list[tuple[str, str]], first: str, rest: str, gap: bool = True) -> list[str]:
        """Lay out (styled, plain) units on lines of at most self.width columns; a unit is never split.
        Units of more than one character are separated by two spaces (`gap`)."""
        lines: list[str] = []
        line, used, prev_single = first, _cols(first), True
        for i, (styled, plain) in enumerate(parts):
            single = len(plain) == 1
            sep = "" if i == 0 or not gap or (single and prev_single) else "  "
            need = _cols(sep + plain)
            if self.width and used + need > self.width and line.strip():
                lines.append(line.rstrip())
                line, used, sep = rest, _cols(rest), ""
                need = _cols(plain)
            line += sep + styled
            used += need
            prev_single = single
        lines.append(line.rstrip())
        return lines

    def finish(self, errors, summary: dict) -> list[str]:
        style = self.style
        lines: list[str] = [""] if self.source is not None else []
        for err in errors:
            lines.append(style(err.source, bold=True, underline=True))
            lines.append(
                f"  {style('无法读取', fg='red', bold=True)}  {err.message}  "
                + style(f"[{err.code}]", dim=True)
            )
            lines.append("")
        s = summary
        lines.append(
            f"共 {s.get('records', 0)} 条记录,{s.get('findings', 0)} 个问题,合格 {s.get('passed', 0)} 条"
            f"(合格率 {s.get('pass_rate', 0):.0%});{s.get('errors', 0)} 个文件无法读取。"
        )
        if s.get("by_rule"):
            lines.append("按规则:" + ",".join(f"{k} {v}" for k, v in s["by_rule"].items()))
        return lines


def _cols(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def record_title(rec) -> str:
    """员工 张伟(面谈人 王经理)· 第3行: who the record is about, then where it is in the file."""
    employee = (rec.fields.get("employee_name") or "").strip()
    manager = (rec.fields.get("manager_name") or "").strip()
    who = f"员工 {employee}" if employee else "员工(未填写姓名)"
    if manager:
        who += f"(面谈人 {manager})"
    return f"{who} · {rec.sheet}" if rec.sheet else who
