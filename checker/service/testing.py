"""Start the real service (`checker serve`) in a child process on a free loopback port — for tests
and for benchmarks/service_load.py. Nothing here is used by the service itself."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path


def die_with_parent() -> None:
    """preexec_fn: the child gets SIGTERM when the process that started it dies (Linux), so an
    interrupted test run leaves no service behind."""
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


@contextlib.contextmanager
def running_service(*args: str, env: dict | None = None, timeout: float = 90) -> Iterator[str]:
    """Yields the base URL (http://127.0.0.1:PORT) once /readyz answers 200; stops the service after."""
    exe = Path(sys.executable).parent / "checker"
    command = [str(exe), "serve", "--port", "0", *args]
    proc = subprocess.Popen(
        command,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env={**os.environ, **(env or {})},
        start_new_session=True,
        preexec_fn=die_with_parent,
    )
    try:
        base = _address(proc, timeout)
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(base + "/readyz", timeout=5) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError(f"服务没有就绪:{command}")
            time.sleep(0.1)
        yield base
    finally:
        stop(proc)


def _address(proc: subprocess.Popen, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    seen = []
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            if proc.poll() is not None:
                raise RuntimeError("服务没有启动:" + "".join(seen)[-2000:])
            continue
        seen.append(line)
        if "http://" in line:
            # keep draining stderr so the service never blocks on a full pipe
            import threading

            threading.Thread(target=_drain, args=(proc.stderr,), daemon=True).start()
            return "http://" + line.split("http://", 1)[1].split("/", 1)[0]
    raise RuntimeError("服务启动超时:" + "".join(seen)[-2000:])


def _drain(stream) -> None:
    with contextlib.suppress(Exception):
        for _ in stream:
            pass


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
