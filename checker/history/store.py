"""Opening the record database, saving audit reports into it and reading records back.

    store = open_store("sqlite:///history.sqlite")   # or postgresql+psycopg://user@host/db, or a file path
    run_id = store.save_report(report, inputs=["2024-06/"])
    records = store.load_records(since="2024-01")     # latest check of each record, oldest month first

The schema is created and upgraded by the Alembic migrations shipped in migrations/ each time a
store is opened (a no-op when it is current). Saving streams: `store.saver(...)` takes records one
at a time and writes them in batches, so `checker audit --save` on a big batch keeps memory flat.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, delete, insert, select
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session

from checker.history.models import (
    FieldRow,
    FileErrorRow,
    FindingRow,
    RecordRow,
    Run,
    Sample,
    SamplePick,
)
from checker.model import PASS, FileError, RecordReport, Report
from checker.normalise import Normaliser, default_normaliser

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
DEFAULT_FILE = "checker-history.sqlite"
ENV_URL = "CHECKER_HISTORY_URL"
BATCH = 500
META_FIELDS = ("employee_name", "employee_id", "department", "position", "manager_name", "job_family",
               "grade", "interview_type", "period", "interview_time")  # fmt: skip


# ---------------------------------------------------------------- where the database is
def resolve_url(url: str | None = None, config=None) -> str:
    """An explicit URL, else $CHECKER_HISTORY_URL, else [history] url of the config, else
    checker-history.sqlite beside the config file (or in the working folder). A bare path means SQLite."""
    base = Path(config.source).parent if config is not None and getattr(config, "source", "") else Path.cwd()
    raw = url or os.environ.get(ENV_URL) or (config.history.url if config is not None else "") or DEFAULT_FILE
    if "://" in raw:
        return raw
    path = Path(raw).expanduser()
    if not path.is_absolute():
        path = base / path
    return f"sqlite:///{path.resolve()}"


def describe_url(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.drivername == "postgresql":  # plain postgresql:// -> the psycopg 3 driver we ship
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    return create_engine(parsed, future=True)


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the shipped Alembic migrations up to `revision` on this database."""
    from alembic import command
    from alembic.config import Config as AlembicConfig

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def open_store(url: str | None = None, config=None, migrate: bool = True) -> HistoryStore:
    store = HistoryStore(make_engine(resolve_url(url, config)))
    if migrate:
        upgrade(store.engine)
    return store


# ---------------------------------------------------------------- what a record is, for the database
def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def interview_date(fields: dict[str, str]) -> dt.date | None:
    from checker.nlp.datetimes import parse_moment, year_of

    text = fields.get("interview_time", "")
    if not text:
        return None
    year = year_of(text) or year_of(fields.get("record_date", "")) or year_of(fields.get("period", ""))
    try:
        moment = parse_moment(text, default_year=year)
    except Exception:
        return None
    return moment.start.date() if moment else None


_PERIOD = re.compile(r"(?P<y>20\d{2})\s*(?:年)?\s*(?:(?:Q|第)\s*(?P<q>[1-4一二三四])\s*(?:季度)?|(?P<m>\d{1,2})\s*月|(?P<h>上半年|下半年)|年度?)?", re.I)  # fmt: skip
_CN_Q = {"一": 1, "二": 2, "三": 3, "四": 4}


def period_month(period: str) -> str:
    """"2024Q2" / "2024年第二季度" -> "2024-06" (the period's last month); "" when unreadable."""
    match = _PERIOD.search(period or "")
    if not match:
        return ""
    year = int(match.group("y"))
    if match.group("q"):
        q = match.group("q")
        month = 3 * (int(q) if q.isdigit() else _CN_Q[q])
    elif match.group("m"):
        month = max(1, min(12, int(match.group("m"))))
    elif match.group("h"):
        month = 6 if match.group("h") == "上半年" else 12
    else:
        month = 12
    return f"{year:04d}-{month:02d}"


