"""HR-system batch exports and real Excel layouts (issue 8): header rows found by structure,
unknown columns kept as extra data, ID/name pairs, grouped headers, person column blocks,
competing columns, form sheets next to instruction sheets. Built for real and read back."""

from __future__ import annotations

import datetime as dt

from checker.intake.reader import read_bytes
from checker.intake.xlsx import SheetData, find_header_row
from tests.builders import xlsx_book

SUMMARIES = [
    "本季度主导完成订单服务拆分,接口平均响应时间从420ms降到180ms。",
    "二季度完成销售额860万元,完成率107%,新签客户6家。",
    "月均接听来电1150通,一次解决率88%,客户满意度4.7分。",
]


def read(path, table):
    return read_bytes(path.read_bytes(), str(path), table)


def test_export_with_id_name_pairs_and_unknown_columns(tmp_path, alias_table):
    """Fewer than half of the headers are known labels: still a batch, every row a record."""
    header = ["绩效ID", "面谈人ID", "面谈人", "被面谈人ID", "被面谈人", "面谈时间", "面谈要点", "优点与成绩",
              "待改进点", "行动计划", "员工反馈", "单据号码", "创建人", "状态", "审批节点"]  # fmt: skip
    rows = [
        [
            f"20250{i}",
            100 + i,
            f"主管{i}",
            2000 + i,
            f"员工{i}",
            f"2025-07-0{i + 1}",
            SUMMARIES[i],
            "排查线上问题两天内定位根因。",
            "5月两次发布未同步接口变更。",
            "8月31日前覆盖率提升到70%",
            "认可评价。",
            f"JX{i}",
            "admin",
            "已完成",
            "HR审批",
        ]  # fmt: skip
        for i in range(3)
    ]
    path = xlsx_book(tmp_path / "export.xlsx", {"绩效面谈数据": [header, *rows]})
    records = read(path, alias_table)
    assert len(records) == 3
    first = records[0]
    assert first.text("manager_name") == "主管0"  # the name column, not the ID column
    assert first.text("employee_name") == "员工0"
    assert first.text("performance_summary") == SUMMARIES[0]
    assert first.text("strengths") == "排查线上问题两天内定位根因。"
    assert first.text("weaknesses") == "5月两次发布未同步接口变更。"
    assert first.text("improvement_plan") == "8月31日前覆盖率提升到70%"
    assert "employee_id" not in first.fields  # 被面谈人ID is the system's key, not a staff number
    assert first.extra["单据号码"].text == "JX0"
    assert first.extra["审批节点"].text == "HR审批"
    assert first.extra["面谈人ID"].text == "100"


def test_header_row_is_found_from_the_first_rows_alone(alias_table):
    """find_header_row works on the first rows of a stream: rows in, Header out."""
    rows = [["员 工 面 谈 管 理", "", "", ""], ["", "", "", ""], ["序", "面谈人", "被面谈人", "面谈日期"]]
    rows += [[str(i), f"主管{i}", f"员工{i}", "2024-11-04 10:30"] for i in range(4)]
    header = find_header_row(SheetData("s", rows, []), alias_table)
    assert header is not None and header.last_row == 2
    assert {k for k, _ in header.columns.values()} == {"manager_name", "employee_name", "interview_time"}
    assert header.extra == {0: "序"}


