"""What a reviewer does to a review, shared by the pages and the JSON API: upload, override, sign off,
download; each writes its audit row. Nothing here renders HTML or reads a request."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from abstractor.core.errors import AbstractorError
from abstractor.core.vocabulary import OUTCOME_LABELS, OUTCOMES, STATUSES
from abstractor.web.db import AuditEvent, OverrideRow, ReviewRow, UploadedFile, User, now
from abstractor.web.storage import DataFolder, Upload, UploadRefused, bundle_id_for, check_uploads
from abstractor.web.worker import ReviewService

TEXT = "text/plain; charset=utf-8"
MARKDOWN = "text/markdown; charset=utf-8"


class ActionRefused(ValueError):
    """A request the review cannot take (a bad override, a signed-off review): the message says why."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def audit(db: DbSession, user: User | str, action: str, review_id: int | None = None, detail: str = "") -> None:
    """Append one row to the audit log (never chart text, a quote or a file name)."""
    name = user if isinstance(user, str) else user.name
    db.add(AuditEvent(at=now(), user_name=name, action=action, review_id=review_id, detail=detail[:200] or None))
    db.commit()


def create_review(
    db: DbSession,
    service: ReviewService,
    data: DataFolder,
    user: User,
    uploads: list[Upload],
    *,
    bundle_id: str = "",
    policy_id: str | None = None,
    max_files: int,
) -> ReviewRow:
    """Check and store an upload, queue its review, and return the new review row."""
    checked = check_uploads(uploads, max_files)
    if policy_id and policy_id not in {p.id for p in installed(service)}:
        raise UploadRefused(f"no installed policy {policy_id!r}; choose one from the list")
    row = ReviewRow(bundle_id="pending", policy_id=policy_id or None, status="queued", uploaded_by=user.id)
    db.add(row)
    db.flush()
    row.bundle_id = bundle_id_for(bundle_id, checked, row.id)
    try:
        for kept in data.store(row.id, row.bundle_id, checked):
            db.add(UploadedFile(review_id=row.id, name=kept.name, sha256=kept.sha256, size=kept.size))
        db.commit()
    except BaseException:
        db.rollback()
        data.remove(row.id)
        raise
    audit(db, user, "uploaded", row.id, f"{len(checked)} file(s)")
    service.submit(row.id)
    return row


def installed(service: ReviewService):
    """The installed policies (every version), read by the Reviewer of the settings' policy."""
    return service.reviewer(None).policies


def parse_value(target: str, raw: object) -> object:
    """An override's value: a criterion's status, or a fact's value as JSON when it parses (numbers,
    true/false, null, lists), else the text as typed."""
    if target == "criterion":
        if raw not in STATUSES:
            raise ActionRefused("a criterion's status is met, not met or open")
        return raw
    if isinstance(raw, str):
        try:
            return json.loads(raw)
        except ValueError:
            return raw.strip()
    return raw


def add_override(
    db: DbSession, service: ReviewService, row: ReviewRow, user: User, target: str, name: str, raw: object, reason: str
) -> dict:
    """Override a criterion's status or a fact's value with a reason; the checker re-decides on the facts with
    every override, and the review's current outcome follows. Returns the review as it now stands."""
    if row.status != "done":
        raise ActionRefused("the review has not finished: wait for it before overriding", 409)
    if row.signed_off_at is not None:
        raise ActionRefused("the review is signed off: it can no longer be changed", 409)
    if target not in ("fact", "criterion"):
        raise ActionRefused("an override is of a fact or a criterion")
    if not reason or not reason.strip():
        raise ActionRefused("an override needs a reason: say why the chart supports the new value")
    value = parse_value(target, raw)
    earlier = list(db.scalars(select(OverrideRow).where(OverrideRow.review_id == row.id).order_by(OverrideRow.id)))
    new = OverrideRow(
        review_id=row.id,
        target=target,
        name=name.strip(),
        value_json=json.dumps(value),
        reason=reason.strip(),
        reviewer=user.name,
        created_at=now(),
    )
    try:
        current = service.redecide(row, [*earlier, new])
    except AbstractorError as exc:
        raise ActionRefused(str(exc)) from None
    db.add(new)
    row.outcome = current["record"]["determination"]["outcome"]
    row.updated_at = now()
    db.commit()
    audit(db, user, "overrode", row.id, f"{target} {new.name}")
    return current


