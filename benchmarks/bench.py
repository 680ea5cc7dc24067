"""Throughput and cold start of the checker.

    .venv/bin/python benchmarks/bench.py [--docx FILE] [--runs 5]

1. points/s after start-up: every labelled point of tests/data/*.jsonl and the
   dev set, made unique (a counter suffix) so the per-text cache never helps,
   analysed on one core with the default lexicons. Printed by wall time and by
   CPU time: on a shared machine (load average printed too) the CPU figure is
   what one core does; both are taken after a first pass that compiles what the
   points need (patterns compile on first need).
2. cold start: wall time of `checker audit --format json FILE.docx` as a fresh
   subprocess, several runs, median printed (target <= 1.2 s), with the CPU time
   of the child.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
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


def _rates(work, n: int) -> tuple[float, float]:
    """(points/s by wall time, points/s by CPU time)."""
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return n / (time.perf_counter() - wall), n / (time.process_time() - cpu)


def points_per_second(min_points: int = 20_000) -> tuple[float, float, int]:
    sys.path.insert(0, str(ROOT))
    from checker.nlp.analysis import TextAnalyzer
    from checker.nlp.lexicon import load_lexicons

    analyzer = TextAnalyzer(load_lexicons())
    base = load_texts()
    for text in base:  # start-up: load the segmenter, compile what the points need
        analyzer.analyze(f"{text}#")
    texts = [f"{t}{i}" for i in range(min_points // len(base) + 1) for t in base][:min_points]

    def work():
        for text in texts:
            analyzer.analyze(text)

    return *_rates(work, len(texts)), len(texts)


def cached_points_per_second(min_points: int = 20_000, repeats: int = 5) -> tuple[float, float, int]:
    """points/s through the checker (rules + NLP) when each text comes `repeats` times, as texts do
    in an HR export: the engine's (rule, field, text) cache analyses each distinct text once."""
    sys.path.insert(0, str(ROOT))
    from checker.api import Checker
    from checker.model import FieldValue, Record

    checker = Checker()
    base = load_texts()
    checker.warm_up()
    for text in base:
        checker.audit_record(Record(source="bench", fields={"improvement_plan": FieldValue(text=f"{text}#")}))
    distinct = [f"{t}{i}" for i in range(min_points // (len(base) * repeats) + 1) for t in base]
    texts = (distinct * repeats)[:min_points]
    records = [Record(source="bench", fields={"improvement_plan": FieldValue(text=t)}) for t in texts]

    def work():
        for record in records:
            checker.audit_record(record)

    return *_rates(work, len(texts)), len(texts)


def compile_package() -> None:
    """Byte-compile checker/ first, as installing a wheel does: an editable install under
    PYTHONDONTWRITEBYTECODE (as on CI machines) would otherwise recompile ~60 modules on every
    start (~0.15 s) and the figure would not be what a user's installed copy shows."""
    import compileall

    compileall.compile_dir(str(ROOT / "checker"), quiet=1)


def cold_start(docx: Path, runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of each run of a fresh `checker audit` process."""
    compile_package()
    checker = ROOT / ".venv" / "bin" / "checker"
    cmd = [str(checker) if checker.exists() else "checker", "audit", "--format", "json", str(docx)]
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=False)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return walls, cpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docx", type=Path, default=DEFAULT_DOCX)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--points", type=int, default=20_000)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f} (2 cores shared: wall figures fall as it rises)")
    wall, cpu, n = points_per_second(args.points)
    print(
        f"analysis: {n} unique points, {wall:,.0f} points/s after start-up, {cpu:,.0f} by CPU time (target >= 5,000)"
    )
    wall, cpu, n = cached_points_per_second(args.points)
    print(
        f"checking: {n} points, each text 5 times (an export), {wall:,.0f} points/s through the rules, {cpu:,.0f} by CPU time"
    )
    if args.docx.exists():
        walls, cpus = cold_start(args.docx, args.runs)
        runs = ", ".join(f"{w:.2f}" for w in walls)
        print(
            f"cold start `checker audit` on {args.docx.name}: median {statistics.median(walls):.2f} s ({runs}),"
            f" CPU median {statistics.median(cpus):.2f} s (target <= 1.2 s)"
        )
    else:
        print(f"cold start: {args.docx} not found, skipped")
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
