"""Long-lived, budgeted worker processes for batch audits (`checker audit --jobs N`).

Each worker is forked once from the caller, after the caller has loaded the rule pack, the alias
table, the lexicons and the segmenter, so nothing is imported or compiled again per file. A worker
reads a file, checks its records and streams the RecordReports back in small batches; the caller
emits them in input order, whichever worker finishes first.

The budget of the old fork-per-file isolation holds per worker:
- memory: before each file the worker sets RLIMIT_AS to what it uses now plus `memory_mb_per_file`;
  big exports are read row by row, so the budget bounds what one record (and the reader's state)
  may need, not the size of the file. A MemoryError is reported for that file and the worker,
  whose heap may now be in a bad state, is replaced.
- time: a worker that sends nothing (no record, no end of file) for `seconds_per_file` is killed
  with its process group (LibreOffice included) and replaced; the file gets a `timeout` error.
  A 100,000-row export that delivers records steadily is never cut off; a parser stuck in a loop is.
- a worker that dies (segfault, abort under RLIMIT_AS, killed by the OOM killer) gives its file a
  Chinese error (`memory` or `crashed`) and is replaced; the batch goes on.
"""

from __future__ import annotations

import contextlib
import gc
import marshal
import os
import pickle
import signal
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from checker.intake.errors import InputError
from checker.intake.isolate import MEMORY, ReadResult, _rss_mb, _vm_bytes
from checker.intake.wire import FindingsIn, FindingsOut, record_in, record_out, report_in, report_out
from checker.model import RecordReport

if TYPE_CHECKING:  # multiprocessing is imported when a pool starts: one small draft is read in-process
    import multiprocessing as mp
    from multiprocessing.connection import Connection

# A worker sends records in batches: fewer pickles, still a steady trickle for the time budget.
BATCH_RECORDS = 64
BATCH_SECONDS = 0.5
# Records of a file that is not yet next in input order wait in memory up to this many, then on disk.
SPILL_ABOVE = 2_000
# Batches a worker may have waiting to be sent (64 records each).
OUTBOX_BATCHES = 16
# The cyclic garbage collector is off while a batch runs, in the caller and in the workers. Reading,
# checking and writing records make no reference cycles (measured: none over 500 .docx files, ~1,100
# objects over a 100k-row export, all from start-up), so every collection only walks live objects: the
# rule and analysis caches and records in flight, each young object once and again when promoted. With
# the threshold at 50,000 that was ~4 s of CPU on a 100k-row export (~110 ms a collection); the default
# threshold made it ~10% of all CPU. What can make cycles is an exception (its traceback and frames):
# a worker collects after a file that ended in an error. The previous state comes back when the run ends.
# What a worker sends back (batches of wire tuples, the end of a file) is all str, int, float, None,
# tuples, lists and dicts: marshal writes it as fast as pickle, and unlike pickle it does not attach
# a UTF-8 copy to every str it writes (pickle's PyUnicode_AsUTF8AndSize caches one in the object).
# The worker's rule caches hold those same field texts and findings for the whole run: on a
# 100k-row export pickle's copies were ~30 MB of the worker's memory.
MARSHAL_VERSION = 4
# Files sent to a worker ahead of the one it reads (given by path only: a task carrying its bytes
# waits until the worker is free, so neither side can block the other on a full pipe).
PREFETCH = 2


@dataclass
class Task:
    source: str
    path: str | None = None
    data: bytes | None = None


@dataclass
class FileDone:
    """The end of one file in the output stream: its ReadResult (error, seconds, peak memory)."""

    index: int
    result: ReadResult


def encode_message(message) -> bytes:
    """A worker's message as bytes: marshal (see MARSHAL_VERSION), or pickle for what marshal does not
    know (a parser's str subclass, such as lxml's string results, that reached a record unvalidated)."""
    try:
        return b"M" + marshal.dumps(message, MARSHAL_VERSION)
    except ValueError:
        return b"P" + pickle.dumps(message, pickle.HIGHEST_PROTOCOL)


