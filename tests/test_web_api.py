"""The web app through FastAPI's test client: sign-in everywhere, roles, CSRF, upload limits and hostile
uploads, the background review, the review page (no raw internal tokens), sign-off, downloads, the audit log."""

from __future__ import annotations

import html.parser
import io
import json
import logging
import os
import stat
import subprocess
import sys
import zipfile

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed (pip install '.[web]')")
from fastapi.testclient import TestClient
from sqlalchemy import text
from webapp import PASSWORD, SAMPLES, make_app, page_csrf, sign_in, upload, wait_done, zip_bundle

from abstractor.core import vocabulary

INSUFFICIENT = "pmo-insufficient-no-history"
DENIED = "pmo-no-step-therapy"
APPROVED = "pmo-alendronate-failure"


@pytest.fixture()
def app(tmp_path):
    return make_app(tmp_path / "data")


@pytest.fixture()
def client(app):
    with TestClient(app, base_url="http://127.0.0.1") as c:
        yield c


def signed_in(app, name: str) -> TestClient:
    c = TestClient(app, base_url="http://127.0.0.1")
    assert sign_in(c, name).url.path == "/reviews"
    return c


@pytest.fixture()
def rex(app, client):  # the reviewer; `client` keeps the app (and its worker) running
    return signed_in(app, "rex")


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory):
    """One app with the approved, denied and insufficient samples reviewed."""
    app = make_app(tmp_path_factory.mktemp("web") / "data")
    with TestClient(app, base_url="http://127.0.0.1") as c:
        sign_in(c, "rex")
        ids = {name: upload(c, name) for name in (APPROVED, DENIED, INSUFFICIENT)}
        for review_id in ids.values():
            assert wait_done(c, review_id)["status"] == "done"
        yield app, c, ids


# --- sign-in ---------------------------------------------------------------------------------------------


def _routes(routes):
    """Every route, those of included routers too (newer FastAPI keeps them behind the router)."""
    for route in routes:
        inner = getattr(route, "original_router", None)
        yield from (_routes(inner.routes) if inner is not None else [route])


def test_only_the_login_page_and_health_check_answer_without_signing_in(app, client):
    assert client.get("/health").json()["status"] == "ok"
    assert client.get("/login").status_code == 200
    paths = set()
    for route in _routes(app.routes):
        path = getattr(route, "path", "")
        if path in ("/login", "/health") or path.startswith("/static"):
            continue
        concrete = path.replace("{review_id}", "1").replace("{file_id}", "1").replace("{kind}", "record.json")
        for method in getattr(route, "methods", {"GET"}) - {"HEAD"}:
            paths.add((method, concrete))
    assert len(paths) > 15
    for method, path in sorted(paths):
        response = client.request(method, path, follow_redirects=False)
        if path.startswith("/api/"):
            assert response.status_code == 401, (method, path)
        else:
            assert response.status_code == 303, (method, path)  # a page sends you to sign in
            assert response.headers["location"] == "/login", (method, path)


def test_a_wrong_password_is_refused_and_the_session_cookie_is_httponly_and_samesite(client):
    refused = sign_in(client, "rex", "not the password")
    assert "do not match" in refused.text and refused.url.path == "/login"
    page = client.get("/login")
    from webapp import csrf_of

    response = client.post(
        "/login", data={"name": "rex", "password": PASSWORD, "csrf_token": csrf_of(page.text)}, follow_redirects=False
    )
    cookie = response.headers["set-cookie"].lower()
    assert "abstractor_session=" in cookie and "httponly" in cookie and "samesite=lax" in cookie
    assert "secure" not in cookie


def test_cookies_are_secure_when_configured(tmp_path):
    app = make_app(tmp_path / "data", secure_cookies=True)
    with TestClient(app, base_url="https://127.0.0.1") as c:
        page = c.get("/login")
        assert "secure" in page.headers["set-cookie"].lower()
        from webapp import csrf_of

        response = c.post(
            "/login",
            data={"name": "rex", "password": PASSWORD, "csrf_token": csrf_of(page.text)},
            follow_redirects=False,
        )
        assert "secure" in response.headers["set-cookie"].lower()


