"""The pages: sign-in, the queue, upload, the review page with its actions and downloads, the audit log."""

from __future__ import annotations

import secrets
from typing import Annotated
from urllib.parse import quote, unquote

from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import or_, select
from sqlalchemy.orm import Session as DbSession

from abstractor.core.document import Document
from abstractor.core.vocabulary import OUTCOME_LABELS, STATUS_LABELS
from abstractor.web import actions
from abstractor.web.db import ROLE_LABELS, STATE_LABELS, AuditEvent, OverrideRow, ReviewRow, UploadedFile, User
from abstractor.web.deps import CSRF_FIELD, Caller, form_csrf, get_db, page_caller, role
from abstractor.web.render import page_context, verdict
from abstractor.web.security import (
    LOGIN_CSRF_COOKIE,
    SESSION_COOKIE,
    SIGN_IN_REFUSED,
    SIGN_IN_WINDOW,
    authenticate,
    end_session,
    locked_out,
    same,
    start_session,
)
from abstractor.web.storage import Upload, UploadRefused

router = APIRouter(include_in_schema=False)
Db = Annotated[DbSession, Depends(get_db)]
Page = Annotated[Caller, Depends(page_caller)]
Posted = Annotated[Caller, Depends(form_csrf)]
WRITERS = ("reviewer", "admin")


def render(request: Request, name: str, caller: Caller | None, status: int = 200, **context) -> HTMLResponse:
    """A page from its template, with the signed-in user and the CSRF token every form carries."""
    page = request.app.state.templates.get_template(name).render(
        user=caller.user if caller else None,
        role_labels=ROLE_LABELS,
        csrf_field=CSRF_FIELD,
        csrf=caller.csrf if caller else "",
        **context,
    )
    return HTMLResponse(page, status_code=status)


def _cookie(response: Response, request: Request, name: str, value: str, max_age: int | None) -> None:
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        httponly=True,
        samesite="strict" if name == LOGIN_CSRF_COOKIE else "lax",
        secure=request.app.state.config.secure_cookies,
        path="/",
    )


@router.get("/login")
def login_page(request: Request, message: str = "") -> HTMLResponse:
    """The sign-in form; its CSRF token is doubled in a short-lived cookie (there is no session yet)."""
    token = secrets.token_urlsafe(32)
    response = render(request, "login.html", None, message=message, login_csrf=token)
    _cookie(response, request, LOGIN_CSRF_COOKIE, token, 3600)
    return response


