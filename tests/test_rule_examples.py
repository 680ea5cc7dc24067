"""Every rule of every shipped pack carries examples that fire and pass, run through the real engine.

A string example is the text of the first field in scope; a mapping example is
a whole record. "fires" = the rule reports something on one of the example's fields.
"""

from __future__ import annotations

import pytest

from checker.checks.pack import load_pack
from checker.config import Config
from checker.engine import Engine
from checker.model import FieldValue, Record
from checker.resources import data_path

PACKS = sorted(p.stem for p in data_path("rules").glob("*.yaml") if p.stem != "fields")


@pytest.fixture(scope="module")
def engines(checker_instance):
    out = {}
    for name in PACKS:
        pack = load_pack(name, known_fields=set(checker_instance.fields.names))
        out[name] = Engine(pack, checker_instance.analyzer, checker_instance.fields)
    return out


def _cases():
    for name in PACKS:
        for rule in load_pack(name).rules:
            yield pytest.param(name, rule.id, id=f"{name}:{rule.id}")


def _record(rule, example) -> Record:
    values = example if isinstance(example, dict) else {rule.fields[0]: example}
    return Record(source="example", fields={k: FieldValue(text=v) for k, v in values.items()})


def _fires(engine: Engine, rule, example) -> bool:
    record = _record(rule, example)
    findings = engine.findings(record)
    return any(f.rule == rule.id and f.field in record.fields for f in findings)


@pytest.mark.parametrize(("pack_name", "rule_id"), list(_cases()))
def test_rule_examples(engines, pack_name, rule_id):
    engine = engines[pack_name]
    rule = engine.pack.get(rule_id)
    assert rule.examples.fires and rule.examples.passes, f"{pack_name}:{rule_id} 没有 fires/passes 示例"
    wrong = [("应触发", e) for e in rule.examples.fires if not _fires(engine, rule, e)]
    wrong += [("不应触发", e) for e in rule.examples.passes if _fires(engine, rule, e)]
    assert not wrong, f"{pack_name}:{rule_id} 示例不符: {wrong}"


def test_config_default_pack_is_shipped():
    assert Config().rules in PACKS
