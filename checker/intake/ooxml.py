"""Safe access to the XML parts of an Office Open XML package (.docx/.xlsx zip)."""

from __future__ import annotations

import posixpath
import zipfile

from lxml import etree

from checker.intake.errors import InputError

# No entity expansion, no network, no DTD loading, bounded tree: an Office part
# never needs any of these, and each is a way to attack the parser.
_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
)

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT = "/officeDocument"


class Package:
    """An opened OOXML zip. Member sizes are checked by the intake gate before this."""

    def __init__(self, zf: zipfile.ZipFile, source: str):
        self.zip = zf
        self.source = source
        self._names = {n.replace("\\", "/").lstrip("/"): n for n in zf.namelist()}

    def has(self, name: str) -> bool:
        return name.lstrip("/") in self._names

    def read(self, name: str) -> bytes:
        real = self._names.get(name.lstrip("/"))
        if real is None:
            raise InputError("corrupt", f"文件结构不完整:缺少 {name}")
        try:
            return self.zip.read(real)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
            raise InputError("corrupt", f"文件已损坏,无法读取 {name}({type(exc).__name__})") from exc
        except RuntimeError as exc:  # zipfile raises this for encrypted members
            raise InputError("encrypted", "文件已加密,请去除密码后再上传") from exc

    def xml(self, name: str) -> etree._Element:
        data = self.read(name)
        if b"<!ENTITY" in data[:4096] or b"<!DOCTYPE" in data[:4096]:
            raise InputError("unsafe-xml", f"{name} 含有 DTD/实体声明,已拒绝读取(可能是恶意文件)")
        try:
            return etree.fromstring(data, parser=_PARSER)
        except etree.XMLSyntaxError as exc:
            raise InputError("corrupt", f"{name} 不是合法的 XML:{exc.msg}") from exc

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """rId -> (type, target part name) for a part ("" for the package)."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if not self.has(rels_name):
            return {}
        out = {}
        for rel in self.xml(rels_name).iter(f"{{{REL_NS}}}Relationship"):
            target = rel.get("Target", "")
            if rel.get("TargetMode") == "External":
                continue
            if target.startswith("/"):
                resolved = target.lstrip("/")
            else:
                resolved = posixpath.normpath(posixpath.join(folder, target))
            out[rel.get("Id", "")] = (rel.get("Type", ""), resolved)
        return out

    def main_part(self) -> str | None:
        for rel_type, target in self.relationships("").values():
            if rel_type.endswith(OFFICE_DOCUMENT):
                return target
        return None
