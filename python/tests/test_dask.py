"""The Dask example (councilpdf.dask_batch) on a LocalCluster equals the serial run."""

import json
import sqlite3

import pytest

import councilpdf
from conftest import SAMPLES

distributed = pytest.importorskip("distributed")
from councilpdf.dask_batch import convert_on_dask, main  # noqa: E402


def rows(db_path):
    with sqlite3.connect(db_path) as db:
        tables = [t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: db.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in tables}


def test_two_single_threaded_workers_give_the_serial_run(samples_dir, tmp_path):
    paths = councilpdf.pdf_paths(samples_dir)
    serial = list(councilpdf.extract_many(paths))
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        parts = convert_on_dask(client, paths, str(tmp_path / "parts"), partition_size=1)
    assert len(parts) == 3
    on_dask = [json.loads(line) for p in parts for line in open(p, encoding="utf-8")]
    assert on_dask == serial

    serial_ndjson = tmp_path / "serial.ndjson"
    serial_ndjson.write_text("".join(json.dumps(r) + "\n" for r in serial))
    assert councilpdf.export(parts, tmp_path / "dask.db") == 3
    assert councilpdf.export([serial_ndjson], tmp_path / "serial.db") == 3
    assert rows(tmp_path / "dask.db") == rows(tmp_path / "serial.db")
    (target,) = sqlite3.connect(tmp_path / "dask.db").execute(
        "SELECT target FROM savings WHERE ref = 'CFE016'"
    ).fetchone()
    assert target == 3385800


def test_the_command_line_example(samples_dir, tmp_path):
    db = tmp_path / "papers.db"
    out = tmp_path / "parts"
    assert main(["--out", str(out), "--db", str(db), "--partition-size", "2", str(samples_dir)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["part-00000.ndjson", "part-00001.ndjson"]
    assert len(rows(db)["documents"]) == 3
