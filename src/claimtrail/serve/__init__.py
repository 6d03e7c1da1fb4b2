"""Serve: the command line, readable ledgers and (later) the web interface."""
