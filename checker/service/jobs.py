"""Jobs: POST /api/v1/jobs answers 202 with an id at once; the work runs elsewhere.

- LocalJobs (no Redis configured): the job runs in the big lane of the app process that accepted
  it; its state and, once done, its result sit in a private temporary folder (0700) shared by the
  app processes of this service, deleted when fetched-and-expired and when the service stops.
- CeleryJobs (`[service] redis_url` / CHECKER_REDIS_URL): the job goes through the Redis broker to
  `checker worker` processes on any machine; state and result live in Redis with a TTL, so any app
  replica answers GET /api/v1/jobs/{id}.

Both keep a result only until it expires (`job_ttl_seconds`); nothing goes to a record database.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import os
import shutil
import tempfile
import time
import uuid
from pathlib import Path

from checker.service.work import JobSpec, Output, error_output, run_job

STATES = ("queued", "running", "done", "failed")


def new_id() -> str:
    return uuid.uuid4().hex


def valid_id(job_id: str) -> bool:
    return len(job_id) == 32 and all(c in "0123456789abcdef" for c in job_id)


def status_body(state: dict, result: Output | None) -> bytes:
    """The status JSON; a finished JSON report is spliced in as "result" without re-parsing it."""
    head = json.dumps(state, ensure_ascii=False)
    if result is not None and result.status == 200 and result.media_type == "application/json":
        return head[:-1].encode() + b', "result": ' + result.body + b"}"
    return head.encode()


def _public(state: dict) -> dict:
    out = {k: v for k, v in state.items() if not k.startswith("_")}
    if out.get("status") == "done":
        out["result_url"] = f"/api/v1/jobs/{state['id']}/result"
    return out


class LocalJobs:
    kind = "local"

    def __init__(self, lane_getter, job_seconds: float, ttl: int, folder: str | None = None):
        self._lane = lane_getter  # the big lane of the process that runs the job
        self.job_seconds, self.ttl = job_seconds, ttl
        self.owner = os.getpid()
        self.folder = Path(folder or tempfile.mkdtemp(prefix="checker-jobs-"))
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(self.folder, 0o700)
        self.tasks: set[asyncio.Task] = set()

    def close(self) -> None:
        """Remove the folder — only in the process that made it (not in a forked app worker)."""
        if os.getpid() == self.owner:
            shutil.rmtree(self.folder, ignore_errors=True)

    # ------------------------------------------------------------ files
    def _write(self, job_id: str, state: dict) -> None:
        path = self.folder / f"{job_id}.json"
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)

    def _read(self, job_id: str) -> dict | None:
        try:
            return json.loads((self.folder / f"{job_id}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def _sweep(self) -> None:
        cutoff = time.time() - self.ttl
        for path in self.folder.iterdir():
            with contextlib.suppress(OSError):
                if path.stat().st_mtime < cutoff:
                    path.unlink()

    # ------------------------------------------------------------ API
    async def submit(self, spec: JobSpec, meta: dict) -> str:
        self._sweep()
        job_id = new_id()
        state = {"id": job_id, "status": "queued", "format": spec.fmt, "created": time.time(), "progress": {}, **meta}
        self._write(job_id, state)
        task = asyncio.create_task(self._run(job_id, spec, state))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)
        return job_id

    async def _run(self, job_id: str, spec: JobSpec, state: dict) -> None:
        from checker.service.lanes import WorkerCrashed, WorkerFailed

        def progress(info: dict) -> None:
            state.update(status="running", progress=info)
            self._write(job_id, state)

        try:
            out = await self._lane().run(run_job, spec, timeout=self.job_seconds, progress=progress)
        except TimeoutError:
            out = error_output(504, "timeout", f"任务超过 {self.job_seconds:.0f} 秒的时间预算,已中止")
        except (WorkerCrashed, WorkerFailed) as exc:
            out = error_output(500, "worker-failed", f"处理任务时出错:{exc}")
        except asyncio.CancelledError:
            out = error_output(503, "cancelled", "服务停止,任务已中止,请重新提交")
            self._finish(job_id, state, out)
            raise
        self._finish(job_id, state, out)

    def _finish(self, job_id: str, state: dict, out: Output) -> None:
        (self.folder / f"{job_id}.result").write_bytes(out.body)
        state.update(
            finished=time.time(),
            summary=out.summary,
            _media_type=out.media_type,
            _filename=out.filename,
            _status=out.status,
        )
        if out.status == 200:
            state["status"] = "done"
        else:
            state["status"] = "failed"
            with contextlib.suppress(ValueError, KeyError, TypeError):
                state["error"] = json.loads(out.body)["error"]
        self._write(job_id, state)

    async def status(self, job_id: str) -> bytes | None:
        state = self._read(job_id) if valid_id(job_id) else None
        if state is None:
            return None
        result = None
        if state["status"] == "done":
            result = await asyncio.to_thread(self._result, job_id, state)
        return status_body(_public(state), result)

    async def result(self, job_id: str) -> Output | None:
        state = self._read(job_id) if valid_id(job_id) else None
        if state is None or state["status"] not in ("done", "failed"):
            return None
        return await asyncio.to_thread(self._result, job_id, state)

    def _result(self, job_id: str, state: dict) -> Output | None:
        try:
            body = (self.folder / f"{job_id}.result").read_bytes()
        except OSError:
            return None
        return Output(state["_status"], state["_media_type"], body, state.get("_filename", ""), state.get("summary", {}))

    async def ready(self) -> bool:
        return self.folder.is_dir()


# ---------------------------------------------------------------- Celery + Redis


def spec_to_payload(spec: JobSpec) -> dict:
    return {
        "files": [[name, base64.b64encode(data).decode()] for name, data in spec.files],
        "records": None if spec.records is None else base64.b64encode(spec.records).decode(),
        "rules": spec.rules,
        "disable": list(spec.disable),
        "format": spec.fmt,
    }


def payload_to_spec(payload: dict) -> JobSpec:
    return JobSpec(
        files=[(name, base64.b64decode(data)) for name, data in payload.get("files", [])],
        records=None if payload.get("records") is None else base64.b64decode(payload["records"]),
        rules=payload.get("rules"),
        disable=tuple(payload.get("disable") or ()),
        fmt=payload.get("format", "json"),
    )


def output_to_payload(out: Output) -> dict:
    return {
        "status": out.status,
        "media_type": out.media_type,
        "filename": out.filename,
        "summary": out.summary,
        "body": base64.b64encode(out.body).decode(),
    }


def payload_to_output(data: dict) -> Output:
    return Output(data["status"], data["media_type"], base64.b64decode(data["body"]), data.get("filename", ""), data.get("summary", {}))


class CeleryJobs:
    kind = "celery"

    def __init__(self, redis_url: str, job_seconds: float, ttl: int):
        from checker.service.celery_app import make_celery

        self.redis_url, self.ttl = redis_url, ttl
        self.celery = make_celery(redis_url, job_seconds, ttl)
        self._redis = None

    def _client(self):
        if self._redis is None:
            import redis

            self._redis = redis.Redis.from_url(self.redis_url, socket_timeout=5, socket_connect_timeout=5)
        return self._redis

    def close(self) -> None:
        if self._redis is not None:
            with contextlib.suppress(Exception):
                self._redis.close()

    async def submit(self, spec: JobSpec, meta: dict) -> str:
        job_id = new_id()
        state = {"id": job_id, "format": spec.fmt, "created": time.time(), **meta}

        def send() -> None:
            self._client().set(f"checker:job:{job_id}", json.dumps(state), ex=self.ttl)
            self.celery.send_task("checker.audit_job", args=[spec_to_payload(spec)], task_id=job_id)

        await asyncio.to_thread(send)
        return job_id

    def _state(self, job_id: str) -> tuple[dict, Output | None] | None:
        raw = self._client().get(f"checker:job:{job_id}")
        if raw is None:
            return None
        state = json.loads(raw)
        res = self.celery.AsyncResult(job_id)
        celery_state, info = res.state, res.info
        out = None
        if celery_state == "SUCCESS" and isinstance(info, dict):
            out = payload_to_output(info)
            state["progress"] = info.get("progress", {})
            state["status"] = "done" if out.status == 200 else "failed"
            state["summary"] = out.summary
            if out.status != 200:
                with contextlib.suppress(ValueError, KeyError, TypeError):
                    state["error"] = json.loads(out.body)["error"]
        elif celery_state in ("FAILURE", "REVOKED"):
            state["status"] = "failed"
            state["error"] = {"code": "worker-failed", "message": f"处理任务时出错:{str(info)[:300]}"}
        elif celery_state in ("STARTED", "PROGRESS"):
            state["status"] = "running"
            state["progress"] = info if isinstance(info, dict) and celery_state == "PROGRESS" else {}
        else:
            state["status"] = "queued"
        state.setdefault("progress", {})
        return state, out

    async def status(self, job_id: str) -> bytes | None:
        if not valid_id(job_id):
            return None
        found = await asyncio.to_thread(self._state, job_id)
        if found is None:
            return None
        state, out = found
        return status_body(_public(state), out)

    async def result(self, job_id: str) -> Output | None:
        if not valid_id(job_id):
            return None
        found = await asyncio.to_thread(self._state, job_id)
        if found is None:
            return None
        state, out = found
        if out is None and state["status"] == "failed":
            err = state.get("error", {})
            return error_output(500, err.get("code", "worker-failed"), err.get("message", "任务失败"))
        return out

    async def ready(self) -> bool:
        try:
            return bool(await asyncio.to_thread(self._client().ping))
        except Exception:
            return False
