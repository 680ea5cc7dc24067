"""The trends document (trends.build_trends) in four formats: text (terminal), json, xlsx (openpyxl
charts), html (one self-contained page, inline SVG charts). Each has the topics section."""

from __future__ import annotations

import html
import json
import unicodedata
from pathlib import Path

from checker.reports.common import pack_titles

FORMATS = ("text", "json", "xlsx", "html")
PALETTE = ["#2f6fb0", "#d9534f", "#5cb85c", "#f0ad4e", "#8e6bbf", "#17a2b8", "#795548", "#e83e8c", "#6c757d",
           "#20c997"]  # fmt: skip


def rule_name(doc: dict, rule: str) -> str:
    named = doc.get("rule_names", {}).get(rule)
    return named if named and named != rule else pack_titles().get(rule, rule)


def pct(value) -> str:
    return "—" if value is None else f"{value:.0%}" if value in (0, 1) else f"{value:.1%}"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in str(text))


def _pad(text, width: int, right: bool = False) -> str:
    text = str(text)
    space = " " * max(0, width - _width(text))
    return space + text if right else text + space


def _table(headers: list[str], rows: list[list]) -> list[str]:
    widths = [max(_width(h), *(_width(r[i]) for r in rows)) if rows else _width(h) for i, h in enumerate(headers)]
    lines = ["  ".join(_pad(h, widths[i], i > 0) for i, h in enumerate(headers))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(_pad(c, widths[i], i > 0) for i, c in enumerate(r)) for r in rows]
    return lines


def _stat_rows(doc: dict, groups: list[dict]) -> tuple[list[str], list[list]]:
    headers = [doc["by_name"] if groups is doc["groups"] else "月份", "记录数", "合格率", "平均分"]
    headers += [rule_name(doc, r) for r in doc["rules"]]
    rows = [[g["group"], g["records"], pct(g["pass_rate"]), g["avg_score"]]
            + [pct(g["rules"][r]["rate"]) for r in doc["rules"]] for g in groups]  # fmt: skip
    return headers, rows


def where(example: dict) -> str:
    bits = [example["employee_name"], Path(example["source"]).name + (f" {example['sheet']}" if example["sheet"] else "")]
    return ",".join(b for b in bits if b) + f"(记录 #{example['record_id']})"


def scope_line(doc: dict) -> str:
    span = ""
    if doc["since"] or doc["until"]:
        span = f"{doc['since'] or '最早'} 至 {doc['until'] or '最近'},"
    overall = doc["overall"]
    return f"{span}共 {doc['records']} 条记录,合格率 {pct(overall['pass_rate'])},平均分 {overall['avg_score']}"


# ---------------------------------------------------------------- text
def render_text(doc: dict) -> str:
    out = [doc["title"], scope_line(doc) + (f";数据库 {doc['database']}" if doc["database"] else ""), ""]
    if not doc["records"]:
        out.append("数据库里还没有记录:先运行 checker audit ... --save。")
        return "\n".join(out) + "\n"
    out.append("按月份")
    out += ["  " + line for line in _table(*_stat_rows(doc, doc["months"]))]
    if doc["by"] != "month":
        out += ["", f"按{doc['by_name']}"]
        out += ["  " + line for line in _table(*_stat_rows(doc, doc["groups"]))]
    out += ["", *topic_text(doc)]
    return "\n".join(out) + "\n"


def topic_text(doc: dict) -> list[str]:
    out = []
    for section in doc.get("topics", []):
        if not section["quarter"]:
            out.append("员工反映的话题:没有可读的文字" + _no_text_note(section))
            continue
        out.append(f"员工反映的话题,按{section['by_name']}({section['quarter_name']},与上季度相比;"
                   f"读取资源支持、员工意见、分歧、职业发展){_no_text_note(section)}")  # fmt: skip
        for group, topics in section["groups"].items():
            if not topics:
                out.append(f"  {group}:没有 2 条以上记录共同提到的话题")
                continue
            for t in topics:
                forms = [f for f in t["forms"] if f != t["topic"]]
                also = f"(含 {'、'.join(forms[:4])})" if forms else ""
                out.append(f"  {t['sentence']}{also}")
                for ex in t["examples"]:
                    out.append(f"      「{ex['quote']}」 —— {ex['field_name']},{where(ex)}")
        out.append("")
    return out


def _no_text_note(section: dict) -> str:
    n = section.get("records_without_text", 0)
    return f";另有 {n} 条记录只存了哈希(store_text = false),未计入" if n else ""


