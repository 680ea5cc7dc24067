"""The rules that need no NLP, on whole records: missing-field, late-record, unconfirmed."""

from __future__ import annotations

import pytest

from checker.nlp.datetimes import hours_late, parse_moment

COMPLETE = {
    "employee_name": "张三",
    "manager_name": "李四",
    "interview_time": "2024年6月3日 15:00-16:00",
    "location": "3楼会议室",
    "performance_summary": "Q2完成销售额120万,完成率96%。",
    "consensus": "双方对考核结果无异议。",
    "disagreements": "无",
    "improvement_plan": "9月30日前新签客户5家",
    "resource_support": "市场部每月提供1次竞品资料。",
    "employee_confirmation": "张三 2024-06-04",
    "record_date": "2024年6月4日 10:00",
}


def rules_fired(checker, **changes):
    from checker.model import FieldValue, Record

    fields = {**COMPLETE, **changes}
    fields = {k: v for k, v in fields.items() if v is not None}
    report = checker.audit_record(
        Record(source="t", fields={k: FieldValue(text=v) for k, v in fields.items()})
    )
    return {(f.rule, f.field) for f in report.findings}


def test_complete_record_is_clean(checker_instance):
    assert rules_fired(checker_instance) == set()


@pytest.mark.parametrize("placeholder", ["", "无", "/", "——", "待填", "略", "见附件", "请填写资源需求"])
def test_placeholders_are_missing(checker_instance, placeholder):
    assert ("missing-field", "resource_support") in rules_fired(
        checker_instance, resource_support=placeholder
    )


def test_absent_field_is_missing(checker_instance):
    assert ("missing-field", "location") in rules_fired(checker_instance, location=None)


def test_disagreement_none_needs_consensus_to_say_so(checker_instance):
    assert ("missing-field", "disagreements") in rules_fired(checker_instance, consensus="双方确认评价结果。")
    assert ("missing-field", "disagreements") not in rules_fired(checker_instance, consensus="双方无分歧。")


def test_placeholder_plan_gets_only_missing_field(checker_instance):
    fired = rules_fired(checker_instance, improvement_plan="请填写具体改进措施")
    assert {r for r, f in fired if f == "improvement_plan"} == {"missing-field"}


@pytest.mark.parametrize(
    ("value", "fires"),
    [
        ("", True),
        ("/", True),
        ("□同意 □不同意", True),
        ("☑同意 □不同意", False),
        ("已确认", False),
        ("张三", False),
    ],
)
def test_confirmation(checker_instance, value, fires):
    fired = rules_fired(checker_instance, employee_confirmation=value)
    assert (("unconfirmed", "employee_confirmation") in fired) is fires
    assert ("missing-field", "employee_confirmation") not in fired


@pytest.mark.parametrize(
    ("interview", "record", "late"),
    [
        ("2024年6月3日 15:00", "2024年6月4日 10:00", False),
        ("2024年6月3日 15:00", "2024年6月6日", True),
        ("2024-07-05 09:30-10:30", "2024-07-09", True),
        ("2024/6/3 下午3点", "2024/6/4 下午2点", False),
        ("2024/6/3 下午3点", "2024/6/4 下午4点", True),
        ("6.3", "6.4", False),
        ("6.3", "6.6", True),
        ("2024年6月3日", "6月5日", True),
        ("2024-06-03 14:00-15:00", "2024-06-04 14:30", False),
        ("2024年6月3日", "", False),
    ],
)
def test_late_record(interview, record, late):
    assert hours_late(interview, record, 24)[0] is late


def test_checkbox_choice_is_reported(checker_instance):
    from checker.model import FieldValue, Record

    report = checker_instance.audit_record(
        Record(source="t", fields={"interview_type": FieldValue(text="☑季度面谈 □年度面谈 [ ]晋升面谈")})
    )
    assert report.choices == {"interview_type": ["季度面谈"]}


def test_time_formats():
    m = parse_moment("2024/6/3 下午3点-4点半")
    assert (m.start.hour, m.end.hour, m.end.minute) == (15, 16, 30)
    assert parse_moment("2024年6月3日 15:00-16:00").end.hour == 16
    assert parse_moment("6月3日 9:00", default_year=2024).start.month == 6
    assert parse_moment("尚未面谈") is None


@pytest.mark.parametrize(
    ("value", "fires"),
    [
        ("日期:", True),
        ("签字:      日期:    年  月  日", True),
        ("本人已阅读并确认以上内容 □", True),
        ("本人已阅读并确认以上内容 ☑", False),
        ("☐本人已阅读并确认以上记录内容", True),
        ("☐本人已阅读并确认以上面谈记录内容  张三", False),
        ("张三  日期:2024-06-04", False),
        ("□同意 □不同意  张三", False),
    ],
)
def test_signature_scaffolding(checker_instance, value, fires):
    assert (
        ("unconfirmed", "employee_confirmation") in rules_fired(checker_instance, employee_confirmation=value)
    ) is fires
