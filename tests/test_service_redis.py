"""Jobs past one machine: two app replicas and a `checker worker` sharing a real redis-server.

A job submitted to one replica is run by the Celery worker and read back from the other replica
(no state in the app processes). Uses CHECKER_TEST_REDIS_URL when set (CI starts redis-server on
loopback), otherwise starts redis-server itself on a free loopback port. In CI (CI=true) a missing
redis fails the test instead of skipping it.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from checker.service.testing import die_with_parent, running_service, stop

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


def _need(condition: bool, why: str) -> None:
    if condition:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI 必须能运行 Redis 测试:{why}(.ci/run 会安装并启动 redis-server)")
    pytest.skip(why)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ping(url: str) -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2).ping())
    except Exception:
        return False


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    given = os.environ.get("CHECKER_TEST_REDIS_URL")
    if given:
        _need(_ping(given), f"CHECKER_TEST_REDIS_URL={given} 连不上")
        yield given
        return
    server = shutil.which("redis-server")
    _need(server is not None, "没有 redis-server(Debian: apt-get install -y redis-server)")
    port = _free_port()
    folder = tmp_path_factory.mktemp("redis")
    proc = subprocess.Popen(
        [server, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no", "--dir", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=die_with_parent,
    )
    url = f"redis://127.0.0.1:{port}/0"
    for _ in range(100):
        if _ping(url):
            break
        time.sleep(0.05)
    _need(_ping(url), "redis-server 没有启动")
    yield url
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def worker(redis_url):
    exe = Path(sys.executable).parent / "checker"
    proc = subprocess.Popen(
        [str(exe), "worker", "--redis", redis_url, "--concurrency", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        preexec_fn=die_with_parent,
    )
    yield proc
    stop(proc)


def _wait(client: httpx.Client, job_id: str, seconds: float = 120) -> dict:
    deadline = time.monotonic() + seconds
    seen = set()
    while time.monotonic() < deadline:
        state = client.get(f"/api/v1/jobs/{job_id}").json()
        seen.add(state["status"])
        if state["status"] in ("done", "failed"):
            state["seen"] = seen
            return state
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} not finished: {state}")


def test_jobs_run_on_celery_workers_and_any_replica_answers(redis_url, worker):
    env = {"CHECKER_TOKENS": "t"}
    headers = {"Authorization": "Bearer t"}
    with (
        running_service("--workers", "1", "--redis", redis_url, env=env) as first,
        running_service("--workers", "1", "--redis", redis_url, env=env) as second,
        httpx.Client(base_url=first, headers=headers, timeout=60) as a,
        httpx.Client(base_url=second, headers=headers, timeout=60) as b,
    ):
        ready = b.get("/readyz").json()
        assert ready["jobs"] == "celery" and ready["checks"]["jobs"] is True
        files = [("file", (p.name, p.read_bytes())) for p in sorted(SAMPLES.glob("*.docx"))]
        accepted = a.post("/api/v1/jobs", files=files)
        assert accepted.status_code == 202
        job_id = accepted.json()["id"]
        state = _wait(b, job_id)  # polled on the other replica
        assert state["status"] == "done", state
        assert state["progress"]["files_done"] == 4 and len(state["result"]["records"]) == 4
        assert b.get(state["result_url"]).json()["summary"]["records"] == 4

        xlsx = a.post("/api/v1/jobs", params={"format": "xlsx", "disable": "late-record"}, files={"file": ("s.xlsx", (SAMPLES / "销售部_2024Q2_汇总.xlsx").read_bytes())})
        done = _wait(a, xlsx.json()["id"])
        assert done["status"] == "done" and "late-record" not in done["summary"]["by_rule"]
        assert b.get(done["result_url"]).headers["content-type"].endswith("spreadsheetml.sheet")
        assert b.get("/api/v1/jobs/" + "f" * 32).status_code == 404
        assert a.get(f"/api/v1/jobs/{job_id}", headers={"Authorization": "Bearer x"}).status_code == 401