def record_key(fields: dict[str, str], source: str = "", sheet: str = "", index: int = 0) -> str:
    """Same employee, same talk -> same key, whichever file or run it comes from: 工号 (or 姓名) plus the
    interview date (or 考核周期). Records naming neither fall back to file + sheet/row."""
    who = (fields.get("employee_id") or fields.get("employee_name") or "").strip()
    day = interview_date(fields)
    when = day.isoformat() if day else re.sub(r"\s+", "", fields.get("period") or fields.get("interview_time") or "")
    basis = f"{who}|{when}" if who and when else f"{source}|{sheet}|{index}|{who}"
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]


def record_meta(rec: RecordReport, normaliser: Normaliser) -> dict:
    f = rec.fields
    day = interview_date(f)
    month = day.strftime("%Y-%m") if day else period_month(f.get("period", ""))
    meta = {key: (f.get(key) or "").strip()[:190] for key in META_FIELDS}
    meta["interview_time"] = (f.get("interview_time") or "").strip()[:290]
    meta.update(
        record_key=record_key(f, rec.source, rec.sheet, rec.index),
        content_hash=text_hash(json.dumps(f, ensure_ascii=False, sort_keys=True)),
        source=_absolute(rec.source),
        sheet=rec.sheet[:290],
        idx=rec.index,
        job_family_norm=normaliser.job_family(f.get("job_family"))[:95],
        grade_norm=normaliser.grade(f.get("grade"))[:45],
        interview_date=day,
        month=month,
        score=rec.score,
        verdict=rec.verdict,
        passed=rec.verdict == PASS,
        finding_count=len(rec.findings),
    )
    return meta


def _absolute(source: str) -> str:
    """The file's absolute path when it exists (so trends can link to it from anywhere), else as given."""
    try:
        path = Path(source)
        return str(path.resolve()) if path.is_file() else source
    except (OSError, ValueError):
        return source


# ---------------------------------------------------------------- what comes back
@dataclass
class StoredRecord:
    """A record as trends and topics read it (the latest check of it)."""

    id: int
    run_id: int
    run_at: dt.datetime | None
    record_key: str
    source: str
    sheet: str
    idx: int
    employee_name: str
    employee_id: str
    department: str
    manager_name: str
    job_family: str
    job_family_norm: str
    grade: str
    grade_norm: str
    period: str
    interview_time: str
    interview_date: dt.date | None
    month: str
    score: int
    verdict: str
    passed: bool
    rules: dict[str, int] = field(default_factory=dict)  # rule -> findings in this record
    texts: dict[str, str] = field(default_factory=dict)  # field -> text (only when stored)
    hashes: dict[str, str] = field(default_factory=dict)  # field -> sha256
    findings: list[dict] = field(default_factory=list)

    def label(self) -> str:
        return f"{self.source} [{self.sheet}]" if self.sheet else self.source


@dataclass
class RunInfo:
    id: int
    created_at: dt.datetime
    rule_pack: str
    inputs: list[str]
    record_count: int
    error_count: int
    passed: int
    store_text: bool


