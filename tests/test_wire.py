"""RecordReports between a batch worker and the caller (checker/intake/wire.py): what arrives is the
report that was sent, field for field, with findings sent once and then by number."""

from __future__ import annotations

import multiprocessing as mp
import pickle
import sys
from pathlib import Path

import pydantic
import pytest

from checker.api import Checker
from checker.intake.pool import _Outbox, decode_message
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


def test_findings_share_one_set_of_field_names_and_dump_as_before(reports):
    findings = [f for r in reports for f in r.findings]
    assert len({id(f.__pydantic_fields_set__) for f in findings}) == 1
    assert findings[0].model_dump(exclude_unset=True) == findings[0].model_dump()
    back = _through_pipe(reports, FindingsOut(), FindingsIn())
    shared = findings[0].__pydantic_fields_set__
    assert all(f.__pydantic_fields_set__ is shared for r in back for f in r.findings)


def test_setting_a_field_of_a_rebuilt_report_leaves_the_shared_names_alone(reports):
    back = _through_pipe(reports[:2], None, None)
    names = set(back[1].__pydantic_fields_set__)
    back[0].score = 7
    assert back[0].score == 7 and back[1].__pydantic_fields_set__ == names
    assert back[1].model_dump(exclude_unset=True) == reports[1].model_dump()


def test_a_worker_sends_texts_without_leaving_a_utf8_copy_on_them():
    """pickle caches a UTF-8 copy inside every str it writes; the worker's rule caches keep the texts
    it sends for the whole run, so the pool's sending side must not (it uses marshal)."""
    text = "".join(chr(0x4E00 + i) for i in range(200))
    before = sys.getsizeof(text)
    mine, theirs = mp.Pipe()
    outbox = _Outbox(mine)
    outbox.put(("recs", 0, [("x.xlsx", 1, "", {"summary": text}, {}, {}, [], 100, "合格")]))
    outbox.flush()
    kind, index, batch = decode_message(theirs.recv_bytes())
    assert (kind, index, batch[0][3]["summary"]) == ("recs", 0, text)
    assert sys.getsizeof(text) == before


def test_a_parser_str_subclass_still_crosses_the_pipe():
    """lxml's string results are str subclasses marshal refuses: such a message goes as pickle instead
    of failing the worker's file."""
    from lxml import etree

    smart = etree.fromstring("<a><b>绩效总结</b></a>").xpath("b/text()")[0]
    assert type(smart) is not str
    mine, theirs = mp.Pipe()
    outbox = _Outbox(mine)
    outbox.put(("raw", 3, [("x.docx", 0, smart, {}, {})]))
    outbox.put(("done", 3, None, 0.5, 1.0))
    outbox.flush()
    assert theirs.poll(10), "nothing was sent: the worker's sending side gave up on the message"
    assert decode_message(theirs.recv_bytes()) == ("raw", 3, [("x.docx", 0, "绩效总结", {}, {})])
    assert decode_message(theirs.recv_bytes()) == ("done", 3, None, 0.5, 1.0)
    assert not outbox.broken
