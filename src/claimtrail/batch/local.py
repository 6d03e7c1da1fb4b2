"""The local batch: analyse on every core, store from one process, in input order.

Workers turn jobs (an article, a web page still to extract, a URL still to fetch) into
analyses; the parent alone writes to SQLite, one transaction per article, in the order
the jobs came in, so an interrupted run has stored a prefix of its input (plus nothing
half-written) and a rerun skips it. At most ``in_flight`` jobs are out at a time: memory stays flat however
long the input is, because the input is read as it is consumed, never listed.

A short input (fewer jobs than it takes to fill the pool) is analysed in the parent:
starting workers costs more than it saves.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Literal

from claimtrail.analyzer import analyse
from claimtrail.errors import ClaimtrailError, InputError
from claimtrail.ingest.readers import Job, job_item
from claimtrail.link.keys import LinkKeys, link_keys
from claimtrail.model import Analysis, Article
from claimtrail.store.ledger import Ledger

Status = Literal["added", "seen", "failed"]


@dataclass(frozen=True)
class Outcome:
    """What became of one job, reported in input order."""

    where: str
    status: Status
    row_id: int | None = None
    problem: str | None = None


@dataclass(frozen=True)
class _Seen:
    where: str


@dataclass(frozen=True)
class _Analysed:
    """An analysis with its cross-article keys, both computed by the worker: the writer only
    runs SQL."""

    analysis: Analysis
    keys: LinkKeys


_Result = _Analysed | InputError | _Seen

# ------------------------------------------------------------------ worker side

_known: Ledger | None = None


def _init_worker(db: str) -> None:
    global _known
    # Ctrl-C is the parent's to handle: it stops handing out jobs and keeps what is stored
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _known = Ledger(db, readonly=True)


def _work(job: Job, known: Ledger | None = None) -> _Result:
    """Extract (for a page) and analyse one job; an article already stored is not analysed."""
    known = known if known is not None else _known
    item = job_item(job)
    if isinstance(item, InputError):
        return item
    if known is not None and known.has(item.text):
        return _Seen(item.origin or item.id)
    try:
        a = analyse(item)
        return _Analysed(a, link_keys(a))
    except ClaimtrailError as e:
        return InputError(item.origin or item.id, str(e))
    except Exception as e:  # a bug in a stage must not end a batch of thousands: report it and go on
        return InputError(item.origin or item.id, f"analysis failed ({type(e).__name__}: {e})")


# ------------------------------------------------------------------ parent side


def default_workers() -> int:
    return os.cpu_count() or 1


def _store(result: _Result, ledger: Ledger) -> Outcome:
    if isinstance(result, InputError):
        ledger.record_failure(result.where, result.problem)
        return Outcome(result.where, "failed", problem=result.problem)
    if isinstance(result, _Seen):
        return Outcome(result.where, "seen")
    row_id, new = ledger.add(result.analysis, keys=result.keys)
    where = result.analysis.article.origin or result.analysis.article.id
    return Outcome(where, "added" if new else "seen", row_id)


def _pre(job: Job, ledger: Ledger) -> _Result | None:
    """What the parent can settle without a worker: an error, or an article already stored."""
    if isinstance(job, InputError):
        return job
    if isinstance(job, Article) and ledger.has(job.text):  # pages and URLs have no text until a worker's turn
        return _Seen(job.origin or job.id)
    return None


def process(jobs: Iterable[Job], ledger: Ledger, workers: int | None = None,
            in_flight: int | None = None) -> Iterator[Outcome]:
    """Analyse and store every job, yielding one :class:`Outcome` per job in input order."""
    workers = max(1, workers or default_workers())
    it = iter(jobs)
    head = list(itertools.islice(it, workers * 2))
    if workers == 1 or len(head) < workers * 2:
        for job in itertools.chain(head, it):
            yield _store(_pre(job, ledger) or _work(job, ledger), ledger)
        return
    limit = max(in_flight or workers * 4, workers)
    # forkserver: workers start from a clean process that has the pipeline's modules imported
    # (forking the parent would copy its threads and open database); spawn where it is missing
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)
    if method == "forkserver":
        multiprocessing.set_forkserver_preload(["claimtrail.batch.local"])
    pending: deque[Future[_Result] | _Result] = deque()
    pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker, initargs=(str(ledger.path),))
    try:
        for job in itertools.chain(head, it):
            settled = _pre(job, ledger)
            pending.append(settled if settled is not None else pool.submit(_work, job))
            while len(pending) >= limit:
                yield _store(_resolve(pending.popleft()), ledger)
        while pending:
            yield _store(_resolve(pending.popleft()), ledger)
    except BrokenProcessPool:
        raise ClaimtrailError("a worker process died (out of memory?); what was stored so far is kept; "
                              "run the same command to resume") from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _resolve(entry: Future[_Result] | _Result) -> _Result:
    return entry.result() if isinstance(entry, Future) else entry

