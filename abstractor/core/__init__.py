"""Domain types and errors shared by every layer (standard library and pydantic only)."""
