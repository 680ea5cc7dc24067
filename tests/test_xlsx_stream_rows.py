"""The streaming sheet reader's cheap paths give what the plain ones give (issue 10).

A row of plain cells is read from its serialisation with one regex instead of walking the cell
elements; the gate's row/cell count skips the prefix-aware regex when no prefix is in sight and
picks up the merge refs on the way; batch records are built without validation. Each is compared
here with the general code it stands in for, on random and on hand-made input.
"""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from checker.intake import gate, stream
from checker.intake import xlsx as xl
from checker.intake import xlsx_stream as xs
from checker.intake.fields import load_alias_table
from checker.intake.gate import Limits
from checker.intake.reader import read_bytes
from checker.model import Record

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
STRINGS = ["甲乙", "a&b<c>", "x\r\ny", "", "  空格  "]
DATE_STYLES = {2}
MAX_COLS = 12
READER_ARGS = (STRINGS, DATE_STYLES, False, MAX_COLS, xl.cell_text)

# text as a sheet may hold it: CJK, XML specials, CR (only reachable as &#13;), odd whitespace, digits
chars = st.sampled_from(list("甲乙丙 a1²&<>\"'\r\n\t\u0085\u2028\u3000;#") + ["\U0001f600"])
texts = st.lists(chars, max_size=12).map("".join)


def _escape(text: str, refs: bool) -> str:
    out = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    return "".join(f"&#{ord(ch)};" if refs and ord(ch) > 127 else ch for ch in out) if refs else out


@st.composite
def cells(draw, p: str) -> str:
    ref = draw(st.sampled_from(["A", "B", "C", "J", "K", "L", "M", "AA", "a", ""]))
    ref = f' r="{ref}{draw(st.sampled_from(["1", "7", ""]))}"' if ref else ""
    style = draw(st.sampled_from(["", ' s="0"', ' s="2"', ' s=""']))
    refs = draw(st.booleans())
    text = _escape(draw(texts), refs)
    kind = draw(
        st.sampled_from(
            ["inline", "inline-space", "rich", "phonetic", "s", "n", "b", "str", "e", "blank", "v-empty",
             "t-empty", "formula", "t-first", "extra-attr", "s-with-is", "inline-with-v"]
        )
    )  # fmt: skip
    number = draw(st.sampled_from(["0", "1", "3", "45474.5", "1e3", "-2", "abc", "²", "99", " 4 "]))
    return {
        "inline": f'<{p}c{ref}{style} t="inlineStr"><{p}is><{p}t>{text}</{p}t></{p}is></{p}c>',
        "inline-space": f'<{p}c{ref} t="inlineStr"><{p}is><{p}t xml:space="preserve">{text}</{p}t></{p}is></{p}c>',
        "rich": f'<{p}c{ref} t="inlineStr"><{p}is><{p}r><{p}t>{text}</{p}t></{p}r><{p}r><{p}t>乙</{p}t></{p}r></{p}is></{p}c>',
        "phonetic": f'<{p}c{ref} t="inlineStr"><{p}is><{p}t>{text}</{p}t><{p}rPh sb="0" eb="1"><{p}t>カ</{p}t></{p}rPh></{p}is></{p}c>',
        "s": f'<{p}c{ref}{style} t="s"><{p}v>{number}</{p}v></{p}c>',
        "n": f"<{p}c{ref}{style}><{p}v>{number}</{p}v></{p}c>",
        "b": f'<{p}c{ref} t="b"><{p}v>{number}</{p}v></{p}c>',
        "str": f'<{p}c{ref} t="str"><{p}v>{text}</{p}v></{p}c>',
        "e": f'<{p}c{ref} t="e"><{p}v>#N/A</{p}v></{p}c>',
        "blank": f"<{p}c{ref}{style}/>",
        "v-empty": f"<{p}c{ref}><{p}v/></{p}c>",
        "t-empty": f'<{p}c{ref} t="inlineStr"><{p}is><{p}t></{p}t></{p}is></{p}c>',
        "formula": f"<{p}c{ref}><{p}f>SUM(A1:A2)</{p}f><{p}v>{number}</{p}v></{p}c>",
        "t-first": f'<{p}c t="s"{ref}><{p}v>{number}</{p}v></{p}c>',
        "extra-attr": f'<{p}c{ref} s="1" t="s" cm="1"><{p}v>{number}</{p}v></{p}c>',
        "s-with-is": f'<{p}c{ref} t="s"><{p}is><{p}t>{text}</{p}t></{p}is></{p}c>',
        "inline-with-v": f'<{p}c{ref} t="inlineStr"><{p}v>{number}</{p}v></{p}c>',
    }[kind]


@st.composite
def sheets(draw) -> bytes:
    p = draw(st.sampled_from(["", "", "x:"]))
    rows = []
    for _ in range(draw(st.integers(1, 6))):
        body = draw(st.lists(cells(p), max_size=7))
        glue = draw(st.sampled_from(["", "", "\n  ", "<!-- note -->"]))
        rows.append(f'<{p}row r="1">{glue.join(body)}{glue if glue.isspace() else ""}</{p}row>')
    ns = f'xmlns{":x" if p else ""}="{xs.S}"'
    return f"<{p}worksheet {ns}><{p}sheetData>{''.join(rows)}</{p}sheetData></{p}worksheet>".encode()


def _outcome(read, row):
    try:
        return read(row)
    except Exception as exc:  # the same failure either way (the caller falls back to openpyxl)
        return type(exc).__name__


