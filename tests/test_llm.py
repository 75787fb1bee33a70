"""The LLM fallback with a scripted tool-calling model: it fills open facts only with verified quotes."""

from __future__ import annotations

import json
import shutil
import stat

import httpx
import openai
import pytest
from conftest import ROOT
from typer.testing import CliRunner

from abstractor.cli import app
from abstractor.core.errors import OperatorError, RulesFileError
from abstractor.core.settings import ENVIRONMENT, LLMSettings, load_settings
from abstractor.ingest.bundle import load_bundle
from abstractor.llm.backends import FakeToolModel
from abstractor.llm.fallback import LLMFallback
from abstractor.llm.mask import mask
from abstractor.llm.prompts import load_prompt
from abstractor.pipeline import Review, Reviewer
from abstractor.policy.loader import load_catalogue, select_policy

NOTE = """Clinic note 01/05/2026
Patient: Margaret Quillfeather    DOB: 03/14/1957    MRN: 00418873    Phone (555) 201-4433
68-year-old postmenopausal woman with osteoporosis.
On DXA 12/2025 the T score at the femoral neck is -2.9.
She took alendronate 70 mg weekly for 2 years with continued bone loss on therapy.
Plan: Prolia 60 mg subcutaneously every 6 months, J0897 60 units, DOS 01/20/2026.
"""
QUOTE = "the T score at the femoral neck is -2.9"


def t_score_answer(quote: str = QUOTE, value: str = "-2.9", site: str = "femoral_neck") -> dict:
    return answer("t_scores", quote, value, site=site)


@pytest.fixture
def bundle(tmp_path):
    folder = tmp_path / "case-llm"
    folder.mkdir()
    (folder / "note.txt").write_text(NOTE)
    return load_bundle(folder)


def fallback(tmp_path, *responses, **settings) -> LLMFallback:
    config = {"backend": "fake", "cache_dir": tmp_path / "cache", "max_retries": 1, **settings}
    model = FakeToolModel(responses=list(responses))
    return LLMFallback(LLMSettings(**config), load_catalogue(), model=model)


def review_bundle(bundle, llm: LLMFallback | None = None) -> Review:
    return Reviewer(llm=llm).review(bundle)


@pytest.fixture(autouse=True)
def no_settings_in_the_environment(monkeypatch):
    for variable in ENVIRONMENT.values():
        monkeypatch.delenv(variable, raising=False)


def answer(fact: str, quote: str, value: str | None = None, **more) -> dict:
    return {"facts": [{"fact": fact, "value": value, "quote": quote, "source": "note.txt", **more}]}


def test_rules_leave_the_t_score_open(bundle):
    record = review_bundle(bundle).record
    assert record.facts.t_scores == [] and record.facts.postmenopausal is True
    assert record.determination.outcome == "insufficient_documentation"


def test_a_correct_answer_fills_the_open_fact_and_the_checker_decides(bundle, tmp_path):
    llm = fallback(tmp_path, t_score_answer())
    record = review_bundle(bundle, llm=llm).record
    assert [(t.site, t.value) for t in record.facts.t_scores] == [("femoral_neck", -2.9)]
    assert (record.determination.outcome, record.determination.indication) == ("meets_criteria", "4")
    ev = record.facts.t_scores[0].evidence[0]
    assert (ev.method, ev.alignment, ev.quote) == ("llm", "exact", QUOTE)
    assert NOTE[ev.start : ev.end] == ev.quote
    assert next(c for c in record.criteria if c.id == "4.A.i").evidence[0].method == "llm"
    ext = record.extraction
    assert ext.llm_used and ext.llm_fields == ["t_scores"] and "t_scores" in ext.llm_asked
    assert ext.prompt_version == "fill_facts.v1" and ext.model == "fake" and ext.llm_tokens_in > 0
    assert any(f.code == "llm_facts_used" for f in record.flags)


def test_a_hallucinated_quote_is_rejected(bundle, tmp_path):
    llm = fallback(tmp_path, t_score_answer("Femoral neck T-score -2.9 on the 2024 scan"))
    record = review_bundle(bundle, llm=llm).record
    assert record.facts.t_scores == [] and not record.extraction.llm_used
    assert [(r.fact, r.reason) for r in record.extraction.llm_rejected] == [
        ("t_scores", "the quote is not in the chart")
    ]
    assert record.determination.outcome == "insufficient_documentation"


def test_a_paraphrased_quote_is_aligned_by_the_fuzzy_step(bundle, tmp_path):
    llm = fallback(tmp_path, t_score_answer("the T-score at the femural neck is -2.9"))
    record = review_bundle(bundle, llm=llm).record
    ev = record.facts.t_scores[0].evidence[0]
    assert ev.alignment == "fuzzy" and NOTE[ev.start : ev.end] == ev.quote and "femoral neck is -2.9" in ev.quote


