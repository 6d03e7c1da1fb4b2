"""Quotes against peer test sets. Cheapest useful version: ADAQ Russian sentences.

For each ADAQ sentence with a gold quote: content found (a predicted quote covers at least
half of the gold content's characters) and source found (the predicted speaker's name,
or the phrase it was resolved from, shares a word with the gold source tokens).
Run: PYTHONPATH=src python bench/quotes_peers.py
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

from claimtrail.analyzer import analyse
from claimtrail.model import Article

PEERS = Path(__file__).resolve().parents[1] / ".." / "shared" / "peers"


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
        if words & source or (not source and sp is None):
            source_ok += 1
    return {"sentences_with_quote": n, "predicted": predicted, "content_recall": round(content_ok / n, 3),
            "content_and_source": round(source_ok / n, 3)}


def main() -> int:
    if not (PEERS / "adaq").is_dir():
        print("../shared/peers/adaq is not present", file=sys.stderr)
        return 1
    print("ADAQ ru:", adaq("ru"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
