"""The ASGI app: FastAPI routes over the audit lanes and the job store.

    create_app(config, settings)   build once, before forking (gunicorn --preload / `checker serve`)

Routes: the page at /, POST /api/v1/audit, POST /api/v1/jobs, GET /api/v1/jobs/{id}[/result],
GET /api/v1/rules, /healthz, /readyz, OpenAPI at /docs (assets served from the package, no CDN),
and the old /v1/audit, /v1/records, /v1/rules (same JSON report as before).
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import hashlib
import hmac
import os
import time
from collections import OrderedDict
from contextlib import asynccontextmanager
from importlib.resources import files as package_files
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import quote

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from checker.config import Config
from checker.service import work
from checker.service.lanes import Lane, WorkerCrashed, WorkerFailed
from checker.service.settings import ServiceSettings, service_settings
from checker.service.upload import header_filename, parse_multipart, read_body
from checker.service.weight import is_small
from checker.service.work import FORMATS, JobSpec, Output, RequestError, error_output

STATIC = Path(__file__).resolve().parent / "static"
API_PREFIXES = ("/api/", "/v1/")
Format = Literal["json", "html", "docx", "xlsx", "sarif"]
bearer = HTTPBearer(auto_error=False, description="访问令牌(CHECKER_TOKENS 或 [service] tokens)")
FormatQ = Annotated[Format, Query(description="报告格式;docx 返回带批注的原件副本(多个文件时为 zip)")]
RulesQ = Annotated[str | None, Query(description="规则包:default、strict(或服务配置的规则包)")]
DisableQ = Annotated[list[str], Query(description="停用的规则 id,可多次给出或用逗号分隔")]
NameQ = Annotated[
    str | None, Query(description="原始内容上传时的文件名(决定来源名;类型按内容识别)", max_length=255)
]


# ---------------------------------------------------------------- OpenAPI models (documentation)


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorBody(BaseModel):
    error: ErrorDetail


class JobAccepted(BaseModel):
    id: str
    status: str
    status_url: str


class RuleInfo(BaseModel):
    id: str
    title: str
    kind: str
    severity: str
    fields: list[str]
    description: str
    enabled: bool


class FieldInfo(BaseModel):
    key: str
    name: str
    required: bool


class RulesBody(BaseModel):
    pack: str
    description: str
    packs: list[str]
    rules: list[RuleInfo]


ERRORS = {
    400: {"model": ErrorBody, "description": "请求有误(中文说明在 error.message)"},
    401: {"model": ErrorBody, "description": "需要访问令牌(Authorization: Bearer …)"},
    413: {"model": ErrorBody, "description": "上传内容超过上限"},
}
UPLOAD_BODY = {
    "requestBody": {
        "description": "multipart 文件(字段 file 或 files,可多个)、原始文件内容(文件名用 ?filename= 或 X-Filename),"
        "或 JSON 记录(一条对象或列表)",
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "file": {"type": "array", "items": {"type": "string", "format": "binary"}}
                    },
                }
            },
            "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
            "application/json": {
                "schema": {
                    "anyOf": [
                        {"type": "object", "additionalProperties": {"type": "string"}},
                        {
                            "type": "array",
                            "items": {"type": "object", "additionalProperties": {"type": "string"}},
                        },
                    ]
                }
            },
        },
    }
}
RECORDS_BODY = {
    "requestBody": {
        "content": {"application/json": UPLOAD_BODY["requestBody"]["content"]["application/json"]}
    }
}


# ---------------------------------------------------------------- the service state


class ResultCache:
    """Answers to identical requests (same bytes, name, pack, format), in memory, bounded, expiring.
    A manager who uploads the same draft again, or an integrator's retry, costs no CPU."""

    def __init__(self, max_bytes: int, seconds: float):
        self.max_bytes, self.seconds = max_bytes, seconds
        self.items: OrderedDict[str, tuple[float, Output]] = OrderedDict()
        self.size = 0

    def get(self, key: str) -> Output | None:
        found = self.items.get(key)
        if found is None:
            return None
        if time.monotonic() - found[0] > self.seconds:
            self._drop(key)
            return None
        self.items.move_to_end(key)
        return found[1]

    def put(self, key: str, out: Output) -> None:
        if self.max_bytes <= 0 or len(out.body) > self.max_bytes // 8 or key in self.items:
            return
        self.items[key] = (time.monotonic(), out)
        self.size += len(out.body)
        while self.size > self.max_bytes and self.items:
            self._drop(next(iter(self.items)))

    def _drop(self, key: str) -> None:
        _, out = self.items.pop(key)
        self.size -= len(out.body)


