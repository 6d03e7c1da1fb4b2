"""Peer bench for figures, read from ../shared/peers (or $CLAIMTRAIL_SHARED/peers).
Prints markdown tables.

NewsQuant (CQE's 590 English news sentences). Matching, per sentence, one to one:
a gold quantity is matched by the first unused figure whose value is np.isclose-equal
(rtol 1e-5, as in CQE's evaluate_models.py) to the gold value; a gold range "a-b" needs
our low and high to equal a and b. Among the candidates a figure whose unit also matches
is preferred. Value P/R/F1 = matched / figures, matched / gold. Value+unit counts a match
only when the units agree: our unit is mapped to CQE's normalized unit names (percent ->
percentage, USD -> dollar, year -> year or "year of age", km -> kilometre, ...); a count
agrees with a gold noun unit ("people", "worker", "first-team player") when our concept or the
singular of the last word of our counted phrase is that noun or its head (last word, singular),
and with a gold unit "-"/"count" when
it has no unit. A gold rate "X per Y" ("dollar per barrel") matches our unit X with Y as our counted noun
(round 4: rates keep the amount's unit and count the "per" noun). Round 5 added gold spellings of
units we already had: "p" (pence), "brake horsepower", "metric ton", "sqm". Round 6: a count per
something ("800,000 barrels a day", "63 cents per share") keeps the rate in our counted phrase; a gold
count rate "X per Y" matches when the head before our rate word is X and the noun after it is Y;
names for the round's new units (N·m, PS, ksi, ppg, rpg, apg, WAR); a gold noun "X of Y" ("barrel
of oil") has its head in X. Round 7: gold spellings "pound-foot", "part per million", and ages in months,
weeks or days ("month of age", as "year of age" already was). Round 8: gold "age" for an age in years; a rate
written with hyphens ("52,000 barrel-a-day") splits as one with spaces does; a gold rate "X per Y" whose Y
is a unit matches our counted phrase when the pack reads that phrase as the unit ("$80 per sq m").
Counted accuracy: over value-matched gold quantities that count
something (gold unit a noun, not a measure, currency, percentage or time) or are a
percentage with a referred concept, the share where what we say is counted matches:
for counts our concept/counted head equals the gold noun or its head, for percentages a word of our
counted phrase is among the gold concept words (CQE's partial concept match).

Duckling ID/RU/EN Numeral corpora and Recognizers-Text English Number, Percent and
NumberRange specs: each case's text is run through the figure extractor; a case is right
when a figure covering the expected span carries the expected value (or range). Cases out
of scope for news figures by the guidelines (ordinals) are counted apart. A NumberRange
interval with equal ends ("equals 20" -> [20,20]) is matched by an exact figure of that value
(round 5; before, it needed low and high, which no single value has).

    PYTHONPATH=src python bench/figures_peers.py [N]   # N: print N failures per set
    PYTHONPATH=src python bench/figures_peers.py --speed   # figures' share of analyze time
    PYTHONPATH=src python bench/figures_peers.py --instructions   # the same in CPU instructions (valgrind)
    PYTHONPATH=src python bench/figures_peers.py --write   # also rewrite its section of RESULTS.md

A failing case whose expected reading the guidelines rule out (a leading-zero code, a vague
"a few", a date-like "1/5", ...) stays a failure in its denominator; the tables count it apart
with the reason (round 5).
"""

from __future__ import annotations

import gc
import json
import math
import os
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from claimtrail.extract.figures import find, rules_for
from claimtrail.extract.numbers import tokenize
from claimtrail.model import Figure

SHARED = Path(os.environ.get("CLAIMTRAIL_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared"))
PEERS = SHARED / "peers"
SHOW = next((int(a) for a in sys.argv[1:] if a.isdigit()), 0)

