"""A fast streaming reader for big worksheets: lxml iterparse over the sheet XML.

openpyxl's read-only mode builds a Python object per cell through ElementTree
and its descriptors; on a 100k-row batch sheet that alone takes tens of
seconds. Records need only each cell's text, so this reader walks the XML once,
resolves shared strings and turns date-formatted numbers into dates. It is
used for sheets too big for openpyxl's full mode; the caller falls back to
openpyxl if this raises.
"""

from __future__ import annotations

import datetime as dt
import io
import operator
import re
import zipfile

from lxml import etree

from checker.intake.ooxml import Package

S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# Built-in number formats that show a date or time (ECMA-376 18.8.30, plus the CJK ones Excel uses)
_BUILTIN_DATE_FORMATS = set(range(14, 23)) | set(range(27, 37)) | {45, 46, 47} | set(range(50, 59))
_CELL_REF = re.compile(r"([A-Z]+)(\d+)")


def _tag(name: str) -> str:
    return f"{{{S}}}{name}"


_C, _V, _T, _MERGE = _tag("c"), _tag("v"), _tag("t"), _tag("mergeCell")


def column_index(letters: str) -> int:
    """A -> 0, AA -> 26."""
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def is_date_format(code: str) -> bool:
    """A custom format code that shows a date/time: y, d or h outside quotes and [colour] blocks."""
    bare = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", code.lower())
    return bool(re.search(r"[ydh]", bare)) or ("m" in bare and "s" in bare)


def _serial_to_datetime(serial: float, date1904: bool) -> dt.datetime | None:
    epoch = dt.datetime(1904, 1, 1) if date1904 else dt.datetime(1899, 12, 30)
    try:
        # to the nearest second: 45475.4166666 is 10:00, not 09:59:59.99
        return epoch + dt.timedelta(seconds=round(serial * 86400))
    except (OverflowError, ValueError):
        return None


def read_workbook(data: bytes, max_rows: int, max_cols: int, cell_text, too_large) -> list:
    """[(title, rows, merged)] for every worksheet; cell_text formats values like the full reader."""
    pkg = Package(zipfile.ZipFile(io.BytesIO(data)), "")
    book = pkg.main_part()
    if book is None:
        raise ValueError("no workbook part")
    rels = pkg.relationships(book)
    root = pkg.xml(book)
    pr = root.find(_tag("workbookPr"))
    date1904 = pr is not None and pr.get("date1904") in ("1", "true")
    strings = _shared_strings(pkg, rels)
    date_styles = _date_styles(pkg, rels)
    out = []
    for sheet in root.iter(_tag("sheet")):
        target = rels.get(sheet.get(f"{{{R}}}id", ""), ("", ""))[1]
        if not target or not pkg.has(target):
            continue
        title = sheet.get("name", "")
        rows, merged = _read_sheet(
            pkg.read(target), strings, date_styles, date1904, max_rows, max_cols, cell_text
        )
        if rows is None:
            too_large(title)
        out.append((title, rows, merged))
    return out


def _shared_strings(pkg: Package, rels: dict) -> list[str]:
    for rel_type, target in rels.values():
        if rel_type.endswith("/sharedStrings") and pkg.has(target):
            root = pkg.xml(target)
            return [
                "".join(t.text or "" for t in si.iter(_tag("t")) if _not_phonetic(t))
                for si in root.iter(_tag("si"))
            ]
    return []


def _not_phonetic(t) -> bool:
    parent = t.getparent()
    return parent is None or parent.tag != _tag("rPh")


def _date_styles(pkg: Package, rels: dict) -> set[int]:
    for rel_type, target in rels.values():
        if rel_type.endswith("/styles") and pkg.has(target):
            root = pkg.xml(target)
            custom = {int(f.get("numFmtId", "0")): f.get("formatCode", "") for f in root.iter(_tag("numFmt"))}
            xfs = root.find(_tag("cellXfs"))
            if xfs is None:
                return set()
            dates = set()
            for i, xf in enumerate(xfs.findall(_tag("xf"))):
                fmt = int(xf.get("numFmtId", "0") or 0)
                if fmt in _BUILTIN_DATE_FORMATS or (fmt in custom and is_date_format(custom[fmt])):
                    dates.add(i)
            return dates
    return set()


