"""Normalise: language, sentences, and page furniture out of the body."""