def decode_message(data: bytes):
    body = memoryview(data)[1:]
    return marshal.loads(body) if data[:1] == b"M" else pickle.loads(body)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _context():
    import multiprocessing as mp

    methods = mp.get_all_start_methods()
    return mp.get_context("fork" if "fork" in methods else "spawn")


# ---------------------------------------------------------------- the worker side


def _arm_memory(budget_mb: int) -> None:
    """Cap this process's address space at what it uses now plus the budget (Linux RLIMIT_AS)."""
    try:
        import resource
    except ImportError:  # Windows: the time budget still holds
        return
    cap = _vm_bytes() + budget_mb * 1024 * 1024
    with contextlib.suppress(ValueError, OSError, AttributeError):
        hard = resource.getrlimit(resource.RLIMIT_AS)[1]
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def _maxrss_mb() -> float:
    try:
        import resource
    except ImportError:
        return 0.0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class _Outbox:
    """The worker's sending side: a thread sends what the reading side puts here, so reading and
    checking never wait for the caller to take a batch (the caller may be busy checking a batch
    of its own). At most OUTBOX_BATCHES wait: a slow caller slows the worker instead of letting
    batches pile up in memory."""

    def __init__(self, conn: Connection):
        import queue

        self.conn = conn
        self.queue: queue.Queue = queue.Queue(maxsize=OUTBOX_BATCHES)
        self.broken = False
        threading.Thread(target=self._send_all, name="checker-outbox", daemon=True).start()

    def _send_all(self) -> None:
        while True:
            message = self.queue.get()
            try:
                if not self.broken:
                    self.conn.send_bytes(encode_message(message))
            except (OSError, BrokenPipeError, ValueError):
                self.broken = True  # the caller is gone; the reading side stops at its next put
            except MemoryError:
                with contextlib.suppress(Exception):
                    self.conn.send_bytes(encode_message(("done", message[1], MEMORY, 0.0, 0.0)))
                self.broken = True
            finally:
                self.queue.task_done()

    def put(self, message) -> None:
        if self.broken:
            raise BrokenPipeError
        self.queue.put(message)

    def idle(self) -> bool:
        """Nothing waits to be sent: the caller keeps up and can take work of ours."""
        return self.queue.unfinished_tasks == 0

    def flush(self) -> None:
        self.queue.join()


def _worker(conn: Connection, read_file: Callable, check: Callable, budget_mb: int) -> None:
    """Runs in the worker: tasks in, (records | done) out, until told to stop or the pipe closes.

    With `share` set (a file that leaves other cores idle, e.g. one big export), a batch goes back
    unchecked ("raw") for the caller to check whenever the caller has taken everything sent so far:
    reading and checking one file use two cores, and the share follows how busy each side is."""
    with contextlib.suppress(OSError):
        os.setpgid(0, 0)  # soffice and friends die with us
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - the report on stdout is the parent's alone
    gc.disable()  # see the note above the module's constants; collected after a failed file
    outbox = _Outbox(conn)  # before the memory budget is armed: its thread's stack is not the file's
    findings = FindingsOut()  # for this pipe's life: the caller's _Worker holds the other side
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        if task is None:
            outbox.flush()
            return
        index, source, path, data, share = task
        _arm_memory(budget_mb)
        base_rss = _rss_mb()
        base_peak = _maxrss_mb()
        start = time.monotonic()
        error, fatal = None, False
        batch: list = []
        raw = False  # whether the batch being filled goes back unchecked
        last_send = start
        try:
            for record in read_file(source, path, data):
                if not batch:
                    raw = share and outbox.idle()
                batch.append(record_out(record) if raw else report_out(check(record), findings))
                now = time.monotonic()
                if len(batch) >= BATCH_RECORDS or now - last_send > BATCH_SECONDS:
                    outbox.put(("raw" if raw else "recs", index, batch))
                    batch, last_send = [], now
        except InputError as exc:
            error = (exc.code, exc.message)
        except MemoryError:
            error, fatal, batch = MEMORY, True, []
        except RecursionError:
            error = ("too-complex", "文件结构嵌套过深,无法读取(可能是恶意构造的文件)")
        except (OSError, BrokenPipeError):
            if outbox.broken:
                return  # the caller is gone
            raise
        except Exception as exc:  # a parser bug: reported for this file, the batch goes on
            error = ("internal-error", f"读取时发生内部错误:{type(exc).__name__}: {str(exc)[:200]}")
        data = None
        if error is not None:
            gc.collect()  # the exception's traceback and frames: cycles the paused collector leaves
        peak = max(0.0, _maxrss_mb() - max(base_peak, base_rss))
        if error is not None and error[0] == "corrupt" and peak >= 0.9 * budget_mb:
            # libxml2 out of memory under RLIMIT_AS says "unknown error" / "Memory allocation failed"
            error, fatal = MEMORY, True
        try:
            if batch:
                outbox.put(("raw" if raw else "recs", index, batch))
            outbox.put(("done", index, error, time.monotonic() - start, peak))
        except (OSError, BrokenPipeError):
            return
        if fatal:
            outbox.flush()
            return


