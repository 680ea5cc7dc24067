"""needs-evidence: a judgement of the employee with no concrete case in the same point (vague-rating)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from checker.checks.base import CheckContext, Rule, check_kind, finding
from checker.model import Finding


class EvidenceParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    # how many judgement words the message names
    max_judgements_listed: int = 3


@check_kind("needs-evidence", EvidenceParams, field_scoped=True)
def check_evidence(rule: Rule, params: EvidenceParams, ctx: CheckContext) -> list[Finding]:
    """Each point that judges (能力强, 积极, 有待提高) must give an event, number, date or observed behaviour."""
    out = []
    for key, text, point, analysis in ctx.analysed_points(rule.fields):
        if not analysis.judgements or analysis.evidence:
            continue
        first, last = analysis.judgements[0], analysis.judgements[-1]
        start, end = point.start + first.start, point.start + last.end
        words = "、".join(dict.fromkeys(h.text for h in analysis.judgements[: params.max_judgements_listed]))
        out.append(
            finding(
                rule,
                key,
                text,
                start,
                end,
                judgement=text[start:end],
                words=words,
                name=ctx.field_name(key),
            )
        )
    return out
