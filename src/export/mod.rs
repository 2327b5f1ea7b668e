//! Analyst outputs: outputs flattened into tables ([`tables`]) and written as CSV or SQLite.
//!
//! Inputs are PDFs (converted on the way), JSON written by `extract` (one object or NDJSON),
//! or folders of either. [`load`] turns them into outputs in input order; a broken PDF is an
//! output too (an error object), so it gets its `documents` row like any other, except a
//! `not_found` one (no sha256 to key it), which the summary reports instead. JSON written by
//! an earlier contract version reads with the fields it lacks null or empty.

pub mod csv;
pub mod sqlite;
pub mod tables;

use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::contract::Output;

/// Why an input gave no output at all (a PDF that cannot be converted still gives one).
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The file could not be read from disk.
    #[error("cannot read {path}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A JSON input (or one of its NDJSON lines) is not an output of `extract`.
    #[error("{path}, line {line}: not an output of `councilpdf extract`")]
    NotOutput {
        path: PathBuf,
        line: usize,
        #[source]
        source: serde_json::Error,
    },
    /// A JSON input (or one of its NDJSON lines) breaks the contract of the version it declares.
    #[error("{path}, line {line}: does not meet the contract")]
    Invalid {
        path: PathBuf,
        line: usize,
        #[source]
        source: crate::contract::SchemaError,
    },
}

/// Expands folders (recursively) into their `*.pdf` and `*.json` files, sorted; files given
/// directly are kept as given. A folder's `*.expected.json` files are `check` fixtures, not
/// extraction outputs, and are left out.
pub fn expand_inputs(paths: &[PathBuf]) -> Vec<(PathBuf, String)> {
    crate::inputs::expand_given(paths, &|p| {
        let name = p.file_name().map(|n| n.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
        name.ends_with(".pdf") || (name.ends_with(".json") && !name.ends_with(crate::check::EXPECTED_SUFFIX))
    })
}

fn is_json(p: &Path) -> bool {
    p.extension().is_some_and(|x| {
        x.eq_ignore_ascii_case("json") || x.eq_ignore_ascii_case("ndjson") || x.eq_ignore_ascii_case("jsonl")
    })
}

/// Reads one input: a JSON file gives its outputs, anything else is converted as a PDF
/// (recorded as `given` in `source.path`; in this process: [`load_with`] lets the caller convert
/// PDFs in worker processes instead).
pub fn load_one(path: &Path, given: &str) -> Vec<Result<Output, InputError>> {
    if !is_json(path) {
        return vec![Ok(crate::convert_path(path, given, &Default::default()))];
    }
    read_json(path)
}

/// The outputs held in a JSON input (one object, an array of them, or NDJSON).
fn read_json(path: &Path) -> Vec<Result<Output, InputError>> {
    if let Err(e) = crate::inputs::regular_file(path, u64::MAX) {
        let source = std::io::Error::other(e.to_string());
        return vec![Err(InputError::Read { path: path.to_path_buf(), source })];
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(source) => return vec![Err(InputError::Read { path: path.to_path_buf(), source })],
    };
    let text = String::from_utf8_lossy(&bytes);
    // One (possibly pretty-printed) object, a JSON array of them, else NDJSON; each checked
    // against the contract version it declares before it is read.
    let values: Vec<(usize, Result<serde_json::Value, serde_json::Error>)> =
        match serde_json::from_str::<serde_json::Value>(&text) {
            Ok(serde_json::Value::Array(many)) => many.into_iter().map(|v| (1, Ok(v))).collect(),
            Ok(one) => vec![(1, Ok(one))],
            Err(_) => text
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
                .map(|(i, l)| (i + 1, serde_json::from_str(l)))
                .collect(),
        };
    values.into_iter().map(|(line, v)| read_output(path, line, v)).collect()
}

fn read_output(
    path: &Path,
    line: usize,
    value: Result<serde_json::Value, serde_json::Error>,
) -> Result<Output, InputError> {
    let not_output = |source| InputError::NotOutput { path: path.to_path_buf(), line, source };
    let value = value.map_err(not_output)?;
    crate::contract::validate(&value).map_err(|source| InputError::Invalid {
        path: path.to_path_buf(),
        line,
        source,
    })?;
    serde_json::from_value(value).map_err(not_output)
}

/// What loading a batch gave.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Outputs in input order, each document (sha256) once.
    pub outputs: Vec<Output>,
    /// Inputs that gave nothing.
    pub errors: Vec<InputError>,
    /// Files whose document was already loaded from an earlier input (same sha256).
    pub duplicates: Vec<String>,
}

/// Loads every input, converting PDFs in parallel in this process; the result is in input
/// order. A hostile PDF can crash or hang this process: the CLI uses [`load_with`] and the
/// worker pool.
pub fn load(paths: &[PathBuf]) -> Loaded {
    load_with(paths, |pdfs| {
        pdfs.par_iter().map(|(p, given)| crate::convert_path(p, given, &Default::default())).collect()
    })
}

/// Loads every input, converting the PDFs among them with `convert` (given every PDF at once,
/// each with the path to record in `source.path`, it returns one output per PDF, in order);
/// JSON inputs are read here.
pub fn load_with(paths: &[PathBuf], convert: impl FnOnce(&[(PathBuf, String)]) -> Vec<Output>) -> Loaded {
    let inputs = expand_inputs(paths);
    let pdfs: Vec<(PathBuf, String)> = inputs.iter().filter(|(p, _)| !is_json(p)).cloned().collect();
    let mut converted = convert(&pdfs).into_iter();
    let results: Vec<Vec<Result<Output, InputError>>> = inputs
        .iter()
        .map(|(p, given)| {
            if is_json(p) {
                read_json(p)
            } else {
                match converted.next() {
                    Some(out) => vec![Ok(out)],
                    None => vec![Ok(crate::failure(
                        crate::source_of_path(p, given),
                        crate::contract::ErrorCode::Internal,
                        "no result was produced for this input",
                    ))],
                }
            }
        })
        .collect();
    let mut loaded = Loaded::default();
    let mut seen = HashSet::new();
    for r in results.into_iter().flatten() {
        match r {
            Ok(out) => {
                // A not_found failure has no sha256: each is its own (it gives no rows).
                if out.source().sha256.is_none() || seen.insert(out.source().sha256.clone()) {
                    loaded.outputs.push(out);
                } else {
                    loaded.duplicates.push(out.source().file.clone());
                }
            }
            Err(e) => loaded.errors.push(e),
        }
    }
    loaded
}
