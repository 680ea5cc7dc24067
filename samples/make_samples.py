#!/usr/bin/env python3
"""Rebuild the filled example records in samples/ (the README's demo runs on them).

    python samples/make_samples.py

Each file shows one template layout real companies use; together they carry
every kind of finding (and clean records too). Output is deterministic.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import openpyxl
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

HERE = Path(__file__).resolve().parent


# ---------------------------------------------------------------- docx helpers
def new_doc(title: str) -> Document:
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10.5)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    p = doc.add_paragraph()
    run = p.add_run(title)
    run.bold = True
    run.font.size = Pt(16)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return doc


def put(cell, lines, bold=False):
    lines = [lines] if isinstance(lines, str) else lines
    for i, text in enumerate(lines):
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        p.add_run(text).bold = bold


def numbered(doc, text):
    """A Word auto-numbered item: the number is in the style, not in the text."""
    return doc.add_paragraph(text, style="List Number")


# ---------------------------------------------------------------- 1. grid
def grid_docx(path: Path) -> None:
    doc = new_doc("员工绩效面谈记录表")
    t = doc.add_table(rows=0, cols=4)
    t.style = "Table Grid"
    pairs = [
        ("员工姓名", "张伟", "工号", "T2041"),
        ("部门", "研发中心", "岗位", "后端开发工程师"),
        ("岗位序列", "技术序列", "考核周期", "2024年第二季度"),
        ("面谈人", "刘洋", "面谈类型", "季度面谈"),
        ("面谈时间", "2024-07-03 14:00-15:00", "面谈地点", "3楼会议室"),
        ("绩效等级", "B", "面谈时长", "60分钟"),
    ]
    for row in pairs:
        cells = t.add_row().cells
        for i, text in enumerate(row):
            put(cells[i], text, bold=i % 2 == 0)
    long_rows = [
        (
            "绩效总结",
            [
                "1. 主导完成订单中心支付模块重构,6月上线后未出现P1级故障,技术能力突出。",
                "2. 沟通能力强,执行力有待提高。",
                "3. 工作态度认真负责。",
            ],
        ),
        (
            "改进计划",
            [
                "1. 9月30日前将负责模块的单元测试覆盖率提升至70%以上",
                "2. 提升代码质量",
                "3. 每周参加1次团队代码评审",
            ],
        ),
        ("资源支持", "申请测试环境服务器2台,由运维组7月20日前到位。"),
        ("共识", "双方对本期绩效等级及改进计划达成一致,无分歧。"),
        ("分歧", "无"),
        ("职业发展", "希望两年内成长为后端技术负责人。"),
    ]
    for label, value in long_rows:
        cells = t.add_row().cells
        merged = cells[1].merge(cells[3])
        put(cells[0], label, bold=True)
        put(merged, value)
    cells = t.add_row().cells
    put(cells[0], "记录日期", bold=True)
    put(cells[1], "2024-07-06")
    cells = t.add_row().cells
    put(cells[0], "员工签字/日期", bold=True)
    put(cells[1], "张伟 2024-07-06")
    put(cells[2], "面谈人签字/日期", bold=True)
    put(cells[3], "刘洋 2024-07-06")
    doc.save(path)


# ---------------------------------------------------------------- 2. headings
def headings_docx(path: Path) -> None:
    doc = new_doc("绩效面谈记录")
    section = doc.sections[0]
    section.header.paragraphs[0].text = "华信零售有限公司 人力资源部    表单编号:HR-PM-07"
    section.footer.paragraphs[0].text = "本记录须于面谈后24小时内提交人力资源部存档,员工签字后生效。"
    doc.add_heading("一、基本信息", level=1)
    for line in [
        "员工姓名:李娜",
        "部门:门店运营部",
        "岗位:店长",
        "面谈人:陈静",
        "考核周期:2024年第二季度",
        "面谈时间:2024年7月10日 09:30-10:30",
        "面谈地点:门店办公室",
        "绩效等级:A",
    ]:
        doc.add_paragraph(line)
    doc.add_heading("二、绩效总结", level=1)
    doc.add_paragraph("6月门店销售额52万元,同比增长12%,区域排名第4。")
    doc.add_paragraph("618活动期间组织店员轮班,单日客流峰值1200人次时未出现收银排队投诉,现场组织能力强。")
    doc.add_heading("三、员工自评", level=1)
    doc.add_paragraph("认可评价,希望总部加快补货速度。")
    doc.add_heading("四、改进计划", level=1)
    numbered(doc, "9月底前库存差异率控制在1%以内")
    numbered(doc, "下次面谈前完成店长认证课程并通过考试")
    numbered(doc, "每月组织2次店员产品培训,Q3末前覆盖全部12名店员")
    doc.add_heading("五、资源支持", level=1)
    doc.add_paragraph("区域经理每月到店指导1次;总部9月前提供新品陈列指引。")
    doc.add_heading("六、达成共识", level=1)
    doc.add_paragraph("双方对考核结果和改进计划均无异议。")
    doc.add_heading("七、意见分歧", level=1)
    doc.add_paragraph("无")
    doc.add_heading("八、签字确认", level=1)
    doc.add_paragraph("员工确认:李娜 2024年7月10日")
    doc.add_paragraph("面谈人签字:陈静 2024年7月10日")
    doc.add_paragraph("记录日期:2024年7月10日")
    doc.save(path)


# ---------------------------------------------------------------- 3. nested plan table, label over two rows
def nested_docx(path: Path) -> None:
    doc = new_doc("生产部员工绩效面谈表")
    t = doc.add_table(rows=0, cols=2)
    t.style = "Table Grid"
    for label, value in [
        ("被考核人", "王强"),
        ("所属部门", "生产一车间"),
        ("职位", "装配班组长"),
        ("上级主管", "赵敏"),
        ("面谈日期", "2024/7/9 下午3点-4点"),
        ("地点", "车间会议室"),
    ]:
        cells = t.add_row().cells
        put(cells[0], label, bold=True)
        put(cells[1], value)
    # a label merged over two rows: each row holds one more line of the value
    first, second = t.add_row().cells, t.add_row().cells
    label = first[0].merge(second[0])
    put(label, "综合评价", bold=True)
    put(first[1], "工作踏实肯干,服从安排。")
    put(second[1], "班组管理能力有待提高。")
    cells = t.add_row().cells
    put(cells[0], "下季度改进的行动计划", bold=True)
    inner = cells[1].add_table(rows=1, cols=3)
    inner.style = "Table Grid"
    for i, head in enumerate(["序号", "改进项", "完成时间"]):
        put(inner.rows[0].cells[i], head, bold=True)
    for row in [
        ("1", "组织班组完成安全操作规程培训并全员考试合格", "7月底前"),
        ("2", "加强现场管理", "持续"),
        ("3", "返工率降低到1.5%以下", "Q3末前"),
    ]:
        cells_in = inner.add_row().cells
        for i, text in enumerate(row):
            put(cells_in[i], text)
    for label, value in [
        ("希望从公司得到怎样的帮助", "设备部每月对关键设备做1次预防性维护。"),
        ("双方达成的共识", "双方同意下季度以质量提升为工作重点。"),
        ("意见分歧", "员工认为本季度产量目标偏高,上级同意下季度参考历史数据制定。"),
        ("被考核人签字", ""),
        ("填表日期", "2024/7/12"),
    ]:
        cells = t.add_row().cells
        put(cells[0], label, bold=True)
        put(cells[1], value)
    doc.save(path)


# ---------------------------------------------------------------- 4. checkbox, label:value in one cell, content control, tracked change
def checkbox_docx(path: Path) -> None:
    doc = new_doc("客服中心绩效面谈表")
    t = doc.add_table(rows=0, cols=3)
    t.style = "Table Grid"
    for row in [
        ("员工姓名:周婷", "部门:客服中心", "岗位:客服专员"),
        ("面谈人:孙丽", "面谈时间:2024年7月12日 10:00", "面谈地点:客服中心小会议室"),
    ]:
        cells = t.add_row().cells
        for cell_, text in zip(cells, row, strict=True):
            put(cell_, text)
    cells = t.add_row().cells
    put(cells[0], "面谈类型", bold=True)
    put(cells[1].merge(cells[2]), "☑季度面谈 □年度面谈 □晋升面谈")
    rows = [
        ("绩效总结", ["Q2人均日接待量65单,高于中心平均的52单;客户满意度4.8分。", "服务态度好,耐心细致。"]),
        ("改进计划", ["(1)8月底前首次解决率提升至88%", "(2)加强业务知识学习"]),
        ("资源支持", ["中心每周安排1次业务答疑会。"]),
        ("共识", ["双方确认本期评价结果,并同意按上述改进计划执行。"]),
        ("分歧", ["——"]),
        ("员工签字", [""]),
        ("记录日期", ["2024年7月12日"]),
    ]
    for label, value in rows:
        cells = t.add_row().cells
        put(cells[0], label, bold=True)
        put(cells[1].merge(cells[2]), value)
    _tracked_change(t.rows[4].cells[1].paragraphs[1], keep="(2)加强业务知识学习", deleted="(已删除)")
    _content_control(t.rows[5].cells[1].paragraphs[0])
    doc.save(path)


def _tracked_change(paragraph, keep: str, deleted: str) -> None:
    """Turn the paragraph into: insertion(keep) + deletion(deleted) — a reviewer's tracked edit."""
    for run in list(paragraph.runs):
        run._r.getparent().remove(run._r)
    ins = OxmlElement("w:ins")
    ins.set(qn("w:id"), "1")
    ins.set(qn("w:author"), "孙丽")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = keep
    run.append(text)
    ins.append(run)
    paragraph._p.append(ins)
    dele = OxmlElement("w:del")
    dele.set(qn("w:id"), "2")
    dele.set(qn("w:author"), "孙丽")
    drun = OxmlElement("w:r")
    dtext = OxmlElement("w:delText")
    dtext.text = deleted
    drun.append(dtext)
    dele.append(drun)
    paragraph._p.append(dele)


