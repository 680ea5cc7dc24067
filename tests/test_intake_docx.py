"""Word templates of every common layout, built for real and read back through the intake."""

from __future__ import annotations

from docx import Document

from checker.intake.reader import read_bytes
from tests.builders import add_tracked_paragraph, docx_grid, docx_paragraphs


def read(path, table):
    records = read_bytes(path.read_bytes(), str(path), table)
    assert len(records) == 1
    return records[0].field_texts()


def test_four_column_grid_with_merged_long_cells(tmp_path, alias_table):
    path = docx_grid(
        tmp_path / "grid.docx",
        [
            ("员工姓名", "张三", "工号", "T001"),
            ("面谈人", "李四", "面谈地点", "3楼会议室"),
            ("绩效总结", "主导完成支付模块重构。"),
            ("员工签字/日期", "张三 2024-06-04", "面谈人签字/日期", "李四 2024-06-04"),
        ],
    )
    fields = read(path, alias_table)
    assert fields["employee_name"] == "张三"
    assert fields["employee_id"] == "T001"
    assert fields["location"] == "3楼会议室"
    # the merged cell is read once, not three times
    assert fields["performance_summary"] == "主导完成支付模块重构。"
    assert fields["employee_confirmation"] == "张三 2024-06-04"
    assert fields["manager_signature"] == "李四 2024-06-04"


def test_label_variants_are_recognised(tmp_path, alias_table):
    path = docx_grid(
        tmp_path / "alias.docx",
        [
            ("被考核人*", "王五"),
            ("面谈官:", "赵六"),
            ("姓    名", "不会覆盖"),
            ("后续行动计划(必填)", "9月底前完成报告"),
            ("希望从公司得到怎样的帮助", "培训预算"),
            ("双方签字确认", "王五 赵六"),
            ("本人签名", "王五"),
        ],
        cols=2,
    )
    fields = read(path, alias_table)
    assert fields["employee_name"] == "王五"
    assert fields["manager_name"] == "赵六"
    assert fields["improvement_plan"] == "9月底前完成报告"
    assert fields["resource_support"] == "培训预算"
    assert fields["employee_confirmation"] == "王五"


def test_vertical_label_spanning_rows_and_empty_value(tmp_path, alias_table):
    doc = Document()
    table = doc.add_table(rows=4, cols=2)
    table.cell(0, 0).text = "员工姓名"
    table.cell(0, 1).text = "张三"
    label = table.cell(1, 0).merge(table.cell(2, 0))
    label.text = "改进计划"
    table.cell(1, 1).text = "1. 每月参加1次培训"
    table.cell(2, 1).text = "2. 9月底前通过考试"
    table.cell(3, 0).text = "员工签字"
    path = tmp_path / "vertical.docx"
    doc.save(path)
    fields = read(path, alias_table)
    assert fields["improvement_plan"] == "1. 每月参加1次培训\n2. 9月底前通过考试"
    assert fields["employee_confirmation"] == ""


def test_labels_above_values(tmp_path, alias_table):
    path = docx_grid(
        tmp_path / "above.docx",
        [
            ("员工姓名", "面谈人", "面谈时间"),
            ("张三", "李四", "2024-06-03"),
        ],
        cols=3,
    )
    fields = read(path, alias_table)
    assert (fields["employee_name"], fields["manager_name"], fields["interview_time"]) == (
        "张三",
        "李四",
        "2024-06-03",
    )


def test_nested_plan_table_rows_become_lines(tmp_path, alias_table):
    doc = Document()
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "员工姓名"
    table.cell(0, 1).text = "张三"
    table.cell(1, 0).text = "改进计划"
    inner = table.cell(1, 1).add_table(rows=3, cols=3)
    for r, row in enumerate(
        [("序号", "改进项", "完成时间"), ("1", "通过PMP考试", "6月30日前"), ("2", "加强沟通", "持续")]
    ):
        for c, text in enumerate(row):
            inner.cell(r, c).text = text
    path = tmp_path / "nested.docx"
    doc.save(path)
    fields = read(path, alias_table)
    assert fields["improvement_plan"] == "1 通过PMP考试 6月30日前\n2 加强沟通 持续"


