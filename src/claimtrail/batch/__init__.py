"""Batch: the same pipeline over many inputs, on a local process pool (``local``), and the
feed watcher that feeds it (``watch``)."""
