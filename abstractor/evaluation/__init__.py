"""Scoring extraction and determinations against QA gold sets (`abstractor eval`)."""
