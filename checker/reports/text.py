"""Terminal report, like a linter: grouped by file and record, one line per finding."""

from __future__ import annotations

import click

from checker.model import Report

_SEVERITY = {"error": ("错误", "red"), "warning": ("警告", "yellow"), "info": ("提示", "cyan")}
_VERDICT = {"合格": "green", "需修改": "yellow", "不合格": "red"}


def render(report: Report, color: bool = False) -> str:
    out = TextStream(color)
    lines: list[str] = []
    for rec in report.records:
        lines.extend(out.record(rec))
    lines.extend(out.finish(report.errors, report.summary))
    return "\n".join(lines) + "\n"


class TextStream:
    """The terminal report a record at a time: records of one file are contiguous in input order,
    so the file heading is written when the source changes; errors and the summary come last."""

    def __init__(self, color: bool = False):
        self.color = color
        self.source: str | None = None

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
        head = f"  {rec.sheet or '记录'}  得分 {rec.score}  "
        lines.append(head + style(rec.verdict, fg=_VERDICT.get(rec.verdict), bold=True))
        for f in sorted(rec.findings, key=lambda f: (f.field, f.start)):
            label, colour = _SEVERITY[f.severity.value]
            where = rec.locations.get(f.field)
            place = f"  ({where.describe()})" if where else ""
            lines.append(
                f"    {style(label, fg=colour)}  {f.field}{style(place, dim=True)}  {f.message}  "
                + style(f"[{f.rule}]", dim=True)
            )
            if f.suggestion:
                lines.append(f"          {style('建议:', fg='blue')}{f.suggestion}")
        return lines

    def finish(self, errors, summary: dict) -> list[str]:
        style = self.style
        lines: list[str] = [""] if self.source is not None else []
        for err in errors:
            lines.append(style(err.source, bold=True, underline=True))
            lines.append(
                f"  {style('无法读取', fg='red', bold=True)}  {err.message}  " + style(f"[{err.code}]", dim=True)
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