def test_label_and_value_in_one_cell_and_checkboxes(tmp_path, alias_table):
    path = docx_grid(
        tmp_path / "inline.docx",
        [
            ("员工姓名:张三", "面谈地点:3楼会议室", "面谈时间:2024年6月3日 15:00"),
            ("面谈类型", "☑季度面谈 □年度面谈"),
        ],
        cols=3,
    )
    fields = read(path, alias_table)
    assert fields["employee_name"] == "张三"
    assert fields["location"] == "3楼会议室"
    assert fields["interview_time"] == "2024年6月3日 15:00"
    assert fields["interview_type"] == "☑季度面谈 □年度面谈"


def test_several_pairs_on_one_line(tmp_path, alias_table):
    path = docx_paragraphs(tmp_path / "line.docx", [("p", "姓名:张三    部门:技术部    面谈人:李四")])
    fields = read(path, alias_table)
    assert (fields["employee_name"], fields["department"], fields["manager_name"]) == (
        "张三",
        "技术部",
        "李四",
    )


def test_headings_layout_with_auto_numbered_plan_and_header_footer(tmp_path, alias_table):
    path = docx_paragraphs(
        tmp_path / "headings.docx",
        [
            ("b", "绩效面谈记录"),
            ("h", "一、基本信息"),
            ("p", "员工姓名:张三"),
            ("p", "面谈人:李四"),
            ("h", "二、绩效总结"),
            ("p", "本季度完成销售额120万。"),
            ("p", "客户满意度98%。"),
            ("h", "三、改进计划"),
            ("n", "每月参加1次培训"),
            ("n", "9月底前通过考试"),
            ("h", "四、资源支持"),
            ("h", "五、签字确认"),
            ("p", "员工确认:张三"),
        ],
        header="某某公司人力资源部 表单编号HR-07",
        footer="员工签字后生效",
    )
    fields = read(path, alias_table)
    assert fields["performance_summary"] == "本季度完成销售额120万。\n客户满意度98%。"
    assert fields["improvement_plan"] == "每月参加1次培训\n9月底前通过考试"
    assert fields["resource_support"] == ""
    assert fields["employee_confirmation"] == "张三"
    assert "signatures" not in fields
    assert not any("HR-07" in v or "生效" in v for v in fields.values())


def test_tracked_insertions_kept_deletions_dropped(tmp_path, alias_table):
    doc = Document()
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "员工姓名"
    table.cell(0, 1).text = "张三"
    table.cell(1, 0).text = "资源支持"
    table.cell(1, 1).text = "培训预算5000元"
    add_tracked_paragraph(table.cell(1, 1), inserted="导师每周辅导1次", deleted="暂无")
    path = tmp_path / "tracked.docx"
    doc.save(path)
    fields = read(path, alias_table)
    assert fields["resource_support"] == "培训预算5000元\n导师每周辅导1次"


def test_hint_text_is_kept_as_written(tmp_path, alias_table):
    path = docx_grid(
        tmp_path / "hint.docx",
        [("员工姓名", "张三"), ("改进计划", "请填写具体改进措施(含衡量标准和完成时间)")],
        cols=2,
    )
    fields = read(path, alias_table)
    assert fields["improvement_plan"].startswith("请填写")


def test_title_row_over_a_plan_table_inside_the_form(tmp_path, alias_table):
    path = docx_grid(
        tmp_path / "title_rows.docx",
        [
            ("员工姓名", "张三", "面谈人", "李四"),
            ("二、改进计划",),
            ("序号", "改进项", "衡量标准", "完成时间"),
            ("1", "单元测试覆盖率", "70%以上", "9月30日前"),
            ("2", "加强沟通", "", "持续"),
            ("资源支持", "导师每周辅导1次"),
        ],
    )
    fields = read(path, alias_table)
    assert fields["improvement_plan"] == "1 单元测试覆盖率 70%以上 9月30日前\n2 加强沟通 持续"
    assert fields["resource_support"] == "导师每周辅导1次"


