"""What the rules ask of a point: judgements, evidence, quantities, acceptance criteria, deadlines.

One `TextAnalyzer` per lexicon set; results are cached per point text so the
segmenter and the patterns run once for each text, whichever rules ask. The
segmenter (jieba, or spaCy's blank zh over it: `[nlp] segmenter`) is loaded on the
first analysis that needs words, not when the analyzer is built, so commands that
never analyse text start fast.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from checker.nlp import numbers, pipeline
from checker.nlp.criteria import CriteriaFinder
from checker.nlp.judgement import JudgementFinder
from checker.nlp.lexicon import Lexicons
from checker.nlp.numbers import CN_DIGITS, Quantity, find_quantities
from checker.nlp.phrases import PhraseCompiler
from checker.nlp.prefilter import pattern_atoms, word_atoms
from checker.nlp.timex import SPECIFIC_TIME, TimeExpr, TimeRecognizer

_COHORT = re.compile(r"\d{2}后")
# A title in 《》 always names a particular thing; a quoted phrase only when it contains a code
# or names what a case is made of ("“安全月”活动"): a quoted saying ("有“车到站”思想") is no case.
_TITLE = re.compile(r"《[^》]{1,30}》")
_QUOTED = r"“[^”]{1,30}”|\"[^\"]{1,30}\"|「[^」]{1,30}」|『[^』]{1,30}』"
_MASK = "\u2003"
_CODE = re.compile(r"[A-Z]")
# A code names a particular project or system: "项目A", "X系统上线" (a tool or skill such as
# "OTDR测试", "熟悉HS编码" names no case, nor does a period such as Q2)
_CODE_NAME = r"(?<![A-Za-z])(?![QH]\d)[A-Z]{1,6}\d*(?![A-Za-z])"
_CODE_OR_DIGIT = re.compile(r"[A-Za-z0-9]")
_TENURE = rf"(?:[{CN_DIGITS}\d]+\s*(?:个)?\s*(?:年|月|天|周|星期)多?(?:以来|来|了)?)?"
# A length of time spent, not a measure of what was done: "为期两个月的实习", "到岗一年多"
_DURATION = re.compile(rf"[{CN_DIGITS}\d]+\s*(?:个)?\s*(?:年|月|周|星期|天)")
_DURATION_AFTER = re.compile(r"多|以来|来|的(?!客|订|单|项|件|份|次)|半|时间")
_FINISHED = ("了", "过")
# "提前10分钟提醒", "提前一周研读教材": a lead time of a routine, neither a quantity nor a deadline
_LEAD_TIME = re.compile(rf"提前\s*(?:[{CN_DIGITS}\d]+|半)\s*(?:个)?\s*(?:分钟|小时|天|日|周|星期|个月|月)")
_CLAUSE_STOP = re.compile(r"[,，。;；!！?？:：]")
# "产出量、合格率两项指标": a count restating the list before it, not a count of anything done
_LIST_COUNT = re.compile(r"([一二两三四五六七八九十]|\d{1,2})\s*(?:项|个|类|方面)")
_SMALL = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)} | {"两": 2}
_HAN_WORD = re.compile(r"[\u4e00-\u9fff]+")
# what a finished action (_finished_action: a word of 2+ Han, 了, a Han word) shows in the text
_FINISHED_ACTION = re.compile(r"[\u4e00-\u9fff]{2}\s*了\s*[\u4e00-\u9fff]")


# the patterns of this module a scan of the text may rule out, in the order of their needs (bits)
_OWN = (
    "generic_time", "directions", "form_weight", "specific_time", "title", "named_code", "quoted",
    "person", "named_occasion", "lead_time",
)  # fmt: skip
_OWN_BIT = {name: 1 << i for i, name in enumerate(_OWN)}
_LEAD_TIME_BIT, _DIRECTIONS_BIT = _OWN_BIT["lead_time"], _OWN_BIT["directions"]

ANALYSIS_CACHE = 12_000  # analysed points kept per analyzer


class Hit(NamedTuple):
    # a tuple: ~100 bytes a span instead of ~330 for a frozen dataclass with its __dict__ (the analysis
    # cache of a 100k-row export holds hundreds of thousands), and built faster
    kind: str
    start: int
    end: int
    text: str
    polarity: str = ""  # judgements only: praise or criticism
    why: str = ""  # non-deadlines only: recurring, start, routine, procedure, standard ("" for a word: 尽快)


@dataclass
class PointAnalysis:
    text: str
    judgements: list[Hit] = field(default_factory=list)
    evidence: list[Hit] = field(default_factory=list)
    quantities: list[Hit] = field(default_factory=list)
    criteria: list[Hit] = field(default_factory=list)
    deadlines: list[Hit] = field(default_factory=list)
    non_deadlines: list[Hit] = field(default_factory=list)
    directions: list[Hit] = field(default_factory=list)


class TextAnalyzer:
    def __init__(self, lexicons: Lexicons, segmenter: str = "jieba"):
        pipeline.use_segmenter(segmenter)  # one segmenter per process: the last analyzer built chooses
        self.lexicons = lexicons
        self.times = TimeRecognizer(lexicons)
        self.judge = JudgementFinder(lexicons)
        self.criteria_finder = CriteriaFinder(lexicons)
        self._compiler = PhraseCompiler(lexicons)
        self._compile_evidence_patterns(self._compiler)
        generic = lexicons.get("generic_time").words()
        # "入职两年多", "工作三年来": a tenure after a generic time word is generic too
        self.generic_time = (
            re.compile(f"(?:{'|'.join(map(re.escape, generic))})" + _TENURE) if generic else None
        )
        self.evidence = lexicons.get("evidence")
        # the tags of a word that make it a case word (every token of a point is looked up)
        self._case_tags = {w: t - {"generic"} for w, t in self.evidence.entries.items() if t - {"generic"}}
        self.traits = set(lexicons.get("traits").words())
        # words whose "X了" is no observed action: judgements, and changes or receptions (tag state)
        self.judgement_words = (
            set(lexicons.get("evaluation").words())
            | set(lexicons.get("judgement").words())
            | set(self.evidence.words("state"))
        )
        self.directions = lexicons.get("plan_direction").pattern()
        habitual = lexicons.get("habitual")
        self.habit_words = set(habitual.words("habit"))
        self.frequent = set(habitual.words("frequency"))
        # one scan of a text (the judgement finder's) tells which patterns of every step may match it
        self._words_group = self.judge.add_needs(self._words_needs)
        self._time_group = self.judge.add_needs(self.times.needs)
        self._number_group = self.judge.add_needs(numbers.needs)
        self._criteria_group = self.judge.add_needs(self.criteria_finder.needs)
        self._own_group = self.judge.add_needs(self._own_needs)
        # the segmenter keeps the lexicon words whole, whoever segments first (follow-up, topics, here)
        pipeline.register_words(lexicons.all_words())
        # sized on the 100k-row benchmark export: 20,000 entries peaked at 509 MB RSS (over the
        # 500 MB budget), 5,000 took 115 s instead of 90 (summaries recurring ~6,000 rows apart
        # were analysed again for every rule whose cache key differs), 12,000: 96 s, 481 MB
        self.analyze = lru_cache(maxsize=ANALYSIS_CACHE)(self._analyze)

    def _compile_evidence_patterns(self, compiler: PhraseCompiler) -> None:
        """Names, frames and quantifiers of the evidence finder, from lexicons/function_words.txt."""
        # A named person is a particular case: 小李, 王某, 张阿姨, 李经理 (surnames that are not also
        # common function characters). A nickname that opens the point is the employee, not a case.
        self._sources = {  # the patterns made of word classes: their atoms are read from these
            "person": r"(?<![<chars:not_before_person>])(?:"
            r"{nickname_prefix}[<chars:surname>](?=[在的同等和与反说家来是被把对给跟、,，。;；:：)）]|$)"
            r"|[<chars:surname>](?:某某?(?![<chars:not_after_mou>])|{person_title}))",
            "named_occasion": r"(?:在|于)[\u4e00-\u9fffA-Za-z0-9]{1,12}?(?<![<chars:routine_meeting>]){occasion}"
            r"(?:上|中|期间|时|前后)",
            "form_weight": r"[（(]\s*{form_weight}?\s*[:：]?\s*\d+(?:\.\d+)?\s*(?:%|％|分)?\s*[)）]",
        }
        self.person = compiler.compile(self._sources["person"])
        self.nickname = compiler.compile(r"^\s*{nickname_prefix}[<chars:surname>]")
        self.quoted = re.compile(_QUOTED)
        self.named_suffix = compiler.compile(r"\s*{named_suffix}")
        self.named_occasion = compiler.compile(self._sources["named_occasion"])
        # Quantities that cover everything and count nothing: "全部工作都按时完成", "每次都能送到"
        self.universal = compiler.compile(r"{universal}|每个?{every_unit}")
        self.frame_before = tuple(compiler.words("frame_before"))
        self.frame_after = tuple(compiler.words("frame_after"))
        self.one_occasion = tuple(compiler.words("one_occasion"))
        self._one_occasion_words = frozenset(self.one_occasion)
        self.bare_frame = set(compiler.words("bare_frame"))
        self.links = set(compiler.words("link"))
        self.capability = set(compiler.words("capability"))
        self.repeated = set(compiler.words("repeated"))
        self.narrative = set(compiler.words("narrative"))
        self._instance_openers = self.repeated | self.narrative  # see _observed_instance
        self.generic_acronyms = {w.upper() for w in compiler.words("generic_acronym")}
        self._sources["named_code"] = (
            rf"{{named_suffix}}(?P<code>{_CODE_NAME})|(?P<code2>{_CODE_NAME})(?={{named_suffix}})"
        )
        self.named_code = compiler.compile(self._sources["named_code"], 0)
        # "工作态度(权重15%):", "(满分10分)": a weight or scale of the form, not a figure of the work
        self.form_weight = compiler.compile(self._sources["form_weight"])
        # A time as the baseline of a comparison ("比上季度进步大", "和去年相比成熟多了") names no case
        self.baseline_before = compiler.compile(r"{comparison}\s*$")
        self.baseline_after = compiler.compile(r"\s*{comparison}")
        # "入职两周就考取了…": a measured speed, a case; "为期两个月的实习", "到岗一年多": time spent
        self.so_soon = compiler.compile(r"\s*{so_soon}")
        self.tenure_before = compiler.compile(r"{tenure_verb}\s*$")
        self._direction_words = self.lexicons.get("plan_direction").words()

    def _own_needs(self) -> list[list[frozenset[str]]]:
        """What the matches of this module's patterns hold (prefilter atoms), in the order of _OWN."""
        found = {
            "generic_time": pattern_atoms(self.generic_time) if self.generic_time else [],
            "directions": word_atoms(self._direction_words, self.directions.flags) if self.directions else [],
            "form_weight": self._compiler.atoms(self._sources["form_weight"]),
            "specific_time": pattern_atoms(SPECIFIC_TIME),
            "title": pattern_atoms(_TITLE),
            "named_code": self._compiler.atoms(self._sources["named_code"], 0),
            "quoted": pattern_atoms(self.quoted),
            "person": self._compiler.atoms(self._sources["person"]),
            "named_occasion": self._compiler.atoms(self._sources["named_occasion"]),
            "lead_time": pattern_atoms(_LEAD_TIME),
        }
        return [found[name] for name in _OWN]

    def _words_needs(self) -> list[list[frozenset[str]]]:
        """What a text must hold for its words to make case words or habits (segmenting is the
        costliest step of a point, and most judged points hold none of it). From _case_words: an
        example, instance, repeated or narrated word; an event word with a frame word (在, 这次,
        期间 …); an action word with 了, 过 or a work object; or a finished action (_FINISHED_ACTION).
        Habits need a frequency word. A word that is a token is a substring of the text."""

        def tagged(*tags: str) -> frozenset[str]:
            return frozenset(w for w, t in self.evidence.entries.items() if set(tags) & t)

        examples = tagged("example", "instance") | self.repeated | self.narrative
        frames = frozenset(self.frame_before + self.frame_after + self.one_occasion)
        done = tagged("object") | set(_FINISHED)
        return [[examples], [tagged("event"), frames], [tagged("action"), done], [frozenset(self.frequent)]]

    def _words_matter(self, text: str, found: int | None = None) -> tuple[bool, bool]:
        """(whether case words, whether habit spans could come out of the text's words)."""
        may = self.judge.opened(self._words_group, self.judge.scan(text) if found is None else found)
        return bool(may & 0b111) or bool(_FINISHED_ACTION.search(text)), bool(may & 0b1000)

    def _segment(self, text: str) -> tuple[pipeline.Token, ...]:
        return pipeline.segment(text)  # loads the segmenter on first use

    def _analyze(self, text: str) -> PointAnalysis:
        result = PointAnalysis(text)
        found = self.judge.scan(text)  # the literals the text holds: which patterns and steps can apply
        opened = self.judge.opened
        own = opened(self._own_group, found)
        result.judgements = [
            Hit(h.kind, h.start, h.end, h.text, h.polarity) for h in self.judge.find(text, found)
        ]
        times = self.times.find(text, opened(self._time_group, found))
        result.deadlines = [Hit(t.kind, t.start, t.end, t.text) for t in times if t.kind != "none"]
        result.non_deadlines = [
            Hit("none", t.start, t.end, t.text, why=t.why) for t in times if t.kind == "none"
        ]
        # "9月1日起" is no deadline and no quantity either; "每周例会前" keeps its frequency
        leads = _LEAD_TIME.finditer(text) if own & _LEAD_TIME_BIT else ()
        masked = _mask(
            text,
            [t for t in times if t.kind != "none" or t.why == "start"]
            + [TimeExpr("lead", m.start(), m.end(), m.group()) for m in leads],
        )
        # masking takes characters away: what cannot match the text cannot match the masked text
        quantities = find_quantities(masked, opened(self._number_group, found))
        if result.judgements:
            # the evidence reads the quantities of the text itself: the same when nothing was masked
            raw = quantities if masked == text else None
            result.evidence = self._evidence(text, result.judgements, found, raw)
        result.quantities = [Hit(q.kind, q.start, q.end, q.text) for q in quantities]
        result.criteria = [
            Hit(c.kind, c.start, c.end, c.text)
            for c in self.criteria_finder.find(masked, opened(self._criteria_group, found))
        ]
        if self.directions is not None and own & _DIRECTIONS_BIT:
            result.directions = [
                Hit("direction", m.start(), m.end(), m.group()) for m in self.directions.finditer(text)
            ]
        return result

    # ------------------------------------------------------------ rating points
    def _evidence(
        self,
        text: str,
        judgements: list[Hit],
        found: int | None = None,
        quantities: list[Quantity] | None = None,
    ) -> list[Hit]:
        """Support for a judgement: a number, a specific time, a named thing, a framed event or a
        finished action. `quantities`: those of the text, when known already."""
        found = self.judge.scan(text) if found is None else found
        may = self.judge.opened(self._own_group, found)
        generic = (
            [
                (m.start(), m.end())
                for m in self.generic_time.finditer(text)
                if not self.so_soon.match(text, m.end())  # "入职两周就考取了…": a measured speed, a case
            ]
            if self.generic_time and may & _OWN_BIT["generic_time"]
            else []
        )
        case_words, habitual = self._words_matter(text, found)
        habits = self._habit_spans(text) if habitual else []
        not_specific = generic + habits
        hits: list[Hit] = []
        weights = [(m.start(), m.end()) for m in _finditer(self.form_weight, text, may, "form_weight")]
        if quantities is None:
            quantities = find_quantities(text, self.judge.opened(self._number_group, found))
        for q in quantities:
            if _inside(q.start, weights):
                continue
            if _COHORT.fullmatch(text[q.start : q.end + 1]) or _inside(q.start, not_specific):
                continue
            if _restates_list(text, q) or self.universal.fullmatch(q.text) or self._spent_time(text, q):
                continue
            if q.kind == "threshold" and q.text in ("以上", "以下", "以内"):
                continue
            if _CODE.match(text, q.end) and q.text.isdigit():  # 5S, 8D, 3C: a name, not a count
                continue
            hits.append(Hit("number", q.start, q.end, q.text))
        for m in _finditer(SPECIFIC_TIME, text, may, "specific_time"):
            if self.baseline_before.search(text, 0, m.start()) or self.baseline_after.match(text, m.end()):
                continue
            if not _inside(m.start(), not_specific):
                hits.append(Hit("time", m.start(), m.end(), m.group()))
        hits += [Hit("name", m.start(), m.end(), m.group()) for m in _finditer(_TITLE, text, may, "title")]
        hits += [
            Hit("name", m.start(), m.end(), m.group())
            for m in _finditer(self.named_code, text, may, "named_code")
            if (m.group("code") or m.group("code2")) not in self.generic_acronyms
        ]
        if may & _OWN_BIT["quoted"]:
            hits += [Hit("name", m.start(), m.end(), m.group()) for m in self._named_quotes(text)]
        nickname = self.nickname.match(text)
        for name, pattern in (("person", self.person), ("named_occasion", self.named_occasion)):
            for m in _finditer(pattern, text, may, name):
                if not (nickname and m.start() <= nickname.end() - 2):
                    hits.append(Hit("name", m.start(), m.end(), m.group()))
        judged = [(h.start, h.end) for h in judgements]
        if case_words:  # else no word of the text could make one
            hits.extend(h for h in self._case_words(text) if not _inside(h.start, judged))
        return hits

    def _named_quotes(self, text: str):
        """ "“安全月”活动", "“X-2”型号": a quoted name of a case; "有“车到站”思想": a saying, no case."""
        for m in self.quoted.finditer(text):
            if _CODE_OR_DIGIT.search(m.group()[1:-1]) or self.named_suffix.match(text, m.end()):
                yield m

    def _spent_time(self, text: str, q: Quantity) -> bool:
        """ "为期两个月的实习", "到岗一年多": time spent, no measure of what was done in it."""
        span = _DURATION.match(text, q.start)
        if not span or span.end() < q.end or self.so_soon.match(text, span.end()):
            return False
        return bool(_DURATION_AFTER.match(text, span.end()) or self.tenure_before.search(text, 0, q.start))

    def _habit_spans(self, text: str) -> list[tuple[int, int]]:
        """From a frequency adverb (经常, 有时候) to the end of its clause."""
        spans = []
        for tok in self._segment(text):
            if tok.text in self.frequent:
                stop = _CLAUSE_STOP.search(text, tok.end)
                spans.append((tok.start, stop.start() if stop else len(text)))
        return spans

    def _case_words(self, text: str) -> list[Hit]:
        """An event framed as one occasion, or a work object acted on ("在年审中", "方案……被采纳")."""
        tokens = self._segment(text)
        found: dict[str, list[Hit]] = {"event": [], "object": [], "action": [], "example": []}
        case_tags, openers, last = self._case_tags, self._instance_openers, len(tokens) - 2
        for i, tok in enumerate(tokens):
            tags = case_tags.get(tok.text)
            # (the first tests of _observed_instance and _finished_action, made here for every word)
            if tok.text in openers and self._observed_instance(tokens, i):  # "多次牵头组织跨部门协调会"
                found["event"].append(
                    Hit("instance", tok.start, tokens[i + 1].end, tok.text + tokens[i + 1].text)
                )
            elif tags:
                self._tagged_case(tokens, i, tags, found)
            elif i < last and tokens[i + 1].text == "了" and self._finished_action(tokens, i):
                # "调换了无障碍房间", "拒绝了客户的要求"
                found["event"].append(Hit("event", tok.start, tokens[i + 1].end, tok.text + "了"))
        if found["event"] or found["example"]:
            return found["event"] + found["example"]
        return self._acted_objects(text, found["object"], found["action"])

    @staticmethod
    def _acted_objects(text: str, objects: list[Hit], actions: list[Hit]) -> list[Hit]:
        """A work object and an action on it in the same clause ("方案……被采纳"); an object in one
        clause and a verb in another ("测试文档写得规范;…保交付") are no case."""

        def clause(pos: int) -> int:
            return len(_CLAUSE_STOP.findall(text, 0, pos))

        pairs = [(o, a) for o in objects for a in actions if clause(o.start) == clause(a.start)]
        return [h for pair in pairs[:1] for h in pair]

    def _tagged_case(self, tokens: tuple[pipeline.Token, ...], i: int, tags: set[str], found) -> None:
        tok = tokens[i]
        prev = tokens[i - 1].text if i > 0 else ""
        nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
        if self._opened_by_occasion(tokens, i):  # "这次渠道升级项目": the occasion word opens the phrase
            prev = tokens[i - 2].text if tokens[i - 2].text in self.one_occasion else tokens[i - 3].text
        if tags & {"example", "instance"}:  # 例如; 一等奖, 锦旗, 被评为: one occurrence by itself
            found["example"].append(Hit("example", tok.start, tok.end, tok.text))
        if "event" in tags and self._framed(tags, prev, nxt):
            found["event"].append(Hit("event", tok.start, tok.end, tok.text))
        if "object" in tags:
            found["object"].append(Hit("object", tok.start, tok.end, tok.text))
        if (
            "action" in tags
            and not self._modifies_trait(nxt)
            and not self._habitual(tokens, i)
            and not self._capability(tokens, i)
        ):
            found["action"].append(Hit("action", tok.start, tok.end, tok.text))
            if (
                nxt in _FINISHED
                and not self._vague_after(tokens, i + 2)
                and not self._vague_before(tokens, i)
            ):
                # "整理了", "建立过": a finished, observed action (not "完成了各项任务")
                found["event"].append(Hit("event", tok.start, tokens[i + 1].end, tok.text + nxt))

    def _finished_action(self, tokens: tuple[pipeline.Token, ...], i: int) -> bool:
        """An untagged verb + 了 + a particular object: one observed action.

        Not a change or a reception ("提高了", "得到了认可": tag state), not a judgement word
        ("成熟了"), not a habit, and not an object that is no particular one ("做了大量工作")."""
        if i + 2 >= len(tokens) or tokens[i + 1].text != "了":
            return False
        word = tokens[i].text
        if len(word) < 2 or not _HAN_WORD.fullmatch(word) or word in self.judgement_words:
            return False
        obj = tokens[i + 2].text
        return (
            bool(_HAN_WORD.match(obj))
            and not self._habitual(tokens, i)
            and not self._vague_after(tokens, i + 2)
        )

    def _observed_instance(self, tokens: tuple[pipeline.Token, ...], i: int) -> bool:
        """A repeated or narrated act on a particular object: "多次牵头组织跨部门协调会",
        "多次陪企业负责人到区里协调开工手续", "她当即安抚孩子情绪". Not a reception ("多次受到表扬"),
        not an occurrence ("多次出现错误"), not a frame ("多次在紧急订单中顶上来")."""
        if tokens[i].text not in self._instance_openers or i + 2 >= len(tokens):
            return False
        verb = tokens[i + 1].text
        tags = self.evidence.entries.get(verb, set())
        if (
            not _HAN_WORD.fullmatch(verb)
            or verb in self.judgement_words
            or verb in self.frame_before
            or tags & {"event", "instance", "vague", "generic"}
        ):
            return False
        window = []
        for tok in tokens[i + 2 : i + 10]:
            if _CLAUSE_STOP.fullmatch(tok.text):
                break
            window.append(tok)
        content = [t for t in window if _HAN_WORD.fullmatch(t.text) and t.text not in self.links]
        return len(content) >= 2 and not self._vague_object(tuple(window)) and not self._generic_only(window)

    def _opened_by_occasion(self, tokens: tuple[pipeline.Token, ...], i: int) -> bool:
        """ "这次 渠道 升级 项目", "本次 示范课": one occasion named two or three words before the event."""
        occasions = self._one_occasion_words
        if (i < 2 or tokens[i - 2].text not in occasions) and (i < 3 or tokens[i - 3].text not in occasions):
            return False  # most words: no occasion word two or three words back
        for back in (2, 3):
            if i - back < 0:
                return False
            between = tokens[i - back + 1 : i]
            if any(_CLAUSE_STOP.fullmatch(t.text) or not _HAN_WORD.fullmatch(t.text) for t in between):
                return False
            if tokens[i - back].text in self.one_occasion:
                return True
        return False

    def _capability(self, tokens: tuple[pipeline.Token, ...], i: int) -> bool:
        """ "能解决本系统的重难点问题", "都能按时完成": what the employee can do, not one act."""
        return _before(tokens, i, self.capability)

    def _framed(self, tags: set[str], prev: str, nxt: str) -> bool:
        """ "在6月盘点中", "联调时", "这次抢修": framed as one occasion; "在项目中" names none,
        and a routine duty ("夜班时", "值班期间") is one occasion only as "上次/这次 + duty"."""
        if "routine" in tags:
            return prev.endswith(self.one_occasion)
        if "bare" in tags and prev in self.bare_frame:
            return False
        return prev.endswith(self.frame_before + self.one_occasion) or nxt.startswith(self.frame_after)

    def _vague_object(self, following: tuple[pipeline.Token, ...]) -> bool:
        """ "完成了各项任务", "解决了很多难题": the object is no particular one."""
        return any("vague" in self.evidence.entries.get(t.text, ()) for t in following)

    def _vague_after(self, tokens: tuple[pipeline.Token, ...], i: int) -> bool:
        """The object after a verb + 了, up to the clause end: "参加了单位组织的各类活动" names none."""
        window = []
        for tok in tokens[i : i + 6]:
            if _CLAUSE_STOP.fullmatch(tok.text):
                break
            window.append(tok)
        return self._vague_object(tuple(window)) or self._generic_only(window)

    def _vague_before(self, tokens: tuple[pipeline.Token, ...], i: int) -> bool:
        """ "承担的几项任务都完成了": nothing follows the verb, and what came before is no particular one."""
        if i + 2 < len(tokens) and not _CLAUSE_STOP.fullmatch(tokens[i + 2].text):
            return False
        window = []
        for tok in reversed(tokens[max(0, i - 6) : i]):
            if _CLAUSE_STOP.fullmatch(tok.text):
                break
            window.append(tok)
        return self._vague_object(tuple(window)) or self._generic_only(window)

    def _generic_only(self, window: list[pipeline.Token]) -> bool:
        """ "履行了岗位职责", "服从了组织安排": every word of the object is a duty or ability in general."""
        words = [t.text for t in window if _HAN_WORD.fullmatch(t.text) and t.text not in self.links]
        return bool(words) and all("generic" in self.evidence.entries.get(w, ()) for w in words)

    def _habitual(self, tokens: tuple[pipeline.Token, ...], i: int) -> bool:
        """ "常需返工", "经常延期", "容易出错": a habit, not one observed action."""
        return _before(tokens, i, self.habit_words)

    def _modifies_trait(self, next_token: str) -> bool:
        """ "处理能力", "协调能力": the verb names a skill, it does not report an action."""
        return next_token in self.traits or next_token.startswith(("能力", "意识", "水平", "技巧"))


