"""The pipeline on Spark: inputs from any Hadoop-readable path, analyses out as Parquet.

    claimtrail spark INPUT... --out DIR [--master local[2]] [--partitions N]
    python -m claimtrail.batch.spark INPUT... --out DIR
    spark-submit src/claimtrail/batch/spark.py INPUT... --out DIR

The driver lists the input files (folders recursively; local paths as the ``analyze``
command names them, URIs through Hadoop's file systems) and reports what it cannot read.
Spark reads each file whole (``binaryFiles``) and a reader chosen by its suffix turns it
into articles (text, JSON Lines, WARC, HTML pages); the articles are spread over the partitions and
each partition runs the pipeline, which is built once per Python worker. The job writes

    DIR/analyses/  Parquet, one row per article (the analysis record and its text)
    DIR/figures/   Parquet, one row per figure with its article's id, outlet, language, date
    DIR/errors/    JSON Lines, one row per bad input: stage, where, problem

A bad record, an empty text, a file that cannot be read or an article the pipeline fails on
is counted and written to ``errors``; it never fails the job. pyspark and pyarrow come with
the ``spark`` extra; Spark needs Java 17 or later.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if __package__ in (None, ""):  # run as a file by spark-submit: the package is two folders up
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from claimtrail.analyzer import default_pipeline
from claimtrail.errors import ClaimtrailError, InputError
from claimtrail.ingest.readers import file_kind, items_from_bytes
from claimtrail.model import Article, analysis_record
from claimtrail.store.parquet import analysis_schema, figure_rows, figures_schema

if TYPE_CHECKING:
    from pyspark.rdd import RDD
    from pyspark.sql import SparkSession

#: Spark hands a file to Python as one byte string, which Java caps below 2 GiB
MAX_FILE_BYTES = 1_900_000_000
#: characters Hadoop reads as a list separator or a glob in an input path
HADOOP_SPECIAL = set(",{}[]*?\\")
LOG4J = Path(__file__).with_name("log4j2.properties")
NEEDS_EXTRA = "claimtrail spark needs the 'spark' extra: pip install 'claimtrail[spark]'"

#: what the partitions pass on: ("article", Article) from reading, ("row", JSON, [figure JSON]) from
#: analysing, or ("error", stage, where, problem) from either
Tagged = tuple[Any, ...]


def read_file(uri: str, data: bytes, names: dict[str, str]) -> Iterator[Tagged]:
    """The articles and errors of one file; ``names`` maps the URI Spark read to the name shown."""
    where = names.get(uri) or names.get(_plain_uri(uri)) or uri
    try:
        for item in items_from_bytes(data, where):
            if isinstance(item, InputError):
                yield ("error", "read", item.where, item.problem)
            else:
                yield ("article", item)
    except Exception as e:  # a reader's bug must not end a month-long job: report the file
        yield ("error", "read", where, f"cannot read: {type(e).__name__}: {e}")


def analyse_partition(items: Iterable[Tagged]) -> Iterator[Tagged]:
    """Run the pipeline over one partition's articles.

    Yields ``("row", analysis row as JSON, [figure rows as JSON])`` or an error. The rows
    leave Python as JSON text, the same ``json.dumps`` that ``claimtrail analyze`` prints,
    and Spark parses them against the Parquet schema in the JVM: turning nested dicts into
    Spark rows in Python costs more than the analysis itself.
    """
    pipeline = default_pipeline()  # built once per Python worker, reused by every partition
    for tagged in items:
        article: Article = tagged[1]
        where = article.origin or article.id
        try:
            a = pipeline.run(article)
            record = analysis_record(a)
            text = a.article.text
            row = json.dumps({**record, "text": text}, ensure_ascii=False)
            figures = [json.dumps(f, ensure_ascii=False) for f in figure_rows(record, text)]
        except Exception as e:  # ClaimtrailError or a bug on one article: report it, go on
            problem = str(e) if isinstance(e, ClaimtrailError) else f"analysis failed: {type(e).__name__}: {e}"
            yield ("error", "analyse", where, problem)
        else:
            yield ("row", row, figures)


def _plain_uri(uri: str) -> str:
    """``file:///x`` and ``file:/x`` name the same file."""
    return "file:/" + uri[len("file:///"):] if uri.startswith("file:///") else uri


# --------------------------------------------------------------------------- listing (driver)


@dataclass(frozen=True)
class InputFile:
    uri: str  # what Spark reads
    where: str  # the name errors and ``origin`` show


def _is_uri(p: str) -> bool:
    return "://" in p or p.startswith("file:")


def list_local(paths: Iterable[str]) -> tuple[list[InputFile], list[InputError]]:
    """Files under local paths, named as ``claimtrail analyze`` names them, and what cannot be read."""
    files: list[InputFile] = []
    errors: list[InputError] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = sorted(f for f in path.rglob("*") if not f.name.startswith(".") and file_kind(f.name)
                           and (f.is_file() or f.is_symlink()))
            if not found:
                errors.append(InputError(str(path), "folder holds no .txt, .jsonl, .html or .warc files"))
        elif path.exists() or path.is_symlink():
            found = [path]
        else:
            errors.append(InputError(str(path), "no such file or folder"))
            continue
        for f in found:
            problem = _local_problem(f)
            if problem:
                errors.append(InputError(str(f), problem))
            else:
                files.append(InputFile("file:" + os.path.abspath(f), str(f)))
    return files, errors


