"""The alias table: tolerant label matching, and company extensions without code."""

from __future__ import annotations

import pytest

from checker.intake.fields import AliasTable, load_alias_table


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("员工姓名", "employee_name"),
        ("姓  名:", "employee_name"),
        ("被面谈人*", "employee_name"),
        ("面谈官", "manager_name"),
        ("沟通人:", "manager_name"),
        ("上级主管", "manager_name"),
        ("面谈时间(必填)", "interview_time"),
        ("面谈时间(年月日)", "interview_time"),
        ("后续行动计划", "improvement_plan"),
        ("下季度改进的行动计划", "improvement_plan"),
        ("希望从公司得到怎样的帮助", "resource_support"),
        ("本人签名", "employee_confirmation"),
        ("员工签字/日期", "employee_confirmation"),
        ("面谈人签字/日期", "manager_signature"),
        ("二、绩效总结", "performance_summary"),
        ("(三)改进计划", "improvement_plan"),
        ("面谈地点", "location"),
        ("员工姓名", "employee_name"),
        ("被面谈人(签字)", "employee_confirmation"),
        ("面谈人(签名)", "manager_signature"),
        ("员工(签字):", "employee_confirmation"),
    ],
)
def test_labels_map_to_keys(label, key, alias_table):
    assert alias_table.lookup(label) == key


@pytest.mark.parametrize(
    "text", ["员工绩效面谈记录表", "张三", "3楼会议室", "本季度完成销售额120万元", "绩效面谈记录", "部门意见"]
)
def test_values_and_titles_are_not_labels(text, alias_table):
    assert alias_table.lookup(text) is None


def test_company_extension_file(tmp_path):
    extra = tmp_path / "fields.yaml"
    extra.write_text(
        "fields:\n  improvement_plan:\n    aliases: [个人提升路线图]\n  cost_center:\n    name: 成本中心\n"
        "    aliases: [成本中心编码]\n",
        encoding="utf-8",
    )
    table = load_alias_table((str(extra),))
    assert table.lookup("个人提升路线图") == "improvement_plan"
    assert table.lookup("成本中心编码") == "cost_center"
    assert table.lookup("改进计划") == "improvement_plan"


def test_bad_extension_file_is_reported(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("fields: [1, 2]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="字段别名表"):
        AliasTable().extend_from_file(bad)
