"""Records and RecordReports as plain tuples between worker processes and the caller.

Pickling a pydantic RecordReport (a model per finding and per location) cost ~0.3 ms and
unpickling ~0.2 ms per export row: for a 100,000-row export that alone was ~50 CPU-seconds.
Tuples of str/int pickle about ten times faster; the caller rebuilds the models without
validation (the worker built them through validation already, nothing to check again), the way
pydantic's own `model_construct` does but without its per-field default handling (all fields are
given), which alone cost more than the unpickling it replaces.
"""

from __future__ import annotations

from checker.model import FieldValue, Finding, Location, Record, RecordReport, Severity

_LOCATION = tuple(Location.model_fields)
_FINDING = tuple(Finding.model_fields)
_REPORT = tuple(RecordReport.model_fields)
_RECORD = tuple(Record.model_fields)
_new = object.__new__
_set = object.__setattr__


def _build(cls, data: dict):
    """A model instance from every one of its fields' values, unvalidated."""
    obj = _new(cls)
    _set(obj, "__dict__", data)
    _set(obj, "__pydantic_fields_set__", set(data))
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)
    return obj


def _location_out(loc: Location | None):
    return None if loc is None else tuple(getattr(loc, name) for name in _LOCATION)


def _location_in(values) -> Location | None:
    return None if values is None else _build(Location, dict(zip(_LOCATION, values, strict=True)))


def _finding_out(f: Finding) -> tuple:
    return tuple(f.severity.value if name == "severity" else getattr(f, name) for name in _FINDING)


def _finding_in(values: tuple) -> Finding:
    data = dict(zip(_FINDING, values, strict=True))
    data["severity"] = Severity(data["severity"])
    return _build(Finding, data)


def report_out(r: RecordReport) -> tuple:
    data = {name: getattr(r, name) for name in _REPORT}
    data["locations"] = {k: _location_out(v) for k, v in r.locations.items()}
    data["findings"] = [_finding_out(f) for f in r.findings]
    return tuple(data[name] for name in _REPORT)


def report_in(values: tuple) -> RecordReport:
    data = dict(zip(_REPORT, values, strict=True))
    data["locations"] = {k: _location_in(v) for k, v in data["locations"].items()}
    data["findings"] = [_finding_in(f) for f in data["findings"]]
    return _build(RecordReport, data)


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
