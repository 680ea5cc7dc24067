"""The cross-record stage: rules that compare a record with the other records of a batch
(copied-text) or with the employee's previous record (plan-not-followed-up).

The engine stays per-record. This stage runs after it, in the parent process, on the RecordReports
in input order, one at a time (`feed`), so it works while records stream: each record is compared
with the records before it, gets its extra findings, and its score and verdict are recomputed;
nothing already handed on is changed afterwards (the later of two copies is the one reported, and it
names the earlier ones).

Previous records come from the same batch (earlier in input order; when interview times are known,
the latest talk before this one) and, when one is configured, from a `PreviousRecords` source such as
a record database: anything with `lookup(employee_id, name, department)` returning `PastRecord`s.
Set it as `checker.previous_records = MyDatabase(...)` (checker/history/ is meant to provide one).

A cross-record kind registers twice: with @check_kind like any kind (so packs validate it and
`checker rules --kinds` lists it; run per record it compares a record with the other record written
inline under `previous.` / `other.` keys, which is how its examples in the pack are tested), and with
@cross_record_kind for this stage.
"""

from __future__ import annotations

import functools
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from pydantic import BaseModel

from checker.checks.base import Rule, Settings, is_placeholder
from checker.model import Finding, RecordReport
from checker.nlp.datetimes import Moment, parse_moment, year_of

IDENTITY = ("employee_id", "employee_name", "department")


@dataclass(frozen=True)
class PastRecord:
    """An earlier record of an employee: where it came from and its field texts."""

    source: str
    fields: dict[str, str]
    index: int = 0
    sheet: str = ""

    def text(self, key: str) -> str:
        return self.fields.get(key, "") or ""

    def label(self) -> str:
        where = f"{self.source} [{self.sheet}]" if self.sheet else self.source
        when = self.text("interview_time").strip()
        return f"{where}(面谈时间 {when})" if when else where


class PreviousRecords(Protocol):
    """Where earlier records of an employee come from (the batch so far, a record database)."""

    def lookup(self, employee_id: str, name: str, department: str) -> Iterable[PastRecord]:
        """The employee's records: same employee_id when one is given, else same name and department."""
        ...


def identity(fields: dict[str, str]) -> tuple[str, str, str]:
    return tuple("".join((fields.get(k) or "").split()) for k in IDENTITY)  # type: ignore[return-value]


class _Packed:
    """Strings that rarely repeat (sheet and row of each record), packed as UTF-8 in one buffer: a few
    bytes each instead of a str object."""

    def __init__(self) -> None:
        self.data = bytearray()
        self.ends = array("Q")

    def append(self, text: str) -> None:
        self.data += text.encode("utf-8")
        self.ends.append(len(self.data))

    def __getitem__(self, i: int) -> str:
        start = self.ends[i - 1] if i else 0
        return self.data[start : self.ends[i]].decode("utf-8")


