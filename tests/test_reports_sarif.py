"""SARIF 2.1.0 output, validated against the vendored official schema (tests/fixtures)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from tests.fixtures.reports_support import broken_file, load_json, run_audit, sample_inputs

SCHEMA = Path(__file__).parent / "fixtures" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def logs(tmp_path_factory):
    out = tmp_path_factory.mktemp("sarif")
    run_audit([*sample_inputs(), broken_file(out)], out, ["json", "sarif"])
    return json.loads((out / "report.sarif").read_text(encoding="utf-8")), load_json(out)


def test_validates_against_schema(logs):
    sarif, _ = logs
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(sarif), key=str)
    assert not errors, errors[:3]


def test_schema_catches_a_broken_log(logs):
    sarif, _ = logs
    broken = json.loads(json.dumps(sarif))
    broken["runs"][0]["results"][0]["level"] = "fatal"
    assert list(
        jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).iter_errors(broken)
    )


def test_results_match_json(logs):
    sarif, report = logs
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids))
    assert all(r["shortDescription"]["text"] and r["fullDescription"]["text"] for r in rules)
    got = [
        (r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["ruleId"],
         r["locations"][0]["logicalLocations"][0]["name"],
         r["locations"][0]["physicalLocation"].get("region", {}).get("snippet", {}).get("text", ""))
        for r in run["results"]
    ]  # fmt: skip
    want = [
        (rec["source"], f["rule"], f["field"], f["text"])
        for rec in report["records"]
        for f in rec["findings"]
    ]
    assert sorted(got) == sorted(want)
    for result in run["results"]:
        assert ids[result["ruleIndex"]] == result["ruleId"]


def test_unreadable_files_are_notifications(logs):
    sarif, report = logs
    notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    got = {n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for n in notes}
    assert got == {e["source"] for e in report["errors"]} and got
