"""needs-evidence: a judgement of the employee with no concrete case in the same point (vague-rating)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from checker.checks.base import CheckContext, Rule, check_kind, finding
from checker.model import Finding


class EvidenceParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    # a point this long with a judgement is still checked; shorter texts are too
    max_judgements_listed: int = 3


@check_kind("needs-evidence", EvidenceParams, field_scoped=True)
def check_evidence(rule: Rule, params: EvidenceParams, ctx: CheckContext) -> list[Finding]:
    """Each point that judges (能力强, 积极, 有待提高) must give an event, number, date or observed behaviour."""
    out = []
    for key in rule.fields:
        if ctx.is_placeholder(key):
            continue
        text = ctx.text(key)
        for point in ctx.points(key):
            analysis = ctx.analyzer.analyze(point.text)
            if not analysis.judgements or analysis.evidence:
                continue
            first, last = analysis.judgements[0], analysis.judgements[-1]
            start, end = point.start + first.start, point.start + last.end
            words = "、".join(
                dict.fromkeys(h.text for h in analysis.judgements[: params.max_judgements_listed])
            )
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