class BatchRecords:
    """The records of this batch seen so far, by employee (a PreviousRecords), numbered in input order.

    A 100k-record batch must stay small, so nothing per record is an object of its own: the kept fields
    are columns of shared strings (one str per distinct value: departments, times, plans), the sheet
    and row is packed, and the indexes by employee hold record numbers, a list only when there are
    several. A PastRecord is made when one is asked for."""

    def __init__(self) -> None:
        self.sources: list[str] = []
        self.indexes = array("q")
        self.sheets = _Packed()
        self.columns: dict[str, list[str | None]] = {}
        self.by_id: dict[str, int | list[int]] = {}
        # by name, any department (lookups filter); `anonymous`: those without an employee id, the
        # only ones a record with an id can be matched with by name (a common name in an export where
        # every row has an id costs nothing)
        self.by_name: dict[str, int | list[int]] = {}
        self.anonymous: dict[str, int | list[int]] = {}
        self._shared: dict[str, str] = {}  # one str per distinct value (ids are unique: by_id holds them)

    def __len__(self) -> int:
        return len(self.indexes)

    def add(self, rec: PastRecord, number: int | None = None, who: tuple[str, str, str] | None = None) -> int:
        """Keep the record; returns its number (`number`: that number as the caller holds it, so that
        the indexes here and the rules' memory share one int object; `who`: its identity(), when known)."""
        return self.add_fields(rec.source, rec.index, rec.sheet, rec.fields, number, who)

    def add_fields(
        self,
        source: str,
        index: int,
        sheet: str,
        fields: dict[str, str],
        number: int | None = None,
        who: tuple[str, str, str] | None = None,
    ) -> int:
        """add() for a record given by its parts (the stage keeps no PastRecord per record)."""
        number = len(self.indexes) if number is None else number
        assert number == len(self.indexes)
        self.sources.append(self._share(source))
        self.indexes.append(index)
        self.sheets.append(sheet)
        for key in fields.keys() - self.columns.keys():
            self.columns[key] = [None] * number
        for key, column in self.columns.items():
            value = fields.get(key)
            column.append(value if value is None or key == "employee_id" else self._share(value))
        emp_id, name, _ = identity(fields) if who is None else who
        if emp_id:
            _append(self.by_id, emp_id, number)
        if name:
            _append(self.by_name, name, number)
            if not emp_id:
                _append(self.anonymous, name, number)
        return number

    def _share(self, text: str) -> str:
        return self._shared.setdefault(text, text)

    def record(self, number: int) -> PastRecord:
        fields = {k: col[number] for k, col in self.columns.items() if col[number] is not None}
        return PastRecord(self.sources[number], fields, self.indexes[number], self.sheets[number])

    def where(self, number: int) -> tuple[str, str, dict[str, str]]:
        """(source, sheet, {"employee_name": ...}) of a record, what a copied-text label names."""
        name = self.columns.get("employee_name")
        name = name[number] if name else None
        return self.sources[number], self.sheets[number], {"employee_name": name or ""}

    def _department(self, number: int) -> str:
        column = self.columns.get("department")
        return "".join((column[number] or "").split()) if column else ""

    def lookup(self, employee_id: str, name: str, department: str) -> list[PastRecord]:
        if employee_id and employee_id in self.by_id:
            return [self.record(n) for n in _numbers(self.by_id, employee_id)]
        if not name:
            return []
        # a record with another employee id is another person of the same name
        named = self.anonymous if employee_id else self.by_name
        return [self.record(n) for n in _numbers(named, name) if self._department(n) == department]

    def same_employee(self, employee_id: str, name: str, department: str) -> list[int]:
        """Numbers of the records of this employee, as copied-text's same_employee decides: the same
        employee id when both have one, else the same name and department (a missing one matches)."""
        out = list(_numbers(self.by_id, employee_id)) if employee_id else []
        if name:  # with an id, the records that have one were decided above
            for n in _numbers(self.anonymous if employee_id else self.by_name, name):
                other = self._department(n)
                if not department or not other or department == other:
                    out.append(n)
        return sorted(out)


def _append(index: dict, key: str, number: int) -> None:
    known = index.get(key)
    if known is None:
        index[key] = number
    elif isinstance(known, int):
        index[key] = [known, number]
    else:
        known.append(number)


def _numbers(index: dict, key: str) -> list[int]:
    known = index.get(key)
    return [] if known is None else [known] if isinstance(known, int) else known


def _moment(text: str) -> Moment | None:
    return parse_moment(text, year_of(text)) if text else None


def pick_previous(fields: dict[str, str], source: str, index: int, sheet: str, candidates: list[PastRecord]):
    """The employee's previous record among candidates (oldest first): the latest talk before this one
    when interview times are known, else the last one; never this record or one of the same period."""
    if not candidates:
        return None
    now = _moment(fields.get("interview_time", ""))
    period = "".join((fields.get("period") or "").split())
    talk = "".join((fields.get("interview_time") or "").split())
    usable = []
    for c in candidates:
        if (c.source, c.index, c.sheet) == (source, index, sheet):
            continue
        if period and "".join(c.text("period").split()) == period:
            continue
        if talk and "".join(c.text("interview_time").split()) == talk:
            continue  # the same talk twice (a resubmitted record), not the previous one
        usable.append((c, _moment(c.text("interview_time"))))
    if now is not None:
        before = [(c, m) for c, m in usable if m is not None and m.start < now.start]
        if before:
            return max(enumerate(before), key=lambda im: (im[1][1].start, im[0]))[1][0]
        usable = [(c, m) for c, m in usable if m is None]
    return usable[-1][0] if usable else None


