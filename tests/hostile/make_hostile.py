"""Build the hostile-input fixture set: `python tests/hostile/make_hostile.py [out_dir]`.

Writes into tests/hostile/files/ (git-ignored) by default. `build(out)` returns
{file name: expected outcome}: an InputError code, or "records" when the file
must give records. Encrypted and Works samples are copied from the real corpus
when it is present (olefile cannot write an encrypted compound file).
"""

from __future__ import annotations

import io
import json
import shutil
import struct
import sys
import zipfile
from pathlib import Path

import docx
import openpyxl

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "real"
GOOD = {
    "被面谈人": "张三",
    "部门": "技术部",
    "面谈时间": "2024-03-01",
    "面谈人": "李四",
    "绩效总结": "本季度完成订单系统重构,缺陷率下降 30%。",
    "改进计划": "4 月底前完成两次代码评审培训,缺陷率再降 10%。",
    "员工签字": "张三",
}
COPIED = {
    "encrypted_agile.docx": "apache-poi/bug53475-password-is-pass.docx",
    "encrypted_sha512.xlsx": "apache-poi/protected_sha512.xlsx",
    "encrypted_word97.doc": "apache-poi/PasswordProtected.doc",
    "encrypted_xor.xls": "apache-poi/xor-encryption-abc.xls",
    "works.wps": "tika/testWORKS.wps",
}


def form_docx(fields: dict[str, str] = GOOD) -> bytes:
    document = docx.Document()
    document.add_paragraph("员工绩效面谈记录表")
    table = document.add_table(rows=len(fields), cols=2)
    for row, (label, value) in zip(table.rows, fields.items(), strict=True):
        row.cells[0].text = label
        row.cells[1].text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def batch_xlsx(rows: int = 3) -> bytes:
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("汇总")
    ws.append(list(GOOD))
    for i in range(rows):
        ws.append([f"员工{i}", *list(GOOD.values())[1:]])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def rewrite_zip(
    data: bytes, replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None
) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, (replace or {}).get(info.filename, src.read(info)))
        for name, body in (add or {}).items():
            dst.writestr(name, body)
    return out.getvalue()


def with_dtd(xml: bytes, dtd: bytes) -> bytes:
    """Put a DOCTYPE right after the XML declaration and a reference into the first text node."""
    decl_end = xml.index(b"?>") + 2 if xml.startswith(b"<?xml") else 0
    root = xml[decl_end:].lstrip()
    name = root[1 : root.index(b" ")]
    return xml[:decl_end] + b"\n<!DOCTYPE " + name + b" [" + dtd + b"]>\n" + root


LAUGHS = b"".join(
    [b'<!ENTITY lol "lol">']
    + [
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    ]
)


def docx_with_dtd(dtd: bytes, reference: bytes) -> bytes:
    data = form_docx()
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    xml = with_dtd(xml, dtd).replace("张三".encode(), reference, 1)
    return rewrite_zip(data, {"word/document.xml": xml})


def xlsx_with_dtd(part: str, dtd: bytes, reference: bytes) -> bytes:
    data = batch_xlsx()
    xml = zipfile.ZipFile(io.BytesIO(data)).read(part)
    xml = with_dtd(xml, dtd)
    if reference:
        xml = xml.replace("员工0".encode(), reference, 1)
    return rewrite_zip(data, {part: xml})


def bomb_docx(size: int = 60 * 1024 * 1024) -> bytes:
    """A docx with one member of `size` zero bytes: ~60 KB on disk."""
    return rewrite_zip(form_docx(), add={"word/media/padding.bin": b"\0" * size})


def lying_header_docx() -> bytes:
    """word/document.xml inflates to 20 MB; its headers say 1 KB."""
    name = b"word/document.xml"
    data = form_docx()
    xml = zipfile.ZipFile(io.BytesIO(data)).read(name.decode())
    data = bytearray(rewrite_zip(data, {name.decode(): xml + b" " * (20 * 1024 * 1024)}))
    local = data.find(b"PK\x03\x04")
    while data[local + 30 : local + 30 + len(name)] != name:
        local = data.find(b"PK\x03\x04", local + 4)
    central = data.find(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(name)] != name:
        central = data.find(b"PK\x01\x02", central + 4)
    struct.pack_into("<I", data, local + 22, 1024)  # uncompressed size, local header
    struct.pack_into("<I", data, central + 24, 1024)  # uncompressed size, central directory
    return bytes(data)


def many_members_zip(count: int = 6000) -> bytes:
    return rewrite_zip(form_docx(), add={f"word/x/{i}.xml": b"<a/>" for i in range(count)})


def nested_docx(depth: int) -> bytes:
    """Tables nested `depth` deep, the form table innermost."""
    data = form_docx()
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    start, end = xml.index("<w:tbl>"), xml.index("</w:tbl>") + len("</w:tbl>")
    inner = xml[start:end]
    for _ in range(depth):
        inner = f"<w:tbl><w:tr><w:tc>{inner}<w:p/></w:tc></w:tr></w:tbl>"
    return rewrite_zip(data, {"word/document.xml": (xml[:start] + inner + xml[end:]).encode()})


def docm() -> bytes:
    """A macro-enabled document: main part type docm, a vbaProject.bin next to it."""
    data = form_docx()
    types = (
        zipfile.ZipFile(io.BytesIO(data))
        .read("[Content_Types].xml")
        .replace(
            b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            b"application/vnd.ms-word.document.macroEnabled.main+xml",
        )
    )
    vba = {"word/vbaProject.bin": b"\xd0\xcf\x11\xe0" + b"\0" * 512}
    return rewrite_zip(data, {"[Content_Types].xml": types}, vba)


