"""The necessity summary (Markdown) and its HTML rendering with cited quotes highlighted."""