#: our unit -> CQE normalized unit names
UNIT_NAMES: dict[str, set[str]] = {
    "percent": {"percentage"}, "percentage point": {"percentage point", "percentage"},
    "USD": {"dollar", "united states dollar"}, "EUR": {"euro"}, "GBP": {"pound sterling"},
    "JPY": {"japanese yen"}, "CNY": {"chinese yuan"}, "AUD": {"australian dollar"},
    "CAD": {"canadian dollar"}, "HKD": {"hong kong dollar"}, "MYR": {"malaysian ringgit"},
    "ILS": {"shekel"}, "INR": {"indian rupee"}, "IDR": {"indonesian rupiah"}, "RUB": {"russian ruble"},
    "year": {"year", "year of age", "age"}, "month": {"month", "month of age"}, "week": {"week", "week of age"},
    "day": {"day", "day of age"},
    "hour": {"hour"}, "minute": {"minute"}, "second": {"second"},
    "km": {"kilometre"}, "m": {"metre"}, "cm": {"centimetre"}, "mm": {"millimetre"}, "mi": {"mile"},
    "kg": {"kilogram"}, "g": {"gram"}, "ton": {"ton", "tonne", "metric ton"}, "ha": {"hectare"}, "l": {"litre"},
    "km/h": {"kilometre per hour"}, "mph": {"mile per hour"}, "acre": {"acre"},
    "times": {"times", "fold"}, "magnitude": {"magnitude"}, "in": {"inch"}, "ft": {"foot"}, "yd": {"yard"},
    "lb": {"pound-mass"}, "ml": {"millilitre"}, "degree": {"degree", "celsius", "fahrenheit"}, "°C": {"celsius"},
    "°F": {"fahrenheit"}, "GB": {"gigabyte"}, "MB": {"megabyte"}, "TB": {"terabyte"}, "Mbps": {"megabit per second"},
    "Hz": {"hertz"}, "kHz": {"kilohertz"}, "MHz": {"megahertz"}, "GHz": {"gigahertz"}, "W": {"watt"},
    "kW": {"kilowatt"}, "kWh": {"kilowatt hour"}, "MW": {"megawatt"}, "GW": {"gigawatt"}, "mAh": {"milliampere-hour"},
    "hp": {"horsepower", "brake horsepower"}, "rpm": {"revolutions per minute"}, "mpg": {"mile per gallon"},
    "sq ft": {"square foot"},
    "m2": {"square metre", "sqm"}, "km2": {"square kilometre"}, "barrel": {"barrel"}, "NZD": {"new zealand dollar"},
    "GBX": {"penny", "pence", "p"}, "DKK": {"danish krone"}, "SEK": {"swedish krona"}, "μm": {"micrometre"},
    "nm": {"nanometre"}, "mg": {"milligram"}, "Gt": {"gigaton"}, "dB": {"decibel"}, "cu ft": {"cubic foot"},
    "ppm": {"parts-per-million", "part per million"}, "ppb": {"parts-per-billion"}, "kcal": {"calorie", "kilocalorie"},
    "bp": {"basis point"}, "sq mi": {"square mile"}, "lb-ft": {"foot pound-force", "pound-foot"},
    "GWh": {"gigawatt hour"},
    "MWh": {"megawatt hour"}, "kV": {"kilovolt"}, "MPa": {"megapascal"}, "GPa": {"gigapascal"}, "kn": {"knot"},
    # round 6: units new in this round
    "N·m": {"newton metre"}, "PS": {"horsepower"}, "ksi": {"kilopound per square inch"},
    "ppg": {"point per game"}, "rpg": {"rebound per game"}, "apg": {"assist per game"},
    "WAR": {"win above replacement"},
}
MEASURES = set().union(*UNIT_NAMES.values()) | {
    "inch", "yard", "foot", "degree", "celsius", "fahrenheit", "horsepower", "gigabyte", "hertz",
    "kilowatt", "watt", "gigawatt", "square metre", "mile per gallon", "cent", "sen", "point", "basis point",
    "pound-mass", "barrel per day", "dollar per barrel", "micrometre", "millilitre", "gigaton", "count", "-",
    "% -", "parts-per-billion", "gigapascal", "metre per second", "milliampere-hour",
}


def _singular(w: str) -> str:
    """English singular for matching heads (round 5: "boss" stays "boss", "launches" -> "launch",
    "fishermen" -> "fisherman"; before, "boss" became "bos" and "launches" "launche")."""
    w = w.casefold()
    if w.endswith(("ss", "us", "is")):
        return w
    for end, add in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"), ("ses", "s"),
                     ("men", "man"), ("s", "")):
        if w.endswith(end) and len(w) > len(end) + 2:
            return w[: len(w) - len(end)] + add
    return w


def _counted_words(f: Figure) -> set[str]:
    """Our counted phrase's words, split as the gold concept is (on spaces and commas, round 5:
    "TA-125" stays whole) and into word characters."""
    text = f.counted or ""
    words = {_singular(w) for w in re.findall(r"\w+", text)} | {_singular(w) for w in re.split(r"[,\s]+", text) if w}
    if f.concept:
        words |= set(f.concept.split())
    return words


def _split_rate(counted: str) -> tuple[str, str | None]:
    """Our counted phrase split at an English rate word (round 6: "barrels a day", "cents per share"
    name what is counted, then what it is counted against)."""
    m = re.search(r"[\s-](?:per|an?|each|every)[\s-]", counted)  # round 8: hyphenated too, "barrel-a-day"
    return (counted[: m.start()], counted[m.end():]) if m else (counted, None)