# ---------------------------------------------------------------- the store
class HistoryStore:
    def __init__(self, engine: Engine):
        self.engine = engine

    @property
    def url(self) -> str:
        return describe_url(str(self.engine.url))

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    # ---- saving
    def saver(self, *, inputs: Iterable[str] = (), rule_pack: str = "", store_text: bool = True,
              normaliser: Normaliser | None = None, note: str = "") -> RunSaver:  # fmt: skip
        return RunSaver(self, list(map(str, inputs)), rule_pack, store_text, normaliser or default_normaliser(), note)

    def save_report(self, report: Report, *, inputs: Iterable[str] = (), store_text: bool = True,
                    normaliser: Normaliser | None = None, note: str = "") -> int:  # fmt: skip
        """Store one finished report (records, findings, unreadable files) as a new run; returns its id."""
        saver = self.saver(inputs=inputs, rule_pack=report.rule_pack, store_text=store_text,
                           normaliser=normaliser, note=note)  # fmt: skip
        for item in [*report.records, *report.errors]:
            saver.add(item)
        return saver.close()

    # ---- reading
    def runs(self) -> list[RunInfo]:
        with Session(self.engine) as session:
            rows = session.scalars(select(Run).order_by(Run.id)).all()
            return [RunInfo(r.id, r.created_at, r.rule_pack, json.loads(r.inputs or "[]"), r.record_count,
                            r.error_count, r.passed, r.store_text) for r in rows]  # fmt: skip

    def load_records(self, since: str | None = None, until: str | None = None, run_id: int | None = None,
                     latest: bool = True, with_findings: bool = False) -> list[StoredRecord]:  # fmt: skip
        """Stored records, oldest month first. `since`/`until` are "YYYY-MM" (inclusive, on the interview
        month); `latest` keeps only the most recent check of each record key (a record re-audited
        after a fix counts once, with its new result)."""
        query = select(RecordRow, Run.created_at).join(Run, Run.id == RecordRow.run_id)
        if run_id is not None:
            query = query.where(RecordRow.run_id == run_id)
        if since:
            query = query.where(RecordRow.month >= since)
        if until:
            query = query.where(RecordRow.month <= until)
        query = query.order_by(RecordRow.run_id, RecordRow.id)
        out: dict[str, StoredRecord] = {}
        plain: list[StoredRecord] = []
        with Session(self.engine) as session:
            for row, run_at in session.execute(query):
                rec = StoredRecord(
                    id=row.id, run_id=row.run_id, run_at=run_at, record_key=row.record_key, source=row.source,
                    sheet=row.sheet, idx=row.idx, employee_name=row.employee_name, employee_id=row.employee_id,
                    department=row.department, manager_name=row.manager_name, job_family=row.job_family,
                    job_family_norm=row.job_family_norm, grade=row.grade, grade_norm=row.grade_norm,
                    period=row.period, interview_time=row.interview_time, interview_date=row.interview_date,
                    month=row.month, score=row.score, verdict=row.verdict, passed=row.passed,
                )  # fmt: skip
                if latest:
                    out.pop(row.record_key, None)  # re-insert: dict order = order of latest check
                    out[row.record_key] = rec
                else:
                    plain.append(rec)
            records = list(out.values()) if latest else plain
            by_id = {r.id: r for r in records}
            ids = list(by_id)
            for chunk in _chunks(ids, 900):
                for f in session.scalars(select(FieldRow).where(FieldRow.record_id.in_(chunk))):
                    rec = by_id[f.record_id]
                    rec.hashes[f.field] = f.text_hash
                    if f.text is not None:
                        rec.texts[f.field] = f.text
                for g in session.scalars(select(FindingRow).where(FindingRow.record_id.in_(chunk))
                                         .order_by(FindingRow.id)):  # fmt: skip
                    rec = by_id[g.record_id]
                    rec.rules[g.rule] = rec.rules.get(g.rule, 0) + 1
                    if with_findings:
                        rec.findings.append({"rule": g.rule, "severity": g.severity, "field": g.field,
                                             "start": g.start_offset, "end": g.end_offset, "text": g.text,
                                             "text_hash": g.text_hash, "message": g.message,
                                             "suggestion": g.suggestion})  # fmt: skip
        records.sort(key=lambda r: (r.month or "9999", r.id))
        return records

    # ---- samples (checker sample)
    def save_sample(self, *, seed: int, rate: float, by: str, exclude_recent: int, sources: list[str],
                    output: str, total: int, picks: list[dict]) -> int:  # fmt: skip
        with Session(self.engine) as session, session.begin():
            sample = Sample(seed=seed, rate=rate, by=by, exclude_recent=exclude_recent,
                            sources=json.dumps(sources, ensure_ascii=False), output=output, total=total,
                            picked=len(picks))  # fmt: skip
            session.add(sample)
            session.flush()
            for pick in picks:
                session.add(SamplePick(sample_id=sample.id, picked_at=sample.created_at, **pick))
            return sample.id

    def recently_sampled(self, since: dt.datetime) -> dict[str, dt.datetime]:
        """record_key -> when it was last picked, for picks at or after `since`."""
        out: dict[str, dt.datetime] = {}
        with Session(self.engine) as session:
            query = select(SamplePick.record_key, SamplePick.picked_at).where(SamplePick.picked_at >= since)
            for key, at in session.execute(query):
                at = at if at.tzinfo else at.replace(tzinfo=dt.timezone.utc)  # SQLite drops the zone
                if key not in out or at > out[key]:
                    out[key] = at
        return out

    def delete_run(self, run_id: int) -> None:
        with Session(self.engine) as session, session.begin():
            record_ids = select(RecordRow.id).where(RecordRow.run_id == run_id)
            session.execute(delete(FieldRow).where(FieldRow.record_id.in_(record_ids)))
            session.execute(delete(FindingRow).where(FindingRow.record_id.in_(record_ids)))
            session.execute(delete(RecordRow).where(RecordRow.run_id == run_id))
            session.execute(delete(FileErrorRow).where(FileErrorRow.run_id == run_id))
            session.execute(delete(Run).where(Run.id == run_id))


