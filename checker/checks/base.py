"""What every check kind shares: the rule model, the context a check sees, the registry.

A rule is data (rules/*.yaml): id, kind, severity, fields in scope, params,
message and suggestion templates, examples. A check kind is a small function
that turns (rule, record context) into findings. Kinds register themselves
here with the pydantic model of their params, so an unknown param is an error
when the pack is loaded, not a silent no-op.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field

from checker.intake.fields import AliasTable
from checker.model import Finding, Record, Severity, shared_fields_set
from checker.nlp.analysis import TextAnalyzer
from checker.nlp.lexicon import Lexicon
from checker.nlp.points import Span, split_points


class Examples(BaseModel):
    """Examples a rule documents itself with; each runs as its own test.

    An example is the text of the rule's first field in scope, or a mapping: field keys to text
    (a whole record), where `text` stands for the first field in scope and `span` is the exact
    words a firing example must mark (sqlfluff's and yamllint's expected problem positions)."""

    model_config = ConfigDict(extra="forbid")
    fires: list[str | dict[str, str]] = Field(default_factory=list)
    passes: list[str | dict[str, str]] = Field(default_factory=list)


def example_fields(rule: Rule, example: str | dict[str, str]) -> tuple[dict[str, str], str | None]:
    """(field key -> text, expected span or None) of one example."""
    if isinstance(example, str):
        return {rule.fields[0]: example}, None
    values = {k: v for k, v in example.items() if k != "span"}
    if "text" in values:
        values[rule.fields[0]] = values.pop("text")
    return values, example.get("span")


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    kind: str
    title: str = ""  # the short Chinese name reports show (column headers, legends); the pack sets it
    description: str
    severity: Severity = Severity.warning
    fields: list[str] = Field(default_factory=list)
    params: dict = Field(default_factory=dict)
    message: str
    suggestion: str = ""
    examples: Examples = Field(default_factory=Examples)
    enabled: bool = True


class Settings(BaseModel):
    """Pack-wide settings: what counts as a placeholder, scoring weights.

    The lists are the pack's (rules/default.yaml `settings:`); a pack that sets none has none, and
    then only a blank box or an unfilled signature line counts as a placeholder."""

    model_config = ConfigDict(extra="forbid")
    # whole-box answers that say nothing ("无", "/", "待填"), compared without blanks and case
    placeholders: list[str] = Field(default_factory=list)
    # the opening words of a template's own hint text ("请填写……"), an opening bracket aside
    hint_prefixes: list[str] = Field(default_factory=list)
    severity_weights: dict[str, int] = Field(default_factory=lambda: {"error": 25, "warning": 6, "info": 1})
    # scoring (engine.Engine.score): only the first N findings of one rule count, per severity …
    per_rule_max: dict[str, int] = Field(default_factory=lambda: {"error": 3, "warning": 2, "info": 2})
    # … and the findings of one severity take at most this many points (warnings alone: at worst 需修改)
    severity_max: dict[str, int] = Field(default_factory=lambda: {"warning": 40, "info": 10})
    pass_score: int = 85
    revise_score: int = 60


# the fields that name an employee's job family, most telling first
FAMILY_FIELDS = ("job_family", "position", "department")


@dataclass
class CheckContext:
    record: Record
    analyzer: TextAnalyzer
    settings: Settings
    fields: AliasTable
    _points: dict[str, list[Span]] = field(default_factory=dict)

    def text(self, key: str) -> str:
        return self.record.text(key)

    def points(self, key: str) -> list[Span]:
        if key not in self._points:
            self._points[key] = split_points(self.text(key))
        return self._points[key]

    def analysed_points(self, keys: list[str]):
        """(key, field text, point, analysis) for every point of every filled field in keys."""
        for key in keys:
            if self.is_placeholder(key):
                continue
            text = self.text(key)
            for point in self.points(key):
                yield key, text, point, self.analyzer.analyze(point.text)

    def is_placeholder(self, key: str) -> bool:
        return is_placeholder(self.text(key), self.settings)

    def field_name(self, key: str) -> str:
        return self.fields.name(key)

    def job_family(self) -> str:
        """The family (a tag of lexicons/job_families.txt) named by the record's job family, position
        or department, for advice examples that fit; "" when none is recognised."""
        texts = tuple(self.text(key) for key in FAMILY_FIELDS)
        return job_family_in(texts, self.analyzer.lexicons.get("job_families"))


def job_family_in(texts: tuple[str | None, ...], families: Lexicon) -> str:
    """The family the first of these texts to name one names (the texts of FAMILY_FIELDS, most telling
    first); "" when none does. Remembered per tuple of texts: an export repeats a few hundred
    combinations of family, position and department over all its rows."""
    known = families.memo("job_family_in")
    family = known.get(texts)
    if family is None:
        if len(known) >= FAMILY_MEMO_LIMIT:
            known.clear()
        family = known[texts] = _first_family(texts, families)
    return family


FAMILY_MEMO_LIMIT = 50_000


def _first_family(texts: tuple[str | None, ...], families: Lexicon) -> str:
    words = families.words()  # longest first
    for value in texts:
        for word in words:
            if word in (value or ""):
                return next(iter(sorted(families.entries[word])))
    return ""


_BLANK = re.compile(r"[\s\u3000_＿]+")
_OPENING_BRACKETS = re.compile(r"^[(（【\[]+")
# An unfilled signature line keeps only its scaffolding: "日期:", "年 月 日", "签字:"
_SCAFFOLD = re.compile(r"(?:签字|签名|签章|日期|时间|年|月|日|[:：/／.。,，\-—_])")


def is_placeholder(text: str, settings: Settings) -> bool:
    """Empty, a placeholder word ("无", "/", "待填"), or the template's own hint text ("请填写……")."""
    return _placeholder_test(settings)(text or "")