@pytest.mark.parametrize(
    ("fact", "quote", "value", "more", "reason"),
    [
        ("t_scores", QUOTE, "-2.5", {"site": "femoral_neck"}, "the T-score's number is not in the quote"),
        ("t_scores", QUOTE, "-2.9", {"site": "lumbar_spine"}, "the T-score's site is not named in the quote"),
        ("breast_cancer", "68-year-old postmenopausal woman with osteoporosis.", "true", {}, "does not name the fact"),
        ("breast_cancer", "68-year-old postmenopausal woman with osteoporosis.", "maybe", {}, "is not true or false"),
        ("aromatase_inhibitor", "She took alendronate 70 mg weekly", "false", {}, "the quote does not say no"),
        ("frax_major", "68-year-old postmenopausal woman", "12", {}, "not one of the facts asked for"),
    ],
)
def test_a_quote_that_does_not_state_the_value_is_rejected(bundle, tmp_path, fact, quote, value, more, reason):
    record = review_bundle(bundle, llm=fallback(tmp_path, answer(fact, quote, value, **more))).record
    assert any(reason in r.reason for r in record.extraction.llm_rejected), record.extraction.llm_rejected
    assert record.facts.t_scores == [] and not record.extraction.llm_used


@pytest.mark.parametrize(
    ("response", "message"),
    [
        ('{"facts": [{"fact": "t_scores", "quote": "the T score', "cut off"),
        ({"facts": "not a list"}, "did not match the schema"),
        (
            openai.APITimeoutError(request=httpx.Request("POST", "http://127.0.0.1/v1")),
            "APITimeoutError after 2 attempts",
        ),
        (
            openai.RateLimitError(
                "slow down", response=httpx.Response(429, request=httpx.Request("POST", "http://x")), body=None
            ),
            "RateLimitError after 2 attempts",
        ),
        (ValueError("the server said no"), "ValueError: the model call failed"),
    ],
)
def test_failures_end_in_the_rules_only_record_with_a_flag(bundle, tmp_path, response, message):
    responses = [response] * 2 if isinstance(response, Exception) else [response]
    record = review_bundle(bundle, llm=fallback(tmp_path, *responses)).record
    assert message in record.extraction.llm_error
    assert record.facts.t_scores == [] and not record.extraction.llm_used
    assert record.determination.outcome == "insufficient_documentation"
    assert any(f.code == "llm_failed" and message in f.message for f in record.flags)


def test_identifiers_are_masked_in_what_is_sent(bundle, tmp_path):
    llm = fallback(tmp_path, t_score_answer())
    record = review_bundle(bundle, llm=llm).record
    sent = "\n".join(str(m.content) for call in llm.model.seen for m in call)
    for identifier in ("Margaret", "Quillfeather", "03/14/1957", "00418873", "201-4433"):
        assert identifier not in sent
    assert "[NAME]" in sent and "[ID]" in sent and "T score at the femoral neck is -2.9" in sent
    assert record.extraction.masked_identifiers is True and record.extraction.identifiers_masked >= 4


def test_identifiers_may_leave_when_settings_allow(bundle, tmp_path):
    llm = fallback(tmp_path, t_score_answer(), allow_identifiers=True)
    record = review_bundle(bundle, llm=llm).record
    assert record.extraction.masked_identifiers is False


def test_answers_are_cached_and_no_cache_bypasses(bundle, tmp_path):
    first = fallback(tmp_path, t_score_answer())
    review_bundle(bundle, llm=first)
    again = fallback(tmp_path)  # no scripted answer: only the cache can fill the fact
    record = review_bundle(bundle, llm=again).record
    assert record.facts.t_scores and record.extraction.llm_cached_calls == 1
    assert again.model.seen == []
    bypass = fallback(tmp_path, use_cache=False)
    assert review_bundle(bundle, llm=bypass).record.facts.t_scores == [] and len(bypass.model.seen) == 1


def test_a_met_request_asks_only_about_exclusions(tmp_path):
    llm = fallback(tmp_path)
    record = review_bundle(load_bundle(ROOT / "sample_charts" / "pmo-alendronate-failure"), llm=llm).record
    assert record.determination.outcome == "meets_criteria"
    policy = select_policy("cigna-IP0331")
    exclusion_facts = {n.test.fact for x in policy.exclusions for n in x.walk() if n.test is not None}
    assert record.extraction.llm_asked and set(record.extraction.llm_asked) <= exclusion_facts


def test_masking_keeps_clinical_text():
    text, count = mask("Patient: Jane Roe  MRN 12345678\nDXA lumbar spine T-score -2.8; Prolia 60 mg.")
    assert "Jane" not in text and "12345678" not in text and "T-score -2.8; Prolia 60 mg." in text and count == 2