@router.post("/login")
def login(
    request: Request, db: Db, name: Annotated[str, Form()], password: Annotated[str, Form()], csrf_token: str = Form("")
) -> Response:
    """Sign in: a session cookie (HttpOnly, SameSite=Lax, Secure when configured) on the right password."""
    if not same(csrf_token, request.cookies.get(LOGIN_CSRF_COOKIE)):
        raise HTTPException(403, "the sign-in form's security token is missing or stale: reload the page")
    if locked_out(db, name):
        actions.audit(db, name.strip()[:80] or "(empty)", SIGN_IN_REFUSED, detail="too many refused sign-ins")
        minutes = int(SIGN_IN_WINDOW.total_seconds() // 60)
        return login_page(request, f"Too many refused sign-ins for this name: try again in {minutes} minutes.")
    user = authenticate(db, name, password)
    if user is None:
        actions.audit(db, name.strip()[:80] or "(empty)", SIGN_IN_REFUSED)
        return login_page(request, "That name and password do not match an active user.")
    token = start_session(db, user, request.app.state.config.session_hours)
    actions.audit(db, user, "signed in")
    response = RedirectResponse("/reviews", status_code=303)
    _cookie(response, request, SESSION_COOKIE, token, int(request.app.state.config.session_hours * 3600))
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/")
    return response


@router.post("/logout")
def logout(request: Request, db: Db, caller: Posted) -> Response:
    """Sign out: the session is forgotten on the server and the cookie cleared."""
    end_session(db, request.cookies.get(SESSION_COOKIE))
    actions.audit(db, caller.user, "signed out")
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/")
def home(caller: Page) -> Response:
    """The queue is the home page."""
    return RedirectResponse("/reviews", status_code=303)


def queue_rows(db: DbSession, status: str, outcome: str, product: str, q: str, limit: int = 200):
    """Reviews newest first, filtered by status, outcome, product and a bundle id search."""
    query = select(ReviewRow).order_by(ReviewRow.id.desc()).limit(limit)
    if status:
        query = query.where(ReviewRow.status == status)
    if outcome:
        query = query.where(or_(ReviewRow.outcome == outcome, ReviewRow.final_outcome == outcome))
    if product:
        query = query.where(ReviewRow.product == product)
    if q.strip():
        query = query.where(ReviewRow.bundle_id.contains(q.strip()[:100]))
    return list(db.scalars(query))


def user_names(db: DbSession) -> dict[int, str]:
    """Every user's name by id."""
    return {u.id: u.name for u in db.scalars(select(User))}


@router.get("/reviews")
def queue(
    request: Request,
    db: Db,
    caller: Page,
    status: str = "",
    outcome: str = "",
    product: str = "",
    q: Annotated[str, Query(max_length=100)] = "",
) -> HTMLResponse:
    """The queue: status, outcome, product, date of service and reviewer, with filters and a bundle id search."""
    rows = queue_rows(db, status, outcome, product, q)
    products = sorted({p for p in db.scalars(select(ReviewRow.product).distinct()) if p})
    return render(
        request,
        "queue.html",
        caller,
        rows=rows,
        names=user_names(db),
        state_labels=STATE_LABELS,
        outcome_labels=OUTCOME_LABELS,
        verdict=verdict,
        products=products,
        filters={"status": status, "outcome": outcome, "product": product, "q": q},
        can_upload=caller.user.role in WRITERS,
    )


@router.get("/reviews/new")
def upload_page(request: Request, caller: Page, message: str = "", status: int = 200) -> HTMLResponse:
    """The upload form: a zip or several files (drag and drop), the bundle id and the policy."""
    role(caller, *WRITERS)
    policies = sorted({p.id: p.title for p in actions.installed(request.app.state.service)}.items())
    config = request.app.state.config
    return render(
        request,
        "upload.html",
        caller,
        status=status,
        message=message,
        policies=policies,
        default_policy=config.settings.policy,
        max_file_mib=config.max_file_bytes // (1024 * 1024),
        max_files=config.max_files,
    )


async def read_uploads(request: Request, files: list[UploadFile]) -> list[Upload]:
    """The uploaded files' bytes, each refused past the per-file limit (named by its number, not its name)."""
    limit = request.app.state.config.max_file_bytes
    out = []
    for n, f in enumerate(files, 1):
        data = await f.read(limit + 1)
        if len(data) > limit:
            raise UploadRefused(f"file {n} is larger than {limit // (1024 * 1024)} MiB, the most one file may be")
        out.append(Upload(f.filename or "", data))
    return out


@router.post("/reviews")
async def upload(
    request: Request,
    db: Db,
    caller: Posted,
    files: Annotated[list[UploadFile], File()] = [],  # noqa: B006 - FastAPI's way to declare a file list
    bundle_id: Annotated[str, Form(max_length=100)] = "",
    policy: Annotated[str, Form(max_length=80)] = "",
) -> Response:
    """Store the upload and queue its review; the review page then follows it."""
    role(caller, *WRITERS)
    config = request.app.state.config
    try:
        uploads = await read_uploads(request, files)
        row = actions.create_review(
            db,
            request.app.state.service,
            request.app.state.data,
            caller.user,
            uploads,
            bundle_id=bundle_id,
            policy_id=policy or None,
            max_files=config.max_files,
        )
    except UploadRefused as exc:
        return upload_page(request, caller, message=f"Upload refused: {exc}.", status=400)
    return RedirectResponse(f"/reviews/{row.id}", status_code=303)


def _row(db: DbSession, review_id: int) -> ReviewRow:
    row = db.get(ReviewRow, review_id)
    if row is None:
        raise HTTPException(404, "no such review")
    return row


def _overrides(db: DbSession, review_id: int) -> list[OverrideRow]:
    return list(db.scalars(select(OverrideRow).where(OverrideRow.review_id == review_id).order_by(OverrideRow.id)))


@router.get("/reviews/{review_id}")
def review_page(request: Request, db: Db, caller: Page, review_id: int) -> HTMLResponse:
    """The review: the verdict first, then the criteria tree, evidence, summary, gaps, flags and documents.
    While the review runs, the page polls its status."""
    row = _row(db, review_id)
    actions.audit(db, caller.user, "viewed", row.id)
    service = request.app.state.service
    context = {}
    if row.status == "done":
        overrides = _overrides(db, row.id)
        documents = [Document.model_validate(d) for d in service.data.read_json(row.id, "documents") or []]
        context = page_context(service.current(row.id), service.data.read_json(row.id, "machine"), documents, overrides)
        context["overrides"] = overrides
    files = list(db.scalars(select(UploadedFile).where(UploadedFile.review_id == row.id).order_by(UploadedFile.id)))
    message = unquote(request.cookies.get(FLASH_COOKIE, ""))
    response = render(
        request,
        "review.html",
        caller,
        row=row,
        files=files,
        names=user_names(db),
        state_labels=STATE_LABELS,
        outcome_labels=OUTCOME_LABELS,
        final_label=verdict(row.final_outcome),
        message=message,
        can_write=caller.user.role in WRITERS and row.signed_off_at is None,
        status_choices=STATUS_LABELS,
        **context,
    )
    if message:
        response.delete_cookie(FLASH_COOKIE, path="/")
    return response


FLASH_COOKIE = "abstractor_flash"


def _back(request: Request, review_id: int, message: str) -> Response:
    """Back to the review page with a message, carried in a short-lived cookie, never in the URL (the
    server's access log records URLs, and a refused value may quote the chart)."""
    response = RedirectResponse(f"/reviews/{review_id}#actions", status_code=303)
    _cookie(response, request, FLASH_COOKIE, quote(message[:1000]), 60)
    return response


@router.post("/reviews/{review_id}/overrides")
def override(
    request: Request,
    db: Db,
    caller: Posted,
    review_id: int,
    target: Annotated[str, Form()],
    name: Annotated[str, Form(max_length=120)],
    value: Annotated[str, Form(max_length=2000)] = "",
    reason: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    """Override a criterion's status or a fact's value, with a reason; the checker re-decides."""
    role(caller, *WRITERS)
    row = _row(db, review_id)
    try:
        actions.add_override(db, request.app.state.service, row, caller.user, target, name, value, reason)
    except actions.ActionRefused as exc:
        return _back(request, review_id, f"Override refused: {exc}.")
    return _back(request, review_id, "Override recorded; the outcome was re-decided.")


@router.post("/reviews/{review_id}/signoff")
def signoff(
    request: Request,
    db: Db,
    caller: Posted,
    review_id: int,
    outcome: Annotated[str, Form(max_length=40)] = "",
    note: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    """Sign the review off with the final determination."""
    role(caller, *WRITERS)
    row = _row(db, review_id)
    try:
        actions.sign_off(db, row, caller.user, outcome or None, note)
    except actions.ActionRefused as exc:
        return _back(request, review_id, f"Sign-off refused: {exc}.")
    return _back(request, review_id, "Signed off.")


def attachment(made: actions.Download) -> Response:
    """A download, never shown in the page: Content-Disposition attachment, no sniffing."""
    return Response(
        made.content,
        media_type=made.media_type,
        headers={"Content-Disposition": f'attachment; filename="{made.filename}"', "X-Content-Type-Options": "nosniff"},
    )


@router.get("/reviews/{review_id}/download/{kind}")
def download(request: Request, db: Db, caller: Page, review_id: int, kind: str, mask: bool = False) -> Response:
    """The record, the summary (Markdown, HTML, PDF) or a letter, as a file."""
    row = _row(db, review_id)
    try:
        return attachment(actions.download(db, request.app.state.service, row, caller.user, kind, mask=mask))
    except actions.ActionRefused as exc:
        raise HTTPException(exc.status, str(exc)) from None


@router.get("/reviews/{review_id}/files/{file_id}")
def uploaded_file(request: Request, db: Db, caller: Page, review_id: int, file_id: int) -> Response:
    """An uploaded file's bytes, only ever as an opaque download (never rendered by the browser)."""
    found = db.get(UploadedFile, file_id)
    if found is None or found.review_id != review_id:
        raise HTTPException(404, "no such file")
    data = request.app.state.data.uploaded_file(review_id, found.name).read_bytes()
    actions.audit(db, caller.user, "downloaded", review_id, f"uploaded file {file_id}")
    return Response(
        data,
        media_type="application/octet-stream",
        headers={
            "Content-Disposition": f'attachment; filename="upload-{file_id}.bin"',
            "X-Content-Type-Options": "nosniff",
        },
    )


@router.get("/audit")
def audit_log(request: Request, db: Db, caller: Page, review: int | None = None) -> HTMLResponse:
    """The audit log, newest first (admins only)."""
    role(caller, "admin")
    query = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(500)
    if review is not None:
        query = query.where(AuditEvent.review_id == review)
    return render(request, "audit.html", caller, events=list(db.scalars(query)), review=review)