# ---------------------------------------------------------------- the caller side


@dataclass
class _Worker:
    proc: mp.process.BaseProcess
    conn: Connection
    # files sent to it, in the order it reads them: the first is being read, the next one waits in
    # the pipe so the worker never sits idle while we take its results (PREFETCH)
    inflight: deque = field(default_factory=deque)
    deadline: float = 0.0  # for the file being read
    findings: FindingsIn = field(default_factory=FindingsIn)  # the worker's FindingsOut, decoded

    @property
    def index(self) -> int | None:
        """The file it is reading."""
        return self.inflight[0] if self.inflight else None


@dataclass
class _Pending:
    """Output of a file that is not next in input order yet: records in memory, then spilled to disk."""

    source: str
    records: list[RecordReport] = field(default_factory=list)
    spill: object | None = None  # a temporary file of pickled batches
    done: ReadResult | None = None
    failed: InputError | None = None  # checking one of its batches here went wrong

    def add(self, batch: list[RecordReport]) -> None:
        self.records.extend(batch)
        if len(self.records) >= SPILL_ABOVE:
            if self.spill is None:
                self.spill = tempfile.TemporaryFile()  # noqa: SIM115 - closed in drain()
            pickle.dump([report_out(r) for r in self.records], self.spill, protocol=pickle.HIGHEST_PROTOCOL)
            self.records = []

    def drain(self) -> Iterator[RecordReport]:
        if self.spill is not None:
            self.spill.seek(0)
            while True:
                try:
                    batch = pickle.load(self.spill)
                except EOFError:
                    break
                yield from map(report_in, batch)
            self.spill.close()
            self.spill = None
        yield from self.records
        self.records = []


