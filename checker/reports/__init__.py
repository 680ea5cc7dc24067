"""Report writers, one module per format. `write_reports` picks them by name.

A writer either renders one document (text or bytes) that goes to stdout or to a file, or, like
`docx`, writes several files into a directory (annotated copies of the inputs).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from checker.model import Report

from .common import Context, make_context


def _lazy(module: str, attr: str) -> Callable:
    """A writer function imported on first use: a JSON run should not load Jinja2, openpyxl or python-docx."""

    def call(*args, **kwargs):
        from importlib import import_module

        return getattr(import_module(f"checker.reports.{module}"), attr)(*args, **kwargs)

    return call


def _text(report: Report, ctx: Context) -> str:
    from . import text

    return text.render(report, color=ctx.color, fields=ctx.fields)


def _json(report: Report, ctx: Context) -> str:
    from . import json_report

    return json_report.render(report)


def _jsonl(report: Report, ctx: Context) -> str:
    import json

    lines = ['{"type":"record",' + rec.model_dump_json()[1:] for rec in report.records]
    lines += ['{"type":"error",' + err.model_dump_json()[1:] for err in report.errors]
    summary = {"type": "summary", "rule_pack": report.rule_pack, "summary": report.summary}
    lines.append(json.dumps(summary, ensure_ascii=False, separators=(",", ":")))
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Writer:
    suffix: str
    render: Callable[[Report, Context], str | bytes] | None = None  # one document
    write_files: Callable[[Report, Context, Path], list[Path]] | None = None  # files in a folder
    binary: bool = False


WRITERS: dict[str, Writer] = {
    "text": Writer(".txt", _text),
    "json": Writer(".json", _json),
    "jsonl": Writer(".jsonl", _jsonl),
    "md": Writer(".md", _lazy("markdown", "render")),
    "html": Writer(".html", _lazy("html_report", "render")),
    "xlsx": Writer(".xlsx", _lazy("xlsx_summary", "render"), binary=True),
    "sarif": Writer(".sarif", _lazy("sarif", "render")),
    "docx": Writer("", write_files=_lazy("annotated", "write_files"), binary=True),
}

REPORT_STEM = "report"


def write_reports(
    report: Report,
    formats: list[str],
    output: str | None,
    color: bool | None = None,
    inputs=(),
    pack=None,
    per_record: bool = False,
    total: int | None = None,
    clean: list[str] | None = None,
    fields=None,
) -> list[Path]:
    """Write every format asked for; returns the files written (stdout output is not listed).
    With per_record, md/html/json also get one file per record under OUTPUT/records/.
    `total` is how many formats the run writes in all (file naming), when some were streamed."""
    formats = list(dict.fromkeys(f.strip() for spec in formats for f in spec.split(",") if f.strip()))
    unknown = [f for f in formats if f not in WRITERS]
    if unknown:
        raise ValueError(f"不支持的输出格式:{', '.join(unknown)}(可用:{', '.join(WRITERS)})")
    needs_file = [f for f in formats if WRITERS[f].binary and WRITERS[f].write_files is None]
    if output is None and needs_file:
        raise ValueError(f"格式 {', '.join(needs_file)} 生成的是文件,请用 --output 指定输出目录或文件")
    use_color = (color if color is not None else sys.stdout.isatty()) if output is None else False
    ctx = make_context(report, inputs, pack, use_color, fields)
    if clean is not None:
        ctx.clean = clean  # the docx format lists the inputs it left alone (no finding) here
    written: list[Path] = []
    for fmt in formats:
        written.extend(_write_one(report, ctx, fmt, output, total or len(formats), per_record))
    if per_record:
        if output is None:
            raise ValueError("--per-record 需要用 --output 指定输出目录")
        check_output_dir(output)
        written.extend(_write_per_record(report, ctx, [f for f in formats if f in PER_RECORD], Path(output)))
    return written


PER_RECORD = ("md", "html", "json")


def _write_per_record(report: Report, ctx: Context, formats: list[str], output: Path) -> list[Path]:
    """One report per record (HR sends each manager their own) under OUTPUT/records/, named
    NNN_员工_面谈人 (NNN_文件名 when the record names neither)."""
    folder = output / "records"
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for i, rec in enumerate(report.records, 1):
        single = Report(records=[rec], rule_pack=report.rule_pack).finish()
        stem = per_record_stem(i, rec)
        for fmt in formats:
            writer = WRITERS[fmt]
            target = folder / f"{stem}{writer.suffix}"
            target.write_text(writer.render(single, ctx), encoding="utf-8")
            written.append(target)
    return written


def per_record_stem(i: int, rec) -> str:
    people = [_safe_name(rec.fields.get(key, "").strip())[:20] for key in ("employee_name", "manager_name")]
    people = [p for p in people if p]
    if not people:
        people = [_safe_name(Path(rec.source).stem + (f"_{rec.sheet}" if rec.sheet else ""))]
    return _safe_name(f"{i:03d}_" + "_".join(people))


def _safe_name(name: str) -> str:
    """A file name on every system: no path separators, reserved characters, control characters or
    leading dots; at most 120 characters."""
    name = re.sub(r'[\\/:*?"<>|\s\x00-\x1f\x7f]+', "_", name)
    return name.strip("._ ")[:120]


def check_output_dir(output: str) -> None:
    """--output must be a folder here (several outputs, --per-record, annotated copies)."""
    path = Path(output)
    if path.exists() and not path.is_dir():
        raise ValueError(
            f"输出路径「{output}」是一个已有的文件,这里需要一个目录:请换一个目录名,或先删除这个文件"
        )


def _write_one(
    report: Report, ctx: Context, fmt: str, output: str | None, count: int, folder: bool = False
) -> list[Path]:
    writer = WRITERS[fmt]
    if writer.write_files is not None:
        directory = Path(output) if output is not None else None  # None: next to each input
        if directory is not None:
            check_output_dir(output)
            directory.mkdir(parents=True, exist_ok=True)
        return writer.write_files(report, ctx, directory)
    content = writer.render(report, ctx)
    target = _target(output, writer.suffix, count, folder)
    if target is None:
        sys.stdout.write(content if isinstance(content, str) else content.decode("utf-8"))
        return []
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        target.write_text(content, encoding="utf-8")
    else:
        target.write_bytes(content)
    return [target]


def _target(output: str | None, suffix: str, count: int, folder: bool = False) -> Path | None:
    """Where a one-document format goes: stdout (None), OUTPUT itself, or OUTPUT/report.SUFFIX when
    OUTPUT is a folder (an existing one, a trailing slash, several formats, or `folder`: --per-record)."""
    if output is None:
        return None
    path = Path(output)
    if folder or count > 1 or path.is_dir() or output.endswith(("/", "\\")):
        return path / f"{REPORT_STEM}{suffix}"
    return path
