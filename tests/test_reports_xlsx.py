"""The HR summary workbook, reopened with openpyxl and checked against the JSON report."""

from __future__ import annotations

from collections import Counter, defaultdict

import openpyxl
import pytest

from checker.reports.common import common_root, relative_source
from checker.reports.xlsx_summary import RECORD_HEADERS, SHEETS
from tests.fixtures.reports_support import broken_file, load_json, run_audit, sample_inputs


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    out = tmp_path_factory.mktemp("summary")
    inputs = [*sample_inputs(), broken_file(out), out / "不存在.docx"]
    run_audit(inputs, out, ["json", "xlsx"])
    report = load_json(out)
    root = common_root(inputs)  # the workbook names files relative to the inputs' common folder
    for item in [*report["records"], *report["errors"]]:
        item["shown"] = relative_source(item["source"], root)
    return openpyxl.load_workbook(out / "report.xlsx"), report


def _rows(ws) -> list[dict]:
    values = list(ws.iter_rows(values_only=True))
    header = values[0]
    return [dict(zip(header, row, strict=True)) for row in values[1:]]


def test_sheets_and_table_layout(books):
    wb, _ = books
    assert tuple(wb.sheetnames) == SHEETS
    for ws in wb:
        assert ws.freeze_panes == "A2", ws.title
        assert ws.auto_filter.ref, ws.title
        assert all(ws.column_dimensions[c].width for c in "AB"), ws.title
    assert wb["概览"]._charts and wb["按部门"]._charts and wb["按主管"]._charts


def test_overview_matches_json(books):
    wb, report = books
    s = report["summary"]
    overview = {row[0]: row[1] for row in wb["概览"].iter_rows(min_row=2, max_row=9, values_only=True)}
    assert overview["记录数"] == s["records"] == len(report["records"])
    assert overview["合格率"] == pytest.approx(s["pass_rate"])
    assert overview["问题总数"] == s["findings"]
    assert overview["无法读取的文件"] == len(report["errors"]) >= 2
    for verdict, count in s["verdicts"].items():
        assert overview[verdict] == count
    rows = list(wb["概览"].iter_rows(values_only=True))
    head = rows.index(("规则", "问题数", "规则 id"))
    rules = {r[2]: r[1] for r in rows[head + 1 :] if r[0]}  # title, count, id
    assert {k: v for k, v in rules.items() if v} == s["by_rule"]
    titles = [r[0] for r in rows[head + 1 :] if r[0]]
    assert all(not t.isascii() for t in titles), titles  # the chart's categories are Chinese titles


def _rule_columns(ws) -> dict[str, str]:
    """Rule title -> rule id, from the comments on the rule columns' header cells."""
    return {
        cell.value: cell.comment.text.split("规则 id:")[1]
        for cell in ws[1]
        if cell.value not in RECORD_HEADERS and cell.comment is not None
    }


def test_records_sheet_matches_json(books):
    wb, report = books
    rows = _rows(wb["记录明细"])
    ids = _rule_columns(wb["记录明细"])
    assert len(ids) == len(wb["记录明细"][1]) - len(RECORD_HEADERS)  # every rule column says which rule
    assert len(rows) == len(report["records"])
    for row, rec in zip(rows, report["records"], strict=True):
        assert (row["来源文件"], row["得分"], row["结论"]) == (rec["shown"], rec["score"], rec["verdict"])
        assert row["员工"] == (rec["fields"].get("employee_name") or None)
        counts = Counter(f["rule"] for f in rec["findings"])
        for title in set(row) - set(RECORD_HEADERS):
            assert row[title] == counts.get(ids[title], 0)


def test_findings_sheet_matches_json(books):
    wb, report = books
    got = Counter(
        (r["来源文件"], r["字段 id"], r["规则 id"], r["问题文字"] or "") for r in _rows(wb["问题明细"])
    )
    want = Counter(
        (rec["shown"], f["field"], f["rule"], f["text"]) for rec in report["records"] for f in rec["findings"]
    )
    assert got == want


@pytest.mark.parametrize(
    ("sheet", "key"),
    [
        ("按部门", "department"),
        ("按主管", "manager_name"),
        ("按岗位序列", "job_family"),
        ("按绩效等级", "grade"),
    ],
)
def test_group_sheets_match_json(books, sheet, key):
    wb, report = books
    groups = defaultdict(list)
    from checker.normalise import normalise_grade, normalise_job_family

    norm = {"job_family": normalise_job_family, "grade": normalise_grade}.get(key)
    for rec in report["records"]:
        raw = rec["fields"].get(key, "")
        # job families and grades as rules/normalise.yaml names them; an empty one is (未填写) like any other
        name = (norm(raw) or raw) if norm and raw.strip() else raw
        groups[name.strip() or "(未填写)"].append(rec)
    rows = {r[next(iter(r))]: r for r in _rows(wb[sheet])}
    assert set(rows) == set(groups)
    for name, recs in groups.items():
        passed = sum(r["verdict"] == "合格" for r in recs)
        assert rows[name]["记录数"] == len(recs)
        assert rows[name]["合格数"] == passed
        assert rows[name]["合格率"] == pytest.approx(passed / len(recs), abs=0.001)


def test_unreadable_sheet_lists_every_error(books):
    wb, report = books
    got = {(r["文件"], r["错误代码"]) for r in _rows(wb["无法读取"])}
    assert got == {(e["shown"], e["code"]) for e in report["errors"]}
