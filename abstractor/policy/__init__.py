"""Payer policies as data and the deterministic three-valued criteria checker (plain facts in, no NLP)."""
