"""Excel (.xlsx/.xlsm) -> Records.

A sheet is either a form (labels beside or above values, merged ranges) giving
one record, or a batch sheet (a header row, maybe under a title row, then one
record per row). Sheets with neither (instructions, lookups) give none.
"""

from __future__ import annotations

import datetime as dt
import gc
import io
import operator
import re
import warnings
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, field

from checker.intake.errors import InputError
from checker.intake.fields import AliasTable
from checker.intake.grid import Grid, GridCell, label_key, read_form, resolve_dates
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


# styles.xml above this size is looked at for named styles (a normal book's is a few KiB)
NAMED_STYLES_CHECK_ABOVE = 256 * 1024
NAMED_STYLES_KEPT_UP_TO = 500
_NAMED_STYLE_LISTS = re.compile(rb"<(cellStyles|cellStyleXfs)\b[^>]*?(?:/>|>.*?</\1>)", re.S)
_NAMED_STYLE_COUNT = re.compile(rb"<cellStyles\b[^>]*?\bcount=\"(\d+)\"")


def _without_named_styles(data: bytes) -> bytes:
    """The book without its named cell styles when it has thousands of them.

    Books written by some export libraries carry tens of thousands of named styles (a corpus
    file: 21,827); openpyxl binds each one and takes 10 s on a 300 KB file. Named styles hold no
    cell value or number format (those are in cellXfs, kept), so they are dropped before loading."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        info = next((i for i in zf.infolist() if i.filename.lower() == "xl/styles.xml"), None)
        if info is None or info.file_size <= NAMED_STYLES_CHECK_ABOVE:
            return data
        styles = zf.read(info)
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError, EOFError):
        return data  # openpyxl reports the damage
    count = _NAMED_STYLE_COUNT.search(styles)
    if count is None or int(count.group(1)) <= NAMED_STYLES_KEPT_UP_TO:
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as new:
        for member in zf.infolist():
            body = zf.read(member)
            new.writestr(member, _NAMED_STYLE_LISTS.sub(b"", body) if member is info else body)
    return out.getvalue()


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

            wb = openpyxl.load_workbook(
                io.BytesIO(_without_named_styles(data)), read_only=stream, data_only=True
            )
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
    """Where a batch sheet's header is: its last row, column -> (key, label as written), and the
    columns whose label names no known field (IDs, 单据号码, 状态 ...): column -> label, kept as
    the records' extra data."""

    last_row: int
    columns: dict[int, tuple[str, str]]
    extra: dict[int, str] = field(default_factory=dict)


# A header cell is short and holds no sentence; a data row is not made of labels.
_MAX_HEADER_CELL = 24
_SENTENCE = re.compile(r"[,，。；;!！?？]")
_NUMBER_OR_DATE = re.compile(r"^[\d\s.,:/\-年月日时分%]+$")
DATA_LOOKAHEAD = 30


def _header_like(text: str) -> bool:
    t = text.strip()
    return bool(t) and len(t) <= _MAX_HEADER_CELL and not _SENTENCE.search(t) and not _NUMBER_OR_DATE.match(t)


def _question_like(text: str) -> bool:
    """A question or a commented column title ("是否有出差,适应程度如何", "状态: draft/approved"):
    short, no full stop."""
    t = text.strip()
    return bool(t) and len(t) <= 2 * _MAX_HEADER_CELL and not re.search(r"[。；;!！]", t)


def _row_keys(values: list[str], table: AliasTable) -> tuple[dict[int, str], int]:
    """Column -> key for the cells of a row that name a field (when two name one key, the
    stronger label: fields.yaml `prefer`), and how many cells hold text."""
    keys: dict[int, str] = {}
    ranks: dict[str, tuple[tuple[int, int], int]] = {}
    filled = 0
    for c, text in enumerate(values):
        if not text.strip():
            continue
        filled += 1
        key = label_key(GridCell(text, 0, c, ""), table)  # "面谈\n时间": a header cell wrapped with Alt+Enter
        if not key:
            continue
        rank = table.rank(text.replace("\n", ""))
        if key in ranks:
            if rank >= ranks[key][0]:
                continue
            del keys[ranks[key][1]]
        keys[c] = key
        ranks[key] = (rank, c)
    return dict(sorted(keys.items())), filled


