"""Dev-gold accuracy: run claimtrail on the benchmark's dev articles and score them.

    python bench/accuracy.py [--write]     # --write updates the table in bench/RESULTS.md

Needs ../shared (the benchmark); prints the scorer's table per language.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from _results import write_section

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def run() -> dict[str, dict[str, Any]]:
    score = SHARED / "eval" / "score.py"
    gold = sorted(str(p) for p in (SHARED / "eval" / "dev").glob("*.jsonl"))
    with tempfile.TemporaryDirectory() as tmp:
        inp, out = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
        inp.write_text(subprocess.run([sys.executable, str(score), "input", *gold], capture_output=True, text=True,
                                      check=True).stdout, encoding="utf-8")
        with out.open("w", encoding="utf-8") as f:
            subprocess.run([sys.executable, "-m", "claimtrail", "analyze", "--jsonl", str(inp)], stdout=f, check=True)
        res = subprocess.run([sys.executable, str(score), "score", *gold, "--pred", str(out), "--json"],
                             capture_output=True, text=True, check=True)
    data = json.loads(res.stdout)
    return {"all": data["all"], **data["by_language"]}


def table(results: dict[str, dict[str, Any]]) -> str:
    rows = ["| set | figures F1 (strict) | quotes F1 (strict) | sources F1 | dates F1 (strict) | published "
            "| furniture removed | content kept | ledger F1 |",
            "|---|---|---|---|---|---|---|---|---|"]
    def f1(s: dict[str, Any], cat: str, key: str = "strict_p_r_f1") -> str:
        v = s[cat]
        return f"{v[key][2]:.2f}" if key in v else f"{v['p_r_f1'][2]:.2f}"

    for name, s in results.items():
        rows.append(f"| {name} | {f1(s, 'figures')} | {f1(s, 'quotes')} | {f1(s, 'sources', 'p_r_f1')} "
                    f"| {f1(s, 'dates')} "
                    f"| {s['published_acc']} | {s['boilerplate_removed']} | {s['content_kept']} | {s['ledger_f1']} |")
    return "\n".join(rows)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true", help="update the table in bench/RESULTS.md")
    args = ap.parse_args()
    if not (SHARED / "eval" / "score.py").is_file():
        print("../shared/eval is not here; nothing to measure", file=sys.stderr)
        return 1
    md = table(run())
    print(md)
    if args.write:
        write_section("accuracy", md)
    return 0


if __name__ == "__main__":
    sys.exit(main())
