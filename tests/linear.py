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
    assert_grows_linearly(work, lambda scale: unit * (repeats * scale))


def assert_grows_linearly(work: Callable[[str], object], make: Callable[[int], str]) -> None:
    """``work`` on ``make(1)`` and on ``make(10)`` (ten times as long) grows at most :data:`MAX_RATIO` times."""
    work(make(1)[:100])  # caches and lazily compiled patterns out of the way
    short_input, long_input = make(1), make(10)
    short = cpu_seconds(lambda: work(short_input))
    long = cpu_seconds(lambda: work(long_input))
    assert long < max(FLOOR, short * MAX_RATIO), f"{len(long_input):,} characters took {long:.2f} s, " \
        f"{len(short_input):,} took {short:.3f} s: more than linear"
