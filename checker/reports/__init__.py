"""Report writers, one module per format. `write_reports` picks them by name."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from checker.model import Report

from . import json_report, text

# format -> (writer returning the text/bytes, default file suffix)
WRITERS: dict[str, tuple[Callable, str]] = {
    "text": (text.render, ".txt"),
    "json": (json_report.render, ".json"),
}


def write_reports(
    report: Report, formats: list[str], output: str | None, color: bool | None = None, inputs=()
) -> None:
    formats = list(dict.fromkeys(f for spec in formats for f in spec.split(",") if f))
    unknown = [f for f in formats if f not in WRITERS]
    if unknown:
        raise ValueError(f"不支持的输出格式:{', '.join(unknown)}(可用:{', '.join(WRITERS)})")
    for fmt in formats:
        render, suffix = WRITERS[fmt]
        target = _target(output, fmt, suffix, len(formats))
        use_color = (color if color is not None else sys.stdout.isatty()) if target is None else False
        content = render(report, color=use_color) if fmt == "text" else render(report)
        if target is None:
            sys.stdout.write(content if isinstance(content, str) else content.decode("utf-8"))
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, str):
                target.write_text(content, encoding="utf-8")
            else:
                target.write_bytes(content)


def _target(output: str | None, fmt: str, suffix: str, count: int) -> Path | None:
    if output is None:
        return None
    path = Path(output)
    if count > 1 or path.is_dir() or output.endswith(("/", "\\")):
        return path / f"report{suffix}"
    return path
