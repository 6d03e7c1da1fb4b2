"""Peer bench for dates: dateparser's Indonesian and Russian test cases and Duckling's
Russian time corpus, read from ../shared/peers. Prints the share resolved right.

Duckling: examples at Day, Month or Year grain (the forms a news date takes) resolved
against Duckling's reference date, Tuesday 2013-02-12; our first mention must cover the
example and carry the expected value. Hour, minute, week and quarter grains are times
or spans, not dates, and are counted apart.
dateparser: test_search cases (text, [(substring, datetime)]) resolved against their
RELATIVE_BASE or the first dated mention; each expected substring must be found with
its date.

Then, per form of date, our rules against the dateparser library (when it is installed; its
column is left out with a note otherwise) on the same isolated expressions with the same
reference date: the dev gold date spans (reference: the gold publication date), the
dateparser test_search substrings and the Duckling examples above. Share resolved right,
and ms per call.

    PYTHONPATH=src python bench/dates_peers.py [N wrong to show]
"""

from __future__ import annotations

import ast
import json
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from claimtrail.extract.dates import analyse_dates, grammar_for

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
PEERS = SHARED / "peers"
DEV = SHARED / "eval" / "dev"
TODAY = date(2026, 11, 29)
_EXPECT = re.compile(r"datetime \((\d+), (\d+), (\d+), [^)]*\) (Day|Month|Year)\b")


def duckling() -> None:
    path = PEERS / "duckling" / "duckling_examples.jsonl"
    if not path.is_file():
        print("duckling: corpus not present")
        return
    g = grammar_for("ru")
    total = right = other_grain = 0
    wrong: list[str] = []
    for line in path.open(encoding="utf-8"):
        rec = json.loads(line)
        if rec["lang"] != "RU" or rec["dimension"] != "Time":
            continue
        m = _EXPECT.search(rec["expected"])
        if not m:
            other_grain += 1
            continue
        y, mo, d, grain = int(m[1]), int(m[2]), int(m[3]), m[4]
        want = {"Day": f"{y:04d}-{mo:02d}-{d:02d}", "Month": f"{y:04d}-{mo:02d}", "Year": f"{y:04d}"}[grain]
        text = rec["text"]
        got = analyse_dates(text, g, given="2013-02-12", today=TODAY).mentions
        total += 1
        if got and got[0].value == want:
            right += 1
        else:
            wrong.append(f"{text!r}: want {want}, got {[x.value for x in got]}")
    print(f"duckling RU Time, day/month/year grain: {right}/{total} = {right / max(total, 1):.2f} "
          f"({other_grain} examples at hour/minute/week/quarter grain not scored)")
    for w in wrong[: int(sys.argv[1]) if len(sys.argv) > 1 else 0]:
        print("   ", w)


def dateparser_cases() -> None:
    path = PEERS / "dateparser" / "dateparser_id_ru_cases.jsonl"
    if not path.is_file():
        print("dateparser: cases not present")
        return
    total = right = 0
    wrong: list[str] = []
    env = {"datetime": __import__("datetime")}
    for line in path.open(encoding="utf-8"):
        rec = json.loads(line)
        if not rec["source_file"].endswith("test_search.py"):
            continue
        args, kw = rec["args"], rec["kwargs"]
        text_src = kw.get("text") or (args[1] if len(args) > 1 else None)
        exp_src = kw.get("expected") or (args[2] if len(args) > 2 else None)
        if text_src is None or exp_src is None:
            continue
        text = ast.literal_eval("(" + text_src + ")")
        expected = eval("(" + exp_src + ")", env)  # trusted peer test data: datetime literals
        settings = kw.get("settings") or (args[3] if len(args) > 3 else "None")
        base = None
        if "RELATIVE_BASE" in settings:
            base = eval(settings, env)["RELATIVE_BASE"].date().isoformat()
        mentions = analyse_dates(text, grammar_for(rec["lang"]), given=base, today=TODAY).mentions
        for sub, when in expected:
            total += 1
            at = text.find(sub)
            hit = [m for m in mentions if m.span.start < at + len(sub) and at < m.span.end]
            if hit and hit[0].value == when.date().isoformat():
                right += 1
            else:
                wrong.append(f"{sub!r}: want {when.date()}, got {[m.value for m in hit]}")
    print(f"dateparser test_search (id, ru): {right}/{total} = {right / max(total, 1):.2f}")
    for w in wrong:
        print("   ", w)


# ---------------------------------------------------------------- rules against dateparser

#: (set, language, expression, reference date, wanted value at its own grain)
Case = tuple[str, str, str, str, str]
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def form_of(text: str, lang: str) -> str:
    """The form of a date expression, from its shape and the pack's names (not from our parse)."""
    g = grammar_for(lang)
    words = {w.casefold() for w in _WORD.findall(text)}
    month, weekday = words & g.months.keys(), words & g.weekdays.keys()
    digits, year = re.findall(r"\d+", text), _YEAR.search(text)
    if re.fullmatch(r"[\d\s/.\-]+", text):
        return "numeric (13/12/2016, 21.05.2017)"
    if weekday and "(" in text and digits:
        return "dated weekday (Selasa (13/12))"
    if month and digits and (len(digits) >= 2 or not year):
        return "day month [year] (19 Juli 2012)" if year else "day month, no year (14 Juli)"
    if month:
        return "month [year] (Desember 2016, в декабре)"
    if year and len(digits) == 1:
        return "year (sejak 2012)"
    if weekday:
        return "weekday reference (Kamis lalu, on Tuesday)"
    if not digits:
        return "relative words (kemarin, вчера)"
    return "other"


