"""gunicorn settings for running the service without `checker serve`:

    CHECKER_TOKENS=… gunicorn -c python:checker.service.gunicorn_conf --bind 0.0.0.0:8080 \
        'checker.service.app:app_from_env()'

Preloaded (the pipeline is loaded once in the master), uvicorn workers, a deep backlog; refuses to
start on a non-loopback address when no token is configured, like `checker serve`.
"""

from __future__ import annotations

import os
import sys

from checker.service.run import WORKER_CLASS, announce

worker_class = WORKER_CLASS
preload_app = True
workers = int(os.environ.get("CHECKER_WORKERS", "0")) or (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
backlog = 2048
keepalive = 5
timeout = 120
graceful_timeout = 20
when_ready = announce


def on_starting(server) -> None:
    from pathlib import Path

    from checker.config import load_config
    from checker.service.settings import check_bind, service_settings

    path = os.environ.get("CHECKER_CONFIG")
    settings = service_settings(load_config(Path(path) if path else None))
    hosts = []
    for bind in server.cfg.bind:
        if bind.startswith(("unix:", "fd://")):
            continue
        hosts.append(bind.rsplit(":", 1)[0] if ":" in bind else bind)
    try:
        check_bind(hosts, settings)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        raise SystemExit(1) from None