class WorkerPool:
    """N budgeted workers; `run(tasks)` yields RecordReports and FileDone markers in input order."""

    def __init__(self, read_file: Callable, check: Callable, jobs: int, seconds: float, memory_mb: int):
        self.read_file = read_file  # (source, path, data) -> iterator of Records, in the worker
        self.check = check  # Record -> RecordReport, in the worker or here
        self.jobs = max(1, jobs)
        self.seconds = seconds
        self.memory_mb = memory_mb
        self.ctx = _context()
        self.workers: list[_Worker] = []
        self._todo: deque[int] = deque()  # files not yet sent to a worker

    # -------------------------------------------------------- lifecycle
    def _spawn(self) -> _Worker:
        for stream in (sys.stdout, sys.stderr):  # a buffered report line must not be written twice
            with contextlib.suppress(Exception):
                stream.flush()
        parent, child = self.ctx.Pipe(duplex=True)
        proc = self.ctx.Process(
            target=_worker,
            args=(child, self.read_file, self.check, self.memory_mb),
            daemon=True,
            name="checker-worker",
        )
        proc.start()
        child.close()
        return _Worker(proc, parent)

    def close(self) -> None:
        for worker in self.workers:
            with contextlib.suppress(OSError, ValueError):
                worker.conn.send(None)
        deadline = time.monotonic() + 2
        for worker in self.workers:
            worker.proc.join(max(0.0, deadline - time.monotonic()))
            _kill(worker)
        self.workers = []

    # -------------------------------------------------------- the run
    def run(self, tasks: list[Task]) -> Iterator[RecordReport | FileDone]:
        if not tasks:
            return
        gc.collect()
        # What is loaded now (pack, lexicons, segmenter dictionary: millions of objects) is frozen for
        # the run: it stays shared with the workers instead of being copied by the collector, and the
        # collector no longer walks it on every full collection, which made each batch of records
        # received from a worker several times dearer to unpickle.
        gc.freeze()
        try:
            self.workers = [self._spawn() for _ in range(min(self.jobs, len(tasks)))]
            with _collector_paused():  # after the fork: workers pause their own
                yield from self._run(tasks)
        finally:
            gc.unfreeze()
            self.close()

    def _run(self, tasks: list[Task]) -> Iterator[RecordReport | FileDone]:
        from multiprocessing.connection import wait

        todo = self._todo = deque(range(len(tasks)))
        window = max(4, 4 * len(self.workers))  # how far ahead of the oldest unfinished file to read
        head = 0  # the next file in input order
        pending: dict[int, _Pending] = {}
        starts: dict[int, float] = {}
        while head < len(tasks):
            for worker in self.workers:
                while todo and todo[0] < head + window and self._has_room(worker, tasks[todo[0]]):
                    index = todo.popleft()
                    task = tasks[index]
                    pending[index] = _Pending(task.source)
                    starts[index] = time.monotonic()
                    # the last file (often the only one, a big export): the workers that finish
                    # leave cores idle, so this one hands every other batch back for us to check
                    share = not todo
                    try:
                        worker.conn.send((index, task.source, task.path, task.data, share))
                    except (OSError, BrokenPipeError):
                        todo.appendleft(index)
                        self._fail(worker, pending, starts, None)
                        break
                    if not worker.inflight:
                        worker.deadline = time.monotonic() + self.seconds
                    worker.inflight.append(index)
            busy = [w for w in self.workers if w.index is not None]
            if not busy:
                continue
            timeout = max(0.0, min(w.deadline for w in busy) - time.monotonic())
            ready = set(wait([w.conn for w in busy] + [w.proc.sentinel for w in busy], timeout))
            for worker in busy:
                if worker.conn in ready or worker.proc.sentinel in ready:
                    self._receive(worker, pending, starts, head)
                elif time.monotonic() >= worker.deadline:
                    error = InputError(
                        "timeout",
                        f"读取超过 {self.seconds:g} 秒仍未完成,已停止(可能是异常或恶意构造的文件)",
                    )
                    self._fail(worker, pending, starts, error)
            # the head file streams straight through; the rest wait their turn
            while head < len(tasks) and head in pending:
                item = pending[head]
                yield from item.drain()
                if item.done is None:
                    break
                del pending[head]
                yield FileDone(head, item.done)
                head += 1

    def _receive(self, worker: _Worker, pending: dict, starts: dict, head: int) -> None:
        """What the worker has sent so far, up to a batch of the file next in input order (`head`),
        which goes out before more is taken: while the caller checked a raw batch, the worker may
        have sent many more, and the head file's records would pile up and spill to disk (pickled
        and read back) on their way out. A dead worker fails its file and is replaced."""
        while worker.index is not None:
            try:
                if not worker.conn.poll():
                    if not worker.proc.is_alive():
                        raise EOFError
                    return
                message = decode_message(worker.conn.recv_bytes())
            except (EOFError, OSError, ValueError, TypeError, pickle.UnpicklingError):  # a cut-off message
                self._fail(worker, pending, starts, _died(worker.proc))
                return
            kind, index = message[0], message[1]
            if kind in ("recs", "raw"):
                worker.deadline = time.monotonic() + self.seconds
                if kind == "recs":
                    pending[index].add([report_in(r, worker.findings) for r in message[2]])
                else:
                    try:
                        pending[index].add([self.check(record_in(r)) for r in message[2]])
                    except Exception as exc:  # a check bug: this file's error, the batch goes on
                        pending[index].failed = pending[index].failed or InputError(
                            "internal-error", f"检查时发生内部错误:{type(exc).__name__}: {str(exc)[:200]}"
                        )
                    worker.deadline = time.monotonic() + self.seconds
                if index == head:
                    return
                continue
            _, _, error, seconds, peak = message
            err = InputError(*error) if error else pending[index].failed
            pending[index].done = ReadResult(pending[index].source, error=err, seconds=seconds, peak_mb=peak)
            worker.inflight.popleft()
            worker.deadline = time.monotonic() + self.seconds  # the next file it holds starts now
            if error is not None and tuple(error) == MEMORY:
                self._replace(worker)  # its heap may be in a bad state after a MemoryError
                return

    def _fail(self, worker: _Worker, pending: dict, starts: dict, error: InputError | None) -> None:
        """The file being read gets `error`; files waiting behind it go back to the queue."""
        index = worker.index
        if index is not None and error is not None:
            seconds = time.monotonic() - starts[index]
            pending[index].done = ReadResult(pending[index].source, error=error, seconds=seconds)
            worker.inflight.popleft()
        self._replace(worker)

    def _replace(self, worker: _Worker) -> None:
        _kill(worker)
        self._todo.extendleft(reversed(worker.inflight))  # sent but never started: read by another
        self.workers[self.workers.index(worker)] = self._spawn()

    @staticmethod
    def _has_room(worker: _Worker, task: Task) -> bool:
        if not worker.inflight:
            return True
        return task.data is None and len(worker.inflight) < PREFETCH


