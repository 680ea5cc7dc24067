"""`checker audit --format … --output …`: file names, several formats, errors in every format."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from checker.cli import main
from checker.reports.common import common_root, relative_source
from tests.fixtures.reports_support import broken_file, run_audit, sample_inputs

ALL = ["text", "json", "md", "html", "xlsx", "sarif", "docx"]


def test_every_format_into_one_directory(tmp_path):
    inputs = sample_inputs()
    run_audit(inputs, tmp_path / "out", ALL)
    names = {p.name for p in (tmp_path / "out").iterdir()}
    assert {f"report.{s}" for s in ("txt", "json", "md", "html", "xlsx", "sarif")} <= names
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    with_findings = {r["source"] for r in report["records"] if r["findings"]}
    for src in inputs:  # inputs without any finding get no copy
        assert (f"{src.stem}.checked{src.suffix}" in names) == (str(src) in with_findings), src


def test_comma_separated_formats_and_single_file_output(tmp_path):
    run_audit(sample_inputs()[:1], tmp_path / "one.html", ["html"])
    assert (tmp_path / "one.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    run_audit(sample_inputs()[:1], tmp_path / "both", ["md,sarif"])
    assert {p.name for p in (tmp_path / "both").iterdir()} == {"report.md", "report.sarif"}


def test_binary_format_needs_output_and_unknown_format_fails(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["audit", str(sample_inputs()[0]), "--format", "xlsx"])
    assert result.exit_code != 0 and "--output" in result.output
    result = runner.invoke(main, ["audit", str(sample_inputs()[0]), "--format", "pdf"])
    assert result.exit_code != 0 and "不支持的输出格式" in result.output


def test_unreadable_files_appear_in_every_format(tmp_path):
    bad = broken_file(tmp_path)
    out = tmp_path / "out"
    inputs = [sample_inputs()[0], bad]
    run_audit(inputs, out, ALL)
    error = json.loads((out / "report.json").read_text(encoding="utf-8"))["errors"][0]
    assert error["source"] == str(bad)
    for name in ("report.txt", "report.md", "report.html", "report.sarif"):
        text = (out / name).read_text(encoding="utf-8")
        assert bad.name in text and error["message"].replace("\\", "\\\\")[:10] in text, name
    import openpyxl

    ws = openpyxl.load_workbook(out / "report.xlsx")["无法读取"]
    # the workbook names it relative to the folder the inputs share (which depends on where the checkout sits)
    assert [c.value for c in ws[2]][:2] == [relative_source(str(bad), common_root(inputs)), error["code"]]


def test_per_record_reports(tmp_path):
    samples = Path(__file__).resolve().parents[1] / "samples"
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["audit", str(samples), "--format", "json", "--format", "html", "-o", str(out), "--per-record"]
    )
    assert result.exit_code in (0, 1), result.output
    whole = json.loads((out / "report.json").read_text(encoding="utf-8"))
    singles = sorted((out / "records").glob("*.json"))
    assert len(singles) == len(whole["records"]) == len(list((out / "records").glob("*.html")))
    first = json.loads(singles[0].read_text(encoding="utf-8"))
    assert first["records"] == whole["records"][:1] and first["summary"]["records"] == 1


def test_docx_without_output_writes_next_to_the_draft(tmp_path):
    draft = tmp_path / "我的草稿.docx"
    draft.write_bytes(
        (Path(__file__).resolve().parents[1] / "samples" / "张伟_研发中心_网格表.docx").read_bytes()
    )
    result = CliRunner().invoke(main, ["audit", str(draft), "--format", "docx"])
    assert result.exit_code == 1, result.output
    assert (tmp_path / "我的草稿.checked.docx").is_file()
    assert (
        draft.read_bytes()
        == (Path(__file__).resolve().parents[1] / "samples" / "张伟_研发中心_网格表.docx").read_bytes()
    )
