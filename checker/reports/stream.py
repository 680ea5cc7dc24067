"""Report writers fed one record at a time, for batches too big to hold.

`ReportStream(formats, output, ...)` takes RecordReports and FileErrors as the audit produces them
(`record`, `error`) and writes as it goes; `close()` adds what needs the whole run (summary,
errors, the HR workbook's overview and trend sheets). The summary figures are counted as records
pass (`SummaryCounter`), so no format needs the list of records:

- jsonl: one JSON object per line: {"type": "record", ...} for each record, {"type": "error", ...}
  for each unreadable file (in input order), then one {"type": "summary", ...} line.
- json: the same bytes as the whole-report writer (SPEC section 3), written record by record.
- text: the terminal report, record by record; errors and the summary at the end.
- xlsx: the HR workbook in openpyxl's write-only mode (reports/xlsx_summary.SummaryBook).

md, html, sarif and docx (annotated copies) and --per-record need the whole report: their records
are collected and handed to `write_reports` at the end, as before.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO

from checker.model import FileError, RecordReport, Report, SummaryCounter

from . import WRITERS, _target, check_output_dir, write_reports
from .common import Context, make_context

STREAMED = ("jsonl", "json", "text", "xlsx")


def parse_formats(formats: list[str]) -> list[str]:
    out = list(dict.fromkeys(f.strip() for spec in formats for f in spec.split(",") if f.strip()))
    unknown = [f for f in out if f not in WRITERS]
    if unknown:
        raise ValueError(f"不支持的输出格式:{', '.join(unknown)}(可用:{', '.join(WRITERS)})")
    return out


class ReportStream:
    def __init__(
        self,
        formats: list[str],
        output: str | None,
        rule_pack: str,
        color: bool | None = None,
        inputs=(),
        pack=None,
        per_record: bool = False,
        fields=None,
    ):
        self.formats = parse_formats(formats)
        self.output = output
        self.rule_pack = rule_pack
        self.inputs, self.pack, self.per_record, self.fields = inputs, pack, per_record, fields
        needs_file = [f for f in self.formats if WRITERS[f].binary and WRITERS[f].write_files is None]
        if output is None and needs_file:
            raise ValueError(f"格式 {', '.join(needs_file)} 生成的是文件,请用 --output 指定输出目录或文件")
        if per_record and output is None:
            raise ValueError("--per-record 需要用 --output 指定输出目录")
        if output is not None and (per_record or len(self.formats) > 1 or "docx" in self.formats):
            check_output_dir(output)  # a folder is needed: say so before any work, not a traceback after
        self.clean: list[str] = []  # inputs the docx format did not copy: no finding
        self.color = (color if color is not None else sys.stdout.isatty()) if output is None else False
        self.ctx: Context = make_context(Report(rule_pack=rule_pack), inputs, pack, self.color, fields)
        self.counter = SummaryCounter()
        self.errors: list[FileError] = []
        # per_record writes each record's own report from the collected ones: stream nothing then
        streamed = [] if per_record else [f for f in self.formats if f in STREAMED]
        if output is None:  # several formats on stdout would interleave: only the first one streams
            streamed = [f for f in streamed if f == self.formats[0]]
        self.collected = [f for f in self.formats if f not in streamed]
        self.report = Report(rule_pack=rule_pack) if self.collected else None
        self.written: list[Path] = []
        self.sinks = [self._open(fmt) for fmt in streamed]

    # ------------------------------------------------------------ input
    def record(self, rec: RecordReport) -> None:
        self.counter.add(rec)
        for sink in self.sinks:
            sink.record(rec)
        if self.report is not None:
            self.report.records.append(rec)

    def error(self, err: FileError) -> None:
        self.counter.add_error(err)
        self.errors.append(err)
        for sink in self.sinks:
            sink.error(err)
        if self.report is not None:
            self.report.errors.append(err)

    def add(self, item: RecordReport | FileError) -> None:
        if isinstance(item, FileError):
            self.error(item)
        else:
            self.record(item)

    def close(self) -> list[Path]:
        summary = self.counter.summary()
        for sink in self.sinks:
            sink.close(summary, self.errors)
        if self.report is not None:
            self.report.summary = summary
            self.written += write_reports(
                self.report,
                self.collected,
                self.output,
                color=self.color,
                inputs=self.inputs,
                pack=self.pack,
                per_record=self.per_record,
                total=len(self.formats),
                clean=self.clean,
                fields=self.fields,
            )
        return self.written

    @property
    def worst(self) -> int:
        return self.counter.worst

    # ------------------------------------------------------------ sinks
    def _open(self, fmt: str):
        target = _target(self.output, WRITERS[fmt].suffix, len(self.formats), self.per_record)
        if fmt == "xlsx":
            self.written.append(target)
            return XlsxSink(self, target)
        if target is None:
            out: IO[str] = sys.stdout
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            # 1 MiB: a jsonl record is ~5 KB, and the default 8 KiB made a write call every one or two
            out = target.open("w", encoding="utf-8", newline="\n", buffering=1 << 20)
            self.written.append(target)
        sink = {"jsonl": JsonlSink, "json": JsonSink, "text": TextSink}[fmt]
        return sink(self, out, target is not None)


class _Sink:
    def __init__(self, stream: ReportStream, out: IO[str], owned: bool):
        self.stream, self.out, self.owned = stream, out, owned

    def record(self, rec: RecordReport) -> None: ...

    def error(self, err: FileError) -> None: ...

    def close(self, summary: dict, errors: list[FileError]) -> None:
        if self.owned:
            self.out.close()
        else:
            self.out.flush()


class JsonlSink(_Sink):
    """One line a record. pydantic serialises to UTF-8 bytes: they go to the stream's byte buffer as
    they are, instead of being decoded to str and encoded again (~19 of ~70 us a record)."""

    def __init__(self, stream: ReportStream, out: IO[str], owned: bool):
        super().__init__(stream, out, owned)
        self.out.flush()  # whatever the text layer holds goes first
        buffer = getattr(out, "buffer", None)
        self.write = buffer.write if buffer is not None else lambda data: out.write(data.decode("utf-8"))

    def record(self, rec: RecordReport) -> None:
        self.write(b'{"type":"record",' + _to_json(rec)[1:] + b"\n")

    def error(self, err: FileError) -> None:
        self.write(b'{"type":"error",' + _to_json(err)[1:] + b"\n")

    def close(self, summary: dict, errors: list[FileError]) -> None:
        line = {"type": "summary", "rule_pack": self.stream.rule_pack, "summary": summary}
        self.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n")
        super().close(summary, errors)


def _to_json(model) -> bytes:
    """What model_dump_json() gives, as the UTF-8 bytes pydantic makes it from."""
    return model.__pydantic_serializer__.to_json(model)


class JsonSink(_Sink):
    """Byte for byte what json_report.render writes for the whole report (indent 2)."""

    def __init__(self, *args):
        super().__init__(*args)
        self.count = 0
        self.out.write('{\n  "records": [')

    def record(self, rec: RecordReport) -> None:
        text = json.dumps(rec.model_dump(mode="json"), ensure_ascii=False, indent=2)
        self.out.write(("," if self.count else "") + "\n    " + text.replace("\n", "\n    "))
        self.count += 1

    def close(self, summary: dict, errors: list[FileError]) -> None:
        self.out.write("\n  ]" if self.count else "]")
        rest = {
            "errors": [e.model_dump(mode="json") for e in errors],
            "rule_pack": self.stream.rule_pack,
            "summary": summary,
        }
        self.out.write(",\n" + json.dumps(rest, ensure_ascii=False, indent=2)[2:] + "\n")
        super().close(summary, errors)


class TextSink(_Sink):
    def __init__(self, *args):
        super().__init__(*args)
        from .text import TextStream

        # a file: no wrapping
        self.text = TextStream(self.stream.color, width=0 if self.owned else None, fields=self.stream.fields)

    def record(self, rec: RecordReport) -> None:
        self.out.write("\n".join(self.text.record(rec)) + "\n")

    def close(self, summary: dict, errors: list[FileError]) -> None:
        self.out.write("\n".join(self.text.finish(errors, summary)) + "\n")
        super().close(summary, errors)


class XlsxSink:
    def __init__(self, stream: ReportStream, target: Path):
        from .xlsx_summary import SummaryBook

        self.stream, self.target = stream, target
        self.book = SummaryBook(stream.ctx)

    def record(self, rec: RecordReport) -> None:
        self.book.add(rec)

    def error(self, err: FileError) -> None:
        self.book.add_error(err)

    def close(self, summary: dict, errors: list[FileError]) -> None:
        self.target.parent.mkdir(parents=True, exist_ok=True)
        self.book.save(str(self.target), summary, self.stream.rule_pack)
