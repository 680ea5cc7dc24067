"""Finding judgements of the employee in a point (vague-rating).

A judgement is found by structure, so that unseen wording is still caught. The structures
are data: lexicons/judgement_phrases.txt holds one pattern per phrase class (a trait
evaluated, an evaluation graded or closing a clause, a shortfall, failure, excess, softened
improvement, carelessness, acclaim, collective reception ...), written over the word classes
of lexicons/function_words.txt and the lexicons traits / evaluation. Besides those:

- a judgement word or idiom on its own: 认真负责, 兢兢业业, 顶梁柱 (judgement.txt);
- a reduplicated manner word closing a clause: 拖拖拉拉, 认认真真;
- any common four-character idiom closing a clause: 做事瞻前顾后, 质量参差不齐 (data/idioms.txt,
  written by build_dict from jieba's dictionary), so unseen idioms of appraisal are caught.
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Callable
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import NamedTuple

from checker.nlp.lexicon import Lexicons, WordScanner
from checker.nlp.phrases import Phrase, PhraseCompiler, load_phrases
from checker.nlp.prefilter import LiteralGate, sentences

PHRASES = "judgement_phrases"
# a phrase class that only blocks the judgements it overlaps ("从弱到强" is no verdict on anyone)
NOT_JUDGEMENT = "not_judgement"
IDIOMS = Path(__file__).resolve().parent / "data" / "idioms.txt"
_CIRCUMSTANCE = r"{circumstance}{degree}*(?:不|没有?)?$"
_FOUR_HAN = re.compile(r"[\u4e00-\u9fff]{4}")  # what four_han matches before a clause end
_CHOSEN = 4096  # the patterns to run, kept for so many combinations of atoms


@cache
def _idioms() -> frozenset[str]:
    if not IDIOMS.is_file():
        return frozenset()
    # four Chinese characters each (see _may_hold_idiom)
    return frozenset(w for w in IDIOMS.read_text(encoding="utf-8").split() if _FOUR_HAN.fullmatch(w))


class JudgementHit(NamedTuple):
    # a tuple: ~100 bytes a span instead of ~330 for a frozen dataclass with its __dict__ (the analysis
    # cache of a 100k-row export holds hundreds of thousands), and built faster
    kind: str  # the phrase class (trait, graded, failure, ...), word, or idiom
    start: int
    end: int
    text: str
    polarity: str = "praise"  # praise or criticism: which advice fits


class JudgementFinder:
    def __init__(self, lexicons: Lexicons):
        compiler = PhraseCompiler(lexicons)
        self.phrases = load_phrases(compiler, PHRASES)
        # the order patterns are tried in: blockers first, then file order; single words last
        self._ordered = sorted(self.phrases, key=lambda p: p.kind != NOT_JUDGEMENT)
        self.aabb_not = frozenset(compiler.words("aabb_not"))
        self._lexicons = lexicons
        self._compiler = compiler
        self._polarity = lru_cache(maxsize=8192)(self._polarity_of)  # hit texts repeat: 认真负责, 有待提高
        self._extra: list[Callable[[], list[list[frozenset[str]]]]] = []  # other steps' (see add_needs)
        self._groups: list[tuple[int, int]] = []  # where each of them is in the gate: first, count
        self._chosen: dict[int, tuple] = {}  # see _steps()
        self._idiom_sentences: dict[str, bool] = {}  # see _may_hold_idiom()

    @cached_property
    def words(self) -> WordScanner | re.Pattern | None:
        return self._lexicons.get("judgement").matcher()

    @cached_property
    def circumstance(self) -> re.Pattern:
        """The subject right before an evaluation is a circumstance, not the employee: "市场环境不好"."""
        return self._compiler.compile(_CIRCUMSTANCE)

    @cached_property
    def aabb(self) -> re.Pattern:
        """ "拖拖拉拉", "大大咧咧": a reduplicated (AABB) manner word closing a clause."""
        return self._compiler.compile(r"(<han>)\1(<han>)\2<end>")

    @cached_property
    def four_han(self) -> re.Pattern:
        return self._compiler.compile(r"<han>{4}<end>")

    def add_needs(self, needs: Callable[[], list[list[frozenset[str]]]]) -> int:
        """Let the same scan of a text tell which patterns of another step may match it: `needs()`
        gives the atoms of each (called once, when the gate is built at the first scan). Returns
        the handle for opened(). Only before the first scan."""
        assert "_gate" not in self.__dict__, "the gate is built already"
        self._extra.append(needs)
        return len(self._extra) - 1

    @cached_property
    def _gate(self) -> LiteralGate:
        """What each phrase (then the judgement words, a circumstance, other steps) needs in a text."""
        needs = [p.needs for p in self._ordered]
        needs += [self._compiler.atoms("{judgement}"), self._compiler.atoms(_CIRCUMSTANCE)]
        for provider in self._extra:
            atoms = provider()
            self._groups.append((len(needs), len(atoms)))
            needs += atoms
        return LiteralGate(needs)

    def scan(self, text: str) -> int:
        """Which literals the text holds, for find() and opened()."""
        return self._gate.scan(text)

    def opened(self, handle: int, found: int) -> int:
        """Which patterns of another step (add_needs) may match the scanned text, as bits in the
        order its needs() gave them."""
        first, count = self._groups[handle]
        return self._gate.select(first, count, found)

    @cached_property
    def _table(self) -> tuple[list[tuple[str, Phrase, str | None, int]], tuple[int, int], int]:
        """(kind, phrase, polarity, the atoms it needs) in the order tried; what the judgement words
        and a circumstance need; every atom any of them reads."""
        gate = self._gate
        n = len(self._ordered)
        table = [(p.kind, p, p.polarity, gate.needed[i]) for i, p in enumerate(self._ordered)]
        others = (gate.needed[n], gate.needed[n + 1])
        return table, others, functools.reduce(operator.or_, gate.needed[: n + 2], 0)

    def _steps(self, found: int) -> tuple[list[tuple[str, re.Pattern | WordScanner, str | None]], bool]:
        """The patterns a scanned text may match (kind, pattern, polarity), in the order tried;
        whether a circumstance may be in it. Texts share the atoms these read, so the answer is
        kept by those atoms."""
        table, (word_needs, circumstance_needs), reads = self._table
        key = found & reads
        steps = self._chosen.get(key)
        if steps is None:
            patterns = [(kind, p.pattern, pol) for kind, p, pol, needs in table if key & needs == needs]
            if key & word_needs == word_needs and self.words is not None:
                patterns.append(("word", self.words, None))
            circumstance = key & circumstance_needs == circumstance_needs
            steps = (patterns, circumstance)
            if len(self._chosen) >= _CHOSEN:
                self._chosen.clear()
            self._chosen[key] = steps
        return steps

    def find(self, text: str, found: int | None = None) -> list[JudgementHit]:
        hits: list[JudgementHit] = []
        # a pattern runs only on a text that holds what every match of it needs: the same matches
        found = self._gate.scan(text) if found is None else found
        patterns, circumstance_may = self._steps(found)
        circumstance = self.circumstance if circumstance_may else None
        for kind, pattern, polarity in patterns:
            for m in pattern.finditer(text):
                if circumstance is None or not circumstance.search(text, 0, m.start()):
                    hit = JudgementHit(
                        kind, m.start(), m.end(), m.group(), polarity or self._polarity(m.group())
                    )
                    _add(hits, hit)
        for m in self.aabb.finditer(text):
            if m.group()[:4] not in self.aabb_not:
                word = m.group()[:4]
                _add(hits, JudgementHit("idiom", m.start(), m.start() + 4, word, self._polarity(word)))
        idioms = _idioms()
        for m in self.four_han.finditer(text) if self._may_hold_idiom(text) else ():
            if m.group() in idioms:
                _add(hits, JudgementHit("idiom", m.start(), m.end(), m.group(), self._polarity(m.group())))
        return sorted((h for h in hits if h.kind != NOT_JUDGEMENT), key=lambda h: h.start)

    def _may_hold_idiom(self, text: str) -> bool:
        """Whether a four-character idiom of data/idioms.txt may stand in the text: in a text of
        several sentences (an export's summary) the idiom pattern, tried at every Chinese
        character, runs only where one stands; whether a sentence holds one is kept (see
        prefilter.sentences; an idiom is Chinese characters only, so none stands across a
        sentence end). A text of one sentence is left to the pattern, which costs less than looking."""
        parts, idioms, memo = sentences(text), _idioms(), self._idiom_sentences
        if len(parts) < 2:
            return bool(idioms)
        for sentence in parts:
            held = memo.get(sentence)
            if held is None:
                if len(memo) >= _CHOSEN:
                    memo.clear()
                grams = {sentence[i : i + 4] for i in range(len(sentence) - 3)}
                held = memo[sentence] = not idioms.isdisjoint(grams)
            if held:
                return True
        return False

    @cached_property
    def _polarity_patterns(self) -> tuple[WordScanner | re.Pattern, WordScanner | re.Pattern, re.Pattern]:
        """criticism words and negations, praise words, never-words; compiled on first use (they are
        big alternations, and a run that judges nothing need not pay for them)."""
        lexicons, compiler = self._lexicons, self._compiler
        criticism = lexicons.get("evaluation").words("criticism") + lexicons.get("judgement").words(
            "criticism"
        )
        praise = lexicons.get("evaluation").words("praise") + lexicons.get("judgement").words("praise")
        return (
            _alternation(compiler, criticism, ["不", "没", "未", "欠", "缺", "差"]),
            _alternation(compiler, praise) if praise else compiler.compile("(?!)"),
            compiler.compile(r"从不|从没|从未|很少|极少|鲜少|绝不|决不"),
        )

    def _polarity_of(self, text: str) -> str:
        """criticism when a criticism word or a negation stands outside every praise word it overlaps
        ("有待提高" is criticism though 高 praises; "不错" is praise); a rarity word turns it round
        ("从不抱怨")."""
        criticism_words, praise_words, never_words = self._polarity_patterns
        praise = [m.span() for m in praise_words.finditer(text)]
        critical = any(
            not any(a <= m.start() and m.end() <= b and b - a > m.end() - m.start() for a, b in praise)
            for m in criticism_words.finditer(text)
        )
        never = never_words.match(text)
        if never and not any(a <= never.start() and never.end() <= b for a, b in praise):
            critical = not critical
        return "criticism" if critical else "praise"


def _alternation(
    compiler: PhraseCompiler, words: list[str], extra: list[str] = ()
) -> WordScanner | re.Pattern:
    """`w1|w2|…` in that order: a word scanner (no compiling) unless a word has cased letters."""
    listed = [*words, *extra]
    if words and not any(w != w.lower() or w != w.upper() for w in listed):
        return WordScanner(listed)
    return compiler.compile("|".join(map(re.escape, words)) + "".join(f"|{w}" for w in extra))


def _add(hits: list[JudgementHit], hit: JudgementHit) -> None:
    if hit.end > hit.start and not any(h.start < hit.end and hit.start < h.end for h in hits):
        hits.append(hit)