class _PlaceholderTest:
    """is_placeholder for one Settings, remembering its answers: every rule asks it of every field of
    every record, and exports repeat the same texts."""

    LIMIT = 100_000  # answers kept; forgotten all at once beyond (a new text costs ~30 us)

    def __init__(self, settings: Settings):
        self.placeholders = {p.lower() for p in settings.placeholders}
        self.hints = tuple(_OPENING_BRACKETS.sub("", h) for h in settings.hint_prefixes)
        self.known: dict[str, bool] = {}

    def __call__(self, text: str) -> bool:
        answer = self.known.get(text)
        if answer is None:
            if len(self.known) >= self.LIMIT:
                self.known.clear()
            answer = self.known[text] = self._decide(text)
        return answer

    def _decide(self, text: str) -> bool:
        compact = _BLANK.sub("", text)
        if not compact or not _SCAFFOLD.sub("", compact):
            return True
        if compact.lower() in self.placeholders:
            return True
        return _OPENING_BRACKETS.sub("", compact).startswith(self.hints)


def _placeholder_test(settings: Settings) -> _PlaceholderTest:
    # a pack's lists may be edited in place (tests, callers): their lengths are part of the key
    shape = ("placeholders", len(settings.placeholders), len(settings.hint_prefixes))
    return owned(settings, shape, lambda: _PlaceholderTest(settings))


T = TypeVar("T")
_OWNED: dict[tuple[int, Hashable], tuple[weakref.ref, object]] = {}


def owned(owner: object, name: Hashable, build: Callable[[], T]) -> T:
    """A value built once for `owner` (a pack's Settings, a set of lexicons) and kept while it lives.
    Keyed by id, since pydantic models and dataclasses are unhashable; an object that reuses a dead
    one's id gets a new value."""
    key = (id(owner), name)
    entry = _OWNED.get(key)
    if entry is None or entry[0]() is not owner:
        entry = _OWNED[key] = (weakref.ref(owner), build())
    return entry[1]  # type: ignore[return-value]


def finding(rule: Rule, key: str, text: str, start: int, end: int, **values) -> Finding:
    """A finding with the rule's message and suggestion filled in from the offending text."""
    fmt = _SafeDict(values)
    fmt.setdefault("text", text[start:end])
    return shared_fields_set(
        Finding(
            rule=rule.id,
            severity=rule.severity,
            field=key,
            start=start,
            end=end,
            text=text[start:end],
            message=rule.message.format_map(fmt),
            suggestion=rule.suggestion.format_map(fmt),
        )
    )


class _SafeDict(dict):
    def __missing__(self, key):  # a template may name a value a check did not give
        return "{" + key + "}"


CheckFn = Callable[[Rule, BaseModel, CheckContext], list[Finding]]


@dataclass
class CheckKind:
    name: str
    params: type[BaseModel]
    run: CheckFn
    doc: str = ""


REGISTRY: dict[str, CheckKind] = {}


class NoParams(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check_kind(name: str, params: type[BaseModel] = NoParams):
    def register(fn: CheckFn) -> CheckFn:
        REGISTRY[name] = CheckKind(name, params, fn, (fn.__doc__ or "").strip())
        return fn

    return register
