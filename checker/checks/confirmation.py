"""confirmation: no sign that the employee confirmed the record (signature, tick, 已确认)."""

from __future__ import annotations

import re
import weakref

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.base import CheckContext, Rule, check_kind, finding, is_placeholder
from checker.model import Finding
from checker.nlp.checkboxes import UNTICKED, has_boxes, ticked_options
from checker.nlp.phrases import PhraseCompiler


class ConfirmationParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    # also read these keys when the confirmation field itself is absent (a joint signature line)
    fallback_fields: list[str] = Field(default_factory=list)
    # the words of a confirmation line: refusal, and the parts of the printed statement (tags)
    lexicon: str = ""


# The printed statement beside the boxes, "本人已阅读并确认以上面谈内容属实": its parts are the
# lexicon's tags, in this order; only the verb must be there.
_STATEMENT = (
    "(?:{lex:subject})?(?:{lex:done})?(?:{lex:verb})+(?:{lex:joiner})?(?:{lex:confirm})?"
    "(?:{lex:scope})?(?:{lex:talk})?(?:{lex:object})*(?:{lex:truth})?"
)
_PATTERNS: dict[tuple[int, str], tuple] = {}


def _patterns(ctx: CheckContext, lexicon: str) -> tuple[re.Pattern | None, re.Pattern | None]:
    """(refusal words, statement) of the lexicon, compiled once per loaded word lists."""
    if not lexicon:
        return None, None
    lexicons = ctx.analyzer.lexicons
    key = (id(lexicons), lexicon)
    cached = _PATTERNS.get(key)
    if cached is None or cached[0]() is not lexicons:  # keyed by id: a new Lexicons may reuse one
        words = lexicons.get(lexicon)
        statement = PhraseCompiler(lexicons).compile(_STATEMENT.replace("{lex:", "{" + lexicon + ":"), 0)
        cached = _PATTERNS[key] = (weakref.ref(lexicons), words.pattern("refusal"), statement)
    return cached[1], cached[2]


def confirmation_state(text: str, ctx: CheckContext, params: ConfirmationParams) -> str | None:
    """None when confirmed, else a short reason."""
    if is_placeholder(text, ctx.settings):
        return "员工签字栏为空" if not text.strip() else f"员工确认栏只有占位内容「{text.strip()[:10]}」"
    refusal, statement = _patterns(ctx, params.lexicon)
    boxes = has_boxes(text)
    ticked = ticked_options(text) if boxes else []  # no box, no tick
    if refusal and refusal.search(" ".join(ticked) if boxes else text):
        return "员工明确表示不确认"
    if ticked:
        return None
    if boxes:
        # "本人已阅读并确认以上内容 □": boxes but none ticked; only a name or a date beside them confirms
        rest = UNTICKED.sub(" ", text)
        if statement:
            rest = statement.sub("", rest)
        if not re.search(r"\d|[\u4e00-\u9fff]{2,4}\s*$", rest.strip()):
            return "确认框未勾选"
    return None


@check_kind("confirmation", ConfirmationParams)
def check_confirmation(rule: Rule, params: ConfirmationParams, ctx: CheckContext) -> list[Finding]:
    """The employee confirmation must show a name, a tick or 已确认."""
    key = rule.fields[0] if rule.fields else "employee_confirmation"
    text = ctx.text(key)
    if not ctx.record.has(key):
        for other in params.fallback_fields:
            if ctx.record.has(other) and not is_placeholder(ctx.text(other), ctx.settings):
                return []
    state = confirmation_state(text, ctx, params)
    if state is None:
        return []
    return [finding(rule, key, text, 0, len(text), state=state)]
