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


class OneSidedParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    # the whole view (punctuation and 本人/员工 aside) is one of these: no view stated
    assent_only: list[str] = Field(
        default_factory=lambda: [
            "同意", "认可", "无意见", "没有意见", "没意见", "无异议", "没有异议", "好的", "好", "知道了",
            "已阅", "收到", "无补充", "没有补充", "无其他意见", "同意以上内容", "同意上述评价",
        ]
    )  # fmt: skip
    # only when the box is absent: fields that may report the employee's words, and the markers of it
    voice_fields: list[str] = Field(default_factory=lambda: ["disagreements", "consensus"])
    voice_markers: list[str] = Field(
        default_factory=lambda: [
            "员工认为",
            "员工表示",
            "员工提出",
            "员工希望",
            "员工反映",
            "员工提到",
            "本人认为",
        ]
    )
    # {state} of the message per case
    states: dict[str, str] = Field(
        default_factory=lambda: {
            "absent": "记录中没有员工意见一栏",
            "empty": "员工意见未填写",
            "placeholder": "员工意见只有占位内容「{text}」",
            "assent": "员工意见只有「{text}」,没有写出员工自己的看法",
        }
    )


@cache  # compiled on first use (~4 ms: full-width punctuation makes a 64K-entry class): strict pack only
def _filler() -> re.Pattern:
    return re.compile(r"[\s\u3000,，。.!！;；:：、]+|^(?:本人|员工|我)")


@check_kind("one-sided", OneSidedParams)
def check_one_sided(rule: Rule, params: OneSidedParams, ctx: CheckContext) -> list[Finding]:
    """The employee's own view must be in the record, in more than a placeholder or a word of assent."""
    key = rule.fields[0] if rule.fields else "employee_feedback"
    text = ctx.text(key)
    if not ctx.record.has(key):
        others = " ".join(ctx.text(k) for k in params.voice_fields)
        if any(m in others for m in params.voice_markers):
            return []
        case = "absent"
    elif not text.strip():
        case = "empty"
    elif ctx.is_placeholder(key):
        case = "placeholder"
    elif _filler().sub("", text) in {_filler().sub("", w) for w in params.assent_only}:
        case = "assent"
    else:
        return []
    stripped = text.strip()
    start = text.find(stripped) if stripped else 0
    state = params.states.get(case, case).format(text=stripped[:20])
    return [finding(rule, key, text, start, start + len(stripped), state=state, name=ctx.field_name(key))]
