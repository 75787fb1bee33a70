"""Passwords (argon2id), sessions (a random token in an HttpOnly cookie, its sha256 in the database), CSRF
tokens per session, and API bearer tokens."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session as DbSession

from abstractor.web.db import ROLES, ApiToken, AuditEvent, Session, User, now

SESSION_COOKIE = "abstractor_session"
LOGIN_CSRF_COOKIE = "abstractor_login_csrf"
MIN_PASSWORD = 10
# Guessing passwords: after this many refused sign-ins for one name within the window, that name is refused
# (even with the right password) until the window has passed since the last refusal.
MAX_FAILED_SIGN_INS = 5
SIGN_IN_WINDOW = timedelta(minutes=15)
SIGN_IN_REFUSED = "sign-in refused"
_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
_DUMMY_HASH = _hasher.hash("not a password anyone has")  # verified against when the user is unknown


class UserError(ValueError):
    """A user could not be created: the message says what to change."""


def digest(token: str) -> str:
    """The sha256 a token is stored under (a stolen database holds no usable token)."""
    return hashlib.sha256(token.encode()).hexdigest()


def same(a: str | None, b: str | None) -> bool:
    """Constant-time comparison of two tokens; a missing one never matches."""
    return bool(a) and bool(b) and hmac.compare_digest(a.encode(), b.encode())


def add_user(db: DbSession, name: str, password: str, role: str) -> User:
    """A new user with an argon2 hash of the password."""
    name = name.strip()
    if not name or len(name) > 80 or not all(c.isalnum() or c in "._@-" for c in name):
        raise UserError("a user name is 1 to 80 letters, digits, '.', '_', '@' or '-'")
    if role not in ROLES:
        raise UserError(f"unknown role {role!r}; one of {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise UserError(f"the password is too short: at least {MIN_PASSWORD} characters")
    if db.scalar(select(User).where(User.name == name)):
        raise UserError(f"a user named {name!r} exists already")
    user = User(name=name, password_hash=_hasher.hash(password), role=role)
    db.add(user)
    db.commit()
    return user


def authenticate(db: DbSession, name: str, password: str) -> User | None:
    """The active user with this name and password, else None (in about the same time either way)."""
    user = db.scalar(select(User).where(User.name == name.strip()))
    try:
        _hasher.verify(user.password_hash if user else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if user is None or not user.active:
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
        db.commit()
    return user


def locked_out(db: DbSession, name: str) -> bool:
    """Whether the name has had too many refused sign-ins lately (counted from the append-only audit log)."""
    since = now() - SIGN_IN_WINDOW
    refused = db.scalar(
        select(func.count())
        .select_from(AuditEvent)
        .where(AuditEvent.user_name == name.strip()[:80], AuditEvent.action == SIGN_IN_REFUSED, AuditEvent.at > since)
    )
    return (refused or 0) >= MAX_FAILED_SIGN_INS


def start_session(db: DbSession, user: User, hours: float) -> str:
    """A new session for the user; returns the cookie's token (only its hash is stored)."""
    token = secrets.token_urlsafe(32)
    db.execute(delete(Session).where(Session.expires_at < now()))
    db.add(
        Session(
            token_hash=digest(token),
            user_id=user.id,
            csrf_token=secrets.token_urlsafe(32),
            expires_at=now() + timedelta(hours=hours),
        )
    )
    db.commit()
    return token


def session_of(db: DbSession, token: str | None) -> tuple[Session, User] | None:
    """The live session and its active user for a cookie's token, else None."""
    if not token:
        return None
    found = db.get(Session, digest(token))
    if found is None or found.expires_at < now():
        return None
    user = db.get(User, found.user_id)
    return (found, user) if user is not None and user.active else None


def end_session(db: DbSession, token: str | None) -> None:
    """Forget the session (signing out)."""
    if token:
        db.execute(delete(Session).where(Session.token_hash == digest(token)))
        db.commit()


def new_api_token(db: DbSession, name: str) -> str:
    """A bearer token for the named user's API clients; shown once, stored as its hash."""
    user = db.scalar(select(User).where(User.name == name))
    if user is None:
        raise UserError(f"no user named {name!r}")
    token = "abk_" + secrets.token_urlsafe(32)
    db.add(ApiToken(token_hash=digest(token), user_id=user.id))
    db.commit()
    return token


def api_user(db: DbSession, token: str) -> User | None:
    """The active user a bearer token belongs to, else None."""
    found = db.get(ApiToken, digest(token))
    user = db.get(User, found.user_id) if found else None
    return user if user is not None and user.active else None
