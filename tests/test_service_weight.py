"""Which lane an upload goes to (checker/service/weight.py): told from its content, not its
compressed size. Real files: the sample drafts, sheets written by openpyxl, a cut-off zip."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from checker.service.weight import is_small, records_bytes

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
DOCX = SAMPLES / "张伟_研发中心_网格表.docx"
FORM_XLSX = SAMPLES / "陈晨_财务_表单.xlsx"
UPLOAD_KB, RECORDS_KB = 1024, 512


def export_sheet(rows: int) -> bytes:
    """An HR export as openpyxl writes it: 8 columns of Chinese text per row."""
    wb = Workbook()
    ws = wb.active
    ws.append(["员工姓名", "部门", "面谈人", "面谈时间", "绩效等级", "绩效总结", "改进计划", "员工签字"])
    for i in range(rows):
        ws.append(
            [
                f"员工{i}",
                "研发中心",
                "刘洋",
                "2024-06-03",
                "B",
                f"本季度按时完成第{i}号需求的开发与联调,沟通主动,代码评审意见回复及时。",
                "下季度把单元测试覆盖率从60%提到80%,6月30日前完成。",
                "已确认",
            ]
        )
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def small(name: str, data: bytes, records: bytes | None = None) -> bool:
    return is_small([(name, data)] if name else [], records, UPLOAD_KB, RECORDS_KB)


def test_a_word_draft_is_one_record_whatever_its_size():
    data = DOCX.read_bytes()
    assert records_bytes(DOCX.name, data) == 0
    assert small(DOCX.name, data)
    assert not small("照片很多.docx", data + b"\0" * (UPLOAD_KB * 1024))  # over the byte limit still


def test_a_one_record_form_sheet_is_small():
    data = FORM_XLSX.read_bytes()
    assert 0 < records_bytes(FORM_XLSX.name, data) < 64 * 1024
    assert small(FORM_XLSX.name, data)


def test_an_export_under_the_byte_limit_is_big_by_its_sheet_content():
    data = export_sheet(1500)
    assert len(data) < UPLOAD_KB * 1024  # compressed: passes the byte limit ...
    assert records_bytes("导出.xlsx", data) > RECORDS_KB * 1024  # ... its sheet XML does not
    assert not small("导出.xlsx", data)
    assert small("导出.xlsx", export_sheet(20))


def test_json_records_and_csv_are_weighed_by_their_size():
    many = json.dumps([{"绩效总结": "沟通能力强" * 20}] * 3000, ensure_ascii=False).encode()
    assert not small("", b"", records=many)
    assert small("", b"", records=json.dumps({"绩效总结": "沟通能力强"}, ensure_ascii=False).encode())
    assert not small("导出.csv", "员工姓名,绩效总结\n".encode() * 40000)


@pytest.mark.parametrize("data", [b"PK\x03\x04 cut off", b"not a zip at all"])
def test_an_unreadable_sheet_is_weighed_by_its_bytes(data):
    assert records_bytes("坏.xlsx", data) == len(data)
    assert small("坏.xlsx", data)


def test_many_files_are_big_work():
    data = DOCX.read_bytes()
    assert not is_small([(f"{i}.docx", data) for i in range(21)], None, 100 * 1024, RECORDS_KB)


def test_the_content_not_the_name_tells_a_form_from_a_sheet():
    """As the input gate does: a draft uploaded under a sheet's name is one record, an export uploaded
    without a name (a raw body) is weighed by its sheets."""
    assert records_bytes("草稿.xlsx", DOCX.read_bytes()) == 0
    export = export_sheet(1500)
    assert records_bytes("upload", export) == records_bytes("导出.xlsx", export) > RECORDS_KB * 1024
    assert not small("upload", export)
    assert records_bytes("说明.rtf", rb"{\rtf1\ansi " + b"x" * 600_000 + b"}") == 0


def test_part_names_are_read_as_the_gate_reads_them():
    """A workbook zipped with Windows separators (xl\\worksheets\\sheet1.xml, as some tools write it)
    weighs what the same workbook weighs with forward slashes."""
    export = export_sheet(1500)
    backslashed = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(export)) as src,
        zipfile.ZipFile(backslashed, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in src.infolist():
            out.writestr(info.filename.replace("/", "\\"), src.read(info))
    assert records_bytes("导出.xlsx", backslashed.getvalue()) == records_bytes("导出.xlsx", export)