def _read_sheet(xml: bytes, strings, date_styles, date1904, max_rows, max_cols, cell_text):
    rows: list[list[str]] = []
    merged: list = []
    try:
        for r, values in iter_rows(
            io.BytesIO(xml), strings, date_styles, date1904, max_rows, max_cols, cell_text, merged
        ):
            rows.extend([] for _ in range(r - len(rows)))
            rows.append(values)
    except SheetTooLarge:
        return None, merged
    return rows, [m for m in merged if m]


class SheetTooLarge(Exception):
    """A row at or past max_rows."""


def iter_rows(source, strings, date_styles, date1904, max_rows, max_cols, cell_text, merged: list):
    """(row index, cell texts) for every row holding a value, as the sheet XML is parsed (a file
    object is read in chunks, so a 100k-row sheet never sits in memory); merge ranges are appended
    to `merged` as they are met (after the rows, in a well-formed sheet). Raises SheetTooLarge."""
    parser = etree.iterparse(
        source,
        events=("end",),
        tag=(_tag("row"), _MERGE),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=True,
    )
    read = _RowReader(strings, date_styles, date1904, max_cols, cell_text)
    count = 0  # rows so far, as a list padded with empty rows would hold them
    for _, el in parser:
        if el.tag == _MERGE:
            merged.append(_merge_range(el.get("ref", "")))
            continue
        r = int(el.get("r", count + 1)) - 1
        if r >= max_rows:
            raise SheetTooLarge
        values = read(el)
        el.clear(keep_tail=False)
        parent = el.getparent()
        while el.getprevious() is not None:  # the cleared rows before this one: keep memory flat
            del parent[0]
        if any(values):
            r = max(r, count)
            count = r + 1
            yield r, values


_COLUMNS: dict[str, int] = {}


def _column_of(ref: str, default: int) -> int:
    letters = ref.rstrip("0123456789")
    if not letters:
        return default
    col = _COLUMNS.get(letters)
    if col is None:
        col = column_index(letters)
        if len(letters) <= 3:  # real columns (A..XFD): a hostile sheet cannot grow the cache
            _COLUMNS[letters] = col
    return col


# A row as lxml writes it back, when it is nothing but plain cells (attributes r, s, t in that
# order; an inline string, a <v> value, or nothing): one serialisation and one regex pass give
# every cell's parts, about half of what walking the cells as elements costs (a proxy object per
# element, a namespace lookup per attribute). Any other shape (formulas, rich text, comments,
# prefixes, other attributes) is read from the elements. lxml writes text with exactly four
# escapes (&amp; &lt; &gt; &#13;); a text with any other "&" (an entity reference) is not plain.
_PLAIN_CELL = re.compile(
    r'(\s*<c r="([A-Z]{1,3})[0-9]+"(?: s="([0-9]{1,9})")?(?: t="(\w+)")?'
    r'(?:/>|><v>([^<]*)</v></c>|><is><t(?: xml:space="preserve")?>([^<]*)</t></is></c>)\s*)'
)
_ROW_END = "</row>"
_WHOLE = operator.itemgetter(0)  # a cell's whole XML, of the groups findall gives
_ESCAPE = re.compile(r"&(?:amp|lt|gt|#13);")
_ESCAPED = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&#13;": "\r"}
_OTHER_AMP = re.compile(r"&(?!(?:amp|lt|gt|#13);)")


class _NotPlain(Exception):
    """A text in a plain-looking row holds an entity reference: the row is read from its elements."""


def _unescape(text: str) -> str:
    if "&" not in text:
        return text
    if _OTHER_AMP.search(text):
        raise _NotPlain
    return _ESCAPE.sub(_escaped, text)


def _escaped(match: re.Match) -> str:
    return _ESCAPED[match.group()]


