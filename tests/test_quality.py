"""Code quality gates run by the test command: ruff lint and format, and the import-linter layer contracts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


@pytest.mark.parametrize(
    "command",
    [
        [sys.executable, "-m", "ruff", "check", "abstractor", "tests", "scripts"],
        [sys.executable, "-m", "ruff", "format", "--check", "abstractor", "tests", "scripts"],
        [str(BIN / "lint-imports")],
    ],
    ids=["ruff-check", "ruff-format", "import-linter"],
)
def test_quality_gate(command):
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