def _restates_list(text: str, q: Quantity) -> bool:
    """ "产出量、质检合格率两项指标": the count equals the items listed just before it in the clause."""
    m = _LIST_COUNT.fullmatch(q.text)
    if not m:
        return False
    head = _CLAUSE_STOP.split(text[: q.start])[-1]
    listed = head.count("、") + 1
    value = int(m.group(1)) if m.group(1).isdigit() else _SMALL[m.group(1)]
    return listed > 1 and value in (listed, listed + 1)


def _finditer(pattern: re.Pattern, text: str, may: int, name: str):
    """The pattern's matches, or none when the scan of the text showed it cannot match (see _OWN)."""
    return pattern.finditer(text) if may & _OWN_BIT[name] else ()


def _before(tokens: tuple[pipeline.Token, ...], i: int, words: set[str]) -> bool:
    """Whether one of the two words before the i-th is one of the words."""
    return (i > 0 and tokens[i - 1].text in words) or (i > 1 and tokens[i - 2].text in words)


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _mask(text: str, times: list[TimeExpr]) -> str:
    """Blank out time expressions so "9月30日前" or "三个月内" is not read as a quantity."""
    if not times:
        return text
    chars = list(text)
    for t in times:
        for i in range(t.start, t.end):
            chars[i] = _MASK
    return "".join(chars)


__all__ = ["Hit", "PointAnalysis", "TextAnalyzer", "Quantity"]
