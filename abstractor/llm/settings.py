"""LLM settings, read once at the edge: a TOML config file, then the environment."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from abstractor.core.errors import OperatorError

# One environment variable per setting; the OpenAI client's own names where it has them.
ENVIRONMENT = {
    "base_url": "OPENAI_BASE_URL",
    "api_key": "OPENAI_API_KEY",
    "model": "ABSTRACTOR_LLM_MODEL",
    "backend": "ABSTRACTOR_LLM_BACKEND",
    "timeout_s": "ABSTRACTOR_LLM_TIMEOUT",
    "token_budget": "ABSTRACTOR_LLM_TOKEN_BUDGET",
    "max_output_tokens": "ABSTRACTOR_LLM_MAX_OUTPUT_TOKENS",
    "max_retries": "ABSTRACTOR_LLM_MAX_RETRIES",
    "allow_identifiers": "ABSTRACTOR_LLM_ALLOW_IDENTIFIERS",
    "cache_dir": "ABSTRACTOR_CACHE_DIR",
}


class LLMSettings(BaseModel):
    """How to reach the model and how much chart text may go to it."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    backend: str = "openai"
    base_url: str | None = None
    api_key: str | None = None
    model: str | None = None
    timeout_s: float = 60.0
    token_budget: int = 3000  # chart text sent per call, in tokens (about 4 characters each)
    max_output_tokens: int = 1024
    max_retries: int = 3
    allow_identifiers: bool = False
    cache_dir: Path = Path.home() / ".cache" / "abstractor" / "llm"
    use_cache: bool = True


def load_settings(
    config_file: Path | None = None, environ: Mapping[str, str] | None = None, **overrides
) -> LLMSettings:
    """Settings from the [llm] table of a TOML file, overridden by the environment, then by `overrides`."""
    environ = os.environ if environ is None else environ
    values: dict[str, object] = {}
    if config_file is not None:
        try:
            values.update(tomllib.loads(config_file.read_text(encoding="utf-8")).get("llm", {}))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise OperatorError(f"{config_file}: cannot read the LLM settings: {exc}") from None
    for name, variable in ENVIRONMENT.items():
        if environ.get(variable):
            values[name] = environ[variable]
    values.update({k: v for k, v in overrides.items() if v is not None})
    try:
        return LLMSettings.model_validate(values)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise OperatorError(f"LLM settings: {problems} (set them in the [llm] table or the environment)") from None
