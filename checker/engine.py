"""Runs the active rules of a pack over records and scores them."""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.checks import REGISTRY, CheckContext
from checker.checks.pack import RulePack
from checker.intake.fields import AliasTable
from checker.model import Finding, Record, RecordReport
from checker.nlp.analysis import TextAnalyzer
from checker.nlp.checkboxes import has_boxes, ticked_options


@dataclass
class Engine:
    pack: RulePack
    analyzer: TextAnalyzer
    fields: AliasTable
    disabled: set[str] = field(default_factory=set)

    def findings(self, record: Record) -> list[Finding]:
        ctx = CheckContext(record, self.analyzer, self.pack.settings, self.fields)
        out: list[Finding] = []
        for rule in self.pack.active(self.disabled):
            kind = REGISTRY[rule.kind]
            out.extend(kind.run(rule, self.pack.params[rule.id], ctx))
        return _drop_after_placeholder(out)

    def check(self, record: Record) -> RecordReport:
        findings = self.findings(record)
        score = self.score(findings)
        return RecordReport(
            source=record.source,
            index=record.index,
            sheet=record.sheet,
            fields=record.field_texts(),
            locations={k: v.location for k, v in record.fields.items() if v.location is not None},
            choices={k: ticked_options(v.text) for k, v in record.fields.items() if has_boxes(v.text)},
            findings=findings,
            score=score,
            verdict=self.verdict(score),
        )

    def score(self, findings: list[Finding]) -> int:
        """100 minus the severity weight of each finding, at least 0 (weights in the pack's settings)."""
        weights = self.pack.settings.severity_weights
        return max(0, 100 - sum(weights.get(f.severity.value, 0) for f in findings))

    def verdict(self, score: int) -> str:
        settings = self.pack.settings
        if score >= settings.pass_score:
            return "合格"
        return "需修改" if score >= settings.revise_score else "不合格"


def _drop_after_placeholder(findings: list[Finding]) -> list[Finding]:
    """A field reported missing gets no other finding (SPEC: a placeholder field gets only missing-field)."""
    missing = {f.field for f in findings if f.rule == "missing-field"}
    return [f for f in findings if f.rule == "missing-field" or f.field not in missing]
