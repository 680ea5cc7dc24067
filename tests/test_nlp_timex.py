"""Time expressions: dates, period ends, duration bounds, milestones and non-deadlines."""

from __future__ import annotations

import pytest

from checker.nlp.lexicon import load_lexicons
from checker.nlp.timex import TimeRecognizer


@pytest.fixture(scope="module")
def times():
    return TimeRecognizer(load_lexicons())


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("2024-09-30前提交", "date"),
        ("2024/9/30前", "date"),
        ("2024年9月30日前", "date"),
        ("9月30日前", "date"),
        ("十月一日前完成", "date"),
        ("12月15号之前", "date"),
        ("9.30前读完", "date"),
        ("20号前交齐材料", "date"),
        ("下周五前提交方案", "date"),
        ("季度末完成", "period"),
        ("月底前", "period"),
        ("Q3末", "period"),
        ("H2完成验证", "period"),
        ("年前配齐人员", "period"),
        ("本学期末完成论文", "period"),
        ("到期末将上交率提高到95%", "period"),
        ("两周内输出文档", "duration"),
        ("30天内熟悉流程", "duration"),
        ("三个月内掌握编程", "duration"),
        ("下次面谈前改善", "milestone"),
        ("转正前通过考核", "milestone"),
        ("转正前提高熟练度", "milestone"),
        ("上线前补齐测试", "milestone"),
        ("年审前理顺台账", "milestone"),
        ("旺季前熟悉陈列标准", "milestone"),
        ("期末考试前做好复习指导", "milestone"),
        ("双11前将差错率降到0.1%以下", "milestone"),
        # blind set 3 error classes (sentences not from that set)
        ("年检前进一步规范车辆台账", "milestone"),  # 前 + 进一步 is not 前进
        ("年会前排练好节目", "milestone"),  # 前 + 排练 is not 前排
        ("实习结束时通过出科考核", "milestone"),  # the moment a named event ends
        ("今年拿下中级职称", "period"),
        ("本迭代周期内修复全部P1缺陷", "period"),
        ("OKR周期内完成两次分享", "period"),
    ],
)
def test_deadline_found(times, text, kind):
    found = times.deadlines(text)
    assert found, text
    assert kind in {t.kind for t in found}, found


@pytest.mark.parametrize(
    "text",
    [
        "尽快熟悉合并报表",
        "逐步提升客单价",
        "持续跟踪行业动态",
        "长期保持零事故",
        "随时做好会议服务保障",
        "以后多注意细节",
        "每月参加1次数据分析培训",  # a frequency is not a deadline
        "每天下班前清点一次现金",  # a recurring time is not a deadline
        "每月5日前完成上月银行对账",
        "下个月起坚持每周整理报表",  # a start, not a limit
        "提前对齐用例",
        "销售排名进入大区前三",  # a rank
        "本月底前把库存周转天数降到30天以内"[6:],  # "降到30天以内" is a target
        "每个考核周期内做一次自评",  # a recurring cycle
        "今年起坚持每周写周报",  # a start
    ],
)
def test_no_deadline(times, text):
    assert not times.deadlines(text), times.deadlines(text)


def test_non_deadline_words_are_reported(times):
    assert [t.text for t in times.find("尽快提高打字速度") if t.kind == "none"] == ["尽快"]
