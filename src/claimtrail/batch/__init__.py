"""Batch runners: the same pipeline over many articles, per partition."""
