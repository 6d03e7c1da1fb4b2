"""The seed article through the benchmark's own scorer (skipped without ../shared)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from claimtrail.analyzer import analyse
from claimtrail.model import Article, analysis_record


def test_seed_sources_and_furniture(shared: Path, tmp_path: Path) -> None:
    gold = shared / "eval" / "dev" / "seed.jsonl"
    text = (shared / "seeds" / "000_ffeec86feabfe786.txt").read_text(encoding="utf-8")
    rec = analysis_record(analyse(Article("seed-000", text)))
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    out = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), "score", str(gold), "--pred", str(pred),
                          "--json"], capture_output=True, text=True, check=True)
    score = json.loads(out.stdout)["all"]
    assert score["sources"]["p_r_f1"] == [1.0, 1.0, 1.0]
    assert score["boilerplate_removed"] == 1.0
    assert score["content_kept"] == 1.0
    assert rec["language"] == "id"
