"""Analyses as Parquet: the Arrow schema of an analysis row, and loading rows into the ledger.

One row per article: the fields of :func:`~claimtrail.model.analysis_record`, with the
lists of items (sources, quotes, figures, dates, ...) as nested lists of structs, plus the
article's ``text`` so that a row holds everything the ledger stores. The item structs are
derived from the dataclasses in :mod:`claimtrail.model`, so a field added there appears
here without a second list to keep in step. Spans are ``[start, end]`` lists, as in the
JSON record, so a row read back is the record itself.

The Spark job (:mod:`claimtrail.batch.spark`) writes these rows; ``claimtrail
load-parquet`` reads them back with :func:`load_parquet`. pyarrow comes with the
``spark`` extra and is imported only when used.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimtrail.errors import ClaimtrailError, InputError
from claimtrail.model import (
    Analysis,
    Article,
    Boilerplate,
    DateMention,
    Entity,
    Figure,
    Quote,
    Repair,
    Source,
    Span,
    analysis_from_record,
    analysis_record,
)
from claimtrail.normalise.stages import split_sentences

if TYPE_CHECKING:
    import pyarrow as pa

    from claimtrail.store.ledger import Ledger

#: the item lists of a record and the dataclass of their items
ITEM_LISTS: dict[str, type] = {
    "repairs": Repair,
    "boilerplate": Boilerplate,
    "sources": Source,
    "entities": Entity,
    "quotes": Quote,
    "figures": Figure,
    "dates": DateMention,
}
#: record keys that are not strings or item lists
COUNTS = ("length", "sentences")


def _pa() -> Any:
    try:
        import pyarrow
    except ImportError:
        raise ClaimtrailError("Parquet needs pyarrow: pip install 'claimtrail[spark]'") from None
    return pyarrow


def _arrow_type(hint: Any) -> pa.DataType:
    """The Arrow type of a model field's type hint (``str``, ``float``, ``Span``, a record, ...)."""
    pa = _pa()
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        if len(args) != 1:
            raise TypeError(f"no Arrow type for {hint}")
        return _arrow_type(args[0])
    if typing.get_origin(hint) is typing.Literal or hint is str:
        return pa.string()
    if hint is Span:
        return pa.list_(pa.int64())
    if hint is float:
        return pa.float64()
    if hint is int:
        return pa.int64()
    if hint is bool:
        return pa.bool_()
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return item_struct(hint)
    raise TypeError(f"no Arrow type for {hint}")


def item_struct(cls: type) -> pa.DataType:
    """The Arrow struct of one item dataclass, its fields in the dataclass's order."""
    pa = _pa()
    hints = typing.get_type_hints(cls)
    return pa.struct([pa.field(f.name, _arrow_type(hints[f.name])) for f in dataclasses.fields(cls)])


@lru_cache(maxsize=1)
def analysis_schema() -> pa.Schema:
    """The Arrow schema of an analysis row: the record's keys in order, then ``text``.

    Item lists are lists of the structs of their dataclasses, ``body`` a list of spans,
    ``length`` and ``sentences`` integers, and every other key (ids, dates, notes, URLs, page
    metadata) a string, so a string field added to the record needs nothing here.
    """
    pa = _pa()
    sample = analysis_record(Analysis(article=Article(id="x", text="x")))
    fields = []
    for name in [*sample, "text"]:
        if name in ITEM_LISTS:
            t = pa.list_(item_struct(ITEM_LISTS[name]))
        elif name == "body":
            t = pa.list_(pa.list_(pa.int64()))
        elif name in COUNTS:
            t = pa.int64()
        elif name == "text" or isinstance(sample[name], str) or sample[name] is None:
            t = pa.string()
        else:
            raise TypeError(f"analysis record key {name!r} holds {type(sample[name]).__name__}: "
                            "give it an Arrow type in store/parquet.py")
        fields.append(pa.field(name, t, nullable=name not in ("id", "text")))
    return pa.schema(fields)


@lru_cache(maxsize=1)
def figures_schema() -> pa.Schema:
    """The flat figures table: one row per figure with its article's id, outlet, language and date."""
    pa = _pa()
    f64, s = pa.float64(), pa.string()
    return pa.schema([
        ("article_id", s), ("outlet", s), ("language", s), ("published", s), ("start", pa.int64()),
        ("end", pa.int64()), ("text", s), ("value", f64), ("low", f64), ("high", f64), ("qualifier", s),
        ("unit", s), ("concept", s), ("counted", s), ("claimant", s), ("note", s),
    ])


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def _coerce(value: Any, t: pa.DataType) -> Any:
    """``value`` shaped for ``t``: ints in float columns become floats, missing struct keys None."""
    pa = _pa()
    if value is None:
        return None
    if pa.types.is_floating(t):
        return float(value)
    if pa.types.is_list(t):
        return [_coerce(v, t.value_type) for v in value]
    if pa.types.is_struct(t):
        return {f.name: _coerce(value.get(f.name), f.type) for f in t}
    return value


def record_to_row(record: dict[str, Any], text: str) -> dict[str, Any]:
    """An analysis record and its text as a row of :func:`analysis_schema`."""
    schema = analysis_schema()
    row = {**record, "text": text}
    return {f.name: _coerce(row.get(f.name), f.type) for f in schema}


