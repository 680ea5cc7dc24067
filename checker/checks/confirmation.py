"""confirmation: no sign that the employee confirmed the record (signature, tick, 已确认)."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.base import CheckContext, Rule, check_kind, finding, is_placeholder
from checker.model import Finding

TICKED = re.compile(r"[☑☒■√✓✔✅]|\[[xX√]\]|【[xX√]】|\([xX√]\)")
UNTICKED = re.compile(r"[□☐○◯]|\[\s*\]|【\s*】")


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
    has_boxes = bool(TICKED.search(text) or UNTICKED.search(text))
    if re.search(params.refusal, " ".join(ticked) if has_boxes else text):
        return "员工明确表示不确认"
    if ticked:
        return None
    if has_boxes:
        remainder = re.sub(r"(同意|确认|不同意|已阅|本人|以上|内容|记录|属实|签字|日期|[:：\s/])", "", UNTICKED.sub("", text))
        if not remainder:
            return "确认框未勾选"
    return None


def ticked_options(text: str) -> list[str]:
    """The option texts that follow a ticked box: "☑同意 □不同意" -> ["同意"]."""
    marks = list(TICKED.finditer(text)) + list(UNTICKED.finditer(text))
    marks.sort(key=lambda m: m.start())
    out = []
    for i, m in enumerate(marks):
        if TICKED.fullmatch(m.group()):
            end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
            out.append(text[m.end() : end].strip())
    return out


@check_kind("confirmation", ConfirmationParams, field_scoped=True)
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
