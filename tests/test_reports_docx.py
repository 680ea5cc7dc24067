"""The `docx` format: annotated copies of .docx and .xlsx inputs, read back with real parsers."""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from docx.oxml.ns import qn

from checker.reports import docx_comments, xlsx_comments
from tests.fixtures.reports_support import load_json, run_audit, sample_inputs


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _squeeze(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if not ch.isspace())


@pytest.fixture(scope="module")
def annotated(tmp_path_factory):
    inputs = sample_inputs()
    before = {p: _digest(p) for p in inputs}
    out = tmp_path_factory.mktemp("annotated")
    run_audit(inputs, out, ["docx", "json"])
    return inputs, before, out, load_json(out)


def comment_ranges(path: Path) -> dict[str, dict]:
    """comment id -> {text anchored (from document.xml), order of its start, comment text, author}."""
    doc = Document(str(path))
    anchored: dict[str, list[str]] = {}
    open_ids: list[str] = []
    order: dict[str, int] = {}
    paragraph_text: list[str] = []
    for position, el in enumerate(doc.element.body.iter()):
        if el.tag == qn("w:commentRangeStart"):
            cid = el.get(qn("w:id"))
            open_ids.append(cid)
            anchored[cid] = []
            order[cid] = position
        elif el.tag == qn("w:commentRangeEnd"):
            open_ids.remove(el.get(qn("w:id")))
        elif el.tag == qn("w:t"):
            paragraph_text.append(el.text or "")
            for cid in open_ids:
                anchored[cid].append(el.text or "")
    comments = {str(c.comment_id): c for c in doc.comments}
    return {
        cid: {
            "anchored": "".join(parts),
            "order": order[cid],
            "text": comments[cid].text,
            "author": comments[cid].author,
        }  # fmt: skip
        for cid, parts in anchored.items()
    }


def _by_source(report: dict, suffix: str) -> dict[str, list[dict]]:
    """The inputs of that type with at least one finding (the others get no annotated copy)."""
    out: dict[str, list[dict]] = {}
    for rec in report["records"]:
        if rec["source"].lower().endswith(suffix):
            out.setdefault(rec["source"], []).append(rec)
    return {source: recs for source, recs in out.items() if any(r["findings"] for r in recs)}


def test_originals_are_untouched(annotated):
    _inputs, before, _out, _report = annotated
    for path, digest in before.items():
        assert _digest(path) == digest, path


def test_one_comment_per_finding_on_exactly_the_text(annotated):
    _inputs, _before, out, report = annotated
    docx_sources = _by_source(report, ".docx")
    assert docx_sources, "样例里没有 .docx"
    for source, records in docx_sources.items():
        copy = out / f"{Path(source).stem}.checked.docx"
        assert copy.is_file(), copy
        ranges = comment_ranges(copy)
        # findings on the same text (a plan item without measure and deadline) share one comment
        findings = [(rec, group[0]) for rec in records for group in _same_text(rec["findings"])]
        assert len(ranges) == len(findings), source
        wanted = sorted(_expected_anchor(rec, f) for rec, f in findings)
        got = sorted(_squeeze(r["anchored"]) for r in ranges.values())
        assert got == wanted, source
        for r in ranges.values():
            assert r["author"] == "面谈记录质检"


def _same_text(findings: list[dict]) -> list[list[dict]]:
    groups: dict[tuple, list[dict]] = {}
    order = sorted(findings, key=lambda f: (f["start"], f["end"], f["rule"]))
    for f in order:
        key = (f["field"], f["start"], f["end"], f["text"]) if f["text"].strip() else (f["field"], "label")
        groups.setdefault(key, []).append(f)
    return list(groups.values())


def _expected_anchor(rec: dict, finding: dict) -> str:
    if finding["text"].strip():
        return _squeeze(finding["text"])
    label = rec["locations"][finding["field"]]["label"]
    return _squeeze(label)


def test_comment_text_is_message_and_suggestion(annotated):
    _inputs, _before, out, report = annotated
    for source, records in _by_source(report, ".docx").items():
        texts = sorted(r["text"] for r in comment_ranges(out / f"{Path(source).stem}.checked.docx").values())
        expected = sorted(
            "\n".join(f["message"] + (f"\n建议:{f['suggestion']}" if f["suggestion"] else "") for f in group)
            for rec in records
            for group in _same_text(rec["findings"])
        )
        assert texts == expected


