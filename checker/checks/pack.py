"""Rule packs: YAML files of rules (rules/default.yaml, rules/strict.yaml, or a company's own).

A pack may `extends:` another pack by name or path and then override rules by
id (severity, fields, params, message ...) or add new ones. Unknown keys,
unknown check kinds, unknown params and unknown field keys are errors at load.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from checker.checks.base import REGISTRY, Rule, Settings
from checker.resources import data_path, is_yaml_error, load_yaml_file


class PackError(ValueError):
    pass


class PackFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    pack: str
    version: str = "1"
    description: str = ""
    extends: str | None = None
    settings: dict = Field(default_factory=dict)
    rules: list[dict] = Field(default_factory=list)


@dataclass
class RulePack:
    name: str
    version: str
    description: str
    settings: Settings
    rules: list[Rule] = field(default_factory=list)
    params: dict[str, BaseModel] = field(default_factory=dict)  # rule id -> validated params

    def active(self, disabled: set[str] = frozenset()) -> list[Rule]:
        return [r for r in self.rules if r.enabled and r.id not in disabled]

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    @property
    def label(self) -> str:
        return f"{self.name}@{self.version}"


def resolve_pack_path(name_or_path: str) -> Path:
    path = Path(name_or_path)
    if path.is_file():
        return path
    if path.is_dir() and (path / "pack.yaml").is_file():
        return path / "pack.yaml"
    shipped = data_path("rules") / f"{name_or_path}.yaml"
    if shipped.is_file():
        return shipped
    raise PackError(f"找不到规则包「{name_or_path}」(可用内置包:default、strict,或给出 YAML 文件路径)")


def load_pack(name_or_path: str = "default", known_fields: set[str] | None = None) -> RulePack:
    path = resolve_pack_path(name_or_path)
    try:
        raw = load_yaml_file(path)  # parsed once, then from the cache (checker/resources.py)
    except Exception as exc:
        if not is_yaml_error(exc):
            raise
        raise PackError(f"{path}: YAML 格式错误:{exc}") from exc
    try:
        spec = PackFile.model_validate(raw)
    except ValidationError as exc:
        raise PackError(f"{path}: 规则包结构不对:{_errors(exc)}") from exc
    base = load_pack(_relative(spec.extends, path), known_fields) if spec.extends else None
    settings_data = {**(base.settings.model_dump() if base else {}), **spec.settings}
    try:
        settings = Settings.model_validate(settings_data)
    except ValidationError as exc:
        raise PackError(f"{path}: settings 有误:{_errors(exc)}") from exc
    rules: dict[str, dict] = {r.id: r.model_dump() for r in base.rules} if base else {}
    for entry in spec.rules:
        rid = entry.get("id")
        if not rid:
            raise PackError(f"{path}: 每条规则都要有 id")
        rules[rid] = {**rules.get(rid, {}), **entry}
    pack = RulePack(spec.pack, spec.version, spec.description, settings)
    for rid, data in rules.items():
        pack.rules.append(_validate_rule(path, rid, data, known_fields, pack))
    return pack


def _validate_rule(path: Path, rid: str, data: dict, known_fields: set[str] | None, pack: RulePack) -> Rule:
    try:
        rule = Rule.model_validate(data)
    except ValidationError as exc:
        raise PackError(f"{path}: 规则 {rid} 有误:{_errors(exc)}") from exc
    kind = REGISTRY.get(rule.kind)
    if kind is None:
        raise PackError(f"{path}: 规则 {rid} 的 kind「{rule.kind}」未知(可用:{'、'.join(sorted(REGISTRY))})")
    try:
        pack.params[rid] = kind.params.model_validate(rule.params)
    except ValidationError as exc:
        raise PackError(f"{path}: 规则 {rid} 的 params 有误:{_errors(exc)}") from exc
    if known_fields is not None:
        unknown = [f for f in rule.fields if f not in known_fields]
        if unknown:
            raise PackError(f"{path}: 规则 {rid} 的 fields 中有未知字段:{', '.join(unknown)}")
    return rule


def _relative(name: str, path: Path) -> str:
    candidate = path.parent / name
    return str(candidate) if candidate.is_file() else name


def _errors(exc: ValidationError) -> str:
    return ";".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
