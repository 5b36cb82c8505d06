"""The history's tables (SQLAlchemy 2.0 declarative): ``cases`` and their ``entries``.

Types are chosen to behave the same on SQLite and PostgreSQL: ``sqlalchemy.JSON`` for the situation and
the reports, and `UTCDateTime`, because SQLite keeps no time zone and would hand back naive datetimes.
A change here needs a new migration in ``migrations/versions``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Timezone-aware UTC in and out, whatever the database keeps."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("history timestamps must be timezone-aware")
        aware = value.astimezone(dt.UTC)
        # SQLite stores the text of a naive datetime; PostgreSQL keeps the offset itself.
        return aware.replace(tzinfo=None) if dialect.name == "sqlite" else aware

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    pass


class CaseRow(Base):
    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client: Mapped[str] = mapped_column(String(500))
    # casefold()ed client: SQLite's lower() and LIKE fold ASCII only, and clients are often Cyrillic.
    client_key: Mapped[str] = mapped_column(String(500), index=True)
    contact: Mapped[str | None] = mapped_column(String(500))
    language: Mapped[str] = mapped_column(String(8))
    channel: Mapped[str] = mapped_column(String(16))
    situation: Mapped[dict[str, Any]] = mapped_column(JSON)
    created: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    updated: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    # Kept on the case so that the list needs no join over the entries.
    last_text: Mapped[str | None] = mapped_column(String(200))
    entries: Mapped[list[EntryRow]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="EntryRow.id"
    )


class EntryRow(Base):
    __tablename__ = "entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # ON DELETE CASCADE as well as the ORM cascade: a case deleted by hand in psql takes its entries too.
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(8))
    created: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    channel: Mapped[str | None] = mapped_column(String(16))
    language: Mapped[str | None] = mapped_column(String(8))
    tone: Mapped[str | None] = mapped_column(String(16))
    backend: Mapped[str | None] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)
    compliant: Mapped[bool | None] = mapped_column(Boolean)
    client_reply: Mapped[str | None] = mapped_column(Text)
    report: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    case: Mapped[CaseRow] = relationship(back_populates="entries")
