"""plan-measurable: an improvement item with no measurable standard (plan-no-quantity)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.base import CheckContext, Rule, check_kind, finding
from checker.model import Finding


class MeasurableParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    # an example item per job family (tags of lexicons/job_families.txt) and a default
    examples: dict[str, str] = Field(default_factory=dict)


@check_kind("plan-measurable", MeasurableParams)
def check_measurable(rule: Rule, params: MeasurableParams, ctx: CheckContext) -> list[Finding]:
    """Each plan item needs a number, frequency, percentage, rank, threshold or a verifiable outcome."""
    out = []
    example = params.examples.get(ctx.job_family(), params.examples.get("default", ""))
    for key, text, point, analysis in ctx.analysed_points(rule.fields):
        if analysis.quantities or analysis.criteria:
            continue
        verb = analysis.directions[0].text if analysis.directions else ""
        out.append(
            finding(
                rule, key, text, point.start, point.end, item=point.text, verb=verb or "改进", example=example
            )
        )
    return out