def _counted_head(f: Figure) -> set[str]:
    heads = set()
    if f.concept:
        heads.add(f.concept)
    if f.counted:
        words = re.findall(r"[\w-]+", _split_rate(f.counted)[0])
        if words:
            heads.add(_singular(words[-1]))
    if "person" in heads:
        heads |= {"people", "person"}
    return heads


def _gold_value(v: str) -> float | tuple[float, float]:
    if "-" in v and not v.startswith("-") and "E" not in v:
        a, b = v.split("-")[:2]
        return float(a), float(b)
    return float(v)


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-5, abs_tol=1e-8)


def _value_ok(gold: float | tuple[float, float], f: Figure) -> bool:
    if isinstance(gold, tuple):
        return f.low is not None and f.high is not None and _close(gold[0], f.low) and _close(gold[1], f.high)
    return f.value is not None and _close(gold, f.value)


def _noun_ok(gold_noun: str, f: Figure) -> bool:
    """A gold noun (phrase) agrees with what we count when its head (last word, singular)
    is our concept or the head of our counted phrase: "first-team player" ~ "players"."""
    g = gold_noun.casefold()
    if " per " in g and f.unit == "count":
        # a count per something (round 6): the amount is our head, the "per" noun what follows our rate word
        amount, per = g.split(" per ", 1)
        rest = _split_rate(f.counted or "")[1]
        per_words = re.findall(r"[\w-]+", rest or "")
        return (bool(per_words) and _singular(per_words[-1]) == _singular(per.split()[-1])
                and (amount == "count" or _noun_ok(amount, f)))
    heads = _counted_head(f)
    g = g.split(" of ", 1)[0]  # round 6: "barrel of oil" has its head before "of"
    words = re.findall(r"[\w-]+", g)
    return g in heads or _singular(g) in heads or (bool(words) and _singular(words[-1]) in heads)


def _unit_ok(gold_unit: str, f: Figure) -> bool:
    g = gold_unit.casefold()
    if f.unit == "count":
        if g in ("-", "count", "% -"):
            return True
        return _noun_ok(g, f)
    names = UNIT_NAMES.get(f.unit, {f.unit.casefold()})
    if " per " in g and f.counted:
        # a rate: our unit is the amount's, the "per" noun is our counted phrase ("$58 per barrel")
        amount, per = g.split(" per ", 1)
        return amount in names and (_noun_ok(per, f) or per in _unit_names_of(f.counted))
    return g in names


def _unit_names_of(phrase: str) -> set[str]:
    """CQE's names for a counted phrase that is a unit as the en pack reads it (round 8: "$80 per sq m" counts
    against square metres)."""
    toks = tokenize(phrase)
    hit = rules_for("en").after.forward(toks, 0)
    return UNIT_NAMES.get(hit[0], {hit[0].casefold()}) if hit is not None and hit[1] == len(toks) else set()


# ---------------------------------------------------------------------- failures against the guidelines
# A failing case whose expected reading the guidelines (../shared/eval/GUIDELINES.md) or the dev gold
# rule out stays a failure in its denominator; it is only counted apart, with the reason, so that
# what is left to fix can be told from what is a convention.

_VAGUE = {"a few", "few", "a couple", "a couple of", "a pair", "single", "nil", "kosong", "нисколько"}
_CASE_REASONS: tuple[tuple[str, str], ...] = (
    (r"^-?,?0\d", "leading-zero number: a code by the guidelines"),
    (r"^\d{1,2}/\d{1,2}$", "bare a/b that can be a date (13/12)"),
    (r"^- \d", "dash and a space before the number: a list dash in news text"),
    (r"\d+\.\d+\.\d+\.\d+|\+\d-|\d+/\d+/\d{4}|SCP-|nrs\.|version two|nought-four| 0000 ",
     "address, phone number, date, code, version or score: not a figure by the guidelines"),
    (r"\b(out of|in)\b", "'one in five' reads as two counts, as the dev gold does ('1 dari 17 orang')"),
    (r"\bthe (tenth|fifteenth)\b", "ordinals as bounds: ordinals are not figures"),
    (r"\b(two|three|four|five|six|seven|eight|nine|ten) (hundredth|thousandth|millionth|billionth)\b",
     "ordinal: a number above one before a singular scale ordinal ('the two millionth visitor')"),
    (r"^\d+[Gg]$", "'10G': integer + G is a network generation ('5G') in news"),
    (r"^\d+ l$", "'30 l': 'l' is the litre, a unit the guidelines list (Duckling reads lakh)"),
    (r"\bKr$", "'Kr' is the krona or krone sign in news (Duckling reads crore)"),
)


