"""The optional LLM fallback: fill facts the rules left open, only with quotes found and read in the chart."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from abstractor.core.abstraction import Abstraction
from abstractor.core.document import Document, Evidence
from abstractor.core.errors import ProviderError
from abstractor.core.policy import FactCatalogue, OpenFact
from abstractor.core.reading import ChartReader, Passage
from abstractor.core.record import BisphosphonateTrial, Extraction, Facts, LLMRejection, TScore
from abstractor.core.settings import LLMSettings
from abstractor.grounding.align import align
from abstractor.llm.backends import chat_model
from abstractor.llm.cache import AnswerCache, cache_key
from abstractor.llm.mask import mask
from abstractor.llm.prompts import load_prompt
from abstractor.llm.schema import FactAnswers
from abstractor.llm.verify import supports

CHARS_PER_TOKEN = 4
MAX_CALLS = 3  # one call per bundle; more only when the relevant passages exceed the token budget
FILLABLE_TYPES = {"bool", "number", "t_scores", "trials"}
FILLABLE_LISTS = {"oral_bisphosphonate_barriers", "concurrent_osteoporosis_therapy", "sex"}
IV_DRUGS = {"zoledronic_acid", "pamidronate"}


@dataclass(frozen=True)
class Rejection:
    """An LLM answer not used, and why."""

    fact: str
    reason: str


@dataclass
class FallbackResult:
    """What the fallback did: the abstraction after it, what it asked, filled and rejected, and what it cost."""

    abstraction: Abstraction
    asked: list[str] = field(default_factory=list)
    filled: list[str] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    error: str | None = None
    calls: int = 0
    cached_calls: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    latency_ms: float = 0.0
    masked: int | None = None


class LLMFallback:
    """Asks a chat model for open facts and keeps only answers the chart itself supports."""

    def __init__(
        self, settings: LLMSettings, catalogue: FactCatalogue, model=None, prompts_dir: Path | None = None
    ) -> None:
        self.settings = settings
        self.catalogue = catalogue
        self.model = model if model is not None else chat_model(settings)
        self.prompt = load_prompt(folder=prompts_dir)
        self.cache = AnswerCache(settings.cache_dir, settings.use_cache, settings.cache_days)

    @property
    def model_name(self) -> str:
        """The model's name as the record's provenance gives it."""
        return self.settings.model or self.settings.backend

    def questions(self, open_facts: Iterable[OpenFact]) -> list[str]:
        """The open facts the model may answer: silent chart facts of a kind its answers can be checked for."""
        names = []
        for fact in open_facts:
            spec = self.catalogue.facts[fact.fact]
            fillable = spec.type in FILLABLE_TYPES or fact.fact in FILLABLE_LISTS
            if fact.silent and fillable and not fact.fact.startswith("request."):
                names.append(fact.fact)
        return list(dict.fromkeys(names))

    def fill(
        self,
        abstraction: Abstraction,
        open_facts: Iterable[OpenFact],
        *,
        documents: Sequence[Document],
        reader: ChartReader,
    ) -> FallbackResult:
        """Ask for the open facts the decision tree lists; keep the answers whose quotes are in the chart and
        state the value. On any failure the rules-only abstraction comes back untouched, with the error."""
        result = FallbackResult(abstraction=abstraction, asked=self.questions(open_facts))
        if not result.asked:
            return result
        labels = {
            label
            for name in result.asked
            for label in self.catalogue.facts[name].cues + self.catalogue.facts[name].false_cues
        }
        budget = self.settings.token_budget * CHARS_PER_TOKEN
        passages = reader.passages(labels, budget * MAX_CALLS)
        answers: list = []
        asked: list[tuple[str, list]] = []  # (cache key, the model's answers) of calls made now
        try:
            for chunk in _chunks(passages, budget):
                found, key = self._ask(result, chunk)
                answers += found
                if key is not None:
                    asked.append((key, found))
        except ProviderError as exc:
            result.error = str(exc)
            return result
        accepted = self._merge(result, answers, tuple(documents), reader)
        for key, found in asked:  # the cache keeps verified answers only, never a rejected quote
            kept = [a for a in found if any(a is b for b in accepted)]
            self.cache.put(key, FactAnswers(facts=kept).model_dump())
        return result

    def provenance(self, result: FallbackResult) -> Extraction:
        """The record's `extraction` block for a review the fallback took part in."""
        return Extraction(
            llm_used=bool(result.filled),
            llm_fields=result.filled,
            rules_version=result.abstraction.rules_version,
            model=self.model_name,
            prompt_version=self.prompt.version,
            masked_identifiers=result.masked is not None if result.asked else None,
            identifiers_masked=result.masked,
            llm_asked=result.asked,
            llm_rejected=[LLMRejection(fact=r.fact, reason=r.reason) for r in result.rejected],
            llm_error=result.error,
            llm_calls=result.calls,
            llm_cached_calls=result.cached_calls,
            llm_tokens_in=result.tokens_in,
            llm_tokens_out=result.tokens_out,
            llm_latency_ms=round(result.latency_ms, 1),
        )

    def _ask(self, result: FallbackResult, passages: list[Passage]) -> tuple[list, str | None]:
        """The model's answers for one chunk of passages, and the cache key to store them under (None when
        they came from the cache)."""
        shown, masked = [], 0
        for p in passages:
            text = " ".join(p.text.split())
            if not self.settings.allow_identifiers:
                text, n = mask(text)
                masked += n
            shown.append({"source": p.document.source, "text": text})
        result.masked = None if self.settings.allow_identifiers else (result.masked or 0) + masked
        facts = [
            {"name": n, "label": self.catalogue.facts[n].label, "kind": self.catalogue.facts[n].type}
            for n in result.asked
        ]
        system = self.prompt.system.render()
        user = self.prompt.user.render(
            facts=facts, passages=shown, masked=not self.settings.allow_identifiers, example=self.prompt.example
        )
        key = cache_key(self.prompt.version, self.model_name, system + "\n" + user)
        cached = self.cache.get(key)
        if cached is not None:
            result.cached_calls += 1
            return FactAnswers.model_validate(cached).facts, None
        return self._call(result, system, user).facts, key

    def _call(self, result: FallbackResult, system: str, user: str) -> FactAnswers:
        """The model's parsed answer; ProviderError (a message without chart text) when there is none."""
        from langchain_core.messages import HumanMessage, SystemMessage

        runnable = self.model.with_structured_output(FactAnswers, method="function_calling", include_raw=True)
        messages = [SystemMessage(content=system), HumanMessage(content=user)]
        retryable = _retryable_errors()
        for attempt in range(self.settings.max_retries + 1):
            started = time.perf_counter()
            result.calls += 1
            try:
                out = runnable.invoke(messages)
            except retryable as exc:
                result.latency_ms += (time.perf_counter() - started) * 1000
                if attempt == self.settings.max_retries:
                    raise ProviderError(f"{type(exc).__name__} after {attempt + 1} attempts") from None
                time.sleep(min(0.5 * 2**attempt, 8.0))
                continue
            except Exception as exc:  # timeouts, bad requests, server errors: the rules-only record stands
                result.latency_ms += (time.perf_counter() - started) * 1000
                raise ProviderError(f"{type(exc).__name__}: the model call failed") from None
            result.latency_ms += (time.perf_counter() - started) * 1000
            raw = out.get("raw")
            usage = getattr(raw, "usage_metadata", None) or {}
            result.tokens_in += int(usage.get("input_tokens", 0))
            result.tokens_out += int(usage.get("output_tokens", 0))
            if out.get("parsing_error") is not None:
                raise ProviderError(f"the answer did not match the schema ({type(out['parsing_error']).__name__})")
            if out.get("parsed") is None:
                refusal = (getattr(raw, "additional_kwargs", {}) or {}).get("refusal")
                finish = (getattr(raw, "response_metadata", {}) or {}).get("finish_reason")
                if refusal:
                    raise ProviderError("the model refused to answer")
                if finish == "length":
                    raise ProviderError("the answer was cut off (token limit) and could not be parsed")
                raise ProviderError("the answer could not be parsed (invalid JSON or no structured answer)")
            return out["parsed"]
        raise ProviderError("no answer")  # pragma: no cover - the loop always returns

    def _merge(
        self, result: FallbackResult, answers: list, documents: tuple[Document, ...], reader: ChartReader
    ) -> list:
        """Apply the answers whose quotes are in the chart and state the value; returns those answers."""
        updates: dict[str, object] = {}
        accepted: list = []
        evidence = {name: list(evs) for name, evs in result.abstraction.fact_evidence.items()}
        for answer in answers:
            name = answer.fact
            if name not in result.asked:
                result.rejected.append(Rejection(name, "not one of the facts asked for"))
                continue
            ev = align(answer.quote or "", documents, answer.source)
            if ev is None:
                result.rejected.append(Rejection(name, "the quote is not in the chart"))
                continue
            spec = self.catalogue.facts[name]
            value, reason = supports(name, spec, answer, ev.quote, reader.read(ev.source, ev.start, ev.end))
            if reason is not None:
                result.rejected.append(Rejection(name, reason))
                continue
            if not self._apply(result.abstraction.facts, updates, evidence, name, spec.type, value, ev):
                result.rejected.append(Rejection(name, "contradicts an earlier answer"))
                continue
            accepted.append(answer)
            if name not in result.filled:
                result.filled.append(name)
        if updates:
            facts = result.abstraction.facts.model_copy(update=updates)
            result.abstraction = replace(result.abstraction, facts=facts, fact_evidence=evidence)
        return accepted

    def _apply(
        self,
        facts: Facts,
        updates: dict,
        evidence: dict[str, list[Evidence]],
        name: str,
        kind: str,
        value,
        ev: Evidence,
    ) -> bool:
        if kind == "t_scores":
            items = updates.setdefault("t_scores", list(facts.t_scores))
            items.append(TScore(site=value["site"], value=value["value"], evidence=[ev]))
            return True
        if kind == "trials":
            items = updates.setdefault("bisphosphonate_trials", list(facts.bisphosphonate_trials))
            route = value["route"] or ("iv" if value["drug"] in IV_DRUGS else "oral")
            items.append(
                BisphosphonateTrial(
                    drug=value["drug"], route=route, months=value["months"], outcome=value["outcome"], evidence=[ev]
                )
            )
            return True
        if name in {"oral_bisphosphonate_barriers", "concurrent_osteoporosis_therapy"}:
            items = updates.setdefault(name, list(getattr(facts, name)))
            if value not in items:
                items.append(value)
            if name == "oral_bisphosphonate_barriers" and facts.oral_bisphosphonate_barrier is None:
                updates.setdefault("oral_bisphosphonate_barrier", value)
                evidence.setdefault("oral_bisphosphonate_barrier", []).append(ev)
            evidence.setdefault(name, []).append(ev)
            return True
        if name in updates and updates[name] != value:
            return False
        updates[name] = value
        evidence.setdefault(name, []).append(ev)
        return True


def _chunks(passages: list[Passage], budget: int) -> list[list[Passage]]:
    chunks: list[list[Passage]] = [[]]
    used = 0
    for p in passages:
        size = p.end - p.start
        if chunks[-1] and used + size > budget:
            if len(chunks) == MAX_CALLS:
                break
            chunks.append([])
            used = 0
        chunks[-1].append(p)
        used += size
    return [c for c in chunks if c]


def _retryable_errors() -> tuple[type[BaseException], ...]:
    """Rate limits and dropped connections are retried with backoff; the openai SDK is imported lazily."""
    try:
        import openai
    except ImportError:  # pragma: no cover - the llm extra brings openai
        return (ConnectionError,)
    return (openai.RateLimitError, openai.APIConnectionError, ConnectionError)
