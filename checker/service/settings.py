"""Service settings: `[service]` in .checker.toml, then the environment, then `checker serve` flags.

    [service]
    tokens = ["…"]            # bearer tokens; CHECKER_TOKENS="a,b" adds to them
    max_upload_mb = 50         # one request's body; above it: 413 before the body is read
    request_seconds = 60       # budget of one synchronous audit; above it: 504 and the worker is replaced
    job_seconds = 1800         # budget of one job
    redis_url = ""             # "redis://host:6379/0": jobs go to Celery workers (`checker worker`)
    cache_mb = 64              # results of identical uploads, in memory only; 0 = off

Nothing here is written anywhere: uploads live in memory for the request, job results until they are
fetched or expire (in a private temporary folder of the running service, or in Redis with a TTL).
"""

from __future__ import annotations

import ipaddress
import os

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from checker.config import Config, ConfigError


class ServiceSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    tokens: list[str] = Field(default_factory=list)
    max_upload_mb: float = Field(50, gt=0)
    max_files: int = Field(500, gt=0)
    request_seconds: float = Field(60.0, gt=0)
    job_seconds: float = Field(1800.0, gt=0)
    workers: int = Field(0, ge=0)  # app processes (gunicorn workers); 0 = one per core
    small_workers: int = Field(0, ge=0)  # audit processes per app process for small uploads; 0 = one per core
    big_workers: int = Field(1, ge=1)  # audit processes per app process for big uploads and jobs (niced)
    small_upload_kb: int = Field(1024, ge=1)  # uploads above this go to the big lane
    # record collections (sheets, CSV, JSON) whose content is above this go to the big lane (weight.py)
    small_records_kb: int = Field(512, ge=1)
    cache_mb: float = Field(64, ge=0)
    cache_seconds: float = Field(300, ge=0)
    redis_url: str = ""
    job_ttl_seconds: int = Field(3600, gt=0)

    @property
    def max_upload(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)


def service_settings(config: Config, env: dict | None = None, **overrides) -> ServiceSettings:
    """`[service]` of the config, CHECKER_TOKENS / CHECKER_REDIS_URL from the environment, then flags."""
    env = os.environ if env is None else env
    data = dict(getattr(config, "service", {}) or {})
    tokens = [t for t in data.get("tokens", []) if t]
    tokens += [t.strip() for t in env.get("CHECKER_TOKENS", "").split(",") if t.strip()]
    data["tokens"] = list(dict.fromkeys(tokens))
    if env.get("CHECKER_REDIS_URL"):
        data["redis_url"] = env["CHECKER_REDIS_URL"]
    data.update({k: v for k, v in overrides.items() if v is not None})
    try:
        return ServiceSettings.model_validate(data)
    except ValidationError as exc:
        problems = ";".join(f"service.{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise ConfigError(f"{config.source or '配置'}: [service] 有误:{problems}") from exc


def is_loopback(host: str) -> bool:
    host = host.strip("[]")
    if host in ("localhost", "ip6-localhost"):
        return True
    if host.startswith("unix:"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_bind(hosts: list[str], settings: ServiceSettings) -> None:
    """Refuse to listen beyond loopback with no token set (anyone on the network could upload)."""
    if settings.tokens:
        return
    open_hosts = [h for h in hosts if not is_loopback(h)]
    if open_hosts:
        raise ConfigError(
            f"拒绝启动:监听 {', '.join(open_hosts)} 会让本机以外的人访问,但没有设置访问令牌。"
            "请设置环境变量 CHECKER_TOKENS(逗号分隔)或配置文件 [service] tokens,或只监听 127.0.0.1。"
        )
