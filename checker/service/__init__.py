"""The HTTP service for upload workflows and the managers' page (README 「上传流程」).

    checker serve                      gunicorn + uvicorn workers on 127.0.0.1:8080, one per core
    checker worker                     Celery worker for jobs when a Redis URL is configured
    gunicorn -c python:checker.service.gunicorn_conf 'checker.service.app:app_from_env()'

Modules: app (FastAPI routes), lanes (audit processes), work (the CPU work, via checker.api),
jobs (local or Celery+Redis), upload (reading request bodies), settings ([service] config),
run (starting gunicorn), celery_app, gunicorn_conf; static/ holds the page.
"""

from __future__ import annotations


def create_app(*args, **kwargs):
    from checker.service.app import create_app as _create

    return _create(*args, **kwargs)


__all__ = ["create_app"]
