"""Jobs on Celery workers through a Redis broker: `checker worker` runs them, any app replica submits.

The task is the same run_job as the local big lane; the Checker is loaded in the worker's main
process before the pool forks, so each pool process starts with the segmenter loaded.
"""

from __future__ import annotations

import multiprocessing

from celery import Celery


def make_celery(redis_url: str, job_seconds: float = 1800, ttl: int = 3600) -> Celery:
    app = Celery("checker", broker=redis_url, backend=redis_url)
    app.conf.update(
        task_serializer="json",
        result_serializer="json",
        accept_content=["json"],
        result_expires=ttl,
        task_track_started=True,
        task_acks_late=True,
        task_reject_on_worker_lost=False,
        worker_prefetch_multiplier=1,
        task_time_limit=job_seconds + 30,
        task_soft_time_limit=job_seconds,
        broker_connection_retry_on_startup=True,
        worker_hijack_root_logger=False,
        broker_transport_options={"visibility_timeout": int(job_seconds) + 600},
    )
    app.task(name="checker.audit_job", bind=True)(audit_job)
    return app


def audit_job(self, payload: dict) -> dict:
    from checker.service.jobs import output_to_payload, payload_to_spec
    from checker.service.work import run_job

    # The prefork pool marks its processes daemonic, and multiprocessing refuses children to those;
    # a batch needs the Checker's own budgeted reader processes, which end with the task.
    multiprocessing.current_process()._config.pop("daemon", None)

    last: dict = {}

    def progress(info: dict) -> None:
        last.clear()
        last.update(info)
        self.update_state(state="PROGRESS", meta=info)

    return {**output_to_payload(run_job(payload_to_spec(payload), progress)), "progress": last}
