"""grade-text: the grade contradicts the narrative (grade-text-mismatch).

A top grade (S, A, 优秀) over a narrative that is mostly criticism, or a bottom grade (C, 不合格) over
one that holds only praise. Grades are normalised through lexicons/grades.txt (high / mid / low; a
middle grade is never compared). The narrative is read through the judgement finder that vague-rating
uses: each judgement's direction comes from its phrase class (failure, shortfall, excess ... are
criticism kinds: the rule's params) or from the praise / criticism tags of the judgement and
evaluation lexicons, flipped by a negator before the word (lexicons/negators.txt: 不够及时)."""

from __future__ import annotations

import re
from collections.abc import Collection

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.base import CheckContext, Rule, check_kind, finding, owned
from checker.model import Finding
from checker.nlp.analysis import Hit, TextAnalyzer
from checker.nlp.checkboxes import has_boxes, ticked_options
from checker.nlp.lexicon import Lexicons

_GRADES: dict[int, tuple] = {}


class GradeTextParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    grades_lexicon: str = "grades"
    # the fields whose judgements are weighed against the grade (the pack's)
    narrative_fields: list[str] = Field(default_factory=list)
    # phrase classes of lexicons/judgement_phrases.txt that are criticism / praise whatever the words
    criticism_classes: list[str] = Field(default_factory=list)
    praise_classes: list[str] = Field(default_factory=list)
    # a top grade fires when at least this share of the narrative's points lean to criticism ...
    criticism_share: float = 0.75
    # ... and there are at least this many judgements of the dominant direction (either case)
    min_judgements: int = 2
    # a bottom grade with only praise fires only when the weaknesses box is empty (a weakness written
    # as a plain fact, "库存差异率1.8%,超出1%的标准", is criticism the judgement finder does not see)
    low_needs_empty_weaknesses: bool = True
    weaknesses_field: str = "weaknesses"
    # {state} of the message per case
    states: dict[str, str] = Field(default_factory=dict)


def grade_level(text: str, analyzer: TextAnalyzer, lexicon: str = "grades") -> tuple[str, int, int] | None:
    """(high | mid | low, start, end) of the first grade named in the text; None when none is."""
    key = (id(analyzer), lexicon)
    if key not in _GRADES:
        lex = analyzer.lexicons.get(lexicon)
        words = lex.words()
        pattern = (
            re.compile(
                "|".join(
                    rf"(?<![A-Za-z]){re.escape(w)}(?![A-Za-z+\-])"
                    if re.match(r"[A-Za-z]", w)
                    else re.escape(w)
                    for w in words
                ),
                re.IGNORECASE,
            )
            if words
            else None
        )
        _GRADES[key] = (lex, pattern)
    lex, pattern = _GRADES[key]
    if pattern is None:
        return None
    chosen = text
    offset = 0
    if has_boxes(text):
        options = ticked_options(text)
        if not options:
            return None
        offset = text.find(options[0])
        chosen = options[0]
    m = pattern.search(chosen)
    if not m:
        return None
    tags = lex.entries.get(m.group()) or lex.entries.get(m.group().upper()) or set()
    level = next((t for t in ("high", "mid", "low") if t in tags), None)
    return (level, offset + m.start(), offset + m.end()) if level else None


def direction(
    hit: Hit,
    analyzer: TextAnalyzer,
    criticism_classes: Collection[str] = (),
    praise_classes: Collection[str] = (),
) -> str | None:
    """praise | criticism | None for one judgement hit: by its phrase class when the rule names it
    (criticism_classes, praise_classes), else by its words."""
    if hit.kind in criticism_classes:
        return "criticism"
    if hit.kind in praise_classes:
        return "praise"
    return _word_direction(analyzer.lexicons, hit.text)


def _word_direction(lexicons: Lexicons, text: str) -> str | None:
    """The direction the judgement and evaluation lexicons give a judgement's words, remembered per
    lexicon set: the scan walks every judgement word, and exports repeat the same judgements."""
    known = owned(lexicons, "judgement directions", dict)
    if text not in known:
        known[text] = _scan_direction(lexicons, text)
    return known[text]


