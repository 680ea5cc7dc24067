"""Runs the active rules of a pack over records and scores them."""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from checker.checks import REGISTRY, CheckContext, copied, followup
from checker.checks.base import FAMILY_FIELDS, job_family_in
from checker.checks.pack import RulePack
from checker.intake.fields import AliasTable
from checker.model import FAIL, PASS, REVISE, Finding, Record, RecordReport, trusted
from checker.nlp.analysis import TextAnalyzer
from checker.nlp.checkboxes import has_boxes, ticked_options

_NO_FINDINGS: tuple[Finding, ...] = ()


# what a score depends on, per finding
_RULE_AND_SEVERITY = operator.attrgetter("rule", "severity")
SCORES_KEPT = 10_000


@dataclass
class Engine:
    pack: RulePack
    analyzer: TextAnalyzer
    fields: AliasTable
    disabled: set[str] = field(default_factory=set)
    # per rule: (field, texts) -> findings; 0 turns the cache off. A cache that reaches this many
    # entries starts again: texts that repeat in an export (stock phrases, the same 面谈人) come back
    # at once, a text seen once (a signature with its date) is gone. Not an LRU: an OrderedDict's get
    # and move_to_end cost twice a dict's get, on ~25 lookups a record (~1.5 s on a 100k-row export),
    # for the one miss per entry a fresh start costs.
    cache_size: int = 30_000

    def __post_init__(self):
        # one cache per rule: a rule reading an always-new text (a signature with its date) must not
        # push out the summaries another rule sees again and again
        self._cache: dict[str, dict[tuple, Sequence[Finding]]] = {}
        self._single: dict[tuple[str, str], object] = {}  # (rule id, field) -> the rule narrowed to it
        self._plans: dict[tuple, list[_Step]] = {}
        # the pack settings the scores below were worked out with, and (rule, severity) of each
        # finding in order -> score: a 100k-row export has a few dozen such sequences
        self._scores: tuple[object, dict[tuple, int]] = (None, {})

    def findings(self, record: Record, texts: dict[str, str] | None = None) -> list[Finding]:
        """`texts`: the record's field texts, when the caller has them already (check)."""
        if texts is None:
            texts = record.field_texts()
        text_of = texts.get
        ctx = None
        inline = None  # the prefixes of the record's inline fields ("other."), worked out when a step asks
        out: list[Finding] = []
        for step in self._plan():
            if step.per_field:
                cache = self._rule_cache(step.rule.id)
                for key, keys, derive in step.field_keys:
                    # a field read alone (most rules) is keyed by its text; with others, by all of them,
                    # or by its text and what the kind derives from the others (DERIVED_READS)
                    if keys is None:
                        cache_key = (key, text_of(key))
                    elif derive is None:
                        cache_key = (key, tuple(map(text_of, keys)))
                    else:
                        cache_key = (key, text_of(key), derive(tuple(map(text_of, keys[1:]))))
                    found = cache.get(cache_key)  # the hit path is inline: 25 lookups a record
                    if found is None:
                        if ctx is None:
                            ctx = CheckContext(record, self.analyzer, self.pack.settings, self.fields)
                        found = self._miss(cache, cache_key, step, ctx, key)
                    if found:
                        out.extend(found)  # Findings are frozen: records share them, each has its own list
                continue
            if step.inline is not None:
                if inline is None:
                    inline = {key[: key.index(".") + 1] for key in texts if "." in key}
                if step.inline not in inline:
                    continue
            if step.reads is not None:
                cache, cache_key = self._rule_cache(step.rule.id), tuple(map(text_of, step.reads))
                found = cache.get(cache_key)
                if found is None:
                    if ctx is None:
                        ctx = CheckContext(record, self.analyzer, self.pack.settings, self.fields)
                    found = self._miss(cache, cache_key, step, ctx)
                out.extend(found)
                continue
            if ctx is None:
                ctx = CheckContext(record, self.analyzer, self.pack.settings, self.fields)
            out.extend(step.kind.run(step.rule, step.params, ctx))
        return _drop_after_placeholder(out)

    def _plan(self) -> list[_Step]:
        """The active rules with what each reads, worked out once per pack and set of disabled rules
        (the loop above runs for every record of a 100,000-row export)."""
        plan_key = (id(self.pack), frozenset(self.disabled), bool(self.cache_size))
        plan = self._plans.get(plan_key)
        if plan is None:
            plan = self._plans[plan_key] = [self._step(rule) for rule in self.pack.active(self.disabled)]
        return plan

    def _step(self, rule) -> _Step:
        kind, params = REGISTRY[rule.kind], self.pack.params[rule.id]
        if self.cache_size and rule.kind in PER_FIELD_KINDS:
            extra = PER_FIELD_KINDS[rule.kind]
            reads = [(key, *(extra(params, key) if extra else ())) for key in rule.fields]
            derive = DERIVED_READS[rule.kind](self) if rule.kind in DERIVED_READS else None
            keys = tuple(
                (read[0], None, None) if len(read) == 1 else (read[0], read, derive) for read in reads
            )
            return _Step(rule, kind, params, per_field=True, field_keys=keys)
        reads = RULE_READS.get(rule.kind) if self.cache_size else None
        return _Step(
            rule,
            kind,
            params,
            reads=tuple(reads(rule, params)) if reads else None,
            inline=INLINE_ONLY.get(rule.kind),
        )

    def _rule_cache(self, rule_id: str) -> dict[tuple, Sequence[Finding]]:
        cache = self._cache.get(rule_id)
        if cache is None:
            cache = self._cache[rule_id] = {}
        return cache

    def _miss(
        self, cache, cache_key: tuple, step, ctx: CheckContext, key: str | None = None
    ) -> Sequence[Finding]:
        """A rule's findings for texts not in its cache: checked now and kept, so each distinct
        combination of texts is checked once per run (exports repeat "工作认真负责", "无", the same
        面谈人 across thousands of rows)."""
        rule = step.rule if key is None else self._single_rule(step.rule, key)
        found = step.kind.run(rule, step.params, ctx)
        # most texts have no finding for a rule: one shared empty tuple instead of a list per entry
        found = found or _NO_FINDINGS
        if len(cache) >= self.cache_size:
            cache.clear()
        cache[cache_key] = found
        return found

    def _single_rule(self, rule, key: str):
        """The rule narrowed to one of its fields: run on the record, it reads that field (and the few
        others PER_FIELD_KINDS names for it), which is what its cache entry is keyed by. That kinds read
        nothing else is what test_per_field_kinds_read_only_the_fields_they_are_keyed_by holds them to."""
        single = self._single.get((rule.id, key))
        if single is None:
            single = self._single[(rule.id, key)] = rule.model_copy(update={"fields": [key]})
        return single

    def check(self, record: Record) -> RecordReport:
        texts = record.field_texts()  # the report's fields, and what the rules' caches are keyed by
        findings = self.findings(record, texts)
        score = self.score(findings)
        fields = record.fields
        # built from validated parts (the Record, the rules' Findings): no second validation
        return trusted(
            RecordReport,
            {
                "source": record.source,
                "index": record.index,
                "sheet": record.sheet,
                "fields": texts,
                "locations": {k: v.location for k, v in fields.items() if v.location is not None},
                "choices": {k: ticked_options(v.text) for k, v in fields.items() if has_boxes(v.text)},
                "findings": findings,
                "score": score,
                "verdict": self.verdict(score),
            },
        )

    def score(self, findings: list[Finding]) -> int:
        """100 minus the severity weight of each finding, at least 0 (the pack's `settings`):

        - `severity_weights`: points per finding (error 25, warning 6, info 1): one error costs more
          than a handful of warnings, so a missing 面谈人 never scores above a wordy but real record;
        - `per_rule_max`: only the first N findings of one rule count (the same habit — five vague
          ratings — is one thing to fix, not five);
        - `severity_max`: all findings of one severity together cost at most this much (warnings:
          40, so a record with warnings only is at worst 需修改, never 不合格)."""
        settings = self.pack.settings
        scored, scores = self._scores
        if scored is not settings:
            self._scores = (settings, scores := {})
        key = tuple(map(_RULE_AND_SEVERITY, findings))
        score = scores.get(key)
        if score is None:
            if len(scores) >= SCORES_KEPT:
                scores.clear()
            score = scores[key] = self._score(findings, settings)
        return score

    @staticmethod
    def _score(findings: list[Finding], settings) -> int:
        weights, per_rule, caps = settings.severity_weights, settings.per_rule_max, settings.severity_max
        seen: dict[tuple[str, str], int] = {}
        lost: dict[str, int] = {}
        for f in findings:
            sev = f.severity  # a str Enum: the same key as its value, without the enum's property lookup
            key = (f.rule, sev)
            seen[key] = seen.get(key, 0) + 1
            if sev in per_rule and seen[key] > per_rule[sev]:
                continue
            lost[sev] = lost.get(sev, 0) + weights.get(sev, 0)
        total = sum(min(points, caps[sev]) if sev in caps else points for sev, points in lost.items())
        return max(0, 100 - total)

    def verdict(self, score: int) -> str:
        settings = self.pack.settings
        if score >= settings.pass_score:
            return PASS
        return REVISE if score >= settings.revise_score else FAIL