def _content_control(paragraph) -> None:
    """Wrap the paragraph's runs in a plain-text content control, as form templates do."""
    sdt = OxmlElement("w:sdt")
    pr = OxmlElement("w:sdtPr")
    alias = OxmlElement("w:alias")
    alias.set(qn("w:val"), "资源支持")
    pr.append(alias)
    sdt.append(pr)
    content = OxmlElement("w:sdtContent")
    for run in list(paragraph.runs):
        content.append(copy.deepcopy(run._r))
        run._r.getparent().remove(run._r)
    sdt.append(content)
    paragraph._p.append(sdt)


# ---------------------------------------------------------------- xlsx helpers
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def cell(ws, row, col, value, bold=False):
    c = ws.cell(row=row, column=col, value=value)
    c.border = BOX
    c.alignment = Alignment(wrap_text=True, vertical="center")
    if bold:
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="EDEDED")
    if isinstance(value, dt.datetime):
        c.number_format = "yyyy-mm-dd hh:mm" if (value.hour or value.minute) else "yyyy-mm-dd"
    return c


# ---------------------------------------------------------------- 5. xlsx form
def form_xlsx(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "面谈记录"
    ws.merge_cells("A1:D1")
    ws["A1"] = "财务部员工绩效面谈记录表"
    ws["A1"].font = Font(bold=True, size=14)
    for col, width in zip("ABCD", (16, 30, 16, 30), strict=True):
        ws.column_dimensions[col].width = width
    pairs = [
        ("员工姓名", "陈晨", "工号", "F3310"),
        ("部门", "财务部", "岗位", "总账会计"),
        ("直属上级", "黄海燕", "考核周期", "2024年第二季度"),
        ("面谈时间", dt.datetime(2024, 7, 5, 16, 0), "面谈地点", "财务部会议室"),
        ("绩效等级", "B", "面谈时长", "45分钟"),
    ]
    row = 2
    for label1, value1, label2, value2 in pairs:
        cell(ws, row, 1, label1, True)
        cell(ws, row, 2, value1)
        cell(ws, row, 3, label2, True)
        cell(ws, row, 4, value2)
        row += 1
    long_rows = [
        ("绩效评价", "按期完成4、5、6月月结,均在每月第3个工作日前出具报表。\n业务能力较强,工作认真细致。"),
        ("改进措施", "1. 9月30日前独立完成季度经营分析报告\n2. 每月参加1次数据分析培训\n3. 提升数据分析能力"),
        ("所需支持", "无"),
        ("达成共识", "双方确认本期评价结果。"),
        ("意见分歧", "员工希望月结期间增加临时人手,上级同意向部门申请。"),
    ]
    for label, value in long_rows:
        cell(ws, row, 1, label, True)
        cell(ws, row, 2, value)
        for c in (3, 4):
            ws.cell(row=row, column=c).border = BOX
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=4)
        ws.row_dimensions[row].height = 48
        row += 1
    cell(ws, row, 1, "员工签字", True)
    cell(ws, row, 2, "陈晨")
    cell(ws, row, 3, "记录日期", True)
    cell(ws, row, 4, dt.datetime(2024, 7, 9))
    wb.save(path)


