"""Issue 14, what round 2 left: usage exit code, broken packs without tracebacks, field names from the
run's own table, relative paths, department and manager views, pack titles, verdict schemes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import EXIT_FINDINGS, EXIT_UNREADABLE, EXIT_USAGE, main
from tests.builders import GOOD_RECORD as GOOD
from tests.builders import slow_docx

ROOT = Path(__file__).resolve().parents[1]


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


# 2 ------------------------------------------------------------ relative paths in the workbook and reports


def _audited_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "2024-06抽检"
    (folder / "研发部").mkdir(parents=True)
    other = {**GOOD, "员工姓名": "李娜", "面谈人": "", "绩效总结": "Q2完成客户回访120家,投诉率下降到1.5%。"}
    _jsonl(folder / "研发部" / "记录.jsonl", [GOOD, other])
    (folder / "坏.docx").write_bytes(b"PK\x03\x04 not a zip")
    return folder


def test_workbook_source_paths_are_relative_to_the_audited_folder(tmp_path):
    import openpyxl

    folder = _audited_folder(tmp_path)
    out = tmp_path / "结果"
    result = _run("audit", str(folder), "--format", "xlsx,md,html", "-o", str(out))
    assert result.exit_code == EXIT_UNREADABLE, result.output
    wb = openpyxl.load_workbook(out / "report.xlsx")
    sheets = {
        name: list(wb[name].iter_rows(values_only=True)) for name in ("记录明细", "问题明细", "无法读取")
    }
    records = [dict(zip(sheets["记录明细"][0], row, strict=True)) for row in sheets["记录明细"][1:]]
    assert [r["来源文件"] for r in records] == ["研发部/记录.jsonl"] * 2
    assert {row[0] for row in sheets["问题明细"][1:]} == {"研发部/记录.jsonl"}
    assert [row[0] for row in sheets["无法读取"][1:]] == ["坏.docx"]
    overview = {row[0]: row[1] for row in wb["概览"].iter_rows(values_only=True) if row and row[0]}
    assert overview["来源文件所在目录"] == str(folder)  # said once, where HR can find the files again
    for name in ("report.md", "report.html"):
        text = (out / name).read_text(encoding="utf-8")
        assert str(tmp_path) not in text, name
        assert "研发部/记录.jsonl" in text, name


def test_relative_source_rules(tmp_path, monkeypatch):
    from checker.reports.common import common_root, relative_source

    a, b = tmp_path / "甲" / "x.docx", tmp_path / "乙" / "c" / "y.docx"
    for f in (a, b):
        f.parent.mkdir(parents=True)
        f.write_bytes(b"")
    assert common_root([a]) == a.parent and common_root([a.parent]) == a.parent
    assert common_root([a, b]) == tmp_path
    assert common_root([str(tmp_path / "乙" / "*" / "*.docx")]) == tmp_path / "乙"
    assert common_root([]) is None and common_root(["/"]) is None
    assert relative_source(str(b), tmp_path) == "乙/c/y.docx"
    monkeypatch.chdir(tmp_path / "乙")  # no root: the current directory
    assert relative_source(str(b), None) == "c/y.docx"
    assert relative_source("/elsewhere/z.docx", None) == "/elsewhere/z.docx"  # outside both: as given


# 3 ------------------------------------------------------------ HTML: department and manager views


def _department_batch(tmp_path: Path) -> Path:
    rows = []
    for dept, manager, bad in (("销售部", "赵敏", 2), ("研发部", "王经理", 0), ("客服部", "刘强", 3)):
        for i in range(3):
            rec = {**GOOD, "员工姓名": f"{dept}{i}", "面谈人": manager, "部门": dept}
            if i < bad:
                rec["员工确认"] = ""  # an error
                rec["改进计划"] = "提升沟通能力"  # two warnings
            rows.append(rec)
    return _jsonl(tmp_path / "批.jsonl", rows)


def _html_groups(path: Path, group: str) -> list[dict]:
    import lxml.html

    tree = lxml.html.parse(str(path))
    [table] = tree.xpath(f'//table[@data-group="{group}"]')
    header = [th.text_content().strip() for th in table.xpath(".//tr[1]/th")]
    rows = []
    for tr in table.xpath(".//tr[position() > 1]"):
        cells = [td.text_content().strip() for td in tr.xpath("./td")]
        row = dict(zip(header, cells, strict=True))
        row["rules"] = [span.get("data-rule") for span in tr.xpath(".//span[@class='chip']")]
        rows.append(row)
    return [header, *rows]


def test_html_has_department_and_manager_views_weakest_first(tmp_path):
    import lxml.html

    out = tmp_path / "r.html"
    # the same summary on every record would add copied-text everywhere
    _run(
        "audit",
        str(_department_batch(tmp_path)),
        "--format",
        "html",
        "-o",
        str(out),
        "--disable",
        "copied-text",
    )
    tree = lxml.html.parse(str(out))
    titles = [h.text_content() for h in tree.xpath("//h2")]
    assert "按部门" in titles and "按面谈人" in titles
    header, *rows = _html_groups(out, "department")
    assert header[:4] == ["部门", "记录数", "合格", "合格率"] and "主要问题" in header
    assert [r["部门"] for r in rows] == ["客服部", "销售部", "研发部"]  # lowest pass rate first
    assert [r["合格率"] for r in rows] == ["0%", "33%", "100%"]
    assert [r["记录数"] for r in rows] == ["3", "3", "3"]
    worst = rows[0]
    assert worst["rules"][0] in ("plan-no-quantity", "plan-no-deadline", "unconfirmed")
    assert "员工未确认 × 3" in worst["主要问题"] and "unconfirmed" not in worst["主要问题"]
    assert rows[-1]["主要问题"] == "没有问题"
    _, *managers = _html_groups(out, "manager_name")
    assert [m["面谈人"] for m in managers] == ["刘强", "赵敏", "王经理"]
    # self-contained: no external stylesheet, script, image or font
    html = out.read_text(encoding="utf-8")
    assert not tree.xpath("//script[@src] | //link[@href] | //img[starts-with(@src, 'http')]")
    assert "http://" not in html and "https://" not in html and "@import" not in html


def test_one_department_gives_no_department_view(tmp_path):
    import lxml.html

    out = tmp_path / "r.html"
    _run(
        "audit",
        str(_jsonl(tmp_path / "r.jsonl", [{**GOOD, "部门": "研发部"}])),
        "--format",
        "html",
        "-o",
        str(out),
    )
    assert not lxml.html.parse(str(out)).xpath('//table[@data-group="department"]')


# 4 ------------------------------------------------------------ verdict schemes of both packs

NO_ERRORS = {  # only warnings (and, under strict, infos): many of them
    "员工姓名": "张伟",
    "面谈人": "王经理",
    "面谈时间": "2024年6月3日 15:00-15:20",
    "面谈地点": "员工工位旁",
    "绩效总结": "该同志本季度完成订单系统迁移,继续努力。",
    "改进计划": "1、提升代码质量\n2、加强沟通\n3、提高执行力",
    "资源支持": "申请测试环境2台",
    "共识": "双方认可,再接再厉",
    "分歧": "无分歧",
    "员工确认": "张伟 2024-06-10",
    "记录日期": "2024年6月10日",
    "考核周期": "2024年Q2",
    "上期改进项回顾": "上期计划已完成",
    "职业发展": "明年转架构师",
    "员工意见": "同意",
}


ONE_ERROR = {  # clean under both packs but for the missing 面谈人
    **GOOD,
    "面谈人": "",
    "面谈时间": "2024年6月3日 15:00-15:50",
    "考核周期": "2024年Q2",
    "上期改进项回顾": "上期计划的接口文档已于5月补齐,评审通过。",
    "职业发展": "明年参与架构设计,Q3起每月参加1次架构评审",
    "员工意见": "认可本期评价;希望下季度参与支付模块重构。",
    "记录日期": "2024年6月3日 20:00",
}


@pytest.mark.parametrize("pack", ["default", "strict"])
def test_no_errors_never_fail(tmp_path, pack):
    path = _jsonl(tmp_path / "r.jsonl", [NO_ERRORS, ONE_ERROR])
    result = _run("audit", str(path), "--format", "json", "--rules", pack, "--disable", "copied-text")
    wordy, one_error = json.loads(result.output)["records"]
    severities = {f["severity"] for f in wordy["findings"]}
    assert "error" not in severities and len(wordy["findings"]) >= 9, wordy["findings"]
    assert wordy["verdict"] == "需修改", wordy["score"]
    assert [(f["rule"], f["severity"]) for f in one_error["findings"]] == [("missing-field", "error")]
    assert one_error["verdict"] == "需修改"
    if pack == "strict":  # strict.yaml: a record without errors never scores below one with an error
        assert wordy["score"] >= one_error["score"]


@pytest.mark.parametrize("pack", ["default", "strict"])
def test_pack_settings_keep_the_documented_scheme(pack):
    """From the settings alone: what the non-error severities the pack uses can cost together stays
    within 需修改; one error is 需修改, two are 不合格."""
    from checker.checks.pack import load_pack

    loaded = load_pack(pack)
    s = loaded.settings
    used = {r.severity.value for r in loaded.rules} - {"error"}
    assert all(sev in s.severity_max for sev in used), (used, s.severity_max)
    assert 100 - sum(s.severity_max[sev] for sev in used) >= s.revise_score
    one_error = 100 - s.severity_weights["error"]
    assert s.revise_score <= one_error < s.pass_score
    assert 100 - 2 * s.severity_weights["error"] < s.revise_score


# 5 ------------------------------------------------------------ 记录明细: Chinese rule headers, ids in comments


@pytest.mark.parametrize(("pack", "late"), [("default", "记录超过24小时"), ("strict", "记录超过12小时")])
def test_records_sheet_rule_columns_are_chinese_titles(tmp_path, pack, late):
    import openpyxl

    from checker.reports.xlsx_summary import RECORD_HEADERS

    out = tmp_path / "r.xlsx"
    _run(
        "audit",
        str(_jsonl(tmp_path / "r.jsonl", [GOOD])),
        "--format",
        "xlsx",
        "-o",
        str(out),
        "--rules",
        pack,
    )
    wb = openpyxl.load_workbook(out)
    header = list(wb["记录明细"][1])
    rule_cells = header[len(RECORD_HEADERS) :]
    assert rule_cells and all(not str(c.value).isascii() for c in rule_cells), [c.value for c in rule_cells]
    # long titles are split over two lines in the header cell
    ids = {c.value.replace("\n", ""): c.comment.text.removeprefix("规则 id:") for c in rule_cells}
    assert all(len(line) > 1 for c in rule_cells for line in c.value.split("\n"))
    assert ids[late] == "late-record" and ids["员工未确认"] == "unconfirmed"
    for name in ("按部门", "按主管", "问题明细", "概览"):
        heads = [c.value for c in wb[name][1]]
        assert not any(h in ids.values() for h in heads), (name, heads)


# 6 ------------------------------------------------------------ names from the pack and the run's field table


def test_rule_titles_come_from_the_pack(tmp_path):
    import checker.reports.common as common
    from checker.checks.pack import load_pack

    assert not hasattr(common, "RULE_TITLES")
    for pack in ("default", "strict"):
        assert all(rule.title for rule in load_pack(pack).rules), pack
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        'pack: mine\nversion: "1"\nextends: default\nrules:\n  - id: unconfirmed\n    title: 员工没签字\n',
        encoding="utf-8",
    )
    path = _jsonl(tmp_path / "r.jsonl", [{**GOOD, "员工确认": ""}])
    md = _run("audit", str(path), "--format", "md", "--rules", str(mine)).output
    assert "员工没签字" in md and "员工未确认" not in md


def test_configured_field_names_in_every_format(tmp_path):
    """A company's own field (--fields) is named as configured, not by its key, in every report."""
    table = tmp_path / "fields.yaml"
    table.write_text(
        "fields:\n  cost_center:\n    name: 成本中心\n    aliases: [成本中心编码]\n", encoding="utf-8"
    )
    pack = tmp_path / "pack.yaml"
    pack.write_text(
        'pack: mine\nversion: "1"\nextends: default\nrules:\n  - id: missing-field\n'
        "    fields: [employee_name, manager_name, cost_center]\n",
        encoding="utf-8",
    )
    path = _jsonl(tmp_path / "r.jsonl", [{**GOOD, "成本中心编码": "待填"}])
    out = tmp_path / "out"
    common = ["--fields", str(table), "--rules", str(pack)]
    _run("audit", str(path), "--format", "md,sarif,html,json", "-o", str(out), *common)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [f["field"] for f in report["records"][0]["findings"]] == ["cost_center"]
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "[成本中心]" in md and "| 成本中心 |" in md
    sarif = json.loads((out / "report.sarif").read_text(encoding="utf-8"))
    [logical] = sarif["runs"][0]["results"][0]["locations"][0]["logicalLocations"]
    assert logical["properties"]["displayName"] == "成本中心"
    assert "成本中心" in (out / "report.html").read_text(encoding="utf-8")
    text = _run("audit", str(path), "--no-color", *common).output
    assert "成本中心" in text and "cost_center" not in text


