"""The per-record policy rules of issue 12 beyond their pack examples: where the duration comes from,
remote talks by interview type, neutral mentions that sensitive-content lets pass, grade reading,
support owners, and the pack placement that keeps the default pack quiet on good records."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checker import Checker
from checker.checks.duration import minutes_between, minutes_in
from checker.checks.grade import grade_level
from checker.config import Config
from checker.model import FieldValue, Record

NEW_DEFAULT = ["plan-not-followed-up", "copied-text", "duration-out-of-range", "unsuitable-location",
               "grade-text-mismatch", "sensitive-content"]  # fmt: skip
NEW_STRICT = ["one-sided-record", "support-no-owner"]


@pytest.fixture(scope="module")
def strict():
    return Checker(Config(rules="strict"))


def _rules(checker, **fields):
    record = Record(source="t", fields={k: FieldValue(text=v) for k, v in fields.items()})
    return [(f.rule, f.field, f.text) for f in checker.engine.findings(record)]


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("90分钟", 90),
        ("1小时", 60),
        ("一个半小时", 90),
        ("1小时20分钟", 80),
        ("约50分钟", 50),
        ("半小时", 30),
        ("20min", 20),
    ],
)
def test_duration_field_lengths(text, minutes):
    assert minutes_in(text)[0] == minutes


def test_duration_from_the_interview_time_range():
    assert minutes_between("2024-06-03 14:00-14:20")[0] == 20
    assert minutes_between("2024年6月3日 下午3点-4点半")[0] == 90
    assert minutes_between("2024-07-01 10:30") is None


def test_duration_field_wins_over_the_time_range(checker_instance):
    found = _rules(checker_instance, duration="50分钟", interview_time="2024-06-03 14:00-14:20")
    assert not [f for f in found if f[0] == "duration-out-of-range"]


def test_default_pack_reports_only_short_talks_strict_both(checker_instance, strict):
    assert not [f for f in _rules(checker_instance, duration="90分钟") if f[0] == "duration-out-of-range"]
    assert ("duration-out-of-range", "duration", "90分钟") in _rules(strict, duration="90分钟")


def test_remote_talk_is_fine_for_a_special_talk_only(checker_instance):
    regular = _rules(checker_instance, location="视频会议", interview_type="☑季度面谈 □转岗面谈")
    special = _rules(checker_instance, location="视频会议", interview_type="□季度面谈 ☑转岗面谈")
    assert ("unsuitable-location", "location", "视频") in regular
    assert not [f for f in special if f[0] == "unsuitable-location"]
    assert not [
        f for f in _rules(checker_instance, location="会议室(非开放办公区)") if f[0] == "unsuitable-location"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "7月1日起休产假,工作已交接给小王,交接文档完整。",
        "因病住院两周,期间工作由小李代管。",
        "按公司规定6月安排年度体检。",
        "在少数民族地区市场拓展中新签客户3家。",
    ],
)
def test_neutral_mentions_are_not_sensitive(checker_instance, text):
    found = _rules(checker_instance, performance_summary=text)
    assert not [f for f in found if f[0] == "sensitive-content"], found


def test_sensitive_remark_is_an_error(checker_instance):
    report = checker_instance.audit_record(
        Record(source="t", fields={"weaknesses": FieldValue(text="年龄偏大,学习新系统较慢。")})
    )
    (f,) = [f for f in report.findings if f.rule == "sensitive-content"]
    assert f.severity.value == "error" and "年龄" in f.message


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("A(优秀)", "high"),
        ("☑B □C", "mid"),
        ("C级", "low"),
        ("不合格", "low"),
        ("合格", "mid"),
        ("KPI", None),
    ],
)
def test_grades_are_normalised_through_the_lexicon(checker_instance, text, level):
    found = grade_level(text, checker_instance.analyzer)
    assert (found[0] if found else None) == level


def test_grade_with_mixed_points_is_no_contradiction(checker_instance):
    found = _rules(
        checker_instance,
        grade="A",
        performance_summary="1. 代码评审中被退回7次,编码规范意识有待加强。\n2. 带教1名应届生,已于6月独立承担模块开发。",
    )
    assert not [f for f in found if f[0] == "grade-text-mismatch"]


def test_support_items_need_owner_and_time_in_strict(strict):
    found = _rules(strict, resource_support="1. 由IT部6月前开通测试环境\n2. 报销培训费用")
    assert [f for f in found if f[0] == "support-no-owner"] == [
        ("support-no-owner", "resource_support", "报销培训费用")
    ]


def test_one_sided_record_sees_the_employee_in_the_disagreements(strict):
    voiced = _rules(strict, disagreements="员工认为Q2目标值设定偏高,希望下期调整。")
    silent = _rules(strict, disagreements="无", consensus="双方无分歧。")
    assert not [f for f in voiced if f[0] == "one-sided-record"]
    assert [f for f in silent if f[0] == "one-sided-record"] == [
        ("one-sided-record", "employee_feedback", "")
    ]


def test_pack_placement(checker_instance, strict):
    default_ids = {r.id for r in checker_instance.pack.rules}
    strict_ids = {r.id for r in strict.pack.rules}
    assert set(NEW_DEFAULT) <= default_ids and not set(NEW_STRICT) & default_ids
    assert set(NEW_DEFAULT + NEW_STRICT) <= strict_ids


def _cli(*args):
    exe = shutil.which("checker", path=str(Path(sys.executable).parent)) or "checker"
    return subprocess.run([exe, *args], capture_output=True, text=True, timeout=120)


def test_rules_lists_each_with_its_kind_and_explain_shows_examples():
    listed = _cli("rules", "--rules", "strict").stdout
    kinds = {"plan-not-followed-up": "plan-followed-up", "copied-text": "copied-text",
             "duration-out-of-range": "duration-range", "unsuitable-location": "location-lexicon",
             "grade-text-mismatch": "grade-text", "sensitive-content": "sensitive-lexicon",
             "one-sided-record": "one-sided", "support-no-owner": "support-owner"}  # fmt: skip
    for rule_id, kind in kinds.items():
        line = next(line for line in listed.splitlines() if f" {rule_id} " in line)
        assert kind in line
    explain = _cli("explain", "plan-not-followed-up").stdout
    assert "会触发" in explain and "9月底前考取PMP证书" in explain and "不会触发" in explain
