"""support-owner: a promised support item with no owner or no time (support-no-owner).

"您当时说要帮我协调的资源呢": support is followed up only when someone owns it by a time. Each point
of resource_support needs an owner (a unit, a role or a named person: lexicons/owners.txt, and the
evidence finder's person names such as 王经理) and a time (the time recogniser's dates, periods,
bounds and milestones, or a schedule such as 每月1次)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.base import CheckContext, Rule, check_kind, finding
from checker.model import Finding
from checker.nlp.phrases import PhraseCompiler

_COMPILED: dict[int, tuple] = {}


class SupportParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    lexicon: str = "owners"
    require_owner: bool = True
    require_time: bool = True
    # a schedule ("每月指导1次") answers "when" for a standing support
    schedule_is_time: bool = True
    # {missing} of the message per case
    missing: dict[str, str] = Field(default_factory=dict)


def _patterns(ctx: CheckContext, lexicon: str):
    key = id(ctx.analyzer)
    if key not in _COMPILED:
        compiler = PhraseCompiler(ctx.analyzer.lexicons)
        name = lexicon
        _COMPILED[key] = (
            compiler.compile(rf"{{{name}:org}}|{{{name}:role}}"),
            # a unit's name: 市场部, IT部, 培训中心, 信息科 (not 全部, 内部, 部分, 部署, 组织, 科学)
            compiler.compile(
                rf"(?<![全内外局细])(?<=<alnum_han>)(?:{{{name}:org_suffix}})(?![分门署位织长员学目技研])"
            ),
            compiler.compile(rf"(?:{{{name}:assign}})<alnum_han>{{1,10}}"),
        )
    return _COMPILED[key]


def has_owner(text: str, ctx: CheckContext, lexicon: str = "owners") -> bool:
    named, unit, assigned = _patterns(ctx, lexicon)
    if named.search(text) or unit.search(text) or assigned.search(text):
        return True
    return bool(ctx.analyzer.person.search(text))


def has_time(text: str, ctx: CheckContext, schedule_is_time: bool = True) -> bool:
    analysis = ctx.analyzer.analyze(text)
    if analysis.deadlines:
        return True
    if schedule_is_time and any(q.kind == "frequency" for q in analysis.quantities):
        return True
    return any(t.why in ("recurring", "start") for t in ctx.analyzer.times.find(text))


@check_kind("support-owner", SupportParams)
def check_support(rule: Rule, params: SupportParams, ctx: CheckContext) -> list[Finding]:
    """Each promised support item needs an owner (unit, role, person) and a time (date, bound, schedule)."""
    out = []
    for key in rule.fields:
        if ctx.is_placeholder(key):
            continue
        text = ctx.text(key)
        for point in ctx.points(key):
            no_owner = params.require_owner and not has_owner(point.text, ctx, params.lexicon)
            no_time = params.require_time and not has_time(point.text, ctx, params.schedule_is_time)
            if not (no_owner or no_time):
                continue
            case = "both" if no_owner and no_time else "owner" if no_owner else "time"
            out.append(
                finding(
                    rule,
                    key,
                    text,
                    point.start,
                    point.end,
                    item=point.text,
                    missing=params.missing.get(case, case),
                )
            )
    return out
