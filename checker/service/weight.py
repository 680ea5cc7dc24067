"""How much checking an upload means, told from its bytes without reading it: which lane it goes to.

A Word draft is one record however big its pictures make it. A sheet, a CSV or a JSON list is as
many records as it has rows, and its compressed size says little: a 20,000-row export written by an
HR system is 1 MB as .xlsx (under the 1 MB of `small_upload_kb`) but 17 MB of sheet XML and ~25 s
of checking. Sent to the small lane, it held one of its processes (at full priority) for all that
time, and every draft queued behind it waited: with 20 clients, p95 went from ~100 ms to ~250 ms.

So a record collection is weighed by its content, told like the input gate tells file types: by
their bytes, not their names. A zip with a workbook in it (xl/...) weighs the uncompressed size of
its sheets and shared strings, read from the central directory (no member is inflated); a zip with a
Word document in it (word/...) and an RTF file are one record. An old binary (OLE) file says what it
is only deep inside, so there the name decides (.doc, .dot, .wps: one record). Anything else (CSV,
JSON, an unreadable file) weighs its size.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePosixPath

from checker.intake.gate import OLE_MAGIC, ZIP_MAGIC, canonical_name, is_sheet_xml

# Old binary formats that hold one record (a form): told by name, as their bytes do not say it cheaply.
OLE_FORMS = frozenset({".doc", ".dot", ".wps"})
_DIRECTORY_TAIL = 64 * 1024  # where a typical zip's central directory is


def records_bytes(name: str, data: bytes) -> int:
    """The size of the record content of one upload (0 for a form: one record)."""
    if data.startswith(ZIP_MAGIC):
        return _zip_content(data)
    if data.startswith(b"{\\rtf"):
        return 0
    if data.startswith(OLE_MAGIC) and PurePosixPath(name.lower()).suffix in OLE_FORMS:
        return 0
    return len(data)


def _zip_content(data: bytes) -> int:
    tail = max(0, len(data) - _DIRECTORY_TAIL)
    if data.find(b"word/", tail) >= 0 and data.find(b"xl/worksheets/", tail) < 0:
        # a Word document (every draft): the central directory at the end names no worksheet; found
        # without parsing the directory (~100 us in the app process for each upload)
        return 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [(canonical_name(info.filename), info.file_size) for info in archive.infolist()]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return len(data)  # not readable as a zip: the input gate will say why; weighed by its size
    # part names as the gate reads them (backslashes, a leading slash), as it tells a workbook from a document
    if any(name.startswith("xl/") for name, _ in members):
        return sum(size for name, size in members if is_sheet_xml(name) or name == "xl/sharedStrings.xml")
    if any(name.startswith("word/") for name, _ in members):
        return 0
    return len(data)


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
