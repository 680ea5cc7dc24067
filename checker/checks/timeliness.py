"""timeliness: the record was written more than N hours after the interview."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from checker.checks.base import CheckContext, Rule, check_kind, finding
from checker.model import Finding
from checker.nlp.datetimes import hours_late


class TimelinessParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    max_hours: float = 24
    interview_field: str = "interview_time"


@check_kind("timeliness", TimelinessParams)
def check_timeliness(rule: Rule, params: TimelinessParams, ctx: CheckContext) -> list[Finding]:
    """Compares the record date (field in scope) with the interview time."""
    key = rule.fields[0] if rule.fields else "record_date"
    written = ctx.text(key)
    talk = ctx.text(params.interview_field)
    if ctx.is_placeholder(key) or ctx.is_placeholder(params.interview_field):
        return []
    late, gap = hours_late(talk, written, params.max_hours)
    if not late:
        return []
    days = f"{round(gap / 24, 1):g}" if gap is not None else "?"  # 约3天, 约2.5天: no useless ".0"
    return [
        finding(
            rule,
            key,
            written,
            0,
            len(written),
            interview=talk.strip(),
            record=written.strip(),
            hours=f"{gap:.0f}" if gap is not None else "?",
            days=days,
            max_hours=f"{params.max_hours:g}",
        )
    ]
