"""Starting the service: gunicorn with uvicorn workers (`checker serve`), and the Celery worker.

The app (and with it the Checker: rule packs, lexicons, segmenter) is built in the gunicorn master
before it forks, so every app process and every audit process starts with the pipeline loaded.
"""

from __future__ import annotations

import sys

from gunicorn.app.base import BaseApplication

from checker.config import Config
from checker.service.settings import ServiceSettings, check_bind

WORKER_CLASS = "uvicorn_worker.UvicornWorker"


def gunicorn_options(binds: list[str], workers: int, verbose: bool = False) -> dict:
    return {
        "bind": binds,
        "workers": workers,
        "worker_class": WORKER_CLASS,
        "preload_app": True,
        "backlog": 2048,  # the old server's 5 dropped a fifth of 200 simultaneous connections
        "keepalive": 5,
        "timeout": 120,  # heartbeat of an app process; audits run in the lanes, not on the loop
        "graceful_timeout": 20,
        "accesslog": "-" if verbose else None,
        "errorlog": "-",
        "loglevel": "info" if verbose else "warning",
        "proc_name": "checker-serve",
    }


def announce(server) -> None:
    """gunicorn's when_ready hook: print the real address (port 0 picks a free one)."""
    for listener in server.LISTENERS:
        host, port = listener.sock.getsockname()[:2]
        shown = f"[{host}]" if ":" in host else host
        print(f"checker 服务已启动:http://{shown}:{port}/ (页面 /,接口文档 /docs;Ctrl+C 停止)", file=sys.stderr, flush=True)


class _Gunicorn(BaseApplication):
    def __init__(self, app, options: dict):
        self.application, self.options = app, options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            if value is not None and key in self.cfg.settings:
                self.cfg.set(key, value)
        self.cfg.set("when_ready", announce)

    def load(self):
        return self.application


def serve(config: Config, settings: ServiceSettings, host: str, port: int, verbose: bool = False) -> None:
    check_bind([host], settings)
    from checker.service.app import _cpus, create_app

    workers = settings.workers or _cpus()
    app = create_app(config, settings)
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    _Gunicorn(app, gunicorn_options([f"{shown}:{port}"], workers, verbose)).run()


def worker(config: Config, settings: ServiceSettings, concurrency: int, verbose: bool = False) -> None:
    """`checker worker`: a Celery worker on the configured Redis broker, pipeline loaded before the pool forks."""
    from checker.service import work
    from checker.service.celery_app import make_celery

    work.load(config)
    app = make_celery(settings.redis_url, settings.job_seconds, settings.job_ttl_seconds)
    app.worker_main(
        [
            "worker",
            f"--concurrency={concurrency}",
            "--pool=prefork",
            f"--loglevel={'INFO' if verbose else 'WARNING'}",
            "--without-gossip",
            "--without-mingle",
            "--hostname=checker@%h",
        ]
    )
