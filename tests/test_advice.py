"""Messages quote the document's own words, and the advice fits the point (issue: reports round 2)."""

from __future__ import annotations

import pytest

from checker.model import FieldValue, Record


def _findings(checker_instance, **fields):
    record = Record(source="advice", fields={k: FieldValue(text=v) for k, v in fields.items()})
    return checker_instance.audit_record(record).findings


def _one(checker_instance, rule, **fields):
    found = [f for f in _findings(checker_instance, **fields) if f.rule == rule]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("沟通不够主动", "「沟通不够主动」"),
        ("工作态度认真负责", "「工作态度认真负责」"),
        ("肯干,服从安排", "「肯干」"),
    ],
)
def test_message_quotes_exist_in_the_document(checker_instance, text, quote):
    finding = _one(checker_instance, "vague-rating", weaknesses=text)
    assert quote in finding.message
    for part in finding.message.split("「")[1:]:
        assert part.split("」")[0] in text, finding.message


def test_criticism_gets_criticism_advice(checker_instance):
    advice = _one(checker_instance, "vague-rating", weaknesses="时间管理能力不足").suggestion
    assert "具体的表现" in advice and "协调三个部门" not in advice


def test_praise_gets_a_case_example(checker_instance):
    advice = _one(checker_instance, "vague-rating", strengths="沟通能力强,值得肯定").suggestion
    assert "协调三个部门" in advice


def test_kpi_result_asks_for_the_figures(checker_instance):
    advice = _one(checker_instance, "vague-rating", kpi_result="良好").suggestion
    assert "目标值" in advice and "完成" in advice


@pytest.mark.parametrize(
    ("position", "expected"),
    [("后端开发工程师", "单元测试覆盖率"), ("外科护士", "护理查房"), ("门店店长", "会员新增"), ("", "月度经营分析报告")],
)
def test_plan_example_fits_the_job_family(checker_instance, position, expected):
    finding = _one(checker_instance, "plan-no-quantity", position=position, improvement_plan="提升沟通能力")
    assert expected in finding.suggestion


def test_a_routine_gets_routine_deadline_advice(checker_instance):
    finding = _one(checker_instance, "plan-no-deadline", improvement_plan="每周参加1次代码评审")
    assert "例行" in finding.suggestion and "9月30日前" not in finding.suggestion


def test_a_vague_time_word_is_named(checker_instance):
    finding = _one(checker_instance, "plan-no-deadline", improvement_plan="尽快熟悉业务流程")
    assert finding.suggestion.startswith("「尽快」不是期限")


@pytest.mark.parametrize(
    ("field", "text", "expected", "not_expected"),
    [
        ("resource_support", "无", "由谁提供", "双方无分歧"),
        ("location", "/", "3楼小会议室", "双方无分歧"),
        ("manager_name", "", "主持面谈", "双方无分歧"),
        ("disagreements", "待填", "双方无分歧", "3楼"),
    ],
)
def test_missing_field_advice_fits_the_field(checker_instance, field, text, expected, not_expected):
    finding = next(f for f in _findings(checker_instance, **{field: text}) if f.field == field)
    assert finding.rule == "missing-field"
    assert expected in finding.suggestion and not_expected not in finding.suggestion
