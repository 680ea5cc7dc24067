"""Shared pieces of the report writers: Chinese names, rule info, grouping, highlighting."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from checker.model import Finding, RecordReport, Report

SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}
VERDICTS = ("合格", "需修改", "不合格")
UNKNOWN = "(未填写)"

# Short Chinese names of the public rule ids (SPEC section 2); other ids fall back to the pack.
RULE_TITLES = {
    "missing-field": "必填要素缺失",
    "vague-rating": "评价缺少具体事例",
    "plan-no-quantity": "改进项不可衡量",
    "plan-no-deadline": "改进项没有期限",
    "late-record": "记录超过24小时",
    "unconfirmed": "员工未确认",
}


@dataclass
class RuleInfo:
    id: str
    title: str
    description: str = ""
    severity: str = "warning"


@dataclass
class Context:
    """What a writer may need besides the report."""

    inputs: tuple = ()
    pack: object | None = None  # checker.checks.pack.RulePack
    color: bool = False
    rules: dict[str, RuleInfo] = field(default_factory=dict)
    clean: list[str] = field(default_factory=list)  # inputs the docx format left alone: no finding


def make_context(report: Report, inputs=(), pack=None, color: bool = False) -> Context:
    pack = pack or _load_pack(report.rule_pack)
    return Context(tuple(inputs), pack, color, rule_infos(report, pack))


def _load_pack(label: str):
    try:
        from checker.checks.pack import load_pack

        return load_pack(label.split("@")[0] or "default")
    except Exception:  # a custom pack file that moved: fall back to ids only
        return None


def rule_infos(report: Report, pack) -> dict[str, RuleInfo]:
    infos: dict[str, RuleInfo] = {}
    for rule in getattr(pack, "rules", []) or []:
        title = RULE_TITLES.get(rule.id, rule.description.split("。")[0][:24])
        infos[rule.id] = RuleInfo(rule.id, title, " ".join(rule.description.split()), rule.severity.value)
    for rec in report.records:
        for f in rec.findings:
            infos.setdefault(f.rule, RuleInfo(f.rule, RULE_TITLES.get(f.rule, f.rule), "", f.severity.value))
    return infos


def rule_title(ctx: Context, rule_id: str) -> str:
    info = ctx.rules.get(rule_id)
    return info.title if info else RULE_TITLES.get(rule_id, rule_id)


def field_name(key: str) -> str:
    try:
        from checker.intake.fields import load_alias_table

        return load_alias_table(()).name(key)
    except Exception:
        return key


def severity_name(finding: Finding) -> str:
    return SEVERITY_NAMES.get(finding.severity.value, finding.severity.value)


def record_title(rec: RecordReport) -> str:
    return f"{Path(rec.source).name}" + (f" [{rec.sheet}]" if rec.sheet else "")


def ordered_findings(rec: RecordReport) -> list[Finding]:
    order = {key: i for i, key in enumerate(rec.fields)}
    return sorted(rec.findings, key=lambda f: (order.get(f.field, len(order)), f.start, f.end, f.rule))


def rule_counts(report: Report) -> Counter:
    return Counter(f.rule for rec in report.records for f in rec.findings)


def rule_ids(report: Report, ctx: Context) -> list[str]:
    """Every rule that fired, most frequent first, then the pack's other rules."""
    counts = rule_counts(report)
    fired = [rid for rid, _ in counts.most_common()]
    return fired + [rid for rid in ctx.rules if rid not in counts]


@dataclass
class Group:
    name: str
    records: list[RecordReport] = field(default_factory=list)

    @property
    def passed(self) -> int:
        return sum(1 for r in self.records if r.verdict == "合格")

    @property
    def pass_rate(self) -> float:
        return round(self.passed / len(self.records), 3) if self.records else 0.0

    @property
    def mean_score(self) -> float:
        return round(sum(r.score for r in self.records) / len(self.records), 1) if self.records else 0.0

    def rule_count(self, rule_id: str) -> int:
        return sum(1 for r in self.records for f in r.findings if f.rule == rule_id)


def group_by(report: Report, key: str) -> list[Group]:
    groups: dict[str, Group] = defaultdict(lambda: Group(""))
    for rec in report.records:
        name = rec.fields.get(key, "").strip() or UNKNOWN
        groups[name].name = name
        groups[name].records.append(rec)
    return sorted(groups.values(), key=lambda g: (g.name == UNKNOWN, g.name))


@dataclass
class Segment:
    text: str
    marks: list[int]  # numbers of the findings covering this piece
    ends: list[int]  # numbers of the findings that end with this piece


def segments(text: str, spans: list[tuple[int, int, int]]) -> list[Segment]:
    """Cut `text` at every span boundary; spans are (number, start, end) with offsets into text."""
    spans = [(n, max(0, min(s, len(text))), max(0, min(e, len(text)))) for n, s, e in spans]
    cuts = sorted({0, len(text), *(s for _, s, _ in spans), *(e for _, _, e in spans)})
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        marks = [n for n, s, e in spans if s <= a and b <= e]
        ends = [n for n, _, e in spans if e == b and n in marks]
        out.append(Segment(text[a:b], marks, ends))
    empty = [n for n, s, e in spans if s == e]
    if empty:
        out.append(Segment("", empty, empty))
    return out or [Segment("", [], [])]


def unique_name(directory: Path, name: str, taken: set[str]) -> Path:
    """`name` in `directory`, with -2, -3 … added when an earlier output already took it."""
    stem, dot, suffix = name.partition(".")
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem}-{n}{dot}{suffix}"
    taken.add(candidate)
    return directory / candidate
