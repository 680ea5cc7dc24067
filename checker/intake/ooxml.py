"""Safe access to the XML parts of an Office Open XML package (.docx/.xlsx zip)."""

from __future__ import annotations

import posixpath
import zipfile
from collections import OrderedDict

from lxml import etree

from checker.intake.errors import InputError
from checker.intake.gate import has_dtd, inflated, read_member

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


def parse_xml(data: bytes, name: str) -> etree._Element:
    """One OOXML part as a tree; DTDs refused, entities never expanded, depth bounded by libxml2 (256)."""
    head = data[:65536]
    if has_dtd(head):
        raise InputError("unsafe-xml", f"{name} 含有 DTD/实体声明,已拒绝读取(可能是恶意构造的文件)")
    try:
        root = etree.fromstring(data, parser=_PARSER)
    except etree.XMLSyntaxError as exc:
        if "depth" in str(exc.msg).lower():
            raise InputError("too-complex", f"{name} 嵌套层次过深,已拒绝读取(可能是恶意构造的文件)") from exc
        raise InputError("corrupt", f"{name} 不是合法的 XML:{exc.msg}") from exc
    if root is None:
        raise InputError("corrupt", f"{name} 是空的 XML")
    return root


REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT = "/officeDocument"
_RELATIONSHIP = f"{{{REL_NS}}}Relationship"


# Relationship parts by their bytes and folder: every form made from one template has the same ones,
# parsed once. The key is the bytes themselves (not a checksum): a look-alike part never matches.
_RELS_CACHE: OrderedDict[tuple[bytes, str], dict[str, tuple[str, str]]] = OrderedDict()
_RELS_CACHE_SIZE = 256
_RELS_CACHE_BYTES = 64 * 1024


def _relationships(root: etree._Element, folder: str) -> dict[str, tuple[str, str]]:
    out = {}
    for rel in root.iter(_RELATIONSHIP):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External":
            continue
        if target.startswith("/"):
            resolved = target.lstrip("/")
        else:
            resolved = posixpath.normpath(posixpath.join(folder, target))
        out[rel.get("Id", "")] = (rel.get("Type", ""), resolved)
    return out


class Package:
    """An opened OOXML zip. Member sizes are checked by the intake gate before this."""

    def __init__(self, zf: zipfile.ZipFile, source: str, max_member: int = 100 * 1024 * 1024):
        self.zip = zf
        self.source = source
        self.max_member = max_member
        self._names = {n.replace("\\", "/").lstrip("/"): n for n in zf.namelist()}

    def has(self, name: str) -> bool:
        return name.lstrip("/") in self._names

    def read(self, name: str) -> bytes:
        real = self._names.get(name.lstrip("/"))
        if real is None:
            raise InputError("corrupt", f"文件结构不完整:缺少 {name}")
        known = inflated(self.zip, real)  # .rels and a small main part: read whole by the gate already
        if known is not None and len(known) <= self.max_member:
            return known
        return read_member(self.zip, self.zip.getinfo(real), self.max_member)

    def xml(self, name: str) -> etree._Element:
        return parse_xml(self.read(name), name)

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """rId -> (type, target part name) for a part ("" for the package)."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if not self.has(rels_name):
            return {}
        data = self.read(rels_name)
        if len(data) > _RELS_CACHE_BYTES:
            return _relationships(parse_xml(data, rels_name), folder)
        key = (data, folder)
        known = _RELS_CACHE.get(key)
        if known is None:
            known = _RELS_CACHE[key] = _relationships(parse_xml(data, rels_name), folder)
            if len(_RELS_CACHE) > _RELS_CACHE_SIZE:
                _RELS_CACHE.popitem(last=False)
        else:
            _RELS_CACHE.move_to_end(key)
        return dict(known)

    def main_part(self) -> str | None:
        for rel_type, target in self.relationships("").values():
            if rel_type.endswith(OFFICE_DOCUMENT):
                return target
        return None
