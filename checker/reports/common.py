"""Shared pieces of the report writers: Chinese names, rule info, grouping, highlighting.

Every name a person reads comes from one place: rule titles from the rule pack (`title:`), field
names from the run's alias table (with the company's --fields), verdict and severity words from
checker.model."""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from checker.model import PASS, SEVERITY_NAMES, Finding, RecordReport, Report

UNKNOWN = "(未填写)"


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
    # the run's AliasTable (field names as the company configured them); None: the shipped table
    fields: object | None = None
    # sources are shown relative to it: the audited folder, the inputs' common root
    root: Path | None = None

    def field_name(self, key: str) -> str:
        return field_name(key, self.fields)

    def source(self, source: str) -> str:
        return relative_source(source, self.root)


def make_context(report: Report, inputs=(), pack=None, color: bool = False, fields=None) -> Context:
    pack = pack or _load_pack(report.rule_pack)
    return Context(
        tuple(inputs), pack, color, rule_infos(report, pack), fields=fields, root=common_root(inputs)
    )


def _load_pack(label: str):
    try:
        from checker.checks.pack import load_pack

        return load_pack(label.split("@")[0] or "default")
    except Exception:  # a custom pack file that moved: fall back to ids only
        return None


def rule_infos(report: Report, pack) -> dict[str, RuleInfo]:
    """Title, description and severity of every rule of the pack (and of any rule that fired)."""
    infos: dict[str, RuleInfo] = {}
    for rule in getattr(pack, "rules", []) or []:
        title = getattr(rule, "title", "") or rule.description.split("。")[0][:24]
        infos[rule.id] = RuleInfo(rule.id, title, " ".join(rule.description.split()), rule.severity.value)
    for rec in report.records:
        for f in rec.findings:
            infos.setdefault(f.rule, RuleInfo(f.rule, f.rule, "", f.severity.value))
    return infos


@lru_cache(maxsize=4)
def pack_titles(name: str = "default") -> dict[str, str]:
    """Rule id -> title of a shipped pack (for reports on stored records, whose run's pack is gone)."""
    pack = _load_pack(name)
    return {rule.id: rule.title for rule in getattr(pack, "rules", []) or [] if rule.title}


def rule_title(ctx: Context, rule_id: str) -> str:
    info = ctx.rules.get(rule_id)
    return info.title if info else rule_id


def field_name(key: str, table=None) -> str:
    """The Chinese name of a field key in `table` (the run's alias table), else the shipped one."""
    if table is None:
        table = _shipped_table()
    return table.name(key) if table is not None else key


@lru_cache(maxsize=1)
def _shipped_table():
    try:
        from checker.intake.fields import load_alias_table

        return load_alias_table(())
    except Exception:
        return None


def severity_name(finding: Finding) -> str:
    return SEVERITY_NAMES.get(finding.severity.value, finding.severity.value)


def common_root(inputs) -> Path | None:
    """The folder the inputs share: the audited folder, a file's folder, the part of a glob before
    its first wildcard; None without inputs or when they share only the file system's root (sources
    are then shown relative to the current directory)."""
    folders = []
    for given in inputs or ():
        parts = Path(os.path.abspath(str(given))).parts
        plain = next((i for i, part in enumerate(parts) if any(c in part for c in "*?[")), len(parts))
        path = Path(*parts[:plain])
        folders.append(path if plain < len(parts) or path.is_dir() else path.parent)
    if not folders:
        return None
    try:
        root = Path(os.path.commonpath([str(f) for f in folders]))
    except ValueError:  # different drives
        return None
    return None if root == root.parent else root  # "/" says nothing: the current directory then


def relative_source(source: str, root: Path | None) -> str:
    """`source` relative to `root` (or to the current directory) when it lies below it; else as given.
    HR passes the workbook on: an absolute path says where it sat on the auditor's disk, nothing more."""
    absolute = os.path.abspath(source)
    for base in (root, Path.cwd()):
        if base is None:
            continue
        try:
            relative = os.path.relpath(absolute, base)
        except ValueError:
            continue
        if not relative.startswith(os.pardir):
            return relative.replace(os.sep, "/")
    return source


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
        return sum(1 for r in self.records if r.verdict == PASS)

    @property
    def pass_rate(self) -> float:
        return round(self.passed / len(self.records), 3) if self.records else 0.0

    @property
    def mean_score(self) -> float:
        return round(sum(r.score for r in self.records) / len(self.records), 1) if self.records else 0.0

    def rule_count(self, rule_id: str) -> int:
        return sum(1 for r in self.records for f in r.findings if f.rule == rule_id)

    @property
    def findings(self) -> int:
        return sum(len(r.findings) for r in self.records)

    def top_rules(self, n: int = 3) -> list[tuple[str, int]]:
        """The rules with most findings in this group, most first (ties: rule id)."""
        counts = Counter(f.rule for r in self.records for f in r.findings)
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def group_by(report: Report, key: str) -> list[Group]:
    """Records grouped on a field (department, manager_name …), weakest first: lowest pass rate,
    then lowest mean score; records that leave the field empty form the last group, (未填写)."""
    groups: dict[str, Group] = defaultdict(lambda: Group(""))
    for rec in report.records:
        name = rec.fields.get(key, "").strip() or UNKNOWN
        groups[name].name = name
        groups[name].records.append(rec)
    return sorted(groups.values(), key=weakest_first)


def weakest_first(group: Group) -> tuple:
    return (group.name == UNKNOWN, group.pass_rate, group.mean_score, group.name)


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
