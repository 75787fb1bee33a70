"""Every flag: what triggers it, its severity, and that it names its source."""

from __future__ import annotations

import pytest
from policy_facts import build

from abstractor.policy.flags import flags
from abstractor.policy.loader import select_policy

POLICY = select_policy("cigna-IP0331")
GOOD = {
    "request.product": "Prolia",
    "request.dose_mg": 60,
    "request.interval_months": 6,
    "request.hcpcs": ["J0897"],
    "request.units": 60,
    "request.admin_cpt": ["96372"],
    "request.date_of_service": "2025-11-01",
    "calcium_vitamin_d": True,
    "dental_evaluation": True,
}


def codes(updates: dict) -> dict[str, str]:
    facts, request, _ = build({**GOOD, **updates})
    out = flags(POLICY, facts, request)
    assert all(f.source for f in out), "every flag names its source"
    return {f.code: f.severity for f in out}


def test_a_clean_request_has_only_the_standing_rebound_note():
    assert codes({}) == {"rebound_on_discontinuation": "info"}


@pytest.mark.parametrize(
    ("updates", "code", "severity"),
    [
        ({"request.dose_mg": 120, "request.interval_months": 1}, "xgeva_under_prolia_policy", "critical"),
        ({"request.product": "Xgeva"}, "xgeva_under_prolia_policy", "critical"),
        ({"request.interval_months": 3}, "dose_outside_policy", "warning"),
        ({"request.dose_mg": None}, "dose_not_documented", "info"),
        ({"bone_metastases": True}, "bone_metastases_documented", "warning"),
        ({"request.hcpcs": []}, "hcpcs_not_documented", "info"),
        ({"request.hcpcs": ["Q5136"]}, "hcpcs_mismatch", "warning"),
        ({"request.hcpcs": ["J0897", "J3490"]}, "hcpcs_expired", "warning"),
        (
            {"request.product": "Stoboclo", "request.hcpcs": ["Q5157"], "request.date_of_service": "2025-09-01"},
            "hcpcs_not_yet_effective",
            "warning",
        ),
        ({"request.units": 1}, "hcpcs_units", "warning"),
        ({"request.admin_cpt": ["96401"]}, "admin_code_risk", "warning"),
        ({"egfr": 24.0}, "hypocalcemia_ckd", "critical"),
        ({"severe_renal_impairment": True, "ckd_mbd_evaluated": True}, "hypocalcemia_ckd", "warning"),
        ({"calcium_vitamin_d": False}, "calcium_vitamin_d_stopped", "warning"),
        ({"calcium_vitamin_d": None}, "calcium_vitamin_d_not_documented", "info"),
        ({"dental_evaluation": None}, "dental_evaluation_not_documented", "info"),
        ({"postmenopausal": None, "conflicts": ["postmenopausal"]}, "conflicting_documentation", "warning"),
    ],
)
def test_flag(updates, code, severity):
    assert codes(updates).get(code) == severity


def test_dental_note_is_not_raised_for_continuation():
    assert "dental_evaluation_not_documented" not in codes({"dental_evaluation": None, "on_denosumab": True})
