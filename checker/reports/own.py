"""Recognising the checker's own outputs, so that a second run over a folder does not read them.

HR often writes the reports into the folder it audits (`checker audit 抽检/ -o 抽检/`). Folder
expansion (api.expand_paths) skips a file when `is_own_output` says the checker wrote it:

- annotated copies: the name ends in `.checked.docx` / `.checked.xlsx`;
- the HR workbook (xlsx) and annotated copies carry `MARKER` in the document properties
  (docProps/core.xml, `cp:keywords`), so a renamed workbook is still recognised;
- json / jsonl reports: the shape our writers give them (`{"records": [` … `"rule_pack"`, or
  lines starting `{"type":"record"|"error"|"summary",`).

Files named explicitly on the command line are still read: only folder expansion skips them.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

MARKER = "checker-report"
_JSONL_HEADS = ('{"type":"record",', '{"type":"error",', '{"type":"summary",')


def mark_properties(props) -> None:
    """Stamp openpyxl / python-docx core properties with the marker."""
    words = (getattr(props, "keywords", None) or "").strip()
    if MARKER not in words:
        props.keywords = f"{words} {MARKER}".strip()


def is_own_output(path: Path) -> bool:
    name = path.name.lower()
    stem = Path(name).stem
    if stem.endswith(".checked"):
        return True
    suffix = path.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm", ".docx", ".docm"):
            return _zip_marked(path)
        if suffix in (".json", ".jsonl"):
            with path.open("rb") as fh:
                head = fh.read(64).decode("utf-8", "ignore").lstrip("\ufeff")
            if head.startswith(_JSONL_HEADS):
                return True
            if head.startswith('{\n  "records": ['):
                size = path.stat().st_size
                with path.open("rb") as fh:
                    fh.seek(max(0, size - 4096))
                    tail = fh.read().decode("utf-8", "ignore")
                return '"rule_pack":' in tail and '"summary":' in tail
    except OSError:
        return False
    return False


def _zip_marked(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo("docProps/core.xml")
            if info.file_size > 64 * 1024:
                return False
            return MARKER.encode() in zf.read(info)
    except (KeyError, zipfile.BadZipFile, OSError, ValueError):
        return False