def test_settings_from_file_then_environment(tmp_path, monkeypatch):
    config = tmp_path / "abstractor.toml"
    config.write_text(
        'policy = "medicare-J0897"\n[llm]\nmodel = "from-file"\ntoken_budget = 1000\nallow_identifiers = true\n'
    )
    monkeypatch.setenv("ABSTRACTOR_LLM_MODEL", "from-env")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    settings = load_settings(config)
    llm = settings.llm
    assert (llm.model, llm.token_budget, llm.base_url, llm.allow_identifiers) == (
        "from-env",
        1000,
        "http://127.0.0.1:9/v1",
        True,
    )
    assert settings.policy == "medicare-J0897" and not llm.enabled
    overridden = load_settings(config, policy="cigna-IP0331", llm={"enabled": True, "use_cache": False})
    assert overridden.policy == "cigna-IP0331" and overridden.llm.enabled and overridden.llm.model == "from-env"
    assert not overridden.llm.use_cache and overridden.llm.token_budget == 1000
    monkeypatch.setenv("ABSTRACTOR_LLM_TOKEN_BUDGET", "lots")
    with pytest.raises(OperatorError, match="token_budget"):
        load_settings()


def test_an_unknown_setting_is_refused(tmp_path):
    config = tmp_path / "abstractor.toml"
    config.write_text('polciy = "cigna-IP0331"\n')
    with pytest.raises(OperatorError, match="polciy"):
        load_settings(config)


def test_openai_backend_needs_a_model_name():
    from abstractor.llm.backends import chat_model

    with pytest.raises(OperatorError, match="ABSTRACTOR_LLM_MODEL"):
        chat_model(load_settings().llm)


def test_prompt_example_quotes_must_be_verbatim(tmp_path):
    prompt = load_prompt()
    assert prompt.version == "fill_facts.v1" and "postmenopausal" in prompt.example.answer
    folder = tmp_path / "prompts"
    shutil.copytree(ROOT / "prompts", folder)
    example = folder / "fill_facts.v1.examples.yaml"
    example.write_text(example.read_text().replace('quote: "She denies any fractures"', 'quote: "No fractures ever"'))
    with pytest.raises(RulesFileError, match="is not in the example text"):
        load_prompt("fill_facts.v1", folder)


def test_user_template_refuses_undefined_variables():
    import jinja2

    with pytest.raises(jinja2.UndefinedError):
        load_prompt().user.render(facts=[], passages=[])


def test_eval_cli_runs_the_fallback_with_the_fake_backend(tmp_path):
    env = {"ABSTRACTOR_LLM_BACKEND": "fake", "ABSTRACTOR_CACHE_DIR": str(tmp_path / "cache")}
    out = tmp_path / "m.json"
    result = CliRunner().invoke(
        app,
        [
            "eval",
            str(ROOT / "eval" / "gold"),
            "--bundles",
            str(ROOT / "sample_charts"),
            "--llm",
            "fallback",
            "--json",
            str(out),
        ],
        env=env,
    )
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert data["cases"] == 20 and data["false_approvals"] == 0


def test_the_cache_keeps_verified_answers_only_privately_and_for_a_while(bundle, tmp_path):
    hallucinated = "Femoral neck T-score -2.9 on the 2024 scan"
    review_bundle(bundle, llm=fallback(tmp_path, t_score_answer(hallucinated)))
    files = list((tmp_path / "cache").glob("*.json"))
    assert files and all(hallucinated not in f.read_text() for f in files)  # a rejected quote is never stored
    assert all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in files)
    assert stat.S_IMODE((tmp_path / "cache").stat().st_mode) == 0o700
    review_bundle(bundle, llm=fallback(tmp_path / "fresh", t_score_answer()))
    expired = fallback(tmp_path / "fresh", cache_days=0)
    record = review_bundle(bundle, llm=expired).record
    assert len(expired.model.seen) == 1 and record.extraction.llm_cached_calls == 0  # too old: asked again


def test_the_settings_file_turns_the_fallback_on_and_llm_off_beats_it(bundle, tmp_path):
    config = tmp_path / "abstractor.toml"
    config.write_text(f'[llm]\nenabled = true\nbackend = "fake"\ncache_dir = "{tmp_path / "cache"}"\n')
    folder = str(tmp_path / "case-llm")
    runner = CliRunner()
    on = runner.invoke(app, ["review", folder, "--format", "json", "--config", str(config)])
    off = runner.invoke(app, ["review", folder, "--format", "json", "--config", str(config), "--llm", "off"])
    assert json.loads(on.stdout)["extraction"]["model"] == "fake"
    assert json.loads(off.stdout)["extraction"]["model"] is None
