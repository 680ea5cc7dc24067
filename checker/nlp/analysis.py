"""What the rules ask of a point: judgements, evidence, quantities, acceptance criteria, deadlines.

One `TextAnalyzer` per lexicon set; results are cached per point text so the
segmenter and the patterns run once for each text, whichever rules ask. The
segmenter (spaCy + jieba) is loaded on the first analysis, not when the
analyzer is built, so commands that never analyse text start fast.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from checker.nlp import pipeline
from checker.nlp.criteria import CriteriaFinder
from checker.nlp.judgement import JudgementFinder
from checker.nlp.lexicon import Lexicons
from checker.nlp.numbers import CN_DIGITS, Quantity, find_quantities
from checker.nlp.timex import SPECIFIC_TIME, TimeExpr, TimeRecognizer

_COHORT = re.compile(r"\d{2}后")
_QUOTED = re.compile(r"《[^》]{1,30}》|“[^”]{1,30}”|\"[^\"]{1,30}\"|「[^」]{1,30}」|『[^』]{1,30}』")
_MASK = "\u2003"
_CODE = re.compile(r"[A-Z]")
_TENURE = rf"(?:[{CN_DIGITS}\d]+\s*(?:个)?\s*(?:年|月|天|周|星期)多?(?:以来|来|了)?)?"
# An event noun names a particular occasion when framed: "在6月盘点中", "联调时", "这次抢修"
_FRAME_BEFORE = ("在", "这次", "那次", "上次", "一次", "某次", "此次", "当时")
_FRAME_AFTER = ("时", "中", "期间", "上", "后", "当天", "当中", "里", "了", "过")
_FINISHED = ("了", "过")


@dataclass(frozen=True)
class Hit:
    kind: str
    start: int
    end: int
    text: str


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
    def __init__(self, lexicons: Lexicons):
        self.lexicons = lexicons
        self.times = TimeRecognizer(lexicons)
        self.judge = JudgementFinder(lexicons)
        self.criteria_finder = CriteriaFinder(lexicons)
        generic = lexicons.get("generic_time").words()
        # "入职两年多", "工作三年来": a tenure after a generic time word is generic too
        self.generic_time = (
            re.compile(f"(?:{'|'.join(map(re.escape, generic))})" + _TENURE) if generic else None
        )
        self.evidence = lexicons.get("evidence")
        self.traits = set(lexicons.get("traits").words())
        self.directions = lexicons.get("plan_direction").pattern()
        self._words_ready = False
        self.analyze = lru_cache(maxsize=20_000)(self._analyze)

    def _segment(self, text: str) -> tuple[pipeline.Token, ...]:
        if not self._words_ready:  # first use: load the segmenter and teach it the lexicon words
            pipeline.ensure_words(self.lexicons.all_words())
            self._words_ready = True
        return pipeline.segment(text)

    def _analyze(self, text: str) -> PointAnalysis:
        result = PointAnalysis(text)
        result.judgements = [Hit(h.kind, h.start, h.end, h.text) for h in self.judge.find(text)]
        times = self.times.find(text)
        result.deadlines = [Hit(t.kind, t.start, t.end, t.text) for t in times if t.kind != "none"]
        result.non_deadlines = [Hit("none", t.start, t.end, t.text) for t in times if t.kind == "none"]
        if result.judgements:
            result.evidence = self._evidence(text, result.judgements)
        masked = _mask(text, [t for t in times if t.kind != "none"])
        result.quantities = [Hit(q.kind, q.start, q.end, q.text) for q in find_quantities(masked)]
        result.criteria = [Hit(c.kind, c.start, c.end, c.text) for c in self.criteria_finder.find(masked)]
        if self.directions is not None:
            result.directions = [
                Hit("direction", m.start(), m.end(), m.group()) for m in self.directions.finditer(text)
            ]
        return result

    # ------------------------------------------------------------ rating points
    def _evidence(self, text: str, judgements: list[Hit]) -> list[Hit]:
        """Support for a judgement: a number, a specific time, a named thing, a framed event or a finished action."""
        generic = (
            [(m.start(), m.end()) for m in self.generic_time.finditer(text)] if self.generic_time else []
        )
        hits: list[Hit] = []
        for q in find_quantities(text):
            if _COHORT.fullmatch(text[q.start : q.end + 1]) or _inside(q.start, generic):
                continue
            if q.kind == "threshold" and q.text in ("以上", "以下", "以内"):
                continue
            if _CODE.match(text, q.end) and q.text.isdigit():  # 5S, 8D, 3C: a name, not a count
                continue
            hits.append(Hit("number", q.start, q.end, q.text))
        for m in SPECIFIC_TIME.finditer(text):
            if not _inside(m.start(), generic):
                hits.append(Hit("time", m.start(), m.end(), m.group()))
        for m in _QUOTED.finditer(text):
            hits.append(Hit("name", m.start(), m.end(), m.group()))
        judged = [(h.start, h.end) for h in judgements]
        hits.extend(h for h in self._case_words(text) if not _inside(h.start, judged))
        return hits

    def _case_words(self, text: str) -> list[Hit]:
        """An event framed as one occasion, or a work object acted on ("在年审中", "方案……被采纳")."""
        tokens = self._segment(text)
        found: dict[str, list[Hit]] = {"event": [], "object": [], "action": [], "example": []}
        for i, tok in enumerate(tokens):
            tags = self.evidence.entries.get(tok.text)
            if not tags:
                continue
            prev = tokens[i - 1].text if i > 0 else ""
            nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
            hit = Hit("", tok.start, tok.end, tok.text)
            if "example" in tags:
                found["example"].append(Hit("example", hit.start, hit.end, hit.text))
            if "event" in tags and (prev.endswith(_FRAME_BEFORE) or nxt.startswith(_FRAME_AFTER)):
                found["event"].append(Hit("event", hit.start, hit.end, hit.text))
            if "object" in tags:
                found["object"].append(Hit("object", hit.start, hit.end, hit.text))
            if "action" in tags and not self._modifies_trait(nxt):
                found["action"].append(Hit("action", hit.start, hit.end, hit.text))
                if nxt in _FINISHED:  # "整理了", "建立过": a finished, observed action
                    found["event"].append(Hit("event", tok.start, tokens[i + 1].end, tok.text + nxt))
        if found["event"] or found["example"]:
            return found["event"] + found["example"]
        if found["object"] and found["action"]:
            return found["object"] + found["action"]
        return []

    def _modifies_trait(self, next_token: str) -> bool:
        """ "处理能力", "协调能力": the verb names a skill, it does not report an action."""
        return next_token in self.traits or next_token.startswith(("能力", "意识", "水平", "技巧"))


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _mask(text: str, times: list[TimeExpr]) -> str:
    """Blank out time expressions so "9月30日前" or "三个月内" is not read as a quantity."""
    chars = list(text)
    for t in times:
        for i in range(t.start, t.end):
            chars[i] = _MASK
    return "".join(chars)


__all__ = ["Hit", "PointAnalysis", "TextAnalyzer", "Quantity"]
