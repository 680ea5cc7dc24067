"""copied-text: near-identical evaluation or plan text for different employees in one batch.

"走过场": the same evaluation pasted for several employees. Each field in scope is compared, as a
set of character shingles (its points in any order, numbering, blanks and punctuation aside), with
the same field of the records before it in the batch: MinHash LSH finds the candidates in constant
time per record and the exact Jaccard similarity of the shingle sets decides (checker/checks/textindex.py:
each distinct text stored once, compactly, so a 100k-record batch stays fast and small; see
benchmarks/copied_text.py). Texts shorter than min_chars (stock phrases
such as "工作认真负责,表现良好") are left out, and so are two records of the same employee. The later
record is reported and names the earlier ones (records already handed on are not changed: streaming).
In a pack example the other record is written inline under `other.` keys."""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from checker.checks.base import CheckContext, Rule, check_kind, finding, is_placeholder
from checker.checks.crossrecord import CrossContext, cross_record_kind, identity
from checker.model import Finding
from checker.nlp.points import split_points

INLINE = "other."
_IS_INLINE = operator.methodcaller("startswith", INLINE)
_KEEP = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]+")


class CopiedTextParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    # texts shorter than this (characters, punctuation and blanks aside) are stock phrases: not compared
    min_chars: int = 30
    # Jaccard similarity of the shingle sets from which two texts count as copies
    threshold: float = 0.7
    shingle: int = 3
    num_perm: int = 64
    max_listed: int = 3


def point_words(text: str) -> list[str]:
    """The words of each point of a field: numbering, blanks and punctuation removed."""
    return ["".join(_KEEP.findall(p.text)) for p in split_points(text)]


def normalise(text: str) -> str:
    return "".join(point_words(text))


def shingles(text: str | list[str], k: int) -> set[str]:
    """Character k-grams of each point, so that reordered points give the same set."""
    from checker.checks.textindex import shingle_strings  # numpy: loaded only when texts are compared

    return shingle_strings(point_words(text) if isinstance(text, str) else text, k)


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def same_employee(a: dict[str, str], b: dict[str, str]) -> bool:
    (id_a, name_a, dept_a), (id_b, name_b, dept_b) = identity(a), identity(b)
    if id_a and id_b:
        return id_a == id_b
    return bool(name_a) and name_a == name_b and (not dept_a or not dept_b or dept_a == dept_b)


def describe(source: str, sheet: str, fields: dict[str, str]) -> str:
    where = f"{source} [{sheet}]" if sheet else source
    name = "".join((fields.get("employee_name") or "").split())
    return f"{where} {name}" if name else where


def _finding(
    rule, key, text, labels: list[str], count: int, best: float, params: CopiedTextParams, name: str
) -> Finding:
    """`labels`: the most similar records first (the earlier first among equals), `count` in all."""
    stripped = text.strip()
    start = text.find(stripped)
    shown = "、".join(f"「{label}」" for label in labels[: params.max_listed])
    if count > params.max_listed:
        shown += f" 等{count}条"
    return finding(
        rule, key, text, start, start + len(stripped), others=shown, count=count,
        similarity=f"{best:.0%}", name=name,
    )  # fmt: skip


@check_kind("copied-text", CopiedTextParams)
def check_copied_inline(rule: Rule, params: CopiedTextParams, ctx: CheckContext) -> list[Finding]:
    """A field nearly identical to the same field of another employee's record in the batch (cross-record)."""
    if not any(map(_IS_INLINE, ctx.record.fields)):
        return []  # the cross-record stage compares real records (this runs for every record)
    other = {k[len(INLINE) :]: v.text for k, v in ctx.record.fields.items() if k.startswith(INLINE)}
    mine = ctx.record.field_texts()
    if same_employee(mine, other):
        return []
    out = []
    for key in rule.fields:
        text, theirs = mine.get(key, ""), other.get(key, "")
        if is_placeholder(text, ctx.settings) or len(normalise(text)) < params.min_chars:
            continue
        score = jaccard(shingles(text, params.shingle), shingles(theirs, params.shingle))
        if score >= params.threshold:
            label = describe(other.get("source", "另一条记录"), "", other)
            out.append(_finding(rule, key, text, [label], 1, score, params, ctx.field_name(key)))
    return out


@cross_record_kind("copied-text")
def cross_copied(rule: Rule, params: CopiedTextParams, ctx: CrossContext) -> list[Finding]:
    rec, batch = ctx.record, ctx.stage.batch
    out = []
    for key in rule.fields:
        text = rec.fields.get(key, "")
        if not text or ctx.is_placeholder(key):
            continue
        index = ctx.state.get(key)
        if index is None:
            # the batch's first text has nothing to be compared with: the index (and numpy) is built
            # when a second one comes, so a one-draft audit never loads it
            ctx.state[key] = _FirstText(text, ctx.number, ctx.who)
            continue
        if isinstance(index, _FirstText):
            index = ctx.state[key] = _index_with(index, params, batch)
        number = _text_number(index, text, params)
        if number is None:
            continue
        found = index.query_and_add(number, ctx.number, lambda: set(batch.same_employee(*ctx.who)))
        if found is not None:
            count, best, listed = found
            labels = [_label(ctx.state, batch, n) for n in listed]
            out.append(_finding(rule, key, text, labels, count, best, params, ctx.field_name(key)))
    return out


# ctx.state's entry (a key no field has) for the labels of records named so far: the first writers of
# a text pasted for many employees are named again for each later one
_LABELS = ("labels",)
LABELS_KEPT = 50_000


def _label(state: dict, batch, number: int) -> str:
    labels = state.get(_LABELS)
    if labels is None:
        labels = state[_LABELS] = {}
    label = labels.get(number)
    if label is None:
        if len(labels) >= LABELS_KEPT:
            labels.clear()
        label = labels[number] = describe(*batch.where(number))
    return label


@dataclass(frozen=True)
class _FirstText:
    """A field's first text in the batch, kept until a second one makes an index worth building."""

    text: str
    record: int
    who: tuple[str, str, str]


def _index_with(first: _FirstText, params: CopiedTextParams, batch):
    from checker.checks.textindex import TextIndex

    index = TextIndex(params)
    number = _text_number(index, first.text, params)
    if number is not None:
        index.query_and_add(number, first.record, lambda: set(batch.same_employee(*first.who)))
    return index


def _text_number(index, text: str, params: CopiedTextParams) -> int | None:
    """The index's number for this field text; None for a stock phrase shorter than min_chars."""
    number = index.remembered(text)
    if number is None:
        words = point_words(text)
        number = index.text(words) if sum(map(len, words)) >= params.min_chars else -1
        index.remember(text, number)
    return None if number < 0 else number
