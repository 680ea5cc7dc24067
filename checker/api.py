"""The public API: the same core for the CLI, the HTTP service and tests. No printing, no exit codes."""

from __future__ import annotations

import glob
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from checker.checks.pack import RulePack, load_pack
from checker.config import Config
from checker.engine import Engine
from checker.intake.errors import InputError
from checker.intake.fields import AliasTable, load_alias_table
from checker.intake.gate import Limits
from checker.intake.isolate import Isolator, ReadResult, read_in_process
from checker.intake.reader import SUPPORTED_SUFFIXES, read_bytes
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
        self.analyzer = TextAnalyzer(self.lexicons)
        self.engine = Engine(self.pack, self.analyzer, self.fields, set(self.config.disable))
        self.limits: Limits = self.config.limits.to_limits()
        self._isolator: Isolator | None = None
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

    # ---------------------------------------------------------------- checking
    def audit_record(self, record: Record) -> RecordReport:
        return self.engine.check(record)

    def audit_bytes(self, data: bytes, source: str) -> Report:
        report = Report(rule_pack=self.pack.label)
        isolate = self._isolate(1, len(data))
        self.read_log = [self._read(source, data=data, isolate=isolate)]
        self._add(report, self.read_log[0])
        return finish(report)

    def audit_paths(self, paths: Iterable[str | Path]) -> Report:
        """Every file gives records or an error entry; a file that is too slow or too big stops alone."""
        report = Report(rule_pack=self.pack.label)
        files = expand_paths(paths, report)
        isolate = self._isolate(len(files), max((_size(p) for p in files), default=0))
        self.read_log = []
        for path in files:
            result = self._read(str(path), path=path, isolate=isolate)
            self.read_log.append(result)
            self._add(report, result)
        return finish(report)

    # ---------------------------------------------------------------- budgeted reading
    def _isolate(self, count: int, largest: int) -> bool:
        """Child processes for batches and big files; one small file is read in-process (fast start)."""
        mode = self.config.limits.isolate
        if mode != "auto":
            return mode == "always"
        return count > 1 or largest > self.config.limits.isolate_above_kb * 1024

    def _read(self, source: str, path: Path | None = None, data: bytes | None = None, isolate=False):
        if not isolate:
            try:
                return read_in_process(source, self.fields, self.limits, path=path, data=data)
            except Exception as exc:  # a parser bug must not take the batch down
                return ReadResult(source, error=_internal(exc))
        if self._isolator is None:
            self._isolator = Isolator(self.fields, self.limits)
        return self._isolator.read(source, path=None if path is None else str(path), data=data)

    def _add(self, report: Report, result: ReadResult) -> None:
        if result.error is not None:
            error = result.error
            report.errors.append(FileError(source=result.source, code=error.code, message=error.message))
            return
        report.records.extend(self.audit_record(r) for r in result.records)

    def _audit_one(self, report: Report, source: str, read) -> None:
        """Read with `read()` in-process and check (kept for callers that bring their own reader)."""
        try:
            records = read()
        except InputError as exc:
            report.errors.append(FileError(source=source, code=exc.code, message=exc.message))
            return
        except Exception as exc:  # a parser bug must not take the batch down
            error = _internal(exc)
            report.errors.append(FileError(source=source, code=error.code, message=error.message))
            return
        report.records.extend(self.audit_record(r) for r in records)


def _internal(exc: Exception) -> InputError:
    return InputError("internal-error", f"读取时发生内部错误:{type(exc).__name__}: {str(exc)[:200]}")


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def expand_paths(paths: Iterable[str | Path], report: Report) -> list[Path]:
    """Files, folders (recursive, supported types only, in name order) and globs; missing ones become errors."""
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
                    and not p.stem.endswith(".checked")  # our own annotated copies
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
