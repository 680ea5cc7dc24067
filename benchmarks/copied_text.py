"""Time and memory of the cross-record stage (copied-text and plan-not-followed-up) on generated batches.

    .venv/bin/python benchmarks/copied_text.py                       # export-shaped, 10k and 100k records
    .venv/bin/python benchmarks/copied_text.py --records 10000 --shape pool --copies 0.02 --pack strict

Two shapes of record:
- export (default): the rows of benchmarks/batch.py's HR export (its generator, same seed, the export's
  columns mapped to field keys by the alias table). Evaluations there are 2-4 stock sentences, so many
  records are copies or near-copies of each other: the stage's heavy case.
- pool: records from phrase pools (several points per field, with numbers and names varied, so texts
  are near-unique the way real evaluations are); a share of them (--copies) repeat another employee's
  evaluation and plan, and every planted copy should be found.

Each record is fed to the stage as the audit feeds it: one RecordReport at a time, in input order, and
then dropped (the stage must not keep records alive). What is measured is the stage alone (the
per-record rules run in the engine, in parallel workers, and are measured by bench.py): per-record
time (one pass without tracing), then, in a second pass with tracemalloc, the memory the stage still
holds at the end and its peak, and the growth of the process's RSS over that pass. Figures are printed,
never asserted.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import sys
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import batch  # noqa: E402  (benchmarks/batch.py: the export's record generator)

from checker import Checker  # noqa: E402
from checker.checks.crossrecord import CrossRecordStage  # noqa: E402
from checker.config import Config  # noqa: E402
from checker.model import RecordReport  # noqa: E402

DONE = ["主导完成", "参与", "负责", "协调推进", "独立完成", "牵头组织"]
WORK = ["订单中心支付模块重构", "会员积分系统迁移", "华东区渠道拓展", "年度预算编制", "仓库盘点流程优化",
        "客服知识库建设", "新员工带教", "供应商准入审核", "门店陈列升级", "数据看板搭建"]  # fmt: skip
RESULT = ["上线后未出现P1级故障", "按期交付", "成本下降{n}%", "客户满意度提升到{n}%", "差错率降到{n}‰",
          "节省工时{n}小时", "新增客户{n}家", "回款率达到{n}%"]  # fmt: skip
JUDGE = ["技术能力突出", "沟通协调能力强", "责任心强", "执行力有待提高", "细致认真", "主动性不够"]
PLAN = [
    "{m}月底前将{w}的文档补齐,覆盖率达到{p}%",
    "每月参加{n}次{w}相关培训,考核成绩不低于{p}分",
    "Q{q}末前独立负责{w},差错不超过{n}次",
    "下次面谈前完成{w}复盘报告,提出{n}条改进建议",
]
NAMES = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"


def evaluation(rng: random.Random) -> str:
    points = []
    for i in range(rng.randint(2, 4)):
        result = rng.choice(RESULT).format(n=rng.randint(3, 99))
        points.append(
            f"{i + 1}. {rng.randint(1, 12)}月{rng.choice(DONE)}{rng.choice(WORK)},{result},{rng.choice(JUDGE)}。"
        )
    return "\n".join(points)


def plan(rng: random.Random) -> str:
    items = [
        rng.choice(PLAN).format(
            m=rng.randint(1, 12),
            n=rng.randint(1, 9),
            p=rng.randint(50, 99),
            q=rng.randint(1, 4),
            w=rng.choice(WORK),
        )
        for _ in range(rng.randint(1, 3))
    ]
    return "\n".join(f"{i + 1}. {t}" for i, t in enumerate(items))


def pool_records(count: int, copies: float, planted: list[int], seed: int = 12) -> Iterator[RecordReport]:
    """Near-unique records; a share repeat an earlier employee's evaluation and plan (planted copies,
    whose record numbers go to `planted`)."""
    rng = random.Random(seed)
    kept: list[tuple[str, str]] = []  # (evaluation, plan) of earlier records, to copy from
    for i in range(count):
        name = rng.choice(SURNAMES) + rng.choice(NAMES) + rng.choice(NAMES)
        fields = {
            "employee_id": f"E{i:05d}",
            "employee_name": name,
            "department": f"{rng.choice('一二三四五')}部",
            "interview_time": f"2024-07-{rng.randint(1, 28):02d} 10:00-11:00",
            "performance_summary": evaluation(rng),
            "strengths": rng.choice(JUDGE) + "," + rng.choice(WORK) + "中表现出色",
            "improvement_plan": plan(rng),
            "previous_review": "上期改进项均已完成。",
        }
        if kept and rng.random() < copies:
            fields["performance_summary"], fields["improvement_plan"] = rng.choice(kept)
            planted.append(i)
        kept.append((fields["performance_summary"], fields["improvement_plan"]))
        yield RecordReport(source="batch.jsonl", index=i, sheet=f"第{i + 1}行", fields=fields)


SOURCE = "benchmarks/.data/export_100000.xlsx"


def export_records(count: int, fields_table) -> Iterator[RecordReport]:
    """The rows of benchmarks/batch.py's HR export (same generator and seed as write_export)."""
    rng = random.Random(11)
    keys = {label: fields_table.lookup(label) for label in batch.EXPORT_HEADER}
    for i in range(count):
        row = batch.make_record(rng, i)
        fields = {keys[label]: row[label] for label in batch.EXPORT_HEADER if keys[label]}
        yield RecordReport(source=SOURCE, index=i, sheet=f"面谈记录导出 第{i + 3}行", fields=fields)


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def run(checker: Checker, records: Iterator[RecordReport], trace: bool) -> dict:
    """Feed the records one at a time; count what the stage found, time it or trace its memory."""
    stage = CrossRecordStage(checker.engine)
    gc.collect()
    counts = {"records": 0, "copied": 0, "followup": 0}
    rss0 = rss_mb()
    if trace:
        tracemalloc.start()
    busy = cpu = 0.0
    for rec in records:  # generating a record is not timed
        start, start_cpu = time.perf_counter(), time.process_time()
        stage.feed(rec)
        busy += time.perf_counter() - start
        cpu += time.process_time() - start_cpu
        counts["records"] += 1
        counts["copied"] += any(f.rule == "copied-text" for f in rec.findings)
        counts["followup"] += any(f.rule == "plan-not-followed-up" for f in rec.findings)
    out = {**counts, "seconds": busy, "cpu": cpu, "rules": [r.id for r in stage.rules]}
    if trace:
        gc.collect()
        held, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        out.update(held=held / 2**20, peak=peak / 2**20, rss=rss_mb() - rss0)
    del stage
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--shape", choices=("export", "pool"), default="export")
    parser.add_argument("--copies", type=float, default=0.02, help="share of planted copies (pool shape)")
    parser.add_argument("--pack", default="default")
    parser.add_argument("--no-memory", action="store_true", help="skip the traced pass")
    args = parser.parse_args()
    checker = Checker(Config(rules=args.pack))
    checker.warm_up()
    load = os.getloadavg()
    print(f"pack {args.pack}, shape {args.shape}; load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")

    planted: list[int] = []

    def records(count: int) -> Iterator[RecordReport]:
        planted.clear()
        if args.shape == "export":
            return export_records(count, checker.engine.fields)
        return pool_records(count, args.copies, planted)

    for count in args.records:
        timed = run(checker, records(count), trace=False)
        print(f"{count} records, cross-record rules {', '.join(timed['rules'])}:")
        per = timed["seconds"] / count * 1000
        print(
            f"  time   {timed['seconds']:.2f} s in the stage, {per:.3f} ms per record"
            f" (CPU {timed['cpu'] / count * 1000:.3f} ms: on a busy machine the fairer figure)"
        )
        found = (
            f"  found  copied-text on {timed['copied']} records, plan-not-followed-up on {timed['followup']}"
        )
        if args.shape == "pool":
            found += f" (planted copies: {len(planted)})"
        print(found)
        if not args.no_memory:
            traced = run(checker, records(count), trace=True)
            print(
                f"  memory held at the end {traced['held']:.1f} MB, traced peak {traced['peak']:.1f} MB,"
                f" RSS growth {traced['rss']:.1f} MB (tracemalloc pass: {traced['seconds']:.1f} s)"
            )


if __name__ == "__main__":
    main()
