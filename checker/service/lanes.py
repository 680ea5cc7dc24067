"""Audit processes, in lanes: big work never waits in front of small work.

A lane is a few long-lived processes forked from the app process after the Checker is loaded (so
the segmenter, lexicons and rule packs are shared, nothing is imported again). A call takes an idle
process, sends it (function, arguments) over a pipe and waits, in a thread, for the answer;
progress messages may come first. The service has two lanes per app process:

- small: uploads up to `small_upload_kb` holding up to `small_records_kb` of record content
  (weight.py) — typical drafts, answered in milliseconds;
- big: bigger uploads and jobs, at a lower CPU priority (nice 10), so a 20,000-row sheet uses the
  cores the small lane leaves idle instead of slowing every small request down.

A call waits for its answer on the event loop itself (the pipe's descriptor is watched) when it has
no progress to relay and its message is small; otherwise in a thread. The thread hop (executor
queue, wake-ups, handing the result back to the loop) was a third of the app process's CPU per
typical draft.

A call that runs past its budget has its process (and the process group it started: the Checker's
own readers, LibreOffice) killed and replaced; the caller gets a TimeoutError. A process that dies
is replaced too; the caller gets a WorkerCrashed.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import multiprocessing as mp
import os
import signal
import threading
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.reduction import ForkingPickler

# Messages up to this size are sent from the event loop: the pipe takes them at once (the process
# is idle, blocked reading), so the loop never waits on a full pipe for long.
INLINE_MESSAGE_BYTES = 256 * 1024


class WorkerCrashed(RuntimeError):
    pass


class WorkerFailed(RuntimeError):
    pass


def _child_setup(nice: int) -> None:
    """Own process group (killed as one, out of the terminal's Ctrl+C), dies with its parent."""
    with contextlib.suppress(OSError):
        os.setpgid(0, 0)
    with contextlib.suppress(Exception):
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    with contextlib.suppress(ValueError, OSError):
        signal.set_wakeup_fd(-1)  # the parent's event loop wake-up pipe is not ours
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT, signal.SIGUSR1, signal.SIGUSR2):
        with contextlib.suppress(OSError, ValueError):
            signal.signal(sig, signal.SIG_DFL)
    if nice:
        with contextlib.suppress(OSError):
            os.nice(nice)


def _serve(conn: Connection, nice: int) -> None:
    _child_setup(nice)
    while True:
        try:
            fn, args, wants_progress = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if wants_progress:
                result = fn(*args, lambda info: conn.send(("progress", info)))
            else:
                result = fn(*args)
            conn.send(("done", result))
        except BaseException as exc:  # the parent must always get an answer
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()[:500]
            with contextlib.suppress(Exception):
                conn.send(("error", detail))
            if isinstance(exc, (MemoryError, KeyboardInterrupt, SystemExit)):
                return


@dataclass
class Worker:
    process: mp.process.BaseProcess
    conn: Connection
    busy_since: float = 0.0

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError, OSError):
            os.killpg(self.process.pid, signal.SIGKILL)
        with contextlib.suppress(Exception):
            self.process.kill()
        with contextlib.suppress(Exception):
            self.process.join(timeout=5)
        with contextlib.suppress(Exception):
            self.conn.close()


