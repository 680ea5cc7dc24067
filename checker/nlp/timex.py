"""Time expressions: dates, period ends, duration bounds, milestones, and words that are not deadlines.

Two users: plan-deadline asks "is there a time limit?", and vague-rating asks
"is there a specific time?" (6月, 上周, 双十一) as opposed to a generic one
(本季度, 一直以来). Numbers inside a time expression are not quantities.

Kinds: date (9月30日, 2024-09-30, 20号前), period (季度末, Q3, 下半年, 本学期末),
duration (两周内, 30天内), milestone (下次面谈前, 转正前, 期末考试前), and
none: 尽快/逐步/持续, a recurring time (每月5日前, 每天下班前) and a start
(下个月起) — none of which bounds the item.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from checker.nlp.lexicon import Lexicons
from checker.nlp.numbers import CN_DIGITS
from checker.nlp.prefilter import Alternation, compile_fast, pattern_atoms, word_atoms

_N = rf"(?:\d{{1,4}}|[{CN_DIGITS}]{{1,4}})"
_BEFORE = r"(?:之前|以前|前|为止|止|截止|内|之内|以内)"
_WEEKDAY = r"(?:周|星期|礼拜)[一二三四五六日天1-7]"

DATE_PATTERNS = [
    # 2024-09-30, 2024/9/30, 2024.9.30, 2024年9月30日(号)
    r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号]?",
    r"\d{4}\s*年\s*\d{1,2}\s*月(?:份|底|末|中旬|上旬|下旬|初)?",
    r"\d{4}\s*年(?:底|末|初|内|前)",
    # 9月30日, 9月底, 十月中旬, 12月15号
    rf"{_N}\s*月\s*{_N}\s*[日号]",
    rf"{_N}\s*月(?:份)?(?:底|末|中旬|上旬|下旬|初|中)",
    rf"{_N}\s*月份?(?=\s*{_BEFORE}|\s*(?:完成|前|底))",
    # 下月10号, 本月25日, 次月5日: a day of a month named relative to now
    rf"(?:下个?|本|这个?|次|当)月\s*{_N}\s*[日号]",
    # 20号前, 5日之前 (a day of the current month, only with a deadline word)
    rf"(?<![\d月{CN_DIGITS}])(?:\d{{1,2}}|[{CN_DIGITS}]{{1,3}})\s*[日号](?=\s*(?:之前|以前|前|为止|截止))",
    # 9.30前, 6.18前 (month.day only when a deadline word follows)
    r"(?<![\d.])\d{1,2}\.\d{1,2}(?=\s*" + _BEFORE + ")",
    # 下周五, 本周三前
    rf"(?<![{CN_DIGITS}\d每])(?:本|这|下|下个|这个)?{_WEEKDAY}(?!次)",
]
PERIOD_PATTERNS = [
    # 2024Q3, Q3末, H2, 第三季度(末)
    r"(?:\d{4}\s*年?\s*)?[Qq][1-4](?:末|底|结束)?",
    r"(?:\d{4}\s*年?\s*)?[Hh][12](?![\d])",
    rf"(?:今年|明年|本年|本年度|下年度)?第?{_N}季度(?:末|底|结束|内)?",
    # 本学期末, 下个季度末, 这个月底, 学年内: a named period, bounded or ended
    r"(?:本|这|这个|下|下个|下一|次|今|明|当|上半|下半)?"
    r"(?:学期|学年|财年|年度|季度|半年|月|周|年)(?:末|底|内|中|结束|之内|以内)",
    # a named term of employment or review, bounded: 试用期内, 实习期满前, 下一个考核周期内, 整改期结束前
    r"(?:本|这个?|下一?个?|当前|整个)?(?:考核|绩效|试用|实习|见习|观察|整改|培训|合同|聘用|聘任|带教|考察|辅导|改进|评估)"
    r"(?:期|周期)(?:内|之内|以内|满|末|结束)",
    # a stage of an onboarding or development schedule: 第3周, 第二个月, 第31到60天, 试用第三个月,
    # 工作第二到三年 (a stage bounds what is due in it)
    rf"(?:入职|试用期?|实习|工作|备考|带教期?|任职)?第\s*{_N}\s*(?:(?:到|至|-|~|—)\s*(?:第\s*)?{_N}\s*)?"
    r"(?:个)?\s*(?:天|日|周|星期|月|季度|年|学期|学年)(?:末|底|内|结束|时|之内|里)?",
    # the first N of a tenure: 入职头两年, 入职前30天, 入职首月, 备考头三个月, 头半年
    rf"(?:入职|到岗|上岗|工作|试用期?|备考|任职)(?:头|前|首)\s*(?:{_N}|半)?\s*(?:个)?\s*(?:天|日|周|星期|月|年|学期)"
    rf"|(?<![提目当])(?:头|首)\s*(?:{_N}|半)?\s*(?:个)?\s*(?:天|周|星期|月|年|学期)(?=\s*[,，内里]|\s*[\u4e00-\u9fff])",
    # a range of a schedule: 半年到一年内, 一到两个学期内, 入职一到三个月, 考前一到两个月, 工作三到八年里
    rf"(?:(?:入职|工作|到岗|考前|上岗)\s*)?(?:{_N}|半)\s*(?:个)?\s*(?:天|周|月|季度|年|学期)?\s*(?:到|至|-|~)\s*(?:{_N}|半)\s*(?:个)?\s*"
    r"(?:天|周|星期|月|季度|年|学期)(?:带教期|改进期|试用期)?(?:内|之内|以内|里|期间)",
    rf"(?:入职|工作|到岗|考前|上岗)\s*(?:{_N}|半)\s*(?:个)?\s*(?:天|周|月|季度|年|学期)?\s*(?:到|至|-|~)\s*(?:{_N}|半)\s*(?:个)?\s*"
    r"(?:天|周|星期|月|季度|年|学期)",
    # the next task or the first months as the item's span: 下一个任务里, 30天时, 前6个月
    r"下一?个?(?:任务|项目|迭代|版本|阶段)(?:里|中|内|前)",
    rf"(?<![每第])(?:{_N}|半)\s*(?:个)?\s*(?:天|周|星期|月)(?:时|的时候)",
    rf"(?:^|(?<=[,，:：;；\s]))前\s*(?:{_N}|半)\s*(?:个)?\s*(?:天|周|星期|月|年)",
    # a year or month named alone as the item's span: 2025年会员复购率…, 5月份组织一次…
    r"(?<![\d年])\d{4}\s*年(?![\d月])(?:内|度)?",
    rf"(?<![每\d{CN_DIGITS}])(?:\d{{1,2}}|[{CN_DIGITS}]{{1,3}})\s*月份",
    # the next N months/quarters from now: 接下来一个季度, 未来三个月, 今后半年
    rf"(?:接下来|未来|今后|此后|之后)的?\s*(?:{_N}|半)\s*(?:个)?\s*(?:天|周|星期|月|季度|年)",
    # a named work cycle, bounded: OKR周期内, 本迭代周期结束, 项目周期内 (not 每个周期内)
    r"(?<!每)(?<!每个)(?:[A-Za-z]{2,8}|迭代|项目|冲刺|本|当前|整个|这个?|下一?个?)[\u4e00-\u9fff]{0,4}?\s*周期(?:内|之内|以内|末|结束)",
]
DURATION_BOUND = compile_fast(
    # "用8周时间把…学完": the time allowed for the item
    rf"用\s*(?:{_N}|半)\s*(?:个)?\s*(?:天|周|星期|个月|月|季度|年)(?:时间|左右)?|"
    rf"(?:{_N}|半|几)\s*(?:个)?\s*(?:天|日|工作日|周|星期|个月|月|季度|年|小时)"
    r"(?:改进期|整改期|观察期|考察期|带教期|试用期)?(?:内|之内|以内|时间内|后)"
)
# A duration after a threshold verb is a target, not a deadline ("缩短到3天以内")
_TARGET_BEFORE = re.compile(
    r"(?:降到|降至|降低到|降低至|缩短到|缩短至|控制在|压缩到|压缩至|压到|缩到|不超过|保持在|提升到|提高到)\s*$"
)
# A bound counted from a trigger or in hours is a service standard of a recurring duty, not the item's
# deadline: "收到后24小时内学完", "两小时内响应", "了解需求后一个工作日内推送" (it stays a quantity)
_TRIGGER_TAIL = r"[^,，。;；]{0,12}?(?:后|的[,，])\s*$"
_SERVICE_UNIT = re.compile(r"小时|分钟")
# "开发前先写设计文档", "提测前先自测": a step before every such event, not a one-off deadline
_PROCEDURE_AFTER = re.compile(r"\s*(?:要|都|必须|务必)?先")
# "大促前两周定稿", "春节前三个月": N days/weeks/months before a named event
_AHEAD = re.compile(rf"\s*(?:{_N}|半)\s*(?:个)?\s*(?:天|周|星期|月)")
# "X前/之前/以前": a milestone before which the item is due (下次面谈前, 转正前, 618大促前)
MILESTONE_BEFORE = compile_fast(r"(?<=[\u4e00-\u9fffA-Za-z0-9])(?:之前|以前|前夕|前)")
# "X结束时", "转正时", "下次面谈时": the moment a named event ends or happens bounds the item too
MILESTONE_AT = compile_fast(
    r"(?<=[\u4e00-\u9fffA-Za-z0-9])(?:结束|完成|到期|期满|结项|验收|转正|面谈|复审|上线|开始)(?:时|之时|之际)"
)
# 前 that is not "before": 提前, 目前, 前三 (a rank), 前端, 前台 ...
_NOT_BEFORE_PREV = set("提目当眼面跟往向事生空从超领居靠最")
_NOT_BEFORE_NEXT = re.compile(
    rf"[{CN_DIGITS}\d名位端台期景沿列线身辈途程面后者行往卫]|进(?!一步)|排(?![查除定练])|提下|提条件"
)
_RECURRING = re.compile(
    r"每(?:个|一|两|[二三四五六七八九十]|\d)?(?:天|日|周|星期|月|季度|季|年|班|次|学期|批|单)[^\s,，。;；、]{0,8}$"
    # a named cycle after 每: "每个考核周期内", "每期培训结束时"
    r"|每(?:个|一)?[\u4e00-\u9fffA-Za-z]{0,4}?(?:周期|期)[^\s,，。;；、]{0,8}$"
    # a list of weekdays after 每周: "每周二、周四"
    r"|每(?:周|星期)[一二三四五六日天1-7](?:\s*[、和及与]\s*(?:周|星期)?[一二三四五六日天1-7])+$"
)
_START = re.compile(r"\s*(?:起|开始|以后|之后|以来)")
# Specific moments (for evidence in ratings): a month, last week, a named day.
SPECIFIC_TIME = compile_fast(
    rf"(?:{_N}\s*月(?:份)?(?:{_N}\s*[日号])?|上周|上个?月|上季度|去年|年初|年中|年底|春节|国庆|双十一|双11|双十二|双12|618|"
    # named holidays and seasons: 六一儿童节, 中秋, 黄金周, 暑假 (one occasion each year)
    r"元旦|五一|六一|七一|中秋|端午|清明|元宵|除夕|儿童节|劳动节|教师节|护士节|妇女节|圣诞|黄金周|暑假|寒假|暑期|"
    r"[Qq][1-4]|[Hh][12]|第[一二三四1-4]季度|周[一二三四五六日末]|昨天|前天|当天|当晚|凌晨|"
    r"\d{4}\s*年|\d{1,2}[:：]\d{2})"
)


class TimeExpr(NamedTuple):
    # a tuple: ~100 bytes a span instead of ~330 for a frozen dataclass with its __dict__ (the analysis
    # cache of a 100k-row export holds hundreds of thousands), and built faster
    kind: str  # date | period | duration | milestone | none
    start: int
    end: int
    text: str
    why: str = ""  # for none: "recurring" (每月5日前), "start" (下个月起) or "" (a word such as 尽快)


class TimeRecognizer:
    def __init__(self, lexicons: Lexicons):
        deadline = lexicons.get("deadline")
        self.dates = Alternation(DATE_PATTERNS)
        self.named_periods = Alternation(PERIOD_PATTERNS)
        self.periods = deadline.pattern("period")
        self.milestones = deadline.words("milestone")
        self.routine_events = tuple(deadline.words("routine_event"))
        self.non_deadlines = deadline.pattern("none")
        self._words = {"period": deadline.words("period"), "none": deadline.words("none")}
        triggers = "|".join(map(re.escape, deadline.words("trigger"))) or "(?!)"
        self.trigger_before = re.compile(rf"(?:{triggers}){_TRIGGER_TAIL}")

    def needs(self) -> list[list[frozenset[str]]]:
        """What the matches of each pattern hold (prefilter atoms), in the order of find()'s `may`
        bits: the date alternatives, the period alternatives, the period words, the duration
        bounds, the milestones before and at an event, the non-deadline words."""

        def words(pattern: re.Pattern | None, tag: str) -> list[frozenset[str]]:
            return word_atoms(self._words[tag], pattern.flags) if pattern is not None else []

        return [
            *self.dates.needs(),
            *self.named_periods.needs(),
            words(self.periods, "period"),
            *(pattern_atoms(p) for p in (DURATION_BOUND, MILESTONE_BEFORE, MILESTONE_AT)),
            words(self.non_deadlines, "none"),
        ]

    def find(self, text: str, may: int | None = None) -> list[TimeExpr]:
        """The time expressions of a text; `may`: which patterns may match it (bits in the order
        of needs(), from a scan of the text), None for all. A pattern that cannot match finds nothing."""
        may = -1 if may is None else may  # -1: every bit set
        at = self.dates.count + self.named_periods.count  # the bits of the single patterns
        found: list[TimeExpr] = []
        self._add(found, "date", self.dates.finditer(text, may))
        self._add(found, "period", self.named_periods.finditer(text, may >> self.dates.count))
        for m in DURATION_BOUND.finditer(text) if may >> at + 1 & 1 else ():
            if _TARGET_BEFORE.search(text[: m.start()]):
                continue
            clause_head = re.split(r"[。；;!！?？]", text[: m.start()])[-1]
            if _SERVICE_UNIT.search(m.group()) or self.trigger_before.search(clause_head):
                self._push(found, TimeExpr("none", m.start(), m.end(), m.group(), "standard"))
            else:
                self._push(found, TimeExpr("duration", m.start(), m.end(), m.group()))
        if self.periods is not None and may >> at & 1:
            self._add(found, "period", self.periods.finditer(text))
        for m in MILESTONE_BEFORE.finditer(text) if may >> at + 2 & 1 else ():
            if any(t.end == m.start() for t in found):
                continue  # "9月30日前", "Q3末前": the date or period is the limit
            expr = self._milestone(text, m)
            if expr is not None:
                self._push(found, expr)
        for m in MILESTONE_AT.finditer(text) if may >> at + 3 & 1 else ():
            start = self._milestone_start(text, m.start())
            self._push(found, TimeExpr("milestone", start, m.end(), text[start : m.end()]))
        found = [self._bounding(text, t) for t in found]
        if self.non_deadlines is not None and may >> at + 4 & 1:
            self._add(found, "none", self.non_deadlines.finditer(text))
        return sorted(found, key=lambda t: t.start)

    def deadlines(self, text: str) -> list[TimeExpr]:
        return [t for t in self.find(text) if t.kind != "none"]

    def _milestone(self, text: str, m: re.Match) -> TimeExpr | None:
        """ "年审前", "期末考试前", "双11前": an event or moment followed by 前; None for 提前, 前三 ..."""
        prev = text[m.start() - 1]
        nxt = text[m.end() : m.end() + 3]
        ahead = _AHEAD.match(text, m.end())
        if m.group() == "前" and prev not in _NOT_BEFORE_PREV and ahead:
            start = self._milestone_start(text, m.start())
            return TimeExpr("milestone", start, ahead.end(), text[start : ahead.end()])
        if m.group() == "前" and (prev in _NOT_BEFORE_PREV or _NOT_BEFORE_NEXT.match(nxt)):
            return None
        routine = next((w for w in self.routine_events if text[: m.end()].endswith(w)), None)
        if routine:  # "餐前餐后", "每天下班前": before a routine event, it recurs with it
            return TimeExpr("none", m.end() - len(routine), m.end(), routine, "routine")
        if _PROCEDURE_AFTER.match(text, m.end()):
            start = self._milestone_start(text, m.start())
            return TimeExpr("none", start, m.end(), text[start : m.end()], "procedure")
        if m.group() == "以前" and prev in "比不如":
            return None
        start = self._milestone_start(text, m.start())
        return TimeExpr("milestone", start, m.end(), text[start : m.end()])

    def _milestone_start(self, text: str, end: int) -> int:
        """Where the event named before 前 begins: a known milestone word or up to 4 characters,
        with a code or number glued to it (618大促前, 双11前, V2.0上线前)."""
        head = text[:end]
        word = next((w for w in self.milestones if head.endswith(w)), None)
        start = end - len(word) if word else re.search(r"[\u4e00-\u9fff]{0,4}$", head).start()
        glued = re.search(r"[A-Za-z0-9.]*$", head[:start])
        return glued.start() if glued else start

    @staticmethod
    def _bounding(text: str, expr: TimeExpr) -> TimeExpr:
        """A time that recurs (每月5日前) or starts something (下个月起) does not bound the item."""
        if (
            _RECURRING.search(text[max(0, expr.start - 6) : expr.end])
            or text[expr.start - 1 : expr.start] == "每"
        ):
            return TimeExpr("none", expr.start, expr.end, expr.text, "recurring")
        stage_begins = expr.text.startswith("第") and text[expr.end :].lstrip().startswith("开始")
        if expr.kind in ("date", "period") and _START.match(text[expr.end :]) and not stage_begins:
            return TimeExpr("none", expr.start, expr.end, expr.text, "start")
        return expr

    @staticmethod
    def _add(found: list[TimeExpr], kind: str, matches: Iterable[re.Match]) -> None:
        for m in matches:
            if m.end() > m.start():
                TimeRecognizer._push(found, TimeExpr(kind, m.start(), m.end(), m.group()))

    @staticmethod
    def _push(found: list[TimeExpr], expr: TimeExpr) -> None:
        for other in list(found):
            if expr.start < other.end and other.start < expr.end:
                if expr.end - expr.start <= other.end - other.start:
                    return
                found.remove(other)
        found.append(expr)


def extend_with_before(text: str, expr: TimeExpr) -> TimeExpr:
    """'9月30日' + following '前/之前/以内' as one span, for messages and highlighting."""
    m = re.match(rf"\s*{_BEFORE}", text[expr.end :])
    if m:
        return TimeExpr(expr.kind, expr.start, expr.end + m.end(), text[expr.start : expr.end + m.end()])
    return expr
