"""Small builders for real .docx/.xlsx files used by the intake tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def docx_grid(
    path: Path, rows: list[tuple[str, ...]], title: str = "员工绩效面谈记录表", cols: int = 4
) -> Path:
    """Rows of cell texts; a row shorter than `cols` has its last cell merged to the end."""
    doc = Document()
    doc.add_paragraph(title).runs[0].bold = True
    table = doc.add_table(rows=0, cols=cols)
    for row in rows:
        cells = table.add_row().cells
        for i, text in enumerate(row):
            cells[i].text = text
        if len(row) < cols:
            cells[len(row) - 1].merge(cells[cols - 1])
    doc.save(path)
    return path


def docx_paragraphs(path: Path, blocks: list[tuple[str, str]], header: str = "", footer: str = "") -> Path:
    """(style, text) blocks: style 'h' heading, 'n' numbered list item, 'b' bold paragraph, 'p' plain."""
    doc = Document()
    if header:
        doc.sections[0].header.paragraphs[0].text = header
    if footer:
        doc.sections[0].footer.paragraphs[0].text = footer
    for style, text in blocks:
        if style == "h":
            doc.add_heading(text, level=1)
        elif style == "n":
            doc.add_paragraph(text, style="List Number")
        elif style == "b":
            doc.add_paragraph().add_run(text).bold = True
        else:
            doc.add_paragraph(text)
    doc.save(path)
    return path


def add_tracked_paragraph(cell, inserted: str, deleted: str) -> None:
    """A reviewer's tracked edit: an insertion followed by a deletion."""
    p = cell.add_paragraph()
    p._p.append(_revision("w:ins", "1", "w:t", inserted))
    p._p.append(_revision("w:del", "2", "w:delText", deleted))


def _revision(tag: str, rev_id: str, text_tag: str, text: str):
    mark = OxmlElement(tag)
    mark.set(qn("w:id"), rev_id)
    mark.set(qn("w:author"), "审阅人")
    run = OxmlElement("w:r")
    t = OxmlElement(text_tag)
    t.text = text
    run.append(t)
    mark.append(run)
    return mark


def xlsx_book(path: Path, sheets: dict[str, list[list]], merges: dict[str, list[str]] | None = None) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r, row in enumerate(rows, 1):
            for c, value in enumerate(row, 1):
                if value is not None:
                    cell = ws.cell(row=r, column=c, value=value)
                    if isinstance(value, dt.datetime):
                        cell.number_format = (
                            "yyyy-mm-dd hh:mm" if (value.hour or value.minute) else "yyyy-mm-dd"
                        )
        for rng in (merges or {}).get(name, []):
            ws.merge_cells(rng)
    wb.save(path)
    return path


# A record with every element and nothing to report (labels as templates write them).
GOOD_RECORD = {
    "员工姓名": "张伟",
    "面谈人": "王经理",
    "面谈时间": "2024年6月3日 15:00",
    "面谈地点": "3楼会议室",
    "绩效总结": "6月在订单系统迁移中牵头完成3个模块的接口改造,版本按期上线,线上故障为0。",
    "改进计划": "9月30日前把负责模块的单元测试覆盖率提升到70%",
    "资源支持": "申请测试环境2台,由IT部6月底前到位",
    "共识": "双方对考核结果无异议",
    "分歧": "无",
    "员工确认": "张伟 2024-06-04",
    "记录日期": "2024年6月4日 10:00",
}


def slow_docx(paragraphs: int = 50_000) -> bytes:
    """A form followed by tens of thousands of paragraphs: parsing takes seconds, no record until the end."""
    import io
    import random
    import sys
    import zipfile

    sys.path.insert(0, str(Path(__file__).resolve().parent / "hostile"))
    from make_hostile import form_docx, rewrite_zip

    data = form_docx()
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    rng = random.Random(1)
    body = "".join(
        f"<w:p><w:r><w:t>{i}段{''.join(chr(0x4E00 + rng.randrange(20000)) for _ in range(20))}</w:t></w:r></w:p>"
        for i in range(paragraphs)
    )
    at = xml.index("<w:body>") + len("<w:body>")
    return rewrite_zip(data, {"word/document.xml": (xml[:at] + body + xml[at:]).encode()})