@dataclass
class CrossContext:
    """What a cross-record check sees: the record, the stage's memory and the shared resources."""

    stage: CrossRecordStage
    record: RecordReport
    state: dict  # this rule's own memory across the batch
    number: int = 0  # the record's number in stage.batch (added there once every rule has seen it)
    who: tuple[str, str, str] | None = None  # identity() of the record: the stage works it out once

    def __post_init__(self) -> None:
        if self.who is None:
            self.who = identity(self.record.fields)

    @property
    def analyzer(self):
        return self.stage.engine.analyzer

    @property
    def settings(self) -> Settings:
        return self.stage.engine.pack.settings

    def is_placeholder(self, key: str) -> bool:
        return is_placeholder(self.record.fields.get(key, ""), self.settings)

    def field_name(self, key: str) -> str:
        return self.stage.engine.fields.name(key)

    def previous_record(self) -> PastRecord | None:
        rec = self.record
        emp_id, name, dept = self.who
        if not emp_id and not name:
            return None
        candidates: list[PastRecord] = []
        seen = set()
        sources = [self.stage.previous, self.stage.batch] if self.stage.previous else [self.stage.batch]
        for source in sources:
            for c in source.lookup(emp_id, name, dept):
                if (c.source, c.index, c.sheet) not in seen:
                    seen.add((c.source, c.index, c.sheet))
                    candidates.append(c)
        return pick_previous(rec.fields, rec.source, rec.index, rec.sheet, candidates)


CrossFn = Callable[[Rule, BaseModel, CrossContext], list[Finding]]
CROSS_KINDS: dict[str, CrossFn] = {}


def cross_record_kind(name: str):
    def register(fn: CrossFn) -> CrossFn:
        CROSS_KINDS[name] = fn
        return fn

    return register


class CrossRecordStage:
    """Feed RecordReports in input order; each comes back with its cross-record findings."""

    def __init__(self, engine, previous: PreviousRecords | None = None):
        self.engine = engine
        self.previous = previous
        self.rules = [r for r in engine.pack.active(engine.disabled) if r.kind in CROSS_KINDS]
        self.batch = BatchRecords()
        self.states: dict[str, dict] = {r.id: {} for r in self.rules}
        self.kept = (*IDENTITY, "interview_time", "period", *self._kept_fields())

    @classmethod
    def for_checker(cls, checker) -> CrossRecordStage:
        return cls(checker.engine, getattr(checker, "previous_records", None))

    def feed(self, item):
        if not isinstance(item, RecordReport) or not self.rules:
            return item
        added: list[Finding] = []
        number = len(self.batch)
        who = identity(item.fields)
        for rule in self.rules:
            ctx = CrossContext(self, item, self.states[rule.id], number, who)
            added.extend(CROSS_KINDS[rule.kind](rule, self.engine.pack.params[rule.id], ctx))
        fields = item.fields
        kept = {k: fields[k] for k in self.kept if k in fields}
        self.batch.add_fields(item.source, item.index, item.sheet, kept, number, who)
        if added:
            missing = {f.field for f in item.findings if f.rule == "missing-field"}
            added = [f for f in added if f.field not in missing]
        if added:
            item.findings.extend(added)
            item.score = self.engine.score(item.findings)
            item.verdict = self.engine.verdict(item.score)
        return item

    def _kept_fields(self) -> tuple[str, ...]:
        keys: list[str] = []
        for rule in self.rules:
            keys.extend(getattr(self.engine.pack.params[rule.id], "remembered_fields", ()))
        return tuple(dict.fromkeys(keys))

    def run(self, items: Iterable) -> Iterator:
        for item in items:
            yield self.feed(item)


def cross_record_stage(audit: Callable[..., Iterator]) -> Callable[..., Iterator]:
    """Decorates the Checker method that hands back audited records in input order (in the parent
    process): one CrossRecordStage per call, i.e. per batch."""

    @functools.wraps(audit)
    def staged(checker, *args, **kwargs):
        yield from CrossRecordStage.for_checker(checker).run(audit(checker, *args, **kwargs))

    return staged
