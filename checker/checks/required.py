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


@check_kind("required-field", RequiredParams, field_scoped=True)
def check_required(rule: Rule, params: RequiredParams, ctx: CheckContext) -> list[Finding]:
    """Each field in scope must be present and hold more than a placeholder."""
    out = []
    for key in rule.fields:
        text = ctx.text(key)
        if not ctx.is_placeholder(key) or _none_is_an_answer(key, text, params, ctx):
            continue
        state = "未填写" if not text.strip() else f"只填了占位内容「{text.strip()[:20]}」"
        if not ctx.record.has(key):
            state = "模板中没有这一项"
        out.append(finding(rule, key, text, 0, len(text), name=ctx.field_name(key), state=state))
    return out


def _none_is_an_answer(key: str, text: str, params: RequiredParams, ctx: CheckContext) -> bool:
    condition = params.none_allowed_when.get(key)
    if not condition or re.sub(r"\s+", "", text) not in params.none_words:
        return False
    other, pattern = condition
    return bool(re.search(pattern, ctx.text(other)))
