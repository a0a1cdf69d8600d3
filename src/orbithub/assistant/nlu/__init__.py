"""Understanding sentences: text preparation, mentions, templates and the keyword fallback."""