class Service:
    def __init__(self, config: Config, settings: ServiceSettings):
        from checker.checks.pack import load_pack

        self.config, self.settings = config, settings
        self.checker = work.load(config)  # loaded before the app processes and lanes fork
        names = list(dict.fromkeys([config.rules, "default", "strict"]))
        self.packs = {}
        for name in names:
            with contextlib.suppress(Exception):
                self.packs[name] = (
                    self.checker.pack
                    if name == config.rules
                    else load_pack(name, known_fields=set(self.checker.fields.names))
                )
        _warm(self.checker)
        if work.save_enabled(config):  # the record database: migrate once here, not in every process
            from checker.history.store import open_store

            open_store(None, config).close()
        # results are only cached when nothing is stored: a repeated upload must be saved again
        cache_mb = 0 if work.save_enabled(config) else settings.cache_mb
        self.tokens = [t.encode() for t in settings.tokens]
        # every app process gets a small-lane process per core: connections are not spread evenly
        # over the app processes, and the kernel shares idle cores among all lanes anyway
        small = settings.small_workers or _cpus()
        self.small = Lane("small", small)
        self.big = Lane("big", settings.big_workers, nice=10)
        self.cache = ResultCache(int(cache_mb * 1024 * 1024), settings.cache_seconds)
        if settings.redis_url:
            from checker.service.jobs import CeleryJobs

            self.jobs = CeleryJobs(settings.redis_url, settings.job_seconds, settings.job_ttl_seconds)
        else:
            from checker.service.jobs import LocalJobs

            self.jobs = LocalJobs(lambda: self.big, settings.job_seconds, settings.job_ttl_seconds)
        atexit.register(self.jobs.close)

    # ------------------------------------------------------------ checks shared by the routes
    def authorized(self, header: str | None) -> bool:
        if not self.tokens:
            return True
        if not header or not header.lower().startswith("bearer "):
            return False
        given = header[7:].strip().encode()
        return any(hmac.compare_digest(given, token) for token in self.tokens)

    def check_rules(self, rules: str | None, disable: list[str]) -> tuple[str | None, tuple[str, ...]]:
        if rules and rules not in self.packs:
            raise RequestError(400, "unknown-pack", f"没有规则包「{rules}」(可用:{'、'.join(self.packs)})")
        pack = self.packs.get(rules or self.config.rules, self.checker.pack)
        ids = [r.id for r in pack.rules]
        wanted = [d.strip() for item in disable for d in item.split(",") if d.strip()]
        unknown = [d for d in wanted if d not in ids]
        if unknown:
            raise RequestError(
                400,
                "unknown-rule",
                f"规则包 {pack.label} 中没有规则「{'」「'.join(unknown)}」,无法停用(可用:{'、'.join(ids)})",
            )
        return (rules if rules and rules != self.config.rules else None), tuple(dict.fromkeys(wanted))

    def rules_body(self, rules: str | None, disable: tuple[str, ...]) -> dict:
        pack = self.packs.get(rules or self.config.rules, self.checker.pack)
        off = set(disable) | set(self.config.disable)
        active = {r.id for r in pack.active(off)}
        titles = _rule_titles(pack)
        return {
            "pack": pack.label,
            "description": pack.description,
            "packs": list(self.packs),
            "rules": [
                {
                    "id": r.id,
                    "title": titles.get(r.id, r.id),
                    "kind": r.kind,
                    "severity": r.severity.value,
                    "fields": list(r.fields),
                    "description": r.description,
                    "enabled": r.id in active,
                }
                for r in pack.rules
            ],
        }

    # ------------------------------------------------------------ reading a request
    async def read_input(
        self, request: Request, filename: str | None
    ) -> tuple[list[tuple[str, bytes]], bytes | None]:
        body = await read_body(request.stream(), self.settings.max_upload, self.settings.request_seconds)
        content_type = request.headers.get("content-type", "")
        media = content_type.split(";")[0].strip().lower()
        if media == "multipart/form-data":
            return parse_multipart(body, content_type, self.settings.max_files), None
        if not body:
            raise RequestError(400, "empty", "请求体是空的:请上传文件(multipart 或原始内容)或 JSON 记录")
        if media == "application/json" or media.endswith("+json"):
            return [], body
        name = (
            filename
            or header_filename(request.headers.get("x-filename", ""))
            or header_filename(request.headers.get("content-disposition", ""))
        )
        return [(name or "upload", body)], None

    # ------------------------------------------------------------ running
    async def audit(self, files, records, rules, disable, fmt) -> Output:
        settings = self.settings
        small = is_small(files, records, settings.small_upload_kb, settings.small_records_kb)
        key = None
        if small and self.cache.max_bytes:
            digest = hashlib.sha256(f"{fmt}\0{rules}\0{','.join(disable)}\0".encode())
            for name, data in files:
                digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
            if records is not None:
                digest.update(b"records\0" + records)
            key = digest.hexdigest()
            found = self.cache.get(key)
            if found is not None:
                return found
        lane = self.small if small else self.big
        try:
            if records is not None:
                out = await lane.run(
                    work.audit_records, records, rules, disable, fmt, timeout=self.settings.request_seconds
                )
            else:
                out = await lane.run(
                    work.audit_upload, files, rules, disable, fmt, timeout=self.settings.request_seconds
                )
        except TimeoutError:
            return error_output(
                504,
                "timeout",
                f"处理超过 {self.settings.request_seconds:g} 秒的时间预算,已中止;大批量或大表请改用 POST /api/v1/jobs",
            )
        except (WorkerCrashed, WorkerFailed) as exc:
            return error_output(500, "worker-failed", f"处理时出错:{exc}")
        out.lane = lane.name
        if key is not None and out.status == 200:
            self.cache.put(key, out)
        return out


