"""The JSON API beside the pages: create a review from files, its status, its record, override, sign off.
Signed-in browsers use their session cookie (writes need the X-CSRF-Token header); API clients send
`Authorization: Bearer <token>` (`abstractor users token NAME`)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session as DbSession

from abstractor.core.vocabulary import Outcome
from abstractor.web import actions
from abstractor.web.db import ReviewRow
from abstractor.web.deps import Caller, api_caller, api_csrf, get_db, role
from abstractor.web.pages import WRITERS, attachment, queue_rows, read_uploads, user_names
from abstractor.web.storage import UploadRefused

router = APIRouter(prefix="/api", tags=["reviews"])
Db = Annotated[DbSession, Depends(get_db)]
Reader = Annotated[Caller, Depends(api_caller)]
Writer = Annotated[Caller, Depends(api_csrf)]


class ReviewStatus(BaseModel):
    """A review in the queue: where it stands and what it decided."""

    id: int
    bundle_id: str
    status: Literal["queued", "running", "done", "failed"]
    error: str | None
    policy_id: str | None
    machine_outcome: Outcome | None
    outcome: Outcome | None
    product: str | None
    date_of_service: str | None
    skipped_files: int
    uploaded_by: str | None
    signed_off_by: str | None
    signed_off_at: datetime | None
    final_outcome: Outcome | None
    links: dict[str, str]


class OverrideIn(BaseModel):
    """An override of a criterion's status (value: met, not_met or unknown) or a fact's value (a JSON value),
    with its reason."""

    target: Literal["fact", "criterion"]
    name: str = Field(max_length=120)
    value: object = None
    reason: str = Field(max_length=2000)


class SignOffIn(BaseModel):
    """The final determination (the review's current outcome when left out) and a note."""

    outcome: Outcome | None = None
    note: str = Field(default="", max_length=2000)


def _status(row: ReviewRow, names: dict[int, str]) -> ReviewStatus:
    return ReviewStatus(
        id=row.id,
        bundle_id=row.bundle_id,
        status=row.status,
        error=row.error,
        policy_id=row.policy_id,
        machine_outcome=row.machine_outcome,
        outcome=row.outcome,
        product=row.product,
        date_of_service=row.date_of_service,
        skipped_files=row.skipped_files,
        uploaded_by=names.get(row.uploaded_by),
        signed_off_by=names.get(row.signed_off_by) if row.signed_off_by else None,
        signed_off_at=row.signed_off_at,
        final_outcome=row.final_outcome,
        links={
            "self": f"/api/reviews/{row.id}",
            "record": f"/api/reviews/{row.id}/record",
            "page": f"/reviews/{row.id}",
        },
    )


def _row(db: DbSession, review_id: int) -> ReviewRow:
    row = db.get(ReviewRow, review_id)
    if row is None:
        raise HTTPException(404, "no such review")
    return row


@router.post("/reviews", status_code=202, response_model=ReviewStatus)
async def create_review(
    request: Request,
    db: Db,
    caller: Writer,
    files: Annotated[list[UploadFile], File(description="One bundle zip, or the chart's notes, PDFs and images")],
    bundle_id: Annotated[str, Form(max_length=100)] = "",
    policy: Annotated[str, Form(max_length=80, description="A policy id; default: the settings' policy")] = "",
) -> ReviewStatus:
    """Upload a bundle and queue its review; poll the returned `links.self` until `status` is done."""
    role(caller, *WRITERS)
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
            max_files=request.app.state.config.max_files,
        )
    except UploadRefused as exc:
        raise HTTPException(400, f"upload refused: {exc}") from None
    return _status(row, user_names(db))


@router.get("/reviews", response_model=list[ReviewStatus])
def list_reviews(
    db: Db, caller: Reader, status: str = "", outcome: str = "", product: str = "", q: str = ""
) -> list[ReviewStatus]:
    """The queue, newest first, filtered like the queue page (q searches bundle ids)."""
    names = user_names(db)
    return [_status(r, names) for r in queue_rows(db, status, outcome, product, q[:100])]


@router.get("/reviews/{review_id}", response_model=ReviewStatus)
def review_status(db: Db, caller: Reader, review_id: int) -> ReviewStatus:
    """One review's status and outcome (the review page polls this)."""
    return _status(_row(db, review_id), user_names(db))


@router.get("/reviews/{review_id}/record")
def review_record(request: Request, db: Db, caller: Reader, review_id: int) -> JSONResponse:
    """The review record as it stands (with overrides, provenance and the sign-off)."""
    row = _row(db, review_id)
    try:
        made = actions.download(db, request.app.state.service, row, caller.user, "record.json")
    except actions.ActionRefused as exc:
        raise HTTPException(exc.status, str(exc)) from None
    return JSONResponse(json.loads(made.content))


@router.post("/reviews/{review_id}/overrides")
def override(request: Request, db: Db, caller: Writer, review_id: int, body: OverrideIn) -> dict:
    """Override a criterion's status or a fact's value with a reason; the checker re-decides and the answer
    gives the new outcome beside the machine's."""
    role(caller, *WRITERS)
    row = _row(db, review_id)
    try:
        current = actions.add_override(
            db, request.app.state.service, row, caller.user, body.target, body.name, body.value, body.reason
        )
    except actions.ActionRefused as exc:
        raise HTTPException(exc.status, str(exc)) from None
    return {"outcome": row.outcome, "machine_outcome": row.machine_outcome, "record": current["record"]}


@router.post("/reviews/{review_id}/signoff", response_model=ReviewStatus)
def signoff(db: Db, caller: Writer, review_id: int, body: SignOffIn) -> ReviewStatus:
    """Record the final determination."""
    role(caller, *WRITERS)
    row = _row(db, review_id)
    try:
        actions.sign_off(db, row, caller.user, body.outcome, body.note)
    except actions.ActionRefused as exc:
        raise HTTPException(exc.status, str(exc)) from None
    return _status(row, user_names(db))


@router.get("/reviews/{review_id}/download/{kind}", include_in_schema=True)
def download(request: Request, db: Db, caller: Reader, review_id: int, kind: str, mask: bool = False):
    """A download: record.json, summary.md, summary.html (mask=true masks identifiers), summary.pdf,
    records-request.md, denial-letter.md."""
    try:
        made = actions.download(db, request.app.state.service, _row(db, review_id), caller.user, kind, mask=mask)
    except actions.ActionRefused as exc:
        raise HTTPException(exc.status, str(exc)) from None
    return attachment(made)


@router.get("/openapi.json", include_in_schema=False)
def openapi(request: Request, caller: Reader) -> dict:
    """The OpenAPI description of this API."""
    app = request.app
    return get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)


@router.get("/docs", include_in_schema=False)
def docs(request: Request, caller: Reader) -> HTMLResponse:
    """The API's documentation, read from its OpenAPI description (served here: no CDN)."""
    spec = openapi(request, caller)
    operations = [
        (method.upper(), path, op.get("summary", ""), op.get("description", ""))
        for path, item in spec["paths"].items()
        for method, op in item.items()
    ]
    page = request.app.state.templates.get_template("apidocs.html").render(
        operations=operations, user=caller.user, csrf=caller.csrf or "", csrf_field="csrf_token", role_labels={}
    )
    return HTMLResponse(page)
