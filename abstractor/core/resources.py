"""Where rules/ and prompts/ live: the one place that resolves them for a checkout or a wheel.

A folder configured in the settings (`Settings.rules_dir`, `Settings.prompts_dir`) is passed down by the
`Reviewer`; without one, the copy shipped in the wheel, else the checkout's.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from abstractor.core.errors import OperatorError

_PACKAGE = Path(__file__).resolve().parent.parent
_SETTING = {"rules": "rules_dir (ABSTRACTOR_RULES_DIR)", "prompts": "prompts_dir (ABSTRACTOR_PROMPTS_DIR)"}


@cache
def data_dir(name: str, configured: Path | None = None) -> Path:
    """The folder `rules` or `prompts`: the configured one, else the wheel's copy, else the checkout's."""
    if name not in _SETTING:
        raise ValueError(f"unknown data folder {name!r}")
    candidates = [Path(configured)] if configured else [_PACKAGE / "_data" / name, _PACKAGE.parent / name]
    for folder in candidates:
        if folder.is_dir():
            return folder
    tried = ", ".join(str(c) for c in candidates)
    raise OperatorError(
        f"cannot find the {name}/ folder (looked in {tried}); reinstall abstractor or set {_SETTING[name]}"
    )


def rules_path(*parts: str, folder: Path | None = None) -> Path:
    """A path inside rules/ (or inside the configured `folder`)."""
    return data_dir("rules", folder).joinpath(*parts)


def prompts_path(*parts: str, folder: Path | None = None) -> Path:
    """A path inside prompts/ (or inside the configured `folder`)."""
    return data_dir("prompts", folder).joinpath(*parts)