def test_signing_out_ends_the_session(rex):
    token = page_csrf(rex)
    rex.post("/logout", data={"csrf_token": token})
    assert rex.get("/reviews", follow_redirects=False).headers["location"] == "/login"


def test_repeated_refused_sign_ins_lock_the_name_for_a_while_and_are_audited(app, client):
    for _ in range(5):
        assert "do not match" in sign_in(client, "rex", "a wrong password").text
    refused = sign_in(client, "rex")  # the right password, now too late
    assert refused.url.path == "/login" and "Too many refused sign-ins" in refused.text
    assert sign_in(client, "quinn").url.path == "/reviews"  # another name is not locked
    with app.state.sessions() as db:
        actions = [a for (a,) in db.execute(text("select action from audit_events where user_name = 'rex'"))]
    assert actions.count("sign-in refused") == 6 and "signed in" not in actions


# --- CSRF ---------------------------------------------------------------------------------------------------


def test_forms_without_the_csrf_token_are_refused(rex, client):
    assert client.post("/login", data={"name": "rex", "password": PASSWORD}).status_code == 403
    files = [("files", ("a.zip", zip_bundle(APPROVED), "application/zip"))]
    assert rex.post("/reviews", files=files).status_code == 403
    assert rex.post("/reviews", data={"csrf_token": "forged"}, files=files).status_code == 403
    assert rex.post("/logout").status_code == 403
    assert rex.post("/reviews/1/signoff", data={}).status_code == 403


def test_api_writes_with_the_session_cookie_need_the_csrf_header(rex):
    files = [("files", ("a.zip", zip_bundle(APPROVED), "application/zip"))]
    refused = rex.post("/api/reviews", files=files)
    assert refused.status_code == 403 and "X-CSRF-Token" in refused.json()["detail"]
    accepted = rex.post("/api/reviews", files=files, headers={"X-CSRF-Token": page_csrf(rex)})
    assert accepted.status_code == 202 and accepted.json()["status"] in ("queued", "running", "done")


def test_an_api_token_needs_no_csrf_and_reads_the_record(app, client):
    from abstractor.web.security import new_api_token

    with app.state.sessions() as db:
        token = new_api_token(db, "rex")
    bearer = {"Authorization": f"Bearer {token}"}
    files = [("files", ("case.zip", zip_bundle(APPROVED), "application/zip"))]
    created = client.post("/api/reviews", files=files, headers=bearer)
    assert created.status_code == 202, created.text
    review_id = created.json()["id"]
    assert wait_done(_Bearer(client, bearer), review_id)["status"] == "done"
    record = client.get(f"/api/reviews/{review_id}/record", headers=bearer).json()
    assert record["bundle_id"] == "case" and record["determination"]["outcome"] == "meets_criteria"
    assert client.get(f"/api/reviews/{review_id}/record", headers={"Authorization": "Bearer nope"}).status_code == 401


class _Bearer:
    def __init__(self, client, headers):
        self.client, self.headers = client, headers

    def get(self, path):
        return self.client.get(path, headers=self.headers)


# --- roles --------------------------------------------------------------------------------------------------


def test_roles_are_enforced(app, client):
    qa = signed_in(app, "quinn")
    assert qa.get("/reviews").status_code == 200
    assert qa.get("/reviews/new").status_code == 403
    files = [("files", ("a.zip", zip_bundle(APPROVED), "application/zip"))]
    assert qa.post("/reviews", data={"csrf_token": page_csrf(qa)}, files=files).status_code == 403
    assert qa.get("/audit").status_code == 403
    rex = signed_in(app, "rex")
    assert rex.get("/audit").status_code == 403
    review_id = upload(rex, APPROVED)
    wait_done(rex, review_id)
    token = page_csrf(qa)
    assert qa.post(f"/reviews/{review_id}/signoff", data={"csrf_token": token}).status_code == 403
    body = {"target": "criterion", "name": "1", "value": "met", "reason": "x"}
    assert qa.post(f"/api/reviews/{review_id}/overrides", json=body, headers={"X-CSRF-Token": token}).status_code == 403
    assert qa.get(f"/reviews/{review_id}").status_code == 200  # QA reads reviews
    ada = signed_in(app, "ada")
    assert ada.get("/audit").status_code == 200


