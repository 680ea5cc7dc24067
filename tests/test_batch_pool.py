"""Batch audits in long-lived worker processes (issue 10): real files, real processes, no timed asserts."""

from __future__ import annotations

import importlib.util
import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.api import Checker
from checker.cli import main
from checker.config import Config, LimitsConfig
from checker.reports import json_report, text
from tests.builders import slow_docx

ROOT = Path(__file__).resolve().parents[1]
EVAL_DOCS = ROOT.parent / "shared" / "eval" / "docs"


def _bench():
    spec = importlib.util.spec_from_file_location("bench_batch", ROOT / "benchmarks" / "batch.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def batch_dir(tmp_path_factory) -> Path:
    """Varied .docx (three layouts), an export sheet, the samples and a broken file, in one folder."""
    out = tmp_path_factory.mktemp("batch")
    bench = _bench()
    bench.write_docx_set(out / "docx", 24)
    bench.write_export(out / "export.xlsx", 300)
    for path in sorted((ROOT / "samples").iterdir()):
        if path.suffix in (".docx", ".xlsx", ".jsonl"):
            (out / path.name).write_bytes(path.read_bytes())
    (out / "损坏.docx").write_bytes(b"not a zip at all")
    return out


def _serial(paths) -> Checker:
    return Checker(Config(limits=LimitsConfig(isolate="never")))


def test_workers_give_the_serial_report_in_input_order(batch_dir):
    serial = _serial([batch_dir]).audit_paths([batch_dir])
    for jobs in (1, 2, 3):
        checker = Checker(Config(limits=LimitsConfig(isolate="always")))
        report = checker.audit_paths([batch_dir], jobs=jobs)
        assert report.model_dump() == serial.model_dump(), jobs
        assert [r.source for r in checker.read_log] == [str(p) for p in checker.files]
    assert len(serial.records) > 300 and [Path(e.source).name for e in serial.errors] == ["损坏.docx"]


def test_cli_jobs_output_equals_the_whole_report_writers(batch_dir, tmp_path):
    serial = _serial([batch_dir]).audit_paths([batch_dir])
    result = CliRunner().invoke(main, ["audit", str(batch_dir), "--jobs", "2", "--format", "json"])
    assert result.exit_code == 2, result.output
    assert result.stdout == json_report.render(serial)  # streamed record by record, same bytes
    result = CliRunner().invoke(main, ["audit", str(batch_dir), "-j", "2", "--no-color"])
    assert result.stdout == text.render(serial)


def test_a_file_that_gets_its_worker_killed_is_a_per_file_error(batch_dir, tmp_path):
    slow = tmp_path / "卡住的记录.docx"
    slow.write_bytes(slow_docx())
    good = sorted((batch_dir / "docx").glob("*.docx"))[:6]
    inputs = [good[0], slow, *good[1:3], slow, *good[3:]]
    checker = Checker(Config(limits=LimitsConfig(isolate="always", seconds_per_file=0.5)))
    report = checker.audit_paths(inputs, jobs=2)
    assert [(Path(e.source).name, e.code) for e in report.errors] == [(slow.name, "timeout")] * 2
    assert "秒仍未完成" in report.errors[0].message
    assert [r.source for r in report.records] == [str(p) for p in good]  # the rest survive, in order
    alone = _serial(good).audit_paths(good)
    assert [r.model_dump() for r in report.records] == [r.model_dump() for r in alone.records]


def test_a_file_over_the_memory_budget_is_a_per_file_error(tmp_path, batch_dir):
    greedy = tmp_path / "greedy.docx"
    greedy.write_bytes(slow_docx(1_000_000))  # ~50 MB zipped, needs more than 256 MB to parse
    good = sorted((batch_dir / "docx").glob("*.docx"))[:2]
    checker = Checker(
        Config(limits=LimitsConfig(isolate="always", memory_mb_per_file=256, seconds_per_file=120))
    )
    report = checker.audit_paths([greedy, *good], jobs=1)
    assert [(Path(e.source).name, e.code) for e in report.errors] == [("greedy.docx", "memory")]
    assert [r.source for r in report.records] == [str(p) for p in good]


def test_jsonl_is_one_record_per_line_then_a_summary(batch_dir, tmp_path):
    out = tmp_path / "report.jsonl"
    result = CliRunner().invoke(main, ["audit", str(batch_dir), "--format", "jsonl", "-o", str(out)])
    assert result.exit_code == 2, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    serial = _serial([batch_dir]).audit_paths([batch_dir]).to_json_dict()
    records = [x for x in lines if x["type"] == "record"]
    errors = [x for x in lines if x["type"] == "error"]
    assert lines[-1]["type"] == "summary" and [x["type"] for x in lines].count("summary") == 1
    assert lines[-1]["summary"] == serial["summary"] and lines[-1]["rule_pack"] == serial["rule_pack"]
    assert [{k: v for k, v in r.items() if k != "type"} for r in records] == serial["records"]
    assert [{k: v for k, v in e.items() if k != "type"} for e in errors] == serial["errors"]
    assert set(records[0]) >= {"source", "index", "sheet", "fields", "findings", "score", "verdict"}


def test_jsonl_to_stdout_and_with_other_formats(batch_dir, tmp_path):
    docs = sorted((batch_dir / "docx").glob("*.docx"))[:3]
    result = CliRunner().invoke(main, ["audit", *map(str, docs), "--format", "jsonl"])
    lines = result.stdout.splitlines()
    assert len(lines) == 4 and json.loads(lines[-1])["summary"]["records"] == 3
    result = CliRunner().invoke(
        main, ["audit", *map(str, docs), "--format", "jsonl,json,md", "-o", str(tmp_path / "out")]
    )
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["report.json", "report.jsonl", "report.md"], result.output


def test_progress_bar_only_when_asked_or_on_a_terminal(batch_dir):
    docs = sorted((batch_dir / "docx").glob("*.docx"))[:4]
    piped = CliRunner().invoke(main, ["audit", *map(str, docs), "--format", "json"])
    assert piped.stderr == ""
    shown = CliRunner().invoke(main, ["audit", *map(str, docs), "--format", "json", "--progress"])
    assert "文件" in shown.stderr and "条/秒" in shown.stderr
    assert json.loads(shown.stdout)["summary"]["records"] == 4


def test_jsonl_lines_are_the_same_through_a_byte_buffer_or_a_text_only_stream(batch_dir):
    """The sink writes pydantic's UTF-8 bytes to the stream's buffer; a stream without one (a StringIO)
    gets the same text. Both are what model_dump_json() gives, line for line."""
    import io
    from types import SimpleNamespace

    from checker.reports.stream import JsonlSink

    docs = sorted((batch_dir / "docx").glob("*.docx"))[:3]
    records = _serial(docs).audit_paths(docs).records
    text_only = io.StringIO()
    with_buffer = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="\n")
    for out in (text_only, with_buffer):
        sink = JsonlSink(SimpleNamespace(rule_pack="默认"), out, owned=False)
        for rec in records:
            sink.record(rec)
        sink.close({"records": len(records)}, [])
    written = with_buffer.buffer.getvalue().decode("utf-8")
    assert written == text_only.getvalue()
    lines = written.splitlines()
    assert lines[:-1] == ['{"type":"record",' + r.model_dump_json()[1:] for r in records]
    assert json.loads(lines[-1]) == {"type": "summary", "rule_pack": "默认", "summary": {"records": 3}}


