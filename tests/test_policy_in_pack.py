"""Issue 14: policy lives in the rule pack and vocabulary in lexicons/, not in Python. A pack (or a
company's lexicon words) changes what the checks decide; the Python defaults decide nothing. And the
limit defaults are written once (config.LimitsConfig), so gate.Limits() cannot drift from them."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker import Checker
from checker.checks.base import Settings, is_placeholder
from checker.checks.pack import load_pack
from checker.cli import main
from checker.config import Config, LimitsConfig
from checker.intake.gate import Limits
from checker.model import FieldValue, Record
from checker.resources import data_path
from tests.builders import docx_grid

GOOD = {
    "employee_name": "张伟",
    "manager_name": "王经理",
    "interview_time": "2024年6月3日 15:00-16:00",
    "location": "3楼会议室",
    "performance_summary": "6月在订单系统迁移中牵头完成3个模块的接口改造,版本按期上线,线上故障为0。",
    "improvement_plan": "9月30日前把负责模块的单元测试覆盖率提升到70%",
    "resource_support": "申请测试环境2台,由IT部6月底前到位",
    "consensus": "双方对考核结果无异议",
    "disagreements": "无",
    "employee_confirmation": "张伟 2024-06-04",
    "record_date": "2024年6月4日 10:00",
}


def _record(**changes: str) -> Record:
    values = {**GOOD, **changes}
    return Record(source="t", fields={k: FieldValue(text=v) for k, v in values.items()})


def _fired(checker: Checker, rule: str, **changes: str) -> list:
    return [f for f in checker.audit_record(_record(**changes)).findings if f.rule == rule]


@pytest.fixture(scope="module")
def default() -> Checker:
    return Checker(Config())


def _copied_pack(tmp_path: Path, old: str, new: str) -> Path:
    """rules/default.yaml copied, as the pack's header tells a company to, with one line changed."""
    text = (data_path("rules") / "default.yaml").read_text(encoding="utf-8")
    assert text.count(old) == 1
    path = tmp_path / "my-pack.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


# ---------------------------------------------------------------- placeholders and hints: the pack's


def test_the_placeholders_are_the_default_packs_not_pythons():
    settings = load_pack("default").settings
    assert is_placeholder("待填", settings) and is_placeholder("(请填写具体措施)", settings)
    bare = Settings()  # the mechanism alone: a blank box or an unfilled signature line, nothing more
    assert is_placeholder("  ", bare) and is_placeholder("签字:    日期:", bare)
    assert not is_placeholder("待填", bare) and not is_placeholder("请填写具体措施", bare)


def test_a_copied_pack_with_other_placeholders_changes_what_is_missing(tmp_path, default):
    path = _copied_pack(tmp_path, '"待填", ', '"待定", ')
    mine = Checker(Config(rules=str(path)))
    assert _fired(default, "missing-field", resource_support="待填")
    assert not _fired(default, "missing-field", resource_support="待定")
    assert _fired(mine, "missing-field", resource_support="待定")[0].text == "待定"
    assert not _fired(mine, "missing-field", resource_support="待填")


def test_an_extending_pack_sets_its_own_hint_prefixes(tmp_path, default):
    path = tmp_path / "pack.yaml"
    path.write_text(
        'pack: mine\nextends: default\nsettings:\n  hint_prefixes: ["此栏写"]\n', encoding="utf-8"
    )
    mine = Checker(Config(rules=str(path)))
    assert _fired(mine, "missing-field", improvement_plan="此栏写改进措施")
    assert not _fired(default, "missing-field", improvement_plan="此栏写改进措施")
    # the list replaces the default one: the default pack's hints are no longer hints
    assert not _fired(mine, "missing-field", improvement_plan="请填写改进措施")
    assert _fired(default, "missing-field", improvement_plan="请填写改进措施")