def _rule_titles(pack) -> dict[str, str]:
    """Short Chinese rule names as the reports show them (falls back to the ids)."""
    try:
        from checker.model import Report
        from checker.reports.common import rule_infos

        return {rid: info.title for rid, info in rule_infos(Report(), pack).items()}
    except Exception:
        return {}


def _warm(checker) -> None:
    """Read a tiny Word form, sheet and JSON record once before forking: every reader, the report
    writers and their imports are loaded in the shared memory, so no process pays for them on its
    first request."""
    import io

    from docx import Document
    from openpyxl import Workbook

    doc = Document()
    table = doc.add_table(rows=2, cols=2)
    for row, (label, value) in zip(
        table.rows, (("员工姓名", "张三"), ("绩效总结", "沟通能力强")), strict=True
    ):
        row.cells[0].text, row.cells[1].text = label, value
    word = io.BytesIO()
    doc.save(word)
    book = Workbook()
    book.active.append(["员工姓名", "改进计划"])
    book.active.append(["李四", "提升数据分析能力"])
    sheet = io.BytesIO()
    book.save(sheet)
    work.WARMING = True
    try:
        work.audit_upload([("warm.docx", word.getvalue()), ("warm.xlsx", sheet.getvalue())], None, (), "json")
        work.audit_upload([("warm.docx", word.getvalue())], None, (), "html")
        work.audit_records(
            b'{"\u7ee9\u6548\u603b\u7ed3": "\u6c9f\u901a\u80fd\u529b\u5f3a"}', None, (), "json"
        )
    except Exception:  # warming is an optimisation; a failure shows up on the first real request
        pass
    finally:
        work.WARMING = False
    # Everything loaded so far lives as long as the service: frozen, it stays shared with the forked
    # app and lane processes (the collector would otherwise touch, and so copy, every page of it) and
    # no full collection walks it again, which otherwise costs each request its share of a walk over
    # millions of objects (pack, lexicons, segmenter dictionary).
    gc.collect()
    gc.freeze()


