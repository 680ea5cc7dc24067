"""The one door every input goes through.

The real type is read from the content, not the name: a zip with
[Content_Types].xml is Office Open XML (Word or Excel by its main part), an OLE
compound file is a legacy or encrypted Office file, text starting with { or [
is JSON. Zip members are size-checked before anything is inflated, inflating is
bounded by the checked size, and no XML part may declare a DTD or entities.
"""

from __future__ import annotations

import io
import posixpath
import re
import struct
import weakref
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from checker.config import LimitsConfig
from checker.intake.errors import InputError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
WORD2_MAGIC = b"\xdb\xa5"  # Word for Windows 2.0, no OLE container
_BIFF_BOF = (b"\x09\x00", b"\x09\x02", b"\x09\x04", b"\x09\x08")
MiB = 1024 * 1024
# Members this small are never called bombs by ratio (an empty sheet compresses 1000:1,
# a long repetitive cell 400:1); the size limits bound them anyway.
RATIO_CHECK_ABOVE = 10 * MiB
XML_HEAD_BYTES = 64 * 1024
_DTD_MARKERS = (b"<!DOCTYPE", b"<!ENTITY", "<!DOCTYPE".encode("utf-16-le"), "<!ENTITY".encode("utf-16-le"))
_DTD_MARKERS_BE = ("<!DOCTYPE".encode("utf-16-be"), "<!ENTITY".encode("utf-16-be"))

# What zipfile raises for damaged members: bad headers, bad CRCs, broken deflate streams.
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
    struct.error,
    zlib.error,
)

ENCRYPTED = InputError("encrypted", "文件已加密,请去除密码后再上传")

# The limit defaults are written once, as [limits] of .checker.toml (checker/config.py LimitsConfig);
# Limits() holds the same in the units the readers count.
_CONFIG = LimitsConfig()
CONVERT_SECONDS = 60.0  # LibreOffice .doc -> .docx at most; a config's seconds_per_file may cut it


@dataclass(frozen=True)
class Limits:
    """Per-file safety limits; documented in README.md ("限制与安全")."""

    max_file_bytes: int = _CONFIG.max_file_mb * MiB
    max_total_uncompressed: int = _CONFIG.max_total_uncompressed_mb * MiB
    max_member_uncompressed: int = _CONFIG.max_member_uncompressed_mb * MiB
    max_compression_ratio: float = _CONFIG.max_compression_ratio  # only checked for members over 10 MiB
    max_members: int = _CONFIG.max_zip_members
    max_rows: int = _CONFIG.max_rows
    max_cols: int = _CONFIG.max_cols
    max_field_chars: int = _CONFIG.max_field_chars  # longer values are cut (with a note): rules stay fast
    seconds_per_file: float = _CONFIG.seconds_per_file
    memory_mb_per_file: int = _CONFIG.memory_mb_per_file
    convert_seconds: float = CONVERT_SECONDS
    # Worksheet XML is budgeted by what it holds, not by its raw size: an HR export written by
    # openpyxl stores every CJK character as a 8-byte &#NNNNN; reference (100k rows: ~150 MB of XML
    # that compresses 50:1). A sheet may be as big as max_member_uncompressed plus this much per
    # cell it really has, never more than max_sheet_xml; its rows count against max_rows.
    sheet_bytes_per_cell: int = 2048
    max_sheet_xml: int = 1024 * MiB


def encrypted() -> InputError:
    return InputError(ENCRYPTED.code, ENCRYPTED.message)


# ---------------------------------------------------------------- sniffing


_BLANK = b" \t\r\n\x00\xef\xbb\xbf"


