"""Label -> canonical field key, driven by the alias table in rules/fields.yaml."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from checker.resources import data_path

# Marks templates put on labels that say nothing about which field it is.
_REQUIRED_MARK = re.compile(r"[（(【\[]\s*(必填|必选|选填|可选|必须填写|签字|签名|手写)\s*[)）】\]]")
_BRACKETED_HINT = re.compile(r"[（(【\[][^）)】\]]{0,40}[)）】\]]")
_NOISE = re.compile(r"[\s*＊※★☆:：_＿·•●.。、\u200b-\u200f\ufeff]+")
_LEADING_NUMBER = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|\d{1,2}[、.．)）]|[（(][一二三四五六七八九十\d]{1,2}[)）])"
)


def fold(text: str) -> str:
    """Full-width -> half-width, compatibility forms folded (NFKC keeps CJK as is)."""
    return unicodedata.normalize("NFKC", text)


def normalize_label(text: str) -> str:
    label = fold(text).strip()
    label = _LEADING_NUMBER.sub("", label)
    label = _REQUIRED_MARK.sub("", label)
    label = _NOISE.sub("", label)
    return label


@dataclass
class AliasTable:
    aliases: dict[str, str] = field(default_factory=dict)  # normalised alias -> key
    names: dict[str, str] = field(default_factory=dict)  # key -> display name (Chinese)
    required: list[str] = field(default_factory=list)

    def add(self, key: str, aliases: list[str], name: str | None = None) -> None:
        self.names.setdefault(key, name or (aliases[0] if aliases else key))
        if name:
            self.names[key] = name
        for alias in [key, *aliases]:
            self.aliases[normalize_label(str(alias))] = key

    def extend_from_file(self, path: Path) -> None:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict) or not isinstance(data.get("fields", {}), dict):
            raise ValueError(f"{path}: 字段别名表格式不对,应为 fields: {{键: {{aliases: [...]}}}}")
        for key, spec in (data.get("fields") or {}).items():
            spec = spec or {}
            if isinstance(spec, list):
                spec = {"aliases": spec}
            self.add(str(key), [str(a) for a in spec.get("aliases", [])], spec.get("name"))
        if data.get("required"):
            self.required = [str(k) for k in data["required"]]

    def lookup(self, label: str) -> str | None:
        """The canonical key a label names, or None when it names no known field."""
        key = self._lookup(label)
        # "被面谈人(签字)", "受谈人签名", "面谈人签字日期": the person's signature, not their name
        if (
            key in _SIGNATURE_OF
            and label
            and (_SIGNATURE_MARK.search(fold(label)) or normalize_label(label).endswith(_SIGNATURE_SUFFIXES))
        ):
            return _SIGNATURE_OF[key]
        return key

    def _lookup(self, label: str) -> str | None:
        if not label or len(label) > 60:
            return None
        norm = normalize_label(label)
        # "本季度工作表现(主管填写,包括主要业绩与不足)": the hint in brackets does not count
        if not norm or len(_BRACKETED_HINT.sub("", norm)) > 24:
            return None
        for candidate in _candidates(norm):
            key = self.aliases.get(candidate)
            if key:
                return key
        return self._prefix_match(norm)

    def _prefix_match(self, norm: str) -> str | None:
        # "面谈地点说明", "员工签字日期": the longest alias the label starts with,
        # when what follows is only a hint word, never another name ("员工绩效面谈记录表").
        # Shortest suffix first = longest alias; a lookup per suffix, not a scan of all aliases
        # (a 20,000-row sheet calls this for every cell).
        for suffix in _HINT_SUFFIXES_BY_LENGTH:
            alias = norm[: -len(suffix)]
            if norm.endswith(suffix) and len(alias) >= 2 and alias in self.aliases:
                return self.aliases[alias]
        return None

    def name(self, key: str) -> str:
        return self.names.get(key, key)


_SIGNATURE_MARK = re.compile(r"[(（【\[]\s*(签字|签名|签章|盖章|手签)\s*[)）】\]]")
_SIGNATURE_OF = {"employee_name": "employee_confirmation", "manager_name": "manager_signature"}
_SIGNATURE_SUFFIXES = ("签字", "签名", "签章", "签字日期", "签名日期", "签字确认")
_HINT_SUFFIXES = {
    "日期",
    "时间",
    "签字",
    "签名",
    "及日期",
    "和日期",
    "年月日",
    "情况",
    "内容",
    "描述",
    "说明",
    "栏",
    "事项",
    "记录",
    "签字日期",
    "签名日期",
    "确认",
    "姓名",
}
_HINT_SUFFIXES_BY_LENGTH = sorted(_HINT_SUFFIXES, key=len)


def _candidates(norm: str) -> list[str]:
    out = [norm]
    stripped = _BRACKETED_HINT.sub("", norm)
    if stripped != norm:
        out.append(stripped)
    for sep in ("/", "及", "和"):
        if sep in stripped:
            out.append(stripped.split(sep, 1)[0])
    # "存在的分歧" = "存在分歧"; "上级综合评价" = "综合评价" (who writes it is not part of the name)
    if "的" in stripped:
        out.append(stripped.replace("的", ""))
    for role in _ROLE_PREFIXES:
        if stripped.startswith(role) and len(stripped) - len(role) >= 3:
            out.append(stripped[len(role) :])
    return out


_ROLE_PREFIXES = ("直接上级", "直属上级", "上级", "主管", "面谈人", "部门")


@lru_cache(maxsize=8)
def load_alias_table(extra: tuple[str, ...] = ()) -> AliasTable:
    table = AliasTable()
    table.extend_from_file(data_path("rules") / "fields.yaml")
    for path in extra:
        table.extend_from_file(Path(path))
    return table
