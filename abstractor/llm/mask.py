"""Masking identifiers before chart text is sent to an LLM: the masker lives in abstractor.core.identifiers,
where the report's HTML export uses it too; these names keep working."""

from __future__ import annotations

from abstractor.core.identifiers import IdentifierRules, mask

__all__ = ["IdentifierRules", "mask"]