def _local_problem(f: Path) -> str | None:
    if not f.exists():
        return "cannot read: a link to nothing"
    if not f.is_file():
        return "cannot read: not a regular file"
    if not os.access(f, os.R_OK):
        return "cannot read: permission denied"
    size = f.stat().st_size
    if size > MAX_FILE_BYTES:
        return f"too large for one Spark task ({size:,} bytes); split it"
    if HADOOP_SPECIAL & set(os.path.abspath(f)):
        return "Hadoop cannot take a path holding any of , { } [ ] * ? \\"
    return None


def list_hadoop(spark: SparkSession, uris: Iterable[str]) -> tuple[list[InputFile], list[InputError]]:
    """Files under URIs (hdfs://, s3a://, file:/...) through Hadoop's file systems, globs allowed."""
    jvm = _jvm(spark)
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    files: list[InputFile] = []
    errors: list[InputError] = []
    for uri in uris:
        try:
            jpath = jvm.org.apache.hadoop.fs.Path(uri)
            fs = jpath.getFileSystem(conf)
            matches = fs.globStatus(jpath)
            if not matches:
                errors.append(InputError(uri, "no such file or folder"))
                continue
            statuses = []
            for st in matches:
                if st.isDirectory():
                    it = fs.listFiles(st.getPath(), True)
                    while it.hasNext():
                        statuses.append(it.next())
                else:
                    statuses.append(st)
        except Exception as e:  # a Java exception through py4j: name the URI and the reason
            errors.append(InputError(uri, f"cannot list: {_java_reason(e)}"))
            continue
        chosen = [st for st in statuses if file_kind(st.getPath().getName())
                  and not st.getPath().getName().startswith((".", "_"))]
        if not chosen:
            errors.append(InputError(uri, "holds no .txt, .jsonl, .html or .warc files"))
        for st in sorted(chosen, key=lambda s: str(s.getPath().toString())):
            name = str(st.getPath().toString())
            if st.getLen() > MAX_FILE_BYTES:
                errors.append(InputError(name, f"too large for one Spark task ({st.getLen():,} bytes); split it"))
            elif HADOOP_SPECIAL & set(name):
                errors.append(InputError(name, "Hadoop cannot take a path holding any of , { } [ ] * ? \\"))
            else:
                files.append(InputFile(name, name))
    return files, errors


def _jvm(spark: SparkSession) -> Any:
    jvm = spark.sparkContext._jvm
    if jvm is None:
        raise ClaimtrailError("the Spark session has no JVM (stopped, or a Spark Connect session)")
    return jvm


def _java_reason(e: Exception) -> str:
    text = str(getattr(e, "java_exception", "") or e)
    return text.strip().splitlines()[0] if text.strip() else type(e).__name__


# ------------------------------------------------------------------------------- the session


