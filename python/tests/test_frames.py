"""councilpdf.to_frames: `export`'s tables as typed pandas frames."""

import csv
import datetime
import decimal
import shutil
import subprocess

import numpy as np
import pandas as pd
import pytest

import councilpdf
from conftest import OFSTED, PACK, SAMPLES, TRACKER


def csv_form(value):
    """A frame's value as `export --format csv` writes it."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def test_frames_equal_export_csv_on_the_same_inputs(cli, tmp_path, not_a_pdf):
    inputs = [*SAMPLES, not_a_pdf]
    out = tmp_path / "tables"
    # Exit 1: one input is not a PDF (its documents row is still written).
    done = subprocess.run([cli, "export", "--format", "csv", "--out", str(out), *map(str, inputs)], capture_output=True)
    assert done.returncode == 1, done.stderr
    frames = councilpdf.to_frames(councilpdf.extract_many(inputs))
    written = sorted(p.stem for p in out.glob("*.csv"))
    assert sorted(frames) == written
    compared = 0
    for name, frame in frames.items():
        with open(out / f"{name}.csv", newline="", encoding="utf-8") as f:
            header, *rows = list(csv.reader(f))
        assert list(frame.columns) == header, name
        assert len(frame) == len(rows), name
        for i, (row, values) in enumerate(zip(rows, frame.itertuples(index=False))):
            for column, text, value in zip(header, row, values):
                if isinstance(value, float) and text:
                    assert float(text) == value, (name, i, column)
                else:
                    assert text == csv_form(value), (name, i, column)
                compared += 1
    assert compared > 3000


def test_columns_are_typed():
    frames = councilpdf.to_frames([councilpdf.extract(TRACKER), councilpdf.extract(PACK), councilpdf.extract(OFSTED)])
    savings = frames["savings"]
    row = savings[savings["ref"] == "CFE016"].iloc[0]
    assert row["target"] == decimal.Decimal("3385800") and isinstance(row["target"], decimal.Decimal)
    assert row["at_risk"] == decimal.Decimal("1903800")
    assert row["achieved"] is None  # an empty cell, never 0
    assert row["page"] == 5
    assert str(savings["page"].dtype) == "Int64"
    meeting = frames["meetings"].iloc[0]
    assert meeting["date"] == datetime.date(2022, 10, 3)  # "Monday, 3rd October, 2022"
    inspections = frames["inspections"]
    ofsted = inspections[inspections["file"] == OFSTED.name].iloc[0]
    assert (ofsted["start_date"], ofsted["end_date"]) == (datetime.date(2022, 7, 18), datetime.date(2022, 7, 29))
    assert str(frames["agenda_items"]["exempt"].dtype) == "boolean"
    assert str(frames["judgements"]["x0"].dtype) == "Float64"
    judgements = frames["judgements"]
    assert list(judgements[judgements["file"] == OFSTED.name]["grade"]) == ["Good"] * 4


def test_every_table_is_there_even_empty():
    frames = councilpdf.to_frames([councilpdf.extract(b"not a pdf")])
    assert len(frames["documents"]) == 1
    assert frames["documents"].iloc[0]["error_code"] == "not_pdf"
    assert len(frames["savings"]) == 0 and "target" in frames["savings"].columns


def test_a_document_given_twice_is_kept_once():
    doc = councilpdf.extract(OFSTED)
    frames = councilpdf.to_frames([doc, doc])
    assert len(frames["documents"]) == 1
    assert len(frames["judgements"]) == 4


def test_not_a_contract_object_raises_value_error():
    with pytest.raises(ValueError):
        councilpdf.to_frames([{"hello": "world"}])
    with pytest.raises(ValueError):
        councilpdf.to_frames(["not a dict"])


def test_export_writes_sqlite_like_the_cli(cli, tmp_path):
    import sqlite3

    ndjson = tmp_path / "papers.ndjson"
    with open(ndjson, "w") as f:
        for r in councilpdf.extract_many(SAMPLES):
            f.write(councilpdf_json(r) + "\n")
    assert councilpdf.export([ndjson], tmp_path / "py.db") == 3
    subprocess.run([cli, "export", "--format", "sqlite", "--out", str(tmp_path / "cli.db"), str(ndjson)], check=True)
    assert dump(tmp_path / "py.db") == dump(tmp_path / "cli.db")
    with sqlite3.connect(tmp_path / "py.db") as db:
        (target,) = db.execute("SELECT target FROM savings WHERE ref = 'CFE016'").fetchone()
    assert target == 3385800
    with pytest.raises(FileNotFoundError):
        councilpdf.export([tmp_path / "missing.ndjson"], tmp_path / "x.db")
    bad = tmp_path / "bad.json"
    bad.write_text('{"not": "an output"}')
    with pytest.raises(ValueError):
        councilpdf.export([bad], tmp_path / "x.db")


def councilpdf_json(obj):
    import json

    return json.dumps(obj, ensure_ascii=False)


def dump(db_path):
    import sqlite3

    with sqlite3.connect(db_path) as db:
        tables = [t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: db.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in tables}


def test_authority_is_in_the_document_and_its_row():
    # "Somerset County Council is an active and caring corporate parent" (paragraph 38); the
    # inspection was in July 2022, before Somerset Council (E06000066) replaced the county.
    doc = councilpdf.extract(OFSTED)
    assert (doc["authority"]["name"], doc["authority"]["kind"], doc["authority"]["code"]) == (
        "Somerset County Council",
        "county",
        "E10000027",
    )
    row = councilpdf.to_frames([doc])["documents"].iloc[0]
    assert (row["authority"], row["authority_kind"], row["authority_code"]) == (
        "Somerset County Council",
        "county",
        "E10000027",
    )