# ---------------------------------------------------------------- 6. xlsx batch
def batch_xlsx(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Q2面谈记录"
    headers = [
        "序号",
        "被面谈人",
        "所属部门",
        "岗位序列",
        "绩效等级",
        "直接上级",
        "面谈日期",
        "地点",
        "工作表现",
        "改进措施",
        "所需支持",
        "达成共识",
        "意见分歧",
        "员工签字",
        "填表日期",
    ]
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    ws["A1"] = "2024年第二季度绩效面谈记录汇总(销售部)"
    ws["A1"].font = Font(bold=True, size=14)
    for j, head in enumerate(headers, 1):
        cell(ws, 2, j, head, True)
    rows = [
        [
            "吴昊",
            "华东销售部",
            "销售序列",
            "A",
            "林峰",
            dt.datetime(2024, 7, 8, 9, 0),
            "销售部会议室",
            "Q2完成销售额186万元,目标完成率103%,部门排名第2。",
            "1. 9月30日前新开发客户5家\n2. 第三季度回款率不低于95%",
            "市场部每月提供1次竞品分析资料。",
            "双方对考核结果和改进计划均无异议。",
            "无",
            "吴昊",
            dt.datetime(2024, 7, 8),
        ],
        [
            "郑爽",
            "华东销售部",
            "销售序列",
            "B",
            "林峰",
            dt.datetime(2024, 7, 8, 14, 0),
            "2楼洽谈室",
            "客户沟通能力较强,但市场敏感度一般。",
            "1. 加强客户关系维护\n2. 每周复盘一次销售漏斗",
            "开通CRM系统高级报表权限。",
            "双方确认本期评价结果。",
            "员工认为Q2目标偏高,上级同意下期参考区域容量。",
            "",
            dt.datetime(2024, 7, 11),
        ],
        [
            "冯磊",
            "渠道部",
            "营销序列",
            "C",
            "林峰",
            dt.datetime(2024, 7, 9, 10, 30),
            "/",
            "新客户月均拜访12家,低于部门要求的20家。",
            "1. 下次面谈前完成《大客户销售》线上课程并通过考核",
            "待填",
            "双方同意下季度以新客户开发为重点。",
            "员工对等级有不同意见,保留意见。",
            "冯磊",
            dt.datetime(2024, 7, 9),
        ],
        [
            "何静",
            "渠道部",
            "营销序列",
            "A",
            "林峰",
            dt.datetime(2024, 7, 10, 15, 0),
            "销售部会议室",
            "4月签约华东地区两家连锁药店客户,合同金额合计58万元,客户开拓能力强。",
            "1. 8月31日前完成3家重点客户的年度框架协议续签",
            "申请增配1名售前支持,由销售总监8月前协调到位。",
            "双方对考核结果无异议。",
            "无",
            "何静 2024-07-10",
            dt.datetime(2024, 7, 10),
        ],
    ]
    for i, values in enumerate(rows, 1):
        cell(ws, 2 + i, 1, i)
        for j, value in enumerate(values, 2):
            cell(ws, 2 + i, j, value)
    ws.cell(row=3 + len(rows) + 1, column=1, value="备注:本表由各主管于面谈后24小时内填写。")
    wb.save(path)


# ---------------------------------------------------------------- 7. jsonl
def upload_jsonl(path: Path) -> None:
    records = [
        {
            "员工姓名": "杨帆",
            "面谈人": "马超",
            "部门": "护理部",
            "岗位": "护士",
            "面谈时间": "2024年6月3日 15:00",
            "面谈地点": "护士站会议室",
            "绩效总结": "护理操作规范,责任心强。",
            "改进计划": "1、每月参加1次院内护理技能培训\n2、尽快熟悉新的护理信息系统",
            "资源支持": "科室安排带教老师每周指导1次。",
            "共识": "双方对考核结果无异议。",
            "分歧": "无",
            "员工确认": "杨帆 2024-06-04",
            "记录日期": "2024年6月4日 10:00",
        },
        {
            "被面谈人": "许诺",
            "直接上级": "秦岚",
            "部门": "初中部",
            "岗位序列": "教学序列",
            "面谈日期": "2024年6月20日",
            "地点": "教研室",
            "工作表现": "5月公开课获校级一等奖,所带班级期中数学平均分较上学期提高6分。",
            "改进措施": "期末考试前完成2次听课评课",
            "所需支持": "教研组安排1名资深教师听课指导。",
            "达成共识": "双方无分歧。",
            "意见分歧": "无",
            "被面谈人签字": "",
            "填表日期": "2024年6月24日",
        },
        {
            "employee_name": "高远",
            "manager_name": "钱明",
            "interview_time": "2024-06-12 09:00-09:40",
            "location": "线上(腾讯会议)",
            "performance_summary": "本季度整体表现良好。",
            "improvement_plan": "提升数据分析能力",
            "resource_support": "",
            "consensus": "双方确认评价结果。",
            "disagreements": "员工希望调整考核权重。",
            "employee_confirmation": "☑已确认",
            "record_date": "2024-06-12",
        },
    ]
    with open(path, "w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


BUILDERS = {
    "张伟_研发中心_网格表.docx": grid_docx,
    "李娜_门店_标题段落.docx": headings_docx,
    "王强_生产_嵌套计划表.docx": nested_docx,
    "周婷_客服_勾选与同格.docx": checkbox_docx,
    "陈晨_财务_表单.xlsx": form_xlsx,
    "销售部_2024Q2_汇总.xlsx": batch_xlsx,
    "上传记录.jsonl": upload_jsonl,
}


def main() -> None:
    for name, build in BUILDERS.items():
        build(HERE / name)
        print(f"wrote samples/{name}")


if __name__ == "__main__":
    main()
