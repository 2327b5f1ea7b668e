"""councilpdf.extract_many: the CLI batch's worker pool, in input order, with its limits."""

import json
import subprocess
import time

import pytest

import councilpdf
from conftest import OFSTED, PACK, SAMPLES, TRACKER


def test_results_come_in_input_order_and_equal_in_process_extraction(not_a_pdf, tmp_path):
    missing = tmp_path / "gone.pdf"
    paths = [TRACKER, not_a_pdf, OFSTED, missing, PACK]
    results = list(councilpdf.extract_many(paths, jobs=2))
    assert [r["source"]["file"] for r in results] == [
        TRACKER.name,
        "error-page.pdf",
        OFSTED.name,
        "gone.pdf",
        PACK.name,
    ]
    assert results[0] == councilpdf.extract(TRACKER)
    assert results[2] == councilpdf.extract(OFSTED)
    assert results[4] == councilpdf.extract(PACK)
    assert results[1]["error"]["code"] == "not_pdf"
    # A path that vanished is an error object too: a batch yields one result per path.
    assert results[3]["error"]["code"] in ("malformed", "not_found")


def test_batch_values_from_the_sample_papers():
    tracker, ofsted = councilpdf.extract_many([TRACKER, OFSTED], jobs=1)
    (row,) = [s for s in tracker["savings"] if s["ref"] == "CFE016"]
    assert row["target"] == 3385800
    assert [j["grade"] for j in ofsted["judgements"]] == ["Good"] * 4


def test_same_objects_as_the_cli_batch(cli):
    ndjson = subprocess.run([cli, "extract", *map(str, SAMPLES)], check=True, capture_output=True).stdout
    cli_results = [json.loads(line) for line in ndjson.decode().splitlines()]
    assert list(councilpdf.extract_many(SAMPLES)) == cli_results


def test_a_file_that_hangs_times_out_and_the_batch_goes_on(monkeypatch, tmp_path):
    # The library's test hook makes a worker hang on paths containing the text.
    hang = tmp_path / "hangs-forever.pdf"
    hang.write_bytes(OFSTED.read_bytes())
    monkeypatch.setenv("COUNCILPDF_TEST_SLEEP", "hangs-forever")
    started = time.monotonic()
    results = list(councilpdf.extract_many([hang, OFSTED], jobs=1, timeout=2))
    assert time.monotonic() - started < 30
    assert results[0]["error"]["code"] == "timeout"
    assert len(results[1]["judgements"]) == 4


def test_a_worker_that_runs_out_of_memory_costs_one_file(monkeypatch, tmp_path):
    hog = tmp_path / "allocates-forever.pdf"
    hog.write_bytes(OFSTED.read_bytes())
    monkeypatch.setenv("COUNCILPDF_TEST_ALLOC", "allocates-forever")
    results = list(councilpdf.extract_many([OFSTED, hog, OFSTED], jobs=1, max_memory="300M"))
    assert results[1]["error"]["code"] == "too_large"
    assert len(results[0]["judgements"]) == 4
    assert results[2] == results[0]


def test_stopping_early_does_not_wait_for_the_rest(monkeypatch, tmp_path):
    hang = tmp_path / "hangs-forever.pdf"
    hang.write_bytes(OFSTED.read_bytes())
    monkeypatch.setenv("COUNCILPDF_TEST_SLEEP", "hangs-forever")
    started = time.monotonic()
    # The small file first in input order; the hanging (larger) one is started first.
    for result in councilpdf.extract_many([not_a_pdf_bytes(tmp_path), hang], jobs=2, timeout=60):
        assert result["error"]["code"] == "not_pdf"
        break
    assert time.monotonic() - started < 20


def not_a_pdf_bytes(tmp_path):
    p = tmp_path / "small.pdf"
    p.write_bytes(b"not a pdf")
    return p


def test_no_paths_no_results():
    assert list(councilpdf.extract_many([])) == []


@pytest.mark.parametrize("paths", ["papers/a.pdf", 42, [42]])
def test_paths_of_the_wrong_type_raise_type_error(paths):
    with pytest.raises(TypeError):
        councilpdf.extract_many(paths)


@pytest.mark.parametrize(
    "kwargs", [{"jobs": 0}, {"jobs": 1.5}, {"timeout": 0}, {"timeout": -1}, {"max_memory": "lots"}]
)
def test_limits_must_be_positive(kwargs):
    with pytest.raises(ValueError):
        councilpdf.extract_many([OFSTED], **kwargs)


def test_pdf_paths_walks_folders_as_the_cli_does(samples_dir):
    (samples_dir / "notes.txt").write_text("not a paper")
    found = councilpdf.pdf_paths(samples_dir)
    assert [p.rsplit("/", 1)[-1] for p in found] == sorted(p.name for p in SAMPLES)
