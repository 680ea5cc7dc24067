"""The unseen-layout document set (tests/docset/gen_unseen.py), regenerated and read by the real checker."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

GENERATOR = Path(__file__).resolve().parent / "docset" / "gen_unseen.py"
GENERATOR2 = Path(__file__).resolve().parent / "docset" / "gen_unseen2.py"
MIN_FIELD_ACCURACY = 0.97


def _norm(text) -> str:
    return re.sub(r"\s+", "", str(text or ""))


def _generator(path: Path = GENERATOR):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def unseen(tmp_path_factory):
    out = tmp_path_factory.mktemp("unseen")
    expected = _generator().generate(out)
    return out, expected


def _field_misses(checker_instance, folder: Path, expected: list) -> tuple[int, list[str]]:
    total, misses = 0, []
    for doc in expected:
        report = checker_instance.audit_paths([folder / doc["file"]])
        got = [r.fields for r in report.records]
        for i, want in enumerate(doc["records"]):
            have = got[i] if i < len(got) else {}
            for key, text in want["fields"].items():
                total += 1
                if _norm(have.get(key)) != _norm(text):
                    misses.append(
                        f"{doc['file']}#{i} {key}: 应为 {_norm(text)[:30]!r},得到 {_norm(have.get(key))[:30]!r}"
                    )
    return total, misses


def test_unseen_layouts_field_accuracy(unseen, checker_instance):
    folder, expected = unseen
    total, misses = _field_misses(checker_instance, folder, expected)
    accuracy = 1 - len(misses) / total
    assert accuracy >= MIN_FIELD_ACCURACY, "\n".join(misses)


def test_unseen_layouts_record_counts(unseen, checker_instance):
    folder, expected = unseen
    for doc in expected:
        report = checker_instance.audit_paths([folder / doc["file"]])
        assert len(report.records) == len(doc["records"]), doc["file"]


@pytest.fixture(scope="module")
def unseen2(tmp_path_factory):
    out = tmp_path_factory.mktemp("unseen2")
    return out, _generator(GENERATOR2).generate(out)


def test_unseen2_layouts_field_accuracy(unseen2, checker_instance):
    folder, expected = unseen2
    total, misses = _field_misses(checker_instance, folder, expected)
    assert 1 - len(misses) / total >= MIN_FIELD_ACCURACY, "\n".join(misses)


def test_unseen2_layouts_record_counts(unseen2, checker_instance):
    folder, expected = unseen2
    for doc in expected:
        report = checker_instance.audit_paths([folder / doc["file"]])
        assert len(report.records) == len(doc["records"]), doc["file"]