def _cpus() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def to_response(out: Output, download: bool = False) -> Response:
    headers = {}
    if out.filename and (download or out.media_type not in ("application/json", "text/html; charset=utf-8")):
        fallback = "".join(
            ch if ch.isascii() and ch.isprintable() and ch not in '"\\' else "_" for ch in out.filename
        )
        headers["Content-Disposition"] = (
            f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(out.filename)}"
        )
    if out.lane:
        headers["X-Checker-Lane"] = out.lane
    if out.summary:
        headers["X-Checker-Records"] = str(out.summary.get("records", 0))
        headers["X-Checker-Errors"] = str(out.summary.get("errors", 0))
        if out.summary.get("saved_run"):
            headers["X-Checker-Saved-Run"] = str(out.summary["saved_run"])
    return Response(out.body, status_code=out.status, media_type=out.media_type, headers=headers)


def error_response(status: int, code: str, message: str, headers: dict | None = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)


# ---------------------------------------------------------------- the body limit, before any reading


class UploadLimit:
    """Refuse a declared body over the limit at once (413) — the body is never read; the app's
    reader enforces the same cap on chunked bodies."""

    def __init__(self, app, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["method"] in ("POST", "PUT", "PATCH"):
            for name, value in scope["headers"]:
                if name == b"content-length":
                    if not value.isdigit() or int(value) > self.limit:
                        status, code = (413, "too-large") if value.isdigit() else (400, "bad-length")
                        message = (
                            f"上传内容超过 {self.limit / 1048576:g} MB 上限"
                            if status == 413
                            else "Content-Length 无效"
                        )
                        response = error_response(status, code, message, {"Connection": "close"})
                        await response(scope, receive, send)
                        return
                    break
        await self.app(scope, receive, send)


# ---------------------------------------------------------------- the app


def create_app(config: Config | None = None, settings: ServiceSettings | None = None) -> FastAPI:
    if config is None:
        from checker.config import load_config

        config = load_config()
    settings = settings or service_settings(config)
    service = Service(config, settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        service.small.start()  # forked here, in each app process, with the checker already loaded
        service.big.start()
        try:
            yield
        finally:
            for task in list(getattr(service.jobs, "tasks", ())):
                task.cancel()
            service.small.stop()
            service.big.stop()

    app = FastAPI(
        title="绩效面谈记录质检服务",
        version="1",
        description="上传面谈记录(Word、Excel、JSON),得到得分、结论和逐字段的问题;大批量用任务接口。"
        "设置了访问令牌时,/api 与 /v1 下的接口都需要 `Authorization: Bearer <令牌>`。",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.service = service
    app.add_middleware(UploadLimit, limit=settings.max_upload)

    async def require_token(  # async: FastAPI runs a plain def dependency in a thread, per request
        request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
    ) -> None:
        if not service.authorized(request.headers.get("authorization")):
            raise RequestError(
                401, "unauthorized", "需要有效的访问令牌:请在请求头中加上 Authorization: Bearer <令牌>"
            )

    auth = [Depends(require_token)]

    # ------------------------------------------------------------ errors, all JSON in Chinese
    @app.exception_handler(RequestError)
    async def _request_error(request: Request, exc: RequestError):
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return error_response(exc.status, exc.code, exc.message, headers)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError):
        problems = ";".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()) if p not in ('query', 'path'))}: {_chinese(e)}"
            for e in exc.errors()
        )
        return error_response(400, "bad-request", f"参数有误:{problems}")

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        messages = {404: "没有这个地址", 405: "这个地址不支持该请求方法"}
        return error_response(
            exc.status_code,
            "not-found" if exc.status_code == 404 else f"http-{exc.status_code}",
            messages.get(exc.status_code, str(exc.detail)),
            getattr(exc, "headers", None),
        )

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception):
        return error_response(500, "internal-error", f"服务内部错误:{type(exc).__name__}")

    # ------------------------------------------------------------ page, docs, health
    @app.get("/", include_in_schema=False)
    async def page():
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    app.mount("/static/page", StaticFiles(directory=STATIC), name="page")
    app.mount("/static/docs", StaticFiles(directory=_swagger_assets()), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    async def docs():
        return get_swagger_ui_html(
            openapi_url=app.openapi_url,
            title=app.title + " - 接口文档",
            swagger_js_url="/static/docs/swagger-ui-bundle.js",
            swagger_css_url="/static/docs/swagger-ui.css",
            swagger_favicon_url="/static/docs/favicon.png",
        )

    @app.get("/healthz", tags=["运行状态"], summary="存活检查")
    async def healthz():
        return {"status": "ok"}

    @app.get("/readyz", tags=["运行状态"], summary="就绪检查:处理进程在运行,任务队列可用")
    async def readyz():
        checks = {
            "small_lane": service.small.alive(),
            "big_lane": service.big.alive(),
            "jobs": await service.jobs.ready(),
        }
        ok = all(checks.values())
        return JSONResponse(
            {"status": "ready" if ok else "not-ready", "checks": checks, "jobs": service.jobs.kind},
            status_code=200 if ok else 503,
        )

    # ------------------------------------------------------------ the API
    @app.post(
        "/api/v1/audit",
        tags=["质检"],
        summary="检查上传的面谈记录,立即返回报告",
        dependencies=auth,
        openapi_extra=UPLOAD_BODY,
        responses={
            200: {
                "description": "报告(format=json 时为 SPEC 第3节的 JSON;其他格式为对应文件)",
                "content": {
                    "application/json": {},
                    "text/html": {},
                    "application/sarif+json": {},
                    "application/octet-stream": {},
                },
            },
            **ERRORS,
            422: {"model": ErrorBody, "description": "format=docx 但没有可加批注的 Word / Excel 原件"},
            504: {"model": ErrorBody, "description": "超过单次请求的时间预算"},
        },
    )
    async def audit(
        request: Request,
        format: FormatQ = "json",  # noqa: A002 - the query parameter's public name
        rules: RulesQ = None,
        disable: DisableQ = [],  # noqa: B006 - FastAPI copies defaults
        filename: NameQ = None,
    ):
        rules_, disable_ = service.check_rules(rules, disable)
        files, records = await service.read_input(request, filename)
        return to_response(await service.audit(files, records, rules_, disable_, format))

    @app.post(
        "/api/v1/jobs",
        tags=["任务"],
        summary="提交批量或大表任务,立即返回 202 和任务 id",
        status_code=202,
        dependencies=auth,
        openapi_extra=UPLOAD_BODY,
        response_model=JobAccepted,
        responses=ERRORS,
    )
    async def submit_job(
        request: Request,
        format: FormatQ = "json",  # noqa: A002
        rules: RulesQ = None,
        disable: DisableQ = [],  # noqa: B006
        filename: NameQ = None,
    ):
        rules_, disable_ = service.check_rules(rules, disable)
        files, records = await service.read_input(request, filename)
        spec = JobSpec(files=files, records=records, rules=rules_, disable=disable_, fmt=format)
        meta = {"files": [n for n, _ in files]}
        job_id = await service.jobs.submit(spec, meta)
        url = f"/api/v1/jobs/{job_id}"
        return JSONResponse(
            {"id": job_id, "status": "queued", "status_url": url}, status_code=202, headers={"Location": url}
        )

    @app.get(
        "/api/v1/jobs/{job_id}",
        tags=["任务"],
        summary="任务状态与进度;完成后 format=json 的报告在 result 中",
        dependencies=auth,
        responses={404: {"model": ErrorBody, "description": "没有这个任务(或已过期)"}, 401: ERRORS[401]},
    )
    async def job_status(job_id: str):
        body = await service.jobs.status(job_id)
        if body is None:
            raise RequestError(404, "no-job", "没有这个任务,或任务结果已过期")
        return Response(body, media_type="application/json")

    @app.get(
        "/api/v1/jobs/{job_id}/result",
        tags=["任务"],
        summary="下载任务结果(提交时所选的格式)",
        dependencies=auth,
        responses={
            404: {"model": ErrorBody, "description": "没有这个任务(或已过期)"},
            409: {"model": ErrorBody, "description": "任务还没有完成"},
            401: ERRORS[401],
        },
    )
    async def job_result(job_id: str):
        out = await service.jobs.result(job_id)
        if out is None:
            if await service.jobs.status(job_id) is None:
                raise RequestError(404, "no-job", "没有这个任务,或任务结果已过期")
            raise RequestError(409, "not-done", "任务还没有完成,请稍后再取")
        return to_response(out, download=True)

    @app.get(
        "/api/v1/rules",
        tags=["规则"],
        summary="生效的规则包与规则",
        dependencies=auth,
        response_model=RulesBody,
        responses=ERRORS,
    )
    async def rules_v1(rules: RulesQ = None, disable: DisableQ = []):  # noqa: B006
        rules_, disable_ = service.check_rules(rules, disable)
        return service.rules_body(rules_, disable_)

    @app.get(
        "/api/v1/fields",
        tags=["规则"],
        summary="字段表:键、中文名、是否必填",
        dependencies=auth,
        response_model=list[FieldInfo],
        responses=ERRORS,
    )
    async def fields_v1():
        table = service.checker.fields
        return [{"key": k, "name": n, "required": k in table.required} for k, n in table.names.items()]

    # ------------------------------------------------------------ the old paths (JSON only)
    @app.post(
        "/v1/audit",
        tags=["旧接口"],
        deprecated=True,
        summary="同 POST /api/v1/audit?format=json",
        dependencies=auth,
        openapi_extra=UPLOAD_BODY,
        responses=ERRORS,
    )
    async def legacy_audit(request: Request, filename: NameQ = None):
        files, records = await service.read_input(request, filename)
        if records is not None:  # the old service read any non-multipart body as the file itself
            files, records = [(filename or "upload.json", records)], None
        return to_response(await service.audit(files, None, None, (), "json"))

    @app.post(
        "/v1/records",
        tags=["旧接口"],
        deprecated=True,
        summary="同 POST /api/v1/audit 的 JSON 记录",
        dependencies=auth,
        openapi_extra=RECORDS_BODY,
        responses=ERRORS,
    )
    async def legacy_records(request: Request):
        body = await read_body(request.stream(), settings.max_upload, settings.request_seconds)
        if not body:
            raise RequestError(400, "empty", "请求体是空的")
        return to_response(await service.audit([], body, None, (), "json"))

    @app.get(
        "/v1/rules",
        tags=["旧接口"],
        deprecated=True,
        summary="同 GET /api/v1/rules",
        dependencies=auth,
        responses=ERRORS,
    )
    async def legacy_rules():
        return service.rules_body(None, ())

    return app


def _chinese(error: dict) -> str:
    kind = error.get("type", "")
    if kind == "literal_error":
        return f"只能是 {'、'.join(FORMATS)} 之一"
    if kind in ("string_too_long",):
        return "太长"
    if kind == "missing":
        return "缺少"
    return error.get("msg", kind)


def _swagger_assets() -> str:
    """Swagger UI's JS and CSS from the fastapi-offline wheel (PyPI), so /docs works without a CDN."""
    return str(package_files("fastapi_offline") / "static")


def app_from_env() -> FastAPI:
    """For `gunicorn 'checker.service.app:app_from_env()'`: config from CHECKER_CONFIG or .checker.toml."""
    from checker.config import load_config

    path = os.environ.get("CHECKER_CONFIG")
    return create_app(load_config(Path(path) if path else None))
