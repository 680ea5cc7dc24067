"""sensitive-lexicon: remarks on marriage and childbearing, age, region, health, ethnicity or gender
used as evaluation (sensitive-content).

lexicons/sensitive.txt tags each entry with its category and a type: a `remark` ("年纪大", "女孩子",
"外地人") is evaluation by itself wherever it stands in an evaluation field; a `topic` ("产假", "病假",
"年龄") may be a plain fact and fires only when the same sentence holds a `cue` ("影响", "不适合",
"精力") or a criticism found by the judgement finder. So "7月1日起休产假,工作已交接给小王" (a scheduling
fact) passes and "休产假影响了项目进度" fires."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.base import CheckContext, Rule, check_kind, finding
from checker.checks.grade import direction
from checker.model import Finding

_SENTENCE = re.compile(r"[^。；;!！?？\n]+")


class SensitiveParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    lexicon: str = "sensitive"
    # category tag -> its name in the message
    categories: dict[str, str] = Field(default_factory=dict)
    # a topic fires with a criticism of the judgement finder in the same sentence, too; a judgement's
    # direction comes from its phrase class where these name it (as in grade-text), else its words
    criticism_is_cue: bool = True
    criticism_classes: list[str] = Field(default_factory=list)
    praise_classes: list[str] = Field(default_factory=list)


@check_kind("sensitive-lexicon", SensitiveParams)
def check_sensitive(rule: Rule, params: SensitiveParams, ctx: CheckContext) -> list[Finding]:
    """A remark on a protected ground, or a protected topic tied to the evaluation in one sentence."""
    lexicon = ctx.analyzer.lexicons.get(params.lexicon)
    pattern = lexicon.pattern()
    if pattern is None:
        return []
    out = []
    for key in rule.fields:
        if ctx.is_placeholder(key):
            continue
        text = ctx.text(key)
        for sentence in _SENTENCE.finditer(text):
            hits = [(m, lexicon.entries.get(m.group(), set())) for m in pattern.finditer(sentence.group())]
            cues = [m for m, tags in hits if "cue" in tags]
            for m, tags in hits:
                category = next((c for c in params.categories if c in tags), None)
                if category is None:
                    continue
                start, end = m.start(), m.end()
                if "topic" in tags:
                    tied = _tie(sentence.group(), m, cues, ctx, params)
                    if tied is None:
                        continue
                    start, end = min(start, tied[0]), max(end, tied[1])
                base = sentence.start()
                out.append(
                    finding(
                        rule,
                        key,
                        text,
                        base + start,
                        base + end,
                        category=params.categories[category],
                        name=ctx.field_name(key),
                    )
                )
    return _merge(out)


def _tie(sentence: str, topic: re.Match, cues: list[re.Match], ctx: CheckContext, params: SensitiveParams):
    """(start, end) of what ties a topic to the evaluation: the nearest cue or criticism; None if nothing."""
    candidates = [(m.start(), m.end()) for m in cues]
    if params.criticism_is_cue:
        for hit in ctx.analyzer.analyze(sentence).judgements:
            if direction(hit, ctx.analyzer, params.criticism_classes, params.praise_classes) == "criticism":
                candidates.append((hit.start, hit.end))
    if not candidates:
        return None
    return min(candidates, key=lambda c: min(abs(c[0] - topic.end()), abs(topic.start() - c[1])))


def _merge(findings: list[Finding]) -> list[Finding]:
    """One finding per marked stretch: overlapping marks of one field become the first one."""
    out: list[Finding] = []
    for f in sorted(findings, key=lambda f: (f.field, f.start, -f.end)):
        if out and out[-1].field == f.field and f.start < out[-1].end:
            continue
        out.append(f)
    return out
