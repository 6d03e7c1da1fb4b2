"""Reading one input file whole, refusing one too large to hold in memory."""

from __future__ import annotations

from pathlib import Path

from claimtrail.errors import InputError


def read_bounded(path: Path, limit: int, what: str = "too large") -> bytes | InputError:
    """The file's bytes, or an :class:`InputError` naming it when it cannot be read or is over
    ``limit`` bytes ("page too large (...)")."""
    where = str(path)
    try:
        size = path.stat().st_size
        if size > limit:
            return InputError(where, f"{what} ({size:,} bytes; the limit is {limit:,})")
        return path.read_bytes()
    except OSError as e:
        return InputError(where, f"cannot read: {e.strerror or e}")
