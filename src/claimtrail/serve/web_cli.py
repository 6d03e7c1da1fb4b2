"""The ``serve``, ``export`` and ``digest`` commands.

Kept apart from :mod:`claimtrail.serve.cli` so that the core command line stays small and
the web packages (the ``web`` extra) are imported only when one of these commands runs.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import UTC, date, datetime, timedelta
from typing import Any

from claimtrail.errors import ClaimtrailError


def _need(extra: str, what: str) -> ClaimtrailError:
    return ClaimtrailError(f"{what} needs the '{extra}' extra: pip install 'claimtrail[{extra}]'")


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from claimtrail.serve.web.app import create_app
    except ImportError:
        raise _need("web", "serve") from None
    app = create_app(args.db)  # a missing or broken database fails here, with its name and the problem
    where = f"http://{args.host}:{args.port}/"
    print(f"claimtrail: serving {args.db} read-only at {where} (Ctrl-C stops)", file=sys.stderr, flush=True)
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"claimtrail: note: bound to {args.host}, reachable from other machines", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", access_log=False)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from claimtrail.serve import export

    export.write(args.db, args.format, args.what, args.out, base_url=args.base_url, reviewer=args.reviewer)
    if args.out != "-":
        print(f"claimtrail: wrote {args.format} to {args.out}", file=sys.stderr)
    return 0


def parse_since(since: str, until: date) -> date:
    """``7d``, ``2w``, ``1m`` (30 days) before ``until``, or an ISO date."""
    m = re.fullmatch(r"(\d{1,4})\s*([dwm])", since.strip().lower())
    if m:
        n = int(m.group(1)) * {"d": 1, "w": 7, "m": 30}[m.group(2)]
        return until - timedelta(days=max(n - 1, 0))
    try:
        return date.fromisoformat(since)
    except ValueError:
        raise ClaimtrailError(f"digest: --since must be like 7d, 2w, 1m or YYYY-MM-DD, not {since!r}") from None


def cmd_digest(args: argparse.Namespace) -> int:
    try:
        from claimtrail.serve import digest
    except ImportError:
        raise _need("web", "digest") from None
    if not args.out and not args.to:
        raise ClaimtrailError("digest: give --out FILE, or --to ADDRESS (with --smtp HOST:PORT) to send it")
    try:
        until = date.fromisoformat(args.until) if args.until else datetime.now(UTC).date()
    except ValueError:
        raise ClaimtrailError(f"digest: --until must be YYYY-MM-DD, not {args.until!r}") from None
    start = parse_since(args.since, until)
    d = digest.build(args.db, start, until, base_url=args.base_url)
    msg = digest.message(d, sender=args.sender, to=args.to or "")
    if args.out:
        digest.write(msg, d, args.out)
        print(f"claimtrail: digest of {d.start}..{d.end} ({d.article_count} articles) written to {args.out}",
              file=sys.stderr)
    if args.to:
        host, port = digest.parse_smtp(args.smtp)
        digest.send(msg, host, port)
        print(f"claimtrail: digest of {d.start}..{d.end} sent to {args.to} via {host}:{port}", file=sys.stderr)
    return 0


def add_commands(sub: Any) -> None:
    """Register ``serve``, ``export`` and ``digest`` on the CLI's subparsers."""
    p = sub.add_parser("serve", help="browse the ledger in a web browser (read-only)")
    p.add_argument("--db", default="ledger.db", help="ledger database (default: ledger.db)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=8000)
    p.set_defaults(fn=cmd_serve)

    from claimtrail.serve.export import FORMATS, WHATS

    p = sub.add_parser("export", help="write the ledger as ClaimReview, CSV, JSON lines, Parquet or Datasette metadata")
    p.add_argument("--db", default="ledger.db")
    p.add_argument("--format", required=True, choices=FORMATS)
    p.add_argument("--what", choices=WHATS, default="figures", help="rows for csv and parquet (default: figures)")
    p.add_argument("--out", required=True, metavar="PATH", help="file to write, or - for standard output")
    p.add_argument("--base-url", default="http://127.0.0.1:8000",
                   help="where 'claimtrail serve' runs: ClaimReview urls point at its article pages")
    p.add_argument("--reviewer", help="the organisation publishing the ClaimReviews (their 'author')")
    p.set_defaults(fn=cmd_export)

    p = sub.add_parser("digest", help="an e-mail digest of a period's conflicting figure groups, republication "
                       "clusters and cited outlets")
    p.add_argument("--db", default="ledger.db")
    p.add_argument("--since", default="7d", help="7d, 2w, 1m or YYYY-MM-DD (default: 7d)")
    p.add_argument("--until", help="last day of the period, YYYY-MM-DD (default: today, UTC)")
    p.add_argument("--to", metavar="ADDRESS", help="send to this address")
    p.add_argument("--from", dest="sender", default="claimtrail@localhost", metavar="ADDRESS")
    p.add_argument("--smtp", default="127.0.0.1:25", metavar="HOST:PORT", help="SMTP server (default: 127.0.0.1:25)")
    p.add_argument("--out", metavar="FILE", help="write it instead: .html, .txt, or the whole message (.eml)")
    p.add_argument("--base-url", help="where 'claimtrail serve' runs: the digest links to its article pages")
    p.set_defaults(fn=cmd_digest)
