"""The record database: save/load round trip on a real SQLite file and a real PostgreSQL server,
the Alembic schema, store_text = false, `checker audit --save`.

PostgreSQL: CHECKER_TEST_PG_URL (.ci/run starts a server and sets it). Under CI=true a missing or
unreachable server FAILS these tests; locally they are skipped without one.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.config import Config, HistoryConfig
from checker.history.store import (
    HistoryStore,
    current_revision,
    make_engine,
    open_store,
    record_key,
    resolve_url,
    text_hash,
    upgrade,
)
from checker.model import FileError, Finding, RecordReport, Report, Severity


def _pg_url_or_skip() -> str:
    url = os.environ.get("CHECKER_TEST_PG_URL", "")
    in_ci = os.environ.get("CI", "").lower() == "true"
    if not url:
        if in_ci:
            pytest.fail("CHECKER_TEST_PG_URL is not set: .ci/run must start PostgreSQL for the record database tests")
        pytest.skip("no PostgreSQL server (set CHECKER_TEST_PG_URL; .ci/run starts one)")
    return url


@pytest.fixture
def pg_url():
    """A fresh database on the test server for each test, dropped afterwards."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    base = make_url(_pg_url_or_skip())
    name = f"checker_t_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"PostgreSQL at {base.render_as_string(hide_password=True)} is unreachable: {exc}")
        pytest.skip(f"PostgreSQL unreachable: {exc}")
    yield base.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'history.sqlite'}"
    return request.getfixturevalue("pg_url")


def make_report() -> Report:
    recs = [
        RecordReport(
            source="2024-06/研发中心.xlsx", index=0, sheet="面谈记录 第3行",
            fields={"employee_name": "张伟", "employee_id": "E001", "department": "研发中心", "job_family": "T序列",
                    "grade": "优秀", "manager_name": "刘洋", "interview_time": "2024-06-03 15:00",
                    "period": "2024年第二季度", "resource_support": "申请测试环境2台,由IT部6月前到位",
                    "performance_summary": "沟通能力强"},
            findings=[Finding(rule="vague-rating", severity=Severity.warning, field="performance_summary", start=0,
                              end=5, text="沟通能力强", message="评价缺少具体事例", suggestion="补充事例")],
            score=92, verdict="合格",
        ),
        RecordReport(
            source="2024-06/销售部.json", index=1,
            fields={"employee_name": "李娜", "department": "销售部", "job_family": "营销序列", "grade": "C级",
                    "interview_time": "2024年7月2日 10:00", "resource_support": "无"},
            findings=[Finding(rule="missing-field", severity=Severity.error, field="resource_support", message="缺失"),
                      Finding(rule="unconfirmed", severity=Severity.error, field="employee_confirmation", message="未确认")],
            score=60, verdict="需修改",
        ),
    ]  # fmt: skip
    errors = [FileError(source="2024-06/坏文件.docx", code="corrupt", message="文件损坏")]
    return Report(records=recs, errors=errors, rule_pack="default@1").finish()


def test_round_trip(store_url):
    store = open_store(store_url)
    try:
        assert current_revision(store.engine) == "0001"
        report = make_report()
        run_id = store.save_report(report, inputs=["2024-06/"])
        runs = store.runs()
        assert [r.id for r in runs] == [run_id]
        assert (runs[0].record_count, runs[0].error_count, runs[0].passed) == (2, 1, 1)
        assert runs[0].inputs == ["2024-06/"] and runs[0].rule_pack == "default@1"
        loaded = store.load_records(with_findings=True)
        assert len(loaded) == 2
        first, second = loaded
        assert first.texts == report.records[0].fields
        assert first.hashes["resource_support"] == text_hash("申请测试环境2台,由IT部6月前到位")
        assert (first.job_family, first.job_family_norm, first.grade_norm) == ("T序列", "技术", "A")
        assert first.interview_date == dt.date(2024, 6, 3) and first.month == "2024-06"
        assert first.rules == {"vague-rating": 1} and first.passed and first.score == 92
        assert first.findings[0]["text"] == "沟通能力强" and first.findings[0]["end"] == 5
        assert (first.source, first.sheet) == ("2024-06/研发中心.xlsx", "面谈记录 第3行")
        assert (second.job_family_norm, second.grade_norm, second.month) == ("销售", "C", "2024-07")
        assert second.rules == {"missing-field": 1, "unconfirmed": 1} and not second.passed
        assert first.record_key == record_key(report.records[0].fields)
        # since/until on the interview month
        assert [r.employee_name for r in store.load_records(since="2024-07")] == ["李娜"]
        assert [r.employee_name for r in store.load_records(until="2024-06")] == ["张伟"]
    finally:
        store.close()


def test_latest_check_counts_once(store_url):
    store = open_store(store_url)
    try:
        report = make_report()
        store.save_report(report)
        fixed = make_report()
        fixed.records[1].findings, fixed.records[1].verdict, fixed.records[1].score = [], "合格", 100
        second_run = store.save_report(fixed.finish())
        latest = store.load_records()
        assert len(latest) == 2
        assert all(r.passed for r in latest)
        assert {r.run_id for r in latest} == {second_run}
        assert len(store.load_records(latest=False)) == 4
        store.delete_run(second_run)
        assert [r.passed for r in store.load_records()] == [True, False]
    finally:
        store.close()


