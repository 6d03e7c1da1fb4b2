"""Calendar arithmetic for resolving dates: no language knowledge, only the calendar."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

#: the years a dated weekday may fall in when nothing else fixes its year
EARLIEST_YEAR = 1990

#: how much more a year named after the article's date counts against it than one before it
FUTURE_MENTION_WEIGHT = 4


def make(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist (31 February)."""
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if day > calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def full_year(two_digits: int, current: int) -> int:
    """The year "74" or "14" stands for: this century's up to the current year, else the last one's."""
    year = current - current % 100 + two_digits
    return year if year <= current else year - 100


def possible(month: int, day: int) -> bool:
    """Whether day and month exist together in some year (29 February does)."""
    return make(2000, month, day) is not None


def shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def weekday_on_or_before(anchor: date, weekday: int, strict: bool = False) -> date:
    back = (anchor.weekday() - weekday) % 7
    if strict and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def weekday_on_or_after(anchor: date, weekday: int, strict: bool = False) -> date:
    ahead = (weekday - anchor.weekday()) % 7
    if strict and ahead == 0:
        ahead = 7
    return anchor + timedelta(days=ahead)


def day_month_near(anchor: date, month: int, day: int, future: bool) -> date | None:
    """The nearest day/month on or before ``anchor``, or on or after it if ``future``."""
    found = [d for y in range(anchor.year - 4, anchor.year + 5)
             if (d := make(y, month, day)) is not None and (d >= anchor if future else d <= anchor)]
    return min(found, key=lambda d: abs((d - anchor).days)) if found else None


def month_near(anchor: date, month: int, future: bool, strict: bool = False) -> tuple[int, int]:
    """The month on or before the anchor's month (or after, if ``future``)."""
    year = anchor.year
    if future:
        if month < anchor.month or (strict and month == anchor.month):
            year += 1
    elif month > anchor.month or (strict and month == anchor.month):
        year -= 1
    return year, month


def weekday_dated_near(anchor: date, month: int, day: int, weekday: int) -> date | None:
    """The year next to the anchor's in which ``day``/``month`` falls on ``weekday``, nearest first."""
    found = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1)
             if (d := make(y, month, day)) is not None and d.weekday() == weekday]
    return min(found, key=lambda d: abs((d - anchor).days)) if found else None


def weekday_years(month: int, day: int, weekday: int, latest: int) -> list[int]:
    """Every year from EARLIEST_YEAR to ``latest`` in which day/month falls on ``weekday``."""
    return list(_weekday_years(month, day, weekday, latest))


@lru_cache(maxsize=1024)
def _weekday_years(month: int, day: int, weekday: int, latest: int) -> tuple[int, ...]:
    # the same few dated weekdays recur across articles; each costs some forty calendar look-ups
    return tuple(y for y in range(EARLIEST_YEAR, latest + 1)
                 if (d := make(y, month, day)) is not None and d.weekday() == weekday)


def likely_year(candidates: Iterable[int], named: Iterable[int], at_least: int | None = None) -> int | None:
    """The candidate year that best fits the years an article names.

    Articles mostly name years before their own (a cost of one a year back) and seldom
    years after it (``FUTURE_MENTION_WEIGHT`` a year ahead). ``at_least`` is a lower
    bound the text sets ("more than four years since 2012"). With nothing named, the
    latest candidate wins.
    """
    years = list(named)
    every = list(candidates)
    pool = [c for c in every if at_least is None or c >= at_least] or every
    if not pool:
        return None
    if not years:
        return max(pool)

    def cost(c: int) -> tuple[int, int]:
        total = sum(c - y if y <= c else FUTURE_MENTION_WEIGHT * (y - c) for y in years)
        return total, -c

    return min(pool, key=cost)


def neighbours(candidates: Iterable[int], chosen: int, at_least: int | None = None) -> list[int]:
    """The candidate years next to ``chosen`` on either side (those at or after ``at_least``):
    what a reader should know a guessed year could also have been."""
    pool = sorted(c for c in set(candidates) if at_least is None or c >= at_least)
    before = [c for c in pool if c < chosen][-1:]
    after = [c for c in pool if c > chosen][:1]
    return before + after