def _apart(lang: str, text: str, expected: str = "") -> str | None:
    """The guideline reason a failing case is not ours to read, or None."""
    t = text.strip()
    if t.casefold() in _VAGUE:
        return "vague or idiomatic word ('a few', 'a couple', 'single', 'nil'): not a figure by the guidelines"
    if lang == "ID" and re.search(r"\dM$", t):
        return "Indonesian 'M' is miliar (10^9) in Indonesian news, Duckling reads million"
    if expected == "null":
        return "no number in the text ('percent', '%'): nothing to read"
    for pattern, reason in _CASE_REASONS:
        if re.search(pattern, t if "ordinal" not in reason else text):
            return reason
    return None


def _newsquant_apart(q: dict[str, Any], text: str) -> str | None:
    """NewsQuant gold items the guidelines read otherwise (a missed item only)."""
    gv = _gold_value(q["value"])
    if isinstance(gv, tuple):
        low, high = gv
        if (low.is_integer() and high.is_integer() and max(low, high) < 100
                and re.search(rf"\b{int(low)}-{int(high)}\b", text)):
            return "a score written 'N-M' ('2-0 down', '9-2 lead'): not a figure by the guidelines"
        if low > high or re.search(r"(?i)\b(rose|rises|rising|climbed|climbs|increased?|increases|grew|grows|jumped|"
                                   r"upward|fell|falls|dropped|declined)\b[^.]*?\bfrom\b", text):
            return "a change 'from X to Y' annotated as a range: two figures by the guidelines"
        if _close(high / max(low, 1e-9), 10.0) and re.search(r"(?i)\b(dozens|tens of|hundreds of|thousands of|"
                                                             r"millions of|billions of)\b", text):
            return "vague 'dozens', 'tens of thousands', 'millions of' as a range: not a figure"
    vague = {12.0: "dozens", 100.0: "hundreds", 1000.0: "thousands", 1e6: "millions"}
    if isinstance(gv, float) and gv in vague and re.search(rf"(?i)\b{vague[gv]} of\b", text):
        return "vague 'dozens', 'tens of thousands', 'millions of' as a range: not a figure"
    if gv == 1 and re.search(r"(?i)\bat one point\b", text):
        return "the idiom 'at one point' (at one time): no quantity"
    if gv == 1 and re.search(r"(?i)\bone of\b", text):
        return "'one of the ...': not a figure by the guidelines"
    if isinstance(gv, float) and 0 < gv < 1 and re.search(r"(?i)\b(one|1) (out )?of (two|three|four|five|\d+)\b", text):
        return "'one of four', 'one out of three' as a share: two counts by the guidelines (dev gold '1 dari 17 orang')"
    if re.search(r"(?i)\b(top|bottom|category|grade) (one|two|three|four|five|\d)\b", text) and isinstance(gv, float) \
            and gv < 10:
        return "a rank or grade ('the top three seeds', 'a category one hurricane'): a code by the guidelines"
    if q["normalized_unit"] == "generation wireless" or re.search(r"\bPS\d", text):
        return "a name ('5G') or a mangled currency sign ('PS2.7m' for £): not read"
    return None


def _reads_apart(f: Figure, gold: float | tuple[float, float]) -> bool:
    """Whether an unmatched figure of ours is the guidelines' reading of a set-apart gold item:
    an end of a gold range (a change 'from X to Y' is two figures), or a count of a gold share
    ('one of four' is 1 and 4)."""
    if f.value is None:
        return False
    if isinstance(gold, tuple):
        return any(_close(f.value, end) for end in gold)
    if 0 < gold < 1:
        return _close(f.value, 1.0) or _close(f.value, 1 / gold)
    return False


def _table(rows: list[list[str]], head: list[str]) -> str:
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(out)


def _prf(tp: int, gold: int, pred: int) -> str:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{p:.3f} / {r:.3f} / **{f:.3f}**"


# ---------------------------------------------------------------------- NewsQuant


def _ours_en(text: str) -> list[dict[str, Any]]:
    return [{"fig": f} for f in find(text, rules_for("en"))]