def sign_off(db: DbSession, row: ReviewRow, user: User, outcome: str | None, note: str) -> ReviewRow:
    """Record the final determination (the current outcome unless another is chosen) and who signed it."""
    if row.status != "done":
        raise ActionRefused("the review has not finished: wait for it before signing off", 409)
    if row.signed_off_at is not None:
        raise ActionRefused("the review is signed off already", 409)
    final = outcome or row.outcome
    if final not in OUTCOMES:
        raise ActionRefused(f"the final determination is one of: {', '.join(OUTCOME_LABELS.values())}")
    if final != row.outcome and not (note or "").strip():
        raise ActionRefused("a final determination other than the review's outcome needs a note saying why")
    row.final_outcome, row.signoff_note = final, (note or "").strip() or None
    row.signed_off_by, row.signed_off_at, row.updated_at = user.id, now(), now()
    db.commit()
    audit(db, user, "signed off", row.id, OUTCOME_LABELS[final])
    return row


@dataclass(frozen=True)
class Download:
    """A file to send: its name (from the bundle id), media type and bytes."""

    filename: str
    media_type: str
    content: bytes


DOWNLOADS = ("record.json", "summary.md", "summary.html", "summary.pdf", "records-request.md", "denial-letter.md")


def download(
    db: DbSession, service: ReviewService, row: ReviewRow, user: User, kind: str, *, mask: bool = False
) -> Download:
    """One of the review's downloads, as it stands after the overrides; audited."""
    if row.status != "done":
        raise ActionRefused("the review has not finished", 409)
    if kind not in DOWNLOADS:
        raise ActionRefused(f"unknown download; one of {', '.join(DOWNLOADS)}", 404)
    current = service.current(row.id)
    record = current["record"]
    outcome = record["determination"]["outcome"]
    name = f"{row.bundle_id}.{kind}"
    if kind == "record.json":
        body = dict(record)
        if row.signed_off_at is not None:
            signer = db.get(User, row.signed_off_by)
            body["sign_off"] = {
                "final_outcome": row.final_outcome,
                "by": signer.name if signer else None,
                "at": row.signed_off_at.isoformat() + "Z",
                "note": row.signoff_note,
            }
        made = Download(name, "application/json", (json.dumps(body, indent=2) + "\n").encode())
    elif kind == "summary.md":
        made = Download(name, MARKDOWN, record["determination"]["summary_markdown"].encode())
    elif kind == "records-request.md":
        if outcome != "insufficient_documentation" or not current["records_request"]:
            raise ActionRefused("a records request is written only when the review pends on documentation", 404)
        made = Download(name, MARKDOWN, current["records_request"].encode())
    elif kind == "denial-letter.md":
        if outcome != "does_not_meet_criteria" or not current.get("denial_letter"):
            raise ActionRefused("a denial letter is written only when the request does not meet criteria", 404)
        made = Download(name, MARKDOWN, current["denial_letter"].encode())
    else:
        made = _rendered(db, service, row, kind, name, mask)
    audit(db, user, "downloaded", row.id, kind + (" (identifiers masked)" if mask else ""))
    return made


def _rendered(db: DbSession, service: ReviewService, row: ReviewRow, kind: str, name: str, mask: bool) -> Download:
    """The summary as HTML (the report's page, identifiers masked on request) or PDF, from the review re-decided
    with its overrides (the checker's tree is not stored, so it is rebuilt the one way the pipeline knows)."""
    from abstractor.core.document import Document

    overrides = list(db.scalars(select(OverrideRow).where(OverrideRow.review_id == row.id).order_by(OverrideRow.id)))
    review = service.redecided(row, overrides)
    if kind == "summary.pdf":
        from abstractor.report.pdf import summary_pdf

        return Download(name, "application/pdf", summary_pdf(review.record))
    from abstractor.report.html import render_html

    documents = tuple(Document.model_validate(d) for d in service.data.read_json(row.id, "documents") or [])
    page = render_html(review.record, documents, review.references, review.decision, mask_identifiers=mask)
    return Download(name, "text/html; charset=utf-8", page.encode())
