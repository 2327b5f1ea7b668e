"""Example: a national-scale batch on a Dask distributed cluster.

Dask does the scheduling, placement and retries; councilpdf converts. The paths are cut into
partitions, each partition is one task (``client.map``) that converts its files with
:func:`councilpdf.extract_many` (worker processes with the CLI's time and memory limits, so a
hostile file costs one error object, never the Dask worker) and writes them as one NDJSON
file, ``part-00000.ndjson``, ... (atomically, so a retried task never leaves half a file).
The partitions are then exported to SQLite with :func:`councilpdf.export`, which is
``councilpdf export --format sqlite``; the CLI reads the same files::

    councilpdf export --format sqlite --out papers.db parts/

The folder ``out_dir`` must be one that every Dask worker can write and the client can read
(a shared or network file system; on one machine, any folder).

From the command line (a local cluster unless ``--scheduler`` names one)::

    python -m councilpdf.dask_batch --out parts/ --db papers.db papers/
    python -m councilpdf.dask_batch --scheduler tcp://10.0.0.5:8786 --out /shared/parts --db papers.db /shared/papers

From Python::

    from dask.distributed import Client, LocalCluster
    from councilpdf.dask_batch import convert_on_dask
    import councilpdf

    with LocalCluster(n_workers=2, threads_per_worker=1) as cluster, Client(cluster) as client:
        parts = convert_on_dask(client, councilpdf.pdf_paths("papers/"), "parts/")
    councilpdf.export(parts, "papers.db")
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
from typing import TYPE_CHECKING, List, Optional, Sequence

import councilpdf

if TYPE_CHECKING:  # pragma: no cover
    from distributed import Client


def convert_partition(paths: Sequence[str], target: str, timeout: float = 60) -> str:
    """Converts ``paths`` (one worker process at a time: Dask already runs one task per
    thread) and writes their contract objects to ``target`` as NDJSON, in input order, via a
    temporary file and a rename. Returns ``target``."""
    tmp = f"{target}.{os.getpid()}.tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        for result in councilpdf.extract_many(paths, jobs=1, timeout=timeout):
            f.write(json.dumps(result, ensure_ascii=False))
            f.write("\n")
    os.replace(tmp, target)
    return target


def convert_on_dask(
    client: "Client",
    paths: Sequence[str],
    out_dir: str,
    *,
    partition_size: int = 20,
    timeout: float = 60,
    retries: int = 2,
) -> List[str]:
    """Converts ``paths`` on the cluster behind ``client``, ``partition_size`` files per task,
    and returns the NDJSON partitions written under ``out_dir``, in input order (so reading
    them in turn gives one object per path, in the order of ``paths``). A task that fails
    (its Dask worker died, say) is retried ``retries`` times by Dask."""
    if partition_size < 1:
        raise ValueError(f"partition_size must be positive, not {partition_size}")
    os.makedirs(out_dir, exist_ok=True)
    paths = [os.path.abspath(p) for p in paths]
    chunks = [paths[i : i + partition_size] for i in range(0, len(paths), partition_size)]
    targets = [os.path.join(os.path.abspath(out_dir), f"part-{i:05d}.ndjson") for i in range(len(chunks))]
    convert = functools.partial(convert_partition, timeout=timeout)
    futures = client.map(convert, chunks, targets, retries=retries)
    return client.gather(futures)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m councilpdf.dask_batch",
        description="Convert PDFs on a Dask cluster into NDJSON partitions, then export them to SQLite.",
    )
    parser.add_argument("inputs", nargs="+", help="PDF files or folders (searched for *.pdf)")
    parser.add_argument("--out", required=True, help="folder for the NDJSON partitions (shared by the workers)")
    parser.add_argument("--db", help="SQLite database to export the partitions to")
    parser.add_argument("--scheduler", help="address of a running scheduler [default: a local cluster]")
    parser.add_argument("--workers", type=int, default=2, help="local cluster: worker processes [2]")
    parser.add_argument("--partition-size", type=int, default=20, help="files per task [20]")
    parser.add_argument("--timeout", type=float, default=60, help="seconds one file may take [60]")
    args = parser.parse_args(argv)

    from distributed import Client, LocalCluster

    paths = councilpdf.pdf_paths(*args.inputs)
    if not paths:
        parser.error("no PDF files found in the given paths")
    if args.scheduler:
        with Client(args.scheduler) as client:
            parts = convert_on_dask(client, paths, args.out, partition_size=args.partition_size, timeout=args.timeout)
    else:
        with LocalCluster(n_workers=args.workers, threads_per_worker=1) as cluster, Client(cluster) as client:
            parts = convert_on_dask(client, paths, args.out, partition_size=args.partition_size, timeout=args.timeout)
    print(f"{len(paths)} file(s) -> {len(parts)} partition(s) in {args.out}", file=sys.stderr)
    if args.db:
        n = councilpdf.export(parts, args.db, format="sqlite")
        print(f"{n} document(s) -> {args.db}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
