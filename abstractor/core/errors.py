"""The error hierarchy, split by who must act to fix the problem."""

from __future__ import annotations


class AbstractorError(Exception):
    """Root of every error abstractor raises on purpose."""


class OperatorError(AbstractorError):
    """Configuration, rule or policy files are wrong: the person running abstractor fixes it."""


class RulesFileError(OperatorError):
    """A data file under rules/ or prompts/ is missing or does not match its schema."""

    def __init__(self, path: object, problem: str, fix: str = "") -> None:
        self.path = str(path)
        self.problem = problem
        self.fix = fix
        message = f"{self.path}: {problem}"
        if fix:
            message += f" (fix: {fix})"
        super().__init__(message)


class PolicyNotFoundError(OperatorError):
    """No installed policy matches the requested id or date of service."""


class SubmitterError(AbstractorError):
    """The chart bundle or one of its files is unusable: whoever sent it fixes it."""


class BundleError(SubmitterError):
    """A whole bundle cannot be read (missing path, empty, unsafe or oversized archive)."""


class DocumentError(SubmitterError):
    """One file of a bundle cannot be read; the rest of the bundle is still reviewed."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class OverrideError(SubmitterError):
    """A reviewer's override names no fact or clause the review has, gives a value it cannot take, or has no
    reason: the reviewer who sent it fixes it."""


class ProviderError(AbstractorError):
    """An external service (the optional LLM) failed: retry later or change its settings."""


class InternalError(AbstractorError):
    """A bug in abstractor: report it."""