def sniff(data: bytes, name: str) -> str:
    """'zip' | 'ole' | 'biff' | 'word2' | 'json' | 'jsonl' | 'csv' | 'empty' | 'unknown' — from the bytes first, the name last."""
    if not data or (data[0] in _BLANK and not data.strip(_BLANK)):  # the strip copies the file: rarely
        return "empty"
    if data.startswith(ZIP_MAGIC):
        return "zip"
    if data.startswith(OLE_MAGIC):
        return "ole"
    if data[:2] in _BIFF_BOF and data[2:3] in (b"\x04", b"\x06", b"\x08", b"\x10"):
        return "biff"  # Excel 2.x-4.x worksheet written as a bare BIFF stream (xlrd reads it)
    if data.startswith(WORD2_MAGIC):
        return "word2"
    foreign = foreign_format(data)
    if foreign:
        raise InputError("unsupported", foreign)
    head = _text_head(data)
    suffix = Path(name).suffix.lower()
    if head.startswith(("{", "[")):
        return "jsonl" if suffix == ".jsonl" or _looks_like_jsonl(head) else "json"
    if suffix == ".jsonl":
        return "jsonl"
    if suffix in (".csv", ".txt", ".tsv") or (suffix not in _BINARY_SUFFIXES and _is_text(data)):
        return "csv"
    return "unknown"


_BINARY_SUFFIXES = {".docx", ".docm", ".dotx", ".dotm", ".xlsx", ".xlsm", ".xltx", ".xltm", ".doc", ".xls"}
_BINARY_SUFFIXES |= {".wps", ".et", ".xlsb", ".dot", ".xlt"}

_FOREIGN = (
    (b"{\\rtf", "这是 RTF 格式文件(扩展名可能被改过),请在 Word 中另存为 .docx 后再上传"),
    (b"%PDF", "这是 PDF 文件,无法提取面谈记录字段,请上传 Word(.docx)或 Excel(.xlsx)原件"),
    (b"\x89PNG", "这是图片文件,请上传 Word(.docx)或 Excel(.xlsx)文件"),
    (b"\xff\xd8\xff", "这是图片文件,请上传 Word(.docx)或 Excel(.xlsx)文件"),
    (b"Rar!", "这是 RAR 压缩包,请解压后上传其中的 Word/Excel 文件"),
    (b"7z\xbc\xaf", "这是 7z 压缩包,请解压后上传其中的 Word/Excel 文件"),
    (b"\x1f\x8b", "这是 gzip 压缩包,请解压后上传其中的 Word/Excel 文件"),
)
_MARKUP = re.compile(rb"^\s*(<\?xml|<!doctype html|<html|<table|<meta|<head|mime-version:)", re.IGNORECASE)


def foreign_format(data: bytes) -> str | None:
    """A Chinese message for a known non-record format, else None."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    for magic, message in _FOREIGN:
        if head.startswith(magic):
            return message
    if _MARKUP.match(head):
        return "这是网页(HTML/XML)格式的文件,只是扩展名像 Office 文件;请用 Word/Excel 打开后另存为 .docx/.xlsx 再上传"
    return None


def _text_head(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data[:256].decode("utf-16", errors="ignore").lstrip("\ufeff \t\r\n")
    return data[:256].decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n")


def _looks_like_jsonl(head: str) -> bool:
    first, _, rest = head.partition("\n")
    return first.rstrip().endswith("}") and rest.lstrip().startswith("{")


def _is_text(data: bytes) -> bool:
    sample = data[:4096]
    return b"\x00" not in sample or sample.startswith((b"\xff\xfe", b"\xfe\xff"))


# ---------------------------------------------------------------- zip / OOXML


def open_zip(data: bytes, limits: Limits) -> zipfile.ZipFile:
    """Open and size-check a zip. Nothing is inflated here, except worksheets over the plain member
    limits: those are inflated once, in chunks, to count their rows and cells (see check_sheet)."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (*_ZIP_ERRORS, zipfile.LargeZipFile) as exc:
        raise InputError("corrupt", "文件已损坏或不完整(zip 结构无法读取),请重新保存后上传") from exc
    if len(infos) > limits.max_members:
        raise InputError("zip-bomb", f"压缩包内文件过多({len(infos)} 个),已拒绝读取")
    total = sheets = 0
    big_sheets = []
    for info in infos:
        if is_sheet_xml(info.filename) and _over_member_limits(info, limits):
            if info.flag_bits & 0x1:
                raise encrypted()
            big_sheets.append(info)
            sheets += info.file_size
            continue
        check_member(info, limits)
        total += info.file_size
    if total > limits.max_total_uncompressed:
        raise InputError(
            "zip-bomb",
            f"解压后总大小 {total // MiB} MB 超过上限 {limits.max_total_uncompressed // MiB} MB,已拒绝读取",
        )
    if sheets > limits.max_sheet_xml:
        raise InputError(
            "zip-bomb",
            f"工作表解压后共 {sheets // MiB} MB,超过上限 {limits.max_sheet_xml // MiB} MB,已拒绝读取",
        )
    for info in big_sheets:
        check_sheet(zf, info, limits)
    return zf


