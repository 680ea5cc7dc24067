"""plan-deadline: an improvement item with no time limit (plan-no-deadline)."""

from __future__ import annotations

from checker.checks.base import CheckContext, NoParams, Rule, check_kind, finding
from checker.model import Finding


@check_kind("plan-deadline", NoParams, field_scoped=True)
def check_deadline(rule: Rule, params: NoParams, ctx: CheckContext) -> list[Finding]:
    """Each plan item needs a date, a period end, a 'within N days' bound or a milestone; 尽快/逐步/持续 are not."""
    out = []
    for key, text, point, analysis in ctx.analysed_points(rule.fields):
        if analysis.deadlines:
            continue
        vague_time = analysis.non_deadlines[0].text if analysis.non_deadlines else ""
        hint = f"「{vague_time}」不是期限," if vague_time else ""
        out.append(finding(rule, key, text, point.start, point.end, item=point.text, hint=hint))
    return out