# --- uploads ------------------------------------------------------------------------------------------------


def _post(client, files, **data):
    return client.post("/reviews", data={"csrf_token": page_csrf(client), **data}, files=files)


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ([("files", ("evil.html", b"<script>alert(1)</script>", "text/html"))], "not a type a bundle holds"),
        ([("files", ("run.exe", b"MZ\x90\x00", "application/octet-stream"))], "not a type a bundle holds"),
        ([("files", ("fake.zip", b"this is not a zip", "application/zip"))], "the zip cannot be read"),
        ([("files", (".hidden.txt", b"x", "text/plain"))], "without a usable name"),
        ([("files", ("a.txt", b"", "text/plain"))], "is empty"),
        (
            [("files", ("a.zip", zip_bundle(APPROVED), "application/zip")), ("files", ("b.txt", b"x", "text/plain"))],
            "one zip, or several",
        ),
        ([("files", ("a.txt", b"one", "text/plain")), ("files", ("a.txt", b"two", "text/plain"))], "same name"),
    ],
)
def test_malicious_or_broken_uploads_are_refused_with_a_clear_message(rex, files, message):
    response = _post(rex, files)
    assert response.status_code == 400
    assert "Upload refused" in response.text and message in response.text


def test_a_zip_with_too_many_files_is_refused(rex):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for n in range(201):
            zf.writestr(f"n{n}.txt", "x")
    response = _post(rex, [("files", ("many.zip", buf.getvalue(), "application/zip"))])
    assert response.status_code == 400 and "at most 200" in response.text


def test_an_oversized_file_and_an_oversized_request_are_refused(tmp_path):
    app = make_app(tmp_path / "data", max_file_bytes=1000, max_request_bytes=50_000)
    with TestClient(app, base_url="http://127.0.0.1") as c:
        sign_in(c, "rex")
        big_file = _post(c, [("files", ("note.txt", b"x" * 2000, "text/plain"))])
        assert big_file.status_code == 400 and "larger than" in big_file.text
        big_request = _post(c, [("files", ("note.txt", b"x" * 60_000, "text/plain"))])
        assert big_request.status_code == 413 and "too large" in big_request.json()["detail"]


def test_a_zip_with_hostile_members_is_reviewed_and_they_are_skipped_in_plain_view(rex):
    extra = {"../../escape.txt": b"postmenopausal", "payload.exe": b"MZ"}
    review_id = upload(rex, APPROVED, extra=extra)
    assert wait_done(rex, review_id)["status"] == "done"
    page = rex.get(f"/reviews/{review_id}").text
    assert 'id="skipped"' in page and "could not be read" in page
    assert page.index('id="skipped"') < page.index('id="criteria"')  # near the verdict
    record = rex.get(f"/api/reviews/{review_id}/record").json()
    assert {s["source"] for s in record["skipped"]} >= {"../../escape.txt", "payload.exe"}


def test_a_bundle_with_unread_files_never_says_no_gaps(rex):
    review_id = upload(rex, APPROVED, extra={"scan.bmp": b"BM"})
    wait_done(rex, review_id)
    page = rex.get(f"/reviews/{review_id}").text
    assert "No documentation gaps." not in page and "were not read" in page