def newsquant() -> list[str]:
    path = PEERS / "newsquant" / "NewsQuant.json"
    if not path.is_file():
        return ["NewsQuant: not present"]
    data = json.loads(path.read_text(encoding="utf-8"))
    gold_n = pred_n = pred_apart = v_tp = vu_tp = c_total = c_ok = 0
    misses: list[str] = []
    extras: list[str] = []
    unit_bad: list[str] = []
    concept_bad: list[str] = []
    apart: dict[str, int] = {}
    t0 = time.perf_counter()
    for item in data:
        text = item["text"]
        figs = find(text, rules_for("en"))
        pred_n += len(figs)
        gold_n += len(item["quantities"])
        used: set[int] = set()
        apart_values: list[float | tuple[float, float]] = []
        for q in item["quantities"]:
            gv = _gold_value(q["value"])
            cands = [n for n, f in enumerate(figs) if n not in used and _value_ok(gv, f)]
            if not cands:
                misses.append(f"{q['value']} {q['unit']!r} in {text!r}")
                reason = _newsquant_apart(q, text)
                if reason is not None:
                    apart[reason] = apart.get(reason, 0) + 1
                    apart_values.append(gv)
                continue
            with_unit = [n for n in cands if _unit_ok(q["normalized_unit"], figs[n])]
            n = (with_unit or cands)[0]
            used.add(n)
            f = figs[n]
            v_tp += 1
            if with_unit:
                vu_tp += 1
            else:
                unit_bad.append(f"{q['value']} gold {q['normalized_unit']!r} ours {f.unit}/{f.counted!r}: {text!r}")
            gu = q["normalized_unit"].casefold()
            concept = q["referred_concepts"]
            if f.unit == "count" and gu not in MEASURES:
                c_total += 1
                if _noun_ok(gu, f):
                    c_ok += 1
                else:
                    concept_bad.append(f"{q['value']} gold {gu!r} ours {f.concept}/{f.counted!r}: {text!r}")
            elif gu == "percentage" and concept not in ("-", ""):
                c_total += 1
                gold_words = {_singular(w) for w in re.split(r"[,\s]+", concept) if w}
                if gold_words & _counted_words(f):
                    c_ok += 1
                else:
                    concept_bad.append(f"% gold {concept!r} ours {f.concept}/{f.counted!r}: {text!r}")
        for n, f in enumerate(figs):
            if n not in used:
                extras.append(f"{text[f.span.start:f.span.end]!r} ({f.value}) in {text!r}")
                if any(_reads_apart(f, gv) for gv in apart_values):
                    pred_apart += 1
    secs = time.perf_counter() - t0
    out = [f"### NewsQuant (590 English sentences, {gold_n} gold quantities)", "",
           _table([["claimtrail", _prf(v_tp, gold_n, pred_n), _prf(vu_tp, gold_n, pred_n),
                    f"{c_ok}/{c_total} = **{c_ok / max(c_total, 1):.3f}**", f"{secs:.2f} s"],
                   ["CQE (paper)", "F1 0.920", "F1 0.856", "0.570 (value+concept)", ""]],
                  ["system", "value P / R / F1", "value+unit P / R / F1", "counted accuracy", "time"])]
    if apart:
        kept = gold_n - sum(apart.values())
        out += ["", f"Of the {len(misses)} missed gold quantities, {sum(apart.values())} are read otherwise by the "
                "guidelines (still counted as missed):", "",
                _table([[k, str(v)] for k, v in sorted(apart.items(), key=lambda e: -e[1])], ["reason", "missed"]),
                "", f"For reading only, on the {kept} gold quantities the guidelines leave to us, without the "
                f"{pred_apart} figures of ours that read those set-apart quantities the guidelines' way (the two "
                "ends of a change 'from X to Y', the two counts of 'one of four'): value P / R / F1 "
                f"{_prf(v_tp, kept, pred_n - pred_apart)}, value+unit {_prf(vu_tp, kept, pred_n - pred_apart)}. "
                "The table above keeps every gold quantity and every figure of ours."]
    out += _optional_newsquant(data)
    for title, rows in (("missed", misses), ("extra", extras), ("unit", unit_bad), ("counted", concept_bad)):
        if SHOW:
            print(f"-- NewsQuant {title} ({len(rows)})", file=sys.stderr)
            for row in rows[:SHOW]:
                print("   ", row, file=sys.stderr)
    return out


def _optional_newsquant(data: list[dict[str, Any]]) -> list[str]:
    """quantulum3 on the same sentences, value and value+unit, when it is installed."""
    try:
        from quantulum3 import parser as q3  # type: ignore[import-not-found, import-untyped, unused-ignore]
    except Exception:  # any failure to import skips the column
        return ["", "quantulum3: not installed, column skipped. Recognizers-Text (python): not installed, skipped."]
    gold_n = pred_n = v_tp = 0
    for item in data:
        try:
            quants = q3.parse(item["text"])
        except Exception:  # a peer crash counts as no output
            quants = []
        pred_n += len(quants)
        gold_n += len(item["quantities"])
        used: set[int] = set()
        for q in item["quantities"]:
            gv = _gold_value(q["value"])
            for n, qq in enumerate(quants):
                val = float(qq.value)
                if n not in used and not isinstance(gv, tuple) and _close(gv, val):
                    used.add(n)
                    v_tp += 1
                    break
    return ["", _table([["quantulum3", _prf(v_tp, gold_n, pred_n)]], ["peer", "value P / R / F1"]),
            "", "Recognizers-Text (python): not installed, skipped."]


