"""Recognising the checker's own outputs by the marker in docProps/core.xml (checker/reports/own.py),
read straight from the zip's central directory, with zipfile deciding whatever is unusual."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from checker.reports.own import MARKER, _core_properties, is_own_output

ROOT = Path(__file__).resolve().parent.parent
CORE = '<cp:coreProperties xmlns:cp="x"><cp:keywords>{}</cp:keywords></cp:coreProperties>'


def _zip(path: Path, members: dict[str, str], method=zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression=method) as zf:
        for name, text in members.items():
            zf.writestr(name, text)
    return path


@pytest.mark.parametrize("method", [zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED])
def test_marked_core_properties_are_recognised_stored_or_deflated(tmp_path, method):
    marked = _zip(
        tmp_path / "改名的报告.xlsx",
        {"[Content_Types].xml": "<a/>", "docProps/core.xml": CORE.format(MARKER)},
        method,
    )
    plain = _zip(tmp_path / "记录.xlsx", {"docProps/core.xml": CORE.format("绩效")}, method)
    assert is_own_output(marked) and not is_own_output(plain)
    assert MARKER.encode() in _core_properties(marked)


def test_only_the_exact_member_counts(tmp_path):
    decoy = _zip(
        tmp_path / "a.docx", {"word/docProps/core.xml": CORE.format(MARKER), "docProps/app.xml": "<a/>"}
    )
    assert _core_properties(decoy) == b"" and not is_own_output(decoy)


def test_big_missing_or_broken_core_is_not_ours(tmp_path):
    big = _zip(tmp_path / "big.xlsx", {"docProps/core.xml": CORE.format(MARKER) + " " * 70_000})
    none = _zip(tmp_path / "none.docx", {"word/document.xml": "<w/>"})
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    assert not any(is_own_output(p) for p in (big, none, broken))


def test_same_answer_as_zipfile_on_every_office_file_in_the_tree():
    files = [
        p
        for folder in (ROOT / "samples", ROOT / "tests")
        for p in folder.rglob("*")
        if p.suffix.lower() in (".docx", ".xlsx", ".xlsm", ".docm") and p.is_file()
    ]
    assert len(files) > 50

    def by_zipfile(path: Path) -> bool:
        try:
            with zipfile.ZipFile(path) as zf:
                info = zf.getinfo("docProps/core.xml")
                return info.file_size <= 64 * 1024 and MARKER.encode() in zf.read(info)
        except Exception:
            return False

    assert [is_own_output(p) for p in files if not p.stem.endswith(".checked")] == [
        by_zipfile(p) for p in files if not p.stem.endswith(".checked")
    ]
