"""one-sided: the record does not show the employee's own view (one-sided-record).

The talk is two-way: the employee states their view and the record shows it. The view is missing
when the employee_feedback box is absent, empty or a placeholder (the pack's placeholder settings),
or holds only a word of assent ("同意", "无意见"). When the form has no such box, a disagreement or
consensus that reports what the employee said ("员工认为……") shows the view too."""

from __future__ import annotations

import re
from functools import cache

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.base import CheckContext, Rule, check_kind, finding
from checker.model import Finding
from checker.nlp.lexicon import Lexicon


class OneSidedParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    # the employee's words (tags assent / reported / self: lexicons/employee_voice.txt); the pack names it
    lexicon: str = ""
    # only when the box is absent: fields that may report the employee's words (tag reported)
    voice_fields: list[str] = Field(default_factory=list)
    # {state} of the message per case: absent, empty, placeholder, assent ({text}: the box's text)
    states: dict[str, str] = Field(default_factory=dict)


@cache  # compiled on first use (~4 ms: full-width punctuation makes a 64K-entry class): strict pack only
def _filler(selves: tuple[str, ...]) -> re.Pattern:
    """Punctuation, and a word for the employee opening the reply (本人同意): not part of the view."""
    opening = "|".join(map(re.escape, selves))
    return re.compile(r"[\s\u3000,，。.!！;；:：、]+" + (f"|^(?:{opening})" if opening else ""))


@cache
def _assent(selves: tuple[str, ...], replies: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_filler(selves).sub("", w) for w in replies)


def _only_assent(text: str, words: Lexicon) -> bool:
    selves, replies = tuple(words.words("self")), tuple(words.words("assent"))
    return _filler(selves).sub("", text) in _assent(selves, replies)


@check_kind("one-sided", OneSidedParams)
def check_one_sided(rule: Rule, params: OneSidedParams, ctx: CheckContext) -> list[Finding]:
    """The employee's own view must be in the record, in more than a placeholder or a word of assent."""
    key = rule.fields[0] if rule.fields else "employee_feedback"
    text = ctx.text(key)
    words = ctx.analyzer.lexicons.get(params.lexicon) if params.lexicon else None
    if not ctx.record.has(key):
        others = " ".join(ctx.text(k) for k in params.voice_fields)
        reported = words.matcher("reported") if words else None
        if reported and reported.search(others):
            return []
        case = "absent"
    elif not text.strip():
        case = "empty"
    elif ctx.is_placeholder(key):
        case = "placeholder"
    elif words and _only_assent(text, words):
        case = "assent"
    else:
        return []
    stripped = text.strip()
    start = text.find(stripped) if stripped else 0
    state = params.states.get(case, case).format(text=stripped[:20])
    return [finding(rule, key, text, start, start + len(stripped), state=state, name=ctx.field_name(key))]