def spark_session(master: str | None = None, app: str = "claimtrail") -> SparkSession:
    """A Spark session; local ones bind to 127.0.0.1, keep the console quiet and run this Python."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise ClaimtrailError(NEEDS_EXTRA) from None
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ  # started by spark-submit: its settings rule
    if not submitted and not os.environ.get("JAVA_HOME") and not shutil.which("java"):
        raise ClaimtrailError("Spark needs Java 17 or later: install it (e.g. openjdk-17-jre-headless) "
                              "or set JAVA_HOME")
    builder = SparkSession.builder.appName(app)
    if not submitted:
        master = master or "local[*]"
        builder = builder.master(master).config("spark.ui.showConsoleProgress", "false")
        builder = builder.config("spark.driver.extraJavaOptions", f"-Dlog4j2.configurationFile={LOG4J.as_uri()}")
        if master.startswith("local"):
            os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
            package_root = str(Path(__file__).resolve().parents[2])
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # the workers run this Python
            builder = (builder.config("spark.driver.host", "127.0.0.1").config("spark.ui.enabled", "false")
                       .config("spark.executorEnv.PYTHONPATH",
                               os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH")) if p)))
    elif master:
        builder = builder.master(master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


# ------------------------------------------------------------------------------------ the job


@dataclass(frozen=True)
class JobResult:
    articles: int
    figures: int
    errors: dict[str, int]  # by stage: list, read, analyse
    seconds: float
    partitions: int

    @property
    def failed(self) -> int:
        return sum(self.errors.values())


ERROR_FIELDS = ("stage", "where", "problem")


def run_job(spark: SparkSession, inputs: Sequence[str], out: str, partitions: int | None = None,
            overwrite: bool = False) -> JobResult:
    """Analyse ``inputs`` into Parquet under ``out``; bad inputs go to ``out/errors``."""
    from pyspark import StorageLevel
    from pyspark.sql.pandas.types import from_arrow_schema
    from pyspark.sql.types import StringType, StructField, StructType

    start = time.perf_counter()
    sc = spark.sparkContext
    _check_out(spark, out, overwrite)
    local, errors = list_local(p for p in inputs if not _is_uri(p))
    remote, remote_errors = list_hadoop(spark, [p for p in inputs if _is_uri(p)])
    files, errors = local + remote, errors + remote_errors
    listed: list[Tagged] = [("error", "list", e.where, e.problem) for e in errors]

    parts = partitions or max(2, sc.defaultParallelism * 4)
    if files:
        names = sc.broadcast({f.uri: f.where for f in files})  # sent once per executor, not with each task
        raw: RDD[tuple[str, bytes]] = sc.binaryFiles(",".join(f.uri for f in files))
        read = raw.flatMap(lambda kv: read_file(kv[0], kv[1], names.value))
    else:
        read = sc.emptyRDD()
    read = read.persist(StorageLevel.MEMORY_AND_DISK)
    articles = read.filter(lambda t: t[0] == "article").repartition(parts)
    done = articles.mapPartitions(analyse_partition).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        rows = done.filter(lambda t: t[0] == "row")
        mode = "overwrite" if overwrite else "errorifexists"
        analyses = spark.read.schema(from_arrow_schema(analysis_schema())).json(rows.map(lambda t: t[1]))
        analyses.write.mode(mode).parquet(f"{out}/analyses")
        figures = spark.read.schema(from_arrow_schema(figures_schema())).json(rows.flatMap(lambda t: t[2]))
        figures.write.mode(mode).parquet(f"{out}/figures")
        bad = (sc.parallelize(listed, 1).union(read.filter(lambda t: t[0] == "error"))
               .union(done.filter(lambda t: t[0] == "error")).map(lambda t: t[1:]))
        error_schema = StructType([StructField(n, StringType(), False) for n in ERROR_FIELDS])
        spark.createDataFrame(bad, error_schema).coalesce(1).write.mode(mode).json(f"{out}/errors")
        counts = done.map(lambda t: t[0] if t[0] == "row" else f"error:{t[1]}").countByValue()
        n_figures = rows.map(lambda t: len(t[2])).sum()
        read_errors = read.filter(lambda t: t[0] == "error").count()
    finally:
        done.unpersist()
        read.unpersist()
    by_stage = {"list": len(listed), "read": int(read_errors), "analyse": int(counts.get("error:analyse", 0))}
    return JobResult(int(counts.get("row", 0)), int(n_figures), by_stage, time.perf_counter() - start, parts)


def _check_out(spark: SparkSession, out: str, overwrite: bool) -> None:
    jvm = _jvm(spark)
    jpath = jvm.org.apache.hadoop.fs.Path(out)
    fs = jpath.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    if fs.exists(jpath) and not overwrite:
        raise ClaimtrailError(f"{out}: already exists; give a new folder or --overwrite")


# ---------------------------------------------------------------------------- command line


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="files or folders (.txt, .jsonl, .html, .warc[.gz]); local paths or URIs "
                        "(hdfs://, s3a://, file:/)")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder: analyses/, figures/, errors/")
    p.add_argument("--master", help="Spark master (default local[*]; spark-submit's own when submitted)")
    p.add_argument("--partitions", type=int, help="partitions to analyse in (default 4 per core)")
    p.add_argument("--overwrite", action="store_true", help="replace an existing output folder")


def run_cli(args: argparse.Namespace) -> int:
    """The ``spark`` command: run the job, print one summary line, 1 when any input was bad."""
    if args.partitions is not None and args.partitions < 1:
        raise ClaimtrailError("--partitions must be 1 or more")
    try:
        from py4j.protocol import Py4JError
        from pyspark.errors import PySparkException
        from pyspark.sql import SparkSession
    except ImportError:
        raise ClaimtrailError(NEEDS_EXTRA) from None

    own = SparkSession.getActiveSession() is None
    spark = spark_session(args.master)
    try:
        result = run_job(spark, args.inputs, args.out, args.partitions, args.overwrite)
    except (PySparkException, Py4JError) as e:  # Spark itself failed (out of disk, lost executors, ...)
        raise ClaimtrailError(f"the Spark job failed: {_java_reason(e)}") from None
    finally:
        if own:
            spark.stop()
    errs = ", ".join(f"{n} {stage}" for stage, n in result.errors.items() if n) or "none"
    print(f"{args.out}: {result.articles} articles, {result.figures} figures, {result.failed} errors ({errs}) "
          f"in {result.seconds:.1f} s over {result.partitions} partitions", file=sys.stderr)
    return 1 if result.failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="claimtrail-spark", description="Analyse articles on Spark into Parquet.")
    add_arguments(ap)
    args = ap.parse_args(argv)
    try:
        return run_cli(args)
    except ClaimtrailError as e:
        print(f"claimtrail: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    from claimtrail.batch.spark import main as _main  # functions shipped to executors by reference

    sys.exit(_main())
