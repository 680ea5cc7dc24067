"""needs-evidence: a judgement of the employee with no concrete case in the same point (vague-rating)."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.base import CheckContext, Rule, check_kind, finding
from checker.model import Finding

# judgement words this close, with nothing but characters between, are one phrase of the document
_JOINABLE_GAP = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{0,2}")


class EvidenceParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    # how many judgement phrases the message quotes
    max_judgements_listed: int = 3
    # advice by what the point is: praise, criticism, or an indicator's result (kpi)
    advice: dict[str, str] = Field(default_factory=dict)


@check_kind("needs-evidence", EvidenceParams)
def check_evidence(rule: Rule, params: EvidenceParams, ctx: CheckContext) -> list[Finding]:
    """Each point that judges (能力强, 积极, 有待提高) must give an event, number, date or observed behaviour."""
    out = []
    for key, text, point, analysis in ctx.analysed_points(rule.fields):
        if not analysis.judgements or analysis.evidence:
            continue
        first, last = analysis.judgements[0], analysis.judgements[-1]
        start, end = point.start + first.start, point.start + last.end
        quotes = quoted_phrases(point.text, analysis.judgements)[: params.max_judgements_listed]
        out.append(
            finding(
                rule,
                key,
                text,
                start,
                end,
                judgement=text[start:end],
                words="」「".join(quotes),
                advice=_advice(params, key, analysis.judgements),
                name=ctx.field_name(key),
            )
        )
    return out


def quoted_phrases(text: str, hits) -> list[str]:
    """The judgement words as they stand in the document: neighbours joined ("沟通不够主动", not
    "沟通不够、主动"), so a manager can search for every quote."""
    spans: list[list[int]] = []
    for hit in sorted(hits, key=lambda h: h.start):
        if spans and hit.start >= spans[-1][1] and _JOINABLE_GAP.fullmatch(text[spans[-1][1] : hit.start]):
            spans[-1][1] = max(spans[-1][1], hit.end)
        else:
            spans.append([hit.start, hit.end])
    return list(dict.fromkeys(text[a:b] for a, b in spans))


def _advice(params: EvidenceParams, key: str, hits) -> str:
    if key == "kpi_result" and "kpi" in params.advice:
        return params.advice["kpi"]
    tone = "criticism" if any(h.polarity == "criticism" for h in hits) else "praise"
    return params.advice.get(tone, "")
