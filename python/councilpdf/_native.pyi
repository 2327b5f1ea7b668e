"""Type stubs of the Rust half of councilpdf (``councilpdf._native``). Use ``councilpdf``
itself: its functions check arguments and parse the JSON these return."""

from typing import Iterator, List, Optional, Tuple

def version() -> str:
    """The Rust crate's version."""

def extract_path(path: str, given: str) -> str:
    """Converts the file at ``path`` in this process; the contract object as JSON text.

    Raises FileNotFoundError when there is no file at ``path``."""

def extract_bytes(data: bytes) -> str:
    """Converts ``data`` in this process (``source.file`` ``"-"``); JSON text."""

def serve_worker(max_memory: Optional[int] = None) -> None:
    """The batch worker loop over stdin/stdout (``python -m councilpdf._worker``)."""

def parse_size(text: str) -> int:
    """``"1.5G"``, ``"500M"``, ``"64k"`` or bytes, in bytes. ValueError otherwise."""

def pdf_paths(paths: List[str]) -> List[str]:
    """Files as given, folders searched recursively for ``*.pdf``, sorted."""

class Batch(Iterator[str]):
    """JSON texts of a batch's results, in input order."""

    def __iter__(self) -> "Batch": ...
    def __next__(self) -> str: ...
    def close(self) -> None:
        """Drops the files not yet started; workers exit after their current file."""

def start_batch(
    paths: List[str], program: str, args: List[str], jobs: Optional[int], timeout: float, max_memory: int
) -> Batch:
    """Starts the library's worker pool over ``paths``."""

def flatten(objects: List[str]) -> List[Tuple[str, List[Tuple[str, str]], List[tuple]]]:
    """``export``'s tables of contract objects (JSON texts): ``(table, [(column, kind)],
    rows)`` with kind ``text``, ``int``, ``money`` (digits as ``str``), ``real``, ``bool`` or
    ``date`` (ISO ``str``)."""

def export(inputs: List[str], out: str, format: str, excel: bool = False) -> Tuple[int, List[str]]:
    """``councilpdf export``; ``(documents written, duplicate files skipped)``."""