def xlsm() -> bytes:
    return rewrite_zip(batch_xlsx(), add={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0" + b"\0" * 512})


def zero_width_docx() -> bytes:
    """Labels with zero-width spaces, full-width letters and colons; values must come out unchanged."""
    return form_docx(
        {
            "被\u200b面谈人：": "张\u200b三",
            "部\ufeff门": "ＩＴ部",
            "面谈时间（必填）": "２０２４年３月１日",
            "面\u200d谈人": "李四",
            "绩效总结": GOOD["绩效总结"],
            "改进计划": GOOD["改进计划"],
        }
    )


def huge_cell_docx() -> bytes:
    return form_docx({**GOOD, "绩效总结": "完成订单系统重构。" * 120_000})  # ~1 M characters


def big_sheet_xlsx(rows: int) -> bytes:
    return batch_xlsx(rows)


def deep_json(depth: int = 100_000) -> bytes:
    return b"[" * depth + b"]" * depth


def build(out: Path, with_big: bool = True) -> dict[str, str]:
    out.mkdir(parents=True, exist_ok=True)
    secret = out / "secret.txt"
    secret.write_text("TOP-SECRET-XXE-CANARY", encoding="utf-8")
    xxe = b'<!ENTITY xxe SYSTEM "file://' + str(secret).encode() + b'">'
    files: dict[str, tuple[bytes, str]] = {
        "good_form.docx": (form_docx(), "records"),
        "good_batch.xlsx": (batch_xlsx(), "records"),
        "bomb_ratio.docx": (bomb_docx(), "zip-bomb"),
        "bomb_lying_header.docx": (lying_header_docx(), "corrupt"),
        "bomb_many_members.docx": (many_members_zip(), "zip-bomb"),
        "billion_laughs.docx": (docx_with_dtd(LAUGHS, b"&lol9;"), "unsafe-xml"),
        "billion_laughs_strings.xlsx": (
            xlsx_with_dtd("xl/worksheets/sheet1.xml", LAUGHS, b"&lol9;"),
            "unsafe-xml",
        ),
        "xxe.docx": (docx_with_dtd(xxe, b"&xxe;"), "unsafe-xml"),
        "xxe.xlsx": (xlsx_with_dtd("xl/workbook.xml", xxe, b""), "unsafe-xml"),
        "truncated.docx": (form_docx()[:4000], "corrupt"),
        "truncated.xlsx": (batch_xlsx()[:-300], "corrupt"),
        "empty.docx": (b"", "empty"),
        "blank.json": (b"  \n\t ", "empty"),
        "xlsx_named.docx": (batch_xlsx(), "records"),
        "docx_named.xlsx": (form_docx(), "records"),
        "json_named.csv": (json.dumps(GOOD, ensure_ascii=False).encode(), "records"),
        "macro.docm": (docm(), "records"),
        "macro.xlsm": (xlsm(), "records"),
        "zero_width_labels.docx": (zero_width_docx(), "records"),
        "huge_cell.docx": (huge_cell_docx(), "records"),
        "nested_6.docx": (nested_docx(6), "records|no-fields"),
        "nested_40.docx": (nested_docx(40), "records|no-fields"),
        "nested_300.docx": (nested_docx(300), "too-complex"),
        "gbk.csv": (_csv().encode("gbk"), "records"),
        "gb18030.json": (json.dumps([GOOD, GOOD], ensure_ascii=False).encode("gb18030"), "records"),
        "utf16.json": (json.dumps(GOOD, ensure_ascii=False).encode("utf-16"), "records"),
        "deep.json": (deep_json(), "too-complex|bad-json"),
        "huge_int.json": (
            b'{"\xe8\xa2\xab\xe9\x9d\xa2\xe8\xb0\x88\xe4\xba\xba": ' + b"9" * 10_000 + b"}",
            "bad-json",
        ),
        "rtf_named.doc": (b"{\\rtf1\\ansi \\b \xc3\xfb\\b0 }", "unsupported"),
        "html_named.xls": (
            "<html><body><table><tr><td>姓名</td></tr></table></body></html>".encode(),
            "unsupported",
        ),
        "plain.zip.docx": (_plain_zip(), "not-office"),
        "random.bin.xlsx": (bytes(range(256)) * 40, "unsupported"),
        "nul_bytes.csv": (b"\x00" * 5000, "empty"),
    }
    if with_big:
        files["rows_100k.xlsx"] = (big_sheet_xlsx(100_000), "records|timeout|memory")
    expected = {}
    for name, (body, outcome) in files.items():
        (out / name).write_bytes(body)
        expected[name] = outcome
    for name, rel in COPIED.items():
        if (CORPUS / rel).is_file():
            shutil.copyfile(CORPUS / rel, out / name)
            expected[name] = "unsupported" if name.endswith(".wps") else "encrypted"
    return expected


def _csv() -> str:
    return ",".join(GOOD) + "\n" + ",".join(v.replace(",", ",") for v in GOOD.values()) + "\n"


def _plain_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("readme.txt", "hello")
    return out.getvalue()


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "files"
    for name, outcome in build(target).items():
        print(f"{outcome:24} {name}")
