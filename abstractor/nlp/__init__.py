"""Fact extraction with medspaCy (spaCy and medspaCy live here)."""
