"""Every example of every rule of every shipped pack is its own test, run through the real engine.

A firing example must make its rule report on one of the example's fields and, where it gives
a `span`, mark exactly those words; a passing example must not fire. A rule with no examples of
either kind fails.
"""

from __future__ import annotations

import pytest

from checker.checks.base import example_fields
from checker.checks.pack import load_pack
from checker.config import Config
from checker.engine import Engine
from checker.model import FieldValue, Record
from checker.resources import data_path

# rule packs are the YAML files under rules/ that declare `pack:` (fields.yaml, normalise.yaml are data)
PACKS = sorted(
    p.stem
    for p in data_path("rules").glob("*.yaml")
    if any(line.startswith("pack:") for line in p.read_text(encoding="utf-8").splitlines())
)


@pytest.fixture(scope="module")
def engines(checker_instance):
    out = {}
    for name in PACKS:
        pack = load_pack(name, known_fields=set(checker_instance.fields.names))
        out[name] = Engine(pack, checker_instance.analyzer, checker_instance.fields)
    return out


def _rules():
    for name in PACKS:
        for rule in load_pack(name).rules:
            yield name, rule


def _examples(kind: str):
    for name, rule in _rules():
        for i, example in enumerate(getattr(rule.examples, kind)):
            label = example if isinstance(example, str) else " ".join(example.values())
            yield pytest.param(name, rule.id, example, id=f"{name}:{rule.id}:{kind}{i + 1}:{label[:24]}")


def _findings(engine: Engine, rule_id: str, example):
    rule = engine.pack.get(rule_id)
    values, span = example_fields(rule, example)
    record = Record(source="example", fields={k: FieldValue(text=v) for k, v in values.items()})
    found = [f for f in engine.findings(record) if f.rule == rule.id and f.field in record.fields]
    return found, span


@pytest.mark.parametrize(("pack_name", "rule_id"), [(n, r.id) for n, r in _rules()])
def test_rule_has_examples(pack_name, rule_id):
    rule = load_pack(pack_name).get(rule_id)
    assert rule.examples.fires and rule.examples.passes, f"{pack_name}:{rule_id} 没有 fires/passes 示例"


@pytest.mark.parametrize(("pack_name", "rule_id", "example"), list(_examples("fires")))
def test_example_fires(engines, pack_name, rule_id, example):
    found, span = _findings(engines[pack_name], rule_id, example)
    assert found, f"应触发 {rule_id}: {example}"
    if span is not None:
        assert span in [f.text for f in found], f"标出的文字 {[f.text for f in found]},应为 {span!r}"


@pytest.mark.parametrize(("pack_name", "rule_id", "example"), list(_examples("passes")))
def test_example_passes(engines, pack_name, rule_id, example):
    found, _ = _findings(engines[pack_name], rule_id, example)
    assert not found, f"不应触发 {rule_id}: {example} -> {[f.text for f in found]}"


def test_config_default_pack_is_shipped():
    assert Config().rules in PACKS
