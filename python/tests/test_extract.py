"""councilpdf.extract: one file in this process, values read from the sample papers."""

import importlib.metadata
import json
import pathlib
import subprocess
import sys

import pytest

import councilpdf
from conftest import ENCRYPTED, OFSTED, REPO, TRACKER

try:
    import tomllib
except ImportError:  # Python < 3.11
    tomllib = None


def test_somerset_ofsted_report_has_its_four_judgements():
    # Page 1 of the report: the judgement table, every area graded Good.
    doc = councilpdf.extract(OFSTED)
    assert doc["document_type"] == "ofsted_report"
    assert [(j["area"], j["grade"], j["grade_code"]) for j in doc["judgements"]] == [
        ("The impact of leaders on social work practice with children and families", "Good", "good"),
        ("The experiences and progress of children who need help and protection", "Good", "good"),
        ("The experiences and progress of children in care and care leavers", "Good", "good"),
        ("Overall effectiveness", "Good", "good"),
    ]
    assert doc["inspection"]["start_date"] == "2022-07-18"
    assert doc["inspection"]["end_date"] == "2022-07-29"
    assert doc["inspection"]["lead_inspector"] == "Kendra Bell"


def test_tracker_ref_cfe016_as_printed_on_page_5():
    # "CFE016 16+ placements (Block contract) 3,385,800 | 1,482,000 (On Track) | 1,903,800 (At Risk)"
    doc = councilpdf.extract(str(TRACKER))
    (row,) = [s for s in doc["savings"] if s["ref"] == "CFE016"]
    assert row["description"] == "16+ placements (Block contract)"
    assert (row["target"], row["on_track"], row["at_risk"]) == (3385800, 1482000, 1903800)
    assert row["provenance"]["page"] == 5


def test_output_is_the_cli_contract_object_and_validates(cli, tmp_path):
    doc = councilpdf.extract(pathlib.Path(OFSTED))
    out = tmp_path / "ofsted.json"
    out.write_text(json.dumps(doc))
    subprocess.run([cli, "validate", str(out)], check=True, capture_output=True)
    cli_doc = json.loads(subprocess.run([cli, "extract", str(OFSTED)], check=True, capture_output=True).stdout)
    assert doc == cli_doc


def test_bytes_are_read_as_standard_input():
    from_path = councilpdf.extract(OFSTED)
    for data in (OFSTED.read_bytes(), bytearray(OFSTED.read_bytes()), memoryview(OFSTED.read_bytes())):
        doc = councilpdf.extract(data)
        assert doc["source"]["file"] == "-"
        assert doc["source"].get("path", "-") == "-"
        assert doc["judgements"] == from_path["judgements"]
        assert doc["source"]["sha256"] == from_path["source"]["sha256"]


@pytest.mark.parametrize(
    "data, code",
    [
        (b"<!DOCTYPE html><html><body>404 Not Found</body></html>", "not_pdf"),
        (b"", "not_pdf"),
        (ENCRYPTED.read_bytes(), "encrypted"),
    ],
    ids=["html", "empty", "encrypted"],
)
def test_a_bad_input_gives_the_error_object_not_an_exception(data, code):
    doc = councilpdf.extract(data)
    assert doc["error"]["code"] == code
    assert doc["error"]["message"]
    assert set(doc) == {"schema_version", "tool", "source", "error"}
    assert doc["source"]["bytes"] == len(data)


def test_a_bad_file_on_disk_gives_the_error_object(not_a_pdf):
    doc = councilpdf.extract(not_a_pdf)
    assert doc["error"]["code"] == "not_pdf"
    assert doc["source"]["file"] == "error-page.pdf"


def test_a_missing_path_raises_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError):
        councilpdf.extract(tmp_path / "no-such.pdf")
    with pytest.raises(FileNotFoundError):
        councilpdf.extract(str(tmp_path / "no-such.pdf"))


@pytest.mark.parametrize("arg", [None, 42, 1.5, ["a.pdf"], {"path": "a.pdf"}])
def test_wrong_types_raise_type_error(arg):
    with pytest.raises(TypeError):
        councilpdf.extract(arg)


def test_version_is_the_crates():
    assert councilpdf.__version__ == importlib.metadata.version("councilpdf")
    if tomllib is not None:
        cargo = tomllib.loads((REPO / "Cargo.toml").read_text())
        assert councilpdf.__version__ == cargo["workspace"]["package"]["version"]
    assert councilpdf.extract(b"x")["tool"] == {"name": "councilpdf", "version": councilpdf.__version__}


def test_pandas_is_not_imported_until_frames_are_asked_for():
    code = (
        "import sys, councilpdf; councilpdf.extract(sys.argv[1]); "
        "list(councilpdf.extract_many([sys.argv[1]], jobs=1)); "
        "assert 'pandas' not in sys.modules, 'pandas imported'"
    )
    subprocess.run([sys.executable, "-c", code, str(OFSTED)], check=True)


def test_public_functions_have_docstrings_and_stubs_ship():
    for name in councilpdf.__all__:
        obj = getattr(councilpdf, name)
        if callable(obj):
            assert obj.__doc__ and len(obj.__doc__) > 80, name
    package = pathlib.Path(councilpdf.__file__).parent
    assert (package / "_native.pyi").is_file()
    assert (package / "py.typed").is_file()


def test_stubs_cover_the_native_module():
    import ast

    from councilpdf import _native

    package = pathlib.Path(councilpdf.__file__).parent
    tree = ast.parse((package / "_native.pyi").read_text())
    stubbed = {n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    native = {n for n in dir(_native) if not n.startswith("_")}
    assert stubbed == native
