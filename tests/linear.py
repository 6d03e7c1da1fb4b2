"""A check that work grows linearly with input, for hostile-input tests.

Catastrophic backtracking shows as time growing with the square (or worse) of the input:
ten times the input costs a hundred times the time. The check runs the same work on an
input and on one ten times longer and compares CPU time (``process_time``: other processes
on a busy machine do not count), so it tells linear from quadratic without asserting a
speed. Absolute times are measured in ``bench/`` and recorded in ``bench/RESULTS.md``.
"""

from __future__ import annotations

import time
from collections.abc import Callable

#: ten times the input may cost at most this many times the time (linear: about 10; quadratic: 100)
MAX_RATIO = 35.0
#: below this many CPU seconds for the long input, timer noise decides, so anything passes
FLOOR = 0.25


def cpu_seconds(run: Callable[[], object]) -> float:
    start = time.process_time()
    run()
    return time.process_time() - start


def assert_linear(work: Callable[[str], object], unit: str, repeats: int) -> None:
    """``work`` on ``unit * repeats`` and on ten times that grows at most :data:`MAX_RATIO` times."""
    work(unit * 10)  # caches and lazily compiled patterns out of the way
    short = cpu_seconds(lambda: work(unit * repeats))
    long = cpu_seconds(lambda: work(unit * (repeats * 10)))
    assert long < max(FLOOR, short * MAX_RATIO), f"{len(unit) * repeats * 10:,} characters took {long:.2f} s, " \
        f"{len(unit) * repeats:,} took {short:.3f} s: more than linear"
