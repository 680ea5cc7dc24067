"""The HR summary workbook: overview, one row per record, one row per finding, trends by
department, manager, job family and grade, unreadable files. Every table has a frozen header, an autofilter and set widths."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from checker.model import Report

from .common import Context, Group, field_name, group_by, ordered_findings, record_title, rule_ids, rule_title
from .common import severity_name as sev_name

HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
VERDICT_FILLS = {
    "合格": PatternFill("solid", fgColor="C6EFCE"),
    "需修改": PatternFill("solid", fgColor="FFEB9C"),
    "不合格": PatternFill("solid", fgColor="FFC7CE"),
}
PERCENT = "0.0%"

SHEETS = ("概览", "记录明细", "问题明细", "按部门", "按主管", "按岗位序列", "按绩效等级", "无法读取")
# trend sheets: sheet name, column title, the record field grouped on
GROUP_SHEETS = (
    ("按部门", "部门", "department"),
    ("按主管", "面谈人", "manager_name"),
    ("按岗位序列", "岗位序列", "job_family"),
    ("按绩效等级", "绩效等级", "grade"),
)
RECORD_HEADERS = [
    "来源文件",
    "工作表/行",
    "员工",
    "面谈人",
    "部门",
    "岗位序列",
    "绩效等级",
    "得分",
    "结论",
    "问题数",
]
FINDING_HEADERS = ["来源文件", "记录", "员工", "字段", "字段名", "位置", "规则", "规则说明", "严重程度",
                   "问题文字", "说明", "建议"]  # fmt: skip
GROUP_HEADERS = ["记录数", "合格数", "合格率", "平均分", "问题数"]


def render(report: Report, ctx: Context) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    rules = rule_ids(report, ctx)
    _overview(wb.create_sheet(SHEETS[0]), report, ctx, rules)
    _records(wb.create_sheet(SHEETS[1]), report, rules)
    _findings(wb.create_sheet(SHEETS[2]), report, ctx)
    for sheet, label, key in GROUP_SHEETS:
        _groups(wb.create_sheet(sheet), label, group_by(report, key), rules)
    _errors(wb.create_sheet(SHEETS[-1]), report)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _table(ws: Worksheet, headers: list[str], rows: list[list], widths: dict[int, int] | None = None) -> None:
    """Header row 1, data below, frozen header, autofilter, column widths from content."""
    ws.append(headers)
    for row in rows:
        ws.append(row)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(1, len(rows) + 1)}"
    _widths(ws, headers, rows, widths or {})


def _widths(ws: Worksheet, headers: list[str], rows: list[list], fixed: dict[int, int]) -> None:
    for i, header in enumerate(headers, 1):
        longest = max([_width(header)] + [_width(r[i - 1]) for r in rows if i - 1 < len(r)])
        ws.column_dimensions[get_column_letter(i)].width = fixed.get(i, min(max(longest + 2, 8), 60))


def _width(value) -> int:
    text = str(value if value is not None else "").split("\n")[0]
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _overview(ws: Worksheet, report: Report, ctx: Context, rules: list[str]) -> None:
    s = report.summary
    verdicts = s.get("verdicts", {})
    rows = [
        ["记录数", s.get("records", 0)],
        ["合格", verdicts.get("合格", 0)],
        ["需修改", verdicts.get("需修改", 0)],
        ["不合格", verdicts.get("不合格", 0)],
        ["合格率", s.get("pass_rate", 0.0)],
        ["问题总数", s.get("findings", 0)],
        ["无法读取的文件", len(report.errors)],
        ["规则包", report.rule_pack],
    ]
    _table(ws, ["指标", "数值"], rows)
    ws["B6"].number_format = PERCENT
    start = len(rows) + 3
    by_rule = s.get("by_rule", {})
    ws.cell(start, 1, "规则").font = Font(bold=True)
    ws.cell(start, 2, "问题数").font = Font(bold=True)
    ws.cell(start, 3, "说明").font = Font(bold=True)
    for i, rid in enumerate(rules, start + 1):
        ws.cell(i, 1, rid)
        ws.cell(i, 2, by_rule.get(rid, 0))
        ws.cell(i, 3, rule_title(ctx, rid))
    ws.column_dimensions["A"].width = max(ws.column_dimensions["A"].width, 20)
    ws.column_dimensions["C"].width = 24
    if rules:
        _bar_chart(ws, "各规则问题数", (2, start, start + len(rules)), (1, start + 1), "E2")


def _bar_chart(ws: Worksheet, title: str, data: tuple[int, int, int], cats: tuple[int, int], anchor: str,
               percent: bool = False) -> None:  # fmt: skip
    """data = (column, header row, last row); cats = (column, first row)."""
    col, head, last = data
    chart = BarChart()
    chart.type = "bar"
    chart.title = title
    chart.legend = None
    chart.height = max(6.0, 0.9 * (last - head) + 3)
    chart.width = 16
    chart.add_data(Reference(ws, min_col=col, min_row=head, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=cats[0], min_row=cats[1], max_row=last))
    chart.y_axis.numFmt = "0%" if percent else "0"
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    ws.add_chart(chart, anchor)


def _records(ws: Worksheet, report: Report, rules: list[str]) -> None:
    rows = []
    for rec in report.records:
        f = rec.fields
        counts = [sum(1 for x in rec.findings if x.rule == rid) for rid in rules]
        rows.append(
            [
                rec.source,
                rec.sheet,
                f.get("employee_name", ""),
                f.get("manager_name", ""),
                f.get("department", ""),
                f.get("job_family", ""),
                f.get("grade", ""),
                rec.score,
                rec.verdict,
                len(rec.findings),
                *counts,
            ]  # fmt: skip
        )
    _table(ws, RECORD_HEADERS + rules, rows)
    verdict_col = RECORD_HEADERS.index("结论") + 1
    for r in range(2, len(rows) + 2):
        cell = ws.cell(r, verdict_col)
        cell.fill = VERDICT_FILLS.get(cell.value, PatternFill())


def _findings(ws: Worksheet, report: Report, ctx: Context) -> None:
    rows = []
    for rec in report.records:
        for f in ordered_findings(rec):
            where = rec.locations.get(f.field)
            rows.append(
                [
                    rec.source,
                    record_title(rec),
                    rec.fields.get("employee_name", ""),
                    f.field,
                    field_name(f.field),
                    where.describe() if where else "",
                    f.rule,
                    rule_title(ctx, f.rule),
                    sev_name(f),
                    f.text,
                    f.message,
                    f.suggestion,
                ]  # fmt: skip
            )
    _table(ws, FINDING_HEADERS, rows, {10: 30, 11: 50, 12: 50})
    for row in ws.iter_rows(min_row=2):
        for cell in row[9:]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def _groups(ws: Worksheet, label: str, groups: list[Group], rules: list[str]) -> None:
    rows = [
        [
            g.name,
            len(g.records),
            g.passed,
            g.pass_rate,
            g.mean_score,
            sum(len(r.findings) for r in g.records),
            *(g.rule_count(rid) for rid in rules),
        ]  # fmt: skip
        for g in groups
    ]
    _table(ws, [label, *GROUP_HEADERS, *rules], rows)
    for r in range(2, len(rows) + 2):
        ws.cell(r, 4).number_format = PERCENT
    if rows:
        anchor = f"{get_column_letter(len(GROUP_HEADERS) + len(rules) + 3)}2"
        _bar_chart(ws, f"按{label}的合格率", (4, 1, len(rows) + 1), (1, 2), anchor, percent=True)
        second = f"{get_column_letter(len(GROUP_HEADERS) + len(rules) + 3)}{max(18, len(rows) + 8)}"
        _stacked_rules_chart(ws, label, rules, len(rows), second)


def _stacked_rules_chart(ws: Worksheet, label: str, rules: list[str], count: int, anchor: str) -> None:
    if not rules:
        return
    first = len(GROUP_HEADERS) + 2
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = f"按{label}的各规则问题数"
    chart.height = max(7.0, 0.9 * count + 4)
    chart.width = 18
    data = Reference(ws, min_col=first, max_col=first + len(rules) - 1, min_row=1, max_row=count + 1)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=count + 1))
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    ws.add_chart(chart, anchor)


def _errors(ws: Worksheet, report: Report) -> None:
    rows = [[e.source, e.code, e.message] for e in report.errors]
    _table(ws, ["文件", "错误代码", "原因"], rows, {3: 60})
