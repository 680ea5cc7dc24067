"""RecordReports between a batch worker and the caller (checker/intake/wire.py): what arrives is the
report that was sent, field for field, with findings sent once and then by number."""

from __future__ import annotations

import pickle
from pathlib import Path

import pydantic
import pytest

from checker.api import Checker
from checker.intake.wire import FindingsIn, FindingsOut, report_in, report_out
from checker.model import Finding, Severity

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture(scope="module")
def reports():
    """Every record of the samples, each audited twice: the second time its findings come from the
    engine's cache, i.e. the same Finding objects as the first time."""
    checker = Checker()
    first = checker.audit_paths([SAMPLES], jobs=1).records
    again = checker.audit_paths([SAMPLES], jobs=1).records
    assert len(first) >= 9 and any(r.findings for r in first)
    return first + again


def _through_pipe(reports, sender: FindingsOut | None, receiver: FindingsIn | None):
    data = pickle.dumps([report_out(r, sender) for r in reports])
    return [report_in(v, receiver) for v in pickle.loads(data)]


def test_plain_round_trip_gives_the_same_reports(reports):
    back = _through_pipe(reports, None, None)
    assert [r.model_dump() for r in back] == [r.model_dump() for r in reports]
    assert [r.model_dump_json() for r in back] == [r.model_dump_json() for r in reports]


def test_interned_round_trip_gives_the_same_reports(reports):
    back = _through_pipe(reports, FindingsOut(), FindingsIn())
    assert [r.model_dump() for r in back] == [r.model_dump() for r in reports]
    assert all(f.severity in Severity for r in back for f in r.findings)


def test_a_finding_seen_before_crosses_as_its_number(reports):
    sender = FindingsOut()
    first = report_out(reports[0], sender)
    again = report_out(reports[0], sender)
    findings_at = list(type(reports[0]).model_fields).index("findings")
    assert reports[0].findings, "the first sample record has findings"
    assert all(isinstance(item, tuple) for item in first[findings_at])
    assert all(isinstance(item, int) for item in again[findings_at])
    receiver = FindingsIn()
    a, b = report_in(first, receiver), report_in(again, receiver)
    assert a.findings == b.findings and a.findings[0] is b.findings[0]
    assert a.findings is not b.findings  # each record owns its list: cross-record findings are appended


def test_tables_start_again_past_the_limit_on_both_sides(reports, monkeypatch):
    monkeypatch.setattr(FindingsOut, "LIMIT", 3)
    sender, receiver = FindingsOut(), FindingsIn()
    back = _through_pipe(reports, sender, receiver)
    assert [r.model_dump() for r in back] == [r.model_dump() for r in reports]
    assert len(sender.kept) <= 3 and len(receiver.table) <= 3


def test_findings_are_frozen_because_records_share_them(reports):
    finding = next(f for r in reports for f in r.findings)
    with pytest.raises(pydantic.ValidationError):
        finding.message = "改了"
    assert isinstance(finding, Finding)
