"""HTML report: one self-contained page (inline CSS, no external asset), summary first, then the
department and manager views (weakest first: pass rate, mean score, the rules that fire most), then
every record with the offending text highlighted and the message and suggestion beside it."""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, PackageLoader, select_autoescape

from checker.model import VERDICTS, Finding, RecordReport, Report

from .common import (
    Context,
    Group,
    group_by,
    ordered_findings,
    record_title,
    rule_ids,
    rule_title,
    segments,
    severity_name,
)

VERDICT_CLASS = dict(zip(VERDICTS, ("pass", "revise", "fail"), strict=True))
# the group views: section title, column title, the record field grouped on
GROUP_VIEWS = (("按部门", "部门", "department"), ("按面谈人", "面谈人", "manager_name"))
TOP_RULES = 3
SEVERITY_ORDER = ("error", "warning", "info")


@lru_cache(maxsize=1)
def _env() -> Environment:
    return Environment(
        loader=PackageLoader("checker.reports", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(report: Report, ctx: Context) -> str:
    template = _env().get_template("report.html.j2")
    return template.render(
        summary=summary_view(report, ctx),
        verdicts=[{"name": v, "css": VERDICT_CLASS[v]} for v in VERDICTS],
        groups=group_views(report, ctx),
        records=[record_view(i, rec, ctx) for i, rec in enumerate(report.records, 1)],
        errors=[
            {"source": ctx.source(e.source), "message": e.message, "code": e.code} for e in report.errors
        ],
        rule_pack=report.rule_pack,
    )


def summary_view(report: Report, ctx: Context) -> dict:
    s = report.summary
    by_rule = s.get("by_rule", {})
    top = max(by_rule.values(), default=0)
    rules = [
        {"id": rid, "title": rule_title(ctx, rid), "count": by_rule[rid], "width": _pct(by_rule[rid], top)}
        for rid in rule_ids(report, ctx)
        if rid in by_rule
    ]
    return {**s, "pass_pct": f"{s.get('pass_rate', 0):.0%}", "rules": rules}


def group_views(report: Report, ctx: Context) -> list[dict]:
    """按部门 / 按面谈人, when the records name more than one group (one department says nothing new)."""
    views = []
    for title, label, key in GROUP_VIEWS:
        groups = group_by(report, key)
        if len(groups) > 1:
            views.append(
                {"id": key, "title": title, "label": label, "rows": [_group_row(g, ctx) for g in groups]}
            )
    return views


def _group_row(group: Group, ctx: Context) -> dict:
    return {
        "name": group.name,
        "records": len(group.records),
        "passed": group.passed,
        "pass_pct": f"{group.pass_rate:.0%}",
        "width": round(100 * group.pass_rate),
        "mean_score": group.mean_score,
        "findings": group.findings,
        "top_rules": [
            {"id": rid, "title": rule_title(ctx, rid), "count": n} for rid, n in group.top_rules(TOP_RULES)
        ],
    }


def _pct(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def record_view(number: int, rec: RecordReport, ctx: Context) -> dict:
    findings = ordered_findings(rec)
    numbered = list(enumerate(findings, 1))
    rows = [_field_row(rec, key, numbered, ctx) for key in rec.fields]
    rows += [_absent_row(key, numbered, ctx) for key in _absent_fields(rec, findings)]
    return {
        "anchor": f"r{number}",
        "number": number,
        "title": record_title(rec),
        "source": ctx.source(rec.source),
        "score": rec.score,
        "verdict": rec.verdict,
        "verdict_class": VERDICT_CLASS.get(rec.verdict, "revise"),
        "employee": rec.fields.get("employee_name", ""),
        "manager": rec.fields.get("manager_name", ""),
        "department": rec.fields.get("department", ""),
        "finding_count": len(findings),
        "rows": rows,
    }


def _absent_fields(rec: RecordReport, findings: list[Finding]) -> list[str]:
    return list(dict.fromkeys(f.field for f in findings if f.field not in rec.fields))


def _field_row(rec: RecordReport, key: str, numbered, ctx: Context) -> dict:
    mine = [(n, f) for n, f in numbered if f.field == key]
    severity = {n: f.severity.value for n, f in mine}
    pieces = segments(rec.fields[key], [(n, f.start, f.end) for n, f in mine])
    where = rec.locations.get(key)
    return {
        "name": ctx.field_name(key),
        "key": key,
        "where": where.describe() if where else "",
        "segments": [_segment_view(seg, severity) for seg in pieces],
        "empty": not rec.fields[key].strip(),
        "findings": [_finding_view(n, f, ctx) for n, f in mine],
    }


def _absent_row(key: str, numbered, ctx: Context) -> dict:
    mine = [(n, f) for n, f in numbered if f.field == key]
    return {
        "name": ctx.field_name(key),
        "key": key,
        "where": "文件中没有这一栏",
        "segments": [_segment_view(seg, {n: f.severity.value for n, f in mine}) for seg in segments("", [])],
        "empty": True,
        "findings": [_finding_view(n, f, ctx) for n, f in mine],
    }


def _segment_view(seg, severity: dict[int, str]) -> dict:
    worst = next((s for s in SEVERITY_ORDER if any(severity.get(n) == s for n in seg.marks)), "")
    return {"text": seg.text, "marks": seg.marks, "ends": seg.ends, "severity": worst}


def _finding_view(number: int, f: Finding, ctx: Context) -> dict:
    return {
        "number": number,
        "rule": f.rule,
        "rule_title": rule_title(ctx, f.rule),
        "severity": f.severity.value,
        "severity_name": severity_name(f),
        "text": f.text,
        "message": f.message,
        "suggestion": f.suggestion,
    }
