"""The worker process of :func:`councilpdf.extract_many`: ``python -m councilpdf._worker
[--max-memory BYTES]``.

It runs the library's own worker loop (the one behind ``councilpdf extract``'s batch): it sets
its address-space limit, then reads one input path per line on stdin (a JSON string) and
answers each with that file's contract object as one line of JSON on stdout, until stdin
closes. It exits when its parent dies. Not meant to be run by hand.
"""

from __future__ import annotations

import argparse
import signal
import sys
from typing import List, Optional


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m councilpdf._worker")
    parser.add_argument("--max-memory", type=int, default=None, help="address-space limit in bytes")
    args = parser.parse_args(argv)
    # Ctrl-C in a terminal reaches the whole process group: stop at once, as the CLI's workers
    # do, instead of waiting for the Rust loop to return to Python.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    from councilpdf import _native

    _native.serve_worker(args.max_memory)
    return 0


if __name__ == "__main__":
    sys.exit(main())
