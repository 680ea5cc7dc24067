"""The record database and what HR does with it: `checker audit --save` stores runs, records and
findings (store.py, models.py, migrations/); `checker sample` draws the month's stratified sample
(sample.py); `checker trends` shows pass rates, rule rates and what employees ask for over time
(trends.py, topics.py, render.py).

Nothing here is imported by the audit itself: SQLAlchemy and Alembic load only when a command uses
the database.
"""

from __future__ import annotations


def audit_saver(config, url: str | None = None, inputs=(), rule_pack: str = "", note: str = ""):
    """A RunSaver for one `checker audit --save` (or [history] save = true): `.add(item)` for each
    RecordReport / FileError as it comes, `.close()` -> run id. Database from `url`, else the config."""
    from checker.history.store import open_store
    from checker.normalise import load_normaliser

    store = open_store(url, config)
    return store.saver(inputs=inputs, rule_pack=rule_pack, store_text=config.history.store_text,
                       normaliser=load_normaliser(config.normalise), note=note)  # fmt: skip


def save_report(report, config=None, url: str | None = None, inputs=()) -> int:
    """Store a finished Report (library callers); returns the run id."""
    from checker.config import Config

    config = config or Config()
    saver = audit_saver(config, url, inputs, report.rule_pack)
    for item in [*report.records, *report.errors]:
        saver.add(item)
    run_id = saver.close()
    saver.store.close()
    return run_id
