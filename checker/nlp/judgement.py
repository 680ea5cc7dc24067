"""Finding judgements of the employee in a point (vague-rating).

A judgement is found by structure, so that unseen wording is still caught:

- a quality noun with an evaluation after it: 沟通能力 + 强, 执行力 + 有待提高 (traits.txt + evaluation.txt);
- a graded or negated evaluation: 比较粗放, 不够及时, 有点急, 很好的 (degree adverb + evaluation word);
- an evaluation as a complement: 做得用心, 控制得还可以;
- an evaluation closing a clause after its subject: 门店形象好, 上手快, 原则性强;
- a judgement word or idiom on its own: 认真负责, 兢兢业业, 顶梁柱, 达到预期 (judgement.txt).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.nlp.lexicon import Lexicons

# Adverbs that may stand between a subject and its evaluation ("执行力也比较强", "主动性差点意思")
DEGREE = (
    r"(?:也|都|还|仍|却|就|比较|较为|较|很|非常|十分|特别|相当|极|挺|蛮|偏|过于|略|稍|明显|有点|有些|"
    r"不太|还算|算是|一直|总体|整体|基本|真的|确实|是|越来越|更加|更|做得|得)*"
)
# Adverbs that make the next word an evaluation ("比较粗放", "不够及时", "有点急"): grading or negation
GRADING = (
    r"(?:很|非常|十分|特别|相当|极其|极为|颇为|颇|比较|较为|较|挺|蛮|过于|太|偏|略显|稍显|有点儿?|有些|"
    r"不够|不太|不大|不是很|不怎么|没那么|不|欠|还算|算是|越来越|更加|愈发)"
)
_CLAUSE_END = r"(?=[,，。;；、!！?？…:：)）]|$|\s|但|就是|只是|可是|不过|而且|并且|也)"
# Before a one-character evaluation at a clause end: characters that make it part of a verb (提高, 加强, 做好)
_VERB_HEAD = "提加增最搞做问刚恰正只降变改调"
# Adverbs that grade whatever short word closes the clause ("很上心", "不太集中", "比较潦草")
STRONG_GRADING = r"(?:很|非常|十分|特别|相当|极其|比较|较为|挺|蛮|过于|太|不够|不太|不大|不是很|稍显|略显|有点儿?|有些|还欠|欠)"
# 得 as a complement marker ("写得潦草"), not inside a verb (取得, 获得, 记得, 值得)
_COMPLEMENT = r"(?<=[\u4e00-\u9fff])(?<![取获赢记懂觉值显使免难晓舍博搏落])得"
_ALNUM_HAN = r"[\u4e00-\u9fffA-Za-z]"


@dataclass(frozen=True)
class JudgementHit:
    kind: str  # trait | graded | complement | predicate | word
    start: int
    end: int
    text: str


class JudgementFinder:
    def __init__(self, lexicons: Lexicons):
        traits = _alternation(lexicons.get("traits").words())
        evaluations = lexicons.get("evaluation").words()
        evals = _alternation(evaluations)
        single = "".join(w for w in evaluations if len(w) == 1)
        multi = _alternation([w for w in evaluations if len(w) > 1])
        self.patterns: list[tuple[str, re.Pattern]] = [
            ("trait", re.compile(rf"(?:{traits}){DEGREE}(?:{evals})", re.IGNORECASE)),
            ("graded", re.compile(rf"{GRADING}{DEGREE}(?:{evals})")),
            ("complement", re.compile(rf"{_COMPLEMENT}{DEGREE}(?:{evals})")),
            ("graded", re.compile(rf"{STRONG_GRADING}[\u4e00-\u9fff]{{1,3}}?{_CLAUSE_END}")),
            ("complement", re.compile(rf"{_COMPLEMENT}{DEGREE}[\u4e00-\u9fff]{{1,3}}?{_CLAUSE_END}")),
            ("predicate", re.compile(rf"(?<={_ALNUM_HAN})(?:{multi}){_CLAUSE_END}")),
            ("predicate", re.compile(rf"(?<=[^{_VERB_HEAD}\W\d_])[{single}]{_CLAUSE_END}")),
        ]
        words = lexicons.get("judgement").pattern()
        if words is not None:
            self.patterns.append(("word", words))

    def find(self, text: str) -> list[JudgementHit]:
        hits: list[JudgementHit] = []
        for kind, pattern in self.patterns:
            for m in pattern.finditer(text):
                if m.end() > m.start() and not any(h.start < m.end() and m.start() < h.end for h in hits):
                    hits.append(JudgementHit(kind, m.start(), m.end(), m.group()))
        return sorted(hits, key=lambda h: h.start)


def _alternation(words: list[str]) -> str:
    return "|".join(map(re.escape, words)) or "(?!)"