def test_wrapped_labels_and_labels_with_hint_lines(tmp_path, alias_table):
    path = docx_grid(
        tmp_path / "wrapped.docx",
        [
            ("员工姓名", "张三"),
            ("面谈\n时间", "2024-06-03 15:00"),
            ("改进计划\n(请写明衡量标准和完成时间)", "9月底前通过考试"),
        ],
        cols=2,
    )
    fields = read(path, alias_table)
    assert fields["interview_time"] == "2024-06-03 15:00"
    assert fields["improvement_plan"] == "9月底前通过考试"


def test_form_wrapped_in_a_layout_table(tmp_path, alias_table):
    doc = Document()
    frame = doc.add_table(rows=1, cols=1)
    frame.cell(0, 0).text = "华信科技 绩效面谈记录"
    form = frame.cell(0, 0).add_table(rows=3, cols=2)
    for r, (label, value) in enumerate(
        [("员工姓名", "张三"), ("面谈人", "李四"), ("改进计划", "9月底前通过考试")]
    ):
        form.cell(r, 0).text = label
        form.cell(r, 1).text = value
    path = tmp_path / "framed.docx"
    doc.save(path)
    fields = read(path, alias_table)
    assert (fields["employee_name"], fields["manager_name"], fields["improvement_plan"]) == (
        "张三",
        "李四",
        "9月底前通过考试",
    )


def test_label_row_with_an_empty_trailing_cell_takes_values_below(tmp_path, alias_table):
    path = docx_grid(
        tmp_path / "above_sig.docx",
        [
            ("员工姓名", "面谈人", "面谈地点", "面谈时间"),
            ("张三", "李四", "3楼会议室", "2024-07-02"),
            ("员工签字", "面谈人签字", "记录日期", ""),
            ("张三", "李四", "2024-07-03", ""),
        ],
    )
    fields = read(path, alias_table)
    assert fields["employee_confirmation"] == "张三"
    assert fields["manager_signature"] == "李四"
    assert fields["record_date"] == "2024-07-03"


def test_group_title_merged_down_the_first_column_is_not_a_field(tmp_path, alias_table):
    doc = Document()
    table = doc.add_table(rows=4, cols=3)
    rows = [
        ("员工姓名", "张三"),
        ("绩效总结", "Q2完成销售额120万元。"),
        ("优点", "客户开拓快。"),
        ("共识", "无分歧。"),
    ]
    for r, (label, value) in enumerate(rows):
        table.cell(r, 1).text = label
        table.cell(r, 2).text = value
    table.cell(0, 0).text = "基本信息"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "绩效评价"
    table.cell(3, 0).text = "面谈结果"
    path = tmp_path / "groups.docx"
    doc.save(path)
    fields = read(path, alias_table)
    assert fields["performance_summary"] == "Q2完成销售额120万元。"
    assert fields["strengths"] == "客户开拓快。"


def test_wrapped_alias_labels(tmp_path, alias_table):
    doc = Document()
    table = doc.add_table(rows=3, cols=2)
    run = table.cell(0, 0).paragraphs[0].add_run("上级综合")
    run.add_break()
    table.cell(0, 0).paragraphs[0].add_run("评价")
    table.cell(0, 1).text = "Q2完成销售额120万元。"
    table.cell(1, 0).text = "存在的分歧"
    table.cell(1, 1).text = "员工认为目标偏高。"
    table.cell(2, 0).text = "员工姓名"
    table.cell(2, 1).text = "张三"
    path = tmp_path / "wrapped.docx"
    doc.save(path)
    fields = read(path, alias_table)
    assert fields["performance_summary"] == "Q2完成销售额120万元。"
    assert fields["disagreements"] == "员工认为目标偏高。"
