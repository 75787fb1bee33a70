"""Chat-model backends by name: `openai` (any OpenAI-compatible server) and `fake` (scripted, offline).

Both are LangChain chat models used through the same `with_structured_output(method="function_calling")`
path; SDKs are imported only when a backend is built.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from abstractor.core.errors import OperatorError
from abstractor.core.settings import LLMSettings


def _openai(settings: LLMSettings):
    try:
        from langchain_openai import ChatOpenAI
    except ImportError:
        raise OperatorError("the LLM fallback needs the llm extra: pip install 'abstractor[llm]'") from None

    if not settings.model:
        raise OperatorError("the LLM fallback needs a model name: set ABSTRACTOR_LLM_MODEL (or model in [llm])")
    return ChatOpenAI(
        model=settings.model,
        base_url=settings.base_url,
        api_key=settings.api_key or "not-needed",  # local OpenAI-compatible servers accept any key
        timeout=settings.timeout_s,
        max_retries=0,  # retries are ours: bounded, with backoff, and recorded
        temperature=0,
        max_tokens=settings.max_output_tokens,
        # langchain-openai sends max_completion_tokens, which llama.cpp ignores; send max_tokens as well.
        extra_body={"max_tokens": settings.max_output_tokens},
    )


def _fake(settings: LLMSettings):
    return _fake_class()(responses=[])


BACKENDS: dict[str, Callable[[LLMSettings], Any]] = {"openai": _openai, "fake": _fake}


def chat_model(settings: LLMSettings):
    """The chat model named by settings.backend."""
    try:
        factory = BACKENDS[settings.backend]
    except KeyError:
        raise OperatorError(f"unknown LLM backend {settings.backend!r}; use one of {', '.join(BACKENDS)}") from None
    return factory(settings)


@cache
def _fake_class():
    from langchain_core.language_models.chat_models import BaseChatModel
    from langchain_core.messages import AIMessage
    from langchain_core.outputs import ChatGeneration, ChatResult
    from pydantic import Field

    class FakeToolModel(BaseChatModel):
        """A scripted tool-calling chat model: each call answers with the next response.

        A dict is the arguments of a tool call; an exception is raised; a string is sent as the raw
        (invalid) arguments of the tool call, as a server does with malformed or truncated JSON.
        """

        responses: list = Field(default_factory=list)
        seen: list = Field(default_factory=list)  # the messages each call received

        @property
        def _llm_type(self) -> str:
            return "fake-tool-calling"

        def bind_tools(self, tools, *, tool_choice=None, **kwargs):
            from langchain_core.utils.function_calling import convert_to_openai_tool

            names = [convert_to_openai_tool(t)["function"]["name"] for t in tools]
            return self.bind(tool_names=names, **kwargs)

        def _generate(self, messages, stop=None, run_manager=None, **kwargs) -> ChatResult:
            self.seen.append(messages)
            response = self.responses.pop(0) if self.responses else {"facts": []}
            if isinstance(response, BaseException):
                raise response
            name = (kwargs.get("tool_names") or ["FactAnswers"])[0]
            usage = {
                "input_tokens": sum(len(str(m.content)) for m in messages) // 4,
                "output_tokens": 20,
                "total_tokens": sum(len(str(m.content)) for m in messages) // 4 + 20,
            }
            if isinstance(response, str):
                message = AIMessage(
                    content="",
                    invalid_tool_calls=[
                        {
                            "name": name,
                            "args": response,
                            "id": "call_0",
                            "error": "invalid JSON",
                            "type": "invalid_tool_call",
                        }
                    ],
                    usage_metadata=usage,
                    response_metadata={"finish_reason": "length"},
                )
            else:
                message = AIMessage(
                    content="", tool_calls=[{"name": name, "args": response, "id": "call_0"}], usage_metadata=usage
                )
            return ChatResult(generations=[ChatGeneration(message=message)])

    return FakeToolModel


def __getattr__(name: str):  # FakeToolModel is built on first use, so importing this module needs no SDK
    if name == "FakeToolModel":
        return _fake_class()
    raise AttributeError(name)


FakeToolModel: Any