class Lane:
    def __init__(self, name: str, size: int, nice: int = 0):
        self.name, self.size, self.nice = name, max(1, size), nice
        self.ctx = mp.get_context("fork")
        self.workers: list[Worker] = []
        self.idle: asyncio.Queue[Worker] | None = None
        self.threads = ThreadPoolExecutor(max_workers=self.size, thread_name_prefix=f"lane-{name}")
        self.started = False
        self.waiting = 0

    # ------------------------------------------------------------ processes
    def _spawn(self) -> Worker:
        parent, child = self.ctx.Pipe(duplex=True)
        proc = self.ctx.Process(
            target=_serve, args=(child, self.nice), name=f"checker-{self.name}", daemon=False
        )
        proc.start()
        child.close()
        worker = Worker(proc, parent)
        self.workers.append(worker)
        return worker

    def start(self) -> None:
        self.idle = asyncio.Queue()
        for _ in range(self.size):
            self.idle.put_nowait(self._spawn())
        self.started = True

    def stop(self) -> None:
        for worker in self.workers:
            with contextlib.suppress(Exception):
                worker.conn.close()
        deadline = time.monotonic() + 3
        for worker in self.workers:
            worker.process.join(timeout=max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.kill()
        self.workers.clear()
        self.threads.shutdown(wait=False, cancel_futures=True)
        self.started = False

    def _replace(self, worker: Worker) -> None:
        worker.kill()
        with contextlib.suppress(ValueError):
            self.workers.remove(worker)
        if self.started:  # not while shutting down
            self.idle.put_nowait(self._spawn())

    def alive(self) -> bool:
        return self.started and all(w.process.is_alive() for w in self.workers)

    # ------------------------------------------------------------ calls
    async def run(self, fn, *args, timeout: float, progress=None):
        """fn(*args) in an idle process of this lane; with `progress`, fn gets a callback as last argument."""
        deadline = time.monotonic() + timeout
        self.waiting += 1
        try:
            worker = await self._idle_worker(timeout)
        except TimeoutError:
            raise TimeoutError(f"等待空闲处理进程超过 {timeout:.0f} 秒") from None
        finally:
            self.waiting -= 1
        loop = asyncio.get_running_loop()
        cancel = threading.Event()
        message = (fn, args, progress is not None)
        data = bytes(ForkingPickler.dumps(message)) if progress is None else None
        try:
            if data is not None and len(data) <= INLINE_MESSAGE_BYTES:
                kind, value = await self._call_on_loop(worker, data, deadline)
            else:
                kind, value = await loop.run_in_executor(
                    self.threads, self._call, worker, message, deadline, progress, cancel
                )
        except BaseException:  # cancelled (client gone, shutdown): the process may be mid-task
            cancel.set()
            self._replace(worker)
            raise
        if kind == "done":
            self.idle.put_nowait(worker)
            return value
        if kind == "error":
            self.idle.put_nowait(worker)
            raise WorkerFailed(value)
        self._replace(worker)
        if kind == "timeout":
            raise TimeoutError(f"处理超过 {timeout:.0f} 秒的时间预算")
        raise WorkerCrashed(value)

    async def _idle_worker(self, timeout: float) -> Worker:
        if not self.idle.empty():  # the common case: no timer at all
            return self.idle.get_nowait()
        async with asyncio.timeout(timeout):  # no extra task, unlike wait_for
            return await self.idle.get()

    @staticmethod
    async def _call_on_loop(worker: Worker, data: bytes, deadline: float):
        """_call without a thread: send the pickled task, await the pipe becoming readable, read the answer."""
        loop = asyncio.get_running_loop()
        worker.busy_since = time.monotonic()
        fd = worker.conn.fileno()
        try:
            os.set_blocking(fd, True)
            worker.conn.send_bytes(data)
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return "timeout", None
                readable = loop.create_future()  # set by the pipe or by the timer, whichever first
                loop.add_reader(fd, _set_once, readable)
                timer = loop.call_later(min(remaining, 0.5), _set_once, readable)
                try:
                    await readable
                finally:
                    timer.cancel()
                    loop.remove_reader(fd)
                    os.set_blocking(fd, True)  # uvloop makes a watched descriptor non-blocking
                if not worker.conn.poll():
                    if not worker.process.is_alive():
                        return "crashed", f"处理进程异常退出(退出码 {worker.process.exitcode})"
                    continue
                return worker.conn.recv()  # the answer is written whole: what is missing comes at once
        except (EOFError, OSError, BrokenPipeError) as exc:
            return "crashed", f"处理进程异常退出({type(exc).__name__})"
        finally:
            worker.busy_since = 0.0

    @staticmethod
    def _call(worker: Worker, message, deadline: float, progress, cancel: threading.Event):
        """In a thread: send the task, relay progress, return ("done"|"error"|"timeout"|"crashed", value)."""
        worker.busy_since = time.monotonic()
        try:
            worker.conn.send(message)
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return "timeout", None
                if cancel.is_set():
                    return "crashed", "cancelled"
                if not worker.conn.poll(min(remaining, 0.5)):
                    if not worker.process.is_alive():
                        return "crashed", f"处理进程异常退出(退出码 {worker.process.exitcode})"
                    continue
                kind, value = worker.conn.recv()
                if kind == "progress":
                    if progress is not None:
                        with contextlib.suppress(Exception):
                            progress(value)
                    continue
                return kind, value
        except (EOFError, OSError, BrokenPipeError) as exc:
            return "crashed", f"处理进程异常退出({type(exc).__name__})"
        finally:
            worker.busy_since = 0.0


def _set_once(future: asyncio.Future) -> None:
    if not future.done():
        future.set_result(None)
