//! Helpers shared by the integration tests.
#![allow(dead_code)]

use councilpdf::contract::{Extraction, Output};
use std::path::{Path, PathBuf};

/// A fixture's path: `fixtures/NAME` (NAME may include `real/`).
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(name)
}

/// Converts a fixture through the library and returns its output.
pub fn convert(name: &str) -> Output {
    convert_at(&fixture(name), name)
}

fn convert_at(path: &Path, name: &str) -> Output {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    councilpdf::convert(name, &bytes, &Default::default())
}

fn must_read(out: Output, name: &str) -> Extraction {
    match out {
        Output::Ok(e) => *e,
        Output::Failed(f) => panic!("{name} failed: {:?}", f.error),
    }
}

/// Converts a fixture that must read, and returns the extraction.
pub fn extract(name: &str) -> Extraction {
    must_read(convert(name), name)
}

/// Converts a generated paper (`tests/gen/pdfs/NAME`) that must read.
pub fn generated(name: &str) -> Extraction {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/gen/pdfs").join(name);
    must_read(convert_at(&path, name), name)
}

/// The layout of a fixture.
pub fn layout(name: &str) -> councilpdf::layout::Layout {
    let bytes = std::fs::read(fixture(name)).expect("fixture readable");
    let raw = councilpdf::pdf::read(&bytes, &Default::default()).expect("fixture is a PDF");
    councilpdf::layout::build(&raw)
}

/// The path of the built binary, for CLI tests.
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_councilpdf"))
}

/// The inspection of an extraction that must have one.
pub fn inspection(e: &Extraction) -> &councilpdf::contract::Inspection {
    e.inspection.as_ref().expect("an inspection")
}

/// (area, grade as printed, code) of every judgement, in order.
pub fn judgements(e: &Extraction) -> Vec<(String, String, councilpdf::contract::GradeCode)> {
    e.judgements.iter().map(|j| (j.area.clone(), j.grade.clone(), j.grade_code)).collect()
}

/// A judgement as `judgements` lists it.
pub fn j(
    area: &str,
    grade: &str,
    code: councilpdf::contract::GradeCode,
) -> (String, String, councilpdf::contract::GradeCode) {
    (area.to_string(), grade.to_string(), code)
}

/// Rows of a CSV file as maps from column name to value.
pub fn read_csv(path: &Path) -> (Vec<String>, Vec<std::collections::HashMap<String, String>>) {
    let mut r = csv::Reader::from_path(path).unwrap();
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|rec| header.iter().cloned().zip(rec.unwrap().iter().map(String::from)).collect())
        .collect();
    (header, rows)
}

/// An amount as the contract prints it ("-1200000"), for comparing with figures read in the PDF.
pub fn money(m: Option<councilpdf::contract::Money>) -> Option<String> {
    m.map(|m| m.to_string())
}

/// The saving printed with reference `r`.
pub fn saving<'a>(e: &'a Extraction, r: &str) -> &'a councilpdf::contract::Saving {
    e.savings.iter().find(|s| s.reference.as_deref() == Some(r)).unwrap_or_else(|| panic!("no saving {r}"))
}
