"""councilpdf: published UK council papers (agenda packs, minutes, savings trackers, Ofsted
reports) to the validated JSON contract of the ``councilpdf`` command, and to pandas frames.

Everything here runs the same Rust library as the command line tool:

- :func:`extract` converts one PDF (a path or bytes) in this process and returns the contract
  object as a dict; a file that cannot be read gives the contract's error object
  (``{"error": {"code": ..., "message": ...}, ...}``), never an exception.
- :func:`extract_many` converts many files in worker processes (``python -m
  councilpdf._worker``) under the CLI batch's time and memory limits, yielding results in
  input order; a file that hangs or crashes its worker costs that file only.
- :func:`to_frames` flattens results into the tables of ``councilpdf export`` as pandas
  DataFrames (pandas is imported only then).
- :func:`export` writes results saved as JSON/NDJSON (or PDFs) to CSV files or SQLite, as
  ``councilpdf export`` does.

Example::

    import councilpdf
    doc = councilpdf.extract("fixtures/ofsted-ilacs-somerset-2022.pdf")
    for j in doc["judgements"]:
        print(j["area"], "-", j["grade"])
"""

from __future__ import annotations

import json
import os
import sys
from typing import TYPE_CHECKING, Any, Dict, Iterable, Iterator, List, Optional, Union

from . import _native

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = ["extract", "extract_many", "to_frames", "export", "pdf_paths", "__version__"]

#: The version of the Rust crate this package was built from.
__version__: str = _native.version()

PathLike = Union[str, "os.PathLike[str]"]

#: Worker processes' default address-space limit, as the CLI's ``--max-memory``.
DEFAULT_MAX_MEMORY = "1.5G"


def extract(path_or_bytes: Union[PathLike, bytes, bytearray, memoryview]) -> Dict[str, Any]:
    """Converts one PDF in this process and returns the contract object as a dict.

    ``path_or_bytes`` is a path (``str`` or ``os.PathLike``) or the file's bytes; for bytes,
    ``source.file`` is ``"-"`` (as for standard input in the CLI). The result validates against
    the contract's schema (``councilpdf schema``). A file that is not a PDF, is encrypted or is
    damaged beyond repair gives the error object (``result["error"]["code"]`` is ``not_pdf``,
    ``encrypted``, ``malformed``, ``too_large`` or ``internal``), not an exception.

    Conversion runs under the library's panic isolation but in this process: for files you do
    not trust to finish (hostile input, huge batches) use :func:`extract_many`, whose workers
    have a time and memory limit.

    Raises:
        FileNotFoundError: no file at ``path``.
        TypeError: ``path_or_bytes`` is neither a path nor bytes.
    """
    if isinstance(path_or_bytes, (bytes, bytearray, memoryview)):
        return json.loads(_native.extract_bytes(bytes(path_or_bytes)))
    if isinstance(path_or_bytes, (str, os.PathLike)):
        path = os.fspath(path_or_bytes)
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        return json.loads(_native.extract_path(path, path))
    raise TypeError(
        f"extract() takes a path (str or os.PathLike) or bytes, not {type(path_or_bytes).__name__}"
    )


def _paths(paths: Iterable[PathLike], what: str) -> List[str]:
    if isinstance(paths, (str, bytes, os.PathLike)):
        raise TypeError(f"{what}() takes an iterable of paths, not a single path; wrap it in a list")
    out = []
    for p in paths:
        if not isinstance(p, (str, os.PathLike)):
            raise TypeError(f"{what}(): paths must be str or os.PathLike, not {type(p).__name__}")
        out.append(os.fsdecode(os.fspath(p)))
    return out


def _worker_command() -> List[str]:
    """``python -m councilpdf._worker`` with this interpreter. ``-P`` (Python 3.11+) keeps the
    current folder off ``sys.path``, so a source checkout there cannot shadow the installed
    package."""
    args = ["-P"] if sys.version_info >= (3, 11) else []
    return [sys.executable, *args, "-m", "councilpdf._worker"]