@SETTINGS
@given(sheets())
def test_the_row_reader_gives_what_walking_the_cells_gives(xml):
    reader = xs._RowReader(*READER_ARGS)
    root = etree.fromstring(xml)
    for row in root.iter(xs._tag("row")):
        assert _outcome(reader, row) == _outcome(lambda el: xs._row_values(el, *READER_ARGS), row)


def test_plain_rows_are_read_without_walking_their_cells(monkeypatch):
    """openpyxl's rows (inline strings) and Excel's (shared strings, styled numbers and blanks)."""
    xml = (
        f'<worksheet xmlns="{xs.S}" xmlns:x14ac="urn:x14ac"><sheetData>'
        '<row r="3" spans="1:5" x14ac:dyDescent="0.25"><c r="A3" t="inlineStr"><is><t>'
        "&#24352;&#19977; &amp; &lt;1&gt;&#13;\n</t></is></c>"
        '<c r="B3" s="2"><v>45474.5</v></c><c r="C3" s="1"/><c r="D3" s="1" t="s"><v>1</v></c>'
        '<c r="E3" t="inlineStr"><is><t xml:space="preserve"> x </t></is></c></row>'
        "</sheetData></worksheet>"
    ).encode()
    [row] = etree.fromstring(xml).iter(xs._tag("row"))
    expected = xs._row_values(row, *READER_ARGS)
    assert expected == ["张三 & <1>\r\n", "2024-07-01 12:00", "", "a&b<c>", " x "]

    def walked(*args):
        raise AssertionError("walked the cell elements")

    monkeypatch.setattr(xs, "_row_values", walked)
    assert xs._RowReader(*READER_ARGS)(row) == expected


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<c ",
                "<c>",
                "<c/",
                "<x:c ",
                "<cols>",
                "<row ",
                "<row>",
                "<x:row\n",
                "<rowBreaks ",
                ":c ",
                ":row>",
                "<mergeCell ",
                "<",
                "c",
                " ",
                "a:",
            ]
        ),  # fmt: skip
        max_size=40,
    ).map("".join)
)
def test_the_cheap_tag_count_is_the_prefix_aware_count(text):
    data = text.encode()
    assert gate._count_opens(data) == (len(gate._ROW_OPEN.findall(data)), len(gate._CELL_OPEN.findall(data)))


def _merged_book() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["员工姓名", "部门", "面谈人", "面谈时间", "绩效总结", "改进计划", "员工签字"])
    for i in range(3000):
        ws.append(
            [
                f"员工{i}",
                "研发部" if i % 3 == 0 else None,
                "李四",
                "2024-07-01",
                "按时完成项目",
                "提升质量",
                "",
            ]
        )
    for r in range(2, 3000, 3):
        ws.merge_cells(f"B{r}:B{r + 2}")
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_a_judged_sheet_gives_its_merges_from_the_same_pass(monkeypatch):
    data = _merged_book()
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("xl/worksheets/sheet1.xml")
    limits = Limits(max_member_uncompressed=info.file_size // 2)  # over the member limit: judged
    zf = gate.open_zip(data, limits)
    refs = gate._scan_sheet(zf, info, None)[2]
    assert len(refs) == 1000 and b"B2:B4" in refs
    monkeypatch.setattr(gate, "_scan_sheet", lambda *a: pytest.fail("inflated the sheet again"))
    assert gate.sheet_merge_refs(zf, zf.getinfo(info.filename)) == refs
    monkeypatch.undo()
    # a sheet under the limits is not judged: its merges come from a pass of their own
    assert gate.sheet_merge_refs(gate.open_zip(data, Limits()), info) == refs
    # and the streamed records are the whole-file reader's, merged department filled down
    monkeypatch.setattr(stream, "STREAM_ABOVE_SHEET_XML", 0)
    table = load_alias_table()
    rows = [r.model_dump() for r in stream.iter_records(data, "m.xlsx", table, limits)]
    assert rows == [r.model_dump() for r in read_bytes(data, "m.xlsx", table, Limits())]
    assert {rows[i]["fields"]["department"]["text"] for i in (0, 1, 2)} == {"研发部"}


def test_batch_records_are_the_validated_ones():
    header = xl.Header(
        1,
        {
            0: ("employee_name", "员工姓名"),
            2: ("performance_summary", "绩效总结"),
            3: ("employee_name", "姓名"),
        },
        {1: "工号", 4: "工号"},
    )
    rows = xl.BatchRows("汇总", header, "e.xlsx", 7)
    record = rows.record(4, ["张三", "E1", "完成 & 超额", "张三丰", "E2"])
    expected = Record.model_validate(
        {
            "source": "e.xlsx",
            "index": 7,
            "sheet": "汇总 第5行",
            "fields": {  # a key named by two columns: the last one, as a dict built per row gives it
                "employee_name": {"text": "张三丰", "location": {"file": "e.xlsx", "part": "工作表「汇总」", "cell": "D5", "label": "姓名"}},
                "performance_summary": {"text": "完成 & 超额", "location": {"file": "e.xlsx", "part": "工作表「汇总」", "cell": "C5", "label": "绩效总结"}},
            },
            "extra": {"工号": {"text": "E2", "location": {"file": "e.xlsx", "part": "工作表「汇总」", "cell": "E5", "label": "工号"}}},
        }
    )  # fmt: skip
    assert record == expected and record.model_dump() == expected.model_dump()
    assert list(record.fields) == ["employee_name", "performance_summary"]
    # the next rows do not change the records already given (their input dicts are reused)
    assert rows.record(5, ["李四", "", "好"]).fields["performance_summary"].location.cell == "C6"
    assert rows.record(6, ["", "E2", " "]) is None  # blank where the fields are
    assert rows.record(7, ["备注:以上为样例"]) is None
    assert record == expected and record.index == 7
