"""The one door every input goes through.

The real type is read from the content, not the name: a zip with
[Content_Types].xml is Office Open XML (Word or Excel by its main part), an OLE
compound file is a legacy or encrypted Office file, text starting with { or [
is JSON. Zip members are size-checked before anything is inflated.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from checker.intake.errors import InputError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")


@dataclass(frozen=True)
class Limits:
    """Per-file safety limits; documented in README "限制与安全"."""

    max_file_bytes: int = 50 * 1024 * 1024
    max_total_uncompressed: int = 300 * 1024 * 1024
    max_member_uncompressed: int = 150 * 1024 * 1024
    max_compression_ratio: float = 200.0  # only checked for members over 1 MiB
    max_members: int = 5000
    max_rows: int = 200_000
    max_cols: int = 200
    max_cell_chars: int = 1_000_000
    seconds_per_file: float = 30.0
    memory_mb_per_file: int = 1024


def sniff(data: bytes, name: str) -> str:
    """'docx' | 'xlsx' | 'ole' | 'json' | 'jsonl' | 'csv' | 'empty' | 'unknown'."""
    if not data.strip():
        return "empty"
    if data.startswith(ZIP_MAGIC):
        return "zip"
    if data.startswith(OLE_MAGIC):
        return "ole"
    suffix = Path(name).suffix.lower()
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if suffix == ".jsonl":
        return "jsonl"
    if head.startswith((b"{", b"[")):
        return "json"
    if suffix in (".csv", ".txt"):
        return "csv"
    return "unknown"


def open_zip(data: bytes, limits: Limits) -> zipfile.ZipFile:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise InputError("corrupt", "文件已损坏或不完整(zip 结构无法读取),请重新保存后上传") from exc
    if len(infos) > limits.max_members:
        raise InputError("zip-bomb", f"压缩包内文件过多({len(infos)} 个),已拒绝读取")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise InputError("encrypted", "文件已加密,请去除密码后再上传")
        if info.file_size > limits.max_member_uncompressed:
            raise InputError(
                "zip-bomb",
                f"压缩包成员 {info.filename} 解压后过大({info.file_size // 1048576} MB),已拒绝读取",
            )
        if info.file_size > 1024 * 1024 and info.file_size > limits.max_compression_ratio * max(
            info.compress_size, 1
        ):
            raise InputError("zip-bomb", f"压缩包成员 {info.filename} 压缩比异常,疑似压缩炸弹,已拒绝读取")
        total += info.file_size
    if total > limits.max_total_uncompressed:
        raise InputError("zip-bomb", f"解压后总大小 {total // 1048576} MB 超过上限,已拒绝读取")
    return zf


def office_kind(zf: zipfile.ZipFile) -> str:
    names = {n.replace("\\", "/").lstrip("/") for n in zf.namelist()}
    if "[Content_Types].xml" not in names:
        raise InputError("not-office", "这是一个 zip 压缩包,但不是 Word/Excel 文件")
    if any(n.startswith("word/") for n in names):
        return "docx"
    if any(n.startswith("xl/") for n in names):
        return "xlsx"
    if any(n.startswith("ppt/") for n in names):
        raise InputError("unsupported", "这是 PowerPoint 文件,不是面谈记录模板(请使用 Word 或 Excel)")
    raise InputError("not-office", "Office 文件中找不到 Word 正文或 Excel 工作表")


def ole_kind(data: bytes) -> str:
    """'encrypted' | 'doc' | 'xls' | 'unknown' for an OLE compound file."""
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception as exc:  # olefile raises assorted errors for damaged files
        raise InputError("corrupt", "旧版 Office 文件已损坏,无法读取") from exc
    try:
        streams = {"/".join(s) for s in ole.listdir()}
    finally:
        ole.close()
    if "EncryptionInfo" in streams or "EncryptedPackage" in streams:
        return "encrypted"
    if "WordDocument" in streams:
        return "doc"
    if "Workbook" in streams or "Book" in streams:
        return "xls"
    return "unknown"
