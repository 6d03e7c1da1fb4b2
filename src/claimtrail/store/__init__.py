"""Store: the SQLite ledger."""
