"""The history's first tables: cases and their entries.

Revision ID: 0001
Revises:
Create Date: 2026-05-20
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
        "cases",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("client", sa.String(500), nullable=False),
        sa.Column("client_key", sa.String(500), nullable=False),
        sa.Column("contact", sa.String(500), nullable=True),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("situation", sa.JSON(), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_text", sa.String(200), nullable=True),
    )
    op.create_index("ix_cases_client_key", "cases", ["client_key"])
    op.create_index("ix_cases_updated", "cases", ["updated"])
    op.create_table(
        "entries",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("channel", sa.String(16), nullable=True),
        sa.Column("language", sa.String(8), nullable=True),
        sa.Column("tone", sa.String(16), nullable=True),
        sa.Column("backend", sa.String(100), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("compliant", sa.Boolean(), nullable=True),
        sa.Column("client_reply", sa.Text(), nullable=True),
        sa.Column("report", sa.JSON(), nullable=True),
    )
    op.create_index("ix_entries_case_id", "entries", ["case_id"])


def downgrade() -> None:
    op.drop_index("ix_entries_case_id", table_name="entries")
    op.drop_table("entries")
    op.drop_index("ix_cases_updated", table_name="cases")
    op.drop_index("ix_cases_client_key", table_name="cases")
    op.drop_table("cases")
