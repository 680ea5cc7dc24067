"""The `checker` command as users run it: real process, real files, exit codes, JSON shape (SPEC section 3)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.builders import docx_grid

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


def run(*args, cwd=None):
    exe = shutil.which("checker", path=str(Path(sys.executable).parent)) or "checker"
    return subprocess.run([exe, *args], capture_output=True, text=True, cwd=cwd, timeout=120)


@pytest.fixture(scope="module")
def samples_report():
    proc = run("audit", "--format", "json", str(SAMPLES))
    return proc, json.loads(proc.stdout)


def test_json_report_has_spec_shape(samples_report):
    proc, report = samples_report
    assert proc.returncode == 1  # the samples carry findings on purpose
    assert len(report["records"]) >= 6
    for rec in report["records"]:
        assert set(rec) >= {"source", "fields", "findings", "score", "verdict"}
        for f in rec["findings"]:
            assert set(f) >= {"rule", "severity", "field", "start", "end", "text", "message", "suggestion"}
            assert rec["fields"][f["field"]][f["start"] : f["end"]] == f["text"]


def test_every_layout_in_samples_gives_records(samples_report):
    _, report = samples_report
    sources = {Path(r["source"]).suffix for r in report["records"]}
    assert sources == {".docx", ".xlsx", ".jsonl"}
    assert report["errors"] == []


def test_unreadable_file_exit_2_and_rest_of_batch_kept(tmp_path):
    good = docx_grid(tmp_path / "good.docx", [("员工姓名", "张三"), ("面谈人", "李四")], cols=2)
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 this is not a zip")
    proc = run("audit", "--format", "json", str(tmp_path))
    report = json.loads(proc.stdout)
    assert proc.returncode == 2
    assert [r["source"] for r in report["records"]] == [str(good)]
    [err] = report["errors"]
    assert err["source"].endswith("broken.docx") and err["code"] == "corrupt" and err["message"]


def test_clean_record_exits_0(tmp_path):
    rec = {
        "员工姓名": "张三",
        "面谈人": "李四",
        "面谈时间": "2024-06-03 15:00",
        "面谈地点": "会议室",
        "绩效总结": "Q2完成销售额120万,完成率96%。",
        "共识": "双方无分歧。",
        "分歧": "无",
        "改进计划": "9月30日前新签客户5家",
        "资源支持": "市场部每月提供1次竞品资料。",
        "员工确认": "张三",
    }
    path = tmp_path / "ok.json"
    path.write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
    proc = run("audit", str(path))
    assert proc.returncode == 0, proc.stdout
    # the record's own line (the summary line says 合格 whatever the verdict)
    [line] = [x for x in proc.stdout.splitlines() if "员工 张三" in x]
    assert line.strip().endswith("得分 100  合格"), proc.stdout
    assert "需修改" not in proc.stdout and "不合格" not in proc.stdout


def test_text_report_groups_by_file_and_names_fields():
    proc = run("audit", str(SAMPLES / "陈晨_财务_表单.xlsx"))
    assert proc.returncode == 1
    assert "陈晨_财务_表单.xlsx" in proc.stdout
    assert "改进计划" in proc.stdout and "improvement_plan" not in proc.stdout and "建议" in proc.stdout


def test_disable_and_fail_on(tmp_path):
    proc = run("audit", "--format", "json", "--disable", "vague-rating", str(SAMPLES / "上传记录.jsonl"))
    rules = {f["rule"] for r in json.loads(proc.stdout)["records"] for f in r["findings"]}
    assert "vague-rating" not in rules and rules
    assert run("audit", "--fail-on", "never", str(SAMPLES / "上传记录.jsonl")).returncode == 0


def test_config_file_is_found_and_applied(tmp_path):
    shutil.copy(SAMPLES / "上传记录.jsonl", tmp_path / "r.jsonl")
    (tmp_path / ".checker.toml").write_text('rules = "strict"\ndisable = ["late-record"]\n', encoding="utf-8")
    proc = run("audit", "--format", "json", "r.jsonl", cwd=tmp_path)
    report = json.loads(proc.stdout)
    assert report["rule_pack"].startswith("strict@")
    assert "late-record" not in {f["rule"] for r in report["records"] for f in r["findings"]}


def test_bad_rule_pack_is_an_error_at_load(tmp_path):
    pack = tmp_path / "pack.yaml"
    pack.write_text(
        "pack: x\nrules:\n  - id: a\n    kind: needs-evidence\n    description: d\n    message: m\n"
        "    fields: [performance_summary]\n    colour: red\n",
        encoding="utf-8",
    )
    proc = run("audit", "--rules", str(pack), str(SAMPLES / "上传记录.jsonl"))
    assert proc.returncode != 0 and "colour" in proc.stderr


def test_fields_command_shows_where_values_came_from():
    proc = run("fields", str(SAMPLES / "王强_生产_嵌套计划表.docx"))
    assert proc.returncode == 0
    assert "被考核人" in proc.stdout and "employee_name" in proc.stdout and "表1" in proc.stdout


def test_rules_explain_tokens():
    assert "vague-rating" in run("rules").stdout
    explain = run("explain", "plan-no-deadline").stdout
    assert "会触发" in explain and "每月参加1次数据分析培训" in explain
    tokens = run("tokens", "沟通能力强,在X项目中协调三个部门").stdout
    assert "沟通能力" in tokens and "评价" in tokens and "事例" in tokens


def test_glob_patterns_absolute_and_recursive():
    absolute = json.loads(run("audit", "--format", "json", str(SAMPLES / "*.docx")).stdout)
    assert {Path(r["source"]).suffix for r in absolute["records"]} == {".docx"} and not absolute["errors"]
    missing = json.loads(run("audit", "--format", "json", str(SAMPLES / "*.nothing")).stdout)
    assert missing["errors"][0]["code"] == "not-found"


_CONSOLE_SCRIPT = """
import atexit, sys, threading, time
from pathlib import Path
from checker import cli

out = Path(sys.argv[1])

class FreedAtTeardown:
    def __init__(self, path):
        self.path = path  # its own references: module globals may be gone when it is freed

    def __del__(self, open=open):
        with open(self.path, "w") as fh:
            fh.write("freed")

marker = FreedAtTeardown(str(out / "teardown"))
atexit.register(lambda: (out / "atexit").write_text("ran"))
def until_the_main_thread_ends():
    while threading.main_thread().is_alive():
        time.sleep(0.01)

if sys.argv[3] == "thread":  # a thread of the command's own, still running when main() returns
    threading.Thread(target=until_the_main_thread_ends).start()
sys.argv = ["checker", "audit", "--format", "jsonl", sys.argv[2]]
cli.run()
"""


@pytest.mark.parametrize("thread", ["none", "thread"])
def test_console_script_flushes_and_runs_exit_handlers_without_teardown(tmp_path, thread):
    proc = subprocess.run(
        [sys.executable, "-c", _CONSOLE_SCRIPT, str(tmp_path), str(SAMPLES / "上传记录.jsonl"), thread],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
    )  # fmt: skip
    assert proc.returncode == 1, proc.stderr  # the sample has findings
    lines = proc.stdout.splitlines()
    assert len(lines) >= 2 and json.loads(lines[-1])["summary"]["records"] == len(lines) - 1  # all flushed
    assert (tmp_path / "atexit").read_text() == "ran"
    # the interpreter is torn down only when a thread of the command's own is waited for
    assert (tmp_path / "teardown").exists() is (thread == "thread")
