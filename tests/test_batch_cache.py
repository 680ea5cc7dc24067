"""The engine's findings cache (issue 10): each distinct text is checked once per run, and the
results are exactly those of checking every record from scratch."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pydantic
import pytest

from checker.api import Checker
from checker.engine import PER_FIELD_KINDS, RULE_READS
from checker.model import FieldValue, Record

ROOT = Path(__file__).resolve().parents[1]
FIELDS = ("performance_summary", "strengths", "improvement_plan", "consensus", "disagreements",
          "employee_confirmation", "record_date", "interview_time", "employee_name", "resource_support",
          "location", "interview_type", "grade", "duration", "employee_feedback", "weaknesses", "kpi_result")  # fmt: skip


def _records() -> list[Record]:
    """Records mixing labelled texts across fields, with repeats, blanks, placeholders and absences."""
    texts = []
    for path in sorted((ROOT / "tests" / "data").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    rng = random.Random(5)
    extra = [
        "无",
        "",
        "  ",
        "无分歧",
        "双方无分歧",
        "张三 2024-06-04",
        "☑已确认",
        "2024-06-03 15:00",
        "2024-06-06",
    ]
    # values the issue-12 kinds read: places, talk types, grades, durations, the employee's own words
    policy = ["视频会议", "开放办公区", "3楼会议室", "转岗面谈", "☑常规面谈 □转岗面谈", "A", "优秀", "C", "不合格",
              "30分钟", "90分钟", "同意", "无意见", "希望增加测试资源", "14:00-14:20"]  # fmt: skip
    pool = texts[:400] + extra + policy * 8
    records = []
    for i in range(600):
        fields = {k: FieldValue(text=rng.choice(pool)) for k in FIELDS if rng.random() < 0.85}
        records.append(Record(source=f"r{i % 7}.json", index=i, fields=fields))
    return records + records[:200]  # the same records again: cache hits


def test_cached_findings_equal_uncached():
    cached, plain = Checker(), Checker()
    plain.engine.cache_size = 0
    records = _records()
    got = [cached.audit_record(r).model_dump() for r in records]
    want = [plain.audit_record(r).model_dump() for r in records]
    assert got == want
    assert cached.engine._cache and not plain.engine._cache


def test_cache_is_bounded_and_hits_share_frozen_findings():
    checker = Checker()
    checker.engine.cache_size = 50
    records = _records()[:300]
    for rec in records:
        checker.audit_record(rec)
    assert checker.engine._cache and all(len(c) <= 50 for c in checker.engine._cache.values())
    first = checker.audit_record(records[0])
    again = checker.audit_record(records[0])
    assert first.model_dump() == again.model_dump()
    # a hit hands back the same Finding objects (frozen, so no record can change another's) in a
    # list of the record's own (the cross-record stage appends to it)
    assert first.findings and all(a is b for a, b in zip(first.findings, again.findings, strict=True))
    assert first.findings is not again.findings
    with pytest.raises(pydantic.ValidationError):
        first.findings[0].message = "改了"


def test_cached_kinds_exist():
    from checker.checks import REGISTRY

    assert set(PER_FIELD_KINDS) <= set(REGISTRY) and set(RULE_READS) <= set(REGISTRY)


def _family_records() -> list[Record]:
    """The same few plans under many departments, positions and job families (an export's columns)."""
    plans = ["提升代码质量", "1. 加强沟通\n2. 多向同事学习", "每月参加1次数据分析培训", "提高工作效率,多学习"]
    families = ["技术序列", "销售序列", "职能序列", "", "护理序列"]
    positions = ["后端开发工程师", "客户经理", "会计", "护士", "店长", ""]
    departments = ["研发中心", "销售部", "财务部", "门诊部", "门店运营部"]
    rng = random.Random(9)
    records = []
    for i in range(400):
        fields = {
            "improvement_plan": rng.choice(plans),
            "job_family": rng.choice(families),
            "position": rng.choice(positions),
            "department": rng.choice(departments),
        }
        values = {k: FieldValue(text=v) for k, v in fields.items() if v}
        records.append(Record(source="e.xlsx", index=i, fields=values))
    return records


def test_plan_advice_is_cached_by_job_family_not_by_every_column():
    cached, plain = Checker(), Checker()
    plain.engine.cache_size = 0
    records = _family_records()
    got = [cached.audit_record(r).model_dump() for r in records]
    assert got == [plain.audit_record(r).model_dump() for r in records]
    # the advice example differs by family: more than one appears for the same plan
    advice = {f["suggestion"] for rec in got for f in rec["findings"] if f["rule"] == "plan-no-quantity"}
    assert len(advice) > 1
    # one entry per plan and family, not per combination of family, position and department texts
    entries = cached.engine._cache["plan-no-quantity"]
    combos = {(r.text("job_family"), r.text("position"), r.text("department")) for r in records}
    families = {_family(cached, r) for r in records}
    assert len(entries) <= len(families) * 4 < len(combos)


def _family(checker: Checker, record: Record) -> str:
    from checker.checks.base import CheckContext

    return CheckContext(record, checker.engine.analyzer, checker.pack.settings, checker.fields).job_family()


def test_job_family_answers_follow_the_lexicon_when_it_changes():
    from checker.checks.base import job_family_in
    from checker.nlp.lexicon import Lexicon

    families = Lexicon("job_families")
    families.add("研发", {"tech"})
    assert job_family_in(("", "", "门诊部"), families) == ""
    families.add("门诊", {"nursing"})  # a remembered answer must not outlive the entries it came from
    assert job_family_in(("", "", "门诊部"), families) == "nursing"
    assert job_family_in(("研发序列", "", "门诊部"), families) == "tech"  # the first field that names one


def test_per_field_kinds_read_only_the_fields_they_are_keyed_by():
    """The findings cache keys a per-field rule by its field's text (and those PER_FIELD_KINDS names):
    run on a record holding only those fields, each gives exactly what it gives on the whole record."""
    from checker.checks.base import CheckContext

    checker = Checker()
    engine = checker.engine
    steps = [s for s in engine._plan() if s.per_field]
    assert steps
    checked = 0
    for record in _records() + _family_records():
        whole = CheckContext(record, engine.analyzer, checker.pack.settings, checker.fields)
        for step in steps:
            for key, keys, _ in step.field_keys:
                wanted = (key,) if keys is None else keys
                alone = Record(source=record.source, fields={k: record.fields[k] for k in wanted if k in record.fields})
                ctx = CheckContext(alone, engine.analyzer, checker.pack.settings, checker.fields)
                rule = engine._single_rule(step.rule, key)
                assert step.kind.run(rule, step.params, whole) == step.kind.run(rule, step.params, ctx)
                checked += 1
    assert checked > 1000


def test_inline_only_kinds_find_nothing_without_their_inline_fields():
    """The engine does not run INLINE_ONLY kinds for a record without fields under their prefix: run
    anyway, each gives nothing for it; given the other record inline, the same rule does fire."""
    from checker.checks import REGISTRY
    from checker.checks.base import CheckContext
    from checker.engine import INLINE_ONLY

    checker = Checker()
    engine = checker.engine
    rules = {r.kind: r for r in checker.pack.active(engine.disabled) if r.kind in INLINE_ONLY}
    assert set(rules) == set(INLINE_ONLY) <= set(REGISTRY)
    for record in _records()[:300]:
        ctx = CheckContext(record, engine.analyzer, checker.pack.settings, checker.fields)
        for kind, rule in rules.items():
            assert REGISTRY[kind].run(rule, checker.pack.params[rule.id], ctx) == []
    summary = "主导完成订单中心支付模块重构,6月上线后未出现P1级故障;季度内组织三次跨部门评审"
    copied = Record(source="a.json", fields={
        "employee_name": FieldValue(text="张三"), "performance_summary": FieldValue(text=summary),
        "other.employee_name": FieldValue(text="李四"), "other.performance_summary": FieldValue(text=summary),
    })  # fmt: skip
    assert "copied-text" in {f.rule for f in checker.audit_record(copied).findings}
    previous = Record(source="b.json", fields={
        "employee_name": FieldValue(text="张三"), "performance_summary": FieldValue(text=summary),
        "previous.improvement_plan": FieldValue(text="1. 9月30日前完成数据库迁移方案评审"),
    })  # fmt: skip
    assert "plan-not-followed-up" in {f.rule for f in checker.audit_record(previous).findings}
