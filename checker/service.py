"""HTTP service for upload workflows: the same core as the CLI, behind a small JSON API.

    checker serve --host 127.0.0.1 --port 8080

    POST /v1/audit?filename=zhang.docx   body: the file's bytes (or multipart/form-data with a "file" part)
    POST /v1/records                     body: JSON, one record or a list (keys: canonical keys or aliases)
    GET  /v1/rules                       the active rule pack
    GET  /healthz                        liveness

Every answer is JSON. A file that cannot be read is not an HTTP error: the
report carries it under "errors", like the CLI's. Only a malformed request
(no body, too large, bad JSON) gets a 4xx with {"error": {"code", "message"}}.
Uses the standard library's threading HTTP server: no extra dependency, and
one Checker (rule pack, lexicons, segmenter) loaded once for all requests.
"""

from __future__ import annotations

import json
import threading
from email import policy
from email.parser import BytesParser
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import PurePosixPath
from urllib.parse import parse_qs, unquote, urlparse

from checker.api import Checker, finish
from checker.intake.errors import InputError
from checker.model import Report

DEFAULT_MAX_UPLOAD = 50 * 1024 * 1024
DRAIN_LIMIT = 256 * 1024 * 1024  # past this a refused body is not read at all: the connection is closed


class RequestError(Exception):
    def __init__(self, status: HTTPStatus, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


class AuditService:
    """The request-independent part: turns uploads into reports. Used by the handler and by tests."""

    def __init__(self, checker: Checker, max_upload: int = DEFAULT_MAX_UPLOAD):
        self.checker = checker
        self.max_upload = max_upload
        self._lock = threading.Lock()  # the segmenter and caches are shared; audits are short

    def audit_upload(self, data: bytes, filename: str) -> Report:
        name = PurePosixPath(filename.replace("\\", "/")).name or "upload"
        with self._lock:
            return self.checker.audit_bytes(data, name)

    def audit_records(self, payload) -> Report:
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        with self._lock:
            report = Report(rule_pack=self.checker.pack.label)
            try:
                records = self.checker.read_bytes(data, "records.json")
            except InputError as exc:
                raise RequestError(HTTPStatus.BAD_REQUEST, exc.code, exc.message) from exc
            report.records = [self.checker.audit_record(r) for r in records]
            return finish(report)

    def rules(self) -> dict:
        pack = self.checker.pack
        active = {r.id for r in pack.active(self.checker.engine.disabled)}
        return {
            "pack": pack.label,
            "description": pack.description,
            "rules": [
                {
                    "id": r.id,
                    "kind": r.kind,
                    "severity": r.severity.value,
                    "fields": r.fields,
                    "description": r.description,
                    "enabled": r.id in active,
                }
                for r in pack.rules
            ],
        }


def make_handler(service: AuditService) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "checker"
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 - the http.server naming
            path = urlparse(self.path).path
            if path == "/healthz":
                self._send(HTTPStatus.OK, {"status": "ok"})
            elif path == "/v1/rules":
                self._send(HTTPStatus.OK, service.rules())
            else:
                self._send_error(RequestError(HTTPStatus.NOT_FOUND, "not-found", "没有这个接口"))

        def do_POST(self) -> None:  # noqa: N802
            url = urlparse(self.path)
            try:
                body = self._body()
                if url.path == "/v1/audit":
                    data, filename = self._upload(body, parse_qs(url.query))
                    report = service.audit_upload(data, filename)
                elif url.path == "/v1/records":
                    report = service.audit_records(_json(body))
                else:
                    raise RequestError(HTTPStatus.NOT_FOUND, "not-found", "没有这个接口")
            except RequestError as exc:
                self._send_error(exc)
                return
            self._send(HTTPStatus.OK, report.to_json_dict())

        def _body(self) -> bytes:
            length = self.headers.get("Content-Length")
            if length is None or not length.isdigit():
                raise RequestError(HTTPStatus.LENGTH_REQUIRED, "no-length", "请求缺少 Content-Length")
            if int(length) > service.max_upload:
                self._drain(int(length))
                raise RequestError(
                    HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                    "too-large",
                    f"上传内容超过 {service.max_upload // 1048576} MB 上限",
                )
            body = self.rfile.read(int(length))
            if not body:
                raise RequestError(HTTPStatus.BAD_REQUEST, "empty", "请求体是空的")
            return body

        def _drain(self, length: int) -> None:
            """Read (and drop) a refused body so the client sees the 413 instead of a broken pipe."""
            self.close_connection = True
            if length > DRAIN_LIMIT:
                return
            while length > 0:
                chunk = self.rfile.read(min(length, 1 << 20))
                if not chunk:
                    return
                length -= len(chunk)

        def _upload(self, body: bytes, query: dict) -> tuple[bytes, str]:
            content_type = self.headers.get("Content-Type", "")
            if content_type.startswith("multipart/form-data"):
                return _multipart_file(body, content_type)
            filename = (query.get("filename") or [""])[0] or unquote(self.headers.get("X-Filename", ""))
            return body, filename or "upload"

        def _send(self, status: HTTPStatus, payload: dict) -> None:
            data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _send_error(self, exc: RequestError) -> None:
            self._send(exc.status, {"error": {"code": exc.code, "message": exc.message}})

        def log_message(self, format: str, *args) -> None:  # noqa: A002 - keep stderr quiet in tests
            if getattr(self.server, "verbose", False):
                super().log_message(format, *args)

    return Handler


def _json(body: bytes):
    try:
        return json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RequestError(HTTPStatus.BAD_REQUEST, "bad-json", f"请求体不是合法的 JSON:{exc}") from exc


def _multipart_file(body: bytes, content_type: str) -> tuple[bytes, str]:
    message = BytesParser(policy=policy.HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode("latin-1") + body
    )
    for part in message.iter_parts():
        if part.get_param("name", header="content-disposition") == "file":
            return part.get_payload(decode=True) or b"", part.get_filename() or "upload"
    raise RequestError(HTTPStatus.BAD_REQUEST, "no-file", "multipart 请求中没有名为 file 的文件")


def make_server(
    checker: Checker,
    host: str = "127.0.0.1",
    port: int = 8080,
    max_upload: int = DEFAULT_MAX_UPLOAD,
    verbose: bool = False,
) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer((host, port), make_handler(AuditService(checker, max_upload)))
    server.daemon_threads = True
    server.verbose = verbose
    return server
