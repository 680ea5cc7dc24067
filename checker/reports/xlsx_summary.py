"""The HR summary workbook: overview, one row per record, one row per finding, trends by
department, manager, job family and grade, unreadable files. Every table has a frozen header, an autofilter and set widths.

Everything HR reads is Chinese: rule columns are headed by the rules' titles from the pack (the rule
id is in the header cell's comment, and in the 规则 id column of 问题明细 and 概览, for filters and
scripts); 来源文件 is relative to the audited folder, which the overview names once.

Written in openpyxl's write-only mode by `SummaryBook`, one record at a time: the rows of 记录明细
and 问题明细 go to disk as records arrive (openpyxl keeps a temporary file per write-only sheet);
the overview and the trend sheets need only running totals and are written at the end. Memory
stays flat however many records pass. `render(report, ctx)` feeds a report held in memory to it.
"""

from __future__ import annotations

import io
import math

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from checker.model import PASS, VERDICTS, Report

from .common import UNKNOWN, Context, ordered_findings, record_title, rule_ids, rule_title
from .common import severity_name as sev_name

HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
VERDICT_FILLS = {
    v: PatternFill("solid", fgColor=c) for v, c in zip(VERDICTS, ("C6EFCE", "FFEB9C", "FFC7CE"), strict=True)
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
    "考核周期",
    "面谈时间",
    "得分",
    "结论",
    "问题数",
]
FINDING_HEADERS = ["来源文件", "记录", "员工", "栏目", "位置", "规则", "严重程度", "问题文字", "说明", "建议",
                   "字段 id", "规则 id"]  # fmt: skip
GROUP_HEADERS = ["记录数", "合格数", "合格率", "平均分", "问题数"]
# Streamed sheets get their widths before the first row (write-only mode writes them first).
RECORD_WIDTHS = {1: 30, 2: 18, 3: 10, 4: 10, 5: 14, 6: 12, 7: 10, 8: 16, 9: 22, 10: 8, 11: 8, 12: 8}
FINDING_WIDTHS = {1: 30, 2: 36, 3: 10, 4: 14, 5: 26, 6: 18, 7: 10, 8: 30, 9: 50, 10: 50, 11: 18, 12: 18}
_WRAP = Alignment(wrap_text=True, vertical="top")


def render(report: Report, ctx: Context) -> bytes:
    """The whole workbook for a report held in memory."""
    book = SummaryBook(ctx, rule_ids(report, ctx))
    for rec in report.records:
        book.add(rec)
    for err in report.errors:
        book.add_error(err)
    buffer = io.BytesIO()
    book.save(buffer, report.summary, report.rule_pack)
    return buffer.getvalue()


class _Totals:
    __slots__ = ("records", "passed", "score", "findings", "by_rule")

    def __init__(self) -> None:
        self.records = self.passed = self.score = self.findings = 0
        self.by_rule: dict[str, int] = {}

    @property
    def pass_rate(self) -> float:
        return round(self.passed / self.records, 3) if self.records else 0.0

    @property
    def mean_score(self) -> float:
        return round(self.score / self.records, 1) if self.records else 0.0


