"""location-lexicon: the talk was held somewhere the policy rules out (unsuitable-location): an open
office area or the employee's desk, a corridor, a canteen, or by phone / online for a regular talk.
The places are data (lexicons/locations.txt, tagged open / passage / public / remote / quiet / not)."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.base import CheckContext, Rule, check_kind, finding
from checker.model import Finding
from checker.nlp.checkboxes import has_boxes, ticked_options


class LocationParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    lexicon: str = "locations"
    # the tags of the lexicon that make a place unsuitable, and why (the message's {reason})
    reasons: dict[str, str] = Field(default_factory=dict)
    # tags that are fine when the talk is not a regular one (a special talk may be held remotely)
    regular_only: list[str] = Field(default_factory=list)
    type_field: str = "interview_type"
    # what a regular / special talk is called in the interview type (the pack's); an empty or
    # unknown type counts as regular
    regular_types: list[str] = Field(default_factory=list)
    special_types: list[str] = Field(default_factory=list)


def _regular(ctx: CheckContext, params: LocationParams) -> bool:
    text = ctx.text(params.type_field)
    chosen = " ".join(ticked_options(text)) if has_boxes(text) else text
    if any(w in chosen for w in params.regular_types):
        return True
    return not any(w in chosen for w in params.special_types)


@check_kind("location-lexicon", LocationParams)
def check_location(rule: Rule, params: LocationParams, ctx: CheckContext) -> list[Finding]:
    """The location must not be a place of the lexicon's unsuitable tags (remote only for a regular talk)."""
    lexicon = ctx.analyzer.lexicons.get(params.lexicon)
    pattern = lexicon.pattern()
    if pattern is None:
        return []
    out = []
    for key in rule.fields:
        if ctx.is_placeholder(key):
            continue
        text = ctx.text(key)
        hits = [
            (m, lexicon.entries.get(m.group(), set()) or _tags_ci(lexicon, m.group()))
            for m in pattern.finditer(text)
        ]
        quiet = any("quiet" in tags for _, tags in hits)
        for i, (m, tags) in enumerate(hits):
            tag = next((t for t in params.reasons if t in tags), None)
            if tag is None:
                continue
            if (
                i > 0
                and "not" in hits[i - 1][1]
                and not _CLAUSE_BREAK.search(text, hits[i - 1][0].end(), m.start())
            ):
                continue  # "非开放办公区", "避开工位"
            if tag in params.regular_only:
                follows = hits[i + 1][0] if i + 1 < len(hits) else None
                if not _regular(ctx, params) or (
                    follows is not None and follows.start() == m.end() and "quiet" in hits[i + 1][1]
                ):
                    continue  # a special talk, or "视频会议室" (a room)
            elif quiet:
                continue  # "办公区3楼会议室": a closed room in the office area
            out.append(
                finding(
                    rule, key, text, m.start(), m.end(), reason=params.reasons[tag], name=ctx.field_name(key)
                )
            )
            break  # one place per field: "腾讯会议线上面谈" is one remote talk
    return out


_CLAUSE_BREAK = re.compile(r"[,，。;；、]")


def _tags_ci(lexicon, word: str) -> set[str]:
    """Tags of an entry matched case-insensitively ("zoom" for Zoom)."""
    return next((tags for w, tags in lexicon.entries.items() if w.lower() == word.lower()), set())
