"""Excel forms, books of forms and batch sheets, built for real and read back."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.intake.errors import InputError
from checker.intake.reader import read_bytes
from tests.builders import xlsx_book


def read(path, table):
    return [r.field_texts() for r in read_bytes(path.read_bytes(), str(path), table)]


def test_form_sheet_with_merged_values_and_real_dates(tmp_path, alias_table):
    path = xlsx_book(
        tmp_path / "form.xlsx",
        {
            "记录": [
                ["员工绩效面谈记录表", None, None, None],
                ["员工姓名", "张三", "工号", "T001"],
                ["面谈时间", dt.datetime(2024, 7, 2, 15, 30), "面谈地点", "会议室"],
                ["改进计划", "1. 每月1次培训\n2. 9月底前通过考试", None, None],
                ["记录日期", dt.datetime(2024, 7, 3), None, None],
            ]
        },
        merges={"记录": ["A1:D1", "B4:D4"]},
    )
    [fields] = read(path, alias_table)
    assert fields["employee_name"] == "张三"
    assert fields["interview_time"] == "2024-07-02 15:30"
    assert fields["record_date"] == "2024-07-03"
    assert fields["improvement_plan"] == "1. 每月1次培训\n2. 9月底前通过考试"


def test_plan_items_on_rows_under_one_merged_label(tmp_path, alias_table):
    path = xlsx_book(
        tmp_path / "rows.xlsx",
        {
            "表": [
                ["员工姓名", "张三"],
                ["面谈人", "李四"],
                ["改进计划", "每月1次培训"],
                [None, "9月底前通过考试"],
                ["资源支持", "导师辅导"],
            ]
        },
        merges={"表": ["A3:A4"]},
    )
    [fields] = read(path, alias_table)
    assert fields["improvement_plan"] == "每月1次培训\n9月底前通过考试"
    assert fields["resource_support"] == "导师辅导"


def test_book_of_forms_gives_one_record_per_sheet_and_skips_instructions(tmp_path, alias_table):
    form = lambda name: [["员工姓名", name], ["面谈人", "李四"], ["绩效总结", f"{name}的总结"]]  # noqa: E731
    path = xlsx_book(
        tmp_path / "book.xlsx",
        {
            "填表说明": [["请各主管在面谈后24小时内填写本表,并交员工签字确认。"]],
            "张三": form("张三"),
            "王五": form("王五"),
        },
    )
    records = read(path, alias_table)
    assert [r["employee_name"] for r in records] == ["张三", "王五"]


def test_batch_sheet_under_title_row_skips_empty_and_note_rows(tmp_path, alias_table):
    header = ["序号", "被面谈人", "直接上级", "面谈日期", "地点", "工作表现", "改进措施", "员工签字"]
    rows = [
        ["2024年Q2面谈汇总"] + [None] * 7,
        header,
        [1, "张三", "李四", dt.datetime(2024, 7, 8), "会议室", "完成销售额120万", "9月底前新签5家", "张三"],
        [2, "王五", "李四", "2024年7月9日", "会议室", "表现良好", "加强沟通", ""],
        [None] * 8,
        ["备注:本表由主管填写"] + [None] * 7,
    ]
    path = xlsx_book(tmp_path / "batch.xlsx", {"汇总": rows}, merges={"汇总": ["A1:H1"]})
    records = read(path, alias_table)
    assert [r["employee_name"] for r in records] == ["张三", "王五"]
    assert records[0]["interview_time"] == "2024-07-08"
    assert records[1]["interview_time"] == "2024年7月9日"
    assert records[1]["employee_confirmation"] == ""


def test_workbook_without_any_form_is_a_clear_error(tmp_path, alias_table):
    path = xlsx_book(tmp_path / "prices.xlsx", {"价格": [["商品", "单价"], ["苹果", 3.5]]})
    with pytest.raises(InputError) as err:
        read(path, alias_table)
    assert err.value.code == "no-fields"


def test_grouped_two_row_header(tmp_path, alias_table):
    rows = [
        ["员工姓名", "基本信息", None, "评价与计划", None, None],
        [None, "部门", "面谈人", "绩效总结", "改进计划", "资源支持"],
        ["张三", "技术部", "李四", "完成支付模块重构", "9月底前补齐单测", "导师辅导"],
    ]
    path = xlsx_book(tmp_path / "grouped.xlsx", {"汇总": rows}, merges={"汇总": ["A1:A2", "B1:C1", "D1:F1"]})
    [rec] = read(path, alias_table)
    assert (
        rec["employee_name"] == "张三"
        and rec["manager_name"] == "李四"
        and rec["resource_support"] == "导师辅导"
    )


def test_streaming_reader_matches_openpyxl(tmp_path, alias_table):
    """The fast reader for big books gives the same records as openpyxl on the same book."""
    from checker.intake import xlsx

    rows = [["员工姓名", "面谈人", "面谈时间", "面谈地点", "绩效总结", "改进计划", "员工签字"]]
    rows += [
        [f"员工{i}", "李四", dt.datetime(2024, 7, 2, 10, 0), "会议室", f"完成{i}单", "9月底前通过考试", ""]
        for i in range(50)
    ]
    path = xlsx_book(tmp_path / "stream.xlsx", {"汇总": rows, "说明": [["本表说明"]]})
    data = path.read_bytes()
    streamed = xlsx.parse_sheets(xlsx._load_streaming(data, 1000, 50), str(path), alias_table)
    regular = xlsx.parse_sheets(xlsx.load_sheets(data, str(path), 1000, 50), str(path), alias_table)
    assert [r.field_texts() for r in streamed] == [r.field_texts() for r in regular]
    assert streamed[0].field_texts()["interview_time"] == "2024-07-02 10:00"


def test_labels_and_values_on_alternating_rows(tmp_path, alias_table):
    path = xlsx_book(
        tmp_path / "alternating.xlsx",
        {
            "记录": [
                ["绩效面谈记录", None, None, None, None, None],
                ["员工姓名", None, "面谈人", None, "面谈地点", None],
                ["张三", None, "李四", None, "会议室", None],
                ["绩效总结", None, None, None, None, None],
                ["Q2完成销售额120万元。", None, None, None, None, None],
                ["员工签字", None, "面谈人签字", None, "记录日期", None],
                ["张三", None, "李四", None, "2024年7月3日", None],
            ]
        },
        merges={"记录": ["A1:F1", "A2:B2", "C2:D2", "E2:F2", "A3:B3", "C3:D3", "E3:F3", "A4:F4", "A5:F5"]},
    )
    [fields] = read(path, alias_table)
    assert fields["employee_name"] == "张三"
    assert fields["performance_summary"] == "Q2完成销售额120万元。"
    assert fields["employee_confirmation"] == "张三"
    assert fields["manager_signature"] == "李四"
    assert fields["record_date"] == "2024年7月3日"


def test_batch_header_wrapped_with_alt_enter_and_cells_merged_down(tmp_path, alias_table):
    header = [
        "部门",
        "面谈人",
        "员工\n姓名",
        "面谈\n时间",
        "面谈\n地点",
        "改进计划\n(须含衡量标准与完成时限)",
    ]
    path = xlsx_book(
        tmp_path / "batch.xlsx",
        {
            "汇总": [
                ["7月面谈汇总", None, None, None, None, None],
                header,
                ["物流部", "周一", "张三", "2024年7月1日", "会议室", "9月底前差错率降到1%以下"],
                [None, None, "李四", "2024年7月2日", "会议室", "每周复盘1次"],
                ["采购部", "吴二", "王五", "2024年7月3日", "会议室", "年底前通过考试"],
            ]
        },
        merges={"汇总": ["A1:F1", "A3:A4", "B3:B4"]},
    )
    records = read(path, alias_table)
    assert [r["employee_name"] for r in records] == ["张三", "李四", "王五"]
    assert [r["department"] for r in records] == ["物流部", "物流部", "采购部"]
    assert [r["manager_name"] for r in records] == ["周一", "周一", "吴二"]
    assert records[1]["improvement_plan"] == "每周复盘1次"


def test_thousands_of_named_styles_are_dropped_before_openpyxl(tmp_path, alias_table):
    """Some export libraries write one named style per cell (a corpus file has 21,827); openpyxl binds
    each one (10 s for a 300 KB book). Records and dates read the same without them."""
    import io
    import re
    import zipfile

    from checker.intake import xlsx

    path = xlsx_book(
        tmp_path / "plain.xlsx",
        {
            "记录": [
                ["员工姓名", "张三"],
                ["面谈时间", dt.datetime(2024, 7, 2, 15, 30)],
                ["改进计划", "每月1次培训"],
            ]
        },
    )
    styled = tmp_path / "styled.xlsx"
    named = b"".join(b'<cellStyle name="s%d" xfId="%d"/>' % (i, i % 2) for i in range(5000))
    padding = b'<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>' * 5000
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(styled, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "xl/styles.xml":
                body = re.sub(rb"<cellStyleXfs\b.*?</cellStyleXfs>", b'<cellStyleXfs count="5002">'
                              + b'<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>' * 2 + padding
                              + b"</cellStyleXfs>", body, flags=re.S)  # fmt: skip
                body = re.sub(rb"<cellStyles\b.*?</cellStyles>", b'<cellStyles count="5000">' + named
                              + b"</cellStyles>", body, flags=re.S)  # fmt: skip
            out.writestr(info, body)

    slim = xlsx._without_named_styles(styled.read_bytes())
    assert b"<cellStyle " not in zipfile.ZipFile(io.BytesIO(slim)).read("xl/styles.xml")
    assert xlsx._without_named_styles(path.read_bytes()) == path.read_bytes()  # a normal book is untouched
    assert read(styled, alias_table) == read(path, alias_table)
