"""The cross-record rules (plan-not-followed-up, copied-text) over real batches (a JSONL file through
the CLI, an .xlsx batch sheet through the API) and over the PreviousRecords interface (a SQLite-backed
record store, as checker/history/ will provide)."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from checker import Checker
from checker.checks.crossrecord import CrossRecordStage, PastRecord, pick_previous
from checker.config import Config
from checker.model import RecordReport
from tests.builders import xlsx_book

COPIED = "本季度工作积极主动,认真完成领导交办的各项任务,团队协作意识强,能够按时保质完成工作,值得肯定。"
Q1_PLAN = "1. 每月参加1次数据分析培训\n2. 9月底前考取PMP证书\n3. Q3末前将周报模板统一并推广到全组"


def _record(name, summary, **more):
    base = {
        "员工姓名": name,
        "面谈人": "石超",
        "面谈时间": "2024-07-08 09:00-10:00",
        "面谈地点": "3楼会议室",
        "绩效总结": summary,
        "共识": "双方认可本期评价。",
        "分歧": "无分歧",
        "改进计划": "1. 9月30日前新开发客户5家",
        "资源支持": "市场部每月提供1次竞品分析资料",
        "员工签字": f"{name} 2024-07-08",
        "记录日期": "2024-07-08",
    }
    base.update(more)
    return base


def _cli(*args):
    exe = shutil.which("checker", path=str(Path(sys.executable).parent)) or "checker"
    return subprocess.run([exe, *args], capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def batch_jsonl(tmp_path_factory):
    rows = [
        _record("张伟", COPIED, 部门="销售一部"),
        _record("李娜", "Q2签约新客户3家,合同金额合计58万元;回款率96%,部门排名第2。", 部门="销售一部"),
        _record("王芳", COPIED, 部门="销售二部"),
        _record("赵磊", COPIED.replace("值得肯定", "继续保持"), 部门="销售二部"),
    ]
    path = tmp_path_factory.mktemp("batch") / "batch.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    return path


def test_copied_text_over_a_jsonl_batch_through_the_cli(batch_jsonl):
    proc = _cli("audit", "--format", "json", str(batch_jsonl))
    records = json.loads(proc.stdout)["records"]
    copied = [[f for f in r["findings"] if f["rule"] == "copied-text"] for r in records]
    assert copied[0] == [] and copied[1] == []  # the first of the copies is not the copy
    assert copied[2][0]["field"] == "performance_summary" and copied[2][0]["text"] == COPIED
    assert "张伟" in copied[2][0]["message"] and "batch.jsonl" in copied[2][0]["message"]
    assert "张伟" in copied[3][0]["message"] and "王芳" in copied[3][0]["message"]  # near-identical too
    # the score and verdict are recomputed with the new finding
    assert records[2]["score"] == records[0]["score"] - 6  # one warning (settings.severity_weights)


def test_copied_text_ignores_stock_phrases_and_the_same_employee(tmp_path):
    stock = "工作认真负责,表现良好。"
    rows = [
        _record("张伟", stock),
        _record("李娜", stock),
        _record("张伟", COPIED, 工号="S001"),
        _record("张伟", COPIED, 工号="S001", 面谈时间="2024-10-08 09:00-10:00"),
    ]
    path = tmp_path / "b.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    report = Checker().audit_paths([path])
    assert not [f for r in report.records for f in r.findings if f.rule == "copied-text"]


def test_disabled_cross_record_rules_add_nothing(batch_jsonl):
    report = Checker(Config(disable=["copied-text", "plan-not-followed-up"])).audit_paths([batch_jsonl])
    assert not [f for r in report.records for f in r.findings if f.rule == "copied-text"]


def _batch_sheet(path: Path, rows: list[list]) -> Path:
    header = ["序号", "工号", "员工姓名", "部门", "面谈人", "面谈时间", "面谈地点", "绩效总结", "共识", "分歧",
              "改进计划", "资源支持", "上期改进项回顾", "员工签字", "记录日期"]  # fmt: skip
    return xlsx_book(path, {"面谈记录": [header, *rows]})


def test_plan_not_followed_up_over_an_xlsx_batch_sheet(tmp_path):
    q1 = [1, "S001", "张伟", "研发部", "姜丹", "2024-04-08 10:00-11:00", "3楼会议室",
          "Q1完成订单中心接口改造,3月上线后无P1故障。", "双方认可本期评价。", "无分歧", Q1_PLAN,
          "由IT部4月底前开通测试环境", "", "张伟 2024-04-08", "2024-04-08"]  # fmt: skip
    q2 = [2, "S001", "张伟", "研发部", "姜丹", "2024-07-08 10:00-11:00", "3楼会议室",
          "Q2主导完成支付模块重构,6月上线后无P1故障。", "双方认可本期评价。", "无分歧",
          "1. 9月30日前单元测试覆盖率提升至70%", "由IT部7月底前扩容测试环境",
          "数据分析培训参加了3次,已能独立做周报分析。", "张伟 2024-07-08", "2024-07-08"]  # fmt: skip
    other = [3, "S002", "李娜", "研发部", "姜丹", "2024-07-09 10:00-11:00", "3楼会议室",
             "Q2完成会员积分系统迁移,5月割接零故障。", "双方认可本期评价。", "无分歧",
             "1. 9月30日前完成积分对账自动化", "由IT部8月前提供对账服务器", "本期无上期改进项。",
             "李娜 2024-07-09", "2024-07-09"]  # fmt: skip
    path = _batch_sheet(tmp_path / "batch.xlsx", [q1, q2, other])
    report = Checker().audit_paths([path])
    assert [r.fields["employee_name"] for r in report.records] == ["张伟", "张伟", "李娜"]
    found = [[f for f in r.findings if f.rule == "plan-not-followed-up"] for r in report.records]
    assert found[0] == [] and found[2] == []  # no previous record: nothing to follow up
    (f,) = found[1]
    assert f.field == "previous_review" and f.text == "数据分析培训参加了3次,已能独立做周报分析。"
    assert "9月底前考取PMP证书" in f.message and "周报模板" in f.message
    assert "每月参加1次数据分析培训" not in f.message  # this item was reviewed
    assert "2024-04-08" in f.message  # names the previous record


class SqliteRecords:
    """A record database as checker/history/ may build it: one row per record, looked up by employee."""

    def __init__(self, path: Path):
        self.db = sqlite3.connect(path)
        self.db.execute(
            "create table if not exists records (source text, employee_id text, name text, department text,"
            " fields text)"
        )

    def store(self, source: str, fields: dict[str, str]) -> None:
        self.db.execute(
            "insert into records values (?, ?, ?, ?, ?)",
            (source, fields.get("employee_id", ""), fields.get("employee_name", ""),
             fields.get("department", ""), json.dumps(fields, ensure_ascii=False)),
        )  # fmt: skip
        self.db.commit()

    def lookup(self, employee_id: str, name: str, department: str):
        if employee_id:
            rows = self.db.execute("select source, fields from records where employee_id = ?", (employee_id,))
        else:
            rows = self.db.execute(
                "select source, fields from records where name = ? and department = ?", (name, department)
            )
        return [PastRecord(source, json.loads(fields)) for source, fields in rows.fetchall()]


def test_plan_not_followed_up_through_the_previous_records_interface(tmp_path):
    db = SqliteRecords(tmp_path / "history.sqlite")
    db.store("2024Q1/张伟.docx", {"employee_name": "张伟", "department": "研发部", "employee_id": "",
                                 "interview_time": "2024-04-08 10:00", "improvement_plan": Q1_PLAN})  # fmt: skip
    db.store("2024Q1/李娜.docx", {"employee_name": "李娜", "department": "研发部",
                                 "interview_time": "2024-04-09 10:00", "improvement_plan": "1. 每周写1篇技术博客"})  # fmt: skip
    checker = Checker()
    checker.previous_records = db
    record = _record("张伟", "Q2主导完成支付模块重构,6月上线后无P1故障,单元测试覆盖率提升至72%。", 部门="研发部",
                     上期改进项回顾="PMP证书已于6月取得;周报模板已统一,全组在用。")  # fmt: skip
    report = checker.audit_bytes(json.dumps(record, ensure_ascii=False).encode("utf-8"), "2024Q2/张伟.json")
    (f,) = [f for f in report.records[0].findings if f.rule == "plan-not-followed-up"]
    assert (
        "每月参加1次数据分析培训" in f.message and "PMP" not in f.message and "2024Q1/张伟.docx" in f.message
    )
    # a name + department that the database does not know has no previous record
    other = _record("王芳", "Q2完成预算编制,误差率1.2%。", 部门="研发部")
    report = checker.audit_bytes(json.dumps(other, ensure_ascii=False).encode("utf-8"), "2024Q2/王芳.json")
    assert not [f for f in report.records[0].findings if f.rule == "plan-not-followed-up"]


def test_previous_record_is_the_latest_talk_before_this_one():
    def past(source, when, period=""):
        return PastRecord(source, {"interview_time": when, "period": period})

    candidates = [past("q2", "2024-07-08"), past("q1", "2024-04-08"), past("q4", "2024-12-20")]
    chosen = pick_previous({"interview_time": "2024-10-09 10:00"}, "q3", 0, "", candidates)
    assert chosen.source == "q2"  # not the later q4, not the older q1
    # no interview time: the last one earlier in input order; never one of the same period
    chosen = pick_previous(
        {"period": "2024Q3"}, "x", 0, "", [past("a", "", "2024Q2"), past("b", "", "2024Q3")]
    )
    assert chosen.source == "a"


def test_stage_is_fed_one_record_at_a_time(checker_instance):
    stage = CrossRecordStage(checker_instance.engine)
    first = RecordReport(source="a.json", fields={"employee_name": "甲", "performance_summary": COPIED})
    second = RecordReport(source="b.json", fields={"employee_name": "乙", "performance_summary": COPIED})
    assert stage.feed(first).findings == []
    out = stage.feed(second)
    assert [f.rule for f in out.findings] == ["copied-text"] and out.score == 94 and out.verdict == "合格"
    assert "a.json 甲" in out.findings[0].message
