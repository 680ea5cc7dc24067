"""duration-range: how long the talk lasted, from the duration field or the interview time range,
outside the minutes the policy asks for (45-60: "太短聊不透,太长容易疲劳")."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.base import CheckContext, Rule, check_kind, finding
from checker.model import Finding
from checker.nlp.datetimes import parse_moment

_CN_NUM = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_NUM = r"(?:\d+(?:\.\d+)?|[零一二两三四五六七八九十]{1,3}|半)"
# "90分钟", "1小时20分", "一个半小时", "1.5h", "45min", "约50分钟": one length (a range "40-50分钟"
# is read at its ends). Units are the syntax of a length, not vocabulary.
_LENGTH = re.compile(
    rf"(?P<h>{_NUM})\s*(?:个)?\s*(?P<half>半)?\s*(?:小时|钟头|h\b|hr|hours?)(?:\s*(?P<hm>{_NUM})\s*(?:分钟|分|min))?"
    rf"|(?P<m>{_NUM})\s*(?:分钟|分|min|mins|minutes?)(?!(?-i:[\u4e00-\u9fff])*(?:之内|以内))",
    re.IGNORECASE,  # for h/min; ideographs have no case, and a CJK range folded for case costs ~15 ms to compile
)
_RANGE_UNIT = re.compile(rf"(?P<a>{_NUM})\s*(?:-|~|～|至|到|—)\s*(?=(?P<b>{_NUM})\s*(?:分钟|分|min|小时))")
# a clock range inside the interview time: "14:00-14:20", "下午3点-4点半"
_AMPM = r"(?:(?:上午|早上|中午|下午|晚上|傍晚)\s*)?"
_CLOCK = rf"{_AMPM}\d{{1,2}}\s*[:：点时]\s*(?:\d{{1,2}}|半|一刻|三刻)?\s*分?"
_CLOCK_RANGE = re.compile(rf"{_CLOCK}\s*[-~～至到—]+\s*{_CLOCK}")


class DurationParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    min_minutes: float | None = 45  # None: no lower bound
    max_minutes: float | None = 60  # None: no upper bound
    duration_field: str = "duration"
    time_field: str = "interview_time"
    # {state} of the message per case
    states: dict[str, str] = Field(default_factory=dict)


def _num(text: str) -> float:
    if text == "半":
        return 0.5
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    if "十" in text:
        head, _, tail = text.partition("十")
        return (_CN_NUM.get(head, 1) if head else 1) * 10 + (_CN_NUM.get(tail, 0) if tail else 0)
    return float(_CN_NUM.get(text, 0))


def minutes_in(text: str) -> tuple[float, int, int] | None:
    """(minutes, start, end) of the first length of time in a duration field."""
    m = _LENGTH.search(text)
    if not m:
        return None
    if m.group("h"):
        minutes = _num(m.group("h")) * 60 + (30 if m.group("half") else 0)
        if m.group("hm"):
            minutes += _num(m.group("hm"))
    else:
        minutes = _num(m.group("m"))
    start = m.start()
    ranged = None
    for r in _RANGE_UNIT.finditer(text, 0, m.end()):
        if r.end() == m.start():
            ranged = r
    if ranged is not None:  # "40-50分钟": the midpoint stands for the talk
        low = _num(ranged.group("a")) * (60 if m.group("h") else 1)
        minutes = (low + minutes) / 2
        start = ranged.start()
    return minutes, start, m.end()


def minutes_between(text: str) -> tuple[float, int, int] | None:
    """(minutes, start, end) of a clock range in the interview time ("14:00-14:20")."""
    m = _CLOCK_RANGE.search(text)
    if not m:
        return None
    moment = parse_moment("2000-01-01 " + m.group())
    if moment is None or not moment.has_time or moment.end <= moment.start:
        return None
    return (moment.end - moment.start).total_seconds() / 60, m.start(), m.end()


@check_kind("duration-range", DurationParams)
def check_duration(rule: Rule, params: DurationParams, ctx: CheckContext) -> list[Finding]:
    """The talk's length (duration field, else the interview time range) must be within the bounds."""
    found = None
    for key, read in ((params.duration_field, minutes_in), (params.time_field, minutes_between)):
        if ctx.is_placeholder(key):
            continue
        found = read(ctx.text(key))
        if found is not None:
            break
    if found is None:
        return []
    minutes, start, end = found
    low, high = params.min_minutes, params.max_minutes
    if low is not None and minutes < low:
        state = params.states.get("short", "short")
    elif high is not None and minutes > high:
        state = params.states.get("long", "long")
    else:
        return []
    text = ctx.text(key)
    bounds = (
        f"{low:g}–{high:g}"
        if low is not None and high is not None
        else (f"不少于{low:g}" if low is not None else f"不超过{high:g}")
    )
    return [
        finding(
            rule,
            key,
            text,
            start,
            end,
            minutes=f"{minutes:g}",
            state=state,
            bounds=bounds,
            name=ctx.field_name(key),
        )
    ]
