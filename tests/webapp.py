"""Helpers for the web app's tests: an app on a temporary data folder with one shared Reviewer per policy,
users of each role, signing in through the form, zipped sample bundles, waiting for a review."""

from __future__ import annotations

import io
import re
import time
import zipfile
from pathlib import Path

from abstractor.core.settings import Settings
from abstractor.pipeline import Reviewer

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_charts"
PASSWORD = "a long test password"
USERS = {"ada": "admin", "rex": "reviewer", "quinn": "qa"}
_REVIEWERS: dict[str, Reviewer] = {}


def shared_reviewer(settings: Settings) -> Reviewer:
    """One Reviewer per policy for the whole test session (building one takes seconds)."""
    if settings.policy not in _REVIEWERS:
        _REVIEWERS[settings.policy] = Reviewer(settings)
    return _REVIEWERS[settings.policy]


def make_app(data_dir: Path, **config):
    """The web app on `data_dir` (SQLite there), with the test users added."""
    from abstractor.web.app import create_app
    from abstractor.web.config import WebConfig
    from abstractor.web.security import add_user

    app = create_app(
        WebConfig(data_dir=data_dir, settings=Settings.model_construct(), **config), reviewer_factory=shared_reviewer
    )
    with app.state.sessions() as db:
        for name, role in USERS.items():
            add_user(db, name, PASSWORD, role)
    return app


def zip_bundle(name: str, extra: dict[str, bytes] | None = None) -> bytes:
    """A sample chart folder as zip bytes (plus any extra members)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for path in sorted((SAMPLES / name).iterdir()):
            zf.write(path, path.name)
        for member, data in (extra or {}).items():
            zf.writestr(member, data)
    return buf.getvalue()


def csrf_of(html: str) -> str:
    """The CSRF token a page's forms carry."""
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no CSRF token on the page"
    return found.group(1)


def sign_in(client, name: str, password: str = PASSWORD):
    """Sign in through the form, as a browser does; returns the response after redirects."""
    page = client.get("/login")
    return client.post("/login", data={"name": name, "password": password, "csrf_token": csrf_of(page.text)})


def page_csrf(client) -> str:
    """The signed-in session's CSRF token (from the queue page)."""
    return csrf_of(client.get("/reviews").text)


def upload(client, name: str, *, extra: dict[str, bytes] | None = None, policy: str = "") -> int:
    """Upload a sample bundle through the form; returns the new review's number."""
    token = page_csrf(client)
    response = client.post(
        "/reviews",
        data={"csrf_token": token, "policy": policy},
        files=[("files", (f"{name}.zip", zip_bundle(name, extra), "application/zip"))],
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text[:500]
    return int(response.headers["location"].rsplit("/", 1)[1])


def wait_done(client, review_id: int, timeout: float = 90) -> dict:
    """Poll the API until the review has finished (done or failed)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = client.get(f"/api/reviews/{review_id}").json()
        if status["status"] in ("done", "failed"):
            return status
        time.sleep(0.2)
    raise AssertionError(f"review {review_id} did not finish in {timeout} s")
