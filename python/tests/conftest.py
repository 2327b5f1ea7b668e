"""Shared paths for the Python tests: the repository's sample papers and its CLI binary."""

import os
import pathlib
import shutil

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = REPO / "fixtures"
OFSTED = FIXTURES / "ofsted-ilacs-somerset-2022.pdf"
PACK = FIXTURES / "somerset-cf-scrutiny-2022-10-03-agenda-pack.pdf"
TRACKER = FIXTURES / "somerset-childrens-transformation-progress-2024-06.pdf"
SAMPLES = [PACK, TRACKER, OFSTED]
ENCRYPTED = REPO / "tests" / "hostile" / "encrypted-user-password.pdf"


@pytest.fixture(scope="session")
def cli() -> str:
    """The `councilpdf` binary built from this repository (`cargo build --release`, which
    `.ci/run` does before the Python tests), or $COUNCILPDF_BIN."""
    path = os.environ.get("COUNCILPDF_BIN") or str(REPO / "target" / "release" / "councilpdf")
    if not os.access(path, os.X_OK):
        pytest.fail(f"no councilpdf binary at {path}: run `cargo build --release` first or set COUNCILPDF_BIN")
    return path


@pytest.fixture()
def not_a_pdf(tmp_path: pathlib.Path) -> pathlib.Path:
    """An HTML error page saved with a .pdf name, the commonest bad download."""
    p = tmp_path / "error-page.pdf"
    p.write_bytes(b"<!DOCTYPE html><html><body>404 Not Found</body></html>")
    return p


@pytest.fixture()
def samples_dir(tmp_path: pathlib.Path) -> pathlib.Path:
    """The three sample papers copied into a folder of their own."""
    d = tmp_path / "papers"
    d.mkdir()
    for p in SAMPLES:
        shutil.copy(p, d / p.name)
    return d
