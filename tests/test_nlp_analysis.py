"""Analyzer pieces (directions, quantities, numerals) and the held-out sets through the analyzer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.nlp.analysis import TextAnalyzer
from checker.nlp.lexicon import load_lexicons
from checker.nlp.numbers import cn_to_int, find_quantities
from checker.nlp.points import split_points

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def analyzer():
    return TextAnalyzer(load_lexicons())


# Sentences that show what judges, what supports and what measures are the rule examples in
# rules/default.yaml (each its own test with its expected span, tests/test_rule_examples.py).


@pytest.mark.parametrize(
    "text",
    ["提升数据分析能力", "加强沟通", "逐步减少返工"],
)
def test_direction_named_in_suggestion(analyzer, text):
    assert analyzer.analyze(text).directions


@pytest.mark.parametrize(
    ("text", "count"),
    [("两本", 1), ("三个部门", 1), ("一起完成", 0), ("十分认真", 0), ("百分之五", 1), ("降到2%以下", 1)],
)
def test_quantities(text, count):
    assert bool(find_quantities(text)) is bool(count)


def test_chinese_numeral_value():
    assert cn_to_int("两") == 2
    assert cn_to_int("十二") == 12


def _heldout(name):
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line]


def _fires(r, rule: str) -> bool:
    return {
        "vague-rating": bool(r.judgements) and not r.evidence,
        "plan-no-quantity": not (r.quantities or r.criteria),
        "plan-no-deadline": not r.deadlines,
    }[rule]


def _f1(analyzer, items, rule):
    tp = fp = fn = 0
    for item in items:
        if rule not in item["labels"]:
            continue
        pred = any(_fires(analyzer.analyze(p.text), rule) for p in split_points(item["text"]))
        gold = item["labels"][rule]
        tp += pred and gold
        fp += pred and not gold
        fn += gold and not pred
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


@pytest.mark.parametrize("rule", ["vague-rating", "plan-no-quantity", "plan-no-deadline"])
@pytest.mark.parametrize("name", ["heldout_items.jsonl", "heldout_fresh.jsonl"])
def test_heldout_f1(analyzer, name, rule):
    assert _f1(analyzer, _heldout(name), rule) >= 0.9


def test_heldout_through_engine(checker_instance):
    """The same set through the real engine (points, placeholders, rules), as score.py runs it."""
    from checker.model import FieldValue, Record

    items = _heldout("heldout_items.jsonl")
    counts = {}
    for item in items:
        record = Record(source="heldout", fields={item["field"]: FieldValue(text=item["text"])})
        fired = {f.rule for f in checker_instance.engine.findings(record) if f.field == item["field"]}
        for rule, gold in item["labels"].items():
            c = counts.setdefault(rule, [0, 0, 0])
            pred = rule in fired
            c[0] += pred and gold
            c[1] += pred and not gold
            c[2] += gold and not pred
    for rule, (tp, fp, fn) in counts.items():
        assert 2 * tp / (2 * tp + fp + fn) >= 0.9, rule


def test_kept_analyses_hold_compact_spans(analyzer):
    """The analysis cache of a 100k-row export keeps hundreds of thousands of spans: each is a tuple
    (~100 bytes), not an object with a __dict__ (~330), and still reads by name."""
    result = analyzer.analyze(
        "沟通能力强，上月在客户投诉处理中协调了3个部门，计划在6月30日前把返工率降到2%以下。"
    )
    spans = [
        h for part in (result.judgements, result.evidence, result.quantities, result.deadlines) for h in part
    ]
    assert spans and all(isinstance(h, tuple) and not hasattr(h, "__dict__") for h in spans)
    assert all(0 <= h.start < h.end and result.text[h.start : h.end] == h.text for h in spans)
