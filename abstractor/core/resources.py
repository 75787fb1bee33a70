"""Where rules/ and prompts/ live: the one place that resolves them for a checkout or a wheel."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from abstractor.core.errors import OperatorError

_PACKAGE = Path(__file__).resolve().parent.parent
_ENV = {"rules": "ABSTRACTOR_RULES_DIR", "prompts": "ABSTRACTOR_PROMPTS_DIR"}


@cache
def data_dir(name: str) -> Path:
    """The folder `rules` or `prompts`: from its environment setting, else the wheel's copy, else the checkout's."""
    if name not in _ENV:
        raise ValueError(f"unknown data folder {name!r}")
    configured = os.environ.get(_ENV[name])
    candidates = [Path(configured)] if configured else [_PACKAGE / "_data" / name, _PACKAGE.parent / name]
    for folder in candidates:
        if folder.is_dir():
            return folder
    tried = ", ".join(str(c) for c in candidates)
    raise OperatorError(
        f"cannot find the {name}/ folder (looked in {tried}); reinstall abstractor or set {_ENV[name]} to the folder"
    )


def rules_path(*parts: str) -> Path:
    """A path inside rules/."""
    return data_dir("rules").joinpath(*parts)


def prompts_path(*parts: str) -> Path:
    """A path inside prompts/."""
    return data_dir("prompts").joinpath(*parts)
