//! Analyst outputs: outputs flattened into tables ([`tables`]) and written as CSV or SQLite.
//!
//! Inputs are PDFs (converted on the way), JSON written by `extract` (one object or NDJSON),
//! or folders of either. [`load`] turns them into outputs in input order; a broken PDF is an
//! output too (an error object), so it gets its `documents` row like any other.

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
}

/// Expands folders (recursively) into their `*.pdf` and `*.json` files, sorted; files given
/// directly are kept as given. A folder's `*.expected.json` files are `check` fixtures, not
/// extraction outputs, and are left out.
pub fn expand_inputs(paths: &[PathBuf]) -> Vec<PathBuf> {
    crate::inputs::expand(paths, &|p| {
        let name = p.file_name().map(|n| n.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
        name.ends_with(".pdf") || (name.ends_with(".json") && !name.ends_with(crate::check::EXPECTED_SUFFIX))
    })
}

fn is_json(p: &Path) -> bool {
    p.extension().is_some_and(|x| {
        x.eq_ignore_ascii_case("json") || x.eq_ignore_ascii_case("ndjson") || x.eq_ignore_ascii_case("jsonl")
    })
}

/// Reads one input: a JSON file gives its outputs, anything else is converted as a PDF (in this
/// process: [`load_with`] lets the caller convert PDFs in worker processes instead).
pub fn load_one(path: &Path) -> Vec<Result<Output, InputError>> {
    if !is_json(path) {
        return vec![Ok(crate::convert_file(path, &Default::default()))];
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
    // One (possibly pretty-printed) object, a JSON array of them, else NDJSON.
    if let Ok(one) = serde_json::from_str::<Output>(&text) {
        return vec![Ok(one)];
    }
    if let Ok(many) = serde_json::from_str::<Vec<Output>>(&text) {
        return many.into_iter().map(Ok).collect();
    }
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str::<Output>(l).map_err(|source| InputError::NotOutput {
                path: path.to_path_buf(),
                line: i + 1,
                source,
            })
        })
        .collect()
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
    load_with(paths, |pdfs| pdfs.par_iter().map(|p| crate::convert_file(p, &Default::default())).collect())
}

/// Loads every input, converting the PDFs among them with `convert` (given every PDF path at
/// once, it returns one output per path, in order); JSON inputs are read here.
pub fn load_with(paths: &[PathBuf], convert: impl FnOnce(&[PathBuf]) -> Vec<Output>) -> Loaded {
    let inputs = expand_inputs(paths);
    let pdfs: Vec<PathBuf> = inputs.iter().filter(|p| !is_json(p)).cloned().collect();
    let mut converted = convert(&pdfs).into_iter();
    let results: Vec<Vec<Result<Output, InputError>>> = inputs
        .iter()
        .map(|p| {
            if is_json(p) {
                read_json(p)
            } else {
                match converted.next() {
                    Some(out) => vec![Ok(out)],
                    None => vec![Ok(crate::failure(
                        crate::source_of_path(p),
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
                if seen.insert(out.source().sha256.clone()) {
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
