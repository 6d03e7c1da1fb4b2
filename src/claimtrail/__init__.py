"""claimtrail: a ledger of who claims what in news articles, with which figures,
citing which outlets."""

__version__ = "0.1.0"
