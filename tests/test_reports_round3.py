"""Issue 14, what round 2 left: usage exit code, broken packs without tracebacks, field names from the
run's own table, relative paths, department and manager views, pack titles, verdict schemes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import EXIT_FINDINGS, EXIT_UNREADABLE, EXIT_USAGE, main

ROOT = Path(__file__).resolve().parents[1]

GOOD = {
    "员工姓名": "张伟",
    "面谈人": "王经理",
    "面谈时间": "2024年6月3日 15:00",
    "面谈地点": "3楼会议室",
    "绩效总结": "6月在订单系统迁移中牵头完成3个模块的接口改造,版本按期上线,线上故障为0。",
    "改进计划": "9月30日前把负责模块的单元测试覆盖率提升到70%",
    "资源支持": "申请测试环境2台,由IT部6月底前到位",
    "共识": "双方对考核结果无异议",
    "分歧": "无",
    "员工确认": "张伟 2024-06-04",
    "记录日期": "2024年6月4日 10:00",
}


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def _jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    return path


# 1 ------------------------------------------------------------ usage errors have their own exit code


def test_usage_exit_code_differs_from_findings_and_unreadable():
    assert EXIT_USAGE == 64 and EXIT_USAGE not in (0, EXIT_FINDINGS, EXIT_UNREADABLE)


@pytest.mark.parametrize(
    "args",
    [
        ("audit", "--no-such-option", "x"),
        ("audit", "x", "--format", "pdf"),
        ("audit", "x", "--fail-on", "sometimes"),
        ("audit",),  # PATHS missing
        ("no-such-command",),
    ],
)
def test_click_usage_errors_exit_with_the_usage_code(args):
    result = _run(*args)
    assert result.exit_code == EXIT_USAGE, result.output
    assert "错误:" in result.output and "Traceback" not in result.output


def test_usage_code_in_a_real_process(tmp_path):
    exe = Path(sys.executable).parent / "checker"
    proc = subprocess.run(
        [str(exe), "audit", str(tmp_path), "--format", "pdf"], capture_output=True, text=True
    )
    assert proc.returncode == 64, proc.stderr
    assert "不支持的输出格式:pdf" in proc.stderr


# 6 ------------------------------------------------------------ a broken pack: Chinese error, no traceback


@pytest.mark.parametrize("command", [("explain", "vague-rating"), ("rules",), ("audit", "x.json")])
@pytest.mark.parametrize(
    "content",
    [
        "pack: x\nrules: [\n",
        "pack: x\nrules:\n  - id: a\n    kind: no-such-kind\n    description: d\n    message: m\n",
    ],
)
def test_a_broken_rule_pack_is_a_chinese_error_everywhere(tmp_path, command, content):
    bad = tmp_path / "bad.yaml"
    bad.write_text(content, encoding="utf-8")
    result = _run(*command, "--rules", str(bad))
    assert result.exit_code == EXIT_USAGE, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "错误:" in result.output and "bad.yaml" in result.output
    assert "Traceback" not in result.output


def test_explain_with_a_missing_pack_names_the_builtin_ones(tmp_path):
    result = _run("explain", "vague-rating", "--rules", str(tmp_path / "nothing.yaml"))
    assert result.exit_code == EXIT_USAGE
    assert "找不到规则包" in result.output and "default、strict" in result.output
