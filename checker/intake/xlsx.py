"""Excel (.xlsx/.xlsm) -> Records.

A sheet is either a form (labels beside or above values, merged ranges) giving
one record, or a batch sheet (a header row, maybe under a title row, then one
record per row). Sheets with neither (instructions, lookups) give none.
"""

from __future__ import annotations

import datetime as dt
import gc
import io
import warnings
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass

from checker.intake.errors import InputError
from checker.intake.fields import AliasTable
from checker.intake.grid import Grid, GridCell, label_key, read_form
from checker.model import FieldValue, Location, Record

# Sheets larger than this are streamed (read-only mode: no merged-cell info).
STREAM_ABOVE_BYTES = 4 * 1024 * 1024
# ... or when the sheets' XML is this big (a 100,000-row sheet is ~60 MB of XML, 3 MB zipped).
STREAM_ABOVE_SHEET_XML = 16 * 1024 * 1024
HEADER_SCAN_ROWS = 15
MIN_BATCH_KEYS = 5
MIN_FORM_KEYS = 3
_CORE_KEYS = {"employee_name", "performance_summary", "improvement_plan", "manager_name", "interview_time"}
_NOTE_PREFIXES = ("合计", "小计", "总计", "备注", "注:", "注:", "说明", "填表说明", "注意")


def column_letter(number: int) -> str:
    """1 -> A, 27 -> AA (Excel column names)."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_text(value) -> str:
    """A cell's value as text; real Excel dates as YYYY-MM-DD[ HH:MM]."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return (
            value.strftime("%Y-%m-%d %H:%M") if (value.hour or value.minute) else value.strftime("%Y-%m-%d")
        )
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\r\n", "\n").replace("\r", "\n")


@dataclass
class SheetData:
    title: str
    rows: list[list[str]]  # row-major text, ragged
    merged: list[tuple[int, int, int, int]]  # (min_row, min_col, max_row, max_col), 0-based