def row_to_record(row: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """A row read back: ``(analysis record, text)``."""
    rec = {k: v for k, v in row.items() if k != "text"}
    return rec, row["text"]


def publisher_outlet(record: dict[str, Any]) -> str | None:
    """The outlet that published the article, from its record: the rule of ``Analysis.publisher``."""
    for relation in ("publisher", "copyright"):
        for s in record.get("sources") or []:
            if s.get("relation") == relation:
                return str(s["outlet"])
    return None


def figure_rows(record: dict[str, Any], text: str) -> list[dict[str, Any]]:
    """The rows of the flat figures table for one article."""
    outlet = publisher_outlet(record)
    rows = []
    for f in record.get("figures") or []:
        start, end = f["span"]
        rows.append({
            "article_id": record["id"], "outlet": outlet, "language": record.get("language"),
            "published": record.get("published"), "start": start, "end": end, "text": text[start:end],
            "value": _float(f.get("value")), "low": _float(f.get("low")),
            "high": _float(f.get("high")), "qualifier": f.get("qualifier"),
            "unit": f.get("unit"), "concept": f.get("concept"), "counted": f.get("counted"),
            "claimant": f.get("attributed_to"), "note": f.get("note"),
        })
    return rows


# ------------------------------------------------------------------------------ reading back


def parquet_files(path: Path) -> list[Path]:
    """The Parquet files of a job's output folder (its ``analyses/``), a folder of parts, or one file."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise InputError(str(path), "no such file or folder")
    folder = path / "analyses" if (path / "analyses").is_dir() else path
    files = sorted(f for f in folder.rglob("*.parquet") if not f.name.startswith((".", "_")))
    if not files:
        raise InputError(str(path), "holds no .parquet files")
    return files


def read_rows(path: Path, batch_size: int = 256) -> Iterator[tuple[str, dict[str, Any] | InputError]]:
    """``(where, row)`` for each row of the analyses under ``path``; an unreadable file or a file
    without the analysis columns gives ``(where, InputError)`` and reading goes on."""
    pa = _pa()
    import pyarrow.parquet as pq

    need = {"id", "text", "length", "figures"}
    for file in parquet_files(path):
        try:
            pf = pq.ParquetFile(file)
            missing = need - set(pf.schema_arrow.names)
            if missing:
                yield str(file), InputError(str(file), f"not an analyses table (no columns {sorted(missing)})")
                continue
            n = 0
            for batch in pf.iter_batches(batch_size=batch_size):
                for row in batch.to_pylist():
                    n += 1
                    yield f"{file}:row {n}", row
        except (OSError, pa.ArrowException) as e:
            yield str(file), InputError(str(file), f"cannot read Parquet ({e})")


@dataclass
class LoadCounts:
    added: int = 0
    seen: int = 0
    bad: int = 0


def load_parquet(path: Path, ledger: Ledger, report: Callable[[InputError], None]) -> LoadCounts:
    """Store the analyses under ``path`` in ``ledger``, one transaction per article.

    Articles already in the ledger (same text hash) are skipped. A bad row (no text, spans
    outside the text, fields of the wrong kind) is passed to ``report``, recorded as a
    failure in the ledger, and skipped.
    """
    counts = LoadCounts()
    for where, row in read_rows(path):
        if isinstance(row, InputError):
            counts.bad += 1
            report(row)
            ledger.record_failure(row.where, row.problem)
            continue
        try:
            rec, text = _checked(row, where)
            analysis = _analysis(rec, text, where)
        except InputError as e:
            counts.bad += 1
            report(e)
            ledger.record_failure(e.where, e.problem)
            continue
        _, new = ledger.add(analysis, record=rec)
        counts.added += int(new)
        counts.seen += int(not new)
    return counts


def _checked(row: dict[str, Any], where: str) -> tuple[dict[str, Any], str]:
    rec, text = row_to_record(row)
    if not isinstance(text, str) or not text.strip():
        raise InputError(where, "the row has no text")
    if not isinstance(rec.get("id"), str):
        raise InputError(where, "the row has no id")
    if rec.get("length") != len(text):
        raise InputError(where, f"length {rec.get('length')} does not match the text ({len(text)} characters)")
    for name in ITEM_LISTS:
        for item in rec.get(name) or []:
            for key in ("span", "cue_span", "counted_span"):
                span = item.get(key)
                if span is not None and not (len(span) == 2 and 0 <= span[0] <= span[1] <= len(text)):
                    raise InputError(where, f"{name}: span {span} lies outside the text")
    return rec, text


def _analysis(rec: dict[str, Any], text: str, where: str) -> Analysis:
    try:
        a = analysis_from_record(rec, text)
    except (TypeError, ValueError, KeyError) as e:
        raise InputError(where, f"not an analysis row ({type(e).__name__}: {e})") from None
    # the record keeps the sentences' count, not their spans; the figure groups read figures
    # within their sentences, so the sentences are split again (as ``ingest`` had them)
    return dataclasses.replace(a, **split_sentences.run(a))
