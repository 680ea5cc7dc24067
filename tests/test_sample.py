"""`checker sample`: reproducible, stratified, at least one record per stratum, recent picks skipped,
a manifest, and an output folder that `checker audit` reads as it is."""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
import sys
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.history.sample import PICKED, SKIPPED, Candidate, draw, quota
from checker.history.store import open_store
from checker.model import Record

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from hr_year import generate_year, write_year  # noqa: E402


@pytest.fixture(scope="module")
def month_dir(tmp_path_factory):
    """A quarter of the generated company (seven departments, 240 records), as HR gets them."""
    out = tmp_path_factory.mktemp("records")
    records = [r for r in generate_year(seed=3, employees=240) if r["interview_time"][:7] in ("2024-04", "2024-05", "2024-06")]
    write_year(records, out)
    return out


def _picks(manifest_csv: Path) -> list[tuple]:
    with open(manifest_csv, encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    return sorted((r["来源文件"], r["工作表/行"], r["分层"]) for r in rows if r["结果"] == PICKED)


def _run(args, tmp_path):
    result = CliRunner().invoke(main, ["sample", *map(str, args)])
    assert result.exit_code == 0, result.output
    return result


def test_reproducible_and_covers_every_stratum(month_dir, tmp_path):
    db = tmp_path / "h.sqlite"
    common = [month_dir, "--rate", "0.1", "--seed", "42", "--by", "department", "--db", db]
    _run([*common, "--output", tmp_path / "a"], tmp_path)
    _run([*common, "--output", tmp_path / "b"], tmp_path)
    first, second = _picks(tmp_path / "a_抽检清单.csv"), _picks(tmp_path / "b_抽检清单.csv")
    assert first == second and first
    _run([month_dir, "--rate", "0.1", "--seed", "43", "--by", "department", "--db", db, "--output", tmp_path / "c"],
         tmp_path)  # fmt: skip
    assert _picks(tmp_path / "c_抽检清单.csv") != first
    departments = {p[2] for p in first}
    assert departments == {"研发中心", "测试部", "产品部", "销售部", "客服中心", "人力行政部", "生产部"}
    book = openpyxl.load_workbook(tmp_path / "a_抽检清单.xlsx")
    assert book.sheetnames == ["抽检清单", "分层汇总"]
    strata = {row[0]: row for row in book["分层汇总"].iter_rows(min_row=2, values_only=True) if row and row[0]}
    for name in departments:
        total, eligible, target, picked = strata[name][1:5]
        assert picked == target == max(1, round(total * 0.1)) >= 1


def test_output_is_ready_for_audit(month_dir, tmp_path):
    out = tmp_path / "抽检"
    result = _run([month_dir, "--seed", "7", "--by", "job_family", "--output", out, "--no-record"], tmp_path)
    picked = _picks(tmp_path / "抽检_抽检清单.csv")
    assert f"抽中 {len(picked)} 条" in result.output
    assert not list(out.glob("*抽检清单*"))  # the manifest is beside the folder, not in it
    audit = CliRunner().invoke(main, ["audit", str(out), "--format", "json", "--no-progress", "--fail-on", "never"])
    assert audit.exit_code == 0, audit.output
    report = json.loads(audit.output)
    assert report["errors"] == []
    with open(tmp_path / "抽检_抽检清单.csv", encoding="utf-8-sig") as fh:
        names = sorted(row["员工"] for row in csv.DictReader(fh) if row["结果"] == PICKED)
    assert sorted(r["fields"]["employee_name"] for r in report["records"]) == names
    families = {p[2] for p in picked}
    assert families == {"技术", "产品", "销售", "运营", "职能", "生产"}  # T序列/技术序列/研发 -> 技术 ...


def test_single_record_files_are_copied(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for name in ("张伟_研发中心_网格表.docx", "陈晨_财务_表单.xlsx", "上传记录.jsonl"):
        (src / name).write_bytes((ROOT / "samples" / name).read_bytes())
    out = tmp_path / "out"
    _run([src, "--seed", "1", "--rate", "1", "--output", out, "--no-record"], tmp_path)
    assert (out / "张伟_研发中心_网格表.docx").read_bytes() == (src / "张伟_研发中心_网格表.docx").read_bytes()
    assert (out / "陈晨_财务_表单.xlsx").is_file()
    assert (out / "上传记录_抽检.xlsx").is_file()  # three records in one file: picked rows, new workbook
    book = openpyxl.load_workbook(out / "上传记录_抽检.xlsx")
    assert book.sheetnames == ["抽检记录"] and book["抽检记录"].max_row == 4


def test_exclude_recent(month_dir, tmp_path):
    db = tmp_path / "h.sqlite"
    args = [month_dir, "--rate", "0.5", "--seed", "5", "--by", "manager", "--db", db]
    _run([*args, "--output", tmp_path / "m1"], tmp_path)
    first = {p[:2] for p in _picks(tmp_path / "m1_抽检清单.csv")}
    _run([*args, "--exclude-recent", "3", "--output", tmp_path / "m2"], tmp_path)
    second = {p[:2] for p in _picks(tmp_path / "m2_抽检清单.csv")}
    assert first and second and not (first & second)
    with open(tmp_path / "m2_抽检清单.csv", encoding="utf-8-sig") as fh:
        skipped = [r for r in csv.DictReader(fh) if r["结果"] == SKIPPED]
    assert {(r["来源文件"], r["工作表/行"]) for r in skipped} == first
    assert all("近 3 个月内已抽检过" in r["原因"] for r in skipped)
    # months later the same records may be drawn again
    from checker.history.sample import months_ago

    with open_store(f"sqlite:///{db}") as store:
        later = dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=200)
        assert store.recently_sampled(months_ago(3, later)) == {}


def _cands(n_per: dict[str, int]) -> list[Candidate]:
    out = []
    for stratum, n in n_per.items():
        for i in range(n):
            rec = Record(source=f"{stratum}.xlsx", index=i)
            out.append(Candidate(record=rec, key=f"{stratum}-{i:03d}", stratum=stratum, rel=Path(f"{stratum}.xlsx")))
    return out


def test_draw_is_order_independent_and_bounded():
    sizes = {"研发中心": 57, "销售部": 23, "小部门": 2, "一人部门": 1}
    picks = {c.key for c in draw(_cands(sizes), 0.1, seed=9, by="department").picked}
    shuffled = _cands(sizes)
    random.Random(1).shuffle(shuffled)
    assert {c.key for c in draw(shuffled, 0.1, seed=9, by="department").picked} == picks
    per = {s: sum(1 for k in picks if k.startswith(s + "-")) for s in sizes}
    assert per == {"研发中心": 6, "销售部": 2, "小部门": 1, "一人部门": 1}


def test_stratum_all_recent_still_covered():
    cands = _cands({"A": 3, "B": 10})
    now = dt.datetime(2024, 6, 1, tzinfo=dt.timezone.utc)
    recent = {c.key: now for c in cands if c.stratum == "A"}
    result = draw(cands, 0.1, seed=1, by="department", recent=recent, exclude_recent=3)
    assert sum(1 for c in result.picked if c.stratum == "A") == 1
    assert "仍抽最早抽过的 1 条" in next(c.reason for c in result.picked if c.stratum == "A")


def test_quota():
    assert [quota(n, 0.1) for n in (0, 1, 4, 5, 14, 15, 25, 100)] == [0, 1, 1, 1, 1, 2, 3, 10]
    assert quota(3, 1.0) == 3
    with pytest.raises(ValueError):
        draw([], 0, seed=1)


def test_refuses_non_empty_output(tmp_path, month_dir):
    out = tmp_path / "full"
    out.mkdir()
    (out / "old.docx").write_bytes(b"x")
    result = CliRunner().invoke(main, ["sample", str(month_dir), "--seed", "1", "--output", str(out), "--no-record"])
    assert result.exit_code != 0 and "不为空" in result.output