def extract_many(
    paths: Iterable[PathLike],
    *,
    jobs: Optional[int] = None,
    timeout: float = 60,
    max_memory: Union[str, int] = DEFAULT_MAX_MEMORY,
) -> Iterator[Dict[str, Any]]:
    """Converts many PDFs in worker processes and yields one contract object per path, in
    input order, as results arrive.

    This is ``councilpdf extract``'s batch: ``jobs`` worker processes (default: the number of
    cores) run ``python -m councilpdf._worker`` over the same library, each file may take
    ``timeout`` seconds and each worker ``max_memory`` (``"1.5G"``, ``"500M"`` or bytes) of
    address space. A file that hangs, allocates without end or crashes its worker gets the
    error object (``timeout``, ``too_large`` or ``internal``) and its worker is replaced; the
    Python process is never at risk. A path that cannot be read also gives an error object, so
    a batch always yields exactly one result per path. Folders are not searched: use
    :func:`pdf_paths` first.

    Stopping early (``break``, an exception, Ctrl-C) drops the files not yet started; workers
    exit after their current file.

    Raises:
        TypeError: ``paths`` is not an iterable of paths.
        ValueError: ``jobs``, ``timeout`` or ``max_memory`` is not positive.
    """
    todo = _paths(paths, "extract_many")
    if jobs is not None and (isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1):
        raise ValueError(f"jobs must be a positive integer, not {jobs!r}")
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not timeout > 0:
        raise ValueError(f"timeout must be a positive number of seconds, not {timeout!r}")
    if isinstance(max_memory, str):
        limit = _native.parse_size(max_memory)
    elif isinstance(max_memory, int) and not isinstance(max_memory, bool) and max_memory > 0:
        limit = max_memory
    else:
        raise ValueError(f"max_memory must be a size such as '1.5G' or a number of bytes, not {max_memory!r}")
    return _results(todo, jobs, float(timeout), limit)


def _results(paths: List[str], jobs: Optional[int], timeout: float, max_memory: int) -> Iterator[Dict[str, Any]]:
    if not paths:
        return
    program, *args = _worker_command()
    batch = _native.start_batch(paths, program, args, jobs, timeout, max_memory)
    try:
        for text in batch:
            yield json.loads(text)
    finally:
        batch.close()


def pdf_paths(*paths: PathLike) -> List[str]:
    """The PDF files under each path as the CLI finds them: files as given, folders searched
    recursively for ``*.pdf`` (sorted)."""
    return [os.fsdecode(p) for p in _native.pdf_paths(_paths(paths, "pdf_paths"))]


# How each kind of column of `export`'s tables becomes a pandas column.
_DTYPES = {"text": "string", "int": "Int64", "bool": "boolean", "real": "Float64"}


def to_frames(results: Iterable[Dict[str, Any]]) -> Dict[str, "pandas.DataFrame"]:
    """The tables of ``councilpdf export`` (``documents``, ``sections``, ``savings``,
    ``judgements``, ...) as pandas DataFrames, from contract objects (results of
    :func:`extract` or :func:`extract_many`, or objects read from ``extract``'s JSON).

    The tables, their columns and their rows are ``export``'s own (the same flattening code),
    so ``to_frames(results)["savings"]`` has the rows and values of ``savings.csv``. Every
    table is present, empty ones with their columns. A document (sha256) given twice is kept
    once, as ``export`` does. Columns are typed: money as ``decimal.Decimal`` pounds (exact;
    ``None`` for an empty cell, never 0), dates as ``datetime.date``, counts as ``Int64``,
    booleans as ``boolean``, coordinates as ``Float64``, text as ``string`` (missing values
    are ``<NA>``).

    Raises:
        ImportError: pandas is not installed (``pip install pandas``).
        ValueError: an item is not a contract object.
    """
    import datetime
    import decimal

    import pandas as pd

    objects = []
    for i, r in enumerate(results):
        if not isinstance(r, dict):
            raise ValueError(f"result {i} is a {type(r).__name__}, not a contract object (dict)")
        objects.append(json.dumps(r))
    frames: Dict[str, pd.DataFrame] = {}
    for name, columns, rows in _native.flatten(objects):
        data = {}
        for j, (column, kind) in enumerate(columns):
            values = [row[j] for row in rows]
            if kind == "money":
                series = pd.Series([None if v is None else decimal.Decimal(v) for v in values], dtype=object)
            elif kind == "date":
                series = pd.Series([None if v is None else _date(v, datetime) for v in values], dtype=object)
            else:
                series = pd.Series(values, dtype=_DTYPES.get(kind, object))
            data[column] = series
        frames[name] = pd.DataFrame(data, columns=[c for c, _ in columns])
    return frames


def _date(text: str, datetime: Any) -> Any:
    # The contract's dates are ISO YYYY-MM-DD (validated); anything else stays as printed.
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return text


def export(
    inputs: Iterable[PathLike],
    out: PathLike,
    *,
    format: str = "sqlite",
    excel: bool = False,
) -> int:
    """``councilpdf export``: writes the results saved by ``extract`` (JSON or NDJSON files),
    PDFs (converted on the way, in this process) or folders of either into one SQLite database
    (``format="sqlite"``, ``out`` a file; a document exported again replaces its rows) or one
    CSV file per table (``format="csv"``, ``out`` a folder; ``excel=True`` adds a byte order
    mark). Returns the number of documents written.

    Raises:
        FileNotFoundError: an input does not exist.
        ValueError: an input is not a PDF or an output of ``extract``; nothing is written then.
    """
    paths = _paths(inputs, "export")
    written, _duplicates = _native.export(paths, os.fsdecode(os.fspath(out)), format, excel)
    return written
