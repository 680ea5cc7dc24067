"""The CPU work of the service: audit uploads and render the answer. Runs in the audit processes
(checker/service/lanes.py) and in Celery workers, never on the event loop.

Everything goes through the public Checker (the same input gate, rule pack and engine as the CLI).
One Checker is built before the processes are forked, so rule packs, lexicons and the segmenter are
shared; a request's `?rules=` / `?disable=` get a variant of it (same analyzer, own engine), kept
in a small cache per process.
"""

from __future__ import annotations

import copy
import io
import json
import os
import tempfile
import time
import zipfile
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from checker.api import Checker
from checker.config import Config
from checker.intake.errors import InputError
from checker.model import FileError, Report

FORMATS = ("json", "html", "docx", "xlsx", "sarif")
MEDIA_TYPES = {
    "json": "application/json",
    "html": "text/html; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "sarif": "application/sarif+json",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "zip": "application/zip",
}
ANNOTATABLE = {".docx": "docx", ".xlsx": "xlsx", ".xlsm": "xlsx"}


@dataclass
class Output:
    """One answer: status, media type, body, and for files the name to download them as."""

    status: int
    media_type: str
    body: bytes
    filename: str = ""
    summary: dict = field(default_factory=dict)
    lane: str = ""  # the audit lane that made it (small or big): the X-Checker-Lane header


class RequestError(Exception):
    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message

    def output(self) -> Output:
        return error_output(self.status, self.code, self.message)


def error_output(status: int, code: str, message: str) -> Output:
    body = json.dumps({"error": {"code": code, "message": message}}, ensure_ascii=False).encode()
    return Output(status, "application/json", body)


# ---------------------------------------------------------------- the checker of this process

_BASE: Checker | None = None
_VARIANTS: OrderedDict[tuple, Checker] = OrderedDict()


def load(config: Config | None = None) -> Checker:
    """Build (once) and warm the checker; called before forking so every process shares it."""
    global _BASE
    if _BASE is None or (config is not None and _BASE.config is not config):
        _BASE = Checker(config or Config())
        _BASE.warm_up()
        _VARIANTS.clear()
    return _BASE


def checker_for(rules: str | None, disable: tuple[str, ...]) -> Checker:
    base = load()
    if not rules and not disable:
        return base
    key = (rules or "", tuple(sorted(disable)))
    found = _VARIANTS.get(key)
    if found is None:
        found = _variant(base, rules, disable)
        _VARIANTS[key] = found
        if len(_VARIANTS) > 16:
            _VARIANTS.popitem(last=False)
    _VARIANTS.move_to_end(key)
    return found


def _variant(base: Checker, rules: str | None, disable: tuple[str, ...]) -> Checker:
    """The base checker with another pack or more rules off; shares the analyzer and alias table."""
    config = base.config.model_copy(
        update={"rules": rules or base.config.rules, "disable": [*base.config.disable, *disable]}
    )
    try:
        from checker.checks.pack import load_pack
        from checker.engine import Engine

        variant = copy.copy(base)
        variant.config = config
        if rules:
            variant.pack = load_pack(config.rules, known_fields=set(base.fields.names))
        variant.engine = Engine(variant.pack, base.analyzer, base.fields, set(config.disable))
        return variant
    except (AttributeError, TypeError):  # the Checker changed shape: build one the plain way
        return Checker(config)


# ---------------------------------------------------------------- synchronous audits


def safe_name(filename: str) -> str:
    name = PurePosixPath((filename or "").replace("\\", "/")).name.strip()
    name = "".join(ch for ch in name if ch >= " " and ch != "\x7f")[:200]
    return name if name not in ("", ".", "..") else "upload"