def test_verdict_and_severity_words_are_defined_once():
    """The words 合格 / 需修改 / 不合格 and 错误 / 警告 / 提示 as string literals: checker/model.py only."""
    import ast
    import warnings

    words = {"合格", "需修改", "不合格", "错误", "警告", "提示"}
    found = []
    for path in sorted((ROOT / "checker").rglob("*.py")):
        with warnings.catch_warnings():  # a module's own escape-sequence warnings are not this test's
            warnings.simplefilter("ignore")
            tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and node.value in words:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.value}")
    assert found and all(item.startswith("checker/model.py:") for item in found), found
    template = (ROOT / "checker" / "reports" / "templates" / "report.html.j2").read_text(encoding="utf-8")
    assert "需修改" not in template and "不合格" not in template


# 6 ------------------------------------------------------------ ../shared missing: skip locally, fail in CI

_NEEDS_SHARED = """
from tests.fixtures.shared import needs_shared, missing_shared

@needs_shared(False, "needs ../shared/eval/docs")
def test_decorated():
    pass

def test_inside():
    missing_shared("needs ../shared/eval/docs")
"""


@pytest.mark.parametrize(("ci", "outcome"), [("true", "2 failed"), ("", "2 skipped")])
def test_tests_needing_shared_fail_under_ci(tmp_path, ci, outcome):
    test_file = tmp_path / "test_needs_shared.py"
    test_file.write_text(_NEEDS_SHARED, encoding="utf-8")
    env = {**os.environ, "CI": ci, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(test_file)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert outcome in proc.stdout, proc.stdout + proc.stderr


# 6 ------------------------------------------------------------ `checker fields` reads as `checker audit` does


def test_fields_command_keeps_the_limits(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["员工姓名", "面谈人", "绩效总结"])
    for i in range(30):
        wb.active.append([f"员工{i}", "王经理", "完成"])
    wb.save(tmp_path / "导出.xlsx")
    config = tmp_path / "c.toml"
    config.write_text("[limits]\nmax_rows = 10\n", encoding="utf-8")
    fields = _run("fields", str(tmp_path / "导出.xlsx"), "--config", str(config))
    assert fields.exit_code == EXIT_UNREADABLE, fields.output
    assert "[too-large]" in fields.output and "超过 10 行" in fields.output
    audit = _run("audit", str(tmp_path / "导出.xlsx"), "--config", str(config), "--format", "json")
    assert [e["code"] for e in json.loads(audit.stdout)["errors"]] == ["too-large"]


def test_fields_command_keeps_the_worker_budget(tmp_path):
    slow = tmp_path / "卡住的记录.docx"
    slow.write_bytes(slow_docx())
    config = tmp_path / "c.toml"
    config.write_text('[limits]\nisolate = "always"\nseconds_per_file = 0.5\n', encoding="utf-8")
    result = _run("fields", str(slow), "--config", str(config))
    assert result.exit_code == EXIT_UNREADABLE, result.output
    assert "[timeout]" in result.output and "秒仍未完成" in result.output


def test_dead_code_is_gone():
    """Issue 14: api.Checker._audit_one (no caller) and CheckKind.field_scoped (never read) were removed."""
    import dataclasses

    from checker.api import Checker
    from checker.checks.base import CheckKind

    assert not hasattr(Checker, "_audit_one")
    assert [f.name for f in dataclasses.fields(CheckKind)] == ["name", "params", "run", "doc"]