def test_a_docx_read_through_the_cli_follows_the_packs_placeholders(tmp_path):
    form = docx_grid(
        tmp_path / "记录.docx",
        [
            ("员工姓名", "张伟", "面谈人", "王经理"),
            ("面谈时间", "2024年6月3日 15:00-16:00", "面谈地点", "3楼会议室"),
            ("绩效总结", GOOD["performance_summary"]),
            ("改进计划", GOOD["improvement_plan"]),
            ("资源支持", "待定"),
            ("共识", "双方对考核结果无异议", "分歧", "无"),
            ("员工确认", "张伟 2024-06-04", "记录日期", "2024年6月4日 10:00"),
        ],
    )
    pack = _copied_pack(tmp_path, '"待填", ', '"待定", ')

    def missing(*rules: str) -> list[str]:
        out = tmp_path / "out.json"
        CliRunner().invoke(main, ["audit", str(form), *rules, "--format", "json", "-o", str(out)])
        records = json.loads(out.read_text(encoding="utf-8"))["records"]
        return [f["field"] for r in records for f in r["findings"] if f["rule"] == "missing-field"]

    assert "resource_support" not in missing()
    assert missing("--rules", str(pack)) == ["resource_support"]


# ---------------------------------------------------------------- vocabulary: lexicons a company extends


def test_no_disagreement_words_come_from_the_agreement_lexicon(default):
    more = Checker(Config(lexicons={"agreement": ["看法相同"]}))
    said = {"disagreements": "无", "consensus": "双方看法相同"}
    assert _fired(default, "missing-field", **said)
    assert not _fired(more, "missing-field", **said)
    assert not _fired(default, "missing-field", disagreements="无", consensus="双方意见一致")


def test_refusal_words_come_from_the_confirmation_lexicon(default):
    more = Checker(Config(lexicons={"confirmation": ["不签字 refusal"]}))
    assert not _fired(default, "unconfirmed", employee_confirmation="本人不签字")
    assert "不确认" in _fired(more, "unconfirmed", employee_confirmation="本人不签字")[0].message
    # the printed statement beside unticked boxes is no confirmation; a name beside it is
    assert _fired(default, "unconfirmed", employee_confirmation="本人已阅读并确认以上面谈内容 □")
    assert not _fired(default, "unconfirmed", employee_confirmation="本人已阅读并确认以上面谈内容 □ 张伟")


def test_assent_only_replies_come_from_the_employee_voice_lexicon():
    strict = Checker(Config(rules="strict"))
    more = Checker(Config(rules="strict", lexicons={"employee_voice": ["没问题 assent"]}))
    assert _fired(strict, "one-sided-record", employee_feedback="本人同意。")
    assert not _fired(strict, "one-sided-record", employee_feedback="没问题")
    assert _fired(more, "one-sided-record", employee_feedback="没问题")


def test_the_strict_pack_still_carries_the_inherited_and_its_own_policy():
    strict = load_pack("strict")
    assert strict.settings.placeholders == load_pack("default").settings.placeholders
    assert strict.params["duration-out-of-range"].states == {"short": "太短", "long": "太长"}
    assert strict.params["support-no-owner"].missing["both"] == "由谁负责、何时到位"
    result = CliRunner().invoke(main, ["explain", "one-sided-record", "--rules", "strict"])
    assert result.exit_code == 0 and "employee_voice" in result.output


# ---------------------------------------------------------------- limits: written once


def test_gate_limits_default_to_the_config_limits():
    config = LimitsConfig().to_limits()
    # the .doc conversion is capped by seconds_per_file only when a config is given
    assert dataclasses.replace(Limits(), convert_seconds=config.convert_seconds) == config


# isolate and the *_above_kb thresholds choose where a file is read (checker/intake/pool.py), not
# what it may hold: they are no reader limits
READER_LIMITS = [
    n
    for n, f in LimitsConfig.model_fields.items()
    if f.annotation in (int, float) and n != "isolate" and not n.endswith("_above_kb")
]


@pytest.mark.parametrize("name", READER_LIMITS)
def test_every_numeric_config_limit_reaches_the_reader(name):
    doubled = LimitsConfig(**{name: getattr(LimitsConfig(), name) * 2}).to_limits()
    assert doubled != LimitsConfig().to_limits()
