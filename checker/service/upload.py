"""Reading a request's input in memory: multipart files, a raw body with its file name, or JSON records.

The body is read with a hard cap (the Content-Length check in the app refuses bigger uploads before
reading; this cap also covers chunked bodies) and never written to disk: multipart parts are
parsed from memory (Starlette's form parser would spool big files to a temporary file).
"""

from __future__ import annotations

import asyncio
import re
from urllib.parse import unquote

from python_multipart.multipart import MultipartParser, parse_options_header

from checker.service.work import RequestError


async def read_body(stream, limit: int, seconds: float) -> bytes:
    """The whole body, at most `limit` bytes (413 past it), within `seconds` (408 past it)."""
    chunks: list[bytes] = []
    size = 0

    async def collect() -> None:
        nonlocal size
        async for chunk in stream:
            size += len(chunk)
            if size > limit:
                raise RequestError(413, "too-large", f"上传内容超过 {limit / 1048576:g} MB 上限")
            chunks.append(chunk)

    try:
        await asyncio.wait_for(collect(), seconds)
    except asyncio.TimeoutError:
        raise RequestError(408, "slow-upload", f"上传在 {seconds:.0f} 秒内没有传完") from None
    return b"".join(chunks)


def parse_multipart(body: bytes, content_type: str, max_files: int) -> list[tuple[str, bytes]]:
    """Every file part of a multipart/form-data body: (file name, bytes)."""
    _, params = parse_options_header(content_type)
    boundary = params.get(b"boundary")
    if not boundary:
        raise RequestError(400, "bad-multipart", "multipart 请求缺少 boundary")
    parts: list[dict] = []
    current: dict = {}
    header = {"field": b"", "value": b""}

    def on_part_begin() -> None:
        current.clear()
        current.update(headers={}, data=[])

    def on_header_field(data: bytes, start: int, end: int) -> None:
        header["field"] += data[start:end]

    def on_header_value(data: bytes, start: int, end: int) -> None:
        header["value"] += data[start:end]

    def on_header_end() -> None:
        current["headers"][header["field"].decode("latin-1").lower()] = header["value"]
        header["field"], header["value"] = b"", b""

    def on_part_data(data: bytes, start: int, end: int) -> None:
        current["data"].append(data[start:end])

    def on_part_end() -> None:
        parts.append(dict(current))
        if len(parts) > max_files * 2 + 10:
            raise RequestError(400, "too-many-files", f"一次最多上传 {max_files} 个文件")

    callbacks = {
        "on_part_begin": on_part_begin,
        "on_header_field": on_header_field,
        "on_header_value": on_header_value,
        "on_header_end": on_header_end,
        "on_part_data": on_part_data,
        "on_part_end": on_part_end,
    }
    try:
        parser = MultipartParser(boundary, callbacks)
        parser.write(body)
        parser.finalize()
    except RequestError:
        raise
    except Exception as exc:
        raise RequestError(400, "bad-multipart", f"multipart 请求格式有误:{type(exc).__name__}") from exc
    files: list[tuple[str, bytes]] = []
    for part in parts:
        disposition = part["headers"].get("content-disposition", b"")
        _, options = parse_options_header(disposition)
        name = options.get(b"name", b"").decode("utf-8", "replace")
        filename = _extended_filename(disposition) or _filename(options)
        if filename is None and name not in ("file", "files"):
            continue  # an ordinary form field
        files.append((filename or "upload", b"".join(part["data"])))
    if not files:
        raise RequestError(400, "no-file", "multipart 请求中没有文件(字段名 file 或 files)")
    if len(files) > max_files:
        raise RequestError(400, "too-many-files", f"一次最多上传 {max_files} 个文件")
    return files


_EXTENDED = re.compile(rb"""filename\*\s*=\s*"?([A-Za-z0-9_-]*)'[^']*'([^";]+)""", re.IGNORECASE)


def _extended_filename(header: bytes) -> str | None:
    """RFC 5987 / 2231 `filename*=UTF-8''%E5%BC%A0.docx` (python-multipart drops it)."""
    match = _EXTENDED.search(header)
    if not match:
        return None
    charset = match.group(1).decode("ascii") or "utf-8"
    try:
        return unquote(match.group(2).decode("latin-1"), encoding=charset, errors="replace")
    except LookupError:
        return unquote(match.group(2).decode("latin-1"), errors="replace")


def _filename(options: dict) -> str | None:
    raw = options.get(b"filename")
    if raw is None:
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def header_filename(value: str) -> str:
    """X-Filename (percent-encoded UTF-8) or a Content-Disposition's filename."""
    if not value:
        return ""
    if "filename" in value:
        raw = value.encode("utf-8", "replace")
        _, options = parse_options_header(raw)
        return _extended_filename(raw) or _filename(options) or ""
    return unquote(value)
