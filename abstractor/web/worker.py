"""The background reviewer: queued uploads are reviewed on worker threads sharing one `Reviewer` per policy,
built once in this process; the status (queued, running, done, failed) lives in the database.

Log lines name reviews by number only: never a file name, chart text or a quote.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import queue
import threading
import time
from collections.abc import Callable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from abstractor.core.errors import AbstractorError
from abstractor.core.record import ReviewRecord
from abstractor.core.settings import Settings
from abstractor.web.db import OverrideRow, ReviewRow, now
from abstractor.web.storage import DataFolder

log = logging.getLogger("abstractor.web")
ReviewerFactory = Callable[[Settings], object]


def _build_reviewer(settings: Settings):
    from abstractor.pipeline import Reviewer

    return Reviewer(settings)


def snapshot(review, catalogue=None) -> dict:
    """What the review page and the downloads need of a `Review`, as JSON: the record, the numbered
    references, the criteria as the policy's tree, the letters, and how a summary names each fact."""
    from abstractor.report.html import criteria_tree

    refs = list(review.references)
    tree = criteria_tree(review.decision, refs) if review.decision is not None else []
    return {
        "record": review.record.model_dump(mode="json"),
        "references": [dataclasses.asdict(r) for r in refs],
        "tree": [[title, [dataclasses.asdict(b) for b in branches]] for title, branches in tree],
        "records_request": review.records_request,
        "denial_letter": getattr(review, "denial_letter", ""),
        "fact_labels": {name: spec.label for name, spec in catalogue.facts.items()} if catalogue else {},
    }


class ReviewService:
    """Reviews uploads in the background and re-decides overridden ones, with one Reviewer per policy."""

    def __init__(
        self,
        settings: Settings,
        sessions: sessionmaker,
        data: DataFolder,
        *,
        threads: int = 1,
        reviewer_factory: ReviewerFactory | None = None,
    ) -> None:
        self.settings = settings
        self.sessions = sessions
        self.data = data
        self.threads = max(1, threads)
        self._factory = reviewer_factory or _build_reviewer
        self._reviewers: dict[str, object] = {}
        self._lock = threading.Lock()
        self._queue: queue.Queue[int | None] = queue.Queue()
        self._workers: list[threading.Thread] = []

    def reviewer(self, policy_id: str | None):
        """The Reviewer for a policy (the settings' own when None), built the first time it is asked for."""
        key = policy_id or self.settings.policy
        with self._lock:
            if key not in self._reviewers:
                settings = (
                    self.settings if key == self.settings.policy else self.settings.model_copy(update={"policy": key})
                )
                self._reviewers[key] = self._factory(settings)
            return self._reviewers[key]

    def start(self) -> None:
        """Start the worker threads and queue again what a stopped server left queued or running."""
        for _ in range(self.threads):
            worker = threading.Thread(target=self._work, name="abstractor-review", daemon=True)
            worker.start()
            self._workers.append(worker)
        with self.sessions() as db:
            for row in db.scalars(select(ReviewRow).where(ReviewRow.status.in_(("queued", "running")))):
                self._queue.put(row.id)

    def stop(self) -> None:
        """Let the workers finish the review in hand, then stop."""
        for _ in self._workers:
            self._queue.put(None)
        for worker in self._workers:
            worker.join(timeout=60)
        self._workers.clear()

    def submit(self, review_id: int) -> None:
        """Queue a stored upload for review."""
        self._queue.put(review_id)

    def _work(self) -> None:
        try:
            self.reviewer(None)  # built here, not in the first request that needs it
        except Exception as exc:  # a bad setting: each review then fails with its message
            log.error("the reviewer could not be built: %s", type(exc).__name__)
        while (review_id := self._queue.get()) is not None:
            try:
                self._review(review_id)
            except Exception as exc:  # a bug must not stop the worker; no traceback (it may quote the chart)
                log.error("review %s: internal error %s", review_id, type(exc).__name__)

    def _review(self, review_id: int) -> None:
        with self.sessions() as db:
            row = db.get(ReviewRow, review_id)
            if row is None or row.status == "done":
                return
            row.status, row.updated_at = "running", now()
            db.commit()
            started = time.monotonic()
            try:
                reviewer = self.reviewer(row.policy_id)
                review = reviewer.review_path(self.data.bundle_path(review_id))
            except AbstractorError as exc:
                # The message names the bundle's path in the data folder: show the bundle id instead.
                message = str(exc).replace(str(self.data.bundle_path(review_id)), row.bundle_id)
                row.error = message.replace(str(self.data.folder(review_id)), "the bundle")
                row.status, row.updated_at = "failed", now()
                db.commit()
                log.info("review %s failed (%s)", review_id, type(exc).__name__)
                return
            except Exception as exc:
                row.error = f"internal error: {type(exc).__name__} (please report it)"
                row.status, row.updated_at = "failed", now()
                db.commit()
                log.error("review %s: internal error %s", review_id, type(exc).__name__)
                return
            self.data.write_json(review_id, "documents", [d.model_dump(mode="json") for d in review.documents])
            self.data.write_json(review_id, "machine", snapshot(review, getattr(reviewer, "catalogue", None)))
            record = review.record
            row.machine_outcome = row.outcome = record.determination.outcome
            row.product = record.request.product
            row.date_of_service = record.request.date_of_service
            row.skipped_files = len(record.skipped)
            row.status, row.updated_at, row.error = "done", now(), None
            db.commit()
            log.info("review %s done in %.1f s", review_id, time.monotonic() - started)

    def redecided(self, row: ReviewRow, overrides: Sequence[OverrideRow]):
        """The `Review` the checker gives on the machine's facts with these overrides (none: as the machine
        decided it); `Reviewer.redecide` raises the pipeline's error on a bad name, value or empty reason."""
        from abstractor.pipeline import Override

        machine = self.data.read_json(row.id, "machine")
        record = ReviewRecord.model_validate(machine["record"])
        latest = {(o.target, o.name): o for o in overrides}  # a later override of the same name replaces it
        wanted = [
            Override(target=o.target, name=o.name, value=json.loads(o.value_json), reason=o.reason, reviewer=o.reviewer)
            for o in latest.values()
        ]
        return self.reviewer(row.policy_id).redecide(record, wanted)

    def redecide(self, row: ReviewRow, overrides: Sequence[OverrideRow]) -> dict:
        """Re-run the checker with every override, keep the result as the review's current state, return it."""
        review = self.redecided(row, overrides)
        current = snapshot(review, getattr(self.reviewer(row.policy_id), "catalogue", None))
        self.data.write_json(row.id, "current", current)
        return current

    def current(self, review_id: int) -> dict | None:
        """The review as it stands: after the overrides when there are any, else the machine's."""
        return self.data.read_json(review_id, "current") or self.data.read_json(review_id, "machine")