def unique_names(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for name in names:
        n = seen.get(name, 0) + 1
        seen[name] = n
        if n > 1:
            stem, dot, suffix = name.rpartition(".")
            name = f"{stem}-{n}.{suffix}" if dot and stem else f"{name}-{n}"
        out.append(name)
    return out


def audit_upload(files: list[tuple[str, bytes]], rules: str | None, disable: tuple[str, ...], fmt: str) -> Output:
    """Files (name, bytes) -> the report in `fmt`; an unreadable file is an entry under errors."""
    try:
        checker = checker_for(rules, disable)
        names = unique_names([safe_name(n) for n, _ in files])
        # one batch: copied-text compares the uploaded records with each other
        report = checker.audit_uploads([(name, data) for name, (_, data) in zip(names, files, strict=True)])
        return render(report, fmt, checker, dict(zip(names, (d for _, d in files), strict=True)))
    except RequestError as exc:
        return exc.output()


def audit_records(body: bytes, rules: str | None, disable: tuple[str, ...], fmt: str) -> Output:
    """A JSON body (one record or a list; keys: canonical keys or any alias) -> the report."""
    try:
        checker = checker_for(rules, disable)
        try:
            payload = json.loads(body.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise RequestError(400, "bad-json", f"请求体不是合法的 JSON:{exc}") from exc
        if isinstance(payload, dict) and isinstance(payload.get("records"), list):
            payload = payload["records"]
        if not isinstance(payload, (dict, list)) or (isinstance(payload, list) and not payload):
            raise RequestError(400, "bad-json", "JSON 请求体应是一条记录(对象)或记录列表")
        if isinstance(payload, list) and not all(isinstance(item, dict) for item in payload):
            raise RequestError(400, "bad-json", "记录列表中的每一项都应是对象(字段名: 内容)")
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        try:
            records = checker.read_bytes(data, "records.json")
        except InputError as exc:
            raise RequestError(400, exc.code, exc.message) from exc
        report = checker.audit_records(records)  # one batch, with the cross-record rules
        return render(report, fmt, checker, {})
    except RequestError as exc:
        return exc.output()


# ---------------------------------------------------------------- rendering


WARMING = False  # set while the app warms its readers up: nothing of that is stored


def save_enabled(config: Config) -> bool:
    if WARMING:
        return False
    history = getattr(config, "history", None)
    return bool(history is not None and getattr(history, "save", False))


def _save(report: Report, checker: Checker, inputs: list[str]) -> str:
    """The record database, only when configured to save ([history] save = true): the run id, or why not."""
    try:
        from checker.history import save_report

        return str(save_report(report, checker.config, inputs=inputs))
    except Exception as exc:  # the audit stands; the caller sees that it was not stored
        return f"error: {type(exc).__name__}"


def render(report: Report, fmt: str, checker: Checker, originals: dict[str, bytes]) -> Output:
    saved = _save(report, checker, list(originals) or ["records.json"]) if save_enabled(checker.config) else ""
    out = _render(report, fmt, checker, originals)
    if saved:
        out.summary = {**out.summary, "saved_run": saved}
    return out


def _render(report: Report, fmt: str, checker: Checker, originals: dict[str, bytes]) -> Output:
    summary = report.summary
    if fmt == "json":
        return Output(200, MEDIA_TYPES["json"], report.model_dump_json().encode("utf-8"), summary=summary)
    if fmt == "docx":
        return _annotated(report, originals, summary)
    from checker.reports.common import make_context

    ctx = make_context(report, pack=checker.pack, fields=checker.fields)
    if fmt == "html":
        from checker.reports import html_report

        return Output(200, MEDIA_TYPES["html"], html_report.render(report, ctx).encode(), "report.html", summary)
    if fmt == "xlsx":
        from checker.reports import xlsx_summary

        return Output(200, MEDIA_TYPES["xlsx"], xlsx_summary.render(report, ctx), "report.xlsx", summary)
    if fmt == "sarif":
        from checker.reports import sarif

        return Output(200, MEDIA_TYPES["sarif"], sarif.render(report, ctx).encode(), "report.sarif", summary)
    raise RequestError(400, "bad-format", f"不支持的格式「{fmt}」(可用:{'、'.join(FORMATS)})")


def _annotated(report: Report, originals: dict[str, bytes], summary: dict) -> Output:
    """The annotated copies (reports/annotated.py's annotators): one file as itself, several as a zip."""
    from checker.reports.annotated import ANNOTATORS

    by_source: dict[str, list] = {}
    for rec in report.records:
        by_source.setdefault(rec.source, []).append(rec)
    copies: list[tuple[str, bytes]] = []
    with tempfile.TemporaryDirectory(prefix="checker-annotate-") as tmp:
        for name, records in by_source.items():
            suffix = Path(name).suffix.lower()
            annotate = ANNOTATORS.get(suffix)
            if annotate is None or name not in originals:
                continue
            src, dest = Path(tmp) / f"in{len(copies)}{suffix}", Path(tmp) / f"out{len(copies)}{suffix}"
            src.write_bytes(originals[name])
            annotate(src, dest, records)
            copies.append((f"{Path(name).stem}.checked{suffix}", dest.read_bytes()))
    if not copies:
        reasons = [f"{e.source}:{e.message}" for e in report.errors]
        message = "没有可加批注的 Word / Excel 原件" + (f"({';'.join(reasons)[:300]})" if reasons else "")
        return error_output(422, "no-annotated-copy", message)
    if len(copies) == 1:
        name, data = copies[0]
        return Output(200, MEDIA_TYPES[ANNOTATABLE[Path(name).suffix]], data, name, summary)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in copies:
            zf.writestr(name, data)
    return Output(200, MEDIA_TYPES["zip"], buffer.getvalue(), "checked.zip", summary)


# ---------------------------------------------------------------- jobs


@dataclass
class JobSpec:
    """What a job audits: uploaded files, or a JSON body of records."""

    files: list[tuple[str, bytes]] = field(default_factory=list)
    records: bytes | None = None
    rules: str | None = None
    disable: tuple[str, ...] = ()
    fmt: str = "json"


Progress = Callable[[dict], None]


def run_job(spec: JobSpec, progress: Progress) -> Output:
    """Batches and big sheets: files are read by the Checker's budgeted worker processes, records
    are counted as they come (progress every half second), then the report is rendered."""
    if spec.records is not None:
        progress({"files": 0, "files_done": 0, "records": 0})
        return audit_records(spec.records, spec.rules, spec.disable, spec.fmt)
    try:
        checker = checker_for(spec.rules, spec.disable)
    except RequestError as exc:
        return exc.output()
    names = unique_names([safe_name(n) for n, _ in spec.files])
    state = {"files": len(names), "files_done": 0, "records": 0}
    progress(dict(state))
    report = Report(rule_pack=checker.pack.label)
    with tempfile.TemporaryDirectory(prefix="checker-job-") as tmp:
        os.chmod(tmp, 0o700)
        paths: dict[str, str] = {}
        for i, (name, (_, data)) in enumerate(zip(names, spec.files, strict=True)):
            folder = Path(tmp) / f"{i:05d}"
            folder.mkdir()
            path = folder / name
            path.write_bytes(data)
            paths[str(path)] = name
        last = time.monotonic()

        def file_done(result, records) -> None:
            state["files_done"] += 1

        for item in checker.iter_audit(list(paths), jobs=None, on_file=file_done):
            item.source = paths.get(item.source, item.source)
            if isinstance(item, FileError):
                report.errors.append(item)
            else:
                report.records.append(item)
                state["records"] += 1
            if time.monotonic() - last > 0.5:
                last = time.monotonic()
                progress(dict(state))
    state["files_done"] = state["files"]
    progress(dict(state))
    report.finish()
    try:
        return render(report, spec.fmt, checker, dict(zip(names, (d for _, d in spec.files), strict=True)))
    except RequestError as exc:
        return exc.output()