def test_uploaded_files_are_kept_private_and_served_only_as_downloads(app, rex):
    review_id = upload(rex, APPROVED)
    wait_done(rex, review_id)
    data = app.state.config.data_dir
    assert stat.S_IMODE(os.stat(data).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(data / "abstractor.db").st_mode) == 0o600
    for path in (data / "reviews").rglob("*"):
        assert stat.S_IMODE(path.stat().st_mode) == (0o700 if path.is_dir() else 0o600), path
    page = rex.get(f"/reviews/{review_id}").text
    import re

    link = re.search(rf'href="(/reviews/{review_id}/files/\d+)"', page).group(1)
    response = rex.get(link)
    assert response.headers["content-type"] == "application/octet-stream"
    assert response.headers["content-disposition"].startswith("attachment")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.content == zip_bundle(APPROVED)
    import hashlib

    assert hashlib.sha256(response.content).hexdigest()[:12] in page


def test_pages_carry_a_strict_content_security_policy(rex):
    headers = rex.get("/reviews").headers
    csp = headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert "<script>" not in rex.get("/reviews").text  # scripts come from /static only


# --- the review page ----------------------------------------------------------------------------------------


class _Visible(html.parser.HTMLParser):
    """The text a user sees: no tags, attributes, scripts or styles."""

    def __init__(self):
        super().__init__()
        self.parts, self._hidden = [], 0

    def handle_starttag(self, tag, attrs):
        self._hidden += tag in ("script", "style")

    def handle_endtag(self, tag):
        self._hidden -= tag in ("script", "style")

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)


def visible_text(page: str) -> str:
    parser = _Visible()
    parser.feed(page)
    return " ".join(parser.parts)


RAW_TOKENS = sorted(
    {
        token
        for values in (
            vocabulary.OUTCOMES,
            vocabulary.STATUSES,
            vocabulary.SITES,
            vocabulary.TRIAL_OUTCOMES,
            vocabulary.BARRIERS,
            vocabulary.ROLES,
        )
        for token in values
        if "_" in token
    }
)


def test_the_review_page_of_every_sample_shows_no_raw_internal_tokens(tmp_path):
    assert {"meets_criteria", "not_met", "insufficient_documentation", "does_not_meet_criteria"} <= set(RAW_TOKENS)
    app = make_app(tmp_path / "data")
    with TestClient(app, base_url="http://127.0.0.1") as c:
        sign_in(c, "rex")
        ids = {p.name: upload(c, p.name) for p in sorted(SAMPLES.iterdir()) if p.is_dir()}
        assert len(ids) >= 20
        for name, review_id in ids.items():
            assert wait_done(c, review_id)["status"] == "done", name
            text = visible_text(c.get(f"/reviews/{review_id}").text)
            for path in (SAMPLES / name).iterdir():  # the chart's own file names (pa_form.txt) are its data
                text = text.replace(path.name, "")
            shown = [t for t in RAW_TOKENS if t in text]
            assert not shown, f"{name}: raw tokens on the review page: {shown}"
        queue = visible_text(c.get("/reviews").text)
        assert not [t for t in RAW_TOKENS if t in queue]


def test_the_review_page_shows_the_verdict_first_the_tree_and_highlighted_evidence(reviewed):
    _, c, ids = reviewed
    page = c.get(f"/reviews/{ids[APPROVED]}").text
    assert page.index('id="outcome"') < page.index('id="criteria"') < page.index('id="summary"')
    assert "Meets criteria" in page
    assert 'class="tree"' in page and "<details open>" in page  # the deciding path open
    assert 'class="clause met deciding"' in page
    import re

    number = re.search(r'<mark class="ref-(\d+) ', page).group(1)
    assert f'id="ref-{number}"' in page and f'data-ref="{number}" href="#ref-{number}"' in page
    assert "Page 1" in page  # the DXA PDF shown by page
    assert "read by the rules" in page  # provenance of each fact


