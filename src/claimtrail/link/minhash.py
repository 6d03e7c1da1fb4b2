"""MinHash signatures and LSH band keys of shingle sets, stored as plain bytes and integers.

The signatures come from rensa's ``RMinHash`` (Rust; seeded, so a fresh process computes
the same signature for the same shingles). The LSH index is not rensa's in-memory one: the
band keys are 64-bit integers the store keeps in SQLite, so a new article is checked
against every stored one without rebuilding anything. ``PARAMS`` names everything a stored
signature depends on; a ledger whose stored parameters differ rebuilds its index.
"""

from __future__ import annotations

import hashlib
from array import array
from collections.abc import Iterable

import rensa

from claimtrail.link.shingles import SHINGLE_WORDS

NUM_PERM = 128
BANDS = 42
ROWS = 3  # 42 bands of 3 rows: a pair with Jaccard 0.3 is a candidate with p=0.68, 0.4 p=0.94, 0.5 p=0.996
SEED = 1
PARAMS = f"rensa RMinHash v{rensa.RMinHash.ALGORITHM_VERSION}; perm={NUM_PERM}; bands={BANDS}x{ROWS}; " \
         f"seed={SEED}; shingle={SHINGLE_WORDS} words"
SIG_BYTES = NUM_PERM * 4


def signature(shingle_set: Iterable[str]) -> bytes | None:
    """The signature as ``NUM_PERM`` unsigned 32-bit integers; None for no shingles."""
    items = list(shingle_set)
    if not items:
        return None
    m = rensa.RMinHash(NUM_PERM, SEED)
    m.update(items)
    return array("I", m.digest()).tobytes()


def unpack(sig: bytes) -> array[int]:
    if len(sig) != SIG_BYTES:
        raise ValueError(f"a signature has {len(sig)} bytes, not {SIG_BYTES}")
    out = array("I")
    out.frombytes(sig)
    return out


def band_keys(sig: bytes) -> list[int]:
    """One signed 64-bit key per band: the band's number and its rows, hashed."""
    keys = []
    for b in range(BANDS):
        chunk = sig[b * ROWS * 4 : (b + 1) * ROWS * 4]
        digest = hashlib.blake2b(bytes([b]) + chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def jaccard(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity: the share of positions where the signatures agree."""
    x, y = unpack(a), unpack(b)
    return sum(1 for i in range(NUM_PERM) if x[i] == y[i]) / NUM_PERM
