"""Reading the interview time and the record date as real moments (for late-record).

Formats seen in records: 2024-06-03 15:00, 2024年6月3日 15:00, 2024/6/3 下午3点,
6.3, 6月3日, Excel dates (already YYYY-MM-DD[ HH:MM] after intake), ranges
"14:00-15:00", "下午3点-4点半".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_CN = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}

_DATE = re.compile(r"(?:(?P<y>\d{4})\s*[-/.年]\s*)?(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*[日号]?")
_TIME = re.compile(
    r"(?P<ampm>上午|早上|中午|下午|晚上|傍晚)?\s*(?P<h>\d{1,2}|[一二两三四五六七八九十]{1,3})\s*(?:[:：点时])\s*"
    r"(?P<mi>\d{1,2}|半|一刻|三刻)?(?:分)?"
)


@dataclass(frozen=True)
class Moment:
    start: dt.datetime
    end: dt.datetime
    has_time: bool


def _num(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text.startswith("十"):
        return 10 + (_CN.get(text[1:], 0) if len(text) > 1 else 0)
    if "十" in text:
        a, _, b = text.partition("十")
        return _CN.get(a, 0) * 10 + (_CN.get(b, 0) if b else 0)
    return _CN.get(text, 0)


def _clock(m: re.Match, pm_default: bool = False) -> tuple[int, int]:
    hour = _num(m.group("h"))
    minute_text = m.group("mi") or "0"
    minute = {"半": 30, "一刻": 15, "三刻": 45}.get(minute_text) or (
        int(minute_text) if minute_text.isdigit() else 0
    )
    ampm = m.group("ampm")
    if (ampm in ("下午", "晚上", "傍晚") or (ampm is None and pm_default)) and hour < 12:
        hour += 12
    if ampm == "中午" and hour < 6:
        hour += 12
    return min(hour, 23), min(minute, 59)


def parse_moment(text: str, default_year: int | None = None) -> Moment | None:
    """The first date in text with its time (or time range); None when there is no date."""
    if not text:
        return None
    m = _DATE.search(text)
    if not m:
        return None
    year = int(m.group("y")) if m.group("y") else default_year
    if year is None:
        return None
    try:
        day = dt.date(year, int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None
    rest = text[m.end() :]
    times = list(_TIME.finditer(rest))
    if not times:
        start = dt.datetime.combine(day, dt.time())
        return Moment(start, start, False)
    h, mi = _clock(times[0])
    start = dt.datetime.combine(day, dt.time(h, mi))
    end = start
    range_m = re.match(r"\s*[-~～至到—]+\s*", rest[times[0].end() :])
    if range_m and len(times) > 1:
        pm = times[0].group("ampm") in ("下午", "晚上", "傍晚")
        h2, mi2 = _clock(times[1], pm_default=pm)
        end = dt.datetime.combine(day, dt.time(h2, mi2))
        if end < start:
            end = start
    return Moment(start, end, True)


def year_of(text: str) -> int | None:
    m = re.search(r"(\d{4})\s*[-/.年]", text or "")
    return int(m.group(1)) if m else None


def hours_late(interview: str, record: str, max_hours: float) -> tuple[bool, float | None]:
    """(late?, hours between) — late only when certain; a missing time of day is read generously."""
    # with no year anywhere ("6.3" / "6.6"), any one year serves for the difference; 2000 has a 29 February
    year = year_of(interview) or year_of(record) or 2000
    talk = parse_moment(interview, year)
    written = parse_moment(record, talk.start.year if talk else year)
    if talk is None or written is None:
        return False, None
    if talk.has_time and written.has_time:
        gap = (written.start - talk.end).total_seconds() / 3600
        return gap > max_hours, gap
    # Without a time of day, only whole days are known: count the record as late
    # when even the latest talk time and the earliest record time are too far apart.
    days = (written.start.date() - talk.start.date()).days
    earliest_gap = days * 24 - 24 if days > 0 else 0
    return earliest_gap > max_hours - 24 and days * 24 > max_hours, days * 24.0
