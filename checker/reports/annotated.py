"""The `docx` format: annotated copies of the inputs, `<stem>.checked.docx` / `<stem>.checked.xlsx`.

The originals are only read. Inputs of other types (.json, .xls …) have nothing to annotate and
are skipped; the other formats still list them.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from checker.model import RecordReport, Report

from . import docx_comments, xlsx_comments
from .common import Context, unique_name

ANNOTATORS = {
    ".docx": docx_comments.annotate,
    ".xlsx": xlsx_comments.annotate,
    ".xlsm": xlsx_comments.annotate,
}


def write_files(report: Report, ctx: Context, directory: Path | None) -> list[Path]:
    """Copies into `directory`, or, with none given, next to each original (a manager's own draft)."""
    by_source: dict[str, list[RecordReport]] = defaultdict(list)
    for rec in report.records:
        by_source[rec.source].append(rec)
    taken: set[str] = set()  # a re-run overwrites its own earlier copies
    written = []
    for source, records in by_source.items():
        src = Path(source)
        annotate = ANNOTATORS.get(src.suffix.lower())
        if annotate is None or not src.is_file():
            continue
        if not any(rec.findings for rec in records):  # nothing to annotate: no copy (the CLI says so)
            ctx.clean.append(source)
            continue
        dest = unique_name(directory or src.parent, f"{src.stem}.checked{src.suffix.lower()}", taken)
        if dest.resolve() == src.resolve():
            continue
        annotate(src, dest, records, fields=ctx.fields)
        written.append(dest)
    return written