# ---------------------------------------------------------------- json
def render_json(doc: dict) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2)


# ---------------------------------------------------------------- xlsx
def render_xlsx(doc: dict) -> bytes:
    import io

    from openpyxl import Workbook
    from openpyxl.chart import BarChart, LineChart, Reference
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    header_fill = PatternFill("solid", fgColor="DCE6F1")
    book = Workbook()

    def table(ws, headers, rows, start_row=1, percent_cols=(), widths=None):
        ws.append(headers) if start_row == 1 else None
        for i, h in enumerate(headers, 1):
            cell = ws.cell(row=start_row, column=i, value=h)
            cell.font, cell.fill = Font(bold=True), header_fill
        for r, row in enumerate(rows, start_row + 1):
            for c, value in enumerate(row, 1):
                cell = ws.cell(row=r, column=c, value=value)
                if c in percent_cols and isinstance(value, float | int):
                    cell.number_format = "0.0%"
        for i, w in enumerate(widths or [], 1):
            ws.column_dimensions[get_column_letter(i)].width = w
        ws.freeze_panes = ws.cell(row=start_row + 1, column=2)

    def stat_sheet(ws, title, groups):
        headers = [title, "记录数", "合格数", "合格率", "平均分", "问题数"] + [rule_name(doc, r) for r in doc["rules"]]
        rows = [[g["group"], g["records"], g["passed"], g["pass_rate"], g["avg_score"], g["findings"]]
                + [g["rules"][r]["rate"] for r in doc["rules"]] for g in groups]  # fmt: skip
        percent = {4, *range(7, 7 + len(doc["rules"]))}
        table(ws, headers, rows, percent_cols=percent, widths=[14, 8, 8, 8, 8, 8] + [16] * len(doc["rules"]))
        ws.auto_filter.ref = ws.dimensions
        return len(rows)

    # 概览
    ws = book.active
    ws.title = "概览"
    ws["A1"] = doc["title"]
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = scope_line(doc)
    ws["A3"] = f"生成时间 {doc['generated_at']}" + (f";数据库 {doc['database']}" if doc["database"] else "")
    ws.column_dimensions["A"].width = 24
    rows = [["记录数", doc["records"]], ["合格率", doc["overall"]["pass_rate"]], ["平均分", doc["overall"]["avg_score"]]]
    rows += [[f"{rule_name(doc, r)}({r})", doc["overall"]["rules"][r]["rate"]] for r in doc["rules"]]
    table(ws, ["指标", "数值"], rows, start_row=5, percent_cols={2})
    for r in range(7, 7 + len(rows)):
        if r != 8:
            ws.cell(row=r, column=2).number_format = "0.0%"
    ws.cell(row=6, column=2).number_format = "0"
    ws.cell(row=8, column=2).number_format = "0.0"
    ws.freeze_panes = None

    months = book.create_sheet("按月份")
    n = stat_sheet(months, "月份", doc["months"])
    if n:
        chart = LineChart()
        chart.title, chart.y_axis.title, chart.height, chart.width = "合格率与各规则问题率(按月)", "比例", 9, 22
        chart.y_axis.number_format = "0%"
        chart.add_data(Reference(months, min_col=4, min_row=1, max_row=n + 1), titles_from_data=True)
        for c in range(7, 7 + len(doc["rules"])):
            chart.add_data(Reference(months, min_col=c, min_row=1, max_row=n + 1), titles_from_data=True)
        chart.set_categories(Reference(months, min_col=1, min_row=2, max_row=n + 1))
        months.add_chart(chart, f"A{n + 4}")
        ov_chart = LineChart()
        ov_chart.title, ov_chart.height, ov_chart.width = "合格率(按月)", 7, 16
        ov_chart.y_axis.number_format = "0%"
        ov_chart.add_data(Reference(months, min_col=4, min_row=1, max_row=n + 1), titles_from_data=True)
        ov_chart.set_categories(Reference(months, min_col=1, min_row=2, max_row=n + 1))
        ws.add_chart(ov_chart, "D5")

    if doc["by"] != "month":
        groups = book.create_sheet(f"按{doc['by_name']}")
        n = stat_sheet(groups, doc["by_name"], doc["groups"])
        if n:
            bar = BarChart()
            bar.type, bar.title, bar.height, bar.width = "bar", f"合格率(按{doc['by_name']})", max(7, n * 0.6), 16
            bar.x_axis.number_format = "0%"
            bar.add_data(Reference(groups, min_col=4, min_row=1, max_row=n + 1), titles_from_data=True)
            bar.set_categories(Reference(groups, min_col=1, min_row=2, max_row=n + 1))
            groups.add_chart(bar, f"A{n + 4}")
        series = book.create_sheet(f"{doc['by_name']}逐月合格率")
        month_names = [m["group"] for m in doc["months"]]
        names = list(doc["series"])[:10]
        table(series, ["月份", *names], [[m, *(doc["series"][g][m] for g in names)] for m in month_names],
              percent_cols=set(range(2, len(names) + 2)), widths=[12] + [12] * len(names))  # fmt: skip
        if month_names and names:
            line = LineChart()
            line.title, line.height, line.width = f"各{doc['by_name']}合格率(按月)", 9, 22
            line.y_axis.number_format = "0%"
            for c in range(2, len(names) + 2):
                line.add_data(Reference(series, min_col=c, min_row=1, max_row=len(month_names) + 1),
                              titles_from_data=True)  # fmt: skip
            line.set_categories(Reference(series, min_col=1, min_row=2, max_row=len(month_names) + 1))
            series.add_chart(line, f"A{len(month_names) + 4}")

    topics = book.create_sheet("员工反映的话题")
    examples = book.create_sheet("话题示例")
    t_rows, e_rows, links = [], [], []
    for section in doc.get("topics", []):
        for group, items in section["groups"].items():
            for t in items:
                t_rows.append([section["by_name"], group, t["topic"], t["records"], t["share"], t["previous"],
                               t["delta"], "、".join(t["forms"]), t["sentence"], section["quarter_name"]])  # fmt: skip
                for ex in t["examples"]:
                    e_rows.append([section["by_name"], group, t["topic"], ex["quote"], ex["field_name"],
                                   ex["employee_name"], ex["month"], ex["source"], ex["sheet"], ex["record_id"]])  # fmt: skip
                    links.append(ex["source"])
    table(topics, ["分组方式", "分组", "话题", "记录数", "占该组", "上季度", "变化", "说法", "HR 摘要", "季度"], t_rows,
          percent_cols={5}, widths=[10, 12, 16, 8, 8, 8, 8, 30, 70, 16])  # fmt: skip
    topics.auto_filter.ref = topics.dimensions
    if t_rows:
        top = [r for r in t_rows if r[0] == "岗位序列"][:12] or t_rows[:12]
        start = len(t_rows) + 4
        topics.cell(row=start, column=1, value="话题")
        topics.cell(row=start, column=2, value="记录数")
        for i, r in enumerate(top, start + 1):
            topics.cell(row=i, column=1, value=f"{r[1]}·{r[2]}")
            topics.cell(row=i, column=2, value=r[3])
        bar = BarChart()
        bar.type, bar.title, bar.height, bar.width = "bar", "各岗位序列最常提到的话题(记录数)", max(7, len(top) * 0.6), 18
        bar.add_data(Reference(topics, min_col=2, min_row=start, max_row=start + len(top)), titles_from_data=True)
        bar.set_categories(Reference(topics, min_col=1, min_row=start + 1, max_row=start + len(top)))
        topics.add_chart(bar, f"K{2}")
    table(examples, ["分组方式", "分组", "话题", "原话", "字段", "员工", "月份", "来源文件", "工作表/行", "记录号"], e_rows,
          widths=[10, 12, 16, 60, 10, 10, 10, 40, 16, 8])  # fmt: skip
    for r, source in enumerate(links, 2):
        path = Path(source)
        if path.exists():
            cell = examples.cell(row=r, column=8)
            cell.hyperlink = path.resolve().as_uri()
            cell.font = Font(color="0563C1", underline="single")
    for ws_ in (topics, examples):
        for row in ws_.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = Alignment(vertical="top", wrap_text=isinstance(cell.value, str) and len(cell.value) > 20)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------- html (inline SVG)
