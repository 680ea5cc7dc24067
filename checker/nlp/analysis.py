"""What the rules ask of a point: judgements, evidence, quantities, acceptance criteria, deadlines.

One `TextAnalyzer` per lexicon set; results are cached per point text so the
segmenter and the patterns run once for each text, whichever rules ask.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from checker.nlp import pipeline
from checker.nlp.lexicon import Lexicons
from checker.nlp.numbers import Quantity, find_quantities
from checker.nlp.timex import SPECIFIC_TIME, TimeExpr, TimeRecognizer

# Adverbs that may stand between a trait and its evaluation ("执行力也比较强", "主动性差点意思")
_DEGREE = r"(?:也|都|还|仍|却|就|比较|较为|较|很|非常|十分|特别|相当|极|挺|蛮|偏|过于|略|稍|明显|有点|有些|不太|还算|算是|一直|总体|整体|基本|真的|确实|是)*"
_COHORT = re.compile(r"\d{2}后")
_QUOTED = re.compile(r"《[^》]{1,30}》|“[^”]{1,30}”|\"[^\"]{1,30}\"|「[^」]{1,30}」|『[^』]{1,30}』")
_MASK = "\u2003"


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
        traits = lexicons.get("traits").words()
        evaluations = lexicons.get("evaluation").words()
        self.trait_eval = re.compile(
            rf"({'|'.join(map(re.escape, traits))}){_DEGREE}({'|'.join(map(re.escape, evaluations))})",
            re.IGNORECASE,
        )
        self.judgement_words = lexicons.get("judgement").pattern()
        self.generic_time = lexicons.get("generic_time").pattern()
        self.evidence = lexicons.get("evidence")
        self.measurable = lexicons.get("measurable")
        self.criteria_verbs = self.measurable.words("verb")
        self.criteria_nouns = set(self.measurable.words("noun"))
        self.outcomes = self.measurable.pattern("outcome")
        self.directions = lexicons.get("plan_direction").pattern()
        pipeline.ensure_words(lexicons.all_words())
        self.analyze = lru_cache(maxsize=20_000)(self._analyze)

    # ------------------------------------------------------------ rating points
    def _analyze(self, text: str) -> PointAnalysis:
        result = PointAnalysis(text)
        result.judgements = self._judgements(text)
        times = self.times.find(text)
        result.deadlines = [Hit(t.kind, t.start, t.end, t.text) for t in times if t.kind != "none"]
        result.non_deadlines = [Hit("none", t.start, t.end, t.text) for t in times if t.kind == "none"]
        result.evidence = self._evidence(text)
        masked = _mask(text, times)
        result.quantities = [Hit(q.kind, q.start, q.end, q.text) for q in find_quantities(masked)]
        result.criteria = self._criteria(masked)
        if self.directions is not None:
            result.directions = [
                Hit("direction", m.start(), m.end(), m.group()) for m in self.directions.finditer(text)
            ]
        return result

    def _judgements(self, text: str) -> list[Hit]:
        hits: list[Hit] = []
        for m in self.trait_eval.finditer(text):
            hits.append(Hit("trait", m.start(), m.end(), m.group()))
        if self.judgement_words is not None:
            for m in self.judgement_words.finditer(text):
                if not any(h.start <= m.start() < h.end for h in hits):
                    hits.append(Hit("judgement", m.start(), m.end(), m.group()))
        return sorted(hits, key=lambda h: h.start)

    def _evidence(self, text: str) -> list[Hit]:
        hits: list[Hit] = []
        generic = (
            [(m.start(), m.end()) for m in self.generic_time.finditer(text)] if self.generic_time else []
        )
        for q in find_quantities(text):
            if _COHORT.fullmatch(text[q.start : q.end + 1]) or _inside(q.start, generic):
                continue
            if q.kind == "threshold" and q.text in ("以上", "以下", "以内"):
                continue
            hits.append(Hit("number", q.start, q.end, q.text))
        for m in SPECIFIC_TIME.finditer(text):
            if not _inside(m.start(), generic):
                hits.append(Hit("time", m.start(), m.end(), m.group()))
        for m in _QUOTED.finditer(text):
            hits.append(Hit("name", m.start(), m.end(), m.group()))
        hits.extend(self._case_words(text))
        return hits

    def _case_words(self, text: str) -> list[Hit]:
        """An event, or a work object acted on, named in the point ("线上故障", "设计文档……被当作范本")."""
        tokens = pipeline.segment(text)
        found: dict[str, list[Hit]] = {"event": [], "object": [], "action": [], "example": []}
        for i, tok in enumerate(tokens):
            tags = self.evidence.entries.get(tok.text)
            if not tags:
                continue
            for tag in tags:
                if tag in found:
                    found[tag].append(Hit(tag, tok.start, tok.end, tok.text))
            # "整理了", "建立了": a finished, observed action
            if "action" in tags and i + 1 < len(tokens) and tokens[i + 1].text in ("了", "过"):
                found["event"].append(
                    Hit("event", tok.start, tokens[i + 1].end, tok.text + tokens[i + 1].text)
                )
        if found["event"] or found["example"]:
            return found["event"] + found["example"]
        if found["object"] and found["action"]:
            return found["object"] + found["action"]
        return []

    # ------------------------------------------------------------ plan items
    def _criteria(self, masked: str) -> list[Hit]:
        """Verifiable outcomes: 通过…考试, 取得…证书, 独立完成…报告, 上线…功能; 合格, 减半."""
        hits = []
        if self.outcomes is not None:
            hits += [Hit("outcome", m.start(), m.end(), m.group()) for m in self.outcomes.finditer(masked)]
        tokens = pipeline.segment(masked)
        for clause_start, clause_end in _clauses(masked):
            verb = None
            for tok in tokens:
                if not (clause_start <= tok.start < clause_end):
                    continue
                if verb is None and any(tok.text == v or tok.text.startswith(v) for v in self.criteria_verbs):
                    verb = tok
                elif verb is not None and (
                    tok.text in self.criteria_nouns or _ends_with_any(tok.text, self.criteria_nouns)
                ):
                    hits.append(Hit("criterion", verb.start, tok.end, masked[verb.start : tok.end]))
                    break
            if verb is not None and not hits:
                # "独立完成竞品分析报告": the noun may be glued into a longer token
                tail = masked[verb.end : clause_end]
                if any(noun in tail for noun in self.criteria_nouns if len(noun) > 1):
                    hits.append(Hit("criterion", verb.start, clause_end, masked[verb.start : clause_end]))
        return hits


def _ends_with_any(token: str, nouns: set[str]) -> bool:
    return len(token) > 1 and any(len(n) > 1 and token.endswith(n) for n in nouns)


def _clauses(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in re.finditer(r"[。；;,，!！?？]", text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


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
