"""The web app in a real headless Chromium (Debian's /usr/bin/chromium driven by Playwright): sign in, upload
a sample bundle (chosen, and dropped), wait for the verdict, open a criterion's evidence and see its quote
highlighted, override a criterion with a reason, sign off, download the records-request letter.

Marked `browser` (the default run deselects them; `pytest -m browser`, which .ci/run runs). Screenshots of
the review page go to test-output/browser/ (ABSTRACTOR_TEST_OUTPUT overrides). The server listens on
127.0.0.1 only.
"""

from __future__ import annotations

import base64
import os
import shutil
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parent.parent
SHOTS = Path(os.environ.get("ABSTRACTOR_TEST_OUTPUT", ROOT / "test-output")) / "browser"
APPROVED = "pmo-alendronate-failure"
INSUFFICIENT = "pmo-insufficient-no-history"


def _skip_reason() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"Chromium is not installed ({CHROMIUM}); apt-get install -y chromium (.ci/run does)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install -e '.[test]')"
    try:
        import fastapi  # noqa: F401
    except ImportError:
        return "the web extra is not installed (pip install '.[web]')"
    return None


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The app on a free port of 127.0.0.1, served by uvicorn on a thread."""
    reason = _skip_reason()
    if reason:
        pytest.skip(reason)
    import uvicorn
    from webapp import make_app

    app = make_app(tmp_path_factory.mktemp("web") / "data")
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="on")
    live = uvicorn.Server(config)
    thread = threading.Thread(target=live.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not live.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    host, port = live.servers[0].sockets[0].getsockname()[:2]
    assert host == "127.0.0.1"
    yield f"http://127.0.0.1:{port}"
    live.should_exit = True
    thread.join(timeout=30)


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def page(browser, server):
    """One signed-in page (the reviewer) for the whole flow, failing on any script error."""
    from webapp import PASSWORD

    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{server}/reviews")
    assert page.url.endswith("/login")  # nothing without signing in
    page.fill("input[name=name]", "rex")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{server}/reviews")
    yield page
    assert not errors, errors
    context.close()


def shot(page, name: str, *, full_page: bool = True) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    print(f"screenshot: {path}")
    return path


def _zip(tmp_path: Path, name: str) -> Path:
    from webapp import zip_bundle

    path = tmp_path / f"{name}.zip"
    path.write_bytes(zip_bundle(name))
    return path


def _upload_chosen(page, server, path: Path) -> None:
    page.goto(f"{server}/reviews/new")
    page.set_input_files("#files", str(path))
    page.click("#upload-button")
    page.wait_for_selector("#outcome", timeout=90_000)  # the page polls until the review is done


def test_sign_in_upload_and_wait_for_the_verdict(page, server, tmp_path):
    _upload_chosen(page, server, _zip(tmp_path, APPROVED))
    assert page.inner_text("#outcome") == "Meets criteria"
    assert page.is_visible("#criteria .tree")
    shot(page, "review-approved")


def test_a_criterions_evidence_opens_its_quote_highlighted_in_the_document(page):
    link = page.locator("#criteria a.cite:visible").first
    number = link.get_attribute("data-ref")
    link.click()
    hit = page.locator(f"mark.ref-{number}.hit").first
    hit.wait_for(state="visible")
    assert hit.inner_text().strip()
    assert page.evaluate("el => el.closest('details').open", hit.element_handle())
    assert page.url.endswith(f"#ref-{number}")
    shot(page, "review-evidence-highlighted", full_page=False)  # the quote, scrolled into view


def test_override_a_criterion_with_a_reason(page):
    page.select_option("#override-criterion-name", "4")
    page.select_option("#override-criterion-value", "not_met")
    page.click("#override-criterion-submit")  # without a reason the browser refuses the form
    assert page.locator("#message").count() == 0
    page.fill("#override-criterion-reason", "the DXA report is from another patient")
    page.click("#override-criterion-submit")
    page.wait_for_selector("#machine-outcome")
    assert page.inner_text("#outcome") == "Does not meet criteria"
    assert "Meets criteria" in page.inner_text("#machine-outcome")
    assert "the DXA report is from another patient" in page.inner_text("#actions")
    shot(page, "review-overridden")


def test_sign_off(page):
    page.click("#signoff-submit")
    page.wait_for_selector("#signed-off")
    assert "by rex" in page.inner_text("#signed-off")
    assert page.locator("#signoff").count() == 0  # a signed-off review takes no more changes
    shot(page, "review-signed-off")


def test_drop_a_bundle_and_download_the_records_request_letter(page, server, tmp_path):
    from webapp import zip_bundle

    page.goto(f"{server}/reviews/new")
    data = base64.b64encode(zip_bundle(INSUFFICIENT)).decode()
    page.evaluate(
        """([name, data]) => {
            const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
            const transfer = new DataTransfer();
            transfer.items.add(new File([bytes], name, { type: "application/zip" }));
            const drop = new DragEvent("drop", { dataTransfer: transfer, bubbles: true });
            document.getElementById("dropzone").dispatchEvent(drop);
        }""",
        [f"{INSUFFICIENT}.zip", data],
    )
    assert page.inner_text("#chosen") == "1 file(s) chosen"
    page.click("#upload-button")
    page.wait_for_selector("#outcome", timeout=90_000)
    assert page.inner_text("#outcome") == "Insufficient documentation"
    shot(page, "review-insufficient")
    with page.expect_download() as info:
        page.click("#dl-records-request")
    download = info.value
    assert download.suggested_filename == f"{INSUFFICIENT}.records-request.md"
    letter = Path(download.path()).read_text(encoding="utf-8")
    assert len(letter) > 200
    page.goto(f"{server}/reviews")
    assert INSUFFICIENT in page.inner_text("table.queue")
