"""SARIF 2.1.0 log: one run, the pack's rules as tool.driver.rules, one result per finding.

A finding's region has no line numbers (records are fields, not lines): the region carries the
offending text as its snippet, and a logical location names the record and the field.
"""

from __future__ import annotations

import json
from importlib.metadata import PackageNotFoundError, version

from checker.model import FileError, Finding, RecordReport, Report

from .common import Context, RuleInfo, record_title, rule_ids

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def render(report: Report, ctx: Context) -> str:
    return json.dumps(build(report, ctx), ensure_ascii=False, indent=2) + "\n"


def build(report: Report, ctx: Context) -> dict:
    ids = rule_ids(report, ctx)
    artifacts = _artifacts(report)
    run = {
        "tool": {"driver": _driver(report, ctx, ids)},
        "artifacts": [{"location": {"uri": uri}} for uri in artifacts],
        "invocations": [_invocation(report.errors, artifacts)],
        "results": [_result(rec, f, ids, artifacts, ctx) for rec in report.records for f in rec.findings],
        "properties": {"summary": report.summary},
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def to_uri(source: str) -> str:
    return source.replace("\\", "/")


def _artifacts(report: Report) -> list[str]:
    sources = [r.source for r in report.records] + [e.source for e in report.errors]
    return list(dict.fromkeys(to_uri(s) for s in sources))


def _driver(report: Report, ctx: Context, ids: list[str]) -> dict:
    return {
        "name": "checker",
        "fullName": "绩效面谈记录质检",
        "version": _version(),
        "semanticVersion": _version(),
        "properties": {"rulePack": report.rule_pack},
        "rules": [_rule(ctx.rules.get(rid) or RuleInfo(rid, rid)) for rid in ids],
    }


def _version() -> str:
    try:
        return version("interview-record-checker")
    except PackageNotFoundError:
        return "0.0.0"


def _rule(info: RuleInfo) -> dict:
    return {
        "id": info.id,
        "name": info.id,
        "shortDescription": {"text": info.title},
        "fullDescription": {"text": info.description or info.title},
        "defaultConfiguration": {"level": LEVELS.get(info.severity, "warning")},
    }


def _result(rec: RecordReport, f: Finding, ids: list[str], artifacts: list[str], ctx: Context) -> dict:
    uri = to_uri(rec.source)
    region = {"snippet": {"text": f.text}} if f.text else {}
    where = rec.locations.get(f.field)
    physical = {"artifactLocation": {"uri": uri, "index": artifacts.index(uri)}}
    if region:
        physical["region"] = region
    text = f.message + (f"\n建议:{f.suggestion}" if f.suggestion else "")
    return {
        "ruleId": f.rule,
        "ruleIndex": ids.index(f.rule),
        "level": LEVELS.get(f.severity.value, "warning"),
        "message": {"text": text},
        "locations": [
            {
                "physicalLocation": physical,
                "logicalLocations": [_logical(rec, f, ctx)],
                **({"message": {"text": where.describe()}} if where else {}),
            }
        ],
        "properties": _properties(rec, f),
    }


def _logical(rec: RecordReport, f: Finding, ctx: Context) -> dict:
    return {
        "name": f.field,
        "fullyQualifiedName": f"{record_title(rec)}/{f.field}",
        "kind": "member",
        "properties": {"displayName": ctx.field_name(f.field)},
    }


def _properties(rec: RecordReport, f: Finding) -> dict:
    return {
        "record": record_title(rec),
        "recordIndex": rec.index,
        "sheet": rec.sheet,
        "field": f.field,
        "start": f.start,
        "end": f.end,
        "suggestion": f.suggestion,
        "score": rec.score,
        "verdict": rec.verdict,
    }


def _invocation(errors: list[FileError], artifacts: list[str]) -> dict:
    return {
        "executionSuccessful": True,
        "toolExecutionNotifications": [_notification(e, artifacts) for e in errors],
    }


def _notification(err: FileError, artifacts: list[str]) -> dict:
    uri = to_uri(err.source)
    return {
        "descriptor": {"id": err.code},
        "level": "error",
        "message": {"text": f"无法读取:{err.message}"},
        "locations": [
            {"physicalLocation": {"artifactLocation": {"uri": uri, "index": artifacts.index(uri)}}}
        ],
    }
