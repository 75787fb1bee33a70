"""Prompt templates from prompts/, rendered with strict undefined-variable checking."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jinja2
import yaml
from pydantic import BaseModel, ConfigDict

from abstractor.core.datafile import load_model
from abstractor.core.errors import RulesFileError
from abstractor.core.resources import prompts_path
from abstractor.llm.schema import FactAnswers

PROMPT_VERSION = "fill_facts.v1"


@dataclass(frozen=True)
class Example:
    """A verified few-shot example: chart text and the answer whose quotes are in it."""

    text: str
    answer: str


class _ExampleFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str
    answer: FactAnswers


@dataclass(frozen=True)
class Prompt:
    """A prompt version: its system and user templates and its example."""

    version: str
    system: jinja2.Template
    user: jinja2.Template
    example: Example


@cache
def load_prompt(version: str = PROMPT_VERSION, folder: Path | None = None) -> Prompt:
    """The system and user templates and the verified few-shot example of a prompt version."""
    folder = folder or prompts_path()
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    try:
        system = env.get_template(f"{version}.system.j2")
        user = env.get_template(f"{version}.user.j2")
    except jinja2.TemplateError as exc:
        raise RulesFileError(folder / f"{version}.*.j2", f"cannot load the prompt: {exc}", "check prompts/") from None
    path = folder / f"{version}.examples.yaml"
    example = load_model(path, _ExampleFile)
    for fact in example.answer.facts:
        if fact.quote not in example.text:
            raise RulesFileError(
                path,
                f"the example quote {fact.quote!r} is not in the example text",
                "copy quotes verbatim from the example text",
            )
    answer = yaml.safe_dump(example.answer.model_dump(exclude_none=True), sort_keys=False, width=200).strip()
    return Prompt(version, system, user, Example(example.text.strip(), answer))
