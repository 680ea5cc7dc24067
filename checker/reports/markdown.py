"""Markdown report: the HTML report's content as Markdown, one section per record."""

from __future__ import annotations

import re

from checker.model import VERDICTS, RecordReport, Report

from .common import Context, ordered_findings, record_title, rule_ids, rule_title, segments
from .common import severity_name as sev_name

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#~])")


def escape(text: str) -> str:
    """Markdown-safe inline text; line breaks become <br> so a value stays in its table cell."""
    return _SPECIAL.sub(r"\\\1", text).replace("\r", "").replace("\n", "<br>")


def render(report: Report, ctx: Context) -> str:
    parts = [_summary(report, ctx), _errors(report, ctx)]
    parts += [_record(i, rec, ctx) for i, rec in enumerate(report.records, 1)]
    return "\n\n".join(p for p in parts if p).rstrip() + "\n"


def _summary(report: Report, ctx: Context) -> str:
    s = report.summary
    verdicts = s.get("verdicts", {})
    lines = [
        "# 绩效面谈记录质检报告",
        "",
        f"规则包:{escape(report.rule_pack or '未知')}",
        "",
        "| 记录数 | 合格率 | " + " | ".join(VERDICTS) + " | 问题数 | 无法读取的文件 |",
        "|---:|---:|---:|---:|---:|---:|---:|",
        f"| {s.get('records', 0)} | {s.get('pass_rate', 0):.0%} | "
        + " | ".join(str(verdicts.get(v, 0)) for v in VERDICTS)
        + f" | {s.get('findings', 0)} | {len(report.errors)} |",
    ]
    by_rule = s.get("by_rule", {})
    if by_rule:
        lines += ["", "## 问题最多的规则", "", "| 规则 | 说明 | 问题数 |", "|---|---|---:|"]
        lines += [
            f"| `{r}` | {rule_title(ctx, r)} | {by_rule[r]} |" for r in rule_ids(report, ctx) if r in by_rule
        ]
    return "\n".join(lines)


def _errors(report: Report, ctx: Context) -> str:
    if not report.errors:
        return "## 无法读取的文件\n\n所有文件都已读取。"
    lines = ["## 无法读取的文件", "", "| 文件 | 原因 | 错误代码 |", "|---|---|---|"]
    lines += [f"| {escape(ctx.source(e.source))} | {escape(e.message)} | `{e.code}` |" for e in report.errors]
    return "\n".join(lines)


def _record(number: int, rec: RecordReport, ctx: Context) -> str:
    findings = ordered_findings(rec)
    numbers = {id(f): n for n, f in enumerate(findings, 1)}
    lines = [
        f"## {number}. {escape(record_title(rec))} — {rec.verdict}(得分 {rec.score})",
        "",
        f"- 文件:{escape(ctx.source(rec.source))}",
        f"- 员工:{escape(rec.fields.get('employee_name', '') or '(未填写)')};"
        f"面谈人:{escape(rec.fields.get('manager_name', '') or '(未填写)')}",
        f"- 问题:{len(findings)} 个",
        "",
        "| 栏目 | 内容 | 问题 |",
        "|---|---|---|",
    ]
    for key, value in rec.fields.items():
        mine = [f for f in findings if f.field == key]
        spans = [(numbers[id(f)], f.start, f.end) for f in mine]
        refs = "、".join(f"[{numbers[id(f)]}]" for f in mine)
        lines.append(f"| {escape(ctx.field_name(key))} | {_highlight(value, spans)} | {refs} |")
    for key in dict.fromkeys(f.field for f in findings if f.field not in rec.fields):
        refs = "、".join(f"[{numbers[id(f)]}]" for f in findings if f.field == key)
        lines.append(f"| {escape(ctx.field_name(key))} | (文件中没有这一栏) | {refs} |")
    lines += ["", "**问题与建议**" if findings else "没有发现问题。", ""]
    lines += [_finding_line(numbers[id(f)], f, ctx) for f in findings]
    return "\n".join(lines)


def _highlight(value: str, spans: list[tuple[int, int, int]]) -> str:
    out = []
    for seg in segments(value, spans):
        text = escape(seg.text) if seg.text else ("(空)" if seg.marks else "")
        out.append(f"**{text}**" if seg.marks and text else text)
        out += [f"<sup>[{n}]</sup>" for n in seg.ends]
    return "".join(out) or "(空)"


def _finding_line(number: int, f, ctx: Context) -> str:
    line = f"{number}. **{sev_name(f)}** [{escape(ctx.field_name(f.field))}] {escape(f.message)}"
    if f.suggestion:
        line += f"<br>建议:{escape(f.suggestion)}"
    return line + f"<br>规则:`{f.rule}`({rule_title(ctx, f.rule)})"
