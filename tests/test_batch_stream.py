"""Streaming end to end (issue 10): big exports read row by row, audited within a per-record budget,
written without holding the report; the gate budgets sheet XML by rows and cells."""

from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from checker.api import Checker
from checker.cli import main
from checker.config import Config, LimitsConfig
from checker.intake import stream
from checker.intake import xlsx as xl
from checker.intake.errors import InputError
from checker.intake.fields import load_alias_table
from checker.intake.gate import Limits
from checker.intake.reader import read_bytes
from checker.reports.xlsx_summary import SHEETS

sys.path.insert(0, str(Path(__file__).parent / "hostile"))
from make_hostile import batch_xlsx, rewrite_zip  # noqa: E402

MiB = 1024 * 1024


@pytest.fixture(scope="module")
def export_20k(tmp_path_factory) -> Path:
    """20,000 rows written by openpyxl's write-only mode: every CJK character a &#NNNNN; reference."""
    path = tmp_path_factory.mktemp("export") / "export_20k.xlsx"
    path.write_bytes(batch_xlsx(20_000))
    return path


def test_a_big_export_is_audited_within_a_small_per_record_budget(export_20k, tmp_path):
    with zipfile.ZipFile(export_20k) as zf:
        sheet = zf.getinfo("xl/worksheets/sheet1.xml")
        assert b"&#" in zf.read(sheet)[:4096]
    # the sheet XML is over the member limit set below: it is judged by its rows and cells
    assert sheet.file_size > 8 * MiB
    out = tmp_path / "report.jsonl"
    config = tmp_path / ".checker.toml"
    config.write_text(
        '[limits]\nisolate = "always"\nmemory_mb_per_file = 256\nmax_member_uncompressed_mb = 8\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        main, ["audit", str(export_20k), "--format", "jsonl", "-o", str(out), "--config", str(config)]
    )
    assert result.exit_code in (0, 1), result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    summary = json.loads(lines[-1])
    assert summary["summary"]["records"] == 20_000 and summary["summary"]["errors"] == 0
    first, last = json.loads(lines[0]), json.loads(lines[-2])
    assert (first["index"], first["sheet"]) == (0, "汇总 第2行")
    assert (last["index"], last["sheet"]) == (19_999, "汇总 第20001行")


def test_the_worker_reports_its_memory_and_the_file_is_not_hostile(export_20k):
    checker = Checker(Config(limits=LimitsConfig(isolate="always", memory_mb_per_file=256)))
    count = sum(1 for item in checker.iter_audit([export_20k]) if not hasattr(item, "code"))
    assert count == 20_000
    [result] = checker.read_log
    assert result.error is None and result.peak_mb < 256


def test_real_sheet_bombs_are_still_refused(tmp_path):
    data = batch_xlsx(3)
    xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    at = xml.index(b"<sheetData>")
    padded = xml[:at] + b" " * (30 * MiB) + xml[at:]  # 30 MB of nothing around three rows
    bomb = rewrite_zip(data, {"xl/worksheets/sheet1.xml": padded})
    limits = Limits(max_member_uncompressed=8 * MiB)
    with pytest.raises(InputError) as err:
        read_bytes(bomb, "bomb.xlsx", load_alias_table(), limits)
    assert err.value.code == "zip-bomb" and "单元格" in err.value.message
    with pytest.raises(InputError) as err:
        list(stream.iter_records(bomb, "bomb.xlsx", load_alias_table(), limits))
    assert err.value.code == "zip-bomb"
    with pytest.raises(InputError) as err:  # over the hard ceiling: refused without inflating
        read_bytes(bomb, "b.xlsx", load_alias_table(), Limits(max_member_uncompressed=8 * MiB, max_sheet_xml=16 * MiB))
    assert err.value.code == "zip-bomb"


def test_too_many_rows_are_refused_before_any_record(export_20k):
    limits = Limits(max_rows=1000, max_member_uncompressed=8 * MiB)
    with pytest.raises(InputError) as err:
        next(stream.iter_records(export_20k.read_bytes(), "e.xlsx", load_alias_table(), limits))
    assert err.value.code == "too-large"


def _tricky_batch(path: Path) -> Path:
    """Title row, header, a department merged down three rows (one of them otherwise blank), a note
    row, a repeated header, blank rows, and a date column: what the row-by-row reader must get right."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "面谈汇总"
    ws.append(["2024年二季度绩效面谈汇总"])
    header = ["员工姓名", "部门", "面谈人", "面谈时间", "绩效总结", "改进计划", "员工签字"]
    ws.append(header)
    import datetime as dt

    rows = [
        ["张三", "研发部", "李四", dt.datetime(2024, 7, 1, 10), "沟通能力强", "提升代码质量", "张三"],
        ["王五", None, "李四", dt.datetime(2024, 7, 2, 9), "按时完成3个项目", "9月底前完成培训", "王五"],
        [None, None, None, None, None, None, None],
        ["赵六", "销售部", "钱七", "2024-07-03", "业绩完成率110%", "每月拜访10家客户", ""],
        ["备注:以上为二季度数据"],
        header,
        ["孙八", "财务部", "周九", "2024/7/5", "工作认真", "无", "孙八"],
    ]
    for row in rows:
        ws.append(row)
    ws.merge_cells("B3:B5")
    for _ in range(3):
        ws.append([])
    ws.append(["吴十", "财务部", "周九", "2024-07-09", "差错0次", "年底前考取证书", "吴十"])
    wb.save(path)
    return path


def test_row_by_row_reading_gives_the_whole_sheet_records(tmp_path, monkeypatch):
    path = _tricky_batch(tmp_path / "tricky.xlsx")
    data = path.read_bytes()
    table = load_alias_table()
    monkeypatch.setattr(stream, "STREAM_ABOVE_SHEET_XML", 0)
    monkeypatch.setattr(xl, "STREAM_ABOVE_BYTES", 0)  # the whole-file reader takes its lxml path too
    assert stream._streamable_book(data, Limits()) is not None
    whole = [r.model_dump() for r in read_bytes(data, "t.xlsx", table)]
    rows = [r.model_dump() for r in stream.iter_records(data, "t.xlsx", table)]
    assert rows == whole
    assert [r["fields"].get("department", {}).get("text") for r in rows][:3] == ["研发部", "研发部", "研发部"]


def test_streamed_workbook_opens_with_every_sheet(export_20k, tmp_path):
    small = tmp_path / "export_2k.xlsx"
    small.write_bytes(batch_xlsx(2000))
    broken = tmp_path / "坏.docx"
    broken.write_bytes(b"PK\x03\x04 broken")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["audit", str(small), str(broken), "--format", "jsonl", "--format", "xlsx", "-o", str(out)]
    )
    assert result.exit_code == 2, result.output
    wb = openpyxl.load_workbook(out / "report.xlsx")
    assert tuple(wb.sheetnames) == SHEETS
    summary = json.loads((out / "report.jsonl").read_text(encoding="utf-8").splitlines()[-1])["summary"]
    assert wb["记录明细"].max_row == 2001 == summary["records"] + 1
    overview = {r[0]: r[1] for r in wb["概览"].iter_rows(min_row=2, max_row=9, values_only=True)}
    assert overview["记录数"] == 2000 and overview["无法读取的文件"] == 1
    assert wb["记录明细"].freeze_panes == "A2" and wb["记录明细"].auto_filter.ref.endswith("2001")
    # named relative to the inputs' common folder (issue 14: no absolute paths in the workbook)
    assert [r[0] for r in wb["无法读取"].iter_rows(min_row=2, values_only=True)] == [broken.name]