def test_the_collector_is_paused_for_a_run_and_comes_back_after_it(batch_dir):
    """The cyclic collector is off while records stream (nothing there makes cycles), in the caller
    too, and comes back when the run ends, also when two runs overlap and end in either order."""
    import gc

    checker = Checker()
    paths = sorted((batch_dir / "docx").glob("*.docx"))[:4]
    assert gc.isenabled()
    during = []
    first = checker.iter_audit([str(p) for p in paths], jobs=2)
    second = checker.iter_audit([str(p) for p in paths[:2]], jobs=2)
    next(first)
    during.append(gc.isenabled())
    next(second)
    list(first)  # the first run ends while the second is still going
    during.append(gc.isenabled())
    list(second)
    assert during == [False, False]
    assert gc.isenabled()


def test_the_file_being_written_streams_through_and_never_spills(batch_dir, monkeypatch):
    """Records of the file next in input order go out batch by batch, even when the caller falls
    behind the worker (here: 2 ms to take each record): none is pickled to disk and read back."""
    from checker.intake import pool

    spills = []
    real_add, real_report_in = pool._Pending.add, pool.report_in

    def add(pending, batch):
        real_add(pending, batch)
        if pending.spill is not None:
            spills.append(len(batch))

    def slow_report_in(values, findings=None):
        time.sleep(0.002)
        return real_report_in(values, findings)

    monkeypatch.setattr(pool, "SPILL_ABOVE", pool.BATCH_RECORDS + 1)  # two batches waiting would spill
    monkeypatch.setattr(pool._Pending, "add", add)
    monkeypatch.setattr(pool, "report_in", slow_report_in)
    export = batch_dir / "export.xlsx"
    checker = Checker(Config(limits=LimitsConfig(isolate="always")))
    report = checker.audit_paths([export], jobs=1)
    assert report.model_dump() == _serial([export]).audit_paths([export]).model_dump()
    assert len(report.records) == 300 and spills == []
