"""Batch-scale benchmark: realistic .docx folders and HR export sheets, audited by the `checker` CLI.

    .venv/bin/python benchmarks/batch.py                 # 500 and 2,000 .docx, 10k and 100k rows
    .venv/bin/python benchmarks/batch.py --docx 500 --rows 10000 --runs 3
    .venv/bin/python benchmarks/batch.py --quick         # 200 .docx, 5k rows: a smoke run
    .venv/bin/python benchmarks/batch.py --docx --rows 100000 --texts stock varied   # see TEXT_POOLS

Plain Python, nothing to install beyond the project's own dependencies. For every case it prints
records/s, wall time and the peak memory of the whole process tree (the CLI and any worker it
starts: RSS summed over the tree, and PSS, which splits pages shared after fork). For the .docx
folders it also opens the same files with python-docx in this process and reads every cell (the
"bare open" a script using python-docx has to pay anyway) and prints the audit's speed as a ratio
of that, measured in the same run. Finally the cold start of a one-draft audit.

Inputs are generated once (deterministic, several layouts and text pools) into --data
(default: benchmarks/.data, git-ignored) and reused by later runs. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = [str(ROOT / ".venv" / "bin" / "checker")]  # --cli replaces it (e.g. another checkout's code)

# ---------------------------------------------------------------- realistic content

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程苏魏吕丁沈任姚卢"
)
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉晨婷雪琳宇浩凯健俊帆"
DEPARTMENTS = ["研发中心", "销售部", "客服中心", "财务部", "生产部", "门店运营部", "人力资源部", "采购部",
               "质量部", "物流部", "市场部", "行政部"]  # fmt: skip
FAMILIES = ["技术序列", "销售序列", "职能序列", "生产序列", "管理序列", "服务序列"]
POSITIONS = ["后端开发工程师", "客户经理", "客服专员", "会计", "班组长", "店长", "招聘专员", "采购专员",
             "质检员", "仓储主管", "市场专员", "行政助理"]  # fmt: skip
GRADES = ["A", "B+", "B", "B-", "C"]
PLACES = ["3楼会议室", "第二会议室", "总经理办公室", "线上视频会议", "门店办公室", "车间办公室"]
SUMMARY = [
    "主导完成订单中心支付模块重构,6月上线后未出现P1级故障",
    "本季度销售额完成率112%,新签客户8家",
    "客户满意度从91%提升到95%,投诉量下降20%",
    "沟通能力强,执行力有待提高",
    "工作态度认真负责",
    "按时完成月度结账,差错0次",
    "在618大促期间协调三个部门完成备货,缺货率控制在2%以内",
    "团队协作意识较好",
    "学习能力强,进步明显",
    "完成新员工培训12场,覆盖86人",
    "全年安全生产无事故,良品率99.2%",
    "对工作缺乏主动性",
    "3月盘点中发现库存差异并追回损失4.6万元",
    "责任心强,值得信赖",
]
PLAN = [
    "9月30日前将单元测试覆盖率提升至70%以上",
    "提升代码质量",
    "每周参加1次团队代码评审",
    "加强沟通",
    "下季度末前独立完成3个客户方案",
    "每月参加1次数据分析培训",
    "提高工作效率",
    "12月底前客户投诉率降到3%以下",
    "年底前考取中级会计师证书",
    "多向同事学习",
]
SUPPORT = ["申请测试环境服务器2台,由运维组7月20日前到位", "无", "希望参加外部培训1次", "需要导师带教",
           "暂无", "增加一名助理协助整理数据"]  # fmt: skip
CONSENSUS = ["双方对本期绩效等级及改进计划达成一致,无分歧", "达成一致", "员工认可考核结果", "无"]
DISAGREE = ["无", "员工认为目标偏高,双方约定下月复核", "无分歧", ""]


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


# Where the evaluations and plans of a generated record come from (--texts):
# - stock: 2-4 of the 14 SUMMARY sentences and 2-3 of the 10 PLAN items. About 26k summaries can be
#   made that way, so over 100k rows they recur, and the checker's per-text caches answer most rows.
# - varied: sentences and plan items from the project's labelled texts (tests/data/*.jsonl, ~800
#   evaluations, ~500 plans). A summary made of 2-4 of them nearly never recurs, as in a real export.
TEXT_POOLS = ("stock", "varied")
_ITEM_MARKER = re.compile(r"^\s*(?:\d{1,2}\s*[.、．)）]|[（(]\s*\d{1,2}\s*[)）]|[-•·])\s*")


def text_pools(name: str) -> tuple[list[str], list[str]]:
    """(evaluation sentences, plan items) of a TEXT_POOLS pool."""
    if name == "stock":
        return SUMMARY, PLAN
    evaluations, plans = set(), set()
    for path in sorted((ROOT / "tests" / "data").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line) if line.strip() else {}
            text = _ITEM_MARKER.sub("", item.get("text", "").strip()).rstrip("。")
            if "\n" in text or not 4 <= len(text) <= 80:
                continue
            (plans if item.get("field") == "improvement_plan" else evaluations).add(text)
    return sorted(evaluations), sorted(plans)


def make_record(
    rng: random.Random, i: int, pools: tuple[list[str], list[str]] = (SUMMARY, PLAN)
) -> dict[str, str]:
    """One realistic record as label -> text (labels as templates write them)."""
    name, manager = _person(rng), _person(rng)
    month, day = rng.randint(1, 12), rng.randint(1, 27)
    hour = rng.choice((9, 10, 14, 15, 16))
    late = rng.random() < 0.2
    evaluations, plans = pools
    summary = "。".join(rng.sample(evaluations, rng.randint(2, 4))) + "。"
    plan = "\n".join(f"{n}. {p}" for n, p in enumerate(rng.sample(plans, rng.randint(2, 3)), 1))
    signed = rng.random() < 0.85
    return {
        "员工姓名": name,
        "工号": f"E{10000 + i}",
        "部门": rng.choice(DEPARTMENTS),
        "岗位": rng.choice(POSITIONS),
        "岗位序列": rng.choice(FAMILIES),
        "面谈人": manager,
        "面谈时间": f"2024-{month:02d}-{day:02d} {hour}:00",
        "面谈地点": rng.choice(PLACES),
        "绩效等级": rng.choice(GRADES),
        "绩效总结": summary,
        "改进计划": plan,
        "资源支持": rng.choice(SUPPORT),
        "共识": rng.choice(CONSENSUS),
        "分歧": rng.choice(DISAGREE),
        "记录日期": f"2024-{month:02d}-{day + (3 if late else 1):02d}",
        "员工签字": f"{name} 2024-{month:02d}-{day + 1:02d}" if signed else "",
    }


# ---------------------------------------------------------------- .docx layouts


def _grid(doc, rec: dict[str, str], rng: random.Random) -> None:
    """Four-column label/value grid, long fields merged across."""
    short = [k for k in rec if k not in ("绩效总结", "改进计划", "资源支持", "共识", "分歧", "员工签字")]
    table = doc.add_table(rows=0, cols=4)
    table.style = "Table Grid"
    for a, b in zip(short[::2], short[1::2], strict=False):
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text, cells[3].text = a, rec[a], b, rec[b]
    for key in ("绩效总结", "改进计划", "资源支持", "共识", "分歧", "员工签字"):
        cells = table.add_row().cells
        merged = cells[1].merge(cells[3])
        cells[0].text = key
        lines = rec[key].split("\n")
        merged.text = lines[0]
        for line in lines[1:]:
            merged.add_paragraph(line)


def _vertical(doc, rec: dict[str, str], rng: random.Random) -> None:
    """Two-column table, one field per row, bold labels."""
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for key, value in rec.items():
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(key).bold = True
        cells[1].text = value


def _headings(doc, rec: dict[str, str], rng: random.Random) -> None:
    """Headings and paragraphs: '标签:值' lines, then sections with numbered items."""
    doc.add_heading("一、基本信息", level=1)
    for key in ("员工姓名", "工号", "部门", "岗位", "面谈人", "面谈时间", "面谈地点", "绩效等级"):
        doc.add_paragraph(f"{key}:{rec[key]}")
    for n, key in enumerate(("绩效总结", "改进计划", "资源支持", "共识", "分歧"), 2):
        doc.add_heading(f"{'一二三四五六七八'[n - 1]}、{key}", level=1)
        for line in (rec[key] or "无").split("\n"):
            doc.add_paragraph(line)
    doc.add_paragraph(f"记录日期:{rec['记录日期']}")
    doc.add_paragraph(f"员工签字:{rec['员工签字']}")


LAYOUTS = (_grid, _vertical, _headings)


def write_docx_set(folder: Path, count: int, seed: int = 7) -> list[Path]:
    from docx import Document
    from docx.shared import Pt

    folder.mkdir(parents=True, exist_ok=True)
    done = sorted(folder.glob("*.docx"))
    if len(done) == count:
        return done
    for old in done:
        old.unlink()
    rng = random.Random(seed)
    paths = []
    for i in range(count):
        rec = make_record(rng, i)
        doc = Document()
        title = doc.add_paragraph()
        run = title.add_run(rng.choice(("员工绩效面谈记录表", "绩效面谈记录", "季度绩效沟通记录")))
        run.bold, run.font.size = True, Pt(16)
        LAYOUTS[i % len(LAYOUTS)](doc, rec, rng)
        path = folder / f"{i:05d}_{rec['员工姓名']}_{rec['部门']}.docx"
        doc.save(path)
        paths.append(path)
    return paths


EXPORT_HEADER = ["工号", "员工姓名", "部门", "岗位序列", "面谈人", "面谈时间", "绩效等级", "绩效总结",
                 "改进计划", "员工签字"]  # fmt: skip


def write_export(path: Path, rows: int, seed: int = 11, texts: str = "stock") -> Path:
    """An HR-system export: title row, 10-column header, one row per record (openpyxl, as such systems do)."""
    if path.exists():
        return path
    import openpyxl

    path.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    pools = text_pools(texts)
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("面谈记录导出")
    ws.append(["2024年度绩效面谈记录导出"])
    ws.append(EXPORT_HEADER)
    for i in range(rows):
        rec = make_record(rng, i, pools)
        ws.append([rec[k] for k in EXPORT_HEADER])
    tmp = path.with_suffix(".tmp")
    wb.save(tmp)
    tmp.rename(path)
    return path


# ---------------------------------------------------------------- measuring


class TreeMemory:
    """Samples the memory of a process and all its descendants (Linux /proc) until stopped.

    RSS comes from /proc/PID/statm every `every` seconds: the kernel keeps it as a counter, so reading
    it costs nothing. PSS needs /proc/PID/smaps_rollup, which walks every page table of the process
    and holds its memory-map lock while it does; read every 50 ms it took a fifth of a core on this
    2-core machine and stalled the audited processes' mmap/munmap (100k rows: 94 s sampled that way,
    72 s unsampled). So PSS is read only every `pss_every` seconds.
    """

    PAGE_MB = os.sysconf("SC_PAGE_SIZE") / (1024 * 1024) if hasattr(os, "sysconf") else 4096 / (1024 * 1024)

    def __init__(self, pid: int, every: float = 0.05, pss_every: float = 1.0):
        self.pid, self.every, self.pss_every = pid, every, pss_every
        self.peak_rss = self.peak_pss = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _tree(self) -> list[int]:
        children: dict[int, list[int]] = {}
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as fh:
                    ppid = int(fh.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
        out, todo = [], [self.pid]
        while todo:
            pid = todo.pop()
            out.append(pid)
            todo.extend(children.get(pid, []))
        return out

    def _rss(self, pids: list[int]) -> float:
        total = 0.0
        for pid in pids:
            try:
                with open(f"/proc/{pid}/statm", "rb") as fh:
                    total += int(fh.read().split()[1]) * self.PAGE_MB
            except (OSError, ValueError, IndexError):
                continue
        return total

    @staticmethod
    def _pss(pids: list[int]) -> float:
        total = 0.0
        for pid in pids:
            try:
                with open(f"/proc/{pid}/smaps_rollup") as fh:
                    for line in fh:
                        if line.startswith("Pss:"):
                            total += int(line.split()[1]) / 1024
            except OSError:
                continue
        return total

    def _run(self) -> None:
        next_pss = 0.0
        while not self._stop.is_set():
            pids = self._tree()
            self.peak_rss = max(self.peak_rss, self._rss(pids))
            if time.monotonic() >= next_pss:
                self.peak_pss = max(self.peak_pss, self._pss(pids))
                next_pss = time.monotonic() + self.pss_every
            self._stop.wait(self.every)


def cli_supports(flag: str) -> bool:
    help_text = subprocess.run([*CLI, "audit", "--help"], capture_output=True, text=True).stdout
    return flag in help_text


def run_audit(inputs: list[Path], out_dir: Path, extra: list[str]) -> dict:
    """One `checker audit` over inputs as a fresh process; wall time, peak tree memory, record count."""
    jsonl = cli_supports("jsonl")
    fmt = "jsonl" if jsonl else "json"
    out = out_dir / f"report.{fmt}"
    cmd = [*CLI, "audit", *map(str, inputs), "--format", fmt, "--output", str(out), *extra]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    mem = TreeMemory(proc.pid)
    _, err = proc.communicate()
    wall = time.perf_counter() - start
    mem.stop()
    records, errors = _count(out, jsonl)
    return {
        "wall": wall,
        "rss": mem.peak_rss,
        "pss": mem.peak_pss,
        "records": records,
        "errors": errors,
        "exit": proc.returncode,
        "stderr": err.decode("utf-8", "replace")[-300:],
    }


def _count(path: Path, jsonl: bool) -> tuple[int, list[str]]:
    import json

    if not path.exists():
        return 0, ["no report written"]
    if not jsonl:
        data = json.loads(path.read_text(encoding="utf-8"))
        return len(data["records"]), [
            f"{e['code']}: {Path(e['source']).name}: {e['message'][:100]}" for e in data["errors"]
        ]
    records, errors = 0, []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            item = json.loads(line)
            kind = item.get("type")
            if kind == "record":
                records += 1
            elif kind == "error":
                errors.append(f"{item['code']}: {Path(item['source']).name}: {item['message'][:100]}")
    return records, errors


def bare_open(paths: list[Path]) -> float:
    """python-docx opening every file and reading every cell and paragraph: files/s."""
    import docx

    start = time.perf_counter()
    for path in paths:
        document = docx.Document(str(path))
        for table in document.tables:
            for row in table.rows:
                for cell in row.cells:
                    _ = cell.text
        for p in document.paragraphs:
            _ = p.text
    return len(paths) / (time.perf_counter() - start)


def compile_package() -> None:
    """Byte-compile checker/ first, as installing a wheel does: an editable install under
    PYTHONDONTWRITEBYTECODE (as on CI machines) would otherwise recompile ~60 modules on every
    start (~0.15 s) and the figure would not be what a user's installed copy shows."""
    import compileall

    compileall.compile_dir(str(ROOT / "checker"), quiet=1)