def is_sheet_xml(name: str) -> bool:
    """A worksheet part (xl/worksheets/sheetN.xml), whatever the slashes and case."""
    name = canonical_name(name).lower()
    return name.startswith("xl/worksheets/") and name.endswith(".xml") and "/_rels/" not in name


def _over_member_limits(info: zipfile.ZipInfo, limits: Limits) -> bool:
    ratio = info.file_size / max(info.compress_size, 1)
    return info.file_size > limits.max_member_uncompressed or (
        info.file_size > RATIO_CHECK_ABOVE and ratio > limits.max_compression_ratio
    )


_ROW_OPEN = re.compile(rb"<(?:\w+:)?row[\s>/]")
_CELL_OPEN = re.compile(rb"<(?:\w+:)?c[\s>/]")
# The same counts in one cheap pass when no <x:row>/<x:c> is in sight: the prefix-free pattern starts
# with a literal the regex engine skips to, the general one tries every "<" (3x slower on 150 MB).
_PLAIN_OPEN = re.compile(rb"<(c|row)[\s>/]")
_PREFIXED_OPEN = re.compile(rb":(?:c|row)[\s>/]")
_MERGE_CELL = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([^\"]+)\"")
_MERGES_START = re.compile(rb"<(?:\w+:)?mergeCells\b")
SCAN_CHUNK = 4 * MiB
# member name -> its merge refs, per open package: the bomb check inflates a big sheet anyway and
# picks them up on the way, so the streaming reader need not inflate it a second time for them
_MERGE_REFS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def check_sheet(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits) -> None:
    """A worksheet too big or too compressible for the plain member limits is judged by what it holds.

    It is inflated once, 4 MiB at a time (never more than its declared size, never kept), counting
    its <row> and <c> elements: at most max_rows rows, and no more than max_member_uncompressed plus
    sheet_bytes_per_cell per cell. A real export (150 MB of XML for 100k rows) passes; a bomb (a
    gigabyte of padding, a few cells) is refused before any parser sees it."""
    if info.file_size > limits.max_sheet_xml:
        raise InputError(
            "zip-bomb",
            f"工作表 {info.filename} 解压后过大({info.file_size // MiB} MB),已拒绝读取",
        )
    seen, cells, refs = _scan_sheet(zf, info, limits)
    allowed = limits.max_member_uncompressed + cells * limits.sheet_bytes_per_cell
    if seen > allowed:
        raise InputError(
            "zip-bomb",
            f"工作表 {info.filename} 解压后 {seen // MiB} MB,只有 {cells} 个单元格,疑似压缩炸弹,已拒绝读取",
        )
    _MERGE_REFS.setdefault(zf, {})[info.filename] = refs


def sheet_merge_refs(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> list[bytes]:
    """The mergeCell refs of a worksheet, found without parsing it (<mergeCells> follows <sheetData>):
    from the bomb check's pass when open_zip judged this sheet, else from a pass of their own."""
    known = _MERGE_REFS.get(zf, {}).get(info.filename)
    return known if known is not None else _scan_sheet(zf, info, None)[2]


def _scan_sheet(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits | None):
    """(bytes inflated, <c> elements, mergeCell refs) of a worksheet in one pass, 4 MiB at a time;
    with limits, its <row> elements are counted too and at most max_rows of them allowed."""
    rows = cells = seen = 0
    tail = b""
    merges = _MergeRefScan()
    try:
        with zf.open(info) as fh:
            while chunk := fh.read(SCAN_CHUNK):
                seen += len(chunk)
                if seen > info.file_size:
                    raise InputError(
                        "zip-bomb", f"压缩包成员 {info.filename} 实际解压后超过声明大小,已拒绝读取"
                    )
                merges.feed(chunk)
                if limits is None:
                    continue
                # a tag cut by the chunk boundary is counted once: the tail (up to 8 bytes) is searched again
                block = tail + chunk
                block_rows, block_cells = _count_opens(block)
                tail_rows, tail_cells = _count_opens(tail)
                rows += block_rows - tail_rows
                cells += block_cells - tail_cells
                tail = block[-8:]
                if rows > limits.max_rows:
                    raise InputError("too-large", f"工作表超过 {limits.max_rows} 行,已停止读取")
    except _ZIP_ERRORS as exc:
        raise InputError("corrupt", f"文件已损坏,无法读取 {info.filename}({type(exc).__name__})") from exc
    except RuntimeError as exc:  # zipfile raises this for encrypted members
        raise encrypted() from exc
    return seen, cells, merges.done()


def _count_opens(block: bytes) -> tuple[int, int]:
    """(<row> start tags, <c> start tags) in a block, any namespace prefix."""
    if _PREFIXED_OPEN.search(block) is None:
        found = _PLAIN_OPEN.findall(block)
        rows = found.count(b"row")
        return rows, len(found) - rows
    return len(_ROW_OPEN.findall(block)), len(_CELL_OPEN.findall(block))


class _MergeRefScan:
    """The ref="..." of every <mergeCell> from the <mergeCells> start on, fed chunk by chunk."""

    def __init__(self) -> None:
        self.refs: list[bytes] = []
        self.tail = b""
        self.found = False

    def feed(self, chunk: bytes) -> None:
        block = self.tail + chunk
        if not self.found:
            # the literal test first: the regex alone costs more than inflating the chunk
            match = _MERGES_START.search(block) if b"mergeCells" in block else None
            if match is None:
                self.tail = block[-32:]
                return
            self.found, block = True, block[match.start() :]
        # a mergeCell element cut by the chunk end is finished in the next round
        cut = block.rfind(b"<")
        complete, self.tail = (block[:cut], block[cut:]) if cut > 0 else (block, b"")
        if b"mergeCell" in complete:
            self.refs.extend(_MERGE_CELL.findall(complete))

    def done(self) -> list[bytes]:
        if self.found and self.tail:
            self.refs.extend(_MERGE_CELL.findall(self.tail))
        return self.refs


def check_member(info: zipfile.ZipInfo, limits: Limits) -> None:
    if info.flag_bits & 0x1:
        raise encrypted()
    if info.file_size > limits.max_member_uncompressed:
        raise InputError(
            "zip-bomb",
            f"压缩包成员 {info.filename} 解压后过大({info.file_size // MiB} MB),已拒绝读取",
        )
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > RATIO_CHECK_ABOVE and ratio > limits.max_compression_ratio:
        raise InputError(
            "zip-bomb", f"压缩包成员 {info.filename} 压缩比异常({ratio:.0f}:1),疑似压缩炸弹,已拒绝读取"
        )


def read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes:
    """A member's bytes, never more than `cap`: a header that lies about its size cannot make us inflate more."""
    whole = _inflate_small(zf, info, cap)
    if whole is not None:
        return whole
    out = bytearray()
    try:
        with zf.open(info) as fh:
            while chunk := fh.read(min(MiB, cap + 1 - len(out))):
                out += chunk
                if len(out) > cap:
                    raise InputError(
                        "zip-bomb", f"压缩包成员 {info.filename} 实际解压后超过声明大小,已拒绝读取"
                    )
    except _ZIP_ERRORS as exc:
        raise InputError("corrupt", f"文件已损坏,无法读取 {info.filename}({type(exc).__name__})") from exc
    except RuntimeError as exc:  # zipfile raises this for encrypted members
        raise encrypted() from exc
    return bytes(out)


# Members up to this size are inflated in one step by _inflate_small (an OOXML form's parts are a few KB)
INFLATE_SMALL_BYTES = MiB
_LOCAL_HEADER = struct.Struct(zipfile.structFileHeader)
# general-purpose flags zipfile refuses or needs a password for: encrypted, patched, strong encryption
_FLAGS_NOT_PLAIN = 0x1 | 0x20 | 0x40


def _inflate_small(zf: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes | None:
    """A small stored or deflated member read in one step from the bytes of an in-memory zip.

    zipfile's open() costs ~100k instructions a member, more than inflating a form's part. The
    checks it and ZipExtFile make are made here too (local header signature and name, flags, the
    declared compressed size present, exactly the declared size out, CRC-32), and never more than
    file_size + 1 bytes are inflated. Whenever one of them fails, or the member is anything but
    plain, this gives None and the caller reads through zipfile, which raises what it raises."""
    size = info.file_size
    if (
        info.flag_bits & _FLAGS_NOT_PLAIN
        or info.compress_type not in (0, 8)
        or size > min(cap, INFLATE_SMALL_BYTES)
    ):
        return None
    fp = zf.fp
    if not isinstance(fp, io.BytesIO) or zf._writing:
        return None
    view = fp.getbuffer()
    try:
        start = info.header_offset
        header = bytes(view[start : start + _LOCAL_HEADER.size])
        if len(header) != _LOCAL_HEADER.size:
            return None
        fields = _LOCAL_HEADER.unpack(header)
        if fields[0] != zipfile.stringFileHeader:
            return None
        start += _LOCAL_HEADER.size
        name = bytes(view[start : start + fields[10]])
        start += fields[10] + fields[11]
        raw = bytes(view[start : start + info.compress_size])
    finally:
        view.release()
    end = getattr(info, "_end_offset", None)  # newer zipfile refuses data overlapping the next entry
    if len(raw) != info.compress_size or (end is not None and start + info.compress_size > end):
        return None
    try:
        name = name.decode("utf-8" if fields[3] & 0x800 else (zf.metadata_encoding or "cp437"))
    except UnicodeDecodeError:
        return None
    if name != info.orig_filename:
        return None
    if info.compress_type == zipfile.ZIP_STORED:
        out = raw
    else:
        try:
            out = zlib.decompressobj(-15).decompress(raw, size + 1)
        except zlib.error:
            return None
    return out if len(out) == size and zlib.crc32(out) == info.CRC else None


def canonical_name(name: str) -> str:
    """Part names as OOXML means them: forward slashes, no leading slash, the content-types name exact."""
    name = name.replace("\\", "/").lstrip("/")
    return "[Content_Types].xml" if name.lower() == "[content_types].xml" else name


# (member name, canonical name) per open package: office_kind, needs_repack and main_part each ask
_CANONICAL: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def canonical_names(zf: zipfile.ZipFile) -> list[tuple[str, str]]:
    """Every member name with its canonical form, in the zip's order."""
    known = _CANONICAL.get(zf)
    if known is None:
        known = _CANONICAL[zf] = [(n, canonical_name(n)) for n in zf.namelist()]
    return known


def office_kind(zf: zipfile.ZipFile) -> str:
    """'docx' | 'xlsx' from the package's main part (its XML namespace, then its folder)."""
    names = {name for _, name in canonical_names(zf)}
    if "[Content_Types].xml" not in names:
        raise InputError("not-office", "这是一个 zip 压缩包,但不是 Word/Excel 文件")
    main, head = main_part(zf)
    if main.endswith(".bin") or "xl/workbook.bin" in names:
        raise InputError("unsupported", "这是 Excel 二进制工作簿(.xlsb),请在 Excel 中另存为 .xlsx 后再上传")
    if b"wordprocessingml" in head or main.startswith("word/"):
        return "docx"
    if b"spreadsheetml" in head or main.startswith("xl/"):
        return "xlsx"
    if b"presentationml" in head or any(n.startswith("ppt/") for n in names):
        raise InputError("unsupported", "这是 PowerPoint 文件,不是面谈记录模板(请使用 Word 或 Excel)")
    if not main and any(n.startswith("word/") for n in names):
        return "docx"
    if not main and any(n.startswith("xl/") for n in names):
        return "xlsx"
    raise InputError("not-office", "Office 文件中找不到 Word 正文或 Excel 工作表")


def _member_head(zf: zipfile.ZipFile, part: str) -> bytes:
    part = part.lower()
    real = next((n for n, name in canonical_names(zf) if name.lower() == part), None)
    if not real:
        return b""
    head = read_head(zf, zf.getinfo(real))
    if len(head) < XML_HEAD_BYTES:  # the whole part: a Word form's main part usually is
        _INFLATED.setdefault(zf, {})[real] = head
    return head


# Members inflated whole while the package was sniffed (real name -> bytes), per open package: the
# Word reader takes _rels/.rels and a small main part from here instead of inflating them again.
_INFLATED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def inflated(zf: zipfile.ZipFile, name: str) -> bytes | None:
    """A member's bytes if the gate has already read all of it (the same bytes read_member gives)."""
    known = _INFLATED.get(zf)
    return known.get(name) if known else None


# ---------------------------------------------------------------- package repair

_STRICT = (
    (
        b"http://purl.oclc.org/ooxml/wordprocessingml/main",
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    ),
    (
        b"http://purl.oclc.org/ooxml/spreadsheetml/main",
        b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    ),
    (
        b"http://purl.oclc.org/ooxml/officeDocument/relationships",
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    ),
    (b"http://purl.oclc.org/ooxml/drawingml/main", b"http://schemas.openxmlformats.org/drawingml/2006/main"),
)
# Parts openpyxl may choke on that never hold record text; dropped on the second try.
_OPTIONAL_PART = re.compile(
    r"(pivot|drawing|chart|comment|externallink|styles\.xml|vmldrawing)", re.IGNORECASE
)
_REL_ELEMENT = re.compile(rb"<Relationship\b[^>]*?/>")
_REL_TARGET = re.compile(rb'Target="([^"]*)"')


def needs_repack(zf: zipfile.ZipFile) -> bool:
    """Backslash or odd-case part names, or Strict OOXML namespaces: rewritten before parsing."""
    if any(name != n for n, name in canonical_names(zf) if not n.endswith("/")):
        return True
    main, head = main_part(zf)
    return bool(main) and b"purl.oclc.org/ooxml" in head


# (main part name, its first 64 KiB) per open package: office_kind and needs_repack both ask, and
# each answer costs a decompression of .rels and of the main part's head
_MAIN_PARTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def main_part(zf: zipfile.ZipFile) -> tuple[str, bytes]:
    """The package's main part ("" when none is named) and the head of it."""
    known = _MAIN_PARTS.get(zf)
    if known is None:
        main = _main_part_name(zf) or ""
        known = _MAIN_PARTS[zf] = (main, _member_head(zf, main) if main else b"")
    return known


def repack(zf: zipfile.ZipFile, limits: Limits, drop_optional: bool = False) -> bytes:
    """A normalised copy of the package (stored, not compressed): canonical names, transitional namespaces."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as new:
        for info in zf.infolist():
            name = canonical_name(info.filename)
            if info.is_dir() or not name or (drop_optional and _OPTIONAL_PART.search(name)):
                continue
            data = read_member(zf, info, limits.max_member_uncompressed)
            if name.endswith((".xml", ".rels")):
                data = _transitional(data)
            if drop_optional and name.endswith(".rels"):
                data = _REL_ELEMENT.sub(_keep_relationship, data)
            new.writestr(name, data)
    return out.getvalue()


def _transitional(data: bytes) -> bytes:
    if b"purl.oclc.org/ooxml" not in data:
        return data
    for strict, transitional in _STRICT:
        data = data.replace(strict, transitional)
    return data


def _keep_relationship(match: re.Match) -> bytes:
    target = _REL_TARGET.search(match.group(0))
    if target and _OPTIONAL_PART.search(target.group(1).decode("utf-8", "replace")):
        return b""
    return match.group(0)


_MAIN_REL = re.compile(
    rb"<Relationship\b[^>]*?Type=\"[^\"]*/officeDocument\"[^>]*?Target=\"([^\"]+)\"|"
    rb"<Relationship\b[^>]*?Target=\"([^\"]+)\"[^>]*?Type=\"[^\"]*/officeDocument\""
)


def _main_part_name(zf: zipfile.ZipFile) -> str | None:
    real = next((n for n, name in canonical_names(zf) if name == "_rels/.rels"), None)
    if real is None:
        return None
    try:
        data = read_member(zf, zf.getinfo(real), MiB)
    except InputError:
        return None
    _INFLATED.setdefault(zf, {})[real] = data
    match = _MAIN_REL.search(data)
    if not match:
        return None
    target = (match.group(1) or match.group(2)).decode("utf-8", "replace")
    return posixpath.normpath(target.replace("\\", "/").lstrip("/"))


def has_dtd(head: bytes) -> bool:
    """Whether the head of an XML part declares a DTD or entities (UTF-8 or UTF-16)."""
    return any(marker in head for marker in _DTD_MARKERS + _DTD_MARKERS_BE)


def check_xml_parts(zf: zipfile.ZipFile) -> None:
    """No XML part may declare a DTD or entities (billion laughs, XXE): refuse the file before any parser sees it."""
    for info in zf.infolist():
        name = info.filename.lower()
        if not name.endswith((".xml", ".rels", ".vml")):
            continue
        if has_dtd(read_prolog(zf, info)):
            raise InputError(
                "unsafe-xml", f"{info.filename} 含有 DTD/实体声明,已拒绝读取(可能是恶意构造的文件)"
            )


# The prolog of an 8-bit XML part: declaration, PIs, comments and blanks before the root element.
_PROLOG = re.compile(rb"(?:\s+|<\?.*?\?>|<!--.*?-->)*", re.S)
PROLOG_PROBE = 1024


def read_prolog(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """What a DTD check must see: the bytes up to the root element's start tag (a DTD has to come
    before it), read 1 KiB at a time rather than 64 KiB. UTF-16 parts, and prologs longer than
    64 KiB, are given as their first 64 KiB, as before."""
    try:
        with zf.open(info) as fh:
            head = fh.read(PROLOG_PROBE)
            if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head[:4]:
                return head + fh.read(XML_HEAD_BYTES - len(head))
            while True:
                start = 3 if head.startswith(b"\xef\xbb\xbf") else 0
                end = _PROLOG.match(head, start).end()
                if (
                    end < len(head)
                    and head[end : end + 1] == b"<"
                    and head[end + 1 : end + 2] not in (b"?", b"!")
                ):
                    return head[: end + 1]  # the root element starts here
                if end < len(head) and head[end : end + 2] == b"<!" and not head.startswith(b"<!--", end):
                    return head  # a DOCTYPE (or junk) before the root: the caller decides
                if len(head) >= XML_HEAD_BYTES:
                    return head
                more = fh.read(PROLOG_PROBE * 4)
                if not more:
                    return head
                head += more
    except _ZIP_ERRORS as exc:
        raise InputError("corrupt", f"文件已损坏,无法读取 {info.filename}({type(exc).__name__})") from exc
    except RuntimeError as exc:
        raise encrypted() from exc


def read_head(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The first 64 KiB of a member: a DTD has to come before the root element."""
    whole = _inflate_small(zf, info, XML_HEAD_BYTES)
    if whole is not None:
        return whole
    try:
        with zf.open(info) as fh:
            return fh.read(XML_HEAD_BYTES)
    except _ZIP_ERRORS as exc:
        raise InputError("corrupt", f"文件已损坏,无法读取 {info.filename}({type(exc).__name__})") from exc
    except RuntimeError as exc:
        raise encrypted() from exc


# ---------------------------------------------------------------- OLE (legacy / encrypted)


def ole_kind(data: bytes) -> str:
    """'encrypted' | 'doc' | 'xls' | 'works' | 'unknown' for an OLE compound file."""
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception as exc:  # olefile raises assorted errors for damaged files
        raise InputError("corrupt", "旧版 Office 文件已损坏,无法读取") from exc
    try:
        streams = {"/".join(s).lower() for s in ole.listdir()}
        if "encryptioninfo" in streams or "encryptedpackage" in streams:
            return "encrypted"
        if "worddocument" in streams:
            return "encrypted" if _word_encrypted(ole) else "doc"
        if "workbook" in streams or "book" in streams:
            return "xls"
        if {"contents", "mn0", "mm"} & streams:
            return "works"
        if "powerpoint document" in streams:
            return "ppt"
        return "unknown"
    except Exception as exc:  # a damaged directory shows up only while listing or reading
        raise InputError("corrupt", "旧版 Office 文件已损坏,无法读取") from exc
    finally:
        ole.close()


def _word_encrypted(ole) -> bool:
    """The FIB's fEncrypted bit (Word 6 and later): a password-protected .doc."""
    head = ole.openstream("WordDocument").read(12)
    if len(head) < 12:
        return False
    flags = struct.unpack("<H", head[10:12])[0]
    return bool(flags & 0x0100)