def svg_lines(series: dict[str, list], labels: list[str], title: str, width: int = 760, height: int = 260,
              bridge: bool = False) -> str:
    """Line chart of 0..1 values; None leaves a gap (`bridge`: the line goes on past it)."""
    left, right, top, bottom = 46, 150, 28, 42
    w, h = width - left - right, height - top - bottom
    n = max(1, len(labels) - 1)
    x = lambda i: left + (w * i / n if len(labels) > 1 else w / 2)  # noqa: E731
    y = lambda v: top + h * (1 - v)  # noqa: E731
    parts = [f'<svg viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="{html.escape(title)}">',
             f'<text x="{left}" y="16" class="t">{html.escape(title)}</text>']  # fmt: skip
    for k in range(0, 5):
        v = k / 4
        parts.append(f'<line x1="{left}" x2="{left + w}" y1="{y(v):.1f}" y2="{y(v):.1f}" class="g"/>'
                     f'<text x="{left - 6}" y="{y(v) + 4:.1f}" class="a" text-anchor="end">{v:.0%}</text>')  # fmt: skip
    step = max(1, len(labels) // 12)
    for i, label in enumerate(labels):
        if i % step == 0:
            parts.append(f'<text x="{x(i):.1f}" y="{top + h + 16}" class="a" text-anchor="middle">{html.escape(label)}</text>')
    for s, (name, values) in enumerate(series.items()):
        colour = PALETTE[s % len(PALETTE)]
        path, pen = [], "M"
        for i, v in enumerate(values):
            if v is None:
                pen = "L" if bridge and path else "M"
                continue
            path.append(f"{pen}{x(i):.1f},{y(v):.1f}")
            pen = "L"
            parts.append(f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="2.5" fill="{colour}">'
                         f"<title>{html.escape(name)} {html.escape(labels[i])}:{pct(v)}</title></circle>")  # fmt: skip
        if path:
            parts.append(f'<path d="{" ".join(path)}" fill="none" stroke="{colour}" stroke-width="2"/>')
        ly = top + 14 + 16 * s
        parts.append(f'<rect x="{left + w + 12}" y="{ly - 9}" width="10" height="10" fill="{colour}"/>'
                     f'<text x="{left + w + 26}" y="{ly}" class="a">{html.escape(name[:10])}</text>')  # fmt: skip
    parts.append("</svg>")
    return "".join(parts)


def svg_bars(items: list[tuple[str, float, str]], title: str, width: int = 760, as_percent: bool = True) -> str:
    """Horizontal bars: (label, value, note)."""
    left, bar_h, gap, top = 150, 16, 6, 28
    height = top + len(items) * (bar_h + gap) + 10
    w = width - left - 120
    peak = 1.0 if as_percent else max([v for _, v, _ in items] + [1])
    parts = [f'<svg viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="{html.escape(title)}">',
             f'<text x="0" y="16" class="t">{html.escape(title)}</text>']  # fmt: skip
    for i, (label, value, note) in enumerate(items):
        yy = top + i * (bar_h + gap)
        bw = w * (value / peak if peak else 0)
        shown = pct(value) if as_percent else f"{value:g}"
        parts.append(f'<text x="{left - 6}" y="{yy + 12}" class="a" text-anchor="end">{html.escape(label[:14])}</text>'
                     f'<rect x="{left}" y="{yy}" width="{bw:.1f}" height="{bar_h}" fill="{PALETTE[0]}"><title>{html.escape(note)}</title></rect>'
                     f'<text x="{left + bw + 6:.1f}" y="{yy + 12}" class="a">{shown} {html.escape(note)}</text>')  # fmt: skip
    parts.append("</svg>")
    return "".join(parts)


CSS = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:24px auto;max-width:1080px;color:#222;padding:0 16px}
h1{font-size:22px} h2{font-size:18px;margin-top:32px;border-bottom:2px solid #2f6fb0;padding-bottom:4px} h3{font-size:15px;margin:18px 0 6px}
table{border-collapse:collapse;font-size:13px;margin:8px 0} th,td{border:1px solid #ccd;padding:3px 8px;text-align:right}
th{background:#dce6f1} td:first-child,th:first-child{text-align:left;white-space:nowrap}
.t{font-size:13px;font-weight:bold} .a{font-size:11px;fill:#444} .g{stroke:#e3e3e3}
.topic{margin:6px 0 2px;font-size:14px} .quotes{margin:0 0 10px 18px;font-size:12.5px;color:#444}
.quotes li{margin:2px 0} .muted{color:#777;font-size:12px} .up{color:#c0392b} .down{color:#27864a}
@media print{h2{page-break-after:avoid}}
"""


def _html_table(doc: dict, groups: list[dict], first: str) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in [first, "记录数", "合格率", "平均分"]
                   + [rule_name(doc, r) for r in doc["rules"]])  # fmt: skip
    rows = []
    for g in groups:
        cells = [html.escape(g["group"]), g["records"], pct(g["pass_rate"]), g["avg_score"]]
        cells += [pct(g["rules"][r]["rate"]) for r in doc["rules"]]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return f"<table><tr>{head}</tr>{''.join(rows)}</table>"


def _link(source: str) -> str:
    path = Path(source)
    try:
        return path.resolve().as_uri()
    except ValueError:
        return ""


def render_html(doc: dict) -> str:
    e = html.escape
    body = [f"<h1>{e(doc['title'])}</h1>",
            f"<p>{e(scope_line(doc))}。<span class='muted'>生成于 {e(doc['generated_at'])}"
            + (f";数据库 {e(doc['database'])}" if doc["database"] else "") + "</span></p>"]  # fmt: skip
    if not doc["records"]:
        body.append("<p>数据库里还没有记录:先运行 <code>checker audit … --save</code>。</p>")
    else:
        labels = [m["group"] for m in doc["months"]]
        body.append("<h2>按月份</h2>")
        body.append(svg_lines({"合格率": [m["pass_rate"] for m in doc["months"]]}, labels, "合格率(按月)"))
        rule_series = {rule_name(doc, r): [m["rules"][r]["rate"] for m in doc["months"]] for r in doc["rules"]}
        if rule_series:
            body.append(svg_lines(rule_series, labels, "各规则问题率(有该问题的记录占比,按月)"))
        body.append(_html_table(doc, doc["months"], "月份"))
        if doc["by"] != "month":
            body.append(f"<h2>按{e(doc['by_name'])}</h2>")
            body.append(svg_bars([(g["group"], g["pass_rate"], f"{g['records']} 条") for g in doc["groups"]],
                                 f"合格率(按{doc['by_name']})"))  # fmt: skip
            shown = dict(list(doc["series"].items())[:8])
            body.append(svg_lines({g: [v[m] for m in labels] for g, v in shown.items()}, labels,
                                  f"各{doc['by_name']}合格率(按月;没有记录的月份跳过)", bridge=True))  # fmt: skip
            body.append(_html_table(doc, doc["groups"], doc["by_name"]))
    body.append("<h2>员工反映的话题</h2>")
    body.append("<p class='muted'>读取资源支持、员工意见、分歧、职业发展;相近说法合并为一个话题(如 测试环境 / 测试资源 / "
                "测试设备);按该组提到的比例、并扣除各组都在提的话题排序。点击出处打开原始记录文件。</p>")  # fmt: skip
    for section in doc.get("topics", []):
        if not section["quarter"]:
            body.append(f"<p>没有可读的文字{e(_no_text_note(section))}。</p>")
            continue
        body.append(f"<h3>按{e(section['by_name'])}({e(section['quarter_name'])},与上季度相比)"
                    f"<span class='muted'>{e(_no_text_note(section))}</span></h3>")  # fmt: skip
        bars = []
        for group, topics in section["groups"].items():
            if topics:
                bars.append((f"{group}·{topics[0]['topic']}", topics[0]["share"], f"{topics[0]['records']} 条"))
        if bars:
            body.append(svg_bars(bars, f"各{section['by_name']}最突出的话题(占该组记录)"))
        for group, topics in section["groups"].items():
            if not topics:
                body.append(f"<p class='topic'>{e(group)}:没有 2 条以上记录共同提到的话题</p>")
            for t in topics:
                cls = "up" if t["delta"] > 0 else "down" if t["delta"] < 0 else ""
                forms = [f for f in t["forms"] if f != t["topic"]]
                also = f" <span class='muted'>(含 {e('、'.join(forms[:5]))})</span>" if forms else ""
                body.append(f"<p class='topic {cls}'>{e(t['sentence'])}{also}</p><ul class='quotes'>")
                for ex in t["examples"]:
                    href = _link(ex["source"])
                    where_ = e(where(ex))
                    anchor = f"<a href='{e(href)}'>{where_}</a>" if href else where_
                    body.append(f"<li>「{e(ex['quote'])}」 —— {e(ex['field_name'])},{anchor}</li>")
                body.append("</ul>")
    return ("<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'>"
            f"<title>{e(doc['title'])}</title><style>{CSS}</style></head><body>{''.join(body)}</body></html>\n")  # fmt: skip


def render(doc: dict, fmt: str) -> str | bytes:
    return {"text": render_text, "json": render_json, "xlsx": render_xlsx, "html": render_html}[fmt](doc)
