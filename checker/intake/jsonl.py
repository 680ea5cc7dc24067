"""JSON / JSONL / CSV records: what an upload workflow posts, or an export from an HR system.

Keys may be canonical keys or any alias ("被面谈人", "改进措施"). Records come
out in input order: one per JSON object, per JSONL line, per CSV data row.
"""

from __future__ import annotations

import csv
import io
import json

from checker.intake.errors import InputError
from checker.intake.fields import AliasTable
from checker.model import FieldValue, Location, Record


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (a superset of GBK)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise InputError("bad-encoding", "文本编码无法识别(支持 UTF-8、GBK/GB18030)") from exc


def value_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float)):
        return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    if isinstance(value, list):
        return "\n".join(value_text(v) for v in value)
    if isinstance(value, dict) and "text" in value:
        return value_text(value["text"])
    return json.dumps(value, ensure_ascii=False)


def object_record(obj: dict, source: str, index: int, where: str, table: AliasTable) -> Record:
    fields: dict[str, FieldValue] = {}
    for label, value in obj.items():
        key = str(label) if str(label) in table.names else table.lookup(str(label))
        if key is None or key in fields:
            continue
        fields[key] = FieldValue(
            text=value_text(value),
            location=Location(file=source, part=where, cell=str(label), label=str(label)),
        )
    return Record(
        source=source, index=index, sheet=where if index or where.startswith("第") else "", fields=fields
    )


def parse_json(data: bytes, source: str, table: AliasTable) -> list[Record]:
    text = decode_text(data)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        # Several objects, one per line, in a file named .json: read it as JSONL.
        if text.lstrip().startswith("{") and "\n" in text.strip():
            return parse_jsonl(data, source, table)
        raise InputError("bad-json", f"JSON 格式错误:第{exc.lineno}行第{exc.colno}列 {exc.msg}") from exc
    if isinstance(doc, dict) and isinstance(doc.get("records"), list):
        doc = doc["records"]
    if isinstance(doc, dict):
        doc = [doc]
    if not isinstance(doc, list):
        raise InputError("bad-json", "JSON 内容应为一条记录(对象)或记录列表")
    records = []
    for i, obj in enumerate(doc):
        if not isinstance(obj, dict):
            raise InputError("bad-json", f"第{i + 1}条记录不是 JSON 对象")
        records.append(object_record(obj, source, i, f"第{i + 1}条", table))
    return _some_recognised(records)


def _some_recognised(records: list[Record]) -> list[Record]:
    """A JSON file none of whose objects has a single known key is not interview records
    (a config or an export of something else): one clear error instead of empty records."""
    if records and not any(r.fields for r in records):
        raise InputError("no-fields", "JSON 中没有任何可识别的面谈记录字段(键应为标准字段名或其别名)")
    return records


def parse_jsonl(data: bytes, source: str, table: AliasTable) -> list[Record]:
    records = []
    for lineno, line in enumerate(decode_text(data).splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError("bad-json", f"第{lineno}行不是合法的 JSON:{exc.msg}") from exc
        if not isinstance(obj, dict):
            raise InputError("bad-json", f"第{lineno}行不是 JSON 对象")
        records.append(object_record(obj, source, len(records), f"第{lineno}行", table))
    return _some_recognised(records)


def parse_csv(data: bytes, source: str, table: AliasTable) -> list[Record]:
    from checker.intake.xlsx import SheetData, batch_records, find_header_row

    text = decode_text(data)
    rows = [[c.strip("\ufeff") for c in row] for row in csv.reader(io.StringIO(text))]
    sheet = SheetData(title="CSV", rows=rows, merged=[])
    header = find_header_row(sheet, table)
    if header is None:
        raise InputError("no-fields", "CSV 中没有找到面谈记录表头(至少需要5个可识别的列名)")
    return batch_records(sheet, header, source, 0, table)
