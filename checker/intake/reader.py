"""bytes + name -> records, through the gate to the right parser."""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from pathlib import Path

from checker.intake import gate
from checker.intake.docx import parse_docx
from checker.intake.errors import InputError
from checker.intake.fields import AliasTable
from checker.intake.jsonl import parse_csv, parse_json, parse_jsonl
from checker.intake.ooxml import Package
from checker.intake.xlsx import SheetData, cell_text, parse_sheets, parse_xlsx
from checker.model import Record

SUPPORTED_SUFFIXES = {
    ".docx",
    ".docm",
    ".dotx",
    ".dotm",
    ".xlsx",
    ".xlsm",
    ".xltx",
    ".xltm",
    ".json",
    ".jsonl",
    ".csv",
    ".doc",
    ".xls",
    ".wps",
    ".et",
}


def read_bytes(
    data: bytes, source: str, table: AliasTable, limits: gate.Limits | None = None
) -> list[Record]:
    limits = limits or gate.Limits()
    if len(data) > limits.max_file_bytes:
        raise InputError(
            "too-large",
            f"文件过大({len(data) // 1048576} MB),超过 {limits.max_file_bytes // 1048576} MB 上限",
        )
    kind = gate.sniff(data, source)
    if kind == "empty":
        raise InputError("empty", "文件是空的")
    if kind == "zip":
        zf = gate.open_zip(data, limits)
        office = gate.office_kind(zf)
        if office == "docx":
            return parse_docx(Package(zf, source), source, table)
        return parse_xlsx(data, source, table, limits.max_rows, limits.max_cols)
    if kind == "ole":
        return _read_ole(data, source, table, limits)
    if kind == "json":
        return parse_json(data, source, table)
    if kind == "jsonl":
        return parse_jsonl(data, source, table)
    if kind == "csv":
        return parse_csv(data, source, table)
    raise InputError("unsupported", "无法识别的文件类型:请上传 .docx、.xlsx、.json 或 .jsonl 文件")


def _read_ole(data: bytes, source: str, table: AliasTable, limits: gate.Limits) -> list[Record]:
    kind = gate.ole_kind(data)
    if kind == "encrypted":
        raise InputError("encrypted", "文件已加密,请去除密码后再上传")
    if kind == "xls":
        return parse_sheets(_xls_sheets(data, limits), source, table)
    if kind == "doc":
        converted = _convert_doc(data)
        if converted is None:
            raise InputError("legacy-doc", "这是旧版 Word 文档(.doc),请在 Word 中另存为 .docx 后再上传")
        return read_bytes(converted, source, table, limits)
    raise InputError("unsupported", "无法识别的旧版 Office 文件(不是 Word 或 Excel 文档)")


def _xls_sheets(data: bytes, limits: gate.Limits) -> list[SheetData]:
    import xlrd

    try:
        # xlrd writes its warnings to stdout unless given a log file; stdout carries the JSON report
        book = xlrd.open_workbook(file_contents=data, formatting_info=False, on_demand=True,
                                  logfile=io.StringIO(), verbosity=0)
    except xlrd.biffh.XLRDError as exc:
        if "encrypt" in str(exc).lower():
            raise InputError("encrypted", "文件已加密,请去除密码后再上传") from exc
        raise InputError("corrupt", f"旧版 Excel 文件(.xls)无法读取:{exc}") from exc
    except Exception as exc:  # xlrd raises assorted errors on damaged streams
        raise InputError("corrupt", f"旧版 Excel 文件(.xls)已损坏:{type(exc).__name__}") from exc
    sheets = []
    try:
        for sh in book.sheets():
            rows = []
            for r in range(min(sh.nrows, limits.max_rows)):
                values = []
                for c in range(min(sh.ncols, limits.max_cols)):
                    cell = sh.cell(r, c)
                    if cell.ctype == xlrd.XL_CELL_DATE:
                        try:
                            values.append(
                                cell_text(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode))
                            )
                            continue
                        except (ValueError, OverflowError):
                            pass
                    values.append(cell_text(cell.value if cell.ctype != xlrd.XL_CELL_ERROR else ""))
                rows.append(values)
            merged = [(r0, c0, r1 - 1, c1 - 1) for r0, r1, c0, c1 in getattr(sh, "merged_cells", [])]
            sheets.append(SheetData(sh.name, rows, merged))
    except Exception as exc:
        raise InputError("corrupt", f"旧版 Excel 文件(.xls)已损坏:{type(exc).__name__}") from exc
    finally:
        book.release_resources()
    return sheets


def _convert_doc(data: bytes) -> bytes | None:
    """Legacy .doc -> .docx through LibreOffice when it is installed; None otherwise."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "input.doc"
        src.write_bytes(data)
        try:
            subprocess.run(
                [
                    soffice,
                    "--headless",
                    "--norestore",
                    f"-env:UserInstallation=file://{tmp}/profile",
                    "--convert-to",
                    "docx",
                    "--outdir",
                    tmp,
                    str(src),
                ],
                capture_output=True,
                timeout=60,
                check=False,
            )
        except (subprocess.TimeoutExpired, OSError):
            return None
        out = Path(tmp) / "input.docx"
        return out.read_bytes() if out.exists() else None
