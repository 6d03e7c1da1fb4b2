"""Data flows one way: each layer imports only the shared base and the layers before it."""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "src" / "claimtrail"
BASE = {"model", "errors", "pipeline", "lang", "outlets", "__init__", "__main__"}
ORDER = ["ingest", "normalise", "extract", "link", "analyzer", "store", "batch", "serve"]


def _layer(module: str) -> str:
    return module.split(".")[0]


def test_imports_flow_one_way() -> None:
    bad = []
    for path in PKG.rglob("*.py"):
        rel = path.relative_to(PKG).with_suffix("")
        here = _layer(".".join(rel.parts))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("claimtrail."):
                there = _layer(node.module.removeprefix("claimtrail."))
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names if a.name.startswith("claimtrail.")]
                if not names:
                    continue
                there = _layer(names[0].removeprefix("claimtrail."))
            else:
                continue
            if there in BASE or there == here or here == "__main__":
                continue
            if here in BASE:
                bad.append(f"{rel}: shared base imports layer {there}")
            elif ORDER.index(there) > ORDER.index(here):
                bad.append(f"{rel}: layer {here} imports later layer {there}")
    assert not bad, "\n".join(bad)