class _RowReader:
    """A <row> element -> its cell texts by column (ragged; "" for a blank cell before a filled one),
    as _row_values gives them."""

    def __init__(self, strings, date_styles, date1904, max_cols, cell_text):
        self.strings, self.date_styles, self.date1904 = strings, date_styles, date1904
        self.max_cols, self.cell_text = max_cols, cell_text

    def __call__(self, row_el) -> list[str]:
        xml = etree.tostring(row_el, encoding="unicode", with_tail=False)
        # unprefixed <row>: the unprefixed names inside it are in its namespace, as _C is
        if xml.startswith("<row") and xml.endswith(_ROW_END):
            body = xml.find(">") + 1
            cells = _PLAIN_CELL.findall(xml, body)
            # the cells are the whole row body: nothing else is in it
            if sum(map(len, map(_WHOLE, cells))) == len(xml) - len(_ROW_END) - body:
                try:
                    return self._plain(cells)
                except _NotPlain:
                    pass
        return _row_values(
            row_el, self.strings, self.date_styles, self.date1904, self.max_cols, self.cell_text
        )

    def _plain(self, cells: list[tuple]) -> list[str]:
        """_row_values for cells given as (cell XML, column letters, style, type, value, inline text)."""
        values: list[str] = []
        max_cols, columns = self.max_cols, _COLUMNS
        for _, letters, style, kind, raw, inline in cells:
            col = columns.get(letters)
            if col is None:
                col = _column_of(letters, 0)
            if col >= max_cols:
                continue
            if kind == "inlineStr":
                text = inline if "&" not in inline else _unescape(inline)
            elif raw:
                text = _typed_value(
                    kind, _unescape(raw), style, self.strings, self.date_styles, self.date1904, self.cell_text
                )
            else:
                continue  # no <v> (or an empty one): blank
            if text:
                _place(values, col, text)
        return values


def _row_values(row_el, strings, date_styles, date1904, max_cols, cell_text) -> list[str]:
    values: list[str] = []
    for c in row_el.iterchildren(_C):
        col = _column_of(c.get("r", ""), len(values))
        if col >= max_cols:
            continue
        text = _cell_value(c, strings, date_styles, date1904, cell_text)
        if text:
            _place(values, col, text)
    return values


def _place(values: list[str], col: int, text: str) -> None:
    """Put a cell's text at its column, padding skipped columns with blanks (a row lists only filled cells)."""
    if col > len(values):
        values.extend("" for _ in range(col - len(values)))
    if col < len(values):
        values[col] = text
    else:
        values.append(text)


def _cell_value(c, strings, date_styles, date1904, cell_text) -> str:
    kind = c.get("t", "n")
    if kind == "inlineStr":
        return "".join(t.text or "" for t in c.iter(_T))
    v = c.find(_V)
    raw = v.text if v is not None else None
    if raw is None:
        return ""
    return _typed_value(kind, raw, c.get("s", "0"), strings, date_styles, date1904, cell_text)


def _typed_value(kind, raw: str, style, strings, date_styles, date1904, cell_text) -> str:
    """A cell's text from its type, its <v> text and its style index (a string, maybe empty)."""
    if kind == "s":
        index = int(raw) if raw.isdigit() else -1
        return cell_text(strings[index]) if 0 <= index < len(strings) else ""
    if kind in ("str", "e"):
        return "" if kind == "e" else cell_text(raw)
    if kind == "b":
        return cell_text(raw == "1")
    try:
        number = float(raw)
    except ValueError:
        return cell_text(raw)
    if int(style or 0) in date_styles:
        moment = _serial_to_datetime(number, date1904)
        if moment is not None:
            return cell_text(moment)
    return cell_text(number)


def _merge_range(ref: str) -> tuple[int, int, int, int] | None:
    parts = [_CELL_REF.match(p) for p in ref.split(":")]
    if len(parts) != 2 or not all(parts):
        return None
    (a, b) = parts
    return int(a.group(2)) - 1, column_index(a.group(1)), int(b.group(2)) - 1, column_index(b.group(1))