def cold_start(docx: Path, runs: int) -> float:
    compile_package()
    walls = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([*CLI, "audit", "--format", "json", str(docx)], capture_output=True, check=False)
        walls.append(time.perf_counter() - start)
    return statistics.median(walls)


def _median_run(inputs: list[Path], runs: int, extra: list[str]) -> dict:
    results = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            results.append(run_audit(inputs, Path(tmp), extra))
    results.sort(key=lambda r: r["wall"])
    best = results[len(results) // 2]
    best["rss"] = max(r["rss"] for r in results)
    best["pss"] = max(r["pss"] for r in results)
    return best


def _line(label: str, res: dict, extra: str = "") -> str:
    rate = res["records"] / res["wall"] if res["wall"] else 0.0
    errs = f"  errors: {len(res['errors'])} ({'; '.join(res['errors'][:2])})" if res["errors"] else ""
    return (
        f"{label:<22} {res['records']:>7} records  {res['wall']:7.2f} s  {rate:8.1f} records/s  "
        f"peak RSS {res['rss']:7.0f} MB (PSS {res['pss']:6.0f} MB){extra}{errs}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docx", type=int, nargs="*", default=[500, 2000], help="folder sizes (.docx files)")
    parser.add_argument("--rows", type=int, nargs="*", default=[10_000, 100_000], help="export sizes (rows)")
    parser.add_argument("--runs", type=int, default=1, help="runs per case (median wall, max memory)")
    parser.add_argument(
        "--texts",
        nargs="+",
        choices=TEXT_POOLS,
        default=["stock"],
        help="text pools of the exports (see TEXT_POOLS)",
    )
    parser.add_argument("--data", type=Path, default=ROOT / "benchmarks" / ".data")
    parser.add_argument("--quick", action="store_true", help="200 .docx and 5,000 rows")
    parser.add_argument("--extra", default="", help="extra `checker audit` options, e.g. '--jobs 1'")
    parser.add_argument("--cli", default="", help="command that runs the CLI (default: .venv/bin/checker)")
    args = parser.parse_args()
    if args.quick:
        args.docx, args.rows = [200], [5000]
    extra = shlex.split(args.extra)
    if args.cli:
        CLI[:] = shlex.split(args.cli)
    elif not Path(CLI[0]).exists():
        sys.exit(f"{CLI[0]} not found: install the project first (pip install -e .)")
    print(f"checker batch benchmark  ({os.cpu_count()} cores, python {sys.version.split()[0]})")
    first_docx = None
    for count in args.docx:
        paths = write_docx_set(args.data / f"docx_{count}", count)
        first_docx = first_docx or paths[0]
        folder = paths[0].parent
        bare = statistics.median(bare_open(paths) for _ in range(args.runs))
        res = _median_run([folder], args.runs, extra)
        rate = res["records"] / res["wall"] if res["wall"] else 0.0
        print(
            _line(
                f"{count} .docx",
                res,
                f"  python-docx bare open {bare:6.1f} files/s, ratio {rate / bare:4.2f}x",
            )
        )
    for texts in args.texts:
        for rows in args.rows:
            stem = f"export_{rows}" if texts == "stock" else f"export_{texts}_{rows}"
            path = write_export(args.data / f"{stem}.xlsx", rows, texts=texts)
            res = _median_run([path], args.runs, extra)
            label = f"{rows} rows export" if texts == "stock" else f"{rows} rows, {texts} texts"
            print(_line(label, res, f"  exit {res['exit']}"))
    if first_docx is not None:
        print(f"cold start, one-draft audit: median {cold_start(first_docx, max(3, args.runs)):.2f} s")


if __name__ == "__main__":
    main()
