"""Run configuration: defaults, then .checker.toml (found from the working folder upward), then CLI flags."""

from __future__ import annotations

import sys
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_NAMES = (".checker.toml", "checker.toml")


class LimitsConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")
    max_file_mb: int = 50
    max_total_uncompressed_mb: int = 300
    max_member_uncompressed_mb: int = 150
    max_compression_ratio: float = 200.0
    max_rows: int = 200_000
    seconds_per_file: float = 30.0
    memory_mb_per_file: int = 1024


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid")
    rules: str = "default"
    fields: list[str] = Field(default_factory=list)
    disable: list[str] = Field(default_factory=list)
    fail_on: str = "warning"
    lexicon_dirs: list[str] = Field(default_factory=list)
    lexicons: dict[str, list[str]] = Field(default_factory=dict)
    limits: LimitsConfig = Field(default_factory=LimitsConfig)
    source: str = ""  # the config file this came from, for messages


class ConfigError(ValueError):
    pass


def find_config(start: Path | None = None) -> Path | None:
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            path = candidate / name
            if path.is_file():
                return path
    return None


def load_config(path: Path | None = None, discover: bool = True) -> Config:
    path = path or (find_config() if discover else None)
    if path is None:
        return Config()
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: 配置文件无法读取:{exc}") from exc
    base = Path(path).parent
    for key in ("fields", "lexicon_dirs"):
        if isinstance(data.get(key), str):
            data[key] = [data[key]]
        data[key] = [str((base / p).resolve()) for p in data.get(key, [])]
    if isinstance(data.get("rules"), str) and (base / data["rules"]).exists():
        data["rules"] = str((base / data["rules"]).resolve())
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        problems = ";".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise ConfigError(f"{path}: 配置有误:{problems}") from exc
    config.source = str(path)
    return config
