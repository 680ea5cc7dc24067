"""bytes + name -> records one at a time: big workbooks are read row by row.

`iter_records` gives the same records, in the same order, as `reader.read_bytes` reading the book
with its lxml sheet reader; the difference is when they exist. A workbook with more than 2 MB of
sheet XML (a batch export; forms are a few KB) is parsed straight from the zip member, each batch-sheet row becomes a record
as it is parsed and is handed on before the next row is read, so memory does not grow with the
number of rows. Everything else (Word files, small workbooks, JSON, CSV) is read whole as before:
a form is one record anyway.

Header detection and form reading are the intake's own (`xlsx.find_header_row`,
`xlsx.form_record`, `xlsx.BatchRows`), called unchanged; only the delivery of rows differs. If the
streaming reader fails before its first record, the whole-file reader gets its chance, as in
`xlsx.load_sheets`; a failure after that is an error for the file (its earlier records stand).
"""

from __future__ import annotations

import itertools
import zipfile
from collections.abc import Iterator

from checker.intake import gate, reader
from checker.intake.errors import InputError
from checker.intake.fields import AliasTable
from checker.intake.ooxml import Package
from checker.intake.reader import cap_fields, read_bytes
from checker.model import Record

# Sheets this big are batch exports (a form is a few KB): read row by row with the lxml reader
# (about 2,000 rows and up; xlsx.load_sheets switches at 16 MB, where holding every row begins to hurt).
STREAM_ABOVE_SHEET_XML = 2 * 1024 * 1024


def iter_records(
    data: bytes, source: str, table: AliasTable, limits: gate.Limits | None = None
) -> Iterator[Record]:
    limits = limits or gate.Limits()
    book = _streamable_book(data, limits)
    if book is None:
        yield from read_bytes(data, source, table, limits)
        return
    started = fallback = False
    try:
        for record in _only_records(_book_records(book, source, table, limits), source, table):
            started = True
            yield cap_fields(record, limits.max_field_chars)
    except InputError as exc:
        if started or exc.code in ("too-large", "no-fields", "not-a-record"):
            raise
        fallback = True  # e.g. a part the lxml reader cannot parse: openpyxl may still read the book
    except (MemoryError, RecursionError):
        raise
    except Exception as exc:  # the hand-rolled reader met something odd: the whole-file reader tries
        if started:
            raise InputError(
                "corrupt", f"Excel 工作表读到一半无法继续:{type(exc).__name__}: {str(exc)[:120]}"
            ) from exc
        fallback = True
    if fallback:
        yield from read_bytes(data, source, table, limits)


def _only_records(records, source: str, table: AliasTable):
    """reader.records_only (drop what is not an interview record, number the rest) one record at a
    time, with the same function deciding; the not-a-record error when nothing is left."""
    only = getattr(reader, "records_only", None)
    if only is None:
        yield from records
        return
    kept = 0
    dropped: list[Record] = []
    for record in records:
        try:
            only([record], source, table)
        except InputError as exc:
            if exc.code != "not-a-record":
                raise
            if len(dropped) < 1000:
                dropped.append(record)
            continue
        record.index = kept
        kept += 1
        yield record
    if not kept and dropped:
        only(dropped, source, table)  # raises not-a-record, naming what the file holds


def _streamable_book(data: bytes, limits: gate.Limits) -> zipfile.ZipFile | None:
    """The opened, gate-checked zip of a workbook big enough to stream; None for anything else."""
    if not data.startswith(gate.ZIP_MAGIC) or b"worksheets/" not in data:  # Word files: no sheets
        return None
    # imported here, not at the top: a .docx audit never loads the workbook readers
    from checker.intake import xlsx as xl

    big = len(data) > xl.STREAM_ABOVE_BYTES or xl._sheet_xml_bytes(data) > STREAM_ABOVE_SHEET_XML
    if not big or len(data) > limits.max_file_bytes:
        return None
    zf = gate.open_zip(data, limits)  # raises for bombs, encrypted members, damaged zips
    if gate.office_kind(zf) != "xlsx":
        return None
    gate.check_xml_parts(zf)
    if gate.needs_repack(zf):
        return None  # odd part names or Strict namespaces: the whole-file reader normalises them
    return zf