# The findings cache: a rule's findings depend only on the texts it reads (the pack, lexicons and
# alias table are fixed for a run), so each distinct combination is checked once per run. Exports
# repeat the same texts across thousands of rows ("工作认真负责", "无", the same 面谈人).
#
# Kinds whose findings for one field depend on that field's text (and, given here, the few other
# fields the kind reads for it): run per field, cached per (rule, field, texts).
PER_FIELD_KINDS = {
    "needs-evidence": None,
    # the advice example fits the job family the record names
    "plan-measurable": lambda p, key: list(FAMILY_FIELDS),
    "plan-deadline": None,
    "existence": None,
    "min-length": None,
    # "无" in 分歧 is an answer when 共识 says 无分歧 (RequiredParams.none_allowed_when)
    "required-field": lambda p, key: [p.none_allowed_when[key].field] if key in p.none_allowed_when else [],
    "sensitive-lexicon": None,
    # a remote talk is unsuitable only for a regular talk: the interview type decides
    "location-lexicon": lambda p, key: [p.type_field],
    "support-owner": None,
}
# Kinds that read the extra fields above only for a value derived from them: keyed by the field's text
# and that value, not by every text. plan-measurable reads the family fields only to pick its advice
# example's job family, so a plan is checked once per family, not once per department and position.
DERIVED_READS = {
    "plan-measurable": lambda engine: functools.partial(
        job_family_in, families=engine.analyzer.lexicons.get("job_families")
    ),
}
# Kinds that read a fixed few fields: cached per (rule, texts of those fields).
RULE_READS = {
    "confirmation": lambda rule, p: [*(rule.fields[:1] or ["employee_confirmation"]), *p.fallback_fields],
    "timeliness": lambda rule, p: [*(rule.fields[:1] or ["record_date"]), p.interview_field],
    "grade-text": lambda rule, p: [*(rule.fields[:1] or ["grade"]), *p.narrative_fields, p.weaknesses_field],
    "duration-range": lambda rule, p: [p.duration_field, p.time_field, *rule.fields],
    "one-sided": lambda rule, p: [*(rule.fields[:1] or ["employee_feedback"]), *p.voice_fields],
}

# Kinds whose per-record form compares the record with another one written inline under a prefix (a
# pack example's "other." or "previous." fields); real records are compared by the cross-record stage.
# A record without such fields gets nothing from them, so they are not run for it (on every row of
# an export that was two calls of ~4.5 us each).
INLINE_ONLY = {"copied-text": copied.INLINE, "plan-followed-up": followup.INLINE}


@dataclass(frozen=True)
class _Step:
    """One active rule as the engine runs it: per field, by the texts it reads, or plainly."""

    rule: object
    kind: object
    params: object
    per_field: bool = False
    # (field, the fields read for it or None when it is read alone, what DERIVED_READS keys by or None)
    field_keys: tuple[tuple[str, tuple[str, ...] | None, Callable | None], ...] = ()
    reads: tuple[str, ...] | None = None
    inline: str | None = None  # INLINE_ONLY: the prefix of the fields the kind compares with


def _drop_after_placeholder(findings: list[Finding]) -> list[Finding]:
    """A field reported missing gets no other finding (SPEC: a placeholder field gets only missing-field)."""
    missing = {f.field for f in findings if f.rule == "missing-field"}
    if not missing:
        return findings
    return [f for f in findings if f.rule == "missing-field" or f.field not in missing]
