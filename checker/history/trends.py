"""`checker trends`: pass rate and each rule's rate over time and by group, from the record database,
plus the topics employees raise (topics.py). One plain dict (`build_trends`) that every format renders
(render.py): text, json, xlsx, html.

A record checked in several runs counts once, with its latest result (store.load_records(latest=True)).
Rates are per record: a rule's rate is the share of records with at least one finding of it.
Records are placed in time by their interview month (面谈时间; else the end of 考核周期).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from checker.normalise import UNKNOWN, Normaliser, default_normaliser

BY_CHOICES = ("month", "department", "job_family", "grade", "manager")
BY_NAMES = {"month": "月份", "department": "部门", "job_family": "岗位序列", "grade": "绩效等级", "manager": "面谈人"}
NO_MONTH = "未知月份"


def group_of(rec, by: str) -> str:
    if by == "month":
        return rec.month or NO_MONTH
    if by == "department":
        return rec.department or UNKNOWN
    if by == "job_family":
        return rec.job_family_norm or UNKNOWN
    if by == "grade":
        return rec.grade_norm or UNKNOWN
    if by == "manager":
        return rec.manager_name or UNKNOWN
    raise ValueError(f"不支持的分组:{by}")


def stats(name: str, records: list, rules: list[str]) -> dict:
    n = len(records)
    passed = sum(1 for r in records if r.passed)
    rule_records = {rule: sum(1 for r in records if r.rules.get(rule)) for rule in rules}
    return {
        "group": name,
        "records": n,
        "passed": passed,
        "pass_rate": round(passed / n, 4) if n else 0.0,
        "avg_score": round(sum(r.score for r in records) / n, 1) if n else 0.0,
        "findings": sum(sum(r.rules.values()) for r in records),
        "rules": {rule: {"records": k, "rate": round(k / n, 4) if n else 0.0} for rule, k in rule_records.items()},
    }


def _order(by: str, names: Iterable[str], normaliser: Normaliser, sizes: dict[str, int]) -> list[str]:
    names = list(names)
    if by == "month":
        return sorted(names, key=lambda m: (m == NO_MONTH, m))
    if by == "grade":
        return sorted(names, key=lambda g: (g == UNKNOWN, normaliser.rank("grade", g), g))
    if by == "job_family":
        return sorted(names, key=lambda g: (g == UNKNOWN, normaliser.rank("job_family", g), -sizes[g], g))
    return sorted(names, key=lambda g: (g == UNKNOWN, -sizes[g], g))


def build_trends(records: list, by: str = "month", since: str | None = None, until: str | None = None,
                 normaliser: Normaliser | None = None, topics: bool = True, top: int = 5,
                 topic_lexicon=None, database: str = "", rule_names: dict[str, str] | None = None) -> dict:  # fmt: skip
    """The whole trends document (JSON-able). `records` as store.load_records() gives them."""
    normaliser = normaliser or default_normaliser()
    if by not in BY_CHOICES:
        raise ValueError(f"--by 只能是 {'、'.join(BY_CHOICES)}")
    rule_totals: dict[str, int] = {}
    for r in records:
        for rule in r.rules:
            rule_totals[rule] = rule_totals.get(rule, 0) + 1
    rules = sorted(rule_totals, key=lambda k: (-rule_totals[k], k))
    months: dict[str, list] = {}
    for r in records:
        months.setdefault(group_of(r, "month"), []).append(r)
    month_order = _order("month", months, normaliser, {})
    doc = {
        "title": "绩效面谈记录质量趋势",
        "generated_at": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "database": database,
        "since": since or "",
        "until": until or "",
        "by": by,
        "by_name": BY_NAMES[by],
        "records": len(records),
        "rules": rules,
        "rule_names": {rule: (rule_names or {}).get(rule, rule) for rule in rules},
        "overall": stats("全部", records, rules),
        "months": [stats(m, months[m], rules) for m in month_order],
        "groups": [],
        "series": {},
        "topics": [],
    }
    if by == "month":
        doc["groups"] = doc["months"]
    else:
        groups: dict[str, list] = {}
        for r in records:
            groups.setdefault(group_of(r, by), []).append(r)
        order = _order(by, groups, normaliser, {g: len(v) for g, v in groups.items()})
        doc["groups"] = [stats(g, groups[g], rules) for g in order]
        # pass rate of each group month by month (the chart's lines); None where a group has no record
        for g in order:
            per_month: dict[str, list] = {}
            for r in groups[g]:
                per_month.setdefault(group_of(r, "month"), []).append(r)
            doc["series"][g] = {
                m: (round(sum(x.passed for x in per_month[m]) / len(per_month[m]), 4) if m in per_month else None)
                for m in month_order
            }
    if topics:
        from checker.history.topics import analyse_topics

        doc["topics"] = [s.to_dict() for s in analyse_topics(records, top=top, lexicon=topic_lexicon)]
    return doc
