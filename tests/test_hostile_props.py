"""Property-based: random valid documents and random corruptions of real ones give records or an InputError."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.intake.errors import InputError
from checker.intake.fields import load_alias_table
from checker.intake.gate import Limits
from checker.intake.reader import read_bytes

TABLE = load_alias_table()
LABELS = sorted(TABLE.aliases)[:200] + ["备注", "", "  ", "：", "\u200b"]
REAL_DOCS = sorted(
    (Path(__file__).resolve().parents[2] / "shared" / "eval" / "docs").glob("*.docx")
) + sorted(Path(__file__).parent.parent.glob("samples/*.xlsx"))
LIMITS = Limits(max_rows=5000)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

text = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=60)
cell = st.one_of(st.sampled_from(LABELS), text)


def records_or_input_error(data: bytes, name: str) -> None:
    try:
        records = read_bytes(data, name, TABLE, LIMITS)
    except InputError as exc:
        assert exc.code and exc.message
        return
    assert isinstance(records, list)


def _clean(value: str) -> str:
    # XML 1.0 cannot hold most control characters; python-docx/openpyxl refuse them
    return "".join(ch for ch in value if ch in "\t\n" or ord(ch) >= 0x20)


@SETTINGS
@given(st.lists(st.lists(cell, min_size=1, max_size=5), min_size=1, max_size=8), st.booleans())
def test_random_docx_tables(rows, nest):
    document = docx.Document()
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = _clean(value)
    if nest:
        table.cell(0, 0).add_table(rows=1, cols=2).cell(0, 1).text = "张三"
    document.add_paragraph(_clean(f"{rows[0][0]}:{rows[-1][-1]}"))
    out = io.BytesIO()
    document.save(out)
    records_or_input_error(out.getvalue(), "random.docx")


@SETTINGS
@given(
    st.lists(
        st.lists(st.one_of(cell, st.integers(), st.floats(allow_nan=False), st.none()), max_size=6),
        max_size=12,
    )
)
def test_random_xlsx_sheets(rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    for values in rows:
        ws.append([_clean(v) if isinstance(v, str) else v for v in values])
    out = io.BytesIO()
    wb.save(out)
    records_or_input_error(out.getvalue(), "random.xlsx")


@pytest.mark.skipif(not REAL_DOCS, reason="needs real documents")
@SETTINGS
@given(st.data())
def test_random_corruptions_of_real_documents(data):
    path = data.draw(st.sampled_from(REAL_DOCS))
    body = bytearray(path.read_bytes())
    edits = data.draw(
        st.lists(st.tuples(st.integers(0, len(body) - 1), st.integers(0, 255)), min_size=1, max_size=20)
    )
    for pos, value in edits:
        body[pos] = value
    if data.draw(st.booleans()):
        body = body[: data.draw(st.integers(0, len(body)))]
    records_or_input_error(bytes(body), path.name)


@SETTINGS
@given(st.binary(max_size=2000), st.sampled_from(["a.json", "a.jsonl", "a.csv", "a.docx", "a.xls", "a"]))
def test_random_bytes_with_any_name(body, name):
    records_or_input_error(body, name)
