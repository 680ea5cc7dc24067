"""The real-world corpus (issue #5): every file gives records or an error entry, none crashes,
each is read within 10 s and 1 GB. Slow (about a minute and a half); runs by default and in CI."""

from __future__ import annotations

import collections
from pathlib import Path

import pytest

from checker.api import Checker
from checker.config import Config, LimitsConfig
from tests.fixtures.shared import needs_shared

# shared/ sits beside the checkout (as in CI's fresh clone)
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real"
SECONDS, MEMORY_MB = 10.0, 1024


def corpus_files() -> list[Path]:
    manifest = CORPUS / "manifest.tsv"
    lines = manifest.read_text(encoding="utf-8").splitlines()[1:]
    return [CORPUS / line.split("\t")[0] for line in lines if line.strip()]


@pytest.mark.slow
@needs_shared((CORPUS / "manifest.tsv").is_file(), "corpus not present (../shared/corpus/real)")
def test_real_corpus_never_crashes_hangs_or_loses_a_file(capsys):
    files = corpus_files()
    assert len(files) >= 390
    # the budget is the test's limit: a file that needed more would come back as timeout/memory
    checker = Checker(
        Config(limits=LimitsConfig(isolate="always", seconds_per_file=SECONDS, memory_mb_per_file=MEMORY_MB))
    )
    report = checker.audit_paths(files)

    log = checker.read_log
    assert [r.source for r in log] == [str(f) for f in files]
    by_source = {e.source for e in report.errors} | {r.source for r in report.records}
    assert by_source == {str(f) for f in files}, "every file shows up as records or an error"
    bad = [e for e in report.errors if e.code in ("internal-error", "crashed", "timeout", "memory")]
    assert not bad, [(e.source, e.code, e.message) for e in bad]
    assert all(e.message and e.code for e in report.errors)
    slowest = max(log, key=lambda r: r.seconds)
    hungriest = max(log, key=lambda r: r.peak_mb)
    assert slowest.seconds < SECONDS
    assert hungriest.peak_mb < MEMORY_MB
    with capsys.disabled():
        codes = collections.Counter(e.code for e in report.errors)
        print(
            f"\ncorpus: {len(files)} files, {len(report.records)} records, errors {dict(codes)}, "
            f"max {slowest.seconds:.2f} s ({Path(slowest.source).name}), "
            f"max +{hungriest.peak_mb:.0f} MB ({Path(hungriest.source).name})"
        )
