"""Time expressions: dates, period ends, duration bounds, milestones, and words that are not deadlines.

Two users: plan-deadline asks "is there a time limit?", and vague-rating asks
"is there a specific time?" (6月, 上周, 双十一) as opposed to a generic one
(本季度, 一直以来). Numbers inside a time expression are not quantities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.nlp.lexicon import Lexicons
from checker.nlp.numbers import CN_DIGITS

_N = rf"(?:\d{{1,4}}|[{CN_DIGITS}]{{1,4}})"
_BEFORE = r"(?:之前|以前|前|为止|止|截止|内|之内|以内)"

DATE_PATTERNS = [
    # 2024-09-30, 2024/9/30, 2024.9.30, 2024年9月30日(号)
    r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号]?",
    r"\d{4}\s*年\s*\d{1,2}\s*月(?:份|底|末|中旬|上旬|下旬|初)?",
    r"\d{4}\s*年(?:底|末|初|内|前)",
    # 9月30日, 9月底, 十月中旬, 12月15号
    rf"{_N}\s*月\s*{_N}\s*[日号]",
    rf"{_N}\s*月(?:份)?(?:底|末|中旬|上旬|下旬|初|中)",
    rf"{_N}\s*月份?(?=\s*{_BEFORE}|\s*(?:完成|前|底))",
    # 9.30前, 6.18前 (month.day only when a deadline word follows)
    r"(?<![\d.])\d{1,2}\.\d{1,2}(?=\s*" + _BEFORE + ")",
    # 2024Q3, Q3末, H2, 第三季度(末)
    r"(?:\d{4}\s*年?\s*)?[Qq][1-4](?:末|底|结束)?",
    r"(?:\d{4}\s*年?\s*)?[Hh][12](?![\d])",
    rf"(?:今年|明年|本年|本年度|下年度)?第?{_N}季度(?:末|底|结束|内)?",
]
DURATION_BOUND = re.compile(
    rf"(?:{_N}|半|几)\s*(?:个)?\s*(?:天|日|工作日|周|星期|个月|月|季度|年|小时)(?:内|之内|以内|时间内|后)"
)
# "X前/之前/以前": a milestone before which the item is due (下次面谈前, 转正前, 618大促前)
MILESTONE_BEFORE = re.compile(r"([\u4e00-\u9fffA-Za-z0-9]{1,10}?)(?:之前|以前|前夕|前)")
# Specific moments (for evidence in ratings): a month, last week, a named day.
SPECIFIC_TIME = re.compile(
    rf"(?:{_N}\s*月(?:份)?(?:{_N}\s*[日号])?|上周|上个?月|上季度|去年|年初|年中|年底|春节|国庆|双十一|双11|618|"
    r"[Qq][1-4]|[Hh][12]|第[一二三四1-4]季度|周[一二三四五六日末]|昨天|前天|当天|当晚|凌晨|"
    r"\d{4}\s*年|\d{1,2}[:：]\d{2})"
)


@dataclass(frozen=True)
class TimeExpr:
    kind: str  # date | period | duration | milestone | none
    start: int
    end: int
    text: str


class TimeRecognizer:
    def __init__(self, lexicons: Lexicons):
        deadline = lexicons.get("deadline")
        self.dates = re.compile("|".join(f"(?:{p})" for p in DATE_PATTERNS))
        self.periods = deadline.pattern("period")
        self.milestones = set(deadline.words("milestone"))
        self.non_deadlines = deadline.pattern("none")

    def find(self, text: str) -> list[TimeExpr]:
        found: list[TimeExpr] = []
        self._add(found, "date", self.dates, text)
        self._add(found, "duration", DURATION_BOUND, text)
        if self.periods is not None:
            self._add(found, "period", self.periods, text)
        for m in MILESTONE_BEFORE.finditer(text):
            if self._is_milestone(text, m):
                self._push(found, TimeExpr("milestone", m.start(), m.end(), m.group()))
        if self.non_deadlines is not None:
            self._add(found, "none", self.non_deadlines, text)
        return sorted(found, key=lambda t: t.start)

    def deadlines(self, text: str) -> list[TimeExpr]:
        return [t for t in self.find(text) if t.kind != "none"]

    def _is_milestone(self, text: str, m: re.Match) -> bool:
        before = m.group(1)
        # 提前, 目前, 之前 as a word (not after an event), 面前 ... are not milestones
        if text[m.start(1) : m.end()].endswith(
            ("提前", "目前", "当前", "眼前", "面前", "跟前", "往前", "向前", "以前的")
        ):
            return False
        return any(before.endswith(ms) for ms in self.milestones) or bool(
            re.search(r"(?:结束|完成|开始|上线|发布|验收|截止|评审|考核|开学|放假|大促|会议|答辩)$", before)
        )

    @staticmethod
    def _add(found: list[TimeExpr], kind: str, pattern: re.Pattern, text: str) -> None:
        for m in pattern.finditer(text):
            if m.end() > m.start():
                TimeRecognizer._push(found, TimeExpr(kind, m.start(), m.end(), m.group()))

    @staticmethod
    def _push(found: list[TimeExpr], expr: TimeExpr) -> None:
        for other in found:
            if expr.start < other.end and other.start < expr.end:
                if expr.end - expr.start <= other.end - other.start:
                    return
                found.remove(other)
                break
        found.append(expr)


def extend_with_before(text: str, expr: TimeExpr) -> TimeExpr:
    """'9月30日' + following '前/之前/以内' as one span, for messages and highlighting."""
    m = re.match(rf"\s*{_BEFORE}", text[expr.end :])
    if m:
        return TimeExpr(expr.kind, expr.start, expr.end + m.end(), text[expr.start : expr.end + m.end()])
    return expr
