"""The month end to end on the generated year: files -> `checker audit --save` -> `checker trends`
in every format (text, json, xlsx with charts, self-contained html with inline SVG), each with the
topics section."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from checker.cli import main

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from hr_year import generate_year, write_year  # noqa: E402


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("year")
    write_year(generate_year(seed=11, employees=100, year=2024), folder / "记录")
    db = folder / "history.sqlite"
    result = CliRunner().invoke(main, ["audit", str(folder / "记录"), "--save", "--db", str(db), "--format", "json",
                                       "--no-progress", "--output", str(folder / "report.json")])  # fmt: skip
    assert result.exit_code in (0, 1), result.output
    assert "已存入记录库" in result.output
    return db


def trends(db, *args) -> str:
    result = CliRunner().invoke(main, ["trends", "--db", str(db), *map(str, args)])
    assert result.exit_code == 0, result.output
    return result.output


def test_json(db):
    doc = json.loads(trends(db, "--format", "json", "--by", "job_family"))
    assert doc["records"] == sum(m["records"] for m in doc["months"]) > 300
    assert [m["group"] for m in doc["months"]] == [f"2024-{m:02d}" for m in range(1, 13)]
    assert {g["group"] for g in doc["groups"]} == {"技术", "产品", "销售", "运营", "职能", "生产"}
    for g in doc["groups"]:
        assert 0 <= g["pass_rate"] <= 1 and set(g["rules"]) == set(doc["rules"])
    assert set(doc["series"]["技术"]) == {m["group"] for m in doc["months"]}
    family = next(s for s in doc["topics"] if s["by"] == "job_family")
    assert family["groups"]["技术"][0]["topic"] == "测试资源"
    assert family["groups"]["技术"][0]["sentence"].startswith("技术序列:")
    assert all(ts[0]["topic"] != "测试资源" for g, ts in family["groups"].items() if g != "技术" and ts)
    ex = family["groups"]["技术"][0]["examples"][0]
    assert ex["record_id"] and ex["source"].endswith(".xlsx") and ex["quote"]


def test_since_and_groups(db):
    doc = json.loads(trends(db, "--format", "json", "--since", "2024-07", "--by", "grade", "--no-topics"))
    assert doc["months"][0]["group"] == "2024-07" and doc["topics"] == []
    assert [g["group"] for g in doc["groups"]][:4] == ["S", "A", "B", "C"]  # A/优秀/A级 ... folded, best first
    for by in ("department", "manager", "month"):
        assert json.loads(trends(db, "--format", "json", "--by", by, "--no-topics"))["groups"]


def test_text(db):
    out = trends(db, "--by", "department")
    assert "按月份" in out and "按部门" in out and "合格率" in out
    assert "员工反映的话题,按岗位序列" in out
    assert "技术序列:" in out and "提到「测试资源」" in out and "—— " in out


def test_xlsx(db, tmp_path):
    path = tmp_path / "trends.xlsx"
    trends(db, "--format", "xlsx", "--by", "job_family", "--output", path)
    book = openpyxl.load_workbook(path)
    assert {"概览", "按月份", "按岗位序列", "岗位序列逐月合格率", "员工反映的话题", "话题示例"} <= set(book.sheetnames)
    assert book["按月份"]._charts and book["按岗位序列"]._charts and book["员工反映的话题"]._charts
    topics = list(book["员工反映的话题"].iter_rows(min_row=2, values_only=True))
    assert any(r[0] == "岗位序列" and r[1] == "技术" and r[2] == "测试资源" for r in topics)


def test_html(db, tmp_path):
    path = tmp_path / "trends.html"
    trends(db, "--format", "html", "--by", "department", "--output", path)
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "lang='zh-CN'" in page
    assert page.count("<svg") >= 4  # pass rate, rule rates, by group, topics
    assert "员工反映的话题" in page and "提到「测试资源」" in page
    assert "<script" not in page and "http://" not in page and "https://" not in page  # self-contained


def test_empty_database(tmp_path):
    out = trends(tmp_path / "empty.sqlite")
    assert "还没有记录" in out
    assert "<svg" not in trends(tmp_path / "empty.sqlite", "--format", "html")