# ---------------------------------------------------------------------- numeral corpora


def _covering(figs: list[Figure], start: int, end: int) -> list[Figure]:
    return [f for f in figs if f.span.start < end and start < f.span.end]


def _hit(figs: list[Figure], want: float | tuple[float, float]) -> bool:
    return any(_value_ok(want, f) for f in figs)


def duckling_numerals() -> list[str]:
    path = PEERS / "duckling" / "duckling_examples.jsonl"
    if not path.is_file():
        return ["Duckling: not present"]
    rows = []
    fails: list[str] = []
    apart: dict[str, list[str]] = {}
    for lang in ("ID", "RU", "EN"):
        total = right = 0
        for rec in _jsonl(path):
            if rec["lang"] != lang or rec["dimension"] != "Numeral":
                continue
            m = re.fullmatch(r"NumeralValue \(?(-?[\d.e]+)\)?", rec["expected"].strip())
            if not m:
                continue
            want = float(m[1])
            figs = find(rec["text"], rules_for(lang.lower()))
            total += 1
            if _hit(figs, want):
                right += 1
            else:
                fails.append(f"{lang} {rec['text']!r}: want {want}, got {[f.value for f in figs]}")
                reason = _apart(lang, rec["text"])
                if reason is not None:
                    apart.setdefault(reason, []).append(f"{lang} {rec['text']!r}")
        n_apart = sum(1 for v in apart.values() for c in v if c.startswith(lang))
        rows.append([f"Duckling {lang} Numeral", str(total), "0", f"{right}/{total} = **{right / max(total, 1):.3f}**",
                     str(n_apart)])
    _show("Duckling", fails)
    return [_table(rows, ["set", "cases", "out of scope", "value right", "failing against the guidelines"]),
            "", *_apart_list("Duckling", apart)]


def _apart_list(title: str, apart: dict[str, list[str]]) -> list[str]:
    if not apart:
        return []
    lines = [f"{title} failures read otherwise by the guidelines (kept in the denominators above):", ""]
    for reason, cases in sorted(apart.items(), key=lambda e: -len(e[1])):
        lines.append(f"- {reason}: {len(cases)} ({', '.join(cases)})")
    return lines


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


#: Recognizers-Text subtypes that are not news figures by the guidelines
_OUT_OF_SCOPE = {"ordinal": "ordinal", "ordinal.relative": "ordinal (relative)", "power": "power notation"}


def _range_value(res: str) -> tuple[float | None, float | None]:
    m = re.fullmatch(r"[\[(]\s*(-?[\d.e+]*)\s*,\s*(-?[\d.e+]*)\s*[\])]", res.strip())
    if not m:
        return None, None
    return (float(m[1]) if m[1] else None), (float(m[2]) if m[2] else None)


def recognizers() -> list[str]:
    base = PEERS / "recognizers-text" / "Specs" / "Number" / "English"
    if not base.is_dir():
        return ["Recognizers-Text: not present"]
    rows = []
    fails: list[str] = []
    apart: dict[str, list[str]] = {}
    for name in ("NumberModel", "PercentModel", "NumberRangeModel"):
        n_apart = 0
        cases = json.loads((base / f"{name}.json").read_text(encoding="utf-8-sig"))
        total = right = 0
        excluded: dict[str, int] = {}
        for case in cases:
            text = case["Input"]
            figs: list[Figure] | None = None
            for res in case.get("Results", []):
                sub = res["Resolution"].get("subtype", "")
                if sub in _OUT_OF_SCOPE:
                    excluded[_OUT_OF_SCOPE[sub]] = excluded.get(_OUT_OF_SCOPE[sub], 0) + 1
                    continue
                if figs is None:
                    figs = find(text, rules_for("en"))
                got = _covering(figs, res["Start"], res["End"] + 1)
                value = res["Resolution"].get("value", "")
                total += 1
                ok = False
                if name == "NumberRangeModel":
                    low, high = _range_value(value)
                    if low is not None and high is not None and low == high:
                        # "[20,20]" ("equals 20"): the number is exactly 20, an exact figure
                        ok = any(f.value is not None and _close(f.value, low) and f.qualifier == "exact" for f in got)
                    elif low is not None and high is not None:
                        ok = _hit(got, (low, high))
                    elif low is not None or high is not None:
                        bound = low if low is not None else high
                        ok = any(f.value is not None and _close(f.value, bound or 0.0) and f.qualifier != "exact"
                                 for f in got)
                else:
                    num = value.rstrip("%").replace(",", "")
                    try:
                        ok = _hit(got, float(num))
                    except ValueError:
                        ok = False
                if ok:
                    right += 1
                else:
                    fails.append(f"{name} {res['Text']!r} ({value}) in {text!r}: got "
                                 f"{[(f.value, f.low, f.high, f.qualifier) for f in got]}")
                    reason = _apart("EN", text if _CODE_CASE.search(text) else res["Text"], str(value))
                    if reason is not None:
                        n_apart += 1
                        apart.setdefault(reason, []).append(f"{res['Text']!r}")
        ex = ", ".join(f"{k} {v}" for k, v in sorted(excluded.items())) or "0"
        share = f"{right}/{total} = **{right / max(total, 1):.3f}**"
        rows.append([f"Recognizers-Text EN {name}", str(total), ex, share, str(n_apart)])
    _show("Recognizers", fails)
    return [_table(rows, ["set", "cases", "out of scope", "value right", "failing against the guidelines"]),
            "", *_apart_list("Recognizers-Text", apart)]


