"""Extract: sources, quotes, figures, dates and entities, each with its span."""
