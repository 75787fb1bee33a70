"""Reading the project's data files (YAML or JSON) into strict pydantic models, with errors that name the file.

PyYAML is the one import here beyond the standard library and pydantic: it is a plain data parser, and one
reader for every data format keeps the error messages uniform.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from abstractor.core.errors import RulesFileError

M = TypeVar("M", bound=BaseModel)


def read_data(path: Path) -> object:
    """Parse a YAML or JSON file; RulesFileError names the file and the line on failure."""
    if not path.is_file():
        raise RulesFileError(path, "file not found", "check the path, or reinstall abstractor")
    text = path.read_text(encoding="utf-8")
    try:
        if path.suffix == ".json":
            return json.loads(text)
        return yaml.safe_load(text)
    except (yaml.YAMLError, json.JSONDecodeError) as exc:
        raise RulesFileError(path, f"not valid {path.suffix.lstrip('.').upper()}: {exc}", "fix the syntax") from None


def validated(path: Path, data: object, model: type[M]) -> M:
    """Validate parsed data against `model`; the error names each bad entry by its location."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or '(top level)'}: {err['msg']}" for err in exc.errors()[:8]
        )
        raise RulesFileError(path, problems, "correct the entries named, see the folder's README.md") from None


def load_model(path: Path, model: type[M]) -> M:
    """read_data then validated."""
    return validated(path, read_data(path), model)