class RunSaver:
    """Saves one run record by record (batches of BATCH rows per transaction); close() returns the run id."""

    def __init__(self, store: HistoryStore, inputs: list[str], rule_pack: str, store_text: bool,
                 normaliser: Normaliser, note: str):  # fmt: skip
        from checker import __version__

        self.store = store
        self.store_text = store_text
        self.normaliser = normaliser
        self.pending: list[RecordReport] = []
        self.records = self.errors = self.passed = 0
        with Session(store.engine) as session, session.begin():
            run = Run(rule_pack=rule_pack, checker_version=str(__version__), inputs=json.dumps(inputs, ensure_ascii=False),
                      store_text=store_text, note=note)  # fmt: skip
            session.add(run)
            session.flush()
            self.run_id = run.id

    def add(self, item: RecordReport | FileError) -> None:
        if isinstance(item, FileError):
            with Session(self.store.engine) as session, session.begin():
                session.add(FileErrorRow(run_id=self.run_id, source=item.source, code=item.code, message=item.message))
            self.errors += 1
            return
        self.pending.append(item)
        if len(self.pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        """Write the pending records with three multi-row INSERTs (records RETURNING ids, fields, findings)."""
        if not self.pending:
            return
        keep = self.store_text
        rows = [dict(run_id=self.run_id, **record_meta(rec, self.normaliser)) for rec in self.pending]
        with self.store.engine.begin() as conn:
            ids = conn.execute(
                insert(RecordRow).returning(RecordRow.id, sort_by_parameter_order=True), rows
            ).scalars().all()
            fields = [
                {"record_id": rid, "field": key, "text": text if keep else None, "text_hash": text_hash(text),
                 "chars": len(text)}  # fmt: skip
                for rid, rec in zip(ids, self.pending, strict=True)
                for key, text in rec.fields.items()
            ]
            findings = [
                {"record_id": rid, "rule": f.rule, "severity": f.severity.value, "field": f.field,
                 "start_offset": f.start, "end_offset": f.end, "text": f.text if keep else None,
                 "text_hash": text_hash(f.text) if f.text else "", "message": f.message,
                 "suggestion": f.suggestion}  # fmt: skip
                for rid, rec in zip(ids, self.pending, strict=True)
                for f in rec.findings
            ]
            if fields:
                conn.execute(insert(FieldRow), fields)
            if findings:
                conn.execute(insert(FindingRow), findings)
        self.records += len(self.pending)
        self.passed += sum(rec.verdict == PASS for rec in self.pending)
        self.pending = []

    def close(self) -> int:
        self.flush()
        with Session(self.store.engine) as session, session.begin():
            run = session.get(Run, self.run_id)
            run.record_count, run.error_count, run.passed = self.records, self.errors, self.passed
        return self.run_id


def _chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
