"""Real Word layouts and label wording (issue 8): labels by structure, bilingual and traditional
labels, question rows over answers, rating matrices and plan tables, signature blocks, documents
that are not records, and the missing-field wording for a box the template does not have."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from docx import Document

from checker.cli import main
from checker.intake.errors import InputError
from checker.intake.reader import read_bytes
from tests.builders import docx_grid, docx_paragraphs


def read(path, table):
    [record] = read_bytes(path.read_bytes(), str(path), table)
    return record


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("年终绩效等级", "grade"),
        ("排名等级", "grade"),
        ("岗位职务", "position"),
        ("评估间期", "period"),
        ("待提升领域", "weaknesses"),
        ("所需资源支持清单", "resource_support"),
        ("短期(30天)改进措施", "improvement_plan"),
        ("下期目标共识", "consensus"),
        ("发展需求", "career_development"),
        ("Employee Name 员工姓名", "employee_name"),
        ("Employee name:\n员工姓名:", "employee_name"),
        ("Job Title (职称)", "position"),
        ("評估人", "manager_name"),
        ("員工簽名/日期", "employee_confirmation"),
        ("评估人簽名/日期", "manager_signature"),
        ("对考核有什么意见", "employee_feedback"),
        ("你希望公司提供哪些支持", "resource_support"),
        ("项目经理评价", "performance_summary"),
        ("经理反馈", "performance_summary"),
        ("员工自我总结", "employee_feedback"),
        ("工作总结(员工填写)", "employee_feedback"),
        ("被面谈人部门名称", "department"),
        ("员工编码", "employee_id"),
        ("下一步的工作和绩效的改进方向", "improvement_plan"),
        ("存在问题与改进方向", "improvement_plan"),
        ("改进的建议和指导", "improvement_plan"),
        ("工作回顾与绩效分析", "performance_summary"),
        ("上级评价意见", "performance_summary"),
        ("经理评价意见", "performance_summary"),
        ("试用期考核意见", "performance_summary"),
        ("员工试用(实习)期间工作表现评价", "performance_summary"),
        ("职业发展路径", "career_development"),
        (
            "试用期工作总结(由本人填写)Summary of work during probation (recorded by yourself)",
            "employee_feedback",
        ),
    ],
)
def test_labels_by_structure(label, key, alias_table):
    from checker.intake.grid import GridCell, label_key

    assert label_key(GridCell(label, 0, 0, ""), alias_table) == key


@pytest.mark.parametrize(
    "text",
    ["已达成共识", "无异议", "完成时间", "工作地点", "上级职务", "面谈人ID", "被面谈人ID", "计划开始时间",
     "工号:L5465", "T序列", "时间管理能力不足。", "是否需要接受一定的培训"],
)  # fmt: skip
def test_values_and_other_peoples_attributes_are_no_labels(text, alias_table):
    assert alias_table.lookup(text) is None


def test_competing_labels_follow_the_documented_preference(alias_table):
    # the manager's evaluation is the summary; 工作总结 written by anyone else loses to it
    assert alias_table.rank("部门负责人意见") < alias_table.rank("试用期间工作总结")
    assert alias_table.rank("上级评语") < alias_table.rank("绩效总结")


def test_label_row_over_value_row_with_an_unknown_label(tmp_path, alias_table):
    path = docx_grid(
        tmp_path / "a.docx",
        [
            ("部门", "被考核人姓名", "考核人姓名", "转正日期"),
            ("品牌设计中心", "龚红霞", "曾少华", "2024年8月31日"),
            ("部门负责人意见", "试用期内完成新品包装设计6套,其中4套一次通过客户确认。"),
        ],
    )
    record = read(path, alias_table)
    assert record.text("department") == "品牌设计中心"
    assert record.text("employee_name") == "龚红霞"
    assert record.text("manager_name") == "曾少华"
    assert record.text("performance_summary") == "试用期内完成新品包装设计6套,其中4套一次通过客户确认。"


def test_question_rows_over_answer_rows(tmp_path, alias_table):
    path = docx_grid(
        tmp_path / "q.docx",
        [
            ("部门", "技术部", "姓名", "谭俊杰"),
            ("工作中需要改善的地方",),
            ("需求评审时对边界条件考虑不足,8月返工1次。",),
            ("是否需要接受一定的培训",),
            ("☑是 □否",),
            ("希望从公司得到怎样的帮助",),
            ("安排架构师每两周做1次方案评审辅导。",),
            ("面谈人签名", "卢若曦", "日期", "2024年10月15日"),
        ],
    )
    record = read(path, alias_table)
    assert record.text("weaknesses") == "需求评审时对边界条件考虑不足,8月返工1次。"
    assert record.text("resource_support") == "安排架构师每两周做1次方案评审辅导。"
    assert record.text("manager_signature") == "卢若曦"
    assert record.text("record_date") == "2024年10月15日"  # the one bare 日期 of the document


def test_rating_matrix_is_no_field_and_plan_table_rows_are_plan_items(tmp_path, alias_table):
    doc = Document()
    doc.add_paragraph("一线员工绩效面谈表")
    info = doc.add_table(rows=0, cols=2)
    for label, value in [
        ("姓名", "邹红霞"),
        ("面谈人", "钟永强"),
        ("上级评价", "Q3良品率由96.8%提升到98.2%。"),
    ]:
        cells = info.add_row().cells
        cells[0].text, cells[1].text = label, value
    doc.add_paragraph("三、工作表现评价")
    matrix = doc.add_table(rows=0, cols=4)
    for row in [("评价维度", "具体表现", "评分标准", "得分"), ("工作质量", "差错2次", "20%", "16"),
                ("时间", "交付周期缩短", "20%", "18"), ("工作态度", "主动承担任务", "15%", "14")]:  # fmt: skip
        cells = matrix.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    doc.add_paragraph("四、存在问题与改进方向")
    plan = doc.add_table(rows=0, cols=4)
    for row in [("存在问题", "改进措施", "预期完成时间", "责任人"),
                ("交接班记录不完整", "逐项签字,每周抽查3次", "2024年10月31日", "本人")]:  # fmt: skip
        cells = plan.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    doc.save(tmp_path / "m.docx")
    record = read(tmp_path / "m.docx", alias_table)
    assert record.text("performance_summary") == "Q3良品率由96.8%提升到98.2%。"  # not a matrix cell
    assert "interview_time" not in record.fields  # the matrix row 时间 is no label
    assert record.text("improvement_plan") == "交接班记录不完整 逐项签字,每周抽查3次 2024年10月31日 本人"
    assert "weaknesses" not in record.fields


def test_signature_sub_label_and_compound_labels(tmp_path, alias_table):
    doc = Document()
    grid = doc.add_table(rows=4, cols=4)
    texts = [
        ("姓名/人员ID", "卢淑华/CW98694", "部门/职位", "财务部/出纳"),
        ("面谈人", "苏建国", "部门/车间", "冲压车间"),
        ("主管意见", "8月和9月的费用报表各出现1次科目归类错误。", "", ""),
        ("", "签字:", "曹俊杰", "日期:"),
    ]
    for r, row in enumerate(texts):
        for c, text in enumerate(row):
            grid.cell(r, c).text = text
    grid.cell(2, 1).merge(grid.cell(2, 3))
    grid.cell(2, 0).merge(grid.cell(3, 0))  # 主管意见 down over its 签字 row
    doc.save(tmp_path / "s.docx")
    record = read(tmp_path / "s.docx", alias_table)
    assert (record.text("employee_name"), record.text("employee_id")) == ("卢淑华", "CW98694")
    assert (record.text("position"),) == ("出纳",)
    assert record.text("performance_summary") == "8月和9月的费用报表各出现1次科目归类错误。"
    assert record.text("manager_signature") == "曹俊杰"


def test_bilingual_paragraph_pairs_and_a_signature_line(tmp_path, alias_table):
    path = docx_paragraphs(
        tmp_path / "p.docx",
        [
            ("p", "2024 Annual Performance Review Form"),
            ("p", "Name 姓名: 刘佳琪            Position 职位: 拣货组长"),
            ("p", "Manager's Name 经理姓名: 董立军            Date of Review 评估日期: 2024-11-18"),
            ("p", "Action Plan 行动计划"),
            ("p", "1. 11月30日前完成WMS新系统操作培训并通过考核"),
            ("p", "考核结果:合格      考核人:董立军      日期:2024年11月20日"),
        ],
    )
    record = read(path, alias_table)
    assert record.text("employee_name") == "刘佳琪"
    assert record.text("position") == "拣货组长"
    assert record.text("manager_name") == "董立军"
    assert record.text("interview_time") == "2024-11-18"
    assert record.text("manager_signature") == "董立军"  # 考核人 on a line with a date: a signature
    assert record.text("record_date") == "2024年11月20日"


def test_traditional_chinese_template(tmp_path, alias_table):
    path = docx_grid(
        tmp_path / "t.docx",
        [
            ("Employee Name 員工姓名", "胡雅婷", "Reviewer 評估人", "肖子轩"),
            ("Overall Comments 總體評語", "9月门店销售额58万元,同比增长14%。"),
            ("Improvement Plan 改進計劃", "1. Q4末前会员复购率提升5个百分点"),
        ],
        title="Performance Appraisal 員工績效評估表",
    )
    record = read(path, alias_table)
    assert record.text("employee_name") == "胡雅婷"
    assert record.text("manager_name") == "肖子轩"
    assert record.text("performance_summary") == "9月门店销售额58万元,同比增长14%。"


@pytest.mark.parametrize(
    ("name", "blocks"),
    [
        # a standard's draft: appraisal headings, nobody named
        ("征求意见稿.docx", [("h", "定期安全评价(征求意见稿)"), ("p", "总体评价"), ("p", "应通过总体评价确定……"),
                            ("p", "改进计划"), ("p", "营运单位应制定改进计划。")]),
        # a library's test document with one stray label
        ("render.docx", [("p", "模板渲染示例"), ("p", "姓名:Sayi"), ("p", "这是一段测试文字。")]),
    ],
)  # fmt: skip
def test_a_document_that_is_no_record_is_reported_as_such(tmp_path, alias_table, name, blocks):
    path = docx_paragraphs(tmp_path / name, blocks)
    with pytest.raises(InputError) as err:
        read(path, alias_table)
    assert err.value.code == "not-a-record"
    assert name in err.value.message and "不是绩效面谈记录" in err.value.message


def test_a_long_document_with_scattered_labels_is_no_record(tmp_path, alias_table):
    filler = [("p", f"第{i}条 投标人应按招标文件要求提交材料。") for i in range(200)]
    blocks = [
        ("p", "1、时间:2021年8月10日"),
        ("p", "2、地点:采购网"),
        *filler,
        ("p", "姓名:张三"),
        ("p", "评价:合格"),
    ]
    with pytest.raises(InputError) as err:
        read(docx_paragraphs(tmp_path / "tender.docx", blocks), alias_table)
    assert err.value.code == "not-a-record"


def test_a_sparse_real_record_stays_a_record(tmp_path, alias_table):
    path = docx_grid(
        tmp_path / "r.docx", [("员工姓名", "张三", "面谈人", "李四"), ("面谈时间", "2024-06-03")]
    )
    assert read(path, alias_table).text("manager_name") == "李四"


def test_missing_box_and_empty_box_are_reported_differently(tmp_path, checker_instance):
    path = docx_grid(
        tmp_path / "gap.docx",
        [
            ("员工姓名", "张三", "面谈人", "李四"),
            ("面谈时间", "2024-06-03", "面谈地点", ""),
            ("绩效总结", "6月完成3个项目上线。"),
        ],  # fmt: skip
    )
    report = checker_instance.audit_paths([path])
    messages = {f.field: f.message for f in report.records[0].findings if f.rule == "missing-field"}
    assert "未填写" in messages["location"]
    assert "模板中没有该栏目" in messages["resource_support"]
    assert "模板中没有该栏目" not in messages["location"]


def test_fields_command_lists_unmapped_labels_with_the_nearest_key(tmp_path):
    path = docx_grid(
        tmp_path / "u.docx",
        [
            ("员工姓名", "张三", "面谈人", "李四"),
            ("面谈时间", "2024-06-03", "面谈地点", "3楼"),
            ("需要的培训支持", "希望参加数据分析培训"),
            ("籍贯", "湖南"),
        ],  # fmt: skip
    )
    result = CliRunner().invoke(main, ["fields", str(path)])
    assert result.exit_code == 0, result.output
    assert "「需要的培训支持」" in result.output
    assert "resource_support: {aliases: [需要的培训支持]}" in result.output
    assert "「籍贯」" in result.output


def test_names_over_a_line_of_dates_are_signatures(tmp_path, alias_table):
    path = docx_paragraphs(
        tmp_path / "sig.docx",
        [
            ("p", "试用期员工考核评估表"),
            ("p", "姓名:丁立军      部门:客服部      面谈人:秦若曦"),
            ("p", "四、综合评分:84分"),
            ("p", "考核人:秦若曦                被考核人:丁立军"),
            ("p", "日期:2024年10月14日          日期:2024年10月14日"),
        ],
    )
    record = read(path, alias_table)
    assert record.text("manager_signature") == "秦若曦"
    assert record.text("employee_confirmation") == "丁立军"
    assert record.text("employee_name") == "丁立军"
    assert "record_date" not in record.fields  # one date per signature: no record date


def test_a_summary_displaced_by_the_managers_evaluation_is_the_employees_account(tmp_path, alias_table):
    path = docx_grid(
        tmp_path / "probation.docx",
        [
            ("被考核人姓名", "龚红霞", "考核人姓名", "曾少华"),
            ("试用期间工作总结", "三个月里交付了6套包装设计,配色规范意识需要加强。"),
            ("部门负责人意见", "试用期内完成新品包装设计6套,其中4套一次通过客户确认。"),
        ],
    )
    record = read(path, alias_table)
    assert record.text("performance_summary") == "试用期内完成新品包装设计6套,其中4套一次通过客户确认。"
    assert record.text("employee_feedback") == "三个月里交付了6套包装设计,配色规范意识需要加强。"


def test_numbered_part_titles_end_a_section(tmp_path, alias_table):
    path = docx_paragraphs(
        tmp_path / "parts.docx",
        [
            ("p", "Employee Evaluation Form (员工评估表)"),
            ("p", "Employee Name 员工姓名: 胡丽娟      Supervisor 主管: 石淑华"),
            ("p", "IV. REVIEWER COMMENTS (审核人意见)"),
            ("p", "8月盘点库存差异率1.6%,超出1%的标准。"),
            ("p", "V. GOALS FOR NEXT REVIEW PERIOD (下一审查期目标)"),
            ("p", "季度销售额180万元"),
        ],
    )
    record = read(path, alias_table)
    assert record.text("performance_summary") == "8月盘点库存差异率1.6%,超出1%的标准。"


def test_a_rating_row_over_codes_and_an_evaluation_bar_ending_at_opinion_labels(tmp_path, alias_table):
    """Probation assessment grid: one known label (评级结果) among rating titles over a row of codes;
    a full-width evaluation bar whose answer ends at a row of opinion labels over their values."""
    path = docx_grid(
        tmp_path / "p.docx",
        [
            ("姓名", "梁文静", "部门/门店", "客房部", "职务", "领班"),
            ("报到日期", "2025-02-03", "拟定转正日期", "2025-05-03", "实际转正日期", "2025-05-03"),
            ("业务能力", "协作", "执行", "学习", "创新", "评级结果"),
            ("B", "A", "B+", "B", "C", "B+"),
            ("员工试用(实习)期间工作表现评价",),
            ("7月独立带班完成3次大型会议接待,客诉为0。",),
            ("", "", "", "", "", ""),
            ("本部门意见", "", "", "分管领导意见(可不填写)", "", ""),
            ("同意按期转正。", "", "", "", "", ""),
        ],
        cols=6,
    )
    record = read(path, alias_table)
    assert record.text("grade") == "B+"
    assert record.text("performance_summary") == "7月独立带班完成3次大型会议接待,客诉为0。"
    assert record.text("employee_name") == "梁文静"


def test_bilingual_bars_a_filled_by_bar_ends_an_answer_and_a_label_line_over_its_comment(
    tmp_path, alias_table
):
    """Bilingual approval form: "中文(由…填写)English …" section bars, the comment under a first line
    "试用期考核意见 Comments of …:", the single 日期 of the application."""
    path = docx_grid(
        tmp_path / "b.docx",
        [
            ("部门:品质部", "", "日期:2025-05-06", ""),
            ("姓名:", "程思远", "岗位:", "质检员"),
            ("试用期工作总结(由本人填写)Summary of work during probation (recorded by yourself)",),
            ("试用期内完成来料检验1200批次,漏检0次。",),
            ("考评内容(由直接上级填写)Appraisal (recorded by supervisor directly)",),
            ("考核项目", "考核标准", "优", "良"),
            ("责任心", "交付的工作能按目标完成。", "√", ""),
            (
                "部门意见\nComments of department",
                "试用期考核意见 Comments of Appraisal during probation period:\n4月牵头整改来料不良,批次合格率升到99.2%。",
            ),
        ],
    )
    record = read(path, alias_table)
    assert record.text("employee_feedback") == "试用期内完成来料检验1200批次,漏检0次。"
    assert record.text("performance_summary") == "4月牵头整改来料不良,批次合格率升到99.2%。"
    assert record.text("employee_name") == "程思远"
    assert record.text("record_date") == "2025-05-06"


def test_compound_joined_label_stacked_signatures_and_a_signing_date(tmp_path, alias_table):
    path = docx_grid(
        tmp_path / "s.docx",
        [
            ("员工姓名/工号", "郑雨桐/E30412", "所属部门及岗位", "财务部/会计"),
            ("面谈主持人", "冯志强", "绩效总结", "6月完成月结提前2天,差错0次。"),
            ("双方签字及日期", "员工签字:郑雨桐 2025-07-09\n上级签字:冯志强 2025-07-09"),
            ("签名时间", "2025-07-10"),
        ],
    )
    record = read(path, alias_table)
    assert record.text("department") == "财务部"
    assert record.text("position") == "会计"
    assert record.text("employee_confirmation") == "郑雨桐 2025-07-09"
    assert record.text("manager_signature") == "冯志强 2025-07-09"
    assert record.text("record_date") == "2025-07-10"


def test_export_the_managers_evaluation_column_beats_a_status_column(tmp_path, alias_table):
    """DB export: "上级评价意见" (the manager's words) is the summary, not the "面谈记录" status column;
    "自评说明" is the employee's view; "面谈纪要" of a list page is the summary."""
    from tests.builders import xlsx_book

    path = xlsx_book(
        tmp_path / "e.xlsx",
        {
            "evaluation": [
                [
                    "评估ID",
                    "员工ID",
                    "自评分",
                    "自评说明",
                    "上级评价意见",
                    "绩效等级",
                    "面谈记录",
                    "面谈时间",
                ],
                [
                    1,
                    11,
                    85,
                    "认可评价。",
                    "5月上线对账系统,人工核对减少60%。",
                    "A",
                    "面谈已完成。",
                    "2025-06-03",
                ],
                [
                    2,
                    12,
                    80,
                    "希望多参与项目。",
                    "二季度回款320万元,完成率98%。",
                    "B",
                    "面谈已完成。",
                    "2025-06-04",
                ],
            ],
            "list": [
                ["面谈编号", "员工", "面谈人", "面谈时间", "状态", "面谈纪要"],
                ["M-1", "罗晓燕", "孙立", "2025-06-05", "已完成", "6月新签客户3家,回款80万元。"],
                ["M-2", "钟建华", "孙立", "2025-06-06", "已完成", "完成2个门店的开业筹备。"],
            ],
        },
    )
    records = read_bytes(path.read_bytes(), str(path), alias_table)
    assert records[0].text("performance_summary") == "5月上线对账系统,人工核对减少60%。"
    assert records[1].text("employee_feedback") == "希望多参与项目。"
    assert records[2].text("performance_summary") == "6月新签客户3家,回款80万元。"