def test_store_text_false_keeps_only_hashes(store_url):
    store = open_store(store_url)
    try:
        store.save_report(make_report(), store_text=False)
        rec = store.load_records(with_findings=True)[0]
        assert rec.texts == {}
        assert rec.hashes["performance_summary"] == text_hash("沟通能力强")
        assert rec.findings[0]["text"] is None and rec.findings[0]["text_hash"] == text_hash("沟通能力强")
        assert rec.employee_name == "张伟"  # keys and metadata are kept
    finally:
        store.close()


def test_sample_picks_are_remembered(store_url):
    store = open_store(store_url)
    try:
        sample_id = store.save_sample(seed=1, rate=0.1, by="department", exclude_recent=0, sources=["x/"],
                                      output="out/", total=10, picks=[{"record_key": "k1", "source": "a.docx",
                                      "sheet": "", "idx": 0, "employee_name": "张伟", "stratum": "研发中心",
                                      "reason": "r"}])  # fmt: skip
        assert sample_id
        now = dt.datetime.now(dt.timezone.utc)
        assert set(store.recently_sampled(now - dt.timedelta(days=1))) == {"k1"}
        assert store.recently_sampled(now + dt.timedelta(days=1)) == {}
    finally:
        store.close()


def test_migrations_are_idempotent_and_reversible(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'm.sqlite'}")
    upgrade(engine)
    upgrade(engine)  # current: nothing to do
    assert current_revision(engine) == "0001"
    from sqlalchemy import inspect

    assert {"runs", "records", "record_fields", "findings", "file_errors", "samples", "sample_picks"} <= set(
        inspect(engine).get_table_names()
    )
    from alembic import command
    from alembic.config import Config as AlembicConfig

    from checker.history.store import MIGRATIONS

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    assert "records" not in inspect(engine).get_table_names()
    engine.dispose()


def test_schema_matches_models(store_url):
    """The migrations build exactly what the models describe (no drift for the next migration)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from checker.history.models import Base

    store = open_store(store_url)
    try:
        with store.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == []
    finally:
        store.close()


def test_resolve_url(tmp_path, monkeypatch):
    monkeypatch.delenv("CHECKER_HISTORY_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    assert resolve_url() == f"sqlite:///{tmp_path / 'checker-history.sqlite'}"
    assert resolve_url("db/h.sqlite") == f"sqlite:///{tmp_path / 'db' / 'h.sqlite'}"
    config = Config(history=HistoryConfig(url="records.sqlite"), source=str(tmp_path / "cfg" / ".checker.toml"))
    assert resolve_url(None, config) == f"sqlite:///{tmp_path / 'cfg' / 'records.sqlite'}"
    assert resolve_url("postgresql+psycopg://u@h/db", config) == "postgresql+psycopg://u@h/db"
    monkeypatch.setenv("CHECKER_HISTORY_URL", "sqlite:////x.sqlite")
    assert resolve_url(None, config) == "sqlite:////x.sqlite"


def test_audit_save_cli(tmp_path, monkeypatch):
    """`checker audit --save --db FILE` stores every record of the samples, then trends reads them."""
    monkeypatch.chdir(tmp_path)
    from pathlib import Path

    samples = Path(__file__).resolve().parent.parent / "samples"
    db = tmp_path / "h.sqlite"
    runner = CliRunner()
    result = runner.invoke(main, ["audit", str(samples), "--save", "--db", str(db), "--format", "json",
                                  "--no-progress", "--output", str(tmp_path / "r.json")])  # fmt: skip
    assert result.exit_code in (0, 1), result.output
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    with HistoryStore(make_engine(f"sqlite:///{db}")) as store:
        stored = store.load_records()
        assert len(stored) == len(report["records"]) > 0
        assert store.runs()[0].record_count == len(report["records"])
        assert sum(sum(r.rules.values()) for r in stored) == report["summary"]["findings"]


def test_audit_save_from_config(tmp_path, monkeypatch):
    """[history] in .checker.toml: save = true, url, store_text = false."""
    from pathlib import Path

    samples = Path(__file__).resolve().parent.parent / "samples"
    (tmp_path / ".checker.toml").write_text('[history]\nurl = "db/records.sqlite"\nstore_text = false\nsave = true\n',
                                            encoding="utf-8")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CHECKER_HISTORY_URL", raising=False)
    result = CliRunner().invoke(main, ["audit", str(samples / "上传记录.jsonl"), "--format", "json", "--no-progress",
                                       "--output", str(tmp_path / "r.json")])  # fmt: skip
    assert result.exit_code in (0, 1), result.output
    with HistoryStore(make_engine(f"sqlite:///{tmp_path / 'db' / 'records.sqlite'}")) as store:
        stored = store.load_records()
        assert len(stored) == 3
        assert all(r.texts == {} and r.hashes for r in stored)


def test_audit_save_and_trends_on_postgresql(pg_url, tmp_path):
    """The same commands against PostgreSQL: audit --save --db URL, then trends --db URL."""
    from pathlib import Path

    samples = Path(__file__).resolve().parent.parent / "samples"
    runner = CliRunner()
    result = runner.invoke(main, ["audit", str(samples), "--save", "--db", pg_url, "--format", "json", "--no-progress",
                                  "--output", str(tmp_path / "r.json")])  # fmt: skip
    assert result.exit_code in (0, 1), result.output
    count = len(json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["records"])
    trends = runner.invoke(main, ["trends", "--db", pg_url, "--format", "json", "--by", "department"])
    assert trends.exit_code == 0, trends.output
    doc = json.loads(trends.output)
    assert doc["records"] == count and doc["database"].startswith("postgresql+psycopg://")
