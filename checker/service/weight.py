"""How much checking an upload means, told from its bytes without reading it: which lane it goes to.

A Word draft is one record however big its pictures make it. A sheet, a CSV or a JSON list is as
many records as it has rows, and its compressed size says little: a 20,000-row export written by an
HR system is 1 MB as .xlsx (under the 1 MB of `small_upload_kb`) but 17 MB of sheet XML and ~25 s
of checking. Sent to the small lane, it held one of its processes (at full priority) for all that
time, and every draft queued behind it waited: with 20 clients, p95 went from ~100 ms to ~250 ms.

So a record collection is weighed by its content: for .xlsx-like files the uncompressed size of its
sheets and shared strings, read from the zip's central directory (no member is inflated), and for
the others (CSV, JSON, old binary formats) its size.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePosixPath

# One record per file whatever its size: weighed by `small_upload_kb` alone.
FORMS = frozenset({".docx", ".docm", ".dotx", ".dotm", ".doc", ".dot", ".wps", ".rtf"})
ZIPPED_SHEETS = frozenset({".xlsx", ".xlsm", ".xltx", ".xltm"})
_SHEET_PARTS = ("xl/worksheets/", "xl/sharedStrings.xml")


def records_bytes(name: str, data: bytes) -> int:
    """The size of the record content of one upload (0 for a form: one record)."""
    suffix = PurePosixPath(name.lower()).suffix
    if suffix in FORMS:
        return 0
    if suffix in ZIPPED_SHEETS:
        return _sheet_content(data)
    return len(data)


def _sheet_content(data: bytes) -> int:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return sum(
                max(0, info.file_size)
                for info in archive.infolist()
                if info.filename.startswith(_SHEET_PARTS)
            )
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return len(data)  # not readable as a zip: the input gate will say why; weighed by its size


def is_small(
    files: list[tuple[str, bytes]],
    records: bytes | None,
    upload_kb: int,
    records_kb: int,
    max_files: int = 20,
) -> bool:
    """Whether an upload is small work: few files, few bytes, and few records' worth of content."""
    if len(files) > max_files:
        return False
    size = sum(len(d) for _, d in files) + len(records or b"")
    if size > upload_kb * 1024:
        return False
    content = sum(records_bytes(name, data) for name, data in files) + len(records or b"")
    return content <= records_kb * 1024