def test_the_queue_filters_by_status_outcome_and_bundle_id(reviewed):
    _, c, _ = reviewed
    assert INSUFFICIENT in c.get("/reviews", params={"q": "insufficient"}).text
    assert APPROVED not in c.get("/reviews", params={"q": "insufficient"}).text
    denied = c.get("/reviews", params={"outcome": "does_not_meet_criteria"}).text
    assert DENIED in denied and APPROVED not in denied
    assert APPROVED in c.get("/reviews", params={"status": "done", "product": "Prolia"}).text
    listed = c.get("/api/reviews", params={"q": "no-step"}).json()
    assert [r["bundle_id"] for r in listed] == [DENIED]


def test_the_records_request_letter_downloads_for_an_insufficient_case(reviewed):
    _, c, ids = reviewed
    response = c.get(f"/reviews/{ids[INSUFFICIENT]}/download/records-request.md")
    assert response.status_code == 200 and response.headers["content-disposition"].startswith("attachment")
    assert "records-request.md" in response.headers["content-disposition"]
    assert len(response.text) > 200
    assert c.get(f"/reviews/{ids[APPROVED]}/download/records-request.md").status_code == 404
    assert 'id="dl-records-request"' in c.get(f"/reviews/{ids[INSUFFICIENT]}").text


def test_downloads_record_and_markdown_summary(reviewed):
    _, c, ids = reviewed
    record = c.get(f"/reviews/{ids[APPROVED]}/download/record.json")
    assert record.headers["content-type"].startswith("application/json")
    assert json.loads(record.content)["determination"]["outcome"] == "meets_criteria"
    summary = c.get(f"/reviews/{ids[APPROVED]}/download/summary.md")
    assert summary.text.startswith("#") and "attachment" in summary.headers["content-disposition"]
    assert c.get(f"/reviews/{ids[APPROVED]}/download/nope.exe").status_code == 404


def test_sign_off_records_the_final_determination_and_locks_the_review(app, rex):
    review_id = upload(rex, INSUFFICIENT)
    wait_done(rex, review_id)
    token = page_csrf(rex)
    other = rex.post(f"/reviews/{review_id}/signoff", data={"csrf_token": token, "outcome": "meets_criteria"})
    assert "needs a note" in other.text
    done = rex.post(f"/reviews/{review_id}/signoff", data={"csrf_token": token, "note": "agree"})
    assert "Signed off" in done.text and "Insufficient documentation" in done.text
    again = rex.post(f"/api/reviews/{review_id}/signoff", json={}, headers={"X-CSRF-Token": token})
    assert again.status_code == 409
    record = rex.get(f"/api/reviews/{review_id}/record").json()
    assert record["sign_off"]["by"] == "rex" and record["sign_off"]["final_outcome"] == "insufficient_documentation"
    status = rex.get(f"/api/reviews/{review_id}").json()
    assert status["signed_off_by"] == "rex" and status["final_outcome"] == "insufficient_documentation"


def test_an_override_without_a_reason_is_refused(rex):
    review_id = upload(rex, APPROVED)
    wait_done(rex, review_id)
    body = {"target": "criterion", "name": "1", "value": "not_met", "reason": "  "}
    response = rex.post(f"/api/reviews/{review_id}/overrides", json=body, headers={"X-CSRF-Token": page_csrf(rex)})
    assert response.status_code == 400 and "needs a reason" in response.json()["detail"]


# --- the audit log and the server's logs ------------------------------------------------------------------


def test_audit_rows_are_written_readable_by_admins_and_append_only(app, rex):
    review_id = upload(rex, APPROVED)
    wait_done(rex, review_id)
    rex.get(f"/reviews/{review_id}")
    rex.get(f"/reviews/{review_id}/download/summary.md")
    rex.post(f"/reviews/{review_id}/signoff", data={"csrf_token": page_csrf(rex)})
    ada = signed_in(app, "ada")
    log = ada.get("/audit", params={"review": review_id}).text
    for action in ("uploaded", "viewed", "downloaded", "signed off"):
        assert action in log
    with app.state.engine.connect() as conn:
        rows = conn.execute(text("SELECT user_name, action FROM audit_events WHERE review_id = :r"), {"r": review_id})
        assert ("rex", "signed off") in [tuple(r) for r in rows]
        for statement in ("UPDATE audit_events SET user_name = 'x'", "DELETE FROM audit_events"):
            with pytest.raises(Exception, match="append-only"):
                conn.execute(text(statement))


