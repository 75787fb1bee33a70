"""The optional LLM fallback (langchain and openai live here)."""
