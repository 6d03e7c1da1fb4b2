"""Peer bench for dates: dateparser's Indonesian and Russian test cases and Duckling's
Russian time corpus, read from ../shared/peers. Prints the share resolved right.

Duckling: examples at Day, Month or Year grain (the forms a news date takes) resolved
against Duckling's reference date, Tuesday 2013-02-12; our first mention must cover the
example and carry the expected value. Hour, minute, week and quarter grains are times
or spans, not dates, and are counted apart.
dateparser: test_search cases (text, [(substring, datetime)]) resolved against their
RELATIVE_BASE or the first dated mention; each expected substring must be found with
its date.

    PYTHONPATH=src python bench/dates_peers.py
"""

from __future__ import annotations

import ast
import json
import re
import sys
from datetime import date
from pathlib import Path

from claimtrail.extract.dates import analyse_dates, grammar_for

PEERS = Path(__file__).resolve().parents[1] / ".." / "shared" / "peers"
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


if __name__ == "__main__":
    dateparser_cases()
    duckling()
