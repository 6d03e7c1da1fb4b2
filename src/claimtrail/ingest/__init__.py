"""Ingest: read inputs (text files, folders, JSON Lines, stdin) and decode them into articles."""
