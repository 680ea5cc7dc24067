#!/usr/bin/env python3
"""Generate the round-2 blind set: harder filled 绩效面谈记录 layouts (see README.md, "round 2").

    python tests/docset/gen_unseen2.py [OUT_DIR]    # default: tests/docset/unseen2/

Reuses the record model, pools and expected-value logic of gen_unseen.py; the
layouts are new: employee / interviewer blocks sharing 姓名/部门, separate
面谈日期 + 面谈时间, a joint 双方签字确认 cell, Word content-control checkboxes,
text boxes, sub-label columns, grey hint text, numbered "1. 标签:" sections,
Excel labels merged A:B, batch sheets with repeated headers, empty trailing
columns and 合计/备注 rows, spaced / starred / (必填) labels. Deterministic.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import random
import re
import sys
import zipfile
from pathlib import Path

import openpyxl
from docx.oxml import parse_xml
from docx.shared import RGBColor
from openpyxl.styles import Font

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("gen_unseen", HERE / "gen_unseen.py")
G = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(G)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
NS = f'xmlns:w="{W}" xmlns:w14="{W14}"'


def is_placeholder(s):
    s = G.norm(s)
    if "☐" in s and "☒" not in s:
        return True
    return (
        G.PLACEHOLDERS.__contains__(s)
        or s.startswith("请填写")
        or ("□" in s and "☑" not in s and "√" not in s)
    )


G.is_placeholder = is_placeholder  # ☐ (content-control unchecked) is an empty box too


# ---------------------------------------------------------------- docx helpers
def checkbox(paragraph, checked):
    """A Word content-control checkbox (w14:checkbox) showing ☒ / ☐."""
    glyph = "☒" if checked else "☐"
    xml = (
        f'<w:sdt {NS}><w:sdtPr><w14:checkbox><w14:checked w14:val="{int(checked)}"/>'
        '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
        '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr>'
        '<w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic"/>'
        f"</w:rPr><w:t>{glyph}</w:t></w:r></w:sdtContent></w:sdt>"
    )
    paragraph._p.append(parse_xml(xml))


def boxes(cell, options):
    """options: [(checked, text), ...] as content controls followed by their text."""
    p = cell.paragraphs[0]
    for i, (on, text) in enumerate(options):
        checkbox(p, on)
        p.add_run(text + (" " if i < len(options) - 1 else ""))
    return "".join(("☒" if on else "☐") + t + " " for on, t in options).strip()


def text_box(paragraph, lines):
    """A floating text box (DrawingML with VML fallback, as Word writes it)."""
    body = "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in lines)
    xml = (
        f'<w:r {NS} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent><mc:Choice Requires="wps">'
        '<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="2540000" cy="508000"/><wp:wrapSquare wrapText="bothSides"/>'
        '<wp:docPr id="1" name="文本框 1"/><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/>'
        '<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2540000" cy="508000"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
        f"<wps:txbx><w:txbxContent>{body}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>"
        '<v:shape style="width:200pt;height:40pt"><v:textbox>'
        f"<w:txbxContent>{body}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )
    paragraph._p.append(parse_xml(xml))


def grey(cell, text):
    run = cell.paragraphs[0].add_run(text)
    run.font.color.rgb = RGBColor(0x80, 0x80, 0x80)
    run.italic = True


def table(d, cols):
    t = d.add_table(rows=0, cols=cols)
    t.style = "Table Grid"
    return t


def val(r, k):
    G.show(r, k)
    return r.v[k] if k not in r.over else r.over[k].split("\n")


def split_time(r):
    """面谈日期 + 面谈时间 as two labels: the date part and the time part of the interview."""
    s, e, _ = r.it
    return f"{s.year}年{s.month}月{s.day}日", f"{s:%H:%M}-{e:%H:%M}"


def pairs_row(t, pairs, r):
    cells = t.add_row().cells
    for i, (k, lab) in enumerate(pairs):
        G.label(cells[2 * i], lab)
        if k:
            G.fill(cells[2 * i + 1], val(r, k))
    return cells


def long_row(t, k, lab, r, ncols):
    cells = t.add_row().cells
    G.label(cells[0], lab)
    G.fill(cells[1].merge(cells[ncols - 1]), val(r, k))


# ---------------------------------------------------------------- docx layouts
def v01_person_blocks(path, r):
    """被面谈人 / 面谈人 blocks each with 姓名; 面谈日期 + 面谈时间; a joint 双方签字确认 cell."""
    d = G.new_doc()
    G.title(d, "员工绩效面谈记录表")
    t = table(d, 5)
    rows = [
        ("被面谈人", [("employee_name", "姓名"), ("department", "部门")]),
        ("被面谈人", [("employee_id", "工号"), ("position", "岗位")]),
        ("面谈人", [("manager_name", "姓名"), (None, "职务")]),
    ]
    first = None
    for block, pairs in rows:
        cells = t.add_row().cells
        for i, (k, lab) in enumerate(pairs):
            G.label(cells[1 + 2 * i], lab)
            G.fill(cells[2 + 2 * i], val(r, k) if k else "部门经理")
        if block == "被面谈人" and first is None:
            first = len(t.rows) - 1
            G.fill(cells[0], block, bold=True)
        elif block == "面谈人":
            G.fill(cells[0], block, bold=True)
    t.cell(first, 0).merge(t.cell(first + 1, 0))
    date, time = split_time(r)
    cells = t.add_row().cells
    G.label(cells[0], "面谈日期")
    G.fill(cells[1].merge(cells[2]), date)
    G.label(cells[3], "面谈时间")
    G.fill(cells[4], time)
    G.show(r, "interview_time")
    cells = t.add_row().cells
    G.label(cells[0], "面谈地点")
    G.fill(cells[1].merge(cells[2]), val(r, "location"))
    G.label(cells[3], "考核周期")
    G.fill(cells[4], val(r, "period"))
    for k, lab in [("performance_summary", "绩效总结"), ("improvement_plan", "改进计划"),
                   ("resource_support", "资源支持"), ("consensus", "共识"), ("disagreements", "分歧")]:  # fmt: skip
        long_row(t, k, lab, r, 5)
    cells = t.add_row().cells
    G.label(cells[0], "双方签字确认")
    emp, mgr = r.text("employee_confirmation"), r.text("manager_signature")
    G.fill(cells[1].merge(cells[4]), f"员工签字:{emp}    面谈人签字:{mgr}")
    G.show(r, "employee_confirmation", "manager_signature")
    cells = t.add_row().cells
    G.label(cells[0], "记录日期")
    G.fill(cells[1].merge(cells[4]), val(r, "record_date"))
    d.save(path)


def v02_content_controls(path, r, type_opts, confirm_opts):
    """Content-control checkboxes for 面谈类型 and the confirmation; a text box holding a note."""
    d = G.new_doc()
    G.title(d, "绩效面谈记录")
    text_box(
        d.add_paragraph(), ["注:带*为必填项;面谈地点:请写明会议室编号。", "员工签字后交人力资源部存档。"]
    )
    t = table(d, 4)
    pairs_row(t, [("employee_name", "员工姓名*"), ("department", "所属部门")], r)
    pairs_row(t, [("position", "岗位"), ("manager_name", "面谈人*")], r)
    pairs_row(t, [("interview_time", "面谈时间*"), ("location", "面谈地点*")], r)
    cells = t.add_row().cells
    G.label(cells[0], "面谈类型")
    r.over["interview_type"] = boxes(cells[1].merge(cells[3]), type_opts)
    G.show(r, "interview_type")
    for k, lab in [("performance_summary", "绩效总结*"), ("improvement_plan", "改进计划*"),
                   ("resource_support", "资源支持*"), ("consensus", "共识*"), ("disagreements", "分歧*")]:  # fmt: skip
        long_row(t, k, lab, r, 4)
    cells = t.add_row().cells
    G.label(cells[0], "员工确认*")
    r.over["employee_confirmation"] = boxes(cells[1].merge(cells[3]), confirm_opts)
    G.show(r, "employee_confirmation")
    pairs_row(t, [("manager_signature", "面谈人签字"), ("record_date", "记录日期")], r)
    d.save(path)


def v03_sub_labels(path, r):
    """Header row 类别/项目/内容; the first column names a block, the second a sub-label."""
    d = G.new_doc()
    G.title(d, "绩效面谈记录")
    t = table(d, 3)
    G.fill(t.add_row().cells[0], "类别", bold=True)
    G.fill(t.rows[0].cells[1], "项目", bold=True)
    G.fill(t.rows[0].cells[2], "内容", bold=True)
    blocks = [
        ("员工", [("employee_name", "姓名"), ("employee_id", "工号"), ("department", "部门"), ("position", "岗位")]),
        ("面谈人", [("manager_name", "姓名"), (None, "部门")]),
        ("面谈", [("interview_time", "面谈时间"), ("location", "面谈地点"), ("duration", "面谈时长")]),
        ("绩效评价", [("grade", "绩效等级"), ("performance_summary", "绩效总结"), ("weaknesses", "不足")]),
        ("改进与支持", [("improvement_plan", "改进计划"), ("resource_support", "资源支持")]),
        ("面谈结果", [("consensus", "共识"), ("disagreements", "分歧")]),
        ("签字", [("employee_confirmation", "员工签字"), ("manager_signature", "面谈人签字"),
                  ("record_date", "记录日期")]),
    ]  # fmt: skip
    for block, subs in blocks:
        first = len(t.rows)
        for k, lab in subs:
            cells = t.add_row().cells
            G.fill(cells[1], lab, bold=True)
            G.fill(cells[2], val(r, k) if k else "人力资源部")
        top = t.cell(first, 0).merge(t.cell(len(t.rows) - 1, 0))
        G.fill(top, block, bold=True)
    d.save(path)


HINTS = {
    "employee_feedback": "请填写员工本人对评价结果的意见",
    "career_development": "(选填)描述员工的职业发展意愿及公司的培养安排",
    "previous_review": "如有上期改进项,请逐条说明落实情况",
    "kpi_result": "请填写各项KPI的目标值与实际完成值",
}


def v04_long_hints(path, r):
    """A long template: *, (必填), spaced labels with full-width colons; grey hints left in optional fields."""
    d = G.new_doc()
    G.title(d, "XX集团 员工绩效面谈记录表(2024版)")
    d.add_paragraph("填表说明:标注“*”或“(必填)”的栏目必须填写,灰色文字为填写提示。")
    t = table(d, 4)
    pairs_row(t, [("employee_name", "员工姓名(必填)"), ("employee_id", "工    号:")], r)
    pairs_row(t, [("department", "部    门:"), ("position", "岗    位:")], r)
    pairs_row(t, [("job_family", "岗位序列"), ("period", "考核周期")], r)
    pairs_row(t, [("manager_name", "*面谈人:"), ("interview_time", "*面谈时间:")], r)
    pairs_row(t, [("location", "面 谈 地 点:"), ("duration", "面谈时长")], r)
    pairs_row(t, [("interview_type", "面谈类型"), ("grade", "绩效等级")], r)
    for k, lab in [("kpi_result", "KPI完成情况"), ("performance_summary", "绩效总结(必填)"),
                   ("strengths", "优点"), ("weaknesses", "不足"), ("employee_feedback", "员工意见"),
                   ("previous_review", "上期改进项回顾"), ("improvement_plan", "*改进计划"),
                   ("resource_support", "*资源支持"), ("career_development", "职业发展"),
                   ("consensus", "*达成共识"), ("disagreements", "*意见分歧")]:  # fmt: skip
        cells = t.add_row().cells
        G.label(cells[0], lab)
        target = cells[1].merge(cells[3])
        if k in HINTS:
            grey(target, HINTS[k])
            r.over[k] = HINTS[k]
            r.ph.add(k)
            G.show(r, k)
        else:
            G.fill(target, val(r, k))
    pairs_row(t, [("employee_confirmation", "员工签字:"), ("manager_signature", "面谈人签字:")], r)
    pairs_row(t, [("record_date", "填表日期"), (None, "")], r)
    d.save(path)


def v05_numbered_sections(path, r):
    """Numbered paragraphs "N. 标签:" holding content on the same line and continuing lines."""
    d = G.new_doc()
    G.title(d, "绩效面谈纪要")
    d.add_paragraph("1. 基本信息:")
    G.show(r, "employee_name", "department", "position", "manager_name", "interview_time", "location")
    d.add_paragraph(
        f"员工姓名:{r.text('employee_name')}    部门:{r.text('department')}    岗位:{r.text('position')}"
    )
    d.add_paragraph(f"面谈人:{r.text('manager_name')}    面谈地点:{r.text('location')}")
    d.add_paragraph(f"面谈时间:{r.text('interview_time')}")
    for i, (k, lab, inline) in enumerate([("performance_summary", "绩效总结", True), ("strengths", "优点", True),
                                          ("improvement_plan", "改进计划", False),
                                          ("resource_support", "资源支持", True), ("consensus", "达成共识", True),
                                          ("disagreements", "存在分歧", True)], 2):  # fmt: skip
        paras = val(r, k)
        if inline:
            d.add_paragraph(f"{i}. {lab}:{paras[0]}")
            rest = paras[1:]
        else:
            d.add_paragraph(f"{i}. {lab}:")
            rest = paras
        for p in rest:
            d.add_paragraph(p)
    d.add_paragraph(f"8. 员工确认:{r.text('employee_confirmation')}")
    d.add_paragraph(f"9. 记录日期:{r.text('record_date')}")
    G.show(r, "employee_confirmation", "record_date")
    d.save(path)


def v06_unticked_control(path, r):
    """Vertical table with a block row; content-control confirmation left unticked; text box in a cell."""
    d = G.new_doc()
    G.title(d, "绩效面谈记录")
    t = table(d, 2)
    for k, lab in [("employee_name", "被面谈人"), ("department", "所属部门"), ("manager_name", "直接上级"),
                   ("interview_time", "面谈时间"), ("location", "面谈地点"), ("grade", "考核结果"),
                   ("performance_summary", "综合评价"), ("improvement_plan", "行动计划"),
                   ("resource_support", "所需支持"), ("consensus", "共识"), ("disagreements", "分歧")]:  # fmt: skip
        cells = t.add_row().cells
        G.label(cells[0], lab)
        G.fill(cells[1], val(r, k))
    cells = t.add_row().cells
    G.label(cells[0], "员工确认")
    r.over["employee_confirmation"] = boxes(cells[1], [(False, "本人已阅读并确认以上记录内容")])
    G.show(r, "employee_confirmation")
    text_box(cells[1].add_paragraph(), ["提示:请员工本人勾选"])
    for k, lab in [("manager_signature", "上级签字"), ("record_date", "记录日期")]:
        cells = t.add_row().cells
        G.label(cells[0], lab)
        G.fill(cells[1], val(r, k))
    d.save(path)


def v11_inline_cells(path, r):
    """2-column table of "标签:值" cells; 面谈日期/面谈时间 on one line; spaced label; joint signature cell."""
    d = G.new_doc()
    G.title(d, "绩效面谈记录")
    t = table(d, 2)
    date, time = split_time(r)

    def kv(cell, k, lab):
        G.fill(cell, f"{lab}:{r.text(k)}")
        G.show(r, k)

    rows = [[("employee_name", "姓名"), ("employee_id", "工号")], [("department", "部门"), ("position", "职位")],
            [("manager_name", "面谈人"), ("period", "考核期间")]]  # fmt: skip
    for row in rows:
        cells = t.add_row().cells
        for c, (k, lab) in zip(cells, row, strict=True):
            kv(c, k, lab)
    cells = t.add_row().cells
    G.fill(cells[0], f"面谈日期:{date}    面谈时间:{time}")
    G.show(r, "interview_time")
    G.fill(cells[1], f"面 谈 地 点:{r.text('location')}")
    G.show(r, "location")
    for k, lab in [("performance_summary", "绩效总结"), ("improvement_plan", "改进计划"),
                   ("resource_support", "资源支持"), ("consensus", "共识"), ("disagreements", "分歧")]:  # fmt: skip
        cells = t.add_row().cells
        G.fill(cells[0].merge(cells[1]), [f"{lab}:", *val(r, k)])
    cells = t.add_row().cells
    emp, mgr = r.text("employee_confirmation"), r.text("manager_signature")
    G.fill(cells[0].merge(cells[1]), ["双方签字确认:", f"被面谈人签字:{emp}", f"面谈人签字:{mgr}"])
    G.show(r, "employee_confirmation", "manager_signature")
    cells = t.add_row().cells
    G.fill(cells[0].merge(cells[1]), f"记录日期:{r.text('record_date')}")
    G.show(r, "record_date")
    d.save(path)


# ---------------------------------------------------------------- xlsx layouts
def x07_merged_ab(ws, r):
    """Labels merged A:B, values merged C:F; starred / spaced labels with full-width colons."""
    ws.merge_cells("A1:F1")
    ws["A1"] = "员工绩效面谈记录表"
    ws["A1"].font = Font(bold=True, size=14)
    row = 2
    for k, lab in [("employee_name", "员工姓名*:"), ("employee_id", "工  号:"), ("department", "部  门:"),
                   ("manager_name", "面谈人*:"), ("interview_time", "面谈时间(必填)"), ("location", "面 谈 地 点:"),
                   ("grade", "绩效等级"), ("performance_summary", "绩效总结*"), ("strengths", "优点"),
                   ("improvement_plan", "改进计划*"), ("resource_support", "资源支持*"), ("consensus", "共识*"),
                   ("disagreements", "分歧*"), ("employee_confirmation", "员工签字*"),
                   ("record_date", "记录日期")]:  # fmt: skip
        G.put(ws, row, 1, lab, bold=True)
        G.put(ws, row, 2, None)
        G.put(ws, row, 3, G.xl_val(r, k))
        for c in range(4, 7):
            G.put(ws, row, c, None)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        ws.merge_cells(start_row=row, start_column=3, end_row=row, end_column=6)
        G.show(r, k)
        row += 1


BATCH_COLS = [("#", "序号"), ("employee_name", "员工姓名"), ("department", "部门"), ("manager_name", "面谈人"),
              ("interview_time", "面谈时间"), ("location", "面谈地点"), ("performance_summary", "绩效总结"),
              ("improvement_plan", "改进计划"), ("resource_support", "资源支持"), ("consensus", "共识"),
              ("disagreements", "分歧"), ("employee_confirmation", "员工签字"), ("record_date", "记录日期")]  # fmt: skip


def x08_two_blocks(ws, blocks):
    """One sheet, two data blocks, each under a block title and a repeated header."""
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(BATCH_COLS))
    ws.cell(row=1, column=1, value="2024年第三季度绩效面谈汇总").font = Font(bold=True, size=14)
    row = 2
    for name, recs in blocks:
        ws.cell(row=row, column=1, value=name).font = Font(bold=True)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(BATCH_COLS))
        row = G.batch(ws, recs, BATCH_COLS, row + 1) + 1


def x09_trailing(ws, recs):
    """Batch with empty bordered trailing columns, a 合计 row and a merged 备注 row."""
    n = len(BATCH_COLS)
    end = G.batch(ws, recs, BATCH_COLS, 1)
    for row in range(1, end):
        for c in range(n + 1, n + 4):
            G.put(ws, row, c, None)
    G.put(ws, end, 1, "合计")
    G.put(ws, end, 2, f"共{len(recs)}人")
    for c in range(3, n + 1):
        G.put(ws, end, c, None)
    ws.cell(row=end + 1, column=1, value="备注:本表由各部门HRBP汇总,员工签字以纸质版为准。")
    ws.merge_cells(start_row=end + 1, start_column=1, end_row=end + 1, end_column=n)


def x10_person_blocks(ws, r):
    """被面谈人 / 面谈人 blocks (A) with sub-labels 姓名/部门 (B, D); 面谈日期 real date + 面谈时间 text."""
    ws.merge_cells("A1:E1")
    ws["A1"] = "绩效面谈记录"
    ws["A1"].font = Font(bold=True, size=14)
    rows = [
        (2, "被面谈人", [("employee_name", "姓名"), ("department", "部门")]),
        (3, None, [("employee_id", "工号"), ("position", "岗位")]),
        (4, "面谈人", [("manager_name", "姓名"), (None, "部门")]),
    ]
    for row, block, pairs in rows:
        G.put(ws, row, 1, block, bold=True)
        for i, (k, lab) in enumerate(pairs):
            G.put(ws, row, 2 + 2 * i, lab, bold=True)
            G.put(ws, row, 3 + 2 * i, G.xl_val(r, k) if k else "人力资源部")
            G.show(r, k)
    ws.merge_cells("A2:A3")
    s, e, _ = r.it
    G.put(ws, 5, 1, "面谈日期", bold=True)
    G.put(ws, 5, 2, dt.datetime(s.year, s.month, s.day))
    ws.merge_cells("B5:C5")
    G.put(ws, 5, 4, "面谈时间", bold=True)
    G.put(ws, 5, 5, f"{s:%H:%M}-{e:%H:%M}")
    r.over["interview_time"] = f"{s:%Y-%m-%d} {s:%H:%M}-{e:%H:%M}"
    G.show(r, "interview_time")
    row = 6
    for k, lab in [("location", "面谈地点"), ("performance_summary", "绩效总结"), ("improvement_plan", "改进计划"),
                   ("resource_support", "资源支持"), ("consensus", "共识"), ("disagreements", "分歧"),
                   ("employee_confirmation", "员工签字"), ("record_date", "记录日期")]:  # fmt: skip
        G.put(ws, row, 1, lab, bold=True)
        G.put(ws, row, 2, G.xl_val(r, k))
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=5)
        G.show(r, k)
        row += 1


# ---------------------------------------------------------------- the set
def build(out: Path):
    rng = random.Random(20241103)
    names = G.Names(rng)
    D = lambda m, d: dt.date(2024, m, d)  # noqa: E731
    mk = lambda dk, day, **kw: G.make(rng, names, dk, day=day, **kw)  # noqa: E731
    files = []

    def docx_one(name, fn, r, *args):
        fn(out / name, r, *args)
        files.append((name, [r]))

    r = mk("rd", D(8, 1), vague=True, n_sum=2, plan="nd", n_plan=3, it_fmt="cn_range", rd_fmt="cn",
           conf_style="name", mark="num")  # fmt: skip
    docx_one("V01_person_blocks_rd.docx", v01_person_blocks, r)

    r = mk("mkt", D(8, 2), vague=False, n_sum=2, plan="clean", n_plan=2, it_fmt="iso_range", rd_fmt="iso",
           late=True)  # fmt: skip
    opts = [(True, "季度面谈"), (False, "年度面谈"), (False, "晋升面谈"), (False, "绩效预警面谈")]
    docx_one(
        "V02_content_controls_market.docx",
        v02_content_controls,
        r,
        opts,
        [(True, "本人已阅读并确认以上内容")],
    )

    r = mk("log", D(8, 5), vague=True, n_sum=2, plan="both", n_plan=2, it_fmt="cn_range", rd_fmt="cn",
           conf_style="name_date", extras=("weaknesses",), plan_mark="cn")  # fmt: skip
    docx_one("V03_sub_labels_logistics.docx", v03_sub_labels, r)

    r = mk("pur", D(8, 6), vague=False, n_sum=3, plan="nq", n_plan=3, it_fmt="cn_range", rd_fmt="cn_t",
           rd_next_day=True, extras=("strengths", "weaknesses"), extra_vague={"weaknesses": True},
           mark="num")  # fmt: skip
    docx_one("V04_long_hints_purchase.docx", v04_long_hints, r)

    r = mk("svc", D(8, 7), vague=True, n_sum=3, plan="nd", n_plan=3, late=True, it_fmt="cn_range", rd_fmt="cn",
           conf_style="name", extras=("strengths",), plan_mark="paren", cons=G.CONSENSUS[1])  # fmt: skip
    docx_one("V05_numbered_sections_service.docx", v05_numbered_sections, r)

    r = mk("rd", D(8, 8), vague=False, n_sum=2, plan="clean", n_plan=2, it_fmt="iso_range", rd_fmt="iso",
           ph={"resource_support": "/"}, mark="cn")  # fmt: skip
    r.ph.add("employee_confirmation")
    docx_one("V06_unticked_control_rd.docx", v06_unticked_control, r)

    r = mk("log", D(8, 9), vague=True, n_sum=2, plan="clean", n_plan=2, it_fmt="cn_range", rd_fmt="cn",
           conf_style="name_date", late=True, plan_mark="num")  # fmt: skip
    docx_one("V11_inline_cells_logistics.docx", v11_inline_cells, r)

    # X07 labels merged A:B, values C:F, real dates
    r = mk("svc", D(8, 12), vague=False, n_sum=2, plan="nd", n_plan=2, it_fmt="iso_t", rd_fmt="iso",
           conf_style="name", extras=("strengths",), extra_vague={"strengths": True})  # fmt: skip
    G.use_xl_dates(r)
    r.set("performance_summary", [r.text("performance_summary")], [any(r.lab["performance_summary"])])
    r.set("strengths", [r.text("strengths")], [any(r.lab["strengths"])])
    r.set("improvement_plan", [r.text("improvement_plan")], r.lab["improvement_plan"])
    wb = openpyxl.Workbook()
    wb.active.title = "面谈记录"
    x07_merged_ab(wb.active, r)
    wb.save(out / "X07_merged_ab_service.xlsx")
    files.append(("X07_merged_ab_service.xlsx", [r]))

    # X08 two blocks on one sheet under repeated headers, text dates
    blocks, all_recs = [], []
    for name, dk, specs in [
        ("一、研发中心", "rd", [dict(vague=False, plan="clean"), dict(vague=True, plan="nq", late=True),
                             dict(vague=False, plan="clean", confirm=False)]),
        ("二、市场部", "mkt", [dict(vague=False, plan="both"), dict(vague=False, plan="clean", ph={"location": ""})]),
    ]:  # fmt: skip
        boss = names()
        recs = [mk(dk, D(8, 13 + i), it_fmt="cn_t", rd_fmt="cn", conf_style="name", mark="num", n_sum=2, n_plan=2,
                   mgr=boss, **sp) for i, sp in enumerate(specs)]  # fmt: skip
        blocks.append((name, recs))
        all_recs += recs
    wb = openpyxl.Workbook()
    wb.active.title = "汇总"
    x08_two_blocks(wb.active, blocks)
    wb.save(out / "X08_batch_two_blocks.xlsx")
    files.append(("X08_batch_two_blocks.xlsx", all_recs))

    # X09 batch, empty trailing columns, 合计 and 备注 rows, real dates
    specs = [dict(dk="pur", vague=True, plan="clean"), dict(dk="pur", vague=False, plan="nd", late=True),
             dict(dk="log", vague=False, plan="clean", ph={"disagreements": "无"}, cons=G.CONSENSUS[2]),
             dict(dk="log", vague=False, plan="clean")]  # fmt: skip
    recs = []
    for i, sp in enumerate(specs):
        dk = sp.pop("dk")
        r = mk(
            dk,
            D(8, 19 + i),
            it_fmt="iso_t",
            rd_fmt="iso",
            conf_style="name",
            mark="cn",
            n_sum=2,
            n_plan=2,
            **sp,
        )
        G.use_xl_dates(r)
        recs.append(r)
    wb = openpyxl.Workbook()
    wb.active.title = "8月"
    x09_trailing(wb.active, recs)
    wb.save(out / "X09_batch_trailing_total.xlsx")
    files.append(("X09_batch_trailing_total.xlsx", recs))

    # X10 form with person blocks and separate date / time
    r = mk("mkt", D(8, 26), vague=True, n_sum=2, plan="nq", n_plan=2, it_fmt="cn_range", rd_fmt="iso",
           conf_style="name", mark="num")  # fmt: skip
    G.use_xl_dates(r, it=False)
    wb = openpyxl.Workbook()
    wb.active.title = r.text("employee_name")
    x10_person_blocks(wb.active, r)
    wb.save(out / "X10_person_blocks_market.xlsx")
    files.append(("X10_person_blocks_market.xlsx", [r]))
    return files


def doc_text(path: Path) -> str:
    if path.suffix != ".docx":
        return G.doc_text(path)
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    return G.norm("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)))


def validate(out: Path, exp):
    counts, nrec = {}, 0
    for d in exp:
        blob = doc_text(out / d["file"])
        for i, rec in enumerate(d["records"]):
            nrec += 1
            for k, v in rec["fields"].items():
                parts = v.split() if k == "interview_time" else [v]  # 面谈日期 + 面谈时间
                assert all(G.norm(x) in blob for x in parts), (d["file"], i, k, v)
            for rule, _ in rec["findings"]:
                counts[rule] = counts.get(rule, 0) + 1
    return f"{len(exp)} files, {nrec} records, findings: {dict(sorted(counts.items()))}"


def generate(out: Path) -> list:
    return G.generate(out, build, validate)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "unseen2"
    exp = generate(target)
    print(validate(target, exp))
