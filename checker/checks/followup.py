"""plan-followed-up: the employee's previous record had improvement items that this record's
review does not address (plan-not-followed-up).

"在下次面谈时回顾落实情况": each item of the previous plan is looked for in this record's
previous_review (or, when that box is absent or empty, the performance summary), item by item: by
its key words (the item without its time expressions, numbers, direction verbs and the generic
words of lexicons/followup_generic.txt; a word counts when it is in the review or nearly so), or by
a fuzzy match of the whole item (rapidfuzz partial ratio). The previous record comes from the
cross-record stage (checker/checks/crossrecord.py); in a pack example it is written inline under
`previous.` keys."""

from __future__ import annotations

import operator
import re
from functools import cache

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.base import CheckContext, Rule, Settings, check_kind, finding, is_placeholder
from checker.checks.crossrecord import CrossContext, PastRecord, cross_record_kind
from checker.model import Finding
from checker.nlp import pipeline
from checker.nlp.analysis import TextAnalyzer
from checker.nlp.points import split_points

INLINE = "previous."
_IS_INLINE = operator.methodcaller("startswith", INLINE)
_KEEP = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]+")
_MASK = " "


class FollowUpParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    plan_field: str = "improvement_plan"
    review_field: str = "previous_review"
    # read when the review box is absent or a placeholder
    fallback_fields: list[str] = Field(default_factory=lambda: ["performance_summary"])
    generic_lexicons: list[str] = Field(default_factory=lambda: ["followup_generic", "plan_direction"])
    # an item is addressed when at least this share of its key words is in the review ...
    min_overlap: float = 0.5
    # ... (a key word of 3+ characters counts when its partial-ratio similarity reaches this) ...
    word_similarity: float = 80
    # ... or when the whole item reaches this partial-ratio similarity with the review
    min_similarity: float = 75
    max_items_listed: int = 5

    @property
    def remembered_fields(self) -> tuple[str, ...]:
        return (self.plan_field,)


@cache  # compiled on first use (~8 ms for two CJK classes): only records with a previous plan need it
def _word() -> re.Pattern:
    return re.compile(r"[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9]*")


def key_words(item: str, analyzer: TextAnalyzer, generic: set[str]) -> tuple[str, list[str]]:
    """(the item without its time expressions, its key words)."""
    analyzer.analyze(item)  # loads the segmenter with the lexicon words on first use
    chars = list(item)
    for t in analyzer.times.find(item):
        chars[t.start : t.end] = _MASK * (t.end - t.start)
    core = "".join(chars)
    words = []
    for tok in pipeline.segment(core):
        if len(tok.text) >= 2 and _word().fullmatch(tok.text) and tok.text not in generic:
            words.append(tok.text)
    return "".join(_KEEP.findall(core)), list(dict.fromkeys(words))


def _distinctive(word: str) -> bool:
    return bool(re.search(r"[A-Za-z]{2,}", word)) or len(word) >= 4


def addressed(item: str, review: str, analyzer: TextAnalyzer, params: FollowUpParams) -> bool:
    if not review.strip():
        return False
    from rapidfuzz import fuzz  # only with a previous record: a one-draft audit never loads it (~15 ms)

    generic = set()
    for name in params.generic_lexicons:
        generic |= set(analyzer.lexicons.get(name).words())
    core, words = key_words(item, analyzer, generic)
    compact = "".join(_KEEP.findall(review))
    if words:
        hits = sum(
            1
            for w in words
            if w in compact or (len(w) >= 3 and fuzz.partial_ratio(w, compact) >= params.word_similarity)
        )
        if hits >= params.min_overlap * len(words):
            return True
        if any(_distinctive(w) and w in compact for w in words):
            return True  # "PMP", "数据分析": a name of the item by itself
    return bool(core) and fuzz.partial_ratio(core, compact) >= params.min_similarity


def followup_findings(
    rule: Rule,
    params: FollowUpParams,
    fields: dict[str, str],
    previous: PastRecord,
    analyzer: TextAnalyzer,
    settings: Settings,
) -> list[Finding]:
    plan = previous.text(params.plan_field)
    if is_placeholder(plan, settings):
        return []
    items = split_points(plan)
    key = params.review_field
    text = fields.get(key, "") or ""
    if is_placeholder(text, settings):
        review = "\n".join(
            fields.get(k, "")
            for k in params.fallback_fields
            if not is_placeholder(fields.get(k, ""), settings)
        )
    else:
        review = text
    missed = [i.text for i in items if not addressed(i.text, review, analyzer, params)]
    if not missed:
        return []
    stripped = text.strip()
    start = text.find(stripped) if stripped else 0
    shown = missed[: params.max_items_listed]
    listed = ";".join(f"「{m}」" for m in shown) + (f" 等{len(missed)}项" if len(missed) > len(shown) else "")
    return [
        finding(
            rule,
            key,
            text,
            start,
            start + len(stripped),
            items=listed,
            count=len(missed),
            total=len(items),
            previous=previous.label(),
        )
    ]


@check_kind("plan-followed-up", FollowUpParams)
def check_followup_inline(rule: Rule, params: FollowUpParams, ctx: CheckContext) -> list[Finding]:
    """Each improvement item of the employee's previous record must be reviewed in this one (cross-record)."""
    if not any(map(_IS_INLINE, ctx.record.fields)):
        return []  # the cross-record stage compares real records (this runs for every record)
    inline = {k[len(INLINE) :]: v.text for k, v in ctx.record.fields.items() if k.startswith(INLINE)}
    previous = PastRecord(inline.get("source", "上期记录"), inline)
    return followup_findings(rule, params, ctx.record.field_texts(), previous, ctx.analyzer, ctx.settings)


@cross_record_kind("plan-followed-up")
def cross_followup(rule: Rule, params: FollowUpParams, ctx: CrossContext) -> list[Finding]:
    previous = ctx.previous_record()
    if previous is None:
        return []
    return followup_findings(rule, params, ctx.record.fields, previous, ctx.analyzer, ctx.settings)
