"""Every setting in one place, read once at the edge: a TOML file, then the environment.

The command line (and, later, the web app and the batch runner) calls `load_settings` once and builds a
`Reviewer` from the result; nothing below the edge reads the environment.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from abstractor.core.errors import OperatorError

DEFAULT_POLICY = "cigna-IP0331"

# One environment variable per setting (the OpenAI client's own names where it has them), by dotted path.
ENVIRONMENT = {
    "policy": "ABSTRACTOR_POLICY",
    "rules_dir": "ABSTRACTOR_RULES_DIR",
    "prompts_dir": "ABSTRACTOR_PROMPTS_DIR",
    "llm.base_url": "OPENAI_BASE_URL",
    "llm.api_key": "OPENAI_API_KEY",
    "llm.model": "ABSTRACTOR_LLM_MODEL",
    "llm.backend": "ABSTRACTOR_LLM_BACKEND",
    "llm.timeout_s": "ABSTRACTOR_LLM_TIMEOUT",
    "llm.token_budget": "ABSTRACTOR_LLM_TOKEN_BUDGET",
    "llm.max_output_tokens": "ABSTRACTOR_LLM_MAX_OUTPUT_TOKENS",
    "llm.max_retries": "ABSTRACTOR_LLM_MAX_RETRIES",
    "llm.allow_identifiers": "ABSTRACTOR_LLM_ALLOW_IDENTIFIERS",
    "llm.cache_dir": "ABSTRACTOR_CACHE_DIR",
    "llm.cache_days": "ABSTRACTOR_LLM_CACHE_DAYS",
    "ocr.engine": "ABSTRACTOR_OCR_ENGINE",
    "ocr.min_confidence": "ABSTRACTOR_OCR_MIN_CONFIDENCE",
    "ocr.cache_dir": "ABSTRACTOR_OCR_CACHE_DIR",
}


class LLMSettings(BaseModel):
    """How to reach the model and how much chart text may go to it."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    enabled: bool = False  # ask the model for facts the rules left open
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
    cache_days: float = Field(default=30, ge=0)  # cached answers older than this are asked again


class OCRSettings(BaseModel):
    """How scanned pages are read: the engine (or off), the confidence below which a number read by OCR must
    be confirmed against the image, and where readings are cached."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    engine: Literal["rapidocr", "tesseract", "off"] = "rapidocr"
    min_confidence: float = Field(default=0.9, ge=0, le=1)
    cache_dir: Path | None = Path.home() / ".cache" / "abstractor" / "ocr"
    use_cache: bool = True


class Settings(BaseSettings):
    """What a `Reviewer` is built from: the policy, where the rules and prompts live, and the optional LLM."""

    model_config = SettingsConfigDict(extra="forbid", frozen=True)
    policy: str = DEFAULT_POLICY
    rules_dir: Path | None = None  # None: the rules shipped with abstractor
    prompts_dir: Path | None = None
    llm: LLMSettings = LLMSettings()
    ocr: OCRSettings = OCRSettings()

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """The environment (by the names in ENVIRONMENT) overrides the values given, which come from the file."""
        return (_NamedEnvironment(settings_cls), init_settings)


class _NamedEnvironment(PydanticBaseSettingsSource):
    """Reads the process environment's variables named in ENVIRONMENT."""

    def get_field_value(self, field, field_name):  # pragma: no cover - __call__ reads everything at once
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for path, variable in ENVIRONMENT.items():
            if os.environ.get(variable):
                *parents, name = path.split(".")
                target = values
                for parent in parents:
                    target = target.setdefault(parent, {})
                target[name] = os.environ[variable]
        return values


TABLES: dict[str, type[BaseModel]] = {"llm": LLMSettings, "ocr": OCRSettings}


def load_settings(config_file: Path | None = None, **overrides) -> Settings:
    """Settings from a TOML file (top-level keys and an [llm] table), overridden by the environment, then by
    `overrides` (`llm={...}` and `ocr={...}` update those tables; the command line's options)."""
    values: dict[str, Any] = {}
    if config_file is not None:
        try:
            values = tomllib.loads(config_file.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise OperatorError(f"{config_file}: cannot read the settings: {exc}") from None
    try:
        settings = Settings(**values)
        updates: dict[str, Any] = {k: v for k, v in overrides.items() if v is not None and k not in TABLES}
        for name, model in TABLES.items():
            if overrides.get(name):
                table = getattr(settings, name).model_dump()
                table |= {k: v for k, v in overrides[name].items() if v is not None}
                updates[name] = model.model_validate(table)
        return settings.model_copy(update=updates) if updates else settings
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        where = f"{config_file} or the environment" if config_file else "the environment"
        raise OperatorError(f"settings: {problems} (set them in {where})") from None
