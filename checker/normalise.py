"""Job family and grade normalisation, as data (rules/normalise.yaml): T序列 / 技术序列 / 研发 -> 技术,
A级 / 优秀 -> A.

One function per field for callers that group records (sampling, trends, topics, the HR summary
workbook)::

    from checker.normalise import normalise_job_family, normalise_grade
    normalise_job_family("T序列")   # "技术"
    normalise_grade("优秀")         # "A"

Both take an optional `normaliser` (from `load_normaliser(extra_yaml_paths)`) for a company's own
table; without one they use the shipped table merged with `normalise = [...]` of the discovered
.checker.toml, if any (see `default_normaliser`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from checker.resources import data_path

UNKNOWN = "未填写"
FIELDS = ("job_family", "grade")
_SUFFIXES = ("序列", "系列", "通道", "类", "岗", "族")
_BRACKETS = re.compile(r"[((\[【].*?[))\]】]")
_PLACEHOLDERS = {"", "无", "/", "-", "—", "——", "待填", "略", "n/a", "na", "none", "null"}


def clean(text: str | None) -> str:
    """NFKC (full-width -> half-width), no spaces, upper case: the form aliases are compared in."""
    text = unicodedata.normalize("NFKC", text or "")
    return re.sub(r"\s+", "", text).upper()


@dataclass
class Normaliser:
    tables: dict[str, dict[str, str]] = field(default_factory=dict)  # field -> cleaned alias -> name
    order: dict[str, list[str]] = field(default_factory=dict)  # field -> canonical names, as listed
    sources: list[str] = field(default_factory=list)

    def add(self, data: dict, source: str = "") -> None:
        for key in FIELDS:
            groups = (data or {}).get(key) or {}
            if not isinstance(groups, dict):
                raise ValueError(f"{source}: {key} 应为「标准名: [写法, ...]」的映射")
            table = self.tables.setdefault(key, {})
            order = self.order.setdefault(key, [])
            for name, aliases in groups.items():
                name = str(name)
                if name not in order:
                    order.append(name)
                for alias in [name, *(aliases or [])]:
                    table[clean(str(alias))] = name
        if source:
            self.sources.append(source)

    def normalise(self, key: str, text: str | None) -> str:
        raw = unicodedata.normalize("NFKC", text or "").strip()
        if raw.lower() in _PLACEHOLDERS:
            return UNKNOWN
        table = self.tables.get(key, {})
        for candidate in _candidates(raw):
            if candidate in table:
                return table[candidate]
        if key == "grade":  # "A(优秀)", "B+ 良好": the leading letter when it is a known grade
            match = re.match(r"^([SABCDE])(?![A-Z])", clean(raw))
            if match and match.group(1) in table:
                return table[match.group(1)]
        return re.sub(r"\s+", "", raw)

    def job_family(self, text: str | None) -> str:
        return self.normalise("job_family", text)

    def grade(self, text: str | None) -> str:
        return self.normalise("grade", text)

    def rank(self, key: str, name: str) -> int:
        """Sort position of a canonical name (listed ones first, in the table's order)."""
        order = self.order.get(key, [])
        return order.index(name) if name in order else len(order)


def _candidates(raw: str) -> Iterable[str]:
    text = clean(raw)
    yield text
    bare = clean(_BRACKETS.sub("", raw))
    if bare and bare != text:
        yield bare
    for base in dict.fromkeys((text, bare)):
        for suffix in _SUFFIXES:
            if base.endswith(suffix) and len(base) > len(suffix):
                yield base[: -len(suffix)]


def load_normaliser(extra: Iterable[str | Path] = ()) -> Normaliser:
    """The shipped rules/normalise.yaml, then each extra YAML merged over it."""
    normaliser = Normaliser()
    shipped = data_path("rules") / "normalise.yaml"
    normaliser.add(yaml.safe_load(shipped.read_text(encoding="utf-8")), str(shipped))
    for path in extra:
        try:
            data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise ValueError(f"{path}: 归一化表无法读取:{exc}") from exc
        normaliser.add(data, str(path))
    return normaliser


@lru_cache(maxsize=8)
def _cached(extra: tuple[str, ...]) -> Normaliser:
    return load_normaliser(extra)


def default_normaliser() -> Normaliser:
    """Shipped table plus `normalise = [...]` of the discovered .checker.toml (cached)."""
    try:
        from checker.config import load_config

        extra = tuple(getattr(load_config(), "normalise", []) or [])
    except Exception:  # a broken config is reported by the command that reads it; the table still works
        extra = ()
    return _cached(extra)


def normalise_job_family(text: str | None, normaliser: Normaliser | None = None) -> str:
    return (normaliser or default_normaliser()).job_family(text)


def normalise_grade(text: str | None, normaliser: Normaliser | None = None) -> str:
    return (normaliser or default_normaliser()).grade(text)
