"""required-field: a required key absent from the record or holding only a placeholder."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.base import CheckContext, Rule, check_kind, finding
from checker.model import Finding


class NoneAllowed(BaseModel):
    """ "无" in a field is a real answer when another field says so with a word of a lexicon."""

    model_config = ConfigDict(extra="forbid")
    field: str
    lexicon: str
    tag: str | None = None


class RequiredParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    # field -> when "无" there is an answer (分歧 "无" is fine when 共识 says "无分歧"): the pack's
    none_allowed_when: dict[str, NoneAllowed] = Field(default_factory=dict)
    # the whole answers that count as "none" for none_allowed_when
    none_words: list[str] = Field(default_factory=list)
    # {state} of the message / {advice} of the suggestion, per case: the form has no box for the
    # field at all (absent), the box is empty (empty), or it holds a placeholder (placeholder;
    # {text} is the placeholder). The texts live in the rule pack (rules/default.yaml).
    states: dict[str, str] = Field(default_factory=dict)
    advice: dict[str, str] = Field(default_factory=dict)
    # what to write, per field, for an empty or placeholder box (a template gap keeps advice.absent)
    field_advice: dict[str, str] = Field(default_factory=dict)


@check_kind("required-field", RequiredParams)
def check_required(rule: Rule, params: RequiredParams, ctx: CheckContext) -> list[Finding]:
    """Each field in scope must be present and hold more than a placeholder."""
    out = []
    for key in rule.fields:
        text = ctx.text(key)
        if not ctx.is_placeholder(key) or _none_is_an_answer(key, text, params, ctx):
            continue
        case = "absent" if not ctx.record.has(key) else "empty" if not text.strip() else "placeholder"
        values = {"name": ctx.field_name(key), "text": text.strip()[:20]}
        state = params.states.get(case, case).format_map(values)
        template = params.advice.get(case) if case == "absent" else params.field_advice.get(key)
        advice = (template or params.advice.get(case, params.advice.get("default", ""))).format_map(values)
        out.append(finding(rule, key, text, 0, len(text), name=values["name"], state=state, advice=advice))
    return out


def _none_is_an_answer(key: str, text: str, params: RequiredParams, ctx: CheckContext) -> bool:
    condition = params.none_allowed_when.get(key)
    if not condition or re.sub(r"\s+", "", text) not in params.none_words:
        return False
    words = ctx.analyzer.lexicons.get(condition.lexicon).pattern(condition.tag)
    return bool(words and words.search(ctx.text(condition.field)))