def _scan_direction(lexicons: Lexicons, text: str) -> str | None:
    for name in ("judgement", "evaluation"):
        tags = lexicons.get(name).entries.get(text)
        if tags and tags & {"praise", "criticism"}:
            return "praise" if "praise" in tags else "criticism"
    best = None
    for name in ("judgement", "evaluation"):
        for word, tags in lexicons.get(name).entries.items():
            if not tags & {"praise", "criticism"}:
                continue
            pos = text.rfind(word)
            if pos >= 0 and (best is None or len(word) > len(best[0])):
                best = (word, pos, "praise" if "praise" in tags else "criticism")
    if best is None:
        return None
    word, pos, way = best
    head = text[:pos]
    if any(head.endswith(n) or n in head[-4:] for n in lexicons.get("negators").words()):
        way = "criticism" if way == "praise" else "praise"
    return way


# narrative_points answers kept (per pack settings); then the store starts again
NARRATIVE_KEPT = 50_000


def narrative_points(ctx: CheckContext, fields: list[str], params: GradeTextParams):
    """(points, [(direction of the point, its directed judgements)]) over the narrative fields: a point
    leans the way most of its judgements go; a point with none, or as many each way, leans no way.

    Remembered by the narrative's texts: the rule is cached by the grade and the narrative together,
    and an export pairs each narrative with several grades."""
    memo = owned(ctx.settings, "narrative points", dict)
    key = (tuple(params.criticism_classes), tuple(params.praise_classes), *(ctx.text(k) for k in fields))
    kept = memo.get(key)
    if kept is not None and kept[0] is ctx.analyzer:
        return kept[1]
    if len(memo) >= NARRATIVE_KEPT:
        memo.clear()
    answer = _narrative_points(ctx, fields, params)
    memo[key] = (ctx.analyzer, answer)
    return answer


def _narrative_points(ctx: CheckContext, fields: list[str], params: GradeTextParams):
    total = 0
    leaning = []
    for _key, _text, _point, analysis in ctx.analysed_points(fields):
        total += 1
        ways = [
            (direction(h, ctx.analyzer, params.criticism_classes, params.praise_classes), h.text)
            for h in analysis.judgements
        ]
        praise = [t for w, t in ways if w == "praise"]
        criticism = [t for w, t in ways if w == "criticism"]
        if len(praise) != len(criticism):
            leaning.append(("praise", praise) if len(praise) > len(criticism) else ("criticism", criticism))
        elif praise:
            leaning.append(("mixed", praise + criticism))
    return total, leaning


@check_kind("grade-text", GradeTextParams)
def check_grade_text(rule: Rule, params: GradeTextParams, ctx: CheckContext) -> list[Finding]:
    """A top grade over mostly criticism, or a bottom grade over praise only, is a contradiction."""
    key = rule.fields[0] if rule.fields else "grade"
    if ctx.is_placeholder(key):
        return []
    text = ctx.text(key)
    graded = grade_level(text, ctx.analyzer, params.grades_lexicon)
    if graded is None or graded[0] == "mid":
        return []
    level, start, end = graded
    total, leaning = narrative_points(ctx, params.narrative_fields, params)
    praise = [t for w, texts in leaning if w == "praise" for t in texts]
    criticism = [t for w, texts in leaning if w == "criticism" for t in texts]
    mixed = any(w == "mixed" for w, _ in leaning)
    critical_points = sum(1 for w, _ in leaning if w == "criticism")
    if level == "high":
        fires = len(criticism) >= params.min_judgements and critical_points >= params.criticism_share * total
        examples = criticism
    else:
        fires = len(praise) >= params.min_judgements and not criticism and not mixed
        if params.low_needs_empty_weaknesses and not ctx.is_placeholder(params.weaknesses_field):
            fires = False
        examples = praise
    if not fires:
        return []
    return [
        finding(
            rule,
            key,
            text,
            start,
            end,
            grade=text[start:end],
            state=params.states.get(level, level),
            praise=len(praise),
            criticism=len(criticism),
            examples="、".join(f"「{t}」" for t in dict.fromkeys(examples[:3])),
        )
    ]
