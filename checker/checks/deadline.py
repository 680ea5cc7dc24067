"""plan-deadline: an improvement item with no time limit (plan-no-deadline)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.base import CheckContext, Rule, check_kind, finding
from checker.model import Finding


class DeadlineParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    # advice for an item with no time at all (default) and for a routine (每周1次…: routine)
    advice: dict[str, str] = Field(default_factory=dict)


@check_kind("plan-deadline", DeadlineParams)
def check_deadline(rule: Rule, params: DeadlineParams, ctx: CheckContext) -> list[Finding]:
    """Each plan item needs a date, a period end, a 'within N days' bound or a milestone; 尽快/逐步/持续 are not."""
    out = []
    for key, text, point, analysis in ctx.analysed_points(rule.fields):
        if analysis.deadlines:
            continue
        vague_time = next((t.text for t in analysis.non_deadlines if not t.why), "")
        hint = f"「{vague_time}」不是期限," if vague_time else ""
        routine = any(q.kind == "frequency" for q in analysis.quantities) or any(
            t.why in ("recurring", "routine") for t in analysis.non_deadlines
        )
        advice = params.advice.get("routine" if routine else "default", params.advice.get("default", ""))
        out.append(finding(rule, key, text, point.start, point.end, item=point.text, hint=hint, advice=advice))
    return out
