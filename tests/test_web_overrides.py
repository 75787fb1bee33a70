"""The web app's overrides, letters and exports, which call the pipeline's `Reviewer.redecide`, `Override`,
`Review.denial_letter`, `report.pdf.summary_pdf` and `render_html(..., mask_identifiers=...)`."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed (pip install '.[web]')")
from fastapi.testclient import TestClient
from test_web_api import RAW_TOKENS, visible_text
from webapp import make_app, page_csrf, sign_in, upload, wait_done

APPROVED = "pmo-alendronate-failure"
INSUFFICIENT = "pmo-insufficient-no-history"
DENIED = "pmo-no-step-therapy"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    app = make_app(tmp_path_factory.mktemp("web") / "data")
    with TestClient(app, base_url="http://127.0.0.1") as c:
        sign_in(c, "rex")
        yield app, c


def _review(c, name: str) -> int:
    review_id = upload(c, name)
    assert wait_done(c, review_id)["status"] == "done"
    return review_id


def _override(c, review_id: int, target: str, name: str, value: str, reason: str = "checked the chart"):
    data = {"csrf_token": page_csrf(c), "target": target, "name": name, "value": value, "reason": reason}
    return c.post(f"/reviews/{review_id}/overrides", data=data)


def test_a_criterion_override_redecides_and_the_page_shows_the_machines_outcome_beside_it(site):
    app, c = site
    review_id = _review(c, APPROVED)
    page = _override(c, review_id, "criterion", "4", "not_met", "the DXA is older than two years").text
    assert "Override recorded" in page
    outcome = page[page.index('id="outcome"') : page.index('id="machine-outcome"')]
    assert "Does not meet criteria" in outcome
    assert "The machine's outcome: <b>Meets criteria</b>" in page
    assert "the DXA is older than two years" in page  # the override's reason, in the page's list
    status = c.get(f"/api/reviews/{review_id}").json()
    assert (status["machine_outcome"], status["outcome"]) == ("meets_criteria", "does_not_meet_criteria")
    record = c.get(f"/api/reviews/{review_id}/record").json()
    assert record["machine_determination"]["outcome"] == "meets_criteria"
    [override] = record["overrides"]
    assert (override["target"], override["name"], override["value"], override["reviewer"]) == (
        "criterion",
        "4",
        "not_met",
        "rex",
    )
    assert override["reason"] == "the DXA is older than two years"
    assert not [t for t in RAW_TOKENS if t in visible_text(page).replace(APPROVED, "")]
    ada = TestClient(app, base_url="http://127.0.0.1")
    sign_in(ada, "ada")
    assert "overrode" in ada.get("/audit", params={"review": review_id}).text


def test_a_later_override_of_the_same_clause_replaces_the_earlier_one(site):
    _, c = site
    review_id = _review(c, APPROVED)
    _override(c, review_id, "criterion", "4", "not_met")
    _override(c, review_id, "criterion", "4", "met", "on second reading the DXA is current")
    status = c.get(f"/api/reviews/{review_id}").json()
    assert status["outcome"] == "meets_criteria"
    record = c.get(f"/api/reviews/{review_id}/record").json()
    assert [o["reason"] for o in record["overrides"]] == ["on second reading the DXA is current"]


def test_fact_overrides_through_the_api_redecide_and_keep_their_provenance(site):
    _, c = site
    review_id = _review(c, INSUFFICIENT)
    token = {"X-CSRF-Token": page_csrf(c)}
    for name in ("fragility_fracture", "bisphosphonate_naive"):
        body = {"target": "fact", "name": name, "value": True, "reason": "outside records received by fax"}
        answer = c.post(f"/api/reviews/{review_id}/overrides", json=body, headers=token)
        assert answer.status_code == 200, answer.text
    assert answer.json()["outcome"] == "meets_criteria"
    assert answer.json()["machine_outcome"] == "insufficient_documentation"
    page = c.get(f"/reviews/{review_id}").text
    assert "set by a reviewer" in page


def test_a_bad_override_is_refused_with_the_pipelines_message_and_changes_nothing(site):
    _, c = site
    review_id = _review(c, APPROVED)
    page = _override(c, review_id, "fact", "no_such_fact", "true").text
    assert "Override refused" in page and "no fact" in page
    record = c.get(f"/api/reviews/{review_id}/record").json()
    assert record["overrides"] == [] and record["determination"]["outcome"] == "meets_criteria"


def test_the_denial_letter_downloads_for_a_denied_case(site):
    _, c = site
    review_id = _review(c, DENIED)
    assert 'id="dl-denial"' in c.get(f"/reviews/{review_id}").text
    letter = c.get(f"/reviews/{review_id}/download/denial-letter.md")
    assert letter.status_code == 200 and "attachment" in letter.headers["content-disposition"]
    assert len(letter.text) > 200
    approved = _review(c, APPROVED)
    assert c.get(f"/reviews/{approved}/download/denial-letter.md").status_code == 404


def test_the_summary_downloads_as_pdf(site):
    _, c = site
    review_id = _review(c, APPROVED)
    pdf = c.get(f"/reviews/{review_id}/download/summary.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert pdf.headers["content-type"] == "application/pdf"


def test_the_summary_downloads_as_html_with_identifiers_masked_on_request(site):
    _, c = site
    review_id = _review(c, INSUFFICIENT)
    plain = c.get(f"/reviews/{review_id}/download/summary.html")
    masked = c.get(f"/reviews/{review_id}/download/summary.html", params={"mask": "true"})
    assert plain.status_code == masked.status_code == 200
    assert "attachment" in plain.headers["content-disposition"]
    assert "Mary Synthetic" in plain.text and "Mary Synthetic" not in masked.text
