"""bytes + name -> records, through the gate to the right parser.

Every parser is called from here and nowhere else, so every input passes the
same checks: type from content, size limits, no DTDs, a clean InputError for
anything that cannot be read (never another exception for a bad file).
"""

from __future__ import annotations

import contextlib
import csv
import os
import shutil
import signal
import subprocess
import tempfile
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from checker.intake import gate
from checker.intake.docx import parse_docx
from checker.intake.errors import InputError
from checker.intake.fields import AliasTable
from checker.intake.ooxml import Package
from checker.model import Record

# The workbook and text parsers are imported by the branch that reads such a file: a one-draft
# .docx audit does not pay for them at start-up.
if TYPE_CHECKING:
    from checker.intake.xlsx import SheetData

# What a folder walk picks up. Named files are read whatever their name.
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
    ".dot",
    ".xls",
    ".xlt",
    ".xlsb",
    ".wps",
    ".et",
    ".rtf",
}
TRUNCATED_NOTE = "……(内容过长,以下 {n} 字已截断)"


def read_bytes(
    data: bytes, source: str, table: AliasTable, limits: gate.Limits | None = None
) -> list[Record]:
    limits = limits or gate.Limits()
    if len(data) > limits.max_file_bytes:
        raise InputError(
            "too-large",
            f"文件过大({len(data) // gate.MiB} MB),超过 {limits.max_file_bytes // gate.MiB} MB 上限",
        )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl/xlrd chatter about styles and extensions
        try:
            records = _dispatch(data, source, table, limits)
        except RecursionError as exc:
            raise InputError("too-complex", "文件结构嵌套过深,无法读取(可能是恶意构造的文件)") from exc
    return [cap_fields(r, limits.max_field_chars) for r in records]


def _dispatch(data: bytes, source: str, table: AliasTable, limits: gate.Limits) -> list[Record]:
    kind = gate.sniff(data, source)
    if kind == "empty":
        raise InputError("empty", "文件是空的")
    if kind == "zip":
        return _read_ooxml(data, source, table, limits)
    if kind == "ole":
        return _read_ole(data, source, table, limits)
    if kind == "biff":
        from checker.intake.xlsx import parse_sheets

        return parse_sheets(_xls_sheets(data, limits), source, table)
    if kind == "word2":
        return _read_doc(data, source, table, limits)
    if kind in ("json", "jsonl", "csv"):
        return _read_text(kind, data, source, table, limits)
    raise InputError("unsupported", "无法识别的文件类型:请上传 .docx、.xlsx、.json、.jsonl 或 .csv 文件")


def _read_ooxml(data: bytes, source: str, table: AliasTable, limits: gate.Limits) -> list[Record]:
    zf = gate.open_zip(data, limits)
    office = gate.office_kind(zf)
    if office != "docx":  # the Word reader parses every part through ooxml.parse_xml, which refuses DTDs itself
        gate.check_xml_parts(zf)
    if gate.needs_repack(zf):
        data = gate.repack(zf, limits)
        zf = gate.open_zip(data, limits)
    if office == "docx":
        return parse_docx(Package(zf, source, limits.max_member_uncompressed), source, table)
    from checker.intake.xlsx import parse_xlsx

    try:
        return parse_xlsx(data, source, table, limits.max_rows, limits.max_cols)
    except InputError as exc:
        if exc.code != "corrupt":
            raise
        first = exc
    # openpyxl gives up on some styles, pivot caches and drawings: try once more without them.
    try:
        slim = gate.repack(zf, limits, drop_optional=True)
        return parse_xlsx(slim, source, table, limits.max_rows, limits.max_cols)
    except InputError:
        raise first from None


def _read_text(kind: str, data: bytes, source: str, table: AliasTable, limits: gate.Limits) -> list[Record]:
    from checker.intake.jsonl import parse_csv, parse_json, parse_jsonl

    try:
        if kind == "json":
            return parse_json(data, source, table)
        if kind == "jsonl":
            return parse_jsonl(data, source, table)
        csv.field_size_limit(max(limits.max_field_chars * 4, 131072))
        return parse_csv(data, source, table)
    except csv.Error as exc:
        raise InputError("bad-csv", f"CSV 格式错误:{exc}") from exc
    except ValueError as exc:  # e.g. an integer literal with more than 4300 digits
        raise InputError("bad-json", f"JSON 内容无法解析:{str(exc)[:120]}") from exc


def cap_fields(record: Record, max_chars: int) -> Record:
    """Cut values longer than max_chars, with a visible note: the rules stay fast and the record is kept."""
    for value in record.fields.values():
        if len(value.text) > max_chars:
            cut = len(value.text) - max_chars
            value.text = value.text[:max_chars] + TRUNCATED_NOTE.format(n=cut)
    return record


# ---------------------------------------------------------------- legacy OLE files


