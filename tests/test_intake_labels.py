"""Label aliases seen in real templates, and the label forms derived from them."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("存在的分歧", "disagreements"),
        ("上级综合评价", "performance_summary"),
        ("直接上级综合评价", "performance_summary"),
        ("上级意见", "performance_summary"),
        ("面谈人姓名", "manager_name"),
        ("直接上级姓名", "manager_name"),
        ("部门经理", "manager_name"),
        ("部门经理签字", "manager_signature"),
        ("上级主管", "manager_name"),
        ("上级签字", "manager_signature"),
        ("员工姓名", "employee_name"),
    ],
)
def test_real_template_labels(label, key, alias_table):
    assert alias_table.lookup(label) == key


@pytest.mark.parametrize("text", ["上级职务", "主管领导", "面谈人职务", "员工绩效面谈记录表"])
def test_role_words_alone_do_not_make_a_label(text, alias_table):
    assert alias_table.lookup(text) is None
