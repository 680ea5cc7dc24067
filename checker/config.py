"""Run configuration: defaults, then .checker.toml (found from the working folder upward), then CLI flags."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

if TYPE_CHECKING:
    from checker.intake.gate import Limits

CONFIG_NAMES = (".checker.toml", "checker.toml")


class LimitsConfig(BaseModel):
    """[limits] in .checker.toml; see README.md ("限制与安全") for what each one guards against.

    These defaults are the only place the limits are written: checker/intake/gate.py Limits() takes
    its defaults from here (tests/test_policy_in_pack.py holds the two together)."""

    model_config = ConfigDict(extra="forbid")
    max_file_mb: int = Field(50, gt=0)
    max_total_uncompressed_mb: int = Field(200, gt=0)
    max_member_uncompressed_mb: int = Field(100, gt=0)
    max_compression_ratio: float = Field(200.0, gt=1)
    max_zip_members: int = Field(5000, gt=0)
    max_rows: int = Field(200_000, gt=0)
    max_cols: int = Field(200, gt=0)
    max_field_chars: int = Field(50_000, gt=0)
    seconds_per_file: float = Field(30.0, gt=0)
    memory_mb_per_file: int = Field(1024, ge=256)
    # "auto": a child process per file when several files are read or one is larger than
    # isolate_above_kb; "always"/"never" force it. The budget above holds only in a child.
    isolate: Literal["auto", "always", "never"] = "auto"
    isolate_above_kb: int = Field(1024, ge=0)
    # in "auto": a collection of records (.xlsx/.xls/.csv/.json/.jsonl) above this is read in a
    # worker too, so that its rows are checked on two cores (the worker and the caller share them)
    # rather than one: an export of a few thousand rows is a few hundred KB
    parallel_above_kb: int = Field(256, ge=0)

    def to_limits(self) -> Limits:
        from checker.intake.gate import CONVERT_SECONDS, Limits  # the reader's: not needed to parse a config

        mib = 1024 * 1024
        return Limits(
            max_file_bytes=self.max_file_mb * mib,
            max_total_uncompressed=self.max_total_uncompressed_mb * mib,
            max_member_uncompressed=self.max_member_uncompressed_mb * mib,
            max_compression_ratio=self.max_compression_ratio,
            max_members=self.max_zip_members,
            max_rows=self.max_rows,
            max_cols=self.max_cols,
            max_field_chars=self.max_field_chars,
            seconds_per_file=self.seconds_per_file,
            memory_mb_per_file=self.memory_mb_per_file,
            convert_seconds=min(CONVERT_SECONDS, self.seconds_per_file),
        )


class HistoryConfig(BaseModel):
    """[history] in .checker.toml: the record database (checker/history; README 「HR 月度抽检」)."""

    model_config = ConfigDict(extra="forbid")
    # any SQLAlchemy URL, or a file path for SQLite; "" = checker-history.sqlite beside the config
    url: str = ""
    store_text: bool = True  # false: field texts are kept only as hashes (privacy)
    save: bool = False  # true: every `checker audit` saves as if given --save


class NlpConfig(BaseModel):
    """[nlp] in .checker.toml: "spacy" segments through spaCy's blank zh pipeline over the same jieba
    (the same words; ~1 s longer start-up, slower analysis), "jieba" calls jieba directly."""

    model_config = ConfigDict(extra="forbid")
    segmenter: Literal["jieba", "spacy"] = "jieba"


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid")
    rules: str = "default"
    fields: list[str] = Field(default_factory=list)
    disable: list[str] = Field(default_factory=list)
    fail_on: str = "warning"
    lexicon_dirs: list[str] = Field(default_factory=list)
    lexicons: dict[str, list[str]] = Field(default_factory=dict)
    limits: LimitsConfig = Field(default_factory=LimitsConfig)
    normalise: list[str] = Field(default_factory=list)  # extra job-family/grade tables (rules/normalise.yaml)
    history: HistoryConfig = Field(default_factory=HistoryConfig)
    nlp: NlpConfig = Field(default_factory=NlpConfig)
    service: dict = Field(default_factory=dict)  # [service]: validated by checker/service/settings.py
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
    if sys.version_info >= (3, 11):  # imported only when there is a file to read
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: 配置文件无法读取:{exc}") from exc
    base = Path(path).parent
    for key in ("fields", "lexicon_dirs", "normalise"):
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
