"""Time of the cross-record stage (copied-text and plan-not-followed-up) on a generated 10k-record batch.

    .venv/bin/python benchmarks/copied_text.py [--records 10000] [--copies 0.02] [--pack default]

Records are generated from phrase pools (several points per field, with numbers and names varied, so
texts are near-unique the way real evaluations are), and a share of them (--copies) repeat another
employee's evaluation and plan. Each record is fed to the stage as the audit feeds it: one
RecordReport at a time, in input order. What is timed is the stage alone (the per-record rules run
in the engine, in parallel workers, and are measured by bench.py). Prints records/s and how many
copies were found (every planted copy should be).
"""

from __future__ import annotations

import argparse
import random
import time

from checker import Checker
from checker.checks.crossrecord import CrossRecordStage
from checker.config import Config
from checker.model import RecordReport

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


def generate(count: int, copies: float, seed: int = 12) -> tuple[list[RecordReport], int]:
    rng = random.Random(seed)
    records: list[RecordReport] = []
    planted = 0
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
        if records and rng.random() < copies:
            source = rng.choice(records).fields
            fields["performance_summary"] = source["performance_summary"]
            fields["improvement_plan"] = source["improvement_plan"]
            planted += 1
        records.append(RecordReport(source="batch.jsonl", index=i, sheet=f"第{i + 1}行", fields=fields))
    return records, planted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--copies", type=float, default=0.02)
    parser.add_argument("--pack", default="default")
    args = parser.parse_args()
    checker = Checker(Config(rules=args.pack))
    checker.warm_up()
    records, planted = generate(args.records, args.copies)
    stage = CrossRecordStage(checker.engine)
    print(f"cross-record rules: {', '.join(r.id for r in stage.rules)} (pack {args.pack})")
    start, cpu = time.perf_counter(), time.process_time()
    for rec in records:
        stage.feed(rec)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    found = sum(1 for r in records if any(f.rule == "copied-text" for f in r.findings))
    print(
        f"{args.records} records in {seconds:.2f}s ({args.records / seconds:.0f} records/s; {cpu:.2f}s CPU)"
    )
    print(f"records with copied-text: {found} (planted copies: {planted})")


if __name__ == "__main__":
    main()
