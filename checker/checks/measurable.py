"""plan-measurable: an improvement item with no measurable standard (plan-no-quantity)."""

from __future__ import annotations

from checker.checks.base import CheckContext, NoParams, Rule, check_kind, finding
from checker.model import Finding


@check_kind("plan-measurable", NoParams, field_scoped=True)
def check_measurable(rule: Rule, params: NoParams, ctx: CheckContext) -> list[Finding]:
    """Each plan item needs a number, frequency, percentage, rank, threshold or a verifiable outcome."""
    out = []
    for key, text, point, analysis in ctx.analysed_points(rule.fields):
        if analysis.quantities or analysis.criteria:
            continue
        verb = analysis.directions[0].text if analysis.directions else ""
        out.append(finding(rule, key, text, point.start, point.end, item=point.text, verb=verb or "改进"))
    return out
