"""Quotes against peer test sets: PolNeAR (English) and ADAQ (Russian sentences).

For each ADAQ sentence with a gold quote: content found (a predicted quote covers at least
half of the gold content's characters) and source found (the predicted speaker's name,
or the phrase it was resolved from, shares a word with the gold source tokens, words
compared by stem: see ``_same_stem``).

PolNeAR test split: see ``polnear``.
Run: PYTHONPATH=src python bench/quotes_peers.py [--misses marks|reported|mixed]
"""

from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from claimtrail.analyzer import analyse
from claimtrail.extract.speakers import Lexicon, lexicon_for, same_stem
from claimtrail.model import Article

PEERS = Path(__file__).resolve().parents[1] / ".." / "shared" / "peers"


def _same_stem(a: str, b: str) -> bool:
    """Russian inflection changes a word's ending: two words match when they share a stem
    that leaves at most two letters of ending on the shorter one, and at least three
    letters ("папа"/"папы", "Путин"/"Путина", "министр"/"министра")."""
    return same_stem(a, b, least=3)


def adaq(lang: str = "ru") -> dict[str, float]:
    folder = PEERS / "adaq"
    sentences: dict[str, str] = {}
    with open(folder / f"{lang}_sentences.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            sentences[row["sentence_id"]] = row["sentences"]
    toks: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with open(folder / f"{lang}_tokens.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            toks[row["sentence_num"]].append((row["text"], row["tags"]))
    n = content_ok = source_ok = predicted = 0
    for sid, text in sentences.items():
        pos, content, source = 0, set(), set()
        for word, tag in toks.get(sid, []):
            at = text.find(word, pos)
            if at < 0:
                continue
            pos = at + len(word)
            if tag == "content":
                content.update(range(at, pos))
            elif tag == "source":
                source.add(word.casefold())
        quotes = analyse(Article(id=sid, text=text, language=lang)).quotes
        predicted += len(quotes)
        if not content:
            continue
        n += 1
        hit = next((q for q in quotes if len(content & set(range(q.span.start, q.span.end))) * 2 >= len(content)), None)
        if hit is None:
            continue
        content_ok += 1
        sp = hit.speaker
        words = set()
        if sp is not None:
            words = {w.casefold().strip(".,") for w in (sp.name + " " + (sp.resolved_from or "")).split()}
        if any(_same_stem(w, g) for w in words for g in source) or (not source and sp is None):
            source_ok += 1
    return {"sentences_with_quote": n, "predicted": predicted, "content_recall": round(content_ok / n, 3),
            "content_and_source": round(source_ok / n, 3)}


# --- PolNeAR (English) ---------------------------------------------------------------

_MARKS = "\"“”"


@dataclass
class Gold:
    content: set[int]
    text: str  # the content as written (parts joined)
    source: str | None
    group: str  # "marks": opens with a quotation mark; "mixed": holds one; "reported": none


def _spans(field: str) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in (part.split() for part in field.split(";"))]


def _polnear_gold(ann: Path, text: str) -> list[Gold]:
    spans: dict[str, list[tuple[int, int]]] = {}
    for line in ann.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            tid, body = line.split("\t")[:2]
            spans[tid] = _spans(body.split(" ", 1)[1])
    out: list[Gold] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        if not line.startswith("E"):
            continue
        args = dict(a.split(":") for a in line.split("\t")[1].split()[1:])
        if "Content" not in args:
            continue
        parts = spans[args["Content"]]
        chars = {i for a, b in parts for i in range(a, b)}
        content = " ".join(text[a:b] for a, b in parts).strip()
        source = " ".join(text[a:b] for a, b in spans[args["Source"]]) if "Source" in args else None
        if content[:1] in _MARKS:
            group = "marks"
        elif any(c in _MARKS for c in content):
            group = "mixed"
        else:
            group = "reported"
        out.append(Gold(chars, content, source, group))
    return out


def _speaker_words(words: str, lex: Lexicon) -> set[str]:
    skip = lex.demonstratives | lex.indefinites | lex.stop_words | lex.leading | lex.between
    out = set()
    for w in re.findall(r"\w+", words.casefold()):
        if w not in skip and len(w) > 1:
            out.add(w)
    return out


def polnear(limit: int | None = None, misses: str | None = None) -> dict[str, dict[str, float]]:
    """PolNeAR test split: one annotator per article (the first .ann file by name).

    Gold: every attribution relation (E line) with a Content; discontinuous spans are the
    union of their parts. Groups: "marks" when the content opens with a quotation mark,
    "mixed" when it holds one elsewhere, "reported" otherwise.
    Recall: a gold content is found when one predicted quote covers at least half of its
    characters. Precision (per predicted kind: direct against "marks", indirect against
    "reported"): a predicted quote is right when at least half of its own characters lie
    in some gold content, or it covers half of one (gold of any group: PolNeAR marks a
    quoted fragment inside a longer attribution as mixed).
    Speaker (over found gold with a Source): the predicted quote that overlaps the gold
    content most has a speaker whose name or the cue phrase it was resolved from shares a
    word with the gold Source span (case-folded; the English pack's determiners, stop,
    leading and "between" words ignored). PolNeAR sources are spans as written, so a gold
    "he" matches a pronoun we resolved (our resolved_from keeps "he said"), and a gold
    "The newspaper" misses our "The Post".
    ``misses``: a group name; each found gold of that group whose speaker is counted wrong
    is printed (article, gold source, our speaker and the phrase it came from, content).
    """
    folder = PEERS / "polnear" / "data" / "test"
    lex = lexicon_for("en")
    chosen: dict[str, Path] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        chosen.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    names = sorted(chosen)[:limit] if limit else sorted(chosen)
    groups = ("marks", "mixed", "reported")
    gold_n = dict.fromkeys(groups, 0)
    found = dict.fromkeys(groups, 0)
    spk_n = dict.fromkeys(groups, 0)
    spk_ok = dict.fromkeys(groups, 0)
    pred_n = {"direct": 0, "indirect": 0}
    pred_ok = {"direct": 0, "indirect": 0}
    for name in names:
        text = (folder / "text" / f"{name}.txt").read_text(encoding="utf-8")
        gold = _polnear_gold(chosen[name], text)
        quotes = analyse(Article(id=name, text=text, language="en")).quotes
        qspans = [set(range(q.span.start, q.span.end)) for q in quotes]
        for q, qs in zip(quotes, qspans, strict=True):
            pred_n[q.kind] += 1
            if any(len(qs & g.content) * 2 >= len(qs) or len(qs & g.content) * 2 >= len(g.content) for g in gold):
                pred_ok[q.kind] += 1
        for g in gold:
            gold_n[g.group] += 1
            best = max(range(len(quotes)), key=lambda i: len(qspans[i] & g.content), default=None)
            if best is None or len(qspans[best] & g.content) * 2 < len(g.content):
                continue
            found[g.group] += 1
            if g.source is None:
                continue
            spk_n[g.group] += 1
            sp = quotes[best].speaker
            if sp is not None:
                said = _speaker_words(f"{sp.name} {sp.resolved_from or ''}", lex)
                if said & _speaker_words(g.source, lex):
                    spk_ok[g.group] += 1
                    continue
            if misses == g.group:
                ours = f"{sp.name!r} from {sp.resolved_from!r}" if sp is not None else "None"
                print(f"MISS {name}\tgold={g.source!r}\tours={ours}\t{g.text[:110]!r}")
    out: dict[str, dict[str, float]] = {}
    for grp, kind in (("marks", "direct"), ("reported", "indirect")):
        recall = found[grp] / max(gold_n[grp], 1)
        precision = pred_ok[kind] / max(pred_n[kind], 1)
        f1 = 2 * precision * recall / max(precision + recall, 1e-9)
        out[grp] = {"gold": gold_n[grp], "found": found[grp], "recall": round(recall, 3),
                    "predicted": pred_n[kind], "precision": round(precision, 3), "f1": round(f1, 3),
                    "speaker_acc": round(spk_ok[grp] / max(spk_n[grp], 1), 3)}
    out["mixed"] = {"gold": gold_n["mixed"], "found": found["mixed"],
                    "recall": round(found["mixed"] / max(gold_n["mixed"], 1), 3),
                    "speaker_acc": round(spk_ok["mixed"] / max(spk_n["mixed"], 1), 3)}
    out["articles"] = {"n": len(names)}
    return out


def main() -> int:
    if not (PEERS / "adaq").is_dir() and not (PEERS / "polnear").is_dir():
        print("../shared/peers is not present", file=sys.stderr)
        return 1
    misses = sys.argv[sys.argv.index("--misses") + 1] if "--misses" in sys.argv[:-1] else None
    if (PEERS / "polnear").is_dir():
        for group, row in polnear(misses=misses).items():
            print("PolNeAR test", group, row)
    if (PEERS / "adaq").is_dir():
        print("ADAQ ru:", adaq("ru"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
