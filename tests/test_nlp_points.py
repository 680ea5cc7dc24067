"""Splitting a field into points, with offsets into the original text."""

from __future__ import annotations

import pytest

from checker.nlp.points import split_clauses, split_points


@pytest.mark.parametrize(
    ("text", "points"),
    [
        ("1. 提升数据分析能力\n2. 加强沟通", ["提升数据分析能力", "加强沟通"]),
        ("1、提升A 2、加强B", ["提升A", "加强B"]),
        ("(1)学习新收入准则\n(2)每周复核一次资金日报", ["学习新收入准则", "每周复核一次资金日报"]),
        ("①加强带教②每月考核", ["加强带教②每月考核"]),
        ("一、注意无菌操作\n二、年内取得主管护师资格", ["注意无菌操作", "年内取得主管护师资格"]),
        ("- 动手能力强\n• 肯钻研", ["动手能力强", "肯钻研"]),
        ("操作规范,安全意识强。本季度零事故。", ["操作规范,安全意识强。本季度零事故。"]),
        ("第一条:提升配送时效\n\n第二条:双11前降低差错率", ["提升配送时效", "双11前降低差错率"]),
    ],
)
def test_split_points(text, points):
    spans = split_points(text)
    assert [s.text for s in spans] == points
    for span in spans:
        assert text[span.start : span.end] == span.text


def test_clauses_keep_offsets():
    text = "1. 护理操作熟练,对患者耐心细致。"
    point = split_points(text)[0]
    clauses = split_clauses(point)
    assert [c.text for c in clauses] == ["护理操作熟练", "对患者耐心细致"]
    assert all(text[c.start : c.end] == c.text for c in clauses)


@pytest.mark.parametrize(
    "text, boxes, ticked",
    [
        ("☑季度面谈 □年度面谈", True, ["季度面谈"]),
        ("[x] 同意 [ ] 不同意", True, ["同意"]),
        ("【√】已阅读并确认 【 】有异议", True, ["已阅读并确认"]),
        ("(√)达成一致", True, ["达成一致"]),
        ("○线上 ◯线下", True, []),
        ("工作态度(权重15%):认真负责", False, []),  # a bracket that opens no box
        ("[备注] 无", False, []),
        ("双方无分歧", False, []),
    ],
)
def test_checkbox_choices(text, boxes, ticked):
    from checker.nlp.checkboxes import has_boxes, ticked_options

    assert has_boxes(text) is boxes
    assert ticked_options(text) == ticked
