"""initial schema: runs, records, fields, findings, samples

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("rule_pack", sa.String(length=200), nullable=False),
        sa.Column("checker_version", sa.String(length=40), nullable=False),
        sa.Column("inputs", sa.Text(), nullable=False),
        sa.Column("record_count", sa.Integer(), nullable=False),
        sa.Column("error_count", sa.Integer(), nullable=False),
        sa.Column("passed", sa.Integer(), nullable=False),
        sa.Column("store_text", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("runs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_runs_created_at"), ["created_at"], unique=False)

    op.create_table(
        "samples",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("rate", sa.Float(), nullable=False),
        sa.Column("by", sa.String(length=50), nullable=False),
        sa.Column("exclude_recent", sa.Integer(), nullable=False),
        sa.Column("sources", sa.Text(), nullable=False),
        sa.Column("output", sa.Text(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("picked", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("samples", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_samples_created_at"), ["created_at"], unique=False)

    op.create_table(
        "file_errors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("code", sa.String(length=50), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["run_id"], ["runs.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("file_errors", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_file_errors_run_id"), ["run_id"], unique=False)

    op.create_table(
        "records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("record_key", sa.String(length=64), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("sheet", sa.String(length=300), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("employee_name", sa.String(length=200), nullable=False),
        sa.Column("employee_id", sa.String(length=100), nullable=False),
        sa.Column("department", sa.String(length=200), nullable=False),
        sa.Column("position", sa.String(length=200), nullable=False),
        sa.Column("manager_name", sa.String(length=200), nullable=False),
        sa.Column("job_family", sa.String(length=200), nullable=False),
        sa.Column("job_family_norm", sa.String(length=100), nullable=False),
        sa.Column("grade", sa.String(length=100), nullable=False),
        sa.Column("grade_norm", sa.String(length=50), nullable=False),
        sa.Column("interview_type", sa.String(length=200), nullable=False),
        sa.Column("period", sa.String(length=200), nullable=False),
        sa.Column("interview_time", sa.String(length=300), nullable=False),
        sa.Column("interview_date", sa.Date(), nullable=True),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("verdict", sa.String(length=20), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=False),
        sa.Column("finding_count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["run_id"], ["runs.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("records", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_records_department"), ["department"], unique=False)
        batch_op.create_index(batch_op.f("ix_records_job_family_norm"), ["job_family_norm"], unique=False)
        batch_op.create_index(batch_op.f("ix_records_month"), ["month"], unique=False)
        batch_op.create_index(batch_op.f("ix_records_record_key"), ["record_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_records_run_id"), ["run_id"], unique=False)

    op.create_table(
        "sample_picks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sample_id", sa.Integer(), nullable=False),
        sa.Column("picked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("record_key", sa.String(length=64), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("sheet", sa.String(length=300), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("employee_name", sa.String(length=200), nullable=False),
        sa.Column("stratum", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["sample_id"], ["samples.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("sample_picks", schema=None) as batch_op:
        batch_op.create_index("ix_sample_picks_key_time", ["record_key", "picked_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_sample_picks_sample_id"), ["sample_id"], unique=False)

    op.create_table(
        "findings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(length=100), nullable=False),
        sa.Column("severity", sa.String(length=20), nullable=False),
        sa.Column("field", sa.String(length=100), nullable=False),
        sa.Column("start_offset", sa.Integer(), nullable=False),
        sa.Column("end_offset", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("text_hash", sa.String(length=64), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("suggestion", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["record_id"], ["records.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_findings_record_id"), ["record_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_findings_rule"), ["rule"], unique=False)

    op.create_table(
        "record_fields",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=100), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("text_hash", sa.String(length=64), nullable=False),
        sa.Column("chars", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["record_id"], ["records.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("record_id", "field", name="uq_record_field"),
    )
    with op.batch_alter_table("record_fields", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_record_fields_record_id"), ["record_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("record_fields", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_record_fields_record_id"))

    op.drop_table("record_fields")
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_findings_rule"))
        batch_op.drop_index(batch_op.f("ix_findings_record_id"))

    op.drop_table("findings")
    with op.batch_alter_table("sample_picks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sample_picks_sample_id"))
        batch_op.drop_index("ix_sample_picks_key_time")

    op.drop_table("sample_picks")
    with op.batch_alter_table("records", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_records_run_id"))
        batch_op.drop_index(batch_op.f("ix_records_record_key"))
        batch_op.drop_index(batch_op.f("ix_records_month"))
        batch_op.drop_index(batch_op.f("ix_records_job_family_norm"))
        batch_op.drop_index(batch_op.f("ix_records_department"))

    op.drop_table("records")
    with op.batch_alter_table("file_errors", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_file_errors_run_id"))

    op.drop_table("file_errors")
    with op.batch_alter_table("samples", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_samples_created_at"))

    op.drop_table("samples")
    with op.batch_alter_table("runs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_runs_created_at"))

    op.drop_table("runs")
