"""existence (Vale-like): fires on any of a list of words or a lexicon's entries in the fields in scope."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.base import CheckContext, Rule, check_kind, finding
from checker.model import Finding


class ExistenceParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    tokens: list[str] = Field(default_factory=list)
    lexicon: str = ""
    regex: str = ""


@check_kind("existence", ExistenceParams)
def check_existence(rule: Rule, params: ExistenceParams, ctx: CheckContext) -> list[Finding]:
    """Flags each occurrence of the listed words (boilerplate, banned phrases)."""
    words = list(params.tokens)
    if params.lexicon:
        words += ctx.analyzer.lexicons.get(params.lexicon).words()
    parts = [re.escape(w) for w in sorted(set(words), key=len, reverse=True)]
    if params.regex:
        parts.append(params.regex)
    if not parts:
        return []
    pattern = re.compile("|".join(parts))
    out = []
    for key in rule.fields:
        if ctx.is_placeholder(key):
            continue
        text = ctx.text(key)
        for m in pattern.finditer(text):
            out.append(finding(rule, key, text, m.start(), m.end(), name=ctx.field_name(key)))
    return out


class MinLengthParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    min_chars: int = 30


@check_kind("min-length", MinLengthParams)
def check_min_length(rule: Rule, params: MinLengthParams, ctx: CheckContext) -> list[Finding]:
    """A filled field shorter than min_chars characters (not counting blanks)."""
    out = []
    for key in rule.fields:
        text = ctx.text(key)
        if ctx.is_placeholder(key):
            continue
        length = len(re.sub(r"\s+", "", text))
        if length < params.min_chars:
            out.append(
                finding(
                    rule,
                    key,
                    text,
                    0,
                    len(text),
                    name=ctx.field_name(key),
                    length=length,
                    min_chars=params.min_chars,
                )
            )
    return out
