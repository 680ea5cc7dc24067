"""required-field: a required key absent from the record or holding only a placeholder."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.base import CheckContext, Rule, check_kind, finding
from checker.model import Finding


class RequiredParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    # field -> (other field, pattern): "无" in this field is a real answer only when
    # the other field says so (分歧 "无" is fine when 共识 says "无分歧").
    none_allowed_when: dict[str, list[str]] = Field(
        default_factory=lambda: {
            "disagreements": [
                "consensus",
                r"无分歧|无异议|没有分歧|没有异议|意见一致|达成一致|一致认可|无不同意见",
            ]
        }
    )
    none_words: list[str] = Field(default_factory=lambda: ["无", "没有", "暂无", "无分歧", "无异议"])
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
        state = params.states.get(case, _STATES[case]).format_map(values)
        template = params.advice.get(case) if case == "absent" else params.field_advice.get(key)
        advice = (template or params.advice.get(case, params.advice.get("default", ""))).format_map(values)
        out.append(finding(rule, key, text, 0, len(text), name=values["name"], state=state, advice=advice))
    return out


# Used only when a pack gives no `states` (the default pack does).
_STATES = {"absent": "模板中没有该栏目", "empty": "未填写", "placeholder": "只填了占位内容「{text}」"}


def _none_is_an_answer(key: str, text: str, params: RequiredParams, ctx: CheckContext) -> bool:
    condition = params.none_allowed_when.get(key)
    if not condition or re.sub(r"\s+", "", text) not in params.none_words:
        return False
    other, pattern = condition
    return bool(re.search(pattern, ctx.text(other)))