def dev_cases() -> list[Case]:
    out: list[Case] = []
    for path in sorted(DEV.glob("*.jsonl")):
        for line in path.open(encoding="utf-8"):
            rec = json.loads(line)
            ref = rec.get("published")
            if not ref:
                continue
            for d in rec.get("dates", []):
                if d.get("value"):
                    out.append(("dev gold", rec["lang"], d["text"], ref, d["value"]))
    return out


def dateparser_search_cases() -> list[Case]:
    path = PEERS / "dateparser" / "dateparser_id_ru_cases.jsonl"
    out: list[Case] = []
    if not path.is_file():
        return out
    env = {"datetime": __import__("datetime")}
    for line in path.open(encoding="utf-8"):
        rec = json.loads(line)
        if not rec["source_file"].endswith("test_search.py"):
            continue
        args, kw = rec["args"], rec["kwargs"]
        exp_src = kw.get("expected") or (args[2] if len(args) > 2 else None)
        if exp_src is None:
            continue
        expected = eval("(" + exp_src + ")", env)  # trusted peer test data: datetime literals
        settings = kw.get("settings") or (args[3] if len(args) > 3 else "None")
        base = eval(settings, env)["RELATIVE_BASE"].date() if "RELATIVE_BASE" in settings else expected[0][1].date()
        for sub, when in expected:
            out.append(("dateparser", rec["lang"], sub, base.isoformat(), when.date().isoformat()))
    return out


def duckling_cases() -> list[Case]:
    path = PEERS / "duckling" / "duckling_examples.jsonl"
    out: list[Case] = []
    if not path.is_file():
        return out
    for line in path.open(encoding="utf-8"):
        rec = json.loads(line)
        if rec["lang"] != "RU" or rec["dimension"] != "Time":
            continue
        m = _EXPECT.search(rec["expected"])
        if m:
            y, mo, d, grain = int(m[1]), int(m[2]), int(m[3]), m[4]
            want = {"Day": f"{y:04d}-{mo:02d}-{d:02d}", "Month": f"{y:04d}-{mo:02d}", "Year": f"{y:04d}"}[grain]
            out.append(("duckling", "ru", rec["text"], "2013-02-12", want))
    return out


def ours(lang: str, text: str, ref: str) -> str | None:
    got = analyse_dates(text, grammar_for(lang), given=ref, today=TODAY).mentions
    return got[0].value if got else None


def dateparser_tool() -> Callable[[str, str, str], str | None] | None:
    try:
        from dateparser.date import DateDataParser
    except ImportError:
        return None
    parsers: dict[tuple[str, str], Any] = {}

    def parse(lang: str, text: str, ref: str) -> str | None:
        key = (lang, ref)
        if key not in parsers:
            base = datetime.fromisoformat(ref)
            parsers[key] = DateDataParser(languages=[lang], settings={
                "RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY"})
        data = parsers[key].get_date_data(text)
        if data is None or data.date_obj is None:
            return None
        d = data.date_obj.date()
        return {"year": f"{d.year:04d}", "month": f"{d.year:04d}-{d.month:02d}"}.get(data.period or "day",
                                                                                  d.isoformat())

    # warm up: the first call loads the language data
    parse("id", "13 Desember 2016", "2016-12-13")
    parse("ru", "13 декабря 2016", "2016-12-13")
    parse("en", "13 December 2016", "2016-12-13")
    return parse


def compare() -> None:
    cases = dev_cases() + dateparser_search_cases() + duckling_cases()
    tools: dict[str, Callable[[str, str, str], str | None]] = {"rules": ours}
    dp = dateparser_tool()
    if dp is None:
        print("\n(dateparser not installed: its column is left out)")
    else:
        tools["dateparser"] = dp
    right: dict[tuple[str, str, str], int] = defaultdict(int)
    total: dict[tuple[str, str], int] = defaultdict(int)
    spent: dict[tuple[str, str], float] = defaultdict(float)
    only: dict[str, list[str]] = defaultdict(list)
    for group, lang, text, ref, want in cases:
        form = form_of(text, lang)
        total[(group, form)] += 1
        got: dict[str, str | None] = {}
        for name, tool in tools.items():
            start = time.perf_counter()
            got[name] = tool(lang, text, ref)
            spent[(name, form)] += time.perf_counter() - start
            right[(name, group, form)] += got[name] == want
        if dp is not None and (got["rules"] == want) != (got["dateparser"] == want):
            winner = "rules" if got["rules"] == want else "dateparser"
            only[winner].append(f"{group}/{lang} {text!r} @{ref}: want {want}, rules {got['rules']}, "
                                f"dateparser {got['dateparser']}")
    names = list(tools)
    print("\n| set | form | n | " + " | ".join(f"{n} right" for n in names) + " |")
    print("|---|---|---|" + "---|" * len(names))
    for group, form in sorted(total):
        n = total[(group, form)]
        cells = " | ".join(f"{right[(t, group, form)]}/{n} = {right[(t, group, form)] / n:.2f}" for t in names)
        print(f"| {group} | {form} | {n} | {cells} |")
    forms = sorted({f for _, f in total})
    print("\n| form | " + " | ".join(f"{n} ms/call" for n in names) + " |")
    print("|---|" + "---|" * len(names))
    for form in forms:
        n = sum(v for (_, f), v in total.items() if f == form)
        print(f"| {form} | " + " | ".join(f"{1000 * spent[(t, form)] / n:.3f}" for t in names) + " |")
    for winner, lines in only.items():
        print(f"\nright only with {winner} ({len(lines)}):")
        for line in lines:
            print("   ", line)


if __name__ == "__main__":
    dateparser_cases()
    duckling()
    compare()
