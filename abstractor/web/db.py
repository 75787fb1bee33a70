"""The web app's tables (SQLAlchemy 2) and the engine; the schema is made by the Alembic migrations only."""

from __future__ import annotations

import os
from datetime import UTC, datetime

from sqlalchemy import ForeignKey, Integer, String, Text, create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker

ROLES = ("reviewer", "qa", "admin")
ROLE_LABELS = {"reviewer": "Reviewer", "qa": "QA", "admin": "Admin"}
REVIEW_STATES = ("queued", "running", "done", "failed")
STATE_LABELS = {"queued": "Queued", "running": "Running", "done": "Reviewed", "failed": "Failed"}


def now() -> datetime:
    """The current time in UTC, without tzinfo (SQLite keeps none), to the second."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


class Base(DeclarativeBase):
    """The declarative base of the web app's tables."""


class User(Base):
    """Someone who signs in: a name, an argon2 password hash and a role."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=now)


class Session(Base):
    """A signed-in browser: the sha256 of its cookie's token, its CSRF token, and when it expires."""

    __tablename__ = "sessions"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=now)
    expires_at: Mapped[datetime]


class ApiToken(Base):
    """A bearer token for API clients (stored as its sha256), made by `abstractor users token`."""

    __tablename__ = "api_tokens"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(default=now)


class ReviewRow(Base):
    """One uploaded bundle and its review: status, the machine's outcome and the current one, sign-off."""

    __tablename__ = "reviews"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    bundle_id: Mapped[str] = mapped_column(String(200), index=True)
    policy_id: Mapped[str | None] = mapped_column(String(80))  # None: the settings' policy
    status: Mapped[str] = mapped_column(String(16), default="queued", index=True)
    error: Mapped[str | None] = mapped_column(Text)
    machine_outcome: Mapped[str | None] = mapped_column(String(40))
    outcome: Mapped[str | None] = mapped_column(String(40), index=True)  # after the reviewer's overrides
    product: Mapped[str | None] = mapped_column(String(80))
    date_of_service: Mapped[str | None] = mapped_column(String(10))
    skipped_files: Mapped[int] = mapped_column(default=0)
    uploaded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    signed_off_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    signed_off_at: Mapped[datetime | None]
    final_outcome: Mapped[str | None] = mapped_column(String(40))
    signoff_note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=now)
    updated_at: Mapped[datetime] = mapped_column(default=now)


class UploadedFile(Base):
    """A file as uploaded: its name, size and sha256 (the bytes live in the data folder)."""

    __tablename__ = "uploaded_files"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int]


class OverrideRow(Base):
    """A reviewer's override of a criterion's status or a fact's value, with the required reason."""

    __tablename__ = "overrides"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    target: Mapped[str] = mapped_column(String(16))  # fact or criterion
    name: Mapped[str] = mapped_column(String(120))
    value_json: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    reviewer: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(default=now)


class AuditEvent(Base):
    """Who viewed, changed, signed off or downloaded which review, and when. Append-only: the migration adds
    triggers that refuse UPDATE and DELETE. Never holds chart text, quotes or file names."""

    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(default=now, index=True)
    user_name: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(40))
    review_id: Mapped[int | None] = mapped_column(index=True)
    detail: Mapped[str | None] = mapped_column(String(200))


def make_engine(url: str) -> Engine:
    """An engine for the URL; SQLite gets foreign keys on, a busy timeout, and cross-thread use."""
    if url.startswith("sqlite"):
        _private_file(url)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection, _record) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def _private_file(url: str) -> None:
    """Create a SQLite database file readable by its owner only before SQLite creates it (its journal files
    take the same mode)."""
    path = make_url(url).database
    if path and path != ":memory:":
        os.close(os.open(path, os.O_CREAT | os.O_RDWR, 0o600))
        os.chmod(path, 0o600)


def session_factory(engine: Engine) -> sessionmaker:
    """Sessions that keep loaded rows readable after commit."""
    return sessionmaker(engine, expire_on_commit=False)
