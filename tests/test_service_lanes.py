"""The audit lanes alone: a call past its budget is killed and its process replaced; a crash too."""

from __future__ import annotations

import asyncio
import os
import time

import pytest

from checker.service.lanes import Lane, WorkerCrashed, WorkerFailed


def sleepy(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def crash() -> None:
    os._exit(3)


def fail() -> None:
    raise ValueError("坏数据")


def counting(n: int, progress) -> int:
    for i in range(n):
        progress({"done": i + 1})
    return n


def test_budget_kills_and_replaces_the_process():
    async def main():
        lane = Lane("t", 1)
        lane.start()
        try:
            first = await lane.run(sleepy, 0, timeout=10)
            with pytest.raises(TimeoutError):
                await lane.run(sleepy, 30, timeout=0.5)
            assert lane.alive()
            second = await lane.run(sleepy, 0, timeout=10)
            assert second != first  # a new process took the place of the killed one
            with pytest.raises(WorkerCrashed):
                await lane.run(crash, timeout=10)
            with pytest.raises(WorkerFailed, match="坏数据"):
                await lane.run(fail, timeout=10)
            seen = []
            assert await lane.run(counting, 3, timeout=10, progress=seen.append) == 3
            assert seen == [{"done": 1}, {"done": 2}, {"done": 3}]
            assert lane.alive()
        finally:
            lane.stop()

    asyncio.run(main())


def test_big_lane_runs_niced():
    async def main():
        lane = Lane("b", 1, nice=10)
        lane.start()
        try:
            return await lane.run(os.nice, 0, timeout=10)
        finally:
            lane.stop()

    assert asyncio.run(main()) == min(19, os.nice(0) + 10)


def echo_sized(data: bytes, answer_size: int) -> tuple[int, bytes]:
    return len(data), b"x" * answer_size


@pytest.mark.parametrize("loop_kind", ["asyncio", "uvloop"])
def test_answers_of_any_size_on_the_loop_and_in_a_thread(loop_kind):
    """Small tasks wait on the event loop (the pipe watched), big ones in a thread; answers far bigger
    than a pipe's buffer come back whole either way, on the loop uvicorn really runs (uvloop makes a
    watched descriptor non-blocking: the lane must make it blocking again before reading)."""
    from checker.service.lanes import INLINE_MESSAGE_BYTES

    async def main():
        lane = Lane("s", 1)
        lane.start()
        try:
            for message, answer in (
                (10, 10),
                (10, 3_000_000),
                (INLINE_MESSAGE_BYTES * 2, 3_000_000),
                (10, 70_000),
            ):
                size, body = await lane.run(echo_sized, b"m" * message, answer, timeout=30)
                assert (size, len(body)) == (message, answer)
            with pytest.raises(WorkerCrashed):
                await lane.run(crash, timeout=10)
            assert (await lane.run(echo_sized, b"", 5, timeout=10))[1] == b"xxxxx"
        finally:
            lane.stop()

    if loop_kind == "uvloop":
        import uvloop  # installed with uvicorn[standard]: the loop the service runs on
        uvloop.run(main())
    else:
        asyncio.run(main())
