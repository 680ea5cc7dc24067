"""Throughput and cold start of the checker.

    .venv/bin/python benchmarks/bench.py [--docx FILE] [--runs 5]

1. points/s after start-up: every labelled point of tests/data/*.jsonl and the
   dev set, made unique (a counter suffix) so the per-text cache never helps,
   analysed on one core with the default lexicons.
2. cold start: wall time of `checker audit --format json FILE.docx` as a fresh
   subprocess, several runs, median printed (target <= 1.5 s).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = [ROOT / "tests" / "data", ROOT.parent / "shared" / "eval"]
DEFAULT_DOCX = ROOT.parent / "shared" / "eval" / "docs" / "A01_grid_tech.docx"


def load_texts() -> list[str]:
    texts = []
    for folder in SETS:
        for path in sorted(folder.glob("*.jsonl")):
            texts += [
                json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line
            ]
    return texts


def points_per_second(min_points: int = 20_000) -> tuple[float, int]:
    sys.path.insert(0, str(ROOT))
    from checker.nlp.analysis import TextAnalyzer
    from checker.nlp.lexicon import load_lexicons

    analyzer = TextAnalyzer(load_lexicons())
    base = load_texts()
    analyzer.analyze(base[0])  # start-up: load the segmenter
    texts = [f"{t}{i}" for i in range(min_points // len(base) + 1) for t in base][:min_points]
    start = time.perf_counter()
    for text in texts:
        analyzer.analyze(text)
    return len(texts) / (time.perf_counter() - start), len(texts)


def cached_points_per_second(min_points: int = 20_000, repeats: int = 5) -> tuple[float, int]:
    """points/s through the checker (rules + NLP) when each text comes `repeats` times, as texts do
    in an HR export: the engine's (rule, field, text) cache analyses each distinct text once."""
    sys.path.insert(0, str(ROOT))
    from checker.api import Checker
    from checker.model import FieldValue, Record

    checker = Checker()
    base = load_texts()
    checker.warm_up()
    distinct = [f"{t}{i}" for i in range(min_points // (len(base) * repeats) + 1) for t in base]
    texts = (distinct * repeats)[:min_points]
    records = [Record(source="bench", fields={"improvement_plan": FieldValue(text=t)}) for t in texts]
    start = time.perf_counter()
    for record in records:
        checker.audit_record(record)
    return len(texts) / (time.perf_counter() - start), len(texts)


def cold_start(docx: Path, runs: int) -> list[float]:
    checker = ROOT / ".venv" / "bin" / "checker"
    cmd = [str(checker) if checker.exists() else "checker", "audit", "--format", "json", str(docx)]
    walls = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=False)
        walls.append(time.perf_counter() - start)
    return walls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docx", type=Path, default=DEFAULT_DOCX)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--points", type=int, default=20_000)
    args = parser.parse_args()
    rate, n = points_per_second(args.points)
    print(f"analysis: {n} unique points, {rate:,.0f} points/s after start-up (target >= 5,000)")
    rate, n = cached_points_per_second(args.points)
    print(f"checking: {n} points, each text 5 times (an export), {rate:,.0f} points/s through the rules")
    if args.docx.exists():
        walls = cold_start(args.docx, args.runs)
        runs = ", ".join(f"{w:.2f}" for w in walls)
        print(
            f"cold start `checker audit` on {args.docx.name}: median {statistics.median(walls):.2f} s ({runs})"
        )
    else:
        print(f"cold start: {args.docx} not found, skipped")


if __name__ == "__main__":
    main()
