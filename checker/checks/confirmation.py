"""confirmation: no sign that the employee confirmed the record (signature, tick, 已确认)."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.base import CheckContext, Rule, check_kind, finding, is_placeholder
from checker.model import Finding
from checker.nlp.checkboxes import UNTICKED, has_boxes, ticked_options


class ConfirmationParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    # also read these keys when the confirmation field itself is absent (a joint signature line)
    fallback_fields: list[str] = Field(default_factory=lambda: ["signatures"])
    refusal: str = r"不同意|拒绝签字|拒签|不确认|未确认|不认可"


def confirmation_state(text: str, ctx: CheckContext, params: ConfirmationParams) -> str | None:
    """None when confirmed, else a short reason."""
    if is_placeholder(text, ctx.settings):
        return "员工签字栏为空" if not text.strip() else f"员工确认栏只有占位内容「{text.strip()[:10]}」"
    ticked = ticked_options(text)
    boxes = has_boxes(text)
    if re.search(params.refusal, " ".join(ticked) if boxes else text):
        return "员工明确表示不确认"
    if ticked:
        return None
    if boxes:
        # "本人已阅读并确认以上内容 □": boxes but none ticked; only a name or a date beside them confirms
        rest = UNTICKED.sub(" ", text)
        if not re.search(r"\d|[\u4e00-\u9fff]{2,4}\s*$", _STATEMENT.sub("", rest).strip()):
            return "确认框未勾选"
    return None


_STATEMENT = re.compile(
    r"(本人)?(已)?(阅读|阅|知悉|了解|认可|同意|确认|不同意|无异议|有异议)+(并|且)?(确认|同意)?(以上|上述)?(面谈)?(内容|记录|结果)*(属实|无误)?"
)


@check_kind("confirmation", ConfirmationParams)
def check_confirmation(rule: Rule, params: ConfirmationParams, ctx: CheckContext) -> list[Finding]:
    """The employee confirmation must show a name, a tick or 已确认."""
    key = rule.fields[0] if rule.fields else "employee_confirmation"
    text = ctx.text(key)
    if not ctx.record.has(key):
        for other in params.fallback_fields:
            if ctx.record.has(other) and not is_placeholder(ctx.text(other), ctx.settings):
                return []
    state = confirmation_state(text, ctx, params)
    if state is None:
        return []
    return [finding(rule, key, text, 0, len(text), state=state)]