def test_chart_text_quotes_and_file_names_never_reach_the_logs(rex, caplog):
    caplog.set_level(logging.DEBUG)
    review_id = upload(rex, APPROVED)
    wait_done(rex, review_id)
    rex.get(f"/reviews/{review_id}")
    logged = "\n".join(r.getMessage() for r in caplog.records)
    chart = (SAMPLES / APPROVED / "endo_followup_2025-11-03.txt").read_text()
    for needle in ("endo_followup", "dxa_2025-10-28", "prior_auth_request", *chart.split("\n")[3:8]):
        if needle.strip():
            assert needle not in logged


# --- the API's documentation, the database, the command line -----------------------------------------------


def test_the_openapi_docs_are_served_to_signed_in_users_without_a_cdn(rex, client):
    assert client.get("/api/openapi.json").status_code == 401
    spec = rex.get("/api/openapi.json").json()
    assert {"/api/reviews", "/api/reviews/{review_id}", "/api/reviews/{review_id}/overrides"} <= set(spec["paths"])
    docs = rex.get("/api/docs").text
    assert "/api/reviews/{review_id}/signoff" in docs and "cdn" not in docs.lower()


def test_migrations_run_again_harmlessly(app):
    from abstractor.web.migrate import upgrade

    upgrade(app.state.engine)
    with app.state.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0001"


def test_users_add_from_the_command_line(tmp_path):
    from typer.testing import CliRunner

    from abstractor.cli import app as cli

    data = tmp_path / "data"
    result = CliRunner().invoke(
        cli,
        ["users", "add", "root", "--role", "admin", "--password-stdin", "--data", str(data)],
        input="a strong password\n",
    )
    assert result.exit_code == 0, result.output
    short = CliRunner().invoke(cli, ["users", "add", "x", "--password-stdin", "--data", str(data)], input="short\n")
    assert short.exit_code == 2 and "too short" in short.output
    token = CliRunner().invoke(cli, ["users", "token", "root", "--data", str(data)])
    assert token.exit_code == 0 and token.output.startswith("abk_")


def test_the_version_command_never_imports_the_web_stack():
    stack = ("fastapi", "sqlalchemy", "uvicorn")
    code = f"import sys; from abstractor.cli import app; print(sorted(m for m in {stack!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_an_internal_error_answers_500_and_logs_no_message(app, client, caplog):
    @app.get("/boom-for-test")
    def boom():
        raise ValueError("Mary Synthetic, DOB 09/09/1953")

    caplog.set_level(logging.DEBUG)
    response = client.get("/boom-for-test")
    assert response.status_code == 500 and "internal error" in response.json()["detail"]
    logged = "\n".join(r.getMessage() + (r.exc_text or "") for r in caplog.records)
    assert "ValueError" in logged and "Mary Synthetic" not in logged


def test_several_files_make_one_bundle_and_a_name_cannot_climb_out_of_it(rex):
    folder = SAMPLES / APPROVED
    files = [
        ("files", (f"../../{p.name}", p.read_bytes(), "application/octet-stream")) for p in sorted(folder.iterdir())
    ]
    response = rex.post(
        "/reviews", data={"csrf_token": page_csrf(rex), "bundle_id": "case 7/../x"}, files=files, follow_redirects=False
    )
    review_id = int(response.headers["location"].rsplit("/", 1)[1])
    status = wait_done(rex, review_id)
    assert status["status"] == "done" and status["outcome"] == "meets_criteria"
    assert status["bundle_id"] == "case-7-..-x"
    record = rex.get(f"/api/reviews/{review_id}/record").json()
    assert sorted(d["source"] for d in record["documents"]) == sorted(p.name for p in folder.iterdir())


