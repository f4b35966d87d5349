"""Drafting content files from an article's raw text (``briefing draft``): the readers of figures, dates,
attribution phrases and quotes, each a small module, French and English. A draft is a proposal for an editor:
every value says where it came from, and a guess that needs a human look says so."""