class SummaryBook:
    """The HR workbook, fed one record at a time; `save` writes it."""

    def __init__(self, ctx: Context, rules: list[str] | None = None):
        self.ctx = ctx
        # the per-rule columns of 记录明细 are fixed before its first row: the pack's rules
        self.rules = list(rules if rules is not None else ctx.rules)
        self.wb = Workbook(write_only=True)
        self.sheets = {name: self.wb.create_sheet(name) for name in SHEETS}
        for ws in self.sheets.values():
            _printable(ws)
        self.groups: dict[str, dict[str, _Totals]] = {key: {} for _, _, key in GROUP_SHEETS}
        self.errors: list[list[str]] = []
        self.rows = {"记录明细": 1, "问题明细": 1}  # rows written so far, header included
        rule_heads = {i: f"规则 id:{rid}" for i, rid in enumerate(self.rules, len(RECORD_HEADERS) + 1)}
        titles = [column_title(rule_title(ctx, rid)) for rid in self.rules]
        widths = {**RECORD_WIDTHS, **{i: _rule_width(t) for i, t in zip(rule_heads, titles, strict=True)}}
        self._start(self.sheets["记录明细"], RECORD_HEADERS + titles, widths, rule_heads)
        self._start(self.sheets["问题明细"], FINDING_HEADERS, FINDING_WIDTHS)

    @staticmethod
    def _normalised(rec) -> tuple[str, str]:
        """Job family and grade as rules/normalise.yaml names them (the raw text when it knows neither)."""
        family, grade = rec.fields.get("job_family", ""), rec.fields.get("grade", "")
        try:
            from checker.normalise import normalise_grade, normalise_job_family

            # an empty cell stays empty (the normaliser's 未填写 is for grouping, not for the row)
            return tuple(
                (norm(raw) or raw) if raw.strip() else ""
                for norm, raw in ((normalise_job_family, family), (normalise_grade, grade))
            )
        except Exception:  # a broken company table: group on the text as written
            return family, grade

    @staticmethod
    def _start(
        ws: Worksheet, headers: list[str], widths: dict[int, int], notes: dict[int, str] | None = None
    ) -> None:
        """Header row with widths set first (write-only sheets); `notes`: column -> header comment."""
        for i, header in enumerate(headers, 1):
            width = widths.get(i, min(max(_width(header) + 2, 8), 60))
            ws.column_dimensions[get_column_letter(i)].width = width
        ws.freeze_panes = "A2"
        _header_height(ws, headers)
        ws.append([_head_cell(ws, h, (notes or {}).get(i)) for i, h in enumerate(headers, 1)])

    def add(self, rec) -> None:
        f = rec.fields
        counts: dict[str, int] = {}
        for x in rec.findings:
            counts[x.rule] = counts.get(x.rule, 0) + 1
        ws = self.sheets["记录明细"]
        verdict = WriteOnlyCell(ws, rec.verdict)
        verdict.fill = VERDICT_FILLS.get(rec.verdict, PatternFill())
        family, grade = self._normalised(rec)
        ws.append(
            [
                self.ctx.source(rec.source),
                rec.sheet,
                f.get("employee_name", ""),
                f.get("manager_name", ""),
                f.get("department", ""),
                family,
                grade,
                f.get("period", ""),
                f.get("interview_time", ""),
                rec.score,
                verdict,
                len(rec.findings),
                *(counts.get(rid, 0) for rid in self.rules),
            ]  # fmt: skip
        )
        self.rows["记录明细"] += 1
        ws = self.sheets["问题明细"]
        for x in ordered_findings(rec):
            where = rec.locations.get(x.field)
            ws.append(
                [
                    self.ctx.source(rec.source),
                    record_title(rec),
                    f.get("employee_name", ""),
                    self.ctx.field_name(x.field),
                    where.describe() if where else "",
                    rule_title(self.ctx, x.rule),
                    sev_name(x),
                    _wrap(ws, x.text),
                    _wrap(ws, x.message),
                    _wrap(ws, x.suggestion),
                    x.field,
                    x.rule,
                ]  # fmt: skip
            )
            self.rows["问题明细"] += 1
        named = {"job_family": family, "grade": grade}  # T序列 / 技术序列 → 技术; A / 优秀 → A
        for _, _, key in GROUP_SHEETS:
            name = (named[key] if key in named else f.get(key, "")).strip() or UNKNOWN
            totals = self.groups[key].get(name)
            if totals is None:
                totals = self.groups[key][name] = _Totals()
            totals.records += 1
            totals.passed += rec.verdict == PASS
            totals.score += rec.score
            totals.findings += len(rec.findings)
            for rid, n in counts.items():
                totals.by_rule[rid] = totals.by_rule.get(rid, 0) + n

    def add_error(self, err) -> None:
        self.errors.append([self.ctx.source(err.source), err.code, err.message])

    def save(self, target, summary: dict, rule_pack: str) -> None:
        """Write the overview, trend and error sheets, finish the streamed ones; save to a path or file."""
        by_rule = summary.get("by_rule", {})
        rules = [*by_rule, *(r for r in self.ctx.rules if r not in by_rule)]  # most frequent first
        _overview(self.sheets["概览"], summary, len(self.errors), rule_pack, self.ctx, rules)
        for sheet, label, key in GROUP_SHEETS:
            # weakest first: lowest pass rate, then lowest mean score; (未填写) last
            groups = sorted(
                self.groups[key].items(),
                key=lambda kv: (kv[0] == UNKNOWN, kv[1].pass_rate, kv[1].mean_score, kv[0]),
            )
            titles = [column_title(rule_title(self.ctx, rid)) for rid in rules]
            _groups(self.sheets[sheet], label, groups, rules, titles, fired=len(by_rule))
        _table(self.sheets["无法读取"], ["文件", "错误代码", "原因"], self.errors, {3: 60})
        widths = {"记录明细": len(RECORD_HEADERS) + len(self.rules), "问题明细": len(FINDING_HEADERS)}
        for name, width in widths.items():
            self.sheets[name].auto_filter.ref = f"A1:{get_column_letter(width)}{self.rows[name]}"
        from .own import mark_properties

        self.wb.properties.creator = "面谈记录质检"
        mark_properties(self.wb.properties)  # a later run over this folder skips the workbook
        self.wb.save(target)