#: whole inputs that are codes, addresses, phone numbers or dates: classified by the input, not the span
_CODE_CASE = re.compile(r"\d+\.\d+\.\d+\.\d+|\+\d-|\d+/\d+/\d{4}|SCP-|nrs\.|version two|nought-four| 0000 "
                        r"|hundredth|thousandth|millionth|billionth")


def _show(title: str, rows: list[str]) -> None:
    if SHOW:
        print(f"-- {title} failures ({len(rows)})", file=sys.stderr)
        for row in rows[:SHOW]:
            print("   ", row, file=sys.stderr)


def speed(limit: int = 400) -> list[str]:
    """The whole pipeline on IndoSum articles (language identified, as in normal runs), each
    stage timed in the same run; figures' share = figures time / time of all other stages."""
    from dataclasses import replace

    from claimtrail.analyzer import default_pipeline
    from claimtrail.model import Analysis, Article

    path = SHARED / "corpus" / "indosum" / "indosum_dev_union.jsonl"
    if not path.is_file():
        return ["speed: IndoSum not present"]
    arts = []
    for rec in _jsonl(path):
        arts.append(Article(str(rec["id"]), rec["text"]))
        if len(arts) >= limit:
            break
    pipe = default_pipeline()
    pipe.run(arts[0])
    best: dict[str, float] = {}
    for _ in range(2):
        spent: dict[str, float] = {}
        for art in arts:
            an = Analysis(article=art)
            for st in pipe.stages:
                t0 = time.perf_counter()
                added = st.run(an)
                spent[st.name] = spent.get(st.name, 0.0) + time.perf_counter() - t0
                an = replace(an, **added)
        best = {k: min(v, best.get(k, math.inf)) for k, v in spent.items()}
    fig = best["figures"]
    rest = sum(best.values()) - fig
    return [f"### Speed, {len(arts)} IndoSum articles, whole pipeline, language identified (best of 2)", "",
            _table([[f"{rest:.2f} s", f"{fig:.2f} s ({1000 * fig / len(arts):.2f} ms an article)",
                     f"**+{100 * fig / rest:.0f}%**"]],
                   ["all other stages", "figures stage", "figures add"]), "", *_analyze_with_and_without(path, limit)]


