"""Issue 14, CLI and report writers: real files through the real CLI (click's CliRunner)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import openpyxl
from click.testing import CliRunner
from docx import Document
from docx.oxml.ns import qn

from checker.cli import EXIT_USAGE, main
from checker.reports.own import MARKER, is_own_output
from checker.reports.text import TextStream
from tests.builders import GOOD_RECORD as GOOD
from tests.builders import docx_grid


def _run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    return path


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "抽检"
    folder.mkdir()
    _jsonl(folder / "记录.jsonl", [GOOD, {**GOOD, "员工姓名": "李/娜:1", "面谈人": "", "员工确认": "李娜"}])
    return folder


# 1 ------------------------------------------------------------ --per-record with a new -o


def test_per_record_creates_the_output_folder(tmp_path):
    out = tmp_path / "pr"
    result = _run("audit", str(_folder(tmp_path)), "--format", "html", "--per-record", "-o", str(out))
    assert result.exit_code in (0, 1), result.output
    assert out.is_dir()
    assert (out / "report.html").is_file()
    assert len(list((out / "records").glob("*.html"))) == 2


def test_per_record_onto_an_existing_file_is_a_chinese_usage_error(tmp_path):
    out = tmp_path / "pr"
    out.write_text("x")
    result = _run("audit", str(_folder(tmp_path)), "--format", "html", "--per-record", "-o", str(out))
    assert result.exit_code == EXIT_USAGE == 64
    assert "是一个已有的文件" in result.output and "Traceback" not in result.output
    assert out.read_text() == "x"


# 2 ------------------------------------------------------------ the tool skips its own outputs


def test_second_run_does_not_read_the_first_runs_reports(tmp_path):
    folder = _folder(tmp_path)
    docx_grid(folder / "王强.docx", [("员工姓名", "王强", "面谈人", "赵敏"), ("绩效总结", "沟通能力强")])
    first = _run("audit", str(folder), "--format", "xlsx,json,jsonl,docx", "-o", str(folder), "--no-progress")
    assert (folder / "report.xlsx").is_file() and (folder / "王强.checked.docx").is_file()
    records = json.loads((folder / "report.json").read_text(encoding="utf-8"))["summary"]["records"]
    assert records == 3, first.output
    # the workbook carries the marker, so a renamed copy is still recognised
    renamed = folder / "汇总-改名.xlsx"
    renamed.write_bytes((folder / "report.xlsx").read_bytes())
    assert MARKER.encode() in zipfile.ZipFile(renamed).read("docProps/core.xml")
    assert is_own_output(renamed) and is_own_output(folder / "report.jsonl")
    assert not is_own_output(folder / "记录.jsonl") and not is_own_output(folder / "王强.docx")
    _run("audit", str(folder), "--format", "json", "-o", str(tmp_path / "again.json"))
    again = json.loads((tmp_path / "again.json").read_text(encoding="utf-8"))
    assert again["summary"]["records"] == 3
    assert not again["errors"]
    assert {Path(r["source"]).name for r in again["records"]} == {"记录.jsonl", "王强.docx"}


# 3 ------------------------------------------------------------ the CLI says what it did


def test_docx_format_says_where_the_copy_went(tmp_path):
    draft = docx_grid(
        tmp_path / "草稿.docx", [("员工姓名", "王强", "面谈人", "赵敏"), ("绩效总结", "沟通能力强")]
    )
    result = _run("audit", str(draft), "--format", "docx")
    copy = tmp_path / "草稿.checked.docx"
    assert copy.is_file()
    assert f"已写出:{copy}" in result.output


def test_unreadable_files_are_named_on_the_terminal(tmp_path):
    folder = _folder(tmp_path)
    (folder / "坏.docx").write_bytes(b"PK\x03\x04 not really a zip")
    result = CliRunner().invoke(
        main, ["audit", str(folder), "--format", "json", "-o", str(tmp_path / "r.json")]
    )
    assert result.exit_code == 2
    assert "1 个文件无法读取" in result.stderr
    assert "坏.docx" in result.stderr


def test_empty_folder_says_so_and_exits_2(tmp_path):
    (tmp_path / "空").mkdir()
    result = CliRunner().invoke(main, ["audit", str(tmp_path / "空")])
    assert result.exit_code == 2
    assert "没有找到可以检查的面谈记录" in result.stderr


def test_unknown_rule_in_disable_is_rejected(tmp_path):
    result = _run("audit", str(_folder(tmp_path)), "--disable", "no-such-rule")
    assert result.exit_code == EXIT_USAGE == 64
    assert "规则包里没有这条规则:no-such-rule" in result.output
    assert "late-record" in result.output  # the known ids are listed


def test_unknown_format_is_a_usage_error_in_chinese(tmp_path):
    result = _run("audit", str(_folder(tmp_path)), "--format", "pdf")
    assert result.exit_code == EXIT_USAGE == 64
    assert "不支持的输出格式:pdf" in result.output
    assert "错误:" in result.output and "Error" not in result.output


def test_help_and_usage_errors_in_chinese():
    help_text = _run("audit", "--help").output
    assert help_text.startswith("用法:") and "选项" in help_text and "Options" not in help_text
    assert "显示本帮助并退出" in help_text
    bad = _run("audit", "--no-such-option", "x")
    assert bad.exit_code == EXIT_USAGE
    assert "用法:" in bad.output and "没有这个选项" in bad.output and "错误:" in bad.output
    assert "Usage" not in bad.output and "No such option" not in bad.output


# 4 ------------------------------------------------------------ annotated copies and the days


def _comments(path: Path) -> list[tuple[int, str]]:
    """(comment id, anchored text) in document order of the range starts."""
    body = Document(str(path)).element.body
    ids = [int(el.get(qn("w:id"))) for el in body.iter(qn("w:commentRangeStart"))]
    refs = [int(el.get(qn("w:id"))) for el in body.iter(qn("w:commentReference"))]
    assert refs == ids  # the [n] markers in the text follow the same order
    return ids


def test_one_plan_item_one_comment_in_order(tmp_path):
    draft = docx_grid(
        tmp_path / "稿.docx",
        [
            ("员工姓名", "王强", "面谈人", "赵敏"),
            ("面谈时间", "2024年6月3日 15:00", "面谈地点", "3楼会议室"),
            ("绩效总结", GOOD["绩效总结"]),
            ("改进计划", "提升代码质量"),
            ("员工确认", "王强 2024-06-04", "记录日期", "2024年6月4日"),
        ],
    )
    _run("audit", str(draft), "--format", "docx", "-o", str(tmp_path / "out"))
    copy = tmp_path / "out" / "稿.checked.docx"
    ids = _comments(copy)
    assert ids == sorted(ids)
    xml = zipfile.ZipFile(copy).read("word/comments.xml").decode("utf-8")
    # 没有可衡量的标准 + 没有完成期限 on 「提升代码质量」: one comment with both messages
    assert xml.count("提升代码质量") == 2 and "没有可衡量的标准" in xml and "没有完成期限" in xml
    body = Document(str(copy)).element.body
    starts = list(body.iter(qn("w:commentRangeStart")))
    anchored = []
    for start in starts:
        cid, text, on = start.get(qn("w:id")), "", False
        for el in body.iter(qn("w:commentRangeStart"), qn("w:commentRangeEnd"), qn("w:t")):
            if el.tag == qn("w:commentRangeStart") and el.get(qn("w:id")) == cid:
                on = True
            elif el.tag == qn("w:commentRangeEnd") and el.get(qn("w:id")) == cid:
                break
            elif on and el.tag == qn("w:t"):
                text += el.text or ""
        anchored.append(text)
    assert anchored.count("提升代码质量") == 1


def test_no_copy_for_a_record_without_findings(tmp_path):
    draft = docx_grid(
        tmp_path / "好.docx",
        [
            ("员工姓名", "张伟", "面谈人", "王经理"),
            ("面谈时间", GOOD["面谈时间"], "面谈地点", GOOD["面谈地点"]),
            ("绩效总结", GOOD["绩效总结"]),
            ("改进计划", GOOD["改进计划"]),
            ("资源支持", GOOD["资源支持"]),
            ("共识", GOOD["共识"], "分歧", "无"),
            ("员工确认", GOOD["员工确认"], "记录日期", GOOD["记录日期"]),
        ],
    )
    result = CliRunner().invoke(main, ["audit", str(draft), "--format", "docx"])
    report = json.loads(_run("audit", str(draft), "--format", "json").output)
    assert report["records"][0]["findings"] == [], report
    assert not (tmp_path / "好.checked.docx").exists()
    assert "没有问题,未生成带批注的副本" in result.stderr


def test_late_record_days_without_useless_decimal(tmp_path):
    late = _jsonl(tmp_path / "晚.jsonl", [{**GOOD, "记录日期": "2024年6月6日 15:00"}])
    report = json.loads(_run("audit", str(late), "--format", "json").output)
    message = next(f["message"] for f in report["records"][0]["findings"] if f["rule"] == "late-record")
    assert "约3天" in message and "3.0" not in message


# 5 ------------------------------------------------------------ terminal report


def test_terminal_report_names_fields_and_people(tmp_path):
    rec = {**GOOD, "改进计划": "提升代码质量"}
    result = _run("audit", str(_jsonl(tmp_path / "r.jsonl", [rec])), "--no-color")
    assert "员工 张伟(面谈人 王经理)" in result.output
    assert "改进计划" in result.output and "improvement_plan" not in result.output


def test_rule_tags_never_wrap_mid_word(tmp_path):
    rec = {**GOOD, "改进计划": "提升代码质量"}
    report = json.loads(_run("audit", str(_jsonl(tmp_path / "r.jsonl", [rec])), "--format", "json").output)
    from checker.model import RecordReport

    record = RecordReport.model_validate(report["records"][0])
    for width in (40, 60, 80):
        lines = TextStream(width=width).record(record)
        tags = [f"[{f.rule}]" for f in record.findings]
        for tag in tags:
            assert any(tag in line for line in lines), (width, lines)
        from checker.reports.text import _cols

        assert all(_cols(line) <= width for line in lines if "[" in line or "建议" in line), lines


# 6 ------------------------------------------------------------ per-record names


def test_per_record_files_named_after_employee_and_manager(tmp_path):
    out = tmp_path / "out"
    _run("audit", str(_folder(tmp_path)), "--format", "html,md", "--per-record", "-o", str(out))
    names = sorted(p.name for p in (out / "records").iterdir())
    assert "001_张伟_王经理.html" in names and "001_张伟_王经理.md" in names
    assert "002_李_娜_1.html" in names  # "/" and ":" made safe; no manager: the employee alone


# 7 ------------------------------------------------------------ verdicts


def test_warnings_only_never_worse_than_a_missing_interviewer(tmp_path):
    wordy = {
        **GOOD,
        "绩效总结": "沟通能力强。执行力有待提高。工作态度认真负责。学习能力强。团队意识好。",
        "改进计划": "1、提升代码质量\n2、加强沟通\n3、提高执行力",
        "记录日期": "2024年6月8日",
    }
    no_manager = {**GOOD, "面谈人": ""}
    path = _jsonl(tmp_path / "两条.jsonl", [wordy, no_manager])
    report = json.loads(_run("audit", str(path), "--format", "json").output)
    first, second = report["records"]
    assert {f["severity"] for f in first["findings"]} == {"warning"} and len(first["findings"]) >= 6
    assert [f["rule"] for f in second["findings"]] == ["missing-field"]
    assert first["verdict"] == "需修改", first["score"]
    assert second["verdict"] == "需修改", second["score"]
    assert first["score"] >= 60 and second["score"] < 85


def test_scoring_weights_come_from_the_pack(tmp_path):
    pack = tmp_path / "pack.yaml"
    pack.write_text(
        'pack: mine\nversion: "1"\nextends: default\nsettings:\n  severity_weights: {error: 50, warning: 6, info: 1}\n',
        encoding="utf-8",
    )
    path = _jsonl(tmp_path / "r.jsonl", [{**GOOD, "面谈人": ""}])
    report = json.loads(_run("audit", str(path), "--format", "json", "--rules", str(pack)).output)
    assert report["records"][0]["score"] == 50


def test_workbook_still_opens(tmp_path):
    _run("audit", str(_folder(tmp_path)), "--format", "xlsx", "-o", str(tmp_path / "r.xlsx"))
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx")
    assert MARKER in (wb.properties.keywords or "")


# HR workbook: groups ranked by weakness, Chinese rule headers, charts that do not overlap


def test_group_sheets_rank_weakest_first_with_charts_apart(tmp_path):
    records = []
    for i in range(17):  # 17 managers: the case where the second chart covered the first
        rec = {**GOOD, "员工姓名": f"员工{i}", "面谈人": f"主管{i:02d}"}
        if i % 3 == 0:
            rec["员工确认"] = ""  # an error: 需修改
        records.append(rec)
    path = _jsonl(tmp_path / "批.jsonl", records)
    _run("audit", str(path), "--format", "xlsx", "-o", str(tmp_path / "r.xlsx"))
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx")["按主管"]
    rows = list(ws.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert "员工未确认" in header and "unconfirmed" not in header
    rates = [row[3] for row in body]
    assert rates == sorted(rates) and rates[0] < rates[-1]  # weakest first
    first, second = ws._charts
    top = first.anchor._from.row
    height_rows = first.anchor.ext.height / 360000 / 0.53 if first.anchor.ext else first.height / 0.53
    assert second.anchor._from.row >= top + height_rows


def test_workbook_normalises_grades_and_families_and_has_period_and_date(tmp_path):
    records = [
        {**GOOD, "岗位序列": "T序列", "绩效等级": "A", "考核周期": "2024年Q2"},
        {**GOOD, "员工姓名": "李娜", "岗位序列": "技术序列", "绩效等级": "优秀", "考核周期": "2024年Q2"},
    ]
    _run(
        "audit",
        str(_jsonl(tmp_path / "r.jsonl", records)),
        "--format",
        "xlsx",
        "-o",
        str(tmp_path / "r.xlsx"),
    )
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx")
    for sheet in ("按岗位序列", "按绩效等级"):
        body = list(wb[sheet].iter_rows(values_only=True))[1:]
        assert len(body) == 1 and body[0][1] == 2, (sheet, body)
    rows = list(wb["记录明细"].iter_rows(values_only=True))
    header = rows[0]
    assert "考核周期" in header and "面谈时间" in header
    first = dict(zip(header, rows[1], strict=False))
    assert first["考核周期"] == "2024年Q2" and first["面谈时间"] == GOOD["面谈时间"]


def test_strict_pack_late_record_advice_says_12_hours(tmp_path):
    late = _jsonl(tmp_path / "晚.jsonl", [{**GOOD, "记录日期": "2024年6月4日 15:00"}])
    report = json.loads(_run("audit", str(late), "--format", "json", "--rules", "strict").output)
    finding = next(f for f in report["records"][0]["findings"] if f["rule"] == "late-record")
    assert "12小时" in finding["message"] and "12小时内" in finding["suggestion"]
    assert "24" not in finding["suggestion"] and "约1天" in finding["message"]