def _printable(ws: Worksheet) -> None:
    """HR prints the workbook: landscape, as wide as the page (rows run on to further pages), the
    header row repeated, the sheet's name at the top and page numbers at the bottom."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    ws.oddHeader.center.text = "&A"
    ws.oddFooter.center.text = "第 &P 页,共 &N 页"


def _header_height(ws: Worksheet, headers: list[str]) -> None:
    """Room for headers that wrap in their column (a title over a narrow count column): viewers do
    not grow a row for wrapped text themselves."""
    lines = 1
    for i, header in enumerate(headers, 1):
        width = ws.column_dimensions[get_column_letter(i)].width or 8
        wrapped = sum(math.ceil((_width(line) + 1) / max(width - 1, 1)) for line in str(header).split("\n"))
        lines = max(lines, wrapped)
    if lines > 1:
        ws.row_dimensions[1].height = 15 * min(lines, 3) + 2


def _head_cell(ws: Worksheet, value, note: str | None = None) -> Cell:
    cell = WriteOnlyCell(ws, value)
    if note:
        cell.comment = Comment(note, "面谈记录质检", width=200, height=40)
    cell.font = Font(bold=True)
    cell.fill = HEADER_FILL
    cell.alignment = Alignment(vertical="center", wrap_text=True)
    return cell


def _wrap(ws: Worksheet, value) -> Cell:
    cell = WriteOnlyCell(ws, value)
    cell.alignment = _WRAP
    return cell


def _formatted(ws: Worksheet, value, number_format: str) -> Cell:
    cell = WriteOnlyCell(ws, value)
    cell.number_format = number_format
    return cell


def _table(ws: Worksheet, headers: list[str], rows: list[list], widths: dict[int, int] | None = None) -> None:
    """A whole table on a write-only sheet: header row 1, frozen, autofilter, column widths from content."""
    _widths(ws, headers, rows, widths or {})
    ws.freeze_panes = "A2"
    _header_height(ws, headers)
    ws.append([_head_cell(ws, h) for h in headers])
    for row in rows:
        ws.append(row)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(1, len(rows) + 1)}"


def _widths(ws: Worksheet, headers: list[str], rows: list[list], fixed: dict[int, int]) -> None:
    for i, header in enumerate(headers, 1):
        longest = max([_width(header)] + [_width(_value(r[i - 1])) for r in rows if i - 1 < len(r)])
        ws.column_dimensions[get_column_letter(i)].width = fixed.get(i, min(max(longest + 2, 8), 60))


def _value(item):
    return item.value if isinstance(item, Cell) else item


def _width(value) -> int:
    text = str(value if value is not None else "").split("\n")[0]
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _overview(ws: Worksheet, s: dict, errors: int, rule_pack: str, ctx: Context, rules: list[str]) -> None:
    verdicts = s.get("verdicts", {})
    rows = [
        ["记录数", s.get("records", 0)],
        *([v, verdicts.get(v, 0)] for v in VERDICTS),
        ["合格率", _formatted(ws, s.get("pass_rate", 0.0), PERCENT)],
        ["问题总数", s.get("findings", 0)],
        ["无法读取的文件", errors],
        ["规则包", rule_pack],
        ["来源文件所在目录", str(ctx.root) if ctx.root else "(当前目录)"],
    ]
    by_rule = s.get("by_rule", {})
    # the title first: it is also the chart's category axis
    rule_rows = [[rule_title(ctx, rid), by_rule.get(rid, 0), rid] for rid in rules]
    _widths(ws, ["指标", "数值"], [*rows, *rule_rows], {})
    ws.column_dimensions["A"].width = max(ws.column_dimensions["A"].width or 0, 20)
    ws.column_dimensions["C"].width = 24
    ws.freeze_panes = "A2"
    ws.append([_head_cell(ws, "指标"), _head_cell(ws, "数值")])
    for row in rows:
        ws.append(row)
    ws.auto_filter.ref = f"A1:B{len(rows) + 1}"
    start = len(rows) + 3
    ws.append([])
    bold = Font(bold=True)
    ws.append([_styled(ws, "规则", bold), _styled(ws, "问题数", bold), _styled(ws, "规则 id", bold)])
    for title, count, rid in rule_rows:
        ident = WriteOnlyCell(ws, rid)
        ident.alignment = Alignment(indent=1)  # apart from the count beside it
        ws.append([title, count, ident])
    if rules:
        _bar_chart(ws, "各规则问题数", (2, start, start + len(rules)), (1, start + 1), "E2")


def _styled(ws: Worksheet, value, font: Font) -> Cell:
    cell = WriteOnlyCell(ws, value)
    cell.font = font
    return cell


def _bar_chart(ws: Worksheet, title: str, data: tuple[int, int, int], cats: tuple[int, int], anchor: str,
               percent: bool = False) -> None:  # fmt: skip
    """data = (column, header row, last row); cats = (column, first row)."""
    col, head, last = data
    chart = BarChart()
    chart.type = "bar"
    chart.title = title
    chart.legend = None
    chart.height = _bar_height(last - head)
    chart.width = 16
    chart.add_data(Reference(ws, min_col=col, min_row=head, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=cats[0], min_row=cats[1], max_row=last))
    chart.y_axis.numFmt = "0%" if percent else "0"
    if percent:
        chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, 1  # a rate ends at 100%
    _top_down(chart)
    ws.add_chart(chart, anchor)


def _bar_height(bars: int) -> float:
    return max(6.0, 0.9 * bars + 3)  # cm


def _top_down(chart: BarChart) -> None:
    """Bars in the table's order, first at the top (a bar chart draws its first category at the
    bottom), with the value axis kept below; both axes shown."""
    chart.x_axis.scaling.orientation = "maxMin"
    chart.y_axis.crosses = "max"
    chart.x_axis.delete = False
    chart.y_axis.delete = False


def _groups(ws: Worksheet, label: str, groups: list[tuple[str, _Totals]], rules: list[str],
            titles: list[str] | None = None, fired: int | None = None) -> None:  # fmt: skip
    """One row per group (weakest first); rule columns headed by the rules' Chinese titles, which are
    also the chart legend. The charts sit under the table, one below the other, never on each other,
    so the printed page stays as wide as the table. `fired`: how many of `rules` (the first ones)
    have findings: only those go into the stacked chart."""
    rows = [
        [
            name,
            g.records,
            g.passed,
            _formatted(ws, g.pass_rate, PERCENT),
            g.mean_score,
            g.findings,
            *(g.by_rule.get(rid, 0) for rid in rules),
        ]  # fmt: skip
        for name, g in groups
    ]
    first_rule = len(GROUP_HEADERS) + 2
    titles = titles or rules
    narrow = {first_rule + i: _rule_width(title) for i, title in enumerate(titles)}
    _table(ws, [label, *GROUP_HEADERS, *titles], rows, narrow)
    if rows:
        top = len(rows) + 3
        _bar_chart(ws, f"按{label}的合格率", (4, 1, len(rows) + 1), (1, 2), f"A{top}", percent=True)
        below = top + math.ceil(_bar_height(len(rows)) / ROW_CM) + 2
        shown = rules[: fired if fired is not None else len(rules)]
        _stacked_rules_chart(ws, label, shown, len(rows), f"A{below}")


ROW_CM = 0.5  # a default row (15 pt = 0.53 cm), rounded down so the gap errs on the large side
SHORT_TITLE = 5  # characters: a rule title up to this long stays on one line over its column


def column_title(title: str) -> str:
    """A rule's title as the header of its count column: a long one on two even lines, so the
    column can be narrow and no line holds a lone character in Excel or LibreOffice."""
    if len(title) <= SHORT_TITLE or "\n" in title:
        return title
    half = math.ceil(len(title) / 2)
    return f"{title[:half]}\n{title[half:]}"


def _rule_width(header: str) -> int:
    return max(8, max(_width(line) for line in header.split("\n")) + 3)


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
    _top_down(chart)
    ws.add_chart(chart, anchor)
