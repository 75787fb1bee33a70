"""The web app on a real PostgreSQL server (`--database-url`): a throwaway cluster on 127.0.0.1, made by
Debian's PostgreSQL programs for this test and stopped after it. Marked `postgres`: `.ci/run` installs the
server and runs these (`pytest -m postgres`); a plain run leaves them out."""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed (pip install '.[web]')")
pytest.importorskip("psycopg", reason="the PostgreSQL driver is not installed (pip install 'psycopg[binary]')")
from fastapi.testclient import TestClient
from sqlalchemy import text
from webapp import PASSWORD, make_app, page_csrf, sign_in, upload, wait_done

pytestmark = pytest.mark.postgres


def _programs() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return os.path.dirname(found[-1]) if found else None


def _as_postgres() -> list[str]:
    """How to run the server's programs: as the `postgres` user when this is root (initdb refuses root)."""
    if os.geteuid() != 0:
        return []
    if shutil.which("runuser") is None:
        pytest.skip("running as root without runuser: the PostgreSQL server cannot be started")
    return ["runuser", "-u", "postgres", "--"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A throwaway PostgreSQL server on 127.0.0.1: a function that creates a new database and gives its URL."""
    bin_dir = _programs()
    if bin_dir is None:
        pytest.skip("no PostgreSQL server programs (apt-get install postgresql)")
    prefix = _as_postgres()
    folder = tmp_path_factory.mktemp("pg")
    cluster = folder / "cluster"
    cluster.mkdir(mode=0o700)
    if prefix:
        shutil.chown(folder, "postgres")
        shutil.chown(cluster, "postgres")
        os.chmod(folder, 0o755)
        for parent in folder.parents:  # the server must reach its folder
            if str(parent).startswith(str(tmp_path_factory.getbasetemp().parent)):
                os.chmod(parent, os.stat(parent).st_mode | 0o005)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    run = lambda *args: subprocess.run([*prefix, *args], check=True, capture_output=True, text=True)  # noqa: E731
    run(f"{bin_dir}/initdb", "-D", str(cluster), "-A", "trust", "-U", "abstractor", "--no-sync")
    options = f"-p {port} -k {cluster} -c listen_addresses=127.0.0.1 -c fsync=off"
    run(f"{bin_dir}/pg_ctl", "-D", str(cluster), "-o", options, "-l", str(cluster / "log"), "-w", "start")
    names = (f"review{n}" for n in itertools.count())

    def new_database() -> str:
        name = next(names)
        run(f"{bin_dir}/createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "abstractor", name)
        return f"postgresql+psycopg://abstractor@127.0.0.1:{port}/{name}"

    try:
        yield new_database
    finally:
        run(f"{bin_dir}/pg_ctl", "-D", str(cluster), "-m", "fast", "-w", "stop")


def test_a_review_is_uploaded_overridden_and_signed_off_on_postgresql(tmp_path, server):
    app = make_app(tmp_path / "data", database_url=server())
    with TestClient(app, base_url="http://127.0.0.1") as client:
        assert app.state.engine.dialect.name == "postgresql"
        assert sign_in(client, "rex").url.path == "/reviews"
        review_id = upload(client, "pmo-alendronate-failure")
        assert wait_done(client, review_id)["status"] == "done"
        token = page_csrf(client)
        headers = {"X-CSRF-Token": token}
        body = {"target": "criterion", "name": "4", "value": "not_met", "reason": "the DXA is another patient's"}
        overridden = client.post(f"/api/reviews/{review_id}/overrides", json=body, headers=headers)
        assert overridden.status_code == 200, overridden.text
        status = client.get(f"/api/reviews/{review_id}").json()
        assert (status["machine_outcome"], status["outcome"]) == ("meets_criteria", "does_not_meet_criteria")
        signed = client.post(f"/api/reviews/{review_id}/signoff", json={"note": "agreed"}, headers=headers)
        assert signed.status_code == 200 and signed.json()["final_outcome"] == "does_not_meet_criteria"
    with app.state.engine.connect() as db:
        actions = [
            a for (a,) in db.execute(text("select action from audit_events where review_id = :r"), {"r": review_id})
        ]
    assert actions and any("sign" in a for a in actions)


def test_the_audit_log_is_append_only_on_postgresql(tmp_path, server):
    app = make_app(tmp_path / "data", database_url=server())
    with TestClient(app, base_url="http://127.0.0.1") as client:
        sign_in(client, "ada", PASSWORD)
    for statement in ("update audit_events set action = 'x'", "delete from audit_events"):
        with app.state.engine.connect() as db, pytest.raises(Exception, match="the audit log is append-only"):
            db.execute(text(statement))
            db.commit()