def _label_cells(values: list[str], table: AliasTable) -> int:
    """Cells of a row that are labels as a form writes them (short, a listed alias)."""
    n = 0
    for text in values:
        t = text.strip()
        if t and len(t) <= 12:
            found = table.match(t)
            n += found is not None and found.tier == 0
    return n


def _data_rows(
    rows: list[list[str]], r: int, width: int, table: AliasTable, spanned: frozenset[int] = frozenset()
) -> tuple[int, int]:
    """Under a candidate header row r: (rows shaped like records, rows shaped like a form's:
    labels, or a value merged across columns)."""
    header = [t.strip() for t in rows[r]]
    data = labelish = 0
    for i, values in enumerate(rows[r + 1 : r + 1 + DATA_LOOKAHEAD], r + 1):
        texts = [t.strip() for t in values]
        filled = sum(1 for t in texts if t)
        if not filled or _is_note_row(values) or texts[: len(header)] == header:
            continue
        labels = _label_cells(values, table)
        if labels >= 2 or (labels == 1 and filled <= 2) or i in spanned:
            labelish += 1
        elif filled >= max(2, round(0.4 * width)):
            data += 1
    return data, labelish


def _alternating(values: list[str], keys: dict[int, str]) -> bool:
    """ "部门 | 华东销售部 | 职位 | 大客户销售经理": label, value, label, value ... is a form row."""
    filled = [c for c, t in enumerate(values) if t.strip()]
    return len(filled) >= 4 and all((c in keys) == (i % 2 == 0) for i, c in enumerate(filled))


# Fields that hold sentences: a column of codes ("medium", "GOOD", "3.5") is not one of them.
TEXT_KEYS = {
    "performance_summary",
    "strengths",
    "weaknesses",
    "employee_feedback",
    "consensus",
    "disagreements",
    "improvement_plan",
    "resource_support",
    "career_development",
    "previous_review",
}
_CODE = re.compile(r"^[A-Za-z0-9_.+\-/% ]{1,12}$")
_PERSON_ATTRIBUTES = {"department", "position", "employee_id", "job_family"}
_RATING_WORDS = ("评价", "评级", "评定", "等级")


def _columns(rows: list[list[str]], row: int, table: AliasTable) -> dict[int, tuple[str, str]]:
    """Column -> (key, label) of a header row, one column per key. When several columns name one
    key: one with data beats an empty one, a text field is never a column of codes, then the
    stronger label (fields.yaml `prefer`). Columns after the interviewer's name and before the
    interviewee's ("面谈人 | 组织机构 | 岗位 | 被面谈人 | 组织机构 | 岗位") describe the interviewer."""
    values = rows[row]
    found = [
        (c, label_key(GridCell(t, 0, c, ""), table), t.strip()) for c, t in enumerate(values) if t.strip()
    ]
    found = [(c, k, t) for c, k, t in found if k]
    person = None
    owned: set[int] = set()
    for c, key, _ in found:
        if key in ("manager_name", "employee_name"):
            person = key
        elif key in _PERSON_ATTRIBUTES and person == "manager_name":
            owned.add(c)
    later_employee = {c for c, k, _ in found if k == "employee_name"}
    owned = {c for c in owned if any(e > c for e in later_employee)}
    data = rows[row + 1 : row + 1 + DATA_LOOKAHEAD]

    def cells(c: int) -> list[str]:
        return [v[c].strip() for v in data if c < len(v) and v[c].strip()]

    best: dict[str, tuple[tuple, int, str]] = {}
    for c, key, label in found:
        if c in owned:
            continue
        texts = cells(c)
        if key in TEXT_KEYS and len(texts) >= 2 and all(_CODE.match(t) for t in texts):
            continue
        score = (not texts, table.rank(label.replace("\n", "")), c)
        if key not in best or score < best[key][0]:
            best[key] = (score, c, label)
    if "grade" not in best:  # "公司内部评价" over 优秀 / 良好 / 合格: a rating column is the grade
        for c, text in enumerate(values):
            texts = cells(c)
            if (
                c not in {col for _, col, _ in best.values()}
                and any(w in text for w in _RATING_WORDS)
                and len(texts) >= 2
                and all(len(t) <= 4 and not any(ch.isdigit() for ch in t) for t in texts)
            ):
                best["grade"] = ((False, (99, 99), c), c, text.strip())
                break
    return dict(sorted((c, (key, label)) for key, (_, c, label) in best.items()))