def _book_records(zf: zipfile.ZipFile, source: str, table: AliasTable, limits: gate.Limits):
    from checker.intake import xlsx as xl
    from checker.intake import xlsx_stream as xs

    pkg = Package(zf, source, limits.max_member_uncompressed)
    book = pkg.main_part()
    if book is None:
        raise ValueError("no workbook part")
    rels = pkg.relationships(book)
    root = pkg.xml(book)
    pr = root.find(xs._tag("workbookPr"))
    date1904 = pr is not None and pr.get("date1904") in ("1", "true")
    strings = xs._shared_strings(pkg, rels)
    date_styles = xs._date_styles(pkg, rels)
    count = 0
    for sheet in root.iter(xs._tag("sheet")):
        target = rels.get(sheet.get(f"{{{xs.R}}}id", ""), ("", ""))[1]
        if not target or not pkg.has(target):
            continue
        title = sheet.get("name", "")
        info = zf.getinfo(pkg._names[target.lstrip("/")])
        merged = [m for m in (xs._merge_range(ref.decode()) for ref in gate.sheet_merge_refs(zf, info)) if m]
        with zf.open(info) as fh:
            rows = xs.iter_rows(
                fh, strings, date_styles, date1904, limits.max_rows, limits.max_cols, xl.cell_text, []
            )
            try:
                for record in _sheet_records(title, rows, merged, source, count, table):
                    count += 1
                    yield record
            except xs.SheetTooLarge:
                raise InputError(
                    "too-large", f"工作表「{title}」超过 {limits.max_rows} 行,已停止读取"
                ) from None
    if not count:
        raise InputError("no-fields", "没有识别出任何面谈记录:工作簿中既没有表单页,也没有带表头的汇总页")


def _sheet_records(title: str, rows, merged: list, source: str, start: int, table: AliasTable):
    """The records of one sheet from its (index, values) rows: the first rows decide batch or form."""
    from checker.intake import xlsx as xl

    head: list[list[str]] = []
    lookahead = None
    for r, values in rows:
        if r > xl.HEADER_SCAN_ROWS:  # find_header_row looks at rows 0..14 and the row under the header
            lookahead = (r, values)
            break
        head.extend([] for _ in range(r - len(head)))
        head.append(values)
    header = xl.find_header_row(xl.SheetData(title, head, merged), table)
    if header is None:  # a form (or nothing): it needs the whole sheet, which is small for a form
        whole = head
        for r, values in _chain(lookahead, rows):
            whole.extend([] for _ in range(r - len(whole)))
            whole.append(values)
        record = xl.form_record(xl.SheetData(title, whole, merged), source, start, table)
        if record is not None:
            yield record
        return
    batch = xl.BatchRows(title, header, source, start)
    fills = _MergedDown(merged, header.last_row)
    last = header.last_row
    data_rows = ((r, v) for r, v in enumerate(head) if r > header.last_row and v)
    rest = () if lookahead is None else _chain(lookahead, rows)
    if not fills.starts:  # no cell merged down the data rows: each row as it comes
        for r, values in itertools.chain(data_rows, rest):
            record = batch.record(r, values)
            if record is not None:
                yield record
        return
    for r, values in itertools.chain(data_rows, rest):
        for gap in fills.gaps(last, r):  # a blank row under a merged cell still gets the merged text
            record = batch.record(gap, fills.apply(gap, []))
            if record is not None:
                yield record
        last = r
        record = batch.record(r, fills.apply(r, values))
        if record is not None:
            yield record


def _chain(first, rest):
    if first is not None:
        yield first
    yield from rest


class _MergedDown:
    """xlsx._merged_down as rows arrive: a data cell merged down a column fills the rows below it."""

    def __init__(self, merged: list, header_last: int):
        self.starts: dict[int, list[tuple[int, int]]] = {}
        for r0, c0, r2, c2 in merged:
            if c0 == c2 and r0 > header_last and r2 > r0:
                self.starts.setdefault(r0, []).append((c0, r2))
        self.fills: dict[int, dict[int, str]] = {}

    def gaps(self, last: int, r: int) -> list[int]:
        """Rows strictly between last and r (never delivered: they hold no value) that get a fill."""
        return sorted(k for k in self.fills if last < k < r) if self.fills else []

    def apply(self, r: int, values: list[str]) -> list[str]:
        for c0, r2 in self.starts.pop(r, ()):
            text = values[c0] if c0 < len(values) else ""
            for below in range(r + 1, r2 + 1):
                self.fills.setdefault(below, {})[c0] = text
        fill = self.fills.pop(r, None)
        if self.fills and min(self.fills) < r:
            for done in [k for k in self.fills if k < r]:
                del self.fills[done]
        if not fill:
            return values
        from checker.intake import xlsx as xl

        return xl._fill_merged(values, fill)
