"""Verifiable acceptance criteria of an improvement item (plan-no-quantity), besides numbers.

- an outcome word that counts on its own: 合格, 达标, 零差错, 减半 (measurable.txt, tag outcome);
- doing something on one's own: 独立完成可行性分析, 能独立承担夜班工作;
- a delivering or obtaining verb with a deliverable after it in the same clause:
  通过…考试, 取得…证书, 考取叉车操作证, 提交…方案, 上线…功能 (tags verb and noun),
  or before it as "把 + deliverable": 把排班表报给护士长;
- a bound without a number: 控制在预算以内, 达到部门平均产能;
- a material made complete (把台账补充完整) or a title obtained (评上主管药师).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from checker.nlp.lexicon import Lexicons
from checker.nlp.prefilter import compile_fast, pattern_atoms, word_atoms

_CLAUSE = re.compile(r"[^。；;,，!！?？]+")
_ALONE = re.compile(r"独立(?=[\u4e00-\u9fff])")
_BOUND = compile_fast(
    r"(?:控制在|不超过|不高于|不低于|不少于|低于|高于|保持在)[^,，。;；]{1,12}?(?:以内|以下|以上|之内|范围内)"
)
_MEANS = re.compile(r"(?:学习|培训|参加|参与|阅读|实践|自学|观摩|请教|向|与|和|对|多|不断|加强|持续)")
# one-character deliverables: "证" (操作证, 上岗证) but not 保证, 验证, 论证, 证明;
# "表" (排班表, 核算表) but not 表达, 表现, 代表, 发表; "书" (计划书, 说明书) but not 读书, 书面
_CERT = re.compile(
    r"(?<![保验论求印见查])证(?![明实据])|(?<![代发外图列])表(?![达现扬态示明率彰情格述率])"
    r"|(?<=[划明告任标议诺])书(?![面籍本])"
)
# a material made complete: "把台账补充完整", "资料提交齐全"
_COMPLETE = compile_fast(
    r"(?:提交|补充|补全|填写|录入|登记|整理|归档|上传|收集|准备|配备)得?(?:完整|齐全)(?!性)"
)
# a title or rank obtained: "评上主管药师", "晋升为高级工程师", "考上注册会计师"
_TITLE = compile_fast(
    r"(?:评上|评聘为?|晋升为?|晋级为?|升任|升为|考上|竞聘为|竞聘上|转为)[\u4e00-\u9fffA-Za-z]{0,6}?"
    r"(?:师|员|长|主管|经理|主任|专家|职称|岗|级|优秀|先进|标兵|能手|骨干教师)"
)
# a level pegged to a benchmark: "达到部门平均产能", "不低于行业平均水平"
_BENCHMARK = compile_fast(
    r"(?:达到|超过|高于|不低于|优于|赶上|补到|提到|拉到|做到)[^,，。;；]{0,12}?(?:平均|均值|人均|基准|及格线|合格线|目标值|质量标准|作业标准|考核标准)"
)
# "每车次都上传", "每位学员都考核": every one of a kind, a coverage that can be checked
_EVERY = compile_fast(r"每(?:一)?[个位名台件批次户单]?[\u4e00-\u9fff]{1,3}?都")
# "考核一次性通过", "验收顺利通过": passing named before the verb, at the clause end
_PASSED = compile_fast(r"(?:一次性|一次|顺利|全部|全员)?通过(?=$|[。；;,，!！?？])")
# "回复所有客户的投诉工单", "清点全部物资": every item of a set handled
_COVERAGE = compile_fast(
    r"(?:完成|回复|处理|检查|核对|清点|覆盖|录入|上传|复核|整改|排查|培训|走访|回访|联系|盘点|归档|更新)"
    r"(?:了|完|好|到)?(?:所有|全部|全体)"
)
# "独立完成…", "独立负责…", "独立处理…": a piece of work; "…的能力", "…能力": a capability
_DONE_ALONE = re.compile(
    r"(?:完成|负责|承担|处理|主持|撰写|编写|设计|开发|实施|操作|带班|值班|主讲|讲授|接待)"
)
_FINISHED_ALONE = re.compile(r"(?:完成|办理|处理|主持)")
_CAPABILITY_AFTER = re.compile(r"能力|水平")
# one titled course or event taken part in: "报名公司的《技术演讲力》课程"
_TITLED_COURSE = compile_fast(r"(?:参加|报名参加|报名|学完|修完|听完)[^,，。;；]{0,8}?《[^》]{1,40}》")
# a titled work: 《质量手册》, 《操作规程》
_TITLED = re.compile(r"《[^》]{1,40}》")
# an outcome used as an adjective is no criterion: "成为一名合格的班组长"
_ADJECTIVAL = re.compile(r"\s*的")
# an outcome inside a metric name or negated is no criterion: "不合格率", "达标率", "不达标"
_METRIC_AFTER = re.compile(r"\s*(?:率|数|项|品)")


_PATTERNS = (
    ("bound", _BOUND),
    ("bound", _BENCHMARK),
    ("outcome", _COMPLETE),
    ("outcome", _TITLE),
    ("outcome", _EVERY),
    ("outcome", _PASSED),
    ("outcome", _COVERAGE),
    ("delivery", _TITLED_COURSE),
)


class Criterion(NamedTuple):
    # a tuple: ~100 bytes a span instead of ~330 for a frozen dataclass with its __dict__ (the analysis
    # cache of a 100k-row export holds hundreds of thousands), and built faster
    kind: str  # outcome | alone | delivery | bound
    start: int
    end: int
    text: str


class CriteriaFinder:
    def __init__(self, lexicons: Lexicons):
        measurable = lexicons.get("measurable")
        self.outcomes = measurable.pattern("outcome")
        self._outcome_words = measurable.words("outcome")
        verbs = measurable.words("verb")
        self._verb_words = verbs
        self.verbs = compile_fast("(?:" + "|".join(map(re.escape, verbs)) + ")(?!率)" if verbs else "(?!)")
        nouns = [n for n in measurable.words("noun") if len(n) > 1]
        self.planning = set(measurable.words("planning"))
        self.vague_nouns = set(measurable.words("vague_noun"))
        # "提升方案撰写能力": a direction verb makes the noun before a verb a skill, not a deliverable
        self.directions = lexicons.get("plan_direction").pattern()
        self.nouns = compile_fast("|".join(map(re.escape, nouns)) if nouns else "(?!)", re.IGNORECASE)

    def needs(self) -> list[list[frozenset[str]]]:
        """What the matches of each pattern hold (prefilter atoms), in the order of find()'s `may`
        bits: the outcome words, the patterns of _PATTERNS, the verbs, "独立" (_ALONE)."""
        outcomes = word_atoms(self._outcome_words, self.outcomes.flags) if self.outcomes else []
        fixed = [pattern_atoms(pattern) for _, pattern in _PATTERNS]
        return [outcomes, *fixed, word_atoms(self._verb_words, self.verbs.flags), pattern_atoms(_ALONE)]

    def find(self, text: str, may: int | None = None) -> list[Criterion]:
        """The criteria of a text; `may`: which patterns may match it (bits in the order of needs(),
        from a scan of the text), None for all."""
        may = -1 if may is None else may  # -1: every bit set
        hits: list[Criterion] = []
        if self.outcomes is not None and may & 1:
            hits += [
                Criterion("outcome", m.start(), m.end(), m.group())
                for m in self.outcomes.finditer(text)
                if not _ADJECTIVAL.match(text, m.end())
                and not _METRIC_AFTER.match(text, m.end())
                and text[m.start() - 1 : m.start()] != "不"
            ]
        for i, (kind, pattern) in enumerate(_PATTERNS, start=1):
            if may >> i & 1:
                hits += [Criterion(kind, m.start(), m.end(), m.group()) for m in pattern.finditer(text)]
        at = len(_PATTERNS) + 1
        if not may >> at & 3:  # neither a verb nor 独立: no clause holds a criterion
            return sorted(hits, key=lambda c: c.start)
        for clause in _CLAUSE.finditer(text):
            hit = self._in_clause(text, clause.start(), clause.end())
            if hit is not None:
                hits.append(hit)
        return sorted(hits, key=lambda c: c.start)

    def _in_clause(self, text: str, start: int, end: int) -> Criterion | None:
        clause = text[start:end]
        alone = _ALONE.search(clause)
        if alone and self._alone_on_work(clause[alone.end() :], clause[: alone.start()]):
            return Criterion("alone", start + alone.start(), end, clause[alone.start() :].rstrip())
        for verb in self.verbs.finditer(clause):
            rest = clause[verb.end() :]
            if alone and verb.start() == alone.start():
                continue  # "能独立承担…" was judged as a capability above
            if verb.group() == "通过" and _MEANS.match(rest):
                continue  # "通过学习……": by means of, not passing
            noun = self.nouns.search(rest) or _CERT.search(rest) or _TITLED.search(rest)
            if noun and verb.group() in self.planning and noun.group() in self.vague_nouns:
                continue  # "制定应急预案", "建立反馈机制": a plan in general, nothing to check
            if noun:
                stop = verb.end() + noun.end()
                return Criterion("delivery", start + verb.start(), start + stop, clause[verb.start() : stop])
            fronted = self._fronted(clause[: verb.start()])
            if fronted is not None:  # "把排班表报给护士长": the deliverable before its verb
                return Criterion(
                    "delivery", start + fronted, start + verb.end(), clause[fronted : verb.end()]
                )
        return None

    def _alone_on_work(self, rest: str, head: str) -> bool:
        """ "独立完成季度分析报告", "独立承担夜班工作": a piece of work done alone can be checked;
        "独立干活", "能独立承担基础开发任务", "具备独立授课的能力" name a capability."""
        if _CAPABILITY_AFTER.search(rest):
            return False
        if head.endswith(("能", "能够", "可以")):  # a capability: only a task finished alone is checkable
            return bool(_FINISHED_ALONE.match(rest))
        return bool(
            _DONE_ALONE.match(rest) or self.nouns.search(rest) or _CERT.search(rest) or _TITLED.search(rest)
        )

    def _fronted(self, head: str) -> int | None:
        """Start of "把 + deliverable" before a verb, or None."""
        titled = _TITLED.search(head)
        if titled:  # "《海上清舱作业系统》顺利交付": a titled work delivered
            return titled.start()
        ba = head.rfind("把")
        if ba < 0:  # "测试报告提前备好": the deliverable as the topic of the clause
            topic = self.nouns.search(head)
            aimless = self.directions is not None and self.directions.search(head)
            return topic.start() if topic and not aimless else None
        obj = head[ba + 1 :]
        return ba if self.nouns.search(obj) or _CERT.search(obj) else None
