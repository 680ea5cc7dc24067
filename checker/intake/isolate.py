"""Reading a file in a child process with a time and memory budget.

A pathological file (a parser stuck in a loop, a layout that needs gigabytes)
must not stop a batch. Each file is read in a child process started from a
fork of the caller; the child caps how much address space it may add
(RLIMIT_AS) and the parent kills its process group when the time budget runs
out. Parsed records come back pickled; NLP and rules stay in the parent.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import signal
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

from checker.intake.errors import InputError
from checker.intake.fields import AliasTable
from checker.intake.gate import Limits
from checker.model import Record


@dataclass
class ReadResult:
    """What reading one file gave: records or an error, and what it cost."""

    source: str
    records: list[Record] = field(default_factory=list)
    error: InputError | None = None
    seconds: float = 0.0
    peak_mb: float = 0.0  # resident memory the read added in its child process; 0 when read in-process


def _context():
    """fork: no re-import of the caller's __main__, nothing to pickle on the way in, ~10 ms a file."""
    methods = mp.get_all_start_methods()
    return mp.get_context("fork" if "fork" in methods else "spawn")


def _vm_bytes() -> int:
    """Current address-space size of this process (Linux), 0 when unknown."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 0
    return pages * os.sysconf("SC_PAGE_SIZE")


def _rss_mb() -> float:
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 1048576


def _child(
    conn: Connection, path: str | None, data: bytes | None, source: str, table, limits: Limits
) -> None:
    """Runs in the child: own process group, capped memory, result or InputError sent back."""
    try:
        import resource
    except ImportError:  # Windows: no RLIMIT_AS; the time budget still holds
        resource = None

    with contextlib.suppress(OSError):
        os.setpgid(0, 0)  # soffice and friends die with us
    # The child starts as a copy of the parent: the budget is what reading may add on top.
    cap = _vm_bytes() + limits.memory_mb_per_file * 1024 * 1024
    with contextlib.suppress(ValueError, OSError, AttributeError):
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    base = _rss_mb()
    try:
        from checker.intake.reader import read_bytes

        if data is None:
            data = _read_path(path)
        payload = ("ok", read_bytes(data, source, table, limits))
    except InputError as exc:
        payload = ("error", (exc.code, exc.message))
    except MemoryError:
        payload = ("error", MEMORY)
    except RecursionError:
        payload = ("error", ("too-complex", "文件结构嵌套过深,无法读取(可能是恶意构造的文件)"))
    except Exception as exc:  # a parser bug: reported for this file, the batch goes on
        payload = ("error", ("internal-error", f"读取时发生内部错误:{type(exc).__name__}: {str(exc)[:200]}"))
    peak = max(0.0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - base) if resource else 0.0
    try:
        conn.send((payload, peak))
    except MemoryError:
        conn.send((("error", MEMORY), peak))
    conn.close()


MEMORY = ("memory", "读取该文件所需内存超过上限,已停止(可能是异常或恶意构造的文件)")


def _read_path(path: str | None) -> bytes:
    try:
        return Path(str(path)).read_bytes()
    except OSError as exc:
        raise InputError("unreadable", f"文件无法读取:{exc.strerror or exc}") from exc


class Isolator:
    """Reads files one at a time, each in its own budgeted child process."""

    def __init__(self, table: AliasTable, limits: Limits):
        self.table = table
        self.limits = limits
        self.ctx = _context()

    def read(self, source: str, path: str | None = None, data: bytes | None = None) -> ReadResult:
        start = time.monotonic()
        parent, child = self.ctx.Pipe(duplex=False)
        proc = self.ctx.Process(
            target=_child, args=(child, path, data, source, self.table, self.limits), daemon=True
        )
        proc.start()
        child.close()
        try:
            result = self._wait(proc, parent, source)
        finally:
            parent.close()
            _kill(proc)
        result.seconds = time.monotonic() - start
        return result

    def _wait(self, proc, conn: Connection, source: str) -> ReadResult:
        budget = self.limits.seconds_per_file
        if not conn.poll(budget):
            if proc.is_alive():
                return ReadResult(
                    source,
                    error=InputError(
                        "timeout", f"读取超过 {budget:g} 秒仍未完成,已停止(可能是异常或恶意构造的文件)"
                    ),
                )
            return ReadResult(source, error=_died(proc))
        try:
            (status, value), peak = conn.recv()
        except (EOFError, OSError):
            return ReadResult(source, error=_died(proc))
        if status == "ok":
            return ReadResult(source, records=value, peak_mb=peak)
        return ReadResult(source, error=InputError(*value), peak_mb=peak)


def _died(proc) -> InputError:
    proc.join(1)
    code = proc.exitcode
    if code is not None and code < 0 and -code in (signal.SIGKILL, signal.SIGSEGV, signal.SIGABRT):
        # malloc failing under RLIMIT_AS ends in an abort or a segfault in C code
        return InputError(*MEMORY)
    return InputError("crashed", f"读取进程异常退出(退出码 {code}),该文件无法读取")


def _kill(proc) -> None:
    if proc.is_alive():
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
        with contextlib.suppress(ProcessLookupError):
            proc.kill()
    proc.join(5)
    with contextlib.suppress(ValueError):
        proc.close()


def read_in_process(source: str, table: AliasTable, limits: Limits, path=None, data=None) -> ReadResult:
    """The same contract without a child process (single small files, or isolation turned off)."""
    from checker.intake.reader import read_bytes

    start = time.monotonic()
    try:
        if data is None:
            data = _read_path(path)
        result = ReadResult(source, records=read_bytes(data, source, table, limits))
    except InputError as exc:
        result = ReadResult(source, error=exc)
    result.seconds = time.monotonic() - start
    return result
