"""`checker sample`: the month's reproducible stratified sample ("每月抽取10%的记录").

read every record of the sources -> group into strata (department / manager / job family, normalised
by rules/normalise.yaml) -> drop records picked in the last N months (the database's sample_picks)
-> in each stratum draw max(1, round(n x rate)) records with a random generator seeded by
(seed, by, stratum), the records taken in the order of their stable key (工号/姓名 + 面谈日期), so the
same inputs and seed give the same picks whatever the file order or folder location
-> copy the picked files into the output folder (a file holding one record is copied as it is; from a
file holding several, the picked rows go to a new workbook, sheet 「抽检记录」) -> a manifest (xlsx
and csv) listing every record: picked or not, from which file and row, why.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from checker.model import Record, Report
from checker.normalise import UNKNOWN, Normaliser

BY_CHOICES = ("department", "manager", "job_family")
BY_NAMES = {"department": "部门", "manager": "面谈人", "job_family": "岗位序列", "": "全部"}
PICKED, NOT_PICKED, SKIPPED, UNREADABLE = "抽中", "未抽中", "跳过", "无法读取"
SHEET_NAME = "抽检记录"


@dataclass
class Candidate:
    record: Record
    key: str  # checker.history.store.record_key
    stratum: str
    rel: Path  # where a copy goes under the output folder
    file_records: int = 1  # records in its file
    status: str = NOT_PICKED
    reason: str = ""
    last_sampled: dt.datetime | None = None
    output: str = ""  # the file in the output folder that holds it


@dataclass
class Stratum:
    name: str
    total: int = 0
    eligible: int = 0
    target: int = 0
    picked: int = 0


@dataclass
class SampleResult:
    candidates: list[Candidate]
    strata: dict[str, Stratum]
    errors: list = field(default_factory=list)  # FileError
    seed: int = 0
    rate: float = 0.1
    by: str = ""
    exclude_recent: int = 0

    @property
    def picked(self) -> list[Candidate]:
        return [c for c in self.candidates if c.status == PICKED]


def stratum_of(record: Record, by: str, normaliser: Normaliser) -> str:
    if not by:
        return "全部"
    if by == "job_family":
        return normaliser.job_family(record.text("job_family"))
    key = "manager_name" if by == "manager" else by
    return record.text(key).strip() or UNKNOWN


def quota(n: int, rate: float) -> int:
    """round(n x rate), halves up, at least 1 (when the stratum has any record), at most n."""
    if n <= 0:
        return 0
    want = int(Decimal(str(n * rate)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return min(n, max(1, want))


def read_candidates(checker, sources: Iterable[str], by: str, normaliser: Normaliser):
    """Every record of the sources (read in this process, no checks run) -> (candidates, errors)."""
    from checker.api import expand_paths
    from checker.history.store import record_key
    from checker.intake.errors import InputError
    from checker.model import FileError

    report = Report()
    candidates: list[Candidate] = []
    for source in sources:
        root = Path(source)
        for path in expand_paths([source], report):
            rel = path.relative_to(root) if root.is_dir() else Path(path.name)
            try:
                records = checker.read_file(path)
            except InputError as exc:
                report.errors.append(FileError(source=str(path), code=exc.code, message=exc.message))
                continue
            except Exception as exc:  # a parser bug must not stop the draw
                report.errors.append(FileError(source=str(path), code="internal-error", message=str(exc)[:200]))
                continue
            for record in records:
                texts = record.field_texts()
                candidates.append(Candidate(
                    record=record, key=record_key(texts, record.source, record.sheet, record.index),
                    stratum=stratum_of(record, by, normaliser), rel=rel, file_records=len(records),
                ))  # fmt: skip
    return candidates, report.errors


def draw(candidates: list[Candidate], rate: float, seed: int, by: str = "",
         recent: dict[str, dt.datetime] | None = None, exclude_recent: int = 0) -> SampleResult:  # fmt: skip
    """Mark each candidate picked / not picked / skipped, stratum by stratum (pure: no I/O)."""
    if not 0 < rate <= 1:
        raise ValueError("抽样比例应在 0 到 1 之间(例如 0.1 表示 10%)")
    recent = recent or {}
    strata: dict[str, Stratum] = {}
    groups: dict[str, list[Candidate]] = {}
    for cand in candidates:
        groups.setdefault(cand.stratum, []).append(cand)
    seen: set[str] = set()
    for name in sorted(groups):
        members = sorted(groups[name], key=lambda c: (c.key, c.record.source, c.record.sheet, c.record.index))
        info = strata[name] = Stratum(name, total=len(members))
        eligible = []
        for cand in members:
            if cand.key in recent:
                cand.status, cand.last_sampled = SKIPPED, recent[cand.key]
                cand.reason = f"近 {exclude_recent} 个月内已抽检过({recent[cand.key]:%Y-%m-%d})"
            elif cand.key in seen:
                cand.status, cand.reason = SKIPPED, "与另一条记录重复(同一员工、同一次面谈)"
            else:
                eligible.append(cand)
            seen.add(cand.key)
        info.eligible = len(eligible)
        info.target = quota(len(eligible), rate)
        rng = random.Random(f"{seed}|{by}|{name}")
        chosen = rng.sample(eligible, info.target)
        layer = f"{BY_NAMES.get(by, by)}「{name}」" if by else "全部记录"
        for cand in chosen:
            cand.status = PICKED
            if len(eligible) * rate < 1:
                cand.reason = f"{layer}可抽 {len(eligible)} 条,按 {rate:.0%} 不足 1 条,至少抽 1 条"
            else:
                cand.reason = f"{layer}可抽 {len(eligible)} 条,按 {rate:.0%} 抽 {info.target} 条(随机种子 {seed})"
        if not eligible and members:  # every record of the stratum was checked recently: still cover it
            oldest = min((c for c in members if c.status == SKIPPED and c.last_sampled),
                         key=lambda c: (c.last_sampled, c.key), default=None)  # fmt: skip
            if oldest is not None:
                oldest.status = PICKED
                oldest.reason = f"{layer}的记录近 {exclude_recent} 个月内都已抽检过,仍抽最早抽过的 1 条以覆盖该层"
                info.target = 1
        for cand in members:
            if cand.status == NOT_PICKED:
                cand.reason = f"{layer}随机未抽中"
        info.picked = sum(c.status == PICKED for c in members)
    return SampleResult(candidates, strata, seed=seed, rate=rate, by=by, exclude_recent=exclude_recent)


# ---------------------------------------------------------------- writing
def write_picked(result: SampleResult, out: Path, table) -> None:
    """Copy picked single-record files; picked rows of multi-record files -> new workbooks."""
    out.mkdir(parents=True, exist_ok=True)
    by_file: dict[str, list[Candidate]] = {}
    for cand in result.picked:
        by_file.setdefault(cand.record.source, []).append(cand)
    used: set[Path] = set()
    for source, cands in by_file.items():
        first = cands[0]
        if first.file_records == 1:
            target = _free(out / first.rel, used)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
        else:
            target = _free(out / first.rel.parent / f"{first.rel.stem}_抽检.xlsx", used)
            target.parent.mkdir(parents=True, exist_ok=True)
            _rows_book([c.record for c in cands], table).save(target)
        for cand in cands:
            cand.output = str(target.relative_to(out))


def _free(path: Path, used: set[Path]) -> Path:
    candidate, n = path, 2
    while candidate in used or candidate.exists():
        candidate = path.with_name(f"{path.stem}_{n}{path.suffix}")
        n += 1
    used.add(candidate)
    return candidate


def _rows_book(records: list[Record], table):
    """A batch sheet (header row of field names, one record per row) the checker reads back as it was."""
    from openpyxl import Workbook

    keys = [k for k in table.names if any(k in r.fields for r in records)]
    keys += [k for r in records for k in r.fields if k not in keys]
    keys = list(dict.fromkeys(keys))
    extras = list(dict.fromkeys(label for r in records for label in r.extra))
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_NAME
    sheet.append([table.name(k) for k in keys] + extras + ["原表位置"])
    for r in records:
        sheet.append([r.text(k) for k in keys] + [r.extra[x].text if x in r.extra else "" for x in extras]
                     + [f"{Path(r.source).name} {r.sheet}".strip()])  # fmt: skip
    sheet.freeze_panes = "A2"
    return book


MANIFEST_HEADERS = ["序号", "结果", "分层", "员工", "工号", "部门", "岗位序列", "面谈人", "面谈时间", "来源文件",
                    "工作表/行", "抽检目录中的文件", "原因", "记录键"]  # fmt: skip


def manifest_rows(result: SampleResult) -> list[list]:
    rows = []
    order = {PICKED: 0, SKIPPED: 1, NOT_PICKED: 2}
    cands = sorted(result.candidates, key=lambda c: (order[c.status], c.stratum, c.record.source, c.record.index))
    for n, c in enumerate(cands, 1):
        r = c.record
        rows.append([n, c.status, c.stratum, r.text("employee_name"), r.text("employee_id"), r.text("department"),
                     r.text("job_family"), r.text("manager_name"), r.text("interview_time"), r.source, r.sheet,
                     c.output, c.reason, c.key])  # fmt: skip
    for e in result.errors:
        rows.append([len(rows) + 1, UNREADABLE, "", "", "", "", "", "", "", e.source, "", "", f"[{e.code}] {e.message}", ""])
    return rows


def write_manifest(result: SampleResult, stem: Path) -> tuple[Path, Path]:
    """stem.xlsx (清单 + 分层汇总 sheets) and stem.csv (UTF-8 with BOM, opens in Excel)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    rows = manifest_rows(result)
    stem.parent.mkdir(parents=True, exist_ok=True)
    csv_path, xlsx_path = stem.with_name(stem.name + ".csv"), stem.with_name(stem.name + ".xlsx")
    with open(csv_path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(MANIFEST_HEADERS)
        writer.writerows(rows)
    book = Workbook()
    sheet = book.active
    sheet.title = "抽检清单"
    sheet.append(MANIFEST_HEADERS)
    for row in rows:
        sheet.append(row)
    fill = PatternFill("solid", fgColor="C6EFCE")
    for cells in sheet.iter_rows(min_row=2):
        if cells[1].value == PICKED:
            for cell in cells:
                cell.fill = fill
    summary = book.create_sheet("分层汇总")
    summary.append([BY_NAMES.get(result.by, result.by), "记录数", "可抽(未近期抽过)", "应抽", "抽中"])
    for s in result.strata.values():
        summary.append([s.name, s.total, s.eligible, s.target, s.picked])
    total = len(result.candidates)
    summary.append(["合计", total, sum(s.eligible for s in result.strata.values()),
                    sum(s.target for s in result.strata.values()), len(result.picked)])  # fmt: skip
    summary.append([])
    summary.append(["抽样比例", result.rate])
    summary.append(["随机种子", result.seed])
    summary.append(["分层依据", BY_NAMES.get(result.by, result.by)])
    summary.append(["排除近期已抽(月)", result.exclude_recent])
    summary.append(["无法读取的文件", len(result.errors)])
    for ws, widths in ((sheet, [6, 8, 12, 10, 10, 14, 12, 10, 18, 50, 16, 40, 60, 34]), (summary, [16, 10, 16, 8, 8])):
        for i, width in enumerate(widths, 1):
            ws.column_dimensions[chr(64 + i)].width = width
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    book.save(xlsx_path)
    return xlsx_path, csv_path


def months_ago(months: int, now: dt.datetime | None = None) -> dt.datetime:
    now = now or dt.datetime.now(dt.timezone.utc)
    year, month = divmod(now.year * 12 + now.month - 1 - months, 12)
    day = min(now.day, 28)
    return now.replace(year=year, month=month + 1, day=day)


def run_sample(checker, sources: list[str], *, rate: float, seed: int, by: str, exclude_recent: int,
               output: Path, manifest: Path | None = None, store=None, normaliser: Normaliser,
               now: dt.datetime | None = None, recent_store=None) -> tuple[SampleResult, tuple[Path, Path]]:  # fmt: skip
    """The whole command: read, draw, copy, write the manifest, record the picks in `store` (None: a
    trial draw, nothing recorded). Recent picks are looked up in `recent_store` (default: `store`)."""
    candidates, errors = read_candidates(checker, sources, by, normaliser)
    recent = {}
    lookup = recent_store if recent_store is not None else store
    if exclude_recent and lookup is not None:
        recent = lookup.recently_sampled(months_ago(exclude_recent, now))
    result = draw(candidates, rate, seed, by, recent, exclude_recent)
    result.errors = errors
    write_picked(result, output, checker.fields)
    manifest = manifest or default_manifest(output)
    paths = write_manifest(result, manifest)
    if store is not None:
        picks = [{"record_key": c.key, "source": c.record.source, "sheet": c.record.sheet, "idx": c.record.index,
                  "employee_name": c.record.text("employee_name")[:190], "stratum": c.stratum[:190],
                  "reason": c.reason} for c in result.picked]  # fmt: skip
        store.save_sample(seed=seed, rate=rate, by=by, exclude_recent=exclude_recent, sources=list(sources),
                          output=str(output), total=len(candidates), picks=picks)  # fmt: skip
    return result, paths


def default_manifest(output: Path) -> Path:
    """Beside the output folder, not in it: `checker audit DIR` must see only the picked records."""
    output = Path(output).resolve()
    return output.parent / f"{output.name}_抽检清单"