def _read_ole(data: bytes, source: str, table: AliasTable, limits: gate.Limits) -> list[Record]:
    kind = gate.ole_kind(data)
    if kind == "encrypted":
        raise gate.encrypted()
    if kind == "xls":
        from checker.intake.xlsx import parse_sheets

        return parse_sheets(_xls_sheets(data, limits), source, table)
    if kind == "doc":
        return _read_doc(data, source, table, limits)
    if kind == "works":
        raise InputError(
            "unsupported", "这是 Microsoft Works 文档(.wps),不受支持;请用 Word 打开后另存为 .docx 再上传"
        )
    if kind == "ppt":
        raise InputError("unsupported", "这是 PowerPoint 文件,不是面谈记录模板(请使用 Word 或 Excel)")
    raise InputError("unsupported", "无法识别的旧版 Office 文件(不是 Word 或 Excel 文档)")


def _read_doc(data: bytes, source: str, table: AliasTable, limits: gate.Limits) -> list[Record]:
    converted = _convert_doc(data, limits)
    if converted is None:
        raise InputError(
            "legacy-doc", "这是旧版 Word 文档(.doc/.wps),请在 Word 或 WPS 中另存为 .docx 后再上传"
        )
    if not converted.startswith(gate.ZIP_MAGIC):
        raise InputError("legacy-doc", "旧版 Word 文档(.doc)转换失败,请在 Word 中另存为 .docx 后再上传")
    return _read_ooxml(converted, source, table, limits)


def _open_xls(data: bytes):
    """xlrd workbook with merged-cell info (formatting_info=True) when xlrd can, without it otherwise."""
    import xlrd

    with open(os.devnull, "w") as devnull:  # xlrd writes warnings to stdout by default
        for formatting in (True, False):  # formatting records are the fragile part: retry without them
            try:
                return xlrd.open_workbook(
                    file_contents=data,
                    formatting_info=formatting,
                    on_demand=True,
                    logfile=devnull,
                    verbosity=0,
                )
            except xlrd.biffh.XLRDError as exc:
                if "encrypt" in str(exc).lower():
                    raise gate.encrypted() from exc
                if not formatting:
                    raise InputError("corrupt", f"旧版 Excel 文件(.xls)无法读取:{exc}") from exc
            except Exception as exc:  # xlrd raises assorted errors on damaged streams
                if not formatting:
                    raise InputError("corrupt", f"旧版 Excel 文件(.xls)已损坏:{type(exc).__name__}") from exc


def _xls_sheets(data: bytes, limits: gate.Limits) -> list[SheetData]:
    book = _open_xls(data)
    sheets = []
    try:
        for index in range(book.nsheets):
            sheets.append(_xls_sheet(book, book.sheet_by_index(index), limits))
    except InputError:
        raise
    except MemoryError:
        raise
    except Exception as exc:  # damaged records surface while a sheet is loaded
        raise InputError("corrupt", f"旧版 Excel 文件(.xls)已损坏:{type(exc).__name__}") from exc
    finally:
        book.release_resources()
    return sheets


def _xls_sheet(book, sh, limits: gate.Limits) -> SheetData:
    import xlrd

    from checker.intake.xlsx import SheetData, cell_text

    if sh.nrows > limits.max_rows:
        raise InputError("too-large", f"工作表「{sh.name}」超过 {limits.max_rows} 行,已停止读取")
    rows = []
    for r in range(sh.nrows):
        values = []
        for c in range(min(sh.row_len(r), limits.max_cols)):
            cell = sh.cell(r, c)
            if cell.ctype == xlrd.XL_CELL_DATE:
                with contextlib.suppress(ValueError, OverflowError, xlrd.xldate.XLDateError):
                    values.append(cell_text(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)))
                    continue
            values.append(cell_text(cell.value if cell.ctype != xlrd.XL_CELL_ERROR else ""))
        rows.append(values)
    merged = [(r0, c0, r1 - 1, c1 - 1) for r0, r1, c0, c1 in getattr(sh, "merged_cells", [])]
    return SheetData(sh.name, rows, merged)


def _convert_doc(data: bytes, limits: gate.Limits) -> bytes | None:
    """Legacy .doc -> .docx through LibreOffice when it is installed; None otherwise."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "input.doc"
        src.write_bytes(data)
        command = [
            soffice,
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{tmp}/profile",
            "--convert-to",
            "docx",
            "--outdir",
            tmp,
            str(src),
        ]
        if not _run_bounded(command, min(limits.convert_seconds, limits.seconds_per_file)):
            return None
        out = Path(tmp) / "input.docx"
        return out.read_bytes() if out.exists() else None


def _run_bounded(command: list[str], seconds: float) -> bool:
    """Run in its own process group and kill the whole group (soffice forks soffice.bin) on timeout."""
    try:
        proc = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
    except OSError:
        return False
    try:
        proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        return False
    return proc.returncode == 0
