"""The public API: the same core for the CLI, the HTTP service and tests. No printing, no exit codes."""

from __future__ import annotations

import glob
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from checker.checks.crossrecord import CrossRecordStage, cross_record_stage
from checker.checks.pack import RulePack, load_pack
from checker.config import Config
from checker.engine import Engine
from checker.intake.errors import InputError
from checker.intake.fields import AliasTable, load_alias_table
from checker.intake.gate import Limits
from checker.intake.isolate import ReadResult
from checker.intake.pool import FileDone, Task, WorkerPool, default_jobs, read_path
from checker.intake.reader import SUPPORTED_SUFFIXES, read_bytes
from checker.intake.stream import iter_records
from checker.model import FileError, Record, RecordReport, Report
from checker.nlp.analysis import TextAnalyzer
from checker.nlp.lexicon import load_lexicons


@dataclass
class Checker:
    """Everything loaded once: alias table, rule pack, lexicons, analyzer."""

    config: Config = field(default_factory=Config)

    def __post_init__(self):
        self.fields: AliasTable = load_alias_table(tuple(self.config.fields))
        self.pack: RulePack = load_pack(self.config.rules, known_fields=set(self.fields.names))
        self.lexicons = load_lexicons(tuple(self.config.lexicon_dirs), self.config.lexicons)
        self.analyzer = TextAnalyzer(self.lexicons, self.config.nlp.segmenter)
        self.engine = Engine(self.pack, self.analyzer, self.fields, set(self.config.disable))
        self.limits: Limits = self.config.limits.to_limits()
        self.files: list[Path] = []  # the files of the last iter_audit, after expanding folders
        self.read_log: list[ReadResult] = []  # per file of the last audit: seconds, peak memory, error

    # ---------------------------------------------------------------- reading
    def read_bytes(self, data: bytes, source: str) -> list[Record]:
        return read_bytes(data, source, self.fields, self.limits)

    def read_file(self, path: str | Path) -> list[Record]:
        path = Path(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError("unreadable", f"文件无法读取:{exc.strerror or exc}") from exc
        return self.read_bytes(data, str(path))

    def read_records(self, path: str | Path) -> list[Record]:
        """One file's records, unchecked, under the same limits and worker budget (time, memory) as
        an audit of it: `checker fields` on a hostile file stops the way `checker audit` does.
        Raises InputError."""
        task = Task(str(path), path=str(path))
        if not self._isolate(1, _size(Path(path))):
            result = ReadResult(task.source)
            records = list(self._in_process(task, result, self._read_records))
        else:
            pool = WorkerPool(self._read_records, _unchecked, 1, self.limits.seconds_per_file,
                              self.limits.memory_mb_per_file)  # fmt: skip
            records, result = [], ReadResult(task.source)
            for item in pool.run([task]):
                if isinstance(item, FileDone):
                    result = item.result
                else:
                    records.append(item)
        if result.error is not None:
            raise result.error
        return records

    # ---------------------------------------------------------------- checking
    def audit_record(self, record: Record) -> RecordReport:
        return self.engine.check(record)

    def audit_bytes(self, data: bytes, source: str) -> Report:
        return self.audit_uploads([(source, data)])

    def audit_uploads(self, files: list[tuple[str, bytes]]) -> Report:
        """Files held in memory (name, bytes), audited as one batch: the cross-record rules compare
        them with each other. Read in this process unless one is big (then in a budgeted worker)."""
        report = Report(rule_pack=self.pack.label)
        isolate = self._isolate(1, max((len(data) for _, data in files), default=0))
        self.read_log = []
        for item in self._audit_tasks([Task(source, data=data) for source, data in files], isolate, jobs=1):
            _collect(report, item)
        return finish(report)

    def audit_records(self, records: Iterable[Record]) -> Report:
        """Records already read (JSON bodies, a caller's own reader), audited as one batch."""
        report = Report(rule_pack=self.pack.label)
        stage = CrossRecordStage.for_checker(self)
        for item in stage.run(self.audit_record(r) for r in records):
            _collect(report, item)
        return finish(report)

    def audit_paths(self, paths: Iterable[str | Path], jobs: int | None = None) -> Report:
        """Every file gives records or an error entry; a file that is too slow or too big stops alone."""
        report = Report(rule_pack=self.pack.label)
        for item in self.iter_audit(paths, jobs=jobs):
            _collect(report, item)
        return finish(report)

    def iter_audit(
        self,
        paths: Iterable[str | Path],
        jobs: int | None = None,
        on_file: Callable[[ReadResult, int], None] | None = None,
        on_start: Callable[[int], None] | None = None,
    ) -> Iterator[RecordReport | FileError]:
        """RecordReports and FileErrors as they are produced, in input order (missing paths first).

        Batches (or one big file) are read and checked in `jobs` long-lived worker processes
        (default: every core), each with the per-file time and memory budget; big workbooks are
        read row by row, so nothing here holds more than a few records of a file at a time.
        `on_start(files)` is called once the paths are expanded, `on_file(result, records)` as each
        file is finished (progress bars)."""
        missing = Report()
        files = expand_paths(paths, missing)
        yield from missing.errors
        self.files = files
        if on_start:
            on_start(len(files))
        isolate = self._isolate(
            len(files), max((_size(p) for p in files), default=0), _largest_collection(files)
        )
        tasks = [Task(str(p), path=str(p)) for p in files]
        self.read_log = []
        yield from self._audit_tasks(tasks, isolate, jobs, on_file)

    # issue 12 — cross-record rules (copied-text, plan-not-followed-up): the audited records of one batch come
    # back here in input order, in the parent process; the stage appends its findings one record at a time.
    @cross_record_stage
    def _audit_tasks(self, tasks: list[Task], isolate: bool, jobs: int | None, on_file=None):
        count = 0
        if not isolate:
            for task in tasks:
                result = ReadResult(task.source)
                count = 0
                for item in self._audit_in_process(task, result):
                    count += 1
                    yield item
                self.read_log.append(result)
                if result.error is not None:
                    yield _file_error(result)
                if on_file:
                    on_file(result, count)
            return
        self.warm_up()
        pool = WorkerPool(self._read_records, self.audit_record, jobs or default_jobs(),
                          self.limits.seconds_per_file, self.limits.memory_mb_per_file)  # fmt: skip
        for item in pool.run(tasks):
            if isinstance(item, FileDone):
                self.read_log.append(item.result)
                if item.result.error is not None:
                    yield _file_error(item.result)
                if on_file:
                    on_file(item.result, count)
                count = 0
                continue
            count += 1
            yield item

    def _audit_in_process(self, task: Task, result: ReadResult) -> Iterator[RecordReport]:
        """The same contract without a worker (single small files, or isolation turned off): no budget."""
        return self._in_process(task, result, self._audit_file)

    def _in_process(self, task: Task, result: ReadResult, work) -> Iterator:
        start = time.monotonic()
        try:
            yield from work(task.source, task.path, task.data)
        except InputError as exc:
            result.error = exc
        except RecursionError:
            result.error = InputError("too-complex", "文件结构嵌套过深,无法读取(可能是恶意构造的文件)")
        except Exception as exc:  # a parser bug must not take the batch down
            result.error = _internal(exc)
        result.seconds = time.monotonic() - start

    def _read_records(self, source: str, path: str | None, data: bytes | None) -> Iterator[Record]:
        """One file's records, row by row for big workbooks."""
        if data is None:
            data = read_path(path)
        return iter_records(data, source, self.fields, self.limits)

    def _audit_file(self, source: str, path: str | None, data: bytes | None) -> Iterator[RecordReport]:
        """Read one file and check each record as it comes."""
        for record in self._read_records(source, path, data):
            yield self.audit_record(record)

    def warm_up(self) -> None:
        """Load the segmenter before workers are forked, so they share it instead of loading it each."""
        self.analyzer.analyze("沟通能力强,在X项目中协调三个部门")

    # ---------------------------------------------------------------- budgeted reading
    def _isolate(self, count: int, largest: int, collection: int = 0) -> bool:
        """Worker processes for batches, big files and big record collections (two cores for an
        export's rows); one small file is read in-process (fast start)."""
        limits = self.config.limits
        if limits.isolate != "auto":
            return limits.isolate == "always"
        return (
            count > 1
            or largest > limits.isolate_above_kb * 1024
            or collection > limits.parallel_above_kb * 1024
        )


def _unchecked(record: Record) -> Record:
    return record


def _collect(report: Report, item: RecordReport | FileError) -> None:
    if isinstance(item, FileError):
        report.errors.append(item)
    else:
        report.records.append(item)


def _file_error(result: ReadResult) -> FileError:
    return FileError(source=result.source, code=result.error.code, message=result.error.message)


def _internal(exc: Exception) -> InputError:
    return InputError("internal-error", f"读取时发生内部错误:{type(exc).__name__}: {str(exc)[:200]}")


# files that hold many records, checked row by row
COLLECTION_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".csv", ".json", ".jsonl")


def _largest_collection(files: list[Path]) -> int:
    return max((_size(p) for p in files if p.suffix.lower() in COLLECTION_SUFFIXES), default=0)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def expand_paths(paths: Iterable[str | Path], report: Report) -> list[Path]:
    """Files, folders (recursive, supported types only, in name order) and globs; missing ones become errors.
    Folder expansion skips the checker's own outputs (checker/reports/own.py)."""
    from checker.reports.own import is_own_output

    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file()
                    and p.suffix.lower() in SUPPORTED_SUFFIXES
                    and not p.name.startswith(("~$", "."))
                    and not is_own_output(p)  # reports and annotated copies a run wrote here
                )
            )
        elif path.is_file():
            out.append(path)
        elif any(ch in str(raw) for ch in "*?["):
            matches = sorted(Path(p) for p in glob.glob(str(raw), recursive=True) if Path(p).is_file())
            if not matches:
                report.errors.append(
                    FileError(source=str(raw), code="not-found", message="没有文件匹配这个通配符")
                )
            out.extend(matches)
        else:
            report.errors.append(FileError(source=str(raw), code="not-found", message="文件或目录不存在"))
    return out


def finish(report: Report) -> Report:
    """Summary figures every report format shows (see Report.finish)."""
    return report.finish()