def test_grouped_two_level_header_under_a_title(tmp_path, alias_table):
    top = [
        "序号",
        "填表日期",
        "单据号码",
        "申请状态",
        "周期",
        "被面谈人信息",
        None,
        None,
        "面谈记录",
        None,
        None,
    ]
    sub = [None, None, None, None, None, "员工姓名", "单位", "部门", "面谈人", "面谈地点", "面谈记录"]
    data = [
        [1, dt.datetime(2024, 7, 8), "JX01", "已完成", "第二季度", "苏丽娟", "华南分公司", "销售部", "卢玉兰",
         "3楼会议室", SUMMARIES[1]],
        [2, dt.datetime(2024, 7, 9), "JX02", "审批中", "第二季度", "范浩宇", "华南分公司", "客服中心", "刘雅婷",
         "培训室", SUMMARIES[2]],
    ]  # fmt: skip
    path = xlsx_book(
        tmp_path / "grouped.xlsx",
        {"员工绩效面谈查询": [["员工绩效面谈查询"] + [None] * 10, top, sub, *data]},
        merges={"员工绩效面谈查询": ["A1:K1", "F2:H2", "I2:K2", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3"]},
    )
    records = read(path, alias_table)
    assert len(records) == 2
    assert records[0].text("department") == "销售部"  # 部门 beats 单位 (a stronger label)
    assert records[0].text("record_date") == "2024-07-08"
    assert records[0].text("period") == "第二季度"
    assert records[1].text("performance_summary") == SUMMARIES[2]
    assert records[1].extra["单据号码"].text == "JX02"


def test_columns_after_the_interviewer_describe_the_interviewer(tmp_path, alias_table):
    header = ["", "面谈人", "校区", "组织机构", "岗位", "被面谈人", "校区", "组织机构", "岗位", "面谈日期"]
    rows = [[i, f"主管{i}", "天河", "教学部", "教研组长", f"员工{i}", "天河", "教务部", "学管师", "2024-11-04"]
            for i in range(3)]  # fmt: skip
    path = xlsx_book(tmp_path / "list.xlsx", {"员工面谈管理": [header, *rows]})
    records = read(path, alias_table)
    assert len(records) == 3
    assert records[0].text("department") == "教务部"
    assert records[0].text("position") == "学管师"
    assert records[0].text("manager_name") == "主管0"


def test_competing_columns_data_beats_empty_and_codes_are_no_text(tmp_path, alias_table):
    header = [
        "员工ID",
        "实际面谈日期",
        "实际面谈时间",
        "经理反馈",
        "绩效表现: low/medium/high",
        "员工自我总结",
    ]
    rows = [
        [1000 + i, dt.datetime(2026, 3, 2 + i), None, SUMMARIES[i], "medium", "自评达到预期。"]
        for i in range(3)
    ]
    path = xlsx_book(tmp_path / "db.xlsx", {"interview_records": [header, *rows]})
    records = read(path, alias_table)
    assert len(records) == 3
    assert records[0].text("interview_time") == "2026-03-02"
    assert records[0].text("performance_summary") == SUMMARIES[0]
    assert records[0].text("employee_feedback") == "自评达到预期。"


def test_form_sheet_next_to_instruction_and_kpi_sheets_is_one_record(tmp_path, alias_table):
    form = [
        ["绩效考核面谈表", None, None, None, None, None],
        ["部门", "华东销售部", "职位", "大客户销售经理", "姓名", "郑宏伟"],
        ["考核日期", "2025年1月10日", None, None, None, None],
        ["工作成功的方面", "重点客户保持每月至少2次拜访,续约率达到95%。", None, None, None, None],
        ["工作中需要改善的地方", "CRM客户跟进记录不完整。", None, None, None, None],
        ["面谈人", "冯佳琪 日期:2025-01-14", None, None, None, None],
    ]
    kpi = [["指标名称", "权重", "目标值", "实际完成", "得分"], ["销售额", "40%", "800万", "860万", 42]]
    path = xlsx_book(
        tmp_path / "book.xlsx",
        {"填表说明": [["1. 面谈应在考核结束后一周内完成"]], "郑宏伟": form, "KPI": kpi},
        merges={"郑宏伟": ["A1:F1", "B3:F3", "B4:F4", "B5:F5", "B6:F6"]},
    )
    [record] = read(path, alias_table)
    assert record.text("employee_name") == "郑宏伟"
    assert record.text("strengths") == "重点客户保持每月至少2次拜访,续约率达到95%。"
    assert record.text("weaknesses") == "CRM客户跟进记录不完整。"
    # two pairs in one cell: a name with its date is a signature, not the interviewer's name box
    assert record.text("manager_signature") == "冯佳琪 日期:2025-01-14"
    assert record.extra["考核日期"].text == "2025年1月10日"


def test_a_rating_column_is_the_grade_when_no_column_is_named_so(tmp_path, alias_table):
    header = ["员工编码", "跟踪时间", "公司内部评价", "项目经理评价", "现阶段项目经理", "项目经理反馈"]
    ratings = ["良好", "合格", "优秀"]
    rows = [
        [f"SD{i}", f"2023-04-1{i}", ratings[i], SUMMARIES[i], f"经理{i}", "同意按期转正"] for i in range(3)
    ]
    path = xlsx_book(tmp_path / "follow.xlsx", {"月度跟踪访谈": [header, *rows]})
    records = read(path, alias_table)
    assert [r.text("grade") for r in records] == ratings
    assert records[0].text("performance_summary") == SUMMARIES[0]  # 项目经理评价 beats 项目经理反馈
    assert records[0].text("manager_name") == "经理0"
    assert records[0].text("employee_id") == "SD0"
