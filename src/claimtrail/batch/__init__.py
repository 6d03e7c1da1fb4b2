"""Batch: the same pipeline over many inputs, on a local process pool (``local``) or per
partition on Spark (``spark``), and the feed watcher that feeds the pool (``watch``)."""
