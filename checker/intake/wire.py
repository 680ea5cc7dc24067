"""Records and RecordReports as plain tuples between worker processes and the caller.

Pickling a pydantic RecordReport (a model per finding and per location) cost ~0.3 ms and
unpickling ~0.2 ms per export row: for a 100,000-row export that alone was ~50 CPU-seconds.
Tuples of str/int pickle about ten times faster; the caller rebuilds the models without
validation (the worker built them through validation already, nothing to check again), the way
pydantic's own `model_construct` does but without its per-field default handling (all fields are
given), which alone cost more than the unpickling it replaces.
"""

from __future__ import annotations

from operator import attrgetter

from checker.model import FieldValue, Finding, Location, Record, RecordReport, Severity, all_fields_set
from checker.model import trusted as _build
from checker.model import trusted_full as _build_full

_LOCATION = tuple(Location.model_fields)
_FINDING = tuple(Finding.model_fields)
_REPORT = tuple(RecordReport.model_fields)
_RECORD = tuple(Record.model_fields)


_LOCATION_SET = all_fields_set(Location)
_FINDING_SET = all_fields_set(Finding)
_REPORT_SET = all_fields_set(RecordReport)
_location_values = attrgetter(*_LOCATION)
_finding_values = attrgetter(*_FINDING)
_report_values = attrgetter(*_REPORT)
_FINDINGS_AT, _LOCATIONS_AT = _REPORT.index("findings"), _REPORT.index("locations")
_SEVERITY_AT = _FINDING.index("severity")
_SEVERITIES = {s.value: s for s in Severity}


def _location_out(loc: Location | None):
    return None if loc is None else _location_values(loc)


def _location_in(values) -> Location | None:
    """A Location back from its values: the wire's most frequent model (one per field of every row of
    an export), so its four names are spelled out (half the cost of zipping them)."""
    if values is None:
        return None
    file, part, cell, label = values
    return _build_full(Location, {"file": file, "part": part, "cell": cell, "label": label}, _LOCATION_SET)


# _location_in spells out Location's fields: a field added to the model must be added there too
assert _LOCATION == ("file", "part", "cell", "label"), _LOCATION


def _finding_out(f: Finding) -> tuple:
    values = _finding_values(f)
    return (*values[:_SEVERITY_AT], values[_SEVERITY_AT].value, *values[_SEVERITY_AT + 1 :])


def _finding_in(values: tuple) -> Finding:
    data = dict(zip(_FINDING, values, strict=True))
    data["severity"] = _SEVERITIES[data["severity"]]
    return _build_full(Finding, data, _FINDING_SET)


class FindingsOut:
    """The sending side of a pipe's findings: each distinct Finding object crosses it once, then as
    its number. The engine hands the same (frozen) Finding to every record whose field holds the same
    text, and an export repeats texts thousands of times, so most findings of a row are numbers: a
    third of the CPU the wire cost, on both sides. The objects are kept, so their ids stay theirs;
    at LIMIT (8,192 findings, a few MB each side) both tables start again (a None in the stream tells the receiving side)."""

    LIMIT = 8_192

    def __init__(self) -> None:
        self.numbers: dict[int, int] = {}
        self.kept: list[Finding] = []

    def encode(self, findings: list[Finding]) -> list:
        out: list = []
        numbers = self.numbers
        for f in findings:
            number = numbers.get(id(f))
            if number is None:
                if len(self.kept) >= self.LIMIT:
                    numbers.clear()
                    self.kept.clear()
                    out.append(None)
                number = numbers[id(f)] = len(self.kept)
                self.kept.append(f)
                out.append((number, _finding_out(f)))
            else:
                out.append(number)
        return out


class FindingsIn:
    """The receiving side of FindingsOut: numbers back to the Finding objects they stand for."""

    def __init__(self) -> None:
        self.table: list[Finding] = []

    def decode(self, items: list) -> list[Finding]:
        out: list[Finding] = []
        table = self.table
        for item in items:
            if item.__class__ is int:
                out.append(table[item])
            elif item is None:
                table.clear()
            else:
                finding = _finding_in(item[1])
                table.append(finding)
                out.append(finding)
        return out


def report_out(r: RecordReport, findings: FindingsOut | None = None) -> tuple:
    values = list(_report_values(r))
    values[_LOCATIONS_AT] = {k: _location_out(v) for k, v in r.locations.items()}
    values[_FINDINGS_AT] = (
        [_finding_out(f) for f in r.findings] if findings is None else findings.encode(r.findings)
    )
    return tuple(values)


def report_in(values: tuple, findings: FindingsIn | None = None) -> RecordReport:
    data = dict(zip(_REPORT, values, strict=True))
    data["locations"] = {k: _location_in(v) for k, v in data["locations"].items()}
    found = data["findings"]
    data["findings"] = [_finding_in(f) for f in found] if findings is None else findings.decode(found)
    return _build_full(RecordReport, data, _REPORT_SET)


def _fields_out(fields: dict[str, FieldValue]) -> dict:
    return {k: (v.text, _location_out(v.location)) for k, v in fields.items()}


def _fields_in(fields: dict) -> dict[str, FieldValue]:
    return {
        k: _build(FieldValue, {"text": t, "location": _location_in(loc)}) for k, (t, loc) in fields.items()
    }


def record_out(r: Record) -> tuple:
    data = {name: getattr(r, name) for name in _RECORD}
    data["fields"], data["extra"] = _fields_out(r.fields), _fields_out(r.extra)
    return tuple(data[name] for name in _RECORD)


def record_in(values: tuple) -> Record:
    data = dict(zip(_RECORD, values, strict=True))
    data["fields"], data["extra"] = _fields_in(data["fields"]), _fields_in(data["extra"])
    return _build(Record, data)