def test_the_policy_chosen_at_upload_is_the_one_applied(rex):
    review_id = upload(rex, APPROVED, policy="medicare-J0897")
    wait_done(rex, review_id)
    assert rex.get(f"/api/reviews/{review_id}/record").json()["policy"]["id"] == "medicare-J0897"
    refused = _post(rex, [("files", ("a.zip", zip_bundle(APPROVED), "application/zip"))], policy="no-such-policy")
    assert refused.status_code == 400 and "no installed policy" in refused.text


def test_a_bundle_that_cannot_be_reviewed_fails_with_its_reason_and_no_server_path(app, rex):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(".hidden/notes.txt", "nothing a bundle reads")
    response = _post(rex, [("files", ("empty.zip", buf.getvalue(), "application/zip"))])
    review_id = int(str(response.url).rsplit("/", 1)[1])
    status = wait_done(rex, review_id)
    assert status["status"] == "failed" and status["error"]
    assert str(app.state.config.data_dir) not in status["error"]
    assert status["error"] == "empty: the bundle holds no documents"
    page = rex.get(f"/reviews/{review_id}").text
    assert "could not be reviewed" in page and status["error"] in page.replace("&#39;", "'")


def test_the_migration_writes_postgresql_with_its_append_only_trigger():
    # No PostgreSQL server here: the migration is rendered for its dialect (nothing connects).
    from abstractor.web.migrate import offline_sql

    sql = offline_sql("postgresql+psycopg://abstractor@db.invalid/abstractor")
    for table in ("users", "sessions", "api_tokens", "reviews", "uploaded_files", "overrides", "audit_events"):
        assert f"CREATE TABLE {table} (" in sql
    assert "BEFORE UPDATE OR DELETE ON audit_events" in sql and "append-only" in sql


def test_the_readme_path_serve_in_its_own_process_add_an_admin_upload_and_sign_off(tmp_path):
    """`abstractor users add` and `abstractor serve` as a new user runs them, on 127.0.0.1, driven over HTTP."""
    import socket
    import time

    import httpx

    data = tmp_path / "data"
    command = [sys.executable, "-m", "abstractor.cli"]
    added = subprocess.run(
        [*command, "users", "add", "alice", "--role", "admin", "--password-stdin", "--data", str(data)],
        input=f"{PASSWORD}\n",
        capture_output=True,
        text=True,
    )
    assert added.returncode == 0, added.stderr
    token = subprocess.run(
        [*command, "users", "token", "alice", "--data", str(data)], capture_output=True, text=True, check=True
    ).stdout.split()[-1]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [*command, "serve", "--port", str(port), "--data", str(data)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        base, deadline = f"http://127.0.0.1:{port}", time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/health").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert server.poll() is None and time.monotonic() < deadline, "abstractor serve did not start"
            time.sleep(0.3)
        assert httpx.get(f"{base}/reviews", follow_redirects=False).headers["location"] == "/login"
        api = httpx.Client(base_url=f"{base}/api", headers={"Authorization": f"Bearer {token}"}, timeout=30)
        files = [("files", ("case.zip", zip_bundle(INSUFFICIENT), "application/zip"))]
        created = api.post("/reviews", files=files)
        assert created.status_code == 202, created.text
        review_id = created.json()["id"]
        while (status := api.get(f"/reviews/{review_id}").json())["status"] in ("queued", "running"):
            assert time.monotonic() < deadline + 60, "the review did not finish"
            time.sleep(0.3)
        assert status["status"] == "done" and status["outcome"] == "insufficient_documentation"
        signed = api.post(f"/reviews/{review_id}/signoff", json={"note": ""})
        assert signed.status_code == 200, signed.text
        letter = api.get(f"/reviews/{review_id}/download/records-request.md")
        assert letter.status_code == 200 and letter.text.strip()
    finally:
        server.terminate()
        out, err = server.communicate(timeout=30)
    assert str(data) in out and f"127.0.0.1:{port}" in out
    assert "Traceback" not in err