def load_sheets(data: bytes, source: str, max_rows: int, max_cols: int) -> list[SheetData]:
    stream = len(data) > STREAM_ABOVE_BYTES or _sheet_xml_bytes(data) > STREAM_ABOVE_SHEET_XML
    if stream:
        fast = _load_streaming(data, max_rows, max_cols)
        if fast is not None:
            return fast
    try:
        with warnings.catch_warnings():
            # openpyxl warns about drawings, headers and styles it drops; none of that is record content
            warnings.simplefilter("ignore")
            import openpyxl  # imported here: reading a .docx should not pay for openpyxl and numpy

            wb = openpyxl.load_workbook(io.BytesIO(data), read_only=stream, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a broken book
        raise InputError("corrupt", f"Excel 文件无法打开:{type(exc).__name__}: {str(exc)[:120]}") from exc
    sheets = []
    try:
        for ws in wb.worksheets:
            rows = []
            # Bounded by the last cell holding a value: styled blank cells up to XFD1048576
            # would otherwise make openpyxl create billions of empty cells.
            max_row, max_col = (None, None) if stream else _value_extent(ws, max_cols)
            if max_row is not None and max_row > max_rows:
                raise InputError("too-large", f"工作表「{ws.title}」超过 {max_rows} 行,已停止读取")
            if max_row == 0:
                sheets.append(SheetData(ws.title, [], []))
                continue
            if stream:
                ws.reset_dimensions()  # a wrong <dimension> (A1:A1) would cut the sheet short
            blank: list[list[str]] = []  # blank rows are kept only when a row with a value follows
            for i, row in enumerate(ws.iter_rows(values_only=True, max_row=max_row, max_col=max_col)):
                if not any(v is not None and v != "" for v in row[:max_cols]):
                    blank.append([] if stream else [""] * len(row[:max_cols]))
                    continue
                if i >= max_rows:
                    raise InputError("too-large", f"工作表「{ws.title}」超过 {max_rows} 行,已停止读取")
                rows.extend(blank)
                blank = []
                rows.append([cell_text(v) for v in row[:max_cols]])
            merged = []
            if not stream:
                for rng in ws.merged_cells.ranges:
                    merged.append((rng.min_row - 1, rng.min_col - 1, rng.max_row - 1, rng.max_col - 1))
            sheets.append(SheetData(ws.title, rows, merged))
    except (InputError, MemoryError):
        raise
    except Exception as exc:  # read-only mode parses lazily: a broken sheet fails here, not on open
        raise InputError("corrupt", f"Excel 工作表无法读取:{type(exc).__name__}: {str(exc)[:120]}") from exc
    finally:
        wb.close()
    return sheets


def _load_streaming(data: bytes, max_rows: int, max_cols: int) -> list[SheetData] | None:
    """Big books through the lxml streaming reader; None when it cannot read the book (openpyxl then tries)."""
    from checker.intake.xlsx_stream import read_workbook

    def too_large(title: str) -> None:
        raise InputError("too-large", f"工作表「{title}」超过 {max_rows} 行,已停止读取")

    try:
        sheets = read_workbook(data, max_rows, max_cols, cell_text, too_large)
    except InputError as exc:
        if exc.code == "too-large":
            raise
        return None
    except Exception:  # any surprise in a hand-rolled reader: let openpyxl have a go
        return None
    return [SheetData(title, rows, merged) for title, rows, merged in sheets]


def _sheet_xml_bytes(data: bytes) -> int:
    """Uncompressed size of the worksheets: what openpyxl's full mode turns into Cell objects."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return sum(i.file_size for i in zf.infolist() if "worksheets/" in i.filename.replace("\\", "/"))
    except (zipfile.BadZipFile, OSError, ValueError):
        return 0


def _value_extent(ws, max_cols: int) -> tuple[int, int]:
    """(last row, last column) holding a value, 1-based; (0, 0) for an empty sheet."""
    cells = getattr(ws, "_cells", None)
    if cells is None:
        return ws.max_row, min(ws.max_column, max_cols)
    rows = cols = 0
    for (r, c), cell in cells.items():
        if cell.value is not None and cell.value != "":
            rows, cols = max(rows, r), max(cols, c)
    return rows, min(cols, max_cols)


def sheet_grid(sheet: SheetData) -> Grid:
    anchors = {(r, c): (r2 - r + 1, c2 - c + 1) for r, c, r2, c2 in sheet.merged}
    covered = {
        (r, c)
        for r0, c0, r2, c2 in sheet.merged
        for r in range(r0, r2 + 1)
        for c in range(c0, c2 + 1)
        if (r, c) != (r0, c0)
    }
    rows = []
    for r, values in enumerate(sheet.rows):
        row = []
        for c, text in enumerate(values):
            if (r, c) in covered:
                continue
            rowspan, colspan = anchors.get((r, c), (1, 1))
            row.append(
                GridCell(
                    text=text,
                    row=r,
                    col=c,
                    ref=f"{column_letter(c + 1)}{r + 1}",
                    rowspan=rowspan,
                    colspan=colspan,
                )
            )
        rows.append(row)
    return Grid.build(rows)


@dataclass
class Header:
    """Where a batch sheet's header is: its last row, and column -> (key, label as written)."""

    last_row: int
    columns: dict[int, tuple[str, str]]


def _row_keys(values: list[str], table: AliasTable) -> tuple[dict[int, str], int]:
    keys: dict[int, str] = {}
    filled = 0
    for c, text in enumerate(values):
        if not text.strip():
            continue
        filled += 1
        key = label_key(GridCell(text, 0, c, ""), table)  # "面谈\n时间": a header cell wrapped with Alt+Enter
        if key and key not in keys.values():
            keys[c] = key
    return keys, filled


def find_header_row(sheet: SheetData, table: AliasTable) -> Header | None:
    best = None
    for r, values in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        keys, filled = _row_keys(values, table)
        if (
            len(keys) >= MIN_BATCH_KEYS
            and len(keys) >= 0.6 * filled
            and (best is None or len(keys) > len(best[1]))
        ):
            best = (r, keys)
    if best is None:
        return None
    row, keys = best
    columns = {c: (k, sheet.rows[row][c].strip()) for c, k in keys.items()}
    last = row
    # A grouped header spans two rows: labels merged down from the row above, or
    # sub-labels in the row below, fill the columns this row leaves empty.
    for other in (row - 1, row + 1):
        if not 0 <= other < len(sheet.rows):
            continue
        extra, _ = _row_keys(sheet.rows[other], table)
        added = {
            c: k for c, k in extra.items() if c not in columns and k not in {v[0] for v in columns.values()}
        }
        if other == row + 1 and len(added) < 2:
            continue
        for c, k in added.items():
            columns[c] = (k, sheet.rows[other][c].strip())
        last = max(last, other)
    return Header(last, dict(sorted(columns.items())))


def _is_note_row(values: list[str]) -> bool:
    filled = [v.strip() for v in values if v.strip()]
    return len(filled) <= 2 and bool(filled) and filled[0].startswith(_NOTE_PREFIXES)


def batch_records(
    sheet: SheetData, header: Header, source: str, start_index: int, table: AliasTable
) -> list[Record]:
    """One record per data row (validated from plain dicts in one call each: pydantic-core does
    that faster than building the nested models one by one, which matters for 100k-row sheets)."""
    part = f"工作表「{sheet.title}」"
    columns = [(c, key, label, column_letter(c + 1)) for c, (key, label) in header.columns.items()]
    header_texts = {c: label for c, _, label, _ in columns}
    merged_down = _merged_down(sheet, header.last_row)
    records = []
    for r in range(header.last_row + 1, len(sheet.rows)):
        values = sheet.rows[r]
        if r in merged_down:
            values = _fill_merged(values, merged_down[r])
        texts = [values[c] if c < len(values) else "" for c, _, _, _ in columns]
        if not any(t.strip() for t in texts) or _is_note_row(values) or _repeats_header(values, header_texts):
            continue
        fields = {
            key: {
                "text": text,
                "location": {"file": source, "part": part, "cell": f"{letter}{r + 1}", "label": label},
            }
            for (_, key, label, letter), text in zip(columns, texts, strict=True)
        }
        records.append(
            Record.model_validate(
                {
                    "source": source,
                    "index": start_index + len(records),
                    "sheet": f"{sheet.title} 第{r + 1}行",
                    "fields": fields,
                }
            )
        )
    return records


def _merged_down(sheet: SheetData, header_last: int) -> dict[int, dict[int, str]]:
    """Data cells merged down a column ("部门" or "面谈人" shared by consecutive rows):
    row -> {column: the merged cell's text} for the rows below the first."""
    out: dict[int, dict[int, str]] = {}
    for r0, c0, r2, c2 in sheet.merged:
        if c0 != c2 or r0 <= header_last or r2 == r0 or r0 >= len(sheet.rows):
            continue
        anchor = sheet.rows[r0]
        text = anchor[c0] if c0 < len(anchor) else ""
        for r in range(r0 + 1, min(r2, len(sheet.rows) - 1) + 1):
            out.setdefault(r, {})[c0] = text
    return out


def _fill_merged(values: list[str], fills: dict[int, str]) -> list[str]:
    values = list(values) + [""] * max(0, max(fills) + 1 - len(values))
    for c, text in fills.items():
        if not values[c].strip():
            values[c] = text
    return values


def _repeats_header(values: list[str], header_texts: dict[int, str]) -> bool:
    """A second block on the same sheet starts with the header again: that row is not a record."""
    same = sum(1 for c, label in header_texts.items() if c < len(values) and values[c].strip() == label)
    return same >= MIN_BATCH_KEYS


def form_record(sheet: SheetData, source: str, index: int, table: AliasTable) -> Record | None:
    found = read_form(sheet_grid(sheet), table)
    fields: dict[str, FieldValue] = {}
    for f in found:
        current = fields.get(f.key)
        if current is None or (not current.text.strip() and f.text.strip()):
            fields[f.key] = FieldValue(
                text=f.text,
                location=Location(file=source, part=f"工作表「{sheet.title}」", cell=f.ref, label=f.label),
            )
    if len(fields) < MIN_FORM_KEYS or not (_CORE_KEYS & fields.keys()):
        return None
    return Record(source=source, index=index, sheet=sheet.title, fields=fields)


def parse_sheets(sheets: list[SheetData], source: str, table: AliasTable) -> list[Record]:
    records: list[Record] = []
    for sheet in sheets:
        header = find_header_row(sheet, table)
        if header is not None:
            records.extend(batch_records(sheet, header, source, len(records), table))
            continue
        record = form_record(sheet, source, len(records), table)
        if record is not None:
            records.append(record)
    if not records:
        raise InputError("no-fields", "没有识别出任何面谈记录:工作簿中既没有表单页,也没有带表头的汇总页")
    return records


def parse_xlsx(
    data: bytes, source: str, table: AliasTable, max_rows: int = 200_000, max_cols: int = 200
) -> list[Record]:
    # Millions of small, acyclic objects (cell texts, records): the cyclic collector would rescan the
    # growing heap again and again (a 100k-row sheet: 13 s instead of 3 s). Paused for this parse only.
    with gc_paused():
        return parse_sheets(load_sheets(data, source, max_rows, max_cols), source, table)


@contextmanager
def gc_paused():
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