def find_header_row(sheet: SheetData, table: AliasTable) -> Header | None:
    """The header row of a batch sheet among its first rows, or None for a form / no table.

    By the labels (most cells name known fields), or by structure: a row of short label-like
    cells, two or more naming known fields (the interviewee among them, or three), followed by
    rows of the same shape that are data, not a form's labels. Works on the first
    HEADER_SCAN_ROWS + DATA_LOOKAHEAD rows alone (a streamed sheet gives no more).
    """
    best = None
    rows = sheet.rows
    for r, values in enumerate(rows[:HEADER_SCAN_ROWS]):
        keys, filled = _row_keys(values, table)
        if len(keys) < 2 or filled < 3:
            continue
        by_labels = len(keys) >= MIN_BATCH_KEYS and len(keys) >= 0.6 * filled
        if not by_labels:
            cells = [t for t in values if t.strip()]
            odd = sum(1 for t in cells if not _header_like(t))
            if odd > max(1, len(cells) // 5) or not all(_question_like(t) or _header_like(t) for t in cells):
                continue
            if "employee_name" not in keys.values() and len(keys) < 3:
                continue
            if _alternating(values, keys):
                continue
            if any(
                _label_cells(above, table) and sum(1 for t in above if t.strip()) >= 2
                for above in rows[: max(0, r - 1)]
            ):
                continue  # label rows above (not a title, not the group row right above): a form's bottom
            spanned = frozenset(x for r0, c0, r1, c1 in sheet.merged if c1 > c0 for x in range(r0, r1 + 1))
            data, labelish = _data_rows(rows, r, filled, table, spanned)
            if not (data >= 1 and labelish == 0) and not (data >= 3 and labelish * 5 <= data):
                continue
        score = (by_labels or len(keys) >= MIN_BATCH_KEYS, len(keys))
        if best is None or score > best[0]:
            best = (score, r, keys)
    if best is None:
        return None
    _, row, keys = best
    columns = _columns(rows, row, table)
    extra = {c: t.strip() for c, t in enumerate(rows[row]) if t.strip() and c not in columns}
    last = row
    # A grouped header spans two rows: labels merged down from the row above, or
    # sub-labels in the row below, fill the columns this row leaves empty.
    for other in (row - 1, row + 1):
        if not 0 <= other < len(rows):
            continue
        more, _ = _row_keys(rows[other], table)
        added = {
            c: k for c, k in more.items() if c not in columns and k not in {v[0] for v in columns.values()}
        }
        if other == row + 1 and len(added) < 2:
            continue
        for c, k in added.items():
            columns[c] = (k, rows[other][c].strip())
            extra.pop(c, None)
        last = max(last, other)
        for c, t in enumerate(rows[other]):  # the other row's own labels of columns no field claims
            own = other == row + 1 or c >= len(rows[row]) or not rows[row][c].strip()
            if t.strip() and c not in columns and c not in extra and _header_like(t) and own:
                extra[c] = t.strip()
    return Header(last, dict(sorted(columns.items())), dict(sorted(extra.items())))


def _is_note_row(values: list[str]) -> bool:
    filled = [v.strip() for v in values if v.strip()]
    return len(filled) <= 2 and bool(filled) and filled[0].startswith(_NOTE_PREFIXES)


def batch_records(
    sheet: SheetData, header: Header, source: str, start_index: int, table: AliasTable
) -> list[Record]:
    """One record per data row (BatchRows.record)."""
    rows = BatchRows(sheet.title, header, source, start_index)
    merged_down = _merged_down(sheet, header.last_row)
    records = []
    for r in range(header.last_row + 1, len(sheet.rows)):
        values = sheet.rows[r]
        if r in merged_down:
            values = _fill_merged(values, merged_down[r])
        record = rows.record(r, values)
        if record is not None:
            records.append(record)
    return records


class BatchRows:
    """Turns the data rows of a batch sheet into records one at a time (a sheet read row by row
    never needs more than the current row)."""

    def __init__(self, title: str, header: Header, source: str, start_index: int):
        self.title, self.source, self.index = title, source, start_index
        self.part = f"工作表「{title}」"
        self.columns = [(c, key, label, column_letter(c + 1)) for c, (key, label) in header.columns.items()]
        self.header_texts = {c: label for c, _, label, _ in self.columns}
        self.extra = [(c, label, column_letter(c + 1)) for c, label in header.extra.items()]
        self._cols = [c for c, _, _, _ in self.columns]
        # compared with the row's stripped texts, "" past its end: exact while no label is empty
        labels = [label for _, _, label, _ in self.columns]
        self._labels = labels if all(labels) else None
        # The record as plain dicts, built once and refilled for each row (text and cell): pydantic
        # validates them into new models and new dicts and keeps nothing of its input, so the same
        # dicts serve every row. (Validation in pydantic-core costs less than building the models
        # unvalidated from Python, and far less than building these dicts per row.)
        self._fill: list[tuple[int, str, dict, dict]] = []  # (column, letter, value in, location in)
        fields_in = self._inputs((c, key, label, letter) for c, key, label, letter in self.columns)
        extra_in = self._inputs((c, label, label, letter) for c, label, letter in self.extra)
        self._record_in = {"source": source, "index": 0, "sheet": "", "fields": fields_in, "extra": extra_in}

    def _inputs(self, cells) -> dict[str, dict]:
        """key -> {"text", "location"} for (column, key, label, letter) cells; a key named by two
        columns gets the last one's label, text and cell, as a dict built per row would."""
        cells = list(cells)
        out: dict[str, dict] = {}
        for _, key, label, _ in cells:
            out[key] = {
                "text": "",
                "location": {"file": self.source, "part": self.part, "cell": "", "label": label},
            }
        for c, key, _, letter in cells:
            self._fill.append((c, letter, out[key], out[key]["location"]))
        return out

    def record(self, r: int, values: list[str]) -> Record | None:
        """The record of row r (0-based), or None for a blank, note or repeated header row."""
        n = len(values)
        stripped = [values[c].strip() if c < n else "" for c in self._cols]
        filled = len(stripped) - stripped.count("")
        if (
            not filled
            or (filled < 3 and _is_note_row(values))  # a note row has at most two filled cells
            or self._repeats_header(values, stripped)
        ):
            return None
        row = str(r + 1)
        for c, letter, value, location in self._fill:
            value["text"] = values[c] if c < n else ""
            location["cell"] = letter + row
        data = self._record_in
        data["index"], data["sheet"] = self.index, f"{self.title} 第{row}行"
        record = Record.model_validate(data)
        self.index += 1
        return record

    def _repeats_header(self, values: list[str], stripped: list[str]) -> bool:
        if self._labels is None:
            return _repeats_header(values, self.header_texts)
        return sum(map(operator.eq, stripped, self._labels)) >= MIN_BATCH_KEYS


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
    grid = sheet_grid(sheet)
    for row in grid.rows:  # the sheet's title (one cell merged across the top) names no field
        filled = [c for c in row if c.text.strip()]
        if filled:
            if len(filled) == 1 and filled[0].colspan >= 2:
                filled[0].text = ""
            break
    extras: list = []
    found = resolve_dates(read_form(grid, table, extras))
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
    extra = {
        f.label: FieldValue(
            text=f.text,
            location=Location(file=source, part=f"工作表「{sheet.title}」", cell=f.ref, label=f.label),
        )
        for f in extras
    }
    return Record(source=source, index=index, sheet=sheet.title, fields=fields, extra=extra)


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