_PAUSES = {"runs": 0, "was_enabled": True}
_PAUSES_LOCK = threading.Lock()


@contextlib.contextmanager
def _collector_paused():
    """The cyclic collector off while at least one run of this process is going (see the note above
    the module's constants); runs may overlap (threads of a service), the last one to end restores it."""
    with _PAUSES_LOCK:
        if _PAUSES["runs"] == 0:
            _PAUSES["was_enabled"] = gc.isenabled()
            gc.disable()
        _PAUSES["runs"] += 1
    try:
        yield
    finally:
        with _PAUSES_LOCK:
            _PAUSES["runs"] -= 1
            if _PAUSES["runs"] == 0 and _PAUSES["was_enabled"]:
                gc.enable()


def _died(proc) -> InputError:
    proc.join(1)
    code = proc.exitcode
    if (
        code is not None
        and code < 0
        and -code in (signal.SIGKILL, signal.SIGSEGV, signal.SIGABRT, signal.SIGBUS)
    ):
        # malloc failing under RLIMIT_AS ends in an abort or a segfault in C code; the OOM killer sends SIGKILL
        return InputError(*MEMORY)
    return InputError("crashed", f"读取进程异常退出(退出码 {code}),该文件无法读取")


def _kill(worker: _Worker) -> None:
    proc = worker.proc
    if proc.is_alive():
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
        with contextlib.suppress(ProcessLookupError):
            proc.kill()
    proc.join(5)
    with contextlib.suppress(OSError, ValueError):
        worker.conn.close()
    with contextlib.suppress(ValueError):
        proc.close()


def read_path(path: str | None) -> bytes:
    try:
        return Path(str(path)).read_bytes()
    except OSError as exc:
        raise InputError("unreadable", f"文件无法读取:{exc.strerror or exc}") from exc
