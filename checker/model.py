"""The data that flows through the checker: records, findings and reports.

source file -> parser -> Record -> NLP -> rules -> Finding -> RecordReport / Report
"""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, ConfigDict, Field

# The words a person reads for a verdict and a severity: defined here only; the engine, every
# report writer and the record database use these names.
PASS, REVISE, FAIL = "合格", "需修改", "不合格"
VERDICTS = (PASS, REVISE, FAIL)
SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}


def trusted(cls: type[BaseModel], data: dict, names: frozenset[str] | None = None):
    """An instance of a model from a value for every one of its fields, without validation: for data
    the checker itself built from validated parts (a RecordReport from a Record and its Findings, a
    report sent back by a batch worker). pydantic's model_construct does the same but also fills
    defaults field by field, which costs more than validating. `names`: the fields set (default: all)."""
    return trusted_full(cls, data, _fields_set(cls, names or data))


def trusted_full(cls: type[BaseModel], data: dict, fields_set: set[str]):
    """`trusted` for data with every field, given `all_fields_set(cls)`: the wire's hot path (a
    report, its findings and ~10 locations a row of an export)."""
    obj = _new(cls)
    _set(obj, "__dict__", data)
    _set(obj, "__pydantic_fields_set__", fields_set)
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)
    return obj


def shared_fields_set(obj: BaseModel) -> BaseModel:
    """`obj` (given a value for every field) with the one set of field names its class shares.

    pydantic keeps the names of the fields set per instance: a set of 8 names is 728 bytes, more
    than the rest of a Finding. The engine keeps the findings of every distinct text of an export
    (tens of thousands), so theirs are shared. Sharing is safe for the full set: setting an
    attribute adds a name that is in it already, and model_copy copies the set it changes."""
    _set(obj, "__pydantic_fields_set__", _fields_set(type(obj), obj.__pydantic_fields_set__))
    return obj


def all_fields_set(cls: type[BaseModel]) -> set[str]:
    """The one set of all field names instances of `cls` share (what `trusted_full` takes)."""
    full = _FULL_FIELDS.get(cls)
    if full is None:
        full = _FULL_FIELDS[cls] = set(cls.model_fields)
    return full


def _fields_set(cls: type[BaseModel], names) -> set[str]:
    full = all_fields_set(cls)
    return full if len(names) == len(full) and full.issuperset(names) else set(names)


_FULL_FIELDS: dict[type, set[str]] = {}
_new = object.__new__
_set = object.__setattr__


class Severity(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"

    @property
    def rank(self) -> int:
        return SEVERITY_RANKS[self]


# Severity -> rank; by the member itself (a str: hashed as its value), as the summary counts each finding
SEVERITY_RANKS = {Severity.info: 1, Severity.warning: 2, Severity.error: 3}


class Location(BaseModel):
    """Where a value was read from, precise enough to find it again in the source."""

    file: str
    part: str = ""  # "table 1", "sheet 面谈记录", "body", "line 3"
    cell: str = ""  # "R3C2", "B5", "paragraph 12", "$.records[0]"
    label: str = ""  # the label as the document writes it ("被面谈人签字")

    def describe(self) -> str:
        bits = [b for b in (self.part, self.cell) if b]
        where = " ".join(bits)
        return f"{where} 「{self.label}」" if self.label else where


class FieldValue(BaseModel):
    text: str
    location: Location | None = None


class Record(BaseModel):
    """One interview record: canonical field key -> value (SPEC section 1)."""

    source: str
    index: int = 0  # position of the record within its source file
    sheet: str = ""  # sheet name / row for spreadsheet records
    fields: dict[str, FieldValue] = Field(default_factory=dict)
    # What the document labels but the alias table does not know (an export's IDs, 单据号码, 状态,
    # 审批节点, a form's unrecognised boxes): label as written -> value. Kept, never checked.
    extra: dict[str, FieldValue] = Field(default_factory=dict)

    def text(self, key: str) -> str:
        value = self.fields.get(key)
        return value.text if value else ""

    def has(self, key: str) -> bool:
        return key in self.fields

    def field_texts(self) -> dict[str, str]:
        return {k: v.text for k, v in self.fields.items()}


class Finding(BaseModel):
    """One problem in one field. Frozen: the engine hands the same Finding to every record whose
    field holds the same text (an export repeats texts thousands of times), so none may change."""

    model_config = ConfigDict(frozen=True)

    rule: str
    severity: Severity
    field: str
    start: int = 0
    end: int = 0
    text: str = ""
    message: str
    suggestion: str = ""


class FileError(BaseModel):
    """An input that produced no records, with a stable code and a Chinese message."""

    source: str
    code: str
    message: str


class RecordReport(BaseModel):
    source: str
    index: int = 0
    sheet: str = ""
    fields: dict[str, str]
    locations: dict[str, Location] = Field(default_factory=dict)
    choices: dict[str, list[str]] = Field(default_factory=dict)  # ticked checkbox options per field
    findings: list[Finding] = Field(default_factory=list)
    score: int = 100
    verdict: str = PASS

    def label(self) -> str:
        """A short human name for the record: file plus sheet/row when a file holds several."""
        return f"{self.source} [{self.sheet}]" if self.sheet else self.source


class Report(BaseModel):
    records: list[RecordReport] = Field(default_factory=list)
    errors: list[FileError] = Field(default_factory=list)
    rule_pack: str = ""
    summary: dict = Field(default_factory=dict)

    def to_json_dict(self) -> dict:
        return self.model_dump(mode="json")

    def finish(self) -> Report:
        """Fill in the summary figures every report format shows; returns self."""
        by_rule: dict[str, int] = {}
        for rec in self.records:
            for f in rec.findings:
                by_rule[f.rule] = by_rule.get(f.rule, 0) + 1
        verdicts = {v: sum(1 for r in self.records if r.verdict == v) for v in VERDICTS}
        self.summary = {
            "records": len(self.records),
            "errors": len(self.errors),
            "findings": sum(by_rule.values()),
            "passed": verdicts[PASS],
            "pass_rate": round(verdicts[PASS] / len(self.records), 3) if self.records else 0.0,
            "by_rule": dict(sorted(by_rule.items(), key=lambda kv: -kv[1])),
            "verdicts": verdicts,
        }
        return self


class SummaryCounter:
    """The summary figures of Report.finish, accumulated one record at a time (streaming batches):
    `counter.summary()` equals `Report(records=..., errors=...).finish().summary` for the same input."""

    def __init__(self) -> None:
        self.records = 0
        self.errors = 0
        self.by_rule: dict[str, int] = {}
        self.verdicts = dict.fromkeys(VERDICTS, 0)
        self.worst = 0  # highest Severity.rank of any finding, 0 for none

    def add(self, rec: RecordReport) -> None:
        self.records += 1
        for f in rec.findings:
            self.by_rule[f.rule] = self.by_rule.get(f.rule, 0) + 1
            rank = SEVERITY_RANKS[f.severity]
            if rank > self.worst:
                self.worst = rank
        if rec.verdict in self.verdicts:
            self.verdicts[rec.verdict] += 1

    def add_error(self, error: FileError) -> None:
        self.errors += 1

    def summary(self) -> dict:
        passed = self.verdicts[PASS]
        return {
            "records": self.records,
            "errors": self.errors,
            "findings": sum(self.by_rule.values()),
            "passed": passed,
            "pass_rate": round(passed / self.records, 3) if self.records else 0.0,
            "by_rule": dict(sorted(self.by_rule.items(), key=lambda kv: -kv[1])),
            "verdicts": dict(self.verdicts),
        }
