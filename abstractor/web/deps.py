"""Who is asking: the signed-in user from the session cookie (pages and API) or a bearer token (API), their
role, and the CSRF check every form and every cookie-authenticated API write must pass."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from sqlalchemy.orm import Session as DbSession

from abstractor.web.db import User
from abstractor.web.security import SESSION_COOKIE, api_user, same, session_of

CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"


class SignInRequired(Exception):
    """A page asked for without a live session: the app answers with the sign-in page."""


@dataclass(frozen=True)
class Caller:
    """The signed-in user and, for a browser, its session's CSRF token (None for a bearer token)."""

    user: User
    csrf: str | None


def get_db(request: Request) -> Iterator[DbSession]:
    """A database session for the request."""
    with request.app.state.sessions() as db:
        yield db


def _caller(request: Request, db: DbSession) -> Caller | None:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        user = api_user(db, auth[7:].strip())
        return Caller(user, None) if user else None
    found = session_of(db, request.cookies.get(SESSION_COOKIE))
    return Caller(found[1], found[0].csrf_token) if found else None


def page_caller(request: Request, db: Annotated[DbSession, Depends(get_db)]) -> Caller:
    """The signed-in browser user of a page; otherwise the sign-in page."""
    caller = _caller(request, db)
    if caller is None or caller.csrf is None:
        raise SignInRequired()
    return caller


def api_caller(request: Request, db: Annotated[DbSession, Depends(get_db)]) -> Caller:
    """The API's caller by bearer token or session cookie; otherwise 401."""
    caller = _caller(request, db)
    if caller is None:
        raise HTTPException(401, "sign in first, or send an API token as 'Authorization: Bearer ...'")
    return caller


async def form_csrf(request: Request, caller: Annotated[Caller, Depends(page_caller)]) -> Caller:
    """A form's POST must carry the session's CSRF token."""
    form = await request.form()
    if not same(str(form.get(CSRF_FIELD) or ""), caller.csrf):
        raise HTTPException(403, "the form's security token is missing or stale: reload the page and try again")
    return caller


def api_csrf(request: Request, caller: Annotated[Caller, Depends(api_caller)]) -> Caller:
    """An API write authenticated by the session cookie must carry the CSRF token in a header; a bearer
    token (which a browser never sends by itself) needs none."""
    if caller.csrf is not None and not same(request.headers.get(CSRF_HEADER), caller.csrf):
        raise HTTPException(403, f"a write with the session cookie needs the {CSRF_HEADER} header")
    return caller


def role(caller: Caller, *allowed: str) -> None:
    """Refuse the caller unless their role is one of `allowed`."""
    if caller.user.role not in allowed:
        raise HTTPException(403, f"your role ({caller.user.role}) cannot do this; it needs: {', '.join(allowed)}")
