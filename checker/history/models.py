"""The record database's tables (SQLAlchemy 2 declarative). The schema itself is created and upgraded
only by the Alembic migrations in migrations/versions/ (`checker.history.store.upgrade`), never by
`create_all`, so a database made by an older release upgrades in place.

runs ─< records ─< record_fields      one row per field: the text (or only its hash: store_text = false)
            └─< findings              one row per finding (rule, severity, field, offsets, message)
runs ─< file_errors                   inputs that gave no records
samples ─< sample_picks               what `checker sample` drew, for --exclude-recent
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class Run(Base):
    """One `checker audit --save` (or a library call of save_report)."""

    __tablename__ = "runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    rule_pack: Mapped[str] = mapped_column(String(200), default="")
    checker_version: Mapped[str] = mapped_column(String(40), default="")
    inputs: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of the paths given
    record_count: Mapped[int] = mapped_column(Integer, default=0)
    error_count: Mapped[int] = mapped_column(Integer, default=0)
    passed: Mapped[int] = mapped_column(Integer, default=0)
    store_text: Mapped[bool] = mapped_column(Boolean, default=True)
    note: Mapped[str] = mapped_column(Text, default="")

    records: Mapped[list[RecordRow]] = relationship(back_populates="run", cascade="all, delete-orphan")
    errors: Mapped[list[FileErrorRow]] = relationship(cascade="all, delete-orphan")


class RecordRow(Base):
    """One checked record: its keys and metadata (always), score and verdict."""

    __tablename__ = "records"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"), index=True)
    record_key: Mapped[str] = mapped_column(String(64), index=True)  # same person + same talk -> same key
    content_hash: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(Text, default="")
    sheet: Mapped[str] = mapped_column(String(300), default="")
    idx: Mapped[int] = mapped_column(Integer, default=0)
    employee_name: Mapped[str] = mapped_column(String(200), default="")
    employee_id: Mapped[str] = mapped_column(String(100), default="")
    department: Mapped[str] = mapped_column(String(200), default="", index=True)
    position: Mapped[str] = mapped_column(String(200), default="")
    manager_name: Mapped[str] = mapped_column(String(200), default="")
    job_family: Mapped[str] = mapped_column(String(200), default="")  # as written
    job_family_norm: Mapped[str] = mapped_column(String(100), default="", index=True)  # rules/normalise.yaml
    grade: Mapped[str] = mapped_column(String(100), default="")
    grade_norm: Mapped[str] = mapped_column(String(50), default="")
    interview_type: Mapped[str] = mapped_column(String(200), default="")
    period: Mapped[str] = mapped_column(String(200), default="")
    interview_time: Mapped[str] = mapped_column(String(300), default="")
    interview_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    month: Mapped[str] = mapped_column(String(7), default="", index=True)  # "2024-06": interview month
    score: Mapped[int] = mapped_column(Integer, default=100)
    verdict: Mapped[str] = mapped_column(String(20), default="")
    passed: Mapped[bool] = mapped_column(Boolean, default=False)
    finding_count: Mapped[int] = mapped_column(Integer, default=0)

    run: Mapped[Run] = relationship(back_populates="records")
    fields: Mapped[list[FieldRow]] = relationship(cascade="all, delete-orphan")
    findings: Mapped[list[FindingRow]] = relationship(cascade="all, delete-orphan")


class FieldRow(Base):
    __tablename__ = "record_fields"
    __table_args__ = (UniqueConstraint("record_id", "field", name="uq_record_field"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(100))
    text: Mapped[str | None] = mapped_column(Text, nullable=True)  # None when store_text = false
    text_hash: Mapped[str] = mapped_column(String(64))  # sha256 of the text
    chars: Mapped[int] = mapped_column(Integer, default=0)


class FindingRow(Base):
    __tablename__ = "findings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"), index=True)
    rule: Mapped[str] = mapped_column(String(100), index=True)
    severity: Mapped[str] = mapped_column(String(20))
    field: Mapped[str] = mapped_column(String(100), default="")
    start_offset: Mapped[int] = mapped_column(Integer, default=0)
    end_offset: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str | None] = mapped_column(Text, nullable=True)  # None when store_text = false
    text_hash: Mapped[str] = mapped_column(String(64), default="")
    message: Mapped[str] = mapped_column(Text, default="")
    suggestion: Mapped[str] = mapped_column(Text, default="")


class FileErrorRow(Base):
    __tablename__ = "file_errors"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"), index=True)
    source: Mapped[str] = mapped_column(Text, default="")
    code: Mapped[str] = mapped_column(String(50), default="")
    message: Mapped[str] = mapped_column(Text, default="")


class Sample(Base):
    """One `checker sample` draw."""

    __tablename__ = "samples"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    seed: Mapped[int] = mapped_column(Integer, default=0)
    rate: Mapped[float] = mapped_column(Float, default=0.1)
    by: Mapped[str] = mapped_column(String(50), default="")
    exclude_recent: Mapped[int] = mapped_column(Integer, default=0)
    sources: Mapped[str] = mapped_column(Text, default="[]")
    output: Mapped[str] = mapped_column(Text, default="")
    total: Mapped[int] = mapped_column(Integer, default=0)
    picked: Mapped[int] = mapped_column(Integer, default=0)

    picks: Mapped[list[SamplePick]] = relationship(cascade="all, delete-orphan")


class SamplePick(Base):
    __tablename__ = "sample_picks"
    __table_args__ = (Index("ix_sample_picks_key_time", "record_key", "picked_at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sample_id: Mapped[int] = mapped_column(ForeignKey("samples.id", ondelete="CASCADE"), index=True)
    picked_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    record_key: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(Text, default="")
    sheet: Mapped[str] = mapped_column(String(300), default="")
    idx: Mapped[int] = mapped_column(Integer, default=0)
    employee_name: Mapped[str] = mapped_column(String(200), default="")
    stratum: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