def test_xlsx_copies_have_cell_comments_and_fills(annotated):
    _inputs, before, out, report = annotated
    for source, records in _by_source(report, ".xlsx").items():
        copy = out / f"{Path(source).stem}.checked.xlsx"
        assert copy.is_file(), copy
        wb = openpyxl.load_workbook(copy)
        for rec in records:
            for f in rec["findings"]:
                where = rec["locations"][f["field"]]
                sheet = xlsx_comments.sheet_name(where["part"])
                cell = wb[sheet][where["cell"]]
                assert cell.comment is not None, (source, where)
                assert f["message"] in cell.comment.text
                assert cell.comment.author == "面谈记录质检"
                assert cell.fill.fgColor.rgb.endswith(xlsx_comments.FILLS[f["severity"]])
        original = openpyxl.load_workbook(source)
        assert all(c.comment is None for ws in original for row in ws.iter_rows() for c in row)


# ---------------------------------------------------------------- built documents


def _built_doc(path: Path) -> Path:
    """Label/value table, a value whose runs have different formatting, a nested table, "无" twice."""
    doc = Document()
    doc.add_paragraph("对评价结果无异议的说明")  # an earlier "无" that must not be taken
    table = doc.add_table(rows=3, cols=2)
    table.cell(0, 0).text = "绩效总结"
    para = table.cell(0, 1).paragraphs[0]
    para.add_run("本季度")
    bold = para.add_run("整体表")
    bold.bold = True
    italic = para.add_run("现良好。")
    italic.italic = True
    table.cell(1, 0).text = "资源支持"
    table.cell(1, 1).text = "无"
    table.cell(2, 0).text = "改进计划"
    inner = table.cell(2, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "加强沟通"
    inner.cell(0, 1).text = "尽快"
    doc.save(path)
    return path


def _finding(field: str, text: str, value: str) -> dict:
    start = value.find(text)
    return {"rule": "vague-rating", "severity": "warning", "field": field, "start": start,
            "end": start + len(text), "text": text, "message": f"「{text}」有问题", "suggestion": "补充事例"}  # fmt: skip


def test_split_runs_keeps_formatting(tmp_path):
    from checker.model import Finding, Location, RecordReport

    src = _built_doc(tmp_path / "built.docx")
    fields = {
        "performance_summary": "本季度整体表现良好。",
        "resource_support": "无",
        "improvement_plan": "加强沟通 尽快",
    }
    findings = [
        _finding("performance_summary", "整体表现良好", fields["performance_summary"]),
        _finding("resource_support", "无", "无"),
        _finding("improvement_plan", "加强沟通 尽快", fields["improvement_plan"]),
    ]
    labels = {
        "performance_summary": "绩效总结",
        "resource_support": "资源支持",
        "improvement_plan": "改进计划",
    }
    rec = RecordReport(
        source=str(src), fields=fields, findings=[Finding(**f) for f in findings],
        locations={k: Location(file=str(src), label=v) for k, v in labels.items()},
    )  # fmt: skip
    dest = tmp_path / "built.checked.docx"
    assert docx_comments.annotate(src, dest, [rec]) == 3
    ranges = sorted(comment_ranges(dest).values(), key=lambda r: r["order"])
    assert [r["anchored"] for r in ranges] == ["整体表现良好", "无", "加强沟通尽快"]
    runs = Document(str(dest)).tables[0].cell(0, 1).paragraphs[0].runs
    texts = [(r.text, bool(r.bold), bool(r.italic)) for r in runs if r.text]
    assert texts == [
        ("本季度", False, False),
        ("整体表", True, False),
        ("现良好", False, True),
        ("。", False, True),
    ]
    label_pos = _position_of_text(dest, "资源支持")
    assert ranges[1]["order"] > label_pos  # the "无" in the cell, not the one in the first paragraph


def _position_of_text(path: Path, text: str) -> int:
    doc = Document(str(path))
    return next(i for i, el in enumerate(doc.element.body.iter()) if el.tag == qn("w:t") and el.text == text)


def test_empty_finding_anchors_on_label(tmp_path):
    from checker.model import Finding, Location, RecordReport

    src = tmp_path / "sig.docx"
    doc = Document()
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "员工签字"
    doc.save(src)
    finding = Finding(rule="unconfirmed", severity="error", field="employee_confirmation", message="未确认")
    rec = RecordReport(
        source=str(src), fields={"employee_confirmation": ""}, findings=[finding],
        locations={"employee_confirmation": Location(file=str(src), label="员工签字")},
    )  # fmt: skip
    dest = tmp_path / "sig.checked.docx"
    docx_comments.annotate(src, dest, [rec])
    assert [r["anchored"] for r in comment_ranges(dest).values()] == ["员工签字"]