def _analyze_with_and_without(path: Path, limit: int) -> list[str]:
    """What the figures stage adds to ``analyze --jsonl`` as a user runs it: the same records read,
    analysed and written as JSON Lines in process by the command's own functions, once with the
    default pipeline and once with the figures stage giving no figures; CPU time, five runs of
    each, alternating."""
    import io
    import tempfile

    from claimtrail.ingest.readers import job_item, read_jsonl_file
    from claimtrail.model import Article, analysis_record
    from claimtrail.pipeline import Pipeline

    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.jsonl"
        with path.open(encoding="utf-8") as src, sample.open("w", encoding="utf-8") as dst:
            for n, line in enumerate(src):
                if n >= limit:
                    break
                dst.write(line)
        full, bare = _pipeline(True), _pipeline(False)

        def run(pipe: Pipeline) -> float:
            out = io.StringIO()
            t0 = time.process_time()
            for job in read_jsonl_file(sample):
                item = job_item(job)
                if isinstance(item, Article):
                    out.write(json.dumps(analysis_record(pipe.run(item)), ensure_ascii=False) + "\n")
            return time.process_time() - t0

        run(full)
        run(bare)
        times: dict[str, list[float]] = {"with": [], "without": []}
        for _ in range(5):
            gc.collect()
            times["with"].append(run(full))
            gc.collect()
            times["without"].append(run(bare))
    mid = {k: sorted(v)[len(v) // 2] for k, v in times.items()}
    add = mid["with"] / mid["without"] - 1
    spread = [f"{a / b - 1:+.0%}" for a, b in zip(times["with"], times["without"], strict=True)]
    return [f"`analyze --jsonl` on the same {limit} records (read, analysed, written as JSON Lines, in process; "
            "CPU, five runs each, alternating; the median of each, and each pair's ratio):", "",
            _table([[f"{mid['without']:.2f} s", f"{mid['with']:.2f} s", f"**+{100 * add:.0f}%**", ", ".join(spread)]],
                   ["figures stage giving no figures", "default pipeline", "figures add to analyze", "pairs"])]


def _analyze_once(variant: str, limit: int = 150) -> None:
    """The work that ``--instructions`` counts: ``limit`` IndoSum records analysed and written as
    JSON Lines with the default pipeline (``with``) or the figures stage giving no figures
    (``without``), inside ``functools.reduce`` so that callgrind counts that loop alone."""
    import functools
    import io
    from itertools import islice

    from claimtrail.model import Article, analysis_record

    path = SHARED / "corpus" / "indosum" / "indosum_dev_union.jsonl"
    arts = [Article(str(r["id"]), r["text"]) for r in islice(_jsonl(path), limit + 20)]
    pipe = _pipeline(variant == "with")
    out = io.StringIO()
    for art in arts[limit:]:
        out.write(json.dumps(analysis_record(pipe.run(art)), ensure_ascii=False))
    functools.reduce(lambda _, art: out.write(json.dumps(analysis_record(pipe.run(art)), ensure_ascii=False)),
                     arts[:limit], 0)


def _pipeline(with_figures: bool) -> Any:
    """The default pipeline, or the same with a figures stage that gives no figures."""
    from claimtrail.analyzer import EXTRACT, LINK, default_pipeline
    from claimtrail.normalise.stages import STAGES
    from claimtrail.pipeline import Pipeline, Stage

    if with_figures:
        return default_pipeline()
    figures = next(st for st in EXTRACT if st.name == "figures")
    empty = Stage("figures", figures.requires, figures.provides, lambda a: {"figures": ()})
    return Pipeline([*STAGES, *(empty if st.name == "figures" else st for st in EXTRACT), *LINK])


def instructions() -> list[str]:
    """What figures add to analyze in CPU instructions (valgrind's callgrind): the same work each
    run, where CPU time on a shared machine moved by 40% between runs of the same code."""
    import shutil
    import subprocess
    import tempfile

    if shutil.which("valgrind") is None:
        return ["instructions: valgrind not installed"]
    counts: dict[str, int] = {}
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    for variant in ("with", "without"):
        with tempfile.TemporaryDirectory() as tmp:
            done = subprocess.run(
                ["valgrind", "--tool=callgrind", "--toggle-collect=functools_reduce",
                 f"--callgrind-out-file={tmp}/cg.out", sys.executable, __file__, "--analyze-once", variant],
                capture_output=True, text=True, env=env, check=True)
        m = re.search(r"Collected : (\d+)", done.stderr)
        if m is None:
            return [f"instructions: no count in valgrind's output for {variant}"]
        counts[variant] = int(m.group(1))
    add = counts["with"] / counts["without"] - 1
    return ["`analyze --jsonl` on 150 IndoSum records (analysed and written as JSON Lines, in process), "
            "CPU instructions counted by callgrind:", "",
            _table([[f"{counts['without'] / 1e9:.3f} G", f"{counts['with'] / 1e9:.3f} G", f"**+{100 * add:.1f}%**"]],
                   ["figures stage giving no figures", "default pipeline", "figures add to analyze"])]


def main() -> None:
    if "--analyze-once" in sys.argv:
        _analyze_once(sys.argv[sys.argv.index("--analyze-once") + 1])
        return
    if "--speed" in sys.argv:
        print("\n".join(speed()))
        return
    if "--instructions" in sys.argv:
        print("\n".join(instructions()))
        return
    parts = [*newsquant(), "", *duckling_numerals(), "", *recognizers()]
    print("\n".join(parts))
    if "--write" in sys.argv:
        from _results import write_section

        write_section("figures_peers", "\n".join(parts))


if __name__ == "__main__":
    main()
